"""Advice over HTTP: advice records, letters and letter templates."""

from cma_entrypoints.http.advice.controllers import CaseAdviceController, LetterTemplateController

__all__ = ["CaseAdviceController", "LetterTemplateController"]
