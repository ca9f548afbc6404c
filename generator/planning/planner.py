"""Plan a roadmap: choose the actions that close the gaps, then schedule them within capacity.

1. Targets: the organisation's, else the defaults for the PMO type and operating model it
   needs. Gap = target − current staged level, per perspective.
2. Choice: for each level step on the way to a target (no skipping), the fewest actions that
   cover every unmet criterion of the next level; set-up actions when the office must be
   established or reshaped, or its operating model changed; pinned actions; and, always,
   every prerequisite of a chosen action.
3. Order: prerequisites first, level steps of a perspective in order, set-up actions in
   life-cycle order; among the actions that are ready, quick wins first (value ÷ effort,
   weighted by the perspective's priority), ties broken by id, so a plan is deterministic.
4. Schedule: each action spreads its effort over its duration in whole months, starting in
   the earliest month at which capacity allows it in every month it runs.
5. Report: targets reached and when, the maturity projected at the end of each quarter,
   and, when the horizon is too short, the months or capacity that would be needed.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Mapping
from dataclasses import dataclass

from ..models import PHASES, Action, RoadmapSettings
from .results import Phase, PlannedAction, Roadmap, Shortfall, Target

WEEKS_PER_MONTH = 52 / 12
EPSILON = 1e-9


@dataclass(frozen=True)
class Situation:
    """What the planner needs to know about one organisation's assessed round.

    Attributes:
        levels: Current staged level per perspective (perspectives not assessed are absent).
        unmet: Unmet, applicable criteria by (perspective, level), each as (id, answer).
        round_date: When the round took place; the default start is the next month.
    """

    organisation: str
    name: str
    round: str
    round_date: dt.date
    perspectives: tuple[tuple[str, str], ...]
    levels: Mapping[str, int]
    unmet: Mapping[tuple[str, int], tuple[tuple[str, str], ...]]
    current_type: str | None
    needed_type: str | None
    current_model: str | None
    target_model: str | None
    titles: Mapping[str, str]
    """Titles of PMO types and operating models by outcome id."""


@dataclass(frozen=True)
class _Choice:
    action: Action
    step: str
    reason: str
    criteria: tuple[str, ...]


def plan(
    situation: Situation,
    actions: Mapping[str, Action],
    settings: RoadmapSettings,
    targets: Mapping[str, tuple[int, str]],
) -> Roadmap:
    """The roadmap for `situation`; `targets` maps perspective → (level, where it came from)."""
    start = settings.start or _next_month(situation.round_date)
    chosen, uncovered = _choose(situation, actions, settings, targets)
    order = _dependencies(chosen, actions)
    placed = _schedule(chosen, order, settings, settings.capacity)
    horizon = settings.horizon
    planned = [_planned(chosen[i], placed[i], start, horizon) for i in chosen]
    planned.sort(key=lambda a: (a.start_month, PHASES.index(a.phase), a.id))
    steps = _step_months(situation, chosen, placed, targets, uncovered)
    target_records = tuple(
        _target(situation, p, title, targets[p], steps, start, horizon, uncovered)
        for p, title in situation.perspectives
        if p in situation.levels
    )
    months = max((e for _, e in placed.values()), default=0)
    shortfall = None
    if months > horizon:
        shortfall = _shortfall(chosen, order, settings, months)
    return Roadmap(
        organisation=situation.organisation,
        name=situation.name,
        round=situation.round,
        start=start,
        horizon=horizon,
        capacity=settings.capacity,
        needed_type=situation.needed_type,
        current_type=situation.current_type,
        target_model=situation.target_model,
        current_model=situation.current_model,
        targets=target_records,
        actions=tuple(a for a in planned if a.within_horizon),
        deferred=tuple(a for a in planned if not a.within_horizon),
        phases=_phases(situation, chosen, placed, steps, start, horizon),
        shortfall=shortfall,
    )


Uncovered = dict[str, list[tuple[str, int]]]
"""By perspective: unmet criteria (id, level) that no usable action addresses."""


def _target(
    situation: Situation,
    p: str,
    title: str,
    target: tuple[int, str],
    steps: Mapping[tuple[str, int], int | None],
    start: dt.date,
    horizon: int,
    uncovered: Uncovered,
) -> Target:
    current = situation.levels[p]
    month = steps.get((p, target[0]), 0) if target[0] > current else 0
    return Target(
        perspective=p,
        title=title,
        current=current,
        target=target[0],
        source=target[1],
        reached=_date(start, month) if month is not None and month <= horizon else None,
        uncovered=tuple(c for c, _ in uncovered.get(p, ())),
    )


def _choose(
    situation: Situation,
    actions: Mapping[str, Action],
    settings: RoadmapSettings,
    targets: Mapping[str, tuple[int, str]],
) -> tuple[dict[str, _Choice], Uncovered]:
    """Actions for every level step, set-up, pins and prerequisites; uncovered criteria."""
    excluded = set(settings.excluded)
    usable = {
        k: a
        for k, a in actions.items()
        if k not in excluded and _suits(a, situation.needed_type, situation.target_model)
    }
    chosen: dict[str, _Choice] = {}
    uncovered: Uncovered = {}
    titles = dict(situation.perspectives)
    for p, _ in situation.perspectives:
        if p not in situation.levels:
            continue
        current, (target, _) = situation.levels[p], targets[p]
        for level in range(max(current, 1), target):
            unmet = dict(situation.unmet.get((p, level + 1), ()))
            candidates = [
                a
                for a in usable.values()
                if p in a.perspectives and a.from_level == level and a.to_level == level + 1
            ]
            picked, missing = _cover(unmet, candidates)
            uncovered.setdefault(p, []).extend((c, level + 1) for c in missing)
            for action in picked:
                met = tuple(f"{c} ({unmet[c]})" for c in action.criteria if c in unmet)
                reason = (
                    f"{titles[p]} is at level {current}, target {target}: the step to "
                    f"level {level + 1} needs {', '.join(met)}"
                )
                _add(chosen, _Choice(action, f"{p} {level}→{level + 1}", reason, met))
    for choice in _setup(situation, usable):
        _add(chosen, choice)
    for ident in settings.pinned:
        if ident in actions and ident not in excluded:
            _add(
                chosen,
                _Choice(
                    actions[ident],
                    _step_of(actions[ident]),
                    "Pinned in the organisation's roadmap settings",
                    (),
                ),
            )
    _add_prerequisites(chosen, actions, excluded | _done(situation, actions))
    return chosen, uncovered


def _done(situation: Situation, actions: Mapping[str, Action]) -> set[str]:
    """Actions with nothing left to do: every criterion they address is met already, or, for
    set-up actions, the office needed is the one there is. They are never planned as
    prerequisites, and count as finished for the actions that depend on them."""
    unmet = {c for items in situation.unmet.values() for c, _ in items}
    established = situation.needed_type is not None and (
        situation.needed_type == situation.current_type
    )
    return {
        k
        for k, a in actions.items()
        if (a.criteria and not unmet & set(a.criteria))
        or (not a.perspectives and established and not a.operating_models)
    }


def _cover(unmet: Mapping[str, str], candidates: list[Action]) -> tuple[list[Action], list[str]]:
    """Greedy set cover: the fewest actions, best value for effort, covering the criteria."""
    left = set(unmet)
    picked = []
    pool = sorted(candidates, key=lambda a: (-a.value / a.effort, a.id))
    while left:
        best = max(pool, key=lambda a: len(left & set(a.criteria)), default=None)
        if best is None or not left & set(best.criteria):
            break
        picked.append(best)
        left -= set(best.criteria)
        pool.remove(best)
    return picked, sorted(left)


def _setup(situation: Situation, usable: Mapping[str, Action]) -> list[_Choice]:
    """Perspective-less actions: establishing or reshaping the office, changing how it works.

    Set-up actions without operating models come when the office needed differs from the one
    there is (or there is none); actions naming operating models come when the way of working
    must change to one of them.
    """
    names = situation.titles
    new_type = bool(situation.needed_type) and situation.needed_type != situation.current_type
    new_model = bool(situation.target_model) and (situation.target_model != situation.current_model)
    today = names.get(situation.current_type or "", "no office")
    out = []
    for action in sorted(usable.values(), key=lambda a: (PHASES.index(a.phase), a.id)):
        if action.perspectives:
            continue
        if new_model and action.operating_models:
            reason = (
                f"The office should work in a {names.get(situation.target_model or '')} "
                f"way (today: {names.get(situation.current_model or '', 'not assessed')})"
            )
        elif new_type and not action.operating_models:
            reason = (
                f"The organisation needs a {names.get(situation.needed_type or '')} "
                f"(today: {today})"
            )
        else:
            continue
        out.append(_Choice(action, "set-up", reason, ()))
    return out


def _suits(action: Action, needed_type: str | None, target_model: str | None) -> bool:
    type_ok = not action.pmo_types or needed_type in action.pmo_types
    model_ok = not action.operating_models or target_model in action.operating_models
    return type_ok and model_ok


def _add(chosen: dict[str, _Choice], choice: _Choice) -> None:
    if choice.action.id not in chosen:
        chosen[choice.action.id] = choice


def _add_prerequisites(
    chosen: dict[str, _Choice], actions: Mapping[str, Action], excluded: set[str]
) -> None:
    queue = list(chosen)
    while queue:
        for dep in actions[queue.pop(0)].depends_on:
            if dep not in chosen and dep not in excluded:
                users = sorted(k for k, c in chosen.items() if dep in c.action.depends_on)
                action = actions[dep]
                chosen[dep] = _Choice(
                    action, _step_of(action), f"Needed first by {', '.join(users)}", ()
                )
                queue.append(dep)


def _step_of(action: Action) -> str:
    if not action.perspectives:
        return "set-up"
    return f"{action.perspectives[0]} {action.from_level}→{action.to_level}"


def _dependencies(
    chosen: Mapping[str, _Choice], actions: Mapping[str, Action]
) -> dict[str, set[str]]:
    """Every chosen action's prerequisites among the chosen: explicit, level order, phases."""
    deps = {k: {d for d in c.action.depends_on if d in chosen} for k, c in chosen.items()}
    for k, c in chosen.items():
        a = c.action
        for other_id, other in chosen.items():
            b = other.action
            same_perspective = set(a.perspectives) & set(b.perspectives)
            if same_perspective and b.to_level <= a.from_level and other_id != k:
                deps[k].add(other_id)  # no level skipping
            if (
                not a.perspectives
                and not b.perspectives
                and (PHASES.index(b.phase) < PHASES.index(a.phase))
            ):
                deps[k].add(other_id)  # the office's set-up follows its life cycle
    return deps


def _months(action: Action, capacity: float) -> tuple[int, float]:
    """Whole months the action runs and its load per month, stretched to fit the capacity."""
    months = max(1, math.ceil(action.duration / WEEKS_PER_MONTH - EPSILON))
    if action.effort / months > capacity:
        months = math.ceil(action.effort / capacity - EPSILON)
    return months, action.effort / months


def _schedule(
    chosen: Mapping[str, _Choice],
    deps: Mapping[str, set[str]],
    settings: RoadmapSettings,
    capacity: float,
) -> dict[str, tuple[int, int]]:
    """(start month, end month) of every chosen action: serial list scheduling.

    Repeatedly take the best action whose prerequisites are placed (earlier life-cycle phase
    first, then value ÷ effort weighted by the perspective's priority, then id) and place it
    in the earliest month from which capacity allows it for its whole duration.
    """
    weights = settings.priorities
    used: dict[int, float] = {}
    placed: dict[str, tuple[int, int]] = {}
    waiting_on = {k: len(deps[k]) for k in chosen}
    users: dict[str, list[str]] = {k: [] for k in chosen}
    for k, before in deps.items():
        for d in before:
            users[d].append(k)

    def priority(k: str) -> tuple[int, float, str]:
        a = chosen[k].action
        weight = max((weights.get(p, 1.0) for p in a.perspectives), default=1.0)
        return (PHASES.index(a.phase), -(a.value / a.effort) * weight, k)

    ready = [priority(k) for k, n in waiting_on.items() if n == 0]
    heapq.heapify(ready)
    while ready:
        k = heapq.heappop(ready)[2]
        months, load = _months(chosen[k].action, capacity)
        month = max((placed[d][1] for d in deps[k]), default=0)
        while any(
            used.get(m, 0.0) + load > capacity + EPSILON for m in range(month, month + months)
        ):
            month += 1
        for m in range(month, month + months):
            used[m] = used.get(m, 0.0) + load
        placed[k] = (month, month + months)
        for user in users[k]:
            waiting_on[user] -= 1
            if waiting_on[user] == 0:
                heapq.heappush(ready, priority(user))
    return placed


def _shortfall(
    chosen: Mapping[str, _Choice],
    deps: Mapping[str, set[str]],
    settings: RoadmapSettings,
    months: int,
) -> Shortfall:
    """Months needed at this capacity; the least whole person-days a month that would fit the
    horizon, or None when the chain of dependencies alone is longer than the horizon."""
    total = math.ceil(sum(c.action.effort for c in chosen.values())) + 1

    def end(capacity: float) -> int:
        return max(e for _, e in _schedule(chosen, deps, settings, capacity).values())

    chain = end(total)
    if chain > settings.horizon:
        return Shortfall(months, None, chain)
    low, high = math.floor(settings.capacity), total  # low does not fit, high does
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if end(middle) > settings.horizon else (low, middle)
    return Shortfall(months, float(high), chain)


def _step_months(
    situation: Situation,
    chosen: Mapping[str, _Choice],
    placed: Mapping[str, tuple[int, int]],
    targets: Mapping[str, tuple[int, str]],
    uncovered: Uncovered,
) -> dict[tuple[str, int], int | None]:
    """(perspective, level) → the month by which that level is reached; None if never.

    A level is reached when every action chosen for the step into it has finished; at once
    if nothing is unmet there; never if an unmet criterion there has no action.
    """
    ends: dict[tuple[str, int], int] = {}
    for k, c in chosen.items():
        for p in c.action.perspectives:
            key = (p, c.action.to_level)
            ends[key] = max(ends.get(key, 0), placed[k][1])
    out: dict[tuple[str, int], int | None] = {}
    for p, current in situation.levels.items():
        blocked = {level for _, level in uncovered.get(p, ())}
        month: int | None = 0
        for level in range(max(current + 1, 2), targets[p][0] + 1):
            if month is None or level in blocked:
                month = None
            else:
                month = max(month, ends.get((p, level), 0))
            out[(p, level)] = month
    return out


def _reached(
    situation: Situation, steps: Mapping[tuple[str, int], int | None], p: str, month: int
) -> int:
    """The level perspective `p` is projected at by the end of `month`."""
    level = situation.levels[p]
    following = max(level + 1, 2)
    while (
        (p, following) in steps
        and steps[(p, following)] is not None
        and steps[(p, following)] <= month
    ):  # type: ignore[operator]
        level, following = following, following + 1
    return level


def _phases(
    situation: Situation,
    chosen: Mapping[str, _Choice],
    placed: Mapping[str, tuple[int, int]],
    steps: Mapping[tuple[str, int], int | None],
    start: dt.date,
    horizon: int,
) -> tuple[Phase, ...]:
    """Projected levels at the end of each quarter of the horizon."""
    out = []
    for q in range(1, math.ceil(horizon / 3) + 1):
        month = min(3 * q, horizon)
        levels = tuple(
            (p, _reached(situation, steps, p, month))
            for p, _ in situation.perspectives
            if p in situation.levels
        )
        finished = tuple(sorted(k for k in chosen if 3 * (q - 1) < placed[k][1] <= month))
        label = f"{_month_start(start, 3 * (q - 1)):%b %Y}–{_date(start, month):%b %Y}"
        out.append(
            Phase(
                label,
                _date(start, month),
                month,
                levels,
                min((lv for _, lv in levels), default=0),
                finished,
            )
        )
    return tuple(out)


def _planned(
    choice: _Choice, placed: tuple[int, int], start: dt.date, horizon: int
) -> PlannedAction:
    a = choice.action
    begin, end = placed
    return PlannedAction(
        id=a.id,
        title=a.title,
        summary=a.summary,
        perspectives=tuple(a.perspectives),
        phase=a.phase,
        step=choice.step,
        start_month=begin,
        months=end - begin,
        start=_month_start(start, begin),
        end=_date(start, end),
        effort=a.effort,
        load=round(a.effort / (end - begin), 2),
        value=a.value,
        reason=choice.reason,
        criteria=choice.criteria,
        depends_on=tuple(a.depends_on),
        templates=tuple(a.templates),
        standards=tuple(a.standards),
        lessons=tuple(a.lessons),
        within_horizon=end <= horizon,
    )


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _date(start: dt.date, months: int) -> dt.date:
    """The last day of the `months`-th month after `start` (start itself for 0)."""
    if months <= 0:
        return start
    first = start.replace(day=1)
    index = first.month - 1 + months
    following = dt.date(first.year + index // 12, index % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _month_start(start: dt.date, months: int) -> dt.date:
    """The first day of the `months`-th month after `start` (start itself for 0)."""
    return start if months <= 0 else _date(start, months) + dt.timedelta(days=1)
