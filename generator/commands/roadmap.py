"""`pmo roadmap`: an organisation's improvement roadmap, or why an action is in it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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
@click.option("--round", "round_id", type=ID, help="The round to plan from (default: the latest).")
@format_option("table", "md", "csv", "json", "xlsx")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the roadmap to this file (required for xlsx).",
)
@click.option(
    "--chart",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also draw the Gantt chart and projected maturity to this .svg or .png file.",
)
@click.option(
    "--target",
    "targets",
    multiple=True,
    metavar="PERSPECTIVE=LEVEL",
    help="Target level for a perspective (repeatable); overrides the organisation file.",
)
@click.option("--start", type=click.DateTime(["%Y-%m-%d"]), help="First day (YYYY-MM-DD).")
@click.option("--horizon", type=click.IntRange(1, 120), help="Months the roadmap may span.")
@click.option(
    "--capacity",
    type=click.FloatRange(min=0, min_open=True),
    help="Person-days a month for improvement work.",
)
@click.option(
    "--pin",
    "pinned",
    multiple=True,
    type=ID,
    metavar="ACTION",
    help="Include this action whatever the gaps say (repeatable).",
)
@click.option(
    "--exclude", "excluded", multiple=True, type=ID, metavar="ACTION",
    help="Never plan this action."
)
@click.option(
    "--priority",
    "priorities",
    multiple=True,
    metavar="PERSPECTIVE=WEIGHT",
    help="Weight a perspective's actions (default 1; higher comes earlier).",
)
@click.option(
    "--explain",
    "explain_id",
    type=ID,
    metavar="ACTION",
    help="Say why this action is in the plan or not, instead of printing the plan.",
)
@strict_option
@verbose_option
@click.pass_obj
def roadmap(
    state: State,
    org: str,
    round_id: str | None,
    fmt: str,
    out: Path | None,
    chart: Path | None,
    targets: tuple[str, ...],
    start: Any,
    horizon: int | None,
    capacity: float | None,
    pinned: tuple[str, ...],
    excluded: tuple[str, ...],
    priorities: tuple[str, ...],
    explain_id: str | None,
    strict: bool,
) -> None:
    """Plan a tailored improvement roadmap for an organisation, saying why each action is in it.

    Targets, start, horizon, capacity, pinned and excluded actions and priorities come from
    the organisation's `roadmap:` settings; the options here override them. Targets not set
    anywhere default from the PMO type and operating model the organisation needs.

    \b
    Example:
      pmo roadmap northwind-bank
      pmo roadmap northwind-bank --capacity 30 --target benefits=4 --chart roadmap.svg
      pmo roadmap northwind-bank --format xlsx --out northwind-bank-roadmap.xlsx
      pmo roadmap northwind-bank --format md > roadmap.md
      pmo roadmap northwind-bank --explain setup-portfolio-register
    """
    from ..models import RoadmapUpdate
    from ..planning import explain_action, roadmap_for
    from ..scoring import score_workspace
    from ..workspace import titles_of

    if explain_id and (out or chart or fmt not in ("table", "json")):
        raise click.UsageError("--explain prints its answer as text or --format json; "
                               "leave out --out, --chart and other formats")
    if fmt == "xlsx" and out is None:
        raise click.UsageError("--format xlsx writes a file: add --out FILE.xlsx")
    update = RoadmapUpdate(
        targets=_pairs("target", targets, int),
        start=start.date() if start else None,
        horizon=horizon,
        capacity=capacity,
        pinned=pinned,
        excluded=excluded,
        priorities=_pairs("priority", priorities, float),
    )
    ws = state.load(strict=strict)
    ws.organisation(org)
    _check_update(ws, update)
    if explain_id:
        from ..outputs.formats.exports import to_json
        from ..outputs.terminal.roadmap_views import explanation_text

        why = explain_action(ws, score_workspace(ws), org, explain_id, round_id, update)
        click.echo(to_json(why) if fmt == "json" else explanation_text(why), nl=False)
        return
    plan = roadmap_for(ws, score_workspace(ws), org, round_id, update)
    _write_plan(plan, titles_of(ws), fmt, out, chart)


def _write_plan(plan: Any, titles: dict[str, str], fmt: str, out: Path | None,
                chart: Path | None) -> None:
    from ..outputs.terminal.roadmap_views import render_roadmap

    if chart is not None:
        _draw_roadmap(plan, titles, chart)
    if out is not None:
        from ..files import write_atomic

        write_atomic(out, render_roadmap(plan, titles, "md" if fmt == "table" else fmt))
        click.echo(f"wrote {out}")
    elif fmt == "table":
        from ..outputs.terminal.roadmap_views import terminal

        show(terminal(plan, titles))
    else:
        click.echo(render_roadmap(plan, titles, fmt), nl=False)


def _pairs(name: str, values: tuple[str, ...], kind: type) -> dict[str, Any]:
    """`--target governance=3` style options as a mapping, or a usage error naming the option."""
    out = {}
    for value in values:
        key, sep, raw = value.partition("=")
        try:
            if not sep or not key:
                raise ValueError
            out[key.strip()] = kind(raw)
        except ValueError:
            raise click.BadParameter(
                f"expected PERSPECTIVE=NUMBER, found '{value}'", param_hint=f"'--{name}'"
            ) from None
    return out


UPDATE_OPTIONS = {"targets": "--target", "priorities": "--priority", "pinned": "--pin",
                  "excluded": "--exclude"}


def _check_update(ws: Any, update: Any) -> None:
    """A usage error naming the option, if the options break a rule of the `roadmap:`
    settings (the rule that checks them in organisation files)."""
    from ..checks.actions import roadmap_problems

    problems = roadmap_problems(update, ws.questionnaires, ws.actions)
    if problems:
        (key, name), message, on_key = problems[0]
        prefix = f"{name}: " if isinstance(name, str) and not on_key else ""
        raise click.BadParameter(prefix + message, param_hint=f"'{UPDATE_OPTIONS[str(key)]}'")


def _draw_roadmap(plan: Any, titles: dict[str, str], chart: Path) -> None:
    from ..files import write_atomic
    from ..outputs.charts import format_of, render
    from ..outputs.charts.roadmap import roadmap_figure

    try:
        fmt = format_of(chart)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--chart'") from None
    write_atomic(chart, render(roadmap_figure(plan, titles), fmt))
    click.echo(f"wrote {chart}", err=True)
