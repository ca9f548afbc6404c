"""The bundled action library and the sample workspace's roadmaps."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from generator.loader import load
from generator.models import PHASES
from generator.planning import explain_action, plan, resolve_targets, roadmap_for, situation_of
from generator.planning.choice import is_in_place
from generator.planning.schedule import is_quick_win
from generator.scoring import score_workspace, scorecard

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


@pytest.mark.parametrize("action", sorted(WS.actions))
def test_every_action_states_its_owner_and_what_its_effort_grows_with(action):
    assert {"owner", "scales_with"} <= WS.actions[action].model_fields_set


@pytest.mark.parametrize("action", sorted(a.id for a in WS.actions.values() if a.is_setup))
def test_every_set_up_action_names_what_shows_it_done(action):
    a = WS.actions[action]
    assert a.criteria or a.in_place_if or a.services  # services: the survey shows the need


@pytest.mark.parametrize("current, needed", [
    ("pmo", "portfolio-office"), ("programme-office", "hub-and-spoke"),
    ("project-office", "pmo"), ("programme-office", "pmo"), ("coe", "portfolio-office"),
])
def test_transitions_extend_an_existing_office(current, needed):
    assert any(current in a.from_types and needed in a.pmo_types for a in WS.actions.values())


def test_a_mandate_leads_the_set_up_of_every_office_and_way_of_working():
    assert WS.actions["setup-sponsor-and-mandate"].mandate
    assert WS.actions["setup-portfolio-mandate"].mandate
    assert {m for a in WS.actions.values() if a.mandate for m in a.operating_models} == {
        "controlling", "directive"}


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


PLANS = {org: roadmap_for(WS, TABLES, org) for org in sorted(WS.organisations)}


@pytest.mark.parametrize("org", sorted(WS.organisations))
def test_sample_plans_never_plan_what_the_answers_show_done(org):
    situation = situation_of(WS, TABLES, scorecard(WS, TABLES, org, respondents=False))
    roadmap = PLANS[org]
    for a in roadmap.actions + roadmap.deferred:
        assert not is_in_place(WS.actions[a.id], situation), a.id
        assert a.owner and a.reason
    for x in roadmap.in_place:
        assert is_in_place(WS.actions[x.id], situation) and x.findings


@pytest.mark.parametrize("org", sorted(WS.organisations))
def test_sample_plans_give_specific_reasons_and_start_with_quick_wins(org):
    roadmap = PLANS[org]
    planned = roadmap.actions + roadmap.deferred
    shared = Counter(a.reason for a in planned).most_common(1)
    assert shared[0][1] <= 3, shared
    candidates = [a for a in planned if is_quick_win(WS.actions[a.id], a.effort)]
    if len(candidates) >= 2:
        assert sum(a.quick_win for a in roadmap.first_90_days) >= 2
    mandates = [a for a in planned if WS.actions[a.id].mandate]
    for a in planned:
        if a.perspectives and WS.actions[a.id].to_level >= 4 and not a.recovery:
            assert all(m.end_month <= a.start_month for m in mandates), a.id


def test_northwind_extends_its_office_instead_of_setting_one_up():
    roadmap = PLANS["northwind-bank"]
    planned = {a.id for a in roadmap.actions + roadmap.deferred}
    done = {x.id: x for x in roadmap.in_place}
    for ident in ("setup-portfolio-register", "setup-investment-committee",
                  "setup-prioritisation-model", "setup-appoint-head-and-team"):
        assert ident in done and ident not in planned
    assert done["setup-portfolio-register"].findings[0].quotes  # with the evidence given
    for ident in ("setup-first-reporting-cycle", "setup-sponsor-and-mandate",
                  "setup-business-case", "setup-define-role-and-services"):
        assert ident not in planned
    assert {"setup-portfolio-mandate", "setup-portfolio-role"} <= planned
    why = explain_action(WS, TABLES, "northwind-bank", "setup-sponsor-and-mandate")
    assert why.verdict == "replaced"


def test_a_level_lost_since_the_last_round_is_recovered_first():
    for org, perspective in (("northwind-bank", "risk"), ("dept-regional-transport", "finance")):
        roadmap = PLANS[org]
        assert [r.perspective for r in roadmap.regressions] == [perspective]
        recovery = [a for a in roadmap.actions if a.recovery]
        assert recovery and all(a.start_month == 0 for a in recovery)
        assert all("fell from level 3" in a.reason for a in recovery)


def test_a_new_office_is_set_up_from_scratch_where_the_answers_say_so():
    planned = {a.id for a in PLANS["harbour-construction"].actions}
    assert {"setup-define-role-and-services", "setup-business-case",
            "setup-sponsor-and-mandate", "setup-appoint-head-and-team",
            "setup-link-project-offices"} <= planned


def test_sample_efforts_grow_with_the_organisation():
    org = "northwind-bank"
    card = scorecard(WS, TABLES, org, respondents=False)
    situation = situation_of(WS, TABLES, card)
    settings = WS.organisation(org).roadmap
    targets = resolve_targets(situation, settings, {})
    smaller = dataclasses.replace(situation, size=type(situation.size)(60, 5, 1))
    small = {a.id: a.effort for a in plan(smaller, WS.actions, settings, targets).actions}
    large = {a.id: a.effort for a in PLANS[org].actions}
    both = set(small) & set(large)
    assert both and all(large[k] >= small[k] for k in both)
    assert sum(large[k] for k in both) > sum(small[k] for k in both)


def test_the_tight_sample_reports_its_shortfall():
    roadmap = roadmap_for(WS, TABLES, "brightside-agency")
    assert roadmap.shortfall is not None
    assert roadmap.shortfall.capacity_needed > roadmap.capacity
