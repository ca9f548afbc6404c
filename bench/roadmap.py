"""Benchmark: plan roadmaps for many organisations against the full action library.

Writes a synthetic workspace (the bundled questionnaires and action library, ORGS
organisations with a few respondents each, maturity spread from level 0 to 5), then, in a fresh
process, loads and scores it and plans every organisation's roadmap: extracting its scores,
choosing actions and scheduling them. The planning figure is the process's wall time less the
load and score it measured inside: it includes the interpreter's start-up and the imports, and
`generator.planning.roadmaps_for` (with worker processes) where it exists, else `roadmap_for`
one organisation after another. The memory is the peak over all processes of the run.
Target: 5 s for 1,000 organisations on 2 cores.

    python bench/roadmap.py                # 1,000 organisations
    python bench/roadmap.py --orgs 100     # a quicker run
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TARGET = 5.0
"""Seconds to plan 1,000 roadmaps (issue 12)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--respondents", type=int, default=3)
    parser.add_argument("--runs", type=int, default=1, help="fresh processes to time")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(plan_all(args.child)))
        return

    from measure import median, run, spread
    from score import make_workspace

    root = Path(tempfile.mkdtemp(prefix="pmo-bench-roadmap-"))
    try:
        make_workspace(root, args.orgs, args.respondents)
        shutil.copytree(ROOT / "assessments/actions", root / "assessments/actions")
        runs = [run([sys.executable, __file__, "--child", str(root)]) for _ in range(args.runs)]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    inside = [json.loads(r.output.strip().splitlines()[-1]) for r in runs]
    planning = [r.seconds - i["load_score"] for r, i in zip(runs, inside, strict=True)]
    first = inside[0]
    print(f"{first['plans']:,} roadmaps ({first['actions']:,} planned actions, "
          f"{first['short']:,} with a shortfall report), {first['how']}")
    print(f"load + score: {median([i['load_score'] for i in inside]):.2f} s (not counted)")
    print(f"planning inside the process: {median([i['plan'] for i in inside]):.2f} s, "
          f"{median([i['plan'] for i in inside]) / first['plans'] * 1000:.1f} ms each")
    verdict = ("met" if median(planning) <= TARGET else "NOT met") if args.orgs == 1000 else \
        f"not comparable at {args.orgs:,} organisations"
    print(f"planning with start-up and imports: {spread(planning)}  target {TARGET:.0f} s: "
          f"{verdict}")
    print(f"whole run: {spread([r.seconds for r in runs])}; peak memory of all processes: "
          f"{max(r.peak_mib for r in runs):,.0f} MiB")


def plan_all(root: Path) -> dict[str, object]:
    """Load, score and plan in this process; the figures measured inside it."""
    from generator.loader import load
    from generator.scoring import score_workspace

    started = time.perf_counter()
    ws = load(root)
    tables = score_workspace(ws)
    loaded = time.perf_counter() - started
    orgs = sorted(ws.organisations)
    started = time.perf_counter()
    try:
        from generator.planning import roadmaps_for  # type: ignore[attr-defined]
    except ImportError:
        from generator.planning import roadmap_for

        plans = [roadmap_for(ws, tables, org) for org in orgs]
        how = "one after another (roadmap_for)"
    else:
        found = roadmaps_for(ws, tables, orgs)
        plans = [p for p in (found.values() if isinstance(found, dict) else found)
                 if p is not None]
        how = "with roadmaps_for"
    planned = time.perf_counter() - started
    return {"load_score": loaded, "plan": planned, "plans": len(plans), "how": how,
            "actions": sum(len(p.actions) + len(p.deferred) for p in plans),
            "short": sum(p.shortfall is not None for p in plans)}


if __name__ == "__main__":
    main()
