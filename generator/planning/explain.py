"""Why an action is in a roadmap or not: the planner's own rules, replayed for one action."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..models import Action, RoadmapSettings
from . import choice as ch
from .reasons import cite, cite_all
from .results import Explanation, Finding, PlannedAction, Roadmap
from .schedule import Deps
from .situation import Situation


def explain(
    s: Situation,
    actions: Mapping[str, Action],
    settings: RoadmapSettings,
    targets: Mapping[str, tuple[int, str]],
    roadmap: Roadmap,
    selection: ch.Selection,
    deps: Deps,
    action_id: str,
) -> Explanation:
    a = actions[action_id]

    def verdict(word: str, *lines: str, findings: tuple[Finding, ...] = ()) -> Explanation:
        return Explanation(a.id, a.title, s.organisation, word, tuple(lines), findings)

    planned = {x.id: x for x in [*roadmap.actions, *roadmap.deferred]}
    if a.id in planned:
        x = planned[a.id]
        lines = _planned_lines(x, roadmap, deps, planned)
        return verdict("planned" if x.within_horizon else "beyond the horizon", *lines,
                       findings=x.findings)
    if a.id in selection.in_place:
        done = selection.in_place[a.id]
        considered = done.why_considered
        return verdict("already in place",
                       f"Not in the plan: the answers show it done "
                       f"({considered[0].lower()}{considered[1:]} "
                       "would otherwise bring it in).",
                       *(cite(f) for f in done.findings), findings=done.findings)
    if a.id in settings.excluded:
        return verdict("excluded", "Not in the plan: it is excluded in the roadmap settings "
                                   "(organisation.yaml `roadmap.excluded`, or --exclude).")
    why = ch.unsuited(a, s)
    if why:
        return verdict("not suited", f"Not in the plan: {why}.")
    if a.id in selection.replaced:
        stand_in = actions[selection.replaced[a.id]]
        state = "is in the plan" if stand_in.id in planned else "is already in place"
        return verdict("replaced", f"Not in the plan: {stand_in.title} [{stand_in.id}], "
                                   f"which {state}, "
                                   f"stands in for it in the move to a "
                                   f"{s.title(s.needed_type, '')}.")
    if a.id in selection.covered:
        by = selection.covered[a.id]
        return verdict("covered", "Not in the plan: the level steps already address every "
                                  "criterion it would establish, through " + ", ".join(by) + ".",
                       findings=ch.missing(a, s))
    if a.services:
        return verdict("not needed", f"Not in the plan: {_no_trigger(a, s)}.")
    if ch.is_in_place(a, s):
        found = ch.evidence(a, s)
        return verdict("already in place", "Not in the plan, and not needed: the answers show "
                                           "it done.", *(cite(f) for f in found), findings=found)
    if a.is_setup:
        return verdict("not needed", f"Not in the plan: {_no_trigger(a, s)}.")
    return verdict("not needed", *_not_needed(a, s, actions, settings, targets, selection))


def _planned_lines(x: PlannedAction, roadmap: Roadmap, deps: Deps,
                   planned: Mapping[str, PlannedAction]) -> list[str]:
    where = "In the plan" if x.within_horizon else (
        f"Needed, but beyond the {roadmap.horizon}-month horizon")
    lines = [
        f"{where}: {_month(x.start)} to {_month(x.end)}, {x.step}, led by the {x.owner}.",
        f"Why: {x.reason}.",
        f"Effort: {x.effort_basis}.",
    ]
    if x.quick_win:
        lines.append(f"A quick win: value {x.value} for {x.effort:g} person-days, over "
                     f"{x.months} month{'s' if x.months != 1 else ''}, waiting for nothing.")
    before = sorted(deps.get(x.id, ()), key=lambda d: (planned[d].end_month, d))
    ready = max((planned[d].end_month for d in before), default=0)
    if before:
        lines.append("It waits for " + "; ".join(
            f"{d} (ends {_month(planned[d].end)}), {_why_before(x, planned[d])}"
            for d in before) + ".")
    if x.start_month > ready:
        lines.append(f"Capacity holds it back {x.start_month - ready} month"
                     f"{'s' if x.start_month - ready != 1 else ''}: "
                     f"{roadmap.capacity:g} person-days a month are booked by actions that "
                     "come first.")
    if not x.within_horizon and roadmap.shortfall and roadmap.shortfall.capacity_needed:
        lines.append(f"It would fit with {roadmap.shortfall.capacity_needed:g} person-days a "
                     f"month, or a horizon of {roadmap.shortfall.months_needed} months.")
    return lines


def _why_before(x: PlannedAction, d: PlannedAction) -> str:
    """Which precedence rule puts `d` first."""
    if d.id in x.depends_on:
        return "its prerequisite"
    if set(d.perspectives) & set(x.perspectives):
        return "the level step below"
    if x.perspectives:
        return "which changes the office's mandate: nothing aimed at level 4 or 5 starts before"
    return f"of the earlier {d.phase} phase of the office's life cycle"


def _no_trigger(a: Action, s: Situation) -> str:
    if a.services:
        rated = [s.services[x] for x in a.services if x in s.services]
        if not rated:
            return "the services survey has no ratings of its services in this round"
        return ("none of its services is in the services survey's improve-first quadrant: "
                + "; ".join(rated))
    if a.operating_models:
        return (f"the office already works in the way wanted ({s.current_model}); actions that "
                "change the way of working are planned only when it must change")
    if s.needed_type is None:
        return "the PMO type needed was not assessed, so no set-up is planned"
    return (f"the office needed is the one there is ({s.title(s.needed_type, '')}); set-up "
            "actions are planned only when an office must be set up or changed, or as a "
            "prerequisite")


def _not_needed(
    a: Action,
    s: Situation,
    actions: Mapping[str, Action],
    settings: RoadmapSettings,
    targets: Mapping[str, tuple[int, str]],
    selection: ch.Selection,
) -> list[str]:
    titles = dict(s.perspectives)
    lines = []
    for p in a.perspectives:
        title = titles.get(p, p)
        if p not in s.levels:
            lines.append(f"{title} was not assessed (every criterion answered N/A).")
            continue
        current, target = s.levels[p], targets[p][0]
        if target <= current:
            lines.append(f"{title} is at level {current} and its target is {target}: "
                         "nothing to close.")
        elif a.from_level < max(current, 1):
            lines.append(f"It lifts {title} from level {a.from_level} to {a.to_level}; "
                         f"{title} is at level {current} already.")
        elif a.to_level > target:
            lines.append(f"It lifts {title} to level {a.to_level}, above the target of "
                         f"{target}.")
        else:
            lines.append(_covered(a, s, p, title, selection))
    return [f"Not in the plan: {lines[0][0].lower()}{lines[0][1:]}", *lines[1:]]


def _covered(a: Action, s: Situation, p: str, title: str, selection: ch.Selection) -> str:
    unmet = dict(s.unmet.get((p, a.to_level), ()))
    mine = [c for c in a.criteria if c in unmet]
    if not mine:
        met = [s.finding(c) for c in a.criteria]
        return f"its criteria are met already: {cite_all(met)}."
    others = sorted(k for k, c in selection.chosen.items()
                    if p in c.action.perspectives and c.action.to_level == a.to_level)
    return (f"level {a.to_level} of {title} needs {', '.join(sorted(unmet))}; the plan covers "
            f"them with {', '.join(others)}, which cover more of them or give more value for "
            "the effort.")


def _month(day: dt.date) -> str:
    return f"{day:%b %Y}"
