"""The `pmo` commands through the real entry point: output, formats and exit statuses."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import response, workspace

from generator.cli import cli
from generator.schema import SCHEMA_FILES

ROOT = Path(__file__).resolve().parents[1]
FULL = (
    "GOV-2-1: fully\nGOV-2-2: largely\nGOV-3-1: largely\nGOV-4-1: partly\nGOV-5-1: not\n"
    "RSK-2-1: largely\nRSK-3-1: dont_know"
)


@pytest.fixture
def acme(tmp_path):
    return workspace(
        tmp_path,
        {
            "assessments/orgs/acme/r1/alice.yaml": response("alice", FULL),
            "assessments/orgs/acme/r1/bob.yaml": response("bob", FULL.replace("largely", "not")),
            "assessments/orgs/acme/r2/alice.yaml": response(
                "alice", FULL.replace("partly", "fully"), round_id="r2"
            ),
        },
    )


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(run, command):
    status, out, _err = run(command, "--help")
    assert status == 0
    assert "Example:" in out and "pmo " + command in out


def test_version(run):
    status, out, _ = run("--version")
    assert status == 0 and out.startswith("pmo, version ")


def test_validate_ok(run, acme):
    status, out, err = run("validate", cwd=acme)
    assert (status, err) == (0, "")
    assert out == (
        "OK: 2 questionnaires, 1 organisation, 3 answer files (3 questionnaires answered, "
        "21 answers)\n"
    )


def test_workspace_is_found_from_a_subfolder_or_given(run, acme, tmp_path):
    status, _, _ = run("validate", cwd=acme / "assessments" / "orgs")
    assert status == 0
    status, _out, _ = run("-w", str(acme), "validate", cwd=tmp_path.parent)
    assert status == 0
    status, _, err = run("-w", str(tmp_path / "nowhere"), "validate")
    assert status == 1 and err.startswith("error: ") and "is not a workspace" in err


def test_list_as_json(run, acme):
    status, out, _ = run("list", "--format", "json", cwd=acme)
    assert status == 0
    [org] = json.loads(out)
    assert (org["id"], org["name"], org["sector"]) == ("acme", "Acme Ltd", "Retail")
    assert [(r["id"], r["respondents"]) for r in org["rounds"]] == [
        ("r1", ["alice", "bob"]),
        ("r2", ["alice"]),
    ]


def test_list_as_table(run, acme):
    status, out, _ = run("list", cwd=acme)
    assert status == 0
    assert "Acme Ltd" in out and "r1 2024-01-15: 2 respondents" in out


def test_score_table_shows_levels_scores_limiting_and_change(run, acme):
    status, out, _ = run("score", "acme", cwd=acme)
    assert status == 0
    assert "Acme Ltd [acme], round r2; compared with round r1" in out
    # r2 (alice only): governance at 4, risk at 2 → overall 2, score (3.5 + 2.33) / 2
    assert "Maturity: level 2 Repeatable, score 2.9 (previous round: level 1, score 2.0)" in out
    assert "GOV-5-1 [not] Improved" in out  # governance is limited at level 5


def test_score_json_round_and_previous(run, acme):
    status, out, _ = run("score", "acme", "--round", "r1", "--format", "json", cwd=acme)
    assert status == 0
    card = json.loads(out)
    assert (card["round"], card["previous_round"]) == ("r1", None)
    [m] = card["maturity"]
    gov = m["perspectives"][0]
    # median of alice and bob: GOV-2-2 largely/not → 1/3, GOV-3-1 likewise: level 1
    assert (gov["id"], gov["level"]) == ("gov", 1)
    assert [c["id"] for c in gov["limiting"]] == ["GOV-2-2"]
    assert {c["id"]: c["spread"] for c in m["criteria"] if c["disagreement"]} == {
        "GOV-2-2": "not–largely",
        "GOV-3-1": "not–largely",
        "RSK-2-1": "not–largely",
    }


def test_score_csv(run, acme):
    status, out, _ = run("score", "acme", "--format", "csv", cwd=acme)
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["kind"] == "overall" and rows[0]["level"] == "2"
    assert [r["item"] for r in rows[1:]] == ["gov", "risk"]
    assert [r["previous"] for r in rows] == [
        "level 1, score 2.0",
        "level 1, score 2.3",
        "level 1, score 1.7",
    ]


def test_csv_neutralises_formulas(run, tmp_path):
    body = response("alice", FULL)
    root = workspace(tmp_path, {"assessments/orgs/acme/r1/alice.yaml": body})
    q = root / "assessments/questionnaires/mat.yaml"
    q.write_text(q.read_text().replace("title: Governance", "title: '=HYPERLINK(\"x\")'"))
    status, out, _ = run("score", "acme", "--format", "csv", cwd=root)
    assert status == 0
    assert "'=HYPERLINK" in out and ",=HYPERLINK" not in out


def test_score_errors(run, acme):
    assert run("score", "nope", cwd=acme)[2] == (
        "error: unknown organisation 'nope'; this workspace has: acme\n"
    )
    assert run("score", "acme", "--round", "r9", cwd=acme)[2] == (
        "error: unknown round 'r9' for 'acme'; expected one of: r1, r2\n"
    )
    status, _, err = run("score", "acme", "--format", "xml", cwd=acme)
    assert status == 2 and "'xml' is not one of 'table', 'json', 'csv'" in err


def test_score_per_respondent(run, acme):
    status, out, _ = run("score", "acme", "--round", "r1", "--respondents", cwd=acme)
    assert status == 0
    assert "Respondents' own results" in out
    assert "level 2, score 2.6" in out and "level 0, score 0.9" in out


def test_schema_writes_the_format_schemas(run, acme, tmp_path):
    status, _out, _ = run("schema", "--out", str(tmp_path / "s"), cwd=acme)
    assert status == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == sorted(SCHEMA_FILES)


def test_init_creates_a_valid_workspace_and_refuses_to_overwrite(run, tmp_path):
    target = tmp_path / "client"
    status, out, _ = run("init", str(target))
    assert status == 0 and out.startswith(f"Created a workspace in {target}.")
    assert (target / "assessments/questionnaires/p3o-maturity.yaml").is_file()
    assert (target / "mkdocs.yml").is_file() and (target / "content/standards").is_dir()
    assert list((target / "assessments/orgs").iterdir()) == []
    status, out, _ = run("validate", cwd=target)
    assert status == 0
    status, _, err = run("init", str(target))
    assert status == 1 and "already exists and is not empty" in err


def test_init_works_from_an_installed_wheel(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    [wheel] = dist.glob("*.whl")
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    assert not (site / "assessments").exists()  # only the package: no checkout to fall back on
    target = tmp_path / "fresh"
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "init", str(target)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    done = subprocess.run(
        [sys.executable, "-m", "generator", "validate"],
        cwd=target,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: 4 questionnaires, 0 organisations")


SCOPE_TAGS = {"GOV-2-1": "portfolio", "GOV-2-2": "portfolio", "GOV-3-1": "portfolio",
              "GOV-4-1": "project", "GOV-5-1": "project", "RSK-2-1": "project",
              "RSK-3-1": "office"}


@pytest.fixture
def tagged(acme):
    q = acme / "assessments/questionnaires/mat.yaml"
    text = q.read_text()
    for qid, scope in SCOPE_TAGS.items():
        text = text.replace(f"{{id: {qid}, ", f"{{id: {qid}, evidences: {scope}, ")
    q.write_text(text)
    return acme


def test_score_shows_the_portfolio_programme_and_project_view(run, tagged):
    status, out, _ = run("score", "acme", "--round", "r1", cwd=tagged)
    assert status == 0
    # median of alice and bob: GOV-2-1 fully, GOV-2-2 and GOV-3-1 1/3, GOV-4-1 partly,
    # GOV-5-1 not, RSK-2-1 1/3, RSK-3-1 don't know.
    # portfolio: 1 + 4 × mean((1 + 1/3) / 2, 1/3) = 3.0; project: 1 + 4 × mean(1/3, 1/3, 0)
    # = 1.9; office: RSK-3-1 don't know only: 0.0
    lines = out.splitlines()
    start = lines.index(
        "Portfolio, programme and project view (L2-L5: criteria met of those that count):")
    rows = [" ".join(line.strip("│ ").split()) for line in lines[start + 4:start + 7]]
    assert rows == [
        "Portfolio │ 3.0 │ 3 │ 1/2 │ 0/1 │ — │ —",
        "Project │ 1.9 │ 3 │ 0/1 │ — │ 0/1 │ 0/1",
        "Office (PMO) │ 0.0 │ 1 │ — │ 0/1 │ — │ —",
    ]
    assert lines[start + 8] == (
        "Portfolio management is strongest (3.0) and the office weakest (0.0). Where each "
        "first falls short: portfolio management meets 1 of 2 criteria at level 2; the office "
        "meets 0 of 1 criterion at level 3. Also short of level 2: project management (0 of 1 "
        "met)."
    )


def test_score_json_and_csv_carry_the_view(run, tagged):
    card = json.loads(run("score", "acme", "--format", "json", cwd=tagged)[1])
    [m] = card["maturity"]
    portfolio = m["scopes"][0]
    assert (portfolio["id"], portfolio["criteria"], portfolio["previous_score"]) == (
        "portfolio", 3, 3.0)
    # r2, alice alone: portfolio 1 + 4 × mean((1 + 2/3) / 2, 2/3) = 4.0;
    # project 1 + 4 × mean(2/3, 1, 0) = 3.2
    assert [r["scope_scores"] for r in card["respondents"] if r["questionnaire"] == "mat"] == [
        [["portfolio", 4.0], ["project", 3.2], ["office", 0.0]]]
    rows = list(csv.DictReader(io.StringIO(run("score", "acme", "--format", "csv",
                                               cwd=tagged)[1])))
    scopes = [(r["item"], r["label"]) for r in rows if r["kind"] == "scope"]
    assert scopes[0] == ("portfolio", "L2 2/2; L3 1/1")


def test_score_per_respondent_shows_each_one_s_view(run, tagged):
    status, out, _ = run("score", "acme", "--round", "r1", "--respondents", cwd=tagged)
    assert status == 0
    lines = out.splitlines()
    start = lines.index("Respondents' own portfolio, programme and project view")
    rows = [" ".join(line.strip("│ ").split()) for line in lines[start + 4:start + 6]]
    # alice: portfolio 1 + 4 × mean((1 + 2/3) / 2, 2/3) = 4.0; project 1 + 4 × mean(2/3, 1/3,
    # 0) = 2.3; bob said "not" where alice said "largely": portfolio 1 + 4 × mean(1/2, 0) =
    # 2.0, project 1 + 4 × mean(0, 1/3, 0) = 1.4; RSK-3-1 (office) is don't know for both
    assert rows == ["alice │ PMO lead │ 4.0 │ 2.3 │ 0.0", "bob │ PMO lead │ 2.0 │ 1.4 │ 0.0"]
