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
