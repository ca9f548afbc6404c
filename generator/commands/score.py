"""`pmo score`: an organisation's scorecard."""

from __future__ import annotations

import click

from .shared import (
    ID,
    State,
    format_option,
    show,
    strict_option,
    verbose_option,
)


@click.command()
@click.argument("org", type=ID)
@click.option("--round", "round_id", type=ID,
              help="The round to score (default: the latest with answers).")
@click.option("--respondents", is_flag=True, help="Also show each respondent's own result.")
@format_option("table", "json", "csv")
@strict_option
@verbose_option
@click.pass_obj
def score(
    state: State, org: str, round_id: str | None, respondents: bool, fmt: str, strict: bool
) -> None:
    """Score an organisation: maturity levels, scores and limiting criteria per
    perspective, the portfolio, programme and project view, PMO type and operating model,
    the change since the previous round, and the services survey's grid (importance,
    satisfaction, gap and quadrant per service).

    \b
    Example:
      pmo score northwind-bank
      pmo score northwind-bank --round 2024-h2 --format json
      pmo score northwind-bank --format csv > northwind-bank.csv
    """
    from ..scoring import score_workspace, scorecard

    ws = state.load(strict=strict)
    ws.organisation(org)
    card = scorecard(ws, score_workspace(ws), org, round_id)
    if fmt == "json":
        from ..outputs.formats.exports import to_json

        click.echo(to_json(card), nl=False)
    elif fmt == "csv":
        from ..outputs.formats.exports import scorecard_csv

        click.echo(scorecard_csv(card), nl=False)
    else:
        from ..outputs.terminal.console import respondents_view, scorecard_view

        show(scorecard_view(card))
        if respondents:
            show(respondents_view(card))
