"""Benchmark: load and score a synthetic workspace of many organisations.

Writes ORGS organisations × RESPONDENTS respondents (each answering all three bundled
questionnaires, in one file per respondent) into a temporary workspace, then loads (read +
validate every file) and scores (every score, every organisation) it in a fresh process, as
`pmo` would: the figure includes the interpreter's start-up and the imports, and the memory is
the peak over all the processes of the run. Target: 10 s for 1,000 × 20 on 2 cores.

    python bench/score.py                 # 1,000 organisations × 20 respondents
    python bench/score.py --orgs 100      # a quicker run
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

if TYPE_CHECKING:
    from generator.models import Questionnaire

TARGET = 10.0
"""Seconds for load + score of 1,000 × 20 (issue 12)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--respondents", type=int, default=20)
    parser.add_argument("--runs", type=int, default=1, help="fresh processes to time")
    parser.add_argument("--keep", type=Path, help="write the workspace here and keep it")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(load_and_score(args.child)))
        return

    from measure import median, run, spread

    root = args.keep or Path(tempfile.mkdtemp(prefix="pmo-bench-"))
    try:
        started = time.perf_counter()
        files = make_workspace(root, args.orgs, args.respondents)
        print(f"wrote {files:,} answer files in {time.perf_counter() - started:.1f} s "
              "(not timed)")
        runs = [run([sys.executable, __file__, "--child", str(root)]) for _ in range(args.runs)]
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    inside = [json.loads(r.output.strip().splitlines()[-1]) for r in runs]
    walls = [r.seconds for r in runs]
    first = inside[0]
    print(f"answers: {first['answers']:,} in {first['responses']:,} responses; "
          f"{first['rows']:,} aggregated criterion rows")
    print(f"load:   {median([i['load'] for i in inside]):6.2f} s  (inside the process)")
    print(f"score:  {median([i['score'] for i in inside]):6.2f} s  (inside the process)")
    rest = [w - i["load"] - i["score"] for w, i in zip(walls, inside, strict=True)]
    print(f"start-up, imports and exit: {median(rest):.2f} s")
    scale = args.orgs * args.respondents / 20_000
    verdict = ("met" if median(walls) <= TARGET else "NOT met") if scale == 1 else \
        f"not comparable: {args.orgs} × {args.respondents} is {scale:.1%} of 1,000 × 20"
    print(f"total, fresh process: {spread(walls)}  target {TARGET:.0f} s: {verdict}")
    print(f"peak memory of all processes: {max(r.peak_mib for r in runs):,.0f} MiB")


def load_and_score(root: Path) -> dict[str, float]:
    """Load and score the workspace at `root`; the figures measured inside this process."""
    from generator.loader import load
    from generator.scoring import score_workspace

    started = time.perf_counter()
    ws = load(root)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    tables = score_workspace(ws)
    scored = time.perf_counter() - started
    return {"load": loaded, "score": scored, "answers": len(ws.answers),
            "responses": len(ws.responses),
            "rows": sum(len(t.criteria) for t in tables.maturity)}


def make_workspace(root: Path, orgs: int, respondents: int) -> int:
    """Copy the bundled questionnaires and write random but valid answers; returns the number
    of answer files. bench/site.py and bench/roadmap.py build on it."""
    from generator.models import Questionnaire
    from generator.yamlio import read_yaml

    (root / "assessments").mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "assessments/questionnaires", root / "assessments/questionnaires")
    questionnaires = [
        Questionnaire.model_validate(read_yaml(p).data)
        for p in sorted((root / "assessments/questionnaires").glob("*.yaml"))
    ]
    rng = random.Random(7)
    count = 0
    for o in range(orgs):
        org = root / "assessments/orgs" / f"org-{o:04d}"
        (org / "r1").mkdir(parents=True)
        (org / "organisation.yaml").write_text(
            f"id: org-{o:04d}\nname: Organisation {o}\nrounds:\n  - {{id: r1, date: 2025-06-01}}\n"
        )
        bias = rng.random()
        for r in range(respondents):
            lines = [
                f"organisation: org-{o:04d}",
                "round: r1",
                f"respondent: {{id: p{r:02d}, role: Staff}}",
                "questionnaires:",
            ]
            for q in questionnaires:
                lines += [f"  {q.id}:", f'    version: "{q.version}"', "    answers:"]
                lines += _answers(q, rng, bias)
            (org / "r1" / f"p{r:02d}.yaml").write_text("\n".join(lines) + "\n")
            count += 1
    return count


def _answers(q: Questionnaire, rng: random.Random, bias: float) -> list[str]:
    given: dict[str, dict[str, str]] = {view: {} for view in q.views}
    for question in q.questions.values():
        values = [o.value for o in q.options(question)]
        for view in q.views:
            condition = q.conditions.get(question.id)
            if condition and not condition.evaluate(given[view], q.option_scores):
                continue
            roll = rng.random()
            if roll < 0.03:
                given[view][question.id] = "dont_know"
            elif roll < 0.05:
                given[view][question.id] = "na"
            else:
                index = min(len(values) - 1, int((rng.random() + bias) / 2 * len(values)))
                given[view][question.id] = values[index]
    if len(q.views) == 1:
        return [f"      {k}: {v}" for k, v in given["current"].items()]
    out = []
    for qid in q.questions:
        pair = {view: given[view][qid] for view in q.views if qid in given[view]}
        if pair:
            out.append(f"      {qid}: {{{', '.join(f'{k}: {v}' for k, v in pair.items())}}}")
    return out


if __name__ == "__main__":
    main()
