"""The bundled action library and the sample workspace's roadmaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader import load
from generator.models import PHASES
from generator.planning import roadmap_for
from generator.scoring import score_workspace

ROOT = Path(__file__).resolve().parents[1]
WS = load(ROOT)
TABLES = score_workspace(WS)
MATURITY = WS.questionnaires["p3o-maturity"]
GENERAL = [a for a in WS.actions.values() if not a.pmo_types and not a.operating_models]


def test_library_size():
    assert len(WS.actions) >= 60


@pytest.mark.parametrize("criterion", sorted(MATURITY.questions))
def test_every_criterion_has_an_action_that_suits_every_office(criterion):
    assert any(criterion in a.criteria for a in GENERAL)


@pytest.mark.parametrize("perspective", [s.id for s in MATURITY.sections])
@pytest.mark.parametrize("step", [1, 2, 3, 4])
def test_every_level_step_has_an_action(perspective, step):
    assert any(perspective in a.perspectives and a.from_level == step for a in WS.actions.values())


def test_set_up_follows_the_pmo_life_cycle():
    setup = [a for a in WS.actions.values() if not a.perspectives]
    assert {a.phase for a in setup} == set(PHASES)


@pytest.mark.parametrize(
    "kind, questionnaire", [("pmo_types", "pmo-type"), ("operating_models", "operating-model")]
)
def test_actions_for_every_type_and_model(kind, questionnaire):
    outcomes = {o.id for o in WS.questionnaires[questionnaire].outcomes}
    covered = {x for a in WS.actions.values() for x in getattr(a, kind)}
    assert covered == outcomes


@pytest.mark.parametrize("org", sorted(WS.organisations))
def test_sample_roadmaps_keep_their_promises(org):
    roadmap = roadmap_for(WS, TABLES, org)
    planned = roadmap.actions + roadmap.deferred
    assert planned, "every sample organisation has gaps to close"
    ends = {a.id: a.end_month for a in planned}
    for a in planned:
        assert a.reason
        assert all(ends[d] <= a.start_month for d in a.depends_on if d in ends)
    for month in range(max(ends.values())):
        load_ = sum(a.effort / a.months for a in planned if a.start_month <= month < a.end_month)
        assert load_ <= roadmap.capacity + 1e-6
    if roadmap.shortfall is None:
        assert all(t.reached for t in roadmap.targets)


def test_the_tight_sample_reports_its_shortfall():
    roadmap = roadmap_for(WS, TABLES, "brightside-agency")
    assert roadmap.shortfall is not None
    assert roadmap.shortfall.capacity_needed > roadmap.capacity
