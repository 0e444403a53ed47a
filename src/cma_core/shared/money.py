"""Money as integer pence. Never a float."""

from __future__ import annotations

from attrs import frozen

from cma_core.shared.errors import ValidationError

#: The largest amount anyone may enter: £100,000,000. Far above any household's debt or
#: income, and small enough that a case's totals stay exact in a 64-bit column and in
#: the SFS export (10^20 pence once reached the export as a 500).
MAX_PENCE = 10_000_000_000


@frozen(order=True)
class Money:
    """An amount in pence (GBP). Arithmetic stays in integers so totals are exact."""

    pence: int

    def __attrs_post_init__(self) -> None:
        if isinstance(self.pence, bool) or not isinstance(self.pence, int):
            raise TypeError("Money is integer pence")

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def of(cls, pence: int, *, field: str = "amount", allow_negative: bool = False) -> Money:
        """Build from user input, raising ``ValidationError`` naming ``field`` when invalid."""
        if isinstance(pence, bool) or not isinstance(pence, int):
            raise ValidationError(field, "must be a whole number of pence")
        if pence < 0 and not allow_negative:
            raise ValidationError(field, "must not be negative")
        if abs(pence) > MAX_PENCE:
            raise ValidationError(field, f"must be at most {MAX_PENCE} pence (£100m)")
        return cls(pence)

    def __add__(self, other: Money) -> Money:
        return Money(self.pence + other.pence)

    def __sub__(self, other: Money) -> Money:
        return Money(self.pence - other.pence)

    def __neg__(self) -> Money:
        return Money(-self.pence)

    @property
    def is_negative(self) -> bool:
        return self.pence < 0

    def __str__(self) -> str:
        sign = "-" if self.pence < 0 else ""
        pounds, pence = divmod(abs(self.pence), 100)
        return f"{sign}£{pounds:,}.{pence:02d}"
