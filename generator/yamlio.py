"""Read YAML safely and remember where every value came from.

The file is composed once with libyaml's safe parser, then turned into plain Python data by
`_Builder`, which also rejects what the safe loader lets through silently (duplicate keys) or
would choke on (alias bombs, absurd nesting). The composed node tree is kept on the `YamlDoc`
so that a validation error at key path `('answers', 'GOV-2-1')` can be pointed at its line
and column.

Scalars follow the YAML 1.2 core schema: only `true`/`false` are booleans, so an answer such
as `no` or `on` stays the text the user typed.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import KeyPath, Location, Problem, render_key_path
from .yaml_hints import explain
from .yamlfast import fast_data

try:  # libyaml is part of PyYAML's wheels; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000

_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_SPECIAL_WORDS = _NULL | set(_BOOL)
_SPECIAL = frozenset(_SPECIAL_WORDS)
_NUMBER_STARTS = frozenset("0123456789+-.")


_IMPLICIT = "tag:pmo,implicit"
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):
    """libyaml's parser with a resolver that tags every untagged node `_IMPLICIT`.

    `_Builder` types plain scalars itself (YAML 1.2 core schema). The composer calls these
    three hooks for every node of every file; builtins that ignore their arguments answer
    without a Python frame, a tenth of the loading time for large workspaces:
    `str.format` on a string without fields returns it unchanged, `slice` and `tuple` accept
    the arguments given and do nothing with them.
    """

    resolve = _IMPLICIT.format
    descend_resolver = slice  # type: ignore[assignment]  # a no-op taking any two arguments
    ascend_resolver = tuple  # type: ignore[assignment]  # a no-op taking no argument


@dataclass
class YamlDoc:
    """One parsed file: its plain data and the node tree that says where each value is.

    Files read by the fast path have no node tree until a location is asked for: it is then
    composed from `text`, which the fast path has shown parses to the same data.
    """

    path: Path
    data: dict[str, Any]
    text: str = field(repr=False)
    composed: MappingNode | None = field(default=None, repr=False)

    @property
    def root(self) -> MappingNode:
        if self.composed is None:
            self.composed = _compose(self.path, self.text)
        return self.composed

    def location(self, loc: KeyPath, *, key: bool = False) -> Location:
        """The location of the value (or with `key=True`, of the key) at `loc`.

        When part of the path does not exist, as for a missing key, the deepest node that does
        exist is used.
        """
        node, key_node = _walk(self.root, loc)
        mark = (key_node if key and key_node is not None else node).start_mark
        return Location(self.path, mark.line + 1, mark.column + 1, render_key_path(self.name(loc)))

    def name(self, loc: KeyPath) -> KeyPath:
        """Replace list indexes by `id=...` where the list item has an id, for readable paths."""
        out: list[str | int] = []
        data: Any = self.data
        for part in loc:
            if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
                item = data[part]
                ident = item.get("id") if isinstance(item, dict) else None
                out.append(f"id={ident}" if isinstance(ident, str | int) else part)
                data = item
            else:
                out.append(part)
                data = data.get(part) if isinstance(data, dict) else None
        return tuple(out)


class YamlProblem(Exception):
    """Raised by `read_yaml` when a file cannot be turned into a mapping."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.render())
        self.problem = problem


def read_yaml(path: Path, *, text: str | None = None) -> YamlDoc:
    """Parse `path` (or `text` on its behalf) into a `YamlDoc`, or raise `YamlProblem`."""
    if text is None:
        text = decode(path, _read_bytes(path))
    if text.count("[") + text.count("{") > MAX_DEPTH:
        _check_flow_depth(path, text)
    data = fast_data(text, scalar_text, _SPECIAL, MAX_DEPTH, MAX_NODES)
    if data is not None:
        return YamlDoc(path, data, text)
    root = _compose(path, text)
    return YamlDoc(path, _Builder(path).build(root), text, root)


def _compose(path: Path, text: str) -> MappingNode:
    """The node tree of `text`, or a `YamlProblem` saying what is wrong with it."""
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_syntax_problem(path, exc, text)) from exc
    except yaml.YAMLError as exc:  # pragma: no cover - errors without a mark are rare
        raise YamlProblem(Problem(Location(path, 1, 1), f"invalid YAML: {exc}")) from exc
    finally:
        loader.dispose()
    if root is None:
        raise YamlProblem(Problem(Location(path, 1, 1), "file is empty; expected a mapping"))
    if not isinstance(root, MappingNode):
        mark = root.start_mark
        raise YamlProblem(
            Problem(
                Location(path, mark.line + 1, mark.column + 1),
                f"expected a mapping at the top of the file, found {describe_node(root)}",
            )
        )
    return root


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), or a problem naming the first bad byte."""
    try:
        # As "utf-8-sig" decodes, byte offsets in errors included, without its Python-level
        # wrapper, which costs as much as parsing a small file.
        return raw[3:].decode() if raw.startswith(codecs.BOM_UTF8) else raw.decode()
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start]
        raise YamlProblem(
            Problem(
                Location(path, line, column),
                f"file is not valid UTF-8 (byte 0x{byte:02X}); save it with UTF-8 encoding",
            )
        ) from exc


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlProblem(
                Problem(Location(path, 1, 1), f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
            )
        return path.read_bytes()
    except OSError as exc:
        raise YamlProblem(Problem(Location(path), f"cannot read file: {exc.strerror}")) from exc


def _check_flow_depth(path: Path, text: str) -> None:
    """Find nesting too deep for the recursive composer from the flat event stream."""
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                raise YamlProblem(
                    Problem(
                        Location(path, line, column),
                        f"nesting is deeper than {MAX_DEPTH} levels",
                    )
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _syntax_problem(path: Path, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if exc.context and "expected a single document" in exc.context:
        return Problem(Location(path, line, column),
                       "invalid YAML: found more than one YAML document ('---'); expected one")
    what = exc.problem or "syntax error"
    context = exc.context_mark.line + 1 if exc.context_mark else None
    hint = explain(text, what, line, column, context)
    if hint.message == f"invalid YAML: {what}" and exc.context:
        return Problem(Location(path, line, column), f"invalid YAML: {what} ({exc.context})")
    return Problem(Location(path, hint.line, hint.column), hint.message)


class _Builder:
    """Turn composed nodes into dicts, lists and scalars, refusing what we never accept."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0

    def build(self, node: Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self._fail(
                node,
                f"document has more than {MAX_NODES:,} values; are anchors or "
                "aliases (&name, *name) repeating it?",
            )
        if depth > MAX_DEPTH:
            self._fail(node, f"nesting is deeper than {MAX_DEPTH} levels")
        if node.tag is not _IMPLICIT and node.tag not in (_IMPLICIT, _STR, _SEQ, _MAP):
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._fail(node, f"YAML tags such as '{tag}' are not supported; remove the tag")
        kind = node.__class__
        # Class identity rather than isinstance: this runs for every node of every file.
        if kind is ScalarNode:
            return scalar(node)  # type: ignore[arg-type]
        if kind is SequenceNode:
            return [self.build(item, depth + 1) for item in node.value]
        return self._mapping(node, depth)  # type: ignore[arg-type]

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode:
                self._fail(key_node, f"keys must be plain text, found {describe_node(key_node)}")
            key = key_node.value
            if key in out or (key == "<<" and not key_node.style):
                self._key_problem(node, key_node)
            text = value_node.value
            if (  # inlined common case of `build` + `scalar`: a plain word such as `largely`
                value_node.tag is _IMPLICIT
                and value_node.__class__ is ScalarNode
                and text
                and (
                    value_node.style
                    or (text[0] not in _NUMBER_STARTS and text not in _SPECIAL_WORDS)
                )
            ):
                self.count += 1
                out[key] = text
            else:
                out[key] = self.build(value_node, depth + 1)
        return out

    def _key_problem(self, node: MappingNode, key_node: ScalarNode) -> None:
        if key_node.value == "<<" and not key_node.style:
            self._fail(key_node, "merge keys ('<<') are not supported; write the keys out")
        first = next(k for k, _ in node.value if k.value == key_node.value)
        self._fail(
            key_node,
            f"duplicate key '{key_node.value}' (first defined on line {first.start_mark.line + 1})",
        )

    def _fail(self, node: Node, message: str) -> None:
        mark = node.start_mark
        raise YamlProblem(Problem(Location(self.path, mark.line + 1, mark.column + 1), message))


def scalar(node: ScalarNode) -> Any:
    """YAML 1.2 core-schema typing for plain scalars; quoted and tagged `!!str` ones are text."""
    # libyaml marks plain scalars with style '', PyYAML with None
    return scalar_text(node.value, not (node.style or node.tag == _STR))


def scalar_text(value: str, plain: bool) -> Any:
    """Type a scalar's text: `plain` ones by the YAML 1.2 core schema, others stay text."""
    if not plain:
        return value
    if value and value[0] not in _NUMBER_STARTS and value not in _SPECIAL_WORDS:
        return value  # the common case, e.g. `largely`: no pattern to try
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return RawInt(value)
    if _FLOAT.match(value):
        return RawFloat(value)
    return value


class RawInt(int):
    """An int that remembers how it was written, so `id: 007` can still be read as text."""

    raw: str

    def __new__(cls, text: str) -> RawInt:
        self = super().__new__(cls, text)
        self.raw = text
        return self

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (type(self), (self.raw,))


class RawFloat(float):
    """A float that remembers how it was written, so `version: 1.10` is not read as 1.1."""

    raw: str

    def __new__(cls, text: str) -> RawFloat:
        self = super().__new__(cls, text)
        self.raw = text
        return self

    def __reduce__(self) -> tuple[type, tuple[str]]:
        return (type(self), (self.raw,))


def as_text(value: Any) -> Any:
    """Numbers back to the text the user wrote; anything else unchanged."""
    if isinstance(value, RawInt | RawFloat):
        return value.raw
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


def describe_node(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    return f"the text '{node.value}'"


def _walk(root: Node, loc: KeyPath) -> tuple[Node, Node | None]:
    node: Node = root
    key_node: Node | None = None
    for part in loc:
        child = _child(node, part)
        if child is None:
            break
        key_node, node = child
    return node, key_node


def _child(node: Node, part: str | int) -> tuple[Node | None, Node] | None:
    """The (key node, value node) for `part` below `node`; lists have no key node."""
    if isinstance(node, MappingNode):
        for key_node, value_node in _pairs(node):
            if key_node.value == str(part):
                return key_node, value_node
    elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return None, node.value[part]
    return None


def _pairs(node: MappingNode) -> Iterator[tuple[ScalarNode, Node]]:
    for key_node, value_node in node.value:
        if isinstance(key_node, ScalarNode):
            yield key_node, value_node


class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml including MkDocs' own tags (`!ENV`, `!!python/name:`...), as text."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    """A `mkdocs.yml` as plain data, MkDocs' own tags read as None."""
    with path.open(encoding="utf-8") as stream:
        data = yaml.load(stream, Loader=_Lenient)
    return data if isinstance(data, dict) else {}
