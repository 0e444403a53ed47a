"""Money: integer pence, exact arithmetic, validated construction from input."""

from __future__ import annotations

import pytest

from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money


def test_arithmetic_stays_in_whole_pence() -> None:
    assert Money(1050) + Money(250) == Money(1300)
    assert Money(1050) - Money(2000) == Money(-950)
    assert -Money(5) == Money(-5)
    assert Money.zero() == Money(0)
    # Ten lots of 10p are exactly £1, unlike 0.1 as a float.
    total = Money.zero()
    for _ in range(10):
        total += Money(10)
    assert total == Money(100)


def test_ordering_and_sign() -> None:
    assert Money(1) > Money(0) > Money(-1)
    assert Money(-1).is_negative
    assert not Money(0).is_negative
    assert sorted([Money(3), Money(-2), Money(1)]) == [Money(-2), Money(1), Money(3)]


@pytest.mark.parametrize(
    ("pence", "text"),
    [(0, "£0.00"), (5, "£0.05"), (123456, "£1,234.56"), (-250, "-£2.50"), (100, "£1.00")],
)
def test_str_is_pounds_and_pence(pence: int, text: str) -> None:
    assert str(Money(pence)) == text


@pytest.mark.parametrize("bad", [1.5, 10.0, "100", True, None])
def test_constructor_refuses_anything_but_int(bad: object) -> None:
    with pytest.raises(TypeError):
        Money(bad)  # type: ignore[arg-type]


def test_of_validates_input_and_names_the_field() -> None:
    assert Money.of(199) == Money(199)
    assert Money.of(-5, allow_negative=True) == Money(-5)
    with pytest.raises(ValidationError) as negative:
        Money.of(-5, field="rent")
    assert negative.value.field == "rent"
    with pytest.raises(ValidationError) as fractional:
        Money.of(9.99, field="rent")  # type: ignore[arg-type]
    assert fractional.value.field == "rent"
    with pytest.raises(ValidationError):
        Money.of(False)


def test_money_is_immutable() -> None:
    amount = Money(1)
    with pytest.raises(AttributeError):
        amount.pence = 2  # type: ignore[misc]
