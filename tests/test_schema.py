"""The committed JSON Schemas match the models, and every bundled YAML file points at one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from generator.schema import SCHEMA_FILES, render
from generator.yamlio import read_yaml

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted((ROOT / "assessments").rglob("*.yaml"))
SCHEMA_LINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_committed_schema_is_current(name):
    committed = (ROOT / "assessments/schemas" / name).read_text(encoding="utf-8")
    assert committed == render(name), "run `pmo schema` to refresh assessments/schemas/"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(ROOT)))
def test_bundled_file_names_a_schema_that_accepts_it(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = SCHEMA_LINE.fullmatch(first)
    assert match, f"{path} must start with a yaml-language-server $schema line"
    schema_path = (path.parent / match.group(1)).resolve()
    assert schema_path.is_file()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = _json_like(read_yaml(path).data)
    jsonschema.validate(data, schema)


def _json_like(value):
    """YAML scalars as JSON Schema sees them: dates are strings in YAML 1.2."""
    if isinstance(value, dict):
        return {k: _json_like(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_like(v) for v in value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value) if isinstance(value, int) else float(value)
    return value
