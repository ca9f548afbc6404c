"""Problems found in user input, and the exceptions that carry them to the CLI.

Every problem names a file, a line, a column and a key path, so that one line is enough to
find and fix it. Problems are collected, never raised one at a time: the loader reads every
file and raises a single `InputError` holding all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]
KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Location:
    """Where a problem is: file, 1-based line and column, and the key path inside the file.

    Attributes:
        path: The file. Shown relative to the current directory when it lies below it.
        line: 1-based line number; 0 when the problem concerns the whole file.
        column: 1-based column; 0 when the problem concerns the whole file.
        key_path: Keys and list indexes from the document root, already rendered for
            list items that carry an id (see `render_key_path`).
    """

    path: Path
    line: int = 0
    column: int = 0
    key_path: str = ""

    def render(self) -> str:
        where = display_path(self.path)
        if self.line:
            where += f":{self.line}:{self.column}"
        return where


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in the user's input, rendered as one editor-clickable line."""

    location: Location
    message: str
    severity: Severity = "error"

    def render(self) -> str:
        key = f"{self.location.key_path}: " if self.location.key_path else ""
        return f"{self.location.render()}: {self.severity}: {key}{self.message}"


def display_path(path: Path) -> str:
    """The path relative to the working directory if it lies below it, else as given."""
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return path.as_posix()


def render_key_path(parts: KeyPath) -> str:
    """Render `('sections', 'id=gov', 'questions', 3)` as `sections[id=gov].questions[3]`."""
    out = ""
    for part in parts:
        if isinstance(part, int) or part.startswith("id="):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class GeneratorError(Exception):
    """An expected failure whose message is meant for the user (exit status 1)."""


class InputError(GeneratorError):
    """The user's files have problems; all of them are attached."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__(summary(self.problems))

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def summary(problems: tuple[Problem, ...] | list[Problem]) -> str:
    """`2 errors, 1 warning in 2 files` for the closing line of a report."""
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    files = len({p.location.path for p in problems})
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"in {files} file{'s' * (files != 1)}"
    )


@dataclass
class ProblemLog:
    """A mutable collector used while validating; the loader turns it into an `InputError`."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, location: Location, message: str, severity: Severity = "error") -> None:
        self.problems.append(Problem(location, message, severity))

    def extend(self, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.problems.extend(problems)

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)
