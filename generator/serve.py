"""`pmo serve`: MkDocs' live-reloading preview, regenerating the pages when a source changes.

MkDocs serves the generated docs folder. The generated configuration adds a hook that runs
the generator before each MkDocs rebuild, and watches the workspace's sources, so editing an
answer file, a template or a page refreshes the browser with the regenerated site.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
from pathlib import Path

from .errors import GeneratorError, InputError
from .files import write_atomic
from .pipeline import prepare

HOOK = Path(__file__).with_name("serve_hook.py")
ROOT_VARIABLE, ORG_VARIABLE = "PMO_SERVE_ROOT", "PMO_SERVE_ORG"


def serve(root: Path, *, org: str | None, host: str, port: int) -> None:
    from mkdocs.commands.serve import serve as mkdocs_serve

    _check_free(host, port)  # before the build, not after it
    ready = prepare(root, org=org)
    config = ready.config.read_text(encoding="utf-8") + f"hooks:\n  - {HOOK}\n"
    serve_config = ready.build_dir / "mkdocs-serve.yml"
    write_atomic(serve_config, config)
    os.environ[ROOT_VARIABLE] = str(root)
    os.environ[ORG_VARIABLE] = org or ""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")
    watch = [str(p) for p in (root / "content", root / "library", root / "assessments",
                              root / "mkdocs.yml") if p.exists()]
    _show_mkdocs_messages()
    print(f"Serving the site on http://{host}:{port}/ ; it rebuilds when a file changes. "
          "Stop with Ctrl-C.", file=sys.stderr, flush=True)
    try:
        mkdocs_serve(str(serve_config), livereload=True, dev_addr=f"{host}:{port}", watch=watch)
    except OSError as exc:  # most often: the port is taken
        raise GeneratorError(f"cannot serve on {host}:{port}: {exc.strerror or exc}; "
                             "try another --port") from None


def _check_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise GeneratorError(f"cannot serve on {host}:{port}: {exc.strerror or exc}; "
                                 "try another --port") from None


def _show_mkdocs_messages() -> None:
    """MkDocs reports rebuilds and problems through `logging`, which only its own CLI shows."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def regenerate() -> None:
    """Called by the hook before each rebuild; problems are shown, the old pages kept."""
    root = Path(os.environ[ROOT_VARIABLE])
    org = os.environ.get(ORG_VARIABLE) or None
    try:
        prepare(root, org=org)
    except InputError as exc:
        for problem in exc.problems:
            print(problem.render(), file=sys.stderr)
        print("The pages were not regenerated; fix the problems above.", file=sys.stderr)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
