"""Read a survey tool's CSV export (one row per respondent) into `Submission`s.

Each column header is matched to a question, in this order:

1. a respondent detail, by its usual names (`Respondent`, `Email`, `Role`, `Timestamp` ...),
   or the column named by `--respondent-column`;
2. a question id: the whole header, the id at the start (`GOV-2-1. Every project ...`) or
   the id in brackets anywhere (`Every project ... [GOV-2-1]`);
3. the question's text, ignoring case, spacing and punctuation; the longest text found in
   the header wins.

What remains of the header then says which point of view the column answers (the view's id,
`current` or `target`, or its label), or that it holds `evidence` or `notes`. A column that
matches nothing is reported as a warning and ignored.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import Location, Problem
from ..models import Question, Questionnaire
from ..yamlio import YamlProblem, decode
from .dates import read_dates
from .questions import normalise
from .submissions import EVIDENCE, NOTES, Cell, Submission

DETAIL_NAMES = {
    "respondent": (
        "respondent id",
        "respondent",
        "respondentid",
        "response id",
        "responseid",
        "participant id",
        "participant",
        "email address",
        "email",
        "e mail",
        "your email",
        "name",
        "your name",
        "full name",
        "id",
    ),
    "role": ("role", "your role", "job role", "job title", "position"),
    "date": (
        "date",
        "timestamp",
        "submitted",
        "submitted at",
        "submission date",
        "date submitted",
        "completion time",
        "completed",
        "end date",
        "end time",
        "recorded date",
    ),
    "organisation": ("organisation", "organization", "organisation id", "organization id"),
    "round": ("round", "assessment round", "round id"),
}
"""Usual header names of each detail column, the preferred name first."""
METADATA_NAMES = frozenset({
    "collector id", "start date", "start time", "ip address", "ipaddress", "first name",
    "last name", "custom data", "custom data 1", "status", "progress", "duration",
    "duration in seconds", "finished", "responseid", "recipientlastname",
    "recipientfirstname", "recipientemail", "externalreference", "externaldatareference",
    "locationlatitude", "locationlongitude", "distributionchannel", "userlanguage", "startdate",
    "enddate", "recordeddate", "last modified time", "language",
})
"""Columns survey tools add that say nothing about the answers (SurveyMonkey, Microsoft
Forms, Qualtrics); they are ignored without a warning. Names and addresses are personal data
and are never copied into a response file."""
SUBHEADER_WORDS = frozenset({"response", "open ended response", "other please specify"})
"""What SurveyMonkey's second header row says under a column that is not a matrix row."""
FIELD_WORDS = {EVIDENCE: ("evidence",), NOTES: ("notes", "note", "comments", "comment")}
DELIMITERS = (",", ";", "\t")
_BRACKETED = re.compile(r"[\[(]\s*([A-Za-z0-9][A-Za-z0-9_.-]*)\s*[\])]")


@dataclass(frozen=True)
class Target:
    """What a column holds: a detail, or one field of one question's answer."""

    detail: str = ""
    questionnaire: str = ""
    question: str = ""
    field: str = ""


def read_survey(
    path: Path,
    questionnaires: Mapping[str, Questionnaire],
    respondent_column: str | None = None,
    date_format: str | None = None,
) -> tuple[list[Submission], list[Problem]]:
    """One submission per non-empty row of the CSV file at `path`, and every problem.

    `date_format` is a `strptime` format for the date column; by default the usual formats of
    survey tools are recognised (see `generator.forms.dates`).
    """
    try:
        text = decode(path, path.read_bytes())
    except YamlProblem as exc:
        return [], [exc.problem]
    records = _records(text)
    if not records:
        return [], [
            Problem(
                Location(path),
                "the file is empty; expected a header row and one row per respondent",
            )
        ]
    records = _merge_header_rows(records, questionnaires, respondent_column)
    (_, header), rows = records[0], records[1:]
    targets, problems = _columns(path, records, questionnaires, respondent_column)
    submissions = []
    for line, fields in rows:
        if not any(f.strip() for f in fields):
            continue
        submission, found = _submission(path, line, header, fields, targets, questionnaires)
        problems += found
        if submission is not None:
            submissions.append(submission)
    problems += read_dates(submissions, date_format)
    return submissions, problems


def _merge_header_rows(
    records: list[tuple[int, list[str]]],
    questionnaires: Mapping[str, Questionnaire],
    respondent_column: str | None,
) -> list[tuple[int, list[str]]]:
    """One header row, where the export has two (SurveyMonkey: the question's text, then a
    row saying `Response`, or naming each row of a matrix question, such as a view's label).

    The second row is recognised by an empty respondent cell and a word SurveyMonkey writes
    there, or a point of view's label. Each column's header becomes the question's text (from
    the nearest header to its left, as a matrix question's text spans its rows) followed by
    its second-row label. Qualtrics' row of import ids (`{"ImportId": ...}`) is dropped.
    """
    records = [r for r in records if not _import_ids(r[1])]
    if len(records) < 2:
        return records
    (line, first), (_, second) = records[0], records[1]
    respondent = next((n for n, d in _detail_columns(first, respondent_column).items()
                       if d == "respondent"), None)
    views = {normalise(v) for q in questionnaires.values() if len(q.views) > 1
             for pair in q.views.items() for v in pair}
    words = {normalise(cell) for cell in second if cell.strip()}
    if (respondent is None or respondent >= len(second) or second[respondent].strip()
            or not words & (SUBHEADER_WORDS | views)):
        return records
    merged, above = [], ""
    for number, name in enumerate(first):
        above = name if name.strip() else above
        below = second[number].strip() if number < len(second) else ""
        if not below or normalise(below) in SUBHEADER_WORDS:
            merged.append(name)
        else:
            merged.append(f"{above} [{below}]" if not name.strip() or name == above else
                          f"{name} [{below}]")
    return [(line, merged), *records[2:]]


def _import_ids(fields: list[str]) -> bool:
    return any(f.strip().startswith('{"ImportId"') for f in fields)


def _records(text: str) -> list[tuple[int, list[str]]]:
    """(line where the record starts, fields) for each record, blank lines left out."""
    first = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=lambda d: len(next(csv.reader([first], delimiter=d))))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out, line = [], 1
    for fields in reader:
        if fields:
            out.append((line, fields))
        line = reader.line_num + 1
    return out


def _columns(
    path: Path,
    records: list[tuple[int, list[str]]],
    questionnaires: Mapping[str, Questionnaire],
    respondent_column: str | None,
) -> tuple[list[Target | None], list[Problem]]:
    """What each column holds (None: nothing to read), and the problems with the headers."""
    header = records[0][1]
    details = _detail_columns(header, respondent_column)
    problems = _respondent_problems(path, header, details, respondent_column)
    targets: list[Target | None] = [None] * len(header)
    index = _Index(questionnaires)
    seen: dict[Target, int] = {}
    for number, name in enumerate(header):
        where = Location(path, 1, number + 1, _display(name))
        if number in details:
            targets[number] = Target(detail=details[number])
            continue
        words = normalise(name)
        if (words in METADATA_NAMES or words.startswith("custom data ")
                or words in DETAIL_NAMES["respondent"]):  # another respondent column: not read
            continue
        target, message = index.match(name) if name.strip() else (None, "")
        if message:
            problems.append(Problem(where, message))
        elif target is None:
            if _used(records, number):
                problems.append(Problem(where, _ignored(name, questionnaires), "warning"))
        elif target in seen:
            first = seen[target]
            problems.append(
                Problem(
                    where,
                    f"answers the same question as column {first + 1} ({_display(header[first])})",
                )
            )
        else:
            seen[target] = number
            targets[number] = target
    return targets, problems


def _ignored(name: str, questionnaires: Mapping[str, Questionnaire]) -> str:
    if not name.strip():
        return "the column has no header; its values are ignored"
    return f"matches no question of {', '.join(questionnaires)}; the column is ignored"


def _used(records: list[tuple[int, list[str]]], number: int) -> bool:
    """Whether the column has a header or a value in any row."""
    return any(number < len(fields) and fields[number].strip() for _, fields in records)


def _respondent_problems(
    path: Path, header: list[str], details: dict[int, str], respondent_column: str | None
) -> list[Problem]:
    if "respondent" in details.values():
        return []
    if respondent_column is not None:
        message = (
            f"no column '{respondent_column}' (--respondent-column); the columns are: "
            f"{', '.join(header)}"
        )
    else:
        names = ", ".join(f"'{n}'" for n in DETAIL_NAMES["respondent"][:4])
        message = f"no respondent column (such as {names}); name it with --respondent-column"
    return [Problem(Location(path, 1, 1), message)]


def _detail_columns(header: list[str], respondent_column: str | None) -> dict[int, str]:
    """Column number → detail, the first of each detail's names found winning."""
    names = [normalise(h) for h in header]
    out: dict[int, str] = {}
    for detail, usual in DETAIL_NAMES.items():
        wanted = usual
        if detail == "respondent" and respondent_column is not None:
            wanted = (normalise(respondent_column),)
        for name in wanted:
            if name in names and names.index(name) not in out:
                out[names.index(name)] = detail
                break
    return out


class _Index:
    """Finds the question (and view or field) a header names."""

    def __init__(self, questionnaires: Mapping[str, Questionnaire]) -> None:
        self.questionnaires = questionnaires
        self.ids: dict[str, list[tuple[Questionnaire, Question]]] = {}
        self.texts: list[tuple[str, Questionnaire, Question]] = []
        for q in questionnaires.values():
            for question in q.questions.values():
                self.ids.setdefault(question.id.casefold(), []).append((q, question))
                self.texts.append((normalise(question.text), q, question))
        self.by_length = sorted(self.ids, key=len, reverse=True)
        self.texts.sort(key=lambda item: len(item[0]), reverse=True)

    def match(self, header: str) -> tuple[Target | None, str]:
        """The target of a header, or None; and an error message when it is ambiguous."""
        found = self._by_id(header) or self._by_text(header)
        if found is None:
            return None, ""
        matches, rest = found
        if len(matches) > 1:
            names = ", ".join(q.id for q, _ in matches)
            return None, f"names a question of several questionnaires ({names}); ambiguous"
        q, question = matches[0]
        return self._field(q, question, rest)

    def _by_id(self, header: str) -> tuple[list[tuple[Questionnaire, Question]], str] | None:
        folded = header.strip().casefold()
        for key in self.by_length:
            after = folded[len(key) : len(key) + 1]
            if folded.startswith(key) and not after.isalnum():
                return self.ids[key], header.strip()[len(key) :]
        for match in _BRACKETED.finditer(header):
            key = match.group(1).casefold()
            if key in self.ids:
                return self.ids[key], header[: match.start()] + " " + header[match.end() :]
        return None

    def _by_text(self, header: str) -> tuple[list[tuple[Questionnaire, Question]], str] | None:
        padded = f" {normalise(header)} "
        for text, _, _ in self.texts:
            if text and f" {text} " in padded:
                same = [(q, question) for t, q, question in self.texts if t == text]
                return same, padded.replace(f" {text} ", " ", 1)
        return None

    def _field(self, q: Questionnaire, question: Question, rest: str) -> tuple[Target | None, str]:
        words = f" {normalise(rest)} "
        for name, usual in FIELD_WORDS.items():
            if any(f" {w} " in words for w in usual):
                return Target(questionnaire=q.id, question=question.id, field=name), ""
        if len(q.views) == 1:
            return Target(questionnaire=q.id, question=question.id, field=q.view_ids[0]), ""
        named = [
            (len(n), view)
            for view, label in q.views.items()
            for n in (normalise(view), normalise(label))
            if f" {n} " in words
        ]
        if not named:
            views = " or ".join(f"'{v}'" for v in q.views)
            return None, (
                f"{question.id} is answered for {len(q.views)} points of view; say "
                f"which in the header: add {views}, or the view's label"
            )
        return Target(questionnaire=q.id, question=question.id, field=max(named)[1]), ""


def _submission(
    path: Path,
    line: int,
    header: list[str],
    fields: list[str],
    targets: list[Target | None],
    questionnaires: Mapping[str, Questionnaire],
) -> tuple[Submission | None, list[Problem]]:
    problems: list[Problem] = []
    submission = Submission(source=Location(path, line, 1))
    for number, value in enumerate(fields):
        where = Location(
            path, line, number + 1, _display(header[number]) if number < len(header) else ""
        )
        if number >= len(targets):
            if value.strip():
                problems.append(
                    Problem(
                        where,
                        f"field {number + 1} has no column header; "
                        "the row has more fields than the header",
                    )
                )
            continue
        target = targets[number]
        if target is None:
            continue
        if target.detail:
            submission.places[target.detail] = where
        if not value.strip():
            continue
        cell = Cell(value, where)
        if target.detail:
            submission.details[target.detail] = cell
        else:
            submission.add(target.questionnaire, target.question, target.field, cell)
            submission.versions[target.questionnaire] = questionnaires[target.questionnaire].version
    if not submission.answers:
        problems.append(
            Problem(Location(path, line, 1), "the row has no answers; it is skipped", "warning")
        )
        return None, problems
    return submission, problems


def _display(header: str) -> str:
    return " ".join(header.split())
