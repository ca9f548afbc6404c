"""Dependencies inside `generator/` point one way: from the commands down to the models.

Each module belongs to one layer; it may import its own layer and the layers below it, never
one above. A new module must be named here, so that its place is a decision, not an accident.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "generator"

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Helpers with no knowledge of the domain: errors, YAML, expressions, file formats.
    ("base", (
        "generator", "errors", "yamlio", "yamlfast", "yaml_hints", "expr", "suggest",
        "validation", "files", "cells", "spreadsheet", "formulas", "wording", "bundled",
    )),
    # Typed files, the ids of the bundled questionnaires, responses, the loaded workspace.
    ("models", ("models", "branding", "workspace", "schema")),
    # Reading and checking input; collecting answers (forms, imports, invitations).
    ("inputs", ("checks", "loader", "organisations", "forms", "scaffold")),
    ("scoring", ("scoring",)),
    ("planning", ("planning",)),
    # Everything that renders: terminal tables, files, charts, the report, the site.
    ("outputs", ("outputs",)),
    # The stage order and the command line.
    ("commands", ("pipeline", "serve", "serve_hook", "cli", "commands", "__main__")),
)
RANK = {name: rank for rank, (_, names) in enumerate(LAYERS) for name in names}
RENDERING = ("matplotlib", "jinja2", "click", "rich", "openpyxl", "docx", "mkdocs")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int:
    """The rank of the most specific entry naming `module` or a package above it."""
    if module == "generator":
        return RANK["generator"]
    parts = module.split(".")[1:]
    for size in range(len(parts), 0, -1):
        if (key := ".".join(parts[:size])) in RANK:
            return RANK[key]
    raise KeyError(module)


def imports(module: str, path: Path) -> set[str]:
    """Every module `module` imports, absolute, at any depth (lazy imports included)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            # `from . import x` and `from .charts import jobs` may name submodules.
            found.update(f"{name}.{alias.name}" for alias in node.names
                         if f"{name}.{alias.name}" in MODULES)
    return found


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module: str) -> None:
    rank = layer_of(module)
    upward = sorted(
        f"{name} ({LAYERS[layer_of(name)][0]})"
        for name in imports(module, MODULES[module])
        if name.split(".")[0] == "generator" and layer_of(name) > rank
    )
    assert not upward, f"{module} ({LAYERS[rank][0]}) imports a higher layer: {upward}"


@pytest.mark.parametrize("package", ["models", "checks", "scoring", "planning"])
def test_the_library_imports_no_rendering_or_command_line_library(package: str) -> None:
    for path in sorted((PACKAGE / package).rglob("*.py")):
        roots = {name.split(".")[0] for name in imports(module_name(path), path)}
        assert not roots & set(RENDERING), f"{module_name(path)} imports {roots & set(RENDERING)}"


def test_every_module_has_a_layer() -> None:
    assert [m for m in MODULES if not _has_layer(m)] == []


def _has_layer(module: str) -> bool:
    try:
        layer_of(module)
    except KeyError:
        return False
    return True
