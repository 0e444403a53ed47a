from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cma_core.budgets.frequency import Frequency, to_monthly
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money


@pytest.mark.parametrize(
    ("pence", "freq", "monthly"),
    [
        (1000, Frequency.WEEKLY, 4333),  # 4333.33
        (3, Frequency.WEEKLY, 13),  # exactly 13
        (3, Frequency.FORTNIGHTLY, 7),  # 6.5 -> half up
        (1, Frequency.FORTNIGHTLY, 2),  # 2.1666
        (1, Frequency.QUARTERLY, 0),  # 0.333
        (2, Frequency.QUARTERLY, 1),  # 0.666
        (6, Frequency.YEARLY, 1),  # 0.5 -> half up
        (5, Frequency.YEARLY, 0),  # 0.4166
        (100, Frequency.FOUR_WEEKLY, 108),  # 108.33
        (6, Frequency.FOUR_WEEKLY, 7),  # 6.5 -> half up
        (12345, Frequency.MONTHLY, 12345),
        (0, Frequency.WEEKLY, 0),
        (15000, Frequency.YEARLY, 1250),
    ],
)
def test_conversion_examples(pence: int, freq: Frequency, monthly: int) -> None:
    assert to_monthly(Money(pence), freq) == Money(monthly)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(list(Frequency)))
def test_conversion_is_exact_ratio_rounded_half_up(pence: int, freq: Frequency) -> None:
    exact = Fraction(pence * freq.per_year, 12)
    got = to_monthly(Money(pence), freq).pence
    assert abs(Fraction(got) - exact) <= Fraction(1, 2)
    # half up: a fraction of exactly one half goes up
    if exact - int(exact) == Fraction(1, 2):
        assert got == int(exact) + 1


def test_negative_amount_rejected_naming_the_field() -> None:
    with pytest.raises(ValidationError) as exc:
        to_monthly(Money(-1), Frequency.WEEKLY, field="lines.rent.amount")
    assert exc.value.field == "lines.rent.amount"
