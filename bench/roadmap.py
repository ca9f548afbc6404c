"""Benchmark: plan roadmaps for many organisations against the full action library.

Writes a synthetic workspace (the bundled questionnaires and action library, ORGS
organisations with a few respondents each, maturity spread from level 0 to 5), loads and
scores it, then times planning every organisation's roadmap: extracting its scores, choosing
actions and scheduling them. Aim: under 10 s for 1,000 organisations on 2 cores.

    python bench/roadmap.py                # 1,000 organisations
    python bench/roadmap.py --orgs 100     # a quicker run
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

from generator.loader import load  # noqa: E402
from generator.planning import roadmap_for  # noqa: E402
from generator.scoring import score_workspace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--respondents", type=int, default=3)
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="pmo-bench-roadmap-"))
    try:
        make_workspace(root, args.orgs, args.respondents)
        shutil.copytree(ROOT / "assessments/actions", root / "assessments/actions")
        started = time.perf_counter()
        ws = load(root)
        tables = score_workspace(ws)
        print(f"{len(ws.organisations):,} organisations, {len(ws.actions)} actions; "
              f"loaded and scored in {time.perf_counter() - started:.1f} s (not timed)")

        started = time.perf_counter()
        plans = [roadmap_for(ws, tables, org) for org in sorted(ws.organisations)]
        elapsed = time.perf_counter() - started
    finally:
        shutil.rmtree(root)
    actions = sum(len(p.actions) + len(p.deferred) for p in plans)
    short = sum(p.shortfall is not None for p in plans)
    print(f"planned {len(plans):,} roadmaps ({actions:,} planned actions, {short:,} with a "
          f"shortfall report) in {elapsed:.2f} s: {elapsed / len(plans) * 1000:.1f} ms each")


if __name__ == "__main__":
    main()
