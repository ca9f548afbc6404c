"""`pmo build`: the published site, its links, determinism, atomicity and confidentiality."""

from __future__ import annotations

import difflib
import gzip
import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import copy_workspace
from sitecheck import broken_links, leaked_markup, outside_requests

from generator.errors import GeneratorError
from generator.loader import load
from generator.pipeline import STAGES, build

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
GOLDEN_ORG = "riverside-health"


def test_stages_run_in_order(sample_site):
    _, _, report = sample_site
    assert report.stages == STAGES


def test_site_has_every_section(sample_site):
    _, site, report = sample_site
    for page in ("index.html", "standards/operating-models/index.html", "toolkit/index.html",
                 "toolkit/raid-log/index.html", "lessons/index.html", "lessons/LL-001/index.html",
                 "assessments/index.html", "assessments/northwind-bank/index.html",
                 "assessments/northwind-bank/maturity/index.html",
                 "assessments/northwind-bank/roadmap/index.html",
                 "assessments/northwind-bank/type-and-model/index.html",
                 "surveys/index.html", "surveys/p3o-maturity/index.html",
                 "search/search_index.json"):
        assert (site / page).is_file(), page
    assert report.summary().startswith(f"Built {report.pages:,} pages and ")


def test_the_workspace_site_carries_no_report_documents_by_default(sample_site):
    """`site.report_documents: client`: the documents are a client site's, and no page links
    to a document the site does not have."""
    _, site, report = sample_site
    assert not list((site / "assessments").rglob("*-report.*"))
    assert report.charts == 0  # the site's charts are drawn by the browser
    page = (site / "assessments" / "northwind-bank" / "index.html").read_text(encoding="utf-8")
    assert "-report.pdf" not in page and "Download the report" not in page


def test_charts_are_data_in_the_pages_with_a_label_each(sample_site):
    _, site, _ = sample_site
    assert not list(site.rglob("*.svg"))
    pages = {name: (site / "assessments" / name / "index.html").read_text(encoding="utf-8")
             for name in ("northwind-bank", "northwind-bank/type-and-model",
                          "northwind-bank/roadmap", "northwind-bank/services", "")}
    kinds = {name: [json.loads(b)["type"] for b in CHART_DATA.findall(html)]
             for name, html in pages.items()}
    assert kinds == {"northwind-bank": ["radar", "line"],
                     "northwind-bank/type-and-model": ["bar", "scatter"],
                     "northwind-bank/roadmap": ["bar"], "northwind-bank/services": ["scatter"],
                     "": ["bar"]}
    for html in pages.values():
        labels = re.findall(r'<canvas role="img" aria-label="([^"]+)"', html)
        assert len(labels) == html.count("<canvas") and all(len(t) > 40 for t in labels)
    assert 'class="pmo-scroll pmo-levels"' in pages["northwind-bank/roadmap"]
    assert (site / "assets/pmo/chart.umd.min.js").is_file()
    assert (site / "assets/pmo/chart.js.LICENSE.txt").is_file()


def test_no_broken_internal_links(sample_site):
    _, site, _ = sample_site
    assert broken_links(site) == []


def test_every_page_renders_its_markdown(sample_site):
    _, site, _ = sample_site
    assert leaked_markup(site) == []


def test_placeholders_in_library_text_are_shown(sample_site):
    _, site, _ = sample_site
    page = (site / "toolkit" / "raid-log" / "index.html").read_text(encoding="utf-8")
    assert "Because of &lt;cause&gt;, &lt;event&gt; may happen" in page


def test_nothing_is_fetched_from_another_host(sample_site):
    _, site, _ = sample_site
    assert outside_requests(site) == []


def test_downloads_open(sample_site):
    from docx import Document
    from openpyxl import load_workbook

    _, site, _ = sample_site
    downloads = sorted((site / "toolkit" / "downloads").iterdir())
    assert len(downloads) >= 20
    for path in downloads:
        if path.suffix == ".docx":
            assert Document(str(path)).paragraphs
        else:
            book = load_workbook(path)
            assert book.sheetnames[0] == "How to use" and len(book.sheetnames) >= 2


def test_identical_input_gives_identical_output(sample_site, built_sample, tmp_path):
    _, site, _ = sample_site
    again = build(built_sample, out=tmp_path / "again")
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again.site): p.read_bytes() for p in again.site.rglob("*")
              if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []
    assert again.drawn == 0  # every chart came from the cache


def test_a_failed_build_leaves_the_previous_site(built_sample):
    root = built_sample
    site = build(root).site  # published where the copy is: the next build can be incremental
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    page = root / "content" / "standards" / "kpis.md"
    page.write_text(page.read_text() + "\n[broken](no-such-page.md)\n")
    # an answer changes too: the incremental build copies its report documents and charts
    # for real, and links to the others; none of the previous site's files may change
    answers = root / "assessments" / "orgs" / GOLDEN_ORG / "2025-q1" / "sanjay-p.yaml"
    answers.write_text(answers.read_text().replace("GOV-3-1: partly", "GOV-3-1: fully"))
    with pytest.raises(GeneratorError, match="MkDocs could not build the site"):
        build(root)
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".site.")]


def tree(site: Path) -> dict[Path, bytes]:
    return {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_rebuild_renders_only_what_changed_and_equals_a_full_build(built_sample, tmp_path,
                                                                    monkeypatch):
    import generator.outputs.site.pages
    import generator.pipeline

    root = built_sample
    assert build(root).mode == "full"  # the copy's site moved: MkDocs publishes it in full
    assert build(root).mode == "unchanged"
    answers = root / "assessments" / "orgs" / GOLDEN_ORG / "2025-q1" / "sanjay-p.yaml"
    text = answers.read_text()
    assert "GOV-3-1: partly" in text
    answers.write_text(text.replace("GOV-3-1: partly", "GOV-3-1: fully"))
    rendered, planned = spy(monkeypatch, generator.outputs.site.pages, "org_pages",
                            lambda ws, r, *a: r.org.id), \
        spy(monkeypatch, generator.pipeline, "_roadmaps", lambda ws, tables, orgs, *a: orgs)
    again = build(root)
    # only the organisation whose answers changed is planned and rendered again
    assert rendered == [GOLDEN_ORG] and planned == [[GOLDEN_ORG]]
    assert again.mode == "incremental"
    assert 0 < again.rendered < again.pages / 4
    page = root / "content" / "standards" / "kpis.md"
    page.write_text(page.read_text() + "\nA sentence added for the test.\n")
    again = build(root)  # a shared input changed: every organisation again
    reports = {o for o in load(root).organisations
               if (root / "build" / "site" / "docs" / "assessments" / o).is_dir()}
    assert again.mode == "incremental" and sorted(rendered[1:]) == sorted(reports)
    full = build(root, out=tmp_path / "full", full=True)
    assert full.mode == "full" and full.rendered == full.pages
    assert tree(again.site) == tree(full.site)
    # Anything but page content, here the site's settings, calls for a full build.
    settings = root / "mkdocs.yml"
    settings.write_text(settings.read_text().replace("site_name: ", "site_name: New "))
    assert build(root).mode == "full"


def spy(monkeypatch, module, name, record):
    """Calls of `module.name`, each recorded as `record(*args)`; the function still runs."""
    calls = []
    real = getattr(module, name)

    def wrapper(*args, **kwargs):
        calls.append(record(*args))
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


def test_plain_mkdocs_builds_the_hand_written_pages(tmp_path):
    from generator.outputs.site.publish import mkdocs_build

    mkdocs_build(ROOT / "mkdocs.yml", tmp_path / "plain", epoch=0)
    assert (tmp_path / "plain" / "standards" / "maturity-model" / "index.html").is_file()


# --- confidentiality ----------------------------------------------------------------------

def identifying_strings(ws, org):
    """What identifies `org`: id, name, description, respondents, evidence and notes."""
    o = ws.organisations[org]
    strings = {o.id, o.name}
    strings |= {s for s in o.description.split(". ") if len(s) > 25}
    answers = ws.answers
    mine = [r for r in ws.responses if r.organisation == org]
    strings |= {r.respondent for r in mine if r.respondent}
    indexes = [i for i, r in enumerate(ws.responses) if r.organisation == org]
    rows = answers[answers["response"].isin(indexes)]
    for column in ("evidence", "notes"):
        strings |= {text for text in rows[column].astype(str) if len(text) > 20}
    return strings


CHART_DATA = re.compile(r'<script type="application/json" class="pmo-chart-data">(.*?)</script>',
                        re.S)


def chart_strings(html: str) -> list[str]:
    """Every string in the pages' chart data, decoded: the JSON escapes characters such as
    `&` and `<`, which would hide a name from a plain text search."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for block in CHART_DATA.findall(html):
        walk(json.loads(block))
    return found


def site_text(site: Path) -> dict[str, str]:
    """Every file's text, unpacking zipped downloads and gzipped files, and with the strings
    of the charts' data decoded."""
    out = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b"".join(archive.read(name) for name in archive.namelist())
        elif path.suffix == ".gz":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        if path.suffix == ".html":
            text += "\n".join(chart_strings(text))
        out[str(path.relative_to(site))] = text
    return out


@pytest.mark.parametrize("client", ["northwind-bank", "brightside-agency"])
def test_a_client_site_holds_no_other_organisations_data(built_sample, client):
    root = built_sample  # the whole site built first: its page cache holds every
    ws = load(root)  # organisation's pages
    site = build(root, org=client).site
    texts = site_text(site)
    assert any(ws.organisations[client].name in text for text in texts.values())
    page = (site / "assessments" / client / "index.html").read_text(encoding="utf-8")
    assert chart_strings(page)  # the charts' data is looked at too
    found = sorted(p.name for p in (site / "assessments").rglob("*-report.*"))
    assert [name.split("-report.")[1] for name in found] == ["docx", "pdf"]
    for other in ws.organisations:
        if other == client:
            continue
        for needle in identifying_strings(ws, other):
            leaks = [name for name, text in texts.items() if needle in text]
            assert not leaks, f"{other}'s {needle!r} appears in {leaks[:3]}"


def test_cached_pages_stay_with_their_organisation_and_build_kind(tmp_path):
    from generator.outputs.site.page_cache import Bundle, PageCache

    root = copy_workspace(tmp_path / "ws")
    ws = load(root)
    a, b = sorted(ws.organisations)[:2]
    folder = root / ".pmo-cache" / "pages"
    client = PageCache(folder, root, f"client-{a}")
    client.loaded(ws)
    key = client.org_key(a)
    client.put_org(a, key, Bundle({f"assessments/{a}/index.md": b"# A"}, {}))
    assert client.org(a, key).files == {f"assessments/{a}/index.md": b"# A"}
    for other in (PageCache(folder, root, "site"), PageCache(folder, root, f"client-{b}")):
        assert other.org(a, key) is None and other.org_key(a) != key
    assert client.org_key(b) != key
    # an entry put in another organisation's place is refused
    place = folder / f"client-{a}" / "orgs"
    shutil.copytree(place / a, place / b)
    assert client.org(b, key) is None
    with pytest.raises(ValueError, match="other files"):
        client.put_org(a, key, Bundle({f"assessments/{b}/index.md": b"# B"}, {}))
    assert PageCache(folder, root, f"client-{a}", reuse=False).org(a, key) is None  # --full
    client.prune([a])
    assert not (place / b).exists() and client.org(a, key) is not None


# --- escaping -----------------------------------------------------------------------------

def test_free_text_is_escaped(tmp_path):
    root = copy_workspace(tmp_path / "ws", orgs={"riverside-health"})  # the one it changes
    org = root / "assessments/orgs/riverside-health/organisation.yaml"
    org.write_text(org.read_text().replace(
        "name: Riverside Health Trust", "name: \"Riverside <script>alert('x')</script> *Trust*\""))
    (root / "assessments/orgs/riverside-health/2025-q1/zz-visitor.yaml").write_text(
        "organisation: riverside-health\nround: 2025-q1\n"
        "respondent: {id: zz-visitor, role: \"<b>Guest</b>\"}\n"
        "questionnaires:\n  p3o-maturity:\n    version: '1.0'\n    answers:\n"
        "      GOV-2-1: {answer: largely, evidence: \"<img src=x onerror=alert(1)> "
        "[link](javascript:x) | pipe\"}\n"
    )
    site = build(root, org="riverside-health").site
    html = "".join((site / "assessments/riverside-health" / page / "index.html").read_text()
                   for page in ("", "maturity"))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Guest" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x" in html and "&lt;b&gt;Guest" in html
    assert 'href="javascript:x"' not in html
    title = (site / "assessments/riverside-health/index.html").read_text()
    assert "<title>Riverside &lt;script&gt;" in title or "<title>Riverside &amp;lt;" in title


def test_maturity_page_shows_the_portfolio_programme_and_project_view(sample_site):
    root, site, _ = sample_site
    docs = root / "build" / "site" / "docs" / "assessments" / "northwind-bank"
    page = (docs / "maturity.md").read_text(encoding="utf-8")
    assert "## Portfolio, programme and project { #views }" in page
    assert "| View | Score | Change | Criteria | Level 2 | Level 3 | Level 4 | Level 5 |" in page
    assert "| Portfolio | 2.7 | +0.1 | 34 | 2/2 | 5/12 | 0/12 | 0/8 |" in page
    assert ("Project management is strongest (3.4); the office, portfolio management and "
            "programme management are level and weakest (2.7–2.8).") in page
    assert "    - **Project**, level 3: [STK-3-3](#stakeholders) (partly)" in page
    html = (site / "assessments/northwind-bank/maturity/index.html").read_text(encoding="utf-8")
    assert 'id="views"' in html and "<td>Office (PMO)</td>" in html
    summary = (docs / "index.md").read_text(encoding="utf-8")
    assert "**Portfolio, programme and project.** Project management is strongest" in summary


# --- golden Markdown ------------------------------------------------------------------------

def test_golden_markdown(sample_site, update_golden):
    """The generated report of one organisation, compared line by line.

    Refresh after an intended change with: pytest tests/test_site.py --update-golden
    """
    root, _, _ = sample_site
    generated = root / "build" / "site" / "docs" / "assessments" / GOLDEN_ORG
    pages = sorted(p.relative_to(generated) for p in generated.rglob("*.md"))
    folder = GOLDEN / GOLDEN_ORG
    if update_golden:
        for page in pages:
            (folder / page).parent.mkdir(parents=True, exist_ok=True)
            (folder / page).write_text((generated / page).read_text())
        pytest.skip("golden files rewritten")
    assert sorted(p.relative_to(folder) for p in folder.rglob("*.md")) == pages
    for page in pages:
        expected = (folder / page).read_text().splitlines()
        actual = (generated / page).read_text().splitlines()
        diff = "\n".join(difflib.unified_diff(expected, actual, f"golden/{page}", str(page),
                                              lineterm=""))
        assert not diff, f"generated Markdown differs (refresh with --update-golden):\n{diff}"
