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


def test_report_page_shows_its_charts(page, server):
    page.goto(server + "/assessments/northwind-bank/")
    assert "Northwind Bank" in page.locator("h1").inner_text()
    images = page.locator("article img")
    assert images.count() >= 2
    for i in range(images.count()):
        image = images.nth(i)
        image.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=image.element_handle(), timeout=10_000)
    page.goto(server + "/assessments/northwind-bank/roadmap/")
    chart = page.locator("img[src$='roadmap.svg']")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                           arg=chart.element_handle(), timeout=10_000)
    assert "Why" in page.locator("article").inner_text()


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
