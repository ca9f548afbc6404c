"""`pmo init`: create a new workspace from the bundled files, all or nothing."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .bundled import bundled_root
from .errors import GeneratorError

COPIED = (
    "mkdocs.yml",
    "workspace.yaml",
    "content",
    "assessments/questionnaires",
    "assessments/actions",
    "assessments/schemas",
    "library",
)
SAMPLES = "assessments/orgs"
GITIGNORE = "site/\nsite-*/\nbuild/\n.pmo-cache/\n"
README = """\
# PMO assessment workspace

Created by `pmo init`. Everything here is plain text, meant to be kept in version control.

- `assessments/questionnaires/`: the questionnaires (PMO type, operating model, P3M maturity,
  PMO services).
- `assessments/actions/`: the improvement actions that roadmaps are planned from.
- `assessments/orgs/<id>/organisation.yaml`: one folder per organisation assessed, with its
  rounds; response files go anywhere below that folder, e.g. `2026-h1/alice.yaml`.
- `assessments/schemas/`: JSON Schemas, so that editors check and complete the YAML files.
- `library/`: templates (a page and a download each) and lessons learned.
- `content/`: the standards, practices and reference pages of the site.
- `workspace.yaml`: how the documents a client receives look (paper, colour, logo, prepared by).

First steps: `pmo new-org ID --name NAME` adds an organisation and its first round;
`pmo new-response ID --respondent WHO` writes a response file to fill in (or respondents use
the site's self-assessment pages); `pmo validate` checks everything; `pmo build` publishes the
site into `site/`. Then `pmo score ID` and `pmo roadmap ID`. Run `pmo --help` for more.
"""


def init_workspace(target: Path, *, samples: bool = False) -> list[Path]:
    """Create a workspace at `target`; return the top-level items written.

    Refuses a non-empty `target`, and writes into a temporary folder first, so that a failure
    leaves nothing half-made.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise GeneratorError(
            f"{target} already exists and is not empty; choose a new folder (nothing was written)"
        )
    source = bundled_root()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp makes it private; a workspace is an ordinary folder
    try:
        items = [*COPIED, SAMPLES] if samples else list(COPIED)
        for item in items:
            src = source / item
            if src.is_dir():
                shutil.copytree(src, staging / item, ignore=shutil.ignore_patterns("__pycache__"))
            elif src.is_file():
                (staging / item).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, staging / item)
        (staging / SAMPLES).mkdir(parents=True, exist_ok=True)
        (staging / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        (staging / "README.md").write_text(README, encoding="utf-8")
        staging.replace(target)  # atomic; an empty target folder is replaced
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return sorted(target.iterdir())
