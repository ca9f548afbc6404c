"""Turn answers into the text of a response file, through PyYAML so that any text survives.

Free text (evidence, notes, text answers) may hold anything a respondent typed: colons,
hashes, quotes, leading spaces, line breaks, `true`, `007`. PyYAML quotes whatever needs it;
text of several lines is written as a literal block, readable and exact.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..workspace import Layout

SCHEMA_FILE = "answers.schema.json"


@dataclass(frozen=True)
class Entry:
    """One question's answer: a value by point of view, and the evidence and notes."""

    values: Mapping[str, str] = field(default_factory=dict)
    """Option value, `na`, `dont_know` or text, by view id (`current`, `target`)."""
    evidence: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Answers:
    """One questionnaire's answers in a response."""

    version: str
    views: tuple[str, ...]
    entries: Mapping[str, Entry]
    """By question id, in questionnaire order."""


@dataclass(frozen=True)
class ResponseData:
    """Everything a response file says."""

    organisation: str
    round: str
    respondent: str
    questionnaires: Mapping[str, Answers]
    role: str = ""
    name: str = ""
    date: dt.date | None = None


def response_yaml(data: ResponseData, header: str = "", schema: str | None = None) -> str:
    """The response file: an optional schema line and `header` comment, then the YAML."""
    respondent: dict[str, Any] = {"id": data.respondent}
    respondent.update({k: v for k, v in (("role", data.role), ("name", data.name)) if v})
    document: dict[str, Any] = {
        "organisation": data.organisation,
        "round": data.round,
        "respondent": respondent,
    }
    if data.date is not None:
        document["date"] = data.date
    document["questionnaires"] = {
        questionnaire: {
            "version": answers.version,
            "answers": {
                qid: _entry(entry, answers.views) for qid, entry in answers.entries.items()
            },
        }
        for questionnaire, answers in data.questionnaires.items()
    }
    return preamble(header, schema) + dump(document)


def _entry(entry: Entry, views: tuple[str, ...]) -> Any:
    keys = {view: ("answer" if len(views) == 1 else view) for view in views}
    out: dict[str, str] = {keys[v]: entry.values[v] for v in views if v in entry.values}
    if len(views) == 1 and set(out) == {"answer"} and not (entry.evidence or entry.notes):
        return out["answer"]  # the bare form, `GOV-2-1: largely`
    out.update({k: v for k, v in (("evidence", entry.evidence), ("notes", entry.notes)) if v})
    return out


def preamble(header: str, schema: str | None) -> str:
    lines = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines += [f"# {line}".rstrip() for line in header.splitlines()]
    return "".join(line + "\n" for line in lines)


def schema_reference(layout: Layout, path: Path) -> str:
    """The answers schema relative to the folder of `path`, for editors' autocompletion."""
    target = (layout.schemas / SCHEMA_FILE).absolute()
    return Path(os.path.relpath(target, path.absolute().parent)).as_posix()


def response_path(layout: Layout, organisation: str, round_id: str, respondent: str) -> Path:
    """Where a respondent's file goes: `assessments/orgs/ORG/ROUND/RESPONDENT.yaml`."""
    return layout.orgs / organisation / round_id / f"{respondent}.yaml"


class _Dumper(yaml.SafeDumper):
    """Block style throughout; text of several lines as a literal block (`|`)."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def dump(value: Any) -> str:
    return yaml.dump(
        value,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
    )


def scalar(value: str) -> str:
    """One value written as YAML would read it back exactly, quoted only when it must be."""
    style = '"' if "\n" in value or "\r" in value else None  # stay on one line
    text = yaml.safe_dump(value, allow_unicode=True, width=10**6, default_style=style)
    return text.removesuffix("\n...\n").removesuffix("\n")
