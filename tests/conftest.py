from __future__ import annotations

import os

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


def copy_workspace(target):
    """A copy of this repository's sample workspace (no build output, no cache)."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    target.mkdir(parents=True, exist_ok=True)
    for part in WORKSPACE_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample workspace built once: (workspace root, site folder, build report)."""
    from generator.pipeline import build

    root = copy_workspace(tmp_path_factory.mktemp("sample") / "ws")
    report = build(root)
    return root, report.site, report
