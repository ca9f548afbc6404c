"""References to columns in a workbook template's formulas: `{Column}`, `{!Column}`,
`{Sheet!Column}` (see `Column.formula`)."""

from __future__ import annotations

import re

REFERENCE = re.compile(r"\{([^{}]+)\}")


def references(formula: str) -> list[tuple[str | None, str]]:
    """The (sheet, column) pairs a formula names; sheet None for its own sheet."""
    out = []
    for match in REFERENCE.finditer(formula):
        sheet, _, name = parts(match.group(1))
        out.append((sheet, name))
    return out


def parts(reference: str) -> tuple[str | None, bool, str]:
    """(sheet or None, whole column?, column name) of the text inside one pair of braces."""
    if reference.startswith("!"):
        return None, True, reference[1:]
    if "!" in reference:
        sheet, name = reference.split("!", 1)
        return sheet, True, name
    return None, False, reference
