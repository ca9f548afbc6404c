"""The site's charts, drawn in the reader's browser by Chart.js from data in the page.

Drawing a chart with matplotlib costs about 70 ms, which made charts most of a cold build; the
site instead writes each chart's Chart.js configuration into the page as JSON, and
`assets/pmo/pmo-charts.js` draws it. The data comes from the same chart jobs as the figures in
the report documents, and the colours from `generator.outputs.charts.palette`, so both look alike.

Each chart is a `<canvas>` with role `img` and a label saying what it shows; the figures are
also in a table on the page (those of the trend and the benchmark in a `<details>` table here).
"""

from __future__ import annotations

import html
import json
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ...planning import Roadmap
from ...planning.results import FIRST_MONTHS
from ..charts.jobs import ChartJob
from ..charts.palette import (
    CURRENT,
    FIRST_DAYS,
    GRID,
    HORIZON,
    LEVELS,
    MUTED,
    PREVIOUS,
    QUADRANTS,
    QUICK_WIN,
    SETUP,
    TARGET,
    perspective_colour,
)
from ..charts.roadmap import month_label, month_step, office_label
from ..charts.services import QUADRANT_NAMES

Config = dict[str, Any]


@dataclass(frozen=True)
class BrowserChart:
    """A chart for the browser: what it shows (for screen readers) and how to draw it."""

    label: str
    config: Config
    """Chart.js configuration, plain JSON; `pmo-charts.js` adds what JSON cannot hold."""
    height: int
    """Pixels on screen; the width follows the page."""
    min_width: int = 0
    """Pixels below which the chart scrolls sideways rather than squeeze its labels."""
    table: str = ""
    """HTML table of the figures, when the page has no such table beside the chart."""

    def html(self) -> Markup:
        """The chart as raw HTML for a Markdown page (a block of its own)."""
        data = json.dumps(self.config, ensure_ascii=False, separators=(",", ":"))
        # JSON inside <script>: no "</script>" or "<!--" can end or change the element early
        data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        label = html.escape(self.label)
        size = f"height:{self.height}px" + (f";min-width:{self.min_width}px"
                                            if self.min_width else "")
        details = (f'<details class="pmo-chart-table"><summary>The chart\'s figures</summary>'
                   f'<div class="pmo-scroll">{self.table}</div></details>' if self.table else "")
        return Markup(f'<div class="pmo-chart"><div class="pmo-scroll" data-region="Chart" '
                f'data-label="{label}"><div class="pmo-chart-box" style="{size}">'
                f'<canvas role="img" aria-label="{label}"></canvas></div></div>'
                f'<script type="application/json" class="pmo-chart-data">{data}</script>'
                f"{details}</div>")


def browser_chart(job: ChartJob) -> BrowserChart:
    """The browser version of a chart job (the same figure and data)."""
    return _KINDS[job.kind](*job.args)


def _wrap(text: str, width: int) -> list[str] | str:
    lines = textwrap.wrap(text, width) or [text]
    return lines if len(lines) > 1 else lines[0]


def _values(values: Sequence[float | None]) -> list[float]:
    return [v if v is not None else 0 for v in values]


def _line(label: str, colour: str, data: Sequence[float | None], **style: Any) -> Config:
    return {"label": label, "data": list(data), "borderColor": colour,
            "backgroundColor": colour, "borderWidth": 2, **style}


def radar(titles: Sequence[str], current: Sequence[float | None],
          target: Sequence[float | None], previous: Sequence[float | None] | None = None
          ) -> BrowserChart:
    datasets = [_line("Now", CURRENT, _values(current), fill=True,
                      backgroundColor=CURRENT + "1f", pointRadius=2),
                _line("Target", TARGET, _values(target), borderDash=[6, 4], fill=False,
                      pointRadius=0)]
    if previous is not None:
        datasets.append(_line("Previous round", PREVIOUS, _values(previous), borderDash=[2, 3],
                              fill=False, pointRadius=0))
    shown = "now, target and previous round" if previous is not None else "now and target"
    return BrowserChart(
        f"Radar chart of the maturity level (0 to 5) of {len(titles)} perspectives, {shown}. "
        "The table below gives each perspective's level and target.",
        {"type": "radar", "data": {"labels": [_wrap(t, 16) for t in titles],
                                   "datasets": datasets},
         "options": {"scales": {"r": {"min": 0, "max": 5, "ticks": {"stepSize": 1},
                                      "grid": {"color": GRID}, "angleLines": {"color": GRID}}}}},
        height=440)


def trend(rounds: Sequence[str], titles: Sequence[str],
          scores: Sequence[Sequence[float | None]]) -> BrowserChart:
    datasets = [_line(t, perspective_colour(i), s, pointRadius=3, spanGaps=False)
                for i, (t, s) in enumerate(zip(titles, scores, strict=True))]
    head = "".join(f"<th>{html.escape(r)}</th>" for r in rounds)
    rows = "".join(
        f"<tr><td>{html.escape(t)}</td>"
        + "".join(f"<td>{'—' if v is None else f'{v:.1f}'}</td>" for v in s) + "</tr>"
        for t, s in zip(titles, scores, strict=True))
    return BrowserChart(
        f"Line chart of the maturity score (0 to 5) of {len(titles)} perspectives over "
        f"{len(rounds)} rounds, {rounds[0]} to {rounds[-1]}. Its figures are in the table "
        "after it.",
        {"type": "line", "data": {"labels": list(rounds), "datasets": datasets},
         "options": {"scales": {"y": {"min": 0, "max": 5, "ticks": {"stepSize": 1}, "title": {
             "display": True, "text": "Score (0–5)"}, "grid": {"color": GRID}},
             "x": {"grid": {"display": False}}},
             "plugins": {"legend": {"position": "bottom"}}}},
        height=380,
        table=f"<table><thead><tr><th>Perspective</th>{head}</tr></thead>"
              f"<tbody>{rows}</tbody></table>")


def type_fits(titles: Sequence[str], current: Sequence[int], needed: Sequence[int],
              labels: tuple[str, str] = ("Today", "Needed")) -> BrowserChart:
    return BrowserChart(
        f"Bar chart of how well each of {len(titles)} PMO types fits, in percent: "
        f"{labels[0].lower()} and {labels[1].lower()}. The table below gives the figures.",
        {"type": "bar", "data": {"labels": [_wrap(t, 28) for t in titles], "datasets": [
            {"label": labels[0], "data": list(current), "backgroundColor": CURRENT},
            {"label": labels[1], "data": list(needed), "backgroundColor": TARGET}]},
         "options": {"indexAxis": "y", "scales": {
             "x": {"min": 0, "max": 108, "title": {"display": True, "text": "Fit (%)"},
                   "grid": {"color": GRID}, "pmoTicks": [[v, str(v)] for v in range(0, 101, 20)]},
             "y": {"grid": {"display": False}, "ticks": {"autoSkip": False}}},
             "plugins": {"legend": {"position": "bottom"}, "pmoValues": {"suffix": "%"}}}},
        height=60 + 44 * len(titles), min_width=480)


def model_position(
    sections: Sequence[str],
    current: Sequence[float | None],
    target: Sequence[float | None],
    overall: tuple[float | None, float | None],
    outcomes: Sequence[tuple[float, str]],
    labels: tuple[str, str] = ("Today", "Should be"),
) -> BrowserChart:
    rows = ["Overall", *sections]
    now = [overall[0], *current]
    then = [overall[1], *target]

    def points(values: Sequence[float | None]) -> list[Config]:
        return [{"x": v, "y": i} for i, v in enumerate(values) if v is not None]

    return BrowserChart(
        f"Chart of the operating model's position from 0 (supportive) to 100 (directive), "
        f"overall and for {len(sections)} PMO functions: {labels[0].lower()} and "
        f"{labels[1].lower()}. The tables below give the positions.",
        {"type": "scatter", "data": {"datasets": [
            {"label": labels[0], "data": points(now), "backgroundColor": CURRENT,
             "borderColor": CURRENT, "pointRadius": 6, "pointStyle": "circle"},
            {"label": labels[1], "data": points(then), "backgroundColor": TARGET,
             "borderColor": TARGET, "pointRadius": 6, "pointStyle": "rectRot"}]},
         "options": {"scales": {
             "x": {"min": -5, "max": 105, "grid": {"color": GRID},
                   "pmoTicks": [[p, t] for p, t in outcomes]},
             "y": {"min": -0.5, "max": len(rows) - 0.5, "reverse": True,
                   "grid": {"display": False},
                   "pmoTicks": [[i, _wrap(r, 28)] for i, r in enumerate(rows)]}},
             "plugins": {"legend": {"position": "bottom", "labels": {"usePointStyle": True}},
                         "pmoArrows": {"rows": [[i, a, b] for i, (a, b)
                                                in enumerate(zip(now, then, strict=True))
                                                if a is not None and b is not None]}}}},
        height=80 + 40 * len(rows), min_width=480)


def services_grid(labels: Sequence[str], importance: Sequence[float],
                  satisfaction: Sequence[float], quadrants: Sequence[str],
                  lines: tuple[float, float], scale: tuple[float, float] = (1, 5),
                  titles: Sequence[str] = ()) -> BrowserChart:
    """The importance-satisfaction grid: a point per service, a dataset per quadrant, and the
    two dividing lines as lines of two points."""
    low, high = scale[0] - 0.2, scale[1] + 0.2
    datasets: list[Config] = []
    for quadrant, name in QUADRANT_NAMES.items():
        names = list(titles) or [""] * len(labels)
        points: list[Config] = [{"x": s, "y": i, "label": label, "title": name}
                  for label, i, s, q, name in zip(labels, importance, satisfaction, quadrants,
                                                  names, strict=True) if q == quadrant]
        datasets.append({"label": name, "data": points, "backgroundColor": QUADRANTS[quadrant],
                         "borderColor": QUADRANTS[quadrant], "pointRadius": 6})
    for name, ends in (("Mean importance", [{"x": low, "y": lines[0]},
                                            {"x": high, "y": lines[0]}]),
                       ("Mean satisfaction", [{"x": lines[1], "y": low},
                                              {"x": lines[1], "y": high}])):
        datasets.append({"type": "line", "label": name, "data": ends, "borderColor": MUTED,
                         "borderDash": [6, 4], "borderWidth": 1, "pointRadius": 0,
                         "fill": False})
    whole = range(int(scale[0]), int(scale[1]) + 1)
    axis = {"min": low, "max": high, "grid": {"color": GRID},
            "pmoTicks": [[n, str(n)] for n in whole]}
    return BrowserChart(
        f"Scatter chart of {len(labels)} services by mean satisfaction (across) and mean "
        "importance (up), coloured by quadrant: keep, improve first, over-served, low "
        "priority. The table below gives every figure.",
        {"type": "scatter", "data": {"datasets": datasets},
         "options": {"scales": {
             "x": {**axis, "title": {"display": True, "text": "Satisfaction (mean)"}},
             "y": {**axis, "title": {"display": True, "text": "Importance (mean)"}}},
             "plugins": {"legend": {"position": "bottom", "labels": {"usePointStyle": True}},
                         "pmoPointLabels": {}}}},
        height=460, min_width=420)


def benchmark(titles: Sequence[str], counts: Sequence[Sequence[int]]) -> BrowserChart:
    head = "".join(f"<th>Level {level}</th>" for level in range(6))
    rows = "".join(f"<tr><td>{html.escape(t)}</td>" + "".join(f"<td>{n}</td>" for n in row)
                   + "</tr>" for t, row in zip(titles, counts, strict=True))
    return BrowserChart(
        f"Stacked bar chart of how many organisations sit at each maturity level, 0 to 5, in "
        f"each of {len(titles)} perspectives. Its figures are in the table after it.",
        {"type": "bar", "data": {"labels": [_wrap(t, 30) for t in titles], "datasets": [
            {"label": f"Level {level}", "data": [row[level] for row in counts],
             "backgroundColor": LEVELS[level], "borderColor": "#ffffff", "borderWidth": 1}
            for level in range(6)]},
         "options": {"indexAxis": "y", "scales": {
             "x": {"stacked": True, "title": {"display": True, "text": "Organisations"},
                   "grid": {"color": GRID}, "ticks": {"precision": 0}},
             "y": {"stacked": True, "grid": {"display": False},
                   "ticks": {"autoSkip": False}}},
             "plugins": {"legend": {"position": "bottom"}}}},
        height=80 + 36 * len(titles), min_width=480,
        table=f"<table><thead><tr><th>Perspective</th>{head}</tr></thead>"
              f"<tbody>{rows}</tbody></table>")


def gantt(roadmap: Roadmap, titles: dict[str, str]) -> BrowserChart:
    """The roadmap's actions as floating bars, coloured by perspective, the first 90 days
    shaded and quick wins marked (the projected maturity is a table on the page)."""
    actions = [*roadmap.actions, *roadmap.deferred]
    perspectives = [t.perspective for t in roadmap.targets]
    colours = {p: perspective_colour(i) for i, p in enumerate(perspectives)}

    def colour(a: Any) -> str:
        return colours.get(a.perspectives[0], SETUP) if a.perspectives else SETUP

    end = max([roadmap.horizon, *(a.end_month for a in actions)])
    legend: list[Config] = [{"text": titles.get(p, p), "colour": colours[p]} for p in perspectives
              if any(p in a.perspectives for a in actions)]
    if any(not a.perspectives for a in actions):
        legend.append({"text": office_label(actions), "colour": SETUP})
    if roadmap.deferred:
        legend.append({"text": "Beyond the horizon", "colour": "#cccccc", "hatched": True})
    wins = sum(a.quick_win for a in actions)
    return BrowserChart(
        f"Gantt chart of the roadmap: {len(roadmap.actions)} actions over {roadmap.horizon} "
        f"months from {month_label(roadmap, 0)}, coloured by perspective, the first 90 days "
        "shaded"
        + (f", {wins} quick win{'s' * (wins != 1)} marked" if wins else "")
        + (f", {len(roadmap.deferred)} beyond the horizon" if roadmap.deferred else "")
        + ". The tables below list every action with its dates.",
        {"type": "bar", "data": {
            "labels": [_wrap(textwrap.shorten(a.title, 76, placeholder="…"), 40)
                       for a in actions],
            "datasets": [{"label": "Actions",
                          "data": [[a.start_month, a.start_month + a.months] for a in actions],
                          "backgroundColor": [colour(a) for a in actions],
                          "barPercentage": 0.9, "categoryPercentage": 0.75}]},
         "options": {"indexAxis": "y", "scales": {
             "x": {"min": 0, "max": end, "grid": {"color": GRID},
                   "pmoTicks": [[m, month_label(roadmap, m)]
                                for m in range(0, end + 1, month_step(end))]},
             "y": {"grid": {"display": False},
                   "ticks": {"autoSkip": False, "font": {"size": 11}}}},
             "plugins": {
                 "legend": {"position": "top", "pmoItems": legend},
                 "pmoGantt": {
                     "first": min(FIRST_MONTHS, end), "firstLabel": "First 90 days",
                     "shade": FIRST_DAYS, "firstColour": CURRENT,
                     "horizon": roadmap.horizon, "horizonColour": HORIZON,
                     "quickWins": [i for i, a in enumerate(actions) if a.quick_win],
                     "quickWinColour": QUICK_WIN,
                     "deferred": [i for i, a in enumerate(actions) if not a.within_horizon]}}}},
        height=120 + 30 * max(len(actions), 1), min_width=640)


def levels_table(roadmap: Roadmap) -> Markup:
    """The projected maturity as an HTML table, each level on its colour as in the figure of
    the report document (a table reads better than a heatmap, for anyone)."""
    head = "".join(f"<th>{html.escape(p.label.split('–')[1])}</th>" for p in roadmap.phases)

    def cell(level: int) -> str:
        return f'<td style="background-color:{LEVELS[level]}">{level}</td>'

    rows = "".join(
        f"<tr><td>{html.escape(t.title)}</td>{cell(t.current)}"
        + "".join(cell(dict(p.levels).get(t.perspective, t.current)) for p in roadmap.phases)
        + f"{cell(t.target)}</tr>" for t in roadmap.targets)
    return Markup(f'<div class="pmo-scroll pmo-levels"><table><thead><tr>'
                  f"<th>Perspective</th><th>Now</th>{head}<th>Target</th></tr></thead>"
                  f"<tbody>{rows}</tbody></table></div>")


_KINDS: dict[str, Callable[..., BrowserChart]] = {
    "radar": radar,
    "trend": trend,
    "type": type_fits,
    "model": model_position,
    "roadmap": gantt,
    "benchmark": benchmark,
    "services": services_grid,
}
