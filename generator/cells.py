"""Spreadsheet cells safe from formula injection, for CSV and XLSX alike."""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Text starting with one of these is read as a formula by a spreadsheet."""


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formula injection: text starting with = + - @ gets a `'`.

    Numbers are left alone, so a negative change such as -0.4 stays a number.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
