"""OpenAPI examples of the casework responses, built from domain records by the same
``of`` the handlers use (so an example cannot drift from what is sent)."""

from __future__ import annotations

import datetime as dt
import uuid

from cma_core.casework.catalogue import first_contact_checklist, screening_guide
from cma_core.casework.model import (
    Channel,
    ChecklistRecord,
    Contact,
    CreditLine,
    CreditReport,
    Direction,
    EligibilityRecord,
    LineDecision,
    OptionDecision,
    Party,
    Purpose,
    ReportSource,
    Screening,
    Tick,
)
from cma_core.casework.service import ChecklistView, ScreeningView
from cma_core.debts.model import DebtType
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import Solution
from cma_entrypoints.http.casework.schemas import (
    CatalogueOut,
    ChecklistOut,
    ContactOut,
    CreditReportOut,
    EligibilityOut,
    GuideOut,
    ScreeningOut,
)
from cma_entrypoints.http.common import examples as ex

_CENTRE = CentreId(ex.CENTRE_ID)
_CASE = CaseId(ex.CASE_ID)
_BY = UserId(ex.ADVISER_ID)
_AT = dt.datetime(2026, 11, 28, 10, 15, tzinfo=dt.UTC)

CONTACT = ContactOut.of(
    Contact(
        id=uuid.UUID("5b6c7d8e-9f00-4112-8334-455667788990"),
        centre_id=_CENTRE,
        case_id=_CASE,
        at=_AT,
        channel=Channel.PHONE,
        direction=Direction.INBOUND,
        party=Party.CLIENT,
        with_whom="Client",
        summary="First call: council tax arrears and a bailiff letter; booked a full appointment.",
        purpose=Purpose.FIRST_CONTACT,
        created_at=_AT,
        created_by=_BY,
        updated_at=_AT,
    )
)

_TICKS = (
    Tick(item="privacy_notice", done_at=_AT, by=_BY),
    Tick(item="service_information", done_at=_AT, by=_BY),
    Tick(item="lawful_basis", done_at=_AT, by=_BY, value="legitimate_interests"),
)
CHECKLIST = ChecklistOut.of(
    ChecklistView(
        record=ChecklistRecord(
            id=_CASE,
            centre_id=_CENTRE,
            case_id=_CASE,
            checklist_version=first_contact_checklist().version,
            ticks=_TICKS,
            created_at=_AT,
            updated_at=_AT,
            version=3,
        ),
        missing=("authority_to_act",),
    )
)
CATALOGUE = CatalogueOut.of(first_contact_checklist())
GUIDE = GuideOut.of(screening_guide())

SCREENING = ScreeningOut.of(
    ScreeningView(
        screening=Screening(
            id=uuid.UUID("6c7d8e9f-0011-4223-9445-566778899001"),
            centre_id=_CENTRE,
            case_id=_CASE,
            on=_AT.date(),
            guide_version=screening_guide().version,
            drivers=("health", "life_events"),
            answers={"idea_impact": "Struggles to open post during low periods."},
            adjustments=("Phone calls rather than letters", "Extra time to decide"),
            created_at=_AT,
            created_by=_BY,
            updated_at=_AT,
        )
    )
)

REPORT = CreditReportOut.of(
    CreditReport(
        id=uuid.UUID("7d8e9f00-1122-4334-a556-677889900112"),
        centre_id=_CENTRE,
        case_id=_CASE,
        agency="Experian",
        report_on=dt.date(2026, 11, 20),
        checked_on=_AT.date(),
        source=ReportSource.CSV,
        filename="experian-statutory.csv",
        lines=(
            CreditLine(
                line=1,
                lender="Example Bank",
                account_number="4929000000001234",
                account_type="Credit Card",
                balance=Money(123456),
                status="default",
                default_on=dt.date(2025, 3, 1),
                suggested_type=DebtType.CREDIT_CARD,
                decision=LineDecision.ACCEPTED,
                debt_id=ex.DEBT_ID,
                decided_by=_BY,
                decided_at=_AT,
            ),
            CreditLine(
                line=2,
                lender="Mail Order Ltd",
                account_number="88120033",
                account_type="Mail Order",
                balance=Money(34000),
                status="2 months in arrears",
                suggested_type=DebtType.CATALOGUE,
            ),
        ),
        created_at=_AT,
        created_by=_BY,
        updated_at=_AT,
        version=2,
    )
)

ELIGIBILITY = EligibilityOut.of(
    EligibilityRecord(
        id=_CASE,
        centre_id=_CENTRE,
        case_id=_CASE,
        decisions=(
            OptionDecision(
                solution=Solution.IVA,
                eligible=False,
                reason="Income is benefits only; no surplus for a 5-year arrangement.",
                by=_BY,
                at=_AT,
            ),
        ),
        created_at=_AT,
        updated_at=_AT,
    )
)
