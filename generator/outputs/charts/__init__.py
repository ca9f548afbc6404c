"""Charts drawn with matplotlib, byte-identical for identical input.

Everything here uses the Agg backend, a fixed SVG hash salt, no creation date and text kept
as text (smaller SVGs, searchable, and no font files embedded).
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.typing import RcKeyType

STYLE: dict[RcKeyType, Any] = {
    "svg.hashsalt": "pmo-maturity",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
FORMATS = {".svg": "svg", ".png": "png"}


def new_figure(width: float, height: float) -> Figure:
    with plt.rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def render(fig: Figure, fmt: str, dpi: int = 110) -> bytes:
    """The figure as SVG or PNG bytes, with no timestamp or other varying metadata; `dpi`
    sets a PNG's resolution (documents use print resolution)."""
    buffer = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with plt.rc_context(STYLE), warnings.catch_warnings():
        # SVG keeps text as text, so a name in a script DejaVu Sans lacks still shows in the
        # browser; matplotlib's warning about the glyph would only alarm the user.
        warnings.filterwarnings("ignore", "Glyph .* missing from font", UserWarning)
        fig.savefig(buffer, format=fmt, metadata=metadata, dpi=dpi)
    return buffer.getvalue()


def format_of(path: Path) -> str:
    """`svg` or `png` from a file name, or a ValueError naming what is accepted."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"cannot draw '{path.name}': use a .svg or .png file name") from None
