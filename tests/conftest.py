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
