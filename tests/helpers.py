"""Builders for small workspaces written inline next to the assertions that use them."""

from __future__ import annotations

import textwrap
from pathlib import Path

MATURITY = """\
id: mat
version: "1.0"
title: Maturity
kind: maturity
scales:
  - id: npfl
    options:
      - {value: not, label: Not in place, score: 0}
      - {value: partly, label: Partly, score: 1}
      - {value: largely, label: Largely, score: 2}
      - {value: fully, label: Fully, score: 3}
levels:
  - {level: 0, name: Absent}
  - {level: 1, name: Ad hoc}
  - {level: 2, name: Repeatable}
  - {level: 3, name: Standardised}
  - {level: 4, name: Measured}
  - {level: 5, name: Optimising}
sections:
  - id: gov
    title: Governance
    questions:
      - {id: GOV-2-1, text: Boards exist, scale: npfl, level: 2}
      - {id: GOV-2-2, text: Boards decide, scale: npfl, level: 2, show_if: "GOV-2-1 >= 'partly'"}
      - {id: GOV-3-1, text: One standard, scale: npfl, level: 3}
      - {id: GOV-4-1, text: Measured, scale: npfl, level: 4}
      - {id: GOV-5-1, text: Improved, scale: npfl, level: 5}
  - id: risk
    title: Risk
    questions:
      - {id: RSK-2-1, text: Risk logs, scale: npfl, level: 2}
      - {id: RSK-3-1, text: One method, scale: npfl, level: 3}
"""

TYPE = """\
id: kind
version: "2.1"
title: Office type
kind: classification
views: {current: Today, target: Needed}
outcomes:
  - {id: project-office, title: Project office}
  - {id: portfolio-office, title: Portfolio office}
sections:
  - id: scope
    title: Scope
    questions:
      - id: T-1
        text: What does the office cover?
        options:
          - {value: one-project, label: One project, points: {project-office: 2}}
          - {value: everything, label: Everything, points: {portfolio-office: 2}}
          - {value: both, label: Both, points: {project-office: 1, portfolio-office: 1}}
      - id: T-2
        text: Who does it report to?
        options:
          - {value: pm, label: The project manager, points: {project-office: 2}}
          - {value: board, label: The board, points: {portfolio-office: 2}}
"""

ORG = """\
id: acme
name: Acme Ltd
sector: Retail
rounds:
  - {id: r1, date: 2024-01-15, label: Baseline}
  - {id: r2, date: 2025-01-15}
"""


def response(
    respondent: str,
    answers: str,
    *,
    round_id: str = "r1",
    questionnaire: str = "mat",
    version: str = "1.0",
    org: str = "acme",
) -> str:
    """An answer file for one respondent; `answers` is YAML indented by 6 spaces."""
    return (
        f"organisation: {org}\n"
        f"round: {round_id}\n"
        f"respondent: {{id: {respondent}, role: PMO lead}}\n"
        "questionnaires:\n"
        f"  {questionnaire}:\n"
        f'    version: "{version}"\n'
        "    answers:\n" + textwrap.indent(textwrap.dedent(answers).strip() + "\n", "      ")
    )


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` ({relative path: text}) below `root`; return `root`."""
    for name, body in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    return root


def workspace(root: Path, extra: dict[str, str | bytes] | None = None) -> Path:
    """A small valid workspace (two questionnaires, one organisation), plus `extra` files."""
    files: dict[str, str | bytes] = {
        "assessments/questionnaires/mat.yaml": MATURITY,
        "assessments/questionnaires/kind.yaml": TYPE,
        "assessments/orgs/acme/organisation.yaml": ORG,
    }
    files.update(extra or {})
    return write_tree(root, files)


EXAMPLE_CO = """\
id: example-co
name: Example Co
sector: Logistics
rounds:
  - {id: 2025-h1, date: 2025-04-15, label: First assessment}
  - {id: 2026-h1, date: 2026-04-14, label: One year on}
"""

FORM_MATURITY = MATURITY.replace(
    "{id: RSK-2-1, text: Risk logs, scale: npfl, level: 2}",
    "{id: RSK-2-1, text: Risk logs, scale: npfl, level: 2, allow_na: false}",
).replace(
    "      - {id: RSK-3-1, text: One method, scale: npfl, level: 3}\n",
    "      - {id: RSK-3-1, text: One method, scale: npfl, level: 3}\n"
    "      - {id: RSK-9, text: Which tools hold the risk logs?, type: text, required: false}\n",
)
"""`MATURITY` with a question that refuses N/A and a free-text question, for the forms."""


def with_example_co(root: Path) -> Path:
    """A copy of the sample workspace (`root`) with Example Co instead of the samples."""
    import shutil

    shutil.rmtree(root / "assessments" / "orgs")
    return write_tree(root, {"assessments/orgs/example-co/organisation.yaml": EXAMPLE_CO})


def chosen_answers(questionnaires) -> dict:
    """Answers to the bundled maturity and PMO type questionnaires, by question id, using
    every kind of answer: each option, N/A, don't know, and PT-15 shown by PT-14 in one view
    and hidden in the other."""
    maturity = questionnaires["p3o-maturity"]
    cycle = ["fully", "largely", "largely", "partly", "not", "na", "dont_know", "fully"]
    answers = {"p3o-maturity": {q: cycle[i % len(cycle)] for i, q in enumerate(maturity.questions)}}
    kind = questionnaires["pmo-type"]
    views = {}
    for question in kind.questions.values():
        values = [o.value for o in kind.options(question)]
        views[question.id] = {"current": values[0], "target": values[-1]}
    views["PT-02"] = {"current": "na", "target": "dont_know"}
    views["PT-14"] = {"current": "single-office", "target": "central-with-divisional"}
    views["PT-15"] = {"target": kind.options(kind.questions["PT-15"])[1].value}
    answers["pmo-type"] = views
    return answers


def _bundled_versions() -> dict[str, str]:
    import yaml

    folder = Path(__file__).resolve().parents[1] / "assessments" / "questionnaires"
    found = (yaml.safe_load(path.read_text(encoding="utf-8")) for path in folder.glob("*.yaml"))
    return {q["id"]: q["version"] for q in found}


BUNDLED_VERSIONS = _bundled_versions()
"""The bundled questionnaires' versions, which forms and imports write into answer files."""


def yaml_response(answers: dict, respondent: str = "alice", role: str = "PMO lead") -> str:
    """The same answers written by hand as a response file of Example Co, round 2026-h1."""
    import yaml

    document = {
        "organisation": "example-co",
        "round": "2026-h1",
        "respondent": {"id": respondent, "role": role},
        "questionnaires": {
            q: {"version": BUNDLED_VERSIONS.get(q, "1.0"), "answers": a}
            for q, a in answers.items()
        },
    }
    return yaml.safe_dump(document, sort_keys=False)
