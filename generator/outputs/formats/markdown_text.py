"""Markdown as paragraphs and list items of styled runs, for documents that are not HTML.

The Word and PDF writers, and the workbooks' guidance sheets, need a source's paragraphs,
bullets, bold and italics, not its HTML; markdown-it parses it as the site's Markdown would
read it (a bullet that wraps over several lines stays one bullet).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph, or an item of a bulleted or numbered list (`depth` 0 at the top)."""

    kind: Literal["paragraph", "bullet", "number"]
    runs: tuple[Run, ...]
    depth: int = 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").disable(["image", "html_inline", "html_block"])


def blocks(markdown: str) -> tuple[Block, ...]:
    """The paragraphs and list items of `markdown`, with their bold, italic and code runs.

    Links keep their text; headings become bold paragraphs.
    """
    out: list[Block] = []
    lists: list[Literal["bullet", "number"]] = []
    heading = False
    for token in _parser().parse(markdown or ""):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            lists.append("bullet" if token.type == "bullet_list_open" else "number")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "heading_open":
            heading = True
        elif token.type == "heading_close":
            heading = False
        elif token.type == "inline":
            runs = _runs(token.children or [], bold=heading)
            if runs:
                kind: Literal["paragraph", "bullet", "number"] = lists[-1] if lists else "paragraph"
                out.append(Block(kind, runs, max(0, len(lists) - 1)))
        elif token.type in ("fence", "code_block"):
            out.append(Block("paragraph", (Run(token.content.rstrip("\n"), code=True),)))
    return tuple(out)


def _runs(children: list[Token], bold: bool = False) -> tuple[Run, ...]:
    runs: list[Run] = []
    strong = emphasis = 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            emphasis += 1
        elif kind == "em_close":
            emphasis -= 1
        elif kind in ("text", "code_inline", "softbreak", "hardbreak"):
            text = child.content if kind in ("text", "code_inline") else " "
            run = Run(text, bold or strong > 0, emphasis > 0, kind == "code_inline")
            if runs and _same_style(runs[-1], run):
                runs[-1] = Run(runs[-1].text + run.text, run.bold, run.italic, run.code)
            else:
                runs.append(run)
    return tuple(r for r in runs if r.text)


def _same_style(a: Run, b: Run) -> bool:
    return (a.bold, a.italic, a.code) == (b.bold, b.italic, b.code)


def plain(markdown: str) -> str:
    """The text of `markdown` without markup, paragraphs separated by blank lines."""
    return "\n\n".join(b.text for b in blocks(markdown))
