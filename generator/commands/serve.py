"""`pmo serve`: preview the site and rebuild it as files change."""

from __future__ import annotations

import click

from .shared import (
    ID,
    State,
)


@click.command()
@click.option("--org", type=ID, help="Preview a client site with only this organisation's reports.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default keeps the preview on this machine.")
@click.pass_obj
def serve(state: State, org: str | None, port: int, host: str) -> None:
    """Preview the site at http://127.0.0.1:8000/ and rebuild it when a file changes.

    Watches content/, library/, assessments/ and mkdocs.yml; a change regenerates the
    pages and the browser reloads. Stop with Ctrl-C.

    \b
    Example:
      pmo serve
      pmo serve --org northwind-bank --port 8001
    """
    from ..serve import serve as run_serve

    run_serve(state.root(), org=org, host=host, port=port)
