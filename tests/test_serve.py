"""`pmo serve`: the preview serves the site and regenerates it when a source file changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import copy_workspace

WAIT = 90  # seconds; the first build and each rebuild take a few


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str) -> bool:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def preview(built_sample, tmp_path):
    root = built_sample  # its page cache spares the first build rendering every organisation
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:  # a file, not a pipe nobody reads, which could fill up
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=root,
            stdout=output, stderr=subprocess.STDOUT)
    yield root, f"http://127.0.0.1:{port}", log
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_a_change_to_an_answer_file_reaches_the_preview(preview):
    root, url, log = preview
    report = f"{url}/assessments/riverside-health/"
    assert wait_for(report, "Riverside Health Trust"), log.read_text()
    org = root / "assessments" / "orgs" / "riverside-health" / "organisation.yaml"
    text = org.read_text()
    assert "name: Riverside Health Trust" in text
    org.write_text(text.replace("name: Riverside Health Trust", "name: Riverside Renamed Trust"))
    assert wait_for(report, "Riverside Renamed Trust"), log.read_text()


def test_a_port_in_use_is_one_clear_line(tmp_path):
    root = copy_workspace(tmp_path / "ws")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=root,
            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: cannot serve on 127.0.0.1:{port}:")
    assert "Traceback" not in result.stderr
