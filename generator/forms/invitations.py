"""`pmo invite`: one self-assessment link per respondent and questionnaire, for a round.

A link opens the questionnaire's page on the published site with the organisation, round,
respondent id and role filled in (`?organisation=acme&round=2026-h1&respondent=r01`), and
nothing else: no other respondent's id, role or answers. With `excel`, each respondent also
gets an Excel form with the same details filled in.

The invitations of a round are kept in `assessments/orgs/ORG/ROUND/invitations.csv`, one row
per respondent and questionnaire, so that `pmo status` knows who has not answered yet.
Inviting again adds to the file; a respondent already invited keeps their row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlencode

from ..errors import GeneratorError, display_path
from ..files import write_atomic
from ..models import Organisation, Round
from ..models.common import identifier_problem
from ..workspace import Layout, Workspace
from ..yamlio import read_mkdocs_config
from .questions import select
from .skeleton import find_round
from .workbook import Details, form_workbook

INVITATIONS_FILE = "invitations.csv"
FORMS_FOLDER = "forms"
"""Below the round's folder: the pre-filled Excel forms to send."""
LOCAL_SITE = "http://127.0.0.1:8000/"
"""The default base address when mkdocs.yml has no `site_url`: `pmo serve`'s preview."""
COLUMNS = ("respondent", "role", "questionnaire", "link", "form", "invited")
PSEUDONYM = re.compile(r"^r(\d+)$")
MAX_COUNT = 500


@dataclass(frozen=True)
class Invitation:
    """One respondent invited to answer one questionnaire."""

    respondent: str
    role: str
    questionnaire: str
    link: str
    form: str = ""
    """The Excel form's path, relative to the workspace, when one was made."""
    invited: dt.date | None = None


@dataclass(frozen=True)
class InviteReport:
    """What `pmo invite` made: every invitation of the round, the new ones marked."""

    path: Path
    """The round's invitations.csv."""
    invitations: tuple[Invitation, ...]
    new: frozenset[str]
    """Respondent ids invited by this run."""
    forms: tuple[Path, ...]
    """Excel forms written by this run."""


def base_url(layout: Layout, given: str | None) -> str:
    """The address the site is published at: `given`, else mkdocs.yml's `site_url`, else the
    local preview of `pmo serve`; always ending in `/`."""
    url = given
    if url is None:
        config = layout.root / "mkdocs.yml"
        url = str(read_mkdocs_config(config).get("site_url") or "") if config.is_file() else ""
        url = url or LOCAL_SITE
    if not re.match(r"^(https?|file)://", url):
        raise GeneratorError(f"--base-url '{url}': expected an address starting with "
                             "https:// or http://, such as https://pmo.example.com/")
    return url if url.endswith("/") else url + "/"


def survey_link(base: str, org: str, round_id: str, respondent: str, role: str,
                questionnaire: str) -> str:
    """The address of `questionnaire`'s page with the respondent's own details filled in."""
    query = {"organisation": org, "round": round_id, "respondent": respondent}
    if role:
        query["role"] = role
    return f"{base}surveys/{questionnaire}/?{urlencode(query)}"


def invitations_path(layout: Layout, org: str, round_id: str) -> Path:
    return layout.orgs / org / round_id / INVITATIONS_FILE


def read_invitations(path: Path) -> list[Invitation]:
    """The invitations in a round's file ([] when there is none)."""
    if not path.is_file():
        return []
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""))
    out = []
    for row in rows:
        if not row.get("respondent") or not row.get("questionnaire"):
            continue
        day = row.get("invited") or ""
        try:
            invited = dt.date.fromisoformat(day) if day else None
        except ValueError:
            invited = None
        out.append(Invitation(row["respondent"], _uncell(row.get("role") or ""),
                              row["questionnaire"],
                              row.get("link") or "", row.get("form") or "", invited))
    return out


def invitations_csv(invitations: Sequence[Invitation]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for i in invitations:
        writer.writerow([_cell(i.respondent), _cell(i.role), i.questionnaire, i.link, i.form,
                         i.invited.isoformat() if i.invited else ""])
    return buffer.getvalue()


def _cell(text: str) -> str:
    """Neutralise spreadsheet formulas (`=`, `+`, `-`, `@` at the start)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def _uncell(text: str) -> str:
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def pseudonyms(count: int, taken: set[str]) -> list[str]:
    """`count` new ids r01, r02 ... after the highest `rNN` already taken."""
    if not 1 <= count <= MAX_COUNT:
        raise GeneratorError(f"--count {count}: expected 1 to {MAX_COUNT}")
    numbers = [int(m.group(1)) for t in taken if (m := PSEUDONYM.match(t))]
    first = max(numbers, default=0) + 1
    width = max(2, len(str(first + count - 1)))
    return [f"r{n:0{width}d}" for n in range(first, first + count)]


def invite(
    ws: Workspace,
    org_id: str,
    *,
    round_id: str | None = None,
    respondents: Sequence[str] = (),
    count: int | None = None,
    role: str = "",
    base: str | None = None,
    questionnaire_ids: Sequence[str] = (),
    excel: bool = False,
    today: dt.date | None = None,
) -> InviteReport:
    """Invite respondents to a round; write the round's invitations.csv (and Excel forms)."""
    org = ws.organisation(org_id)
    round_ = find_round(org, round_id)
    chosen = select(dict(ws.questionnaires), questionnaire_ids)
    url = base_url(ws.layout, base)
    path = invitations_path(ws.layout, org.id, round_.id)
    existing = read_invitations(path)
    answered = {r.respondent for r in ws.responses_of(org.id, round_.id) if r.respondent}
    ids = _ids(respondents, count, {i.respondent for i in existing} | answered)
    day = today or dt.date.today()
    forms: list[Path] = []
    kept = {(i.respondent, i.questionnaire): i for i in existing}
    for respondent in ids:
        form = ""
        if excel:
            target = _form_path(ws.layout, org, round_, respondent)
            write_atomic(target, form_workbook(chosen, Details(
                org.id, round_.id, respondent, role, tuple(r.id for r in org.rounds_by_date))))
            forms.append(target)
            form = target.relative_to(ws.layout.root).as_posix()
        for q in chosen:
            before = kept.get((respondent, q.id))
            link = survey_link(url, org.id, round_.id, respondent, role, q.id)
            if before is not None:  # invited again: new link and role, first invitation date
                kept[(respondent, q.id)] = replace(before, role=role or before.role,
                                                   link=link, form=form or before.form)
            else:
                kept[(respondent, q.id)] = Invitation(respondent, role, q.id, link, form, day)
    invitations = tuple(kept.values())
    write_atomic(path, invitations_csv(invitations))
    return InviteReport(path, invitations, frozenset(ids), tuple(forms))


def _ids(respondents: Sequence[str], count: int | None, taken: set[str]) -> list[str]:
    if bool(respondents) == (count is not None):
        raise GeneratorError("say whom to invite: --respondents ID... or --count N")
    if count is not None:
        return pseudonyms(count, taken)
    for respondent in respondents:
        problem = identifier_problem(respondent)
        if problem:
            raise GeneratorError(f"respondent id '{respondent}': {problem}, such as alice or r03")
    return list(dict.fromkeys(respondents))


def _form_path(layout: Layout, org: Organisation, round_: Round, respondent: str) -> Path:
    return (layout.orgs / org.id / round_.id / FORMS_FOLDER /
            f"form-{org.id}-{round_.id}-{respondent}.xlsx")


def describe(report: InviteReport) -> list[str]:
    """One line on what was written, for the command's output."""
    people = len({i.respondent for i in report.invitations})
    lines = [f"Wrote {display_path(report.path)}: {len(report.new)} respondent"
             f"{'s' if len(report.new) != 1 else ''} invited now, {people} in the round."]
    if report.forms:
        lines.append(f"Wrote {len(report.forms)} Excel form{'s' if len(report.forms) != 1 else ''}"
                     f" in {display_path(report.forms[0].parent)}/.")
    return lines
