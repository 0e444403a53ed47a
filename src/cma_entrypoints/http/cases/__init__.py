"""Cases over HTTP: open, list, edit, close, reopen, delete; case notes."""

from cma_entrypoints.http.cases.controllers import CaseController

__all__ = ["CaseController"]
