"""Plain records of a planned roadmap: what every output (table, Markdown, CSV, JSON, XLSX,
charts, the report) reads, so that they all say the same thing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

FIRST_MONTHS = 3
"""The "First 90 days": actions that start in the first three months of the plan."""


@dataclass(frozen=True)
class Quote:
    """What one respondent, or the workshop, wrote to back an answer."""

    role: str
    """The respondent's role, or `Agreed in the workshop`."""
    evidence: str
    notes: str


@dataclass(frozen=True)
class Finding:
    """What the assessment found about one maturity criterion or classification question.

    Attributes:
        kind: `criterion` (maturity) or `question` (PMO type or operating model, current
            view).
        text: The criterion, or the question.
        answer: The combined answer in words: for a criterion the median (`partly`,
            `partly–largely`, `N/A`, `don't know`), for a question the label of the answer
            most respondents gave (or `no majority answer`).
        met: For a criterion: met at the threshold, or N/A; for a question: most
            respondents gave one answer.
        spread: For a criterion, the lowest and highest answers when respondents differ,
            e.g. `not–fully`; for a question, how many respondents gave that answer.
        disagreement: Respondents differ enough to discuss it (the scorer's rule).
        quotes: The evidence and notes respondents gave, the workshop's first.
    """

    id: str
    kind: str
    text: str
    answer: str
    met: bool
    spread: str
    disagreement: bool
    quotes: tuple[Quote, ...]


@dataclass(frozen=True)
class Size:
    """An organisation's size in numbers (None: not given)."""

    staff: int | None
    initiatives: int | None
    units: int | None


@dataclass(frozen=True)
class PlannedAction:
    """One action in the roadmap, with when it runs, who leads it and why it is there.

    Attributes:
        start_month: Months from the roadmap's start (0 = the first month).
        months: How many months it runs; its effort is spread evenly over them.
        effort: Person-days for this organisation: `base_effort` sized by `scales_with`.
        load: Person-days a month it needs while it runs.
        base_effort: Person-days at the library's reference size.
        scales_with: `staff`, `initiatives`, `units` or `none`.
        effort_basis: How `effort` was sized, in one sentence.
        step: What it moves, e.g. `governance 2→3`, or `set-up` for the office itself.
        reason: Why it is in the plan, in one sentence naming the unmet criteria or answers.
        criteria: The unmet criteria it addresses, each with the combined answer, e.g.
            `GOV-3-1 (partly)`.
        findings: The same criteria (and, for set-up actions, the answers) with the evidence,
            notes and disagreement behind them.
        quick_win: High value for its effort, nothing to wait for (see the roadmap reference).
        first_90_days: It starts in the first three months.
        recovery: It restores a level the perspective held in the previous round.
        within_horizon: It finishes within the roadmap's horizon.
    """

    id: str
    title: str
    summary: str
    owner: str
    perspectives: tuple[str, ...]
    phase: str
    step: str
    start_month: int
    months: int
    start: dt.date
    end: dt.date
    effort: float
    load: float
    base_effort: float
    scales_with: str
    effort_basis: str
    value: int
    reason: str
    criteria: tuple[str, ...]
    findings: tuple[Finding, ...]
    quick_win: bool
    first_90_days: bool
    recovery: bool
    depends_on: tuple[str, ...]
    templates: tuple[str, ...]
    standards: tuple[str, ...]
    lessons: tuple[str, ...]
    within_horizon: bool

    @property
    def end_month(self) -> int:
        return self.start_month + self.months


@dataclass(frozen=True)
class InPlace:
    """An action the plan would include, which the answers show is done already.

    Attributes:
        why_considered: What would have brought it into the plan, e.g. `Moving from a
            Project management office to a Portfolio office (enterprise PMO)` or `Needed
            first by res-capacity-view`.
        findings: The criteria met and the answers that show it, with their evidence.
    """

    id: str
    title: str
    owner: str
    why_considered: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Regression:
    """A perspective whose level fell since the previous round."""

    perspective: str
    title: str
    previous: int
    current: int
    previous_round: str


@dataclass(frozen=True)
class Target:
    """A perspective's target and whether the plan reaches it.

    Attributes:
        source: Where the target comes from: `organisation`, `command line`, or `default`.
        reached: The date by which the plan reaches it; None if it does not within the
            horizon (or it was already reached: see `gap`).
        uncovered: Unmet criteria that no action in the library addresses.
        previous: The level in the previous round, when there was one.
    """

    perspective: str
    title: str
    current: int
    target: int
    source: str
    reached: dt.date | None
    uncovered: tuple[str, ...]
    previous: int | None = None

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
    """A tailored improvement roadmap for one organisation and round.

    Attributes:
        size: The organisation's size in numbers, which sized the efforts.
        reference_size: The size the library's efforts are written for.
        size_basis: How the efforts were sized, in one sentence.
        in_place: Actions the plan would include but the answers show done, with evidence.
        regressions: Perspectives whose level fell since the previous round.
    """

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
    size: Size
    reference_size: Size
    size_basis: str
    in_place: tuple[InPlace, ...]
    regressions: tuple[Regression, ...]
    previous_round: str | None = None

    @property
    def feasible(self) -> bool:
        return self.shortfall is None and not any(t.uncovered for t in self.targets)

    @property
    def first_90_days(self) -> tuple[PlannedAction, ...]:
        """Actions that start in the first three months."""
        return tuple(a for a in self.actions if a.first_90_days)

    @property
    def later(self) -> tuple[PlannedAction, ...]:
        """Actions within the horizon that start after the first three months."""
        return tuple(a for a in self.actions if not a.first_90_days)

    @property
    def quick_wins(self) -> tuple[PlannedAction, ...]:
        return tuple(a for a in [*self.actions, *self.deferred] if a.quick_win)

    @property
    def effort(self) -> float:
        """Person-days of the actions within the horizon."""
        return sum(a.effort for a in self.actions)


@dataclass(frozen=True)
class Explanation:
    """Why one action is in an organisation's roadmap, or why not (`--explain ACTION`).

    Attributes:
        verdict: `planned`, `beyond the horizon`, `already in place`, `excluded`,
            `not suited`, `replaced`, `covered` or `not needed`.
        lines: The explanation, a sentence a line.
        findings: The criteria and answers it rests on, with their evidence.
    """

    id: str
    title: str
    organisation: str
    verdict: str
    lines: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
