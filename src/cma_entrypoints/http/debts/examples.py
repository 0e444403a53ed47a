"""OpenAPI examples of the debt routes, built from domain records by the same ``of`` the
handlers use; priority and limitation are the core's own assessment of the example debt."""

from __future__ import annotations

import datetime as dt

from cma_core.debts.limitation import assess_limitation
from cma_core.debts.model import (
    Creditor,
    CreditorId,
    Debt,
    DebtId,
    DebtType,
    EnforcementStage,
    Ownership,
)
from cma_core.debts.ports import CreditorEntry, DebtEntry
from cma_core.debts.priority import classify
from cma_core.debts.service import DebtView, FormatSource, ReferenceFormat
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money
from cma_entrypoints.http.common import examples as ex
from cma_entrypoints.http.debts.schemas import DebtOut, ReferenceFormatOut

DEBT_EXAMPLE = {
    "debt_type": "credit_card",
    "balance_pence": 250000,
    "arrears_pence": 15000,
    "contractual_payment_pence": 7500,
    "ownership": "sole",
    "account_reference": "4929 1234 5678 9012",
    "ccj": False,
    "enforcement_stage": "default_notice",
    "last_payment_date": "2026-09-30",
}

FACTS_EXAMPLE = {
    "jurisdiction": "EW",
    "assets": {
        "owns_property": False,
        "vehicles": [{"description": "2012 Ford Fiesta", "value_pence": 150000}],
        "savings_and_cash_pence": 12000,
        "pensions": [],
        "other_assets": [],
    },
    "insolvency": {"previous": [], "current": {"undischarged_bankrupt": False, "in_iva": False}},
    "residence": {"jurisdiction": "EW", "domiciled": True, "connected_last_3_years": True},
    "unable_to_pay_debts_as_due": True,
}


def debt_example() -> DebtOut:
    debt = Debt(
        id=DebtId(ex.DEBT_ID),
        centre_id=CentreId(ex.CENTRE_ID),
        case_id=CaseId(ex.CASE_ID),
        creditor_id=CreditorId(ex.CREDITOR_ID),
        debt_type=DebtType.CREDIT_CARD,
        balance=Money(250000),
        arrears=Money(15000),
        contractual_payment=Money(7500),
        ownership=Ownership.SOLE,
        account_reference="4929123456789012",
        ccj=False,
        enforcement_stage=EnforcementStage.DEFAULT_NOTICE,
        last_payment_date=dt.date(2026, 9, 30),
    )
    return DebtOut.of(
        DebtView(
            entry=DebtEntry(debt=debt, created_at=ex.EARLIER, updated_at=ex.AT, version=2),
            creditor=CREDITOR.creditor,
            priority=classify(debt),
            limitation=assess_limitation(debt, ex.ON),
            reference_matches=True,
            reference_format=FormatSource.DIRECTORY,
        )
    )


CREDITOR = CreditorEntry(
    creditor=Creditor(
        id=CreditorId(ex.CREDITOR_ID),
        centre_id=CentreId(ex.CENTRE_ID),
        name="Example Bank plc",
        address="Collections, PO Box 1, Leeds LS1 1AA",
        email="collections@bank.example",
        phone="0113 496 0000",
        reference_pattern=r"\d{16}",
    ),
    created_at=ex.EARLIER,
)

DEBT = debt_example()

LEARNED_FORMAT = ReferenceFormatOut.of(
    ReferenceFormat(
        creditor_id=CreditorId(ex.CREDITOR_ID),
        source=FormatSource.LEARNED,
        pattern="[A-Za-z]{2}\\-[0-9]{6}",
        example="AA-999999",
        references=3,
        fits=False,
    )
)
