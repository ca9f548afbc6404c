"""`pmo validate` fails, naming file and key, on links to pages, templates or lessons that
do not exist: from questions, actions, templates and lessons."""

from __future__ import annotations

import pytest
from helpers import MATURITY, ORG, write_tree

LIBRARY_TEMPLATE = """\
id: raid-log
title: RAID log
format: xlsx
summary: A log.
purpose: Track things.
guidance: Fill it in.
related: [standards/kpis.md]
sheets:
  - name: Risks
    columns: [{name: ID}]
"""
LESSONS = """\
id: lessons
version: "1.0"
lessons:
  - id: LL-001
    title: A lesson
    summary: One sentence.
    situation: It happened.
    lesson: We learned.
    recommendation: Do this.
    related: [standards/kpis.md]
    templates: [raid-log]
"""
ACTIONS = """\
id: actions
version: "1.0"
actions:
  - id: gov-boards
    title: Set up boards
    summary: Boards.
    perspectives: [gov]
    criteria: [GOV-2-1]
    from_level: 1
    to_level: 2
    effort: 5
    duration: 4
    value: 3
    standards: [standards/kpis.md]
    templates: [raid-log]
    lessons: [LL-001]
"""


@pytest.fixture
def ws(tmp_path):
    return write_tree(tmp_path, {
        "assessments/questionnaires/mat.yaml": MATURITY.replace("id: mat", "id: p3o-maturity")
        .replace("{id: GOV-2-1, text: Boards exist, scale: npfl, level: 2}",
                 "{id: GOV-2-1, text: Boards exist, scale: npfl, level: 2, "
                 "refs: [standards/kpis.md]}"),
        "assessments/orgs/acme/organisation.yaml": ORG,
        "assessments/actions/actions.yaml": ACTIONS,
        "library/templates/raid-log.yaml": LIBRARY_TEMPLATE,
        "library/lessons/lessons.yaml": LESSONS,
        "content/standards/kpis.md": "# KPIs\n",
    })


def test_all_links_resolve(run, ws):
    status, _, err = run("validate", cwd=ws)
    assert (status, err) == (0, "")


CASES = {
    "question to a missing page": (
        "assessments/questionnaires/mat.yaml", "refs: [standards/kpis.md]",
        "refs: [standards/kpi.md]",
        "assessments/questionnaires/mat.yaml:23:73: error: "
        "sections[id=gov].questions[id=GOV-2-1].refs[0]: page 'standards/kpi.md' does not "
        "exist under content/"),
    "action to a missing page": (
        "assessments/actions/actions.yaml", "standards: [standards/kpis.md]",
        "standards: [standards/nope.md]",
        "assessments/actions/actions.yaml:14:17: error: actions[id=gov-boards].standards[0]: "
        "page 'standards/nope.md' does not exist under content/"),
    "action to a missing template": (
        "assessments/actions/actions.yaml", "templates: [raid-log]", "templates: [raid-logs]",
        "assessments/actions/actions.yaml:15:17: error: actions[id=gov-boards].templates[0]: "
        "unknown template 'raid-logs'; did you mean 'raid-log'?"),
    "action to a missing lesson": (
        "assessments/actions/actions.yaml", "lessons: [LL-001]", "lessons: [LL-002]",
        "assessments/actions/actions.yaml:16:15: error: actions[id=gov-boards].lessons[0]: "
        "unknown lesson 'LL-002'; did you mean 'LL-001'?"),
    "lesson to a missing page": (
        "library/lessons/lessons.yaml", "related: [standards/kpis.md]",
        "related: [practices/none.md]",
        "library/lessons/lessons.yaml:10:15: error: lessons[id=LL-001].related[0]: page "
        "'practices/none.md' does not exist under content/"),
    "lesson to a missing template": (
        "library/lessons/lessons.yaml", "templates: [raid-log]", "templates: [charter]",
        "library/lessons/lessons.yaml:11:17: error: lessons[id=LL-001].templates[0]: unknown "
        "template 'charter'"),
    "template to a missing page": (
        "library/templates/raid-log.yaml", "related: [standards/kpis.md]",
        "related: [standards/kpi.md]",
        "library/templates/raid-log.yaml:7:11: error: related[0]: page 'standards/kpi.md' "
        "does not exist under content/"),
}


@pytest.mark.parametrize("path, old, new, expected", CASES.values(), ids=CASES.keys())
def test_a_broken_link_is_an_error_naming_file_and_key(run, ws, path, old, new, expected):
    file = ws / path
    file.write_text(file.read_text().replace(old, new))
    status, _, err = run("validate", cwd=ws)
    assert status == 1
    assert expected in err.splitlines()
