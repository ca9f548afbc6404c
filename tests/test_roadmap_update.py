"""A roadmap update (such as `pmo roadmap`'s options) merged over an organisation's settings,
and checked by the rule that checks those settings in organisation files."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from generator.checks.actions import roadmap_problems
from generator.models import RoadmapSettings, RoadmapUpdate
from generator.models.ids import MATURITY_ID

SETTINGS = RoadmapSettings(targets={"gov": 4}, horizon=12, pinned=["a"], priorities={"gov": 2})
MATURITY = SimpleNamespace(sections=[SimpleNamespace(id="gov"), SimpleNamespace(id="risk")])
QUESTIONNAIRES = {MATURITY_ID: MATURITY}
ACTIONS = {"a", "b", "gov-board"}


def test_an_empty_update_changes_nothing():
    assert RoadmapUpdate().applied_to(SETTINGS) == SETTINGS


def test_values_given_replace_lists_add_and_weights_merge():
    update = RoadmapUpdate(start=dt.date(2026, 1, 1), capacity=5, pinned=("b",),
                           excluded=("gov-board",), priorities={"risk": 3}, targets={"gov": 2})
    merged = update.applied_to(SETTINGS)
    assert (merged.start, merged.horizon, merged.capacity) == (dt.date(2026, 1, 1), 12, 5)
    assert merged.pinned == ["a", "b"] and merged.excluded == ["gov-board"]
    assert merged.priorities == {"gov": 2, "risk": 3}
    assert merged.targets == {"gov": 4}  # the planner keeps the update's targets apart


@pytest.mark.parametrize(
    "update, key, message",
    [
        (RoadmapUpdate(targets={"finance": 3}), ("targets", "finance"),
         "unknown perspective 'finance'; expected one of: gov, risk"),
        (RoadmapUpdate(targets={"gov": 1}), ("targets", "gov"),
         "a target is 0 (no improvement) or a level from 2 to 5, found 1; level 1 only means "
         "that some practice exists, so no action aims at it"),
        (RoadmapUpdate(priorities={"risk": 0}), ("priorities", "risk"),
         "a priority weight must be greater than 0, found 0"),
        (RoadmapUpdate(excluded=("gov-bord",)), ("excluded", 0),
         "unknown action 'gov-bord'; did you mean 'gov-board'?"),
    ],
)
def test_the_settings_rule_checks_an_update(update, key, message):
    [problem] = roadmap_problems(update, QUESTIONNAIRES, ACTIONS)
    assert (problem.key, problem.message) == (key, message)


def test_a_valid_update_has_no_problems():
    update = RoadmapUpdate(targets={"gov": 0, "risk": 5}, pinned=("a",), priorities={"gov": .5})
    assert roadmap_problems(update, QUESTIONNAIRES, ACTIONS) == []
