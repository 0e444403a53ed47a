"""Which recorded debt a letter is about, by its account reference: the whole reference
written another way, or only its last characters (masked, or "ending 4411") when one debt
alone ends in them."""

from __future__ import annotations

import uuid

import pytest

from cma_core.documents.rules import RecordedDebt, recorded_debt_for
from cma_core.shared.money import Money


def debt(reference: str | None) -> RecordedDebt:
    return RecordedDebt(id=uuid.uuid4(), account_reference=reference, balance=Money(10_000))


CARD = debt("4929 0000 0000 4411")
LOAN = debt("LD-20931")
MASKED = debt("************7720")
NONE = debt(None)
DEBTS = (CARD, LOAN, MASKED, NONE)


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("4929000000004411", CARD),  # the whole number, spaced differently
        ("ld 20931", LOAN),
        ("ENDING 4411", CARD),  # only its last figures
        ("account ending in 4411", CARD),
        ("xxxx xxxx xxxx 4411", CARD),
        ("************4411", CARD),
        ("5500 1111 2222 7720", MASKED),  # the recorded one is masked, the letter's whole
        ("XXXX7720", MASKED),  # both masked
        ("ENDING 9999", None),
        ("20931", None),  # a whole reference is not a tail: no guessing
        ("", None),
    ],
)
def test_a_letter_is_matched_to_the_debt_its_reference_names(
    reference: str, expected: RecordedDebt | None
) -> None:
    assert recorded_debt_for(reference, DEBTS) is expected


def test_two_debts_ending_alike_match_neither() -> None:
    other = debt("5500 0000 0000 4411")
    assert recorded_debt_for("ending 4411", (CARD, other)) is None
    # a whole reference still finds its own debt among them
    assert recorded_debt_for("5500000000004411", (CARD, other)) is other


@pytest.mark.parametrize(
    ("reference", "shown"),
    [
        ("ENDING 4411", "ref ending 4411"),
        ("************4411", "ref ending 4411"),
        ("LD-20931", "ref LD-20931"),
    ],
)
def test_an_update_names_a_reference_given_by_its_last_figures_as_a_letter_does(
    reference: str, shown: str
) -> None:
    from cma_core.documents import rules

    title = rules._update_title("Northern Bank", reference, Money(231_044), Money(250_544))
    assert title == f"Update debt: Northern Bank, {shown}: £2,310.44 → £2,505.44"
