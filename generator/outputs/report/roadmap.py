"""The report's roadmap chapter: the plan as the planner made it (who leads each action, the
quick wins and recoveries of the first 90 days, the plan by quarter), what the answers show
is already in place, and how the efforts were sized to the organisation."""

from __future__ import annotations

import datetime as dt

from ...planning import PlannedAction, Roadmap
from ...planning.results import Finding
from ..formats.markdown_text import Run
from ..render import month, number
from .blocks import Block, Heading, Para, Table, led_by, text


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
        + (f", towards the {needed} the organisation needs." if needed else ".")
        + f" {plan.size_basis}"))
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
    first = [a for a in plan.actions if a.first_90_days]
    out.append(Heading("The first 90 days", 2))
    if first:
        out.append(text("Quick wins (high value for their effort, nothing to wait for) and the "
                        "recovery of any level lost since the last round start first."))
        out.append(Table(("Action", "Led by", "Starts", "Person-days", "Why"), tuple(
            (_marked(a), a.owner, month(a.start), number(a.effort), a.reason) for a in first),
            (3, 1.5, 1.2, 1.1, 4.4), right=(3,)))
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
    if plan.in_place:
        out.append(Heading("Already in place", 2))
        out.append(text("The plan would otherwise include these actions; the answers show "
                        "they are done, so none is planned."))
        out.append(Table(("Action", "Shown by"), tuple(
            (p.title, "; ".join(_shown_by(f) for f in p.findings)) for p in plan.in_place),
            (3.5, 7)))
    return out


def roadmap_details(plan: Roadmap) -> list[Block]:
    """What each planned action involves and why it is in the plan, for the appendix."""
    out: list[Block] = [Heading("Appendix: the actions in detail")]
    for a in [*plan.actions, *plan.deferred]:
        out.append(Heading(a.title, 3))
        out.append(Para((Run(f"{month(a.start)} to {month(a.end)} · {a.step} · led by "
                             f"{led_by(a.owner)} · {number(a.effort)} person-days",
                             italic=True),)))
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
    return Table(("Action", "Led by", "Step", "Runs", "Person-days"), tuple(
        (_marked(a), a.owner, a.step, f"{month(a.start)} to {month(a.end)}",
         number(a.effort)) for a in actions), (3.6, 1.6, 1.6, 2.2, 1.1), right=(4,))


def _marked(a: PlannedAction) -> str:
    """The action's title, saying when it is a quick win or a recovery."""
    marks = [m for m, on in (("quick win", a.quick_win), ("recovery", a.recovery)) if on]
    return f"{a.title} ({', '.join(marks)})" if marks else a.title


def _shown_by(finding: Finding) -> str:
    """A criterion or answer that shows an action done, with its evidence."""
    quote = next((q.evidence for q in finding.quotes if q.evidence), "")
    return f"{finding.id} {finding.answer}" + (f" ({quote})" if quote else "")
