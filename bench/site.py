"""Benchmark: `pmo build` against a bare `mkdocs build` of the same generated docs, paired.

Writes a synthetic workspace (the bundled questionnaires, actions, library and content, and
ORGS organisations with a few respondents each). Every command runs in a fresh process (so
interpreter start-up and imports count) and its peak memory is the sum over all its processes.
Each comparison is paired and repeated (`--pairs`, default 3; the order within a pair
alternates), and printed as medians with their range:

1. cold against cold: `pmo build` with no cache, build folder or site, against `mkdocs build`
   of a copy of the docs folder it generated, into a folder that does not exist yet;
2. a full rebuild with warm caches (`pmo build --full`) against the same bare `mkdocs build`;
3. a rebuild with nothing changed against reading the inputs (`pmo validate`);
4. a rebuild after one answer file changed against the warm full rebuild.

Targets (issue 12): cold ≤ 1.5× MkDocs; nothing changed ≤ 2× reading the inputs; one change
≤ 0.2× a warm full rebuild. `--scale` repeats the build measurements for several workspace
sizes, prints a table and fits cost = seconds per organisation × orgs + intercept.

    python bench/site.py                       # 200 organisations, 3 pairs
    python bench/site.py --orgs 20 --pairs 2
    python bench/site.py --scale 25,50,100,200,400 --pairs 1
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import Run, linear_fit, median, run, script, spread  # noqa: E402
from score import make_workspace  # noqa: E402

TARGETS = {"cold": 1.5, "same": 2.0, "change": 0.2}
SITE_PARTS = ("assessments/actions", "library", "content")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=200)
    parser.add_argument("--respondents", type=int, default=4)
    parser.add_argument("--pairs", type=int, default=3, help="paired runs per comparison")
    parser.add_argument("--scale", help="comma-separated organisation counts: a scale table")
    parser.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    args = parser.parse_args()
    if args.scale:
        scale([int(n) for n in args.scale.split(",")], args.respondents, args.pairs)
        return
    root = args.keep or Path(tempfile.mkdtemp(prefix="pmo-bench-site-"))
    try:
        site_workspace(root, args.orgs, args.respondents)
        result = measure(root, args.pairs)
        report(result, args.orgs)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


def site_workspace(root: Path, orgs: int, respondents: int) -> None:
    """A workspace with the site's library and content and `orgs` synthetic organisations."""
    make_workspace(root, orgs, respondents)
    for part in SITE_PARTS:
        shutil.copytree(ROOT / part, root / part)
    for name in ("mkdocs.yml", "workspace.yaml"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, root / name)


@dataclass
class Result:
    """Every run, by what it measured."""

    runs: dict[str, list[Run]] = field(default_factory=dict)
    summary: str = ""

    def add(self, name: str, measured: Run) -> Run:
        self.runs.setdefault(name, []).append(measured)
        return measured

    def seconds(self, name: str) -> list[float]:
        return [r.seconds for r in self.runs.get(name, [])]

    def ratios(self, top: str, bottom: str) -> list[float]:
        return [a / b for a, b in zip(self.seconds(top), self.seconds(bottom), strict=True)]

    def peak(self) -> float:
        return max(r.peak_mib for runs in self.runs.values() for r in runs)


def measure(root: Path, pairs: int) -> Result:
    """Every comparison, `pairs` times, each command in a fresh process."""
    result = Result()
    plain = root / "plain" / "site"  # the depth of build/site: its INHERIT path still holds
    for i in range(pairs):
        _clean(root)
        shutil.rmtree(root / "plain-out", ignore_errors=True)
        if i % 2 == 0 or not plain.is_dir():
            result.add("cold", run(_pmo("build"), cwd=root))
            _copy_docs(root, plain)
            result.add("mkdocs cold", run(_mkdocs(plain, root / "plain-out")))
        else:
            result.add("mkdocs cold", run(_mkdocs(plain, root / "plain-out")))
            result.add("cold", run(_pmo("build"), cwd=root))
        result.summary = result.runs["cold"][-1].output.strip().splitlines()[-1]
    for i in range(pairs):
        shutil.rmtree(root / "plain-out", ignore_errors=True)
        full = [lambda: result.add("warm full", run(_pmo("build", "--full"), cwd=root)),
                lambda: result.add("mkdocs", run(_mkdocs(plain, root / "plain-out")))]
        for step in full if i % 2 == 0 else reversed(full):
            step()
        same = [lambda: result.add("nothing changed", run(_pmo("build"), cwd=root)),
                lambda: result.add("read inputs", run(_pmo("validate"), cwd=root))]
        for step in same if i % 2 == 0 else reversed(same):
            step()
        _change_one_answer(root, i)
        result.add("one change", run(_pmo("build"), cwd=root))
    return result


def report(result: Result, orgs: int) -> None:
    print(f"{orgs} organisations; {result.summary}")
    print("medians (range) of fresh processes:")
    for name in ("cold", "mkdocs cold", "warm full", "mkdocs", "nothing changed",
                 "read inputs", "one change"):
        runs = result.runs[name]
        peak = max(r.peak_mib for r in runs)
        print(f"  {name:<16} {spread([r.seconds for r in runs]):<26} peak {peak:,.0f} MiB")
    print("ratios (median of the pairs, range):")
    for label, top, bottom, target in (
        ("cold pmo build / cold mkdocs build", "cold", "mkdocs cold", TARGETS["cold"]),
        ("warm full rebuild / mkdocs build", "warm full", "mkdocs", None),
        ("nothing changed / reading the inputs", "nothing changed", "read inputs",
         TARGETS["same"]),
        ("one answer changed / warm full rebuild", "one change", "warm full",
         TARGETS["change"]),
    ):
        ratios = result.ratios(top, bottom)
        aim = f"  target ≤ {target}×: {'met' if median(ratios) <= target else 'NOT met'}" \
            if target else ""
        print(f"  {label:<40} {median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})"
              f"{aim}")


def scale(sizes: list[int], respondents: int, pairs: int) -> None:
    """The build measurements at several sizes, a table and a linear fit per column."""
    columns = ("cold", "warm full", "nothing changed", "one change")
    rows = []
    for orgs in sizes:
        root = Path(tempfile.mkdtemp(prefix=f"pmo-bench-scale-{orgs}-"))
        try:
            site_workspace(root, orgs, respondents)
            result = measure(root, pairs)
        finally:
            shutil.rmtree(root, ignore_errors=True)
        rows.append((orgs, [median(result.seconds(c)) for c in columns], result.peak()))
        print(f"  measured {orgs} organisations", file=sys.stderr)
    print(f"{'orgs':>6} " + " ".join(f"{c:>16}" for c in columns) + f" {'peak memory':>12}")
    for orgs, values, peak in rows:
        print(f"{orgs:>6} " + " ".join(f"{v:>14.2f} s" for v in values) + f" {peak:>8,.0f} MiB")
    if len(rows) < 2:
        return
    print("linear fit, seconds = per organisation × orgs + intercept:")
    for index, column in enumerate(columns):
        slope, intercept, r2 = linear_fit([r[0] for r in rows], [r[1][index] for r in rows])
        print(f"  {column:<16} {slope:.4f} s per organisation + {intercept:.2f} s  "
              f"(R² {r2:.3f})")


def _pmo(*args: str) -> list[str]:
    return script("pmo", *args)


def _mkdocs(config_dir: Path, out: Path) -> list[str]:
    return script("mkdocs", "build", "--strict", "--quiet", "-f",
                  str(config_dir / "mkdocs.yml"), "-d", str(out))


def _clean(root: Path) -> None:
    """No cache, build folder or site: what a first build on a new machine meets."""
    for name in (".pmo-cache", "build", "site"):
        shutil.rmtree(root / name, ignore_errors=True)


def _copy_docs(root: Path, plain: Path) -> None:
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(root / "build" / "site", plain)
    (plain / "published.json").unlink(missing_ok=True)


def _change_one_answer(root: Path, index: int) -> None:
    """Change one answer in one file, a different organisation each time."""
    orgs = sorted((root / "assessments/orgs").iterdir())
    answer = sorted((orgs[index % len(orgs)] / "r1").glob("*.yaml"))[0]
    text = answer.read_text()
    for old, new in ((": not\n", ": fully\n"), (": fully\n", ": not\n"),
                     (": partly\n", ": largely\n")):
        if old in text:
            answer.write_text(text.replace(old, new, 1))
            return
    raise AssertionError(f"{answer} has no answer to change")


if __name__ == "__main__":
    main()
