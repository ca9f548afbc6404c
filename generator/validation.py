"""Validate a parsed file against its model and say what is wrong in the user's terms.

pydantic finds the problems; this module turns each into one `Problem` that points at the
offending line and column, says what was expected and what was found, and suggests the key
the user probably meant. Unknown keys are warnings: the file is validated again without them
so that a typo never hides the rest of the file.
"""

from __future__ import annotations

import copy
import dataclasses
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Problem, render_key_path
from .suggest import did_you_mean
from .yamlio import RawFloat, RawInt, YamlDoc

M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], doc: YamlDoc) -> tuple[M | None, list[Problem]]:
    """The model built from `doc`, or None, with every problem found on the way."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        errors = exc.errors()
    problems = [_problem(model, doc, error) for error in errors]
    if any(e["type"] != "extra_forbidden" for e in errors):
        return None, problems
    data = copy.deepcopy(doc.data)
    for error in errors:
        _delete(data, error["loc"])
    return model.model_validate(data), problems


def describe(value: Any) -> str:
    """How a found value is named in messages: `'abc'`, `the number 3`, `a list`."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, RawInt | RawFloat):
        return f"the number {value.raw}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"'{value[:60]}…'" if len(value) > 60 else f"'{value}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _problem(model: type[BaseModel], doc: YamlDoc, error: Any) -> Problem:
    loc: tuple[str | int, ...] = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        location = doc.location(loc[:-1])
        return Problem(location, f"missing required key '{loc[-1]}'")
    if kind == "extra_forbidden":
        parent = render_key_path(doc.name(loc[:-1]))
        location = dataclasses.replace(doc.location(loc, key=True), key_path=parent)
        return Problem(location, _unknown_key(model, loc), "warning")
    loc = _existing(doc.data, loc)
    return Problem(doc.location(loc), _message(kind, error))


def _message(kind: str, error: Any) -> str:
    found = describe(error.get("input"))
    ctx = error.get("ctx") or {}
    simple = {
        "string_type": "expected text",
        "int_type": "expected a whole number",
        "int_parsing": "expected a whole number",
        "int_from_float": "expected a whole number",
        "float_type": "expected a number",
        "float_parsing": "expected a number",
        "bool_type": "expected true or false",
        "bool_parsing": "expected true or false",
        "dict_type": "expected a mapping",
        "model_type": "expected a mapping",
        "model_attributes_type": "expected a mapping",
        "list_type": "expected a list",
    }
    if kind in simple:
        return f"{simple[kind]}, found {found}"
    if kind == "literal_error":
        return f"expected {ctx['expected']}, found {found}"
    bounds = {
        "greater_than": ("greater than", "gt"),
        "greater_than_equal": ("at least", "ge"),
        "less_than": ("less than", "lt"),
        "less_than_equal": ("at most", "le"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        return f"must be {words} {ctx[key]}, found {found}"
    if kind == "too_short":
        n = ctx["min_length"]
        return f"expected at least {n} entr{'y' if n == 1 else 'ies'}, found {ctx['actual_length']}"
    if kind.startswith(("date_", "datetime_")):
        return f"expected a date written YYYY-MM-DD, found {found}"
    if kind == "value_error":
        return str(ctx["error"])
    return f"{error['msg']}, found {found}"  # pragma: no cover - a type we have not worded


def _unknown_key(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    key = str(loc[-1])
    parent = _model_at(model, loc[:-1])
    known = list(parent.model_fields) if parent else []
    message = f"unknown key '{key}'"
    close = did_you_mean(key, known)
    if close:
        message += close
    elif known:
        message += f"; expected one of: {', '.join(known)}"
    return message


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` below `model`."""
    current: Any = model
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = _unwrap(field.annotation)
        else:
            current = _unwrap(_inner(current))
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner(annotation: Any) -> Any:
    """The item type of `list[X]` or the value type of `dict[K, V]`."""
    args = typing.get_args(annotation)
    return args[-1] if args else None


def _unwrap(annotation: Any) -> Any:
    """Strip `Annotated[...]` and `X | None` down to the type that matters."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _existing(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """The longest prefix of `loc` that exists in `data` (shorthand values stop early)."""
    out: list[str | int] = []
    for part in loc:
        found = isinstance(data, dict) and part in data
        found |= isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not found:
            break
        data = data[part]
        out.append(part)
    return tuple(out)


def _delete(data: Any, loc: tuple[str | int, ...]) -> None:
    for part in loc[:-1]:
        data = data[part]
    if isinstance(data, dict):
        data.pop(loc[-1], None)
