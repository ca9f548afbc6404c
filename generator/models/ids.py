"""The ids of the bundled questionnaires that the stages after loading rely on."""

MATURITY_ID = "p3o-maturity"
TYPE_ID = "pmo-type"
MODEL_ID = "operating-model"
"""The bundled questionnaires whose results drive roadmaps, by id (a workspace may replace
their content but keeps their ids)."""
SERVICES_ID = "pmo-services"
"""The services survey whose question ids actions name under `services:`."""
