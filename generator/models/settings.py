"""The workspace settings, `workspace.yaml` at the top of a workspace (optional).

It holds how the documents a client receives look, the assessment report (`pmo report`) and
the toolkit downloads (set once, it reaches every document, so a consultancy's branding is
never typed twice), and what the built site carries.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Model, Text

COLOUR_PATTERN = r"^#[0-9A-Fa-f]{6}$"
DEFAULT_COLOUR = "#1F3864"
"""A dark, neutral blue: the look of a document with no branding set."""


class DocumentSettings(Model):
    """The look of the report and the toolkit downloads."""

    paper: Literal["A4", "Letter"] = "A4"
    """`A4` (the default) or `Letter` (US)."""
    prepared_by: Text = ""
    """Who prepared the report, as its cover says, e.g. `Jane Doe, Example Consulting`; also the
    documents' author. Empty: the cover leaves the line out."""
    company: Text = ""
    """The firm behind the documents: their `Company` property and the report's footer."""
    colour: str = Field(default=DEFAULT_COLOUR, pattern=COLOUR_PATTERN)
    """The accent colour of headings, table headers and the cover, as `#RRGGBB`."""
    logo: Text = ""
    """A PNG or JPEG file, relative to the workspace, e.g. `branding/logo.png`: shown on the
    report's cover and in the header of every document. Empty: no logo."""


class SiteSettings(Model):
    """What `pmo build` puts on the site."""

    report_documents: Literal["client", "all"] = "client"
    """Which sites carry each organisation's report as DOCX and PDF downloads: `client` (the
    default) only a client's own site, `pmo build --org ORG`; `all` the workspace's site too,
    one pair per organisation, which makes a first build of many organisations much slower."""


class WorkspaceSettings(Model):
    """`workspace.yaml`: settings of the whole workspace."""

    documents: DocumentSettings = Field(default_factory=DocumentSettings)
    """How the report and the toolkit downloads look."""
    site: SiteSettings = Field(default_factory=SiteSettings)
    """What the built site carries."""
