"""The sentences a roadmap gives for each action: why it is in the plan, citing what the
respondents answered and wrote, so that a consultant can defend every line."""

from __future__ import annotations

from collections.abc import Iterable

from .results import Finding
from .situation import AGREED_ROLE, Situation


def cite(f: Finding) -> str:
    """`GOV-2-3 (partly; evidence: “…”; answers not–fully; note by PMO lead: “…”)`, or for a
    question `PT-06: “The head of a department…” (4 of 6 respondents)`."""
    if f.kind == "question":
        answer = f"“{f.answer}”" if f.met else f.answer
        return f"{f.id}: {answer}" + (f" ({f.spread})" if f.spread else "")
    parts = [f.answer]
    evidence = next((q for q in f.quotes if q.evidence), None)
    if evidence is not None:
        parts.append(f"evidence: “{evidence.evidence}”")
    if f.disagreement and f.spread:
        parts.append(f"answers {f.spread}")
    note = next((q for q in f.quotes if q.notes), None)
    if note is not None:
        who = "workshop note" if note.role == AGREED_ROLE else f"note by {note.role}"
        parts.append(f"{who}: “{note.notes}”")
    return f"{f.id} ({'; '.join(parts)})"


def cite_all(findings: Iterable[Finding]) -> str:
    return ", ".join(cite(f) for f in findings)


def step(s: Situation, title: str, perspective: str, target: int, level: int,
         findings: tuple[Finding, ...]) -> str:
    """A level step: the gap, then the unmet criteria of the next level."""
    current = s.levels[perspective]
    return (f"{title} is at level {current}, target {target}; level {level} needs "
            f"{cite_all(findings)}")


def recovery(s: Situation, title: str, perspective: str, level: int,
             findings: tuple[Finding, ...]) -> str:
    """A level the perspective held in the previous round and has lost."""
    return (f"{title} fell from level {s.previous_levels[perspective]} in round "
            f"{s.previous_round} to {s.levels[perspective]}; getting level {level} back needs "
            f"{cite_all(findings)}")


def setup(why: str, missing: tuple[Finding, ...]) -> str:
    """A set-up action: why the office changes, then what the answers show is missing."""
    return why + _missing(missing)


def prerequisite(users: list[str], missing: tuple[Finding, ...]) -> str:
    return f"Needed first by {', '.join(users)}" + _missing(missing)


def services(rated: list[str]) -> str:
    """A services action: the services its customers want improved first."""
    return ("Its customers rate the service important and are not satisfied with it "
            f"(improve first in the services survey): {'; '.join(rated)}")


def pinned(missing: tuple[Finding, ...]) -> str:
    return "Pinned in the organisation's roadmap settings" + _missing(missing)


def _missing(findings: tuple[Finding, ...]) -> str:
    """`; not yet in place: GOV-2-3 (partly); today PT-06: “…” (5 of 6 respondents)`."""
    criteria = [f for f in findings if f.kind != "question"]
    answers = [f for f in findings if f.kind == "question"]
    text = f"; not yet in place: {cite_all(criteria)}" if criteria else ""
    return text + (f"; today {cite_all(answers)}" if answers else "")
