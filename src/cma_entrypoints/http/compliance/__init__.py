"""Compliance over HTTP: case findings, the centre report, QA sampling and reviews, policy."""

from cma_entrypoints.http.compliance.controllers import (
    CaseComplianceController,
    ComplianceController,
    PolicyController,
)

__all__ = ["CaseComplianceController", "ComplianceController", "PolicyController"]
