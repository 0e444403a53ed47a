"""A case's Breathing Space applications (Debt Respite Scheme, SI 2020/1311): the checked
values of one record. The service that stores them is ``casework.registers``.

What is refused here is what cannot be true of any record (a date in the future, a review
before the application, an outcome with no review, a midway review of a crisis
moratorium). What the regulations forbid but did happen (advice after the application, a
fee, a second standard moratorium within 12 months) is stored as given: CR-15…CR-17 then
fail the case with the fix to make, because the record must say what happened.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import field, frozen

from cma_core.casework.model import BsCheck, CreditorReview, MidwayOutcome, MoratoriumKind
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money
from cma_core.shared.service import optional_text

NOTE_MAX = 2000
CREDITOR_MAX = 200
#: Creditors' review requests on one moratorium (a client has at most a few dozen debts).
REVIEWS_MAX = 100


@frozen(kw_only=True)
class BreathingSpaceDetails:
    kind: MoratoriumKind
    applied_on: dt.date
    advice_on: dt.date | None = None
    checks_confirmed: frozenset[BsCheck] = frozenset()
    fee_charged: Money = field(factory=Money.zero)
    previous_standard_ended_on: dt.date | None = None
    midway_review_on: dt.date | None = None
    midway_review_outcome: MidwayOutcome | None = None
    ended_on: dt.date | None = None
    creditor_reviews: tuple[CreditorReview, ...] = ()
    note: str | None = None


def _past(day: dt.date | None, name: str, today: dt.date) -> dt.date | None:
    if day is not None and day > today:
        raise ValidationError(name, "must not be in the future")
    return day


def _after(day: dt.date | None, name: str, start: dt.date, start_name: str) -> None:
    if day is not None and day < start:
        raise ValidationError(name, f"must not be before {start_name}")


def _reviews(
    reviews: tuple[CreditorReview, ...], applied_on: dt.date, today: dt.date
) -> tuple[CreditorReview, ...]:
    if len(reviews) > REVIEWS_MAX:
        raise ValidationError("creditor_reviews", f"must have at most {REVIEWS_MAX} entries")
    out = []
    for i, r in enumerate(reviews):
        at = f"creditor_reviews[{i}]"
        creditor = optional_text(r.creditor)
        if creditor is None:
            raise ValidationError(f"{at}.creditor", "must not be blank")
        if len(creditor) > CREDITOR_MAX:
            raise ValidationError(f"{at}.creditor", f"must be at most {CREDITOR_MAX} characters")
        _past(r.received_on, f"{at}.received_on", today)
        _after(r.received_on, f"{at}.received_on", applied_on, "applied_on")
        _past(r.decided_on, f"{at}.decided_on", today)
        _after(r.decided_on, f"{at}.decided_on", r.received_on, "received_on")
        out.append(
            CreditorReview(creditor=creditor, received_on=r.received_on, decided_on=r.decided_on)
        )
    return tuple(sorted(out, key=lambda r: (r.received_on, r.creditor)))


def breathing_space_values(d: BreathingSpaceDetails, today: dt.date) -> dict[str, Any]:
    """The checked values of a Breathing Space record (``ValidationError`` naming the
    field)."""
    applied = _past(d.applied_on, "applied_on", today)
    assert applied is not None
    for name in ("advice_on", "previous_standard_ended_on"):
        _past(getattr(d, name), name, today)
    for name in ("midway_review_on", "ended_on"):
        _past(getattr(d, name), name, today)
        _after(getattr(d, name), name, applied, "applied_on")
    if d.fee_charged.pence < 0:
        raise ValidationError("fee_charged_pence", "must not be negative")
    if d.midway_review_outcome is not None and d.midway_review_on is None:
        raise ValidationError("midway_review_on", "required with a midway review outcome")
    if d.kind is MoratoriumKind.MENTAL_HEALTH_CRISIS and d.midway_review_on is not None:
        raise ValidationError(
            "midway_review_on", "a mental health crisis moratorium has no midway review"
        )
    note = optional_text(d.note)
    if note is not None and len(note) > NOTE_MAX:
        raise ValidationError("note", f"must be at most {NOTE_MAX} characters")
    return {
        "kind": d.kind,
        "applied_on": applied,
        "advice_on": d.advice_on,
        "checks_confirmed": frozenset(d.checks_confirmed),
        "fee_charged": d.fee_charged,
        "previous_standard_ended_on": d.previous_standard_ended_on,
        "midway_review_on": d.midway_review_on,
        "midway_review_outcome": d.midway_review_outcome,
        "ended_on": d.ended_on,
        "creditor_reviews": _reviews(tuple(d.creditor_reviews), applied, today),
        "note": note,
    }
