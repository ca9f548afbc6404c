"""Regenerate the sample workspace: seven fictional organisations and their assessment answers.

Writes `assessments/orgs/<org>/organisation.yaml` and one answer file per respondent and round
(plus the agreed answers of one workshop) for the organisations described below. Every run
gives the same files, so edit the profiles here and run the script again rather than editing
the YAML by hand. It needs only Python and PyYAML (any environment where `pmo` is installed
will do), and it replaces the seven organisations' folders under `assessments/orgs/`:

    python tools/make_samples.py

How the answers are made:

- P3M and PMO maturity: each round has a *profile*, the typical answer (0 = not, 1 = partly,
  2 = largely, 3 = fully) to the criteria of each perspective at levels 2, 3, 4 and 5, with
  exceptions for single criteria. A respondent's answer is that value plus the bias of their
  role (sponsors and PMO leads rate higher, project managers and team members lower), a
  personal view that persists from round to round, and a little noise, rounded to the scale.
  Then come the exceptions: "don't know" where a role rarely sees the evidence, N/A where a
  practice does not apply, and answers set by hand, often with a note, which is also how the
  disagreements the workshops have to settle come about.
- Evidence: senior respondents back some answers with evidence from their organisation's
  list of documents, records and meetings.
- PMO type and operating model: the view shared by most respondents of the office today and
  the office needed, plus each respondent's own departures from it. Questions hidden by their
  display rule (`show_if`) are left out.
- PMO services survey (latest round only): the office's customers (not its own staff, plus a
  few customers asked for this survey only) rate each service on importance and satisfaction:
  the organisation's typical rating, what each kind of customer cares about more or less, and
  noise, rounded to 1-5; services the organisation does not have are N/A.

The organisations, people and documents are invented. Respondent ids, roles, evidence and
notes are never shared between organisations (the script checks), so each organisation's
report contains only its own. After a change, check the story with `pmo validate --strict`
and `pmo score <org>`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import shutil
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import expr  # noqa: E402  (the repository's display-rule language)

QUESTIONNAIRES = ROOT / "assessments" / "questionnaires"
ORGS = ROOT / "assessments" / "orgs"
MATURITY, PMO_TYPE, OPERATING_MODEL = "p3o-maturity", "pmo-type", "operating-model"
SCALE = ("not", "partly", "largely", "fully")


# --------------------------------------------------------------------------------------------
# Roles: how each kind of respondent tends to answer the maturity questionnaire.
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    bias: float
    """Added to every answer, in steps of the scale."""
    senior: bool
    """Senior respondents record evidence for some of their answers."""
    leaning: dict[str, float] = field(default_factory=dict)
    """Extra bias in particular perspectives."""
    unsure: dict[str, int] = field(default_factory=dict)
    """Perspectives this role often cannot judge, from the given level upwards."""
    p_unsure: float = 0.0
    """How often such a criterion is answered "don't know"."""
    evidence_in: tuple[str, ...] = ()
    """Perspectives in which the role records evidence (all of them when empty)."""


ROLES = {
    "sponsor": Role(0.35, True, unsure={"people": 4, "resources": 4, "standards": 4}, p_unsure=0.3),
    "pmo": Role(0.3, True),
    "analyst": Role(0.1, True, unsure={"people": 4}, p_unsure=0.25),
    "finance": Role(
        0.0,
        True,
        leaning={"benefits": -0.3},
        unsure={"people": 3, "stakeholders": 3, "standards": 4},
        p_unsure=0.3,
        evidence_in=("finance", "benefits", "resources", "governance"),
    ),
    "programme": Role(0.0, False, unsure={"finance": 4, "benefits": 4}, p_unsure=0.3),
    "project": Role(
        -0.3, False, unsure={"finance": 3, "governance": 4, "benefits": 4}, p_unsure=0.35
    ),
    "member": Role(
        -0.45,
        False,
        unsure={"finance": 2, "governance": 3, "benefits": 3, "resources": 4, "standards": 4},
        p_unsure=0.35,
    ),
}

PERSONAL_VIEW = 0.25  # spread of a respondent's lasting view of a criterion, in scale steps
ROUND_NOISE = 0.15  # spread of the round-to-round wobble
FLAVOUR = 0.25  # how far one criterion sits from the rest of its level, for an organisation
EVIDENCE_PER_PERSON = 14  # items of evidence a senior respondent cites, give or take three


# --------------------------------------------------------------------------------------------
# The shape of an organisation's data.
# --------------------------------------------------------------------------------------------

Levels = tuple[float, float, float, float]
"""The typical answer to a perspective's criteria at levels 2, 3, 4 and 5 (0 to 3)."""

Views = tuple[str | None, str | None]
"""(current, target) answers to a PMO type or operating model question; None: not answered."""


@dataclass
class Agreed:
    facilitator: str
    participants: list[str]
    notes: str
    answers: dict[str, tuple[str, ...]]
    """Criterion: (agreed answer, evidence) or (agreed answer, evidence, notes)."""


@dataclass
class Round:
    id: str
    date: str
    label: str
    respondents: list[str]
    profile: dict[str, Levels]
    criteria: dict[str, float]
    """Criteria whose typical answer differs from the rest of their level."""
    evidence: dict[str, str]
    """Evidence senior respondents can cite, by criterion."""
    answers: dict[tuple[str, str], str | tuple[str, str]] = field(default_factory=dict)
    """Maturity answers set by hand: (respondent, criterion): answer, or (answer, note)."""
    pmo_type: dict[str, Views] = field(default_factory=dict)
    operating_model: dict[str, Views] = field(default_factory=dict)
    views: dict[str, dict[str, Views]] = field(default_factory=dict)
    """Respondents' own departures from the shared PMO type and operating model answers;
    None in a pair keeps the shared answer."""
    agreed: Agreed | None = None
    cited: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Criteria whose evidence a respondent always cites (before any others they pick)."""


@dataclass
class Org:
    id: str
    name: str
    sector: str
    size: str
    sizing: dict[str, int]
    """Staff, initiatives and units in the office's scope: what sizes roadmap efforts."""
    description: str
    people: dict[str, tuple[str, str]]
    """Respondent id: (kind of role, as in ROLES; role as written in the answer file)."""
    rounds: list[Round]
    na: dict[str, list[str]] = field(default_factory=dict)
    """Criteria that some respondents find do not apply: criterion: who says N/A."""


# fmt: off
# (The profiles below are laid out by hand, a perspective to a line.)

# ============================================================================================
# 1. Brightside Creative: a marketing agency with an informal project office
# ============================================================================================

BRIGHTSIDE = Org(
    id="brightside-agency",
    name="Brightside Creative",
    sector="Marketing and advertising",
    size="About 60 staff in one studio, 40 to 50 live client jobs",
    sizing={"staff": 60, "initiatives": 45, "units": 1},
    description=(
        "Brightside Creative is an independent marketing agency of about 60 people working on "
        "retained and project-based client accounts. Producers and account managers run the "
        "client work; an operations lead keeps the resourcing schedule and the weekly list of "
        "live jobs, the nearest thing the agency has to a project office. The managing "
        "director wants to know whether a small PMO would stop the overruns on fixed-fee jobs "
        "without slowing the studio down."
    ),
    people={
        "hannah-w": ("sponsor", "Sponsor (managing director)"),
        "luis-m": ("pmo", "PMO lead (operations lead)"),
        "zoe-k": ("project", "Project manager (senior producer)"),
    },
    na={"FIN-2-3": ["hannah-w", "luis-m"]},
    rounds=[
        Round(
            id="2026-q1",
            date="2026-02-26",
            label="Initial assessment",
            respondents=["hannah-w", "luis-m", "zoe-k"],
            profile={
                "governance": (1.2, 0.4, 0.1, 0.0),
                "planning": (1.8, 0.6, 0.2, 0.0),
                "benefits": (0.5, 0.2, 0.0, 0.0),
                "risk": (1.1, 0.3, 0.0, 0.0),
                "stakeholders": (1.4, 0.5, 0.1, 0.0),
                "finance": (2.6, 0.8, 0.4, 0.0),
                "resources": (2.6, 1.2, 0.4, 0.0),
                "standards": (1.0, 0.3, 0.0, 0.0),
                "people": (0.9, 0.4, 0.0, 0.0),
            },
            criteria={
                "GOV-2-1": 2.4, "GOV-2-2": 0.9, "GOV-2-3": 1.9,
                "PLC-2-1": 2.5, "PLC-2-2": 2.3, "PLC-2-3": 0.9, "PLC-2-4": 1.2,
                "BEN-2-1": 1.1,
                "RSK-2-3": 1.6,
                "STK-2-3": 2.3, "STK-2-1": 0.8,
                "FIN-3-3": 2.0, "FIN-4-3": 1.2,
                "RES-3-1": 2.4, "RES-3-2": 0.9, "RES-4-1": 2.4,
                "STD-2-2": 2.4, "STD-2-3": 1.2,
                "PPL-2-1": 1.4, "PPL-3-4": 1.5,
            },
            evidence={
                "GOV-2-1": "Every job in the traffic sheet has an account director against it",
                "GOV-2-2": "Job numbers are opened in the agency system when the client PO arrives",
                "GOV-2-3": "Live jobs tab of the traffic sheet, refreshed every Monday",
                "PLC-2-1": "Timing plans for the spring retail campaign and the museum rebrand",
                "PLC-2-2": "Weekly status e-mails to clients and the Tuesday WIP meeting",
                "PLC-2-3": "Change orders raised on two jobs last quarter",
                "PLC-2-4": "Finance flags jobs that pass 10% over estimate to the account director",
                "BEN-2-1": "Campaign KPIs are set in client briefs; internal projects have none",
                "RSK-2-3": "Open issues tracked in each job's chat channel",
                "STK-2-2": "Client contact plans for the two retained accounts",
                "STK-2-3": "Kick-off workshops with client marketing teams before timings are set",
                "FIN-2-1": "Job estimates split by stage and by studio, copy and production costs",
                "FIN-2-2": "Monthly job profitability report from the finance system",
                "FIN-3-3": "Job costs post straight to the ledger and are checked at month-end",
                "RES-2-1": "Resource schedule in the booking tool, planned two weeks ahead",
                "RES-2-2": "Bookings agreed with heads of department at the Friday resourcing "
                "meeting",
                "RES-2-3": "Freelancer booking forms and production POs listing deliverables",
                "RES-3-1": "Booking tool shows every designer and writer against client and "
                "internal work",
                "RES-4-1": "Billable utilisation target of 70–80%, reported monthly by department",
                "STD-2-2": "Shared drive with one folder per client and job number",
                "STD-2-3": "Wash-up notes from the autumn launch campaign",
                "PPL-2-1": "Producer and account manager job descriptions, revised last year",
                "PPL-3-4": "Producers' fortnightly catch-up, chaired by the operations lead",
            },
            answers={
                ("zoe-k", "PLC-2-3"): (
                    "not",
                    "Extra rounds of amends are absorbed rather than charged, and nobody logs "
                    "them.",
                ),
                ("luis-m", "RES-3-2"): (
                    "partly",
                    "We check the studio's capacity after a pitch is won, not before we pitch.",
                ),
                ("hannah-w", "STD-2-3"): "largely",
                ("zoe-k", "STD-2-3"): (
                    "not",
                    "Wash-ups get booked, then cancelled when the next job lands.",
                ),
                ("hannah-w", "FIN-2-3"): (
                    "na",
                    "Client campaigns leave us no running costs once they are delivered.",
                ),
                ("zoe-k", "FIN-2-3"): "partly",
                ("hannah-w", "GOV-2-2"): (
                    "largely",
                    "Project work waits for a PO; retainer work starts on a handshake.",
                ),
                ("zoe-k", "GOV-2-2"): "not",
            },
            pmo_type={
                "PT-01": ("many-projects", "many-projects"),
                "PT-02": ("unit-management", "unit-management"),
                "PT-03": ("not-done", "records-per-project"),
                "PT-04": ("permanent", "permanent"),
                "PT-05": ("unit-budget", "unit-budget"),
                "PT-06": ("department-head", "department-head"),
                "PT-07": ("none", "provides-information"),
                "PT-08": ("multi-project-dashboard", "multi-project-dashboard"),
                "PT-09": ("hands-on-support", "multi-project-control"),
                "PT-10": ("none-defined", "office-for-its-area"),
                "PT-11": ("own-team", "some-for-its-area"),
                "PT-12": ("no-reviews", "area-health-checks"),
                "PT-13": ("area-view", "area-view"),
                "PT-14": ("single-office", "single-office"),
                "PT-16": ("unlinked", "unlinked"),
            },
            operating_model={
                "OM-01": ("optional", "encouraged"),
                "OM-02": ("project-decides", "project-decides"),
                "OM-03": ("team-choice", "set-format"),
                "OM-04": ("on-request", "selective-reviews"),
                "OM-05": (None, "advice-only"),
                "OM-06": ("sponsor-alone", "sponsor-with-opinion"),
                "OM-07": ("requested", "requested"),
                "OM-08": ("project-manager", "manager-with-commentary"),
                "OM-09": ("shares-insight", "shares-insight"),
                "OM-10": ("business-line", "business-line"),
                "OM-11": ("business-assigns", "business-assigns"),
                "OM-12": ("optional-offer", "optional-offer"),
                "OM-13": ("business-with-help", "business-with-help"),
                "OM-14": ("offers-help", "offers-help"),
                "OM-15": ("helps-if-asked", "checks-completeness"),
                "OM-16": ("sponsors-only", "sponsors-only"),
            },
            views={
                "hannah-w": {
                    "PT-06": (None, "board-member"),
                    "PT-07": (None, "runs-portfolio-process"),
                    "OM-01": (None, "mandatory"),
                    "OM-07": (None, "required"),
                },
                "luis-m": {
                    "PT-09": ("multi-project-control", None),
                    "OM-13": (None, "business-under-rules"),
                },
                "zoe-k": {
                    "PT-05": ("dont_know", None),
                    "PT-14": ("virtual", None),
                    "OM-11": ("office-assigns", None),
                    "OM-15": ("na", None),
                },
            },
        )
    ],
)


# ============================================================================================
# 2. Northwind Bank: a central controlling PMO on its way to a portfolio office
# ============================================================================================

NORTHWIND_EVIDENCE = {
    "GOV-2-1": "Change portfolio extract from the PPM tool; every line has a named sponsor",
    "GOV-2-3": "Monthly change portfolio list published on the CDO intranet page",
    "GOV-3-1": "Change lifecycle v2 with gates G0 to G4, tiered by spend and risk",
    "GOV-3-4": "Second-line assurance reviews of the core banking upgrade and the mortgage "
    "platform",
    "PLC-2-1": "Baselines held in the PPM tool for all tier 1 and tier 2 initiatives",
    "PLC-2-2": "Monthly highlight reports to steering committees, on the CDO reporting calendar",
    "PLC-2-3": "Change request log; internal audit sample of 20 change requests",
    "PLC-2-4": "Exception reports to sponsors when a tolerance breach is forecast",
    "PLC-3-1": "Common RAG definitions issued by the CDO in January 2024",
    "PLC-3-2": "Dependency register for the digital and core banking portfolios",
    "PLC-3-3": "The PPM tool is the single source for the monthly portfolio pack",
    "RSK-2-1": "Risk registers in the PPM tool with monthly review dates",
    "RSK-3-1": "Operational risk framework 5x5 scoring applied to change initiatives",
    "RSK-3-2": "Escalation thresholds in the change lifecycle handbook, section 6",
    "FIN-2-1": "Budgets phased by month and cost category in the finance system",
    "FIN-2-2": "Monthly actuals against budget by project code from Finance",
    "FIN-3-1": "Business case template and NPV model owned by Group Finance",
    "FIN-3-3": "Quarterly reconciliation of change spend to the general ledger",
    "RES-2-2": "Resource requests approved by line managers in the PPM tool",
    "RES-2-3": "Statements of work with acceptance criteria for all vendor engagements",
    "STD-2-1": "Change lifecycle handbook, referenced in every project initiation document",
    "STD-2-2": "One SharePoint site per initiative, created by the CDO at G1",
    "STD-3-1": "Change lifecycle owned by the CDO method lead",
    "PPL-2-1": "Project manager role profiles in the HR job catalogue",
    "PPL-2-2": "Two-day project management foundation course for every new project manager",
    "STK-2-3": "Business readiness sign-off from branch network and contact centre leads",
}

NORTHWIND_TYPE = {
    "PT-01": ("many-projects", "whole-portfolio"),
    "PT-02": ("unit-management", "executive-investment"),
    "PT-03": ("records-per-project", "portfolio-level"),
    "PT-04": ("permanent", "permanent"),
    "PT-05": ("unit-budget", "corporate-budget"),
    "PT-06": ("department-head", "board-member"),
    "PT-07": ("provides-information", "runs-portfolio-process"),
    "PT-08": ("multi-project-dashboard", "portfolio-performance"),
    "PT-09": ("multi-project-control", "portfolio-analysis"),
    "PT-10": ("office-for-its-area", "office-for-organisation"),
    "PT-11": ("some-for-its-area", "some-for-its-area"),
    "PT-12": ("area-health-checks", "independent-assurance"),
    "PT-13": ("area-view", "portfolio-capacity"),
    "PT-14": ("single-office", "single-office"),
    "PT-15": (None, "outposts"),
    "PT-16": ("equips-them", "equips-them"),
}

NORTHWIND_MODEL = {
    "OM-01": ("mandatory", "mandatory"),
    "OM-02": ("office-agrees", "office-agrees"),
    "OM-03": ("standard-toolset", "standard-toolset"),
    "OM-04": ("mandatory-reviews", "mandatory-reviews"),
    "OM-05": ("tracked-and-escalated", "tracked-and-escalated"),
    "OM-06": ("sponsor-with-opinion", "sponsor-after-check"),
    "OM-07": ("required", "required"),
    "OM-08": ("manager-with-commentary", "office-can-override"),
    "OM-09": ("challenges-and-escalates", "challenges-and-escalates"),
    "OM-10": ("business-line", "business-line-with-input"),
    "OM-11": ("from-approved-pool", "from-approved-pool"),
    "OM-12": ("required-standard", "required-standard"),
    "OM-13": ("business-under-rules", "business-under-rules"),
    "OM-14": ("escalates", "escalates"),
    "OM-15": ("checks-completeness", "scores-and-recommends"),
    "OM-16": ("sponsors-only", "board-on-office-advice"),
}

NORTHWIND = Org(
    id="northwind-bank",
    name="Northwind Bank",
    sector="Retail banking",
    size="About 4,200 staff in five business areas, 45 live change initiatives",
    sizing={"staff": 4200, "initiatives": 45, "units": 5},
    description=(
        "Northwind Bank is a retail bank with about 4,200 staff and some 45 live change "
        "initiatives. A central Change Delivery Office (CDO) in the CIO's organisation owns the "
        "change lifecycle, keeps the list of approved change, runs monthly portfolio reporting "
        "and prepares papers for the Investment Committee, which since 2025 ranks proposals "
        "with a scoring model agreed by the executive. Delivery control is strong, but nobody "
        "follows benefits after go-live, the monthly pack reports delivery status rather than "
        "what the portfolio achieves, and the office still answers to the CIO. The 2024 "
        "baseline led to a plan to turn the CDO into a portfolio office reporting to the COO; "
        "the 2025 reassessment checks how far that has gone."
    ),
    people={
        "amara-o": ("sponsor", "Sponsor (Chief Operating Officer)"),
        "priya-s": ("pmo", "PMO lead (Head of the Change Delivery Office)"),
        "ben-t": ("analyst", "Portfolio analyst (Change Delivery Office)"),
        "marek-d": ("programme", "Programme manager (core banking upgrade)"),
        "sofia-l": ("programme", "Programme manager (digital onboarding)"),
        "grace-h": ("project", "Project manager (branch refresh)"),
        "olu-b": ("finance", "Finance business partner (Group Finance)"),
    },
    rounds=[
        Round(
            id="2024-h2",
            date="2024-11-14",
            label="Baseline",
            respondents=["amara-o", "priya-s", "ben-t", "marek-d", "grace-h", "olu-b"],
            profile={
                "governance": (2.7, 1.6, 0.5, 0.1),
                "planning": (2.8, 2.6, 1.1, 0.3),
                "benefits": (1.1, 0.5, 0.1, 0.0),
                "risk": (2.8, 2.5, 0.9, 0.2),
                "stakeholders": (1.4, 0.6, 0.2, 0.0),
                "finance": (2.8, 1.5, 0.7, 0.2),
                "resources": (2.5, 1.2, 0.4, 0.1),
                "standards": (2.6, 1.5, 0.4, 0.1),
                "people": (2.5, 1.0, 0.3, 0.0),
            },
            criteria={
                "GOV-3-1": 2.4, "GOV-3-2": 0.9, "GOV-3-3": 0.9, "GOV-3-4": 2.3,
                "PLC-3-2": 2.4, "PLC-4-1": 1.3, "PLC-4-2": 0.6,
                "BEN-2-1": 1.8, "BEN-2-2": 1.0, "BEN-2-3": 0.8,
                "RSK-3-3": 2.4, "RSK-4-1": 1.0,
                "STK-2-3": 2.4, "STK-2-1": 1.3, "STK-2-2": 1.1,
                "FIN-3-1": 2.5, "FIN-3-2": 0.7, "FIN-3-3": 2.1,
                "RES-3-1": 1.4,
                "STD-3-1": 2.4, "STD-3-3": 0.9, "STD-3-4": 1.6,
                "PPL-3-4": 1.8,
            },
            evidence={
                **NORTHWIND_EVIDENCE,
                "GOV-2-2": "Investment Committee approval log, FY2024",
                "GOV-3-2": "Investment Committee terms of reference; it approves new spend only",
                "RSK-3-3": "Portfolio risk log kept by the portfolio risk manager",
                "BEN-2-1": "Benefit sections in the business cases of the 2024 intake",
            },
            answers={
                ("olu-b", "BEN-2-1"): (
                    "not",
                    "Benefits in business cases are rarely baselined, so nobody can measure "
                    "them later.",
                ),
                ("amara-o", "BEN-2-2"): "largely",
                ("priya-s", "GOV-3-3"): (
                    "partly",
                    "Ranking happens in the Investment Committee room, without published "
                    "criteria.",
                ),
                ("grace-h", "STK-2-2"): (
                    "not",
                    "Comms plans are written for the gate and then forgotten.",
                ),
                ("priya-s", "STK-2-2"): "largely",
                ("ben-t", "PLC-3-2"): (
                    "largely",
                    "The register covers the digital and core banking portfolios only.",
                ),
                ("marek-d", "RES-3-1"): (
                    "not",
                    "Each programme keeps its own resource spreadsheet.",
                ),
                ("amara-o", "RES-3-1"): "largely",
            },
            pmo_type=NORTHWIND_TYPE,
            operating_model=NORTHWIND_MODEL,
            views={
                "amara-o": {
                    "PT-02": ("executive-investment", None),
                    "OM-16": (None, "office-within-limits"),
                },
                "priya-s": {
                    "PT-14": (None, "central-with-divisional"),
                    "OM-08": ("office-can-override", None),
                },
                "ben-t": {"PT-16": ("unlinked", None), "PT-11": (None, "left-to-others")},
                "marek-d": {
                    "PT-16": ("unlinked", "part-of-structure"),
                    "OM-02": ("project-decides", None),
                },
                "grace-h": {
                    "PT-12": ("no-reviews", None),
                    "OM-04": ("selective-reviews", None),
                    "OM-11": ("business-assigns", None),
                },
                "olu-b": {
                    "PT-05": ("corporate-budget", None),
                    "PT-11": (None, "left-to-others"),
                    "OM-10": ("dont_know", None),
                },
            },
        ),
        Round(
            id="2025-h2",
            date="2025-11-13",
            label="After year one",
            respondents=["amara-o", "priya-s", "ben-t", "sofia-l", "grace-h", "olu-b"],
            profile={
                "governance": (2.8, 2.4, 0.8, 0.2),
                "planning": (2.8, 2.6, 1.3, 0.3),
                "benefits": (2.3, 1.0, 0.2, 0.0),
                "risk": (2.8, 2.3, 1.0, 0.2),
                "stakeholders": (2.0, 0.8, 0.3, 0.0),
                "finance": (2.9, 2.4, 0.9, 0.3),
                "resources": (2.3, 1.3, 0.4, 0.1),
                "standards": (2.7, 1.8, 0.5, 0.1),
                "people": (2.5, 1.2, 0.3, 0.0),
            },
            criteria={
                "GOV-3-2": 2.5, "GOV-3-3": 2.0, "GOV-4-1": 1.2, "GOV-4-2": 1.5, "GOV-4-3": 0.6,
                "PLC-3-2": 2.4, "PLC-3-4": 2.0, "PLC-4-1": 1.7, "PLC-4-2": 0.7,
                "BEN-2-1": 2.5, "BEN-2-2": 2.1, "BEN-2-3": 1.9, "BEN-3-2": 1.4, "BEN-3-1": 1.1,
                "RSK-3-3": 0.8,
                "STK-2-3": 2.5, "STK-2-1": 1.8, "STK-2-2": 1.7,
                "FIN-3-2": 2.2, "FIN-4-1": 1.3, "FIN-4-2": 0.9,
                "RES-2-1": 2.1,
                "STD-3-1": 2.5, "STD-3-2": 2.0, "STD-3-3": 0.9,
                "PPL-3-1": 1.2, "PPL-3-4": 1.1,
            },
            evidence={
                **NORTHWIND_EVIDENCE,
                "GOV-2-2": "Investment Committee minutes, March 2025",
                "GOV-3-2": "Quarterly portfolio review pack, Q2 2025",
                "GOV-3-3": "Prioritisation scoring model agreed by ExCo in February 2025",
                "FIN-3-2": "Tranche funding for programmes over £5m since April 2025",
                "BEN-2-1": "Benefit profiles with baselines in the new business case template",
                "BEN-2-2": "Benefit owners named in 9 of the 12 largest business cases",
                "BEN-3-2": "Benefits register in SharePoint, last updated in May",
                "PLC-4-1": "Milestone forecast accuracy shown in the portfolio pack since July",
                "PPL-3-1": "Draft competence framework for delivery roles, version 0.9",
                "STK-2-1": "Stakeholder maps for the digital onboarding and branch refresh "
                "programmes",
                "STD-3-2": "Tailoring rules for tier 3 and agile initiatives, published in June",
            },
            answers={
                ("priya-s", "GOV-3-3"): "fully",
                ("grace-h", "GOV-3-3"): (
                    "partly",
                    "Scores are calculated, but several approvals this year went against the "
                    "ranking.",
                ),
                ("priya-s", "PLC-3-4"): "fully",
                ("sofia-l", "PLC-3-4"): (
                    "not",
                    "Nobody has questioned our status ratings in the last six months.",
                ),
                ("amara-o", "PLC-4-1"): "largely",
                ("grace-h", "PLC-4-1"): "not",
                ("amara-o", "BEN-2-2"): "fully",
                ("grace-h", "BEN-2-2"): "partly",
                ("priya-s", "BEN-2-3"): "largely",
                ("sofia-l", "BEN-2-3"): (
                    "not",
                    "Gate packs have a benefits section that is usually copied from the "
                    "business case.",
                ),
                ("priya-s", "RSK-3-3"): "largely",
                ("grace-h", "RSK-3-3"): (
                    "not",
                    "The portfolio risk log has not been touched since the portfolio risk "
                    "manager left in March.",
                ),
                ("amara-o", "STK-2-1"): "largely",
                ("grace-h", "STK-2-1"): "not",
                ("priya-s", "STK-2-2"): "fully",
                ("grace-h", "STK-2-2"): (
                    "partly",
                    "Better than last year, but plans still stop at go-live.",
                ),
                ("sofia-l", "STK-2-2"): "not",
                ("ben-t", "PPL-3-4"): (
                    "partly",
                    "The community of practice has not met since the spring reorganisation.",
                ),
                ("olu-b", "FIN-3-2"): (
                    "largely",
                    "Tranches apply above £5m; smaller projects are still funded in one go.",
                ),
            },
            pmo_type=NORTHWIND_TYPE,
            operating_model={
                **NORTHWIND_MODEL,
                "OM-15": ("scores-and-recommends", "scores-and-recommends"),
            },
            views={
                "amara-o": {
                    "PT-02": ("executive-investment", None),
                    "PT-07": ("runs-portfolio-process", None),
                    "OM-16": ("board-on-office-advice", "office-within-limits"),
                },
                "priya-s": {
                    "PT-08": ("portfolio-performance", None),
                    "PT-14": (None, "central-with-divisional"),
                    "OM-08": ("office-can-override", None),
                    "OM-16": ("board-on-office-advice", None),
                },
                "ben-t": {
                    "PT-09": ("portfolio-analysis", None),
                    "PT-11": (None, "left-to-others"),
                },
                "sofia-l": {
                    "PT-16": ("unlinked", "part-of-structure"),
                    "OM-15": ("checks-completeness", "scores-and-recommends"),
                },
                "grace-h": {
                    "OM-04": ("selective-reviews", None),
                    "OM-11": ("business-assigns", None),
                    "OM-15": ("checks-completeness", "scores-and-recommends"),
                },
                "olu-b": {
                    "PT-05": ("corporate-budget", None),
                    "PT-11": (None, "left-to-others"),
                },
            },
            cited={"priya-s": ("GOV-2-3", "PLC-3-1"), "amara-o": ("GOV-2-2", "GOV-3-3")},
            agreed=Agreed(
                facilitator="Elena Varga, independent assessor",
                participants=["amara-o", "priya-s", "ben-t", "sofia-l", "grace-h", "olu-b"],
                notes=(
                    "Workshop on 13 November 2025 to settle the criteria flagged for "
                    "discussion. Each answer was checked against documents brought to the "
                    "room or pulled from the PPM tool during the session."
                ),
                answers={
                    "GOV-3-3": (
                        "largely",
                        "Scoring model approved by ExCo in February 2025 and applied to all "
                        "FY2026 proposals; three overrides were minuted with reasons",
                    ),
                    "PLC-3-4": (
                        "largely",
                        "CDO challenge log shows 31 status ratings changed before Investment "
                        "Committee packs since January",
                    ),
                    "PLC-4-1": (
                        "partly",
                        "Portfolio packs for July to October 2025 show forecast accuracy, with no "
                        "target",
                        "The CDO will propose a target to the Investment Committee in January.",
                    ),
                    "BEN-2-2": (
                        "largely",
                        "Benefit owners named for all but three business cases; the three are "
                        "flagged to the Investment Committee",
                    ),
                    "BEN-2-3": (
                        "largely",
                        "7 of the 9 gate packs sampled re-forecast benefits; the other two were "
                        "sent back",
                    ),
                    "RSK-3-3": (
                        "not",
                        "Portfolio risk manager post vacant since March 2025; cross-portfolio "
                        "risk log last updated in February",
                        "Recruitment is approved; the COO will name an interim owner.",
                    ),
                    "STK-2-1": (
                        "largely",
                        "Stakeholder maps found for 12 of the 15 tier 1 and tier 2 initiatives "
                        "sampled in the workshop",
                    ),
                    "STK-2-2": (
                        "largely",
                        "Comms plans checked at the October gate reviews; gaps only on two small "
                        "IT projects",
                    ),
                },
            ),
        ),
    ],
)


# ============================================================================================
# 3. Department for Regional Transport: a hub-and-spoke P3O
# ============================================================================================

TRANSPORT_EVIDENCE = {
    "GOV-2-1": "Senior responsible owner appointment letters for all major projects and "
    "programmes",
    "GOV-2-2": "Investment and Portfolio Board decision log",
    "GOV-2-3": "Departmental portfolio list kept by the hub, refreshed monthly",
    "GOV-3-1": "Departmental gated lifecycle with entry criteria scaled by tier",
    "GOV-3-2": "Investment and Portfolio Board minutes of the quarterly portfolio reviews",
    "GOV-3-3": "Prioritisation criteria derived from the regional connectivity strategy",
    "GOV-3-4": "Gateway reviews by the independent assurance team for tier 1 schemes",
    "PLC-2-1": "Baseline schedules for every scheme in the divisional portfolio trackers",
    "PLC-2-2": "Monthly divisional performance reviews with programme directors",
    "PLC-2-3": "Change control forms and divisional change logs",
    "RSK-2-1": "Scheme risk registers reviewed at monthly project boards",
    "RSK-2-2": "Risk owners named in every divisional risk register",
    "RSK-3-1": "Departmental risk management standard with a common five-point scale",
    "BEN-2-1": "Benefits maps and baselines in full business cases",
    "BEN-2-2": "Benefit owners named in the benefits realisation plans of major schemes",
    "BEN-2-3": "Benefits re-forecast recorded at each gateway",
    "STK-2-1": "Stakeholder registers for the bypass schemes and the bus franchising programme",
    "STK-2-3": "Statutory consultation reports for road schemes",
    "FIN-2-1": "Budgets profiled by year and cost category in the finance system",
    "FIN-2-2": "Monthly finance returns from the divisions, reviewed by the hub",
    "FIN-3-1": "Departmental business case guidance using the five-case model",
    "FIN-3-2": "Funding released at gateway approvals under the spending control framework",
    "RES-2-3": "Call-off contracts under the engineering framework, with deliverables and "
    "acceptance criteria",
    "STD-3-1": "Portfolio, programme and project management framework owned by the hub",
    "PPL-3-1": "Departmental project delivery capability framework",
    "PPL-3-4": "Quarterly delivery community of practice events run by the hub",
}

TRANSPORT_TYPE = {
    "PT-01": ("portfolio-through-divisions", "portfolio-through-divisions"),
    "PT-02": ("divisional-and-executive", "divisional-and-executive"),
    "PT-03": ("records-per-project", "portfolio-level"),
    "PT-04": ("permanent-with-temporary", "permanent-with-temporary"),
    "PT-05": ("mixed", "mixed"),
    "PT-06": ("board-member", "board-member"),
    "PT-07": ("divisional-and-central", "divisional-and-central"),
    "PT-08": ("roll-up-from-divisions", "portfolio-performance"),
    "PT-09": ("multi-project-control", "portfolio-analysis"),
    "PT-10": ("centre-and-divisions", "centre-and-divisions"),
    "PT-11": ("some-for-its-area", "main-service"),
    "PT-12": ("coordinated-assurance", "coordinated-assurance"),
    "PT-13": ("area-view", "portfolio-capacity"),
    "PT-14": ("central-with-divisional", "central-with-divisional"),
    "PT-15": ("informal-network", "common-standards"),
    "PT-16": ("part-of-structure", "part-of-structure"),
}

TRANSPORT_MODEL = {
    "OM-01": ("encouraged", "mandatory"),
    "OM-02": ("project-decides", "office-agrees"),
    "OM-03": ("set-format", "standard-toolset"),
    "OM-04": ("mandatory-reviews", "mandatory-reviews"),
    "OM-05": ("tracked-and-escalated", "tracked-and-escalated"),
    "OM-06": ("sponsor-after-check", "sponsor-after-check"),
    "OM-07": ("required", "required"),
    "OM-08": ("manager-with-commentary", "office-can-override"),
    "OM-09": ("challenges-and-escalates", "challenges-and-escalates"),
    "OM-10": ("business-line", "business-line-with-input"),
    "OM-11": ("business-assigns", "from-approved-pool"),
    "OM-12": ("optional-offer", "required-standard"),
    "OM-13": ("business-with-help", "business-under-rules"),
    "OM-14": ("offers-help", "escalates"),
    "OM-15": ("scores-and-recommends", "scores-and-recommends"),
    "OM-16": ("board-on-office-advice", "board-on-office-advice"),
}

TRANSPORT_VIEWS = {
    "rhiannon-p": {"OM-12": (None, "optional-offer"), "PT-11": (None, "some-for-its-area")},
    "callum-j": {"OM-14": ("escalates", None), "OM-08": ("office-can-override", None)},
    "nisha-r": {"PT-09": ("portfolio-analysis", None)},
    "gareth-e": {
        "PT-15": ("independent", None),
        "OM-01": ("optional", "encouraged"),
        "OM-04": ("selective-reviews", None),
    },
    "tomasz-w": {
        "PT-04": (None, "permanent"),
        "PT-16": ("equips-them", None),
        "OM-13": (None, "business-with-help"),
    },
    "eilidh-m": {
        "PT-05": ("dont_know", "dont_know"),
        "PT-16": (None, "equips-them"),
        "OM-10": (None, "business-line"),
    },
    "kwame-a": {"PT-13": (None, "area-view"), "OM-14": ("escalates", None)},
}

TRANSPORT = Org(
    id="dept-regional-transport",
    name="Department for Regional Transport",
    sector="Central government",
    size="About 2,900 staff in three delivery divisions; 120 projects and 14 major programmes",
    sizing={"staff": 2900, "initiatives": 134, "units": 3},
    description=(
        "The Department for Regional Transport funds and oversees road, rail and local "
        "transport schemes through three delivery divisions. A central portfolio hub in the "
        "Strategy and Investment directorate runs the departmental portfolio and the Investment "
        "and Portfolio Board; each division has a permanent portfolio office, and major "
        "programmes set up temporary programme offices. The hub controls gates and reporting, "
        "while the divisional offices mostly support their own project teams. The assessment "
        "is repeated every year as part of the department's portfolio improvement plan."
    ),
    people={
        "rhiannon-p": ("sponsor", "Sponsor (Director of Strategy and Investment)"),
        "callum-j": ("pmo", "PMO lead (head of the portfolio hub)"),
        "nisha-r": ("analyst", "Portfolio analyst (hub)"),
        "gareth-e": ("pmo", "Divisional portfolio office lead, Roads"),
        "fatima-z": ("pmo", "Divisional portfolio office lead, Local Transport"),
        "deborah-n": ("pmo", "Divisional portfolio office lead, Local Transport"),
        "tomasz-w": ("programme", "Programme manager (rail decarbonisation)"),
        "eilidh-m": ("project", "Project manager (Roads)"),
        "kwame-a": ("finance", "Finance business partner (departmental finance)"),
    },
    rounds=[
        Round(
            id="2024-q4",
            date="2024-12-05",
            label="Baseline",
            respondents=[
                "rhiannon-p", "callum-j", "nisha-r", "gareth-e",
                "fatima-z", "tomasz-w", "eilidh-m", "kwame-a",
            ],
            profile={
                "governance": (2.8, 2.5, 0.9, 0.2),
                "planning": (2.6, 1.4, 0.5, 0.1),
                "benefits": (2.5, 1.1, 0.3, 0.0),
                "risk": (2.7, 1.5, 0.5, 0.1),
                "stakeholders": (2.4, 1.0, 0.3, 0.0),
                "finance": (2.8, 2.5, 0.9, 0.2),
                "resources": (2.4, 1.0, 0.3, 0.1),
                "standards": (2.6, 1.6, 0.4, 0.1),
                "people": (2.5, 1.2, 0.3, 0.0),
            },
            criteria={
                "GOV-3-4": 2.8, "GOV-4-3": 1.5, "GOV-4-1": 0.7,
                "PLC-3-1": 2.2, "PLC-3-3": 0.9, "PLC-3-2": 1.3,
                "BEN-3-2": 1.5, "BEN-3-4": 0.7,
                "RSK-3-1": 2.4, "RSK-3-2": 1.3, "RSK-3-3": 1.3,
                "STK-2-3": 2.8, "STK-3-2": 0.7,
                "FIN-3-1": 2.8, "FIN-3-3": 2.3,
                "RES-2-3": 2.8, "RES-3-1": 0.8,
                "STD-3-1": 2.4, "STD-3-2": 1.4, "STD-3-3": 1.1, "STD-3-4": 1.8,
                "PPL-3-1": 2.3, "PPL-3-2": 0.9, "PPL-3-3": 1.6, "PPL-3-4": 2.2,
            },
            evidence={
                **TRANSPORT_EVIDENCE,
                "FIN-3-3": "Quarterly reconciliation of portfolio spend to the ledger, signed "
                "off by finance",
                "PLC-3-1": "Common monthly report template issued by the hub in July 2024",
            },
            answers={
                ("eilidh-m", "PLC-3-1"): (
                    "partly",
                    "Each division still adds its own tabs to the hub's template.",
                ),
                ("callum-j", "RSK-3-2"): "largely",
                ("gareth-e", "RSK-3-2"): (
                    "not",
                    "Roads escalates by phone; nothing reaches the hub in time.",
                ),
                ("kwame-a", "BEN-3-4"): (
                    "not",
                    "Benefit claims are checked only by the schemes that make them.",
                ),
                ("fatima-z", "STD-3-2"): (
                    "partly",
                    "Tailoring rules exist for major schemes; local transport grants follow "
                    "none.",
                ),
                ("rhiannon-p", "STD-3-2"): "fully",
                ("eilidh-m", "PPL-3-2"): (
                    "not",
                    "I have never had a development plan linked to the framework.",
                ),
                ("nisha-r", "PPL-3-2"): "largely",
            },
            pmo_type=TRANSPORT_TYPE,
            operating_model=TRANSPORT_MODEL,
            views={**TRANSPORT_VIEWS, "fatima-z": {"OM-02": ("office-agrees", None)}},
        ),
        Round(
            id="2025-q4",
            date="2025-12-04",
            label="Annual reassessment",
            respondents=[
                "rhiannon-p", "callum-j", "nisha-r", "gareth-e",
                "deborah-n", "tomasz-w", "eilidh-m", "kwame-a",
            ],
            profile={
                "governance": (2.8, 2.5, 1.1, 0.3),
                "planning": (2.7, 2.3, 0.7, 0.1),
                "benefits": (2.5, 1.5, 0.4, 0.0),
                "risk": (2.8, 2.4, 0.8, 0.2),
                "stakeholders": (2.4, 1.0, 0.4, 0.0),
                "finance": (2.8, 2.4, 0.9, 0.2),
                "resources": (2.4, 1.1, 0.3, 0.1),
                "standards": (2.7, 2.3, 0.6, 0.1),
                "people": (2.5, 1.3, 0.3, 0.0),
            },
            criteria={
                "GOV-3-4": 2.8, "GOV-4-3": 2.0, "GOV-4-2": 1.4, "GOV-4-1": 0.8,
                "PLC-3-3": 2.1, "PLC-3-2": 2.2,
                "BEN-3-1": 2.2, "BEN-3-2": 2.0, "BEN-3-3": 1.2, "BEN-3-4": 0.9,
                "RSK-3-2": 2.3, "RSK-3-3": 2.2, "RSK-4-1": 1.6,
                "STK-2-3": 2.8, "STK-3-2": 0.8,
                "FIN-3-1": 2.8, "FIN-3-3": 1.0,
                "RES-2-3": 2.8, "RES-3-1": 1.0,
                "STD-3-2": 2.2, "STD-3-3": 2.0, "STD-3-4": 2.4,
                "PPL-3-1": 2.4, "PPL-3-2": 1.0, "PPL-3-3": 1.7, "PPL-3-4": 2.3,
            },
            evidence={
                **TRANSPORT_EVIDENCE,
                "PLC-3-1": "One monthly report format across all three divisions since April",
                "PLC-3-3": "New portfolio management system live in all divisions since May 2025",
                "PLC-3-2": "Cross-divisional dependency register reviewed at the monthly "
                "portfolio meeting",
                "RSK-3-2": "Escalation thresholds published in the revised risk standard, "
                "March 2025",
                "RSK-3-3": "Portfolio-level risks owned by directors on the departmental risk "
                "register",
                "STD-3-3": "Lessons library on the intranet, checked at the start-up gateway",
                "STD-3-4": "Hub service catalogue, published April 2025",
                "BEN-3-1": "Departmental benefits framework with common categories, adopted "
                "January 2025",
                "GOV-4-3": "Assurance action tracker with a 90% on-time target",
            },
            answers={
                ("kwame-a", "FIN-3-3"): (
                    "partly",
                    "No ledger reconciliation since the ERP migration in June; Q3 is being "
                    "reworked.",
                ),
                ("rhiannon-p", "FIN-3-3"): "largely",
                ("eilidh-m", "PPL-3-2"): "not",
                ("callum-j", "PPL-3-2"): (
                    "largely",
                    "Every hub and spoke analyst now has a plan; project managers in the "
                    "divisions are next.",
                ),
                ("deborah-n", "PLC-3-3"): (
                    "largely",
                    "Local Transport moved onto the new system in September.",
                ),
                ("tomasz-w", "BEN-3-3"): (
                    "partly",
                    "Handover of benefit measurement to operators is agreed for rail schemes "
                    "only.",
                ),
                ("kwame-a", "BEN-3-4"): "not",
                ("nisha-r", "BEN-3-4"): "largely",
                ("gareth-e", "STK-3-2"): (
                    "not",
                    "Road closures are planned scheme by scheme; there is no shared calendar.",
                ),
                ("callum-j", "STK-3-2"): "largely",
            },
            pmo_type={**TRANSPORT_TYPE, "PT-15": ("common-standards", "common-standards")},
            operating_model=TRANSPORT_MODEL,
            views={
                **TRANSPORT_VIEWS,
                "gareth-e": {"PT-15": ("informal-network", None), "OM-01": ("optional", None)},
                "deborah-n": {"OM-03": ("standard-toolset", None)},
            },
        ),
    ],
)


# ============================================================================================
# 4. Helix Pharmaceuticals: an enterprise portfolio office for the R&D pipeline
# ============================================================================================

HELIX = Org(
    id="helix-pharma",
    name="Helix Pharmaceuticals",
    sector="Pharmaceuticals (research and development)",
    size="About 9,000 staff, 80 pipeline assets in four therapeutic areas",
    sizing={"staff": 9000, "initiatives": 80, "units": 4},
    description=(
        "Helix Pharmaceuticals is a research-based pharmaceutical company with about 9,000 "
        "staff, most of them in R&D. Its Enterprise Portfolio Office reports to the President "
        "of R&D and runs the pipeline reviews that decide which assets move from one phase to "
        "the next, using risk-adjusted value and capacity models. For regulated late-stage "
        "programmes it appoints and directs the programme leads; discovery and early "
        "development projects are run in the therapeutic areas under its standards."
    ),
    people={
        "ingrid-v": ("sponsor", "Sponsor (SVP, R&D portfolio strategy)"),
        "rafael-c": ("pmo", "PMO lead (head of the Enterprise Portfolio Office)"),
        "mei-l": ("programme", "Programme manager (Phase III programme)"),
        "stefan-k": ("project", "Project manager (discovery)"),
        "aisha-d": ("finance", "Finance business partner (R&D finance)"),
    },
    na={"STK-4-2": ["stefan-k", "aisha-d"]},
    rounds=[
        Round(
            id="2025-q3",
            date="2025-09-18",
            label="Portfolio office review",
            respondents=["ingrid-v", "rafael-c", "mei-l", "stefan-k", "aisha-d"],
            profile={
                "governance": (2.8, 2.5, 1.2, 0.3),
                "planning": (2.9, 2.6, 1.6, 0.4),
                "benefits": (2.5, 1.2, 0.6, 0.1),
                "risk": (2.9, 2.8, 2.5, 0.9),
                "stakeholders": (2.5, 1.1, 0.5, 0.1),
                "finance": (2.9, 2.6, 1.5, 0.4),
                "resources": (2.7, 2.4, 1.2, 0.3),
                "standards": (2.8, 2.4, 0.9, 0.2),
                "people": (2.6, 1.3, 0.5, 0.1),
            },
            criteria={
                "GOV-4-1": 2.1, "GOV-4-2": 0.9, "GOV-4-3": 1.3,
                "PLC-4-1": 2.2, "PLC-4-2": 1.1, "PLC-4-3": 1.7,
                "BEN-2-2": 2.3, "BEN-3-1": 1.8, "BEN-3-3": 0.8, "BEN-3-4": 1.0,
                "RSK-4-1": 2.8, "RSK-4-2": 2.5, "RSK-4-3": 2.2, "RSK-5-1": 1.4, "RSK-5-2": 0.6,
                "STK-3-1": 1.6, "STK-3-2": 0.8, "STK-3-3": 1.0,
                "FIN-4-1": 2.2, "FIN-4-2": 1.0, "FIN-4-3": 1.4,
                "RES-3-2": 2.2, "RES-4-2": 2.2, "RES-4-1": 1.2,
                "STD-3-2": 2.2, "STD-4-1": 1.6,
                "PPL-3-2": 1.0, "PPL-3-3": 1.4,
            },
            evidence={
                "GOV-2-1": "Asset team leader and governance sponsor named for every pipeline "
                "asset",
                "GOV-2-2": "Portfolio Investment Board decisions recorded before phase budgets "
                "are released",
                "GOV-2-3": "Pipeline database listing every asset with its phase and sponsor",
                "GOV-3-1": "Phase transition criteria for candidate selection, first-in-human "
                "and pivotal trials",
                "GOV-3-2": "Quarterly pipeline reviews by the R&D Leadership Team, minutes for "
                "Q1 and Q2 2025",
                "GOV-3-3": "Prioritisation on risk-adjusted NPV, strategic fit and unmet need",
                "GOV-3-4": "Independent peer review panels before pivotal trial investment",
                "GOV-4-1": "Pipeline balance targets by therapeutic area and phase",
                "PLC-2-1": "Integrated asset plans baselined at each phase transition",
                "PLC-3-1": "Common status definitions used by all asset teams",
                "PLC-3-3": "Enterprise planning system holding every asset plan",
                "PLC-4-1": "Milestone hit rate reported quarterly against an 80% target",
                "RSK-2-1": "Asset risk registers reviewed at monthly asset team meetings",
                "RSK-3-1": "R&D risk management procedure with one probability and impact scale",
                "RSK-3-3": "Portfolio risk register owned by the Enterprise Portfolio Office",
                "RSK-4-1": "Monte Carlo schedule analysis for all Phase III programmes",
                "RSK-4-2": "Portfolio risk-adjusted value reviewed against the board's risk "
                "appetite",
                "RSK-4-3": "Issue-to-risk traceability measured in the quarterly risk report",
                "BEN-2-1": "Target product profiles with value drivers for each asset",
                "FIN-2-2": "Monthly cost reports by asset from R&D finance",
                "FIN-3-1": "eNPV business case template owned by R&D finance",
                "FIN-3-2": "Phase-gated funding releases for every asset",
                "FIN-3-3": "Quarterly reconciliation of R&D project costs to the ledger",
                "FIN-4-1": "Cost forecast accuracy KPI of ±10% at portfolio level",
                "RES-3-1": "FTE demand model covering all assets and functional line work",
                "RES-3-2": "Capacity check in the phase transition checklist",
                "RES-4-2": "Eighteen-month demand forecast for clinical operations and "
                "biostatistics",
                "STD-3-1": "R&D project management standard owned by the portfolio office",
                "STD-3-2": "Tailoring guide for discovery, early and late development",
                "PPL-3-1": "Competence framework for asset team leaders and project managers",
            },
            answers={
                ("stefan-k", "GOV-3-1"): (
                    "partly",
                    "Discovery projects skip most of the phase criteria in practice.",
                ),
                ("ingrid-v", "GOV-3-1"): "fully",
                ("rafael-c", "RSK-5-1"): (
                    "partly",
                    "Risk checklists were refreshed from Phase III data once, in 2023.",
                ),
                ("aisha-d", "BEN-3-4"): (
                    "not",
                    "Value claims are made and checked by the asset teams themselves.",
                ),
                ("ingrid-v", "BEN-3-4"): "largely",
                ("stefan-k", "PPL-3-2"): (
                    "not",
                    "Development plans cover scientific skills, not project skills.",
                ),
                ("ingrid-v", "PPL-3-2"): "largely",
                ("stefan-k", "STK-4-2"): (
                    "na",
                    "We do not deliver change to business areas; our output is trial data.",
                ),
                ("mei-l", "RES-4-1"): (
                    "not",
                    "Clinical operations staff are booked well over 100% in every plan I see.",
                ),
            },
            pmo_type={
                "PT-01": ("whole-portfolio", "whole-portfolio"),
                "PT-02": ("executive-investment", "executive-investment"),
                "PT-03": ("portfolio-level", "portfolio-level"),
                "PT-04": ("permanent", "permanent"),
                "PT-05": ("corporate-budget", "corporate-budget"),
                "PT-06": ("board-member", "board-member"),
                "PT-07": ("runs-portfolio-process", "runs-portfolio-process"),
                "PT-08": ("portfolio-performance", "portfolio-performance"),
                "PT-09": ("portfolio-analysis", "portfolio-analysis"),
                "PT-10": ("office-for-organisation", "office-for-organisation"),
                "PT-11": ("left-to-others", "some-for-its-area"),
                "PT-12": ("independent-assurance", "independent-assurance"),
                "PT-13": ("portfolio-capacity", "portfolio-capacity"),
                "PT-14": ("single-office", "single-office"),
                "PT-16": ("part-of-structure", "part-of-structure"),
            },
            operating_model={
                "OM-01": ("mandatory", "mandatory"),
                "OM-02": ("office-agrees", "office-agrees"),
                "OM-03": ("standard-toolset", "standard-toolset"),
                "OM-04": ("mandatory-reviews", "mandatory-reviews"),
                "OM-05": ("may-take-over", "may-take-over"),
                "OM-06": ("sponsor-after-check", "sponsor-after-check"),
                "OM-07": ("required", "required"),
                "OM-08": ("office-can-override", "office-can-override"),
                "OM-09": ("challenges-and-escalates", "challenges-and-escalates"),
                "OM-10": ("dotted-line", "dotted-line"),
                "OM-11": ("office-assigns", "office-assigns"),
                "OM-12": ("office-develops-own-staff", "required-standard"),
                "OM-13": ("mixed", "mixed"),
                "OM-14": ("takes-over", "takes-over"),
                "OM-15": ("scores-and-recommends", "scores-and-recommends"),
                "OM-16": ("board-on-office-advice", "office-within-limits"),
            },
            views={
                "ingrid-v": {"PT-11": (None, "main-service"), "OM-09": (None, "directs-projects")},
                "rafael-c": {"OM-16": ("office-within-limits", None)},
                "mei-l": {"OM-12": ("required-standard", None)},
                "stefan-k": {
                    "PT-02": ("unit-management", None),
                    "PT-09": ("multi-project-control", None),
                    "OM-11": ("from-approved-pool", None),
                    "OM-14": ("escalates", "escalates"),
                },
                "aisha-d": {"PT-05": ("unit-budget", "unit-budget"), "OM-10": ("dont_know", None)},
            },
        )
    ],
)


# ============================================================================================
# 5. Riverside Health Trust: the programme office of an electronic patient record programme
# ============================================================================================

RIVERSIDE = Org(
    id="riverside-health",
    name="Riverside Health Trust",
    sector="Healthcare",
    size="About 7,500 staff; EPR programme of 9 projects and about 150 people",
    sizing={"staff": 150, "initiatives": 9, "units": 3},
    description=(
        "Riverside Health Trust runs two acute hospitals and community services for about "
        "600,000 people. A temporary programme office supports its three-year electronic "
        "patient record (EPR) programme, with workstreams for clinical design, build and "
        "testing, training and deployment; outside the programme the trust has no PMO. The "
        "programme was assessed at its mid-point, after the pilot wards went live and before "
        "the main go-live, to check its controls and to decide what should remain once it "
        "closes."
    ),
    people={
        "david-o": ("sponsor", "Sponsor (senior responsible owner, Chief Clinical Information "
                    "Officer)"),
        "claire-b": ("pmo", "PMO lead (EPR programme office manager)"),
        "sanjay-p": ("project", "Project manager (clinical workstream lead)"),
        "megan-f": ("analyst", "Benefits realisation lead"),
    },
    rounds=[
        Round(
            id="2025-q1",
            date="2025-03-20",
            label="Programme mid-point review",
            respondents=["david-o", "claire-b", "sanjay-p", "megan-f"],
            profile={
                "governance": (2.6, 1.3, 0.4, 0.0),
                "planning": (2.6, 1.3, 0.4, 0.1),
                "benefits": (2.9, 2.5, 1.0, 0.2),
                "risk": (2.6, 1.4, 0.4, 0.1),
                "stakeholders": (2.6, 1.5, 0.6, 0.1),
                "finance": (2.6, 1.2, 0.4, 0.1),
                "resources": (2.5, 0.9, 0.3, 0.0),
                "standards": (2.6, 1.1, 0.3, 0.0),
                "people": (2.5, 0.9, 0.2, 0.0),
            },
            criteria={
                "GOV-3-4": 2.5, "GOV-3-2": 1.0,
                "PLC-3-2": 2.3, "PLC-3-3": 1.0,
                "BEN-3-3": 2.2, "BEN-3-4": 2.3, "BEN-4-1": 1.5, "BEN-4-2": 0.4, "BEN-4-3": 0.9,
                "RSK-3-1": 2.3, "RSK-3-3": 0.9,
                "STK-2-3": 2.8, "STK-3-3": 0.9, "STK-4-3": 1.6,
                "FIN-3-1": 2.2, "FIN-3-2": 1.0,
                "RES-2-2": 2.4, "RES-2-3": 2.8,
                "PPL-2-3": 2.3,
            },
            evidence={
                "GOV-2-1": "SRO for the EPR programme and a named executive sponsor for each "
                "workstream",
                "GOV-2-2": "Trust board approval of the full business case, June 2023",
                "GOV-2-3": "Programme project list with stage, owner and go-live wave",
                "GOV-3-4": "External gateway review before the build phase",
                "PLC-2-1": "Integrated programme plan baselined at programme board",
                "PLC-2-2": "Monthly highlight reports to the EPR programme board",
                "PLC-2-3": "Programme change log, 14 change requests this year",
                "PLC-3-2": "Dependency register across build, testing and training workstreams",
                "BEN-2-1": "Benefit profiles with baselines from the 2023 time-and-motion study",
                "BEN-2-2": "Named clinical and operational benefit owners for all 23 benefits",
                "BEN-2-3": "Benefits re-forecast at each programme stage review",
                "BEN-3-1": "Benefits realisation strategy with cash-releasing, non-cash and "
                "quality categories",
                "BEN-3-2": "Benefits register in the programme SharePoint",
                "BEN-3-3": "Handover forms signed for the pathology and theatres modules",
                "BEN-3-4": "Cash-releasing benefits validated by the finance business partner "
                "before they are claimed",
                "BEN-4-1": "Benefits realised against forecast reported to the trust board "
                "each quarter",
                "RSK-2-1": "Workstream risk logs reviewed at fortnightly workstream meetings",
                "RSK-3-1": "Trust 5x5 risk matrix applied to programme risks",
                "STK-2-1": "Stakeholder map covering clinical divisions, GPs and community "
                "services",
                "STK-2-3": "Clinical design authority sign-off of workflows",
                "STK-4-3": "Log-in and order-set usage dashboards for the pilot wards",
                "FIN-2-1": "Programme budget by year and cost category, approved in the full "
                "business case",
                "FIN-2-2": "Monthly programme finance report with actuals against budget",
                "RES-2-3": "EPR supplier contract schedules with deliverables and acceptance "
                "tests",
                "STD-2-2": "Programme SharePoint with document control",
                "PPL-2-2": "Project managers completed foundation-level programme training",
            },
            answers={
                ("sanjay-p", "RES-2-2"): (
                    "not",
                    "Ward staff are released for testing on paper, then pulled back to cover "
                    "shifts.",
                ),
                ("david-o", "RES-2-2"): "fully",
                ("megan-f", "BEN-4-1"): (
                    "largely",
                    "The first quarterly benefits report went to the trust board in January.",
                ),
                ("sanjay-p", "BEN-4-1"): "not",
                ("claire-b", "GOV-3-2"): (
                    "not",
                    "There is no trust-wide portfolio board; our programme board reports "
                    "straight to the trust board.",
                ),
                ("sanjay-p", "STK-3-3"): (
                    "not",
                    "Clinicians are surveyed by the supplier's trainers, and the results never "
                    "reach the board.",
                ),
                ("david-o", "STK-3-3"): "largely",
            },
            pmo_type={
                "PT-01": ("one-programme", "one-programme"),
                "PT-02": ("programme-board", "programme-board"),
                "PT-03": ("programme-level", "programme-level"),
                "PT-04": ("until-programme-ends", "until-programme-ends"),
                "PT-05": ("programme-budget", "programme-budget"),
                "PT-06": ("programme-leader", "programme-leader"),
                "PT-07": ("within-programme", "within-programme"),
                "PT-08": ("programme-status", "programme-status"),
                "PT-09": ("programme-coordination", "programme-coordination"),
                "PT-10": ("someone-else", "someone-else"),
                "PT-11": ("own-team", "own-team"),
                "PT-12": ("no-reviews", "no-reviews"),
                "PT-13": ("across-programme", "across-programme"),
                "PT-14": ("single-office", "single-office"),
                "PT-16": ("is-one", "is-one"),
            },
            operating_model={
                "OM-01": ("encouraged", "mandatory"),
                "OM-02": ("project-decides", "office-agrees"),
                "OM-03": ("standard-toolset", "standard-toolset"),
                "OM-04": ("selective-reviews", "mandatory-reviews"),
                "OM-05": ("tracked-and-escalated", "tracked-and-escalated"),
                "OM-06": ("sponsor-with-opinion", "sponsor-after-check"),
                "OM-07": ("required", "required"),
                "OM-08": ("manager-with-commentary", "manager-with-commentary"),
                "OM-09": ("challenges-and-escalates", "challenges-and-escalates"),
                "OM-10": ("business-line", "business-line"),
                "OM-11": ("business-assigns", "business-assigns"),
                "OM-12": ("optional-offer", "optional-offer"),
                "OM-13": ("business-with-help", "business-under-rules"),
                "OM-14": ("escalates", "escalates"),
                "OM-15": ("checks-completeness", "scores-and-recommends"),
                "OM-16": ("board-on-office-advice", "board-on-office-advice"),
            },
            views={
                "david-o": {
                    "OM-13": ("business-under-rules", None),
                    "PT-01": (None, "many-projects"),
                    "PT-04": (None, "permanent"),
                    "PT-06": (None, "department-head"),
                    "OM-12": (None, "required-standard"),
                },
                "claire-b": {
                    "PT-12": (None, "area-health-checks"),
                    "OM-02": ("office-agrees", None),
                    "OM-08": (None, "office-can-override"),
                },
                "sanjay-p": {
                    "PT-09": ("hands-on-support", None),
                    "OM-04": ("on-request", None),
                    "OM-07": ("requested", None),
                },
                "megan-f": {"PT-05": ("dont_know", None), "OM-16": ("sponsors-only", None)},
            },
        )
    ],
)


# ============================================================================================
# 6. Atlas Software: an agile scale-up with a centre of excellence instead of a PMO
# ============================================================================================

ATLAS = Org(
    id="atlas-software",
    name="Atlas Software",
    sector="Software",
    size="About 450 staff in 38 product teams and four product groups",
    sizing={"staff": 450, "initiatives": 20, "units": 4},
    description=(
        "Atlas Software is a venture-backed software scale-up of about 450 people working in "
        "38 long-lived product teams. It has no PMO: a small Ways of Working team acts as a "
        "centre of excellence, providing coaching, the delivery playbook and communities of "
        "practice. The assessment was commissioned to find out which portfolio practices the "
        "company needs for its first enterprise contracts, without importing process that does "
        "not fit continuous delivery."
    ),
    people={
        "noah-g": ("sponsor", "Sponsor (Chief Technology Officer)"),
        "freya-n": ("pmo", "PMO lead (head of Ways of Working)"),
        "jonas-e": ("project", "Project manager (delivery lead)"),
        "lina-h": ("member", "Team member (senior engineer)"),
    },
    na={
        "RES-2-3": ["noah-g", "freya-n", "jonas-e"],
        "BEN-3-3": ["noah-g", "freya-n", "jonas-e"],
        "FIN-3-2": ["noah-g", "freya-n"],
        "PPL-2-3": ["freya-n"],
        "STD-4-1": ["noah-g", "freya-n", "jonas-e"],
    },
    rounds=[
        Round(
            id="2026-q2",
            date="2026-05-14",
            label="Ways-of-working review",
            respondents=["noah-g", "freya-n", "jonas-e", "lina-h"],
            profile={
                "governance": (1.2, 0.6, 0.3, 0.3),
                "planning": (1.7, 0.9, 0.7, 0.3),
                "benefits": (1.0, 0.4, 0.2, 0.1),
                "risk": (1.0, 0.3, 0.1, 0.0),
                "stakeholders": (2.5, 1.0, 0.8, 0.4),
                "finance": (1.1, 0.3, 0.2, 0.5),
                "resources": (1.4, 0.8, 0.3, 0.1),
                "standards": (2.6, 1.5, 0.5, 0.2),
                "people": (2.8, 2.5, 1.0, 0.3),
            },
            criteria={
                "GOV-2-1": 1.8, "GOV-2-2": 0.7, "GOV-5-2": 1.6,
                "PLC-2-2": 2.4, "PLC-2-1": 1.0, "PLC-2-3": 0.9, "PLC-4-3": 1.7,
                "BEN-2-1": 1.3,
                "RSK-2-3": 1.8,
                "STK-4-3": 2.4, "STK-5-2": 1.8,
                "FIN-2-2": 1.4, "FIN-5-1": 1.9,
                "RES-2-2": 2.0,
                "STD-3-1": 2.4, "STD-3-2": 2.0, "STD-3-3": 0.9, "STD-3-4": 2.2, "STD-5-2": 1.8,
                "PPL-3-2": 2.3, "PPL-3-4": 2.9, "PPL-4-3": 1.6,
            },
            evidence={
                "GOV-2-1": "Product owners named for every team on the org chart",
                "GOV-2-3": "Quarterly roadmap board listing initiatives and their owners",
                "GOV-5-2": "Two initiatives stopped within a month of the 2025 strategy reset",
                "PLC-2-2": "Fortnightly sprint reviews open to stakeholders",
                "PLC-4-3": "Burn-up charts for every cross-team initiative",
                "RSK-2-3": "Impediments tracked on each team's board",
                "STK-2-1": "Stakeholder lists in each initiative's one-page brief",
                "STK-2-3": "Discovery interviews with customer success and sales before a "
                "roadmap commitment",
                "STK-4-3": "Feature adoption dashboards in the product analytics tool",
                "STK-5-2": "Monthly customer feedback review feeding the roadmap",
                "FIN-2-2": "Monthly team cost report from finance",
                "FIN-5-1": "Persistent team funding trialled in the platform group since 2024",
                "RES-2-2": "Team changes agreed at the monthly engineering managers' meeting",
                "STD-2-1": "Delivery playbook linked from every team's wiki page",
                "STD-2-2": "Team wikis and decision records in one knowledge base",
                "STD-2-3": "Retrospective notes at the end of each initiative",
                "STD-3-1": "Delivery playbook owned by the Ways of Working team",
                "STD-3-2": "Playbook section on which rituals each size of initiative needs",
                "STD-3-4": "Coaching and facilitation service menu on the intranet",
                "STD-5-2": "New estimation approach piloted in four teams before rollout",
                "PPL-2-1": "Role descriptions for delivery leads and product owners",
                "PPL-2-2": "Agile foundations course for everyone in a delivery lead role",
                "PPL-3-1": "Delivery career framework with five proficiency levels",
                "PPL-3-2": "Growth plans reviewed in each half-year conversation",
                "PPL-3-3": "Published career ladder from associate delivery lead to head of "
                "delivery",
                "PPL-3-4": "Monthly delivery guild and open coaching clinics",
                "PPL-4-3": "Regretted attrition in delivery roles tracked by People Ops",
            },
            answers={
                ("freya-n", "RES-2-3"): (
                    "na",
                    "All product development is done by our own staff; there are no delivery "
                    "suppliers.",
                ),
                ("lina-h", "RES-2-3"): "dont_know",
                ("noah-g", "BEN-3-3"): (
                    "na",
                    "Products are never handed over; the team that builds a feature owns its "
                    "outcome.",
                ),
                ("lina-h", "BEN-3-3"): "not",
                ("jonas-e", "FIN-3-2"): "not",
                ("lina-h", "FIN-3-2"): "dont_know",
                ("freya-n", "PPL-2-3"): (
                    "na",
                    "We have product owners, not sponsors.",
                ),
                ("freya-n", "STD-4-1"): (
                    "na",
                    "Nothing in the playbook is mandatory, so there is no compliance rate to "
                    "measure; we follow which practices teams adopt instead.",
                ),
                ("lina-h", "PLC-2-1"): (
                    "not",
                    "We plan a quarter ahead and re-plan every sprint; nothing is baselined.",
                ),
                ("noah-g", "GOV-2-2"): (
                    "partly",
                    "Big bets get a sign-off from the CEO; everything else starts when a team "
                    "picks it up.",
                ),
                ("freya-n", "STD-3-3"): "largely",
                ("lina-h", "STD-3-3"): (
                    "not",
                    "Nobody reads the retro archive before starting something new.",
                ),
            },
            pmo_type={
                "PT-01": ("practice", "practice"),
                "PT-02": ("practice-owners", "practice-owners"),
                "PT-03": ("method-only", "method-only"),
                "PT-04": ("permanent", "permanent"),
                "PT-05": ("corporate-budget", "corporate-budget"),
                "PT-06": ("department-head", "department-head"),
                "PT-07": ("none", "none"),
                "PT-08": ("practice-reports", "practice-reports"),
                "PT-09": ("capability-building", "capability-building"),
                "PT-10": ("office-for-organisation", "office-for-organisation"),
                "PT-11": ("main-service", "main-service"),
                "PT-12": ("no-reviews", "independent-assurance"),
                "PT-13": ("profession", "profession"),
                "PT-14": ("single-office", "single-office"),
                "PT-16": ("unlinked", "unlinked"),
            },
            operating_model={
                "OM-01": ("optional", "optional"),
                "OM-02": ("project-decides", "project-decides"),
                "OM-03": ("team-choice", "set-format"),
                "OM-04": ("on-request", "on-request"),
                "OM-05": (None, "advice-only"),
                "OM-06": ("sponsor-alone", "sponsor-alone"),
                "OM-07": ("voluntary", "requested"),
                "OM-08": ("project-manager", "project-manager"),
                "OM-09": ("shares-insight", "shares-insight"),
                "OM-10": ("business-line", "business-line"),
                "OM-11": ("business-assigns", "business-assigns"),
                "OM-12": ("optional-offer", "optional-offer"),
                "OM-13": ("business-with-help", "business-with-help"),
                "OM-14": ("offers-help", "offers-help"),
                "OM-15": ("na", "helps-if-asked"),
                "OM-16": ("na", "sponsors-only"),
            },
            views={
                "noah-g": {
                    "PT-07": (None, "provides-information"),
                    "PT-06": ("board-member", "board-member"),
                    "OM-04": (None, "selective-reviews"),
                },
                "freya-n": {"PT-12": ("area-health-checks", None)},
                "jonas-e": {"PT-12": ("area-health-checks", None), "OM-03": ("set-format", None)},
                "lina-h": {
                    "PT-05": ("dont_know", "dont_know"),
                    "PT-14": ("virtual", None),
                    "OM-12": (None, "required-standard"),
                },
            },
        )
    ],
)


# ============================================================================================
# 7. Harbour Construction Group: project offices on each major project, no central PMO
# ============================================================================================

HARBOUR = Org(
    id="harbour-construction",
    name="Harbour Construction Group",
    sector="Construction",
    size="About 1,800 staff in three regions, 25 to 30 major projects",
    sizing={"staff": 1800, "initiatives": 28, "units": 3},
    description=(
        "Harbour Construction Group is a regional building and civil engineering contractor "
        "with about 1,800 staff and a turnover of around £600m, delivering 25 to 30 major "
        "projects at a time. Each major project has its own project office for planning, cost "
        "control and document control, but there is no central PMO, and the board sees "
        "projects only through the monthly regional finance reviews. After two loss-making "
        "hospital and school contracts, the board asked what a group PMO should do."
    ),
    people={
        "martin-c": ("sponsor", "Sponsor (Operations Director)"),
        "ruth-a": ("pmo", "PMO lead (project controls manager)"),
        "dean-p": ("project", "Project manager (hospital extension)"),
        "keiko-t": ("finance", "Finance business partner (commercial manager)"),
        "sean-o": ("member", "Team member (site engineer)"),
    },
    na={
        "FIN-2-3": ["ruth-a", "dean-p", "keiko-t"],
        "FIN-3-2": ["ruth-a", "dean-p", "keiko-t"],
        "BEN-2-3": ["sean-o"],
    },
    rounds=[
        Round(
            id="2026-q3",
            date="2026-07-09",
            label="PMO feasibility assessment",
            respondents=["martin-c", "ruth-a", "dean-p", "keiko-t", "sean-o"],
            profile={
                "governance": (1.5, 0.6, 0.2, 0.0),
                "planning": (2.6, 1.0, 0.9, 0.2),
                "benefits": (0.8, 0.2, 0.1, 0.0),
                "risk": (2.7, 1.2, 1.0, 0.2),
                "stakeholders": (2.5, 0.8, 0.3, 0.0),
                "finance": (2.8, 1.3, 1.1, 0.3),
                "resources": (2.6, 0.9, 0.7, 0.2),
                "standards": (1.3, 0.4, 0.2, 0.0),
                "people": (1.4, 0.5, 0.2, 0.0),
            },
            criteria={
                "GOV-2-1": 2.6, "GOV-2-2": 2.4, "GOV-2-3": 0.8, "GOV-3-4": 1.6,
                "PLC-2-3": 2.5, "PLC-3-1": 0.8, "PLC-4-3": 1.8,
                "BEN-2-1": 0.9,
                "RSK-4-1": 2.3, "RSK-3-1": 1.0, "RSK-3-3": 0.7,
                "FIN-3-3": 2.1, "FIN-4-2": 2.2, "FIN-3-1": 1.0, "FIN-3-2": 0.8,
                "RES-2-3": 2.9, "RES-4-3": 2.0,
                "STD-2-2": 2.4, "STD-2-1": 0.9, "STD-2-3": 1.2,
                "PPL-2-1": 2.0, "PPL-2-2": 1.0, "PPL-2-3": 0.5,
            },
            evidence={
                "GOV-2-1": "Project director named in every contract award paper",
                "GOV-2-2": "Bid committee approval before each tender is submitted",
                "GOV-3-4": "Peer reviews of the largest bids by another region's directors",
                "PLC-2-1": "Contract programmes accepted by the client at start on site",
                "PLC-2-2": "Monthly project reports to the regional director",
                "PLC-2-3": "Compensation event and early warning registers",
                "PLC-2-4": "Programme float alerts escalated at the monthly project review",
                "PLC-4-3": "Critical path slippage trend on the hospital and school contracts",
                "RSK-2-1": "Project risk registers reviewed at monthly risk workshops",
                "RSK-2-2": "Risk owners named for each risk above £50k",
                "RSK-2-3": "Site issue logs in the common data environment",
                "RSK-4-1": "Quantitative risk analysis of contingency on bids over £20m",
                "STK-2-1": "Community and neighbour stakeholder plans for city-centre sites",
                "STK-2-3": "Client and end-user sign-off at each design stage",
                "FIN-2-1": "Cost plans by work package and month in the cost value "
                "reconciliation",
                "FIN-2-2": "Monthly cost value reconciliation for every project",
                "FIN-3-3": "Monthly CVR reconciled with the group ledger at period end",
                "FIN-4-2": "Earned value reporting on projects over £20m",
                "RES-2-1": "Labour and plant histograms in each contract programme",
                "RES-2-2": "Site staff allocations agreed at the regional resourcing meeting",
                "RES-2-3": "Subcontract orders with scopes and acceptance criteria",
                "RES-4-3": "Subcontractor performance scores updated quarterly",
                "STD-2-2": "Common data environment set up for each project at contract award",
                "STD-2-3": "Close-out reports for the two schools completed in 2025",
                "PPL-2-1": "Project manager role profile in the HR system",
            },
            answers={
                ("keiko-t", "FIN-2-3"): (
                    "na",
                    "The client owns whole-life cost; we price and build the asset.",
                ),
                ("martin-c", "FIN-2-3"): "partly",
                ("sean-o", "FIN-2-3"): "dont_know",
                ("sean-o", "RES-2-2"): (
                    "not",
                    "Site engineers get moved between jobs at a day's notice.",
                ),
                ("martin-c", "GOV-2-3"): (
                    "largely",
                    "Each regional director keeps a contracts list.",
                ),
                ("ruth-a", "GOV-2-3"): (
                    "not",
                    "There is no single list of all projects; every region has its own "
                    "spreadsheet.",
                ),
                ("dean-p", "RSK-3-1"): (
                    "not",
                    "Every project uses the risk matrix its project director prefers.",
                ),
                ("keiko-t", "FIN-3-2"): (
                    "na",
                    "Contracts are paid by the client through monthly valuations; there is no "
                    "internal funding to release in tranches.",
                ),
                ("ruth-a", "PLC-3-1"): (
                    "partly",
                    "Reports follow each regional director's format, so no two regions match.",
                ),
                ("martin-c", "PLC-3-1"): "largely",
            },
            pmo_type={
                "PT-01": ("one-project", "many-projects"),
                "PT-02": ("project-board", "unit-management"),
                "PT-03": ("outputs-only", "records-per-project"),
                "PT-04": ("until-project-ends", "permanent"),
                "PT-05": ("project-budget", "unit-budget"),
                "PT-06": ("project-manager", "department-head"),
                "PT-07": ("none", "provides-information"),
                "PT-08": ("project-status", "multi-project-dashboard"),
                "PT-09": ("hands-on-support", "multi-project-control"),
                "PT-10": ("someone-else", "office-for-its-area"),
                "PT-11": ("own-team", "some-for-its-area"),
                "PT-12": ("no-reviews", "area-health-checks"),
                "PT-13": ("own-team-plan", "area-view"),
                "PT-14": ("several-independent", "single-office"),
                "PT-15": ("independent", "common-standards"),
                "PT-16": ("is-one", "equips-them"),
            },
            operating_model={
                "OM-01": ("mandatory", "mandatory"),
                "OM-02": ("office-agrees", "office-agrees"),
                "OM-03": ("standard-toolset", "standard-toolset"),
                "OM-04": ("mandatory-reviews", "mandatory-reviews"),
                "OM-05": ("tracked-and-escalated", "tracked-and-escalated"),
                "OM-06": ("sponsor-after-check", "sponsor-after-check"),
                "OM-07": ("required", "required"),
                "OM-08": ("office-can-override", "office-can-override"),
                "OM-09": ("challenges-and-escalates", "challenges-and-escalates"),
                "OM-10": ("business-line", "business-line-with-input"),
                "OM-11": ("from-approved-pool", "from-approved-pool"),
                "OM-12": ("required-standard", "required-standard"),
                "OM-13": ("business-under-rules", "business-under-rules"),
                "OM-14": ("escalates", "escalates"),
                "OM-15": ("na", "scores-and-recommends"),
                "OM-16": ("na", "board-on-office-advice"),
            },
            views={
                "martin-c": {
                    "PT-01": (None, "whole-portfolio"),
                    "PT-02": (None, "executive-investment"),
                    "PT-07": (None, "runs-portfolio-process"),
                    "OM-13": (None, "mixed"),
                },
                "ruth-a": {
                    "PT-14": ("single-office", "central-with-divisional"),
                    "OM-08": ("manager-with-commentary", None),
                },
                "dean-p": {
                    "PT-16": (None, "part-of-structure"),
                    "OM-02": ("project-decides", None),
                },
                "keiko-t": {"PT-05": (None, "corporate-budget")},
                "sean-o": {
                    "PT-05": ("dont_know", "dont_know"),
                    "PT-14": ("single-office", None),
                    "OM-10": ("dont_know", None),
                },
            },
        )
    ],
)

ORGANISATIONS = [BRIGHTSIDE, NORTHWIND, TRANSPORT, HELIX, RIVERSIDE, ATLAS, HARBOUR]

# Roadmap settings a consultant agreed with each organisation (organisation.yaml `roadmap:`).
# Brightside's are deliberately tight, so the sample shows an honest shortfall report.
ROADMAPS = {
    "brightside-agency": """\
roadmap:
  # A small agency: the basics everywhere, with the time the operations lead can spare.
  targets: {governance: 2, planning: 2, benefits: 2, risk: 2, stakeholders: 2, finance: 2,
            resources: 2, standards: 2, people: 2}
  capacity: 6
  horizon: 12
  # The overruns on fixed-fee jobs first: change control, tolerances, decisions to start.
  priorities: {planning: 3, governance: 2}
""",
    "northwind-bank": """\
roadmap:
  # Year two: finish the move to a portfolio office; benefits first, as the board asked.
  targets: {benefits: 3, resources: 3}
  capacity: 40
  horizon: 18
  priorities: {benefits: 2}
""",
    "dept-regional-transport": """\
roadmap:
  capacity: 45
  horizon: 24
  priorities: {benefits: 1.5}
""",
    "helix-pharma": """\
roadmap:
  capacity: 35
  horizon: 18
""",
    "riverside-health": """\
roadmap:
  # The programme office closes with the programme, in about a year.
  targets: {governance: 3}
  capacity: 15
  horizon: 12
""",
    "atlas-software": """\
roadmap:
  # Lean on purpose: no heavyweight governance for a team-of-teams software company.
  targets: {governance: 2, planning: 2, risk: 2, finance: 2, resources: 2, benefits: 2}
  capacity: 20
  horizon: 18
""",
    "harbour-construction": """\
roadmap:
  # The first two years of a group PMO: control of bids and contracts, common reporting and
  # one risk method to level 3; the basics everywhere else.
  targets: {governance: 3, planning: 3, risk: 3, finance: 3, benefits: 2, stakeholders: 2,
            resources: 2, standards: 2, people: 2}
  capacity: 30
  horizon: 24
""",
}

# fmt: on


# ============================================================================================
# Making the answers
# ============================================================================================


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    section_title: str
    level: int | None
    options: tuple[str, ...]
    show_if: expr.Expr | None


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: str
    questions: tuple[Question, ...]
    scores: dict[str, dict[str, float]]
    """Option scores by question, for display rules that compare (`>=`)."""


def read_questionnaire(qid: str) -> Questionnaire:
    data = yaml.safe_load((QUESTIONNAIRES / f"{qid}.yaml").read_text(encoding="utf-8"))
    scales = {s["id"]: s["options"] for s in data.get("scales", [])}
    questions, scores = [], {}
    for section in data["sections"]:
        for q in section["questions"]:
            options = q.get("options") or scales[q["scale"]]
            scores[q["id"]] = {o["value"]: o.get("score", 0) for o in options}
            questions.append(
                Question(
                    id=q["id"],
                    section=section["id"],
                    section_title=section["title"],
                    level=q.get("level"),
                    options=tuple(o["value"] for o in options),
                    show_if=expr.parse(q["show_if"]) if q.get("show_if") else None,
                )
            )
    return Questionnaire(data["id"], str(data["version"]), tuple(questions), scores)


def gauss(*key: str) -> float:
    """A standard normal number that depends only on `key`: the same every run."""
    return random.Random("|".join(key)).gauss(0.0, 1.0)


def chance(*key: str) -> float:
    """A number between 0 and 1 that depends only on `key`."""
    return random.Random("|".join(key)).random()


def maturity_answers(
    q: Questionnaire, org: Org, rnd: Round, who: str
) -> dict[str, str | dict[str, str]]:
    """One respondent's maturity answers: bare values, or mappings with evidence or notes."""
    kind, _ = org.people[who]
    role = ROLES[kind]
    answers: dict[str, str] = {}
    notes: dict[str, str] = {}
    for question in q.questions:
        qid, section, level = question.id, question.section, question.level
        typical = rnd.criteria.get(qid, rnd.profile[section][level - 2])
        value = (
            typical
            + FLAVOUR * (2 * chance(org.id, qid, "flavour") - 1)
            + role.bias
            + role.leaning.get(section, 0.0)
            + PERSONAL_VIEW * gauss(org.id, who, qid, "view")
            + ROUND_NOISE * gauss(org.id, rnd.id, who, qid)
        )
        answer = SCALE[min(3, max(0, math.floor(value + 0.5)))]
        unsure = level >= role.unsure.get(section, 9)
        if unsure and chance(org.id, who, qid, "unsure") < role.p_unsure:
            answer = "dont_know"
        if who in org.na.get(qid, []):
            answer = "na"
        chosen = rnd.answers.get((who, qid))
        if chosen is not None:
            answer, notes[qid] = chosen if isinstance(chosen, tuple) else (chosen, "")
        answers[qid] = answer

    evidence: dict[str, str] = {}
    if role.senior:  # cite a dozen or so documents, among those that back a positive answer
        citable = [
            question.id
            for question in q.questions
            if question.id in rnd.evidence
            and answers[question.id] in ("partly", "largely", "fully")
            and (not role.evidence_in or question.section in role.evidence_in)
        ]
        first = rnd.cited.get(who, ())
        citable.sort(key=lambda qid: (qid not in first, chance(org.id, rnd.id, who, qid,
                                                               "evidence")))
        count = EVIDENCE_PER_PERSON - 3 + int(chance(org.id, rnd.id, who, "count") * 7)
        evidence = {qid: rnd.evidence[qid] for qid in citable[:count]}

    return {
        qid: (
            {"answer": answer, "evidence": evidence.get(qid, ""), "notes": notes.get(qid, "")}
            if evidence.get(qid) or notes.get(qid)
            else answer
        )
        for qid, answer in answers.items()
    }


def classification_answers(
    q: Questionnaire, shared: dict[str, Views], own: dict[str, Views], org: Org, who: str
) -> dict[str, dict[str, str]]:
    """One respondent's {current, target} answers, leaving out questions their rules hide."""
    given: dict[str, dict[str, str]] = {"current": {}, "target": {}}
    for question in q.questions:
        mine = own.get(question.id, (None, None))
        base = shared.get(question.id, (None, None))
        for i, view in enumerate(("current", "target")):
            visible = question.show_if is None or question.show_if.evaluate(given[view], q.scores)
            answer = mine[i] or base[i]
            if not visible:
                continue
            if answer is None:
                raise ValueError(
                    f"{org.id}/{who}: {question.id} ({view}) is shown but has no answer"
                )
            if answer not in (*question.options, "na", "dont_know"):
                raise ValueError(f"{org.id}: '{answer}' is not an option of {question.id}")
            given[view][question.id] = answer
    out: dict[str, dict[str, str]] = {}
    for question in q.questions:
        views = {v: given[v][question.id] for v in ("current", "target") if question.id in given[v]}
        if views:
            out[question.id] = views
    return out


def response_date(org: Org, rnd: Round, who: str) -> dt.date:
    """Responses come in during the three weeks before the round's workshop."""
    days = 1 + int(chance(org.id, rnd.id, who, "date") * 20)
    return dt.date.fromisoformat(rnd.date) - dt.timedelta(days=days)


def disputed(answers: list[str]) -> bool:
    """The scorer's rule: ratings two or more steps apart, or N/A next to a rating."""
    rated = [SCALE.index(a) for a in answers if a in SCALE]
    return (len(rated) > 1 and max(rated) - min(rated) >= 2) or ("na" in answers and bool(rated))


# ============================================================================================
# Writing YAML the way a person would
# ============================================================================================

ANSWERS_SCHEMA = "# yaml-language-server: $schema=../../../schemas/answers.schema.json"
ORGANISATION_SCHEMA = "# yaml-language-server: $schema=../../schemas/organisation.schema.json"


def scalar(value: object) -> str:
    """A plain scalar where YAML reads it back unchanged as text, else a quoted one."""
    text = str(value)
    plain = (
        text == text.strip()
        and text[:1] not in set("!&*{}[]|>'\"%@`#,?:-")
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
    )
    if plain:
        try:
            plain = yaml.safe_load(text) == text
        except yaml.YAMLError:
            plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def folded(key: str, text: str, indent: str = "") -> list[str]:
    body = textwrap.wrap(text, width=92 - len(indent))
    return [f"{indent}{key}: >-", *(f"{indent}  {line}" for line in body)]


def answer_lines(qid: str, value: str | dict[str, str], indent: str) -> list[str]:
    if isinstance(value, str):
        return [f"{indent}{qid}: {value}"]
    lines = [f"{indent}{qid}:", f"{indent}  answer: {value['answer']}"]
    for key in ("evidence", "notes"):
        if value.get(key):
            lines.append(f"{indent}  {key}: {scalar(value[key])}")
    return lines


def maturity_block(q: Questionnaire, answers: dict[str, str | dict[str, str]]) -> list[str]:
    lines = [f"  {q.id}:", f'    version: "{q.version}"', "    answers:"]
    section = None
    for question in q.questions:
        if question.id not in answers:
            continue
        if question.section != section:
            section = question.section
            lines.append(f"      # {question.section_title}")
        lines += answer_lines(question.id, answers[question.id], "      ")
    return lines


def classification_block(q: Questionnaire, answers: dict[str, dict[str, str]]) -> list[str]:
    lines = [f"  {q.id}:", f'    version: "{q.version}"', "    answers:"]
    for qid, views in answers.items():
        pairs = ", ".join(f"{view}: {value}" for view, value in views.items())
        lines.append(f"      {qid}: {{{pairs}}}")
    return lines


def organisation_file(org: Org) -> str:
    lines = [
        ORGANISATION_SCHEMA,
        f"id: {org.id}",
        f"name: {scalar(org.name)}",
        f"sector: {scalar(org.sector)}",
        f"size: {scalar(org.size)}",
        "sizing: {" + ", ".join(f"{k}: {v}" for k, v in org.sizing.items()) + "}",
        *folded("description", org.description),
        "rounds:",
    ]
    for rnd in org.rounds:
        lines += [f"  - id: {rnd.id}", f"    date: {rnd.date}", f"    label: {scalar(rnd.label)}"]
    return "\n".join(lines) + "\n" + ROADMAPS.get(org.id, "")


def response_file(org: Org, rnd: Round, who: str, qs: dict[str, Questionnaire]) -> str:
    _, role = org.people[who]
    own = rnd.views.get(who, {})
    lines = [
        ANSWERS_SCHEMA,
        f"organisation: {org.id}",
        f"round: {rnd.id}",
        "respondent:",
        f"  id: {who}",
        f"  role: {scalar(role)}",
        f"date: {response_date(org, rnd, who).isoformat()}",
        "questionnaires:",
        *maturity_block(qs[MATURITY], maturity_answers(qs[MATURITY], org, rnd, who)),
        *classification_block(
            qs[PMO_TYPE], classification_answers(qs[PMO_TYPE], rnd.pmo_type, own, org, who)
        ),
        *classification_block(
            qs[OPERATING_MODEL],
            classification_answers(qs[OPERATING_MODEL], rnd.operating_model, own, org, who),
        ),
    ]
    return "\n".join(lines) + "\n"


def agreed_file(org: Org, rnd: Round, qs: dict[str, Questionnaire]) -> str:
    agreed = rnd.agreed
    assert agreed is not None
    for qid in agreed.answers:  # a workshop settles only what the respondents disputed
        given = [maturity_answers(qs[MATURITY], org, rnd, who)[qid] for who in rnd.respondents]
        values = [g if isinstance(g, str) else g["answer"] for g in given]
        if not disputed(values):
            raise ValueError(f"{org.id} {rnd.id}: {qid} is agreed but not disputed: {values}")
    lines = [
        ANSWERS_SCHEMA,
        f"organisation: {org.id}",
        f"round: {rnd.id}",
        "agreed:",
        f"  facilitator: {scalar(agreed.facilitator)}",
        "  participants:",
        *(f"    - {scalar(p)}" for p in agreed.participants),
        *folded("notes", agreed.notes, "  "),
        f"date: {rnd.date}",
        "questionnaires:",
        *maturity_block(
            qs[MATURITY],
            {
                qid: dict(zip(("answer", "evidence", "notes"), agreed_answer, strict=False))
                for qid, agreed_answer in agreed.answers.items()
            },
        ),
    ]
    return "\n".join(lines) + "\n"



# ============================================================================================
# The PMO services survey: the office's customers rate its services (latest round only)
# ============================================================================================

SERVICES = "pmo-services"
SERVICE_IDS = ("REPORTING", "ASSURANCE", "PLANNING", "RISK", "BOARDS", "PRIORITISATION",
               "RESOURCES", "FINANCE", "BENEFITS", "METHODS", "TOOLS", "TRAINING", "KNOWLEDGE")
CUSTOMERS = ("sponsor", "programme", "project", "finance", "member")
"""Role kinds that answer the services survey: the office's customers, not its own staff."""

# (importance, satisfaction) a typical customer gives, in SERVICE_IDS order; None: not used
Rating = tuple[float, float] | None
SERVICE_PROFILES: dict[str, tuple[Rating, ...]] = {
    # an operations lead's schedule is all the office there is; fixed-fee jobs overrun
    "brightside-agency": ((4, 2.5), (2, 2.5), (4, 2.5), (3, 2.5), None, (3, 3),
                          (5, 3.5), (5, 2), (2, 2.5), (3, 3), (3, 3), (2, 3), (3, 2.5)),
    # delivery control is strong; benefits after go-live and outcome reporting are not
    "northwind-bank": ((5, 3), (4, 4), (3, 3.5), (3.5, 3.5), (3.5, 4.5), (4.5, 4),
                       (4, 2.5), (4.5, 3.5), (5, 1.5), (3, 4), (3, 3), (2.5, 3), (2.5, 2)),
    # the hub's gates and reporting are solid but heavy; benefits and capacity lag
    "dept-regional-transport": ((5, 3), (4.5, 4), (3, 3.5), (4, 3.5), (4, 4.5), (4.5, 3.5),
                                (3.5, 2), (4, 3.5), (4.5, 2.5), (3.5, 4), (3.5, 2.5),
                                (3, 3.5), (3.5, 2.5)),
    # pipeline reviews are the office's strength; capacity models and lessons are weaker
    "helix-pharma": ((4, 4), (4, 4), (3.5, 3.5), (4, 3.5), (3.5, 4.5), (5, 4.5), (4.5, 2.5),
                     (4.5, 4), (3.5, 3), (3, 3.5), (3, 2.5), (2.5, 3), (3, 2)),
    # a programme office before go-live: plans and reports are good, benefits and backfill not
    "riverside-health": ((4.5, 4), (4, 3), (5, 4), (5, 3.5), (4, 4), (2, 3), (4, 2.5),
                         (3.5, 3.5), (4.5, 2.5), (3, 3.5), (3.5, 3), (3, 3), (3.5, 2)),
    # a coaching team, not a PMO: enterprise contracts now ask for plans and visibility
    "atlas-software": ((4, 2), (2, 2.5), (3.5, 2.5), (3.5, 2.5), (1.5, 2.5), (4, 2.5),
                       (3.5, 2), (3, 2.5), (2.5, 2), (3.5, 4), (3.5, 3.5), (4.5, 4.5),
                       (4, 4)),
    # project offices plan and cost well; the board sees no assurance and lessons are lost
    "harbour-construction": ((5, 2), (5, 1.5), (4.5, 3.5), (4.5, 2), (3, 3), (2.5, 2),
                             (4, 2.5), (4.5, 3.5), (2, 2), (3.5, 2.5), (3.5, 3), (3, 2.5),
                             (4, 1.5)),
}
SERVICE_LEANING: dict[str, dict[str, float]] = {
    "sponsor": {"REPORTING": 0.4, "PRIORITISATION": 0.4, "BENEFITS": 0.3, "TRAINING": -0.5,
                "TOOLS": -0.5, "PLANNING": -0.3},
    "programme": {"PLANNING": 0.3, "RESOURCES": 0.3, "RISK": 0.2},
    "project": {"PLANNING": 0.4, "TOOLS": 0.4, "METHODS": 0.3, "TRAINING": 0.3,
                "PRIORITISATION": -0.6, "BENEFITS": -0.5, "BOARDS": -0.3},
    "finance": {"FINANCE": 0.6, "BENEFITS": 0.4, "PLANNING": -0.5, "TRAINING": -0.5,
                "TOOLS": -0.3},
    "member": {"TOOLS": 0.5, "TRAINING": 0.5, "PRIORITISATION": -0.8, "BOARDS": -0.8,
               "BENEFITS": -0.6},
}
"""How much more (or less) each kind of customer cares about a service."""
SATISFACTION_BIAS = {"sponsor": 0.3, "programme": 0.0, "project": -0.3, "finance": 0.0,
                     "member": -0.3}
SERVICE_ONLY: dict[str, dict[str, tuple[str, str]]] = {
    # customers asked for the services survey only: it goes wider than the maturity survey
    "northwind-bank": {
        "marek-d": ("programme", "Programme manager (core banking upgrade)"),
        "hugo-r": ("project", "Project manager (mortgage platform)"),
        "elena-v": ("sponsor", "Sponsor (Chief Risk Officer)"),
        "tariq-m": ("finance", "Finance business partner (Retail Banking)"),
        # a third programme and project manager: only groups of three are shown on their own
        "nadia-k": ("programme", "Programme manager (payments modernisation)"),
        "leo-w": ("project", "Project manager (payments gateway)"),
    },
    "riverside-health": {
        "amelia-r": ("member", "Ward manager (pilot wards)"),
        "tunde-o": ("programme", "Workstream lead (training and deployment)"),
    },
    "dept-regional-transport": {
        "fatima-z": ("pmo", "Divisional portfolio office lead, Local Transport"),
        "owen-l": ("project", "Project manager (Local Transport)"),
        "priti-k": ("programme", "Programme manager (A-road upgrades)"),
    },
}
ALSO_CUSTOMERS = {"dept-regional-transport": ("gareth-e", "deborah-n")}
"""Office staff who are customers too: the divisional offices use the central hub's services."""
SERVICE_NOTES: dict[tuple[str, str, str], str] = {
    ("brightside-agency", "hannah-w", "FINANCE"):
        "I find out a fixed-fee job is over budget when the invoice goes out.",
    ("brightside-agency", "zoe-k", "RESOURCES"):
        "The schedule is right on Monday and wrong by Wednesday.",
    ("northwind-bank", "amara-o", "BENEFITS"):
        "Nobody can tell me what last year's releases delivered.",
    ("northwind-bank", "olu-b", "BENEFITS"):
        "Benefits are signed off in the business case and never looked at again.",
    ("northwind-bank", "grace-h", "REPORTING"):
        "The monthly pack takes two days of my time and I never see what it is used for.",
    ("northwind-bank", "elena-v", "RESOURCES"):
        "Key people are double-booked across the large programmes.",
    ("dept-regional-transport", "gareth-e", "REPORTING"):
        "We report the same numbers to the hub and to the division in different formats.",
    ("dept-regional-transport", "kwame-a", "BENEFITS"):
        "Benefit profiles stop at the business case; nothing follows them after opening.",
    ("dept-regional-transport", "owen-l", "TOOLS"):
        "Three spreadsheets and a portal for one status update.",
    ("helix-pharma", "mei-l", "RESOURCES"):
        "Capacity models assume people we cannot hire in time.",
    ("helix-pharma", "stefan-k", "KNOWLEDGE"):
        "Lessons from stopped assets stay with the team that stopped them.",
    ("riverside-health", "megan-f", "BENEFITS"):
        "Wards measure benefits their own way, so the figures do not add up.",
    ("riverside-health", "amelia-r", "TRAINING"):
        "Training slots clash with the ward rota, so half my staff learn the system on shift.",
    ("riverside-health", "sanjay-p", "RESOURCES"):
        "Backfill for clinicians on the design days is agreed late or not at all.",
    ("atlas-software", "noah-g", "REPORTING"):
        "Enterprise customers ask for a delivery plan we cannot give them today.",
    ("atlas-software", "jonas-e", "TRAINING"):
        "The coaching is why the playbook is used at all.",
    ("harbour-construction", "martin-c", "ASSURANCE"):
        "Both loss-making contracts looked fine in the monthly figures until they did not.",
    ("harbour-construction", "dean-p", "KNOWLEDGE"):
        "Each job relearns what the last one found out about the same subcontractors.",
}


def services_respondents(org: Org) -> dict[str, tuple[str, str]]:
    """Who answers the services survey in the latest round: (kind of role, role)."""
    latest = org.rounds[-1]
    out = {who: org.people[who] for who in latest.respondents
           if org.people[who][0] in CUSTOMERS or who in ALSO_CUSTOMERS.get(org.id, ())}
    return {**out, **SERVICE_ONLY.get(org.id, {})}


def services_answers(org: Org, who: str, kind: str) -> dict[str, dict[str, str]]:
    """One customer's {importance, satisfaction} ratings of each service, with any note."""
    out: dict[str, dict[str, str]] = {}
    for service, typical in zip(SERVICE_IDS, SERVICE_PROFILES[org.id], strict=True):
        qid = f"SRV-{service}"
        if typical is None:
            out[qid] = {"importance": "na", "satisfaction": "na"}
            continue
        importance = typical[0] + SERVICE_LEANING.get(kind, {}).get(service, 0.0)
        satisfaction = typical[1] + SATISFACTION_BIAS.get(kind, 0.0)
        rated = {
            "importance": importance + 0.5 * gauss(org.id, who, service, "importance"),
            "satisfaction": satisfaction + 0.6 * gauss(org.id, who, service, "satisfaction"),
        }
        answer = {view: str(min(5, max(1, round(value)))) for view, value in rated.items()}
        if kind in ("finance", "member") and chance(org.id, who, service, "unsure") < 0.12:
            answer["satisfaction"] = "dont_know"
        note = SERVICE_NOTES.get((org.id, who, service))
        if note:
            answer["notes"] = note
        out[qid] = answer
    return out


def services_block(version: str, answers: dict[str, dict[str, str]]) -> list[str]:
    lines = [f"  {SERVICES}:", f'    version: "{version}"', "    answers:"]
    for qid, answer in answers.items():
        pairs = ", ".join(  # notes in double quotes: a comma would end a value inside {...}
            f"{key}: {json.dumps(value, ensure_ascii=False) if key == 'notes' else value}"
            for key, value in answer.items())
        lines.append(f"      {qid}: {{{pairs}}}")
    return lines


def services_only_file(org: Org, who: str, role: str, block: list[str]) -> str:
    rnd = org.rounds[-1]
    lines = [
        ANSWERS_SCHEMA,
        f"organisation: {org.id}",
        f"round: {rnd.id}",
        "respondent:",
        f"  id: {who}",
        f"  role: {scalar(role)}",
        f"date: {response_date(org, rnd, who).isoformat()}",
        "questionnaires:",
        *block,
    ]
    return "\n".join(lines) + "\n"


def check_separation() -> None:
    """No organisation's respondent ids, roles, evidence or notes may turn up in another's."""
    texts: dict[str, set[str]] = {}
    for org in ORGANISATIONS:
        mine = set(org.people) | {role for _, role in org.people.values()}
        mine |= {org.name, org.description}
        for rnd in org.rounds:
            mine |= set(rnd.evidence.values())
            mine |= {a[1] for a in rnd.answers.values() if isinstance(a, tuple)}
            if rnd.agreed:
                mine |= {text for a in rnd.agreed.answers.values() for text in a[1:]}
                mine |= {rnd.agreed.facilitator, rnd.agreed.notes}
        texts[org.id] = mine
    for org, mine in texts.items():
        for other, theirs in texts.items():
            for text in mine if other != org else ():
                clash = next((t for t in theirs if text in t), None)
                if clash is not None:
                    raise ValueError(f"{org}'s '{text}' also appears in {other}: '{clash}'")


def main() -> None:
    check_separation()
    qs = {qid: read_questionnaire(qid) for qid in (MATURITY, PMO_TYPE, OPERATING_MODEL)}
    services_version = read_questionnaire(SERVICES).version
    written = 0
    for org in ORGANISATIONS:
        folder = ORGS / org.id
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        (folder / "organisation.yaml").write_text(organisation_file(org), encoding="utf-8")
        written += 1
        for rnd in org.rounds:
            (folder / rnd.id).mkdir()
            customers = services_respondents(org) if rnd is org.rounds[-1] else {}
            for who in rnd.respondents:
                text = response_file(org, rnd, who, qs)
                if who in customers:
                    text += "\n".join(services_block(
                        services_version, services_answers(org, who, customers[who][0]))) + "\n"
                (folder / rnd.id / f"{who}.yaml").write_text(text, encoding="utf-8")
                written += 1
            for who, (kind, role) in SERVICE_ONLY.get(org.id, {}).items():
                if who in customers and who not in rnd.respondents:
                    block = services_block(services_version, services_answers(org, who, kind))
                    (folder / rnd.id / f"{who}.yaml").write_text(
                        services_only_file(org, who, role, block), encoding="utf-8")
                    written += 1
            if rnd.agreed:
                (folder / rnd.id / "agreed.yaml").write_text(
                    agreed_file(org, rnd, qs), encoding="utf-8"
                )
                written += 1
    print(f"Wrote {written} files for {len(ORGANISATIONS)} organisations under {ORGS}.")


if __name__ == "__main__":
    main()
