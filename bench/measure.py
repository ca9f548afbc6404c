"""Time a command in a fresh process, and the peak memory of every process it starts.

A benchmark that runs in the process that measures it hides the interpreter's start-up and
the imports, and `ru_maxrss` sees neither forked workers nor their children. So each run is a
new process; a thread polls its process tree every 20 ms and keeps the largest sum of resident
memory (RSS) over the tree. psutil is used when installed, else /proc (Linux).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

POLL = 0.02
"""Seconds between two looks at the process tree."""
ROOT = Path(__file__).resolve().parents[1]
ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass(frozen=True)
class Run:
    """One command's wall time and the peak memory of its process tree."""

    seconds: float
    peak_mib: float
    output: str


def run(command: Sequence[str], *, cwd: Path | None = None,
        env: Mapping[str, str] | None = None, check: bool = True) -> Run:
    """Run `command` in a new process; its output is kept, not shown."""
    environment = {**os.environ, **ENV, **(env or {})}
    started = time.perf_counter()
    process = subprocess.Popen(list(command), cwd=cwd, env=environment, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = _Peak(process.pid)
    peak.start()
    output, _ = process.communicate()
    seconds = time.perf_counter() - started
    peak.stop()
    if check and process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}:\n{output}")
    return Run(seconds, peak.mib, output)


def script(name: str, *args: str) -> list[str]:
    """A console script of this interpreter's environment (`pmo`, `mkdocs`), as a user runs
    it; `python -m NAME` where it is not installed as a script."""
    path = Path(sys.executable).with_name(name)
    module = "generator" if name == "pmo" else name
    return [str(path), *args] if path.is_file() else [sys.executable, "-m", module, *args]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float], unit: str = "s") -> str:
    """`median (min–max)` of a few runs."""
    return f"{median(values):.2f} {unit} ({min(values):.2f}–{max(values):.2f})"


def linear_fit(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float, float]:
    """Least squares `y = slope·x + intercept`: (slope, intercept, R²)."""
    slope, intercept = statistics.linear_regression(xs, ys)
    mean = statistics.fmean(ys)
    total = sum((y - mean) ** 2 for y in ys)
    residual = sum((y - (slope * x + intercept)) ** 2 for x, y in zip(xs, ys, strict=True))
    return slope, intercept, 1 - residual / total if total else 1.0


class _Peak(threading.Thread):
    """Polls the tree below `pid` until stopped; `mib` is the largest total RSS seen."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.mib = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.mib = max(self.mib, _tree_rss(self.pid) / 2**20)
            self._done.wait(POLL)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree_rss(pid: int) -> int:
    try:
        import psutil
    except ImportError:
        return _proc_tree_rss(pid)
    try:
        top = psutil.Process(pid)
        processes = [top, *top.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in processes:
        with contextlib.suppress(psutil.Error):  # it may have ended meanwhile
            total += p.memory_info().rss
    return total


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _proc_tree_rss(pid: int) -> int:
    """Sum of RSS over `pid` and its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:  # noqa: PTH123
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()  # the name may hold spaces
        child = int(entry.name)
        children.setdefault(int(fields[1]), []).append(child)
        rss[child] = int(fields[21]) * _PAGE
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, ()))
    return total
