"""When each chosen action runs: precedence, quick wins, and list scheduling within capacity.

Precedence: prerequisites (`depends_on`, through any replacement), level order within a
perspective, the office's set-up in life-cycle order, and the mandate rule (while a mandate
action is planned, nothing aimed at level 4 or 5 starts before it ends; getting back a level
lost since the previous round is exempt). Then month by month, the actions whose
predecessors have ended start in order of urgency while the capacity allows: the two best
quick wins first, then the actions that recover a lost level, then the office's own set-up,
then the rest; within each group by life-cycle phase, value ÷ effort weighted by the
perspective's priority, and id. The two best quick wins and the recovery actions that wait
for nothing all start in the first month: when together they need more than the capacity,
each gets a share in proportion to its monthly load and is stretched over more months.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..models import PHASES, Action, RoadmapSettings
from .choice import Choice
from .results import Shortfall

WEEKS_PER_MONTH = 52 / 12
EPSILON = 1e-9
QUICK_WIN_VALUE = 4
"""A quick win is worth at least this much (1 to 5),"""
QUICK_WIN_DAYS_PER_POINT = 2.5
"""costs at most this many person-days per point of value (10 days at value 4),"""
QUICK_WIN_WEEKS = 13
"""runs for no more than a quarter,"""
QUICK_WIN_PHASES = ("plan", "execute", "improve")
"""is a service rather than defining the office or its mandate, and waits for nothing."""
LEADERS = 2
"""Quick wins that start in the first month, sharing the capacity."""

Deps = dict[str, set[str]]


def dependencies(chosen: Mapping[str, Choice],
                 stand_ins: Callable[[str], tuple[str, ...]]) -> Deps:
    """Every chosen action's predecessors among the chosen (see the module's rules); a
    prerequisite replaced or covered by other actions is waited for through them."""
    deps: Deps = {k: set() for k in chosen}
    by_perspective: dict[str, list[Action]] = {}
    setup_by_phase: dict[int, list[str]] = {}
    mandates = [k for k, c in chosen.items() if c.action.mandate]
    for k, c in chosen.items():
        for d in c.action.depends_on:
            deps[k].update(x for x in (stand_ins(d) or (d,)) if x in chosen and x != k)
        for p in c.action.perspectives:
            by_perspective.setdefault(p, []).append(c.action)
        if c.action.is_setup:
            setup_by_phase.setdefault(PHASES.index(c.action.phase), []).append(k)
    for k, c in chosen.items():
        a = c.action
        for p in a.perspectives:  # no level skipping
            deps[k].update(b.id for b in by_perspective[p] if b.to_level <= a.from_level)
        if a.is_setup:  # the office's set-up follows its life cycle
            earlier = [i for i in setup_by_phase if i < PHASES.index(a.phase)]
            if earlier:
                deps[k].update(setup_by_phase[max(earlier)])
        deps[k].discard(k)
    before = {m: _ancestors(deps, m) for m in mandates}
    for k, c in chosen.items():  # measure and optimise only once mandated
        a = c.action
        if a.perspectives and a.to_level >= 4 and not c.recovery:
            deps[k].update(m for m in mandates if m != k and k not in before[m])
    return deps


def _ancestors(deps: Deps, k: str) -> set[str]:
    """Every action `k` waits for, directly or not (a library may make a mandate wait for
    a level-4 action; the mandate rule then gives way rather than make a cycle)."""
    seen: set[str] = set()
    stack = list(deps[k])
    while stack:
        d = stack.pop()
        if d not in seen:
            seen.add(d)
            stack.extend(deps[d])
    return seen


def is_quick_win(action: Action, effort: float) -> bool:
    """High value for its effort, quick, and a service (see the constants above)."""
    return (
        action.value >= QUICK_WIN_VALUE
        and effort <= QUICK_WIN_DAYS_PER_POINT * action.value + EPSILON
        and action.duration <= QUICK_WIN_WEEKS
        and action.phase in QUICK_WIN_PHASES
    )


def quick_wins(chosen: Mapping[str, Choice], deps: Deps, efforts: Mapping[str, float],
               weights: Mapping[str, float]) -> list[str]:
    """The chosen quick wins that wait for nothing, best value for effort first."""
    found = [k for k, c in chosen.items() if not deps[k] and is_quick_win(c.action, efforts[k])]
    return sorted(found, key=lambda k: (-_ratio(chosen[k].action, efforts[k], weights), k))


@dataclass(frozen=True)
class Jobs:
    """The chosen actions ready to schedule, in order of urgency, by position: worked out
    once, then scheduled at the capacity given and, for a shortfall, at others."""

    ids: tuple[str, ...]
    effort: tuple[float, ...]
    months: tuple[int, ...]
    """Months each runs when the capacity does not stretch it."""
    before: tuple[tuple[int, ...], ...]
    after: tuple[tuple[int, ...], ...]
    first: tuple[int, ...]
    """The leading quick wins and the recoveries that wait for nothing."""


def jobs(chosen: Mapping[str, Choice], deps: Deps, efforts: Mapping[str, float],
         settings: RoadmapSettings, leaders: tuple[str, ...]) -> Jobs:
    weights = settings.priorities
    ids = tuple(sorted(chosen, key=lambda k: _urgency(chosen[k], k, efforts[k], weights,
                                                      leaders)))
    rank = {k: i for i, k in enumerate(ids)}
    after: list[list[int]] = [[] for _ in ids]
    for k in ids:
        for d in deps[k]:
            after[rank[d]].append(rank[k])
    firsts = set(first_month(chosen, deps, leaders))
    return Jobs(
        ids=ids,
        effort=tuple(efforts[k] for k in ids),
        months=tuple(_natural_months(chosen[k].action) for k in ids),
        before=tuple(tuple(sorted(rank[d] for d in deps[k])) for k in ids),
        after=tuple(tuple(sorted(a)) for a in after),
        first=tuple(rank[k] for k in ids if k in firsts),
    )


def schedule(j: Jobs, capacity: float) -> dict[str, tuple[int, int]]:
    """(start month, end month) of every chosen action: parallel list scheduling.

    Month by month from the first, the actions whose predecessors have all ended are
    candidates; in order of urgency, each starts if the capacity allows it for its whole
    duration, else it waits for a later month (and a less urgent one that fits may start).
    """
    spans = [_span(e, m, capacity) for e, m in zip(j.effort, j.months, strict=True)]
    natural = {i: j.effort[i] / j.months[i] for i in j.first}
    together = sum(natural.values())
    if together > capacity + EPSILON:  # stretch them alike so that all fit the first month
        for i in j.first:
            spans[i] = _span(j.effort[i], j.months[i], capacity * natural[i] / together)
    used: list[float] = []
    start = [0] * len(j.ids)
    end = [0] * len(j.ids)
    waiting_on = [len(b) for b in j.before]
    pending = [(0, i) for i, b in enumerate(j.before) if not b]  # (ready month, rank)
    heapq.heapify(pending)
    candidates: list[int] = []  # ranks, most urgent first
    month, left = 0, len(j.ids)
    while left:
        if not pending and not candidates:  # only a cycle leaves actions that never get ready
            raise RuntimeError("dependency cycle among " + ", ".join(
                sorted(k for i, k in enumerate(j.ids) if waiting_on[i])))
        while pending and pending[0][0] <= month:
            heapq.heappush(candidates, heapq.heappop(pending)[1])
        skipped = []
        while candidates:
            i = heapq.heappop(candidates)
            months, load = spans[i]
            free = capacity + EPSILON - load
            if month < len(used) and (used[month] > free
                                      or max(used[month:month + months]) > free):
                skipped.append(i)
                continue
            if len(used) < month + months:
                used.extend([0.0] * (month + months - len(used)))
            for m in range(month, month + months):
                used[m] += load
            start[i], end[i] = month, month + months
            left -= 1
            for u in j.after[i]:
                waiting_on[u] -= 1
                if not waiting_on[u]:
                    heapq.heappush(pending, (max(end[b] for b in j.before[u]), u))
        candidates = skipped  # popped in order of urgency, so still a heap
        month = month + 1 if candidates or not pending else max(month + 1, pending[0][0])
    return {k: (start[i], end[i]) for i, k in enumerate(j.ids)}


def first_month(chosen: Mapping[str, Choice], deps: Deps, leaders: tuple[str, ...]
                ) -> list[str]:
    """The actions that start in the first month, sharing the capacity equally: the leading
    quick wins, and the recovery actions that wait for nothing."""
    return [*leaders, *(k for k, c in chosen.items() if c.recovery and not deps[k])]


def _urgency(c: Choice, k: str, effort: float, weights: Mapping[str, float],
             leaders: tuple[str, ...]) -> tuple[int, int, float, str]:
    """The two leading quick wins, then recoveries, then the office's own set-up, then the
    rest; within each, earlier life-cycle phase, then value for effort, then id."""
    group = 0 if k in leaders else 1 if c.recovery else 2 if c.action.is_setup else 3
    return (group, PHASES.index(c.action.phase), -_ratio(c.action, effort, weights), k)


def shortfall(j: Jobs, settings: RoadmapSettings, months: int) -> Shortfall:
    """Months needed at this capacity; the least whole person-days a month that would fit the
    horizon, or None when the chain of dependencies alone is longer than the horizon."""
    total = math.ceil(sum(j.effort)) + 1

    def end(capacity: float) -> int:
        return max(e for _, e in schedule(j, capacity).values())

    chain = end(total)
    if chain > settings.horizon:
        return Shortfall(months, None, chain)
    # below total effort ÷ horizon nothing fits; the capacity scaled by months ÷ horizon is
    # a good first guess above that; then search, doubling the step while it does not fit
    low = max(math.floor(settings.capacity), math.ceil(total / settings.horizon) - 1)
    guess = min(total, max(low + 1, math.ceil(settings.capacity * months / settings.horizon)))
    if end(guess) <= settings.horizon:
        high = guess
    else:
        low, step = guess, 1
        while low + step < total and end(low + step) > settings.horizon:
            low, step = low + step, step * 2
        high = min(total, low + step)
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if end(middle) > settings.horizon else (low, middle)
    return Shortfall(months, float(high), chain)


def _ratio(action: Action, effort: float, weights: Mapping[str, float]) -> float:
    weight = max((weights.get(p, 1.0) for p in action.perspectives), default=1.0)
    return action.value / effort * weight


def _natural_months(action: Action) -> int:
    """Whole months the action runs for its duration (a month is 52 ÷ 12 weeks)."""
    return max(1, math.ceil(action.duration / WEEKS_PER_MONTH - EPSILON))


def _span(effort: float, months: int, capacity: float) -> tuple[int, float]:
    """Months the action runs and its load per month, stretched to fit the capacity."""
    if effort / months > capacity + EPSILON:
        months = math.ceil(effort / capacity - EPSILON)
    return months, effort / months
