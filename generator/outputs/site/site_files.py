"""The site being built, in memory: docs-relative paths to bytes, page titles, charts to draw."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..charts.jobs import ChartJob
    from .overview import OverviewRow
    from .report import OrgReport

_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.M)
_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.M)


@dataclass
class SiteFiles:
    """Everything the docs folder will hold, and the charts to draw into it."""

    files: dict[str, bytes] = field(default_factory=dict)
    charts: list[ChartJob] = field(default_factory=list)
    """The figures of the report documents, to draw with matplotlib (the site's own charts
    are in its pages, drawn by the browser)."""
    titles: dict[str, str] = field(default_factory=dict)
    """Every page's title, as MkDocs will show it."""
    reports: list[OrgReport] = field(default_factory=list)
    """The reports whose documents (DOCX and PDF) the site carries, made after the pages."""
    rows: dict[str, OverviewRow] = field(default_factory=dict)
    """Each organisation's line on the assessments index."""
    cached_charts: int = 0
    """Charts among the files taken from the page cache."""
    overview_key: str | None = None
    """The overview's cache key when it was rendered (not taken from the cache)."""

    def page(self, path: str, text: str) -> None:
        self.files[path] = text.encode("utf-8")
        self.titles[path] = page_title(text, path)

    def update(self, other: SiteFiles) -> None:
        self.files.update(other.files)
        self.charts.extend(other.charts)
        self.titles.update(other.titles)
        self.reports.extend(other.reports)
        self.rows.update(other.rows)


def page_title(text: str, path: str) -> str:
    """The title MkDocs gives a page: front matter `title`, else its first heading."""
    match = _TITLE.search(text.split("\n---", 1)[0]) if text.startswith("---") else None
    if match:
        value = match.group(1)
        if value[:1] in "'\"":
            import json

            try:
                return str(json.loads(value)) if value[0] == '"' else value.strip("'")
            except ValueError:
                return value.strip("'\"")
        return value
    heading = _HEADING.search(text)
    return heading.group(1) if heading else PurePosixPath(path).stem
