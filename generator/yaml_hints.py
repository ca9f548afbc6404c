"""The likely cause of a YAML syntax error, in words a person editing by hand understands.

libyaml says what it could not parse ("mapping values are not allowed in this context"); the
person needs to know what to change. Each rule below looks at the lines around the error for
one mistake that people make typing YAML by hand, and words the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"^(\s*)(- +)?([^\s#'\"][^:#]*?|'[^']*'|\"[^\"]*\"):(\s|$)")


@dataclass(frozen=True)
class Hint:
    """What to tell the user, and where (1-based line and column)."""

    message: str
    line: int
    column: int


def explain(text: str, problem: str, line: int, column: int, context_line: int | None) -> Hint:
    """The hint for libyaml's `problem` at `line`:`column` (1-based); `context_line` is where
    the construct being parsed started, when libyaml says."""
    lines = text.split("\n")
    first = min(line, context_line or line)
    tab = _tab(lines, first, line)
    if tab is not None:
        return Hint("tabs cannot indent YAML; use spaces", *tab)
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    for rule in (_colon_in_value, _missing_colon, _too_deep, _stray_indent, _quote, _list_item,
                 _special_start, _unclosed):
        message = rule(lines, here, problem, line, column, context_line)
        if message:
            return Hint(f"invalid YAML: {message}", line, column)
    return Hint(f"invalid YAML: {problem}", line, column)


def _tab(lines: list[str], first: int, last: int) -> tuple[int, int] | None:
    """The first tab in the indentation of the lines concerned."""
    for number in range(max(first, 1), min(last, len(lines)) + 1):
        line = lines[number - 1]
        indent = line[:len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            return number, indent.index("\t") + 1
    return None


def _previous(lines: list[str], line: int) -> tuple[int, str]:
    """The nearest line above `line` with content (not blank, not only a comment), and its
    number; (0, "") when there is none."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number, lines[number - 1]
    return 0, ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _colon_in_value(lines: list[str], here: str, problem: str, line: int, column: int,
                    context: int | None) -> str:
    key = _KEY.match(here)
    if "mapping values are not allowed" in problem and key and column - 1 > key.end(3):
        name = key.group(3).strip()
        return ("the value contains ': ', which YAML reads as the start of another key; "
                f'put the whole value in double quotes: {name}: "{here[key.end():].strip()}"')
    return ""


def _missing_colon(lines: list[str], here: str, problem: str, line: int, column: int,
                   context: int | None) -> str:
    number, before = _previous(lines, line)
    if ("mapping values are not allowed" in problem and before and not _KEY.match(before)
            and not before.strip().startswith("- ") and _indent(before) <= _indent(here)):
        return (f"line {number} has no ':' after its key, so this line is read as the rest of "
                "it; write each entry as 'key: value'")
    return ""


def _too_deep(lines: list[str], here: str, problem: str, line: int, column: int,
              context: int | None) -> str:
    number, before = _previous(lines, line)
    key = _KEY.match(before)
    if ("mapping values are not allowed" in problem and key and before[key.end():].strip()
            and _indent(here) > _indent(before)):
        return (f"this key is indented further than '{key.group(3).strip()}' on line {number}, "
                "which already has a value; line it up with that key")
    return ""


def _stray_indent(lines: list[str], here: str, problem: str, line: int, column: int,
                  context: int | None) -> str:
    if "did not find expected key" not in problem or here.lstrip().startswith(("-", "'", '"')):
        return ""
    if context is not None and context != line:
        above = sorted({_indent(lines[n]) for n in range(context - 1, line - 1)
                        if _KEY.match(lines[n])})
        columns = " or ".join(str(n) for n in above[-2:])
        return (f"this line is indented by {_indent(here)} spaces, which lines it up with no "
                f"key above it (the keys above are indented by {columns}); keys of one "
                "mapping must start in the same column")
    return ""


def _quote(lines: list[str], here: str, problem: str, line: int, column: int,
           context: int | None) -> str:
    if "did not find expected key" in problem and context == line and "'" in here:
        return ("the text in single quotes ends at the next single quote; write an apostrophe "
                "inside it as two ('') or put the text in double quotes")
    if "did not find expected key" in problem and context == line and '"' in here:
        return ('the text in double quotes ends at the next double quote; write a quote inside '
                'it as \\" or put the text in single quotes')
    return ""


def _list_item(lines: list[str], here: str, problem: str, line: int, column: int,
               context: int | None) -> str:
    if "did not find expected key" in problem and here.lstrip().startswith("- "):
        return "a list item ('- ') where a key was expected; indent it under its key"
    if "expected '-' indicator" in problem:
        return ("a key where the next list item was expected; start the item with '- ', or "
                "indent the key under the item it belongs to")
    return ""


def _special_start(lines: list[str], here: str, problem: str, line: int, column: int,
                   context: int | None) -> str:
    char = here[column - 1] if 0 < column <= len(here) else ""
    if "cannot start any token" in problem and char in "@`%":
        return f"a value cannot start with '{char}'; put the value in double quotes"
    return ""


def _unclosed(lines: list[str], here: str, problem: str, line: int, column: int,
              context: int | None) -> str:
    if "end of stream" in problem and context is not None:
        return (f"the quote opened on line {context} is never closed; close it, or put "
                "the text on one line")
    return ""
