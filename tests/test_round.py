"""Running an assessment round end to end, as a consultant does it: invite three respondents,
two answer in the browser and one in Excel... and one never answers; the returned files are
imported from a downloads folder, `pmo status` says who is missing, and the built report
shows the counts. Also: what invitations hold, and how `pmo import` reports many files."""

from __future__ import annotations

import csv
import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest
import yaml
from helpers import response, workspace, write_tree
from openpyxl import load_workbook
from test_form_workbook import column, dropdown, question_rows


def invitations(root, round_id="r1"):
    path = root / "assessments/orgs/acme" / round_id / "invitations.csv"
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_invitations_hold_one_link_each_and_nothing_about_others(run, tmp_path):
    root = workspace(tmp_path / "ws")
    status, out, err = run("invite", "acme", "--round", "r1", "--count", "2", "--role",
                           "Project manager", "--base-url", "https://pmo.example.com", cwd=root)
    assert (status, err) == (0, "")
    rows = invitations(root)
    assert [(r["respondent"], r["questionnaire"]) for r in rows] == [
        ("r01", "kind"), ("r01", "mat"), ("r02", "kind"), ("r02", "mat")]
    assert rows[1]["link"] == ("https://pmo.example.com/surveys/mat/?organisation=acme&round=r1"
                               "&respondent=r01&role=Project+manager")
    assert all("r02" not in r["link"] for r in rows if r["respondent"] == "r01")
    assert rows[0]["link"] in out
    # inviting again adds new pseudonyms after the last, and keeps who was invited
    run("invite", "acme", "--round", "r1", "--count", "1", "--questionnaire", "mat",
        "--excel", cwd=root)
    rows = invitations(root)
    assert [r["respondent"] for r in rows] == ["r01", "r01", "r02", "r02", "r03"]
    form = root / rows[-1]["form"]
    details = load_workbook(form)["How to fill in"]
    filled = {c.value for row in details.iter_rows() for c in row if c.value}
    assert {"acme", "r1", "r03"} <= filled and not {"r01", "r02"} & filled
    assert rows[-1]["link"].startswith("http://127.0.0.1:8000/surveys/mat/")  # no site_url


def test_whom_to_invite_must_be_said(run, tmp_path):
    root = workspace(tmp_path / "ws")
    assert run("invite", "acme", cwd=root)[1:] == (
        "", "error: say whom to invite: --respondents ID... or --count N\n")
    status, _, err = run("invite", "acme", "--respondents", "ok,../x", cwd=root)
    assert status == 1 and err.startswith("error: respondent id '../x': ")
    assert not (root / "assessments/orgs/acme/r2/invitations.csv").exists()


BROWSER_FILE = response("r01", "GOV-2-1: largely\nGOV-2-2: partly\nGOV-3-1: dont_know",
                        round_id="r1")


def test_many_files_one_line_each_and_nothing_written_while_one_is_invalid(run, tmp_path):
    root = workspace(tmp_path / "ws")
    downloads = write_tree(tmp_path / "Downloads", {
        "r01-mat.yaml": BROWSER_FILE,
        "r01-mat (1).yaml": BROWSER_FILE,
        "r02-mat.yaml": response("r02", "GOV-2-1: sometimes", round_id="r1"),
        "holiday.yaml": "flights: 2\n",
        "notes.txt": "not a response",
    })
    status, out, err = run("import", str(downloads), cwd=root)
    assert status == 1
    assert out.splitlines() == [
        f"would file: {downloads}/r01-mat (1).yaml as assessments/orgs/acme/r1/r01-mat.yaml",
        f"already there: {downloads}/r01-mat.yaml (the same as {downloads}/r01-mat (1).yaml, "
        "as assessments/orgs/acme/r1/r01-mat.yaml)",
        f"invalid: {downloads}/r02-mat.yaml (1 error)",
        "Would file 1 file; 1 already there; 1 invalid; 2 other files in the folder left "
        "alone. Nothing was written: correct the invalid files, or add --skip-invalid to file "
        "the valid ones.",
    ]
    assert err.splitlines()[0].startswith(
        f"{downloads}/r02-mat.yaml:8:16: error: questionnaires.mat.answers.GOV-2-1: "
        "'sometimes' is not an answer to GOV-2-1")
    assert not (root / "assessments/orgs/acme/r1").exists()

    status, out, _ = run("import", str(downloads), "--skip-invalid", cwd=root)
    assert status == 1 and "filed: " in out
    filed = root / "assessments/orgs/acme/r1/r01-mat.yaml"
    assert filed.read_text() == BROWSER_FILE  # copied as it was saved

    (downloads / "r01-mat (1).yaml").write_text(BROWSER_FILE.replace("partly", "fully"))
    status, out, _ = run("import", str(downloads / "r01-mat (1).yaml"), cwd=root)
    assert status == 1 and out.startswith(f"needs --force: {downloads}/r01-mat (1).yaml would "
                                          "replace assessments/orgs/acme/r1/r01-mat.yaml")
    assert "partly" in filed.read_text()
    assert run("import", str(downloads / "r01-mat (1).yaml"), "--force", cwd=root)[0] == 0
    assert "fully" in filed.read_text()


# --- one round, end to end, in Chromium -----------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]

@pytest.fixture(scope="module")
def round_site(tmp_path_factory):
    """A small workspace with its site built and served: (root, address)."""
    from generator.pipeline import build

    root = workspace(tmp_path_factory.mktemp("round") / "ws")
    for part in ("content", "library"):  # report pages link to the reference and toolkit
        shutil.copytree(ROOT / part, root / part)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    report = build(root)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(report.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def answer_in_browser(browser, link: str, values: dict[str, str], target) -> None:
    """Open an invitation link in a fresh browser, answer step by step, download."""
    context = browser.new_context(accept_downloads=True)
    tab = context.new_page()
    tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
        ("http://127.0.0.1", "blob:", "data:")) else r.abort())
    tab.goto(link)
    while tab.locator(".pmo-step-current").get_attribute("data-step") != "pmo-review":
        for question, value in values.items():
            for radio in tab.locator(f'.pmo-step-current input[name^="{question}/"]'
                                     f'[value="{value}"]').all():
                if radio.is_enabled():
                    radio.check()
        tab.locator(".pmo-step-current .pmo-step-nav .md-button--primary").click()
    with tab.expect_download() as download:
        tab.click("#pmo-download")
    download.value.save_as(target)
    context.close()


def fill_form(path, questionnaires, answers: dict[str, dict[str, str]], target) -> None:
    book = load_workbook(path)
    for qid, given in answers.items():
        q = questionnaires[qid]
        sheet = book[q.title]
        rows = question_rows(sheet)
        headers = ["Answer"] if len(q.views) == 1 else list(q.views.values())
        for question, value in given.items():
            values = [o.value for o in q.options(q.questions[question])] + ["na", "dont_know"]
            for header in headers:
                cell = f"{column(sheet, header)}{rows[question]}"
                sheet[cell] = dropdown(book, sheet, cell)[values.index(value)]
    book.save(target)


@pytest.mark.browser
def test_a_round_from_invitations_to_the_report(run, browser, round_site, tmp_path):
    from generator.loader import load

    root, site = round_site
    status, _, err = run("invite", "acme", "--round", "r1", "--count", "3", "--base-url", site,
                         "--excel", cwd=root)
    assert (status, err) == (0, "")
    links = {(r["respondent"], r["questionnaire"]): r["link"] for r in invitations(root)}
    downloads = tmp_path / "Downloads"
    downloads.mkdir()

    # r01 answers both questionnaires in the browser, every question
    answer_in_browser(browser, links[("r01", "mat")], {
        "GOV-2-1": "fully", "GOV-2-2": "largely", "GOV-3-1": "largely", "GOV-4-1": "partly",
        "GOV-5-1": "not", "RSK-2-1": "largely", "RSK-3-1": "dont_know"},
        downloads / "r01-mat.yaml")
    answer_in_browser(browser, links[("r01", "kind")], {"T-1": "everything", "T-2": "board"},
                      downloads / "r01-kind.yaml")
    # r02 answers in the Excel form the invitation made, leaving two criteria open
    questionnaires = load(root).questionnaires
    form = root / next(r["form"] for r in invitations(root) if r["respondent"] == "r02")
    fill_form(form, questionnaires, {
        "mat": {"GOV-2-1": "largely", "GOV-2-2": "largely", "GOV-3-1": "partly",
                "RSK-2-1": "fully", "RSK-3-1": "partly"},
        "kind": {"T-1": "both", "T-2": "pm"}}, downloads / form.name)
    (downloads / "boarding-pass.pdf").write_bytes(b"%PDF-1.4")

    status, out, err = run("status", "acme", "--round", "r1", "--format", "json", cwd=root)
    assert [m["id"] for m in json.loads(out)["missing"]] == ["r01", "r02", "r03"]

    status, out, err = run("import", str(downloads), cwd=root)
    assert status == 0, err
    assert out.splitlines()[-1] == "Filed 3 files; 1 other file in the folder left alone."

    status, out, err = run("status", "acme", "--round", "r1", cwd=root)
    assert status == 0, err
    assert out.splitlines()[-1] == "2 of 3 respondents answered; not answered yet: r03."
    result = json.loads(run("status", "acme", "--round", "r1", "--format", "json",
                            cwd=root)[1])
    mat = {p["id"]: next(q for q in p["questionnaires"] if q["id"] == "mat")
           for p in result["respondents"]}
    assert (mat["r01"]["given"], mat["r01"]["asked"], mat["r01"]["dont_know"]) == (7, 7, 1)
    assert (mat["r02"]["given"], mat["r02"]["asked"], mat["r02"]["share"]) == (5, 7, 0.7143)
    assert mat["r03"]["answered"] is False

    from generator.pipeline import build

    report = build(root)
    page = (report.site / "assessments/acme/index.html").read_text(encoding="utf-8")
    summary = (root / "build/site/docs/assessments/acme/index.md").read_text(encoding="utf-8")
    assert "| Maturity | 2 (2 of 3 invited) | 86% | 1 |" in summary
    assert "| Office type | 2 (2 of 3 invited) | 100% | 0 |" in summary
    assert "r03" not in page and "r01" not in page  # names only when the organisation allows

    write_tree(root, {"assessments/orgs/acme/organisation.yaml": (
        root / "assessments/orgs/acme/organisation.yaml").read_text()
        + "report:\n  respondent_names: true\n"})
    build(root)
    summary = (root / "build/site/docs/assessments/acme/index.md").read_text(encoding="utf-8")
    assert "| r03 |  | kind | not yet | — |\n|  |  | mat | not yet | — |" in summary
    assert yaml.safe_load((root / "assessments/orgs/acme/r1/r01-mat.yaml").read_text())[
        "respondent"]["id"] == "r01"
