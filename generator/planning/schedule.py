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

import math
from collections.abc import Callable, Mapping

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


def schedule(
    chosen: Mapping[str, Choice],
    deps: Deps,
    efforts: Mapping[str, float],
    settings: RoadmapSettings,
    capacity: float,
    leaders: tuple[str, ...],
) -> dict[str, tuple[int, int]]:
    """(start month, end month) of every chosen action: parallel list scheduling.

    Month by month from the first, the actions whose predecessors have all ended are
    candidates; in order of urgency, each starts if the capacity allows it for its whole
    duration, else it waits for a later month (and a less urgent one that fits may start).
    """
    weights = settings.priorities
    spans = {k: _months(chosen[k].action, efforts[k], capacity) for k in chosen}
    firsts = first_month(chosen, deps, leaders)
    natural = {k: _months(chosen[k].action, efforts[k], math.inf)[1] for k in firsts}
    together = sum(natural.values())
    if together > capacity + EPSILON:  # stretch them alike so that all fit the first month
        for k in firsts:
            spans[k] = _months(chosen[k].action, efforts[k], capacity * natural[k] / together)
    order = sorted(chosen, key=lambda k: _urgency(chosen[k], k, efforts[k], weights, leaders))
    rank = {k: i for i, k in enumerate(order)}
    used: list[float] = []
    placed: dict[str, tuple[int, int]] = {}
    waiting = set(chosen)
    ready_at: dict[str, int] = {k: 0 for k in chosen if not deps[k]}
    users: dict[str, list[str]] = {k: [] for k in chosen}
    for k, before in deps.items():
        for d in before:
            users[d].append(k)
    month = 0
    while waiting:
        if not ready_at:  # only a cycle could leave actions waiting with none ready
            raise RuntimeError(f"dependency cycle among {', '.join(sorted(waiting))}")
        for k in sorted((k for k, m in ready_at.items() if m <= month), key=rank.__getitem__):
            months, load = spans[k]
            if not _fits(used, month, months, load, capacity):
                continue
            if len(used) < month + months:
                used.extend([0.0] * (month + months - len(used)))
            for m in range(month, month + months):
                used[m] += load
            placed[k] = (month, month + months)
            waiting.discard(k)
            del ready_at[k]
            for user in users[k]:
                if all(d in placed for d in deps[user]):
                    ready_at[user] = max(placed[d][1] for d in deps[user])
        month = max(month + 1, min(ready_at.values(), default=month + 1))
    return placed


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


def shortfall(
    chosen: Mapping[str, Choice],
    deps: Deps,
    efforts: Mapping[str, float],
    settings: RoadmapSettings,
    leaders: tuple[str, ...],
    months: int,
) -> Shortfall:
    """Months needed at this capacity; the least whole person-days a month that would fit the
    horizon, or None when the chain of dependencies alone is longer than the horizon."""
    total = math.ceil(sum(efforts[k] for k in chosen)) + 1

    def end(capacity: float) -> int:
        placed = schedule(chosen, deps, efforts, settings, capacity, leaders)
        return max(e for _, e in placed.values())

    chain = end(total)
    if chain > settings.horizon:
        return Shortfall(months, None, chain)
    # below total effort ÷ horizon nothing fits; search upwards from there, doubling the step
    low = max(math.floor(settings.capacity), math.ceil(total / settings.horizon) - 1)
    step, high = 1, total
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


def _months(action: Action, effort: float, capacity: float) -> tuple[int, float]:
    """Whole months the action runs and its load per month, stretched to fit the capacity."""
    months = max(1, math.ceil(action.duration / WEEKS_PER_MONTH - EPSILON))
    if effort / months > capacity + EPSILON:
        months = math.ceil(effort / capacity - EPSILON)
    return months, effort / months


def _fits(used: list[float], month: int, months: int, load: float, capacity: float) -> bool:
    return max(used[month:month + months], default=0.0) <= capacity + EPSILON - load
