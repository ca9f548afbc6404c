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
        "why: Governance is at level 1, target 3: the step to level 2 needs GOV-2-1 "
        "(partly), GOV-2-2 (not)" in out
    )
    assert "Keep risk logs [rsk-logs; risk 1→2; 5 days]" in out
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
    assert book.sheetnames == ["Plan", "Targets", "Projection", "About"]
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
        (["--pin", "nope"], "error: unknown action 'nope'"),
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
