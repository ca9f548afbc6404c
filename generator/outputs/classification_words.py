"""PMO type and operating model in words, shared by the site's report pages and the report
documents, so that both name the best fit the same way."""

from __future__ import annotations

from ..scoring.results import ViewResult


def best_fits(v: ViewResult | None) -> str | None:
    """The best-fitting outcomes with their fit, `Portfolio office (72%)`, tied ones joined
    by ` = `; None when the view was not answered or nothing fits clearly."""
    if v is None or not v.best:
        return None
    fits = {f.outcome: f for f in v.fits}
    return " = ".join(f"{fits[i].title} ({fits[i].percent}%)" for i in v.best)
