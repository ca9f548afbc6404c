"""`pmo import FILE...`: file many returned answers at once, such as a Downloads folder.

Each file is checked on its own and said about in one line: filed, already there (the same
answers are filed already), would replace a different file (needs `force`), or invalid with
its problems. Files are filed under the organisation and round they name:

- a response file saved by a self-assessment page (or written by hand) is copied as it is,
  to `assessments/orgs/ORG/ROUND/RESPONDENT-QUESTIONNAIRE.yaml` (`RESPONDENT.yaml` when it
  answers several questionnaires);
- an Excel form or a survey export is read as `importing` reads it, one response file per
  respondent.

Nothing is written while any file is invalid, unless `skip_invalid` says to file the valid
ones. From a folder, only its response files and Excel forms are taken (files directly in it,
not below); other files are counted and left alone. A survey export is imported only when
named.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..checks import check_answer_set
from ..errors import GeneratorError, Location, Problem, display_path
from ..files import write_atomic
from ..models import AnswerSet
from ..models.responses import AnswerTable
from ..validation import validate
from ..workspace import YAML_SUFFIXES, Workspace
from ..yamlio import YamlProblem, decode, read_yaml
from .importing import FORMATS, plan
from .submissions import Submission

State = Literal["new", "identical", "replace"]
Status = Literal["filed", "identical", "replace", "invalid"]
NOT_A_FORM = "is this a form made by 'pmo export-form'?"


@dataclass(frozen=True)
class Target:
    """One response file to write from a returned file."""

    path: Path
    text: str
    respondent: str
    questionnaires: tuple[str, ...]
    state: State
    organisation: str = ""
    round: str = ""


@dataclass
class FileResult:
    """What became of one returned file."""

    source: Path
    targets: list[Target] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """About the file: errors make it invalid; warnings (columns ignored) are only said."""
    same_as: Path | None = None
    """Another file of this import with the same answers."""

    @property
    def status(self) -> Status:
        if any(p.severity == "error" for p in self.problems):
            return "invalid"
        if all(t.state == "identical" for t in self.targets):
            return "identical"
        if any(t.state == "replace" for t in self.targets):
            return "replace"
        return "filed"


@dataclass(frozen=True)
class BatchReport:
    results: tuple[FileResult, ...]
    written: tuple[Target, ...]
    ignored: tuple[Path, ...]
    """Files in the folders given that are neither response files nor Excel forms."""
    force: bool
    dry_run: bool
    skip_invalid: bool = False
    file_warnings: tuple[Problem, ...] = ()
    """About the response files written, such as questions left unanswered."""

    def count(self, status: Status) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def blocked(self) -> bool:
        """Nothing was written because a file is invalid."""
        return self.count("invalid") > 0 and not self.skip_invalid

    @property
    def ok(self) -> bool:
        return not self.count("invalid") and not (self.count("replace") and not self.force)


def collect(paths: Sequence[Path], ws: Workspace) -> tuple[list[Path], list[Path]]:
    """The files to import from `paths` (folders opened), and those in folders left alone."""
    files: list[Path] = []
    ignored: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.iterdir() if p.is_file()):
                if child.name.startswith(".") or child.name.startswith("~$"):
                    continue
                (files if _looks_returned(child, ws) else ignored).append(child)
        elif path.is_file():
            files.append(path)
        else:
            raise GeneratorError(f"{display_path(path)}: no such file or folder")
    return list(dict.fromkeys(files)), ignored


def _looks_returned(path: Path, ws: Workspace) -> bool:
    """Whether a file found in a folder is a response file or an Excel form of ours."""
    suffix = path.suffix.casefold()
    if suffix in YAML_SUFFIXES:
        try:
            data = read_yaml(path).data
        except (YamlProblem, OSError):
            return False
        return isinstance(data, dict) and "questionnaires" in data and (
            "respondent" in data or "agreed" in data)
    if FORMATS.get(suffix) == "xlsx":
        return _is_form(path)
    return False


def _is_form(path: Path) -> bool:
    from openpyxl import load_workbook

    from .workbook import MARKER

    try:
        book = load_workbook(path, read_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False
    try:
        for sheet in book.worksheets:
            first = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
            if any(isinstance(v, str) and v.startswith(MARKER + " ") for v in first):
                return True
        return False
    finally:
        book.close()


def import_files(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    org: str | None = None,
    round_id: str | None = None,
    force: bool = False,
    dry_run: bool = False,
    skip_invalid: bool = False,
    respondent_column: str | None = None,
    date_format: str | None = None,
) -> BatchReport:
    """Check every returned file, then file the valid ones (see the module docstring)."""
    files, ignored = collect(paths, ws)
    if not files:
        where = ", ".join(display_path(p) for p in paths)
        raise GeneratorError(f"{where}: no response files or Excel forms to import")
    results = []
    for path in files:
        kind = "yaml" if path.suffix.casefold() in YAML_SUFFIXES else FORMATS.get(
            path.suffix.casefold())
        if kind == "yaml":
            results.append(_response_file(ws, path, org, round_id))
        elif kind is not None:
            results.append(_form(ws, path, kind, org, round_id, respondent_column, date_format))
        else:
            results.append(FileResult(path, problems=[Problem(
                Location(path), "expected a response file (.yaml), an Excel form (.xlsx) or a "
                "survey export (.csv)")]))
    _across(results)
    invalid = any(r.status == "invalid" for r in results)
    written: list[Target] = []
    if not dry_run and (skip_invalid or not invalid):
        for result in results:
            if result.status == "invalid":
                continue
            for target in result.targets:
                if target.state == "new" or (target.state == "replace" and force):
                    write_atomic(target.path, target.text)
                    written.append(target)
    warnings = _warnings_about(ws, written)
    return BatchReport(tuple(results), tuple(written), tuple(ignored), force, dry_run,
                       skip_invalid, tuple(warnings))


def _response_file(ws: Workspace, path: Path, org: str | None, round_id: str | None
                   ) -> FileResult:
    """A response file: checked where it is, as `pmo validate` would check it once filed."""
    result = FileResult(path)
    try:
        text = decode(path, path.read_bytes())
        doc = read_yaml(path, text=text)
    except YamlProblem as exc:
        result.problems.append(exc.problem)
        return result
    except OSError as exc:
        result.problems.append(Problem(Location(path), f"cannot read the file: {exc.strerror}"))
        return result
    answer_set, problems = validate(AnswerSet, doc)
    if answer_set is not None:
        problems += check_answer_set(answer_set, doc, ws.questionnaires, ws.organisations,
                                     None, AnswerTable())
    # warnings (such as questions left unanswered) are said about the filed copy, once written
    result.problems += [p for p in problems if p.severity == "error"]
    if answer_set is None or result.status == "invalid":
        return result
    mismatches = [
        Problem(doc.location((key,)), f"the file is for {key} '{name}', not '{given}' ({flag})")
        for given, name, key, flag in ((org, answer_set.organisation, "organisation", "--org"),
                                       (round_id, answer_set.round, "round", "--round"))
        if given is not None and given != name
    ]
    if mismatches:
        result.problems += mismatches
        return result
    who = answer_set.who
    qids = tuple(answer_set.questionnaires)
    name = f"{who}-{qids[0]}.yaml" if len(qids) == 1 else f"{who}.yaml"
    target = ws.layout.orgs / answer_set.organisation / answer_set.round / name
    data = text.encode("utf-8")
    state: State = "new"
    if target.exists():
        state = "identical" if target.read_bytes() == data else "replace"
    location = doc.location(("respondent", "id") if answer_set.respondent else ("agreed",))
    result.problems += _answered_elsewhere(ws, answer_set.organisation, answer_set.round,
                                           answer_set.respondent.id if answer_set.respondent
                                           else None, qids, target, location)
    result.targets.append(Target(target, text, who, qids, state, answer_set.organisation,
                                 answer_set.round))
    return result


def _answered_elsewhere(ws: Workspace, org: str, round_id: str, respondent: str | None,
                        qids: tuple[str, ...], target: Path, where: Location) -> list[Problem]:
    problems = []
    for response in ws.responses_of(org, round_id):
        if (response.respondent == respondent and response.questionnaire in qids
                and response.path.resolve() != target.resolve()):
            who = f"respondent '{respondent}'" if respondent else "the agreed answers"
            problems.append(Problem(where, (
                f"{who} already answered '{response.questionnaire}' for round '{round_id}' in "
                f"{response.located().render()}; remove that answer first, or file this one "
                "by hand")))
    return problems


def _form(ws: Workspace, path: Path, kind: str, org: str | None, round_id: str | None,
          respondent_column: str | None, date_format: str | None) -> FileResult:
    """An Excel form or a survey export, read as `pmo import FILE` reads it."""
    submissions: list[Submission]
    if kind == "xlsx":
        from .xlsx_import import read_form

        submissions, problems = read_form(path, ws.questionnaires)
    else:
        from .csv_import import read_survey

        submissions, problems = read_survey(path, ws.questionnaires, respondent_column,
                                            date_format)
    planned, found = plan(ws, submissions, org=org, round_id=round_id, force=True)
    problems += found
    paths = {p.path for p in planned}
    result = FileResult(path, problems=[p for p in problems
                                        if p.severity == "error" or p.location.path not in paths])
    if result.status == "invalid":
        return result
    if not planned:
        result.problems.append(Problem(Location(path), "holds no answers"))
        return result
    by_respondent = {s.details["respondent"].text: s for s in submissions
                     if "respondent" in s.details}
    for p in planned:
        state: State = "new"
        if p.path.exists():
            state = "identical" if p.path.read_bytes() == p.text.encode("utf-8") else "replace"
        submission = by_respondent.get(p.respondent)
        qids = tuple(submission.answers) if submission is not None else ()
        org_id, round_name = p.path.parent.parent.name, p.path.parent.name
        result.targets.append(Target(p.path, p.text, p.respondent, qids, state, org_id,
                                     round_name))
    return result


def _across(results: list[FileResult]) -> None:
    """Two files of one import that answer the same: the same answers are said once; different
    ones are an error on the later file, since only one can be kept."""
    by_path: dict[Path, tuple[FileResult, Target]] = {}
    by_answer: dict[tuple[str, str, str, str], FileResult] = {}
    for result in results:
        if result.status == "invalid":
            continue
        for target in result.targets:
            first = by_path.get(target.path)
            if first is not None and first[1].text == target.text:
                result.same_as = first[0].source
                result.targets = [t if t is not target else
                                  Target(t.path, t.text, t.respondent, t.questionnaires,
                                         "identical", t.organisation, t.round)
                                  for t in result.targets]
                continue
            if first is not None:
                result.problems.append(Problem(Location(result.source), (
                    f"holds other answers of '{target.respondent}' than "
                    f"{display_path(first[0].source)}, and both would be filed as "
                    f"{display_path(target.path)}; keep the one to file")))
                continue
            clash = next((by_answer[key] for q in target.questionnaires
                          if (key := (target.organisation, target.round, target.respondent, q))
                          in by_answer), None)
            if clash is not None and clash is not result:
                result.problems.append(Problem(Location(result.source), (
                    f"'{target.respondent}' also answers the same questionnaire in "
                    f"{display_path(clash.source)}; keep one of the two")))
                continue
            by_path[target.path] = (result, target)
            for q in target.questionnaires:
                by_answer[(target.organisation, target.round, target.respondent, q)] = result


def _warnings_about(ws: Workspace, written: list[Target]) -> list[Problem]:
    """What `pmo validate` would warn about in the files just written (unanswered questions)."""
    from .importing import verify

    out: list[Problem] = []
    for target in written:
        out += [p for p in verify(ws, target.path, target.text) if p.severity != "error"]
    return out
