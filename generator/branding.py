"""The branding every client document shares, read from `workspace.yaml` and checked.

`Branding` is what the writers get: the settings plus the logo's bytes, so that writing a
document never touches the workspace, and a hash of it invalidates cached documents.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .models.settings import DEFAULT_COLOUR, DocumentSettings
from .yamlio import YamlDoc

SETTINGS_FILE = "workspace.yaml"
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg"}
LOGO_LIMIT = 2_000_000
"""Bytes: a logo larger than this would bloat every document that carries it."""


@dataclass(frozen=True)
class Branding:
    """How the client documents look: paper, accent colour, who prepared them, the logo."""

    paper: str = "A4"
    prepared_by: str = ""
    company: str = ""
    colour: str = DEFAULT_COLOUR
    logo: bytes | None = None
    logo_type: str = ""
    """`png` or `jpeg` when there is a logo."""

    @property
    def author(self) -> str:
        """The documents' author property: who prepared them, else the firm."""
        return self.prepared_by or self.company

    @property
    def hex(self) -> str:
        """The colour as `RRGGBB`, as Office files write it."""
        return self.colour.lstrip("#").upper()

    def tint(self, share: float) -> str:
        """The colour mixed with white (`share` of the colour kept), as `RRGGBB`."""
        rgb = [int(self.hex[i : i + 2], 16) for i in (0, 2, 4)]
        return "".join(f"{round(255 - (255 - c) * share):02X}" for c in rgb)

    @property
    def key(self) -> str:
        """A hash of everything here, for the keys of cached documents."""
        logo = hashlib.sha256(self.logo).hexdigest() if self.logo else ""
        text = "|".join((self.paper, self.prepared_by, self.company, self.colour, logo))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def branding_from(settings: DocumentSettings, doc: YamlDoc | None, root: Path
                  ) -> tuple[Branding, list[Problem]]:
    """The branding of `settings`, with the logo read; problems point into `doc`."""
    problems: list[Problem] = []
    logo, logo_type = None, ""
    if settings.logo and doc is not None:
        logo, logo_type, problem = _read_logo(root, settings.logo)
        if problem:
            problems.append(Problem(doc.location(("documents", "logo")), problem))
    branding = Branding(settings.paper, settings.prepared_by, settings.company,
                        settings.colour.upper(), logo, logo_type)
    return branding, problems


def _read_logo(root: Path, name: str) -> tuple[bytes | None, str, str | None]:
    path = root / name
    if Path(name).is_absolute() or ".." in Path(name).parts:
        return None, "", (f"'{name}' must be a path inside the workspace, such as "
                          "branding/logo.png")
    if not path.is_file():
        return None, "", f"no file '{name}' in the workspace; give a PNG or JPEG file's path"
    data = path.read_bytes()
    kind = next((k for magic, k in LOGO_TYPES.items() if data.startswith(magic)), None)
    if kind is None:
        return None, "", f"'{name}' is not a PNG or JPEG image; save the logo as one of those"
    if len(data) > LOGO_LIMIT:
        return None, "", (f"'{name}' is {len(data) / 1e6:.1f} MB; use a logo under "
                          f"{LOGO_LIMIT / 1e6:.0f} MB (every document carries a copy)")
    return data, kind, None
