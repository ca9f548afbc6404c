"""The self-assessment form one step at a time, as a respondent who is not a PMO expert uses
it in Chromium: the list of steps, Previous and Next, the review before the download, the
time it takes, and the whole questionnaire on one page or on paper."""

from __future__ import annotations

import pytest

from generator.loader import load
from generator.outputs.site.survey import minutes_to_complete

pytestmark = pytest.mark.browser


def current(page) -> str:
    return page.locator(".pmo-step-current").get_attribute("data-step")


def test_one_step_at_a_time_with_previous_and_next(page, server):
    page.goto(f"{server}/surveys/p3o-maturity/")
    assert current(page) == "pmo-start"
    assert page.locator(".pmo-step:visible").count() == 1
    assert page.locator("#pmo-survey-step").inner_text() == "Step 1 of 11"
    page.get_by_role("button", name="Next: Governance and decision-making").click()
    assert current(page) == "governance"
    assert page.evaluate("document.activeElement.id") == "governance"  # focus on the heading
    assert page.locator('[data-step-link="governance"]').get_attribute("aria-current") == "step"
    assert page.locator("#q-GOV-2-1").is_visible() and page.locator("#q-PLN-2-1").is_hidden()
    page.get_by_role("button", name="Next: Planning and control").click()
    assert current(page) == "planning"
    page.get_by_role("button", name="Previous: Governance and decision-making").click()
    assert current(page) == "governance"
    page.reload()  # the step is remembered with the answers
    assert current(page) == "governance"


def test_the_step_list_shows_what_is_complete(page, server):
    page.goto(f"{server}/surveys/pmo-type/")
    status = page.locator('[data-step-status="lifespan-and-funding"]')
    assert status.inner_text() == "0 of 2 answered"
    page.click('[data-step-link="lifespan-and-funding"]')
    for qid in ("PT-04", "PT-05"):
        for view in ("current", "target"):
            page.locator(f'input[name="{qid}/{view}"]').first.check()
    assert status.inner_text() == "2 of 2 answered, complete"
    assert "pmo-step-done" in page.locator(
        '[data-step-item="lifespan-and-funding"]').get_attribute("class")
    start = page.locator('[data-step-status="pmo-start"]')
    assert start.inner_text() == "details to fill in"
    page.goto(f"{server}/surveys/pmo-type/?organisation=acme&round=r1&respondent=r01")
    assert start.inner_text() == "details filled in"


def test_the_review_lists_what_is_unanswered_and_links_to_it(page, server):
    page.goto(f"{server}/surveys/operating-model/?organisation=acme&round=r1&respondent=r02")
    page.click('[data-step-link="methods-and-standards"]')
    page.check('input[name="OM-01/current"][value="na"]')
    page.click('[data-step-link="pmo-review"]')
    review = page.locator("#pmo-review")
    unanswered = int(review.locator("[data-unanswered]").get_attribute("data-unanswered"))
    assert unanswered == 15  # 16 questions, OM-05 hidden by its rule; OM-01 is half answered
    assert "OM-05" not in review.inner_text()
    part = review.locator('[data-review-section="methods-and-standards"]')
    assert part.locator("summary").inner_text() == "Methods and standards: 3 unanswered"
    part.get_by_role("link", name="OM-01").click()  # back to the step, at the question
    assert current(page) == "methods-and-standards"
    assert page.locator("#q-OM-01").is_visible()
    assert page.evaluate("location.hash") == "#q-OM-01"


def test_every_question_on_one_page_and_on_paper(page, server):
    page.goto(f"{server}/surveys/pmo-type/")
    assert page.locator("#q-PT-01").is_hidden()
    page.click("#pmo-show-all")
    assert page.locator("#q-PT-01").is_visible() and page.locator("#q-PT-16").is_visible()
    assert page.locator(".pmo-step-nav:visible").count() == 0
    page.click("#pmo-show-all")
    assert page.locator("#q-PT-01").is_hidden()
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#q-PT-16").is_visible()  # all steps on paper
    rule = page.locator("#q-PT-15 .pmo-q-rule")  # hidden by its rule on screen, asked on paper
    assert rule.is_visible() and rule.inner_text().startswith("Asked only when PT-14 is")
    assert page.locator("#pmo-download").is_hidden()


def test_the_time_it_takes_is_stated_from_the_number_of_questions(page, server):
    from pathlib import Path

    q = load(Path(__file__).resolve().parents[1]).questionnaires["p3o-maturity"]
    low, high = minutes_to_complete(q)
    assert (low, high) == (45, 60)  # 106 criteria, 25 to 33 seconds each, plus the details
    page.goto(f"{server}/surveys/p3o-maturity/")
    assert "106 questions in 9 sections; about 45 to 60 minutes." in page.locator(
        ".pmo-survey-facts").inner_text()


def test_a_step_can_be_answered_with_the_keyboard_alone(page, server):
    page.goto(f"{server}/surveys/p3o-maturity/")
    page.locator('.pmo-step-current [data-go="governance"]').focus()
    page.keyboard.press("Enter")
    assert current(page) == "governance"
    presses = 0
    while page.evaluate("document.activeElement.name") != "GOV-2-1/current" and presses < 5:
        page.keyboard.press("Tab")  # from the heading (past its permalink) to the first answer
        presses += 1
    assert presses <= 2
    page.keyboard.press("Space")
    assert page.locator('input[name="GOV-2-1/current"]:checked').get_attribute("value") == "not"
    page.locator('.pmo-step-current [data-go="planning"]').focus()
    page.keyboard.press("Enter")
    assert current(page) == "planning"
