"""How sure the shipped reader is that a paper is about a debt, whichever kind of debt
letter (``Extraction.debt_confidence``; ``classifier.Model.group_confidence``). Texts here
are made up; no corpus family uses them."""

from __future__ import annotations

import math

import pytest

from cma_adapters.rules_assistant import classifier
from cma_adapters.rules_assistant.assistant import extract
from cma_core.documents.rules import DEBT_CLASSES

MODEL = classifier.shipped()
DEBT = {c.value for c in DEBT_CLASSES}


def _probabilities(scores: dict[str, float]) -> dict[str, float]:
    total = sum(math.exp(s / MODEL.temperature) for s in scores.values())
    return {c: math.exp(s / MODEL.temperature) / total for c, s in scores.items()}


def test_a_group_is_surer_than_either_of_two_classes_split_within_it() -> None:
    split = _probabilities({"creditor_letter": 5.0, "bnpl_catalogue_arrears": 4.9, "payslip": 1.0})
    one = MODEL.confidence([5.0, 4.9, 1.0], split["creditor_letter"])
    group = MODEL.group_confidence(split, DEBT)
    assert one < 0.5 < group
    # the same margin, read for the group, as the model reads it for a class
    assert group == pytest.approx(MODEL.confidence([5.0, 1.0], 0.0))


def test_a_group_whose_best_class_loses_is_not_sure_at_all() -> None:
    payslip = _probabilities({"creditor_letter": 2.0, "payslip": 6.0})
    assert MODEL.group_confidence(payslip, DEBT) == 0.0
    assert MODEL.group_confidence(payslip, {"payslip", "creditor_letter"}) == 1.0
    assert MODEL.group_confidence(payslip, {"court_claim_n1"}) == 0.0


@pytest.mark.parametrize(
    ("text", "sure"),
    [
        (
            "Kestrelmoor Home Shopping\nYour catalogue account is in arrears\n"
            "Account number KH 4471 0093\nArrears £86.40  Balance £612.75\n"
            "Please pay the arrears by 20 December 2026 or call us to agree a plan.",
            True,
        ),
        (
            "Ashwick Engineering Ltd  PAYSLIP\nEmployee: J Smith  Pay date 28/11/2026\n"
            "Basic pay 1,950.00  Tax 182.40  NI 96.12\nNet pay 1,671.48",
            False,
        ),
    ],
)
def test_the_reader_says_how_sure_it_is_of_a_debt(text: str, sure: bool) -> None:
    got = extract(text, [], MODEL)
    assert got.debt_confidence is not None
    assert (got.debt_confidence >= 0.6) is sure
    assert got.debt_confidence >= got.confidence or got.document_class.value not in DEBT
