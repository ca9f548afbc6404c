"""The hand-written content agrees with the model and says where its facts come from.

- The practice pages show the questionnaire's criteria at the levels they are scored at: the
  build fills them from the questionnaire, and the copy in content/ is checked against it.
- Every percentage and every claim attributed to research links to the references page, whose
  entries name author, title, year and publisher; lessons say whether they are composite cases
  or name a listed source.
- Every self-assessment and report page of a built site carries the acknowledgement.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import MATURITY, write_tree

from generator.loader import load
from generator.models.ids import MATURITY_ID
from generator.outputs.site.practices import BLOCK, fill

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
PRACTICES = sorted((CONTENT / "practices").glob("*.md"))
CRITERION = re.compile(r"\b[A-Z]{3}-[2-5]-\d+\b")


@pytest.fixture(scope="module")
def maturity():
    return load(ROOT, only=[]).questionnaires[MATURITY_ID]


# --- the practice pages and the questionnaire ----------------------------------------------

def blocks(path: Path) -> list[str]:
    return [m["section"] for m in BLOCK.finditer(path.read_text(encoding="utf-8"))]


def test_every_perspective_has_one_practice_page_with_its_criteria(maturity):
    shown = [section for path in PRACTICES for section in blocks(path)]
    assert sorted(shown) == sorted(s.id for s in maturity.sections)


@pytest.mark.parametrize("path", PRACTICES, ids=lambda p: p.stem)
def test_practice_page_copy_matches_the_questionnaire(path, maturity):
    """Refresh with: python tools/practice_criteria.py"""
    text = path.read_text(encoding="utf-8")
    assert fill(text, maturity) == text, f"{path.name} is stale: run tools/practice_criteria.py"


def outside_blocks(path: Path) -> str:
    return BLOCK.sub("", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", PRACTICES, ids=lambda p: p.stem)
def test_no_level_is_described_by_hand_above_level_1(path):
    assert not re.search(r"^#+ Level [2-5]\b", outside_blocks(path), re.M)


def items(text: str, heading: str) -> list[str]:
    """The list items under a bold lead-in such as `**To move from level 2 to level 3:**`."""
    part = text.split(heading, 1)[1].split("\n\n!!!", 1)[0].split("\n\n**", 1)[0]
    return [line for line in part.strip().splitlines() if line[:2] in ("- ", "1.", "2.", "3.",
                                                                        "4.", "5.", "6.")]


@pytest.mark.parametrize("path", [p for p in PRACTICES if blocks(p)], ids=lambda p: p.stem)
def test_first_steps_cite_criteria_at_their_levels(path, maturity):
    """Advice names the criteria it serves; each is this page's and at the level it claims."""
    text = outside_blocks(path)
    [section] = blocks(path)
    own = {x.id: x.level for x in next(s for s in maturity.sections if s.id == section).questions}
    for ident in CRITERION.findall(text):
        assert ident in own, f"{path.name}: {ident} is not a criterion of '{section}'"
    steps = {
        "**If you are at level 0 or 1, in the first 90 days:**": 2,
        "**To move from level 2 to level 3:**": 3,
    }
    for heading, level in steps.items():
        for item in items(text, heading):
            for ident in CRITERION.findall(item):
                said = f"level-{own[ident]} criterion"
                assert own[ident] == level or said in item, (
                    f"{path.name}: '{item}' cites {ident}, a level-{own[ident]} criterion, "
                    f"under a heading about level {level}, without saying so")


# --- the build fills the criteria from the workspace's questionnaire ------------------------

MKDOCS = "site_name: Test\ntheme: {name: material}\n"
STALE = """\
# Governance

### Level 1: Ad hoc

- Sponsors, sometimes.

<!-- pmo:criteria gov -->
### Level 2: Repeatable

- Boards meet when they feel like it.
<!-- /pmo:criteria -->
"""


def small(root: Path, page: str) -> Path:
    return write_tree(root, {
        "mkdocs.yml": MKDOCS,
        "content/index.md": "# Home\n",
        "content/practices/gov.md": page,
        f"assessments/questionnaires/{MATURITY_ID}.yaml":
            MATURITY.replace("id: mat\n", f"id: {MATURITY_ID}\n"),
    })


def test_the_build_fills_the_criteria_from_the_questionnaire(tmp_path, run):
    shown = "    <!-- pmo:criteria example -->\n    <!-- /pmo:criteria -->\n"
    ws = small(tmp_path, STALE + "\nHow to mark the place:\n\n" + shown)
    status, _, err = run("build", cwd=ws)
    assert status == 0, err
    page = (ws / "build/site/docs/practices/gov.md").read_text(encoding="utf-8")
    assert "Boards meet when they feel like it" not in page
    assert "- Sponsors, sometimes." in page  # the hand-written text around it stays
    assert page.endswith(shown)  # a marker shown as an example, indented, is left alone
    levels = re.findall(r"^### Level (\d): (\w+)\n\n((?:- .*\n)+)", page, re.M)
    assert levels == [
        ("2", "Repeatable", "- **GOV-2-1** Boards exist\n- **GOV-2-2** Boards decide\n"),
        ("3", "Standardised", "- **GOV-3-1** One standard\n"),
        ("4", "Measured", "- **GOV-4-1** Measured\n"),
        ("5", "Optimising", "- **GOV-5-1** Improved\n"),
    ]
    html = (ws / "site/practices/gov/index.html").read_text(encoding="utf-8")
    assert "<strong>GOV-3-1</strong> One standard" in html
    visible = re.sub(r"<!--.*?-->|<pre>.*?</pre>", "", html, flags=re.S)  # but the example
    assert "pmo:criteria" not in visible


def test_criteria_text_is_shown_as_written(tmp_path, run):
    ws = small(tmp_path, STALE)
    path = ws / f"assessments/questionnaires/{MATURITY_ID}.yaml"
    path.write_text(path.read_text().replace("text: One standard",
                                             "text: '*One* <b>standard</b> [x]'"))
    assert run("build", cwd=ws)[0] == 0
    page = (ws / "build/site/docs/practices/gov.md").read_text(encoding="utf-8")
    assert r"- **GOV-3-1** \*One\* &lt;b&gt;standard&lt;/b&gt; \[x\]" in page


def test_blocks_that_name_no_perspective_are_reported_at_once(tmp_path, run):
    page = ("# Practice\n\n<!-- pmo:criteria finance -->\n<!-- /pmo:criteria -->\n\n"
            "Text.\n\n<!-- pmo:criteria gov\n")
    ws = small(tmp_path, page)
    status, out, err = run("build", cwd=ws)
    assert status == 1 and out == ""
    assert [line for line in err.splitlines() if ": error: " in line] == [
        "content/practices/gov.md:3:1: error: pmo:criteria: 'finance' is not a perspective of "
        f"the questionnaire '{MATURITY_ID}'; expected one of: gov, risk",
        "content/practices/gov.md:8:1: error: pmo:criteria: a 'pmo:criteria' block needs "
        "'<!-- pmo:criteria PERSPECTIVE -->' on a line of its own and a closing "
        "'<!-- /pmo:criteria -->'",
    ]
    assert not (ws / "site").exists()



# --- sources ---------------------------------------------------------------------------------

REFERENCES = CONTENT / "references.md"
PERCENT = re.compile(r"\d\s?%|\d+ per ?cent\b", re.I)
RESEARCH = re.compile(r"\b(research|researchers?|study|studies|"
                      r"surveys? (found|showed|shows|reported|reports) that)\b", re.I)
COMPOSITE = "composite case, details changed"


def sources() -> dict[str, str]:
    """The references page's sources: heading (e.g. `Hobbs and Aubry (2010)`) → citation."""
    part = REFERENCES.read_text(encoding="utf-8").split("\n## Sources\n", 1)[1].split("\n## ", 1)[0]
    return dict(re.findall(r"^### (.+)\n\n(.+)$", part, re.M))


def surnames() -> set[str]:
    """People cited on the references page: naming one is citing research."""
    names = set()
    for citation in sources().values():
        authors = re.match(r"\*\*(.+?)\*\*", citation)[1]
        names |= set(re.findall(r"(?:^|and |, )([A-Z][\w'-]+), (?:[A-Z]\. ?)+", authors))
    return names


def units(text: str) -> list[tuple[str, bool]]:
    """Each line of Markdown outside code, with whether it lies in an example admonition."""
    out, fenced, example = [], False, False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or not line.strip():
            continue
        if re.match(r"^(!!!|\?\?\?\+?) ", line):
            example = line.split()[1] == "example"
        elif not line.startswith("    "):
            example = False
        out.append((line, example))
    return out


def claims(unit: str) -> list[str]:
    found = [m.group(0) for m in PERCENT.finditer(unit)] + [m.group(0) for m in
                                                           RESEARCH.finditer(unit)]
    return found + [name for name in surnames() if re.search(rf"\b{name}\b", unit)]


PAGES = [p for p in sorted(CONTENT.rglob("*.md"))
         if p != REFERENCES and "reference" not in p.relative_to(CONTENT).parts]
"""Every hand-written page but the references page itself and the tool's reference pages,
whose percentages are the tool's own arithmetic."""


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(CONTENT).as_posix())
def test_figures_and_research_claims_link_to_the_references(path):
    unsourced = [f"{claims(unit)}: {unit.strip()[:90]}" for unit, example in units(
        path.read_text(encoding="utf-8")) if claims(unit) and not example
        and "references.md" not in unit]
    assert unsourced == []


def lessons() -> list[dict]:
    import yaml

    return [lesson for path in sorted((ROOT / "library" / "lessons").glob("*.yaml"))
            for lesson in yaml.safe_load(path.read_text(encoding="utf-8"))["lessons"]]


@pytest.mark.parametrize("lesson", lessons(), ids=lambda x: x["id"])
def test_lessons_link_their_figures_and_research_claims(lesson):
    for key in ("summary", "situation", "lesson", "recommendation"):
        text = " ".join(lesson[key].split()) if key != "recommendation" else lesson[key]
        for unit in text.splitlines():
            if claims(unit) and key == "summary":
                pytest.fail(f"{lesson['id']}: the summary, shown without links, claims "
                            f"{claims(unit)}")
            assert not claims(unit) or "../references.md#" in unit, f"{lesson['id']}.{key}"


@pytest.mark.parametrize("lesson", lessons(), ids=lambda x: x["id"])
def test_lessons_say_they_are_composite_cases_or_name_listed_sources(lesson):
    if lesson["source"] != COMPOSITE:
        assert set(lesson["source"].split("; ")) <= set(sources()), lesson["source"]


def test_every_source_names_author_year_title_and_publisher():
    listed = sources()
    assert len(listed) >= 10
    for heading, citation in listed.items():
        author, year = re.fullmatch(r"(.+) \((\d{4}|n\.d\.)\)", heading).groups()
        shape = re.fullmatch(r'\*\*(.+?)\*\* \((\d{4}|n\.d\.)\)\. (\*[^*]+\*|"[^"]+")(.*)',
                             citation)
        assert shape, f"{heading}: expected **Author** (year). *Title* or \"Title\". Publisher."
        assert shape[2] == year and shape[1].split(",")[0].split()[0] in author
        publishers = "Press|Institute|TSO|Commerce|Service|Ltd|University|Association"
        assert re.search(rf"\. [A-Z].*({publishers})", shape[4]), \
            f"{heading}: no publisher after the title"


def test_every_finding_cites_a_listed_source():
    text = REFERENCES.read_text(encoding="utf-8")
    findings = text.split("\n## Research findings\n", 1)[1].split("\n## Frameworks", 1)[0]
    anchors = {re.sub(r"[^\w -]", "", h.lower()).replace(" ", "-").replace("ü", "u")
               for h in sources()}
    for finding in findings.split("\n### ")[1:]:
        cited = set(re.findall(r"\]\(#([\w-]+)\)", finding))
        assert cited and cited <= anchors, finding.splitlines()[0]


def test_statistics_are_stated_once():
    """A research figure lives on the references page; other pages link to it."""
    for path in PAGES:
        text = outside_blocks(path)  # the criteria are the questionnaire's, not research
        for figure in ("two to three years", "about two years", "two-year", "184", "five hundred"):
            assert figure not in text, f"{path.name} repeats '{figure}'"

# --- the acknowledgement ----------------------------------------------------------------------

ACKNOWLEDGEMENT = (
    "this is not an AXELOS assessment and its results are not P3M3 ratings. P3M3®, P3O®, "
    "PRINCE2® and MSP® are registered trade marks of AXELOS Limited (PeopleCert); OPM3® and "
    "PMBOK® are registered marks of the Project Management Institute, Inc."
)


def test_every_self_assessment_and_report_page_carries_the_acknowledgement(sample_site):
    _, site, _ = sample_site
    pages = [*(site / "surveys").rglob("index.html"), *(site / "assessments").rglob("index.html")]
    orgs = [p for p in (site / "assessments").iterdir() if (p / "maturity").is_dir()]
    assert len(orgs) >= 5 and len(pages) > 4 * len(orgs)  # every report page, not one
    missing = [str(p.relative_to(site)) for p in pages
               if ACKNOWLEDGEMENT not in " ".join(p.read_text(encoding="utf-8").split())]
    assert missing == []


# --- settled contradictions -----------------------------------------------------------------

def test_the_charter_length_is_the_same_everywhere():
    import yaml

    lifecycle = (CONTENT / "standards" / "pmo-lifecycle.md").read_text(encoding="utf-8")
    charter = yaml.safe_load((ROOT / "library" / "templates" / "pmo-charter.yaml").read_text(
        encoding="utf-8"))["guidance"]
    assert "two or three pages" in lifecycle.lower() and "two or three pages" in charter
    texts = [p.read_text(encoding="utf-8") for p in CONTENT.rglob("*.md")]
    texts += [" ".join(str(v) for v in lesson.values()) for lesson in lessons()]
    assert not [t for t in texts if re.search(r"one-page charter|charter to one page", t)]


def test_the_practices_say_when_level_4_is_the_default_target():
    """The advice that level 3 suits most names every office type whose defaults reach 4."""
    from generator.planning.targets import BASELINE, BY_TYPE

    named = {"portfolio-office": "portfolio office", "hub-and-spoke": "hub-and-spoke",
             "coe": "centre of excellence"}
    index = (CONTENT / "practices" / "index.md").read_text(encoding="utf-8")
    note = index.split('!!! note "Level 3', 1)[1].split("\n\n", 1)[0]
    assert BASELINE == 3 and "Level 3 is therefore the default target" in note
    assert {t for t, targets in BY_TYPE.items() if 4 in targets.values()} == set(named)
    assert all(words in note for words in named.values())
    assert "(../reference/roadmaps.md#default-targets)" in note
