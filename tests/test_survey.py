"""The self-assessment pages, filled in through real Chromium like a respondent would.

Answers are clicked in, kept across a reload, downloaded, and the download is checked with
`pmo validate` and scored with `pmo score`, which must give the results the page showed.
"""

from __future__ import annotations

import json
import random
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.loader import load
from generator.outputs.site.survey import survey_data

ROOT = Path(__file__).resolve().parents[1]
ORG = "example-co"
ROUND = "2026-q4"
ADDRESS = f"?organisation={ORG}&round={ROUND}&respondent=r01&role=PMO%20lead"


@pytest.fixture
def scoring_workspace(tmp_path):
    """The bundled questionnaires and one organisation with the round the page fills in."""
    root = tmp_path / "ws"
    questionnaires = Path("assessments") / "questionnaires"
    shutil.copytree(ROOT / questionnaires, root / questionnaires)
    org = root / "assessments" / "orgs" / ORG
    (org / ROUND).mkdir(parents=True)
    (org / "organisation.yaml").write_text(
        f"id: {ORG}\nname: Example Co\nrounds:\n  - id: {ROUND}\n    date: 2026-11-02\n")
    return root


def page_data(page) -> dict:
    return json.loads(page.locator("#pmo-survey-data").text_content())


def show_all(page):
    """Every step on one page, as a respondent who prefers to scroll (or print) has it."""
    if page.locator("#pmo-show-all").get_attribute("aria-pressed") != "true":
        page.click("#pmo-show-all")


def answer_everything(page, data, rng: random.Random, fixed: dict[tuple[str, str], str]):
    """Click an answer for every question and view the display rules show; `fixed` picks some.
    Returns the answers given, {(question, view): value}."""
    show_all(page)
    given: dict[tuple[str, str], str] = {}
    for question in data["questions"]:
        values = [o["value"] for o in question["options"]]
        values += [v for v, allowed in (("na", question["allow_na"]),
                                        ("dont_know", question["allow_dont_know"])) if allowed]
        for view in data["views"]:
            radio = page.locator(f'input[name="{question["id"]}/{view["id"]}"]').first
            if question["rule"] and (not radio.is_visible() or radio.is_disabled()):
                continue
            value = fixed.get((question["id"], view["id"]), rng.choice(values))
            page.check(f'input[name="{question["id"]}/{view["id"]}"][value="{value}"]')
            given[(question["id"], view["id"])] = value
    return given


def checked(page) -> dict[tuple[str, str], str]:
    pairs = page.eval_on_selector_all(
        "input[type=radio][data-answer]:checked",
        "inputs => inputs.map(i => [i.dataset.answer, i.dataset.view, i.value])")
    return {(q, v): value for q, v, value in pairs}


def download(page, target: Path) -> Path:
    with page.expect_download() as info:
        page.click("#pmo-download")
    target.parent.mkdir(parents=True, exist_ok=True)
    info.value.save_as(target)
    return target


# --- the pages as built ------------------------------------------------------------------

class _Inputs(HTMLParser):
    """Every form control in a page's content and how it is named for assistive technology."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.labels_for: set[str] = set()
        self.ids: set[str] = set()
        self.open_labels = 0
        self.in_article = False

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        self.in_article |= tag == "article"
        if not self.in_article:
            return
        if tag == "label":
            self.open_labels += 1
            if "for" in attributes:
                self.labels_for.add(attributes["for"])
        if tag in ("input", "textarea", "select") and attributes.get("type") != "hidden" \
                and "hidden" not in attributes:
            self.controls.append({**attributes, "_wrapped": str(self.open_labels > 0)})

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False
        if tag == "label" and self.in_article:
            self.open_labels -= 1


@pytest.mark.parametrize("questionnaire",
                         ["pmo-type", "operating-model", "p3o-maturity", "pmo-services"])
def test_each_questionnaire_has_an_accessible_page(sample_site, questionnaire):
    _, site, _ = sample_site
    html = (site / "surveys" / questionnaire / "index.html").read_text(encoding="utf-8")
    parser = _Inputs()
    parser.feed(html)
    q = load(ROOT).questionnaires[questionnaire]
    radios = [c for c in parser.controls if c.get("type") == "radio"]
    assert {c["data-answer"] for c in radios} == {x.id for x in q.questions.values()
                                                  if x.type == "choice"}
    for control in parser.controls:
        labelled = control.get("id") in parser.labels_for or control["_wrapped"] == "True"
        named = all(part in parser.ids for part in control.get("aria-labelledby", "-").split())
        assert labelled or named, f"unlabelled control: {control}"
    embedded = html.split('id="pmo-survey-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(embedded) == json.loads(json.dumps(survey_data(q)))
    assert (site / "surveys" / "index.html").is_file()


# --- filling them in ---------------------------------------------------------------------

@pytest.mark.browser
def test_operating_model_answers_survive_a_reload_and_score_alike(
        page, server, scoring_workspace, tmp_path, run):
    page.goto(f"{server}/surveys/operating-model/{ADDRESS}")
    data = page_data(page)
    conditional = page.locator("#q-OM-05")
    assert conditional.is_hidden()
    # The rule shows OM-05 for today's office only: its target column stays disabled.
    fixed = {("OM-04", "current"): "selective-reviews", ("OM-04", "target"): "runs-delivery"}
    given = answer_everything(page, data, random.Random(5), fixed)
    assert conditional.is_visible()
    assert ("OM-05", "current") in given and ("OM-05", "target") not in given
    assert page.locator('input[name="OM-05/target"]').first.is_disabled()
    total = len([q for q in data["questions"]])
    assert page.locator("#pmo-survey-progress").inner_text() == \
        f"{total} of {total} questions answered"

    page.reload()
    assert checked(page) == given
    assert page.locator("#pmo-organisation").input_value() == ORG
    show_all(page)
    shown = {
        view: (box.get_attribute("data-best"), box.get_attribute("data-position"),
               box.get_attribute("data-label"))
        for view in ("current", "target")
        for box in [page.locator(f'[data-view-result="{view}"]')]
    }
    for view, (_, position, label) in shown.items():
        text = page.locator(f'[data-view-result="{view}"]').inner_text()
        assert f"({position})" in text and label

    saved = download(page, scoring_workspace / "assessments" / "orgs" / ORG / ROUND /
                     "r01-operating-model.yaml")
    assert run("validate", "--strict", cwd=scoring_workspace)[0] == 0
    status, out, err = run("score", ORG, "--format", "json", cwd=scoring_workspace)
    assert (status, err) == (0, "")
    result = json.loads(out)["classifications"][0]
    scored = {v["view"]: (" ".join(v["best"]), f"{v['position']:.1f}", v["position_label"])
              for v in result["views"]}
    assert scored == shown
    assert "OM-05" in saved.read_text()


@pytest.mark.browser
def test_services_ratings_survive_a_reload_and_give_pmo_score_s_quadrants(
        page, server, scoring_workspace, run):
    page.goto(f"{server}/surveys/pmo-services/{ADDRESS}")
    data = page_data(page)
    fixed = {("SRV-REPORTING", "importance"): "5", ("SRV-REPORTING", "satisfaction"): "1"}
    given = answer_everything(page, data, random.Random(11), fixed)
    page.reload()
    assert checked(page) == given
    show_all(page)
    shown = dict(page.eval_on_selector_all(
        "[data-service]", "rows => rows.map(r => [r.dataset.service, r.dataset.quadrant])"))
    assert shown["SRV-REPORTING"] == "improve-first"
    download(page, scoring_workspace / "assessments" / "orgs" / ORG / ROUND /
             "r01-pmo-services.yaml")
    assert run("validate", "--strict", cwd=scoring_workspace)[0] == 0
    status, out, err = run("score", ORG, "--format", "json", cwd=scoring_workspace)
    assert (status, err) == (0, "")
    grid = json.loads(out)["services"][0]["grid"]["services"]
    assert {s["id"]: s["quadrant"] for s in grid if s["quadrant"]} == shown


@pytest.mark.browser
def test_maturity_levels_on_the_page_are_those_pmo_score_gives(
        page, server, scoring_workspace, run):
    page.goto(f"{server}/surveys/p3o-maturity/{ADDRESS}")
    data = page_data(page)
    given = answer_everything(page, data, random.Random(11), {})
    assert len(given) == len(data["questions"])
    page.locator("#q-GOV-2-1 summary").click()
    page.locator("#e-GOV-2-1").fill("Board minutes, March: every initiative named")
    overall = page.locator('[data-result="overall"]')
    level, score = overall.get_attribute("data-level"), overall.get_attribute("data-score")
    rows = page.locator("[data-perspective]")
    perspectives = {
        rows.nth(i).get_attribute("data-perspective"): (
            rows.nth(i).locator("[data-level]").inner_text(),
            rows.nth(i).locator("[data-score]").inner_text())
        for i in range(rows.count())
    }
    assert len(perspectives) == 9

    saved = download(page, scoring_workspace / "assessments" / "orgs" / ORG / ROUND /
                     "r01-p3o-maturity.yaml")
    assert "evidence: Board minutes, March: every initiative named" in saved.read_text() or \
        'evidence: "Board minutes, March: every initiative named"' in saved.read_text()
    assert run("validate", "--strict", cwd=scoring_workspace)[0] == 0
    status, out, _ = run("score", ORG, "--format", "json", cwd=scoring_workspace)
    assert status == 0
    maturity = json.loads(out)["maturity"][0]
    assert (str(maturity["level"]), f"{maturity['score']:.1f}") == (level, score)
    assert {p["id"]: (str(p["level"]), f"{p['score']:.1f}")
            for p in maturity["perspectives"]} == perspectives


@pytest.mark.browser
def test_a_saved_file_loads_back_into_an_empty_browser(page, server, browser, tmp_path):
    page.goto(f"{server}/surveys/pmo-type/{ADDRESS}")
    data = page_data(page)
    given = answer_everything(page, data, random.Random(3), {})
    saved = download(page, tmp_path / "r01-pmo-type.yaml")
    results = page.locator("#pmo-survey-results").inner_text()

    fresh = browser.new_context()  # no local storage from the first visit
    other = fresh.new_page()
    other.goto(f"{server}/surveys/pmo-type/")
    assert checked(other) == {}
    other.set_input_files("#pmo-load", str(saved))
    other.locator(".pmo-message-info").wait_for()
    assert checked(other) == given
    assert other.locator("#pmo-respondent").input_value() == "r01"
    show_all(other)
    assert other.locator("#pmo-survey-results").inner_text() == results
    fresh.close()


@pytest.mark.browser
def test_unanswered_questions_are_flagged_before_download(page, server, tmp_path):
    page.goto(f"{server}/surveys/operating-model/")
    show_all(page)
    page.check('input[name="OM-01/current"][value="na"]')
    page.click("#pmo-download")
    warning = page.locator(".pmo-message-warning")
    assert "Organisation id is empty" in warning.inner_text()
    assert "OM-02 (How the office works today) is unanswered." in warning.inner_text()
    assert "OM-05" not in warning.inner_text()  # hidden by its rule: not asked
    with page.expect_download() as info:
        page.click("#pmo-download-anyway")
    assert info.value.suggested_filename == "response-operating-model.yaml"


@pytest.mark.browser
def test_starting_again_can_be_undone(page, server):
    page.goto(f"{server}/surveys/operating-model/")
    show_all(page)
    page.check('input[name="OM-01/current"][value="na"]')
    page.click("#pmo-reset")
    assert checked(page) == {}
    page.click("#pmo-undo")
    assert checked(page) == {("OM-01", "current"): "na"}
    page.reload()
    assert checked(page) == {("OM-01", "current"): "na"}


@pytest.mark.browser
def test_a_file_for_another_questionnaire_is_refused_with_a_reason(page, server, tmp_path):
    other = tmp_path / "r01.yaml"
    other.write_text("organisation: example-co\nround: r1\nrespondent: {id: r01}\n"
                     "questionnaires:\n  pmo-type:\n    version: '1.0'\n    answers: {}\n")
    page.goto(f"{server}/surveys/operating-model/")
    page.set_input_files("#pmo-load", str(other))
    message = page.locator(".pmo-message-error")
    message.wait_for()
    assert "has no answers to PMO operating model; it answers pmo-type" in message.inner_text()


@pytest.mark.browser
def test_questions_can_be_answered_with_the_keyboard(page, server):
    page.goto(f"{server}/surveys/p3o-maturity/")
    page.click('[data-step-link="governance"]')
    page.focus('input[name="GOV-2-1/current"][value="not"]')
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert checked(page) == {("GOV-2-1", "current"): "largely"}
    assert "So far: level" in page.locator('[data-section-result="governance"]').inner_text()
