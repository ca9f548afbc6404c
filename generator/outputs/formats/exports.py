"""JSON and CSV forms of results, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ...cells import safe_cell
from ...scoring.results import Scorecard


def to_json(value: Any) -> str:
    """Dataclass records as indented JSON, keys in declaration order."""
    return json.dumps(_plain(value), indent=2, ensure_ascii=False) + "\n"


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


SCORE_COLUMNS = (
    "organisation",
    "round",
    "questionnaire",
    "kind",
    "view",
    "item",
    "title",
    "level",
    "score",
    "fit_percent",
    "position",
    "label",
    "previous",
    "limiting",
)


def scorecard_csv(sc: Scorecard) -> str:
    """One row per overall result, perspective and scope (portfolio, programme, project,
    office), per outcome fit and per position."""
    return to_csv(SCORE_COLUMNS, _score_rows(sc))


def _score_rows(sc: Scorecard) -> Iterable[tuple[Any, ...]]:
    base = (sc.organisation, sc.round)
    for m in sc.maturity:
        yield (
            *base,
            m.questionnaire,
            "overall",
            "",
            "overall",
            m.title,
            m.level,
            m.score,
            "",
            "",
            m.level_name,
            _prev(m.previous_level, m.previous_score),
            "",
        )
        for p in m.perspectives:
            limiting = "; ".join(f"{c.id} ({c.answer})" for c in p.limiting)
            yield (
                *base,
                m.questionnaire,
                "perspective",
                "",
                p.id,
                p.title,
                p.level,
                p.score,
                "",
                "",
                "",
                _prev(p.previous_level, p.previous_score),
                limiting,
            )
        for x in m.scopes:
            shares = "; ".join(
                f"L{s.level} {s.met}/{s.counted}" for s in x.levels if s.counted
            )
            previous = "" if x.previous_score is None else f"score {x.previous_score}"
            yield (*base, m.questionnaire, "scope", "", x.id, x.title, "", x.score, "", "",
                   shares, previous, "")
    for c in sc.classifications:
        for v in c.views:
            if v.position is not None:
                before = "" if v.previous_position is None else v.previous_position
                yield (
                    *base,
                    c.questionnaire,
                    "position",
                    v.view,
                    "position",
                    v.label,
                    "",
                    "",
                    "",
                    v.position,
                    v.position_label,
                    before,
                    "",
                )
            for f in v.fits:
                rank = (
                    "best"
                    if f.outcome in v.best
                    else ("runner-up" if f.outcome in v.runner_up else "")
                )
                yield (
                    *base,
                    c.questionnaire,
                    "fit",
                    v.view,
                    f.outcome,
                    f.title,
                    "",
                    "",
                    f.percent,
                    "",
                    rank,
                    "",
                    "",
                )


def _prev(level: int | None, score: float | None) -> str:
    if level is None:
        return ""
    return f"level {level}, score {score}"
