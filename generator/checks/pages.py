"""Links from YAML files to site pages under `content/`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath

from ..errors import KeyPath

Report = Callable[[KeyPath, str], None]


def check_pages(report: Report, loc: KeyPath, refs: list[str], content_dir: Path | None) -> None:
    """Each ref must be a relative `.md` path (anchor allowed) to an existing page."""
    if content_dir is None:
        return
    for i, ref in enumerate(refs):
        page = ref.split("#", 1)[0]
        path = PurePosixPath(page)
        if not page.endswith(".md") or ".." in path.parts or path.is_absolute():
            report((*loc, i), f"'{ref}' is not a page path; expected a path under content/ "
                   "such as 'standards/pmo-types.md'")
        elif not (content_dir / page).is_file():
            report((*loc, i), f"page '{page}' does not exist under content/")
