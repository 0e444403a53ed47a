"""Demo documents: letters the demo clients brought in, filed on adviser1's open cases.

Each is a typed letter as a PDF with a text layer (made here with fpdf2, the letters
adapter's PDF library), uploaded through the documents service like any upload, so the
same background reading (the PDF's text layer: no OCR, so no Tesseract on the embedded
default), classification and suggestions happen as for a real one. An adviser trying the
demo finds each letter read, its suggestions waiting, and the boxes where each value was
read — without uploading anything first.

Dates are relative to the day the demo is seeded, so the deadlines the letters set are
always ahead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from attrs import frozen

from cma_core.identity.model import TenantContext
from cma_core.shared.ids import CaseId
from cma_core.shared.time import long_date

if TYPE_CHECKING:
    from cma_entrypoints.container import Container


@frozen
class DemoLetter:
    case: int
    """Index in ``demo.CASES`` of the case it is filed on."""
    filename: str
    lines: Callable[[str, Sequence[str], dt.date], Sequence[str]]
    """The letter's lines, from the client's name, address lines and the seeding day."""


def _catalogue_arrears(name: str, address: Sequence[str], today: dt.date) -> Sequence[str]:
    return (
        "Very Catalogue Ltd",
        "Customer Accounts, Unit 4 Aire Park, Leeds LS10 1JD",
        "",
        name,
        *address,
        "",
        f"Date: {long_date(today - dt.timedelta(days=3))}",
        "Account number: VC-88120033",
        "",
        f"Dear {name},",
        "",
        "Your account is in arrears",
        "We have not received your last three payments. The outstanding balance on your",
        "account is now £648.15, including charges for the missed payments.",
        "Please pay the arrears of £96.00 or contact us by "
        f"{long_date(today + dt.timedelta(days=11))}",
        "to agree an arrangement. If you do not, we may default your account.",
        "",
        "Yours sincerely,",
        "Customer Accounts Team, Very Catalogue Ltd",
    )


def _claim_form(name: str, address: Sequence[str], today: dt.date) -> Sequence[str]:
    return (
        "Claim Form",
        "In the County Court Business Centre",
        "",
        "Claim number: K4NB7731",
        f"Issue date: {long_date(today - dt.timedelta(days=8))}",
        "",
        "Claimant: Northern Bank plc, 1 Park Row, Leeds LS1 5AB",
        f"Defendant: {name}, {', '.join(address)}",
        "",
        "Brief details of claim",
        "The claimant claims the balance due under a credit card agreement,",
        "account ending 4411, which the defendant has failed to pay.",
        "",
        "Amount claimed £2,310.44",
        "Court fee £115.00",
        "Legal representative's costs £80.00",
        "Total amount £2,505.44",
    )


def _enforcement_notice(name: str, address: Sequence[str], today: dt.date) -> Sequence[str]:
    return (
        "Calder Enforcement Services Ltd",
        "Certificated enforcement agents, 12 Westgate, Wakefield WF1 1JY",
        "",
        name,
        *address,
        "",
        "NOTICE OF ENFORCEMENT",
        f"Date: {long_date(today - dt.timedelta(days=1))}",
        "Our reference: CES-6619204",
        "On behalf of: Leeds City Council (unpaid penalty charge notice LS40918832)",
        "",
        "The council has registered the unpaid parking penalty with the Traffic Enforcement",
        "Centre and instructed us to collect it.",
        "Amount outstanding: £195.00",
        "Compliance fee: £75.00",
        "Total now due: £270.00",
        "",
        f"You must pay the total due by {long_date(today + dt.timedelta(days=8))}. If you do not,",
        "an enforcement agent may visit and take control of your goods, and further fees",
        "will be added.",
    )


#: Filed on adviser1's open cases: the catalogue debt and the bank's claim on the first
#: (Amira Khan's), an enforcement agent's notice for a parking penalty not yet on the case
#: on the second (Ben Hughes's: "bailiff letter received for parking fines; urgent").
LETTERS: tuple[DemoLetter, ...] = (
    DemoLetter(0, "very-catalogue-arrears.pdf", _catalogue_arrears),
    DemoLetter(0, "claim-form-northern-bank.pdf", _claim_form),
    DemoLetter(1, "notice-of-enforcement.pdf", _enforcement_notice),
)


def letter_pdf(lines: Sequence[str]) -> bytes:
    """A one-page A4 letter with a text layer (fpdf2's core Helvetica, Latin-1: "£")."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


async def file_letters(
    container: Container,
    ctx: TenantContext,
    case_ids: Sequence[CaseId],
    clients: Sequence[tuple[str, Sequence[str]]],
    case_clients: Sequence[int],
) -> int:
    """Upload ``LETTERS`` as ``ctx`` (the adviser) on their cases; ``clients``: each
    client's name and address lines, ``case_clients``: each case's client index. Returns
    how many were filed."""
    today = dt.datetime.now(dt.UTC).date()
    documents = container.documents()
    for letter in LETTERS:
        name, address = clients[case_clients[letter.case]]
        await documents.upload(
            ctx,
            case_ids[letter.case],
            filename=letter.filename,
            data=letter_pdf(letter.lines(name, address, today)),
        )
    return len(LETTERS)
