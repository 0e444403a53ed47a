# ruff: noqa: E501, S311  (data reads better unwrapped; the RNG draws training data)
"""Randomised training pages for the field ranker (domain randomisation, round 24).

The ranker (``ranker_training``) learns from the generated families and the read ones,
so it may learn those families' quirks — which label words, where the facts sit, in
which order — rather than what holds on any letter. These pages draw each of those at
random, page by page, with the truth:

* **where** the facts sit: "Label: value" lines, label left and value in a column,
  label above value, value before its label, a strip of boxed headings over a strip of
  values, a header block top right beside the address, a sidebar beside the body, a
  table of two columns, the reference only in the footer ("Please quote …");
* **label wordings**, drawn from lists written from the reader's label patterns
  (``labelled``) and the round-22/23 catalogues (benchmarks/OCR.md);
* **value printings**: dates, amounts and references in the forms the reader parses;
* **distractors** beside the true facts: other dates (printed, issued with an
  information sheet, a previous letter, account opened, last payment, next statement),
  other amounts (an instalment, arrears beside the total, a minimum payment, a credit
  limit), other references (an agent's own file, the payee bank's sort code and
  account number, a customer number beside the account), other organisations (an
  agent writing for its client, the payee's bank).

Only debt letters' fields (creditor, reference, balance, the letter's date, the
deadline). Seeded and deterministic; no family's template or wording is copied, and no
blind family's module was opened to write this.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from cma_adapters.rules_assistant.corpus import BLANK, Cell, Page, Row, Sample, Truth
from cma_core.documents.model import DocumentClass

C = DocumentClass
FAMILY = "RND"

# -- wordings -------------------------------------------------------------------------

DATE_LABELS = (
    "Date", "Date of letter", "Letter date", "Date of issue", "Issue date", "Dated",
    "Date of notice", "Date of this letter", "Sent on", "Written on", "Issued", "Date issued",
)  # fmt: skip
DEADLINE_LABELS = (
    "Pay by", "Payment due", "Payment due date", "Due date", "Please pay by", "Reply by",
    "Respond by", "Deadline", "Last date for payment", "Date payment required", "Due by",
    "Pay before", "Offer valid until", "Response date", "Final date",
)  # fmt: skip
BALANCE_LABELS = (
    "Balance", "Outstanding balance", "Total outstanding", "Amount owed", "Total due",
    "Balance due", "Amount outstanding", "Total amount due", "Sum due", "Total debt",
    "Amount now due", "Balance to pay", "Current balance", "Total to pay",
)  # fmt: skip
REFERENCE_LABELS = (
    "Account number", "Account no.", "Our reference", "Reference", "Ref", "Account ref.",
    "Your account number", "Customer reference", "Agreement number", "A/C No.",
    "Case number", "Unique reference", "In reply please quote", "Account", "Invoice number",
)  # fmt: skip
CREDITOR_LABELS = (
    "Creditor", "Our client", "On behalf of", "Client", "Current creditor", "Creditor's name",
    "Lender", "Who you owe",
)  # fmt: skip

CREDITORS = (
    "Harrowgate Lending Ltd", "Bluestone Credit PLC", "Kingsway Finance Limited",
    "Meridian Card Services Ltd", "Thornbury Loans Ltd", "Castlegate Capital Limited",
    "Wharfedale Water", "Oakmere Energy Ltd", "Fernhill Housing Association",
    "Lindum Borough Council", "Saxon Home Loans PLC", "Quayside Retail Credit Ltd",
)  # fmt: skip
AGENTS = (
    "Redmire Collections Ltd", "Alder Recoveries Limited", "Stanton Credit Management Ltd",
    "Bexley Debt Services Ltd",
)  # fmt: skip
BANKS = ("Barclays Bank PLC", "Lloyds Bank plc", "NatWest", "HSBC UK Bank plc", "Santander UK plc")
ADDRESSES = (
    "PO Box 812, Darlington DL1 9XY", "Unit 4, Kirkstall Road, Leeds LS4 2AZ",
    "12 Mill Lane, Bristol BS1 6QT", "Freepost RTKX-ABCD, Sheffield S1 2GH",
)  # fmt: skip
PEOPLE = ("Ms K Ahmed", "Mr P Walsh", "Mrs L Okafor", "Mr D Price", "Miss R Chen")
STREETS = ("14 Elm Road", "3 Station Street", "27 Park View", "Flat 2, 9 High Street")
TOWNS = ("Wakefield WF1 3AB", "Bolton BL2 6PQ", "Swansea SA1 4LT", "Norwich NR2 1DD")

# (class, titles, body lines with {creditor})
CLASSES: tuple[tuple[DocumentClass, tuple[str, ...], tuple[str, ...]], ...] = (
    (C.CREDITOR_LETTER, ("Arrears notice", "Your account is in arrears", "Final demand", "Notice of default"),
     ("Your account is behind with its payments.", "Please pay the balance or contact us to agree a plan.")),
    (C.UTILITY_BILL, ("Your bill", "Final bill", "Water charges reminder"),
     ("Your bill is overdue.", "Please pay now or call us about a payment plan.")),
    (C.COUNCIL_TAX, ("Council Tax reminder notice", "Council Tax final notice"),
     ("Your Council Tax instalments have not been paid.", "If you do not pay, we may apply for a liability order.")),
    (C.RENT_ARREARS, ("Rent arrears letter", "Your rent account"),
     ("Your rent account is in arrears.", "Please contact your housing officer.")),
    (C.LETTER_OF_CLAIM, ("Letter of claim", "Letter before action"),
     ("This letter is sent under the Pre-Action Protocol for Debt Claims.", "Please complete the reply form enclosed.")),
    (C.MORTGAGE_ARREARS, ("Mortgage arrears", "Your mortgage account"),
     ("Your mortgage payments are behind.", "Please contact us to discuss your options.")),
)  # fmt: skip

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


# -- printings ------------------------------------------------------------------------


def print_date(d: dt.date, rng: random.Random) -> str:
    """A date in one of the forms the reader parses."""
    month = MONTHS[d.month - 1]
    forms = (
        f"{d.day} {month} {d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year}",
        f"{d.day} {month[:3]} {d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day:02d}-{month[:3].upper()}-{d.year}",
        f"{d.year}-{d.month:02d}-{d.day:02d}",
        f"{month} {d.day}, {d.year}",
        f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
    )
    return rng.choice(forms)


def print_money(pence: int, rng: random.Random) -> str:
    """An amount in one of the forms the reader parses."""
    pounds, p = divmod(pence, 100)
    grouped = f"{pounds:,}.{p:02d}"
    forms = (f"£{grouped}", f"£{pounds}.{p:02d}", f"£ {grouped}", f"{grouped} GBP", f"GBP{grouped}")
    return rng.choice(forms)


def draw_reference(rng: random.Random) -> str:
    """An account reference, plain, grouped, slashed or dashed."""
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(7, 11)))
    letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(rng.randint(2, 3)))
    forms = (
        digits,
        f"{letters}{digits}",
        f"{letters}-{digits[:4]}-{digits[4:]}",
        f"{digits[:4]} {digits[4:]}",
        f"{letters}/{digits}",
        f"{digits[:3]}/{digits[3:]}",
    )
    return rng.choice(forms)


# -- pages ----------------------------------------------------------------------------


def _fact_rows(setting: str, pairs: Sequence[tuple[str, str]], rng: random.Random) -> list[Row]:
    """The labelled facts set out in one ``setting``."""
    rows: list[Row] = []
    if setting == "kv":
        sep = rng.choice((": ", ":  ", " - "))
        rows = [(Cell(0.08, f"{lab}{sep}{val}"),) for lab, val in pairs]
    elif setting == "table":
        at = rng.choice((0.36, 0.42, 0.5, 0.6))
        rows = [(Cell(0.08, lab), Cell(at, val)) for lab, val in pairs]
    elif setting == "above":
        for lab, val in pairs:
            rows += [(Cell(0.08, lab, True),), (Cell(0.08, val),), BLANK]
    elif setting == "right":
        rows = [(Cell(0.08, val), Cell(0.4, lab)) for lab, val in pairs]
    elif setting == "boxes":
        per = rng.choice((2, 3))
        xs = (0.08, 0.52) if per == 2 else (0.08, 0.38, 0.68)
        for i in range(0, len(pairs), per):
            chunk = pairs[i : i + per]
            rows.append(tuple(Cell(x, lab, True) for x, (lab, _) in zip(xs, chunk, strict=False)))
            rows.append(tuple(Cell(x, val) for x, (_, val) in zip(xs, chunk, strict=False)))
            rows.append(BLANK)
    elif setting == "header":
        rows = [(Cell(0.55, f"{lab}: {val}"),) for lab, val in pairs]
    else:  # "sidebar": a panel on the right, label over value
        for lab, val in pairs:
            rows += [(Cell(0.62, lab, True),), (Cell(0.62, val),)]
    return rows


def _merge_columns(left: list[Row], right: list[Row]) -> list[Row]:
    """Two columns side by side, row by row."""
    out: list[Row] = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ()
        b = right[i] if i < len(right) else ()
        out.append((*a, *b))
    return out


def _page(rng: random.Random) -> tuple[Truth, Page]:
    cls, titles, body = rng.choice(CLASSES)
    creditor = rng.choice(CREDITORS)
    agent = rng.choice(AGENTS) if rng.random() < 0.3 else None
    reference = draw_reference(rng)
    balance = rng.randint(4_000, 900_000)
    letter = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
    deadline = (
        letter + dt.timedelta(days=rng.choice((7, 14, 21, 28, 30))) if rng.random() < 0.75 else None
    )

    facts: list[tuple[str, str]] = [
        (rng.choice(DATE_LABELS), print_date(letter, rng)),
        (rng.choice(REFERENCE_LABELS), reference),
        (rng.choice(BALANCE_LABELS), print_money(balance, rng)),
    ]
    if deadline:
        facts.append((rng.choice(DEADLINE_LABELS), print_date(deadline, rng)))
    if agent:
        facts.append((rng.choice(CREDITOR_LABELS[:3]), creditor))

    # distractors of each kind, some or none
    others: list[tuple[str, str]] = []
    before = letter - dt.timedelta(days=rng.randint(20, 2000))
    if rng.random() < 0.4:
        others.append(
            (
                rng.choice(
                    (
                        "Account opened",
                        "Date account opened",
                        "Agreement date",
                        "Date of default",
                        "Date of last payment",
                    )
                ),
                print_date(before, rng),
            )
        )
    if rng.random() < 0.3:
        later = letter + dt.timedelta(days=rng.randint(31, 60))
        others.append(
            (
                rng.choice(("Next statement date", "Next bill date", "Renewal date")),
                print_date(later, rng),
            )
        )
    if rng.random() < 0.25:
        others.append(
            (
                rng.choice(
                    (
                        "Our previous letter dated",
                        "Your letter dated",
                        "Information sheet issued on",
                    )
                ),
                print_date(letter - dt.timedelta(days=rng.randint(10, 90)), rng),
            )
        )
    if rng.random() < 0.45:
        part = rng.randint(500, max(600, balance // 4))
        others.append(
            (
                rng.choice(
                    (
                        "Arrears",
                        "Monthly instalment",
                        "Minimum payment",
                        "Missed payments",
                        "Contractual payment",
                        "Credit limit",
                    )
                ),
                print_money(part, rng),
            )
        )
    if rng.random() < 0.3:
        others.append(
            (
                rng.choice(("Customer number", "Your ref", "Our file ref", "Agent ref")),
                draw_reference(rng),
            )
        )
    if agent and rng.random() < 0.5:
        others.append(("Our ref", draw_reference(rng)))
    rng.shuffle(facts)
    mixed = facts + others
    if rng.random() < 0.5:
        rng.shuffle(mixed)

    # the reference only in the footer, sometimes
    footer_ref = rng.random() < 0.15
    if footer_ref:
        mixed = [p for p in mixed if p[1] != reference]

    head = agent or creditor
    setting = rng.choice(("kv", "table", "above", "right", "boxes", "header", "sidebar"))
    address: list[Row] = [
        (Cell(0.08, rng.choice(PEOPLE)),),
        (Cell(0.08, rng.choice(STREETS)),),
        (Cell(0.08, rng.choice(TOWNS)),),
    ]
    rows: Page = [
        (Cell(0.08, head, True),),
        (Cell(0.08, rng.choice(ADDRESSES)),),
        BLANK,
    ]
    if setting == "header":
        rows += _merge_columns(address, _fact_rows("header", mixed, rng))
        rows += [BLANK]
    else:
        rows += [*address, BLANK]
    text_rows: list[Row] = [(Cell(0.08, rng.choice(titles), True),), BLANK]
    lines = list(body)
    if agent:
        lines.insert(0, f"We act for {creditor}, who has passed your account to us.")
    if rng.random() < 0.3:
        lines.append(
            f"The printed date on this letter may differ: printed {print_date(letter + dt.timedelta(days=rng.randint(1, 3)), rng)}."
        )
    text_rows += [(Cell(0.08, line),) for line in lines]
    if setting == "sidebar":
        rows += _merge_columns(text_rows, _fact_rows("sidebar", mixed, rng))
    elif setting != "header":
        if rng.random() < 0.5:
            rows += [*_fact_rows(setting, mixed, rng), BLANK, *text_rows]
        else:
            rows += [*text_rows, BLANK, *_fact_rows(setting, mixed, rng)]
    else:
        rows += text_rows
    rows.append(BLANK)
    if rng.random() < 0.5:
        bank = rng.choice(BANKS)
        sort = f"{rng.randint(10, 99)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}"
        account = "".join(rng.choice("0123456789") for _ in range(8))
        payee = creditor if rng.random() < 0.5 else (agent or creditor)
        rows += [
            (Cell(0.08, "How to pay", True),),
            (Cell(0.08, f"Pay to: {bank}"), Cell(0.52, f"Sort code {sort}")),
            (Cell(0.08, f"Account name: {payee}"), Cell(0.52, f"Account number {account}")),
        ]
    if footer_ref:
        rows += [BLANK, (Cell(0.08, f"Please quote {reference} on all payments and letters."),)]
    rows += [
        BLANK,
        (Cell(0.08, f"{head} is registered in England and Wales. {rng.choice(ADDRESSES)}."),),
    ]
    truth = Truth(
        document_class=cls,
        creditor_name=creditor,
        account_reference=reference,
        balance_pence=balance,
        letter_date=letter,
        deadline_date=deadline,
    )
    return truth, rows


def build_random(count: int, seed: int = 24) -> list[Sample]:
    """``count`` randomised pages, each with its truth (seeded, deterministic)."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        truth, page = _page(rng)
        out.append(
            Sample(
                name=f"rnd-{seed}-{i}", family=FAMILY, held_out=False, truth=truth, pages=(page,)
            )
        )
    return out
