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

from ...files import write_atomic
from . import render
from .report import benchmark, model_position, radar, trend, type_fits
from .roadmap import roadmap_figure
from .services import services_grid

VERSION = "3"
"""Bump when any figure function changes how it draws, to invalidate cached charts."""

FIGURES: dict[str, Callable[..., Any]] = {
    "radar": radar,
    "trend": trend,
    "type": type_fits,
    "model": model_position,
    "roadmap": roadmap_figure,
    "benchmark": benchmark,
    "services": services_grid,
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
    """Each job's SVG by its path."""
    drawn: int
    """Charts drawn, each once however many jobs share it."""
    cached: int
    """Jobs served from the cache or by a chart drawn for another job."""


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
    """Every job's SVG, from the cache where possible, the rest drawn (in parallel if many).

    Jobs with the same key (the same figure of the same data, under other paths) are drawn
    once."""
    by_key: dict[str, list[ChartJob]] = {}
    for job in jobs:  # a key hashes the job's data: worth working out once
        by_key.setdefault(job.key, []).append(job)
    charts: dict[str, bytes] = {}
    missing: list[list[ChartJob]] = []
    for key, same in by_key.items():
        cached = cache / f"{key}.svg" if cache else None
        if cached is not None and cached.is_file():
            data = cached.read_bytes()
            charts.update((job.path, data) for job in same)
            if advance:
                advance(len(same))
        else:
            missing.append(same)
    workers = jobs_limit or os.cpu_count() or 1
    if len(missing) >= PARALLEL_FROM and workers > 1:
        context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            drawn = pool.map(draw, [same[0] for same in missing],
                             chunksize=max(1, len(missing) // (workers * 4)))
            for same, data in zip(missing, drawn, strict=True):
                _keep(charts, cache, same, data, advance)
    else:
        for same in missing:
            _keep(charts, cache, same, draw(same[0]), advance)
    total = sum(len(same) for same in by_key.values())
    return ChartResult(charts, drawn=len(missing), cached=total - len(missing))


def _keep(charts: dict[str, bytes], cache: Path | None, same: list[ChartJob], data: bytes,
          advance: Callable[[int], None] | None) -> None:
    charts.update((job.path, data) for job in same)
    if cache is not None:
        write_atomic(cache / f"{same[0].key}.svg", data)
    if advance:
        advance(len(same))
