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

from generator.checks.actions import MATURITY_ID
from generator.loader import load
from generator.site.practices import BLOCK, fill

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
    ws = small(tmp_path, STALE)
    status, _, err = run("build", cwd=ws)
    assert status == 0, err
    page = (ws / "build/site/docs/practices/gov.md").read_text(encoding="utf-8")
    assert "Boards meet when they feel like it" not in page
    assert "- Sponsors, sometimes." in page  # the hand-written text around it stays
    levels = re.findall(r"^### Level (\d): (\w+)\n\n((?:- .*\n)+)", page, re.M)
    assert levels == [
        ("2", "Repeatable", "- **GOV-2-1** Boards exist\n- **GOV-2-2** Boards decide\n"),
        ("3", "Standardised", "- **GOV-3-1** One standard\n"),
        ("4", "Measured", "- **GOV-4-1** Measured\n"),
        ("5", "Optimising", "- **GOV-5-1** Improved\n"),
    ]
    html = (ws / "site/practices/gov/index.html").read_text(encoding="utf-8")
    assert "<strong>GOV-3-1</strong> One standard" in html
    assert "pmo:criteria" not in re.sub(r"<!--.*?-->", "", html, flags=re.S)  # never shown


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
