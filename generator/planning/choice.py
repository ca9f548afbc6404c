"""Which actions a roadmap contains, and which it leaves out because they are done already.

1. Level steps: for each step on the way to a target (no skipping), the fewest suitable
   actions that cover every unmet criterion of the next level.
2. Set-up: when the office needed differs from the one there is (or there is none), the
   set-up actions for that office; when the way of working must change, those for the new
   operating model. A transition action (one with `from_types`) stands in for the actions it
   `replaces`.
3. Pinned actions; actions naming a service in the services survey's *improve first*
   quadrant; then every prerequisite of a chosen action.

An action whose criteria are all met, and whose `in_place_if` holds, is never planned: it is
listed as already in place, with the evidence. So is a set-up action without either (an
older library) when the office or way of working it serves is the one there is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from .. import expr
from ..models import NO_OFFICE, PHASES, Action, RoadmapSettings
from . import reasons
from .results import Finding, InPlace
from .situation import Situation

Uncovered = dict[str, list[tuple[str, int]]]
"""By perspective: unmet criteria (id, level) that no usable action addresses."""


@dataclass(frozen=True)
class Choice:
    """An action chosen for the plan, with what it moves and why."""

    action: Action
    step: str
    reason: str
    findings: tuple[Finding, ...]
    recovery: bool = False

    @property
    def criteria(self) -> tuple[str, ...]:
        return tuple(f"{f.id} ({f.answer})" for f in self.findings if f.id in self.action.criteria)


@dataclass(frozen=True)
class Selection:
    """The outcome of choosing: what to plan, what is done, what replaced what."""

    chosen: dict[str, Choice]
    uncovered: Uncovered
    in_place: dict[str, InPlace]
    replaced: dict[str, str]
    """Replaced action → the transition action standing in for it."""
    covered: dict[str, tuple[str, ...]]
    """Set-up action left out → the level-step actions that address all its unmet criteria."""

    def stand_ins(self, ident: str) -> tuple[str, ...]:
        """The actions doing the work of a replaced or covered action (empty: neither)."""
        if ident in self.replaced:
            return (self.replaced[ident],)
        return self.covered.get(ident, ())


def choose(
    s: Situation,
    actions: Mapping[str, Action],
    settings: RoadmapSettings,
    targets: Mapping[str, tuple[int, str]],
    efforts: Mapping[str, float],
) -> Selection:
    excluded = set(settings.excluded)
    usable = {k: a for k, a in actions.items() if k not in excluded and (
        not (a.pmo_types or a.operating_models or a.from_types) or suits(a, s))}
    chosen: dict[str, Choice] = {}
    uncovered: Uncovered = {}
    _level_steps(s, usable, targets, efforts, chosen, uncovered)
    in_place: dict[str, InPlace] = {}
    replaced, covered = _setup(s, usable, chosen, in_place)
    for ident in settings.pinned:
        action = actions.get(ident)
        if action is None or ident in excluded or ident in chosen:
            continue
        if is_in_place(action, s):
            in_place[ident] = _in_place(action, s, "Pinned in the roadmap settings")
        else:
            chosen[ident] = Choice(action, step_of(action), reasons.pinned(missing(action, s)),
                                   missing(action, s))
    for ident, action in sorted(usable.items()):
        rated = [s.improve_first[x] for x in action.services if x in s.improve_first]
        if rated and ident not in chosen:
            chosen[ident] = Choice(action, "services", reasons.services(rated), ())
    _add_prerequisites(s, chosen, actions, excluded, {**replaced, **covered}, in_place)
    return Selection(chosen, uncovered, in_place, replaced, covered)


def suits(action: Action, s: Situation) -> bool:
    """It fits the office needed, the way of working wanted and the office there is today."""
    return unsuited(action, s) is None


def unsuited(action: Action, s: Situation) -> str | None:
    """Why the action does not suit the organisation, or None when it does."""
    if not (action.pmo_types or action.operating_models or action.from_types):
        return None
    if action.pmo_types and s.needed_type not in action.pmo_types:
        return (f"it is for {_names(s, action.pmo_types)}, and the organisation needs "
                f"{s.title(s.needed_type, 'no particular type of office (not assessed)')}")
    if action.operating_models and s.target_model not in action.operating_models:
        return (f"it is for an office working in a {_names(s, action.operating_models).lower()} "
                f"way, "
                f"and the office should work in a {s.target_model or 'not assessed'} way")
    if action.from_types and (s.current_type or NO_OFFICE) not in action.from_types:
        return (f"it is for moving from {_names(s, action.from_types)}, and the office today is "
                f"{s.title(s.current_type, 'none')}")
    return None


def is_in_place(action: Action, s: Situation) -> bool:
    """Every criterion it names is met and its `in_place_if` holds; a set-up action naming
    neither is in place when the office (or way of working) it serves is the one there is."""
    if action.services and not (action.criteria or action.in_place_if):
        return False  # the services survey, not the maturity answers, brings it in or not
    if action.criteria or action.in_place_if:
        met = not (s.unmet_ids & set(action.criteria))
        return met and (not action.in_place_if or _condition(action.in_place_if).evaluate(
            s.answers, {}))
    if not action.is_setup:
        return False
    if action.operating_models:
        return s.target_model is not None and s.target_model == s.current_model
    return s.needed_type is not None and s.needed_type == s.current_type


def evidence(action: Action, s: Situation) -> tuple[Finding, ...]:
    """The criteria and answers that decide whether the action is in place."""
    return tuple(s.finding(c) for c in action.criteria) + tuple(
        s.finding(q) for q in _questions(action))


def missing(action: Action, s: Situation) -> tuple[Finding, ...]:
    """The unmet criteria, and the answers of an `in_place_if` that does not hold."""
    unmet = tuple(s.finding(c) for c in action.criteria if c in s.unmet_ids)
    if not action.in_place_if:
        return unmet
    condition = _condition(action.in_place_if)
    if condition.evaluate(s.answers, {}):
        return unmet
    failing = [q for q, atom, wanted in _atoms(condition)
               if atom.evaluate(s.answers, {}) != wanted]
    return unmet + tuple(s.finding(q) for q in dict.fromkeys(failing or _questions(action)))


def setup_trigger(action: Action, s: Situation) -> str | None:
    """Why a set-up action comes into the plan (the office changes), or None."""
    if not action.is_setup or action.services:  # services actions follow the survey
        return None
    if action.operating_models:
        if s.target_model and s.target_model != s.current_model:
            return (f"Working in a {s.target_model} way "
                    f"(today: {s.current_model or 'not assessed'})")
        return None
    if not s.needed_type or s.needed_type == s.current_type:
        return None
    needed = s.title(s.needed_type, s.needed_type)
    if s.current_type is None:
        return f"Setting up a {needed} (there is no office today)"
    return f"Moving from a {s.title(s.current_type, s.current_type)} to a {needed}"


def step_of(action: Action) -> str:
    if action.is_setup:
        return "set-up"
    return f"{action.perspectives[0]} {action.from_level}→{action.to_level}"


def cover(unmet: Mapping[str, str], candidates: list[Action], efforts: Mapping[str, float]
          ) -> tuple[list[Action], list[str]]:
    """Greedy set cover: the fewest actions, best value for effort, covering the criteria."""
    left = set(unmet)
    picked = []
    pool = sorted(candidates, key=lambda a: (-a.value / efforts[a.id], a.id))
    while left:
        best = max(pool, key=lambda a: len(left & set(a.criteria)), default=None)
        if best is None or not left & set(best.criteria):
            break
        picked.append(best)
        left -= set(best.criteria)
        pool = [a for a in pool if a is not best]  # not remove(): it compares every field
    return picked, sorted(left)


def candidates(usable: Mapping[str, Action], perspective: str, level: int) -> list[Action]:
    """The suitable actions for the step from `level` to `level + 1` of a perspective."""
    return list(_by_step(usable).get((perspective, level), ()))


def _by_step(usable: Mapping[str, Action]) -> dict[tuple[str, int], list[Action]]:
    out: dict[tuple[str, int], list[Action]] = {}
    for a in usable.values():
        if a.to_level == a.from_level + 1:
            for p in a.perspectives:
                out.setdefault((p, a.from_level), []).append(a)
    return out


def _level_steps(
    s: Situation,
    usable: Mapping[str, Action],
    targets: Mapping[str, tuple[int, str]],
    efforts: Mapping[str, float],
    chosen: dict[str, Choice],
    uncovered: Uncovered,
) -> None:
    titles = dict(s.perspectives)
    steps = _by_step(usable)
    for p, _ in s.perspectives:
        if p not in s.levels:
            continue
        current, target = s.levels[p], targets[p][0]
        for level in range(max(current, 1), target):
            unmet = dict(s.unmet.get((p, level + 1), ()))
            picked, left = cover(unmet, list(steps.get((p, level), ())), efforts)
            uncovered.setdefault(p, []).extend((c, level + 1) for c in left)
            regained = level + 1 <= s.previous_levels.get(p, -1)
            for action in picked:
                if action.id in chosen:
                    continue
                found = tuple(s.finding(c) for c in action.criteria if c in unmet)
                reason = (reasons.recovery(s, titles[p], p, level + 1, found) if regained
                          else reasons.step(s, titles[p], p, target, level + 1, found))
                chosen[action.id] = Choice(action, f"{p} {level}→{level + 1}", reason, found,
                                           recovery=regained)


def _setup(s: Situation, usable: Mapping[str, Action], chosen: dict[str, Choice],
           in_place: dict[str, InPlace]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Set-up actions the change of office or way of working brings in. Returns what the
    transition actions (planned or in place) replace, and the set-up actions left out
    because the level steps already address every criterion they would establish."""
    triggered = [
        (a, why) for a in sorted(usable.values(), key=lambda a: (PHASES.index(a.phase), a.id))
        if (why := setup_trigger(a, s))
    ]
    replaced = {r: a.id for a, _ in triggered for r in a.replaces}
    addressing: dict[str, list[str]] = {}
    for k, c in chosen.items():
        for f in c.findings:
            addressing.setdefault(f.id, []).append(k)
    covered: dict[str, tuple[str, ...]] = {}
    for action, why in triggered:
        if action.id in replaced or action.id in chosen:
            continue  # a transition action covers the same ground
        if is_in_place(action, s):
            in_place[action.id] = _in_place(action, s, why)
            continue
        unmet = [c for c in action.criteria if c in s.unmet_ids]
        if unmet and all(c in addressing for c in unmet):
            covered[action.id] = tuple(sorted({k for c in unmet for k in addressing[c]}))
            continue
        found = missing(action, s)
        chosen[action.id] = Choice(action, "set-up", reasons.setup(why, found), found)
    return replaced, covered


def _add_prerequisites(
    s: Situation,
    chosen: dict[str, Choice],
    actions: Mapping[str, Action],
    excluded: set[str],
    replaced: Mapping[str, object],
    in_place: dict[str, InPlace],
) -> None:
    """Every prerequisite of a chosen action, unless done, excluded or replaced."""
    queue = list(chosen)
    while queue:
        for dep in actions[queue.pop(0)].depends_on:
            if dep in chosen or dep in excluded or dep in replaced or dep in in_place:
                continue
            users = sorted(k for k, c in chosen.items() if dep in c.action.depends_on)
            action = actions[dep]
            if is_in_place(action, s):
                in_place[dep] = _in_place(action, s, f"Needed first by {', '.join(users)}")
                continue
            found = missing(action, s)
            chosen[dep] = Choice(action, step_of(action), reasons.prerequisite(users, found),
                                 found)
            queue.append(dep)


def _in_place(action: Action, s: Situation, why: str) -> InPlace:
    return InPlace(action.id, action.title, action.owner, why, evidence(action, s))


def _names(s: Situation, ids: list[str]) -> str:
    names = [s.title(i, "no office") if i != NO_OFFICE else "no office" for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


@lru_cache(maxsize=512)
def _condition(text: str) -> expr.Expr:
    return expr.parse(text)  # checked when the library was loaded


def _questions(action: Action) -> list[str]:
    if not action.in_place_if:
        return []
    return list(dict.fromkeys(q for q, _ in expr.references(_condition(action.in_place_if))))


def _atoms(condition: expr.Expr, holds: bool = True) -> list[tuple[str, expr.Expr, bool]]:
    """The comparisons a condition is made of: (question, comparison, the result that
    counts towards the condition holding), so that a negated one counts when it is false."""
    if isinstance(condition, expr.Compare | expr.InList | expr.Answered):
        return [(condition.question, condition, holds)]
    if isinstance(condition, expr.Not):
        return _atoms(condition.operand, not holds)
    if isinstance(condition, expr.Logical):
        return [atom for o in condition.operands for atom in _atoms(o, holds)]
    return []
