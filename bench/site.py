"""Benchmark: `pmo build` of a large workspace next to a plain MkDocs build of its pages.

Writes a synthetic workspace (the bundled questionnaires, actions, library and content, and
ORGS organisations with a few respondents each), then measures:

1. a cold `pmo build` (no chart cache), stage by stage;
2. a plain `mkdocs build` of the same generated docs folder: the floor to beat;
3. a full rebuild with the charts cached: the generator's own overhead;
4. a rebuild with nothing changed, and a rebuild after one answer file changed.

Aims: the generator adds under 30 % to the MkDocs time; a rebuild after one change takes under a
fifth of a cold build.

    python bench/site.py                # 200 organisations
    python bench/site.py --orgs 50
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from score import make_workspace  # noqa: E402

from generator.pipeline import build  # noqa: E402
from generator.site.publish import mkdocs_build  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=200)
    parser.add_argument("--respondents", type=int, default=4)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="pmo-bench-site-"))
    try:
        make_workspace(root, args.orgs, args.respondents)
        for part in ("assessments/actions", "library", "content"):
            shutil.copytree(ROOT / part, root / part)
        shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")

        cold = build(root)
        print(f"cold pmo build:      {cold.seconds:6.1f} s  {_stages(cold)}")
        print(f"                     {cold.pages:,} pages, {cold.charts:,} charts, "
              f"{cold.files:,} files")

        started = time.perf_counter()
        mkdocs_build(root / "build/site/mkdocs.yml", root / "plain-site", epoch=0)
        plain = time.perf_counter() - started
        print(f"plain mkdocs build:  {plain:6.1f} s  (same generated docs folder)")

        full = build(root, full=True)
        extra = full.seconds - plain
        print(f"full rebuild:        {full.seconds:6.1f} s  {_stages(full)}  (charts cached)")
        print(f"generator overhead:  {extra:6.1f} s  = {extra / plain:.0%} of the MkDocs build "
              "(aim: under 30 %)")
        print(f"  with cold charts:  {cold.seconds - plain:6.1f} s  = "
              f"{(cold.seconds - plain) / plain:.0%}")

        same = build(root)
        print(f"rebuild, no change:  {same.seconds:6.1f} s  {_stages(same)}  ({same.mode})")

        answer = next((root / "assessments/orgs/org-0000/r1").glob("*.yaml"))
        text = answer.read_text()
        answer.write_text(text.replace(": not\n", ": fully\n", 3))
        assert answer.read_text() != text, "the answer file did not change"
        changed = build(root)
        print(f"rebuild, 1 change:   {changed.seconds:6.1f} s  {_stages(changed)}  "
              f"({changed.mode}, {changed.rendered} pages re-rendered)")
        print(f"                     {changed.seconds / cold.seconds:.0%} of the cold build "
              "(aim: under 20 %)")
    finally:
        shutil.rmtree(root)


def _stages(report: object) -> str:
    timings = report.timings  # type: ignore[attr-defined]
    return " ".join(f"{name} {seconds:.1f}" for name, seconds in timings.items())


if __name__ == "__main__":
    main()
