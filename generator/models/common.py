"""Building blocks shared by every file format: the base model, identifiers and text."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Strict, WithJsonSchema

from ..yamlio import as_text

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
_ID = re.compile(ID_PATTERN)


class Model(BaseModel):
    """Base of every format: immutable, and unknown keys are reported (as warnings)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


ID_LENGTH = 64
RESERVED_NAMES = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{kind}{n}" for kind in ("COM", "LPT") for n in range(1, 10)]
)
"""Device names Windows will not use as a file name, with any extension (`nul.yaml` too)."""
_REFUSED_PATTERN = "^(({})(\\..*)?|.*\\.)$".format(
    "|".join("".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else c for c in name)
             for name in sorted(RESERVED_NAMES))
)
"""What `identifier_problem` refuses beyond `ID_PATTERN`, for JSON Schema (no `(?i)` there)."""
_RULE = (
    "use 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit "
    "(identifiers become file names)"
)


def identifier_problem(value: str) -> str | None:
    """Why `value` cannot be an identifier, or None when it can.

    Identifiers become file and folder names on every colleague's machine, so this is the one
    check that every id passes, whether it comes from a YAML file, the command line or an
    import: nothing that could leave its folder (`/`, `..`), nothing too long for a file
    name, and nothing Windows refuses (reserved device names, a trailing dot).
    """
    if not value:
        return f"an empty identifier; {_RULE}"
    if len(value) > ID_LENGTH:
        return f"'{value[:20]}…' is {len(value)} characters long; {_RULE}"
    if not _ID.match(value) or ".." in value:
        bad = next((ch for ch in value if not (ch.isascii() and (ch.isalnum() or ch in "_.-"))),
                   ".." if ".." in value else None)
        why = f" (it contains '{bad}')" if bad else f" (it starts with '{value[0]}')"
        return f"'{value}' is not a safe identifier{why}; {_RULE}"
    if value.split(".")[0].upper() in RESERVED_NAMES:
        return (
            f"'{value}' is a reserved device name on Windows (CON, PRN, AUX, NUL, COM1 to COM9, "
            "LPT1 to LPT9, with or without an extension), which cannot be a file name there; "
            "choose another identifier"
        )
    if value.endswith("."):
        return f"'{value}' ends with '.', which Windows drops from file names; remove it"
    return None


def _identifier(value: Any) -> Any:
    value = as_text(value)
    if not isinstance(value, str):
        return value  # the str validator reports the wrong type
    problem = identifier_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Identifier = Annotated[
    str,
    BeforeValidator(_identifier),
    WithJsonSchema({"anyOf": [
        {"type": "string", "pattern": ID_PATTERN, "not": {"pattern": _REFUSED_PATTERN}},
        {"type": "integer"},
    ]}),
]
"""An id that is safe to use as a file or folder name: `northwind-bank`, `2025-h1`, `GOV-2-1`."""


def _text(value: Any) -> Any:
    return as_text(value)


Text = Annotated[str, BeforeValidator(_text), WithJsonSchema({"type": "string"})]
"""Free text (Markdown where the field says so)."""

VERSION_PATTERN = r"^[0-9]+(\.[0-9]+)?$"
_VERSION = re.compile(VERSION_PATTERN)


def _version(value: Any) -> Any:
    value = as_text(value)
    if isinstance(value, str) and not _VERSION.match(value):
        raise ValueError(f"'{value}' is not a version; expected MAJOR.MINOR such as 1.0")
    return value


Version = Annotated[
    str,
    BeforeValidator(_version),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": VERSION_PATTERN}, {"type": "number"}]}),
]
"""A version such as `1.0`; written as a number it is kept as typed (`1.10` stays `1.10`)."""

Flag = Annotated[bool, Strict()]
"""`true` or `false`, and nothing else: `yes`, `no`, `on` and `off` stay text in YAML 1.2."""
