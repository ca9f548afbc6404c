"""`pmo validate`: check every input file and print every problem."""

from __future__ import annotations

from pathlib import Path

import click

from ..wording import counted
from .shared import (
    State,
    strict_option,
)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@strict_option
@click.pass_obj
def validate(state: State, paths: tuple[Path, ...], strict: bool) -> None:
    """Check questionnaires, organisations and answer files; print every problem.

    PATHS limit the answer files checked (files or folders, inside or outside the
    workspace); questionnaires and organisations are always checked, because answers
    are checked against them. Each problem is one line, FILE:LINE:COLUMN: severity:
    KEY.PATH: message. Exit status 1 if there are errors (or, with --strict, warnings).

    \b
    Example:
      pmo validate
      pmo validate --strict assessments/orgs/northwind-bank
      pmo validate ~/Downloads/response.yaml
    """
    ws = state.load(strict=strict, only=list(paths) or None, listed=True)
    answers = len(ws.answers)
    files = ws.answer_files
    click.echo(
        f"OK: {counted(len(ws.questionnaires), 'questionnaire')}, "
        f"{counted(len(ws.organisations), 'organisation')}, "
        f"{counted(files, 'answer file')} ({counted(len(ws.responses), 'questionnaire')} "
        f"answered, {counted(answers, 'answer')})"
        + (f" ({counted(len(ws.warnings), 'warning')})" if ws.warnings else "")
    )
