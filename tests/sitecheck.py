"""Checks over a built site: broken internal links (raw HTML included) and outside requests."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

LINKING = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
           ("source", "src"), ("iframe", "src"), ("form", "action")}
LOADING = {("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
           ("iframe", "src")}
"""Attributes a browser fetches on its own, without a click."""


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if (tag, name) in LINKING and value:
                self.links.append((tag, name, value))


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every internal link in the HTML whose target file (or anchor) does not exist."""
    problems = []
    pages = {p: parse(p) for p in site.rglob("*.html")}
    for page, parsed in pages.items():
        for tag, attribute, value in parsed.links:
            parts = urlsplit(value)
            if parts.scheme or parts.netloc or value.startswith(("mailto:", "#", "data:")):
                continue
            target = _resolve(site, page, unquote(parts.path))
            where = f"{page.relative_to(site)}: <{tag} {attribute}={value!r}>"
            if target is None:
                problems.append(f"{where} points outside the site")
            elif not target.exists():
                problems.append(f"{where} points to a missing file")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where} points to a missing anchor")
    return problems


def outside_requests(site: Path) -> list[str]:
    """Resources a page would fetch from another host when opened (links to click are fine)."""
    found = []
    for page in site.rglob("*.html"):
        for tag, attribute, value in parse(page).links:
            if (tag, attribute) in LOADING and urlsplit(value).scheme in ("http", "https"):
                found.append(f"{page.relative_to(site)}: <{tag} {attribute}={value!r}>")
    return found


def _resolve(site: Path, page: Path, path: str) -> Path | None:
    """The file a link points to; `/x` is taken from the site's root, as it is served."""
    base = PurePosixPath(page.relative_to(site).as_posix()).parent
    if path.startswith("/"):
        target = site / path.lstrip("/")
    else:
        target = (site / base / path) if path else page
    resolved = target.resolve()
    if not resolved.is_relative_to(site.resolve()):
        return None
    return resolved / "index.html" if (path.endswith("/") or resolved.is_dir()) else resolved


HIDDEN = frozenset({"code", "pre", "script", "style"})


class _Text(HTMLParser):
    """The text a reader sees: outside <code>, <pre>, <script> and <style>."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += tag in HIDDEN

    def handle_endtag(self, tag: str) -> None:
        self.depth -= tag in HIDDEN

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


LEAKS = ("| --- |", "|---|", "{{", "{%", "](", "!!! ", "??? ", "{ loading=")
"""Markdown or template syntax that shows as text when a page did not render as intended."""


def leaked_markup(site: Path) -> list[str]:
    """Pages whose visible text shows raw Markdown or template syntax."""
    found = []
    for page in sorted(site.rglob("*.html")):
        parser = _Text()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        text = "".join(parser.parts)
        found += [f"{page.relative_to(site)}: {leak!r}" for leak in LEAKS if leak in text]
    return found
