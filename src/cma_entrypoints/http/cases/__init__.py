"""Cases over HTTP: open, list, edit, close, reopen, delete; case notes; the timeline."""

from cma_entrypoints.http.cases.controllers import CaseController
from cma_entrypoints.http.cases.timeline import CaseTimelineController

__all__ = ["CaseController", "CaseTimelineController"]
