"""MkDocs hook used by `pmo serve`: regenerate the docs folder before each rebuild."""

from __future__ import annotations

from typing import Any

from generator.serve import regenerate


def on_pre_build(config: Any) -> None:
    regenerate()
