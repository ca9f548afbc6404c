"""Scoring rules on hand-computed cases, and the properties every score must keep."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import MATURITY, TYPE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scoring_helpers import classification, maturity

from generator.models import Questionnaire
from generator.yamlio import read_yaml

ROOT = Path(__file__).resolve().parents[1]


def questionnaire(text: str) -> Questionnaire:
    return Questionnaire.model_validate(read_yaml(Path("q.yaml"), text=text).data)


MAT = questionnaire(MATURITY)
KIND = questionnaire(TYPE)


def level_and_score(tables, section: str, key: tuple = ("acme", "r1")):
    p = tables.perspectives
    row = p[(p["organisation"] == key[0]) & (p["round"] == key[1]) & (p["section"] == section)]
    return row["level"].iloc[0], round(row["score"].iloc[0], 4)


def test_staged_level_and_continuous_score_by_hand():
    # GOV: level 2 met (1, 2/3), level 3 met (2/3), level 4 not (1/3): level 3.
    # Score: 1 + 4 × mean(5/6, 2/3, 1/3, 0) = 1 + 4 × 0.458333 = 2.8333.
    # RSK: level 2 all N/A, level 3 don't know, nothing above zero: level 0, score 0.
    t = maturity(
        MAT,
        {
            "alice": {
                "GOV-2-1": "fully",
                "GOV-2-2": "largely",
                "GOV-3-1": "largely",
                "GOV-4-1": "partly",
                "GOV-5-1": "not",
                "RSK-2-1": "na",
                "RSK-3-1": "dont_know",
            }
        },
    )
    assert level_and_score(t, "gov") == (3, 2.8333)
    assert level_and_score(t, "risk") == (0, 0.0)
    overall = t.overall.iloc[0]
    assert (overall["level"], round(overall["score"], 4)) == (0, 1.4167)


def test_na_levels_do_not_block_and_are_left_out_of_the_score():
    # RSK: level 2 N/A, level 3 fully: level 1 + (2 vacuous, 3 met, 4, 5 vacuous) = 5;
    # score 1 + 4 × mean(level 3 only = 1) = 5.
    t = maturity(MAT, {"alice": {"RSK-2-1": "na", "RSK-3-1": "fully"}})
    assert level_and_score(t, "risk") == (5, 5.0)


def test_unanswered_and_dont_know_are_never_met():
    t = maturity(MAT, {"alice": {"GOV-2-1": "fully", "GOV-2-2": "dont_know"}})
    # GOV level 2 blocked by don't know; score 1 + 4 × mean(0.5, 0, 0, 0) = 1.5
    assert level_and_score(t, "gov") == (1, 1.5)
    criteria = t.criteria.set_index("question")
    assert criteria.loc["GOV-3-1", "status"] == "unanswered"
    assert criteria.loc["GOV-2-2", "status"] == "dont_know"
    assert not criteria.loc["GOV-2-2", "met"]


def test_weights_count_within_a_level():
    heavy = MATURITY.replace(
        "{id: GOV-2-1, text: Boards exist, scale: npfl, level: 2}",
        "{id: GOV-2-1, text: Boards exist, scale: npfl, level: 2, weight: 3}",
    )
    t = maturity(questionnaire(heavy), {"alice": {"GOV-2-1": "fully", "GOV-2-2": "not"}})
    # level 2 attainment (3 × 1 + 1 × 0) / 4 = 0.75; score 1 + 4 × 0.75 / 4 = 1.75
    assert level_and_score(t, "gov") == (1, 1.75)


def test_several_respondents_median_spread_and_disagreement():
    t = maturity(
        MAT,
        {
            "alice": {"GOV-2-1": "fully", "GOV-3-1": "fully"},
            "bob": {"GOV-2-1": "largely", "GOV-3-1": "na"},
            "carol": {"GOV-2-1": "not", "GOV-3-1": "na"},
        },
    )
    c = t.criteria.set_index("question")
    assert c.loc["GOV-2-1", ["attainment", "low", "high", "rated"]].tolist() == pytest.approx(
        [2 / 3, 0, 1, 3]
    )
    assert c.loc["GOV-2-1", "disagreement"]
    # two of three say N/A: the criterion is N/A, and the split is flagged
    assert c.loc["GOV-3-1", "status"] == "na" and c.loc["GOV-3-1", "disagreement"]


def test_agreed_answers_override_respondents():
    t = maturity(
        MAT,
        {"alice": {"GOV-2-1": "fully"}, "bob": {"GOV-2-1": "not"}},
        agreed={"GOV-2-1": "largely"},
    )
    c = t.criteria.set_index("question")
    assert c.loc["GOV-2-1", "attainment"] == pytest.approx(2 / 3)
    assert c.loc["GOV-2-1", "agreed"] and c.loc["GOV-2-1", "met"]
    assert c.loc["GOV-2-1", "rated"] == 2  # the respondents' spread is still reported


def test_hidden_questions_count_as_not_applicable():
    # GOV-2-2 shows only when GOV-2-1 >= partly; alice said not, so it is hidden for her.
    t = maturity(MAT, {"alice": {"GOV-2-1": "not"}})
    c = t.criteria.set_index("question")
    assert c.loc["GOV-2-2", "status"] == "na"
    assert not c.loc["GOV-2-2", "disagreement"]


def test_classification_fits_by_hand():
    t = classification(
        KIND,
        {
            "ann": {
                "T-1": {"current": "one-project", "target": "everything"},
                "T-2": {"current": "pm", "target": "board"},
            },
            "ben": {"T-1": {"current": "both"}, "T-2": {"current": "board"}},
        },
    )
    current = t.fits.loc[("acme", "r1", "current")]
    # T-1 mean points: po 1.5, pf 0.5; T-2: po 1, pf 1; maxima 2 each: po 2.5/4, pf 1.5/4
    assert current.to_dict() == pytest.approx({"project-office": 0.625, "portfolio-office": 0.375})
    assert t.fits.loc[("acme", "r1", "target")].to_dict() == pytest.approx(
        {"project-office": 0.0, "portfolio-office": 1.0}
    )
    split = t.disagreements
    assert sorted(split[split["view"] == "current"]["question"]) == ["T-1", "T-2"]


def test_classification_ties_are_ties():
    from generator.scoring.scorecard import classification_result

    t = classification(KIND, {"ann": {"T-1": {"current": "both"}}})
    result = classification_result(t, "acme", "r1", None, 1)
    view = result.views[0]
    assert view.best == ("project-office", "portfolio-office")
    assert view.runner_up == ()
    assert [f.percent for f in view.fits] == [50, 50]


SPECTRUM = """\
id: om
version: "1.0"
title: Operating model
kind: classification
outcomes:
  - {id: supportive, title: Supportive, position: 0}
  - {id: controlling, title: Controlling, position: 50}
  - {id: directive, title: Directive, position: 100}
sections:
  - id: methods
    title: Methods
    questions:
      - id: M-1
        text: Are methods optional?
        options:
          - {value: optional, label: Optional, points: {supportive: 2}}
          - {value: mixed, label: Mixed, points: {supportive: 1, controlling: 1}}
          - {value: required, label: Required, points: {controlling: 2}}
  - id: delivery
    title: Delivery
    questions:
      - id: D-1
        text: Who runs projects?
        options:
          - {value: teams, label: Teams, points: {supportive: 2}}
          - {value: pmo, label: The PMO, points: {directive: 2}}
"""


def test_positions_and_hybrids():
    from generator.scoring.scorecard import classification_result

    q = questionnaire(SPECTRUM)
    t = classification(
        q, {"ann": {"M-1": "mixed", "D-1": "pmo"}, "ben": {"M-1": "optional", "D-1": "pmo"}}
    )
    # M-1 positions 25 and 0 → mean 12.5; D-1 100 → overall (12.5 + 100) / 2 = 56.25
    view = classification_result(t, "acme", "r1", None, 2).views[0]
    assert view.position == 56.3 and view.position_label == "controlling"
    assert [(s.section, s.position, s.label) for s in view.sections] == [
        ("methods", 12.5, "supportive"),
        ("delivery", 100.0, "directive"),
    ]
    assert view.hybrid


# --- properties over the bundled maturity questionnaire ---------------------------------

P3O = Questionnaire.model_validate(
    read_yaml(ROOT / "assessments/questionnaires/p3o-maturity.yaml").data
)
CRITERIA = [q.id for q in P3O.questions.values()]
STEPS = ["not", "partly", "largely", "fully"]
answer = st.sampled_from([*STEPS, "na", "dont_know", None])


def scores(answers: dict[str, str]):
    t = maturity(P3O, {"r": {k: v for k, v in answers.items() if v is not None}})
    p = t.perspectives.set_index("section")
    return p["level"].fillna(-1), p["score"].fillna(-1), t.overall.iloc[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(answer, min_size=len(CRITERIA), max_size=len(CRITERIA)), st.data())
def test_raising_one_answer_never_lowers_a_score(values, data):
    answers = dict(zip(CRITERIA, values, strict=True))
    raisable = [k for k, v in answers.items() if v in STEPS[:-1]]
    if not raisable:
        return
    chosen = data.draw(st.sampled_from(raisable))
    raised = {**answers, chosen: STEPS[STEPS.index(answers[chosen]) + 1]}
    levels, points, overall = scores(answers)
    levels2, points2, overall2 = scores(raised)
    assert (levels2 >= levels).all()
    assert (points2 >= points - 1e-12).all()
    assert overall2["level"] >= overall["level"]
    assert overall2["score"] >= overall["score"] - 1e-12


def test_all_fully_gives_level_5_everywhere():
    levels, points, overall = scores(dict.fromkeys(CRITERIA, "fully"))
    assert (levels == 5).all() and (points == 5).all()
    assert (overall["level"], overall["score"]) == (5, 5)


def test_all_not_gives_at_most_level_1():
    levels, _points, overall = scores(dict.fromkeys(CRITERIA, "not"))
    assert (levels <= 1).all() and overall["level"] <= 1


TAGS = {
    "GOV-2-1": "portfolio", "GOV-2-2": "project", "GOV-3-1": "portfolio", "GOV-4-1": "project",
    "GOV-5-1": "office", "RSK-2-1": "project", "RSK-3-1": "project",
}


def tagged(text: str = MATURITY) -> Questionnaire:
    for qid, scope in TAGS.items():
        text = text.replace(f"{{id: {qid}, ", f"{{id: {qid}, evidences: {scope}, ")
    return questionnaire(text)


def scope_rows(frame, key: str = "scope"):
    return {row[key]: row for row in frame.to_dict("records")}


def test_scope_profile_by_hand():
    # portfolio: GOV-2-1 fully (L2), GOV-3-1 partly (L3): 1 + 4 × mean(1, 1/3) = 3.6667.
    # project: L2 GOV-2-2 largely, RSK-2-1 fully: 5/6; L3 RSK-3-1 don't know: 0;
    #   L4 GOV-4-1 partly: 1/3; 1 + 4 × (5/6 + 0 + 1/3) / 3 = 1 + 4 × 7/18 = 2.5556.
    # office: GOV-5-1 N/A only: not assessed. programme: no criterion, so no row.
    answers = {"GOV-2-1": "fully", "GOV-2-2": "largely", "GOV-3-1": "partly",
               "GOV-4-1": "partly", "GOV-5-1": "na", "RSK-2-1": "fully", "RSK-3-1": "dont_know"}
    t = maturity(tagged(), {"alice": answers})
    rows = scope_rows(t.scopes)
    assert list(rows) == ["portfolio", "project", "office"]
    portfolio, project, office = rows["portfolio"], rows["project"], rows["office"]
    assert round(portfolio["score"], 4) == 3.6667
    assert round(project["score"], 4) == 2.5556
    assert office["score"] != office["score"]  # NaN: every criterion N/A
    assert [(r["criteria"], r["counted"]) for r in (portfolio, project, office)] == [
        (2, 2), (4, 4), (1, 0)]
    shares = [[(r[f"met_{lv}"], r[f"counted_{lv}"]) for lv in (2, 3, 4, 5)]
              for r in (portfolio, project)]
    assert shares == [[(1, 1), (0, 1), (0, 0), (0, 0)], [(2, 2), (0, 1), (0, 1), (0, 0)]]
    # the staged levels per perspective are untouched by the tags
    assert level_and_score(t, "gov") == level_and_score(maturity(MAT, {"alice": answers}), "gov")
    # each respondent gets the same profile of their own answers
    mine = scope_rows(t.respondent_scopes)
    assert round(mine["project"]["score"], 4) == 2.5556


def test_scope_profile_uses_the_combined_answers():
    # GOV-2-1: alice fully, bob not → median 1/2; agreed GOV-3-1 fully overrides both.
    t = maturity(tagged(), {"alice": {"GOV-2-1": "fully", "GOV-3-1": "not"},
                            "bob": {"GOV-2-1": "not", "GOV-3-1": "not"}},
                 agreed={"GOV-3-1": "fully"})
    # portfolio: 1 + 4 × mean(1/2, 1) = 4.0; GOV-2-1 at 1/2 is not met.
    portfolio = scope_rows(t.scopes)["portfolio"]
    assert (round(portfolio["score"], 4), portfolio["met_2"], portfolio["met_3"]) == (4.0, 0, 1)


def test_untagged_questionnaires_have_no_scope_profile():
    assert maturity(MAT, {"alice": {"GOV-2-1": "fully"}}).scopes.empty


def test_every_bundled_maturity_criterion_says_what_it_evidences():
    for path in sorted((ROOT / "assessments/questionnaires").glob("*.yaml")):
        q = questionnaire(path.read_text(encoding="utf-8"))
        if q.kind == "maturity":
            untagged = [x.id for x in q.questions.values()
                        if x.type == "choice" and x.evidences is None]
            assert not untagged, f"{path.name}: no 'evidences' on {untagged}"
            assert {x.evidences for x in q.questions.values()} >= {
                "portfolio", "programme", "project", "office"}


def test_reading_of_the_scope_profile():
    from generator.outputs.scope_views import headline, reading
    from generator.scoring.results import LevelShare, MaturityResult, ScopeResult

    def scope(ident, score, met3):
        levels = (LevelShare(2, 2, 2), LevelShare(3, met3, 5), LevelShare(4, 0, 2),
                  LevelShare(5, 0, 1))
        return ScopeResult(ident, ident.title(), score, 10, 10, levels)

    def result(*scopes):
        return MaturityResult("q", "Q", 2, "Repeatable", 2.5, (), (), 1, scopes=scopes)

    assert reading(result(scope("project", 3.1, 4), scope("portfolio", 2.2, 1))) == (
        "Project management is strongest (3.1) and portfolio management weakest (2.2). Where "
        "each first falls short: project management meets 4 of 5 criteria at level 3; "
        "portfolio management meets 1 of 5 criteria at level 3.")
    assert reading(result(scope("project", 2.6, 4), scope("office", 2.4, 3))) == (
        "An even profile: project management and the office are at a similar stage (scores "
        "2.4 to 2.6).")
    assert reading(result(scope("project", 2.6, 4), scope("office", None, 0))) == ""
    # views within 0.3 of the weakest (or the strongest) are named together as level
    level = result(scope("portfolio", 2.7, 1), scope("programme", 2.6, 2), scope("project", 3.0, 4),
                   scope("office", 2.7, 1))
    assert headline(level) == (
        "Project management is strongest (3.0); portfolio management, the office and "
        "programme management are level and weakest (2.6–2.7).")
    top = result(scope("portfolio", 3.1, 1), scope("project", 3.0, 4), scope("office", 2.0, 1))
    assert headline(top) == ("Portfolio management and project management are level and "
                             "strongest (3.0–3.1) and the office weakest (2.0).")
    weak_basics = scope("programme", 2.5, 0)
    weak_basics = ScopeResult("programme", "Programme", 2.5, 10, 10,
                              (LevelShare(2, 1, 4), *weak_basics.levels[1:]))
    assert reading(result(scope("office", 3.4, 4), weak_basics, scope("portfolio", 2.0, 0))
                   ).endswith("Also short of level 2: programme management (1 of 4 met).")


def test_the_maturity_model_page_describes_the_tags_as_the_questionnaire_has_them():
    import collections
    import re

    q = questionnaire((ROOT / "assessments/questionnaires/p3o-maturity.yaml").read_text())
    page = (ROOT / "content/standards/maturity-model.md").read_text(encoding="utf-8")
    section = page.split("## Portfolio, programme and project view")[1].split("\n## ")[0]
    counts = collections.Counter((x.evidences, x.level) for x in q.questions.values())
    for scope in ("portfolio", "programme", "project", "office"):
        per_level = [counts[(scope, level)] for level in (2, 3, 4, 5)]
        row = f"| {scope.title()} | {sum(per_level)} | " + " | ".join(map(str, per_level)) + " |"
        assert row in section
        examples = next(line for line in section.splitlines()
                        if line.startswith(f"| {scope.title()} | ") and "(" in line)
        for qid in re.findall(r"[A-Z]{3}-\d-\d", examples):
            assert q.questions[qid].evidences == scope, qid
