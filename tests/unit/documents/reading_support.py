"""What the reading-kinds tests (rounds 17-22, 38-39) share: a page of made-up wording read
as the product reads it by the rules."""

from __future__ import annotations

from cma_adapters.rules_assistant import classifier
from cma_adapters.rules_assistant.assistant import extract, read, refine_class
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_core.documents.model import DocumentClass, Extraction


def one_page(page: list[tuple[Cell, ...]]) -> Sample:
    """A sample of one made-up page (its truth unused: the tests say what they expect)."""
    truth = Truth(document_class=DocumentClass.OTHER)
    return Sample(name="t", family="t", held_out=False, truth=truth, pages=(page,))


def read_by_rules(page: list[tuple[Cell, ...]]) -> Extraction:
    """As the product reads it by the rules (the shipped classifier, no field ranker)."""
    sample = one_page(page)
    return extract(sample_text(sample), sample_pages(sample), classifier.shipped())


def read_as(page: list[tuple[Cell, ...]], cls: DocumentClass) -> Extraction:
    """``page`` read by the rules as ``cls`` (the class given, as an adviser may give it)."""
    sample = one_page(page)
    return extract(sample_text(sample), sample_pages(sample), None, given=cls)


def refined(page: list[tuple[Cell, ...]], cls: DocumentClass) -> DocumentClass:
    """What the cues make of ``page`` read as ``cls`` (as the word model might)."""
    sample = one_page(page)
    text = sample_text(sample)
    reading = read(text, sample_pages(sample), None, given=cls)
    return refine_class(cls, reading.found, text)
