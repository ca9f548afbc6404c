"""'Did you mean …?': the known name a mistyped id, key or answer most likely meant.

Names are compared by edit distance on the whole name, where swapping two neighbouring
characters is one edit (`largley` → `largely`). Case and characters that look alike (`l`,
`I` and `1`; `O` and `0`) are compared first as if they were the same, so that `GOV-2-l`
suggests `GOV-2-1` rather than `GOV-2-2`, which is as many plain edits away.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import OSA

_LOOK_ALIKE = str.maketrans({"l": "1", "i": "1", "|": "1", "o": "0"})  # applied after casefold


def _shape(text: str) -> str:
    return text.casefold().translate(_LOOK_ALIKE)


def closest(name: str, known: Iterable[str]) -> str | None:
    """The nearest of `known`, or None when none is near enough to be a likely typo (at most
    one edit in three characters). Ties go to the name listed first."""
    best: tuple[tuple[int, int, int], str] | None = None
    for candidate in known:
        looks = OSA.distance(_shape(name), _shape(candidate))
        if looks > max(1, len(candidate) // 3):
            continue
        rank = (looks, OSA.distance(name.casefold(), candidate.casefold()),
                OSA.distance(name, candidate))
        if best is None or rank < best[0]:
            best = (rank, candidate)
    return best[1] if best else None


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`; did you mean 'x'?` to end a message with, or ""."""
    match = closest(name, known)
    return f"; did you mean '{match}'?" if match is not None and match != name else ""
