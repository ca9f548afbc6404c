from __future__ import annotations

import functools
import http.server
import os
import pickle
import shutil
import threading
from pathlib import Path

import pytest

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


@pytest.fixture
def run(capsys, monkeypatch):
    """Run `pmo` through its real entry point; returns (exit status, stdout, stderr)."""
    from generator.cli import main

    def invoke(*args: str, cwd=None):
        if cwd is not None:
            monkeypatch.chdir(cwd)
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return invoke


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/ from the current output instead of comparing.")


@pytest.fixture(scope="session")
def update_golden(request):
    return request.config.getoption("--update-golden")


WORKSPACE_PARTS = ("mkdocs.yml", "content", "assessments", "library")


def copy_workspace(target, orgs=None):
    """A copy of this repository's sample workspace (no build output, no cache); with `orgs`,
    of those sample organisations only."""
    root = Path(__file__).resolve().parents[1]
    target.mkdir(parents=True, exist_ok=True)
    for part in WORKSPACE_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    if orgs is not None:
        for folder in (target / "assessments" / "orgs").iterdir():
            if folder.name not in orgs:
                shutil.rmtree(folder)
    return target


def shared_folder(tmp_path_factory) -> Path:
    """A folder of this run that every xdist worker sees (each worker's own temporary folder
    sits in it); without xdist, the run's temporary folder."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(tmp_path_factory, name: str, make):
    """`make(folder)` run once for the whole run, by whichever xdist worker asks first, in an
    empty `folder` that every worker sees; every caller gets a copy of its (picklable) result.
    Other workers wait for the first one, so each result is made once whatever worker a test
    lands on."""
    from filelock import FileLock

    shared = shared_folder(tmp_path_factory)
    folder = shared / name
    with FileLock(shared / f"{name}.lock"):
        saved = shared / f"{name}.pickle"
        if not saved.is_file():
            shutil.rmtree(folder, ignore_errors=True)  # a failed attempt's leftovers
            folder.mkdir()
            saved.write_bytes(pickle.dumps(make(folder)))
        return pickle.loads(saved.read_bytes())


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample workspace built once for the whole run, by whichever worker asks first:
    (workspace root, site folder, build report). Read it, never change it or build in it:
    a test that does takes `built_sample`, a copy of its own."""
    from generator.pipeline import build

    def make(folder):
        root = copy_workspace(folder / "ws")
        return root, build(root)

    root, report = once_per_run(tmp_path_factory, "sample", make)
    return root, report.site, report


@pytest.fixture
def built_sample(sample_site, tmp_path):
    """A copy of the built sample workspace, with its site, build folder and caches, to change
    and build again. MkDocs publishes the copy's first build in full (the site moved), with
    every organisation's pages from the page cache."""
    root, _, _ = sample_site
    return Path(shutil.copytree(root, tmp_path / "ws", symlinks=True))


# --- the built site in real Chromium (tests marked `browser`) ------------------------------
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
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


@pytest.fixture(scope="session")
def browser():
    """One Chromium for each worker's whole run (starting it, and playwright's driver, for
    every module cost more than the tests of a small one); each test gets a fresh context."""
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


def open_tab(browser, server):
    """A tab in a context of its own, which keeps every request on this machine and records
    requests that would have left it (`tab.outside`) and console errors (`tab.errors`)."""
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
    return context, tab


def assert_tab_stayed_clean(tab) -> None:
    """Nothing was asked of another host, and the console showed no error, since the last
    check; the records then start again."""
    outside, errors = list(tab.outside), list(tab.errors)
    tab.outside.clear()
    tab.errors.clear()
    assert outside == [], f"requests left the machine: {outside}"
    assert errors == [], f"console errors: {errors}"


@pytest.fixture
def page(browser, server):
    context, tab = open_tab(browser, server)
    yield tab
    try:
        assert_tab_stayed_clean(tab)
    finally:
        context.close()
