"""The browser form scores exactly as `pmo score` does, on shared random test vectors.

Hundreds of random answer sets are drawn from the bundled questionnaires, and from variants
with other weights, a threshold that answers can hit exactly, and more display rules (N/A,
don't know, unanswered questions and hidden ones included), written as response files, loaded and
scored by Python, and scored again by pmo-score.js in Chromium from the data the survey page
embeds. Every level, score, limiting criterion, fit, best fit, position and label must match.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import once_per_run

from generator.loader import load
from generator.outputs.site.survey import survey_data
from generator.scoring import score_workspace, scorecard

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "generator" / "assets" / "pmo-score.js"
VECTORS = 300
SEED = 20261123
STYLES = (
    # (unanswered, not applicable, don't know) probabilities; then a few extremes
    (0.0, 0.0, 0.0), (0.1, 0.1, 0.1), (0.3, 0.05, 0.05), (0.05, 0.3, 0.05), (0.05, 0.05, 0.3),
    (0.6, 0.1, 0.1),
)


def draw(q, rng: random.Random, style: tuple[float, float, float], extreme: str | None):
    """Random answers to `q` that respect its display rules, as a response file would hold."""
    answers: dict[str, object] = {}
    views = list(q.views)
    given: dict[str, dict[str, str]] = {view: {} for view in views}
    for question in q.questions.values():
        picked: dict[str, str] = {}
        for view in views:
            rule = q.conditions.get(question.id)
            if rule is not None and not rule.evaluate(given[view], q.option_scores):
                continue  # hidden: answering it would be an error
            value = _value(q, question, rng, style, extreme)
            if value is not None:
                picked[view] = value
                given[view][question.id] = value
        if picked:
            answers[question.id] = picked if len(views) > 1 else picked[views[0]]
    return answers


def _value(q, question, rng, style, extreme):
    if question.type == "text":
        return rng.choice([None, "Some free text", "Line one\nline two: with a colon"])
    options = [o.value for o in q.options(question)]
    special = [v for v, allowed in (("na", question.allow_na),
                                    ("dont_know", question.allow_dont_know)) if allowed]
    if extreme == "top":
        return max(q.options(question), key=lambda o: (o.score, sum(o.points.values()))).value
    if extreme == "na" and special:
        return special[0]
    if extreme == "first":
        return options[0]
    blank, na, dont_know = style
    roll = rng.random()
    if roll < blank:
        return None
    if roll < blank + na and question.allow_na:
        return "na"
    if roll < blank + na + dont_know and question.allow_dont_know:
        return "dont_know"
    return rng.choice(options)


def variants(folder: Path) -> None:
    """Variants of the bundled questionnaires that reach what the bundled ones cannot:
    attainments exactly on the threshold, weights, more display rules of every form."""
    source = ROOT / "assessments" / "questionnaires"
    maturity = yaml.safe_load((source / "p3o-maturity.yaml").read_text(encoding="utf-8"))
    maturity["id"], maturity["title"] = "maturity-variant", "Maturity variant"
    maturity["scoring"]["threshold"] = 0.5
    for option, score in zip(maturity["scales"][0]["options"], (0, 1, 2, 4), strict=True):
        option["score"] = score  # attainments 0, 0.25, 0.5 (the threshold), 1
    for k, section in enumerate(maturity["sections"]):
        section["weight"] = 1 + k % 3
        questions = section["questions"]
        for i, question in enumerate(questions):
            question["weight"] = 1 + (i % 2)
        first = questions[0]["id"]
        rules = (f"{first} >= 'partly'", f"{first} != 'na'", f"answered({first})",
                 f"{first} not in ['not', 'dont_know']", f"not ({first} < 'largely')",
                 f"{first} <= 'largely' and {first} > 'not'", f"{first} == 'fully' or true")
        questions[3]["show_if"] = rules[k % len(rules)]
    (folder / "maturity-variant.yaml").write_text(yaml.safe_dump(maturity, sort_keys=False))
    model = yaml.safe_load((source / "operating-model.yaml").read_text(encoding="utf-8"))
    model["id"], model["title"] = "model-variant", "Operating model variant"
    questions = [q for s in model["sections"] for q in s["questions"]]
    for i, question in enumerate(questions):
        question["weight"] = 1 + (i % 3) / 2
    questions[2]["show_if"] = f"{questions[0]['id']} != 'na' or answered({questions[1]['id']})"
    questions[7]["show_if"] = f"not {questions[6]['id']} in ['na', 'dont_know']"
    (folder / "model-variant.yaml").write_text(yaml.safe_dump(model, sort_keys=False))
    services = yaml.safe_load((source / "pmo-services.yaml").read_text(encoding="utf-8"))
    services["id"], services["title"] = "services-variant", "Services at the midpoint"
    services["scoring"] = {"crosshairs": "midpoint"}
    (folder / "services-variant.yaml").write_text(yaml.safe_dump(services, sort_keys=False))


@pytest.fixture(scope="session")
def vectors(tmp_path_factory):
    """(questionnaire data, answers, Python's results) for every vector and questionnaire,
    drawn and scored once for the whole run."""
    return once_per_run(tmp_path_factory, "vectors", _vectors)


def _vectors(root: Path):
    questionnaires = Path("assessments") / "questionnaires"
    shutil.copytree(ROOT / questionnaires, root / questionnaires)
    variants(root / "assessments" / "questionnaires")
    bundled = load(root)
    rng = random.Random(SEED)
    drawn = []
    for n in range(VECTORS):
        org = f"v{n:03d}"
        extreme = ("top", "na", "first")[n % 3] if n < 9 else None
        style = STYLES[n % len(STYLES)]
        answers = {qid: draw(q, rng, style, extreme) for qid, q in bundled.questionnaires.items()}
        answers = {qid: a for qid, a in answers.items() if a}  # a file answers at least one
        folder = root / "assessments" / "orgs" / org
        (folder / "r1").mkdir(parents=True)
        (folder / "organisation.yaml").write_text(yaml.safe_dump(
            {"id": org, "name": f"Vector {n}", "rounds": [{"id": "r1", "date": "2026-01-01"}]}))
        (folder / "r1" / "resp.yaml").write_text(yaml.safe_dump({
            "organisation": org, "round": "r1", "respondent": {"id": "resp"},
            "questionnaires": {
                qid: {"version": bundled.questionnaires[qid].version, "answers": a}
                for qid, a in answers.items()
            },
        }, allow_unicode=True))
        drawn.append((org, answers))
    ws = load(root)
    tables = score_workspace(ws)
    out = []
    for org, answers in drawn:
        card = scorecard(ws, tables, org, respondents=False)
        for qid, given in answers.items():
            q = ws.questionnaires[qid]
            views = list(q.views)
            as_views = {k: (v if len(views) > 1 else {views[0]: v}) for k, v in given.items()}
            out.append((f"{org}/{qid}", qid, as_views, python_result(card, qid)))
    return out, {qid: survey_data(q) for qid, q in ws.questionnaires.items()}


def python_result(card, qid: str) -> dict[str, object]:
    """The parts of `pmo score`'s result that the page shows, in a comparable form."""
    for m in card.maturity:
        if m.questionnaire == qid:
            return {
                "level": m.level, "score": m.score,
                "perspectives": {p.id: [p.level, p.score, [c.id for c in p.limiting]]
                                 for p in m.perspectives},
            }
    for v in card.services:
        if v.questionnaire == qid:
            return {"lines": [v.grid.importance_line, v.grid.satisfaction_line],
                    "services": {s.id: [s.importance, s.satisfaction, s.gap, s.quadrant]
                                 for s in v.grid.services}}
    for c in card.classifications:
        if c.questionnaire == qid:
            return {v.view: {
                "fits": {f.outcome: f.percent for f in v.fits}, "best": list(v.best),
                "runner_up": list(v.runner_up), "answered": v.answered,
                "position": v.position, "label": v.position_label,
                "sections": {s.section: [s.position, s.label] for s in v.sections},
                "hybrid": v.hybrid,
            } for v in c.views}
    return {}


BROWSER_RESULT = """(data, answers) => {
  const r = PMOScore.score(data, answers);
  if (r.kind === "maturity") {
    const perspectives = {};
    r.perspectives.forEach(p => {
      perspectives[p.id] = [p.level, p.score, p.limiting.map(c => c.id)];
    });
    return {level: r.level, score: r.score, perspectives};
  }
  if (r.kind === "services") {
    const rows = {};
    r.services.forEach(s => { rows[s.id] = [s.importance, s.satisfaction, s.gap, s.quadrant]; });
    return {lines: r.lines, services: rows};
  }
  const out = {};
  r.views.forEach(v => {
    const fits = {}, sections = {};
    v.fits.forEach(f => { fits[f.outcome] = f.percent; });
    v.sections.forEach(s => { sections[s.section] = [s.position, s.label]; });
    out[v.view] = {fits, best: v.best, runner_up: v.runnerUp, answered: v.answered,
                   position: v.position, label: v.positionLabel, sections, hybrid: v.hybrid};
  });
  return out;
}"""


def test_vectors_cover_the_interesting_cases(vectors):
    vectors, _ = vectors
    maturity = [py for _, qid, _, py in vectors if qid in ("p3o-maturity", "maturity-variant")]
    levels = {p[0] for r in maturity for p in r["perspectives"].values()}
    assert {None, 0, 1, 2, 3, 4, 5} <= levels
    assert any(r["perspectives"] and all(p[2] == [] for p in r["perspectives"].values())
               for r in maturity)
    model = [py for _, qid, _, py in vectors if qid in ("operating-model", "model-variant")]
    assert any(v["hybrid"] for r in model for v in r.values())
    assert any(not v["hybrid"] for r in model for v in r.values())
    shown = [a for name, _, a, _ in vectors if name.endswith("operating-model")
             and "OM-05" in a]
    assert shown, "the conditional question must be answered in some vectors"
    grids = [py for _, qid, _, py in vectors if qid in ("pmo-services", "services-variant")]
    quadrants = {s[3] for r in grids for s in r["services"].values()}
    assert quadrants == {None, "keep", "improve-first", "over-served", "low-priority"}


def test_browser_and_python_score_alike(browser, vectors, tmp_path):
    vectors, data = vectors
    page = browser.new_page()
    page.set_content("<!doctype html><title>parity</title>")
    page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
    results = page.evaluate(
        "([data, items]) => items.map(([qid, answers]) => (" + BROWSER_RESULT +
        ")(data[qid], answers))",
        [data, [[qid, answers] for _, qid, answers, _ in vectors]],
    )
    page.close()
    differences = [
        f"{name}:\n  python:  {json.dumps(py, sort_keys=True)}\n"
        f"  browser: {json.dumps(js, sort_keys=True)}"
        for (name, _, _, py), js in zip(vectors, results, strict=True) if py != js
    ]
    (tmp_path / "differences.txt").write_text("\n".join(differences))
    assert not differences, f"{len(differences)} of {len(vectors)} differ:\n" + \
        "\n".join(differences[:5])
    assert len(vectors) >= 6 * VECTORS
