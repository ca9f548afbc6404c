"""Every kind of bad input gives its own one-line message, pinned here exactly.

Each case writes a small workspace, runs `pmo validate` through the real entry point from the
workspace folder (so paths print relative), and compares stderr line for line.
"""

from __future__ import annotations

import pytest
from helpers import MATURITY, ORG, TYPE, response, workspace, write_tree

ALICE = "assessments/orgs/acme/r1/alice.yaml"


def validate(run, root, *args):
    status, _out, err = run("validate", *args, cwd=root)
    return status, err.splitlines()


CASES = {
    "yaml syntax error": (
        {ALICE: "organisation: acme\nround: [r1\n"},
        f"{ALICE}:3:1: error: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence)",
    ),
    "duplicate key": (
        {ALICE: response("alice", "GOV-2-1: fully\nGOV-2-1: not")},
        f"{ALICE}:9:7: error: duplicate key 'GOV-2-1' (first defined on line 8)",
    ),
    "empty file": (
        {ALICE: "# nothing yet\n"},
        f"{ALICE}:1:1: error: file is empty; expected a mapping",
    ),
    "non-mapping root": (
        {ALICE: "- organisation: acme\n"},
        f"{ALICE}:1:1: error: expected a mapping at the top of the file, found a list",
    ),
    "non-UTF-8 bytes": (
        {ALICE: b"organisation: acme\nround: r1 caf\xe9\n"},
        f"{ALICE}:2:14: error: file is not valid UTF-8 (byte 0xE9); save it with UTF-8 encoding",
    ),
    "wrong type": (
        {ALICE: response("alice", "GOV-2-1: fully").replace("round: r1", "round: [r1]")},
        f"{ALICE}:2:8: error: round: expected text, found a list",
    ),
    "missing required key": (
        {ALICE: "organisation: acme\nround: r1\nrespondent: {id: alice}\n"},
        f"{ALICE}:1:1: error: missing required key 'questionnaires'",
    ),
    "unknown question id": (
        {ALICE: response("alice", "GOV-2-1: fully\nGOV-9-1: fully")},
        f"{ALICE}:9:7: error: questionnaires.mat.answers.GOV-9-1: unknown question id "
        "'GOV-9-1' in questionnaire 'mat'; did you mean 'GOV-2-1'?",
    ),
    "answer not on the scale": (
        {ALICE: response("alice", "GOV-2-1: 7")},
        f"{ALICE}:8:16: error: questionnaires.mat.answers.GOV-2-1: 7 is not an answer to "
        "GOV-2-1; expected one of: not, partly, largely, fully, na, dont_know",
    ),
    "answer to a hidden question": (
        {ALICE: response("alice", "GOV-2-1: not\nGOV-2-2: fully")},
        f"{ALICE}:9:16: error: questionnaires.mat.answers.GOV-2-2: answered, but the question "
        "is hidden by its display rule (show_if: GOV-2-1 >= 'partly'); remove the answer or "
        "change the earlier one",
    ),
    "questionnaire version mismatch": (
        {ALICE: response("alice", "GOV-2-1: fully", version="2.0")},
        f"{ALICE}:6:14: error: questionnaires.mat.version: answers were given to version 2.0 "
        "of 'mat', but the questionnaire is version 1.0; a different major version asks "
        "different questions, so re-answer or convert the file",
    ),
    "identifier unsafe as a file name": (
        {ALICE: response("../../etc", "GOV-2-1: fully")},
        f"{ALICE}:3:18: error: respondent.id: '../../etc' is not a safe identifier (it "
        "contains '/'); use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter "
        "or digit (identifiers become file names)",
    ),
    "reserved device name as an id": (
        {ALICE: response("Com3.txt", "GOV-2-1: fully")},
        f"{ALICE}:3:18: error: respondent.id: 'Com3.txt' is a reserved device name on Windows "
        "(CON, PRN, AUX, NUL, COM1 to COM9, LPT1 to LPT9, with or without an extension), which "
        "cannot be a file name there; choose another identifier",
    ),
    "id too long for a file name": (
        {ALICE: response("r" * 65, "GOV-2-1: fully")},
        f"{ALICE}:3:18: error: respondent.id: 'rrrrrrrrrrrrrrrrrrrr…' is 65 characters long; "
        "use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit "
        "(identifiers become file names)",
    ),
    "answer indented under the previous one": (
        {ALICE: response("alice", "GOV-2-1:\n  answer: fully\n  GOV-2-2: fully")},
        f"{ALICE}:10:9: error: questionnaires.mat.answers.GOV-2-1.GOV-2-2: question GOV-2-2 "
        "is indented under GOV-2-1, so it is read as part of GOV-2-1's answer; move it left "
        "to line up with GOV-2-1",
    ),
    "mistyped question id indented under an answer": (
        {ALICE: response("alice", "GOV-2-1:\n  GOV-3-l: fully")},
        f"{ALICE}:9:9: error: questionnaires.mat.answers.GOV-2-1.GOV-3-l: 'GOV-3-l' (question "
        "GOV-3-1?) is indented under GOV-2-1, so it is read as part of GOV-2-1's answer; "
        "move it left to line up with GOV-2-1",
    ),
    "unknown key in an answer": (
        {ALICE: response("alice", "GOV-2-1: {answr: fully}")},
        f"{ALICE}:8:17: error: questionnaires.mat.answers.GOV-2-1.answr: unknown key 'answr' "
        "in the answer to GOV-2-1; expected one of: answer, evidence, notes; did you mean "
        "'answer'?",
    ),
    "comma inside braces": (
        {ALICE: response("alice", "GOV-2-1: {answer: fully, evidence: Minutes, May 2026}")},
        f"{ALICE}:8:51: error: questionnaires.mat.answers.GOV-2-1.May 2026: 'May 2026' is read "
        "as a key of the answer to GOV-2-1: inside {...} a comma ends a value, so put text "
        "that has commas in double quotes, such as evidence: \"Minutes, March 2025\"",
    ),
    "answer in other case": (
        {ALICE: response("alice", "GOV-2-1: Largely")},
        f"{ALICE}:8:16: error: questionnaires.mat.answers.GOV-2-1: 'Largely' is not an answer "
        "to GOV-2-1; expected one of: not, partly, largely, fully, na, dont_know; did you "
        "mean 'largely'?",
    ),
    "answer misspelt": (
        {ALICE: response("alice", "GOV-2-1: largley")},
        f"{ALICE}:8:16: error: questionnaires.mat.answers.GOV-2-1: 'largley' is not an answer "
        "to GOV-2-1; expected one of: not, partly, largely, fully, na, dont_know; did you "
        "mean 'largely'?",
    ),
    "answer given as its label": (
        {ALICE: response("alice", "GOV-2-1: Not in place")},
        f"{ALICE}:8:16: error: questionnaires.mat.answers.GOV-2-1: 'Not in place' is not an "
        "answer to GOV-2-1; expected one of: not, partly, largely, fully, na, dont_know; did "
        "you mean 'not'?",
    ),
    "question id with a look-alike character": (
        {ALICE: response("alice", "GOV-2-l: fully")},
        f"{ALICE}:8:7: error: questionnaires.mat.answers.GOV-2-l: unknown question id "
        "'GOV-2-l' in questionnaire 'mat'; did you mean 'GOV-2-1'?",
    ),
    "tab in the indentation": (
        {ALICE: response("alice", "GOV-2-1: fully") + "\tGOV-2-2: fully\n"},
        f"{ALICE}:9:1: error: tabs cannot indent YAML; use spaces",
    ),
    "key indented deeper than a key with a value": (
        {ALICE: response("alice", "GOV-2-1: fully\n  GOV-3-1: fully")},
        f"{ALICE}:9:16: error: invalid YAML: this key is indented further than 'GOV-2-1' on "
        "line 8, which already has a value; line it up with that key",
    ),
    "key indented to no column": (
        {ALICE: response("alice", "GOV-2-1: fully").replace("    answers:", "   answers:")},
        f"{ALICE}:7:4: error: invalid YAML: this line is indented by 3 spaces, which lines it "
        "up with no key above it (the keys above are indented by 2 or 4); keys of one mapping "
        "must start in the same column",
    ),
    "colon inside a value": (
        {ALICE: response("alice", "GOV-2-1:\n  answer: fully\n  evidence: Minutes: May")},
        f"{ALICE}:10:26: error: invalid YAML: the value contains ': ', which YAML reads as the "
        "start of another key; put the whole value in double quotes: evidence: \"Minutes: "
        "May\"",
    ),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_each_problem_has_its_own_line(run, tmp_path, files, expected):
    root = workspace(tmp_path, {**files})
    status, lines = validate(run, root, ALICE)
    assert status == 1
    assert next(line for line in lines if ": warning: " not in line) == expected
    assert lines[-1].startswith("Aborted: 1 error, ")


def test_duplicate_respondent_in_a_round(run, tmp_path):
    same = response("alice", "GOV-2-1: fully")
    root = workspace(tmp_path, {ALICE: same, "assessments/orgs/acme/r1/copy.yaml": same})
    status, lines = validate(run, root)
    assert status == 1
    assert lines == [
        "assessments/orgs/acme/r1/alice.yaml:8:7: warning: questionnaires.mat.answers: 6 "
        "required questions unanswered: GOV-2-2, GOV-3-1, GOV-4-1, GOV-5-1, RSK-2-1 and 1 more",
        "assessments/orgs/acme/r1/copy.yaml:3:18: error: respondent.id: duplicate respondent "
        "'alice': they already answered 'mat' for round 'r1' in "
        "assessments/orgs/acme/r1/alice.yaml:3:18",
        "assessments/orgs/acme/r1/copy.yaml:8:7: warning: questionnaires.mat.answers: 6 "
        "required questions unanswered: GOV-2-2, GOV-3-1, GOV-4-1, GOV-5-1, RSK-2-1 and 1 more",
        "Aborted: 1 error, 2 warnings in 2 files.",
    ]


def test_unknown_key_is_a_warning_and_fatal_when_strict(run, tmp_path):
    full = "GOV-2-1: fully\nGOV-2-2: fully\nGOV-3-1: fully\nGOV-4-1: fully\nGOV-5-1: fully\n"
    full += "RSK-2-1: fully\nRSK-3-1: fully"
    body = response("alice", full).replace("respondent:", "asessor: Jo\nrespondent:")
    root = workspace(tmp_path, {ALICE: body})
    warning = (
        f"{ALICE}:3:1: warning: unknown key 'asessor'; expected one of: organisation, "
        "round, respondent, agreed, date, questionnaires"
    )
    status, out, err = run("validate", cwd=root)
    assert (status, err.splitlines()) == (0, [warning])
    assert out == (
        "OK: 2 questionnaires, 1 organisation, 1 answer file (1 questionnaire answered, "
        "7 answers) (1 warning)\n"
    )
    status, lines = validate(run, root, "--strict")
    assert (status, lines) == (1, [warning, "Aborted: 0 errors, 1 warning in 1 file."])


def test_all_problems_in_all_files_are_reported_at_once(run, tmp_path):
    root = workspace(
        tmp_path,
        {
            ALICE: response("alice", "GOV-2-1: maybe\nGOV-2-2: nope\nRSK-2-1: fully"),
            "assessments/orgs/acme/r1/bob.yaml": "organisation: acme\nround: r9\n",
            "assessments/orgs/beta/organisation.yaml": "id: beta\nrounds: []\n",
        },
    )
    status, lines = validate(run, root)
    errors = [line for line in lines if ": error: " in line]
    assert status == 1
    assert len(errors) == 5
    assert {line.split(":")[0] for line in errors} == {
        ALICE,
        "assessments/orgs/acme/r1/bob.yaml",
        "assessments/orgs/beta/organisation.yaml",
    }
    assert lines[-1] == "Aborted: 5 errors, 1 warning in 3 files."


def test_answer_in_the_wrong_organisation_folder(run, tmp_path):
    root = workspace(
        tmp_path,
        {
            "assessments/orgs/beta/organisation.yaml": ORG.replace("acme", "beta"),
            "assessments/orgs/beta/r1/alice.yaml": response("alice", "GOV-2-1: fully"),
        },
    )
    status, lines = validate(run, root)
    assert status == 1
    assert (
        "assessments/orgs/beta/r1/alice.yaml:1:15: error: organisation: 'acme' does not "
        "match the folder it is in ('beta'); move the file or correct the id"
    ) in lines


def test_two_view_answers_must_name_their_views(run, tmp_path):
    body = response(
        "alice",
        "T-1: everything\nT-2: {answer: pm, target: board}",
        questionnaire="kind",
        version="2.0",
    )
    root = workspace(tmp_path, {ALICE: body})
    status, lines = validate(run, root)
    assert status == 1
    assert [line for line in lines if ": error: " in line] == [
        f"{ALICE}:8:12: error: questionnaires.kind.answers.T-1: this questionnaire is answered "
        "for two points of view; write {current: everything, target: ...}",
        f"{ALICE}:9:13: error: questionnaires.kind.answers.T-2.answer: this questionnaire "
        "takes "
        "'current' and 'target', not 'answer'",
    ]


@pytest.mark.parametrize(
    "body, message",
    [
        (
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n"
                for p, n in zip("abcdefgh", "bcdefghi", strict=True)
            ),
            "document has more than 200,000 values; are anchors or aliases (&name, *name) "
            "repeating it?",
        ),
        ("a: " + "[" * 500 + "]" * 500 + "\n", "nesting is deeper than 64 levels"),
        (
            "a:\n" + "".join("  " * (i + 1) + "b:\n" for i in range(500)),
            "nesting is deeper than 64 levels",
        ),
    ],
    ids=["alias bomb", "500 levels of flow nesting", "500 levels of block nesting"],
)
def test_hostile_yaml_ends_with_a_clear_error(run, tmp_path, body, message):
    root = workspace(tmp_path, {ALICE: body})
    status, lines = validate(run, root)
    assert status == 1
    assert len(lines) == 2 and lines[0].startswith(f"{ALICE}:")
    assert lines[0].endswith(f": error: {message}")


def test_no_traceback_and_exit_3_on_an_internal_error(run, tmp_path, monkeypatch):
    import generator.loader

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(generator.loader, "load", broken)
    root = workspace(tmp_path)
    status, _, err = run("validate", cwd=root)
    assert status == 3
    assert err == (
        "internal error: RuntimeError: boom (run with --debug for the traceback, "
        "and please report it)\n"
    )
    status, _out, err = run("--debug", "validate", cwd=root)
    assert status == 3 and "Traceback (most recent call last)" in err


def test_ctrl_c_exits_130(run, tmp_path, monkeypatch):
    import generator.loader

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(generator.loader, "load", interrupted)
    status, _out, err = run("validate", cwd=workspace(tmp_path))
    assert status == 130
    assert err == "\nInterrupted.\n"


def test_safe_loading_never_constructs_objects(run, tmp_path):
    root = workspace(tmp_path, {ALICE: "organisation: !!python/object/apply:os.system [ls]\n"})
    _status, lines = validate(run, root)
    assert lines[0] == (
        f"{ALICE}:1:15: error: YAML tags such as '!!python/object/apply:os.system'"
        " are not supported; remove the tag"
    )


def test_files_outside_the_workspace_can_be_checked(run, tmp_path):
    root = workspace(tmp_path / "ws")
    outside = write_tree(tmp_path / "downloads", {"r.yaml": response("zoe", "GOV-2-1: fully")})
    status, out, _err = run("validate", str(outside / "r.yaml"), cwd=root)
    assert status == 0
    assert out.startswith(
        "OK: 2 questionnaires, 1 organisation, 1 answer file (1 questionnaire answered, 1 answer)"
    )


MAT = "assessments/questionnaires/mat.yaml"
GOV_2_1 = "{id: GOV-2-1, text: Boards exist, scale: npfl, level: 2}"


def _tagged(tag: str) -> str:
    return GOV_2_1.replace("level: 2}", f"level: 2, evidences: {tag}}}")


def test_unknown_scope_tag_is_one_line_with_the_choices(run, tmp_path):
    root = workspace(tmp_path, {MAT: MATURITY.replace(GOV_2_1, _tagged("portfolo"))})
    status, lines = validate(run, root, MAT)
    assert (status, lines) == (1, [
        f"{MAT}:23:77: error: sections[id=gov].questions[id=GOV-2-1].evidences: expected "
        "'portfolio', 'programme', 'project' or 'office', found 'portfolo'",
        "Aborted: 1 error, 0 warnings in 1 file.",
    ])


def test_scope_tags_on_some_criteria_only_warn_about_the_others(run, tmp_path):
    root = workspace(tmp_path, {MAT: MATURITY.replace(GOV_2_1, _tagged("portfolio"))})
    status, lines = validate(run, root, MAT)
    assert status == 0
    assert lines == [
        f"{MAT}:24:9: warning: sections[id=gov].questions[id=GOV-2-2]: 6 of 7 criteria have no "
        "'evidences' (GOV-2-2, GOV-3-1, GOV-4-1, GOV-5-1, RSK-2-1 and 1 more), so they count in "
        "no portfolio, programme, project or office view; tag them too",
    ]


def test_scope_tags_belong_to_maturity_questionnaires(run, tmp_path):
    kind = TYPE.replace("text: What does the office cover?",
                        "text: What does the office cover?\n        evidences: office")
    root = workspace(tmp_path, {"assessments/questionnaires/kind.yaml": kind})
    status, lines = validate(run, root, "assessments/questionnaires/kind.yaml")
    assert status == 1
    assert lines[0] == (
        "assessments/questionnaires/kind.yaml:15:20: error: "
        "sections[id=scope].questions[id=T-1].evidences: evidences is for maturity questionnaires"
    )
