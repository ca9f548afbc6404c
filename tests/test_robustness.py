"""Whole workspaces drawn at random: every stage succeeds or reports a clean input error.

Hypothesis draws workspaces with the bundled questionnaires and action library and odd but
valid data: no organisations, rounds without answers, one respondent, everything N/A or
don't know, a perspective or a level entirely N/A, agreed answers, questions hidden by their
display rules, several rounds, empty and very long free text, unusual ids and roadmap
settings. Load, score, plan and render (pages and charts) must then succeed; the commands
must end with exit status 0, or 1 with problems as `FILE:LINE:COL` lines, never 3.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import GeneratorError, InputError
from generator.loader import load
from generator.models import Questionnaire
from generator.models.common import identifier_problem

ROOT = Path(__file__).resolve().parents[1]
IDS = ["a", "0", "007", "x.y", "A_B-1", "Z" * 64, "con1", "nul-x", "1.0", "lpt10", "r-1_2.3",
       "agreed", "E", "e"]
TEXTS = ["", " ", "x" * 4000, "<script>alert(1)</script>", "a | b | *c* _d_ [e](f) `g`",
         "Zoë — café ünïcödé", "line one\nline two\n\nline four", "'quoted' \"double\" # hash: x",
         "=HYPERLINK(\"http://x\")", "{{ jinja }} {% raw %}", "---", "- item"]
PATTERNS = ["random", "all-na", "all-dont-know", "perspective-na", "level-na", "empty", "one",
            "all-fully", "all-not"]
"""How a respondent answers: see `_answers`."""
EXAMPLES = int(os.environ.get("PMO_ROBUSTNESS_EXAMPLES", "12"))
"""Workspaces drawn per run; the default keeps the suite quick, and the database Hypothesis
keeps in .hypothesis/ replays earlier failures first. Set PMO_ROBUSTNESS_EXAMPLES=300 (or
more) for a deep run after changing the stages."""
PROBLEM = re.compile(r"^\S.*?:(\d+:\d+: )?(error|warning): ")
STAGE = re.compile(r"[a-z]+…")


def ids() -> st.SearchStrategy[str]:
    drawn = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,12}", fullmatch=True)
    return (st.sampled_from(IDS) | drawn).filter(lambda v: identifier_problem(v) is None)


def texts() -> st.SearchStrategy[str]:
    alphabet = st.characters(blacklist_categories=("Cs", "Cc"))
    return st.sampled_from(TEXTS) | st.text(alphabet, max_size=30)


@st.composite
def workspaces(draw: st.DrawFn) -> dict[str, object]:
    """The organisations of a workspace: each one's file and its answer files, as data."""
    files: dict[str, object] = {}
    for org in draw(st.lists(ids(), max_size=3, unique_by=str.casefold)):
        rounds = draw(st.lists(ids(), min_size=1, max_size=3, unique=True))
        dates = [draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))) for _ in rounds]
        organisation: dict[str, object] = {
            "id": org, "name": draw(texts()), "sector": draw(texts()), "size": draw(texts()),
            "description": draw(texts()),
            "rounds": [{"id": r, "date": d, "label": draw(texts())}
                       for r, d in zip(rounds, dates, strict=True)],
        }
        if draw(st.booleans()):
            organisation["roadmap"] = draw(roadmap_settings())
        files[f"{org}/organisation.yaml"] = organisation
        for round_id in rounds:
            people = draw(st.lists(ids(), max_size=4, unique=True))
            for n, person in enumerate(people):
                files[f"{org}/{round_id}/{n:02d}-{person}.yaml"] = {
                    "organisation": org, "round": round_id,
                    "respondent": {"id": person, "role": draw(texts())},
                    "answers": draw(st.sampled_from(PATTERNS)),
                    "seed": draw(st.integers(0, 2**32)),
                    "questionnaires": draw(st.lists(
                        st.sampled_from(["p3o-maturity", "pmo-type", "operating-model"]),
                        min_size=1, max_size=3, unique=True)),
                    "evidence": draw(texts()),
                }
            if people and draw(st.integers(0, 3)) == 0:
                files[f"{org}/{round_id}/agreed.yaml"] = {
                    "organisation": org, "round": round_id, "agreed": {"notes": draw(texts())},
                    "answers": "random", "seed": draw(st.integers(0, 2**32)),
                    "questionnaires": ["p3o-maturity"], "evidence": draw(texts()),
                }
    return files


@st.composite
def roadmap_settings(draw: st.DrawFn) -> dict[str, object]:
    perspectives = ["governance", "planning", "benefits", "risk", "stakeholders", "finance",
                    "resources", "standards", "people"]
    chosen = draw(st.lists(st.sampled_from(perspectives), max_size=4, unique=True))
    out: dict[str, object] = {
        "targets": {p: draw(st.sampled_from([0, 2, 3, 4, 5])) for p in chosen},
        "capacity": draw(st.sampled_from([0.5, 3, 20, 400])),
        "horizon": draw(st.sampled_from([1, 6, 18, 36, 120])),
    }
    if draw(st.booleans()):
        out["priorities"] = {p: draw(st.sampled_from([0.1, 1, 5])) for p in chosen}
    if draw(st.booleans()):
        out["start"] = draw(st.dates(dt.date(2000, 1, 1), dt.date(2035, 1, 1)))
    return out


def _answers(q: Questionnaire, pattern: str, rng: random.Random, evidence: str,
             agreed: bool) -> dict[str, object]:
    """One respondent's answers to `q` following `pattern`, display rules respected (agreed
    answers are exempt from them)."""
    special = {"all-na": "na", "all-dont-know": "dont_know", "all-fully": "fully",
               "all-not": "not"}
    sections = [s.id for s in q.sections]
    na_section = rng.choice(sections)
    na_level = rng.choice([2, 3, 4, 5])
    given: dict[str, dict[str, str]] = {view: {} for view in q.views}
    out: dict[str, object] = {}
    for qid, question in q.questions.items():
        allowed = sorted(q.allowed_answers.get(qid, ()))
        entry: dict[str, str] = {}
        for view in q.views:
            condition = q.conditions.get(qid)
            if not agreed and condition is not None and not condition.evaluate(
                    given[view], q.option_scores):
                continue
            value = _value(pattern, special, allowed, rng, q.section_of[qid].id == na_section,
                           question.level == na_level)
            if value is not None:
                entry[view] = value
                given[view][qid] = value
        if not entry:
            continue
        if len(q.views) > 1:
            out[qid] = entry
        elif rng.random() < 0.2:
            out[qid] = {"answer": entry["current"], "evidence": evidence, "notes": evidence}
        else:
            out[qid] = entry["current"]
        if pattern == "one":
            break
    return out


def _value(pattern: str, special: dict[str, str], allowed: list[str], rng: random.Random,
           na_section: bool, na_level: bool) -> str | None:
    if pattern == "empty":
        return None
    if pattern in special:
        wanted = special[pattern]
        return wanted if wanted in allowed else rng.choice(allowed)
    if (pattern == "perspective-na" and na_section) or (pattern == "level-na" and na_level):
        return "na" if "na" in allowed else rng.choice(allowed)
    return rng.choice(allowed) if rng.random() < 0.85 else None


def write(root: Path, spec: dict[str, object], questionnaires: dict[str, Questionnaire]) -> None:
    orgs = root / "assessments" / "orgs"
    shutil.rmtree(orgs, ignore_errors=True)
    orgs.mkdir(parents=True)
    for name, data in spec.items():
        path = orgs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith("organisation.yaml"):
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        else:
            assert isinstance(data, dict)
            rng = random.Random(data["seed"])
            body = {k: v for k, v in data.items() if k in ("organisation", "round",
                                                          "respondent", "agreed")}
            body["questionnaires"] = {
                qid: {"version": questionnaires[qid].version,
                      "answers": _answers(questionnaires[qid], str(data["answers"]), rng,
                                          str(data["evidence"]), "agreed" in data)}
                for qid in data["questionnaires"]
            }
            text = yaml.safe_dump(body, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """A workspace with the bundled questionnaires, actions, site content and configuration, as
    `pmo init` makes it, so that a valid workspace must build without a warning."""
    root = tmp_path_factory.mktemp("robust")
    for part in ("questionnaires", "actions"):
        shutil.copytree(ROOT / "assessments" / part, root / "assessments" / part)
    for part in ("content", "library"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    questionnaires = load(root).questionnaires
    return root, dict(questionnaires)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(spec=workspaces())
def test_every_stage_succeeds_on_odd_but_valid_workspaces(base, spec):
    from rich.console import Console

    from generator.outputs.charts import render
    from generator.outputs.charts.jobs import FIGURES
    from generator.outputs.formats.exports import scorecard_csv, to_json
    from generator.outputs.site.pages import render_site
    from generator.outputs.terminal.console import respondents_view, scorecard_view
    from generator.outputs.terminal.roadmap_views import render_roadmap, terminal
    from generator.planning import roadmap_for
    from generator.scoring import answered_rounds, score_workspace, scorecard
    from generator.workspace import titles_of

    root, questionnaires = base
    write(root, spec, questionnaires)
    ws = load(root)  # generated valid: any InputError here is a bug
    tables = score_workspace(ws)
    titles = titles_of(ws)
    console = Console(file=open("/dev/null", "w"), width=100)  # noqa: SIM115, PTH123
    assessed, roadmaps = [], {}
    for org in ws.organisations:
        rounds = answered_rounds(ws, tables, org)
        for round_id in rounds:
            card = scorecard(ws, tables, org, round_id)
            to_json(card)
            scorecard_csv(card)
            console.print(scorecard_view(card))
            console.print(respondents_view(card))
        if not rounds:
            continue
        assessed.append(org)
        try:
            plan = roadmap_for(ws, tables, org)
        except GeneratorError as exc:  # no maturity answers: says so, no roadmap
            assert "has no answers to" in str(exc)
            plan = None
        roadmaps[org] = plan
        if plan is not None:
            for fmt in ("md", "csv", "json"):
                render_roadmap(plan, titles, fmt)
            console.print(terminal(plan, titles))
    waiting = [o for o in ws.organisations if o not in assessed]
    site = render_site(ws, tables, assessed, roadmaps, benchmark_orgs=assessed, waiting=waiting,
                       cache=root / ".pmo-cache")
    assert "assessments/index.md" in site.files
    for job in site.charts:
        render(FIGURES[job.kind](*job.args), "svg")
    from generator.outputs.report import report_doc
    from generator.outputs.report.docx_writer import report_docx

    for r in site.reports:  # the report documents, without their charts (drawn above)
        report_docx(report_doc(ws, r), ws.branding, {})


def _clean(status: int, err: str) -> None:
    """Exit 0, or 1 with every line a located problem, a one-line error, the summary or a
    build stage's progress line."""
    assert status in (0, 1), err
    if status == 1:
        for line in err.splitlines():
            assert (PROBLEM.match(line) or line.startswith(("error: ", "Aborted: "))
                    or "warning" in line or STAGE.fullmatch(line)), line


@settings(max_examples=max(2, EXAMPLES // 6), deadline=None,
          suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(spec=workspaces(), hidden=st.booleans())
def test_no_command_ends_in_an_internal_error(base, run, spec, hidden):
    root, questionnaires = base
    write(root, spec, questionnaires)
    if hidden:  # an answer to a question its display rule hides: a clean input error
        (root / "assessments/orgs/hidden-x").mkdir()
        (root / "assessments/orgs/hidden-x/organisation.yaml").write_text(
            "id: hidden-x\nname: X\nrounds: [{id: r1, date: 2026-01-01}]\n", encoding="utf-8")
        (root / "assessments/orgs/hidden-x/r1.yaml").write_text(
            "organisation: hidden-x\nround: r1\nrespondent: {id: a}\nquestionnaires:\n"
            "  pmo-type:\n    version: '1.0'\n    answers:\n"
            "      PT-14: {current: single-office}\n      PT-15: {current: x}\n",
            encoding="utf-8")
    status, _out, err = run("list", cwd=root)
    _clean(status, err)
    orgs = [o.split("/")[0] for o in spec if o.endswith("organisation.yaml")]
    for org in orgs[:2]:
        for args in (["score", org], ["score", org, "--format", "json"], ["roadmap", org],
                     ["roadmap", org, "--format", "xlsx", "--out", str(root / "r.xlsx")],
                     ["export-form", "--org", org, "--respondent", "new-one", "--force",
                      "--out", str(root / "f.xlsx")],
                     ["new-response", org, "--respondent", "zz-new", "--out",
                      str(root / "new.yaml"), "--force"]):
            status, _, err = run(*args, cwd=root)
            _clean(status, err)
    status, _, err = run("build", cwd=root)
    _clean(status, err)
    assert status == int(hidden), err  # valid input builds; the hidden answer is reported
    if orgs and not hidden:
        status, _, err = run("build", "--org", orgs[0], cwd=root)
        assert status == 0 or "has no answers yet" in err, err


def test_a_workspace_with_nothing_to_assess_builds(base, run):
    """The smallest case, pinned on its own: no organisation at all."""
    root, questionnaires = base
    write(root, {}, questionnaires)
    status, _out, err = run("build", cwd=root)
    assert status == 0, err
    page = (root / "build/site/docs/assessments/index.md").read_text(encoding="utf-8")
    assert "No organisation has been assessed yet" in page
    assert "pmo new-org" in page
    with pytest.raises(InputError):  # and a broken file is still an input error
        (root / "assessments/orgs/x").mkdir()
        load(root)
