"""The `pmo` command: the command group, and the one place that exits.

Each command is a thin adapter over the library in a module of `commands/`.

Exit status: 0 success; 1 bad input (every problem printed, one line each); 2 wrong usage;
3 internal error (a bug: run again with --debug for the traceback); 130 interrupted.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .commands import build, forms, report, roadmap, score, serve, validate, workspace
from .commands import list as list_
from .commands.shared import State
from .errors import GeneratorError, InputError, summary

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="pmo")
@click.option(
    "-w",
    "--workspace",
    type=click.Path(file_okay=False, path_type=Path),
    help="The workspace folder (default: the current folder or the nearest one above it "
    "that has an 'assessments' folder).",
)
@click.option("--debug", is_flag=True, help="Show the traceback of internal errors.")
@click.pass_context
def cli(ctx: click.Context, workspace: Path | None, debug: bool) -> None:
    """Assess PMO type, operating model and P3M maturity; plan improvements; publish a site.

    A workspace holds questionnaires, organisations and their answers as YAML files
    under `assessments/`. Start with `pmo init DIR`, or try the commands in the sample
    workspace that comes with the source code (`pmo init DIR --with-samples` copies it).

    \b
    Example:
      pmo validate
      pmo score northwind-bank
    """
    state = ctx.ensure_object(State)
    state.workspace = workspace
    state.debug = debug


COMMANDS = (
    validate.validate, list_.list_command, score.score, roadmap.roadmap, report.report,
    build.build, serve.serve, workspace.init, workspace.new_org, workspace.new_round,
    workspace.schema, forms.new_response, forms.export_form, forms.import_command,
    forms.invite, forms.status,
)
"""Every command; `pmo --help` lists them by name."""
for _command in COMMANDS:
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run `pmo`; map every outcome to an exit status (see the module docstring)."""
    args = list(sys.argv[1:] if argv is None else argv)
    state = State()
    try:
        result = cli.main(args=args, prog_name="pmo", standalone_mode=False, obj=state)
        return result if isinstance(result, int) else 0
    except InputError as exc:
        for problem in exc.problems:
            click.echo(problem.render(), err=True)
        click.echo(f"Aborted: {summary(exc.problems)}.", err=True)
        return 1
    except GeneratorError as exc:
        click.echo(f"error: {exc}", err=True)
        return 1
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("\nInterrupted.", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except BrokenPipeError:  # e.g. `pmo list | head`: the reader left; nothing more to say
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - silence the flush at exit
        return 1
    except Exception as exc:  # a bug: say so in one line, the traceback only on request
        if state.debug:
            traceback.print_exc()
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} (run with --debug for the "
            "traceback, and please report it)",
            err=True,
        )
        return 3
