"""The `pmo` command: thin wrappers over the library, and the one place that exits.

Exit status: 0 success; 1 bad input (every problem printed, one line each); 2 wrong usage;
3 internal error (a bug: run again with --debug for the traceback); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import GeneratorError, InputError, summary
from .wording import counted

F = TypeVar("F", bound=Callable[..., Any])


class IdentifierType(click.ParamType):
    """An id typed on the command line, checked as `pmo validate` checks ids in files."""

    name = "id"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None
                ) -> str:
        from .models.common import identifier_problem

        problem = identifier_problem(str(value))
        if problem:
            self.fail(problem, param, ctx)
        return str(value)


ID = IdentifierType()
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class State:
    """Options given before the command name, shared by every command."""

    def __init__(self, workspace: Path | None = None, debug: bool = False,
                 verbose: bool = False) -> None:
        self.workspace = workspace
        self.debug = debug
        self.verbose = verbose

    def root(self) -> Path:
        from .workspace import find_root

        return find_root(self.workspace)

    def load(self, strict: bool = False, only: Sequence[Path] | None = None,
             listed: bool = False) -> Any:
        from .loader import load

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
            ctx.find_object(State).verbose = True  # type: ignore[union-attr]

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


@cli.command()
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


@cli.command(name="list")
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
    from .listing import listing, listing_table

    ws = state.load()
    records = listing(ws)
    if fmt == "json":
        from .exports import to_json

        click.echo(to_json(records), nl=False)
    else:
        _print(listing_table(records))


@cli.command()
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
    from .scoring import score_workspace, scorecard

    ws = state.load(strict=strict)
    ws.organisation(org)
    card = scorecard(ws, score_workspace(ws), org, round_id)
    if fmt == "json":
        from .exports import to_json

        click.echo(to_json(card), nl=False)
    elif fmt == "csv":
        from .exports import scorecard_csv

        click.echo(scorecard_csv(card), nl=False)
    else:
        from .console import respondents_view, scorecard_view

        _print(scorecard_view(card))
        if respondents:
            _print(respondents_view(card))


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


@cli.command()
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
    from .models import RoadmapUpdate
    from .planning import explain_action, roadmap_for
    from .roadmap_views import render_roadmap
    from .scoring import score_workspace
    from .workspace import titles_of

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
        from .exports import to_json
        from .roadmap_views import explanation_text

        why = explain_action(ws, score_workspace(ws), org, explain_id, round_id, update)
        click.echo(to_json(why) if fmt == "json" else explanation_text(why), nl=False)
        return
    plan = roadmap_for(ws, score_workspace(ws), org, round_id, update)
    titles = titles_of(ws)
    if chart is not None:
        _draw_roadmap(plan, titles, chart)
    if out is not None:
        from .files import write_atomic

        write_atomic(out, render_roadmap(plan, titles, "md" if fmt == "table" else fmt))
        click.echo(f"wrote {out}")
    elif fmt == "table":
        from .roadmap_views import terminal

        _print(terminal(plan, titles))
    else:
        click.echo(render_roadmap(plan, titles, fmt), nl=False)


UPDATE_OPTIONS = {"targets": "--target", "priorities": "--priority", "pinned": "--pin",
                  "excluded": "--exclude"}


def _check_update(ws: Any, update: Any) -> None:
    """A usage error naming the option, if the options break a rule of the `roadmap:`
    settings (the rule that checks them in organisation files)."""
    from .checks.actions import roadmap_problems

    problems = roadmap_problems(update, ws.questionnaires, ws.actions)
    if problems:
        (key, name), message, on_key = problems[0]
        prefix = f"{name}: " if isinstance(name, str) and not on_key else ""
        raise click.BadParameter(prefix + message, param_hint=f"'{UPDATE_OPTIONS[key]}'")


def _draw_roadmap(plan: Any, titles: dict[str, str], chart: Path) -> None:
    from .charts import format_of, render
    from .charts.roadmap import roadmap_figure
    from .files import write_atomic

    try:
        fmt = format_of(chart)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--chart'") from None
    write_atomic(chart, render(roadmap_figure(plan, titles), fmt))
    click.echo(f"wrote {chart}", err=True)


@cli.command()
@click.argument("org", type=ID)
@click.option("--round", "round_id", type=ID, help="The round to report on (default: the latest).")
@format_option("docx", "pdf")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write it (default: ORG-ROUND-report.docx or .pdf in this folder).",
)
@strict_option
@verbose_option
@click.pass_obj
def report(state: State, org: str, round_id: str | None, fmt: str, out: Path | None,
           strict: bool) -> None:
    """Write the assessment report of an organisation as a Word document or a PDF.

    A management report: cover, executive summary, maturity by perspective with the radar
    and the criteria holding each back, PMO type and operating model, the disagreements to
    settle, the roadmap (Gantt chart, first 90 days, plan by quarter), the trend, and an
    appendix with the method and every criterion's answers and evidence. Paper size, colour,
    logo and "prepared by" come from workspace.yaml. The site offers both files on each
    organisation's report page.

    \b
    Example:
      pmo report northwind-bank
      pmo report northwind-bank --format pdf --out report.pdf
      pmo report northwind-bank --round 2024-h2
    """
    from .errors import display_path
    from .files import write_atomic
    from .report import write_report

    ws = state.load(strict=strict)
    path, data = write_report(ws, org, round_id, fmt)
    target = out or Path(path)
    write_atomic(target, data)
    click.echo(f"Wrote {display_path(target)} ({len(data) / 1e6:.1f} MB)")


@cli.command()
@click.option("--org", type=ID, help="Build a client site with only this organisation's reports.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to put the site (default: site/, or site-ORG/ with --org).",
)
@click.option("--full", is_flag=True,
              help="Render every page again, ignoring the page cache and the last build.")
@strict_option
@verbose_option
@click.pass_obj
def build(state: State, org: str | None, out: Path | None, full: bool, strict: bool) -> None:
    """Build the site: standards, self-assessment, toolkit, lessons and reports.

    Loads and scores everything, plans the roadmaps, renders the pages into build/ (the
    browser draws their charts), then runs `mkdocs build --strict`. The new site replaces
    the old one only if the build succeeds; a rebuild renders again only the organisations
    whose files changed, and MkDocs only the pages that changed. With --org, the site
    contains that organisation's reports, as pages and as DOCX and PDF, and no other
    organisation's name, data or free text (an anonymised benchmark appears when at least
    five organisations have been assessed). The workspace's own site offers the documents
    only with `site: {report_documents: all}` in workspace.yaml.

    \b
    Example:
      pmo build
      pmo build --org northwind-bank --out /tmp/northwind-bank-site
    """
    from .pipeline import build as run_build

    with _progress() as progress:
        report = run_build(state.root(), org=org, out=out, strict=strict, full=full,
                           progress=progress)
    if state.verbose:
        state.warn(report.problems)
    click.echo(report.summary())


@cli.command()
@click.option("--org", type=ID, help="Preview a client site with only this organisation's reports.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default keeps the preview on this machine.")
@click.pass_obj
def serve(state: State, org: str | None, port: int, host: str) -> None:
    """Preview the site at http://127.0.0.1:8000/ and rebuild it when a file changes.

    Watches content/, library/, assessments/ and mkdocs.yml; a change regenerates the
    pages and the browser reloads. Stop with Ctrl-C.

    \b
    Example:
      pmo serve
      pmo serve --org northwind-bank --port 8001
    """
    from .serve import serve as run_serve

    run_serve(state.root(), org=org, host=host, port=port)


@contextlib.contextmanager
def _progress() -> Iterator[Any]:
    """A progress display on a terminal; plain stage lines otherwise."""
    from .pipeline import Progress

    if not sys.stderr.isatty():

        class Lines(Progress):
            def stage(self, name: str, total: int | None = None) -> None:
                click.echo(f"{name}…", err=True)

        yield Lines()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    bar = Bar(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
              TimeElapsedColumn(), transient=True)

    class Shown(Progress):
        task: Any = None

        def stage(self, name: str, total: int | None = None) -> None:
            if self.task is not None:
                bar.update(self.task, completed=bar.tasks[self.task].total or 1)
            self.task = bar.add_task(name, total=total or 1)

        def advance(self, steps: int = 1) -> None:
            if self.task is not None:
                bar.advance(self.task, steps)

    with bar:
        yield Shown()


@cli.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write into (default: the workspace's assessments/schemas).",
)
@click.pass_obj
def schema(state: State, out: Path | None) -> None:
    """Write the JSON Schemas of the file formats, for editors' autocompletion.

    YAML files that start with a line such as
    `# yaml-language-server: $schema=../schemas/questionnaire.schema.json`
    are then checked and completed as you type (VS Code with the YAML extension, and others).

    \b
    Example:
      pmo schema
      pmo schema --out /tmp/schemas
    """
    from .schema import write_schemas
    from .workspace import Layout

    folder = out or Layout(state.root()).schemas
    for path in write_schemas(folder):
        click.echo(f"wrote {path}")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=True, path_type=Path))
@click.option(
    "--with-samples",
    is_flag=True,
    help="Also copy the fictional sample organisations, to try things out.",
)
def init(directory: Path, with_samples: bool) -> None:
    """Create a new workspace in DIRECTORY with the bundled questionnaires and content.

    Keep each client's data in a workspace of its own, outside this tool's source code.
    DIRECTORY must be new or empty.

    \b
    Example:
      pmo init ~/clients/acme
      pmo init /tmp/demo --with-samples && cd /tmp/demo && pmo list
    """
    from .scaffold import init_workspace

    init_workspace(directory, samples=with_samples)
    click.echo(f"Created a workspace in {directory}.")
    if not with_samples:
        click.echo(
            f"Next: cd {directory}, add an organisation with 'pmo new-org ID --name NAME', "
            "collect answers (pmo new-response ID --respondent WHO, or the site's "
            "self-assessment pages), then 'pmo validate' and 'pmo build'."
        )
    else:
        click.echo(f"Next: cd {directory} && pmo list, then pmo score northwind-bank or "
                   "pmo build.")


def questionnaire_option(func: F) -> F:
    return click.option(
        "--questionnaire",
        "questionnaires",
        multiple=True,
        metavar="ID",
        help="Only this questionnaire (repeatable; default: all).",
    )(func)


@cli.command(name="new-org")
@click.argument("org_id", metavar="ID", type=ID)
@click.option("--name", required=True, help="The organisation's name, as reports show it.")
@click.option("--sector", default="", help="Its sector, such as 'Financial services'.")
@click.option("--size", default="", help="Its size, such as 'About 4,200 staff'.")
@click.option("--round", "round_id", type=ID,
              help="The first assessment round's id (default: this quarter, such as 2026-q4).")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]),
              help="The first round's date, YYYY-MM-DD (default: today).")
@click.option("--label", default="", help="The first round's label, such as 'Baseline'.")
@click.option("--force", is_flag=True, help="Replace organisation.yaml if it exists.")
@click.pass_obj
def new_org(state: State, org_id: str, name: str, sector: str, size: str,
            round_id: str | None, day: Any, label: str, force: bool) -> None:
    """Add an organisation: write assessments/orgs/ID/organisation.yaml with its first round.

    The file comes with comments on every key and the roadmap settings that can be added,
    and passes `pmo validate` as it is. An existing file is never replaced without --force.

    \b
    Example:
      pmo new-org acme --name "Acme Ltd" --sector Retail --round 2026-q4 --date 2026-11-30
      pmo new-org acme --name "Acme Ltd" --label Baseline
    """
    import datetime as dt

    from .errors import display_path
    from .organisations import create_organisation, default_round
    from .workspace import Layout

    date = day.date() if day else dt.date.today()
    round_id = round_id or default_round(date)
    path = create_organisation(Layout(state.root()), org_id, name, round_id=round_id,
                               date=date, label=label, sector=sector, size=size, force=force)
    click.echo(f"Wrote {display_path(path)} with round {round_id} ({date.isoformat()}). Next: "
               f"pmo new-response {org_id} --respondent ID, or send respondents the site's "
               "self-assessment pages.")


@cli.command(name="new-round")
@click.argument("org", type=ID)
@click.argument("round_id", metavar="ROUND", type=ID)
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]),
              help="The round's date, YYYY-MM-DD (default: today).")
@click.option("--label", default="", help="A short name, such as 'One year on'.")
@click.pass_obj
def new_round(state: State, org: str, round_id: str, day: Any, label: str) -> None:
    """Add an assessment round to an organisation's organisation.yaml.

    The round is added after the last one; the rest of the file, comments included, is kept
    as it is. A round id the organisation already has is refused.

    \b
    Example:
      pmo new-round northwind-bank 2026-h2 --date 2026-11-16 --label "Two years on"
    """
    import datetime as dt

    from .errors import display_path
    from .organisations import add_round
    from .workspace import Layout

    date = day.date() if day else dt.date.today()
    path = add_round(Layout(state.root()), org, round_id, date, label)
    click.echo(f"Added round {round_id} ({date.isoformat()}) to {display_path(path)}.")


@cli.command(name="new-response")
@click.argument("org", type=ID)
@click.option("--respondent", required=True, type=ID,
              help="The respondent's id, such as alice or r03.")
@click.option("--round", "round_id", type=ID,
              help="The round (default: the organisation's latest).")
@click.option("--role", default="", help="The respondent's role, such as 'PMO lead'.")
@questionnaire_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here (default: assessments/orgs/ORG/ROUND/ID.yaml).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@verbose_option
@click.pass_obj
def new_response(
    state: State,
    org: str,
    respondent: str,
    round_id: str | None,
    role: str,
    questionnaires: tuple[str, ...],
    out: Path | None,
    force: bool,
) -> None:
    """Write a response file to fill in by hand, each question as a commented prompt.

    Each question shows its section, id, level, text, the values it accepts with their
    labels, and its display rule in words; type the answer after the colon. The file
    passes `pmo validate` as it is, with warnings about the unanswered questions. An
    existing file is never replaced without --force.

    \b
    Example:
      pmo new-response northwind-bank --respondent alice --role "PMO lead"
      pmo new-response northwind-bank --respondent r07 --round 2025-h2 --questionnaire pmo-type
    """
    from .errors import display_path
    from .forms.skeleton import create_response

    ws = state.load()
    path, chosen = create_response(
        ws, org, respondent, round_id=round_id, role=role, questionnaire_ids=questionnaires,
        out=out, force=force,
    )
    questions = sum(len(q.questions) for q in chosen)
    click.echo(
        f"Wrote {display_path(path)}: {counted(questions, 'question')} in "
        f"{counted(len(chosen), 'questionnaire')}. Fill it in, then run: "
        f"pmo validate {display_path(path)}"
    )


@cli.command(name="export-form")
@format_option("xlsx")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the form here (default: form[-ORG][-ROUND][-ID].xlsx in this folder).",
)
@click.option("--org", type=ID, help="Fill in this organisation's id on the form.")
@click.option("--round", "round_id", type=ID, help="Fill in this round (needs --org).")
@click.option("--respondent", type=ID, help="Fill in this respondent id.")
@click.option("--role", default="", help="Fill in this role.")
@questionnaire_option
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@verbose_option
@click.pass_obj
def export_form(
    state: State,
    fmt: str,
    out: Path | None,
    org: str | None,
    round_id: str | None,
    respondent: str | None,
    role: str,
    questionnaires: tuple[str, ...],
    force: bool,
) -> None:
    """Write an Excel form to fill in the questionnaires, read back by `pmo import`.

    The first sheet takes the respondent's details and says how to fill in the form; each
    questionnaire has a sheet with one row per question, its guidance, and drop-down lists
    of the answers. Only the answer, evidence, notes and detail cells can be typed in (the
    sheets are protected without a password). An existing file is never replaced without
    --force.

    \b
    Example:
      pmo export-form --org northwind-bank --out northwind-bank-form.xlsx
      pmo export-form --org northwind-bank --round 2025-h2 --respondent alice
      pmo export-form --questionnaire p3o-maturity
    """
    from .errors import display_path
    from .files import write_atomic
    from .forms.questions import select
    from .forms.skeleton import find_round
    from .forms.workbook import Details, form_workbook

    if round_id is not None and org is None:
        raise click.UsageError("--round needs --org: rounds belong to an organisation")
    ws = state.load()
    chosen = select(dict(ws.questionnaires), questionnaires)
    details = Details(respondent=respondent or "", role=role)
    if org is not None:
        organisation = ws.organisation(org)
        rounds = tuple(r.id for r in organisation.rounds_by_date)
        chosen_round = find_round(organisation, round_id).id if round_id else ""
        details = Details(org, chosen_round, respondent or "", role, rounds)
    path = out or Path("-".join(["form", *filter(None, (org, round_id, respondent))]) + ".xlsx")
    if path.exists() and not force:
        raise GeneratorError(
            f"{display_path(path)} already exists (it may hold answers); add --force to "
            "replace it, or choose another file with --out (nothing was written)"
        )
    write_atomic(path, form_workbook(chosen, details))
    click.echo(f"Wrote {display_path(path)}: {', '.join(q.title for q in chosen)}")


@cli.command(name="import")
@click.argument("files", metavar="FILE...", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--org", type=ID, help="The organisation (default: as filled in on the form).")
@click.option("--round", "round_id", type=ID, help="The round (default: as filled in on the form).")
@click.option("--force", is_flag=True, help="Replace response files that already exist.")
@click.option("--dry-run", is_flag=True, help="Check and report, but write nothing.")
@click.option("--skip-invalid", is_flag=True,
              help="File the valid files even if others are invalid (default: nothing is "
              "written while any file is invalid).")
@click.option("--respondent-column", metavar="NAME",
              help="CSV: the column holding respondent ids (default: found by its name).")
@click.option("--date-format", metavar="FORMAT",
              help="CSV: how the date column is written, as a strptime format such as "
              "'%d/%m/%Y' (default: ISO 8601 and the usual formats of survey tools).")
@verbose_option
@click.pass_obj
def import_command(
    state: State,
    files: tuple[Path, ...],
    org: str | None,
    round_id: str | None,
    force: bool,
    dry_run: bool,
    skip_invalid: bool,
    respondent_column: str | None,
    date_format: str | None,
) -> int:
    """File returned answers: response files saved by the self-assessment pages (.yaml),
    filled-in Excel forms (.xlsx) and survey tools' exports (.csv).

    Give one or more files, or folders (such as your Downloads folder: its response files
    and Excel forms are taken, other files left alone). Each file is filed under the
    organisation and round it names, as assessments/orgs/ORG/ROUND/ID[-QUESTIONNAIRE].yaml,
    and reported in one line: filed, already there (identical), would replace a different
    file (add --force), or invalid, with its problems. Nothing is written while any file is
    invalid, unless --skip-invalid. An existing response file is never replaced without
    --force.

    One Excel form or survey export alone is read all or nothing, every problem reported;
    CSV columns are matched to questions by question id or text, answers to options by
    value or label.

    \b
    Example:
      pmo import ~/Downloads
      pmo import r01-p3o-maturity.yaml r02-p3o-maturity.yaml form-acme-r1-r03.xlsx
      pmo import northwind-bank-form.xlsx
      pmo import survey.csv --org northwind-bank --round 2025-h2 --dry-run
    """
    from .forms.importing import FORMATS

    ws = state.load()
    single = files[0] if len(files) == 1 else None
    if single is not None and single.is_file() and single.suffix.casefold() in FORMATS:
        from .forms.importing import import_file

        report = import_file(
            ws, single, org=org, round_id=round_id, force=force, dry_run=dry_run,
            respondent_column=respondent_column, date_format=date_format,
        )
        for problem in report.warnings:
            click.echo(problem.render(), err=True)
        state.warn(report.file_warnings, about="response file")
        click.echo(report.summary())
        return 0
    from .forms.batch import import_files
    from .forms.round_views import batch_lines

    batch = import_files(ws, files, org=org, round_id=round_id, force=force, dry_run=dry_run,
                         skip_invalid=skip_invalid, respondent_column=respondent_column,
                         date_format=date_format)
    for line, to_stderr in batch_lines(batch):
        click.echo(line, err=to_stderr)
    state.warn(batch.file_warnings, about="response file")
    return 0 if batch.ok else 1


@cli.command()
@click.argument("org", type=ID)
@click.option("--round", "round_id", type=ID,
              help="The round (default: the organisation's latest).")
@click.option("--respondents", metavar="ID,...", multiple=True,
              help="Respondent ids to invite, separated by commas or repeated, such as "
              "alice,bob (use pseudonyms if reports must not name people).")
@click.option("--count", type=int, help="Invite N respondents with new pseudonymous ids "
              "(r01, r02 ..., after those the round already has).")
@click.option("--role", default="", help="Their role, filled in on the form, such as "
              "'Project manager'.")
@questionnaire_option
@click.option("--base-url", metavar="URL",
              help="Where the site is published, such as https://pmo.example.com/ "
              "(default: site_url in mkdocs.yml, else http://127.0.0.1:8000/ of pmo serve).")
@click.option("--excel", is_flag=True,
              help="Also write a pre-filled Excel form per respondent, into the round's "
              "forms/ folder.")
@format_option("table", "csv")
@click.pass_obj
def invite(state: State, org: str, round_id: str | None, respondents: tuple[str, ...],
           count: int | None, role: str, questionnaires: tuple[str, ...],
           base_url: str | None, excel: bool, fmt: str) -> None:
    """Invite respondents to a round: a pre-filled self-assessment link for each respondent
    and questionnaire, written to assessments/orgs/ORG/ROUND/invitations.csv.

    A link opens the questionnaire's page with the organisation, round, respondent id and
    role filled in, and nothing about anyone else. Send each respondent their links (or,
    with --excel, their form). Inviting again adds to the round's invitations; `pmo status`
    then shows who has not answered yet.

    \b
    Example:
      pmo invite northwind-bank --count 5 --base-url https://pmo.example.com/
      pmo invite northwind-bank --respondents alice,bob --role Sponsor --excel
      pmo invite northwind-bank --count 3 --questionnaire p3o-maturity --format csv
    """
    import re

    from .forms.invitations import describe, invitations_csv
    from .forms.invitations import invite as invite_respondents
    from .forms.round_views import invite_lines

    ws = state.load()
    ids = [i for given in respondents for i in re.split(r"[\s,]+", given) if i]
    if respondents and not ids:
        raise click.UsageError("--respondents needs at least one id")
    report = invite_respondents(ws, org, round_id=round_id, respondents=ids, count=count,
                                role=role, base=base_url, questionnaire_ids=questionnaires,
                                excel=excel)
    if fmt == "csv":
        new = [i for i in report.invitations if i.respondent in report.new]
        click.echo(invitations_csv(new), nl=False)
        for line in describe(report):
            click.echo(line, err=True)
        return
    titles = {q.id: q.title for q in ws.questionnaires.values()}
    for line in [*invite_lines(report, titles), *describe(report)]:
        click.echo(line)


@cli.command()
@click.argument("org", type=ID)
@click.option("--round", "round_id", type=ID,
              help="The round (default: the organisation's latest).")
@format_option("table", "json")
@click.pass_obj
def status(state: State, org: str, round_id: str | None, fmt: str) -> None:
    """Who has answered a round and how completely, and who has not answered yet.

    Lists every respondent invited (pmo invite) or answering, per questionnaire: whether
    they answered, the share of the questions asked they answered, their don't-knows, and
    when (the response's date, else the day its file last changed).

    \b
    Example:
      pmo status northwind-bank
      pmo status northwind-bank --round 2025-h2 --format json
    """
    import json

    from .forms.round_views import status_json, status_lines, status_table
    from .forms.status import round_status

    ws = state.load()
    result = round_status(ws, org, round_id)
    if fmt == "json":
        click.echo(json.dumps(status_json(result), indent=2, ensure_ascii=False))
        return
    _print(status_table(result))
    for line in status_lines(result):
        click.echo(line)


def _print(renderable: Any) -> None:
    from rich.console import Console

    # soft wrap: long lines (reasons, criteria) stay whole when piped; tables still fit
    Console(highlight=False, soft_wrap=True).print(renderable)


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
