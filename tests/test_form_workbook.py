"""`pmo export-form` and `pmo import` of the workbook: structure, round trip, bad cells."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from conftest import copy_workspace
from helpers import FORM_MATURITY, chosen_answers, with_example_co, workspace, write_tree
from helpers import yaml_response as direct_response
from openpyxl import load_workbook

from generator.loader import load

ALICE = "assessments/orgs/example-co/2026-h1/alice.yaml"
SPECIALS = ["Not applicable", "Don't know"]


@pytest.fixture
def ws(tmp_path):
    return with_example_co(copy_workspace(tmp_path / "ws"))


@pytest.fixture
def small(tmp_path):
    """Questionnaires `mat` (with a display rule, a question without N/A and a free-text
    question) and `kind` (two views), and organisation `acme`."""
    return workspace(tmp_path / "small", {"assessments/questionnaires/mat.yaml": FORM_MATURITY})


def export(run, root, *args):
    status, out, err = run("export-form", *args, cwd=root)
    assert status == 0, err
    return out


def question_rows(sheet) -> dict[str, int]:
    """Row of each question, from the hidden marker column."""
    marker = next(c.column for c in sheet[1] if str(c.value).startswith("pmo-form "))
    return {sheet.cell(r, marker).value: r for r in range(2, sheet.max_row + 1)}


def column(sheet, header: str) -> str:
    return next(c.column_letter for c in sheet[1] if c.value == header)


def dropdown(book, sheet, coordinate: str) -> list[str]:
    """The labels the cell's drop-down list offers."""
    for check in sheet.data_validations.dataValidation:
        if coordinate in check.sqref:
            assert check.type == "list"
            title, cells = check.formula1.split("!")
            lists = book[title.strip("'")]
            return [c.value for row in lists[cells.replace("$", "")] for c in row]
    raise AssertionError(f"{sheet.title}!{coordinate} has no drop-down list")


def test_the_form_has_drop_downs_guidance_and_protection(run, ws):
    out = export(
        run,
        ws,
        "--org",
        "example-co",
        "--round",
        "2026-h1",
        "--respondent",
        "alice",
        "--role",
        "PMO lead",
        "--questionnaire",
        "p3o-maturity",
        "--questionnaire",
        "pmo-type",
    )
    assert out == "Wrote form-example-co-2026-h1-alice.xlsx: P3M and PMO maturity, PMO type\n"
    book = load_workbook(ws / "form-example-co-2026-h1-alice.xlsx")
    assert book.sheetnames == ["How to fill in", "P3M and PMO maturity", "PMO type", "Lists"]
    assert book["Lists"].sheet_state == "hidden"
    assert book.security.lockStructure
    assert all(sheet.protection.sheet for sheet in book.worksheets)
    details = book["How to fill in"]
    assert [(details[f"A{r}"].value, details[f"B{r}"].value) for r in range(4, 9)] == [
        ("Organisation", "example-co"),
        ("Round", "2026-h1"),
        ("Respondent id", "alice"),
        ("Role", "PMO lead"),
        ("Date", None),
    ]
    assert not any(details[f"B{r}"].protection.locked for r in range(4, 9))
    assert dropdown(book, details, "B5") == ["2025-h1", "2026-h1"]

    questionnaires = load(ws).questionnaires
    maturity, sheet = questionnaires["p3o-maturity"], book["P3M and PMO maturity"]
    assert [c.value for c in sheet[1]] == [
        "Id",
        "Perspective",
        "Level",
        "Question",
        "Guidance",
        "Answer",
        "Evidence",
        "Notes",
        "pmo-form questionnaire p3o-maturity 1.1",
    ]
    assert sheet.column_dimensions["I"].hidden
    rows = question_rows(sheet)
    assert list(rows) == list(maturity.questions)
    labels = [o.label for o in maturity.scales[0].options] + SPECIALS
    for question in maturity.questions.values():
        row = rows[question.id]
        assert sheet[f"A{row}"].value == question.id
        assert sheet[f"D{row}"].value == question.text
        assert sheet[f"E{row}"].value.startswith(question.help.strip())
        assert dropdown(book, sheet, f"F{row}") == labels
        assert [sheet[f"{c}{row}"].protection.locked for c in "ABCDEFGH"] == [True] * 5 + [
            False
        ] * 3

    kind, sheet = questionnaires["pmo-type"], book["PMO type"]
    today, needed = column(sheet, "The office you have today"), column(sheet, "The office you need")
    rows = question_rows(sheet)
    for question in kind.questions.values():
        labels = [o.label for o in kind.options(question)] + SPECIALS
        for letter in (today, needed):
            assert dropdown(book, sheet, f"{letter}{rows[question.id]}") == labels
            assert not sheet[f"{letter}{rows[question.id]}"].protection.locked
    rule = sheet[f"{column(sheet, 'Shown when')}{rows['PT-15']}"].value
    assert rule.startswith('Answer only when PT-14 is "A central office with permanent offices')


def test_the_same_input_gives_the_same_bytes(run, ws):
    export(run, ws, "--org", "example-co", "--out", "one.xlsx")
    export(run, ws, "--org", "example-co", "--out", "two.xlsx")
    assert (ws / "one.xlsx").read_bytes() == (ws / "two.xlsx").read_bytes()


def test_an_existing_form_is_kept_unless_forced(run, small):
    export(run, small, "--out", "form.xlsx")
    (small / "form.xlsx").write_bytes(b"answers")
    status, _, err = run("export-form", "--out", "form.xlsx", cwd=small)
    assert (status, err) == (
        1,
        "error: form.xlsx already exists (it may hold answers); add "
        "--force to replace it, or choose another file with --out "
        "(nothing was written)\n",
    )
    assert (small / "form.xlsx").read_bytes() == b"answers"
    export(run, small, "--out", "form.xlsx", "--force")
    assert (small / "form.xlsx").read_bytes() != b"answers"


def fill(path, questionnaires, answers, notes) -> None:
    """Pick every answer from its cell's drop-down list, as a respondent would."""
    book = load_workbook(path)
    for qid, by_question in answers.items():
        q = questionnaires[qid]
        sheet = book[q.title]
        rows = question_rows(sheet)
        headers = {"current": "Answer"} if len(q.views) == 1 else dict(q.views)
        for question, given in by_question.items():
            values = [o.value for o in q.options(q.questions[question])] + ["na", "dont_know"]
            for view, value in given.items() if isinstance(given, dict) else [("current", given)]:
                cell = f"{column(sheet, headers[view])}{rows[question]}"
                sheet[cell] = dropdown(book, sheet, cell)[values.index(value)]
    sheet = book["P3M and PMO maturity"]
    for question, fields in notes.items():
        for name, text in fields.items():
            sheet[f"{column(sheet, name.title())}{question_rows(sheet)[question]}"] = text
    book.save(path)


NOTES = {
    "GOV-2-1": {"evidence": '=HYPERLINK("http://example.com")', "notes": "Line 1\nLine 2: x # y"},
    "GOV-2-2": {"evidence": "  spaces around  "},
    "GOV-2-3": {"notes": "007"},
    "GOV-3-1": {"evidence": "true"},
}
"""Free text that YAML or a spreadsheet would change if written carelessly."""


def test_a_filled_in_form_scores_like_the_same_answers_written_directly(run, ws, tmp_path):
    questionnaires = load(ws).questionnaires
    answers = chosen_answers(questionnaires)
    export(
        run,
        ws,
        "--org",
        "example-co",
        "--round",
        "2026-h1",
        "--respondent",
        "alice",
        "--role",
        "PMO lead",
        "--questionnaire",
        "p3o-maturity",
        "--questionnaire",
        "pmo-type",
        "--out",
        "form.xlsx",
    )
    fill(ws / "form.xlsx", questionnaires, answers, NOTES)
    status, out, err = run("import", "form.xlsx", cwd=ws)
    assert (status, err) == (0, "")
    assert out == "Imported 1 response into assessments/orgs/example-co/2026-h1/: alice\n"

    expected = {qid: dict(by_question) for qid, by_question in answers.items()}
    for question, fields in NOTES.items():
        expected["p3o-maturity"][question] = {"answer": answers["p3o-maturity"][question], **fields}
    imported = yaml.safe_load((ws / ALICE).read_text(encoding="utf-8"))
    assert imported == yaml.safe_load(direct_response(expected))
    direct = write_tree(
        with_example_co(copy_workspace(tmp_path / "direct")), {ALICE: direct_response(expected)}
    )
    scores = []
    for root in (ws, direct):
        status, out, err = run(
            "score", "example-co", "--round", "2026-h1", "--format", "json", cwd=root
        )
        assert status == 0, err
        scores.append(json.loads(out))
    assert scores[0] == scores[1]


def test_every_unreadable_cell_is_reported_and_nothing_is_written(run, small):
    export(run, small, "--out", "form.xlsx")
    book = load_workbook(small / "form.xlsx")
    details, mat, kind = book["How to fill in"], book["Maturity"], book["Office type"]
    details["B4"], details["B6"], details["B8"] = "Acme Ltd", "alice", "last Tuesday"
    mat["G2"], mat["G3"] = "Not in place", "Fully"  # GOV-2-2 is asked only from 'partly' up
    mat["G7"], mat["G8"] = "Not applicable", "Mostly"
    kind["E2"], kind["F2"] = "Sometimes", "everything"
    book.save(small / "form.xlsx")
    status, out, err = run("import", "form.xlsx", cwd=small)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "form.xlsx:2:5: error: 'Office type'!E2 (T-1): 'Sometimes' is not an option; expected "
        "one of: One project, Everything, Both, Not applicable, Don't know",
        "form.xlsx:3:7: error: 'Maturity'!G3 (GOV-2-2): answered, but the question is asked "
        'only when GOV-2-1 is "Partly" or higher; clear the cell or change the earlier answer',
        "form.xlsx:5:2: error: 'How to fill in'!B5 (round): no round; fill it in, or give "
        "--round ROUND",
        "form.xlsx:7:7: error: 'Maturity'!G7 (RSK-2-1): 'Not applicable' is not allowed for "
        "RSK-2-1; expected one of: Not in place, Partly, Largely, Fully, Don't know",
        "form.xlsx:8:2: error: 'How to fill in'!B8 (date): 'last Tuesday' is not a date; "
        "write it as YYYY-MM-DD",
        "form.xlsx:8:7: error: 'Maturity'!G8 (RSK-3-1): 'Mostly' is not an option; expected "
        "one of: Not in place, Partly, Largely, Fully, Not applicable, Don't know",
        "Aborted: 6 errors, 0 warnings in 1 file.",
    ]
    assert not (small / "assessments/orgs/acme/r1").exists()


def small_form(run, root, **cells) -> None:
    """A form for acme's round r1 answered by alice, with `cells` ({'Maturity!G2': ...})."""
    export(
        run,
        root,
        "--org",
        "acme",
        "--round",
        "r1",
        "--respondent",
        "alice",
        "--out",
        "form.xlsx",
        "--force",
    )
    book = load_workbook(root / "form.xlsx")
    for ref, value in cells.items():
        title, cell = ref.split("!")
        book[title][cell] = value
    book.save(root / "form.xlsx")


TOOLS = "  Jira: risks # and issues\nand a spreadsheet "


def test_existing_responses_are_replaced_only_with_force(run, small):
    small_form(run, small, **{"Maturity!G2": "Largely", "Maturity!G9": TOOLS})
    status, out, err = run("import", "form.xlsx", cwd=small)
    assert status == 0, err
    assert out == "Imported 1 response into assessments/orgs/acme/r1/: alice\n"
    alice = small / "assessments/orgs/acme/r1/alice.yaml"
    first = yaml.safe_load(alice.read_text())
    assert first["questionnaires"]["mat"]["answers"] == {"GOV-2-1": "largely", "RSK-9": TOOLS}

    small_form(run, small, **{"Maturity!G2": "Fully", "How to fill in!B8": dt.date(2024, 1, 9)})
    status, out, err = run("import", "form.xlsx", cwd=small)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "1 warning in 1 input file; 'pmo validate' lists them (or add --verbose)",
        "assessments/orgs/acme/r1/alice.yaml: error: already exists, and would be replaced by "
        "the answers of 'alice' from form.xlsx; add --force to replace it",
        "Aborted: 1 error, 0 warnings in 1 file.",
    ]
    assert yaml.safe_load(alice.read_text()) == first

    status, out, _ = run("import", "form.xlsx", "--force", cwd=small)
    assert out == "Imported 1 response into assessments/orgs/acme/r1/: alice (1 replaced)\n"
    second = yaml.safe_load(alice.read_text())
    assert (second["date"], second["questionnaires"]["mat"]["answers"]) == (
        dt.date(2024, 1, 9),
        {"GOV-2-1": "fully"},
    )
    status, _, err = run("validate", "assessments/orgs/acme/r1/alice.yaml", cwd=small)
    assert status == 0, err


def test_a_dry_run_writes_nothing(run, small):
    small_form(run, small, **{"Office type!E3": "The board"})
    status, out, _ = run("import", "form.xlsx", "--dry-run", cwd=small)
    assert (status, out) == (
        0,
        "Would import 1 response into assessments/orgs/acme/r1/: alice "
        "(dry run: nothing was written)\n",
    )
    assert not (small / "assessments/orgs/acme/r1").exists()


def test_a_renamed_sheet_still_imports(run, small):
    small_form(run, small, **{"Maturity!G4": "partly"})
    book = load_workbook(small / "form.xlsx")
    book["Maturity"].title = "My answers"
    book.save(small / "form.xlsx")
    status, _, err = run("import", "form.xlsx", cwd=small)
    assert status == 0, err
    answers = yaml.safe_load((small / "assessments/orgs/acme/r1/alice.yaml").read_text())
    assert answers["questionnaires"] == {
        "mat": {"version": "1.0", "answers": {"GOV-3-1": "partly"}}
    }


@pytest.mark.parametrize(
    "args, cells, message",
    [
        ([], {}, "form.xlsx: error: no answers; answer at least one question"),
        (
            ["--org", "acme"],
            {"How to fill in!B4": "beta", "Maturity!G2": "fully"},
            "form.xlsx:4:2: error: 'How to fill "
            "in'!B4 (organisation): 'beta' is not organisation 'acme' given with --org; correct "
            "the cell or leave out --org",
        ),
        (
            [],
            {"How to fill in!B5": "r3", "Maturity!G2": "fully"},
            "form.xlsx:5:2: error: 'How to "
            "fill in'!B5 (round): unknown round 'r3' for organisation 'acme'; expected one of: r1, "
            "r2",
        ),
    ],
    ids=["empty form", "organisation differs from --org", "unknown round"],
)
def test_details_are_checked(run, small, args, cells, message):
    small_form(run, small, **cells)
    status, _, err = run("import", "form.xlsx", *args, cwd=small)
    assert status == 1
    assert err.splitlines()[0] == message


def test_a_file_that_is_not_a_workbook_is_refused(run, small):
    (small / "form.xlsx").write_text("organisation,round\n")
    status, _, err = run("import", "form.xlsx", cwd=small)
    assert (status, err.splitlines()[0]) == (
        1,
        "form.xlsx: error: cannot read the workbook (not an .xlsx file); save it in Excel "
        "Workbook (.xlsx) format and try again",
    )


def test_an_answer_whose_question_id_was_cleared_is_an_error(run, small):
    small_form(run, small, **{"Maturity!G2": "Largely", "Maturity!G4": "Fully",
                              "Maturity!J4": None})
    status, out, err = run("import", "form.xlsx", cwd=small)
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        "form.xlsx:4:7: error: 'Maturity'!G4 (row 4): the answer has no question id: the hidden "
        "cell J4 that names the question was cleared, so the answer cannot be attributed; copy "
        "the answers into a new form from 'pmo export-form'",
        "Aborted: 1 error, 0 warnings in 1 file.",
    ]
    assert not (small / "assessments/orgs/acme/r1/alice.yaml").exists()
