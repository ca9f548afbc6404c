"""Parse plain, everyday YAML with rapidyaml, or decline so that PyYAML reads it.

PyYAML composes a node object for every value; rapidyaml parses in C++, emits JSON and
`json.loads` builds the Python objects, four to five times faster on answer files. The two
parsers do not agree on everything, so `fast_data` returns None, and `yamlio` takes the
PyYAML path with its exact messages, for anything it cannot prove gives the same data:

- text with anchors, aliases, tags, merge keys, directives, several documents, complex keys,
  tabs, carriage returns or characters PyYAML refuses (`_safe`), even inside quotes;
- text rapidyaml cannot parse, or whose top level is not a mapping;
- duplicate keys (the JSON object keeps one, so the value count falls short of the tree's);
- nesting deeper than `MAX_DEPTH` or more than `MAX_NODES` values;
- scalars PyYAML refuses but rapidyaml reads: a left-out key, a key over several lines,
  text that starts with an indicator such as `@` or `}`, a comment (` #`) kept inside a
  flow mapping's value.

rapidyaml types scalars for JSON by its own rules (`007` stays text, `.5` becomes `0.5`), so
every value that is not plain text, and every text the YAML 1.2 core schema would type if it
were unquoted, is typed again from the tree by `yamlio.scalar_text`, which knows its style.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from typing import Any

try:
    import ryml
except ImportError:  # pragma: no cover - rapidyaml has wheels for the platforms we support
    ryml = None

_UNSAFE_BYTES = bytes([*range(0x20), 0x7F, *b"&*!?"])
"""Anchors, aliases, tags, complex keys, and characters PyYAML refuses; newlines are fine."""
_UNSAFE_TEXT = re.compile(r"[\x7f-\x9f\ufeff\ufffe\uffff\u2028\u2029]")
"""What else PyYAML refuses or reads as a line break, in text that is not ASCII."""
_ODD_BLOCK = re.compile(rb"[|>](?!(?:[-+][1-9]?|[1-9][-+]?)?[ ]*(?:#|\n|\Z))")
"""A `|` or `>` that is not a well-formed block scalar header: rapidyaml reads `|1e3` as
one; text such as `a > b` matches too, and is left to PyYAML."""
_EMPTY_FLOW_VALUE = re.compile(rb":[,\]}]")
"""`{a:}`: PyYAML refuses a colon right before a flow indicator, rapidyaml reads a key."""
_INDICATORS = frozenset(",[]{}#&*!|>'\"%@`")
"""Characters a plain scalar cannot start with (`-?:` neither when a space follows)."""
_MAYBE_TYPED = _INDICATORS | frozenset("0123456789+-.?:~")
"""First characters of texts to type again: numbers, `~`, or a plain scalar PyYAML refuses."""
_MAYBE_WORD = frozenset("nNtTfF")
"""First characters of the null and boolean words."""
_NONE = 2**64 - 1  # rapidyaml's "no such node"


def fast_data(
    text: str, typed: Callable[[str, bool], Any], special: frozenset[str], max_depth: int,
    max_nodes: int,
) -> dict[str, Any] | None:
    """The data PyYAML would build from `text`, or None when that cannot be shown.

    `typed(text, plain)` types one scalar as the product does; `special` holds the words it
    types (null and booleans); texts starting with a digit, sign or dot may be numbers.
    """
    raw = text.encode()
    if ryml is None or not _safe(raw, text):
        return None
    parsed = _parse(raw)
    if parsed is None:
        return None
    tree, data = parsed
    size = tree.size()
    if size > max_nodes:
        return None
    scan = _Scan(special, max_depth, b" #" in raw)
    if scan.count(data, (), 0) != size:  # duplicate keys, or refused (-1)
        return None
    for container, key, path in scan.retype:
        node = _node(tree, path)
        value = tree.val(node)  # None where the value is left out, as in `{a: , b}`
        scalar = "" if value is None else bytes(value).decode()
        plain = _plain(tree, node)
        if plain and _refused(scalar):
            return None
        container[key] = typed(scalar, plain)
    return data


def _safe(raw: bytes, text: str) -> bool:
    """Free of what the fast path does not handle like PyYAML: besides `_UNSAFE_BYTES`,
    merge keys, directives (`%`), escaped line breaks (`\\` at the end of a line), odd
    block scalar headers and `{a:}`. Document markers need no search: rapidyaml makes a
    stream, not a mapping, of the text."""
    if len(raw.translate(None, _UNSAFE_BYTES)) + raw.count(b"\n") != len(raw):
        return False
    if b"<<" in raw or b"\n%" in raw or raw.startswith(b"%") or b"\\\n" in raw:
        return False
    if (b"|" in raw or b">" in raw) and _ODD_BLOCK.search(raw):
        return False
    if _EMPTY_FLOW_VALUE.search(raw):
        return False
    return raw.isascii() or not _UNSAFE_TEXT.search(text)


class _Scan:
    """Count the values of the data (rapidyaml's tree has as many nodes), noting the scalars
    to type again.

    `count` returns -1 where PyYAML may read the text otherwise: past `max_depth`, or at a
    key that is left out (`: x`, read as ''), starts with an indicator, or holds a space or
    line break (PyYAML refuses a key over several lines; ids and field names have neither).
    With `hashes` (' #' in the text) texts holding ' #' are typed again too: in a flow
    mapping rapidyaml keeps a comment as part of the value.
    """

    def __init__(self, special: frozenset[str], max_depth: int, hashes: bool) -> None:
        self.special = special
        self.max_depth = max_depth
        self.hashes = hashes
        self.retype: list[tuple[Any, Any, tuple[str | int, ...]]] = []

    def count(self, value: Any, path: tuple[str | int, ...], depth: int) -> int:
        if depth >= self.max_depth:  # its items would be deeper: let PyYAML say where
            return -1
        if value.__class__ is dict:
            for key in value:
                if not key or key[0] in _INDICATORS or " " in key or "\n" in key:
                    return -1
            items: Any = value.items()
        else:
            items = enumerate(value)
        count = 1 + len(value)
        hashes, special, retype = self.hashes, self.special, self.retype
        for key, item in items:
            kind = item.__class__
            if kind is str:
                if not item:
                    retype.append((value, key, (*path, key)))
                    continue
                first = item[0]
                if (
                    first in _MAYBE_TYPED
                    or (first in _MAYBE_WORD and item in special)
                    or (hashes and " #" in item)
                ):
                    retype.append((value, key, (*path, key)))
            elif kind is dict or kind is list:
                inner = self.count(item, (*path, key), depth + 1)
                if inner < 0:
                    return -1
                count += inner - 1
            else:  # numbers, booleans and nulls as rapidyaml typed them
                retype.append((value, key, (*path, key)))
        return count


def _refused(text: str) -> bool:
    """Whether PyYAML refuses `text` as a plain scalar, which rapidyaml may let through."""
    return bool(text) and (
        text[0] in _INDICATORS
        or (text[0] in "-?:" and (len(text) == 1 or text[1] == " "))
        or " #" in text
    )


def _node(tree: Any, path: tuple[str | int, ...]) -> int:
    node: int = tree.root_id()
    for part in path:
        node = tree.child(node, part) if isinstance(part, int) else tree.find_child(
            node, part.encode()
        )
        if node == _NONE:  # pragma: no cover - the path came from this tree's own JSON
            raise LookupError(path)
    return node


def _plain(tree: Any, node: int) -> bool:
    return not (
        tree.is_val_quoted(node) or tree.is_val_literal(node) or tree.is_val_folded(node)
    )


def _parse(raw: bytes) -> tuple[Any, dict[str, Any]] | None:
    """rapidyaml's tree and its data, or None where it fails or the top is not a mapping.

    rapidyaml writes its errors (syntax, nesting too deep to emit) straight to file
    descriptor 2: they are hidden, PyYAML says it better.
    """
    global _devnull
    if _devnull is None:
        _devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(2)  # not kept: fd 2 may be pointed elsewhere between calls (pytest does)
    try:
        os.dup2(_devnull, 2)
        tree = ryml.parse_in_arena(raw)
        root = tree.root_id()
        if not tree.is_map(root):
            return None
        return tree, json.loads(ryml.emit_json_malloc(tree, root))
    except (ryml.ExceptionBasic, ValueError):  # ValueError: JSON such as `+1`
        return None
    finally:
        os.dup2(saved, 2)
        os.close(saved)


_devnull: int | None = None
