"""JSON Schemas of the file formats, generated from the models, for editors' autocompletion.

Each bundled YAML file starts with `# yaml-language-server: $schema=<relative path>` pointing
at one of these, so VS Code (with the YAML extension) and other editors check and complete it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import (
    ActionLibrary,
    Answer,
    AnswerSet,
    LessonRegister,
    Organisation,
    Questionnaire,
    Template,
)
from .models.settings import WorkspaceSettings

SCHEMA_FILES: dict[str, type[BaseModel]] = {
    "questionnaire.schema.json": Questionnaire,
    "actions.schema.json": ActionLibrary,
    "answers.schema.json": AnswerSet,
    "organisation.schema.json": Organisation,
    "template.schema.json": Template,
    "lessons.schema.json": LessonRegister,
    "workspace.schema.json": WorkspaceSettings,
}
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(name: str) -> dict[str, Any]:
    """The JSON Schema written to `name` (one of `SCHEMA_FILES`)."""
    model = SCHEMA_FILES[name]
    schema = model.model_json_schema()
    if model is AnswerSet:
        _describe_answers(schema)
    return {"$schema": DIALECT, "$id": name, **schema}


def write_schemas(out: Path) -> list[Path]:
    """Write every schema into `out`, returning the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMA_FILES:
        path = out / name
        path.write_text(render(name), encoding="utf-8")
        written.append(path)
    return written


def render(name: str) -> str:
    return json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"


def _describe_answers(schema: dict[str, Any]) -> None:
    """Answers are validated in code for speed; give editors their real shape all the same."""
    answer = Answer.model_json_schema()
    schema["$defs"]["Answer"] = answer
    answers = schema["$defs"]["QuestionnaireAnswers"]["properties"]["answers"]
    answers["additionalProperties"] = {
        "anyOf": [{"type": ["string", "number"]}, {"$ref": "#/$defs/Answer"}]
    }
