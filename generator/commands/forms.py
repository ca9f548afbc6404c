"""Collecting answers: `pmo new-response`, `export-form`, `import`, `invite` and `status`."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import GeneratorError
from ..wording import counted
from .shared import (
    ID,
    State,
    format_option,
    questionnaire_option,
    show,
    verbose_option,
)


@click.command(name="new-response")
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
    from ..errors import display_path
    from ..forms.skeleton import create_response

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


@click.command(name="export-form")
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
    from ..errors import display_path
    from ..files import write_atomic
    from ..forms.questions import select
    from ..forms.skeleton import find_round
    from ..forms.workbook import Details, form_workbook

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


@click.command(name="import")
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
    from ..forms.importing import FORMATS

    ws = state.load()
    single = files[0] if len(files) == 1 else None
    if single is not None and single.is_file() and single.suffix.casefold() in FORMATS:
        from ..forms.importing import import_file

        report = import_file(
            ws, single, org=org, round_id=round_id, force=force, dry_run=dry_run,
            respondent_column=respondent_column, date_format=date_format,
        )
        for problem in report.warnings:
            click.echo(problem.render(), err=True)
        state.warn(report.file_warnings, about="response file")
        click.echo(report.summary())
        return 0
    from ..forms.batch import import_files
    from ..forms.round_views import batch_lines

    batch = import_files(ws, files, org=org, round_id=round_id, force=force, dry_run=dry_run,
                         skip_invalid=skip_invalid, respondent_column=respondent_column,
                         date_format=date_format)
    for line, to_stderr in batch_lines(batch):
        click.echo(line, err=to_stderr)
    state.warn(batch.file_warnings, about="response file")
    return 0 if batch.ok else 1


@click.command()
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

    from ..forms.invitations import describe, invitations_csv
    from ..forms.invitations import invite as invite_respondents
    from ..forms.round_views import invite_lines

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


@click.command()
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

    from ..forms.round_views import status_json, status_lines, status_table
    from ..forms.status import round_status

    ws = state.load()
    result = round_status(ws, org, round_id)
    if fmt == "json":
        click.echo(json.dumps(status_json(result), indent=2, ensure_ascii=False))
        return
    show(status_table(result))
    for line in status_lines(result):
        click.echo(line)
