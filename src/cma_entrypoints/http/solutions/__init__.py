"""Solutions over HTTP: options appraisals and offer plans."""

from cma_entrypoints.http.solutions.controllers import AppraisalController

__all__ = ["AppraisalController"]
