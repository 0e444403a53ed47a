"""Payment frequencies and the exact conversion of an amount to a monthly figure.

The SFS is monthly. An amount paid at another frequency is converted by the exact ratio
of payments per year to 12 months:

==============  ===================  =====================
frequency       payments per year    monthly = amount x
==============  ===================  =====================
weekly          52                   52 / 12
fortnightly     26                   26 / 12
four-weekly     13                   13 / 12
monthly         12                   1
quarterly       4                    4 / 12
yearly          1                    1 / 12
==============  ===================  =====================

The product is computed in integers (pence x numerator, then divided by 12) and rounded
**half up to the penny** once, at the end: 0.5p and above goes up. Amounts are never
negative (lines are validated first), so "half up" and "half away from zero" agree.
Example: £10.00 weekly = 1000 x 52 / 12 = 4333.33... -> £43.33; £0.03 weekly = 13p
(156 / 12 = 13 exactly); 1p quarterly = 4 / 12 = 0.333p -> 0p; 3p fortnightly = 78 / 12
= 6.5p -> 7p.
"""

from __future__ import annotations

import enum

from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

MONTHS_PER_YEAR = 12


class Frequency(enum.StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "four_weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"

    @property
    def per_year(self) -> int:
        return _PER_YEAR[self]


_PER_YEAR: dict[Frequency, int] = {
    Frequency.WEEKLY: 52,
    Frequency.FORTNIGHTLY: 26,
    Frequency.FOUR_WEEKLY: 13,
    Frequency.MONTHLY: 12,
    Frequency.QUARTERLY: 4,
    Frequency.YEARLY: 1,
}


def to_monthly(amount: Money, frequency: Frequency, *, field: str = "amount") -> Money:
    """Convert ``amount`` paid at ``frequency`` to a monthly amount, half up to the penny.

    Raises:
        ValidationError: ``amount`` is negative (``field`` names it).
    """
    if amount.is_negative:
        raise ValidationError(field, "must not be negative")
    numerator = amount.pence * frequency.per_year
    # Half up: floor((n / 12) + 1/2) == (2n + 12) // 24, all in integers.
    return Money((2 * numerator + MONTHS_PER_YEAR) // (2 * MONTHS_PER_YEAR))
