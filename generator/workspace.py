"""Where things live in a workspace, and the loaded workspace itself.

```
mkdocs.yml
workspace.yaml                settings: how client documents look, what the site carries (optional)
content/                      site pages written by hand
assessments/
  questionnaires/*.yaml       questionnaires
  actions/*.yaml              the improvement-action library
library/
  templates/<id>.yaml         templates: a page and a download each
  lessons/*.yaml              lessons learned
  schemas/*.schema.json       JSON Schemas for editors (pmo schema)
  orgs/<org>/organisation.yaml
  orgs/<org>/**/*.yaml        answer sets: responses and agreed answers
```
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .branding import Branding
from .errors import GeneratorError, Problem
from .models import Action, Lesson, Organisation, Questionnaire, Template
from .models.responses import Response
from .models.settings import SiteSettings

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

YAML_SUFFIXES = (".yaml", ".yml")
ORGANISATION_FILE = "organisation.yaml"
ORGANISATION_FILES = ("organisation.yaml", "organisation.yml")


@dataclass(frozen=True)
class Layout:
    """The folders of a workspace rooted at `root`."""

    root: Path

    @property
    def assessments(self) -> Path:
        return self.root / "assessments"

    @property
    def questionnaires(self) -> Path:
        return self.assessments / "questionnaires"

    @property
    def orgs(self) -> Path:
        return self.assessments / "orgs"

    @property
    def actions(self) -> Path:
        return self.assessments / "actions"

    @property
    def library(self) -> Path:
        return self.root / "library"

    @property
    def templates(self) -> Path:
        return self.library / "templates"

    @property
    def lessons(self) -> Path:
        return self.library / "lessons"

    @property
    def schemas(self) -> Path:
        return self.assessments / "schemas"

    @property
    def content(self) -> Path:
        return self.root / "content"

    def org_folder_of(self, path: Path) -> str | None:
        """The organisation folder a file sits in, or None outside `assessments/orgs/`."""
        try:
            parts = path.absolute().relative_to(self.orgs.absolute()).parts
        except ValueError:
            return None
        return parts[0] if len(parts) > 1 else None


def find_root(start: Path | None = None) -> Path:
    """The workspace containing `start` (default: the working directory), searching upwards."""
    here = (start or Path.cwd()).resolve()
    if start is not None:
        if not (here / "assessments").is_dir():
            raise GeneratorError(
                f"{here} is not a workspace: it has no 'assessments' folder; create one with "
                f"'pmo init {start}'"
            )
        return here
    for folder in (here, *here.parents):
        if (folder / "assessments").is_dir():
            return folder
    raise GeneratorError(
        f"no workspace here: neither {here} nor a folder above it has an 'assessments' folder; "
        "pass --workspace DIR or create one with 'pmo init DIR'"
    )


def yaml_files(folder: Path) -> list[Path]:
    """YAML files below `folder`, sorted, skipping hidden files and folders."""
    found: list[Path] = []
    for parent, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")]
        found.extend(
            Path(parent, name)
            for name in files
            if name.endswith(YAML_SUFFIXES) and not name.startswith(".")
        )
    return sorted(found)


@dataclass(frozen=True)
class Workspace:
    """Everything loaded and validated: the input of scoring and planning.

    Attributes:
        answers: One row per answer and point of view, columns `ANSWER_COLUMNS`; `response`
            indexes `responses`.
    """

    root: Path
    questionnaires: Mapping[str, Questionnaire]
    actions: Mapping[str, Action]
    organisations: Mapping[str, Organisation]
    responses: tuple[Response, ...]
    answers: pd.DataFrame
    warnings: tuple[Problem, ...] = ()
    templates: Mapping[str, Template] = field(default_factory=dict)
    lessons: Mapping[str, Lesson] = field(default_factory=dict)
    answer_files: int = 0
    """Answer files read, those without any answer yet included."""
    branding: Branding = field(default_factory=Branding)
    """How client documents look, from `workspace.yaml` (defaults without it)."""
    site: SiteSettings = field(default_factory=SiteSettings)
    """What the built site carries, from `workspace.yaml` (defaults without it)."""

    @cached_property
    def layout(self) -> Layout:
        return Layout(self.root)

    @cached_property
    def answer_rows(self) -> Mapping[int, np.ndarray]:
        """Positions in `answers` of each response's rows, by response index: a hash index
        built once, so that reading one organisation's answers (the planner does, for the
        evidence behind each line of a roadmap) never scans every organisation's."""
        if self.answers.empty:
            return {}
        return cast("dict[int, np.ndarray]", self.answers.groupby("response", sort=False).indices)

    @cached_property
    def answer_text(self) -> Mapping[str, Any]:
        """The answers' columns as arrays of text (responses as integers), to read a few rows
        at a time by `answer_rows` without a table lookup per organisation."""
        out = {c: self.answers[c].astype(str).to_numpy() for c in
               ("question", "view", "value", "evidence", "notes")}
        out["response"] = self.answers["response"].to_numpy()
        return out

    def organisation(self, org_id: str) -> Organisation:
        """The organisation, or a `GeneratorError` listing the known ones."""
        try:
            return self.organisations[org_id]
        except KeyError:
            known = ", ".join(sorted(self.organisations)) or "none"
            raise GeneratorError(
                f"unknown organisation '{org_id}'; this workspace has: {known}"
            ) from None

    def responses_of(self, org_id: str, round_id: str | None = None) -> list[Response]:
        return [
            r
            for r in self.responses
            if r.organisation == org_id and (round_id is None or r.round == round_id)
        ]


def titles_of(ws: Workspace) -> dict[str, str]:
    """Titles of perspectives and classification outcomes by id, for display."""
    out: dict[str, str] = {}
    for q in ws.questionnaires.values():
        if q.kind == "maturity":
            out.update({s.id: s.title for s in q.sections})
        out.update({o.id: o.title for o in q.outcomes})
    return out
