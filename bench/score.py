"""Benchmark: load and score a synthetic workspace of many organisations.

Writes ORGS organisations × RESPONDENTS respondents (each answering all three bundled
questionnaires, in one file per respondent) into a temporary workspace, then times
`load` (read + validate every file) and `score_workspace` (every score, every organisation)
separately. Aim: under 10 s for 1,000 × 20 on 2 cores.

    python bench/score.py                 # 1,000 organisations × 20 respondents
    python bench/score.py --orgs 100      # a quicker run
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.loader import load  # noqa: E402
from generator.models import Questionnaire  # noqa: E402
from generator.scoring import score_workspace  # noqa: E402
from generator.yamlio import read_yaml  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=1000)
    parser.add_argument("--respondents", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="write the workspace here and keep it")
    args = parser.parse_args()

    root = args.keep or Path(tempfile.mkdtemp(prefix="pmo-bench-"))
    started = time.perf_counter()
    files = make_workspace(root, args.orgs, args.respondents)
    print(f"wrote {files:,} answer files in {time.perf_counter() - started:.1f} s (not timed)")

    started = time.perf_counter()
    ws = load(root)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    tables = score_workspace(ws)
    scored = time.perf_counter() - started
    rows = sum(len(t.criteria) for t in tables.maturity)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"answers: {len(ws.answers):,} in {len(ws.responses):,} responses")
    print(f"load:  {loaded:6.2f} s")
    print(f"score: {scored:6.2f} s  ({rows:,} aggregated criterion rows)")
    print(f"total: {loaded + scored:6.2f} s   peak memory of this process: {peak:,.0f} MiB")
    if not args.keep:
        shutil.rmtree(root)


def make_workspace(root: Path, orgs: int, respondents: int) -> int:
    """Copy the bundled questionnaires and write random but valid answers."""
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
