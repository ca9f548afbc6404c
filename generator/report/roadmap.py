"""The report's roadmap chapter, on its own so that the planner's coming fields (an owner and
a quick-win flag per action, what is already in place, the effort basis) are wired in here
and nowhere else.

Today: "First 90 days" is the actions starting in months 0 to 2; the plan by quarter has no
owner column yet.
"""

from __future__ import annotations

import datetime as dt

from ..markdown_text import Run
from ..planning import PlannedAction, Roadmap
from ..render import month, number
from .blocks import Block, Heading, Para, Table, text

FIRST_MONTHS = 3
"""Months that count as the first 90 days."""


def roadmap_section(plan: Roadmap, titles: dict[str, str], chart: Block | None
                    ) -> list[Block]:
    """Headings, text, tables and the Gantt chart of the roadmap chapter."""
    out: list[Block] = [Heading("Improvement roadmap")]
    needed = titles.get(plan.needed_type or "", "")
    out.append(text(
        f"The roadmap plans {len(plan.actions)} action{'s' * (len(plan.actions) != 1)} over "
        f"{plan.horizon} months from {month(plan.start)}, with {number(plan.capacity)} "
        "person-days a month for improvement work. Each action closes a gap between a "
        "perspective's level and its target, one level at a time, prerequisites first"
        + (f", towards the {needed} the organisation needs." if needed else ".")))
    if chart is not None:
        out.append(chart)
    out.append(Heading("Targets", 2))
    out.append(Table(("Perspective", "Now", "Target", "Reached"), tuple(
        (t.title, str(t.current), str(t.target),
         "already" if t.gap == 0 else month(t.reached) if t.reached else "not within the horizon")
        for t in plan.targets), (4, 1, 1, 2.2), right=(1, 2)))
    if plan.shortfall is not None:
        s = plan.shortfall
        fix = (f"With {number(s.capacity_needed)} person-days a month it would fit the horizon; "
               f"or extend the horizon to {s.months_needed} months."
               if s.capacity_needed else
               f"No capacity would fit it: the longest chain of dependent actions alone takes "
               f"{s.chain_months} months.")
        out.append(Para((Run("Not every target fits. ", bold=True), Run(
            f"The plan needs {s.months_needed} months at {number(plan.capacity)} person-days a "
            f"month, against a horizon of {plan.horizon} months. {fix}"))))
    for t in plan.targets:
        if t.uncovered:
            out.append(text(f"{t.title}: the action library has no action for "
                            f"{', '.join(t.uncovered)}, so level {t.target} cannot be planned."))
    first = [a for a in plan.actions if a.start_month < FIRST_MONTHS]
    out.append(Heading("The first 90 days", 2))
    if first:
        out.append(Table(("Action", "Starts", "Person-days", "Why"), tuple(
            (a.title, month(a.start), number(a.effort), a.reason) for a in first),
            (3.2, 1.3, 1.2, 5), right=(2,)))
    else:
        out.append(text("No action starts in the first three months."))
    out.append(Heading("The plan by quarter", 2))
    for label, actions in _quarters(plan):
        out.append(Heading(label, 3))
        out.append(_plan_table(actions))
    if plan.deferred:
        out.append(Heading("Beyond the horizon", 2))
        out.append(text("These actions are needed for the targets but would finish after the "
                        "horizon."))
        out.append(_plan_table(list(plan.deferred)))
    return out


def roadmap_details(plan: Roadmap) -> list[Block]:
    """What each planned action involves and why it is in the plan, for the appendix."""
    out: list[Block] = [Heading("Appendix: the actions in detail")]
    for a in [*plan.actions, *plan.deferred]:
        out.append(Heading(a.title, 3))
        out.append(Para((Run(f"{month(a.start)} to {month(a.end)} · {a.step} · "
                             f"{number(a.effort)} person-days", italic=True),)))
        out.append(text(a.summary))
        out.append(Para((Run("Why: ", bold=True), Run(a.reason))))
    return out


def _quarters(plan: Roadmap) -> list[tuple[str, list[PlannedAction]]]:
    """Actions grouped by the quarter of the roadmap they start in."""
    groups: dict[int, list[PlannedAction]] = {}
    for a in plan.actions:
        groups.setdefault(a.start_month // 3, []).append(a)
    out = []
    for quarter, actions in sorted(groups.items()):
        start = _add_months(plan.start, quarter * 3)
        end = _add_months(plan.start, quarter * 3 + 2)
        out.append((f"Quarter {quarter + 1}: {month(start)} to {month(end)}", actions))
    return out


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return day.replace(year=total // 12, month=total % 12 + 1, day=1)


def _plan_table(actions: list[PlannedAction]) -> Table:
    return Table(("Action", "Step", "Runs", "Person-days"), tuple(
        (a.title, a.step, f"{month(a.start)} to {month(a.end)}", number(a.effort))
        for a in actions), (4.2, 1.8, 2.6, 1.2), right=(3,))
