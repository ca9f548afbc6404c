"""Rules that span keys or files; each returns every problem it finds, none raised."""

from .answers import check_answer_set
from .organisation import check_organisation
from .questionnaire import check_questionnaire

__all__ = [
    "check_answer_set",
    "check_organisation",
    "check_questionnaire",
]
