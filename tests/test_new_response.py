"""`pmo new-response`: a response file to fill in by hand, valid before and after filling in."""

from __future__ import annotations

import json

import pytest
from conftest import copy_workspace
from helpers import (
    TYPE,
    chosen_answers,
    response,
    with_example_co,
    workspace,
    write_tree,
    yaml_response,
)

from generator.loader import load

ALICE = "assessments/orgs/example-co/2026-h1/alice.yaml"


@pytest.fixture
def ws(tmp_path):
    return with_example_co(copy_workspace(tmp_path / "ws"))


def test_the_untouched_skeleton_validates_with_warnings_only(run, ws):
    status, out, err = run("new-response", "example-co", "--respondent", "alice", cwd=ws)
    assert (status, err) == (0, "")
    assert out == (
        f"Wrote {ALICE}: 151 questions in 4 questionnaires. Fill it in, then run: "
        f"pmo validate {ALICE}\n"
    )
    status, out, err = run("validate", "--strict", cwd=ws)
    assert status == 1
    # Not filled in yet: left out of the results, so it cannot pull a level down.
    assert err.splitlines() == [
        f"{ALICE}:{line}:5: warning: questionnaires.{q}: no answers to '{q}' yet, so this "
        "file is left out of its results"
        for line, q in ((22, "operating-model"), (283, "p3o-maturity"), (1279, "pmo-services"),
                        (1469, "pmo-type"))
    ] + ["Aborted: 0 errors, 4 warnings in 1 file."]
    status, out, _ = run("validate", cwd=ws)
    assert (status, out) == (
        0,
        "OK: 4 questionnaires, 1 organisation, 1 answer file (0 questionnaires answered, "
        "0 answers) (4 warnings)\n",
    )


def test_each_question_is_a_commented_prompt(run, ws):
    run("new-response", "example-co", "--respondent", "alice", "--role", "PMO lead: #1", cwd=ws)
    text = (ws / ALICE).read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../../schemas/answers.schema.json\n"
        "# Answers of alice for Example Co, round 2026-h1 (One year on).\n"
    )
    assert "respondent:\n  id: alice\n  role: 'PMO lead: #1'\n" in text
    assert (
        "      # GOV-2-1 (level 2): Every active project and programme has a named senior sponsor"
        " who is\n"
        "      #   accountable for its outcome.\n"
        "      # Answer with: not (Not in place), partly (Partly in place), largely (Largely in"
        " place),\n"
        "      #   fully (Fully in place), na (Not applicable), dont_know (Don't know)\n"
        "      GOV-2-1:\n        answer:\n        evidence:\n        notes:\n"
    ) in text
    assert (
        '      # Answer only when PT-14 is "A central office with permanent offices in the '
        'divisions" or\n'
        '      #   "Several offices in different divisions, with no central office" (for '
        "each point of\n"
        "      #   view separately); otherwise leave it empty.\n"
        "      PT-15:\n        current:\n        target:\n"
    ) in text
    assert "      # Governance and decision-making\n" in text


def fill(text: str, answers: dict) -> str:
    """Type the answers into a skeleton, as a person would, after each key's colon."""
    for question, value in answers["p3o-maturity"].items():
        key = f"      {question}:\n        answer:\n"
        assert key in text
        text = text.replace(key, f"      {question}:\n        answer: {value}\n")
    for question, views in answers["pmo-type"].items():
        key = f"      {question}:\n        current:\n        target:\n"
        assert key in text
        typed = "".join(
            f"        {view}: {views.get(view, '')}\n" for view in ("current", "target")
        )
        text = text.replace(key, f"      {question}:\n{typed}")
    return text


def score(run, root) -> dict:
    status, out, err = run(
        "score", "example-co", "--round", "2026-h1", "--format", "json", cwd=root
    )
    assert status == 0, err
    return json.loads(out)


def test_the_filled_in_skeleton_scores_like_the_same_answers_written_directly(run, ws, tmp_path):
    answers = chosen_answers(load(ws).questionnaires)
    status, _, _ = run(
        "new-response",
        "example-co",
        "--respondent",
        "alice",
        "--role",
        "PMO lead",
        "--questionnaire",
        "p3o-maturity",
        "--questionnaire",
        "pmo-type",
        cwd=ws,
    )
    assert status == 0
    path = ws / ALICE
    path.write_text(fill(path.read_text(encoding="utf-8"), answers), encoding="utf-8")
    status, out, err = run("validate", "--strict", cwd=ws)
    assert (status, err) == (0, ""), err
    assert out == (
        "OK: 4 questionnaires, 1 organisation, 1 answer file (2 questionnaires answered, "
        "137 answers)\n"
    )
    direct = with_example_co(copy_workspace(tmp_path / "direct"))
    write_tree(direct, {ALICE: yaml_response(answers)})
    card = score(run, ws)
    assert card == score(run, direct)
    [maturity] = card["maturity"]
    assert (maturity["level"], maturity["score"]) == (1, 3.0)


def test_an_existing_file_is_kept_unless_forced(run, ws):
    run("new-response", "example-co", "--respondent", "alice", cwd=ws)
    (ws / ALICE).write_text((ws / ALICE).read_text().replace('role: ""', "role: Sponsor"))
    before = (ws / ALICE).read_text()
    status, _, err = run("new-response", "example-co", "--respondent", "alice", cwd=ws)
    assert status == 1
    assert err.splitlines()[-1] == (
        f"error: {ALICE} already exists; add --force to replace it, or choose another file "
        "with --out (nothing was written)"
    )
    assert (ws / ALICE).read_text() == before
    status, _, _ = run("new-response", "example-co", "--respondent", "alice", "--force", cwd=ws)
    assert status == 0 and (ws / ALICE).read_text() != before


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--respondent", "Al ice"],
            "Error: Invalid value for '--respondent': 'Al ice' is not a safe identifier (it "
            "contains ' '); use 1 to 64 letters, digits, '-', '_' or '.', starting with a "
            "letter or digit (identifiers become file names)",
        ),
        (
            ["--respondent", "aux"],
            "Error: Invalid value for '--respondent': 'aux' is a reserved device name on "
            "Windows (CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9, with or without an "
            "extension), which cannot be a file name there; choose another identifier",
        ),
        (
            ["--respondent", "bob", "--round", "2027"],
            "error: unknown round '2027' for "
            "organisation 'example-co'; expected one of: 2025-h1, 2026-h1 (add a new round with "
            "'pmo new-round example-co 2027')",
        ),
        (
            ["--respondent", "bob", "--questionnaire", "p3o"],
            "error: unknown questionnaire "
            "'p3o'; expected one of: operating-model, p3o-maturity, pmo-services, pmo-type",
        ),
    ],
    ids=["unsafe id", "reserved name", "unknown round", "unknown questionnaire"],
)
def test_bad_options_are_refused(run, ws, args, message):
    status, _, err = run("new-response", "example-co", *args, cwd=ws)
    usage = message.startswith("Error: Invalid value")  # click's wording for a bad option
    assert (status, err.splitlines()[-1]) == (2 if usage else 1, message)
    assert not (ws / "assessments/orgs/example-co/2026-h1").exists()


def test_a_respondent_who_already_answered_is_refused(run, tmp_path):
    root = workspace(
        tmp_path,
        {"assessments/orgs/acme/r2/alice.yaml": response("alice", "GOV-2-1: fully", round_id="r2")},
    )
    status, _, err = run(
        "new-response", "acme", "--respondent", "alice", "--out", "new.yaml", cwd=root
    )
    assert status == 1
    assert err.splitlines()[-1] == (
        "error: 'alice' already answered 'mat' for round 'r2' in "
        "assessments/orgs/acme/r2/alice.yaml; choose another respondent id, or leave that "
        "questionnaire out with --questionnaire (nothing was written)"
    )
    status, out, _ = run(
        "new-response",
        "acme",
        "--respondent",
        "alice",
        "--questionnaire",
        "kind",
        "--out",
        "new.yaml",
        cwd=root,
    )
    assert status == 0 and out.startswith("Wrote new.yaml: 2 questions in 1 questionnaire.")
    status, _, err = run("validate", "new.yaml", cwd=root)
    assert status == 0, err


def test_an_empty_value_leaves_a_two_view_question_unanswered(run, tmp_path):
    root = workspace(
        tmp_path,
        {
            "assessments/questionnaires/kind.yaml": TYPE,
            "assessments/orgs/acme/r1/alice.yaml": response(
                "alice",
                "T-1:\nT-2: {current: board, target: }",
                questionnaire="kind",
                version="2.1",
            ),
        },
    )
    status, _, err = run("validate", cwd=root)
    assert status == 0
    assert err.splitlines() == [
        "assessments/orgs/acme/r1/alice.yaml:8:7: warning: questionnaires.kind.answers: 1 "
        "required question unanswered (current): T-1",
        "assessments/orgs/acme/r1/alice.yaml:8:7: warning: questionnaires.kind.answers: 2 "
        "required questions unanswered (target): T-1, T-2",
    ]
