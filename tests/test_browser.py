"""The built site in real Chromium: pages, search, charts, downloads and filters.

Debian's `chromium` is driven by playwright (playwright's own browser download cannot work
offline). The site is served on 127.0.0.1; any request to another host is aborted and fails
the test, and so does any console error.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_page(page, server):
    page.goto(server + "/")
    assert page.title().startswith("PMO Maturity Handbook")
    assert page.locator("h1").first.inner_text().startswith("PMO Maturity Handbook")
    nav = page.locator("nav.md-nav--primary").inner_text()
    for section in ("Standards", "Practices", "Self-assessment", "Toolkit", "Lessons learned",
                    "Assessments"):
        assert section in nav


def test_search_finds_a_standard(page, server):
    page.goto(server + "/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.press_sequentially("directive", delay=40)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert "operating" in page.locator(".md-search-result").inner_text().lower()


DRAWN = """canvas => {
  if (!canvas.getAttribute("data-drawn") || !canvas.width || !canvas.height) return 0;
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted += 1;
  return painted / (canvas.width * canvas.height);
}"""


@pytest.mark.parametrize(("path", "charts"), [
    ("/assessments/northwind-bank/", 2),
    ("/assessments/northwind-bank/maturity/", 0),
    ("/assessments/northwind-bank/type-and-model/", 2),
    ("/assessments/northwind-bank/roadmap/", 1),
    ("/assessments/northwind-bank/services/", 1),
    ("/assessments/", 1),
])
def test_report_pages_draw_their_charts(page, server, path, charts):
    """Each chart's canvas is painted by Chart.js from the page's data, offline; the `page`
    fixture fails the test on a console error or a request off 127.0.0.1."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server + path)
    canvases = page.locator(".pmo-chart canvas")
    assert canvases.count() == charts
    for i in range(charts):
        canvas = canvases.nth(i)
        canvas.scroll_into_view_if_needed()
        assert canvas.get_attribute("role") == "img" and canvas.get_attribute("aria-label")
        page.wait_for_function(f"c => ({DRAWN})(c) > 0.01", arg=canvas.element_handle(),
                               timeout=10_000)
    # Chart.js is fetched only by the pages that draw a chart
    assert any(url.endswith("chart.umd.min.js") for url in requested) == (charts > 0)


def test_the_roadmap_prints_its_chart(page, server):
    page.goto(server + "/assessments/northwind-bank/roadmap/")
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    box = page.locator(".pmo-chart canvas").bounding_box()
    width = page.evaluate("() => document.querySelector('.md-content').clientWidth")
    assert box and 0 < box["width"] <= width + 1
    assert page.pdf(format="A4").startswith(b"%PDF")


def test_template_download(page, server, tmp_path):
    from openpyxl import load_workbook

    page.goto(server + "/toolkit/raid-log/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the Excel workbook (XLSX)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "raid-log.xlsx"
    assert "Risks" in load_workbook(saved).sheetnames


def test_lessons_filter(page, server):
    page.goto(server + "/lessons/")
    rows = page.locator("table.pmo-filterable tbody tr")
    total = rows.count()
    assert total >= 30
    page.select_option("select[data-filter='perspective']", "benefits")
    shown = page.locator("table.pmo-filterable tbody tr:not([hidden])")
    assert 0 < shown.count() < total
    for i in range(shown.count()):
        assert "benefits" in shown.nth(i).get_attribute("data-perspective").split()
    assert page.locator(".pmo-filter-count").inner_text() == f"{shown.count()} of {total} shown"
