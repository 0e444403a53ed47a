"""What every layout family's documents must state, by class: the fields the blind-family
tests (``test_blind_family*.py``) check each sample's ground truth for."""

from __future__ import annotations

from cma_core.documents.model import DocumentClass

C = DocumentClass
DEBT = ("creditor_name", "account_reference", "balance_pence", "letter_date")
INCOME = ("payer_name", "income_pence", "letter_date", "frequency")
YIELDS: dict[DocumentClass, tuple[str, ...]] = {
    C.COURT_CLAIM_N1: (*DEBT, "court_claim_number"),
    C.COUNTY_COURT_JUDGMENT: (*DEBT, "court_claim_number"),
    C.NOTICE_OF_ASSIGNMENT: (*DEBT, "original_creditor"),
    C.PAYSLIP: (*INCOME, "gross_pence"),
    C.BENEFIT_AWARD: INCOME,
    C.BANK_STATEMENT: ("letter_date",),
    C.OTHER: (),
}
"""The classes that differ from a debt letter's four fields (``DEBT``)."""
