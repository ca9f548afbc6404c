"""The small, safe condition language of `show_if` (no `eval`, no attribute access).

```
PT-02 in ['several', 'many'] and not (PT-05 == 'none')
GOV-2-1 >= 'largely' or answered(GOV-2-2)
```

Grammar:

```
expr       := and ('or' and)*
and        := not ('and' not)*
not        := 'not' not | primary
primary    := '(' expr ')' | 'answered' '(' ID ')' | 'true' | 'false'
            | ID ('==' | '!=' | '<' | '<=' | '>' | '>=') VALUE
            | ID ['not'] 'in' '[' VALUE (',' VALUE)* ']'
VALUE      := 'quoted text' | "quoted text" | number
```

A question id stands for its answer in the same point of view. A comparison with an unanswered
question is false. `<`, `<=`, `>`, `>=` compare the options' scores, so `GOV-2-1 >= 'largely'`
also holds for `fully`; `na` and `dont_know` never satisfy them. The same tree evaluates one
response (`evaluate`) or a whole table of responses at once (`evaluate_frame`), which is how the
scorer applies display rules without a Python loop per answer.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported only where a whole table is evaluated
    import numpy as np
    import pandas as pd

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>'[^']*'|"[^"]*")
      | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,)
      | (?P<word>[A-Za-z0-9_][A-Za-z0-9_.\-]*)
      | (?P<bad>\S)
    )""",
    re.VERBOSE,
)
KEYWORDS = frozenset({"and", "or", "not", "in", "answered", "true", "false"})
_COMPARE: dict[str, Callable[[Any, Any], Any]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
Scores = Mapping[str, Mapping[str, float]]
"""For each question id, the score of each of its option values (for `<`, `>`...)."""


class ExprError(ValueError):
    """A condition that does not parse; `column` is 1-based within the condition."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"{message} (at character {column})")
        self.column = column


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    column: int


@dataclass(frozen=True)
class Compare:
    question: str
    op: str
    value: str

    def evaluate(self, answers: Mapping[str, str | None], scores: Scores) -> bool:
        answer = answers.get(self.question)
        if answer is None:
            return False
        if self.op in ("==", "!="):
            return bool(_COMPARE[self.op](answer, self.value))
        ranked = scores.get(self.question, {})
        if answer not in ranked or self.value not in ranked:
            return False
        return bool(_COMPARE[self.op](ranked[answer], ranked[self.value]))

    def evaluate_frame(self, frame: pd.DataFrame, scores: Scores) -> np.ndarray:
        import numpy as np

        column = _column(frame, self.question)
        present = column.notna().to_numpy()
        if self.op in ("==", "!="):
            equal: np.ndarray = present & _COMPARE[self.op](column, self.value).to_numpy()
            return equal
        ranked = scores.get(self.question, {})
        if self.value not in ranked:
            return np.zeros(len(frame), dtype=bool)
        ranks = column.map(ranked).to_numpy(dtype=float, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            return np.asarray(_COMPARE[self.op](ranks, ranked[self.value]), dtype=bool)


@dataclass(frozen=True)
class InList:
    question: str
    values: tuple[str, ...]
    negated: bool

    def evaluate(self, answers: Mapping[str, str | None], scores: Scores) -> bool:
        answer = answers.get(self.question)
        if answer is None:
            return False
        return (answer in self.values) != self.negated

    def evaluate_frame(self, frame: pd.DataFrame, scores: Scores) -> np.ndarray:
        column = _column(frame, self.question)
        present = column.notna().to_numpy()
        found = column.isin(self.values).to_numpy()
        matched: np.ndarray = present & (found != self.negated)
        return matched


@dataclass(frozen=True)
class Answered:
    question: str

    def evaluate(self, answers: Mapping[str, str | None], scores: Scores) -> bool:
        return answers.get(self.question) is not None

    def evaluate_frame(self, frame: pd.DataFrame, scores: Scores) -> np.ndarray:
        return _column(frame, self.question).notna().to_numpy()


@dataclass(frozen=True)
class Constant:
    value: bool

    def evaluate(self, answers: Mapping[str, str | None], scores: Scores) -> bool:
        return self.value

    def evaluate_frame(self, frame: pd.DataFrame, scores: Scores) -> np.ndarray:
        import numpy as np

        return np.full(len(frame), self.value, dtype=bool)


@dataclass(frozen=True)
class Not:
    operand: Expr

    def evaluate(self, answers: Mapping[str, str | None], scores: Scores) -> bool:
        return not self.operand.evaluate(answers, scores)

    def evaluate_frame(self, frame: pd.DataFrame, scores: Scores) -> np.ndarray:
        return ~self.operand.evaluate_frame(frame, scores)


@dataclass(frozen=True)
class Logical:
    op: str  # "and" | "or"
    operands: tuple[Expr, ...]

    def evaluate(self, answers: Mapping[str, str | None], scores: Scores) -> bool:
        results = (o.evaluate(answers, scores) for o in self.operands)
        return all(results) if self.op == "and" else any(results)

    def evaluate_frame(self, frame: pd.DataFrame, scores: Scores) -> np.ndarray:
        import numpy as np

        combine = np.logical_and if self.op == "and" else np.logical_or
        out = self.operands[0].evaluate_frame(frame, scores)
        for operand in self.operands[1:]:
            out = combine(out, operand.evaluate_frame(frame, scores))
        return out


Expr = Compare | InList | Answered | Constant | Not | Logical


def parse(text: str) -> Expr:
    """Parse a condition, or raise `ExprError` saying where and what was expected."""
    parser = _Parser(_tokenize(text), len(text))
    expr = parser.expression()
    parser.expect_end()
    return expr


def references(expr: Expr) -> list[tuple[str, str | None]]:
    """The (question id, compared value or None) pairs a condition uses, in order."""
    if isinstance(expr, Compare):
        return [(expr.question, expr.value)]
    if isinstance(expr, InList):
        return [(expr.question, v) for v in expr.values]
    if isinstance(expr, Answered):
        return [(expr.question, None)]
    if isinstance(expr, Not):
        return references(expr.operand)
    if isinstance(expr, Logical):
        return [ref for o in expr.operands for ref in references(o)]
    return []


def ordered(expr: Expr) -> list[str]:
    """The question ids a condition compares with `<`, `<=`, `>` or `>=`."""
    if isinstance(expr, Compare):
        return [expr.question] if expr.op not in ("==", "!=") else []
    if isinstance(expr, Not):
        return ordered(expr.operand)
    if isinstance(expr, Logical):
        return [qid for o in expr.operands for qid in ordered(o)]
    return []


def _column(frame: pd.DataFrame, question: str) -> pd.Series:
    import pandas as pd

    if question in frame.columns:
        return frame[question]
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


def _tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind is None:
            continue
        value = match.group(kind)
        column = match.start(kind) + 1
        if kind == "bad":
            raise ExprError(f"unexpected character '{value}'", column)
        if kind == "string":
            value = value[1:-1]
        elif kind == "word" and value in KEYWORDS:
            kind = value
        tokens.append(Token(kind, value, column))
    return tokens


class _Parser:
    def __init__(self, tokens: list[Token], length: int) -> None:
        self.tokens = tokens
        self.pos = 0
        self.end = length + 1

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, *kinds: str, what: str) -> Token:
        token = self.peek()
        if token is None or (token.kind not in kinds and token.text not in kinds):
            found = f"'{token.text}'" if token else "the end of the condition"
            raise ExprError(f"expected {what}, found {found}", token.column if token else self.end)
        self.pos += 1
        return token

    def accept(self, kind: str) -> bool:
        token = self.peek()
        if token is not None and (token.kind == kind or (token.kind, token.text) == ("op", kind)):
            self.pos += 1
            return True
        return False

    def expect_end(self) -> None:
        token = self.peek()
        if token is not None:
            raise ExprError(
                f"unexpected '{token.text}'; expected 'and', 'or' or the end", token.column
            )

    def expression(self) -> Expr:
        operands = [self.conjunction()]
        while self.accept("or"):
            operands.append(self.conjunction())
        return operands[0] if len(operands) == 1 else Logical("or", tuple(operands))

    def conjunction(self) -> Expr:
        operands = [self.negation()]
        while self.accept("and"):
            operands.append(self.negation())
        return operands[0] if len(operands) == 1 else Logical("and", tuple(operands))

    def negation(self) -> Expr:
        if self.accept("not"):
            return Not(self.negation())
        return self.primary()

    def primary(self) -> Expr:
        if self.accept("("):
            inner = self.expression()
            self.take(")", what="')'")
            return inner
        if self.accept("true"):
            return Constant(True)
        if self.accept("false"):
            return Constant(False)
        if self.accept("answered"):
            self.take("(", what="'(' after answered")
            question = self.take("word", what="a question id").text
            self.take(")", what="')'")
            return Answered(question)
        question = self.take("word", what="a question id, 'not', 'answered' or '('").text
        if self.accept("not"):
            self.take("in", what="'in' after 'not'")
            return InList(question, self.value_list(), negated=True)
        if self.accept("in"):
            return InList(question, self.value_list(), negated=False)
        what = f"a comparison after '{question}' (==, !=, <, <=, >, >=, in)"
        op = self.take(*_COMPARE, what=what)
        return Compare(question, op.text, self.value())

    def value(self) -> str:
        token = self.take("string", "word", what="a quoted value such as 'many'")
        if token.kind == "word" and not token.text[0].isdigit():
            raise ExprError(f"put the value {token.text} in quotes: '{token.text}'", token.column)
        return token.text

    def value_list(self) -> tuple[str, ...]:
        self.take("[", what="'[' to start a list of values")
        values = [self.value()]
        while self.accept(","):
            values.append(self.value())
        self.take("]", what="']' or ','")
        return tuple(values)
