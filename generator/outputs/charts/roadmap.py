"""The roadmap chart: a Gantt chart of the planned actions above the projected maturity."""

from __future__ import annotations

import calendar
import textwrap
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from ...planning import PlannedAction, Roadmap
from ...planning.results import FIRST_MONTHS
from . import new_figure
from .palette import FIRST_DAYS, GRID, HORIZON, LEVELS, QUICK_WIN, SETUP, perspective_colour

MAX_MONTH_LABELS = 9
"""Labels on the Gantt chart's time axis, at most (the chart is 12 inches wide)."""
MAX_PHASE_LABELS = 12
"""Quarter columns of the maturity grid that are labelled, at most."""
LEVEL_COLOURS = ListedColormap(list(LEVELS))


def office_label(actions: Sequence[PlannedAction]) -> str:
    """The legend of the actions without a perspective: set-up, and services to improve."""
    services = any(a.step == "services" for a in actions)
    setup = any(not a.perspectives and a.step != "services" for a in actions)
    return ("Setting up the office and its services" if services and setup
            else "The office's services" if services else "Setting up the office")


def roadmap_figure(roadmap: Roadmap, titles: dict[str, str]) -> Figure:
    """Gantt chart (one bar per action, coloured by perspective) and a level heatmap."""
    actions = [*roadmap.actions, *roadmap.deferred]
    perspectives = [t.perspective for t in roadmap.targets]
    colours = {p: perspective_colour(i) for i, p in enumerate(perspectives)}
    rows = max(len(actions), 1)
    fig = new_figure(12, 3.2 + 0.26 * rows + 0.36 * len(perspectives))
    gantt, levels = fig.subplots(
        2, 1, height_ratios=[0.26 * rows + 1.4, 0.36 * len(perspectives) + 1.0]
    )
    _gantt(gantt, roadmap, actions, colours)
    _levels(levels, roadmap, titles)
    used = [p for p in perspectives if any(p in a.perspectives for a in actions)]
    handles = [Patch(color=colours[p], label=titles.get(p, p)) for p in used]
    if any(not a.perspectives for a in actions):
        handles.append(Patch(color=SETUP, label=office_label(actions)))
    if roadmap.deferred:
        handles.append(
            Patch(facecolor="#cccccc", hatch="//", edgecolor="white", label="Beyond the horizon")
        )
    if handles:  # above the bars, so that the long action titles keep their room
        gantt.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncol=3,
            frameon=False,
            fontsize=8,
        )
    return fig


def _gantt(
    ax: Axes, roadmap: Roadmap, actions: Sequence[PlannedAction], colours: dict[str, str]
) -> None:
    for row, a in enumerate(actions):
        colour = colours.get(a.perspectives[0], SETUP) if a.perspectives else SETUP
        ax.barh(
            row,
            a.months,
            left=a.start_month,
            color=colour,
            height=0.62,
            alpha=1.0 if a.within_horizon else 0.45,
            hatch=None if a.within_horizon else "//",
            edgecolor="white",
            linewidth=0.5,
        )
        if a.quick_win:
            ax.text(a.start_month + a.months, row, " ★ quick win", va="center", fontsize=7,
                    color=QUICK_WIN, in_layout=False)
    ax.set_yticks(
        range(len(actions)), [textwrap.shorten(a.title, 62, placeholder="…") for a in actions]
    )
    ax.invert_yaxis()
    end = max([roadmap.horizon, *(a.end_month for a in actions)])
    first = min(FIRST_MONTHS, end)
    ax.axvspan(0, first, color=FIRST_DAYS, zorder=0)
    ax.text(first / 2, -0.9, "First 90 days", ha="center", va="bottom", fontsize=8,
            color="#3b5ba5", in_layout=False)
    ticks = list(range(0, end + 1, month_step(end)))
    ax.set_xticks(ticks, [month_label(roadmap, m) for m in ticks])
    ax.set_xlim(0, end)
    ax.axvline(roadmap.horizon, color=HORIZON, linestyle="--", linewidth=1)
    ax.text(
        roadmap.horizon,
        len(actions) - 0.5,
        " horizon ",
        color=HORIZON,
        fontsize=8,
        va="bottom",
        ha="left" if roadmap.horizon < end else "right",
    )
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(f"Improvement roadmap: {roadmap.name}", loc="left", fontsize=11, pad=46)


def _levels(ax: Axes, roadmap: Roadmap, titles: dict[str, str]) -> None:
    targets = list(roadmap.targets)
    if not targets:  # every perspective N/A: nothing assessed, so nothing to project
        ax.set_axis_off()
        ax.text(0, 0.5, "No perspective was assessed, so there is no maturity to project.",
                fontsize=9, va="center")
        return
    columns = ["Now", *(p.label.split("–")[1].replace(" ", "\n") for p in roadmap.phases), "Target"]
    grid = np.array(
        [
            [
                t.current,
                *(dict(p.levels).get(t.perspective, t.current) for p in roadmap.phases),
                t.target,
            ]
            for t in targets
        ]
    )
    ax.imshow(grid, cmap=LEVEL_COLOURS, vmin=0, vmax=5, aspect="auto")
    for (i, j), value in np.ndenumerate(grid):
        ax.text(j, i, str(value), ha="center", va="center", fontsize=8)
    ax.set_yticks(range(len(targets)), [titles.get(t.perspective, t.title) for t in targets])
    every = -(-len(roadmap.phases) // MAX_PHASE_LABELS)  # quarters per label, rounded up
    last = len(columns) - 1  # "Target": no quarter's label right beside it
    shown = [c if j in (0, last) or ((j - 1) % every == every - 1 and last - j >= every) else ""
             for j, c in enumerate(columns)]
    ax.set_xticks(range(len(columns)), shown, fontsize=8)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title("Projected maturity level at the end of each quarter", loc="left", fontsize=10)


def month_step(months: int) -> int:
    """Months between the labels of the time axis: every quarter for up to two years, then
    wider, so that labels such as `Mar 2027` never run into each other."""
    step = next((s for s in (3, 6, 12, 24, 60) if months / s <= MAX_MONTH_LABELS), None)
    # Plans that run for decades (a tiny capacity) still get whole years between labels.
    return step or 12 * -(-months // (12 * MAX_MONTH_LABELS))


def month_label(roadmap: Roadmap, month: int) -> str:
    index = roadmap.start.month - 1 + month
    return f"{calendar.month_abbr[index % 12 + 1]} {roadmap.start.year + index // 12}"
