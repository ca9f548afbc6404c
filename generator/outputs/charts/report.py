"""Charts of an assessment report: radar, trend, PMO type fits and operating-model position.

Each takes plain, picklable data (so charts can be drawn in worker processes and cached by a
hash of their input) and returns a matplotlib Figure; tests check what is drawn on it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import cast

import numpy as np
from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from . import new_figure
from .palette import CURRENT, GRID, LEVELS, MUTED, PREVIOUS, TARGET, perspective_colour


def radar(titles: Sequence[str], current: Sequence[float | None],
          target: Sequence[float | None], previous: Sequence[float | None] | None = None
          ) -> Figure:
    """Levels per perspective on a 0-5 radar: now, target, and the previous round."""
    fig = new_figure(6.4, 5.6)
    ax = cast(PolarAxes, fig.add_subplot(projection="polar"))
    angles = np.linspace(0, 2 * np.pi, len(titles), endpoint=False).tolist()
    closed = [*angles, angles[0]]

    def line(values: Sequence[float | None], colour: str, label: str, linestyle: str = "-"
             ) -> None:
        data = [v if v is not None else 0 for v in values]
        ax.plot(closed, [*data, data[0]], color=colour, label=label, linewidth=2,
                linestyle=linestyle)

    if previous is not None:
        line(previous, PREVIOUS, "Previous round", linestyle=":")
    line(target, TARGET, "Target", linestyle="--")
    line(current, CURRENT, "Now")
    data = [v if v is not None else 0 for v in current]
    ax.fill(closed, [*data, data[0]], color=CURRENT, alpha=0.12)
    ax.set_xticks(angles, [_label(t, 16) for t in titles], fontsize=8)
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5], ["1", "2", "3", "4", "5"], fontsize=7, color=MUTED)
    ax.set_rlabel_position(90)
    ax.legend(loc="upper right", bbox_to_anchor=(1.28, 1.12), frameon=False, fontsize=8)
    return fig


def trend(rounds: Sequence[str], titles: Sequence[str],
          scores: Sequence[Sequence[float | None]]) -> Figure:
    """Continuous score per perspective across rounds (`scores[perspective][round]`)."""
    fig = new_figure(7.5, 4.2)
    ax = fig.add_subplot()
    x = np.arange(len(rounds))
    for index, (title, values) in enumerate(zip(titles, scores, strict=True)):
        data = [np.nan if v is None else v for v in values]
        ax.plot(x, data, marker="o", linewidth=1.6, label=_label(title, 32, lines=2),
                color=perspective_colour(index))
    ax.set_xticks(x, rounds)
    ax.set_ylim(0, 5)
    ax.set_ylabel("Score (0–5)")
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.set_title("Maturity score by perspective and round", loc="left", fontsize=10)
    return fig


def type_fits(titles: Sequence[str], current: Sequence[int], needed: Sequence[int],
              labels: tuple[str, str] = ("Today", "Needed")) -> Figure:
    """Fit of each PMO type, in percent, for the office today and the one needed."""
    fig = new_figure(7.5, 0.5 + 0.55 * len(titles))
    ax = fig.add_subplot()
    y = np.arange(len(titles))
    ax.barh(y - 0.19, current, height=0.36, color=CURRENT, label=labels[0])
    ax.barh(y + 0.19, needed, height=0.36, color=TARGET, label=labels[1])
    for row, (a, b) in enumerate(zip(current, needed, strict=True)):
        ax.text(a + 1, row - 0.19, f"{a}%", va="center", fontsize=7)
        ax.text(b + 1, row + 0.19, f"{b}%", va="center", fontsize=7)
    ax.set_yticks(y, [_label(t, 28) for t in titles])
    ax.invert_yaxis()
    ax.set_xlim(0, 108)
    ax.set_xlabel("Fit (%)")
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    return fig


def model_position(
    sections: Sequence[str],
    current: Sequence[float | None],
    target: Sequence[float | None],
    overall: tuple[float | None, float | None],
    outcomes: Sequence[tuple[float, str]],
    labels: tuple[str, str] = ("Today", "Should be"),
) -> Figure:
    """Positions on the supportive → directive spectrum, per PMO function and overall."""
    rows = ["Overall", *sections]
    fig = new_figure(7.5, 0.8 + 0.45 * len(rows))
    ax = fig.add_subplot()
    y = np.arange(len(rows))
    for position, _title in outcomes:
        ax.axvline(position, color=GRID, linewidth=0.8, zorder=0)
    for i, (a, b) in enumerate(zip([overall[0], *current], [overall[1], *target], strict=True)):
        if a is not None and b is not None:
            ax.annotate("", xy=(b, i), xytext=(a, i),
                        arrowprops={"arrowstyle": "->", "color": "#bbbbbb"})
        if a is not None:
            ax.plot(a, i, "o", color=CURRENT, markersize=8, label=labels[0] if i == 0 else None)
        if b is not None:
            ax.plot(b, i, "D", color=TARGET, markersize=7, label=labels[1] if i == 0 else None)
    ax.set_yticks(y, [_label(r, 28) for r in rows])
    ax.invert_yaxis()
    ax.set_xlim(-5, 105)
    ax.set_xticks([p for p, _ in outcomes], [_label(t, 16, lines=2) for _, t in outcomes])
    ax.legend(loc="lower right", frameon=False, fontsize=8)
    ax.set_title("Operating model: 0 supportive, 100 directive", loc="left", fontsize=10)
    return fig


def benchmark(titles: Sequence[str], counts: Sequence[Sequence[int]]) -> Figure:
    """How many organisations sit at each level 0-5, per perspective (stacked bars)."""
    fig = new_figure(7.5, 0.6 + 0.42 * len(titles))
    ax = fig.add_subplot()
    y = np.arange(len(titles))
    left = np.zeros(len(titles))
    for level in range(6):
        values = np.array([row[level] for row in counts])
        ax.barh(y, values, left=left, color=LEVELS[level], edgecolor="white",
                label=f"Level {level}")
        left += values
    ax.set_yticks(y, [_label(t, 30) for t in titles])
    ax.invert_yaxis()
    ax.set_xlabel("Organisations")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    return fig


def _label(text: str, width: int, lines: int = 3) -> str:
    """`text` wrapped at `width` characters on `lines` lines at most, cut short with `…`
    beyond: a title too long for a chart is given in full in the table beside it, and a
    longer label would squeeze the plot itself to nothing."""
    return textwrap.fill(text, width, max_lines=lines, placeholder=" …")
