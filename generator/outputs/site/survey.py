"""Self-assessment pages: one form per questionnaire, answered and scored in the browser.

The questionnaire YAML stays the one source of truth. Each page is plain HTML generated from
it, plus the questionnaire as JSON (`survey_data`) for the page's script, which applies the
display rules, keeps progress in the browser, scores the answers with the same rules as
`generator.scoring` and saves a response file that `pmo validate` accepts. Display rules are
parsed here and shipped as a syntax tree, so the browser never parses a condition itself.
"""

from __future__ import annotations

import json
from typing import Any

import markdown
from markupsafe import Markup

from ... import expr
from ...forms.questions import choices, condition_in_words
from ...models import Questionnaire
from ...models.questionnaire import Question
from ...scoring.services import MIN_GROUP
from ..render import render, show_tags

SHORT_LABEL = 32
"""Options with labels up to this long sit side by side; longer ones are listed."""
START, REVIEW = "pmo-start", "pmo-review"
"""The keys of the first and last steps; the others are the sections' ids."""
SECONDS_PER_CHOICE = (15, 25)
"""Time to read a criterion and pick an answer, per point of view: quick for a respondent
who knows the practice, slower for one who reads the guidance first."""
SECONDS_PER_CRITERION = (25, 33)
"""A maturity criterion asks the respondent to think of evidence and, ideally, to note it."""
SECONDS_PER_TEXT = (60, 120)
SECONDS_TO_START = 120
"""Reading the instructions and filling in the details."""


def survey_data(q: Questionnaire) -> dict[str, Any]:
    """What the page's script needs to show, check and score `q`, as JSON-ready data."""
    return {
        "id": q.id,
        "version": q.version,
        "title": q.title,
        "kind": q.kind,
        "views": [{"id": view, "label": label} for view, label in q.views.items()],
        "threshold": q.scoring.threshold,
        "crosshairs": q.scoring.crosshairs,
        "min_group": MIN_GROUP,
        "levels": {str(level.level): level.name for level in q.levels},
        "outcomes": [
            {"id": o.id, "title": o.title, "position": o.position} for o in q.outcomes
        ],
        "sections": [
            {"id": s.id, "title": s.title, "weight": s.weight,
             "questions": [x.id for x in s.questions]}
            for s in q.sections
        ],
        "questions": [_question(q, x, s.id) for s in q.sections for x in s.questions],
    }


def _question(q: Questionnaire, x: Question, section: str) -> dict[str, Any]:
    return {
        "id": x.id,
        "section": section,
        "text": x.text,
        "type": x.type,
        "level": x.level,
        "weight": x.weight,
        "required": x.required,
        "allow_na": x.allow_na,
        "allow_dont_know": x.allow_dont_know,
        "options": [
            {"value": o.value, "label": o.label, "score": o.score, "points": o.points}
            for o in q.options(x)
        ],
        "rule": rule_tree(q.conditions[x.id]) if x.id in q.conditions else None,
        "show_if": x.show_if,
    }


def rule_tree(node: expr.Expr) -> dict[str, Any]:
    """A parsed display rule as a JSON tree for the browser to evaluate."""
    if isinstance(node, expr.Compare):
        return {"op": "compare", "question": node.question, "compare": node.op,
                "value": node.value}
    if isinstance(node, expr.InList):
        return {"op": "in", "question": node.question, "values": list(node.values),
                "negated": node.negated}
    if isinstance(node, expr.Answered):
        return {"op": "answered", "question": node.question}
    if isinstance(node, expr.Constant):
        return {"op": "constant", "value": node.value}
    if isinstance(node, expr.Not):
        return {"op": "not", "operand": rule_tree(node.operand)}
    return {"op": node.op, "operands": [rule_tree(o) for o in node.operands]}


def script_json(data: object) -> str:
    """JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def html(text: str) -> Markup:
    """Questionnaire Markdown (help texts) as HTML, for raw HTML blocks where MkDocs does not
    convert Markdown; tag-like text is shown as text."""
    return Markup(markdown.markdown(show_tags(text)) if text else "")


def minutes_to_complete(q: Questionnaire) -> tuple[int, int]:
    """A realistic range of minutes to answer `q`, from its number of questions and points of
    view, rounded to five minutes (at least five)."""
    low = high = SECONDS_TO_START
    for x in q.questions.values():
        per = (SECONDS_PER_TEXT if x.type == "text"
               else SECONDS_PER_CRITERION if q.kind == "maturity" else SECONDS_PER_CHOICE)
        views = 1 if x.type == "text" else len(q.views)
        low += per[0] * views
        high += per[1] * views

    def five(seconds: int) -> int:
        return max(5, 5 * round(seconds / 300))

    return five(low), max(five(low), five(high))


def steps(q: Questionnaire) -> list[dict[str, Any]]:
    """The form's steps in order: before you start, one per section, review and save; each
    with its key, the anchor of its heading, its title, and its neighbours."""
    out: list[dict[str, Any]] = [
        {"key": START, "anchor": "before-you-start", "title": "Before you start",
         "status": ""},
    ]
    out += [{"key": s.id, "anchor": s.id, "title": s.title,
             "status": f"0 of {len(s.questions)}"} for s in q.sections]
    out.append({"key": REVIEW, "anchor": "review", "title": "Review and save", "status": ""})
    for index, step in enumerate(out):
        step["previous"] = out[index - 1] if index else None
        step["next"] = out[index + 1] if index + 1 < len(out) else None
    return out


def survey_page(q: Questionnaire) -> str:
    """The Markdown page (mostly raw HTML) of `q`'s self-assessment form."""
    sections = []
    for section in q.sections:
        questions = []
        for x in section.questions:
            options = choices(q, x)
            questions.append({
                "q": x,
                "options": options,
                "help": html(x.help),
                "rule": f"Asked only when {condition_in_words(q, x)}."
                if x.id in q.conditions else "",
                "short": all(len(o.label) <= SHORT_LABEL for o in options),
            })
        sections.append({"s": section, "questions": questions})
    low, high = minutes_to_complete(q)
    legend = []
    if q.kind == "maturity" and q.scales:
        legend = [(o.label, o.description) for o in q.scales[0].options]
    return render(
        "survey_page.md.j2",
        q=q,
        sections=sections,
        legend=legend,
        steps=steps(q),
        minutes=f"{low}" if low == high else f"{low} to {high}",
        data=script_json(survey_data(q)),
        two_views=len(q.views) > 1,
    )


def surveys_index(questionnaires: list[Questionnaire], guide: tuple[str, str] | None) -> str:
    """The index of the self-assessment pages; `guide` is (path, title) of the page on
    collecting answers, when the site has one."""
    counts = {q.id: len(q.questions) for q in questionnaires}
    return render("surveys_index.md.j2", questionnaires=questionnaires, counts=counts,
                  guide=guide)
