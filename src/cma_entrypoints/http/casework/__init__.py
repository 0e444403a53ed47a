"""Casework over HTTP: contact log, first-contact checklist, screenings, credit reports,
eligibility decisions."""

from cma_entrypoints.http.casework.controllers import (
    CaseContactController,
    CaseCreditController,
    CaseworkGuideController,
)

__all__ = ["CaseContactController", "CaseCreditController", "CaseworkGuideController"]
