"""The audit trail over HTTP."""

from cma_entrypoints.http.audit.controllers import AuditController

__all__ = ["AuditController"]
