"""`pmo new-org` and `pmo new-round`: an organisation's file written, and rounds added to it.

The file is written with comments that say what each key is for and what can be added, so
that a consultant can go on by hand. Every text is checked as `pmo validate` would check it
before anything is written, and an existing file is replaced only when asked.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from yaml.nodes import MappingNode, SequenceNode

from .checks import check_organisation
from .errors import GeneratorError, InputError, display_path
from .files import write_atomic
from .forms.responses import scalar
from .models import Organisation
from .validation import validate
from .workspace import ORGANISATION_FILE, Layout
from .yamlio import YamlProblem, read_yaml

SCHEMA_FILE = "organisation.schema.json"


def default_round(today: dt.date) -> str:
    """A round id for an assessment starting today, such as `2026-q4`."""
    return f"{today.year}-q{(today.month - 1) // 3 + 1}"


def organisation_text(
    org_id: str,
    name: str,
    *,
    round_id: str,
    date: dt.date,
    label: str = "",
    sector: str = "",
    size: str = "",
    schema: str | None = None,
) -> str:
    """The text of a new, commented `organisation.yaml`."""
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines += [
        "# An organisation assessed in this workspace. The keys are described in the site's",
        "# reference pages (Reference > Organisation format); check the file with 'pmo validate'.",
        f"id: {scalar(org_id)}  # the folder's name; answer files give it as 'organisation:'",
        f"name: {scalar(name)}",
        f"sector: {scalar(sector)}" if sector else 'sector: ""  # such as Financial services',
        f"size: {scalar(size)}" if size else 'size: ""  # such as About 4,200 staff',
        "# Staff, live projects and programmes, and business units or sites in the office's",
        "# scope, which size the effort of the roadmap's actions:",
        "# sizing: {staff: 4200, initiatives: 45, units: 5}",
        "# description: >-",
        "#   Context for the assessors and the report: structure, the office's history, why it",
        "#   is being assessed.",
        "rounds:",
        f"  # Answer files of a round go in assessments/orgs/{org_id}/<round id>/; add a round",
        f"  # with: pmo new-round {org_id} ROUND --date YYYY-MM-DD",
        *_round_lines(round_id, date, label, "  "),
        "# Roadmap settings; remove the '#' of a line to change the default it shows.",
        "# roadmap:",
        "#   targets: {governance: 3}  # target level by perspective; the others default from",
        "#                             # the PMO type and operating model the organisation needs",
        "#   capacity: 20   # person-days a month for improvement work",
        "#   horizon: 18    # months the roadmap may span",
        "#   start: 2027-01-01  # default: the first day of the month after the round",
        "#   excluded: []   # actions never to plan, such as work already under way",
        "#   pinned: []     # actions to plan whatever the gaps say",
    ]
    return "\n".join(lines) + "\n"


def _round_lines(round_id: str, date: dt.date, label: str, indent: str) -> list[str]:
    lines = [f"{indent}- id: {scalar(round_id)}", f"{indent}  date: {date.isoformat()}"]
    if label:
        lines.append(f"{indent}  label: {scalar(label)}")
    return lines


def create_organisation(
    layout: Layout,
    org_id: str,
    name: str,
    *,
    round_id: str,
    date: dt.date,
    label: str = "",
    sector: str = "",
    size: str = "",
    force: bool = False,
) -> Path:
    """Write `assessments/orgs/ORG/organisation.yaml`; return its path.

    Refuses to replace an existing file unless `force`; nothing is written on any error.
    """
    path = layout.orgs / org_id / ORGANISATION_FILE
    if path.exists() and not force:
        raise GeneratorError(
            f"{display_path(path)} already exists; add --force to replace it, or add a round "
            f"with 'pmo new-round {org_id} ROUND --date YYYY-MM-DD' (nothing was written)"
        )
    text = organisation_text(org_id, name, round_id=round_id, date=date, label=label,
                             sector=sector, size=size, schema=_schema(layout, path))
    _check(path, text)
    write_atomic(path, text)
    return path


def add_round(
    layout: Layout, org_id: str, round_id: str, date: dt.date, label: str = ""
) -> Path:
    """Add a round to the end of an organisation's `rounds:`, keeping the rest of the file
    (comments included) as it is; return the file's path."""
    path = layout.orgs / org_id / ORGANISATION_FILE
    if not path.is_file():
        known = sorted(p.parent.name for p in layout.orgs.glob(f"*/{ORGANISATION_FILE}"))
        raise GeneratorError(
            f"unknown organisation '{org_id}'; this workspace has: {', '.join(known) or 'none'}"
            f" (add one with 'pmo new-org {org_id} --name NAME')"
        )
    try:
        doc = read_yaml(path)
    except YamlProblem as exc:
        raise InputError([exc.problem]) from None
    org, problems = validate(Organisation, doc)
    if org is None or any(p.severity == "error" for p in problems):
        raise InputError(problems)
    same = next((r for r in org.rounds if r.id == round_id), None)
    if same is not None:
        raise GeneratorError(
            f"'{org_id}' already has round '{round_id}' ({same.date.isoformat()}); choose "
            f"another id, or edit {display_path(path)} (nothing was written)"
        )
    text = _insert_round(path, doc.root, round_id, date, label)
    _check(path, text)
    write_atomic(path, text)
    return path


def _insert_round(path: Path, root: MappingNode, round_id: str, date: dt.date,
                  label: str) -> str:
    """The file's text with a round added after the last item of its block `rounds:` list."""
    text = path.read_text(encoding="utf-8-sig")
    rounds = next((v for k, v in root.value if k.value == "rounds"), None)
    if not isinstance(rounds, SequenceNode) or rounds.flow_style or not rounds.value:
        raise GeneratorError(
            f"{display_path(path)}: 'rounds' is not written as a list of '- id: ...' items, "
            "so the new round cannot be added safely; add it by hand (nothing was written)"
        )
    indent = " " * rounds.start_mark.column
    lines = text.splitlines(keepends=True)
    last = rounds.value[-1].end_mark
    # the item ends where the next content starts; step back over blank and comment lines
    end = last.line if last.column == 0 else last.line + 1
    while end > 0 and re.fullmatch(r"\s*(#.*)?\n?", lines[end - 1]):
        end -= 1
    if end and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    added = [line + "\n" for line in _round_lines(round_id, date, label, indent)]
    return "".join(lines[:end] + added + lines[end:])


def _check(path: Path, text: str) -> None:
    """Refuse a text that `pmo validate` would reject."""
    try:
        doc = read_yaml(path, text=text)
    except YamlProblem as exc:
        raise InputError([exc.problem]) from None
    org, problems = validate(Organisation, doc)
    if org is not None:
        problems += check_organisation(org, doc, path.parent.name)
    if problems:
        raise InputError(problems)


def _schema(layout: Layout, path: Path) -> str | None:
    target = layout.schemas / SCHEMA_FILE
    if not target.is_file():
        return None
    return Path(os.path.relpath(target.absolute(), path.absolute().parent)).as_posix()
