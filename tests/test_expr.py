"""The show_if language: what parses, what does not, and one meaning for both evaluators."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.expr import ExprError, parse, references

SCORES = {"A": {"not": 0, "partly": 1, "largely": 2, "fully": 3}, "B": {"x": 0, "y": 1}}


@pytest.mark.parametrize(
    "text, answers, expected",
    [
        ("A == 'fully'", {"A": "fully"}, True),
        ("A != 'fully'", {}, False),  # unanswered: every comparison is false
        ("A >= 'largely'", {"A": "fully"}, True),
        ("A >= 'largely'", {"A": "na"}, False),
        ("A < 'largely'", {"A": "partly"}, True),
        ("B in ['x', 'y']", {"B": "y"}, True),
        ("B not in ['x']", {"B": "y"}, True),
        ("B not in ['x']", {}, False),
        ("not B == 'x'", {}, True),
        ("answered(A) and (B == 'x' or A == 'not')", {"A": "not"}, True),
        ("true and not false", {}, True),
    ],
)
def test_meaning(text, answers, expected):
    assert parse(text).evaluate(answers, SCORES) is expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("A == b", "put the value b in quotes: 'b' (at character 6)"),
        (
            "A ==",
            "expected a quoted value such as 'many', found the end of the condition "
            "(at character 5)",
        ),
        ("(A == 'x'", "expected ')', found the end of the condition (at character 10)"),
        ("A = 'x'", "unexpected character '=' (at character 3)"),
        ("A == 'x' B", "unexpected 'B'; expected 'and', 'or' or the end (at character 10)"),
        (
            "__import__('os')",
            "expected a comparison after '__import__' (==, !=, <, <=, >, >=, in), "
            "found '(' (at character 11)",
        ),
        ("A in 'x'", "expected '[' to start a list of values, found 'x' (at character 6)"),
    ],
)
def test_errors_say_where_and_what(text, message):
    with pytest.raises(ExprError) as info:
        parse(text)
    assert str(info.value) == message


def test_references_in_order():
    assert references(parse("A == 'x' or B in ['y', 'z'] or answered(C)")) == [
        ("A", "x"),
        ("B", "y"),
        ("B", "z"),
        ("C", None),
    ]


ATOMS = st.sampled_from(
    [
        "A == 'fully'",
        "A != 'not'",
        "A >= 'partly'",
        "A < 'largely'",
        "B in ['x']",
        "B not in ['y']",
        "answered(A)",
        "answered(B)",
        "true",
        "false",
    ]
)
EXPRESSIONS = st.recursive(
    ATOMS,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        inner.map(lambda e: f"not {e}"),
    ),
    max_leaves=6,
)
VALUES_A = st.sampled_from([None, "not", "partly", "largely", "fully", "na", "dont_know"])
VALUES_B = st.sampled_from([None, "x", "y", "na"])


@settings(max_examples=200, deadline=None)
@given(EXPRESSIONS, st.lists(st.tuples(VALUES_A, VALUES_B), min_size=1, max_size=8))
def test_one_response_and_a_whole_table_agree(text, rows):
    expr = parse(text)
    frame = pd.DataFrame(rows, columns=["A", "B"], dtype=object)
    frame = frame.where(frame.notna(), None)
    vectorised = expr.evaluate_frame(frame, SCORES).tolist()
    one_by_one = [
        expr.evaluate({k: v for k, v in zip("AB", row, strict=True) if v is not None}, SCORES)
        for row in rows
    ]
    assert vectorised == one_by_one
