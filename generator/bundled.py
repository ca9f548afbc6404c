"""Find the files shipped with the tool: questionnaires, schemas, content, sample workspace.

In an installed wheel they live in `generator/_bundled/`; in a checkout (or an editable
install) they are the repository itself, which doubles as the sample workspace.
"""

from __future__ import annotations

from pathlib import Path

from .errors import GeneratorError

PACKAGE = Path(__file__).resolve().parent


def bundled_root() -> Path:
    packaged = PACKAGE / "_bundled"
    if (packaged / "assessments" / "questionnaires").is_dir():
        return packaged
    checkout = PACKAGE.parent
    if (checkout / "assessments" / "questionnaires").is_dir():
        return checkout
    raise GeneratorError(
        "the bundled questionnaires are missing from this installation; reinstall pmo-maturity"
    )
