"""How `pmo invite`, `pmo status` and `pmo import FILE...` show what they did: terminal
tables, JSON and one line per file."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from rich.table import Table

from ..errors import display_path
from ..wording import counted
from .batch import BatchReport, FileResult
from .invitations import InviteReport
from .status import Completion, RoundStatus


def invite_lines(report: InviteReport, titles: dict[str, str]) -> list[str]:
    """The links of the respondents invited by this run (earlier ones are in the CSV), one
    block per respondent, each link whole on its line so that it can be copied."""
    lines: list[str] = []
    width = max((len(titles.get(i.questionnaire, i.questionnaire)) for i in report.invitations),
                default=0)
    width = max(width, len("Excel form"))
    seen: set[str] = set()
    for i in report.invitations:
        if i.respondent not in report.new:
            continue
        if i.respondent not in seen:
            seen.add(i.respondent)
            form = next((x.form for x in report.invitations
                         if x.respondent == i.respondent and x.form), "")
            lines.append(i.respondent + (f" ({i.role})" if i.role else ""))
            if form:
                lines.append(f"  {'Excel form':<{width}}  {form}")
        lines.append(f"  {titles.get(i.questionnaire, i.questionnaire):<{width}}  {i.link}")
    return lines


def _share(c: Completion) -> str:
    return "—" if c.share is None else f"{c.share:.0%}"


def status_table(status: RoundStatus) -> Table:
    people = len(status.people)
    table = Table(title=f"{status.organisation}, round {status.round}: "
                  f"{counted(people, 'respondent')}", title_justify="left")
    table.add_column("Respondent", no_wrap=True)
    table.add_column("Questionnaire", no_wrap=True)
    table.add_column("Answered", no_wrap=True)
    table.add_column("Complete", justify="right", no_wrap=True)
    table.add_column("Don't know", justify="right", no_wrap=True)
    table.add_column("When", no_wrap=True)
    for person in status.people:
        for n, c in enumerate(person.questionnaires):
            table.add_row(
                escape(person.respondent) if n == 0 else "",
                escape(c.questionnaire),
                "yes" if c.answered else "[bold]not yet[/]",
                _share(c),
                str(c.dont_know) if c.answered else "—",
                c.when.isoformat() if c.when else "—",
            )
    return table


def status_lines(status: RoundStatus) -> list[str]:
    """The sentence under the table: who is missing."""
    if not status.people:
        return [f"Nobody is invited to round {status.round} and no answers are filed yet: "
                f"invite respondents with 'pmo invite {status.organisation} --count N'."]
    waiting = status.waiting
    answered = sum(1 for p in status.people if any(c.answered for c in p.questionnaires))
    line = f"{answered} of {counted(len(status.people), 'respondent')} answered"
    if not waiting:
        return [line + "; nobody is missing."]
    names = ", ".join(p.respondent if len(p.missing) == len(p.questionnaires)
                      else f"{p.respondent} ({', '.join(p.missing)})" for p in waiting)
    return [f"{line}; not answered yet: {names}."]


def status_json(status: RoundStatus) -> dict[str, Any]:
    return {
        "organisation": status.organisation,
        "round": status.round,
        "respondents": [
            {
                "id": p.respondent,
                "role": p.role,
                "invited": p.invited,
                "questionnaires": [
                    {
                        "id": c.questionnaire,
                        "answered": c.answered,
                        "asked": c.asked,
                        "given": c.given,
                        "share": None if c.share is None else round(c.share, 4),
                        "dont_know": c.dont_know,
                        "date": c.date.isoformat() if c.date else None,
                        "modified": c.modified.isoformat() if c.modified else None,
                        "file": display_path(c.file) if c.file else None,
                    }
                    for c in p.questionnaires
                ],
            }
            for p in status.people
        ],
        "missing": [{"id": p.respondent, "questionnaires": list(p.missing)}
                    for p in status.waiting],
    }


def batch_lines(report: BatchReport) -> list[tuple[str, bool]]:
    """(line, to stderr) for each file and its problems, then the summary."""
    out: list[tuple[str, bool]] = []
    for result in report.results:
        out.append((_file_line(result, report), False))
        out += [(p.render(), True) for p in sorted(result.problems)]
    out.append((_summary(report), False))
    return out


def _where(result: FileResult) -> str:
    folders = sorted({display_path(t.path.parent) + "/" for t in result.targets})
    names = ", ".join(t.path.name for t in result.targets)
    return f"{', '.join(folders)}{names}" if len(result.targets) == 1 else \
        f"{len(result.targets)} responses in {', '.join(folders)}: " \
        + ", ".join(t.respondent for t in result.targets)


def _file_line(result: FileResult, report: BatchReport) -> str:
    source = display_path(result.source)
    status = result.status
    if status == "invalid":
        errors = sum(1 for p in result.problems if p.severity == "error")
        return f"invalid: {source} ({counted(errors, 'error')})"
    if status == "identical":
        if result.same_as is not None:
            return (f"already there: {source} (the same as {display_path(result.same_as)}, "
                    f"as {_where(result)})")
        return f"already there: {source} (identical to {_where(result)})"
    written = any(t in report.written for t in result.targets)
    if status == "replace" and not report.force:
        return f"needs --force: {source} would replace {_where(result)}, which differs"
    verb = "filed" if written else "would file"
    replaced = " (replacing the file there)" if status == "replace" else ""
    return f"{verb}: {source} as {_where(result)}{replaced}"


def _summary(report: BatchReport) -> str:
    parts = []
    if report.dry_run or report.blocked:
        ready = sum(1 for r in report.results
                    if r.status == "filed" or (r.status == "replace" and report.force))
        parts.append(f"Would file {counted(ready, 'file')}")
    else:
        filed = sum(1 for r in report.results if any(t in report.written for t in r.targets))
        parts.append(f"Filed {counted(filed, 'file')}")
    if report.count("identical"):
        parts.append(f"{report.count('identical')} already there")
    if report.count("replace") and not report.force:
        parts.append(f"{report.count('replace')} would replace a different file (add --force)")
    if report.count("invalid"):
        parts.append(f"{report.count('invalid')} invalid")
    if report.ignored:
        parts.append(f"{counted(len(report.ignored), 'other file')} in the folder left alone")
    line = "; ".join(parts) + "."
    if report.dry_run:
        line += " Dry run: nothing was written."
    elif report.blocked:
        line += (" Nothing was written: correct the invalid files, or add --skip-invalid to "
                 "file the valid ones.")
    return line
