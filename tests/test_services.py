"""The PMO services survey: its questionnaire, the importance-satisfaction grid, `pmo score`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.errors import Location
from generator.loader import load
from generator.models import Questionnaire
from generator.models.responses import AnswerTable, Response
from generator.scoring import score_workspace, scorecard
from generator.scoring.frames import response_frame
from generator.scoring.services import MIN_GROUP, score_services, services_result

ROOT = Path(__file__).resolve().parents[1]

SERVICES = Questionnaire.model_validate({
    "id": "svc", "version": "1.0", "title": "Services", "kind": "services",
    "views": {"importance": "Importance", "satisfaction": "Satisfaction"},
    "scales": [{"id": "rating", "options": [
        {"value": str(n), "label": str(n), "score": n} for n in range(1, 6)]}],
    "sections": [{"id": "all", "title": "All", "questions": [
        {"id": sid, "text": f"Service {sid}", "scale": "rating"} for sid in "ABCD"]}],
})

# (importance, satisfaction) per service A, B, C, D; hand-computed results in the tests
RATINGS = {
    ("s1", "Sponsor"): {"A": (5, 2), "B": (4, 4), "C": (2, 5), "D": (1, 1)},
    ("s2", "Sponsor (COO)"): {"A": (5, 3), "B": (5, 5), "C": (2, 4), "D": (2, "na")},
    ("p1", "Project manager (ERP)"): {"A": (4, 2), "B": (4, 3), "C": (3, 4), "D": ("na", "na")},
    ("p2", "project manager"): {"A": (4, 1), "B": (3, 4), "C": (1, 5), "D": ("dont_know", 2)},
}


def scored(q: Questionnaire, ratings: dict, notes: dict | None = None):
    table = AnswerTable()
    for (who, role), services in ratings.items():
        rows = [(sid, view, str(value), "", (notes or {}).get((who, sid), ""))
                for sid, pair in services.items()
                for view, value in zip(("importance", "satisfaction"), pair, strict=True)]
        table.add(Response(Path("x.yaml"), "acme", "r1", q.id, who, role,
                           Location(Path("x.yaml"))), rows)
    tables = score_services(q, table.frame(), response_frame(table.responses))
    return services_result(tables, "acme", "r1")


def test_grid_means_gaps_and_quadrants():
    result = scored(SERVICES, RATINGS, notes={("s1", "A"): "Reports come late"})
    grid = result.grid
    assert (result.respondents, grid.importance_line, grid.satisfaction_line) == (4, 3.0, 3.0)
    rows = {s.id: (s.importance, s.satisfaction, s.gap, s.quadrant) for s in grid.services}
    assert rows == {
        "A": (4.5, 2.0, 2.5, "improve-first"),
        "B": (4.0, 4.0, 0.0, "keep"),
        "C": (2.0, 4.5, -2.5, "over-served"),
        "D": (1.5, 1.5, 0.0, "low-priority"),
    }
    d = grid.services[3]
    assert (d.rated, d.na, d.dont_know) == (3, 2, 1)  # N/A and don't know left out of means
    assert grid.services[0].comments == ("Reports come late",)
    assert result.improve_first == ("A",)


# a third sponsor and a third project manager: groups of three are shown
GROUPS = {
    **RATINGS,
    ("s3", "sponsor, Board"): {"A": (4, 2), "B": (4, 4), "C": (3, 5), "D": (1, 2)},
    ("p3", "Project manager (Roads)"): {"A": (5, 2), "B": (4, 3), "C": (2, 4), "D": (2, 2)},
}


def test_groups_by_role_without_bracketed_detail():
    result = scored(SERVICES, GROUPS)
    assert [(g.label, g.respondents) for g in result.groups] == [
        ("Project manager", 3), ("Sponsor", 3)]
    sponsors = result.groups[1]
    assert (sponsors.importance_line, sponsors.satisfaction_line) == (3.17, 3.21)
    assert [s.quadrant for s in sponsors.services] == [
        "improve-first", "keep", "over-served", "low-priority"]
    assert sponsors.services[0].comments == ()  # comments are shown for the whole only


def test_a_group_of_two_is_not_shown():
    """In a group of two each member could work out the other's ratings."""
    assert MIN_GROUP == 3
    result = scored(SERVICES, RATINGS)
    assert (result.groups, result.hidden_groups, result.respondents) == ((), 0, 4)


def test_fewer_left_out_than_a_group_hides_the_groups():
    """With one or two respondents left over, the shown groups taken from the whole would give
    away their ratings: no groups at all."""
    for extra in (1, 2):
        more = {**GROUPS, **{(f"f{i}", "Finance"): {"A": (3, 3)} for i in range(extra)}}
        result = scored(SERVICES, more)
        assert (result.groups, result.hidden_groups, result.respondents) == ((), 0, 6 + extra)
    three = {**GROUPS, **{(f"f{i}", "Finance (group)"): {"A": (3, 3)} for i in range(3)}}
    assert [g.label for g in scored(SERVICES, three).groups] == [
        "Finance", "Project manager", "Sponsor"]
    left = {**GROUPS, **{(f"b{i}", f"Board member {i}"): {"A": (3, 3)} for i in range(3)}}
    result = scored(SERVICES, left)  # three left out, each alone in a group: no one exposed
    assert (len(result.groups), result.hidden_groups) == (2, 3)


def test_lines_at_the_scale_midpoint():
    q = SERVICES.model_copy(update={"scoring": SERVICES.scoring.model_copy(
        update={"crosshairs": "midpoint"})})
    high = {("s1", "Sponsor"): {"A": (5, 4), "B": (4, 2), "C": (2, 5), "D": (2, 2)}}
    grid = scored(q, high).grid
    assert (grid.importance_line, grid.satisfaction_line) == (3.0, 3.0)
    assert [s.quadrant for s in grid.services] == [
        "keep", "improve-first", "over-served", "low-priority"]


def test_unrated_service_has_no_quadrant():
    grid = scored(SERVICES, {("s1", "Sponsor"): {"A": (5, 2), "B": ("na", "na"),
                                                  "C": (4, "dont_know"), "D": (1, 5)}}).grid
    assert [s.quadrant for s in grid.services] == ["improve-first", None, None, "over-served"]
    assert grid.importance_line == 3.0  # over A and D only: the services rated on both


def test_bundled_questionnaire_and_samples_validate_and_score():
    ws = load(ROOT)
    q = ws.questionnaires["pmo-services"]
    assert q.kind == "services" and 10 <= len(q.questions) <= 14
    card = scorecard(ws, score_workspace(ws), "northwind-bank")
    result = card.services[0]
    assert "SRV-BENEFITS" in result.improve_first
    assert len(result.groups) >= 2


@pytest.mark.parametrize(("views", "message"), [
    ("{current: Today}", "services surveys are answered for 'importance' and 'satisfaction'"),
])
def test_services_views_are_checked(tmp_path, views, message):
    from tests.helpers import workspace

    text = (ROOT / "assessments/questionnaires/pmo-services.yaml").read_text(encoding="utf-8")
    text = text.replace("views:\n  importance: How important it is to you\n"
                        "  satisfaction: How satisfied you are today\n", f"views: {views}\n")
    root = workspace(tmp_path, {"assessments/questionnaires/pmo-services.yaml": text})
    from generator.errors import InputError

    with pytest.raises(InputError) as caught:
        load(root)
    assert any(message in str(p) for p in caught.value.problems)


def test_answer_in_the_wrong_views_names_the_right_ones(tmp_path):
    from generator.errors import InputError
    from tests.helpers import workspace

    root = workspace(tmp_path, {
        "assessments/questionnaires/pmo-services.yaml":
            (ROOT / "assessments/questionnaires/pmo-services.yaml").read_text(encoding="utf-8"),
        "assessments/orgs/acme/r1/a.yaml": (
            "organisation: acme\nround: r1\nrespondent: {id: a, role: Sponsor}\n"
            "questionnaires:\n  pmo-services:\n    version: '1.0'\n    answers:\n"
            "      SRV-REPORTING: 4\n"),
    })
    with pytest.raises(InputError) as caught:
        load(root)
    assert any("write {importance: 4, satisfaction: ...}" in str(p)
               for p in caught.value.problems)


def test_pmo_score_prints_the_grid(run):
    status, out, _ = run("score", "northwind-bank", cwd=ROOT)
    assert status == 0
    assert "PMO services survey: 10 respondents; lines at the means" in out
    assert "Benefits" in out and "Improve" in out  # the table wraps in a narrow terminal


def test_the_roadmap_plans_actions_for_services_to_improve_first(run):
    status, out, _ = run("roadmap", "northwind-bank", "--format", "json", cwd=ROOT)
    assert status == 0
    import json

    planned = {a["id"]: a for a in json.loads(out)["actions"]}
    reporting = planned["srv-redesign-reporting"]
    assert reporting["title"] == "Test the portfolio reporting service with its readers and " \
        "improve it"
    assert "Portfolio and project reporting (importance 4.90, satisfaction 2.70)" in \
        reporting["reason"]
    assert "srv-share-lessons" not in planned  # lessons are low priority at Northwind
    # a service action improves what the maturity and set-up actions build: it comes after them
    for service, built_by in (("srv-redesign-reporting", "setup-portfolio-reporting"),
                              ("srv-follow-benefits", "ben-portfolio-benefits-service"),
                              ("srv-capacity-view", "res-capacity-view")):
        assert planned[service]["start"] > planned[built_by]["end"], service
        assert planned[service]["effort"] < planned[built_by]["effort"] / 2, service
    assert "srv-follow-benefits-register" not in planned  # the portfolio office's version is


def test_an_action_naming_an_unknown_service_is_an_error(tmp_path):
    from generator.errors import InputError
    from tests.helpers import workspace

    root = workspace(tmp_path, {
        "assessments/questionnaires/pmo-services.yaml":
            (ROOT / "assessments/questionnaires/pmo-services.yaml").read_text(encoding="utf-8"),
        "assessments/actions/a.yaml": (
            "id: a\nversion: '1.0'\nactions:\n  - id: srv-x\n    title: X\n    summary: Y\n"
            "    services: [SRV-REPORT]\n    from_level: 0\n    to_level: 1\n"
            "    effort: 1\n    duration: 1\n    value: 1\n"),
    })
    with pytest.raises(InputError) as caught:
        load(root)
    assert any("unknown service 'SRV-REPORT' in 'pmo-services'; did you mean 'SRV-REPORTING'?"
               in str(p) for p in caught.value.problems)


def test_the_report_chart_draws_each_quadrant_and_both_lines():
    from generator.outputs.charts.services import services_grid

    fig = services_grid(("1", "2", "3"), (4.5, 4.0, 2.0), (2.0, 4.0, 4.5),
                        ("improve-first", "keep", "over-served"), (3.5, 3.5))
    ax = fig.axes[0]
    counts = {c.get_label(): len(c.get_offsets()) for c in ax.collections}
    assert counts == {"Keep": 1, "Improve first": 1, "Over-served": 1, "Low priority": 0}
    assert [ln.get_xdata()[0] for ln in ax.lines if ln.get_linestyle() == "--"] == [3.5, 0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Satisfaction (mean)", "Importance (mean)")
    assert [t.get_text() for t in ax.texts[:4]] == ["Improve first", "Keep", "Low priority",
                                                    "Over-served"]


def test_a_sample_organisation_s_site_page_and_report_show_the_grid(sample_site):
    root, site, _ = sample_site
    page = (site / "assessments/northwind-bank/services/index.html").read_text(encoding="utf-8")
    assert '<canvas role="img" aria-label="Scatter chart of 13 services' in page
    assert "<td>Benefits tracking</td>" in page and "Improve first" in page
    assert "By group" in page and "Nobody can tell me what last year" in page
    summary = (site / "assessments/northwind-bank/index.html").read_text(encoding="utf-8")
    assert 'href="services/"' in summary

    from generator.loader import load as load_ws
    from generator.outputs.report import report_doc
    from generator.outputs.report.blocks import Chart, Heading, Table
    from generator.outputs.site.report import org_report

    ws = load_ws(root)
    tables = score_workspace(ws)
    doc = report_doc(ws, org_report(ws, tables, "northwind-bank", None))
    at = next(i for i, b in enumerate(doc.blocks)
              if isinstance(b, Heading) and b.text == "The office's services")
    chart = next(b for b in doc.blocks[at:] if isinstance(b, Chart))
    assert chart.kind == "services" and len(chart.args[0]) == 13
    table = next(b for b in doc.blocks[at:] if isinstance(b, Table))
    assert table.rows[0][1:] == ("Benefits tracking", "4.80", "1.44", "3.36", "Improve first")


# --- the Excel form and a survey tool's CSV export --------------------------------------------

RATINGS_CYCLE = [("5", "2"), ("4", "4"), ("na", "na"), ("3", "dont_know"), ("2", "5"), ("1", "1")]


def service_answers(q, shift: int = 0) -> dict:
    """Ratings of every service, using each value, N/A and don't know; one with a comment."""
    out = {}
    for i, qid in enumerate(q.questions):
        importance, satisfaction = RATINGS_CYCLE[(i + shift) % len(RATINGS_CYCLE)]
        out[qid] = {"importance": importance, "satisfaction": satisfaction}
    out["SRV-REPORTING"]["notes"] = "Late: every month, # of pages too high"
    return out


def scores_alike(run, ws, direct) -> None:
    scores = []
    for root in (ws, direct):
        status, out, err = run("score", "example-co", "--round", "2026-h1", "--format", "json",
                               cwd=root)
        assert status == 0, err
        scores.append(json.loads(out)["services"])
    assert scores[0] == scores[1] and scores[0][0]["grid"]["services"][0]["quadrant"]


def test_the_excel_form_round_trips_ratings_and_comments(run, tmp_path):
    import yaml
    from conftest import copy_workspace
    from helpers import with_example_co, write_tree
    from helpers import yaml_response as direct_response
    from openpyxl import load_workbook
    from test_form_workbook import column, dropdown, question_rows

    ws = with_example_co(copy_workspace(tmp_path / "ws"))
    q = load(ws).questionnaires["pmo-services"]
    status, _, err = run("export-form", "--org", "example-co", "--round", "2026-h1",
                         "--respondent", "alice", "--role", "Sponsor", "--questionnaire",
                         "pmo-services", "--out", "form.xlsx", cwd=ws)
    assert status == 0, err
    answers = service_answers(q)
    book = load_workbook(ws / "form.xlsx")
    sheet = book[q.title]
    rows = question_rows(sheet)
    values = [o.value for o in q.options(q.questions["SRV-REPORTING"])] + ["na", "dont_know"]
    for qid, given in answers.items():
        for view, header in q.views.items():
            cell = f"{column(sheet, header)}{rows[qid]}"
            sheet[cell] = dropdown(book, sheet, cell)[values.index(given[view])]
    sheet[f"{column(sheet, 'Comments')}{rows['SRV-REPORTING']}"] = answers["SRV-REPORTING"][
        "notes"]
    book.save(ws / "form.xlsx")
    status, _, err = run("import", "form.xlsx", cwd=ws)
    assert (status, err) == (0, "")
    alice = "assessments/orgs/example-co/2026-h1/alice.yaml"
    imported = yaml.safe_load((ws / alice).read_text(encoding="utf-8"))
    assert imported["questionnaires"]["pmo-services"]["answers"] == answers
    direct = with_example_co(copy_workspace(tmp_path / "direct"))
    write_tree(direct, {alice: direct_response({"pmo-services": answers}, role="Sponsor")})
    scores_alike(run, ws, direct)


def test_a_survey_export_of_ratings_imports_and_scores_alike(run, tmp_path):
    from conftest import copy_workspace
    from helpers import with_example_co, write_tree
    from helpers import yaml_response as direct_response
    from test_survey_import import csv_text

    ws = with_example_co(copy_workspace(tmp_path / "ws"))
    q = load(ws).questionnaires["pmo-services"]
    labels = {o.value: o.label for o in q.options(q.questions["SRV-REPORTING"])}
    labels |= {"na": "N/A", "dont_know": "Don't know"}
    header = ["Respondent", "Your role"]
    header += [f"{x.text} [{label}]" for x in q.questions.values() for label in q.views.values()]
    header += ["Portfolio and project reporting - comments"]
    rows, expected = [header], {}
    for n, (who, role) in enumerate((("r01", "Sponsor"), ("r02", "Project manager"))):
        answers = service_answers(q, shift=n)
        expected[who] = (answers, role)
        row = [who, role]
        row += [labels[answers[x][view]] if n else answers[x][view]
                for x in q.questions for view in q.views]
        rows.append([*row, answers["SRV-REPORTING"]["notes"]])
    write_tree(ws, {"survey.csv": csv_text(rows)})
    status, _, err = run("import", "survey.csv", "--org", "example-co", "--round", "2026-h1",
                           cwd=ws)
    assert (status, err) == (0, ""), err
    direct = with_example_co(copy_workspace(tmp_path / "direct"))
    write_tree(direct, {f"assessments/orgs/example-co/2026-h1/{who}.yaml":
                        direct_response({"pmo-services": a}, who, role)
                        for who, (a, role) in expected.items()})
    scores_alike(run, ws, direct)


def test_explain_says_where_an_unplanned_action_s_services_sit(run):
    status, out, _ = run("roadmap", "northwind-bank", "--explain", "srv-share-lessons", cwd=ROOT)
    assert status == 0
    assert out.splitlines() == [
        "Turn lessons into a service that project teams use [srv-share-lessons]: not needed",
        "  Not in the plan: none of its services is in the services survey's improve-first "
        "quadrant: Lessons and knowledge sharing is low priority (importance 2.20, "
        "satisfaction 2.10).",
    ]


def test_the_grid_says_its_lines_are_the_office_s_own_averages():
    from generator.outputs.site.services import (
        borderline,
        lines_meaning,
        low_across_the_board,
        one_respondent,
    )

    result = scored(SERVICES, RATINGS)  # lines at 3.00 and 3.00
    assert "not necessarily satisfactory" in lines_meaning(result)
    assert low_across_the_board(result) == ""  # on the midpoint is not below it
    low = scored(SERVICES, {who: {k: (i, max(1, s - 1) if isinstance(s, int) else s)
                                  for k, (i, s) in v.items()} for who, v in RATINGS.items()})
    assert "satisfaction is low across the board" in low_across_the_board(low)
    # 4 raters: one can move a mean by 4 / 4 = 1.0; A (4.5, 2.0) is 1.0 from the lines
    assert [s.id for s in borderline(result)] == ["A", "B", "C"]  # D is rated by three: 1.33
    eight = scored(SERVICES, {(f"{w}{n}", role): v for (w, role), v in RATINGS.items()
                              for n in (1, 2)})
    assert borderline(eight) == ()  # 0.5 with eight: each service is 1.0 or more from a line
    assert "4 ÷ the number who rated it (0.5 with eight)" in one_respondent(eight)
    assert one_respondent(eight).endswith("No service here is that close to a line.")
    assert one_respondent(result).endswith(
        "borderline: Service A; Service B; Service C.")
