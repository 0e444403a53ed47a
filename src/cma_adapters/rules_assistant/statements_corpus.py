# ruff: noqa: E501, S311  (data reads better unwrapped; the RNG draws test data)
"""Generated bank statements for the transaction categoriser: payees per SFS line, in
*seen* payee names and description formats (training) and *held-out* ones (other payees,
other banks' formats, written separately; accuracy is reported on these only).

A statement covers two months (so monthly payments repeat): income, rent or mortgage,
council tax, utilities, phone, debt repayments, weekly groceries, fuel, the odd transfer
or cash withdrawal. It can be written as CSV (two seen layouts, one held-out: semicolons,
day-first dashes, separate out/in columns) or OFX.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence

from attrs import frozen

from cma_core.documents.transactions import DEBT_REPAYMENT, NOT_BUDGETED, Transaction

# category -> (seen payees, held-out payees); ``+`` marks money in.
PAYEES: dict[str, tuple[Sequence[str], Sequence[str]]] = {
    "+client_salary": (
        [
            "NORTHERN CARE HOMES LTD SALARY",
            "TESCO STORES LTD WAGES",
            "BRADFORD COUNCIL PAYROLL",
            "ACME LTD SALARY",
        ],
        ["AIRE VALLEY LOGISTICS PAY", "ST LUKES HOSPICE SALARY", "HALDEN ENGINEERING WAGES"],
    ),
    "+uc_tax_credits": (
        ["DWP UC", "DWP UNIVERSAL CREDIT"],
        ["UNIVERSAL CREDIT DWP", "DWP UC PAYMENT"],
    ),
    "+child_benefit": (["HMRC CHILD BENEFIT", "CHB HMRC"], ["HMRC CHB CHILD BEN"]),
    "+disability_benefits": (["DWP PIP", "DWP DLA"], ["DWP PERSONAL INDEPENDENCE"]),
    "+state_pension": (["DWP STATE PENSION"], ["DWP SP PENSION"]),
    "rent": (
        ["RIVERSIDE HOUSING ASSOC", "GREENFIELD HOMES RENT"],
        ["WEAVER VALE HOUSING TRUST", "RENT J BROWN LANDLORD"],
    ),
    "mortgage": (
        ["NORTHGATE BS MORTGAGE", "HALDEN MORTGAGES PLC"],
        ["SEVERN HOME LOANS MTG", "NATIONWIDE BS MORTGAGE"],
    ),
    "council_tax": (
        ["LEEDS CITY COUNCIL CTAX", "KIRKLEES COUNCIL TAX"],
        ["ROTHER DC COUNCIL TAX", "MENDIP BC CTAX"],
    ),
    "gas": (["BRITISH GAS", "PENNANT GAS SUPPLY"], ["WESSEX GAS"]),
    "electricity": (
        ["BRIGHTSIDE ENERGY", "PENNANT POWER", "OCTOPUS ENERGY"],
        ["EDF ENERGY", "WESSEX ELECTRIC"],
    ),
    "water_supply": (
        ["YORKSHIRE WATER", "SEVERN TRENT WATER"],
        ["DEE VALLEY WATER", "UNITED UTILITIES WATER"],
    ),
    "tv_licence": (["TV LICENCE MBP"], ["TVL TV LICENSING"]),
    "home_phone_internet_tv": (
        ["BT GROUP PLC BROADBAND", "SKY DIGITAL", "VIRGIN MEDIA"],
        ["TALKTALK BROADBAND", "PLUSNET INTERNET"],
    ),
    "mobile_phone": (
        ["VODAFONE MOBILE", "EE LIMITED MOBILE", "O2 MOBILE"],
        ["THREE MOBILE", "GIFFGAFF MOBILE"],
    ),
    "groceries": (
        ["TESCO STORES", "ASDA SUPERSTORE", "ALDI STORES", "LIDL GB"],
        ["SAINSBURYS SUPERMARKET", "MORRISONS STORES", "ICELAND FOODS"],
    ),
    "fuel_parking_tolls": (
        ["SHELL FUEL", "BP FUEL STATION", "NCP PARKING"],
        ["ESSO PETROL", "TEXACO FUEL", "RINGGO PARKING"],
    ),
    "public_transport": (["NORTHERN TRAINS", "FIRST BUS"], ["ARRIVA BUS", "TRAINLINE TICKETS"]),
    "car_insurance": (
        ["ADMIRAL CAR INSURANCE", "AVIVA MOTOR INSURANCE"],
        ["DIRECT LINE MOTOR INS", "CHURCHILL CAR INSURANCE"],
    ),
    "clothing_footwear": (
        ["PRIMARK STORES", "NEXT CLOTHING", "CLARKS SHOES"],
        ["MATALAN CLOTHING", "SHOE ZONE"],
    ),
    "hobbies_leisure_sport": (
        ["PUREGYM MEMBERSHIP", "NETFLIX", "SPOTIFY"],
        ["THE GYM GROUP", "DISNEY PLUS"],
    ),
    DEBT_REPAYMENT: (
        [
            "VANQUIS CARDS",
            "ACME LOANS LTD",
            "CABOT FINANCIAL",
            "LOWELL PORTFOLIO",
            "KLARNA BANK",
            "JD WILLIAMS CATALOGUE",
            "MOORLAND CREDIT",
        ],
        [
            "KESTREL LENDING",
            "CALDER CARD SERVICES",
            "STUDIO RETAIL CREDIT",
            "CLEARPAY FINANCE",
            "ASHDOWN CONSUMER FINANCE",
        ],
    ),
    NOT_BUDGETED: (
        ["TRANSFER TO SAVINGS", "CASH WITHDRAWAL LINK ATM", "REFUND AMAZON"],
        ["TFR TO J SMITH", "ATM CASH NOTEMACHINE"],
    ),
}

# Description formats: (out, in). ``{p}`` payee, ``{r}`` a reference, ``{d}`` a day.
SEEN_FORMATS = (
    ("DD {p}", "BGC {p}"),
    ("CARD PAYMENT TO {p} ON {d}", "{p} REF {r}"),
    ("SO {p} REF {r}", "FPI {p}"),
)
HELD_FORMATS = (
    ("DIRECT DEBIT {p} {r}", "FASTER PAYMENTS RECEIPT {p}"),
    ("POS {r} {p}", "BACS CREDIT {p}"),
    ("{p} VIA MOBILE", "CREDIT FROM {p}"),
)

# What recurs and how: category -> (times a month, pence low, pence high)
PATTERN = {
    "rent": (1, 40_000, 70_000), "mortgage": (1, 50_000, 90_000), "council_tax": (1, 9_000, 20_000),
    "gas": (1, 3_000, 9_000), "electricity": (1, 4_000, 12_000), "water_supply": (1, 2_500, 5_000),
    "tv_licence": (1, 1_325, 1_326), "home_phone_internet_tv": (1, 2_500, 6_000), "mobile_phone": (1, 1_000, 4_000),
    "groceries": (4, 3_000, 9_000), "fuel_parking_tolls": (2, 2_000, 6_000), "public_transport": (2, 300, 2_000),
    "car_insurance": (1, 3_000, 8_000), "clothing_footwear": (1, 1_500, 6_000), "hobbies_leisure_sport": (1, 999, 2_500),
    DEBT_REPAYMENT: (1, 1_000, 8_000), NOT_BUDGETED: (1, 1_000, 10_000),
}  # fmt: skip


@frozen(kw_only=True)
class Statement:
    name: str
    held_out: bool
    transactions: tuple[Transaction, ...]
    """With the true ``category``."""


def _describe(
    payee: str, income: bool, rng: random.Random, formats: Sequence[tuple[str, str]], day: dt.date
) -> str:
    out, into = rng.choice(formats)
    return (into if income else out).format(
        p=payee, r=rng.randrange(100000, 999999), d=f"{day:%d%b}".upper()
    )


def build_statement(rng: random.Random, held_out: bool, name: str) -> Statement:
    start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(500))
    formats = HELD_FORMATS if held_out else SEEN_FORMATS
    side = 1 if held_out else 0

    def pick(category: str) -> str:
        return rng.choice(PAYEES[category][side])

    out: list[Transaction] = []

    def add(category: str, payee: str, day: dt.date, pence: int, income: bool) -> None:
        out.append(Transaction(
            date=day, description=_describe(payee, income, rng, formats, day),
            amount_pence=pence if income else -pence, category=category.lstrip("+"),
        ))  # fmt: skip

    income = rng.choice([c for c in PAYEES if c.startswith("+")])
    payer, pay = pick(income), rng.randrange(40_000, 200_000)
    housing = rng.choice(("rent", "mortgage"))
    chosen = [housing, "council_tax", "electricity", "water_supply", "mobile_phone", "groceries",
              DEBT_REPAYMENT, DEBT_REPAYMENT, *rng.sample([c for c in PATTERN if c not in (housing, "rent", "mortgage")], 4)]  # fmt: skip
    fixed = {
        c: (pick(c), rng.randrange(*PATTERN[c][1:])) for c in dict.fromkeys(chosen)
    }  # in order: a set's order follows string hashing
    debts = rng.sample(list(PAYEES[DEBT_REPAYMENT][side]), 2)
    for month in range(2):
        base = start + dt.timedelta(days=30 * month)
        add(income, payer, base + dt.timedelta(days=rng.randrange(0, 3)), pay, True)
        for i, category in enumerate(chosen):
            times, low, high = PATTERN[category]
            payee, amount = fixed[category]
            if category == DEBT_REPAYMENT:
                payee = debts[i % 2]
            for k in range(times):
                day = base + dt.timedelta(days=(3 + i * 2 + k * 7) % 28)
                recurring_amount = times == 1 and category != NOT_BUDGETED
                add(category, payee if recurring_amount else pick(category), day,
                    amount if recurring_amount else rng.randrange(low, high), False)  # fmt: skip
    out.sort(key=lambda t: t.date)
    return Statement(name=name, held_out=held_out, transactions=tuple(out))


def build_statements(count: int, *, seed: int = 14, held_out: bool) -> list[Statement]:
    rng = random.Random(seed)
    return [
        build_statement(rng, held_out, f"{'held' if held_out else 'seen'}-{i}")
        for i in range(count)
    ]


def to_csv(statement: Statement, layout: int) -> bytes:
    """Layout 0: Date,Description,Amount,Balance; 1: Transaction Date,Transaction
    Description,Debit Amount,Credit Amount (seen); 2: semicolons, Posted;Details;Money
    out;Money in with dd-mm-yyyy (held-out)."""
    balance = 50_000
    lines = [
        (
            "Date,Description,Amount,Balance",
            "Transaction Date,Transaction Description,Debit Amount,Credit Amount,Balance",
            "Posted;Details;Money out;Money in",
        )[layout]
    ]
    for t in statement.transactions:
        balance += t.amount_pence
        amount = f"{t.amount_pence / 100:.2f}"
        if layout == 0:
            lines.append(f'{t.date:%d/%m/%Y},"{t.description}",{amount},{balance / 100:.2f}')
        elif layout == 1:
            debit, credit = (
                (f"{-t.amount_pence / 100:.2f}", "") if t.amount_pence < 0 else ("", amount)
            )
            lines.append(f"{t.date:%d/%m/%Y},{t.description},{debit},{credit},{balance / 100:.2f}")
        else:
            debit, credit = (
                (f"{-t.amount_pence / 100:.2f}".replace(".", ","), "")
                if t.amount_pence < 0
                else ("", amount.replace(".", ","))
            )
            lines.append(f"{t.date:%d-%m-%Y};{t.description};{debit};{credit}")
    return ("\r\n".join(lines) + "\r\n").encode()


def to_ofx(statement: Statement) -> bytes:
    """OFX 1.02 (SGML), as UK banks' "Money" exports are."""
    rows = []
    for i, t in enumerate(statement.transactions):
        kind = "CREDIT" if t.amount_pence > 0 else "DEBIT"
        rows.append(
            f"<STMTTRN><TRNTYPE>{kind}<DTPOSTED>{t.date:%Y%m%d}<TRNAMT>{t.amount_pence / 100:.2f}"
            f"<FITID>{statement.name}-{i}<NAME>{t.description[:32]}</STMTTRN>"
        )
    first, last = statement.transactions[0].date, statement.transactions[-1].date
    body = (
        "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
        f"<DTSERVER>{last:%Y%m%d}<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>"
        "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>"
        "<STMTRS><CURDEF>GBP<BANKACCTFROM><BANKID>204577<ACCTID>31926658<ACCTTYPE>CHECKING</BANKACCTFROM>"
        f"<BANKTRANLIST><DTSTART>{first:%Y%m%d}<DTEND>{last:%Y%m%d}{''.join(rows)}</BANKTRANLIST>"
        f"<LEDGERBAL><BALAMT>500.00<DTASOF>{last:%Y%m%d}</LEDGERBAL>"
        "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>"
    )
    header = "OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\nCHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n"
    return (header + body).encode("ascii")


def training_texts(statements: Sequence[Statement]) -> tuple[list[str], list[str]]:
    from cma_adapters.rules_assistant.statements import categoriser_text

    texts, labels = [], []
    for s in statements:
        for t in s.transactions:
            assert t.category is not None
            texts.append(categoriser_text(t.description, t.income))
            labels.append(t.category)
    return texts, labels
