"""Planning: scores and the action library in, a tailored roadmap out (no I/O, no rendering)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..checks.actions import MATURITY_ID, MODEL_ID, TYPE_ID
from ..errors import GeneratorError
from ..models import RoadmapSettings
from ..scoring import ScoreTables, scorecard
from ..scoring.results import ClassificationResult, Scorecard
from ..workspace import Workspace
from .planner import Situation, plan
from .results import Phase, PlannedAction, Roadmap, Shortfall, Target
from .targets import default_targets


def situation_of(ws: Workspace, card: Scorecard) -> Situation:
    """What the planner needs from a scorecard: levels, unmet criteria, type and model."""
    maturity = next((m for m in card.maturity if m.questionnaire == MATURITY_ID), None)
    if maturity is None:
        raise GeneratorError(
            f"'{card.organisation}' has no answers to '{MATURITY_ID}' in round {card.round}; "
            "a roadmap starts from the maturity scores"
        )
    unmet: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for c in maturity.criteria:
        if not c.met and c.status != "na":
            unmet.setdefault((c.perspective, c.level), []).append((c.id, c.answer))
    kinds = {c.questionnaire: c for c in card.classifications}
    titles = {
        o.id: o.title
        for qid in (TYPE_ID, MODEL_ID)
        if qid in ws.questionnaires
        for o in ws.questionnaires[qid].outcomes
    }
    org = ws.organisation(card.organisation)
    return Situation(
        organisation=card.organisation,
        name=card.name,
        round=card.round,
        round_date=next(r.date for r in org.rounds if r.id == card.round),
        perspectives=tuple((p.id, p.title) for p in maturity.perspectives),
        levels={p.id: p.level for p in maturity.perspectives if p.level is not None},
        unmet={k: tuple(v) for k, v in unmet.items()},
        current_type=_best(kinds.get(TYPE_ID), "current"),
        needed_type=_best(kinds.get(TYPE_ID), "target"),
        current_model=_label(kinds.get(MODEL_ID), "current"),
        target_model=_label(kinds.get(MODEL_ID), "target"),
        titles=titles,
    )


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
    overrides: Mapping[str, Any] | None = None,
) -> Roadmap:
    """Plan the roadmap of one organisation from its scores and its roadmap settings.

    `overrides` replaces settings (e.g. from the command line): `targets` (merged per
    perspective), `start`, `horizon`, `capacity`, `pinned` and `excluded` (added), and
    `priorities` (merged).
    """
    card = scorecard(ws, tables, org_id, round_id, respondents=False)
    situation = situation_of(ws, card)
    settings = merge_settings(ws.organisation(org_id).roadmap, overrides or {})
    unknown = [a for a in [*settings.pinned, *settings.excluded] if a not in ws.actions]
    if unknown:
        raise GeneratorError(f"unknown action '{unknown[0]}'; see assessments/actions/")
    targets = resolve_targets(situation, settings, (overrides or {}).get("targets", {}))
    return plan(situation, ws.actions, settings, targets)


def merge_settings(settings: RoadmapSettings, overrides: Mapping[str, Any]) -> RoadmapSettings:
    changes: dict[str, Any] = {}
    for key in ("start", "horizon", "capacity"):
        if overrides.get(key) is not None:
            changes[key] = overrides[key]
    for key in ("pinned", "excluded"):
        if overrides.get(key):
            changes[key] = [*getattr(settings, key), *overrides[key]]
    if overrides.get("priorities"):
        changes["priorities"] = {**settings.priorities, **overrides["priorities"]}
    return RoadmapSettings.model_validate({**settings.model_dump(), **changes})


def _best(result: ClassificationResult | None, view: str) -> str | None:
    match = next((v for v in result.views if v.view == view), None) if result else None
    return match.best[0] if match and match.best else None


def _label(result: ClassificationResult | None, view: str) -> str | None:
    match = next((v for v in result.views if v.view == view), None) if result else None
    return match.position_label if match else None


__all__ = [
    "Phase",
    "PlannedAction",
    "Roadmap",
    "Shortfall",
    "Situation",
    "Target",
    "merge_settings",
    "plan",
    "resolve_targets",
    "roadmap_for",
    "situation_of",
]
