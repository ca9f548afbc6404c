"""What `pmo list` shows: organisations, their rounds, and who answered in each."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from rich.table import Table

from ...wording import counted
from ...workspace import Workspace


@dataclass(frozen=True)
class RoundSummary:
    id: str
    date: str
    label: str
    respondents: tuple[str, ...]
    """Respondent ids who answered at least one questionnaire in the round."""
    questionnaires: tuple[str, ...]
    agreed: tuple[str, ...]
    """Questionnaires with agreed answers in the round."""


@dataclass(frozen=True)
class OrganisationSummary:
    id: str
    name: str
    sector: str
    rounds: tuple[RoundSummary, ...]


def listing(ws: Workspace) -> tuple[OrganisationSummary, ...]:
    out = []
    for org in sorted(ws.organisations.values(), key=lambda o: o.id):
        rounds = []
        for r in org.rounds_by_date:
            mine = ws.responses_of(org.id, r.id)
            rounds.append(
                RoundSummary(
                    id=r.id,
                    date=r.date.isoformat(),
                    label=r.label,
                    respondents=tuple(sorted({x.respondent for x in mine if x.respondent})),
                    questionnaires=tuple(sorted({x.questionnaire for x in mine})),
                    agreed=tuple(sorted({x.questionnaire for x in mine if x.agreed})),
                )
            )
        out.append(OrganisationSummary(org.id, org.name, org.sector, tuple(rounds)))
    return tuple(out)


def listing_table(records: tuple[OrganisationSummary, ...]) -> Table:
    table = Table(title=counted(len(records), "organisation"), title_justify="left")
    # ids are what users type next: never cut or wrapped; the other columns give way
    table.add_column("Id", no_wrap=True, min_width=max((len(o.id) for o in records), default=2))
    table.add_column("Name", min_width=10)
    table.add_column("Sector", min_width=8)
    table.add_column("Rounds (respondents)", min_width=20)
    for org in records:
        rounds = "\n".join(
            f"{r.id} {r.date}: {counted(len(r.respondents), 'respondent')}"
            + (f", agreed answers for {', '.join(r.agreed)}" if r.agreed else "")
            for r in org.rounds
        )
        table.add_row(escape(org.id), escape(org.name), escape(org.sector), escape(rounds))
    return table
