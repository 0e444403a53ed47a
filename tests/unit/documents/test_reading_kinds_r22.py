"""Kinds of reading added in round 22 of the reader (issue 14). Unlike rounds 5-21 this round
read no family: its rules come from a catalogue, written first, of how real UK creditors,
collection agencies, councils, courts, HMRC and the DWP, utilities, payroll software and
benefit offices print the five fields the unseen families read worst (the letter's date,
the deadline, the account reference, the balance, the payer). Each entry was tried on
made-up wording (scratch probes, not kept); the ones the reader already read are listed as
"read", the ones it did not are the kinds added, each tested below (28 of the 33 tests fail
on the round-21 reader; the other five are four guards and "A/C No.", read before).

The catalogue
=============

The letter's own date
---------------------
- numeric, day first, "/" "." "-" or spaces, four- or two-digit year: "04/12/2026",
  "4/12/26", "04.12.26", "04-12-2026", "04 12 2026", "04 / 12 / 2026" — read;
- ISO "2026-12-04" — read; year first with the month's name "2026 Dec 04" — read (r21);
- the month's name or abbreviation, with or without a point, a comma, an ordinal, "of", a
  day's name: "4 Dec. 2026", "4th of December 2026", "Friday, 4 December 2026", "Fri 4 Dec
  26", "4 December, 2026", "December 4, 2026", "4 Dec '26", "4-Dec-26", "4 Sept 2026" —
  read;
- a Roman month "4.XII.2026" — read (r15);
- **a system's compact date, day, month's three letters and year run together: "04DEC26",
  "04Dec2026" — missing, added** (``values.DATE``);
- **the month in Welsh, as Welsh councils and bodies print a bilingual letter: "4 Rhagfyr
  2026", "Dydd Gwener 4 Rhagfyr 2026" — missing, added** (``values._MONTHS``);
- labels: "Date of this letter", "Date issued", "Issued on", "Produced on", "Printed",
  "Print date", "Run date", "Generated on", "Prepared on", "Created", "Statement date",
  "Notice date", "Our date", "Letter date", "Date sent", "Sent on", "Date:", "Date of
  issue", "Correspondence date"; an e-mail's "Sent:"; a date alone at the right or under
  the address; "This letter, dated …" — read.

The deadline
------------
- absolute: "by", "on or before", "no later than", "before", "must reach us by", "you have
  until", "Payment due", "Due date", "Due by", "Pay by", "Payable by", "Reply by",
  "Remedy the breach by", "Settle by", "Action required by", "Latest date", "Final date
  for payment", "Deadline for response" — read;
- **"not later than" (a formal notice's), "expires on", "Expiry date", "Offer valid until"
  — missing, added** (``labelled.DEADLINE_LABELS``);
- **the date named first, then what it is for: "Date for payment", "Date payment
  required", "Date due", "Response date", and a bare "Due" — missing, added** (not "due
  to": a reason);
- relative: "within 14 days of the date of this letter", "within 7 days", "21 days from
  the date of this notice", "within one month" — **not read, and left so**: every corpus
  and the product state a deadline only where a date is printed (a relative period with
  no date is a clock the case's rules run: ``cma_core.documents.rules`` from the served
  date, ``scheduling.deadlines.PERIODS``), and the read families' letters that give only a
  period state no deadline, so a date computed from the letter's would be invented there;
  a period printed with its date ("within 14 days, that is by 18 December 2026") is read.

The account reference
---------------------
- "Our ref", "Our reference", "Account no./No", "Account number", "Customer number",
  "Agreement number", "Loan number", "Policy number", "Reference number", "Quote this
  reference", "Please quote", "Case ref", "Council Tax account (number)", "Payment
  reference", "Membership number", "Client reference", "Debtor reference", "Billing
  account", "Tenancy ref", "Plan number", "Contract number", "Ref No.", "Acct"; in the body
  "Please quote reference X", "use the reference X"; values in groups "6012 3456 78", with
  slashes "FL/448120/PV", with a dash "448120-001" — read;
- which side is the client's: on a creditor's own letter "Your reference" beside "Our ref"
  is read as the account, "Our ref" weaker (an agent's or solicitor's file), as before;
- "A/C No." — read (by its "No"); **the short forms "A/C", "Acc", "CTAX A/C" — missing,
  added**
  (``labelled.REFERENCE_LABELS``).

The balance
-----------
- "Amount outstanding", "Outstanding balance", "Total due", "Total amount due", "Balance
  to pay", "Amount owed", "Sum due", "Amount now due", "Total outstanding", "Amount
  payable", "Arrears", "Current balance", "Total owing", "Balance due", "Total now due";
  beside "Balance brought forward", "Previous balance", "Minimum payment", "Credit limit",
  "Available credit", a settlement offer: the closing or whole balance — read;
- **a sentence of two amounts, each in its own clause joined by "and", "but", "while":
  "arrears of £300.00 and a total balance of £1,204.55" — missing (the first amount was
  read with the second's words), added** (``fields_kinds.own_clause``).

The payer
---------
- benefit payers named in the letterhead: the DWP, HMRC, a council, the Pension Service,
  Social Security Scotland, the Department for Communities — read;
- an employer with an organisation's word ("Ltd", "Trust", "Council", "NHS Foundation
  Trust") by "Employer", "Employer name", "Company name", "Paid by", or heading the slip —
  read;
- **an employer without one ("Fellgate Veterinary Practice", "St Bega's Primary School",
  "R & J Ashburn t/a The Mardale Inn") beside a label that names the payer as such
  ("Employer", "Employer's name", "Employing organisation", "Company", "Business name",
  "Trading as", "Paid by", "Payer"), or as the first line of a payslip — missing, added**
  (``labelled.PAYER_NAMED_LABELS``, ``values.parse_named_payer``,
  ``structures.plain_letterhead``); never the slip's own words ("Pay Advice") nor a person
  (a title or an initial first), nor a deduction the employer pays ("Employer NI",
  "Employer's pension": found after the blind measurement, in F's OCR test).

Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import parse_date
from cma_core.documents.model import DocumentClass

C = DocumentClass
D = dt.date


_TO = (
    (Cell(0.08, "Mr Idris Pennant-Ravel"),),
    (Cell(0.08, "3 Tanygraig Terrace"),),
    (Cell(0.08, "Llanidloes"),),
    (Cell(0.08, "SY18 6ZQ"),),
)


def _letter(*rows: tuple[Cell, ...], writer: str = "Severnside Home Credit Ltd") -> list:
    return [
        (Cell(0.08, writer, bold=True),),
        (Cell(0.08, "Plas Road Business Units, Newtown SY16 9ZZ"),),
        *_TO,
        *rows,
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Customer Accounts, " + writer),),
    ]


# -- the letter's date -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RUN 17MAR27 09:14", D(2027, 3, 17)),  # a system's compact date
        ("Statement 3Nov2026", D(2026, 11, 3)),
        ("09SEP2027", D(2027, 9, 9)),
        ("Dyddiad 17 Mawrth 2027", D(2027, 3, 17)),  # the month in Welsh
        ("Dydd Llun 3 Tachwedd 2026", D(2026, 11, 3)),
        ("9fed Medi 2027", None),  # (a Welsh ordinal is no English one: left alone)
        ("30 Mehefin 2027", D(2027, 6, 30)),
    ],
)
def test_compact_dates_and_welsh_months(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_a_welsh_council_s_bilingual_date_and_a_compact_one() -> None:
    page = _letter(
        (Cell(0.08, "Dyddiad / Date"), Cell(0.5, "17 Mawrth 2027")),
        (Cell(0.08, "Rhif cyfrif / Account number"), Cell(0.5, "40018822")),
        (Cell(0.08, "Annwyl / Dear Mr Pennant-Ravel"),),
        (Cell(0.08, "Your council tax for this year is unpaid: £612.40 is now owed."),),
        (Cell(0.08, "Please pay the amount owed by 31 Mawrth 2027."),),
        writer="Cyngor Sir Dyffryn Hafren Council",
    )
    read = _read(page)
    assert read.letter_date == D(2027, 3, 17)
    assert read.deadline_date == D(2027, 3, 31)
    page = _letter(
        (Cell(0.08, "REF 55-KT-1190"), Cell(0.6, "DATE 17MAR27")),
        (Cell(0.08, "Dear Mr Pennant-Ravel"),),
        (Cell(0.08, "Your weekly collections have stopped and your account is in arrears."),),
        (Cell(0.08, "The amount owed is £388.20."),),
    )
    assert _read(page).letter_date == D(2027, 3, 17)


# -- the deadline ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "Payment to be received not later than",
        "This settlement offer expires on",
        "Expiry date of this offer",
        "Offer valid until",
        "Date for payment",
        "Date payment required",
        "Date due",
        "Response date",
        "Due",
    ],
)
def test_deadline_labels_from_the_catalogue(label: str) -> None:
    page = _letter(
        (Cell(0.08, "Date"), Cell(0.6, "17 March 2027")),
        (Cell(0.08, "Agreement number"), Cell(0.6, "SHC-770312")),
        (Cell(0.08, "Dear Mr Pennant-Ravel"),),
        (Cell(0.08, "Your home credit agreement is in arrears."),),
        (Cell(0.08, "Balance outstanding"), Cell(0.6, "£388.20")),
        (Cell(0.08, label), Cell(0.6, "02/04/2027")),
    )
    assert _read(page).deadline_date == D(2027, 4, 2)


def test_due_to_is_a_reason_not_a_deadline() -> None:
    page = _letter(
        (Cell(0.08, "Date"), Cell(0.6, "17 March 2027")),
        (Cell(0.08, "Agreement number"), Cell(0.6, "SHC-770312")),
        (Cell(0.08, "Dear Mr Pennant-Ravel"),),
        (Cell(0.08, "Your home credit agreement is in arrears."),),
        (Cell(0.08, "Balance outstanding"), Cell(0.6, "£388.20")),
        (Cell(0.08, "Due to the missed payments of"), Cell(0.6, "03/03/2027")),
    )
    assert _read(page).deadline_date is None


# -- the account reference -------------------------------------------------------------------


@pytest.mark.parametrize("label", ["A/C", "A/C No.", "Acc", "CTAX A/C"])
def test_an_account_s_short_forms(label: str) -> None:
    page = _letter(
        (Cell(0.08, "Date"), Cell(0.6, "17 March 2027")),
        (Cell(0.08, label), Cell(0.6, "SHC770312")),
        (Cell(0.08, "Dear Mr Pennant-Ravel"),),
        (Cell(0.08, "Your home credit agreement is in arrears."),),
        (Cell(0.08, "Balance outstanding: £388.20."),),
    )
    assert _read(page).account_reference == "SHC770312"


# -- the payer -------------------------------------------------------------------------------


def _slip(*head: tuple[Cell, ...]) -> list:
    return [
        *head,
        (Cell(0.08, "Employee"), Cell(0.4, "I Pennant-Ravel")),
        (Cell(0.08, "Paid on 26/03/2027"),),
        (Cell(0.08, "Gross pay"), Cell(0.5, "£1,412.00")),
        (Cell(0.08, "PAYE"), Cell(0.5, "£118.60")),
        (Cell(0.08, "Net pay"), Cell(0.5, "£1,198.75")),
    ]


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("Employer", "Clywedog Valley Veterinary Practice"),
        ("Employer's name", "Ysgol Gynradd Llanidloes"),
        ("Employing organisation", "Hafren Riding Stables"),
        ("Company:", "Dolhafren Tea Rooms"),
        ("Trading as", "E & M Jenkins t/a The Red Lion"),
    ],
)
def test_an_employer_named_as_such_without_an_organisation_s_word(label: str, name: str) -> None:
    page = _slip((Cell(0.08, "Payslip"),), (Cell(0.08, label), Cell(0.4, name)))
    assert _read(page).payer_name == name


def test_a_payslip_headed_by_its_employer_s_plain_name() -> None:
    page = _slip((Cell(0.08, "Clywedog Valley Veterinary Practice", bold=True),),
                 (Cell(0.08, "Payslip, month 12"),))  # fmt: skip
    assert _read(page).payer_name == "Clywedog Valley Veterinary Practice"


def test_a_slip_s_own_words_and_a_person_are_no_employer() -> None:
    page = _slip(
        (Cell(0.08, "Employee Pay Advice", bold=True),), (Cell(0.08, "Mr I Pennant-Ravel"),)
    )
    assert _read(page).payer_name is None
    page = _slip(
        (Cell(0.08, "Employer"), Cell(0.4, "see overleaf for details")),
    )
    assert _read(page).payer_name is None
    # (how the pay was paid, and the slip's own sentence)
    page = _slip((Cell(0.08, "Paid by FASTER PAYMENT. RETAIN THIS SLIP FOR YOUR RECORDS"),))
    assert _read(page).payer_name is None


# -- the balance -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Your agreement shows missed payments of £96.00 and a total balance of £388.20.", 38820),
        ("Your arrears stand at £96.00 but the whole balance is £388.20.", 38820),
        # (the first amount still the balance where it is said to be)
        ("Your balance is £388.20 and your weekly collection is £12.00.", 38820),
    ],
)
def test_a_sentence_of_two_amounts_each_said_in_its_own_clause(
    sentence: str, expected: int
) -> None:
    page = _letter(
        (Cell(0.08, "Date"), Cell(0.6, "17 March 2027")),
        (Cell(0.08, "Agreement number"), Cell(0.6, "SHC-770312")),
        (Cell(0.08, "Dear Mr Pennant-Ravel"),),
        (Cell(0.08, sentence),),
        (Cell(0.08, "Please get in touch so that we can agree how you will pay."),),
    )
    assert _read(page).balance_pence == expected


def test_a_deduction_the_employer_pays_is_no_employer_s_label() -> None:
    """ "Employer NI", "Employer's pension": what the employer pays, not who it is; the
    value below is another deduction's name."""
    page = [
        (Cell(0.08, "Ystrad Haulage Ltd"),),
        (Cell(0.08, "Employer's pension"), Cell(0.5, "£42.10")),
        (Cell(0.08, "Cycle To Work Scheme"), Cell(0.5, "£20.00")),
        (Cell(0.08, "Employer NI"), Cell(0.5, "£98.30")),
        (Cell(0.08, "Holiday Pay Advance"), Cell(0.5, "£60.00")),
        (Cell(0.08, "Gross pay"), Cell(0.5, "£1,412.00")),
        (Cell(0.08, "Net pay"), Cell(0.5, "£1,198.75")),
    ]
    assert _read(page).payer_name == "Ystrad Haulage Ltd"
