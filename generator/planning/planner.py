"""Plan a roadmap: choose the actions that close the gaps, size them, schedule them within
capacity, and say what the plan reaches and when.

1. Targets: the organisation's, else the defaults for the PMO type and operating model it
   needs. Gap = target − current staged level, per perspective.
2. Choice (`choice`): level steps, set-up or transition when the office must change, pins and
   prerequisites; whatever the answers show done is listed as already in place instead.
3. Size (`sizing`): each action's effort for the organisation's size.
4. Schedule (`schedule`): precedence, quick wins and recoveries first, then life cycle and
   value for effort, each action in the earliest month with capacity for it.
5. Report: targets reached and when, the maturity projected at the end of each quarter,
   and, when the horizon is too short, the months or capacity that would be needed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from functools import lru_cache

from ..models import PHASES, Action, RoadmapSettings
from . import schedule as sched
from .choice import Choice, Selection, Uncovered, choose
from .results import (
    FIRST_MONTHS,
    Phase,
    PlannedAction,
    Regression,
    Roadmap,
    Size,
    Target,
)
from .situation import Situation
from .sizing import REFERENCE, basis, effort, size_basis


def plan(
    situation: Situation,
    actions: Mapping[str, Action],
    settings: RoadmapSettings,
    targets: Mapping[str, tuple[int, str]],
) -> Roadmap:
    """The roadmap for `situation`; `targets` maps perspective → (level, where it came from)."""
    return plan_in_detail(situation, actions, settings, targets)[0]


def plan_in_detail(
    situation: Situation,
    actions: Mapping[str, Action],
    settings: RoadmapSettings,
    targets: Mapping[str, tuple[int, str]],
) -> tuple[Roadmap, Selection, sched.Deps]:
    """The roadmap, with the choices and precedence behind it (for explanations)."""
    s = situation
    start = settings.start or _next_month(s.round_date)
    days = _Efforts(actions, s.size)
    selection = choose(s, actions, settings, targets, days)
    chosen = selection.chosen
    deps = sched.dependencies(chosen, selection.stand_ins)
    wins = sched.quick_wins(chosen, deps, days, settings.priorities)
    leaders = tuple(wins[: sched.LEADERS])
    work = sched.jobs(chosen, deps, days, settings, leaders)
    placed = sched.schedule(work, settings.capacity)
    horizon = settings.horizon
    planned = [
        _planned(chosen[k], placed[k], (days[k], basis(chosen[k].action, s.size)),
                 k in wins and placed[k][0] < FIRST_MONTHS, start, horizon)
        for k in chosen
    ]
    planned.sort(key=lambda a: (a.start_month, PHASES.index(a.phase), a.id))
    steps = _step_months(s, chosen, placed, targets, selection.uncovered)
    target_records = tuple(
        _target(s, p, title, targets[p], steps, start, horizon, selection.uncovered)
        for p, title in s.perspectives
        if p in s.levels
    )
    months = max((e for _, e in placed.values()), default=0)
    shortfall = None
    if months > horizon:
        shortfall = sched.shortfall(work, settings, months)
    roadmap = Roadmap(
        organisation=s.organisation,
        name=s.name,
        round=s.round,
        start=start,
        horizon=horizon,
        capacity=settings.capacity,
        needed_type=s.needed_type,
        current_type=s.current_type,
        target_model=s.target_model,
        current_model=s.current_model,
        targets=target_records,
        actions=tuple(a for a in planned if a.within_horizon),
        deferred=tuple(a for a in planned if not a.within_horizon),
        phases=_phases(s, chosen, placed, steps, start, horizon),
        shortfall=shortfall,
        size=s.size,
        reference_size=REFERENCE,
        size_basis=size_basis(s.size),
        in_place=tuple(selection.in_place.values()),
        regressions=_regressions(s),
        previous_round=s.previous_round,
    )
    return roadmap, selection, deps


class _Efforts(dict[str, float]):
    """Each action's effort for this organisation, worked out when first needed."""

    def __init__(self, actions: Mapping[str, Action], size: Size) -> None:
        super().__init__()
        self._actions, self._size = actions, size

    def __missing__(self, key: str) -> float:
        value = self[key] = effort(self._actions[key], self._size)
        return value


def _regressions(s: Situation) -> tuple[Regression, ...]:
    return tuple(
        Regression(p, title, s.previous_levels[p], s.levels[p], s.previous_round or "")
        for p, title in s.perspectives
        if p in s.levels and s.levels[p] < s.previous_levels.get(p, -1)
    )


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
        previous=situation.previous_levels.get(p),
    )


def _step_months(
    situation: Situation,
    chosen: Mapping[str, Choice],
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
    while (reached := steps.get((p, following))) is not None and reached <= month:
        level, following = following, following + 1
    return level


def _phases(
    situation: Situation,
    chosen: Mapping[str, Choice],
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
    choice: Choice,
    placed: tuple[int, int],
    effort: tuple[float, str],
    quick_win: bool,
    start: dt.date,
    horizon: int,
) -> PlannedAction:
    a = choice.action
    begin, end = placed
    return PlannedAction(
        id=a.id,
        title=a.title,
        summary=a.summary,
        owner=a.owner,
        perspectives=tuple(a.perspectives),
        phase=a.phase,
        step=choice.step,
        start_month=begin,
        months=end - begin,
        start=_month_start(start, begin),
        end=_date(start, end),
        effort=effort[0],
        load=round(effort[0] / (end - begin), 2),
        base_effort=a.effort,
        scales_with=a.scales_with,
        effort_basis=effort[1],
        value=a.value,
        reason=choice.reason,
        criteria=choice.criteria,
        findings=choice.findings,
        quick_win=quick_win,
        first_90_days=begin < FIRST_MONTHS,
        recovery=choice.recovery,
        depends_on=tuple(a.depends_on),
        templates=tuple(a.templates),
        standards=tuple(a.standards),
        lessons=tuple(a.lessons),
        within_horizon=end <= horizon,
    )


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


@lru_cache(maxsize=4096)
def _date(start: dt.date, months: int) -> dt.date:
    """The last day of the `months`-th month after `start` (start itself for 0)."""
    if months <= 0:
        return start
    first = start.replace(day=1)
    index = first.month - 1 + months
    following = dt.date(first.year + index // 12, index % 12 + 1, 1)
    return following - dt.timedelta(days=1)


@lru_cache(maxsize=4096)
def _month_start(start: dt.date, months: int) -> dt.date:
    """The first day of the `months`-th month after `start` (start itself for 0)."""
    return start if months <= 0 else _date(start, months) + dt.timedelta(days=1)
