"""Setting up a workspace: `pmo init`, `new-org`, `new-round` and `schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .shared import (
    ID,
    State,
)


@click.command()
@click.argument("directory", type=click.Path(file_okay=True, path_type=Path))
@click.option(
    "--with-samples",
    is_flag=True,
    help="Also copy the fictional sample organisations, to try things out.",
)
def init(directory: Path, with_samples: bool) -> None:
    """Create a new workspace in DIRECTORY with the bundled questionnaires and content.

    Keep each client's data in a workspace of its own, outside this tool's source code.
    DIRECTORY must be new or empty.

    \b
    Example:
      pmo init ~/clients/acme
      pmo init /tmp/demo --with-samples && cd /tmp/demo && pmo list
    """
    from ..scaffold import init_workspace

    init_workspace(directory, samples=with_samples)
    click.echo(f"Created a workspace in {directory}.")
    if not with_samples:
        click.echo(
            f"Next: cd {directory}, add an organisation with 'pmo new-org ID --name NAME', "
            "collect answers (pmo new-response ID --respondent WHO, or the site's "
            "self-assessment pages), then 'pmo validate' and 'pmo build'."
        )
    else:
        click.echo(f"Next: cd {directory} && pmo list, then pmo score northwind-bank or "
                   "pmo build.")


@click.command(name="new-org")
@click.argument("org_id", metavar="ID", type=ID)
@click.option("--name", required=True, help="The organisation's name, as reports show it.")
@click.option("--sector", default="", help="Its sector, such as 'Financial services'.")
@click.option("--size", default="", help="Its size, such as 'About 4,200 staff'.")
@click.option("--round", "round_id", type=ID,
              help="The first assessment round's id (default: this quarter, such as 2026-q4).")
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]),
              help="The first round's date, YYYY-MM-DD (default: today).")
@click.option("--label", default="", help="The first round's label, such as 'Baseline'.")
@click.option("--force", is_flag=True, help="Replace organisation.yaml if it exists.")
@click.pass_obj
def new_org(state: State, org_id: str, name: str, sector: str, size: str,
            round_id: str | None, day: Any, label: str, force: bool) -> None:
    """Add an organisation: write assessments/orgs/ID/organisation.yaml with its first round.

    The file comes with comments on every key and the roadmap settings that can be added,
    and passes `pmo validate` as it is. An existing file is never replaced without --force.

    \b
    Example:
      pmo new-org acme --name "Acme Ltd" --sector Retail --round 2026-q4 --date 2026-11-30
      pmo new-org acme --name "Acme Ltd" --label Baseline
    """
    import datetime as dt

    from ..errors import display_path
    from ..organisations import create_organisation, default_round
    from ..workspace import Layout

    date = day.date() if day else dt.date.today()
    round_id = round_id or default_round(date)
    path = create_organisation(Layout(state.root()), org_id, name, round_id=round_id,
                               date=date, label=label, sector=sector, size=size, force=force)
    click.echo(f"Wrote {display_path(path)} with round {round_id} ({date.isoformat()}). Next: "
               f"pmo new-response {org_id} --respondent ID, or send respondents the site's "
               "self-assessment pages.")


@click.command(name="new-round")
@click.argument("org", type=ID)
@click.argument("round_id", metavar="ROUND", type=ID)
@click.option("--date", "day", type=click.DateTime(["%Y-%m-%d"]),
              help="The round's date, YYYY-MM-DD (default: today).")
@click.option("--label", default="", help="A short name, such as 'One year on'.")
@click.pass_obj
def new_round(state: State, org: str, round_id: str, day: Any, label: str) -> None:
    """Add an assessment round to an organisation's organisation.yaml.

    The round is added after the last one; the rest of the file, comments included, is kept
    as it is. A round id the organisation already has is refused.

    \b
    Example:
      pmo new-round northwind-bank 2026-h2 --date 2026-11-16 --label "Two years on"
    """
    import datetime as dt

    from ..errors import display_path
    from ..organisations import add_round
    from ..workspace import Layout

    date = day.date() if day else dt.date.today()
    path = add_round(Layout(state.root()), org, round_id, date, label)
    click.echo(f"Added round {round_id} ({date.isoformat()}) to {display_path(path)}.")


@click.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write into (default: the workspace's assessments/schemas).",
)
@click.pass_obj
def schema(state: State, out: Path | None) -> None:
    """Write the JSON Schemas of the file formats, for editors' autocompletion.

    YAML files that start with a line such as
    `# yaml-language-server: $schema=../schemas/questionnaire.schema.json`
    are then checked and completed as you type (VS Code with the YAML extension, and others).

    \b
    Example:
      pmo schema
      pmo schema --out /tmp/schemas
    """
    from ..schema import write_schemas
    from ..workspace import Layout

    folder = out or Layout(state.root()).schemas
    for path in write_schemas(folder):
        click.echo(f"wrote {path}")
