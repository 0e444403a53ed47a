"""Kinds of reading added in round 23 of the reader (issue 14), a second round that read no
family. Round 22 catalogued the *wording* of the weak fields (labels, date printings); this
round catalogues what is left, from knowledge of real UK letters, notices, statements,
payslips and court forms: **where** a fact sits on the page, **which of several** facts of
one kind is the one that counts, and the **printings** round 22 did not list. The catalogue
was written first; each entry was then tried on made-up pages (scratch probes, not kept)
against the round-22 reader. Entries it read are marked "read"; those it did not are
"added" (each tested below, on two or more wordings or positions, every test failing on the
round-22 reader but the guards) or "left" (and why).

The catalogue
=============

1. Where facts sit on a page (label and value)
----------------------------------------------
- beside: "Account number    AF2281734" in two columns; the value far right — read;
- in one cell: "Account number: AF2281734"; dot leaders "Balance ........ £1,234.56" — read;
- stacked: the label on one line, its value on the next in the same column — read;
- a strip of headings over a strip of values ("Account number | Date | Balance", 3 or 4
  columns), a 2 x 2 grid of such boxes — read;
- **the values set in from their headings, centred or right-aligned under a box's heading
  wider than the value** (offset more than a narrow column's tolerance) — the reference
  was lost; **added** (``layout._below``);
- a panel at the right beside the address block (label and value side by side, or stacked)
  — read; a sidebar "Your account at a glance" beside the body — read;
- a value printed before its label; a key-facts table printed value first — read;
- a tear-off payment slip at the foot (reference, amount due), a footer "Please quote …" —
  read; the facts on page 2 of a covering letter, a continuation page's header repeating
  the reference — read;
- a ledger on a statement ("Date | Description | Amount" over rows) — read when two rows or
  more; **a ledger of one row** (the one payment since the last letter, one charge): its
  date was read as the letter's, under the heading "Date" — **added**
  (``layout._heads_a_ledger``);
- **a pound sign in a cell of its own, the figure after it ("Balance  £  1,234.56", as a
  box or a right-aligned column prints it)** — not read, **added** (``layout._split_date``);
  pounds and pence in columns of their own without a "£ p" header ("£ | 1,234 | 56") — not
  read, left (no reading of it is safe: it must not become £1,234.00);
- **a sentence wrapped at a deadline's cue: "… in full on or before / 26 November 2026",
  "… you have until / 3 May 2026"** — not read, **added** (``prose._OPEN_END``); an amount or
  a reference wrapped to the next line — read; a label wrapped ("Date of this / letter:") —
  read;
- a landscape statement's wide ledger — its figures read, but a credit-card statement drawn
  as a ledger was classed as a bank statement (whose balance and reference are not asked
  for): left (the classifier's, from made-up wording only); a page turned on its side is
  Tesseract's orientation step, not the reader's: not probed.

2. Which of several
-------------------
- dates: the letter's own (at the right, "Date:") beside the date of birth, the statement
  period, a judgment's date, "your letter dated …", the last payment's date in the body,
  "Printed 12/11/2026" in the footer, a reference block's row — read;
- **"Date account opened", "Date of default", "Agreement date", "Date of last payment": a
  date of another event in the account's life labelled with "Date"**, and **a date to come,
  "Next statement date", "Next bill date", "Renewal date"** (which, read as the letter's,
  also hid the deadline before it) — read as the letter's date, **added**
  (``labelled._ACCOUNT_EVENT``);
- **"Information sheet issued on …", "Your letter dated …", "our previous letter dated":
  the date of another paper the letter speaks of or encloses, as a label of its own** — read
  as the letter's date, **added** (``labelled._OTHER_PAPER``);
- deadlines: "pay by X" then "if we have not heard from you by Y …", a hearing's date after
  "reply by", "payments received after …", an instalment schedule's due dates, "will not act
  before X if you pay by then" — read (the first stated deadline);
- amounts: arrears, a monthly payment, a minimum payment, a credit limit, an original loan,
  "paid to date", a settlement offer for less, a debt plus a collection charge with "Total
  due", a balance said after an instalment in prose — read (the whole balance);
- references: the payee's bank details ("Sort code 40-11-62 Account number 71829304"), a
  company's registration and FCA numbers, a card number masked, a customer number beside
  an account number, an agent's "Our ref" beside the client's account — read;
  "Your ref" (an adviser's file number) beside "Our ref" on a letter to an adviser — read as
  the account, **left**: on a creditor's letter to its customer "Your reference" is the
  customer's account, as the read families print it (round 22's catalogue);
- organisations: the creditor beside the Financial Ombudsman Service, StepChange, a "trading
  name of" line, a bank named in a grid of bank details — read; the creditor named only in
  the signature, in the footer's FCA line or registered office — read;
- **a payee's bank named for a transfer, "Pay to: Barclays Bank PLC, sort code 20-45-77 …"
  (the bank where the creditor's account is)** — read as the creditor over the letterhead,
  **added** (``labelled.creditor_score``, ``_BANK``);
- **"Cheques should be made payable to X Ltd" as the only place the creditor is named (a
  logo the text does not hold)** — not read, and a sentence of the body was taken instead;
  **added** (``prose._CREDITOR_BEFORE``; ``assistant.find_creditor`` no longer takes a
  sentence for a name);
- a window envelope's return line "If undelivered please return to: …" — **left**: it names
  a Freepost address or a desk ("Council Tax", "Fines Office") as often as the firm (tried:
  U and G lost their creditors to it);
- payers: an employer in a grid of headings, top right, at the foot, stacked, beside a
  payroll bureau, "Company: X  Employee: Y" — read; benefit letters from the DWP, HMRC,
  a council by their letterhead or "From:" — read; **a benefit letter that names its paying
  body only in its closing or footer line ("Department for Work and Pensions, Carer's
  Allowance Unit, Preston")** — not read, **added** (``structures.public_payer_lines``,
  benefit letters only); a Universal Credit statement that names no body at all — left (no
  name is printed to read); a council's Housing Benefit letter classed as an overpayment —
  left (the classifier's, from one made-up wording).

3. Printings round 22 did not list
----------------------------------
- dates: "2026/11/12", "Nov 12 2026", "12-NOV-2026", "Thurs 12 Nov 2026", "12/11/2026 09:41",
  "12 Nov 2026 14:32:05", "the 12th day of November 2026", "Nov. 12th, 2026", "12 / Nov /
  2026", an e-mail's "Thu, 12 Nov 2026 09:14:05 +0000" — read; **an export's ISO date and
  time "2026-11-12T09:14:05"** — not read, **added** (``values.DATE``); "12112026", "1211
  2026" (figures run together), "12.Nov.2026", a Welsh abbreviation "12 Tach 2026" — left
  (too like a reference or too rare);
- amounts: "£1 234.56", "£ 1,234.56", "1,234.56 GBP", "GBP1,234.56", "£1,234.56 DR", "1,234.56
  DR", an amount in words with its figures, "(£200.00)" for a credit — read; "£1,234.56D",
  "£1,234.56p", a European "£1.234,56" — left (rare on UK letters);
- references: grouped, slashed, dashed, bracketed, after "#" or "No." — read, with labels
  "Account ref.", "Ref", "Unique reference", "Customer reference number (CRN)", "In reply
  please quote", "Case number", "Matter number", "Liability order ref", "PCN number", "Debt
  ref", "Supply number", "Invoice number", "Agreement ID", "Customer ID" — read; **HMRC's
  "UTR"** — not read, **added** (``labelled.REFERENCE_LABELS``); a dotted "ABC.123.456" —
  left (a dotted value is as often a version or an amount).

Perfect text (exact word boxes), no Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.reading_support import read_by_rules as _read

from cma_adapters.rules_assistant.corpus import Cell
from cma_adapters.rules_assistant.values import parse_date

D = dt.date

_TO = (
    (Cell(0.08, "Ms Hannah Colbeck"),),
    (Cell(0.08, "14 Wharfe View"),),
    (Cell(0.08, "Otley"),),
    (Cell(0.08, "LS21 3QT"),),
)
_DEAR = (
    (Cell(0.08, "Dear Ms Colbeck"),),
    (Cell(0.08, "Your loan account is in arrears and we need to hear from you."),),
)
_PAY = ((Cell(0.08, "Please pay the amount outstanding by 26 November 2026."),),)


def _letter(*rows: tuple[Cell, ...], writer: str | None = "Aireborough Finance Ltd") -> list:
    head = [(Cell(0.08, writer, bold=True),), (Cell(0.08, "Unit 4, Riverside Park, Leeds"),)]
    return [
        *(head if writer else []),
        *_TO,
        *rows,
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "Collections Team"),),
    ]


_ACCOUNT = (Cell(0.08, "Account number"), Cell(0.5, "AF2281734"))
_BALANCE = (Cell(0.08, "Balance outstanding"), Cell(0.5, "£1,234.56"))
_DATED = (Cell(0.6, "12 November 2026"),)


# -- 1. where facts sit ----------------------------------------------------------------------


@pytest.mark.parametrize("offset", [0.06, 0.09])
def test_values_set_in_under_their_box_headings(offset: float) -> None:
    page = _letter(
        (Cell(0.08, "Account number"), Cell(0.38, "Date"), Cell(0.68, "Balance outstanding")),
        (
            Cell(0.08 + offset, "AF2281734"),
            Cell(0.38 + offset, "12/11/2026"),
            Cell(0.68 + offset, "£1,234.56"),
        ),
        *_DEAR,
        *_PAY,
    )
    read = _read(page)
    assert read.account_reference == "AF2281734"
    assert read.balance_pence == 123456
    assert read.letter_date == D(2026, 11, 12)


@pytest.mark.parametrize(
    "heads",
    [
        ("Date", "Transaction", "Amount"),
        ("Date", "Details", "Paid"),
        ("Date", "Description", "Debit"),
    ],
)
def test_a_ledger_of_one_row_dates_its_entry_not_the_letter(heads: tuple[str, ...]) -> None:
    page = _letter(
        _DATED,
        _ACCOUNT,
        *_DEAR,
        (Cell(0.08, heads[0]), Cell(0.5, heads[1]), Cell(0.8, heads[2])),
        (Cell(0.08, "03/10/2026"), Cell(0.5, "Payment received"), Cell(0.8, "£50.00")),
        _BALANCE,
        *_PAY,
    )
    assert _read(page).letter_date == D(2026, 11, 12)


@pytest.mark.parametrize("where", [0.5, 0.7])
def test_a_pound_sign_in_a_cell_of_its_own(where: float) -> None:
    page = _letter(
        _DATED,
        _ACCOUNT,
        *_DEAR,
        (Cell(0.08, "Total amount owed"), Cell(where, "£"), Cell(where + 0.08, "1,234.56")),
        *_PAY,
    )
    assert _read(page).balance_pence == 123456


def test_pounds_and_pence_in_columns_are_not_read_as_whole_pounds() -> None:
    """(a guard: "£ | 1,234 | 56" without a "£ p" header is left unread, never £1,234.00)"""
    page = _letter(
        _DATED,
        _ACCOUNT,
        *_DEAR,
        (Cell(0.08, "Total amount owed"), Cell(0.5, "£"), Cell(0.56, "1,234"), Cell(0.64, "56")),
        *_PAY,
    )
    assert _read(page).balance_pence != 123400


@pytest.mark.parametrize(
    ("line", "cue"),
    [
        ("Please pay the amount outstanding in full on or before", "26 November 2026 to stop"),
        ("To stop further action you have until", "26 November 2026 to pay the balance."),
        ("We must receive the amount outstanding no later than", "26/11/2026, or we will act."),
    ],
)
def test_a_deadline_s_cue_wrapped_at_the_line_s_end(line: str, cue: str) -> None:
    page = _letter(_DATED, _ACCOUNT, *_DEAR, _BALANCE, (Cell(0.08, line),), (Cell(0.08, cue),))
    assert _read(page).deadline_date == D(2026, 11, 26)


# -- 2. which of several ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["Date account opened", "Date of default", "Agreement date", "Date of last payment"]
)
def test_the_date_of_another_event_in_the_account_s_life(label: str) -> None:
    page = _letter(
        _DATED, _ACCOUNT, (Cell(0.08, label), Cell(0.5, "14/08/2025")), *_DEAR, _BALANCE, *_PAY
    )
    assert _read(page).letter_date == D(2026, 11, 12)


@pytest.mark.parametrize("label", ["Next statement date", "Next bill date", "Renewal date"])
def test_a_date_to_come_is_not_the_letter_s(label: str) -> None:
    """(and, read as the letter's, it hid the deadline before it)"""
    page = _letter(
        _DATED,
        _ACCOUNT,
        *_DEAR,
        _BALANCE,
        (Cell(0.08, "Minimum payment due by"), Cell(0.5, "26/11/2026")),
        (Cell(0.08, label), Cell(0.5, "12/12/2026")),
    )
    read = _read(page)
    assert read.letter_date == D(2026, 11, 12)
    assert read.deadline_date == D(2026, 11, 26)


@pytest.mark.parametrize(
    "line",
    [
        "Information sheet issued on 1 October 2025 by the Financial Conduct Authority.",
        "Your letter dated 2 October 2026 has been noted on your account.",
        "Our previous letter dated 2 October 2026 explained your options.",
    ],
)
def test_the_date_of_another_paper(line: str) -> None:
    page = _letter(_DATED, _ACCOUNT, *_DEAR, _BALANCE, *_PAY, (Cell(0.08, line),))
    assert _read(page).letter_date == D(2026, 11, 12)


@pytest.mark.parametrize(
    "rows",
    [
        ((Cell(0.08, "Pay to: Barclays Bank PLC, sort code 20-45-77, account 53917264"),),),
        (
            (Cell(0.08, "Payments to: Lloyds Bank plc"),),
            (Cell(0.08, "Sort code 30-94-11   Account 11882233"),),
        ),
    ],
)
def test_the_payee_s_bank_is_no_creditor(rows: tuple) -> None:
    page = _letter(_DATED, _ACCOUNT, *_DEAR, _BALANCE, *_PAY, *rows)
    assert _read(page).creditor_name == "Aireborough Finance Ltd"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Cheques should be made payable to Aireborough Finance Ltd.", "Aireborough Finance Ltd"),
        (
            "Please make your cheque or postal order payable to Wharfedale Credit Limited.",
            "Wharfedale Credit Limited",
        ),
    ],
)
def test_the_creditor_named_only_as_the_payee_of_a_cheque(line: str, name: str) -> None:
    page = _letter(_DATED, _ACCOUNT, *_DEAR, _BALANCE, *_PAY, (Cell(0.08, line),), writer=None)
    assert _read(page).creditor_name == name


@pytest.mark.parametrize(
    ("line", "payer"),
    [
        (
            "Department for Work and Pensions, Carer's Allowance Unit, Preston PR1 1ZZ",
            "Department for Work and Pensions",
        ),
        ("HM Revenue and Customs, Child Benefit Office, Newcastle", "HM Revenue and Customs"),
    ],
)
def test_a_benefit_letter_s_payer_named_in_its_closing_line(line: str, payer: str) -> None:
    page = [
        (Cell(0.08, "Your benefit award", bold=True),),
        *_TO,
        (Cell(0.08, "Date"), Cell(0.5, "12 November 2026")),
        (Cell(0.08, "We have looked at your claim and you are entitled to an award."),),
        (Cell(0.08, "You will get £81.90 a week, paid every 4 weeks into your account."),),
        (Cell(0.08, line),),
    ]
    read = _read(page)
    assert read.payer_name == payer


# -- 3. printings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-12T09:14:05", D(2026, 11, 12)),
        ("Generated 2027-03-01T17:02:44Z", D(2027, 3, 1)),
        ("2026-11-12Tuesday", None),  # (a letter run on is no time)
    ],
)
def test_an_export_s_iso_date_and_time(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("label", ["UTR", "Your UTR"])
def test_hmrc_s_unique_taxpayer_reference(label: str) -> None:
    page = [
        (Cell(0.08, "HM Revenue & Customs", bold=True), Cell(0.6, "Debt Management")),
        *_TO,
        (Cell(0.6, "Date"), Cell(0.75, "12 November 2026")),
        (Cell(0.6, label), Cell(0.75, "1234567890")),
        (Cell(0.08, "You owe us £1,234.56 for Self Assessment."),),
        (Cell(0.08, "You must pay the full amount by 26 November 2026."),),
    ]
    assert _read(page).account_reference == "1234567890"
