"""Rules of an organisation file that no single key can check."""

from __future__ import annotations

from ..errors import Problem
from ..models import Organisation
from ..yamlio import YamlDoc


def check_organisation(org: Organisation, doc: YamlDoc, folder: str) -> list[Problem]:
    """Problems with `org`, read from `assessments/orgs/<folder>/organisation.yaml`."""
    problems = []
    if org.id != folder:
        problems.append(
            Problem(
                doc.location(("id",)),
                f"'{org.id}' does not match the folder "
                f"name '{folder}'; rename one so that they agree",
            )
        )
    seen: set[str] = set()
    for i, round_ in enumerate(org.rounds):
        if round_.id in seen:
            problems.append(
                Problem(doc.location(("rounds", i, "id")), f"duplicate round id '{round_.id}'")
            )
        seen.add(round_.id)
    return problems
