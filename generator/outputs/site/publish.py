"""Run MkDocs on the generated docs and swap the result in only if the build succeeds.

The site is built into a fresh folder next to the target; the previous site is replaced only
after MkDocs finished without a warning. `SOURCE_DATE_EPOCH` is set so that the sitemap's dates,
the only ones MkDocs writes, depend on the input alone.

Rebuilds are incremental when that gives the same result as a full build: when neither the
configuration nor the set of files changed, the previous site is copied, MkDocs re-renders only
the pages whose Markdown changed (its `dirty` mode), and the search index is merged. The
navigation's titles are written out in the configuration (see `config.py`), so pages that are
not re-rendered lose nothing. A test compares such a rebuild with a full one, byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypedDict, cast

from ...errors import GeneratorError
from ...files import write_atomic
from ...yamlio import read_mkdocs_config

SHOWN = 10
"""MkDocs problems listed in full; the rest are counted."""
STATE = "published.json"
STATE_VERSION = 1
DIRTY_NOTICE = "A 'dirty' build is being performed"
LINKABLE = (".pdf", ".docx", ".xlsx", ".png", ".jpg", ".svg")
"""Static files a rebuild links to rather than copies from the previous site."""


@dataclass(frozen=True)
class Published:
    """How the site was brought up to date."""

    mode: str
    """`full`, `incremental` or `unchanged`."""
    pages: int
    """Pages MkDocs rendered."""


class Progress(Protocol):
    """Told how many pages MkDocs will render, then of each page rendered."""

    def stage(self, name: str, total: int | None = None) -> None: ...

    def advance(self, steps: int = 1) -> None: ...


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def publish(config_file: Path, target: Path, epoch: int, docs: Mapping[str, bytes],
            *, incremental: bool = True, progress: Progress | None = None) -> Published:
    """Build the site of `config_file` into `target`, all or nothing.

    `docs` is the docs folder's content, which decides whether an incremental build is safe.
    `progress` hears of the `publish` stage with the pages to render, then of each page.
    """
    state_file = config_file.parent / STATE
    state = _state(config_file, target, docs)
    previous = _read_state(state_file)
    mode = "full"
    changed: list[str] = []
    if incremental and previous is not None and target.is_dir() and \
            (target / "search" / "search_index.json").is_file():
        same_shape = all(previous.get(k) == state[k] for k in ("version", "config", "target"))
        if same_shape and previous["docs"].keys() == state["docs"].keys():
            changed = [p for p, h in state["docs"].items() if previous["docs"][p] != h]
            mode = "incremental" if changed else "unchanged"
    pages = [p for p in (changed if mode == "incremental" else docs) if p.endswith(".md")]
    if progress is not None:
        progress.stage("publish", len(pages) if mode != "unchanged" else None)
    if mode == "unchanged":
        return Published(mode, 0)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        if mode == "incremental":
            _copy_previous(target, staging, config_file.parent / "docs", set(changed))
            rendered = mkdocs_build(config_file, staging, epoch, dirty=True, progress=progress)
            _merge_search_index(target, staging)
        else:
            rendered = mkdocs_build(config_file, staging, epoch, progress=progress)
        _swap(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        state_file.unlink(missing_ok=True)
        raise
    write_atomic(state_file, json.dumps(state, sort_keys=True))
    return Published(mode, rendered)


def mkdocs_build(config_file: Path, site_dir: Path, epoch: int, *, dirty: bool = False,
                 progress: Progress | None = None) -> int:
    """`mkdocs build --strict` in this process; returns the pages rendered, each told to
    `progress` as it is done.

    A dirty build cannot run in strict mode (MkDocs warns that it is dirty), so its warnings
    are checked here instead: any warning but that notice fails the build, as strict would.
    """
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    rendered = _Count(progress)
    try:
        with _environment(SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1",
                          DISABLE_MKDOCS_2_WARNING="true"):
            config = load_config(str(config_file.absolute()), strict=not dirty,
                                 site_dir=str(site_dir.absolute()))
            config.plugins["pmo-count"] = rendered  # type: ignore[assignment]  # see _Count
            build(config, dirty=dirty)
        problems = [m for m in collect.messages if not m.startswith(DIRTY_NOTICE)]
        if problems:
            raise exceptions.Abort(f"{len(problems)} warnings")
    except (exceptions.MkDocsException, exceptions.Abort) as exc:
        messages = [m for m in dict.fromkeys(collect.messages) if not m.startswith(DIRTY_NOTICE)]
        messages = messages or [str(exc)]
        shown = "\n".join(f"  {m}" for m in messages[:SHOWN])
        more = f"\n  … and {len(messages) - SHOWN} more" if len(messages) > SHOWN else ""
        raise GeneratorError(
            f"MkDocs could not build the site ({len(messages)} problem"
            f"{'s' * (len(messages) != 1)}); the previous site is unchanged:\n{shown}{more}"
        ) from None
    finally:
        logger.removeHandler(collect)
    return rendered.pages


class _Count:
    """Counts the pages MkDocs renders; MkDocs registers any object's `on_*` methods, and
    this module imports MkDocs (and so `BasePlugin`) only when it builds."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.pages = 0
        self.progress = progress

    def on_page_content(self, html: str, **kwargs: object) -> str:
        self.pages += 1
        if self.progress is not None:
            self.progress.advance(1)
        return html


def _copy_previous(site: Path, staging: Path, docs: Path, changed: set[str]) -> None:
    """Copy the previous site for a dirty build to update, keeping the files' times.

    The report documents and charts make most of a site's bytes, and a dirty build leaves a
    static file alone unless its source is newer than its copy: such files are hard links to
    the previous site's (MkDocs' own test, checked here, plus the file's content unchanged),
    which spares copying them. MkDocs overwrites files in place, so every other file, and any
    file it might write, is a real copy: the previous site stays intact if the build fails.
    """
    def copy(source: str, target: str) -> None:
        relative = Path(source).relative_to(site).as_posix()
        original = docs / relative
        if relative.endswith(LINKABLE) and relative not in changed and original.is_file() \
                and Path(source).stat().st_mtime >= original.stat().st_mtime:
            with contextlib.suppress(OSError):  # another file system: copy instead
                os.link(source, target)
                return
        shutil.copy2(source, target)

    shutil.copytree(site, staging, dirs_exist_ok=True, copy_function=copy)


def _merge_search_index(previous_site: Path, staging: Path) -> None:
    """Put the re-rendered pages' entries in place of their old ones, keeping the order of a
    full build (Material would append them, which changes the file)."""
    path = Path("search") / "search_index.json"
    old = json.loads((previous_site / path).read_text(encoding="utf-8"))
    new = json.loads((staging / path).read_text(encoding="utf-8"))
    fresh: dict[str, list[dict[str, object]]] = {}
    for entry in new["docs"]:
        fresh.setdefault(str(entry["location"]).split("#", 1)[0], []).append(entry)
    docs: list[dict[str, object]] = []
    placed: set[str] = set()
    for entry in old["docs"]:
        page = str(entry["location"]).split("#", 1)[0]
        if page not in fresh:
            docs.append(entry)
        elif page not in placed:
            docs.extend(fresh[page])
            placed.add(page)
    docs.extend(e for page, entries in fresh.items() if page not in placed for e in entries)
    merged = json.dumps({"config": new["config"], "docs": docs}, separators=(",", ":"),
                        default=str)
    (staging / path).write_bytes(merged.encode("utf-8"))


class _BuildState(TypedDict):
    version: int
    config: str
    target: str
    docs: dict[str, str]


def _state(config_file: Path, target: Path, docs: Mapping[str, bytes]) -> _BuildState:
    """What the site was built from; any change but to page content calls for a full build."""
    from importlib.metadata import version

    config = hashlib.sha256(config_file.read_bytes())
    inherited = config_file.parent / str(read_mkdocs_config(config_file).get("INHERIT", ""))
    if inherited.is_file():
        config.update(inherited.read_bytes())
    config.update(f"{version('mkdocs')} {version('mkdocs-material')}".encode())
    return {
        "version": STATE_VERSION,
        "config": config.hexdigest(),
        "target": str(target.resolve()),
        "docs": {path: hashlib.sha256(data).hexdigest() for path, data in sorted(docs.items())},
    }


def _read_state(path: Path) -> _BuildState | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and data.get("version") == STATE_VERSION \
            and isinstance(data.get("docs"), dict):
        return cast(_BuildState, data)
    return None


def _swap(staging: Path, target: Path) -> None:
    """Put `staging` where `target` is; the old site goes only once the new one is in place."""
    staging.chmod(0o755)
    if not target.exists():
        staging.replace(target)
        return
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    target.replace(old)
    try:
        staging.replace(target)
    except BaseException:
        old.replace(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
