"""Refresh the criteria pasted in the practice pages from the maturity questionnaire.

    python tools/practice_criteria.py

`pmo build` fills the `pmo:criteria` blocks of content/ from the questionnaire every time, so
the built site is always right; this keeps the copy in the Markdown files right too, for the
plain MkDocs build and for readers of the repository. tests/test_content.py fails when a copy
differs from the questionnaire.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.loader import load  # noqa: E402
from generator.models.ids import MATURITY_ID  # noqa: E402
from generator.outputs.site.practices import fill  # noqa: E402

CONTENT = ROOT / "content"


def main() -> None:
    questionnaire = load(ROOT, only=[]).questionnaires[MATURITY_ID]
    changed = 0
    for path in sorted(CONTENT.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        fresh = fill(text, questionnaire)
        if fresh != text:
            path.write_text(fresh, encoding="utf-8")
            print(f"updated {path.relative_to(ROOT)}")
            changed += 1
    if not changed:
        print("the practice pages are up to date")


if __name__ == "__main__":
    main()
