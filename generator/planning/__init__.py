"""Planning: scores and the action library in, a tailored roadmap out (no I/O, no rendering)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..checks.actions import roadmap_problems
from ..errors import GeneratorError
from ..models import RoadmapSettings, RoadmapUpdate
from ..scoring import ScoreTables, scorecard
from ..workspace import Workspace
from .explain import explain
from .many import plan_many
from .planner import plan, plan_in_detail
from .results import (
    Explanation,
    Finding,
    InPlace,
    Phase,
    PlannedAction,
    Quote,
    Regression,
    Roadmap,
    Shortfall,
    Size,
    Target,
)
from .situation import Situation, situation_of
from .targets import default_targets


def resolve_targets(
    situation: Situation, settings: RoadmapSettings, overrides: Mapping[str, int]
) -> dict[str, tuple[int, str]]:
    """Target level and its source per perspective: command line, organisation file, default."""
    defaults = default_targets(
        [p for p, _ in situation.perspectives], situation.needed_type, situation.target_model
    )
    out = {}
    for p, _ in situation.perspectives:
        if p in overrides:
            out[p] = (overrides[p], "command line")
        elif p in settings.targets:
            out[p] = (settings.targets[p], "organisation")
        else:
            out[p] = (defaults[p], "default")
    return out


def roadmap_for(
    ws: Workspace,
    tables: ScoreTables,
    org_id: str,
    round_id: str | None = None,
    update: RoadmapUpdate | None = None,
) -> Roadmap:
    """Plan the roadmap of one organisation from its scores and its roadmap settings, with
    `update` (such as the command line's options) merged over those settings."""
    return plan(*_inputs(ws, tables, org_id, round_id, update))


def roadmaps_for(
    ws: Workspace,
    tables: ScoreTables,
    orgs: Sequence[str],
    *,
    jobs: int | None = None,
    advance: Callable[[int], None] | None = None,
) -> dict[str, Roadmap | None]:
    """The roadmap of each organisation in `orgs` (in that order), as `roadmap_for` plans it.

    None for an organisation without a roadmap (`roadmap_for` raises `GeneratorError`, e.g.
    with no maturity answers in its latest round). Many organisations are planned in `jobs`
    forked worker processes (default: one per CPU); `advance(n)` is called as each `n`
    roadmaps are done.
    """
    return plan_many(ws, tables, orgs, roadmap_for, jobs=jobs, advance=advance)


def explain_action(
    ws: Workspace,
    tables: ScoreTables,
    org_id: str,
    action_id: str,
    round_id: str | None = None,
    update: RoadmapUpdate | None = None,
) -> Explanation:
    """Why one action is in the organisation's roadmap, or why it is not."""
    if action_id not in ws.actions:
        raise GeneratorError(f"unknown action '{action_id}'; see assessments/actions/")
    situation, actions, settings, targets = _inputs(ws, tables, org_id, round_id, update)
    roadmap, selection, deps = plan_in_detail(situation, actions, settings, targets)
    return explain(situation, actions, settings, targets, roadmap, selection, deps, action_id)


def _inputs(
    ws: Workspace,
    tables: ScoreTables,
    org_id: str,
    round_id: str | None,
    update: RoadmapUpdate | None,
) -> tuple[Situation, Mapping[str, Any], RoadmapSettings, dict[str, tuple[int, str]]]:
    update = update or RoadmapUpdate()
    problems = roadmap_problems(update, ws.questionnaires, ws.actions)
    if problems:
        raise GeneratorError(problems[0].message)
    card = scorecard(ws, tables, org_id, round_id, respondents=False)
    situation = situation_of(ws, tables, card)
    settings = update.applied_to(ws.organisation(org_id).roadmap)
    targets = resolve_targets(situation, settings, update.targets)
    return situation, ws.actions, settings, targets


__all__ = [
    "Explanation",
    "Finding",
    "InPlace",
    "Phase",
    "PlannedAction",
    "Quote",
    "Regression",
    "Roadmap",
    "Shortfall",
    "Situation",
    "Size",
    "Target",
    "explain_action",
    "plan",
    "resolve_targets",
    "roadmap_for",
    "roadmaps_for",
    "situation_of",
]
