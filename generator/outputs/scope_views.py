"""The profile by what the criteria evidence, in words: shared by `pmo score`, the site and
the report, so that the three say the same thing."""

from __future__ import annotations

from ..scoring.results import CriterionResult, LevelShare, MaturityResult, ScopeResult

IN_A_SENTENCE = {
    "portfolio": "portfolio management",
    "programme": "programme management",
    "project": "project management",
    "office": "the office",
}
EVEN = 0.3
"""Scores closer than this are read as one stage: the model cannot tell them apart reliably."""


def share(s: LevelShare) -> str:
    """Criteria met of those that count at a level: `4/5`; `—` when none counts."""
    return f"{s.met}/{s.counted}" if s.counted else "—"


def first_gap(scope: ScopeResult) -> LevelShare | None:
    """The lowest level at which some of the scope's criteria are not met."""
    return next((s for s in scope.levels if s.met < s.counted), None)


def gap_criteria(m: MaturityResult, scope: ScopeResult) -> tuple[CriterionResult, ...]:
    """The scope's unmet criteria at its first gap: what to work on for this view."""
    gap = first_gap(scope)
    if gap is None:
        return ()
    return tuple(c for c in m.criteria if c.scope == scope.id and c.level == gap.level
                 and not c.met and c.status != "na")


def headline(m: MaturityResult) -> str:
    """The profile in one sentence: the strongest and weakest views, or an even profile.

    Views within `EVEN` of the strongest (or the weakest) are named together as level with it:
    the model cannot tell them apart.
    """
    found = _extremes(m)
    if found is None:
        return ""
    scored, high, low = found
    if not _apart(high, low):
        names = _join([IN_A_SENTENCE[s.id] for s in scored])
        return (f"An even profile: {names} are at a similar stage (scores {low.score} to "
                f"{high.score}).")
    weak = [s for s in scored if not _apart(s, low) and _apart(high, s)]
    strong = [s for s in scored if not _apart(high, s) and _apart(s, low)]
    return (f"{_capital(_said(strong, 'strongest'))}"
            f"{' and ' if len(weak) == 1 else '; '}{_said(weak, 'weakest')}.")


def _apart(high: ScopeResult, low: ScopeResult) -> bool:
    """The two scores are at least `EVEN` apart (to one decimal, as they are shown)."""
    return round((high.score or 0.0) - (low.score or 0.0), 1) >= EVEN


def _said(views: list[ScopeResult], end: str) -> str:
    """`project management is strongest (3.0)`, or several views level at one end."""
    views = sorted(views, key=lambda s: -(s.score or 0.0))
    if len(views) == 1:
        v = views[0]
        verb = "is " if end == "strongest" else ""
        return f"{IN_A_SENTENCE[v.id]} {verb}{end} ({v.score:.1f})"
    scores = sorted({f"{v.score or 0.0:.1f}" for v in views})
    span = scores[0] if len(scores) == 1 else f"{scores[0]}–{scores[-1]}"
    return (f"{_join([IN_A_SENTENCE[v.id] for v in views])} are level and {end} "
            f"({span})")


def reading(m: MaturityResult) -> str:
    """What the profile says, in a few sentences; empty without two assessed scopes."""
    found = _extremes(m)
    if found is None:
        return ""
    scored, high, low = found
    text = headline(m)
    if not _apart(high, low):
        return text + _foundations(scored, set())
    gaps = [(s, first_gap(s)) for s in (high, low)]
    said = [f"{IN_A_SENTENCE[s.id]} meets {g.met} of {g.counted} "
            f"{'criterion' if g.counted == 1 else 'criteria'} at level {g.level}"
            for s, g in gaps if g is not None]
    if said:
        text += " Where each first falls short: " + "; ".join(said) + "."
    return text + _foundations(scored, {high.id, low.id})


def _foundations(scored: list[ScopeResult], said: set[str]) -> str:
    """The other scopes that still miss level-2 criteria: gaps in the foundations."""
    short = [(s, g) for s in scored if s.id not in said
             for g in [first_gap(s)] if g is not None and g.level == 2]
    if not short:
        return ""
    parts = [f"{IN_A_SENTENCE[s.id]} ({g.met} of {g.counted} met)" for s, g in short]
    return " Also short of level 2: " + _join(parts) + "."


def _extremes(m: MaturityResult
               ) -> tuple[list[ScopeResult], ScopeResult, ScopeResult] | None:
    """The assessed scopes, the strongest and the weakest; None with fewer than two."""
    scored = [s for s in m.scopes if s.score is not None]
    if len(scored) < 2:
        return None
    return (scored, max(scored, key=lambda s: s.score or 0.0),
            min(scored, key=lambda s: s.score or 0.0))


def _join(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
