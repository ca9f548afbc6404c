"""The knowledge library: templates and lessons learned, under `library/`.

Each template is one YAML file, `library/templates/<id>.yaml`. From that single source the site
shows a page of guidance and offers a download (a Word document or an Excel workbook), so the
page and the file never drift apart. Lessons learned are registers of lessons,
`library/lessons/*.yaml`, each lesson tagged by perspective, PMO type and life-cycle phase.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .actions import Phase
from .common import Identifier, Model, Text, Version


class Column(Model):
    """A column of a workbook sheet."""

    name: Text
    guidance: Text = ""
    """What goes in this column; shown on the page and as the header's comment."""
    example: Text = ""
    """An example entry, shown on the page."""
    choices: list[Text] = Field(default_factory=list)
    """Allowed entries: the workbook offers them as a drop-down list."""
    kind: Literal["text", "number", "integer", "date"] = "text"
    """How the workbook formats and checks the column: `number` and `integer` accept only
    numbers (between `min` and `max` when given), `date` only dates."""
    min: float | None = None
    """The smallest number accepted (number and integer columns)."""
    max: float | None = None
    """The largest number accepted (number and integer columns)."""
    formula: Text = ""
    """For a computed column, the Excel formula every row gets, starting with `=`. Name other
    columns in braces: `{Impact}` is this row's cell of the column `Impact`, `{!Impact}` the
    whole column on this sheet, and `{Scores!Weighted score}` a column of another sheet,
    e.g. `=IF({Score}="","",{Score}*{Weight}/100)`. Nobody types into a computed column."""
    highlight: Literal["", "higher-is-better", "higher-is-worse"] = ""
    """Colour a number column from red to green (`higher-is-better`) or green to red
    (`higher-is-worse`) between `min` and `max`. Choice columns whose entries are RAG words
    (Red, Amber, Green, On track, At risk...) are coloured without being asked."""
    total: bool = False
    """Add up the column in a total row under the sheet's rows."""
    width: int = Field(default=18, ge=6, le=80)
    """Column width in characters."""


class Sheet(Model):
    """A sheet of a workbook template."""

    name: Text = Field(max_length=31, pattern=r"^[^\[\]:*?/\\]+$")
    """The tab name (at most 31 characters, as Excel allows)."""
    description: Text = ""
    columns: list[Column] = Field(min_length=1)
    rows: int = Field(default=30, ge=1, le=500)
    """How many blank, formatted rows to provide."""
    examples: list[list[Text]] = Field(default_factory=list)
    """Worked example rows, one entry per column: shown on the page, and at the top of the
    sheet in the download, marked as examples. In a computed column, give the value the
    formula should produce: the tests recalculate every workbook and compare."""


class Table(Model):
    """A table skeleton inside a document section."""

    columns: list[Text] = Field(min_length=1)
    rows: int = Field(default=3, ge=1, le=40)


class Section(Model):
    """A section of a document template."""

    heading: Text
    guidance: Text = ""
    """What to write here (Markdown); shown on the page and in the document."""
    prompts: list[Text] = Field(default_factory=list)
    """Questions the section should answer."""
    table: Table | None = None


class Template(Model):
    """A template, `library/templates/<id>.yaml`."""

    id: Identifier
    """Must be the file name without `.yaml`; used by actions and lessons."""
    title: Text
    format: Literal["docx", "xlsx"]
    """`docx` for documents (charters, reports, plans); `xlsx` for logs and registers."""
    summary: Text
    """What it is, in one or two sentences."""
    purpose: Text
    """When to use it, who owns it and who reads it (Markdown)."""
    guidance: Text
    """How to fill it in well, with the common mistakes (Markdown)."""
    perspectives: list[Identifier] = Field(default_factory=list)
    pmo_types: list[Identifier] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    related: list[Text] = Field(default_factory=list)
    """Site pages under `content/` that explain the practice."""
    sections: list[Section] = Field(default_factory=list)
    """The document's sections (docx)."""
    sheets: list[Sheet] = Field(default_factory=list)
    """The workbook's sheets (xlsx)."""


class Lesson(Model):
    """One lesson learned."""

    id: Identifier
    """`LL-` and a number, e.g. `LL-012`; used by actions."""
    title: Text
    summary: Text
    """The lesson in one sentence."""
    situation: Text
    """What happened, or what the research found (Markdown)."""
    lesson: Text
    """What it teaches (Markdown)."""
    recommendation: Text
    """What to do about it (Markdown)."""
    perspectives: list[Identifier] = Field(default_factory=list)
    pmo_types: list[Identifier] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    source: Text = ""
    """Where the lesson comes from: `composite case, details changed` for a case drawn from
    practice with its details altered, or the published sources it rests on, as they are named
    on the site's references page and separated by semicolons, e.g. `Hobbs and Aubry (2010)`."""
    related: list[Text] = Field(default_factory=list)
    """Site pages under `content/`."""
    templates: list[Identifier] = Field(default_factory=list)


class LessonRegister(Model):
    """A file of lessons under `library/lessons/`."""

    id: Identifier
    version: Version
    title: Text = ""
    lessons: list[Lesson] = Field(min_length=1)
