"""Repayment offers: priority debts first, then pro rata to non-priority creditors.

Priority creditors are negotiated with one by one, not pro rata [S: CPAG]; their offers are
the adviser's figures and must total no more than ``available_for_priority`` (CR-10).
What is left, ``available_for_non_priority``, is shared between non-priority creditors in
proportion to their balances [S: moneyadvicehub] (CR-11)::

    offer_i = available × balance_i / Σ balance_j

**Remainder rule (largest remainder, Hamilton method).** Each creditor first gets the
exact share rounded *down* to the penny. The pennies left over (fewer than the number of
creditors) go one each to the creditors with the largest discarded fractions; ties go to
the larger balance, then to the creditor listed first. So every offer is within 1p of its
exact share and the offers add up to exactly the amount available - never more.

Worked example (UK-DEBT-ADVICE §4): £100 over £500, £1,000, £233, £200 gives exact shares
25.866, 51.733, 12.053, 10.346; floors 25.86, 51.73, 12.05, 10.34 leave 2p, which go to
the two largest fractions (0.66p for £200, 0.65p for £500): £25.87, £51.73, £12.05, £10.35.

When nothing is available for non-priority creditors, :func:`plan_offers` proposes token
payments (£1 a month per creditor by default [S: UK-DEBT-ADVICE §1.6]) instead. A budget
in *deficit* (less than nothing available) is not a nil budget: no token offers unless the
adviser asks for them, the shortfall on the plan, and the deficit options as notes
(:mod:`cma_core.budgets.deficit`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Hashable, Sequence
from typing import Generic, TypeVar

from attrs import frozen

from cma_core.budgets.deficit import deficit_of
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import Param, ThresholdTable, default_thresholds
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

#: What identifies a creditor's share (a debt id in the service; anything hashable).
K = TypeVar("K", bound=Hashable)


@frozen
class Share(Generic[K]):
    """A creditor's claim in a pro-rata split: an identifier and the balance owed."""

    key: K
    balance: Money


class OfferKind(enum.StrEnum):
    PRO_RATA = "pro_rata"
    TOKEN = "token"  # noqa: S105 - a token payment, not a secret
    PRIORITY = "priority"


@frozen(kw_only=True)
class Offer(Generic[K]):
    key: K
    amount: Money
    kind: OfferKind


def pro_rata(available: Money, shares: Sequence[Share[K]]) -> tuple[Offer[K], ...]:
    """Split ``available`` pro rata to balance, penny-exact (largest-remainder rule).

    Offers come back in the order of ``shares``. Zero balances get zero.

    Raises:
        ValidationError: ``available`` or a balance is negative.
    """
    if available.is_negative:
        raise ValidationError("available", "must not be negative")
    for i, share in enumerate(shares):
        if share.balance.is_negative:
            raise ValidationError(f"shares[{i}].balance", "must not be negative")
    total = sum(s.balance.pence for s in shares)
    if total == 0 or available.pence == 0:
        return tuple(Offer(key=s.key, amount=Money(0), kind=OfferKind.PRO_RATA) for s in shares)
    # A pro-rata split never pays a creditor more than it is owed.
    pot = min(available.pence, total)
    floors: list[int] = []
    fractions: list[int] = []
    for s in shares:
        whole, frac = divmod(pot * s.balance.pence, total)
        floors.append(whole)
        fractions.append(frac)
    left = pot - sum(floors)
    order = sorted(range(len(shares)), key=lambda i: (-fractions[i], -shares[i].balance.pence, i))
    for i in order[:left]:
        floors[i] += 1
    return tuple(
        Offer(key=s.key, amount=Money(p), kind=OfferKind.PRO_RATA)
        for s, p in zip(shares, floors, strict=True)
    )


def token_offers(shares: Sequence[Share[K]], per_creditor: Money) -> tuple[Offer[K], ...]:
    """A token payment to every creditor still owed something."""
    return tuple(
        Offer(
            key=s.key,
            amount=per_creditor if s.balance.pence > 0 else Money(0),
            kind=OfferKind.TOKEN,
        )
        for s in shares
    )


@frozen(kw_only=True)
class OfferPlan(Generic[K]):
    available_for_priority: Money
    priority_offers: tuple[Offer[K], ...]
    total_priority_offers: Money
    available_for_non_priority: Money
    non_priority_offers: tuple[Offer[K], ...]
    uses_token_payments: bool
    notes: tuple[str, ...]
    shortfall: Money | None = None  # the budget's monthly deficit, if it is in deficit


def plan_offers(
    *,
    available_for_priority: Money,
    priority_offers: Sequence[tuple[K, Money]],
    non_priority: Sequence[Share[K]],
    jurisdiction: Jurisdiction,
    on_date: dt.date,
    table: ThresholdTable | None = None,
    tokens_in_deficit: bool = False,
) -> OfferPlan[K]:
    """Priority offers first, then pro rata (or token payments) to non-priority creditors.

    Args:
        available_for_priority: from the budget (may be negative: a deficit).
        priority_offers: the adviser's offer to each priority creditor.
        non_priority: balances of the non-priority debts, in creditor order.
        jurisdiction: for the token payment amount in force.
        on_date: date of the plan, for the token payment amount in force.
        table: thresholds (defaults to the shipped table).
        tokens_in_deficit: propose token payments even though the budget is in deficit
            (by default a deficit budget offers non-priority creditors nothing).

    Raises:
        ValidationError: a priority offer is negative (``priority_offers[i]``), or the
            priority offers exceed what is available for them (``priority_offers``, CR-10).
    """
    thresholds = table or default_thresholds()
    prio: list[Offer[K]] = []
    for i, (key, amount) in enumerate(priority_offers):
        if amount.is_negative:
            raise ValidationError(f"priority_offers[{i}]", "must not be negative")
        prio.append(Offer(key=key, amount=amount, kind=OfferKind.PRIORITY))
    total_prio = Money(sum(o.amount.pence for o in prio))
    if total_prio.pence > max(available_for_priority.pence, 0):
        raise ValidationError(
            "priority_offers",
            f"total {total_prio} exceeds the {available_for_priority} available for priority "
            "debts (CR-10)",
        )
    remaining = available_for_priority - total_prio
    notes: list[str] = []
    deficit = deficit_of(available_for_priority, jurisdiction)
    if remaining.pence > 0:
        offers = pro_rata(remaining, non_priority)
        uses_token = False
    elif deficit is not None and not tokens_in_deficit:
        offers = ()
        uses_token = False
        notes.append(f"{deficit.message}: no offers to non-priority creditors")
        notes.extend(str(n) for n in deficit.notes)
    else:
        token = thresholds.value_in_force(jurisdiction, Param.TOKEN_PER_CREDITOR_MONTHLY, on_date)
        offers = token_offers(non_priority, Money(token.value))
        uses_token = bool(non_priority)
        if uses_token:
            notes.append(
                f"nothing available for non-priority debts: token payments of "
                f"{token.display_value()} a month per creditor ({token.citation()}); "
                "review, or consider a payment holiday"
            )
    return OfferPlan(
        available_for_priority=available_for_priority,
        priority_offers=tuple(prio),
        total_priority_offers=total_prio,
        available_for_non_priority=remaining,
        non_priority_offers=offers,
        uses_token_payments=uses_token,
        notes=tuple(notes),
        shortfall=deficit.shortfall if deficit else None,
    )
