"""A corpus of synthetic letters the tests draw themselves, with the fields they state.

Each ``Sample`` is a letter of one ``DocumentClass`` rendered with Pillow as PNG, JPEG or
PDF (no text layer: a scan), some turned a degree or two or sprinkled with noise, as
phone photos and fax-grade scans are. Field values are known, so extraction can be scored.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Callable

from attrs import frozen
from PIL import Image, ImageDraw, ImageFont

from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass

WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dpi
FONT_SIZE = 24
MARGIN = 90


@frozen(kw_only=True)
class Truth:
    document_class: DocumentClass
    creditor_name: str | None = None
    account_reference: str | None = None
    balance_pence: int | None = None
    letter_date: dt.date | None = None
    deadline_date: dt.date | None = None
    court_claim_number: str | None = None


@frozen(kw_only=True)
class Sample:
    name: str
    truth: Truth
    data: bytes
    content_type: ContentType


def money(pence: int) -> str:
    return f"£{pence // 100:,}.{pence % 100:02d}"


def d(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


Template = Callable[[Truth], list[str]]


def creditor_arrears(t: Truth) -> list[str]:
    assert t.letter_date
    assert t.deadline_date
    assert t.balance_pence
    return [
        t.creditor_name or "",
        "Customer Services, PO Box 4021, Leeds",
        "",
        f"Date: {d(t.letter_date)}",
        f"Account number: {t.account_reference}",
        "",
        "Dear Customer,",
        "",
        "Your account is in arrears",
        "We have not received your last three monthly payments.",
        f"The outstanding balance on your account is {money(t.balance_pence)}.",
        f"Please pay the arrears of {money(t.balance_pence // 10)} by {d(t.deadline_date)}",
        "or call us to agree an affordable payment plan.",
        "",
        "Yours faithfully,",
        "Collections Team",
    ]


def default_notice(t: Truth) -> list[str]:
    assert t.letter_date
    assert t.deadline_date
    assert t.balance_pence
    return [
        "DEFAULT NOTICE",
        "Served under section 87(1) of the Consumer Credit Act 1974",
        "",
        f"Creditor: {t.creditor_name}",
        f"Agreement number: {t.account_reference}",
        f"Date of notice: {d(t.letter_date)}",
        "",
        "You have failed to keep to the terms of your credit agreement.",
        f"Total outstanding balance: {money(t.balance_pence)}",
        f"Arrears: {money(t.balance_pence // 8)}",
        "To remedy the breach you must pay the arrears on or before",
        f"{d(t.deadline_date)}. If you do not, we may terminate the agreement.",
    ]


def n1_claim(t: Truth) -> list[str]:
    assert t.letter_date
    assert t.balance_pence
    return [
        "Claim Form (N1)",
        "In the County Court Business Centre",
        "",
        f"Claim number: {t.court_claim_number}",
        f"Issue date: {d(t.letter_date)}",
        "",
        f"Claimant: {t.creditor_name}",
        "Defendant: the person named overleaf",
        "",
        "Brief details of claim",
        f"The claim is for money owed under account {t.account_reference}",
        "",
        f"Amount claimed {money(t.balance_pence - 11500)}",
        "Court fee £115.00",
        f"Total amount claimed {money(t.balance_pence)}",
    ]


def ea_notice(t: Truth) -> list[str]:
    assert t.letter_date
    assert t.deadline_date
    assert t.balance_pence
    return [
        "Marston Enforcement Services",
        "NOTICE OF ENFORCEMENT",
        "Taking Control of Goods Regulations 2013",
        "",
        f"Date of notice: {d(t.letter_date)}",
        f"Our reference: {t.account_reference}",
        f"On behalf of: {t.creditor_name}",
        "",
        "A liability order was granted against you. This matter is now with",
        "an enforcement agent at the compliance stage.",
        f"Balance outstanding: {money(t.balance_pence)} including the enforcement fee.",
        f"Pay in full by {d(t.deadline_date)} to stop a visit to take control of goods.",
    ]


def statutory_demand(t: Truth) -> list[str]:
    assert t.letter_date
    assert t.balance_pence
    return [
        "STATUTORY DEMAND",
        "Under section 268(1)(a) of the Insolvency Act 1986",
        "",
        f"Creditor: {t.creditor_name}",
        f"Date of demand: {d(t.letter_date)}",
        f"Reference number: {t.account_reference}",
        "",
        f"The creditor claims that you owe the sum of {money(t.balance_pence)}.",
        "If you do not pay or secure the debt within 21 days the creditor may",
        "present a bankruptcy petition. You may apply to the court to set aside",
        "this demand within 18 days of service.",
    ]


def council_tax(t: Truth) -> list[str]:
    assert t.letter_date
    assert t.deadline_date
    assert t.balance_pence
    return [
        t.creditor_name or "",
        "Council Tax Section, Town Hall",
        "",
        "COUNCIL TAX REMINDER NOTICE",
        f"Date: {d(t.letter_date)}",
        f"Council tax account number: {t.account_reference}",
        "Property band: C",
        "",
        "You have not paid your instalments as they fell due.",
        f"Amount due now: {money(t.balance_pence)}",
        f"Please pay by {d(t.deadline_date)} or you will lose the right to pay",
        "by instalments and we may apply for a liability order.",
    ]


def utility_bill(t: Truth) -> list[str]:
    assert t.letter_date
    assert t.deadline_date
    assert t.balance_pence
    return [
        t.creditor_name or "",
        "Your energy bill",
        "",
        f"Bill date: {d(t.letter_date)}",
        f"Account number: {t.account_reference}",
        "",
        "Electricity used 1 Jan - 31 Mar: 812 kWh",
        "Unit rate 24.50p per kWh, standing charge 53.35p per day",
        "Meter reading: 04512 (actual)",
        "",
        f"Total amount due: {money(t.balance_pence)}",
        f"Payment due date: {d(t.deadline_date)}",
    ]


def payslip(t: Truth) -> list[str]:
    assert t.letter_date
    return [
        "PAYSLIP",
        "Employer: Northern Care Homes Ltd",
        f"Pay date: {d(t.letter_date)}",
        "Employee number 40213    Tax code 1257L",
        "",
        "Gross pay £1,845.20",
        "Income tax £160.40",
        "National Insurance £71.92",
        "Pension £55.36",
        "Total deductions £287.68",
        "Net pay £1,557.52",
        "Year to date gross £5,535.60",
    ]


def bank_statement(t: Truth) -> list[str]:
    assert t.letter_date
    return [
        "Northgate Bank",
        "Current Account Statement",
        f"Statement date: {d(t.letter_date)}",
        "Sort code 20-45-77",
        "",
        "Date        Description           Money out   Money in   Balance",
        "01 Mar      Balance brought forward                       £210.14",
        "03 Mar      Direct Debit COUNCIL    £142.00                £68.14",
        "05 Mar      Universal Credit                 £812.40      £880.54",
        "09 Mar      Card payment TESCO       £64.18               £816.36",
        "",
        "Closing balance £816.36",
    ]


def benefit_award(t: Truth) -> list[str]:
    assert t.letter_date
    return [
        "Department for Work and Pensions",
        "Universal Credit award notice",
        f"Date: {d(t.letter_date)}",
        "",
        "Your assessment period: 5 February to 4 March",
        "Standard allowance £393.45",
        "Housing element £650.00",
        "Child element £287.92",
        "Deductions £61.20",
        "You will get £1,270.17",
    ]


def other(t: Truth) -> list[str]:
    return [
        "Riverside Community Centre",
        "Summer newsletter",
        "",
        "Our garden club meets on Tuesdays at 10am in the hall.",
        "New members are always welcome; bring gloves and a flask.",
        "The cafe is open every weekday and volunteers are needed",
        "for the Saturday book sale. Ask at reception for details.",
    ]


D = dt.date
TEMPLATES: list[tuple[Template, Truth]] = [
    (
        creditor_arrears,
        Truth(
            document_class=DocumentClass.CREDITOR_LETTER,
            creditor_name="Acme Loans Ltd",
            account_reference="AL-48213377",
            balance_pence=123456,
            letter_date=D(2025, 3, 3),
            deadline_date=D(2025, 3, 24),
        ),
    ),
    (
        default_notice,
        Truth(
            document_class=DocumentClass.CREDITOR_LETTER,
            creditor_name="Northgate Bank PLC",
            account_reference="9921004417",
            balance_pence=458790,
            letter_date=D(2025, 2, 11),
            deadline_date=D(2025, 3, 4),
        ),
    ),
    (
        n1_claim,
        Truth(
            document_class=DocumentClass.COURT_CLAIM_N1,
            creditor_name="Lowell Portfolio I Ltd",
            account_reference="LP7781230",
            balance_pence=287644,
            letter_date=D(2025, 4, 14),
            court_claim_number="K9QZ4821",
        ),
    ),
    (
        n1_claim,
        Truth(
            document_class=DocumentClass.COURT_CLAIM_N1,
            creditor_name="Cabot Financial Ltd",
            account_reference="CF2201945",
            balance_pence=96150,
            letter_date=D(2025, 1, 20),
            court_claim_number="M4DP7710",
        ),
    ),
    (
        ea_notice,
        Truth(
            document_class=DocumentClass.ENFORCEMENT_AGENT_NOTICE,
            creditor_name="Leeds City Council",
            account_reference="MES5520918",
            balance_pence=82150,
            letter_date=D(2025, 5, 6),
            deadline_date=D(2025, 5, 14),
        ),
    ),
    (
        statutory_demand,
        Truth(
            document_class=DocumentClass.STATUTORY_DEMAND,
            creditor_name="Harbour Capital Ltd",
            account_reference="HC-330192",
            balance_pence=1250000,
            letter_date=D(2025, 6, 2),
        ),
    ),
    (
        council_tax,
        Truth(
            document_class=DocumentClass.COUNCIL_TAX,
            creditor_name="Bradford Council",
            account_reference="60012345",
            balance_pence=31477,
            letter_date=D(2025, 7, 1),
            deadline_date=D(2025, 7, 8),
        ),
    ),
    (
        utility_bill,
        Truth(
            document_class=DocumentClass.UTILITY_BILL,
            creditor_name="Brightside Energy Ltd",
            account_reference="BE00938271",
            balance_pence=41863,
            letter_date=D(2025, 4, 2),
            deadline_date=D(2025, 4, 16),
        ),
    ),
    (payslip, Truth(document_class=DocumentClass.PAYSLIP, letter_date=D(2025, 3, 28))),
    (
        bank_statement,
        Truth(document_class=DocumentClass.BANK_STATEMENT, letter_date=D(2025, 3, 31)),
    ),
    (benefit_award, Truth(document_class=DocumentClass.BENEFIT_AWARD, letter_date=D(2025, 3, 12))),
    (other, Truth(document_class=DocumentClass.OTHER)),
]
# fmt: on


def render(
    lines: list[str], *, rotate: float = 0.0, noise: float = 0.0, seed: int = 0
) -> Image.Image:
    font = _font()
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    for line in lines:
        draw.text((MARGIN, y), line, fill=0, font=font)
        y += int(FONT_SIZE * 1.5)
    if noise:
        rng = random.Random(seed)
        pixels = image.load()
        assert pixels is not None
        for _ in range(int(WIDTH * HEIGHT * noise)):
            x, yy = rng.randrange(WIDTH), rng.randrange(HEIGHT)
            pixels[x, yy] = rng.choice((0, 90, 255))
    if rotate:
        image = image.rotate(rotate, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return image


def encode(image: Image.Image, content_type: ContentType) -> bytes:
    out = io.BytesIO()
    if content_type is ContentType.PDF:
        image.save(out, format="PDF", resolution=150)
    elif content_type is ContentType.JPEG:
        image.save(out, format="JPEG", quality=80)
    elif content_type is ContentType.TIFF:
        image.save(out, format="TIFF", compression="tiff_deflate")
    elif content_type is ContentType.HEIC:
        # pillow-heif's own API: the Pillow plugin stays unregistered, as the extractor
        # registers it itself when the first HEIC arrives.
        import pillow_heif

        pillow_heif.from_pillow(image).save(out, quality=60)
    else:
        image.save(out, format="PNG")
    return out.getvalue()


# (content type, rotation in degrees, noise share of pixels) cycled over the templates.
VARIANTS = [
    (ContentType.PNG, 0.0, 0.0),
    (ContentType.PDF, 0.0, 0.002),
    (ContentType.JPEG, 1.5, 0.0),
    (ContentType.PDF, -1.0, 0.001),
]


def build_corpus(variants_per_template: int = 2) -> list[Sample]:
    """Every template rendered ``variants_per_template`` ways (different format, skew, noise)."""
    samples = []
    for i, (template, truth) in enumerate(TEMPLATES):
        for j in range(variants_per_template):
            content_type, rotate, noise = VARIANTS[(i + 2 * j) % len(VARIANTS)]
            image = render(template(truth), rotate=rotate, noise=noise, seed=i * 10 + j)
            samples.append(
                Sample(
                    name=f"{i:02d}{'abcd'[j]}-{template.__name__}-{content_type.name.lower()}"
                    f"{'-rot' if rotate else ''}{'-noise' if noise else ''}",
                    truth=truth,
                    data=encode(image, content_type),
                    content_type=content_type,
                )
            )
    return samples


def _font() -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    # A common sans face like the ones letters are printed in; Pillow's bundled face as a
    # fallback (its "£" is unusual and Tesseract often misreads it).
    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ):
        try:
            return ImageFont.truetype(path, FONT_SIZE)
        except OSError:
            continue
    return ImageFont.load_default(size=FONT_SIZE)
