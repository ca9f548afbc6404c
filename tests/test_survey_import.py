"""`pmo import` of a survey tool's CSV export: column and answer matching, round trip, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from conftest import copy_workspace
from helpers import (
    FORM_MATURITY,
    chosen_answers,
    response,
    with_example_co,
    workspace,
    write_tree,
)
from helpers import yaml_response as direct_response

from generator.loader import load

ROUND = "assessments/orgs/example-co/2026-h1"


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@pytest.fixture
def small(tmp_path):
    return workspace(tmp_path / "small", {"assessments/questionnaires/mat.yaml": FORM_MATURITY})


def test_a_survey_export_scores_like_the_same_answers_written_directly(run, tmp_path):
    ws = with_example_co(copy_workspace(tmp_path / "ws"))
    questionnaires = load(ws).questionnaires
    maturity, kind = questionnaires["p3o-maturity"], questionnaires["pmo-type"]
    header = ["Timestamp", "Email address", "Your role"]
    header += [f"{i}. {q.text}" for i, q in enumerate(maturity.questions.values(), start=1)]
    header += [
        f"{q.text} [{label}]" for q in kind.questions.values() for label in kind.views.values()
    ]
    people = {
        "alice": ("alice@example.com", "PMO lead"),
        "bob-example": ("Bob Example", "Sponsor"),
        "r03": ("r03", "Project manager"),
    }
    written = {"spelling": 0}

    def typed(q, question, value):
        """The answer as a survey tool exports it: the label, in varied spellings."""
        written["spelling"] += 1
        if value in ("na", "dont_know"):
            return (
                ["N/A", "n/a", "Not applicable"][written["spelling"] % 3]
                if value == "na"
                else ["Don't know", "don’t know", "DONT_KNOW"][written["spelling"] % 3]
            )
        label = next(o.label for o in q.options(q.questions[question]) if o.value == value)
        return [label, label.upper(), value][written["spelling"] % 3]

    rows, expected = [header], {}
    for n, (respondent, (who, role)) in enumerate(people.items()):
        answers = chosen_answers(questionnaires)
        shifted = list(answers["p3o-maturity"].values())
        answers["p3o-maturity"] = dict(
            zip(answers["p3o-maturity"], shifted[n:] + shifted[:n], strict=True)
        )
        expected[respondent] = (answers, role)
        row = [f"2026-04-0{n + 1} 09:3{n}:00", who, role]
        row += [typed(maturity, q, v) for q, v in answers["p3o-maturity"].items()]
        row += [
            typed(kind, q.id, answers["pmo-type"][q.id][view])
            if view in answers["pmo-type"][q.id]
            else ""
            for q in kind.questions.values()
            for view in kind.views
        ]
        rows.append(row)
    write_tree(ws, {"survey.csv": csv_text(rows)})

    status, out, err = run(
        "import", "survey.csv", "--org", "example-co", "--round", "2026-h1", cwd=ws
    )
    assert status == 0, err
    assert err.splitlines() == [  # every id changed on its way to a file name is reported
        "survey.csv:2:2: warning: Email address: respondent 'alice@example.com' is filed as "
        "'alice' (the part before the @ of an email address); the name as typed is kept",
        "survey.csv:3:2: warning: Email address: respondent 'Bob Example' is filed as "
        "'bob-example' (ids become file names: letters, digits, '-', '_' and '.', at most 64); "
        "the name as typed is kept",
    ]
    assert out == f"Imported 3 responses into {ROUND}/: alice, bob-example, r03\n"
    alice = yaml.safe_load((ws / ROUND / "alice.yaml").read_text(encoding="utf-8"))
    assert alice["respondent"] == {"id": "alice", "role": "PMO lead", "name": "alice@example.com"}
    assert str(alice["date"]) == "2026-04-01"

    direct = with_example_co(copy_workspace(tmp_path / "direct"))
    write_tree(
        direct,
        {
            f"{ROUND}/{who}.yaml": direct_response(answers, who, role)
            for who, (answers, role) in expected.items()
        },
    )
    scores = []
    for root in (ws, direct):
        status, out, err = run(
            "score", "example-co", "--round", "2026-h1", "--format", "json", cwd=root
        )
        assert status == 0, err
        scores.append(json.loads(out))
    assert scores[0] == scores[1]
    assert sorted({r["respondent"] for r in scores[0]["respondents"]}) == [
        "alice",
        "bob-example",
        "r03",
    ]


@pytest.mark.parametrize(
    "header, value, answers",
    [
        ("GOV-2-1", "Largely", {"mat": {"GOV-2-1": "largely"}}),
        ("gov-2-1: Boards exist", "n/a", {"mat": {"GOV-2-1": "na"}}),
        ("Q1. Do boards exist? [GOV-2-1]", "Don’t know", {"mat": {"GOV-2-1": "dont_know"}}),
        ("1) BOARDS   exist!", "NOT IN PLACE", {"mat": {"GOV-2-1": "not"}}),
        (
            "Boards exist - evidence",
            "Minutes: March # 3",
            {"mat": {"GOV-2-1": {"evidence": "Minutes: March # 3"}}},
        ),
        ("What does the office cover? - Needed", "both", {"kind": {"T-1": {"target": "both"}}}),
        ("T-1 (target)", "Everything", {"kind": {"T-1": {"target": "everything"}}}),
        ("T-2_current", "the Board", {"kind": {"T-2": {"current": "board"}}}),
        ("RSK-9", " Jira, and\n a spreadsheet ", {"mat": {"RSK-9": " Jira, and\n a spreadsheet "}}),
    ],
)
def test_columns_and_answers_are_matched_by_id_text_value_or_label(
    run, small, header, value, answers
):
    write_tree(small, {"survey.csv": csv_text([["Respondent", header], ["alice", value]])})
    status, _, err = run("import", "survey.csv", "--org", "acme", "--round", "r1", cwd=small)
    assert status == 0, err
    written = yaml.safe_load((small / "assessments/orgs/acme/r1/alice.yaml").read_text())
    assert {q: a["answers"] for q, a in written["questionnaires"].items()} == answers


BAD = [
    [
        "Respondent",
        "Role",
        "GOV-2-1",
        "GOV-2-2. Boards decide",
        "Risk logs [RSK-2-1]",
        "One method",
        "RSK-3-1 (notes)",
        "RSK-9",
        "T-1",
        "What does the office cover? (Needed)",
        "T-2 [current]",
        "Favourite colour",
        "GOV-2-1 again",
        "",
    ],
    [
        "alice",
        "PMO lead",
        "Not in place",
        "Fully",
        "N/A",
        "Mostly",
        "Line a\nLine b",
        "Jira",
        "",
        "Everything",
        "The board",
        "blue",
        "",
        "",
    ],
    [
        "Bob Example",
        "Sponsor",
        "partly",
        "largely",
        "not",
        "fully",
        "",
        "",
        "",
        "nothing",
        "pm",
        "",
        "",
        "typed beside the last column",
    ],
    ["alice", "", "fully", "fully", "fully", "fully", "", "", "", "", "", "", "", ""],
]


def test_every_bad_cell_is_reported_with_its_line_and_column(run, small):
    write_tree(small, {"survey.csv": csv_text(BAD)})
    status, out, err = run("import", "survey.csv", "--org", "acme", "--round", "r1", cwd=small)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "survey.csv:1:9: error: T-1: T-1 is answered for 2 points of view; say which in the "
        "header: add 'current' or 'target', or the view's label",
        "survey.csv:1:12: warning: Favourite colour: matches no question of kind, mat; the "
        "column is ignored",
        "survey.csv:1:13: error: GOV-2-1 again: answers the same question as column 3 (GOV-2-1)",
        "survey.csv:1:14: warning: the column has no header; its values are ignored",
        "survey.csv:2:4: error: GOV-2-2. Boards decide: answered, but the question is asked "
        'only when GOV-2-1 is "Partly" or higher; clear the cell or change the earlier answer',
        "survey.csv:2:5: error: Risk logs [RSK-2-1]: 'N/A' is not allowed for RSK-2-1; expected "
        "one of: Not in place, Partly, Largely, Fully, Don't know",
        "survey.csv:2:6: error: One method: 'Mostly' is not an option; expected one of: Not in "
        "place, Partly, Largely, Fully, Not applicable, Don't know",
        "survey.csv:4:1: warning: Respondent: respondent 'Bob Example' is filed as "
        "'bob-example' (ids become file names: letters, digits, '-', '_' and '.', at most 64); "
        "the name as typed is kept",
        "survey.csv:4:10: error: What does the office cover? (Needed): 'nothing' is not an "
        "option; expected one of: One project, Everything, Both, Not applicable, Don't know",
        "survey.csv:5:1: error: Respondent: respondent 'alice' appears twice, also at "
        "survey.csv:2:1; give each respondent an id of their own",
        "Aborted: 7 errors, 3 warnings in 1 file.",
    ]
    assert not (small / "assessments/orgs/acme/r1").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (
            [],
            "survey.csv:1:1: error: no respondent column (such as 'respondent id', "
            "'respondent', 'respondentid', 'response id'); name it with --respondent-column",
        ),
        (
            ["--respondent-column", "Code"],
            "survey.csv:1:1: error: no column 'Code' "
            "(--respondent-column); the columns are: Participant code, GOV-2-1",
        ),
    ],
)
def test_the_respondent_column_must_be_found(run, small, args, message):
    write_tree(small, {"survey.csv": csv_text([["Participant code", "GOV-2-1"], ["p1", "fully"]])})
    status, _, err = run("import", "survey.csv", "--org", "acme", "--round", "r1", *args, cwd=small)
    assert (status, err.splitlines()[0]) == (1, message)


def test_a_named_respondent_column_and_a_semicolon_export_with_a_byte_order_mark(run, small):
    text = "\ufeff" + csv_text(
        [["Participant code", "Role", "GOV-2-1"], ["P-1", "Sponsor", "fully"], ["P-2", "", "not"]],
        delimiter=";",
    )
    write_tree(small, {"survey.csv": text})
    status, out, err = run(
        "import",
        "survey.csv",
        "--org",
        "acme",
        "--round",
        "r2",
        "--respondent-column",
        "participant code",
        cwd=small,
    )
    assert status == 0, err
    assert out == "Imported 2 responses into assessments/orgs/acme/r2/: P-1, P-2\n"
    assert yaml.safe_load((small / "assessments/orgs/acme/r2/P-1.yaml").read_text())[
        "respondent"
    ] == {"id": "P-1", "role": "Sponsor"}


def test_organisation_and_round_are_required_and_checked(run, small):
    write_tree(small, {"survey.csv": csv_text([["Respondent", "GOV-2-1"], ["alice", "fully"]])})
    status, _, err = run("import", "survey.csv", cwd=small)
    assert (status, err.splitlines()) == (
        1,
        [
            "survey.csv: error: no organisation; give --org ORG, or add an Organisation column",
            "survey.csv: error: no round; give --round ROUND, or add a Round column",
            "Aborted: 2 errors, 0 warnings in 1 file.",
        ],
    )
    status, _, err = run("import", "survey.csv", "--org", "acme", cwd=small)
    assert err.splitlines()[0] == (
        "survey.csv: error: no round; give --round ROUND, or add a Round column"
    )
    write_tree(small, {"survey.csv": "Respondent,Round,GOV-2-1\nalice,,fully\nbob,r2,not\n"})
    status, _, err = run("import", "survey.csv", "--org", "acme", cwd=small)
    assert (status, err.splitlines()[0]) == (
        1,
        "survey.csv:2:2: error: Round: no round; fill it in, or give --round ROUND",
    )
    status, _, err = run("import", "survey.csv", "--org", "beta", "--round", "r1", cwd=small)
    assert (status, err) == (
        1,
        "error: unknown organisation 'beta' (--org); this workspace has: acme\n",
    )


BOB = response("bob", "GOV-2-1: fully")


def test_every_existing_file_is_reported_and_kept_without_force(run, small):
    rows = [["Respondent", "GOV-2-1"], ["alice", "fully"], ["bob", "not"]]
    write_tree(
        small,
        {
            "survey.csv": csv_text(rows),
            "assessments/orgs/acme/r1/alice.yaml": response("alice", "GOV-2-1: not"),
            "assessments/orgs/acme/r1/bob.yaml": BOB,
        },
    )
    status, _, err = run(
        "import", "survey.csv", "--org", "acme", "--round", "r1", "--dry-run", cwd=small
    )
    assert status == 1
    assert [line.split(": error: ")[1] for line in err.splitlines() if ": error: " in line][
        -2:
    ] == [
        "already exists, and would be replaced by the answers of 'alice' from survey.csv; add "
        "--force to replace it",
        "already exists, and would be replaced by the answers of 'bob' from survey.csv; add "
        "--force to replace it",
    ]
    assert (small / "assessments/orgs/acme/r1/bob.yaml").read_text() == BOB


SURVEYMONKEY = [
    ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
     "First Name", "Last Name", "What does the office cover?", "", "Boards exist"],
    ["", "", "", "", "", "", "", "", "Today", "Needed", "Response"],
    ["11400001", "4321", "03/02/2026 10:00:01 AM", "03/02/2026 10:15:33 AM", "10.0.0.1",
     "ann@example.com", "Ann", "Lee", "One project", "Everything", "Largely"],
    ["11400002", "4321", "03/23/2026 09:00:00 AM", "03/23/2026 09:20:00 AM", "10.0.0.2",
     "bo@example.com", "Bo", "Chen", "Both", "Both", "Fully"],
]


def test_a_surveymonkey_export_with_two_header_rows(run, small):
    write_tree(small, {"survey.csv": csv_text(SURVEYMONKEY)})
    status, out, err = run("import", "survey.csv", "--org", "acme", "--round", "r1", cwd=small)
    assert (status, err.splitlines()) == (0, [  # the tool's columns are not warned about
        "6 warnings in 2 response files; 'pmo validate' lists them (or add --verbose)"])
    assert out == "Imported 2 responses into assessments/orgs/acme/r1/: 11400001, 11400002\n"
    first = yaml.safe_load((small / "assessments/orgs/acme/r1/11400001.yaml").read_text())
    assert first["respondent"] == {"id": "11400001"}  # no names, emails or addresses copied
    assert str(first["date"]) == "2026-03-02"  # month first: the 03/23 row settles it
    assert first["questionnaires"]["kind"]["answers"] == {
        "T-1": {"current": "one-project", "target": "everything"}
    }
    assert first["questionnaires"]["mat"]["answers"] == {"GOV-2-1": "largely"}


@pytest.mark.parametrize(
    "typed, args, expected",
    [
        ("2026/03/02 10:15:33 AM GMT", [], "2026-03-02"),
        ("2026-03-02T10:15:33Z", [], "2026-03-02"),
        ("3/2/26 10:30:12", ["--date-format", "%d/%m/%y"], "2026-02-03"),
        ("03/02/2026 10:15:33 AM", ["--date-format", "%m/%d/%Y"], "2026-03-02"),
        ("02.03.2026 10:15", ["--date-format", "%d.%m.%Y %H:%M"], "2026-03-02"),
        ("2 March 2026", [], "2026-03-02"),
    ],
)
def test_timestamps_become_the_response_date(run, small, typed, args, expected):
    write_tree(small, {"survey.csv": csv_text([["Respondent", "Timestamp", "GOV-2-1"],
                                               ["alice", typed, "fully"]])})
    status, _, err = run("import", "survey.csv", "--org", "acme", "--round", "r1", *args,
                         cwd=small)
    assert status == 0, err
    saved = yaml.safe_load((small / "assessments/orgs/acme/r1/alice.yaml").read_text())
    assert str(saved["date"]) == expected


@pytest.mark.parametrize(
    "typed, args, message",
    [
        ("3/2/26 10:30:12", [],
         "'3/2/26 10:30:12' could be 2 March 2026 (month first) or 3 February 2026 (day "
         "first), and no other date in the column tells which; add --date-format '%m/%d/%y' "
         "if the month comes first (as US settings of SurveyMonkey and Microsoft Forms write "
         "dates), or --date-format '%d/%m/%y' if the day does"),
        ("31/02/2026", [], "'31/02/2026' is not a real date"),
        ("2026-03-02", ["--date-format", "%d/%m/%Y"],
         "'2026-03-02' is not a date in the format '%d/%m/%Y' (--date-format)"),
        ("next Tuesday", [],
         "'next Tuesday' is not a date this importer knows; give its format with "
         "--date-format, such as --date-format '%d.%m.%Y %H:%M'"),
    ],
)
def test_a_date_that_cannot_be_read_is_an_error_and_nothing_is_written(
    run, small, typed, args, message
):
    write_tree(small, {"survey.csv": csv_text([["Respondent", "Timestamp", "GOV-2-1"],
                                               ["alice", typed, "fully"]])})
    status, _, err = run("import", "survey.csv", "--org", "acme", "--round", "r1", *args,
                         cwd=small)
    assert (status, err.splitlines()[0]) == (1, f"survey.csv:2:2: error: Timestamp: {message}")
    assert not (small / "assessments/orgs/acme/r1").exists()


def test_every_change_of_a_respondent_id_is_reported_and_an_unattributed_row_is_an_error(
    run, small
):
    long = "x" * 300
    rows = [["Respondent", "GOV-2-1"], ["../evil", "fully"], ["Zoë", "not"], [long, "partly"],
            ["", "largely"]]
    write_tree(small, {"survey.csv": csv_text(rows)})
    status, _, err = run("import", "survey.csv", "--org", "acme", "--round", "r1", cwd=small)
    rule = "ids become file names: letters, digits, '-', '_' and '.', at most 64"
    assert (status, err.splitlines()) == (1, [
        f"survey.csv:2:1: warning: Respondent: respondent '../evil' is filed as 'evil' ({rule}); "
        "the name as typed is kept",
        f"survey.csv:3:1: warning: Respondent: respondent 'Zoë' is filed as 'zoe' ({rule}); the "
        "name as typed is kept",
        f"survey.csv:4:1: warning: Respondent: respondent '{long}' is filed as '{'x' * 64}' "
        f"({rule}); the name as typed is kept",
        "survey.csv:5:1: error: Respondent: no respondent id, so the answers cannot be "
        "attributed; fill it in",
        "Aborted: 1 error, 3 warnings in 1 file.",
    ])
    assert not (small / "assessments/orgs/acme/r1").exists()
