"""Jinja2 templates for Markdown output, and escaping of free text inside Markdown.

Templates are plain Markdown with Jinja2 tags. Anything that came from a user's file (names,
evidence, notes) goes through the `md` filter, so that it can neither break the page's
layout nor inject HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def md(text: Any) -> str:
    """Escape text for use inside Markdown (tables included): no markup, no HTML."""
    value = "" if text is None else str(text)
    value = "".join(_HTML.get(ch, ch) for ch in value)
    value = _MARKDOWN.sub(r"\\\1", value)
    return " ".join(value.split())  # a newline would end a table row


def text(value: Any) -> str:
    """Plain text for titles and front matter: HTML escaped, whitespace collapsed."""
    raw = "" if value is None else str(value)
    return " ".join("".join(_HTML.get(ch, ch) for ch in raw).split())


def cell(value: Any) -> str:
    """Trusted Markdown inside a table cell: one line, pipes escaped."""
    return " ".join(("" if value is None else str(value)).replace("|", "\\|").split())


def oneline(value: Any) -> str:
    return " ".join(("" if value is None else str(value)).split())


def month(day: dt.date | None) -> str:
    return "—" if day is None else f"{day:%b %Y}"


def number(value: float | None, places: int = 1) -> str:
    if value is None:
        return "—"
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fixed(value: float | None, places: int = 2) -> str:
    """A number with exactly `places` decimals (`3.50`); `—` for none."""
    return "—" if value is None else f"{value:.{places}f}"


_TAG = re.compile(r"<(?=[A-Za-z/!?])")


def show_tags(text: str) -> str:
    """Text that looks like an HTML tag, such as `<cause>`, escaped so that it is shown."""
    return _TAG.sub("&lt;", text)


def _no_tags(value: Any) -> Any:
    """Every value a template prints: text that looks like an HTML tag is shown, not obeyed.

    Library and action texts are trusted Markdown, but a placeholder such as `<cause>` in a
    template's guidance would otherwise vanish as an unknown tag.
    """
    if isinstance(value, Markup):  # HTML made on purpose, e.g. by generator.outputs.site.survey
        return value
    return show_tags(value) if isinstance(value, str) else value


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML: free text is escaped with the `md` filter
        finalize=_no_tags,
    )
    env.filters.update(md=md, month=month, number=number, fixed=fixed, text=text, cell=cell,
                       oneline=oneline)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
