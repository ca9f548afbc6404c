"""Drawing many charts: each is cached by a hash of its input and drawn in worker processes.

A chart job names a figure function and its plain-data arguments. Identical arguments give an
identical chart, so a rebuild draws only the charts whose data changed.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib

from ..files import write_atomic
from . import render
from .report import benchmark, model_position, radar, trend, type_fits
from .roadmap import roadmap_figure

VERSION = "1"
"""Bump when any figure function changes how it draws, to invalidate cached charts."""

FIGURES: dict[str, Callable[..., Any]] = {
    "radar": radar,
    "trend": trend,
    "type": type_fits,
    "model": model_position,
    "roadmap": roadmap_figure,
    "benchmark": benchmark,
}
PARALLEL_FROM = 8


@dataclass(frozen=True)
class ChartJob:
    """A chart to draw: where it goes in the site, which figure, with what data."""

    path: str
    kind: str
    args: tuple[Any, ...]

    @property
    def key(self) -> str:
        text = f"{VERSION}|{matplotlib.__version__}|{self.kind}|{self.args!r}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChartResult:
    charts: dict[str, bytes]
    drawn: int
    cached: int


def draw(job: ChartJob) -> bytes:
    """The chart as SVG bytes."""
    figure = FIGURES[job.kind](*job.args)
    return render(figure, "svg")


def draw_all(
    jobs: Iterable[ChartJob],
    cache: Path | None,
    jobs_limit: int | None = None,
    advance: Callable[[int], None] | None = None,
) -> ChartResult:
    """Every job's SVG, from the cache where possible, the rest drawn (in parallel if many)."""
    jobs = list(jobs)
    charts: dict[str, bytes] = {}
    missing: list[ChartJob] = []
    for job in jobs:
        cached = cache / f"{job.key}.svg" if cache else None
        if cached is not None and cached.is_file():
            charts[job.path] = cached.read_bytes()
            if advance:
                advance(1)
        else:
            missing.append(job)
    workers = jobs_limit or os.cpu_count() or 1
    if len(missing) >= PARALLEL_FROM and workers > 1:
        context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            drawn = pool.map(draw, missing, chunksize=max(1, len(missing) // (workers * 4)))
            for job, data in zip(missing, drawn, strict=True):
                _keep(charts, cache, job, data, advance)
    else:
        for job in missing:
            _keep(charts, cache, job, draw(job), advance)
    return ChartResult(charts, drawn=len(missing), cached=len(jobs) - len(missing))


def _keep(charts: dict[str, bytes], cache: Path | None, job: ChartJob, data: bytes,
          advance: Callable[[int], None] | None) -> None:
    charts[job.path] = data
    if cache is not None:
        write_atomic(cache / f"{job.key}.svg", data)
    if advance:
        advance(1)
