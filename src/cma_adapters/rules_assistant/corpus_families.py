# ruff: noqa: E501  (wording reads better unwrapped)
"""More layout families for the generated corpus: seen ``C`` and ``D``, held-out ``K``.

``C`` and ``D`` widen what the classifier and the label lexicon learn from (issue 14: two
seen templates per class were too few to separate neighbouring kinds of arrears letter).
``K`` is a *second* held-out family, written in one sitting before any tuning of this
round and never used for rules, training or model selection: ordinal dates in the top
corner, the reference in a "please quote" line, amounts in a two-column statement table,
the deadline only in a sentence, and a tear-off reply slip repeating reference and sum.

Each class is described by a ``Spec`` (titles, body sentences, label names per value);
the three layout builders place those values differently.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence

from attrs import frozen

from cma_adapters.rules_assistant.corpus import (
    BLANK,
    FREQUENCY_WORDS,
    Built,
    C,
    Cell,
    Facts,
    Family,
    L,
    Page,
    Row,
    Truth,
    _assign_truth,
    _claim_truth,
    _fmt,
    _income_truth,
    abbr_date,
    debt_truth,
    long_date,
    money,
    ordinal_date,
    short_date,
)
from cma_core.documents.model import DocumentClass


@frozen(kw_only=True)
class Spec:
    titles: tuple[str, ...]
    body: tuple[str, ...]
    labels: Mapping[str, str]
    """value key (ref, date, balance, deadline, creditor, original, claim, instalment,
    person) -> label. ``deadline`` present means the letter sets one."""
    kind: str = "debt"
    """debt | claim | ccj | assign"""
    letterhead: str = "{creditor}"


def _values(f: Facts, fmt_date: object = long_date) -> dict[str, str]:
    show = fmt_date if callable(fmt_date) else long_date
    return {
        "ref": f.reference,
        "date": show(f.letter_date),
        "balance": money(f.balance),
        "deadline": show(f.deadline),
        "creditor": f.creditor,
        "original": f.original,
        "claim": f.claim,
        "instalment": money(f.instalment),
        "person": f.person,
        "served": show(served(f)),
    }


def served(f: Facts) -> dt.date:
    """A claim's printed date of deemed service: five days after issue, or a day or two
    more when the court's posting falls before a weekend."""
    return f.letter_date + dt.timedelta(days=5 + f.letter_date.day % 3)


def _truth(cls: DocumentClass, spec: Spec, f: Facts) -> Truth:
    if spec.kind in ("claim", "ccj"):
        printed: dict[str, object] = {
            "account_reference": f.reference if "ref" in spec.labels else None
        }
        if "served" in spec.labels:
            printed["served_date"] = served(f)
        return _claim_truth(f, cls, **printed)
    if spec.kind == "assign":
        return _assign_truth(f)
    return debt_truth(cls, f, deadline_date=f.deadline if "deadline" in spec.labels else None)


def _text(line: str, f: Facts) -> str:
    return line.format(**_fmt(f))


def family_c(cls: DocumentClass, spec: Spec) -> Family:
    """Seen C: letterhead centred, a reference box at the top right (label | value),
    title, body, then the money and dates in a left-hand label | value table."""

    def build(f: Facts, rng: random.Random) -> Built:
        v = _values(f, short_date)
        head = _text(spec.letterhead, f)
        top = [k for k in ("ref", "date", "served", "claim", "person") if k in spec.labels]
        rest = [k for k in spec.labels if k not in top]
        rows: Page = [
            L(head, x=0.35, bold=True),
            L("Customer Contact Centre, Freepost, Sheffield S1 2GH", x=0.3),
            BLANK,
            *((Cell(0.55, spec.labels[k]), Cell(0.76, v[k])) for k in top),
            BLANK,
            L(rng.choice(spec.titles).format(**_fmt(f)), bold=True),
            BLANK,
            *(L(_text(line, f)) for line in spec.body),
            BLANK,
            *((Cell(0.08, spec.labels[k]), Cell(0.45, v[k])) for k in rest),
            BLANK,
            L("If you are struggling, free debt advice is available from StepChange or"),
            L("National Debtline. Our opening hours are Monday to Friday 9am to 5pm."),
        ]
        return _truth(cls, spec, f), [rows]

    return build


def family_d(cls: DocumentClass, spec: Spec) -> Family:
    """Seen D: memo style. "Re:" title, a two-cell reference line, the body, then a
    three-across box with labels above values; dates as abbreviated months."""

    def build(f: Facts, rng: random.Random) -> Built:
        v = _values(f, abbr_date)
        keys = list(spec.labels)
        rows: Page = [
            L(_text(spec.letterhead, f), bold=True),
            L("Unit 4, Riverside Park, Wakefield WF1 3XX"),
            BLANK,
            L(f.person),
            L("22 Oak Road, Dewsbury WF12 8RT"),
            BLANK,
            L(f"Re: {rng.choice(spec.titles).format(**_fmt(f))}", bold=True),
            BLANK,
            *(L(_text(line, f)) for line in spec.body),
            BLANK,
        ]
        xs = (0.08, 0.38, 0.68)
        for i in range(0, len(keys), 3):
            chunk = keys[i : i + 3]
            rows.append(
                tuple(Cell(x, spec.labels[k], True) for x, k in zip(xs, chunk, strict=False))
            )
            rows.append(tuple(Cell(x, v[k]) for x, k in zip(xs, chunk, strict=False)))
            rows.append(BLANK)
        rows += [L("Yours sincerely"), BLANK, L("Collections Team")]
        return _truth(cls, spec, f), [rows]

    return build


def family_k(cls: DocumentClass, spec: Spec) -> Family:
    """Held-out K: ordinal date top right, "please quote" reference line, prose,
    a statement table (description | amount), the deadline only in a sentence, and a
    tear-off slip. Labels come from ``spec.labels`` (K's own wording)."""

    def build(f: Facts, rng: random.Random) -> Built:
        v = _values(f, ordinal_date)
        lab = spec.labels
        rows: Page = [
            L(_text(spec.letterhead, f), x=0.58, bold=True),
            L("PO Box 77, Norwich NR1 9QQ", x=0.58),
            BLANK,
            L(v["date"], x=0.58),
            BLANK,
        ]
        if "ref" in lab:
            rows.append(L(f"{lab['ref']} {v['ref']}"))
        if "claim" in lab:
            rows.append(L(f"{lab['claim']} {v['claim']}"))
        rows += [BLANK, L(f"Dear {f.person},"), BLANK]
        rows.append(L(rng.choice(spec.titles).format(**_fmt(f)), bold=True))
        rows += [L(_text(line, f)) for line in spec.body]
        rows.append(BLANK)
        for key in ("creditor", "original", "instalment", "balance"):
            if key in lab:
                rows.append((Cell(0.12, lab[key]), Cell(0.7, v[key])))
        if "deadline" in lab:
            rows += [BLANK, L(f"{lab['deadline']} {v['deadline']}.")]
        rows += [
            BLANK,
            L("- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -"),
            L("Reply slip: return with your payment", bold=True),
            (Cell(0.08, "Name"), Cell(0.3, f.person)),
        ]
        if "ref" in lab:
            rows.append((Cell(0.08, "Quote"), Cell(0.3, v["ref"])))
        rows.append((Cell(0.08, "Amount enclosed"), Cell(0.3, "£ ...........")))
        return _truth(cls, spec, f), [rows]

    return build


# -- income, statements and the rest ---------------------------------------------------


def income_c(cls: DocumentClass, title: str, labels: Mapping[str, str]) -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        words = FREQUENCY_WORDS[f.frequency]
        rows: Page = [
            (Cell(0.08, f.payer, True), Cell(0.6, title, True)),
            BLANK,
            (Cell(0.08, labels["date"]), Cell(0.4, short_date(f.letter_date))),
            (Cell(0.08, labels["frequency"]), Cell(0.4, words[0])),
            BLANK,
        ]
        if "gross" in labels:
            rows.append((Cell(0.08, labels["gross"]), Cell(0.4, money(f.gross))))
            rows.append((Cell(0.08, "Tax"), Cell(0.4, money((f.gross - f.net) // 2))))
        rows.append((Cell(0.08, labels["net"]), Cell(0.4, money(f.net))))
        return _income_truth(cls, f), [rows]

    return build


def income_k(cls: DocumentClass, title: str, labels: Mapping[str, str]) -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        words = FREQUENCY_WORDS[f.frequency][2]
        rows: Page = [
            L(f.payer, x=0.58, bold=True),
            L(ordinal_date(f.letter_date), x=0.58),
            BLANK,
            L(title, bold=True),
            L(f"{labels['frequency']} {words}."),
            BLANK,
        ]
        if "gross" in labels:
            rows.append((Cell(0.12, labels["gross"]), Cell(0.7, money(f.gross))))
        rows.append((Cell(0.12, labels["net"]), Cell(0.7, money(f.net))))
        return _income_truth(cls, f), [rows]

    return build


def statement(variant: str) -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        day = f.letter_date - dt.timedelta(days=30)
        if variant == "C":
            rows: Page = [
                (Cell(0.08, "Pennine Building Society", True), Cell(0.6, "Statement of account")),
                (Cell(0.6, "Statement date"), Cell(0.8, short_date(f.letter_date))),
                (Cell(0.08, "Date"), Cell(0.22, "Transaction"), Cell(0.6, "Debit"), Cell(0.74, "Credit"), Cell(0.86, "Balance")),
            ]  # fmt: skip
        elif variant == "D":
            rows = [
                L("Moorside Bank plc", bold=True),
                L(f"Your current account statement - {abbr_date(f.letter_date)}"),
                L("Opening balance £402.18    Payments in £1,120.00    Payments out £936.44"),
                (Cell(0.08, "Date"), Cell(0.22, "What for"), Cell(0.62, "Paid out"), Cell(0.76, "Paid in")),
            ]  # fmt: skip
        else:
            rows = [
                (Cell(0.08, "Wyvern Bank", True), Cell(0.58, f"Printed {ordinal_date(f.letter_date)}")),
                L("Everyday account - transactions this period"),
                (Cell(0.08, "Day"), Cell(0.2, "Payee / reference"), Cell(0.64, "Withdrawn"), Cell(0.8, "Deposited")),
            ]  # fmt: skip
        for label, amount, out in (
            ("DD COUNCIL TAX", 15100, True),
            ("SALARY ACME LTD" if variant != "K" else "BGC EMPLOYER PAY", 112000, False),
            ("POS ALDI", 4310, True),
            ("SO RENT", 48000, True),
            ("DD WATER", 3300, True),
        ):
            day += dt.timedelta(days=rng.randrange(1, 6))
            col = {"C": (0.6, 0.74), "D": (0.62, 0.76), "K": (0.64, 0.8)}[variant][0 if out else 1]
            rows.append(
                (
                    Cell(0.08, f"{day:%d/%m}"),
                    Cell(0.22 if variant != "K" else 0.2, label),
                    Cell(col, money(amount)),
                )
            )
        return Truth(document_class=C.BANK_STATEMENT, letter_date=f.letter_date), [rows]

    return build


OTHER_TEXTS = {
    "C": [
        "Calder Valley Library",
        "Opening hours",
        "",
        "The library is open late on Thursdays.",
        "Children's story time is on Saturday mornings.",
        "Ask at the desk about free computer sessions.",
    ],
    "D": [
        "Dewsbury Allotment Society",
        "Annual general meeting",
        "",
        "The meeting will be held in the scout hut.",
        "Please bring your plot number and ideas for the open day.",
        "Tea and biscuits provided.",
    ],
    "K": [
        "Holme Moss Walking Group",
        "Walks programme",
        "",
        "Meet at the car park at nine with boots and a packed lunch.",
        "Routes are graded easy, moderate or hard.",
        "Dogs on leads are welcome.",
    ],
}


def other(variant: str) -> Family:
    def build(f: Facts, rng: random.Random) -> Built:
        texts = OTHER_TEXTS[variant]
        return Truth(document_class=C.OTHER), [
            [L(t, bold=i < 2) if t else BLANK for i, t in enumerate(texts)]
        ]

    return build


def _s(titles: Sequence[str], body: Sequence[str], labels: Mapping[str, str], **kw: str) -> Spec:
    return Spec(titles=tuple(titles), body=tuple(body), labels=dict(labels), **kw)


# Seen C/D wording per class (debt-shaped classes). K's is further down and was written
# separately; nothing in the reader is tuned on it.
SEEN_SPECS: dict[DocumentClass, tuple[Spec, Spec]] = {
    C.CREDITOR_LETTER: (
        _s(
            ["Notice of arrears", "Reminder: payment overdue"],
            [
                "Your credit card account is now {instalment} in arrears.",
                "Please bring your account up to date or contact us to discuss an arrangement.",
            ],
            {
                "ref": "Card account",
                "date": "Date of letter",
                "balance": "Current balance",
                "deadline": "Please pay by",
            },
        ),
        _s(
            ["Missed payments on your loan", "Your overdraft is overdue"],
            [
                "We wrote to you on {body_date} about your missed payments.",
                "Missed payments are reported to credit reference agencies.",
            ],
            {
                "ref": "Loan account no.",
                "date": "Date",
                "balance": "Balance outstanding",
                "deadline": "Reply by",
            },
        ),
    ),
    C.COURT_CLAIM_N1: (
        _s(
            ["Claim form", "Money claim - claim form N1"],
            [
                "The claimant claims the sum due under a credit agreement.",
                "You must respond within 14 days of service: admit, defend or acknowledge.",
            ],
            {
                "claim": "Claim number",
                "date": "Issue date",
                "served": "Deemed served",
                "creditor": "Claimant",
                "ref": "Claimant's ref",
                "balance": "Total amount",
            },
            kind="claim",
            letterhead="County Court Business Centre",
        ),
        _s(
            ["Claim form (CPR Part 7)", "N1 claim form"],
            [
                "Particulars of claim: the defendant failed to pay the balance of the account.",
                "Court fee and legal representative's costs are included in the total.",
            ],
            {
                "claim": "Claim no",
                "date": "Date of issue",
                "creditor": "Claimant's name",
                "ref": "Account",
                "balance": "Total amount claimed",
            },
            kind="claim",
            letterhead="County Court Money Claims Centre",
        ),
    ),
    C.COUNTY_COURT_JUDGMENT: (
        _s(
            ["Judgment in default", "Judgment for claimant"],
            [
                "The defendant has not filed a defence. It is ordered that the defendant pay the claimant",
                "the judgment sum. This judgment will be registered on the Register of Judgments.",
            ],
            {
                "claim": "Claim number",
                "date": "Date of judgment",
                "creditor": "Claimant",
                "ref": "Claimant's ref",
                "balance": "Judgment debt",
            },
            kind="ccj",
            letterhead="County Court Business Centre",
        ),
        _s(
            ["Judgment on acceptance", "County court judgment (CCJ)"],
            [
                "Judgment has been entered against you. You must pay the claimant as ordered.",
                "If you do not pay, the claimant may apply for enforcement such as a warrant of control.",
            ],
            {
                "claim": "Claim no",
                "date": "Judgment date",
                "creditor": "Judgment creditor",
                "balance": "Amount of judgment",
                "instalment": "Instalments per month",
            },
            kind="ccj",
            letterhead="County Court at Bradford",
        ),
    ),
    C.ENFORCEMENT_AGENT_NOTICE: (
        _s(
            ["Notice of enforcement", "Compliance stage notice"],
            [
                "A liability order has been passed to us as enforcement agents.",
                "If payment is not made, an enforcement agent will visit to take control of goods.",
            ],
            {
                "ref": "Case reference",
                "date": "Date of notice",
                "creditor": "Client",
                "balance": "Total due",
                "deadline": "Payment must be received by",
            },
            letterhead="{agent}",
        ),
        _s(
            ["Warrant of control - notice", "Enforcement: taking control of goods"],
            [
                "A warrant of control has been issued for the debt shown.",
                "Fees are added at the enforcement stage under the 2014 Fees Regulations.",
            ],
            {
                "ref": "Our ref",
                "date": "Dated",
                "creditor": "On behalf of",
                "balance": "Amount outstanding",
                "deadline": "Pay before",
            },
            letterhead="{agent}",
        ),
    ),
    C.STATUTORY_DEMAND: (
        _s(
            ["Statutory demand", "Statutory demand under section 268 Insolvency Act 1986"],
            [
                "The creditor demands payment of the debt within 21 days of service.",
                "You may apply to set aside this demand within 18 days; bankruptcy may follow.",
            ],
            {
                "creditor": "Creditor",
                "ref": "Creditor's reference",
                "date": "Dated",
                "balance": "Amount of the debt",
            },
        ),
        _s(
            ["Form SD1 statutory demand", "Demand under the Insolvency Rules 2016"],
            [
                "If you do not pay or agree terms, a bankruptcy petition may be presented.",
                "Get advice immediately: time limits apply to setting aside.",
            ],
            {
                "creditor": "Name of the creditor",
                "ref": "Reference",
                "date": "Date of demand",
                "balance": "Total amount of debt",
            },
        ),
    ),
    C.COUNCIL_TAX: (
        _s(
            ["Council tax - first reminder", "Council tax demand notice"],
            [
                "Your council tax instalments are in arrears. Band D property.",
                "Pay the instalments due or you will lose the right to pay by instalments.",
            ],
            {
                "ref": "Council tax reference",
                "date": "Date of notice",
                "balance": "Amount now due",
                "deadline": "Pay within 7 days, by",
            },
        ),
        _s(
            ["Council tax second reminder", "Summons warning - council tax"],
            [
                "The billing authority may apply to the magistrates' court for a liability order.",
                "Council tax reduction may help if your income is low.",
            ],
            {
                "ref": "Council tax account",
                "date": "Issue date",
                "balance": "Arrears",
                "deadline": "Must be paid by",
            },
        ),
    ),
    C.UTILITY_BILL: (
        _s(
            ["Your electricity bill", "Your gas and electricity statement"],
            [
                "Meter reading 18452 (actual). You used 932 kWh this period.",
                "Standing charge 60.10p per day; unit rate 27.03p per kWh.",
            ],
            {
                "ref": "Account number",
                "date": "Bill date",
                "balance": "Amount to pay",
                "deadline": "Direct debit collected on",
            },
        ),
        _s(
            ["Your water bill", "Water and sewerage bill 2025/26"],
            [
                "Metered water supply: 42 cubic metres. Sewerage charges included.",
                "This bill will be collected by direct debit in instalments.",
            ],
            {
                "ref": "Customer reference",
                "date": "Date of bill",
                "balance": "Total charges",
                "deadline": "Due date",
            },
        ),
    ),
    C.UTILITY_ARREARS: (
        _s(
            ["Your energy account is in debt", "Arrears on your gas account"],
            [
                "You owe us money for energy you have used. We want to help you repay.",
                "If you do not contact us we may apply for a warrant to fit a prepayment meter.",
            ],
            {
                "ref": "Account number",
                "date": "Date",
                "balance": "Amount in arrears",
                "deadline": "Contact us by",
            },
        ),
        _s(
            ["Unpaid water charges", "Overdue electricity bills"],
            [
                "Your account has unpaid charges from previous bills.",
                "We may pass your debt to a collection agency if it stays unpaid.",
            ],
            {
                "ref": "Customer number",
                "date": "Letter date",
                "balance": "Overdue amount",
                "deadline": "Please pay by",
            },
        ),
    ),
    C.MAGISTRATES_FINE: (
        _s(
            ["Fine reminder - magistrates' court", "Notice of unpaid fine"],
            [
                "You have fallen behind with payments under your collection order.",
                "Fines officers may apply to deduct payments from benefits or earnings.",
            ],
            {
                "ref": "Account",
                "date": "Date",
                "balance": "Amount outstanding",
                "deadline": "Pay by",
            },
        ),
        _s(
            ["Further steps notice", "Collection order - payment overdue"],
            [
                "The court may issue a distress warrant or increase the fine.",
                "Compensation and costs form part of the total.",
            ],
            {
                "ref": "Fine account number",
                "date": "Date of notice",
                "balance": "Balance of fines",
                "deadline": "Payment due by",
            },
        ),
    ),
    C.NOTICE_OF_ASSIGNMENT: (
        _s(
            ["Notice of assignment", "Your account has been assigned"],
            [
                "Your account has been sold and legally assigned to us.",
                "Please pay us and not the original creditor from now on.",
            ],
            {
                "ref": "Our account number",
                "date": "Date",
                "original": "Original creditor",
                "balance": "Balance assigned",
            },
            kind="assign",
        ),
        _s(
            ["Debt transfer notice", "Change of creditor"],
            [
                "The rights under your agreement have been transferred to a new owner.",
                "Law of Property Act 1925, section 136. Your terms do not change.",
            ],
            {
                "ref": "New reference",
                "date": "Dated",
                "original": "Assigned from",
                "balance": "Balance at assignment",
            },
            kind="assign",
        ),
    ),
    C.OVERPAYMENT: (
        _s(
            ["Benefit overpayment", "We have paid you too much"],
            [
                "You were paid benefit you were not entitled to. This overpayment is recoverable.",
                "We will recover it by deductions from your benefit unless you contact us.",
            ],
            {
                "ref": "Overpayment reference",
                "date": "Date",
                "balance": "Amount overpaid",
                "deadline": "Reply by",
            },
        ),
        _s(
            ["Tax credits overpayment", "Notice of overpaid tax credits"],
            [
                "HMRC has worked out that you were overpaid tax credits.",
                "You can ask for a mandatory reconsideration within one month.",
            ],
            {
                "ref": "Tax credits reference",
                "date": "Date of notice",
                "balance": "Total overpayment",
                "deadline": "Pay by",
            },
        ),
    ),
    C.MORTGAGE_ARREARS: (
        _s(
            ["Mortgage arrears", "Missed mortgage payment"],
            [
                "Your mortgage account is in arrears. Your home may be repossessed",
                "if you do not keep up repayments on your mortgage.",
            ],
            {
                "ref": "Mortgage account",
                "date": "Date",
                "balance": "Arrears",
                "instalment": "Monthly payment",
                "deadline": "Please contact us by",
            },
        ),
        _s(
            ["Arrears on your home loan", "Pre-action protocol for possession claims"],
            [
                "We must follow the pre-action protocol before any possession claim.",
                "Please complete the income and expenditure form enclosed.",
            ],
            {
                "ref": "Account number",
                "date": "Letter date",
                "balance": "Mortgage arrears",
                "deadline": "Return the form by",
            },
        ),
    ),
    C.RENT_ARREARS: (
        _s(
            ["Rent arrears reminder", "Your rent account is behind"],
            [
                "Your tenancy rent account shows arrears. Rent is due weekly in advance.",
                "Your landlord may serve a notice seeking possession.",
            ],
            {
                "ref": "Tenancy number",
                "date": "Date",
                "balance": "Rent owed",
                "deadline": "Please pay or call us by",
            },
        ),
        _s(
            ["Notice of rent arrears", "Housing association rent arrears"],
            [
                "Housing benefit or the housing element of universal credit may not cover the full rent.",
                "Your tenancy could be at risk; eviction is a last resort.",
            ],
            {
                "ref": "Rent reference",
                "date": "Dated",
                "balance": "Rent arrears balance",
                "deadline": "Pay by",
            },
        ),
    ),
    C.BNPL_CATALOGUE_ARREARS: (
        _s(
            ["Missed instalment", "Your buy now pay later payment failed"],
            [
                "We could not collect your instalment for your order.",
                "Late fees may be added and you cannot make new purchases until you pay.",
            ],
            {
                "ref": "Order reference",
                "date": "Date",
                "balance": "Amount overdue",
                "deadline": "Pay by",
            },
        ),
        _s(
            ["Catalogue account overdue", "Shopping account arrears"],
            [
                "Your catalogue account is in arrears and your credit limit is on hold.",
                "Pay the arrears to start ordering again.",
            ],
            {
                "ref": "Catalogue account number",
                "date": "Date of statement",
                "balance": "Arrears balance",
                "deadline": "Minimum payment due by",
            },
        ),
    ),
    C.LETTER_OF_CLAIM: (
        _s(
            ["Letter of claim", "Letter before action"],
            [
                "Pre-Action Protocol for Debt Claims: the reply form, information sheet and",
                "financial statement are enclosed. Please reply within 30 days of this letter.",
            ],
            {"ref": "Account reference", "date": "Date", "balance": "Amount owed"},
        ),
        _s(
            ["Pre-action letter", "Letter of claim under the pre-action protocol"],
            [
                "If you do not reply within 30 days we may issue court proceedings.",
                "You may ask for more time to seek debt advice.",
            ],
            {"ref": "Our ref", "date": "Date of this letter", "balance": "Total balance"},
        ),
    ),
}


# Held-out K: one spec per debt-shaped class, written separately (see the module text).
HELD_SPECS: dict[DocumentClass, Spec] = {
    C.CREDITOR_LETTER: _s(
        ["We need to hear from you"],
        [
            "Your repayments have stopped and your agreement is in breach.",
            "Call our friendly team to set up an affordable plan.",
        ],
        {
            "ref": "Please quote:",
            "balance": "Amount you owe us",
            "deadline": "Please get in touch on or before",
        },
    ),
    C.COURT_CLAIM_N1: _s(
        ["Claim issued against you"],
        [
            "A claim for money has been issued in the county court. Read the notes for defendant.",
            "Respond using the response pack within 14 days of service.",
        ],
        {
            "claim": "Court claim:",
            "ref": "Claimant reference:",
            "creditor": "Claimant named",
            "balance": "Total sum claimed",
        },
        kind="claim",
        letterhead="Civil National Business Centre",
    ),
    C.COUNTY_COURT_JUDGMENT: _s(
        ["Order for payment"],
        [
            "Judgment is entered for the claimant because you did not reply to the claim.",
            "You must pay the judgment creditor directly; do not send money to the court.",
        ],
        {
            "claim": "Case:",
            "ref": "Creditor's account:",
            "creditor": "Person entitled to payment",
            "balance": "Amount you are ordered to pay",
        },
        kind="ccj",
        letterhead="Northampton County Court",
    ),
    C.ENFORCEMENT_AGENT_NOTICE: _s(
        ["Notice: your goods may be taken"],
        [
            "We hold a warrant to take control of your goods for unpaid council tax.",
            "A visit will add further fees to what you already owe.",
        ],
        {
            "ref": "Please quote:",
            "creditor": "Debt owed to",
            "balance": "Now due including fees",
            "deadline": "To stop a visit, pay in full on or before",
        },
        letterhead="{agent}",
    ),
    C.STATUTORY_DEMAND: _s(
        ["Statutory demand - bankruptcy"],
        [
            "This demand is served under the Insolvency Act 1986. If you do nothing within",
            "21 days a petition for your bankruptcy may be presented to the court.",
        ],
        {"ref": "Creditor's ref:", "creditor": "Demanding creditor", "balance": "Debt demanded"},
    ),
    C.COUNCIL_TAX: _s(
        ["Council Tax: you are behind"],
        [
            "The instalment for your Band B home has not been paid.",
            "If it is not paid you will have to pay the full year at once.",
        ],
        {
            "ref": "Council Tax number:",
            "balance": "Overdue instalments",
            "deadline": "To keep paying monthly, pay by",
        },
    ),
    C.UTILITY_BILL: _s(
        ["Your bill this quarter"],
        [
            "Based on readings taken on {body_date}. Energy used: 640 kWh.",
            "Daily standing charge and VAT at 5% included.",
        ],
        {
            "ref": "Your account:",
            "balance": "Total for this period",
            "deadline": "We will collect this by direct debit on",
        },
    ),
    C.UTILITY_ARREARS: _s(
        ["Your account is overdue"],
        [
            "You have not paid your last two bills for gas and electricity.",
            "A prepayment meter could be fitted under warrant if you do not contact us.",
        ],
        {
            "ref": "Account:",
            "balance": "Unpaid energy charges",
            "deadline": "Pay or set up a plan by",
        },
    ),
    C.MAGISTRATES_FINE: _s(
        ["Warning: fine in default"],
        [
            "Your court fine is overdue. The fines officer can take further steps including",
            "an attachment of earnings order or a warrant.",
        ],
        {
            "ref": "Account ref:",
            "balance": "Fine still unpaid",
            "deadline": "You must pay on or before",
        },
    ),
    C.NOTICE_OF_ASSIGNMENT: _s(
        ["Your account has a new owner"],
        [
            "Your account was assigned to us under the Law of Property Act 1925.",
            "Your terms stay the same; pay us from now on.",
        ],
        {
            "ref": "Please quote:",
            "original": "Account originally with",
            "balance": "Amount assigned to us",
        },
        kind="assign",
    ),
    C.OVERPAYMENT: _s(
        ["Repaying an overpayment"],
        [
            "A decision has been made that you were overpaid benefit.",
            "The overpayment will be recovered from your ongoing award.",
        ],
        {
            "ref": "Debt reference:",
            "balance": "Recoverable amount",
            "deadline": "Tell us about a repayment plan by",
        },
    ),
    C.MORTGAGE_ARREARS: _s(
        ["About your mortgage repayments"],
        [
            "We have not received your monthly mortgage repayment.",
            "Possession proceedings are a last resort; talk to us first.",
        ],
        {
            "ref": "Mortgage number:",
            "instalment": "Contractual monthly repayment",
            "balance": "Arrears on the mortgage",
            "deadline": "Please call us on or before",
        },
    ),
    C.RENT_ARREARS: _s(
        ["Rent owing on your tenancy"],
        [
            "Your rent account has not been paid in full. Speak to your housing officer.",
            "We may serve a notice seeking possession if nothing is paid.",
        ],
        {
            "ref": "Tenancy ref:",
            "balance": "Rent outstanding",
            "deadline": "Please clear the rent owing by",
        },
    ),
    C.BNPL_CATALOGUE_ARREARS: _s(
        ["Payment missed on your plan"],
        [
            "We tried to take your scheduled payment but it was declined.",
            "Your account is paused until the missed payment is made.",
        ],
        {"ref": "Plan ID:", "balance": "Missed payments total", "deadline": "We will try again on"},
    ),
    C.LETTER_OF_CLAIM: _s(
        ["Formal letter before court action"],
        [
            "Under the pre-action protocol for debt claims you have 30 days to respond.",
            "Use the reply form enclosed; you can ask for extra time to get advice.",
        ],
        {"ref": "Please quote:", "balance": "Outstanding debt"},
    ),
}


def seen_extra() -> dict[DocumentClass, list[Family]]:
    out: dict[DocumentClass, list[Family]] = {
        cls: [family_c(cls, c), family_d(cls, d)] for cls, (c, d) in SEEN_SPECS.items()
    }
    out[C.PAYSLIP] = [
        income_c(
            C.PAYSLIP,
            "Payslip",
            {
                "date": "Payment date",
                "frequency": "Pay frequency",
                "gross": "Gross pay",
                "net": "Net pay",
            },
        ),
        income_c(
            C.PAYSLIP,
            "Wage slip",
            {
                "date": "Date paid",
                "frequency": "Period",
                "gross": "Total gross",
                "net": "Take home pay",
            },
        ),
    ]
    out[C.BENEFIT_AWARD] = [
        income_c(
            C.BENEFIT_AWARD,
            "Universal Credit statement",
            {"date": "Payment date", "frequency": "Paid", "net": "Total payment"},
        ),
        income_c(
            C.BENEFIT_AWARD,
            "Benefit award notice",
            {"date": "Date", "frequency": "How often", "net": "Amount you will get"},
        ),
    ]
    out[C.BANK_STATEMENT] = [statement("C"), statement("D")]
    out[C.OTHER] = [other("C"), other("D")]
    return out


def held_extra() -> dict[DocumentClass, Family]:
    out: dict[DocumentClass, Family] = {cls: family_k(cls, s) for cls, s in HELD_SPECS.items()}
    out[C.PAYSLIP] = income_k(
        C.PAYSLIP,
        "Your pay this period",
        {
            "frequency": "You are paid",
            "gross": "Pay before deductions",
            "net": "Pay after deductions",
        },
    )
    out[C.BENEFIT_AWARD] = income_k(
        C.BENEFIT_AWARD,
        "Benefit payment statement",
        {"frequency": "We pay you", "net": "Amount paid to you"},
    )
    out[C.BANK_STATEMENT] = statement("K")
    out[C.OTHER] = other("K")
    return out


__all__ = ["Row", "Spec", "held_extra", "seen_extra"]
