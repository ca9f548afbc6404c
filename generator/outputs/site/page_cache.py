"""Rendered pages kept between builds, by a hash of everything they are made from.

An organisation's pages (report pages, charts, report documents) are made from its own folder
(organisation file, response files, invitations), the shared inputs (questionnaires, actions,
library, content, `workspace.yaml` with its settings, the branding's logo) and the generator
itself. When none of that changed, a rebuild takes them from `.pmo-cache/pages/` instead of
gathering the organisation's report, planning and rendering them again (the workspace is still
scored as a whole, which is quick and feeds the benchmark). No page of an organisation
shows another organisation's data (the benchmark is on the overview page only), so other
organisations are not part of the key.

Entries are kept per build kind (`site`, or `client-ORG` for a client build) and per
organisation, and an entry may only hold files under its own organisation's folder, so a
client build can never pick up another organisation's pages. One entry per organisation is
kept, the latest; a whole-site build forgets organisations that no longer have a report.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ...files import write_atomic
from ...workspace import Layout, Workspace
from .overview import OverviewRow

VERSION = "1"
"""Bump when the entries' format changes."""
TOOLS = ("pmo-maturity", "jinja2", "numpy", "pandas", "matplotlib", "python-docx",
         "openpyxl", "typst")
"""Packages whose version can change a page, a chart or a document."""
SHARED_INPUTS = ("assessments/questionnaires", "assessments/actions", "library", "content",
                 "workspace.yaml", "workspace.yml")


@dataclass(frozen=True)
class Bundle:
    """Rendered files with their page titles; for an organisation also its overview row and
    how many of the files are charts (for the build's closing line)."""

    files: dict[str, bytes]
    titles: dict[str, str]
    row: OverviewRow | None = None
    charts: int = 0
    content: dict[str, str] = field(default_factory=dict)
    """For the common pages: the hand-written pages' titles, for links from reports."""


class PageCache:
    """The entries of one build kind under `folder` (`.pmo-cache/pages`); with `reuse` off
    (a full build) entries are written but never read.

    Made before the workspace is loaded: the keys hash the files as they were before they
    were read, so a file saved during a build can only make the next build render again,
    never keep pages made from what it held before.
    """

    def __init__(self, folder: Path, root: Path, kind: str, *,
                 orgs: Iterable[str] | None = None, reuse: bool = True) -> None:
        self.folder = folder / kind
        self.reuse = reuse
        self.inputs = [generator_fingerprint(), VERSION, kind,
                       *(_tree(root / part) for part in SHARED_INPUTS)]
        self.orgs = Layout(root).orgs
        names = orgs if orgs is not None else (
            p.name for p in self.orgs.iterdir() if p.is_dir()) if self.orgs.is_dir() else ()
        self.folders = {name: _tree(self.orgs / name) for name in names
                        if not name.startswith(".")}
        self.shared = _digest(self.inputs)

    def loaded(self, ws: Workspace) -> None:
        """Add what only the loaded workspace knows: the branding, whose logo may be any file."""
        self.shared = _digest([*self.inputs, ws.branding.key])

    def org_key(self, org: str) -> str:
        """The key of `org`'s pages: the shared inputs and its own folder (its organisation
        file, response files and invitations: the loader keeps every organisation's files in
        its folder)."""
        folder = self.folders.get(org) or _tree(self.orgs / org)
        return _digest([self.shared, org, folder])

    def common(self) -> Bundle | None:
        return self._read(self.folder / "common", self.shared, prefix="")

    def put_common(self, bundle: Bundle) -> None:
        self._write(self.folder / "common", self.shared, bundle)

    def overview_key(self, records: object) -> str:
        """The key of the overview: the shared inputs and what it shows (plain records)."""
        return _digest([self.shared, json.dumps(records, sort_keys=True, default=repr)])

    def overview(self, key: str) -> Bundle | None:
        return self._read(self.folder / "overview", key, prefix="assessments/")

    def put_overview(self, key: str, bundle: Bundle) -> None:
        self._write(self.folder / "overview", key, bundle)

    def org(self, org: str, key: str) -> Bundle | None:
        return self._read(self.folder / "orgs" / org, key, prefix=f"assessments/{org}/")

    def put_org(self, org: str, key: str, bundle: Bundle) -> None:
        outside = [p for p in bundle.files if not p.startswith(f"assessments/{org}/")]
        if outside:
            raise ValueError(f"{org}'s pages would keep other files: {outside[:3]}")
        self._write(self.folder / "orgs" / org, key, bundle)

    def prune(self, orgs: Iterable[str]) -> None:
        """Forget the organisations not in `orgs` (removed, or without answers any more)."""
        keep = set(orgs)
        folder = self.folder / "orgs"
        for entry in folder.iterdir() if folder.is_dir() else ():
            if entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)

    def _read(self, folder: Path, key: str, prefix: str) -> Bundle | None:
        if not self.reuse:
            return None
        try:
            meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
            blob = (folder / f"{key}.bin").read_bytes()
        except (OSError, ValueError):
            return None
        files: dict[str, bytes] = {}
        offset = 0
        for path, size in meta["files"]:
            if not path.startswith(prefix):  # never another organisation's file
                return None
            files[path] = blob[offset:offset + size]
            offset += size
        if offset != len(blob):
            return None
        row = OverviewRow(**meta["row"]) if meta.get("row") else None
        return Bundle(files, meta["titles"], row, meta["charts"], meta["content"])

    def _write(self, folder: Path, key: str, bundle: Bundle) -> None:
        paths = sorted(bundle.files)
        meta = {"files": [[p, len(bundle.files[p])] for p in paths], "titles": bundle.titles,
                "row": bundle.row.record() if bundle.row else None, "charts": bundle.charts,
                "content": bundle.content}
        # the blob first: an entry counts only once its description is in place
        write_atomic(folder / f"{key}.bin", b"".join(bundle.files[p] for p in paths))
        write_atomic(folder / f"{key}.json", json.dumps(meta, sort_keys=True))
        for old in folder.iterdir():
            if old.stem != key:
                old.unlink(missing_ok=True)


@cache
def generator_fingerprint() -> str:
    """The generator's version and a hash of its own files: code, templates and assets."""
    tools = []
    for name in TOOLS:
        try:
            tools.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            tools.append(f"{name} -")
    package = Path(str(resources.files("generator")))
    python = ".".join(map(str, sys.version_info[:2]))
    return _digest([f"python {python}", *tools, _tree(package, skip=(".pyc",))])


def _tree(path: Path, skip: Iterable[str] = ()) -> str:
    """A hash of a file, or of every file below a folder (names and bytes; hidden ones and
    caches left out); the same for a missing path every time."""
    if path.is_file():
        return _file(path)
    skip = tuple(skip)
    found: list[Path] = []
    for parent, folders, names in os.walk(path):
        folders[:] = [f for f in folders if not f.startswith(".") and f != "__pycache__"]
        found.extend(Path(parent, name) for name in names
                     if not name.startswith(".") and not name.endswith(skip))
    h = hashlib.sha256()
    for file in sorted(found):
        h.update(f"{file.relative_to(path).as_posix()}\0".encode())
        h.update(hashlib.sha256(file.read_bytes()).digest())
    return h.hexdigest()


def _file(path: Path) -> str:
    try:
        return f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()}"
    except OSError:
        return f"{path.name}:-"


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
