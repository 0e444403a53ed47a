"""Assets, insolvency history and residence: the facts solution eligibility rests on.

Every fact is optional. ``None`` means *not yet established*, which the options appraisal
reports as "missing: ..." (adviser judgement). It is never read as ``False`` or zero:
"no savings" is ``Money(0)``, "savings not asked about" is ``None``.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from attrs import field, frozen

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

__all__ = [
    "AssetSchedule",
    "CurrentStatus",
    "HomeTenure",
    "InsolvencyHistory",
    "Jurisdiction",
    "OtherAsset",
    "Outcome",
    "PastProcedure",
    "Pension",
    "ProcedureKind",
    "Property",
    "ResidenceFacts",
    "Vehicle",
]


def _non_negative(name: str) -> Callable[[Any, Any, Money | None], None]:
    def check(_: object, __: object, value: Money | None) -> None:
        if value is not None and value.is_negative:
            raise ValidationError(name, "must not be negative")

    return check


class HomeTenure(enum.StrEnum):
    OWNED_OUTRIGHT = "owned_outright"
    MORTGAGED = "mortgaged"


@frozen(kw_only=True)
class Property:
    """A home (or other land) the client owns, alone or jointly.

    ``client_share_percent`` is the client's beneficial share (100 when sole owner).
    """

    tenure: HomeTenure
    value: Money | None = field(default=None, validator=_non_negative("property.value"))
    secured_debts: Money | None = field(
        default=None, validator=_non_negative("property.secured_debts")
    )
    client_share_percent: int | None = None
    is_main_home: bool = True

    def __attrs_post_init__(self) -> None:
        share = self.client_share_percent
        if share is not None and not 0 <= share <= 100:
            raise ValidationError("property.client_share_percent", "must be 0 to 100")

    @property
    def equity(self) -> Money | None:
        """Value minus secured debts (may be negative: negative equity); ``None`` if unknown.

        This is the whole property's equity; the client's share is :attr:`client_equity`.
        """
        if self.value is None:
            return None
        if self.tenure is HomeTenure.OWNED_OUTRIGHT:
            return self.value
        if self.secured_debts is None:
            return None
        return self.value - self.secured_debts

    @property
    def client_equity(self) -> Money | None:
        equity = self.equity
        if equity is None or self.client_share_percent is None:
            return None
        # Floor division keeps pence whole; a penny less equity is the client-safe side.
        return Money(equity.pence * self.client_share_percent // 100)


@frozen(kw_only=True)
class Vehicle:
    """A motor vehicle. ``adapted_for_disability`` matters to DRO-E4; ``work_only`` too."""

    description: str = ""
    value: Money | None = field(default=None, validator=_non_negative("vehicle.value"))
    needed_for_work: bool | None = None
    # Used only for work (e.g. a van that is a tool of trade). Citizens Advice: such a
    # vehicle cannot be the one disregarded for a DRO (DRO-E4) [S].
    work_only: bool | None = None
    adapted_for_disability: bool | None = None
    outstanding_finance: Money | None = field(
        default=None, validator=_non_negative("vehicle.outstanding_finance")
    )


@frozen(kw_only=True)
class Pension:
    description: str = ""
    value: Money | None = field(default=None, validator=_non_negative("pension.value"))
    in_payment: bool | None = None


@frozen(kw_only=True)
class OtherAsset:
    description: str
    value: Money | None = field(default=None, validator=_non_negative("other_asset.value"))


@frozen(kw_only=True)
class AssetSchedule:
    """What the client owns.

    ``owns_property`` is the fact that decides DRO/MAP eligibility; ``properties`` holds
    the details when known. ``vehicles``, ``pensions`` and ``other_assets`` are ``None``
    until asked about; an empty tuple means "asked: none".
    """

    owns_property: bool | None = None
    properties: tuple[Property, ...] = ()
    vehicles: tuple[Vehicle, ...] | None = None
    savings_and_cash: Money | None = field(
        default=None, validator=_non_negative("assets.savings_and_cash")
    )
    pensions: tuple[Pension, ...] | None = None
    other_assets: tuple[OtherAsset, ...] | None = None

    def __attrs_post_init__(self) -> None:
        if self.owns_property is False and self.properties:
            raise ValidationError("assets.properties", "listed but owns_property is false")

    @property
    def is_homeowner(self) -> bool | None:
        if self.properties:
            return True
        return self.owns_property


class ProcedureKind(enum.StrEnum):
    DRO = "dro"
    BANKRUPTCY = "bankruptcy"
    SEQUESTRATION = "sequestration"
    IVA = "iva"
    MAP = "map"
    TRUST_DEED = "trust_deed"
    BREATHING_SPACE = "breathing_space"
    MENTAL_HEALTH_CRISIS_MORATORIUM = "mental_health_crisis_moratorium"
    ADMINISTRATION_ORDER = "administration_order"
    DEBT_ARRANGEMENT_SCHEME = "debt_arrangement_scheme"


class Outcome(enum.StrEnum):
    ONGOING = "ongoing"
    COMPLETED = "completed"
    DISCHARGED = "discharged"
    REVOKED = "revoked"
    FAILED = "failed"
    ANNULLED = "annulled"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


@frozen(kw_only=True)
class PastProcedure:
    """A previous (or current) insolvency procedure or moratorium, with its dates."""

    kind: ProcedureKind
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    outcome: Outcome = Outcome.UNKNOWN

    def __attrs_post_init__(self) -> None:
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError("procedure.ended_on", "must not be before started_on")


@frozen(kw_only=True)
class CurrentStatus:
    """Status flags checked by DRO-E7 and Breathing Space reg 24(3). ``None`` = unknown."""

    undischarged_bankrupt: bool | None = None
    in_iva: bool | None = None
    in_interim_order: bool | None = None
    in_dro: bool | None = None
    in_trust_deed: bool | None = None
    in_map_or_sequestration: bool | None = None
    pending_debtor_petition: bool | None = None
    # DRO-E7 exceptions: a debtor's petition referred to a DRO, or the petitioning creditor
    # consents to the DRO.
    debtor_petition_referred_to_dro: bool | None = None
    pending_creditor_petition: bool | None = None
    petitioning_creditor_consents: bool | None = None
    bro_or_bru: bool | None = None
    drro_or_drru: bool | None = None
    in_breathing_space: bool | None = None
    in_mental_health_crisis_moratorium: bool | None = None


@frozen(kw_only=True)
class InsolvencyHistory:
    """Previous procedures (``None``: not asked) and current status."""

    previous: tuple[PastProcedure, ...] | None = None
    current: CurrentStatus = field(factory=CurrentStatus)

    def of_kind(self, *kinds: ProcedureKind) -> tuple[PastProcedure, ...]:
        return tuple(p for p in (self.previous or ()) if p.kind in kinds)


@frozen(kw_only=True)
class ResidenceFacts:
    """Connection to a jurisdiction. Each flag refers to ``jurisdiction``.

    ``connected_last_3_years``: in the last 3 years lived, had a residence or carried on
    business there (DRO-E5). ``lived_there_last_year``: MAP residence test.
    """

    jurisdiction: Jurisdiction | None = None
    domiciled: bool | None = None
    ordinarily_resident: bool | None = None
    connected_last_3_years: bool | None = None
    lived_there_last_year: bool | None = None
