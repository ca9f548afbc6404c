"""Plain records of a planned roadmap: what every output (table, Markdown, CSV, charts) reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PlannedAction:
    """One action in the roadmap, with when it runs and why it is there.

    Attributes:
        start_month: Months from the roadmap's start (0 = the first month).
        months: How many months it runs; its effort is spread evenly over them.
        load: Person-days a month it needs while it runs.
        step: What it moves, e.g. `governance 2→3`, or `set-up` for the office itself.
        reason: Why it is in the plan, in one sentence.
        criteria: The unmet criteria it addresses, each with the median answer, e.g.
            `GOV-3-1 (partly)`.
        within_horizon: It finishes within the roadmap's horizon.
    """

    id: str
    title: str
    summary: str
    perspectives: tuple[str, ...]
    phase: str
    step: str
    start_month: int
    months: int
    start: dt.date
    end: dt.date
    effort: float
    load: float
    value: int
    reason: str
    criteria: tuple[str, ...]
    depends_on: tuple[str, ...]
    templates: tuple[str, ...]
    standards: tuple[str, ...]
    lessons: tuple[str, ...]
    within_horizon: bool

    @property
    def end_month(self) -> int:
        return self.start_month + self.months


@dataclass(frozen=True)
class Target:
    """A perspective's target and whether the plan reaches it.

    Attributes:
        source: Where the target comes from: `organisation`, `command line`, or `default`.
        reached: The date by which the plan reaches it; None if it does not within the
            horizon (or it was already reached: see `gap`).
        uncovered: Unmet criteria that no action in the library addresses.
    """

    perspective: str
    title: str
    current: int
    target: int
    source: str
    reached: dt.date | None
    uncovered: tuple[str, ...]

    @property
    def gap(self) -> int:
        return max(0, self.target - self.current)


@dataclass(frozen=True)
class Phase:
    """The maturity the plan projects at the end of one phase (a quarter)."""

    label: str
    end: dt.date
    month: int
    levels: tuple[tuple[str, int], ...]
    overall: int
    finished: tuple[str, ...]
    """Actions finished during this phase."""


@dataclass(frozen=True)
class Shortfall:
    """What it would take to meet every target the library can meet.

    Attributes:
        months_needed: Months the whole plan takes at the given capacity.
        capacity_needed: Person-days a month that would fit it in the horizon; None when
            no capacity would, because the chain of dependencies alone is too long.
        chain_months: Months the longest chain of dependent actions takes at any capacity.
    """

    months_needed: int
    capacity_needed: float | None
    chain_months: int


@dataclass(frozen=True)
class Roadmap:
    """A tailored improvement roadmap for one organisation and round."""

    organisation: str
    name: str
    round: str
    start: dt.date
    horizon: int
    capacity: float
    needed_type: str | None
    current_type: str | None
    target_model: str | None
    current_model: str | None
    targets: tuple[Target, ...]
    actions: tuple[PlannedAction, ...]
    """Actions that finish within the horizon, in start order."""
    deferred: tuple[PlannedAction, ...]
    """Actions the targets need that would finish after the horizon."""
    phases: tuple[Phase, ...]
    shortfall: Shortfall | None
    """Set when some target cannot be met within the horizon and capacity."""

    @property
    def feasible(self) -> bool:
        return self.shortfall is None and not any(t.uncovered for t in self.targets)
