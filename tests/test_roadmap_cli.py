"""`pmo roadmap` through the real entry point, and the action library's input errors."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from helpers import MATURITY, ORG, response, write_tree
from openpyxl import load_workbook

LIBRARY = """\
id: test-actions
version: "1.0"
actions:
  - id: gov-boards
    title: Set up boards
    summary: Boards for every initiative.
    perspectives: [gov]
    criteria: [GOV-2-1, GOV-2-2]
    from_level: 1
    to_level: 2
    effort: 10
    duration: 4
    value: 4
  - id: gov-standard
    title: "=HYPERLINK(\\"http://x\\")"
    summary: One standard.
    perspectives: [gov]
    criteria: [GOV-3-1]
    from_level: 2
    to_level: 3
    effort: 40
    duration: 8
    value: 3
    depends_on: [rsk-logs]
  - id: rsk-logs
    title: Keep risk logs
    summary: Logs.
    perspectives: [risk]
    criteria: [RSK-2-1]
    from_level: 1
    to_level: 2
    owner: Risk manager
    effort: 5
    duration: 2
    value: 5
"""
ANSWERS = "GOV-2-1: partly\nGOV-2-2: not\nGOV-3-1: not\nRSK-2-1: not\nRSK-3-1: not"


@pytest.fixture
def ws(tmp_path):
    return write_tree(
        tmp_path,
        {
            "assessments/questionnaires/mat.yaml": MATURITY.replace("id: mat", "id: p3o-maturity"),
            "assessments/actions/test.yaml": LIBRARY,
            "assessments/orgs/acme/organisation.yaml": ORG
            + "roadmap:\n  targets: {gov: 3, risk: 2}\n"
            "  start: 2026-01-01\n  capacity: 20\n",
            "assessments/orgs/acme/r1/alice.yaml": response(
                "alice", ANSWERS, questionnaire="p3o-maturity"
            ),
        },
    )


def test_table_shows_targets_plan_reasons_and_projection(run, ws):
    status, out, err = run("roadmap", "acme", cwd=ws)
    assert status == 0, err
    assert "Improvement roadmap: Acme Ltd [acme], from round r1" in out
    assert (
        "why: Governance is at level 1, target 3; level 2 needs GOV-2-1 (partly), "
        "GOV-2-2 (not)" in out
    )
    assert "First 90 days: 3 actions" in out
    assert "Keep risk logs [rsk-logs; risk 1→2; 5 days; Risk manager]  quick win" in out
    assert "Projected maturity" in out


def test_json_and_overrides(run, ws):
    status, out, _ = run(
        "roadmap", "acme", "--format", "json", "--capacity", "5", "--horizon", "3", cwd=ws
    )
    assert status == 0
    plan = json.loads(out)
    assert plan["capacity"] == 5 and plan["horizon"] == 3
    assert plan["shortfall"] is not None
    assert [a["id"] for a in plan["deferred"]] == ["gov-standard"]


def test_csv_neutralises_formulas(run, ws):
    status, out, _ = run("roadmap", "acme", "--format", "csv", cwd=ws)
    assert status == 0
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["gov-standard"]["title"] == '\'=HYPERLINK("http://x")'
    assert rows["gov-boards"]["start"] == "2026-01-01"


def test_xlsx_opens_and_keeps_formulas_as_text(run, ws):
    status, out, _ = run("roadmap", "acme", "--format", "xlsx", "--out", "plan.xlsx", cwd=ws)
    assert status == 0 and out == "wrote plan.xlsx\n"
    book = load_workbook(ws / "plan.xlsx")
    assert book.sheetnames == ["Plan", "Targets", "Projection", "In place", "About"]
    plan = book["Plan"]
    titles = {row[0].value: row[1] for row in plan.iter_rows(min_row=2)}
    assert titles["gov-standard"].value == '=HYPERLINK("http://x")'
    assert titles["gov-standard"].data_type == "s"


def test_xlsx_needs_an_output_file(run, ws):
    status, _, err = run("roadmap", "acme", "--format", "xlsx", cwd=ws)
    assert status == 2 and "--format xlsx writes a file: add --out FILE.xlsx" in err


def test_chart_is_a_gantt_and_a_projection(run, ws):
    status, _, err = run("roadmap", "acme", "--chart", "plan.svg", cwd=ws)
    assert status == 0 and "wrote plan.svg" in err
    svg = ET.parse(ws / "plan.svg").getroot()
    text = "".join(svg.itertext())
    assert "Improvement roadmap: Acme Ltd" in text and "Projected maturity level" in text
    first = (ws / "plan.svg").read_bytes()
    run("roadmap", "acme", "--chart", "plan.svg", cwd=ws)
    assert (ws / "plan.svg").read_bytes() == first  # byte-identical for identical input


@pytest.mark.parametrize(
    "args, message",
    [
        (["--target", "gov=1"], "a target is 0 (no improvement) or a level from 2 to 5"),
        (["--target", "gov"], "expected PERSPECTIVE=NUMBER, found 'gov'"),
        (["--target", "finance=3"], "unknown perspective 'finance'; expected one of: gov, risk"),
        (["--chart", "plan.pdf"], "cannot draw 'plan.pdf': use a .svg or .png file name"),
        (["--pin", "nope"], "Invalid value for '--pin': unknown action 'nope'"),
    ],
)
def test_bad_options(run, ws, args, message):
    status, _, err = run("roadmap", "acme", *args, cwd=ws)
    assert status in (1, 2) and message in err


def test_dependency_cycle_is_an_input_error_naming_the_cycle(run, ws):
    library = ws / "assessments/actions/test.yaml"
    library.write_text(
        library.read_text().replace(
            "    value: 5\n", "    value: 5\n    depends_on: [gov-standard]\n"
        )
    )
    status, _, err = run("validate", cwd=ws)
    assert status == 1
    assert err.splitlines() == [
        "assessments/actions/test.yaml:24:17: error: actions[id=gov-standard].depends_on: "
        "dependency cycle: gov-standard → rsk-logs → gov-standard",
        "assessments/orgs/acme/r1/alice.yaml:8:7: warning: questionnaires.p3o-maturity.answers:"
        " 2 required questions unanswered: GOV-4-1, GOV-5-1",
        "Aborted: 1 error, 1 warning in 2 files.",
    ]


def test_unknown_action_id_is_an_input_error_naming_the_id(run, ws):
    library = ws / "assessments/actions/test.yaml"
    library.write_text(
        library.read_text().replace("depends_on: [rsk-logs]", "depends_on: [rsk-log]")
    )
    status, _, err = run("validate", cwd=ws)
    assert status == 1
    assert err.splitlines()[0] == (
        "assessments/actions/test.yaml:24:18: error: actions[id=gov-standard].depends_on[0]: "
        "unknown action 'rsk-log'; did you mean 'rsk-logs'?"
    )


def test_unknown_pinned_action_in_the_organisation_file(run, ws):
    org = ws / "assessments/orgs/acme/organisation.yaml"
    org.write_text(org.read_text() + "  pinned: [gov-bords]\n")
    status, _, err = run("validate", cwd=ws)
    assert status == 1
    assert err.splitlines()[0] == (
        "assessments/orgs/acme/organisation.yaml:11:12: error: roadmap.pinned[0]: unknown "
        "action 'gov-bords'; did you mean 'gov-boards'?"
    )


def test_json_marks_quick_wins_owners_first_90_days_and_the_effort_basis(run, ws):
    org = ws / "assessments/orgs/acme/organisation.yaml"
    org.write_text(org.read_text().replace("sector: Retail\n", "sector: Retail\n"
                                           "sizing: {initiatives: 120}\n"))
    library = ws / "assessments/actions/test.yaml"
    library.write_text(library.read_text().replace(
        "    effort: 10\n", "    effort: 10\n    scales_with: initiatives\n"))
    status, out, err = run("roadmap", "acme", "--format", "json", cwd=ws)
    assert status == 0, err
    plan = json.loads(out)
    actions = {a["id"]: a for a in plan["actions"] + plan["deferred"]}
    # sized for 120 initiatives, gov-boards costs 20 days: too much for a quick win
    assert [a["id"] for a in plan["actions"] if a["quick_win"]] == ["rsk-logs"]
    assert actions["rsk-logs"]["owner"] == "Risk manager"
    assert actions["gov-standard"]["owner"] == "PMO lead"  # the default
    assert all(a["first_90_days"] == (a["start_month"] < 3) for a in actions.values())
    assert (actions["gov-boards"]["effort"], actions["gov-boards"]["effort_basis"]) == (
        20, "20 days: 10 for 30 initiatives, × 2.00 for 120 initiatives")
    assert plan["size"] == {"staff": None, "initiatives": 120, "units": None}


def test_csv_and_xlsx_list_owner_status_and_what_is_in_place(run, ws):
    library = ws / "assessments/actions/test.yaml"
    library.write_text(library.read_text() + """\
  - id: setup-gates
    title: Agree the gates
    summary: Gates.
    criteria: [GOV-2-1]
    from_level: 0
    to_level: 1
    effort: 3
    duration: 2
    value: 3
""")
    alice = ws / "assessments/orgs/acme/r1/alice.yaml"
    alice.write_text(alice.read_text().replace(
        "GOV-2-1: partly", "GOV-2-1: {answer: fully, evidence: Gate minutes}"))
    org = ws / "assessments/orgs/acme/organisation.yaml"
    org.write_text(org.read_text() + "  pinned: [setup-gates]\n")
    status, out, err = run("roadmap", "acme", "--format", "csv", cwd=ws)
    assert status == 0, err
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["rsk-logs"]["owner"] == "Risk manager"
    assert (rows["rsk-logs"]["status"], rows["rsk-logs"]["quick_win"]) == ("first 90 days", "yes")
    assert rows["setup-gates"]["status"] == "already in place"
    assert rows["setup-gates"]["evidence"] == "GOV-2-1 (fully; evidence: “Gate minutes”)"
    run("roadmap", "acme", "--format", "xlsx", "--out", "plan.xlsx", cwd=ws)
    sheet = load_workbook(ws / "plan.xlsx")["In place"]
    assert [c.value for c in sheet[2]] == [
        "setup-gates", "Agree the gates", "PMO lead", "Pinned in the roadmap settings",
        "GOV-2-1 (fully; evidence: “Gate minutes”)"]


@pytest.mark.parametrize(
    "args, first_line",
    [
        (["rsk-logs"], "Keep risk logs [rsk-logs]: planned"),
        (["gov-standard", "--horizon", "2"], '=HYPERLINK("http://x") [gov-standard]: beyond '
                                              "the horizon"),
        (["gov-boards", "--exclude", "gov-boards"], "Set up boards [gov-boards]: excluded"),
        (["gov-standard", "--target", "gov=2"], '=HYPERLINK("http://x") [gov-standard]: not '
                                                "needed"),
    ],
)
def test_explain_says_why_an_action_is_in_the_plan_or_not(run, ws, args, first_line):
    status, out, err = run("roadmap", "acme", "--explain", *args, cwd=ws)
    assert status == 0, err
    assert out.splitlines()[0] == first_line


def test_explain_a_planned_action_gives_its_reason_effort_and_wait(run, ws):
    status, out, _ = run("roadmap", "acme", "--explain", "gov-standard", cwd=ws)
    assert status == 0
    assert out.splitlines()[1:] == [
        "  In the plan: Feb 2026 to Mar 2026, gov 2→3, led by the PMO lead.",
        "  Why: Governance is at level 1, target 3; level 3 needs GOV-3-1 (not).",
        "  Effort: 40 days whatever the organisation's size.",
        "  It waits for gov-boards (ends Jan 2026), the level step below; rsk-logs (ends Jan "
        "2026), its prerequisite.",
    ]
    status, out, _ = run("roadmap", "acme", "--explain", "gov-standard", "--format", "json",
                         cwd=ws)
    assert json.loads(out)["verdict"] == "planned"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--explain", "nope"], "error: unknown action 'nope'"),
        (["--explain", "rsk-logs", "--format", "csv"], "--explain prints its answer as text"),
    ],
)
def test_explain_refuses_what_it_cannot_answer(run, ws, args, message):
    status, _, err = run("roadmap", "acme", *args, cwd=ws)
    assert status in (1, 2) and message in err


SETUP_ACTIONS = """\
id: setup
version: "1.0"
actions:
  - id: setup-office
    title: Set up the office
    summary: An office.
    in_place_if: "{condition}"
    from_level: 0
    to_level: 1
    effort: 5
    duration: 4
    value: 4
    from_types: [{from_type}]
    replaces: [{replaces}]
"""


@pytest.mark.parametrize(
    "condition, from_type, replaces, message",
    [
        ("T-1 ==", "project-office", "gov-boards",
         "7:18: error: actions[id=setup-office].in_place_if: invalid condition: expected a "
         "quoted value such as 'many', found the end of the condition (at character 7)"),
        ("T-9 == 'one-project'", "project-office", "gov-boards",
         "7:18: error: actions[id=setup-office].in_place_if: unknown question id 'T-9' in "
         "condition; expected a question of pmo-type; did you mean 'T-1'?"),
        ("T-1 == 'two-projects'", "project-office", "gov-boards",
         "7:18: error: actions[id=setup-office].in_place_if: 'two-projects' is not an answer "
         "of T-1; expected one of: both, dont_know, everything, na, one-project"),
        ("T-1 >= 'both'", "project-office", "gov-boards",
         "7:18: error: actions[id=setup-office].in_place_if: classification answers have no "
         "order: use == or in, not <, <=, > or >="),
        ("T-1 == 'both'", "portfolio-offic", "gov-boards",
         "13:18: error: actions[id=setup-office].from_types[0]: unknown outcome "
         "'portfolio-offic'; expected one of: none, portfolio-office, project-office"),
        ("T-1 == 'both'", "none", "gov-bords",
         "14:16: error: actions[id=setup-office].replaces[0]: unknown action 'gov-bords'; did "
         "you mean 'gov-boards'?"),
    ],
)
def test_set_up_keys_are_checked(run, ws, condition, from_type, replaces, message):
    from helpers import TYPE

    (ws / "assessments/questionnaires/kind.yaml").write_text(
        TYPE.replace("id: kind", "id: pmo-type"))
    (ws / "assessments/actions/setup.yaml").write_text(SETUP_ACTIONS.format(
        condition=condition, from_type=from_type, replaces=replaces))
    status, _, err = run("validate", cwd=ws)
    assert status == 1
    assert f"assessments/actions/setup.yaml:{message}" in err.splitlines()


def test_keys_for_set_up_only_are_refused_on_other_actions(run, ws):
    library = ws / "assessments/actions/test.yaml"
    library.write_text(library.read_text().replace(
        "    owner: Risk manager\n", "    owner: Risk manager\n    mandate: true\n"))
    status, _, err = run("validate", cwd=ws)
    assert status == 1
    assert ("assessments/actions/test.yaml:33:14: error: actions[id=rsk-logs].mandate: 'mandate' "
            "is for set-up actions, which have no perspectives; this action improves risk"
            ) in err.splitlines()


def test_the_organisation_sizing_is_checked(run, ws):
    org = ws / "assessments/orgs/acme/organisation.yaml"
    org.write_text(org.read_text().replace(
        "sector: Retail\n", "sector: Retail\nsizing: {staff: 0, teams: 4}\n"))
    status, _, err = run("validate", cwd=ws)
    assert status == 1
    lines = err.splitlines()
    assert lines[:2] == [
        "assessments/orgs/acme/organisation.yaml:4:17: error: sizing.staff: must be at least 1, "
        "found the number 0",
        "assessments/orgs/acme/organisation.yaml:4:20: warning: sizing: unknown key 'teams'; "
        "expected one of: staff, initiatives, units",
    ]
