"""The built site in real Chromium: pages, search, charts, downloads and filters.

Debian's `chromium` is driven by playwright (playwright's own browser download cannot work
offline). The site is served on 127.0.0.1; any request to another host is aborted and fails
the test, and so does any console error.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def server(sample_site):
    _, site, _ = sample_site

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.outside = []
    tab.errors = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(server) or url.startswith("data:") or url.startswith("blob:"):
            request_route.continue_()
        else:
            tab.outside.append(url)
            request_route.abort()

    tab.route("**/*", route)
    tab.on("console", lambda message: tab.errors.append(message.text)
           if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    assert tab.outside == [], f"requests left the machine: {tab.outside}"
    assert tab.errors == [], f"console errors: {tab.errors}"
    context.close()


def test_home_page(page, server):
    page.goto(server + "/")
    assert page.title().startswith("PMO Maturity Handbook")
    assert page.locator("h1").first.inner_text().startswith("PMO Maturity Handbook")
    nav = page.locator("nav.md-nav--primary").inner_text()
    for section in ("Standards", "Practices", "Toolkit", "Lessons learned", "Assessments"):
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
