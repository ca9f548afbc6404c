"""`pmo import`: check filled-in forms and survey exports, then write response files.

All or nothing: every submission is read and checked, every problem is collected, and files
are written only when there is no error. The answers are matched to option values, checked
against N/A and don't-know settings and display rules, and the finished files are checked
again by the same code as `pmo validate`, so an import never writes a file it would reject.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..checks import check_answer_set
from ..errors import GeneratorError, InputError, Location, Problem, display_path
from ..files import write_atomic
from ..models import AnswerSet
from ..models.responses import AnswerTable
from ..validation import validate
from ..workspace import Workspace
from ..yamlio import YamlProblem, read_yaml
from .resolve import missing, resolve
from .responses import ResponseData, response_path, response_yaml, schema_reference
from .submissions import Submission

FORMATS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv", ".txt": "csv", ".tsv": "csv"}


@dataclass(frozen=True)
class Planned:
    """A response file to write."""

    path: Path
    text: str
    respondent: str
    replaces: bool
    """Whether a file is already there (only with --force)."""


@dataclass(frozen=True)
class ImportReport:
    """What an import wrote, or would write with `--dry-run`."""

    source: Path
    files: tuple[Planned, ...]
    warnings: tuple[Problem, ...]
    """About the source: columns ignored, ids changed."""
    written: bool
    file_warnings: tuple[Problem, ...] = ()
    """About the response files written, such as questions left unanswered."""

    def summary(self) -> str:
        folders = sorted({display_path(p.path.parent) + "/" for p in self.files})
        count = len(self.files)
        noun = "response" if count == 1 else "responses"
        verb = "Imported" if self.written else "Would import"
        replaced = sum(p.replaces for p in self.files)
        who = ", ".join(p.respondent for p in self.files)
        return (
            f"{verb} {count} {noun} into {', '.join(folders)}: {who}"
            + (f" ({replaced} replaced)" if replaced else "")
            + ("" if self.written else " (dry run: nothing was written)")
        )


def import_file(
    ws: Workspace,
    path: Path,
    *,
    org: str | None = None,
    round_id: str | None = None,
    force: bool = False,
    dry_run: bool = False,
    respondent_column: str | None = None,
    date_format: str | None = None,
) -> ImportReport:
    """Import the form or survey export at `path`; raise `InputError` with every problem.

    `date_format` (a `strptime` format) reads a survey export's dates that are not in one of
    the usual formats, or whose order of day and month the column leaves open.
    """
    kind = FORMATS.get(path.suffix.casefold())
    if kind is None:
        raise GeneratorError(
            f"{display_path(path)}: expected a workbook from 'pmo export-form' (.xlsx) or a "
            "survey export (.csv)"
        )
    if kind == "xlsx":
        from .xlsx_import import read_form

        submissions, problems = read_form(path, ws.questionnaires)
    else:
        from .csv_import import read_survey

        submissions, problems = read_survey(path, ws.questionnaires, respondent_column,
                                            date_format)
    files, found = plan(ws, submissions, org=org, round_id=round_id, force=force)
    problems += found
    written = {planned.path for planned in files}
    # what the files to write would be warned about (such as unanswered questions) is said
    # once they exist; beside an error it would only hide it
    outcome = [p for p in problems if p.severity == "error" or p.location.path not in written]
    if _errors(problems):
        raise InputError(outcome)
    if not files:
        raise GeneratorError(f"{display_path(path)} holds no answers; nothing was written")
    if not dry_run:
        for planned in files:
            write_atomic(planned.path, planned.text)
    return ImportReport(path, tuple(files), tuple(sorted(outcome)), written=not dry_run,
                        file_warnings=tuple(sorted(set(problems) - set(outcome))))


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def plan(
    ws: Workspace,
    submissions: list[Submission],
    *,
    org: str | None = None,
    round_id: str | None = None,
    force: bool = False,
) -> tuple[list[Planned], list[Problem]]:
    """The files to write for `submissions`, and every problem with them.

    A submission with unreadable answers still takes part in the checks across submissions
    (duplicate respondents), so that one run reports everything.
    """
    problems = missing(submissions, org, round_id)
    resolved: list[tuple[Submission, ResponseData]] = []
    for submission in submissions:
        data, found = resolve(ws, submission, org, round_id)
        problems += found
        if data is not None:
            resolved.append((submission, data))
    problems += _duplicates(resolved)
    if _errors(problems):
        return [], problems
    files = []
    for submission, data in resolved:
        path = response_path(ws.layout, data.organisation, data.round, data.respondent)
        conflicts = _conflicts(ws, submission, data, path, force)
        problems += conflicts
        text = response_yaml(data, _header(submission), schema_reference(ws.layout, path))
        problems += verify(ws, path, text)  # warnings here are about the files to write
        files.append(Planned(path, text, data.respondent, replaces=path.exists()))
    return files, problems


def _header(submission: Submission) -> str:
    source = submission.source.path.name
    return f"Imported by 'pmo import' from {source}."


def _duplicates(resolved: list[tuple[Submission, ResponseData]]) -> list[Problem]:
    first: dict[tuple[str, str, str], Location] = {}
    problems = []
    for submission, data in resolved:
        key = (data.organisation, data.round, data.respondent.casefold())  # one file name
        cell = submission.details["respondent"]
        if key in first:
            problems.append(
                Problem(
                    cell.location,
                    f"respondent '{data.respondent}' appears "
                    f"twice, also at {first[key].render()}; give each "
                    "respondent an id of their own",
                )
            )
        else:
            first[key] = cell.location
    return problems


def _conflicts(
    ws: Workspace, submission: Submission, data: ResponseData, path: Path, force: bool
) -> list[Problem]:
    problems = []
    if path.exists() and not force:
        problems.append(
            Problem(
                Location(path),
                f"already exists, and would be replaced by the "
                f"answers of '{data.respondent}' from "
                f"{display_path(submission.source.path)}; add --force to "
                "replace it",
            )
        )
    cell = submission.details["respondent"]
    for response in ws.responses_of(data.organisation, data.round):
        if (
            response.respondent == data.respondent
            and response.questionnaire in data.questionnaires
            and response.path.resolve() != path.resolve()
        ):
            problems.append(
                Problem(
                    cell.location,
                    f"respondent '{data.respondent}' already "
                    f"answered '{response.questionnaire}' for round "
                    f"'{data.round}' in {response.located().render()}; use "
                    "another id, or remove that answer first",
                )
            )
    return problems


def verify(ws: Workspace, path: Path, text: str) -> list[Problem]:
    """Check a response file's text as `pmo validate` would check it at `path`."""
    try:
        doc = read_yaml(path, text=text)
    except YamlProblem as exc:
        return [exc.problem]
    answer_set, problems = validate(AnswerSet, doc)
    if answer_set is None:
        return problems
    folder = ws.layout.org_folder_of(path)
    return problems + check_answer_set(
        answer_set, doc, ws.questionnaires, ws.organisations, folder, AnswerTable()
    )
