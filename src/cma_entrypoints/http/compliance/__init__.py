"""Compliance over HTTP: case findings, the centre report, QA sampling and reviews, policy."""

from cma_entrypoints.http.compliance.controllers import (
    CaseComplianceController,
    ComplianceController,
    PolicyController,
)
from cma_entrypoints.http.compliance.history import ComplianceHistoryController

__all__ = [
    "CaseComplianceController",
    "ComplianceController",
    "ComplianceHistoryController",
    "PolicyController",
]
