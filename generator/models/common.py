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


def _identifier(value: Any) -> Any:
    value = as_text(value)
    if not isinstance(value, str):
        return value  # the str validator reports the wrong type
    if not _ID.match(value) or ".." in value:
        raise ValueError(
            f"'{value}' is not a safe identifier; use 1 to 64 letters, digits, '-', '_' or '.', "
            "starting with a letter or digit (identifiers become file names)"
        )
    return value


Identifier = Annotated[
    str,
    BeforeValidator(_identifier),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": ID_PATTERN}, {"type": "integer"}]}),
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
