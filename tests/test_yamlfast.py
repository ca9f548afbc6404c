"""The rapidyaml fast path gives exactly the data of the PyYAML path, or declines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import yamlio
from generator.yamlfast import fast_data

ROOT = Path(__file__).resolve().parents[1]


def fast(text: str) -> Any:
    return fast_data(text, yamlio.scalar_text, yamlio._SPECIAL, yamlio.MAX_DEPTH,
                     yamlio.MAX_NODES)


def slow(text: str) -> Any:
    """The PyYAML path's data, or the exception it raises."""
    path = Path("f.yaml")
    try:
        return yamlio._Builder(path).build(yamlio._compose(path, text))
    except yamlio.YamlProblem as exc:
        return exc


def same(a: Any, b: Any) -> bool:
    """Equal, with the same types all the way down (1 == True == 1.0 is not enough)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, yamlio.RawInt | yamlio.RawFloat):
        return a.raw == b.raw
    return bool(a == b)


def agrees(text: str) -> bool:
    """The fast path declines, or gives what PyYAML gives; it never accepts what PyYAML refuses."""
    got = fast(text)
    if got is None:
        return True
    expected = slow(text)
    return not isinstance(expected, Exception) and same(got, expected)


def bundled() -> list[Path]:
    files = [p for folder in ("assessments", "library") for p in (ROOT / folder).rglob("*.y*ml")]
    return [*sorted(files), ROOT / "workspace.yaml"]


@pytest.mark.parametrize("path", bundled(), ids=lambda p: str(p.relative_to(ROOT)))
def test_bundled_files_read_the_same(path):
    text = path.read_text(encoding="utf-8-sig")
    assert agrees(text)


def test_answer_files_take_the_fast_path():
    answers = [p for p in (ROOT / "assessments/orgs").rglob("*.yaml")
               if p.name != "organisation.yaml"]
    taken = [p for p in answers if fast(p.read_text(encoding="utf-8-sig")) is not None]
    assert len(taken) >= len(answers) * 0.8


@pytest.mark.parametrize(
    "text",
    [
        "version: 1.10\nn: 007\nf: .5\ng: -1.\nh: 1e5\ni: +3\n",
        "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: ''\ng: \"\"\n",
        "a: true\nb: True\nc: TRUE\nd: false\ne: yes\nf: no\ng: on\nh: 'true'\n",
        "a: \"1.0\"\nb: '007'\nc: \"~\"\nd: 'null'\n",
        "a: |\n  one\n  two\nb: >-\n  folded\n  text\n\nc: x\n",
        "a: \"esc \\u00e9 \\x41 \\\" \\\\ \\n\"\nb: 'it''s'\n",
        "a: two\n  lines\nb: {c: [1, x, 2.5, ''], d: {e: , f}}\n",
        "1: one\n~: none\n'': empty\n\"q\": quoted\n",
        "a: été 漢字 😀\nb: 0x1F\nc: 1_000\nd: .inf\ne: 2025-06-01\n",
        "a: [x, [y, [z]]]\nb: - c\n",
    ],
)
def test_tricky_scalars_read_the_same(text):
    assert agrees(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # tags
        "base: {x: 1}\nother:\n  <<: {y: 2}\n",  # merge keys
        "a: 1\n---\nb: 2\n",  # several documents
        "%YAML 1.2\n---\na: 1\n",  # directives
        "a: 1\na: 2\n",  # duplicate keys
        "a:\n  b: 1\n  'b': 2\n",  # duplicate keys, one quoted
        "? a\n: 1\n",  # complex keys
        "a:\n  'x\n  y': 1\n",  # keys over several lines
        '"x\\\n  y": 1\n',
        "a: |1e3\n",  # a block scalar header PyYAML refuses
        "x: {a:}\n",  # a colon before a flow indicator
        "a:\tb\n",  # tabs
        "a: 1\r\nb: 2\r\n",  # carriage returns
        "a: \x07\n",  # characters PyYAML refuses
        "- a\n- b\n",  # not a mapping
        "just text\n",
        "",
        "a: b: c\n",  # syntax error
        "a: [1, 2\n",
        "a: +1\n",  # JSON refuses rapidyaml's number
        "a:" + " [" * 70 + " ]" * 70 + "\n",  # nesting
        "".join(f"{'  ' * i}k{i}:\n" for i in range(70)) + "  " * 70 + "v\n",
    ],
)
def test_what_the_fast_path_cannot_prove_falls_back(text):
    assert fast(text) is None


def test_a_file_read_by_the_fast_path_points_at_the_same_lines(tmp_path):
    path = tmp_path / "alice.yaml"
    path.write_text("organisation: acme\nround: r1\nrespondent: {id: alice, role: Lead}\n"
                    "questionnaires:\n  mat:\n    version: \"1.0\"\n    answers:\n"
                    "      GOV-2-1: {answer: fully, evidence: Minutes}\n      GOV-2-2: partly\n")
    doc = yamlio.read_yaml(path)
    assert fast(path.read_text()) is not None
    root = yamlio._compose(path, path.read_text())
    for loc in [("respondent", "id"), ("questionnaires", "mat", "answers", "GOV-2-2"),
                ("questionnaires", "mat", "answers", "GOV-2-1", "evidence"), ("missing",)]:
        expected = yamlio.YamlDoc(path, doc.data, "", root).location(loc)
        assert doc.location(loc) == expected
    assert doc.location(("round",)).render() == f"{path}:2:8"


def test_syntax_errors_leave_stderr_alone(capfd):
    assert fast("a: b: c\n") is None
    assert capfd.readouterr().err == ""


# Documents built from the pieces where YAML parsers differ most.
_WORDS = ["a", "b", "x y", "no", "on", "~", "null", "Null", "true", "False", "0", "007", "1.10",
          ".5", "-1", "+2", "1e3", "1.", "-", "é", "a:b", "a #b", "x-", "'", "\"", "0x1", ".",
          "1_0", "2025-01-01", " ", "#", ",", "{", "}", "[", "]", "%", "@", "`", "|", ">", "\\",
          "漢字", "\u00a0", "😀", "\u2028", "\x85"]
_scalar_text = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=3).map("".join)


def _quoted(text: str, style: str) -> str:
    if style == "'":
        return "'" + text.replace("'", "''") + "'"
    if style == '"':
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


_scalar = st.builds(_quoted, _scalar_text, st.sampled_from(["", "", "'", '"']))


@st.composite
def _documents(draw: Any, depth: int = 0) -> str:
    keys = draw(st.lists(_scalar, min_size=1, max_size=4))
    lines = []
    for key in keys:
        kind = draw(st.sampled_from(["scalar", "flow", "block", "list", "lines"] if depth < 2
                                    else ["scalar"]))
        if kind == "scalar":
            lines.append(f"{key}: {draw(_scalar)}")
        elif kind == "flow":
            items = draw(st.lists(st.tuples(_scalar, _scalar), max_size=3))
            lines.append(f"{key}: {{{', '.join(f'{k}: {v}' for k, v in items)}}}")
        elif kind == "lines":  # a flow mapping over several lines, comments between
            items = draw(st.lists(st.tuples(_scalar, _scalar, st.sampled_from(["", " #c"])),
                                  max_size=3))
            body = ",\n".join(f"  {k}: {v}{c}" for k, v, c in items)
            lines.append(f"{key}: {{\n{body}\n  }}")
        elif kind == "list":
            items = draw(st.lists(_scalar, max_size=3))
            lines.append(f"{key}:" + "".join(f"\n  - {v}" for v in items))
        else:
            inner = draw(_documents(depth + 1))
            lines.append(f"{key}:\n" + "\n".join("  " + line for line in inner.splitlines()))
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_generated_documents_read_the_same(text):
    assert agrees(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1.: \n-{}[],'\"#|>\\é0e?")), max_size=40))
def test_any_text_reads_the_same_or_falls_back(text):
    assert agrees(text)
