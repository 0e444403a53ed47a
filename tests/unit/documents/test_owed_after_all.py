"""A letter the word model reads as "other" but which asks for an amount owed by a date is
a debt letter however sure the model is (round 37); without a date to pay by, only where
the model's "other" is a guess. The model's confidence is given here, so these tests do
not move with a retrained model."""

from __future__ import annotations

import datetime as dt

import pytest

from cma_adapters.rules_assistant.assistant import _UNSURE, _owed_after_all
from cma_adapters.rules_assistant.values import Candidate
from cma_core.documents.model import DocumentClass as C

PROBABILITIES = {"other": 0.7, "creditor_letter": 0.2, "council_tax": 0.1}
OWED = "You owe us £1,234.56 for Self Assessment. You must pay the full amount by 26 November 2026."


def _found(*, deadline: bool) -> dict[str, list[Candidate]]:
    def c(field: str, value: object, shown: str) -> Candidate:
        return Candidate(
            field=field,
            value=value,
            shown=shown,
            page=1,
            box=None,
            label=None,
            role=None,
            score=1.0,
        )

    found = {"balance_pence": [c("balance_pence", 123456, "£1,234.56")]}
    if deadline:
        found["deadline_date"] = [c("deadline_date", dt.date(2026, 11, 26), "26 November 2026")]
    return found


@pytest.mark.parametrize("confidence", [0.3, 0.69, 0.99])
def test_an_amount_owed_by_a_date_is_a_debt_however_sure_the_model_is(confidence: float) -> None:
    got = _owed_after_all(C.OTHER, confidence, PROBABILITIES, _found(deadline=True), OWED)
    assert got is C.CREDITOR_LETTER


def test_without_a_date_to_pay_by_only_a_guess_is_overruled() -> None:
    text = "You owe us £1,234.56 for Self Assessment."
    found = _found(deadline=False)
    assert _owed_after_all(C.OTHER, _UNSURE - 0.1, PROBABILITIES, found, text) is C.CREDITOR_LETTER
    assert _owed_after_all(C.OTHER, _UNSURE + 0.1, PROBABILITIES, found, text) is C.OTHER


@pytest.mark.parametrize(
    "text",
    [
        # (guards) it says it asks for nothing, or that the debt is settled
        OWED + " This is not a demand for payment.",
        "The £1,234.56 you owed has been paid in full. Nothing more to pay by 26 November 2026.",
    ],
)
def test_a_letter_that_asks_for_nothing_stays_other_when_the_model_is_sure(text: str) -> None:
    assert _owed_after_all(C.OTHER, 0.9, PROBABILITIES, _found(deadline=True), text) is C.OTHER
