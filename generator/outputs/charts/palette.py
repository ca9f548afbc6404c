"""The colours of every chart, shared by the figures in files (matplotlib) and the charts the
site draws in the browser (Chart.js), so that a report and its web page look alike."""

from __future__ import annotations

CURRENT, TARGET, PREVIOUS = "#3b5ba5", "#e07b39", "#9aa5b1"
"""Now, the target (or what is needed), and the previous round."""
PERSPECTIVES = (
    "#3b5ba5",
    "#e07b39",
    "#3a9a6b",
    "#c2453d",
    "#8a5fb0",
    "#a0784f",
    "#d66fae",
    "#5b8db8",
    "#b5a33a",
)
"""One colour per perspective, in the questionnaire's order (repeating after nine)."""
SETUP = "#8c8c8c"
"""Actions that set the office up rather than lift a perspective."""
LEVELS = ("#f2f2f2", "#fde0c5", "#fbbf8a", "#c9dfa8", "#8fc78a", "#4f9e62")
"""Maturity levels 0 to 5, pale to dark green (dark text stays readable on each)."""
GRID, MUTED = "#dddddd", "#666666"
FIRST_DAYS = "#eef3fb"
"""The shade behind the first 90 days of a roadmap."""
HORIZON = "#c2453d"
QUICK_WIN = "#2f6b3a"


def perspective_colour(index: int) -> str:
    return PERSPECTIVES[index % len(PERSPECTIVES)]
QUADRANTS = {"keep": "#3a9a6b", "improve-first": "#c2453d", "over-served": "#5b8db8",
             "low-priority": "#9aa5b1"}
"""The services grid's quadrants: keep, improve first, over-served, low priority."""
