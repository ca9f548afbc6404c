"""What every command shares: the options given before the command name, the id type, the
option decorators and printing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from ..wording import counted

F = TypeVar("F", bound=Callable[..., Any])


class IdentifierType(click.ParamType[str]):
    """An id typed on the command line, checked as `pmo validate` checks ids in files."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> str:
        from ..models.common import identifier_problem

        problem = identifier_problem(str(value))
        if problem:
            self.fail(problem, param, ctx)
        return str(value)


ID = IdentifierType()


class State:
    """Options given before the command name, shared by every command."""

    def __init__(self, workspace: Path | None = None, debug: bool = False,
                 verbose: bool = False) -> None:
        self.workspace = workspace
        self.debug = debug
        self.verbose = verbose

    def root(self) -> Path:
        from ..workspace import find_root

        return find_root(self.workspace)

    def load(self, strict: bool = False, only: Sequence[Path] | None = None,
             listed: bool = False) -> Any:
        from ..loader import load

        workspace = load(self.root(), only=only, strict=strict)
        self.warn(workspace.warnings, listed=listed)
        return workspace

    def warn(self, warnings: Sequence[Any], *, listed: bool = False,
             about: str = "input file") -> None:
        """Every warning with --verbose (or when `listed`, as `validate` does); otherwise one
        line, so that the result of a command is not buried under its inputs' warnings."""
        if self.verbose or listed:
            for problem in warnings:
                click.echo(problem.render(), err=True)
        elif warnings:
            files = len({p.location.path for p in warnings})
            click.echo(f"{counted(len(warnings), 'warning')} in {counted(files, about)}; "
                       "'pmo validate' lists them (or add --verbose)", err=True)


def verbose_option(func: F) -> F:
    def remember(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            ctx.ensure_object(State).verbose = True

    return click.option("-v", "--verbose", is_flag=True, expose_value=False, callback=remember,
                        help="List every warning about the input files, not only their number."
                        )(func)


def strict_option(func: F) -> F:
    return click.option(
        "--strict", is_flag=True, help="Treat warnings (such as unknown keys) as errors."
    )(func)


def format_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def questionnaire_option(func: F) -> F:
    return click.option(
        "--questionnaire",
        "questionnaires",
        multiple=True,
        metavar="ID",
        help="Only this questionnaire (repeatable; default: all).",
    )(func)


def show(renderable: Any) -> None:
    """Print a rich table or text to the terminal."""
    from rich.console import Console

    # soft wrap: long lines (reasons, criteria) stay whole when piped; tables still fit
    Console(highlight=False, soft_wrap=True).print(renderable)
