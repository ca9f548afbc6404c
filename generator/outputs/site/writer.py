"""Bring a docs folder in line with the computed site, touching only what changed.

Unchanged files keep their modification time, which is what lets a rebuild skip them.
"""

from __future__ import annotations

from pathlib import Path


def sync(folder: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Write new or changed files and delete files no longer in the site.

    Returns (files written, files removed).
    """
    written = removed = 0
    folder.mkdir(parents=True, exist_ok=True)
    for relative, data in files.items():
        path = folder / relative
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    wanted = {folder / relative for relative in files}
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, removed
