"""The rules reader never fails on what a page may hold. Read from its text alone (the
worker's second try at a document whose first reading was deferred; the OpenAI stand-in's
benchmark), a line with no letter or digit ("-----", "•", "|") is an empty row, and the
round-22 employer rule took the first cell of every head row: IndexError. Found by the
stand-in's benchmark on a blind family's masked text (aggregates only)."""

from __future__ import annotations

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.structures import plain_letterhead
from cma_core.documents.model import DocumentClass, PageText

TEXT = "Fellgate Veterinary Practice\nPAYSLIP\nPay date 27 November 2026\nNet pay £1,742.60"


@pytest.mark.parametrize("rule", ["-----", "———", "•", "|"])
def test_a_line_of_no_letters_is_an_empty_row_passed_over(rule: str) -> None:
    layout = page_layout(PageText(number=1, text=f"{rule}\n{TEXT}", confidence=1.0))
    assert layout.rows[0] == ()  # what the old rule took the first cell of
    assert plain_letterhead([layout]) == []  # passed over (the name is below the head)


async def test_a_payslip_read_from_its_text_alone_under_a_rule() -> None:
    read = await RuleBasedAssistant().classify_and_extract(f"-----\n{TEXT}")
    assert read.document_class is DocumentClass.PAYSLIP
    assert read.income_pence == 174260


async def test_a_fault_of_the_reader_is_a_reply_it_cannot_use_not_a_crash(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A bug in the rules (as the IndexError above was) leaves the document for the
    adviser, as a reply the port cannot use: the worker keeps it unclassified with its
    text, HTTP answers 502; the traceback goes to the log only."""
    from cma_adapters.rules_assistant import assistant as rules
    from cma_core.documents.errors import AssistantReplyInvalid

    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("tuple index out of range")

    monkeypatch.setattr(rules, "extract", broken)
    with pytest.raises(AssistantReplyInvalid, match=r"could not read this document \(IndexError\)"):
        await RuleBasedAssistant().classify_and_extract(TEXT)
    assert "the rules reader failed" in caplog.text
