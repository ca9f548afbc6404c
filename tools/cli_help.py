"""Refresh the `pmo ... --help` texts pasted in content/reference/cli.md.

    python tools/cli_help.py

tests/test_docs.py fails when a pasted help text differs from the command's own.

The commands' examples name a sample organisation, so that they can be run as they are in a
workspace made with `pmo init DIR --with-samples`. The site's pages name no sample
organisation (a client site must not name another organisation), so the pasted texts say
`example-co` instead (`SITE_NAMES`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.cli import cli  # noqa: E402

PAGE = ROOT / "content" / "reference" / "cli.md"
WIDTH = 98  # the width the page's other examples were captured at
SITE_NAMES = {"northwind-bank": "example-co"}
"""Names in the commands' examples, and what the site's pages say instead."""
BLOCK = re.compile(r"(```console\n\$ (pmo[\w -]*?) --help\n)(.*?)```", re.S)


def current_help(command: str) -> str:
    result = CliRunner().invoke(cli, [*command.split()[1:], "--help"], prog_name="pmo",
                                terminal_width=WIDTH)
    if result.exit_code != 0:
        raise SystemExit(f"{command} --help failed:\n{result.output}")
    return for_site(result.output.rstrip() + "\n")


def for_site(text: str) -> str:
    for name, shown in SITE_NAMES.items():
        text = text.replace(name, shown)
    return text


def main() -> None:
    text = PAGE.read_text(encoding="utf-8")
    fresh = BLOCK.sub(lambda m: f"{m.group(1)}{current_help(m.group(2))}```", text)
    if fresh != text:
        PAGE.write_text(fresh, encoding="utf-8")
        print(f"updated {PAGE.relative_to(ROOT)}")
    else:
        print(f"{PAGE.relative_to(ROOT)} is up to date")


if __name__ == "__main__":
    main()
