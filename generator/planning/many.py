"""Plan the roadmaps of many organisations, in forked worker processes when that pays.

Each plan takes a few milliseconds of pure Python, so a workspace of a thousand clients is
planned on every core. Workers are forked: they inherit the loaded workspace and score
tables instead of receiving them, and only the finished roadmaps travel back.

Fork only before any Typst document has been compiled in this process: Typst keeps a
thread pool, and a forked child that touches its locks waits forever. The build plans
before it writes documents.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed

from ..errors import GeneratorError
from ..scoring import ScoreTables
from ..workspace import Workspace
from .results import Roadmap

PARALLEL_FROM = 64
"""Below this many organisations, starting workers costs more than it saves."""

PlanOne = Callable[[Workspace, ScoreTables, str], Roadmap]

_inherited: tuple[Workspace, ScoreTables, PlanOne] | None = None
"""What forked workers plan with; set in the parent just before the fork."""


def plan_many(
    ws: Workspace,
    tables: ScoreTables,
    orgs: Sequence[str],
    plan_one: PlanOne,
    *,
    jobs: int | None = None,
    advance: Callable[[int], None] | None = None,
) -> dict[str, Roadmap | None]:
    """`plan_one` for each organisation, in `orgs` order; None where it has no roadmap."""
    jobs = min(jobs or os.cpu_count() or 1, len(orgs))
    tick = advance or (lambda n: None)
    forks = "fork" in multiprocessing.get_all_start_methods()
    if len(orgs) < PARALLEL_FROM or jobs < 2 or not forks:
        out = {}
        for org in orgs:
            out[org] = _plan(ws, tables, org, plan_one)
            tick(1)
        return out
    return _in_workers(ws, tables, orgs, plan_one, jobs, tick)


def _in_workers(
    ws: Workspace,
    tables: ScoreTables,
    orgs: Sequence[str],
    plan_one: PlanOne,
    jobs: int,
    tick: Callable[[int], None],
) -> dict[str, Roadmap | None]:
    global _inherited
    # The first plan builds the workspace-wide lookups that the scores are read through
    # (cached properties): built here, every worker inherits them instead of building its own.
    found: dict[str, Roadmap | None] = {orgs[0]: _plan(ws, tables, orgs[0], plan_one)}
    tick(1)
    rest = orgs[1:]
    size = max(4, len(rest) // (jobs * 16))  # small enough for a progress bar that moves
    chunks = [list(rest[i : i + size]) for i in range(0, len(rest), size)]
    _inherited = (ws, tables, plan_one)
    # Objects that exist now are never collected in a worker: its collector would otherwise
    # write to every one of them and copy the pages that the fork shares.
    gc.freeze()
    try:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for done in as_completed([pool.submit(_plan_chunk, chunk) for chunk in chunks]):
                part = done.result()
                found.update(part)
                tick(len(part))
    finally:
        gc.unfreeze()
        _inherited = None
    return {org: found[org] for org in orgs}


def _plan_chunk(orgs: list[str]) -> dict[str, Roadmap | None]:
    assert _inherited is not None, "workers are forked after _inherited is set"
    ws, tables, plan_one = _inherited
    return {org: _plan(ws, tables, org, plan_one) for org in orgs}


def _plan(ws: Workspace, tables: ScoreTables, org: str, plan_one: PlanOne) -> Roadmap | None:
    try:
        return plan_one(ws, tables, org)
    except GeneratorError:  # e.g. no maturity answers in the latest round: no roadmap
        return None

