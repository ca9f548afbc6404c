"""A response (one file's answers to one questionnaire) and the table of every answer.

These are the loaded form of answer files: checks build them, the workspace holds them, and
scoring reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import KeyPath, Location
from ..yamlio import read_yaml

if TYPE_CHECKING:
    import pandas as pd

COMPACT_ROWS = 100_000
"""Rows collected as Python strings before they are compacted: each file's strings are
new objects, so a worker reading thousands of files would otherwise hold them all."""
ANSWER_COLUMNS = ("response", "question", "view", "value", "evidence", "notes")
"""The columns of the answer table; `value` is an option value, `na`, `dont_know`, or the
text of a free-text answer."""


@dataclass(frozen=True)
class Response:
    """One file's answers to one questionnaire: a respondent's, or the agreed ones."""

    path: Path
    organisation: str
    round: str
    questionnaire: str
    respondent: str | None
    """None for agreed answers."""
    role: str
    where: KeyPath
    """The key path naming the respondent (or agreement), for duplicate reports."""
    text: str | None = field(default=None, compare=False, repr=False)
    """The file's text, kept in the process that read it: a file being imported may not be
    written yet when a duplicate is reported."""

    @property
    def agreed(self) -> bool:
        return self.respondent is None

    def located(self) -> Location:
        """Where the respondent (or agreement) is named.

        Composing a file's node tree costs more than reading its data, so it is done only
        for the few responses a message points at.
        """
        return read_yaml(self.path, text=self.text).location(self.where)

    def __getstate__(self) -> dict[str, Any]:
        # Worker processes send responses by the thousand; the parent reads text back from
        # `path` in the rare case it needs it.
        return {**self.__dict__, "text": None}


@dataclass
class AnswerTable:
    """Responses and their answers, the answers kept column by column.

    Rows are collected into plain lists, then `compact` turns them into a DataFrame of
    categorical columns: millions of answers travel between worker processes as a few small
    arrays of codes instead of millions of Python strings.
    """

    responses: list[Response] = field(default_factory=list)
    columns: dict[str, list[Any]] = field(
        default_factory=lambda: {name: [] for name in ANSWER_COLUMNS}
    )
    parts: list[pd.DataFrame] = field(default_factory=list)

    def add(self, response: Response, rows: list[tuple[str, str, str, str, str]]) -> None:
        index = len(self.responses)
        self.responses.append(response)
        self.columns["response"].extend([index] * len(rows))
        for name, values in zip(ANSWER_COLUMNS[1:], zip(*rows, strict=True), strict=False):
            self.columns[name].extend(values)
        if len(self.columns["response"]) >= COMPACT_ROWS:
            self.compact()

    def compact(self) -> AnswerTable:
        """Move the collected rows into a categorical DataFrame part; returns self."""
        import numpy as np
        import pandas as pd

        if self.columns["response"]:
            part = {name: _categorical(self.columns[name]) for name in ANSWER_COLUMNS[1:]}
            response = np.asarray(self.columns["response"], dtype=np.int64)
            self.parts.append(pd.DataFrame({"response": response, **part}))
            self.columns = {name: [] for name in ANSWER_COLUMNS}
        return self

    def extend(self, other: AnswerTable) -> None:
        """Append `other` (compacted), renumbering its responses after ours."""
        self.compact()
        offset = len(self.responses)
        self.responses.extend(other.responses)
        for part in other.compact().parts:
            self.parts.append(part.assign(response=part["response"] + offset))

    def frame(self) -> pd.DataFrame:
        import pandas as pd
        from pandas.api.types import union_categoricals

        self.compact()
        if not self.parts:
            empty = {name: pd.Categorical([]) for name in ANSWER_COLUMNS[1:]}
            return pd.DataFrame({"response": pd.Series([], dtype="int64"), **empty})
        if len(self.parts) == 1:
            return self.parts[0]
        columns: dict[str, pd.Series | pd.Categorical] = {
            "response": pd.concat([p["response"] for p in self.parts], ignore_index=True)}
        for name in ANSWER_COLUMNS[1:]:
            columns[name] = union_categoricals([p[name] for p in self.parts])
        return pd.DataFrame(columns)


def _categorical(values: list[str]) -> pd.Categorical:
    """`pd.Categorical(values)`, sorted categories included, at two thirds of its cost: the
    few distinct values are sorted instead of the codes of every value being recomputed."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(values, dtype=object))
    order = np.argsort(uniques)
    rank = np.empty(len(order), dtype=codes.dtype)
    rank[order] = np.arange(len(order), dtype=codes.dtype)
    categories = pd.Index(uniques[order])
    return pd.Categorical.from_codes(rank[codes], categories)
