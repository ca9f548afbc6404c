"""axe-core in Debian's Chromium finds no serious or critical violation on any kind of page,
on a desktop (1280 px) and a phone (390 px), and no content is cut off on either.

axe-core comes from npm (`.ci/run` installs it into .ci/node); it is injected into each page
as it is served on 127.0.0.1, so nothing is fetched from elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import assert_tab_stayed_clean, open_tab

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[1] / ".ci/node/node_modules/axe-core/axe.min.js"
WIDTHS = (1280, 390)
PAGES = (
    "/", "/standards/pmo-types/", "/practices/governance/", "/toolkit/", "/toolkit/raid-log/",
    "/lessons/", "/lessons/LL-001/", "/assessments/", "/assessments/northwind-bank/",
    "/assessments/northwind-bank/maturity/", "/assessments/northwind-bank/type-and-model/",
    "/assessments/northwind-bank/roadmap/", "/assessments/northwind-bank/services/", "/surveys/",
)
FORMS = ("p3o-maturity", "pmo-type", "operating-model", "pmo-services")
SEVERE = ("serious", "critical")

CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const cut = [];
  for (const element of document.querySelectorAll(".md-content *")) {
    const box = element.getBoundingClientRect();
    if (!box.width || box.right <= width + 1) continue;
    let parent = element.parentElement, scrolls = false;
    while (parent && !scrolls) {
      const overflow = getComputedStyle(parent).overflowX;
      scrolls = (overflow === "auto" || overflow === "scroll") &&
                parent.scrollWidth > parent.clientWidth;
      parent = parent.parentElement;
    }
    if (!scrolls) cut.push(`${element.tagName.toLowerCase()}.${element.className}: ` +
                           `right edge at ${Math.round(box.right)} of ${width}px`);
  }
  return cut.slice(0, 5);
}"""


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing: .ci/run installs it with npm into .ci/node")
        pytest.skip("axe-core is not installed: npm install --no-save --prefix .ci/node "
                    "axe-core@4")
    return AXE.read_text(encoding="utf-8")


def problems(page, axe_source) -> list[str]:
    """Serious and critical axe violations, and content cut off, on the page as it is now."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => "
                  "requestAnimationFrame(done)))")
    # A step change scrolls the page, and Material fades its "Back to top" button in: axe must
    # judge the colours at rest, not half-way through the fade.
    page.evaluate("() => Promise.race([Promise.all(document.getAnimations().map(a => a.finished"
                  ".catch(() => null))), new Promise(done => setTimeout(done, 2000))])")
    page.evaluate("() => window.PMORegions && window.PMORegions()")
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    found = [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary'].splitlines()[1:2]}"
        for v in result["violations"] if v["impact"] in SEVERE for node in v["nodes"][:3]
    ]
    return found + [f"cut off: {line}" for line in page.evaluate(CUT_OFF)]


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def sized(request, page):
    page.set_viewport_size({"width": request.param, "height": 900})
    return page


@pytest.fixture(scope="module")
def tabs(browser, server):
    """One tab for each width, opened when first needed and kept from page to page, as one
    visitor reading the site has it (a fresh context for every page would start a renderer
    and fetch every asset again, which costs more than checking the page)."""
    opened = {}

    def at(width):
        if width not in opened:
            context, tab = open_tab(browser, server)
            tab.set_viewport_size({"width": width, "height": 900})
            opened[width] = context, tab
        return opened[width][1]

    yield at
    late = {width: (tab.outside, tab.errors) for width, (_, tab) in opened.items()}
    for context, _ in opened.values():
        context.close()
    # nothing went wrong after the last page either
    assert {width: seen for width, seen in late.items() if seen != ([], [])} == {}


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def browsing(request, tabs):
    """The width's tab; on leaving a page, no request left the machine and the console
    showed no error (as the `page` fixture checks)."""
    tab = tabs(request.param)
    yield tab
    assert_tab_stayed_clean(tab)


@pytest.mark.parametrize("path", PAGES)
def test_every_kind_of_page(browsing, server, axe_source, path):
    browsing.goto(server + path)
    assert problems(browsing, axe_source) == []


@pytest.mark.parametrize("questionnaire", FORMS)
def test_every_form_empty_partly_answered_and_at_review(sized, server, axe_source,
                                                        questionnaire):
    sized.goto(f"{server}/surveys/{questionnaire}/")
    found = {"empty": problems(sized, axe_source)}
    first = sized.locator(".pmo-step[data-step]").nth(1).get_attribute("data-step")
    sized.click(f'[data-step-link="{first}"]')
    for radio in sized.locator(".pmo-step-current fieldset:visible input[type=radio]").all()[::7]:
        radio.check()
    if questionnaire == "p3o-maturity":
        sized.locator(".pmo-step-current summary").first.click()  # evidence and notes open
    found["partly answered"] = problems(sized, axe_source)
    sized.click('[data-step-link="pmo-review"]')
    found["review"] = problems(sized, axe_source)
    assert {k: v for k, v in found.items() if v} == {}
