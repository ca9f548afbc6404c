"""`pmo list`: the organisations, their rounds and respondents."""

from __future__ import annotations

import click

from .shared import (
    State,
    format_option,
    show,
    verbose_option,
)


@click.command(name="list")
@format_option("table", "json")
@verbose_option
@click.pass_obj
def list_command(state: State, fmt: str) -> None:
    """List organisations, their rounds and the respondents in each round.

    \b
    Example:
      pmo list
      pmo list --format json
    """
    from ..outputs.terminal.listing import listing, listing_table

    ws = state.load()
    records = listing(ws)
    if fmt == "json":
        from ..outputs.formats.exports import to_json

        click.echo(to_json(records), nl=False)
    else:
        show(listing_table(records))
