"""Casework over HTTP: contact log, first-contact checklist, screenings, credit reports,
eligibility decisions."""

from cma_entrypoints.http.casework.controllers import (
    CaseContactController,
    CaseworkGuideController,
)
from cma_entrypoints.http.casework.credit import CaseCreditController

__all__ = ["CaseContactController", "CaseCreditController", "CaseworkGuideController"]
