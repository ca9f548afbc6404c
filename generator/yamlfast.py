"""Parse plain, everyday YAML with rapidyaml, or decline so that PyYAML reads it.

Composing PyYAML nodes costs about 40 µs per value; rapidyaml parses in C++, emits JSON and
`json.loads` builds the Python objects, six times faster on answer files. The two parsers do
not agree on everything, so `fast_data` returns None, and `yamlio` takes the PyYAML path with
its exact messages, for anything it cannot prove gives the same data:

- text with anchors, aliases, tags, merge keys, directives, several documents, complex keys,
  tabs, carriage returns or characters PyYAML refuses (`_UNSAFE`);
- text rapidyaml cannot parse, or whose top level is not a mapping;
- duplicate keys (the JSON object keeps one, so the value count falls short of the tree's);
- nesting deeper than `MAX_DEPTH` or more than `MAX_NODES` values.

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

_UNSAFE = re.compile(
    r"[&*!\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u2028\u2029]"
    r"|<<|^(?:---|\.\.\.|%)|\?(?:[ \n]|\Z)|^\?",
    re.MULTILINE,
)
_INDICATORS = frozenset(",[]{}#&*!|>'\"%@`")
"""Characters a plain scalar cannot start with (`-?:` neither when a space follows)."""
_TYPED_OR_INDICATOR = _INDICATORS | frozenset("0123456789+-.?:")
_NONE = 2**64 - 1  # rapidyaml's "no such node"


def fast_data(
    text: str, typed: Callable[[str, bool], Any], special: frozenset[str], max_depth: int,
    max_nodes: int,
) -> dict[str, Any] | None:
    """The data PyYAML would build from `text`, or None when that cannot be shown.

    `typed(text, plain)` types one scalar as the product does; `special` holds the words it
    types (null and booleans); texts starting with a digit, sign or dot may be numbers.
    """
    if ryml is None or _UNSAFE.search(text):
        return None
    parsed = _parse(text.encode())
    if parsed is None:
        return None
    tree, data = parsed
    if tree.size() > max_nodes:
        return None
    retype: list[tuple[Any, Any, tuple[str | int, ...]]] = []
    count = _scan(data, special, retype, (), 0, max_depth, "#" in text)
    if count != tree.size():  # duplicate keys, or deeper than max_depth (count -1)
        return None
    for container, key, path in retype:
        node = _node(tree, path)
        raw = tree.val(node)  # None where the value is left out, as in `{a: , b}`
        text = "" if raw is None else bytes(raw).decode()
        plain = _plain(tree, node)
        if plain and _refused(text):
            return None
        container[key] = typed(text, plain)
    return data


def _scan(
    value: Any, special: frozenset[str], retype: list[Any], path: tuple[str | int, ...],
    depth: int, max_depth: int, hashes: bool,
) -> int:
    """Count the values below `value` (itself included) and note those to type again.

    Returns -1 where PyYAML may read the text otherwise: past `max_depth`, or at a key that
    is left out (`: x`, read as '') or starts with an indicator; no tree size equals -1.
    With `hashes` in the text, texts holding ' #' are checked too: in a flow mapping
    rapidyaml keeps a comment as part of the value.
    """
    if depth >= max_depth:  # its items would be deeper: let PyYAML say where
        return -1
    if value.__class__ is dict:
        for key in value:
            if not key or key[0] in _INDICATORS or (hashes and " #" in key):
                return -1
        items: Any = value.items()
    else:
        items = enumerate(value)
    count = 1
    for key, item in items:
        if item.__class__ is str:
            count += 1
            if (
                not item
                or item[0] in _TYPED_OR_INDICATOR
                or item in special
                or (hashes and " #" in item)
            ):
                retype.append((value, key, (*path, key)))
        elif item.__class__ is dict or item.__class__ is list:
            inner = _scan(item, special, retype, (*path, key), depth + 1, max_depth, hashes)
            if inner < 0:
                return -1
            count += inner
        else:  # numbers, booleans and nulls as rapidyaml saw them
            count += 1
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
    node = tree.root_id()
    for part in path:
        node = tree.child(node, part) if isinstance(part, int) else tree.find_child(
            node, part.encode()
        )
        if node == _NONE:  # pragma: no cover - the path came from this tree's own JSON
            raise LookupError(path)
    return node  # type: ignore[no-any-return]


def _plain(tree: Any, node: int) -> bool:
    return not (
        tree.is_val_quoted(node) or tree.is_val_literal(node) or tree.is_val_folded(node)
    )


def _parse(raw: bytes) -> tuple[Any, dict[str, Any]] | None:
    """rapidyaml's tree and its data, or None where it fails or the top is not a mapping.

    rapidyaml writes its errors (syntax, nesting too deep to emit) straight to file
    descriptor 2: they are hidden, PyYAML says it better.
    """
    saved = os.dup(2)
    quiet = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(quiet, 2)
        tree = ryml.parse_in_arena(raw)
        if not tree.is_map(tree.root_id()):
            return None
        return tree, json.loads(ryml.emit_json_malloc(tree, tree.root_id()))
    except (ryml.ExceptionBasic, ValueError):  # ValueError: JSON such as `+1`
        return None
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(quiet)
