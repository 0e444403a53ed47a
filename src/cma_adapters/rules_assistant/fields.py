# ruff: noqa: E501  (data and patterns read better unwrapped; the RNG draws test data)
"""Fields read by position and scored: every candidate kept, the best chosen.

A candidate is a value parsed from what ``layout.find_label_hits`` found beside or under
a label, or (weaker) from the letterhead or a sentence of the body. Its score adds what
the label says (a *total* beats an *amount*, an *instalment* or *fee* counts against),
where the value sits (in or beside the label cell beats a sentence), and what the
document class expects. The adviser sees the chosen value and the alternatives with
their roles and boxes (``FieldEvidence``).

The label vocabulary is general: a label *contains* a kind of word ("date", "ref",
"balance", ends in "by"...), not one exact phrase, so labels worded differently from the
corpus's seen families are still recognised.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

import attrs
from attrs import frozen

from cma_adapters.rules_assistant.fields_kinds import (
    ARREARS_AFTER,
    BY_INSTALMENTS,
    NI_NUMBER,
    STATED_BEFORE,
    beside_deadline,
    body_columns,
    carried_over,
    clock_time,
    creditor_kinds,
    cumulative_pay,
    fuller_form,
    glued_date,
    in_the_court,
    in_words_before,
    is_clause,
    is_figure,
    label_before,
    last_sentence,
    lender_label,
    letter_prefix,
    lost_figures,
    own_clause,
    reference_kinds,
    registered_name,
    rejoined_pounds,
    relative_clause,
    sentence_start,
    trailing_minus,
    whole_debt,
    whole_loan_said,
    without_letter_o,
    without_rule,
)
from cma_adapters.rules_assistant.layout import (
    Cell,
    Hit,
    Layout,
    cell_below,
    find_label_hits,
    norm_words,
    union,
)
from cma_core.documents.model import Box, DocumentClass, FieldEvidence, Word

C = DocumentClass

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A date as letters print it: "3rd Dec 2026", "3 December 2026", "03-Dec-26", "3/12/2026",
# and a two-digit year ("11.12.25", "30-Jul-25"). A numeric date with a two-digit year must
# use "." or "/" with the same separator twice: "23-14-70" is a sort code, not a date.
# Also "this 18th day of March 2026" (deeds and demands) and ISO "2026-03-18".
DATE = re.compile(
    # (OCR reads a "1" before an ordinal as "I" or "l", a "5" as "S": "Ist Oct 2026",
    # "2Ist", "llth", "Sth August 2026", "1Sth")
    # (and a "1" read as "4": "44th January", "46-Jun-2025": no day is in the forties,
    # round 12)
    rf"\b(?P<d>[0-4]?\d|(?-i:(?:[0-3]|[Il])?[Il](?=(?:st|th)\b))|(?-i:[12Il]?S(?=th\b)))"
    # (or slashes around the month's name: "17/May/2025", "12/FEB/2026")
    rf"(?:st|nd|rd|th)?(?:\s+day)?(?:\s+of)?(?:[\s-]+|/(?=[A-Za-z]{{3,9}}/))(?P<m>{_MONTH_RE})\.?,?"
    # (a speck OCR reads between the month and a four-digit year: "9th of July:2025")
    r"(?:[\s-]+|/|:\s*(?=(?:19|20)\d\d))"
    r"(?P<y>(?:19|20)\d\d(?!\d)|'?\d\d(?![\d:]))"
    r"|\b(?P<d2>[0-4]?\d)\s*[/.-]\s*(?P<m2>[01]?\d)\s*[/.-]\s*(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<d3>[0-3]?\d)(?P<sep>[/.])(?P<m3>[01]?\d)(?P=sep)(?P<y3>\d\d)(?![\d.,/-]?\d)"
    # the year first: "2026-08-25", "2026/08/25", "2026.08.25" (one separator)
    r"|\b(?P<y4>(?:19|20)\d\d)(?P<sep4>[-/.])(?P<m4>[01]\d)(?P=sep4)(?P<d4>[0-3]\d)\b"
    # the month first, as American and e-mail headers print it: "Mar 3, 2026", "June 3rd 2026"
    # (OCR may drop the spaces: "Mar8,2025")
    rf"|\b(?P<m5>{_MONTH_RE})\.?(?:\s+|(?=\d))(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*|\s+)"
    r"(?P<y5>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# "£" is often read as "E", "f" or "£" with a space; accept those only right before digits.
# After "£" or "GBP" the pence may be left out ("£1,234", whole pounds) or cut to one
# figure ("£1234.5", as a spreadsheet prints £1,234.50); a bare number needs its pence.
MONEY = re.compile(
    # (OCR may space a thousands comma: "£1, 531.92", when the pence follow, round 12)
    # (a protected amount's asterisks after the pound sign, "£***4,922.94", round 14)
    r"(?:(?P<cur>£\**|GBP)|(?<![A-Za-z])[Ef])?\s?(?P<n>\d{1,3}(?:(?:[,\s]|,\s(?=\d{3}\.\d\d\b))\d{3})+|\d+)"
    r"(?:[.,:](?P<p>\d\d)\b|(?(cur)(?:\.(?P<p1>\d)(?![\d.,])|(?![.,:]?\d|\s\d{3}\b))|(?!)))"
)


def pence_of(m: re.Match[str]) -> int:
    """The amount a ``MONEY`` match reads, in pence."""
    pounds = int(re.sub(r"\D", "", m.group("n"))) * 100
    if m.group("p"):
        return pounds + int(m.group("p"))
    return pounds + (int(m.group("p1")) * 10 if m.group("p1") else 0)


REFERENCE = re.compile(
    # Digits printed in groups ("5123 3522 1046") are one reference: 3-5 digits a group.
    # A bank-style prefix may lead ("NB22 9596 3229"), and a short group of two figures or
    # two letters may close it at the end of its cell ("0516 4730 02", "799 929 ZZ").
    r"\b(?:[A-Z]{1,3}\d{1,3} )?\d{3,5}(?: \d{3,5}){1,4}"
    r"(?:(?: (?:\d\d|[A-Z]{2}))(?=\s{2,}|\s*\n|\s*$|[,;)]))?\b(?![.,]\d)"
    # A card number printed masked: "8082 XXXX XXXX 9738", "4929 **** **** 1234".
    r"|\b\d{4}(?: (?:[X*•]{4}|\d{4})){2}(?: \d{3,4})\b"
    r"|\b(?=[A-Z0-9/-]*\d)[A-Z0-9][A-Z0-9/-]{4,}[A-Z0-9]\b"
    r"|(?-i:" + NI_NUMBER + ")",  # (round 14)
    re.IGNORECASE,
)
CLAIM = re.compile(r"\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{6,10}\b")
ORGANISATION = re.compile(
    r"\b(?:Ltd|Limited|PLC|Bank|Council|Energy|Water|Power|Gas|Electric|Finance|Financial"
    r"|Credit|Loans?|Capital|Building\s+Society|Collections?|Recover(?:y|ies)|HMRC|Revenue"
    r"|Customs|Telecom|Mobile|Insurance|Housing|Homes|Association|Trust|Cards?|Portfolio"
    r"|Lending|Funding|Group|Mortgages?|Catalogue|Services|Department|Office|Courts?|Unit"
    r"|AB|LLP|Hospice|Stores|Logistics|Management|Agency|Authority|DWP|DVLA|HMCTS"
    r"|Tribunals?|Partnership|Solicitors|Social\s+Security"
    # a benefit's own office, which pays it: "Pension Centre", "Maternity Allowance Centre"
    # (not "Customer Contact Centre", "Claim Production Centre": a desk of any firm)
    r"|(?:(?<=Allowance )|(?<=Pension )|(?<=Benefit )|(?<=Benefits ))Centre"
    # "The Pension Service" (a name's last word), not "Service date" (a label)
    r"|(?<=[A-Za-z] )Service(?!\s+[a-z])"
    # a body named for the country, "UK" its name's last word: "Veterans UK" ("Registered
    # in England" is no name, so only "UK")
    r"|(?<=[A-Za-z] )UK(?=\.?$))\b\.?",
    re.IGNORECASE,
)
# A court writes judgments and claims but is owed nothing (a magistrates' court's fines
# office is the exception: the fine is owed to it).
COURT = re.compile(r"\b(?:county court|high court|business centre|court service|tribunal)\b", re.I)
AGENT_WORDS = re.compile(
    r"\b(?:enforcement|recover(?:y|ies)|collections?|debt\s+recovery|credit\s+services"
    r"|holdings|bailiffs?)\b",
    re.IGNORECASE,
)


def parse_money(text: str) -> int | None:
    """The first amount that is not part of a date ("12.07.26 to 08.10.26" is a period)."""
    text = rejoined_pounds(text)  # "£1 4,741.79" (round 14)
    dates = [m.span() for m in DATE.finditer(text)]
    for m in MONEY.finditer(text):
        if any(start <= m.start("n") < end for start, end in dates) or clock_time(m):
            continue  # (a clock time, "16:38", is no amount either: round 12)
        if lost_figures(text, m.start("n")):
            continue  # "£AXKA, 922.94": OCR lost the figures before the comma (round 14)
        pence = pence_of(m)
        # "-379.41" is a deduction; "-£7,025.31" is as often a speck before the "£".
        minus = text[: m.start("n")].rstrip().endswith(("-", "−"))
        # "41.65-": a credit printed with its minus after it (round 14)
        return -pence if minus or trailing_minus(text, m.end()) else pence
    return None


def _year(text: str) -> int:
    digits = int(text.lstrip("'"))
    return digits if digits > 99 else 2000 + digits


def _day(figures: str) -> int:
    """A day of the month as printed; "4x" is OCR's "1x" (no day is in the forties)."""
    return int("1" + figures[1] if len(figures) == 2 and figures[0] == "4" else figures)


def date_of(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("d"):
            y = m.group("y")
            # "16 May 12 payments" is a count, not a year; "13 Jul 25" alone or before
            # punctuation is a date.
            after = m.string[m.end() :]
            two_digits = len(y.lstrip("'")) == 2 and not re.search(r"-|'", m.group())
            if two_digits and re.match(r"\s*[A-Za-z0-9]", after):
                return None
            month = _MONTHS[m.group("m").lower().rstrip(".")]
            day = _day(re.sub("[Il]", "1", m.group("d")).replace("S", "5"))
            return dt.date(_year(m.group("y")), month, day)
        if m.group("d2"):
            return dt.date(int(m.group("y2")), int(m.group("m2")), _day(m.group("d2")))
        if m.group("m5"):
            month = _MONTHS[m.group("m5").lower().rstrip(".")]
            return dt.date(int(m.group("y5")), month, int(m.group("d5")))
        if m.group("y4"):
            return dt.date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
        return dt.date(_year(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    except (ValueError, KeyError):
        return None


def parse_date(text: str) -> dt.date | None:
    for m in DATE.finditer(text):
        date = date_of(m)
        if date is not None:
            return date
    return None


def parse_reference(text: str) -> str | None:
    for m in REFERENCE.finditer(text):
        value = m.group().strip("-/")
        if DATE.fullmatch(value) or re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value):
            continue
        if glued_date(value):
            continue  # "to21/12/25": a date OCR joined to the word before it (round 14)
        if value[:1].isdigit() and " " in value:  # (round 14: "XYZ 4047 4756")
            value = letter_prefix(text, m.start()) + value
        return value.upper()
    return None


# A court's case number in parts between slashes: a Scottish simple procedure case
# ("SP/PAI/2257/25": procedure, court, number, year), a Northern Irish or tribunal one.
_CASE_NUMBER = re.compile(r"\b[A-Z]{1,4}(?:/[A-Z0-9]{1,6}){1,3}/\d{2,4}\b")


def parse_claim(text: str) -> str | None:
    case = _CASE_NUMBER.search(text.upper())
    if case and re.search(r"\d", case.group()) and not DATE.fullmatch(case.group()):
        return case.group()
    m = CLAIM.search(text.upper())
    if m is None:
        # OCR may split the number at a space: "E44V C869" (two short parts, one claim).
        m = re.search(r"\b((?=[A-Z]*\d)[A-Z0-9]{3,5}) ((?=[A-Z]*\d)[A-Z0-9]{3,5})\b", text.upper())
        joined = m.group(1) + m.group(2) if m else ""
        return without_letter_o(joined) if CLAIM.fullmatch(joined) else None
    return without_letter_o(m.group())


_ADDRESS = re.compile(r"^(?:unit|flat|suite|floor|po box|p\.o\. box|\d)", re.I)


# Benefits and credits are what is paid, not who pays or is owed: "Universal Credit" is
# no organisation even though it ends in "Credit".
_BENEFIT_NAME = re.compile(
    r"^(?:your )?(?:universal credit|pension credit|(?:working |child )?tax credits?"
    r"|child benefit|housing benefit|carer'?s allowance|attendance allowance"
    r"|(?:new style )?(?:jobseeker'?s|employment and support) allowance"
    r"|personal independence payment|disability living allowance)\b",
    re.IGNORECASE,
)


# Words that name a department or a kind of firm, never a firm by themselves:
# "Customer Services", "Solicitors", "Collections".
_GENERIC = re.compile(
    r"^(?:(?:customer|client|account|accounts|collections?|recover(?:y|ies)|revenues?"
    r"|benefits?|income|payroll|services?|department|team|office|unit|centre|solicitors"
    r"|the|and|&|our|your|ltd|limited|plc|llp)\s*)+$",
    re.IGNORECASE,
)


# What a department is called after its organisation's name.
_DEPARTMENT = re.compile(
    r"(?:\s+(?:revenues?|services?|benefits?|overpayments?|mortgages?|support|collections?"
    r"|recovery|customers?|arrears|team|section|unit|department|office|income|council|tax"
    r"|rents?|housing|debts?|accounts?|payments?|centre|operations|&|and))+",
    re.IGNORECASE,
)


# A part of an Act is no organisation: "Schedule 12 Tribunals, Courts and Enforcement Act
# 2007", "Section 87(1) Consumer Credit Act".
_LEGISLATION = re.compile(
    r"^(?:schedule|section|sections|part|paragraph|regulation|rule|article|chapter|s\.)\s*\d",
    re.IGNORECASE,
)


def parse_name(text: str) -> str | None:
    # An e-mail's sender is a name and an address: "X Ltd <help@x.example>" is "X Ltd".
    # (OCR may space the "@" and read the "<" as a letter: "carrears.team @x.co.uk>")
    text = re.sub(r"\s*<?[\w.+-]+\s?@\s?[\w.-]+>?", " ", text)
    # A heading that names the party: "Claim against you by X plc", "Judgment for X Ltd",
    # "Decree in favour of X" — the name is what follows the role word.
    text = re.sub(
        r"^\s*(?:(?:money )?claim|judgment|decree|order|charge)(?: against you)?"
        r" (?:by|for|in favour of|from)\s+(?=[A-Z])",
        "",
        text,
        flags=re.I,
    )
    name = re.split(r"\s{2,}|\s+\|\s+|,", text.strip())[0].strip(" .:-|")
    # A name is not a sentence: "Please do not pay X. Your agreement…" is words around one.
    if len(name.split()) > 8 or re.search(r"[a-z]\. [A-Z]", name):
        return None
    # A name ends at its legal form, and a quote mark before a word is a speck on a scan:
    # "Beacon Fuel & ‘Power Ltd oe" is "Beacon Fuel & Power Ltd"; so is a short lower-case
    # speck before it ("a Hexham Finance plc"). OCR reads "plc" as "ple" or "pic", "Ltd"
    # as "Lid".
    name = re.sub(r"(?:(?<=\s)|^)[‘’'\"“”]+(?=\w)", "", name)
    name = re.sub(r"(?<=\w)[’‘`]", "'", name)  # "Magistrates’ Court": the apostrophe
    name = re.sub(r"^[a-z]{1,2}\s+(?=[A-Z])", "", name)
    name = re.sub(r"(?<=\s)(?:ple|pic)\b", "plc", name)
    name = re.sub(r"(?<=\s)Lid\b", "Ltd", name)
    legal = re.search(r"\b(?:Ltd|Limited|plc|PLC|LLP)\b\.?", name)
    if legal and legal.start() > 0:
        name = name[: legal.end()].rstrip(".")
    # A council or a building society printed with the department that writes (the
    # letterhead's " - " is a speck to the layout): "X District Council Revenues Service",
    # "Y Building Society Mortgage Support" are the council and the society.
    public = re.search(r"\b(?:Council|Building\s+Society)\b", name)
    if public and _DEPARTMENT.fullmatch(name[public.end() :]):
        name = name[: public.end()]
    if len(name) < 3 or re.search(r"\d{3,}|£", name) or _ADDRESS.match(name):
        return None
    if _BENEFIT_NAME.match(name) or _GENERIC.match(name) or _LEGISLATION.match(name):
        return None
    # A form's own words and labels are no name: "For court use only", "DATE OF SERVICE",
    # "From:" (an e-mail's header) — a name without a legal form does not start so.
    if not legal and re.match(r"(?:for|from|to|by|at|on|of|in|date|dated|ref)\b", name, re.I):
        return None
    if relative_clause(name):
        return None  # "who made the loan": the rest of a label (round 14)
    if re.search(r"\buse(?: only)?$", name, re.I):
        return None  # "Office use", "Court use only": a box the form keeps for itself
    # nor is a label that names a reference or an amount: "Court account", "Council ref"
    if not legal and re.search(r"\b(?:account|ref|reference|number|no|amount)$", name, re.I):
        return None
    if re.search(r"\b(?:team|desk)$", name, re.I):
        return None  # a team of the firm ("Financial Support Team"), not the firm
    # A name starts with a capital: "can ask the court to enforce the judgment" is words
    # after a role word, not a name.
    if not name[0].isupper():
        return None
    # nor is a clause, a heading or a subject line: "Your X card account is in arrears"
    if is_clause(name):
        return None
    return name if ORGANISATION.search(name) else None


_FREQUENCIES = (
    # ("a 4-week payment", "the four week period": the adjective too, round 13)
    (re.compile(r"\b(?:four|4)[\s-]*week(?:ly|s)?\b|every fourth week\b", re.I), "four_weekly"),
    (
        re.compile(
            r"\b(?:fortnight(?:ly)?|(?:two|2)[\s-]*week(?:ly|s)?|every (?:second|other) week)\b",
            re.I,
        ),
        "fortnightly",
    ),
    (re.compile(r"\b(?:weekly|every week|week)\b", re.I), "weekly"),
    (re.compile(r"\b(?:monthly|every month|month|calendar month)\b", re.I), "monthly"),
    (re.compile(r"\b(?:annual(?:ly)?|yearly|year)\b", re.I), "annually"),
)


def parse_frequency(text: str) -> str | None:
    for pattern, value in _FREQUENCIES:
        if pattern.search(text):
            return value
    return None


@frozen(kw_only=True)
class Candidate:
    field: str
    value: object
    shown: str
    page: int
    box: Box | None
    label: str | None
    role: str | None
    score: float
    order: tuple[int, int] = (0, 0)


# -- label kinds: (pattern over the label cell's start, weight, role) -------------------
#
# Patterns run over lower-cased words joined by single spaces, anchored at the cell start.

_W = r"(?:[a-z0-9']+ ){0,%d}?"
Label = tuple[re.Pattern[str], float, str | None]


def _l(pattern: str, weight: float, role: str | None = None) -> Label:
    return re.compile(pattern), weight, role


LETTER_DATE_LABELS = [
    _l(
        r"(?:date of (?:issue|notice|demand|letter|this letter)|issue date|letter date|dated)\b",
        3.0,
    ),
    # When the letter was made or sent, in other words: "Written on", "Sent", "Printed".
    _l(r"(?:(?:date )?(?:written|sent|printed|produced|posted|emailed)(?: on)?)\b", 2.0),
    # when a court's order was made: "Made on 3 May 2026 by the court" (round 14)
    _l(r"(?:(?:this )?order )?made on\b", 2.0),
    _l(_W % 3 + r"(?:date|dated|issued)(?: on)?\b", 2.0),
]
DEADLINE_LABELS = [
    _l(
        r"(?:pay(?:ment)? (?:by|due(?: date)?|before)|due date|deadline|respond by|reply by)\b", 3.0
    ),
    _l(_W % 7 + r"(?:by|before|no later than|on or before)\b", 2.0),
    _l(_W % 3 + r"(?:due date|due by|due on)\b", 2.5),
    _l(r"(?:the )?(?:last|latest|final|closing) (?:date|day)\b", 3.0),
    # a label asked as the reader's question: "When must I respond?", "When should I pay?"
    _l(
        r"when (?:must|should|do|can|will) (?:i|we|you) (?:pay|respond|reply|contact|get in touch"
        r"|ring|call|phone|send|return|clear)\b",
        3.0,
    ),
    # A payment the creditor will take: direct-debit and plan collection dates.
    _l(
        _W % 3 + r"(?:next (?:attempt|collection|payment date|payment due)|try again(?: on)?"
        r"|(?:collected|taken|debited|collection)(?: on)?(?: or after| from)?)\b",
        2.0,
    ),
]
SERVED_LABELS = [
    _l(
        r"(?:(?:deemed )?(?:date (?:of )?)?(?:service|served)(?: date| on)?|deemed served(?: on)?)\b",
        3.0,
    ),
    # what was served, then when: "Charge served on", "Notice served on", "Claim form served"
    _l(r"(?:[a-z']+ ){1,2}served(?: on)?$", 2.5),
    _l(r"when (?:is|was|will) (?:the |this |my |it )?(?:[a-z]+ ){0,2}(?:be )?served\b", 3.0),
]
# "On 15 Feb 2026 we served on you a Charge for Payment", "it was served on 3 May 2026"
_SERVED_AFTER = re.compile(r"^,?\s+(?:we|they|the [a-z ]{2,30}?) (?:served|delivered)\b", re.I)
# (and "is deemed served on", "will be treated as served on": round 12)
_SERVED_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|be) (?:deemed (?:to (?:be|have been) )?|treated as (?:having been )?)?"
    r"(?:served|delivered)(?: on you)? on\s+"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.I,
)
BALANCE_LABELS = [
    _l(
        _W % 4
        + r"(?:total|outstanding|balance|owed|owing|due|arrears|debt|sum|amount|payable|overpaid|overpayment|paid in error|paid by mistake|claimed|judgment|shortfall|behind|remaining|bill|unpaid|overdue|missed|not taken|not paid|not received|fine|charges|to pay|to repay|left to pay|must pay)\b",
        1.0,
    ),
]
_BALANCE_WORDS = re.compile(
    r"\b(?:pay|repay|owe|owed|owing|balance|debt|outstanding|sum|total|overpayment)\b", re.I
)
REFERENCE_LABELS = [
    _l(
        _W % 3
        + r"[a-z]*?(?:account|acct|ref|reference|agreement|customer|order|tenancy|case|id|number|no|quote|quoting)\b",
        1.0,
    ),
]
CREDITOR_LABELS = [
    _l(
        r"(?:new creditor|new owner|current creditor|judgment creditor|creditor's name|name of creditor|creditor|(?:claimant|pursuer)(?:'s)? name(?: and address)?|claimant|pursuer|on behalf of|our client|client|instructing \w+|lender|landlord"
        # a label asked as a question (round 14): "Who is owed", "Who is suing you"
        r"|who (?:is|are) (?:owed|claiming|suing|bringing the claim|to be paid)|whom? you owe)\b",
        3.0,
    ),
    # Who is to be paid, in a role phrase: "Debt owed to", "Payable to", "Person
    # entitled to payment", "Acting for", "Collecting for".
    _l(
        _W % 2 + r"(?:owed to|due to|payable to|pay(?:ments?)? to|entitled to(?: payment)?"
        r"|acting for|collecting for|(?:we are )?writing for"
        r"|(?:retained|instructed|engaged|appointed|employed) by)\b",
        2.5,
    ),
]
ORIGINAL_LABELS = [
    _l(
        _W % 3 + r"(?:original (?:creditor|lender|owner)|originally(?: with| owed to| from)?"
        r"|previous(?:ly)?(?: owed to| with| creditor| owner| lender)?|formerly|former creditor"
        r"|assigned (?:from|by)|transferred from|sold (?:to us )?by"
        r"|(?:bought|purchased|acquired) (?:it |them |the (?:debt|account|loan) )?from)\b",
        3.0,
    ),
]
CLAIM_LABELS = [
    # A qualifier may come first ("Court claim", "Your claim number", "County court case
    # no"), but not any words: "What the claim is about" is a heading, not a label.
    _l(
        r"(?:(?:your|our|the|court|county|money|online) ){0,3}"
        r"(?:claim (?:number|no|ref(?:erence)?)|case (?:number|no|ref(?:erence)?)|claim)\b",
        3.0,
    ),
    _l(r"(?:(?:court|county) ){0,2}case\b", 2.0),  # "Case: K1QZ4521" on orders
]
PAYER_LABELS = [
    _l(r"(?:employer|company|paid by|payer|paying \w+|from)\b", 3.0),
]
_BARE_AMOUNT = re.compile(r"(?:(?:weekly|monthly|award) )?amount\b")
INCOME_LABELS = [
    _l(_W % 3 + r"(?:net|take home|you will get|total payment|your payment|payment)\b", 2.0),
    _l(_W % 3 + r"(?:net pay|take home pay)\b", 3.0),
    # A bare "Amount" (beside "How often" on an award): weak, any payment label beats it,
    # and as a table's column header it reads nothing (a payslip's "Amount" column is
    # every line's; see ``_by_class``).
    _l(_BARE_AMOUNT.pattern, 0.5),
    # What reaches the client, however it is worded: after deductions, paid to them.
    _l(
        _W % 3 + r"(?:after deductions|paid to you|we (?:will )?pay you|you (?:will )?receive"
        r"|amount (?:paid|payable)(?: to you)?|net amount)\b",
        3.0,
    ),
    # "Paid every 4 weeks", "Payable each fortnight": the amount that reaches the client.
    _l(
        r"(?:paid|payable|payment) (?:every|each|per|weekly|fortnightly|monthly|four[ -]weekly)\b",
        3.0,
    ),
]
GROSS_LABELS = [
    _l(_W % 3 + r"(?:gross|before deductions)\b", 3.0),
    # A payslip's own total of what was earned: "Total payments", "Total earnings".
    _l(r"(?:total )(?:payments|earnings|pay and allowances|gross)\b", 2.5),
]
FREQUENCY_LABELS = [
    _l(r"(?:pay )?(?:frequency|period|how often|paid)\b", 3.0),
    # how often, as a form names it: "Payment interval", "Payroll cycle", "Pay schedule"
    _l(_W % 2 + r"(?:interval|cycle|schedule|payment period)\b", 3.0),
]

_PLACE = {"same": 1.0, "right": 1.0, "below": 0.8, "above": 0.9, "left": 0.8}
_NEGATIVE_MONEY = re.compile(
    r"\b(?:instalments?|fee|fees|monthly|weekly|per|(?:a|each|every) (?:week|fortnight|month)"
    r"|repayment|paid in(?! error)|paid out|liability order"
    r"|court fee|issue fee|gross|net|tax(?! credits?)|allowance|element|deductions?"
    r"|(?:late|default|interest|admin|administration|penalty|standing|returned payment|missed"
    r" payment) (?:payment )?charges?)\b"
)


def _hits(
    layouts: Sequence[Layout], labels: Sequence[Label]
) -> list[tuple[Hit, float, str | None]]:
    out = []
    for pattern, weight, role in labels:
        for hit in find_label_hits(layouts, pattern):
            out.append((hit, weight, role))
    return out


def _candidates(
    field: str,
    layouts: Sequence[Layout],
    labels: Sequence[Label],
    parse: Callable[[str], object | None],
    score: Callable[[Hit, float], float] | None = None,
    max_label_words: int = 8,
) -> list[Candidate]:
    out = []
    for hit, weight, role in _hits(layouts, labels):
        if len(norm_words(hit.label)) > max_label_words:
            continue
        value = parse(hit.text)
        if value is None:
            continue
        s = weight + _PLACE[hit.place] + (score(hit, weight) if score else 0.0)
        if hit.before or re.match(r"\d", hit.label):
            s -= 1.5  # the "label" continues a sentence, or begins with an amount
        if isinstance(value, int) and value < 0:
            s -= 4.0  # "-379.41": a deduction, not an amount owed or paid
        if hit.header:
            s -= 1.5  # the first row's value under a table's column header
        words = _value_words(hit.words, value, field)
        out.append(
            Candidate(
                field=field,
                value=value,
                shown=" ".join(w.text for w in words),
                page=hit.page,
                box=union(w.box for w in words),
                label=hit.context,
                role=role,
                score=s,
                order=(hit.page, hit.words[0].box.top),
            )
        )
    return out


def _value_words(words: Sequence[Word], value: object, field: str) -> Sequence[Word]:
    """The words of the hit that hold the value (a date is three words, a name several)."""
    if field in ("balance_pence", "income_pence", "gross_pence"):
        picked = [w for w in words if re.search(r"\d", w.text)][:1]
        return picked or words
    if field in ("account_reference", "court_claim_number") and isinstance(value, str):
        picked = [w for w in words if value in w.text.upper()]
        return picked[:1] or words
    return words


def _money_score(hit: Hit, weight: float) -> float:
    # (in the value's own cell, what a later clause says is said of the amount after it)
    amount = MONEY.search(hit.text) if hit.place == "same" else None
    said = own_clause(hit.context, amount.group().strip()) if amount else hit.context
    label = " ".join(norm_words(said))
    s = 0.0
    if re.search(r"\btotal\b", label):
        s += 2.0
    if re.search(
        r"\b(?:outstanding|balance|owed|owing|debt|now|judgment|unpaid|overdue|still to pay"
        r"|remaining|left to pay|to clear)\b",
        label,
    ):
        s += 1.0
    if re.search(r"\b(?:(?:need|have) to pay|must pay|due now|now due)\b", label):
        s += 1.0  # what is left after what was already recovered or paid
    if re.search(r"\b(?:year to date|ytd|td)\b", hit.text.lower()):
        s -= 4.0  # the value itself says it is a running total
    # (an instalment "not received", "missed": what is behind is owed, round 11)
    if _NEGATIVE_MONEY.search(label) and not _NOT_RECEIVED.search(label):
        s -= 3.0
    if re.search(r"\b(?:year to date|ytd|td)\b", label):
        s -= 4.0
    if re.search(r"\bamount claimed\b|\bsum claimed\b", label):
        s -= 0.5
    if _HISTORY.search(label):
        s -= 2.5
    if hit.place != "right" and len(norm_words(hit.context)) >= 6 and ":" not in hit.context:
        s -= 2.0  # a sentence of the body, not a label: "The outstanding balance of your…"
    if hit.place == "below" and len(hit.words) > 4:
        s -= 1.0  # the "value" runs on as a sentence: "£96,200.00, and you have missed…"
    return s


_NOT_RECEIVED = re.compile(
    r"\b(?:missed|not (?:been )?(?:received|paid|taken|collected)"
    r"|unpaid|overdue|in arrears)\b"  # ("Instalments unpaid so far": round 14)
)
# What the balance *was*, not what is owed now: a statement's opening or previous
# balance, the amount when the debt was passed on, a credit limit.
_HISTORY = re.compile(
    r"\b(?:previous|opening|brought forward|b/f|last (?:bill|statement)|(?:when|on|at|before)"
    r" (?:passed|sold|sale|transfer(?:red)?|assign(?:ed|ment)|default(?:ed)?)|originally"
    r"|original|credit limit|limit)\b"
)
# Numbers that identify the sender, a court's fee account or a regulator's register,
# never the client's account: "Company number", "Firm reference number", "Fee account no.".
_NOT_AN_ACCOUNT = re.compile(
    r"\b(?:company|registered|registration|firm|frn|sra|vat|charity|fee account|pba"
    r"|licence|consumer credit licence|data protection|ico)\b"
)


def _reference_score(hit: Hit, weight: float) -> float:
    label = " ".join(norm_words(hit.context))
    row = hit.row_text.lower()
    s = 0.0
    if re.search(r"\b(?:claim|sort|case number)\b", label) and "claimant" not in label:
        s -= 1.0
    if "sort code" in row or "sort code" in label:
        s -= 4.0
    elif "sort code" in hit.near.lower() and re.fullmatch(r"\d{8}", hit.text.strip()):
        s -= 4.0  # a bank's account number (8 digits) in a block with its sort code
    if re.search(r"\b(?:account|ref|reference|agreement)\b", label):
        s += 1.0
    s += reference_kinds(hit, label)
    if re.search(r"\b(?:employee|staff|ni|tax code|national insurance)\b", label):
        s -= 4.0
    if _NOT_AN_ACCOUNT.search(" ".join(norm_words(hit.before + " " + hit.context))):
        s -= 4.0
    # A law firm's own file reference beside its name ("Ravel & Co LLP  |  Ref RC/1"), even
    # when the name is a cell of its own (text without word boxes splits at wide gaps).
    cells = hit.row_text.split(" | ")
    law = re.compile(r"\b(?:solicitors|llp)\b", re.I)
    firm = next((i for i, c in enumerate(cells) if law.search(c)), None)
    if firm is not None and firm < len(cells) - 1 and hit.context in cells[firm + 1 :]:
        s -= 2.5
    # A bare "Ref" on a line of the sender's contact details (telephone, DX, e-mail) is the
    # sender's file reference, not the client's account.
    bare = re.fullmatch(r"(?:our )?ref(?:erence)?", " ".join(norm_words(hit.label)))
    if bare and re.search(r"\b(?:tel|telephone|phone|fax|dx|e-?mail)\b", hit.row_text, re.I):
        s -= 2.0
    if re.match(r"PBA\d{7}\b", hit.text.strip().upper()):
        s -= 4.0  # the format of a court fee account (HMCTS "Payment by Account")
    return s


def _creditor_score(hit: Hit, weight: float) -> float:
    """ "Claimant's legal representative's address", "Creditor's solicitor": the label
    names who acts for the creditor, not the creditor."""
    label = " ".join(norm_words(hit.context))
    change = creditor_kinds(label)
    if change:
        return change
    if re.search(r"\b(?:representative|solicitors?|agents?)\b", label):
        return -4.0
    # (an address alone is where to write; "Claimant's name and address" names them)
    return -4.0 if re.search(r"\baddress", label) and not re.search(r"\bnames?\b", label) else 0.0


# A court heading puts the party's role after its name: "Hexham Finance plc    Claimant".
_ROLE_AFTER = re.compile(
    r"^(?:claimant|creditor|judgment creditor|petitioning creditor|landlord|lender|pursuer)s?$",
    re.I,
)


def _role_after_name(layouts: Sequence[Layout]) -> list[Candidate]:
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            if len(row) < 2 or not _ROLE_AFTER.match(row[-1].text.strip(" .:")):
                continue
            name = parse_name(row[0].text)
            if name is not None:
                out.append(
                    Candidate(
                        field="creditor_name", value=name, shown=row[0].text, page=layout.page,
                        box=row[0].box, label=row[-1].text, role="creditor", score=3.5,
                        order=(layout.page, r),
                    )
                )  # fmt: skip
    return out


def _date_score_letter(hit: Hit, weight: float) -> float:
    # (in the label's own cell, the words before the date: "Made on 3 May 2026 by the
    # court" is not due "by" anything, round 14)
    label = " ".join(norm_words(label_before(hit)))
    if re.search(r"\b(?:due|by|before|defaulted|birth|served|service)\b", label):
        return -4.0
    # "Last date for a Response Form", "Final date to pay": a deadline, not the letter's
    if re.search(r"\b(?:last|latest|final|closing) (?:date|day)\b|\bdeadline\b", label):
        return -4.0
    return 0.0


LEARNED_ROLE = "label this centre uses"
_PARSERS: dict[str, tuple[Callable[[str], object | None], Callable[[Hit, float], float] | None]] = {
    "letter_date": (parse_date, _date_score_letter),
    "deadline_date": (parse_date, None),
    "balance_pence": (parse_money, _money_score),
    "account_reference": (parse_reference, _reference_score),
    "court_claim_number": (parse_claim, None),
    "creditor_name": (parse_name, None),
}


def _learned(layouts: Sequence[Layout], learned: Mapping[str, Sequence[str]]) -> list[Candidate]:
    """Candidates read against the labels a centre's corrections taught (label_learning):
    a label its own letters use, as strong as the best general label."""
    out: list[Candidate] = []
    for field, phrases in sorted(learned.items()):
        if field not in _PARSERS:
            continue
        parse, score = _PARSERS[field]
        labels = [_l(re.escape(p) + r"\b", 3.5, LEARNED_ROLE) for p in phrases if p.strip()]
        out += _candidates(field, layouts, labels, parse, score, 5)
    return out


def read_fields(
    layouts: Sequence[Layout],
    text: str,
    cls: DocumentClass,
    learned: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, list[Candidate]]:
    """Every candidate per field, best first. ``learned``: a centre's own label words per
    field (``label_learning``)."""
    found: dict[str, list[Candidate]] = {}
    found["letter_date"] = _candidates(
        "letter_date", layouts, LETTER_DATE_LABELS, parse_date, _date_score_letter
    )
    found["letter_date"] += _unlabelled_dates(layouts)
    found["deadline_date"] = _candidates("deadline_date", layouts, DEADLINE_LABELS, parse_date)
    found["deadline_date"] += _prose_deadlines(layouts)
    found["served_date"] = _candidates("served_date", layouts, SERVED_LABELS, parse_date)
    found["served_date"] += _prose_served(layouts)
    found["balance_pence"] = _candidates(
        "balance_pence", layouts, BALANCE_LABELS, parse_money, _money_score, 6
    )
    found["balance_pence"] += _prose_money(layouts)
    found["balance_pence"] += _running_balance(layouts)
    found["account_reference"] = _candidates(
        "account_reference", layouts, REFERENCE_LABELS, parse_reference, _reference_score, 5
    )
    found["account_reference"] += _prose_references(layouts)
    found["account_reference"] += _paired_references(layouts)
    found["court_claim_number"] = _candidates(
        "court_claim_number", layouts, CLAIM_LABELS, parse_claim, None, 3
    )
    found["court_claim_number"] += _prose_claims(layouts)
    found["creditor_name"] = _candidates(
        "creditor_name", layouts, CREDITOR_LABELS, parse_name, _creditor_score, 5
    )
    found["creditor_name"] += _role_after_name(layouts)
    found["creditor_name"] += _letterhead(layouts)
    found["original_creditor"] = _candidates(
        "original_creditor", layouts, ORIGINAL_LABELS, parse_name, None, 5
    )
    found["payer_name"] = _candidates("payer_name", layouts, PAYER_LABELS, parse_name, None, 3)
    found["payer_name"] += _letterhead(layouts, field="payer_name")
    found["income_pence"] = _candidates(
        "income_pence", layouts, INCOME_LABELS, parse_money, _income_score, 4
    )
    found["income_pence"] += _prose_income(layouts)
    found["gross_pence"] = _candidates(
        "gross_pence", layouts, GROSS_LABELS, parse_money, _gross_score, 4
    )
    found["frequency"] = _candidates(
        "frequency", layouts, FREQUENCY_LABELS, parse_frequency, None, 3
    )
    found["frequency"] += _prose_frequency(layouts)
    found["creditor_name"] += _section_names(layouts)
    for field, candidates in _prose_roles(layouts).items():
        found[field] += candidates
    found["creditor_name"] = _fuller_names(found["creditor_name"] + _registered(layouts))
    for candidate in _learned(layouts, learned or {}):
        found[candidate.field].append(candidate)
    _adjust(found, "balance_pence", lambda c: 1.5 if _sums_the_column(layouts, c) else 0.0)
    found["deadline_date"] += _dated_steps(layouts)
    starred = _starred_rows(layouts)
    if starred:
        for candidate in _starred_values(layouts, starred):
            found[candidate.field].append(candidate)
        for field in ("balance_pence", "account_reference", "deadline_date"):
            _adjust(found, field, lambda c: starred.get(_row_of(layouts, c) or (-1, -1), 0.0))
    running = _running_total_rows(layouts)
    if running:
        for field in ("balance_pence", "income_pence", "gross_pence"):
            # (a value with its own label in the row is not the row's: "Year to date ...
            # NET PAY £557.21" on a payslip in two columns)
            _adjust(
                found,
                field,
                lambda c: (
                    -4.0
                    if (row := _row_of(layouts, c)) in running and c.label not in running[row]
                    else 0.0
                ),
            )
    quoted = _quoted(layouts)
    if quoted:
        for field in found:
            _adjust(found, field, lambda c: -8.0 if _in_quote(quoted, c) else 0.0)
    _by_class(found, cls)
    if cls is C.NOTICE_OF_ASSIGNMENT:  # (round 14) the lender lent and sold the debt
        lent = [c for c in found["creditor_name"] if c.role is None and lender_label(c.label)]
        found["creditor_name"] = [c for c in found["creditor_name"] if c not in lent]
        found["original_creditor"] += [attrs.evolve(c, field="original_creditor") for c in lent]
    _roles(found, cls)
    return {k: sorted(v, key=lambda c: (-c.score, c.order)) for k, v in found.items()}


def _row_of(layouts: Sequence[Layout], c: Candidate) -> tuple[int, int] | None:
    """``(page, row)`` of the row a candidate's value is printed on."""
    if c.box is None:
        return None
    for layout in layouts:
        if layout.page != c.page:
            continue
        for r, row in enumerate(layout.rows):
            if any(cell.box.top <= c.box.top + 1 and c.box.top < cell.box.bottom for cell in row):
                return (layout.page, r)
    return None


def _starred_rows(layouts: Sequence[Layout]) -> dict[tuple[int, int], float]:
    """A table of several accounts, orders or steps in which a mark ("*") picks the row
    the letter is about (a footnote says which): values in the marked row +2.0, in the
    other rows of the same table -1.5."""
    out: dict[tuple[int, int], float] = {}
    for layout in layouts:
        marked = [
            r for r in layout.marked
            if len(layout.rows[r]) > 1 and re.search(r"\d", layout.rows[r][0].text)
        ]  # fmt: skip
        if not marked or len(marked) > 2:
            continue
        for r in marked:
            width = len(layout.rows[r])
            out[(layout.page, r)] = 2.0
            for step in (-1, 1):
                other = r + step
                while 0 <= other < len(layout.rows):
                    row = layout.rows[other]
                    if (
                        abs(len(row) - width) > 1
                        or len(row) < 2
                        or not re.search(r"\d", row[0].text + row[-1].text)
                    ):
                        break
                    out.setdefault((layout.page, other), -1.5)
                    other += step
    return out


def _starred_values(
    layouts: Sequence[Layout], starred: dict[tuple[int, int], float]
) -> list[Candidate]:
    """The marked row's reference and amount, whatever its columns are headed."""
    out = []
    for layout in layouts:
        for r in layout.marked:
            if starred.get((layout.page, r), 0.0) <= 0:
                continue
            row = layout.rows[r]
            for field, parse in (
                ("account_reference", parse_reference),
                ("balance_pence", parse_money),
            ):
                for cell in row:
                    if field == "balance_pence" and not MONEY.search(cell.text):
                        continue
                    if field == "account_reference" and (
                        DATE.search(cell.text) or MONEY.search(cell.text)
                    ):
                        continue
                    value = parse(cell.text)
                    if value is None:
                        continue
                    out.append(
                        Candidate(
                            field=field, value=value, shown=cell.text, page=layout.page,
                            box=cell.box, label=None, role="the marked row", score=1.0,
                            order=(layout.page, r),
                        )
                    )  # fmt: skip
                    break
    return out


_RUNNING_TOTAL = re.compile(
    r"^(?:year to date|ytd|to date|totals? to date|tax year to date)\b", re.I
)


def _running_total_rows(layouts: Sequence[Layout]) -> dict[tuple[int, int], set[str]]:
    """Rows a table labels as running totals ("Year to date"): no single period's pay.
    (With the texts of the row's cells.)"""
    return {
        (layout.page, r): {c.text for c in row}
        for layout in layouts
        for r, row in enumerate(layout.rows)
        if row and _RUNNING_TOTAL.match(row[0].text.strip())
    }


# A step of a timeline: its date, then what happens ("25 May 26   Last day to pay").
_STEP_IS_DEADLINE = re.compile(
    r"\b(?:last (?:day|date)|deadline|(?:pay(?:ment)?|sum|balance|amount)s?(?: \w+)? (?:due|by)"
    r"|due(?: in full)?|respond|reply|pay (?:or|in full|by))\b",
    re.I,
)
_STEP_IS_LATER = re.compile(
    r"\b(?:may|will|could|might) (?:ask|apply|start|take|issue|pass|send|instruct|begin)\b", re.I
)


def _dated_steps(layouts: Sequence[Layout]) -> list[Candidate]:
    """A date alone in its cell, with what happens on it in the cell to its right."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for i, cell in enumerate(row[:-1]):
                m = DATE.fullmatch(cell.text.strip(" •·-"))
                if m is None:
                    continue
                said = row[i + 1].text
                if DATE.search(said) or MONEY.search(said):
                    continue
                if not _STEP_IS_DEADLINE.search(said) or _STEP_IS_LATER.search(said):
                    continue
                date = date_of(m)
                if date is None:
                    continue
                out.append(
                    Candidate(
                        field="deadline_date", value=date, shown=m.group(), page=layout.page,
                        box=cell.box, label=said, role="a step of a timeline", score=3.0,
                        order=(layout.page, r),
                    )
                )  # fmt: skip
    return out


# A running balance's column: "Balance", "Running balance", "Balance (£)", "Balance £".
_BALANCE_HEAD = re.compile(r"(?:running\s+)?balance(?:\s*\(?£\)?)?", re.I)


def _running_balance(layouts: Sequence[Layout]) -> list[Candidate]:
    """A statement of account: a table whose header row names a "Balance" column beside
    other columns (date, details, debit, credit), its rows a running balance. What is owed
    is the column's last figure, whatever the rows above (brought forward, payments) say."""
    out = []
    rows: list[str] = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            if len(row) < 3:
                continue
            heads = [c for c in row if _BALANCE_HEAD.fullmatch(without_rule(c.text))]
            if len(heads) != 1 or any(MONEY.search(c.text) for c in row):
                continue
            head = heads[0]
            tol = 2 * layout.line_height
            last: tuple[int, Cell] | None = None
            for below in range(r + 1, len(layout.rows)):
                hit = next(
                    (
                        c for c in layout.rows[below]
                        if c.left < head.right + tol and c.right > head.left - tol
                        and MONEY.search(c.text) and is_figure(c.text)
                    ),
                    None,
                )  # fmt: skip
                if hit is None:
                    if last is not None and below - last[0] > 1:
                        break
                    continue
                last = (below, hit)
            if last is None or last[0] == r + 1:
                continue  # one row is no running balance
            value = parse_money(last[1].text)
            if value is None:
                continue
            out.append(
                Candidate(
                    field="balance_pence", value=value, shown=last[1].text.strip(),
                    page=layout.page, box=last[1].box, label=head.text,
                    role="last figure of a running balance", score=3.5,
                    order=(layout.page, last[0]),
                )
            )  # fmt: skip
            rows.append(" ".join(c.text for c in layout.rows[last[0]]))
    # A table carried over to the next sheet: its last figure on the earlier page is an
    # interim balance ("Carried to next sheet 862.62"), the later page's is owed (round 13).
    return [
        attrs.evolve(c, score=1.0, role="balance carried to the next page")
        if carried_over(row, any(o.page > c.page for o in out))
        else c
        for c, row in zip(out, rows, strict=True)
    ]


# The start of a message quoted below an e-mail ("-----Original Message-----", "On 3 May
# 2026, X wrote:", a line opened by ">"): what it says was said before, by someone else.
_QUOTE_START = re.compile(
    r"^(?:-{2,}\s*(?:original message|forwarded message)|>|on .{4,80} wrote:?\s*$)", re.I
)


def _quoted(layouts: Sequence[Layout]) -> dict[int, float]:
    """Per page, the top of the first line that opens a quoted message."""
    out: dict[int, float] = {}
    for layout in layouts:
        for row in layout.rows:
            # (the whole row: "On …, X" and "<x@y> wrote:" may be two cells, round 12)
            if row and _QUOTE_START.match(" ".join(c.text for c in row).strip()):
                # (the row's words may sit a little above its top: a taller cell beside)
                out[layout.page] = min(c.box.top for c in row)
                break
    return out


def _in_quote(quoted: dict[int, float], c: Candidate) -> bool:
    top = quoted.get(c.page)
    return top is not None and c.box is not None and c.box.top >= top - 1


# "… in Paisley Sheriff Court, case reference SP/PAI/2257/25.", "under claim number X"
# (or "judgment has been entered in claim X": the number after the word alone, round 12)
_CLAIM_IN_TEXT = re.compile(
    r"\b(?:(?:claim|case)\s+(?:number|no\.?|ref(?:erence)?)(?:\s*:|\s+is)?|\bin (?:the )?claim)"
    r"\s+(?P<v>[A-Z0-9][A-Z0-9/]{5,17})",
    re.I,
)


def _prose_claims(layouts: Sequence[Layout]) -> list[Candidate]:
    """A claim or case number named in a sentence (not under a label of its own)."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                for m in _CLAIM_IN_TEXT.finditer(_sentence(layout, r, cell)):
                    value = parse_claim(m.group("v").rstrip("./"))
                    if value is None:
                        continue
                    out.append(
                        Candidate(
                            field="court_claim_number", value=value, shown=m.group("v"),
                            page=layout.page, box=cell.box, label=None,
                            role="named in the body", score=3.0, order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


def _prose_served(layouts: Sequence[Layout]) -> list[Candidate]:
    """A date a sentence says something was served on (no label of its own)."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                text = _sentence(layout, r, cell)
                for m in DATE.finditer(text):
                    if m.start() >= len(cell.text):
                        break
                    if not (
                        _SERVED_AFTER.match(text[m.end() :])
                        or _SERVED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
                    ):
                        continue
                    date = date_of(m)
                    if date is None:
                        continue
                    out.append(
                        Candidate(
                            field="served_date", value=date, shown=m.group(), page=layout.page,
                            box=cell.box, label=None, role="said to be served", score=2.0,
                            order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


def _sums_the_column(layouts: Sequence[Layout], c: Candidate) -> bool:
    """The amount is the sum of two or more amounts printed just above it in its column
    (the bottom line of a table of charges): a total, whatever its label calls it."""
    if c.box is None or not isinstance(c.value, int):
        return False
    layout = next((lay for lay in layouts if lay.page == c.page), None)
    if layout is None:
        return False
    tol = 2 * layout.line_height
    column: dict[int, int] = {}
    for r, row in enumerate(layout.rows):
        for cell in row:
            if (
                cell.box.top < c.box.top - layout.line_height / 2
                and abs(cell.right - c.box.right) <= tol
            ):
                pence = parse_money(cell.text) if MONEY.search(cell.text) else None
                if pence is not None:
                    column[r] = pence
    run: list[int] = []
    rows = sorted(column, reverse=True)
    for i, r in enumerate(rows):
        if i and rows[i - 1] - r > 2:
            break  # (the column above is a run of rows, not the whole page)
        run.append(column[r])
        if len(run) >= 2 and sum(run) == c.value:
            return True
    return False


def _adjust(
    found: dict[str, list[Candidate]], field: str, change: Callable[[Candidate], float]
) -> None:
    found[field] = [attrs.evolve(c, score=c.score + change(c)) for c in found[field]]


def _by_class(found: dict[str, list[Candidate]], cls: DocumentClass) -> None:
    """What a label means depends on who writes and why.

    * "Our ref" is the writer's own file: on a collection agent's or solicitor's letter
      the account is the client's number beside it ("Client ref", "Agreement number");
      on an enforcement agent's notice the agent's reference *is* the one to pay under.
    * On a notice of assignment the "agreement number" is the original lender's; the new
      owner's "customer/account number" is the one the debt now runs under.
    * On a mortgage or rent arrears letter the arrears are the debt, not the loan's or
      the tenancy's whole balance.
    * A value read as a court claim number is not also the account reference."""
    claims = {c.value for c in found["court_claim_number"] if c.score >= 3}
    if cls not in (C.COURT_CLAIM_N1, C.COUNTY_COURT_JUDGMENT):
        claims = set()  # "Case no" on a bailiff's notice is its reference

    def reference(c: Candidate) -> float:
        label = " ".join(norm_words(c.label or ""))
        change = 0.0
        if re.match(r"our (?:ref|reference)\b", label):
            change += 0.5 if cls is C.ENFORCEMENT_AGENT_NOTICE else -1.0
        # an enforcement agent's case number is the one to pay under (the council's or
        # creditor's own account, named in the body, is its history)
        if cls is C.ENFORCEMENT_AGENT_NOTICE and re.match(
            r"(?:our )?case (?:number|no|ref)", label
        ):
            change += 1.5
        # A solicitor's or agent's own file reference: labelled as theirs ("Creditor's
        # solicitors' reference") or printed after the firm's name ("X LLP   Ref …").
        firm = re.search(
            r"\b(?:solicitors?|representative'?s?|agent'?s?|llp|ltd|limited|plc)\b", label
        )
        if firm and cls is not C.ENFORCEMENT_AGENT_NOTICE and re.search(r"\bref", label):
            change -= 2.5
        # On a notice of assignment the new owner's number is the one: "your new account
        # number", "your account number with them"; the old one is history.
        if cls is C.NOTICE_OF_ASSIGNMENT:
            if re.search(r"\b(?:new|with them|with the new|with us)\b", label):
                change += 2.0
            if re.search(r"\b(?:previous|old|original|former)\b", label):
                change -= 2.5
        if cls is C.NOTICE_OF_ASSIGNMENT and re.search(r"\bagreement\b", label):
            change -= 1.5
        # (OCR's letter O in the claim number named in the body: round 14)
        if c.value in claims or without_letter_o(str(c.value)) in claims:
            change -= 3.0
        # A claim or a judgment names the account in its particulars ("under account
        # reference X", "account number X"): that beats the claimant's own "ref", which
        # is its (or its solicitor's) file reference.
        if cls in (C.COURT_CLAIM_N1, C.COUNTY_COURT_JUDGMENT) and c.role == "in the body":
            change += 1.0 if c.score >= 2.4 else 0.0
        return change

    _adjust(found, "account_reference", reference)
    if cls is C.PAYSLIP:  # a payslip's "Amount" column holds every line's amount
        _adjust(
            found,
            "income_pence",
            lambda c: -2.0 if _BARE_AMOUNT.fullmatch(" ".join(norm_words(c.label or ""))) else 0.0,
        )
    if cls in (C.MORTGAGE_ARREARS, C.RENT_ARREARS):
        _adjust(
            found,
            "balance_pence",
            # (arrears said in the body are the debt here: as strong as a labelled figure)
            lambda c: (
                (1.5 if re.search(r"\barrears\b", (c.label or c.role or "").lower()) else 0.0)
                + (0.8 if c.role == "arrears in the body" else 0.0)
                + whole_debt(c.label)
                # (the whole loan said in the body is not the arrears either: round 12)
                - (2.0 if c.role == "whole loan in the body" else 0.0)
            ),
        )


# A heading that names whose details follow ("This demand is served on you by the
# creditor:", "Claimant's details") puts a bare "Name" label below it in that role.
_ROLE_HEADING = re.compile(
    r"\b(?:creditor|claimant|lender|landlord|owed to|payable to|new owner|assignee)\b(?:'s)?"
    r"(?: details)?\s*:?\s*$",
    re.I,
)


def _section_names(layouts: Sequence[Layout]) -> list[Candidate]:
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            heading = " ".join(c.text for c in row)
            if len(row) != 1 or not _ROLE_HEADING.search(heading):
                continue
            for nr in range(r + 1, min(r + 4, len(layout.rows))):
                cells = layout.rows[nr]
                words = norm_words(cells[0].text) if cells else []
                if not words or words[0] not in ("name", "names") or len(cells) < 2:
                    continue
                name = parse_name(cells[1].text) if len(words) <= 3 else None
                if name is not None:
                    out.append(
                        Candidate(
                            field="creditor_name", value=name, shown=cells[1].text,
                            page=layout.page, box=cells[1].box, label=f"{heading} {cells[0].text}",
                            role="creditor", score=3.5, order=(layout.page, nr),
                        )
                    )  # fmt: skip
                break
    return out


# An organisation's name in a sentence, and what the words around it say it is.
_SUFFIXES = [
    "Ltd",
    "Limited",
    "plc",
    "LLP",
    "Bank",
    "Council",
    "Society",
    "Services",
    "Finance",
    "Group",
    "Association",
    "Homes",
    "Credit",
    "Company",
    "Loans",
    "Lending",
    "Capital",
    "Funding",
    "Investments",
    "Portfolio",
    "Energy",
    "Water",
    "Power",
    "Mortgage",
    "Mortgages",
]
# (as printed, or in capitals: "ORIGINALLY WITH X MUTUAL FINANCE LTD"; a magistrates' court
# is owed the fines it imposes)
_ORG_SUFFIX = (
    "(?:"
    + "|".join([*_SUFFIXES, *(w.upper() for w in _SUFFIXES)])
    + r"|(?<=Magistrates' )Court|(?<=MAGISTRATES' )COURT)"
)
# A name runs on to its legal form: "Calverley Portfolio Holdings Ltd", not "Calverley
# Portfolio".
_ORG_IN_TEXT = re.compile(
    rf"\b[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|&|and|for|of))*?\s+{_ORG_SUFFIX}\b"
    rf"(?:\s+{_ORG_SUFFIX}\b)*(?:(?:\s+[A-Z][\w'.-]*){{0,2}}?\s+(?:Ltd|Limited|plc|PLC|LLP)\b)?"
)
_ORIGINAL_BEFORE = re.compile(
    r"(?:originally (?:owed to|with|from)|(?:made|taken out|opened|entered into) with"
    r"|made between (?:you|the (?:defendant|debtor|borrower)) and"
    r"|your (?:account|agreement|debt|loan|card) with"
    r"|(?:assigned|sold|transferred) (?:to us |to our client )?(?:by|from)"
    r"|(?:bought|purchased|acquired) (?:it |the debt |your account )?from"
    r"|formerly (?:with|owed to)|previously (?:owed to|with))\s+$",
    re.I,
)
_ORIGINAL_AFTER = re.compile(
    r"^,?\s*\((?:the )?(?:assignor|original (?:creditor|lender)|seller|previous (?:creditor"
    r"|owner))\)"
    # The subject that passed the debt on: "X has assigned (transferred) its rights…",
    # "X was sold to…" is said of the account with X.
    r"|^\s+(?:has|have) (?:now )?(?:assigned|sold|transferred)\b|^\s+(?:account )?was (?:sold|assigned|transferred)\b",
    re.I,
)
_CREDITOR_BEFORE = re.compile(
    r"(?:(?:assigned|sold|transferred)(?: and (?:assigned|sold|transferred))?(?: \(\w+\))?"
    r" (?:it |them |the debt |(?:your|the|its) (?:account|debt|agreement|rights|loan|card|balance)(?: under"
    r" your agreement)? )?(?:to|in favour of)"
    r"|(?:make|send) (?:all |any )?(?:future |further )?payments to|now (?:owed to|owned by)"
    # Who an agent, a solicitor or a bailiff acts for: "We act for X", "on behalf of X",
    # "the debt you owe to X", "your landlord, X", "collecting this debt for X".
    r"|(?:we )?act(?:ing)? (?:for|on behalf of)|(?:for and )?on behalf of|(?:you )?(?:owe|owed|owing) to"
    r"|(?:on behalf of|for|act for|acting for) (?:our|my) client,?"
    r"|(?:your|the) (?:landlord|lender|creditor),|the (?:claimant|pursuer) is|collect(?:s|ing)? (?:this |the |your )?"
    r"(?:debt|rent|charges|account)? ?for|instructed by|please pay"
    # who brought the claim: "a claim has been issued against you (in this court) by X"
    r"|against you(?: in (?:this|the) court)? by"
    # whom the judgment is for: "Judgment is entered for the claimant, X" (round 14)
    r"|judgment (?:is |has been |was )?(?:entered|given|made) (?:for|in favour of)"
    r"(?: the (?:claimant|pursuer),?)?)"
    r"\s+$",
    re.I,
)
_CREDITOR_AFTER = re.compile(
    r"^,?\s*\((?:the )?(?:assignee|new (?:creditor|owner|lender)|buyer|purchaser|creditor"
    r"|claimant|pursuer|lender|landlord)\)"
    r"|^\s*\(?[\"“]?our client\b"
    r"|^\s+(?:has|have) (?:asked|instructed|passed|appointed) (?:us|your)"
    r"|^\s+obtained an? (?:liability order|judgment|\w+ order)|^,?\s+which now owns\b"
    # a fine's court sends its warrant to the agent: "X Magistrates' Court has issued a
    # warrant (of control)"
    r"|^\s+(?:has )?issued (?:a|the) warrant\b"
    # who sues: "X Ltd (, whose reference is …,) is suing you" (round 14)
    r"|^(?:,\s*(?:whose|which|who)\b[^,.]{0,60},)?\s+(?:is|are|has been) (?:suing|taking"
    r" (?:court )?action against) you\b"
    # a case's title names the claimant first: "X Ltd v. you", "X Ltd v Ms Y"
    r"|^\s+v\.?\s+(?:you\b|(?:mr|mrs|ms|miss|dr)\b|[A-Z])",
    re.I,
)


def _last_name(span: str) -> str:
    """The organisation's own words of a span that ran over a heading or a salutation:
    from the last row that is itself a name ("NOTICE OF ASSIGNMENT / Dear Mr X /
    Thornbury Credit plc" → "Thornbury Credit plc"), after any "Dear", "Mr", "Mrs"..."""
    rows = span.split("\n")
    for i in range(len(rows) - 1, 0, -1):
        tail = " ".join(rows[i:])
        first = rows[i].split()[0] if rows[i].split() else ""
        if (
            _ORG_IN_TEXT.fullmatch(tail)
            and re.search(r"[a-z]", rows[i])
            and not re.fullmatch(_ORG_SUFFIX, first)  # "…Thornbury / Credit plc" is one name
        ):
            span = tail
            break
    words = span.split()
    for i, word in enumerate(words):
        if word.rstrip(".") in ("Dear", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Madam"):
            span = " ".join(words[i + 1 :])
    return " ".join(span.split())


def _prose_roles(layouts: Sequence[Layout]) -> dict[str, list[Candidate]]:
    """An organisation named in the body with its role in the words around it: "X (the
    assignor)", "the agreement was made with X", "originally owed to X" → the original
    creditor; "X (the assignee)", "assigned to X", "make all payments to X" → the
    creditor now. Sentences run across rows, so a page is read as one text."""
    out: dict[str, list[Candidate]] = {"creditor_name": [], "original_creditor": []}
    # (the body column, and a second one beside it: a letter in two languages side by
    # side, round 11)
    for layout, column in ((page, c) for page in layouts for c in body_columns(page)):
        spans: list[tuple[int, int, Cell]] = []
        parts: list[str] = []
        at = 0
        for cell in column:
            spans.append((at, at + len(cell.text), cell))
            parts.append(cell.text)
            at += len(cell.text) + 1
        flat = "\n".join(parts)
        for m in _ORG_IN_TEXT.finditer(flat):
            # A name never runs over a sentence's end: "Dear Mrs X. Y Council has passed
            # us…" names "Y Council" (round 11); the cue before it is the new sentence's.
            begin = m.start() + sentence_start(m.group())
            before, after = flat[max(0, begin - 45) : begin], flat[m.end() : m.end() + 80]
            # (a cue runs over a line break as over a space: "bought your / account from")
            before, after = re.sub(r"\s+", " ", before), re.sub(r"\s+", " ", after)
            start = begin
            # In capitals the cue is swept into the name ("ORIGINALLY WITH X FINANCE
            # LTD"): the name starts after a cue inside the match.
            for word in re.finditer(r"\s+", flat[begin : m.end()]):
                head = before + re.sub(r"\s+", " ", flat[begin : begin + word.end()])
                if _ORIGINAL_BEFORE.search(head) or _CREDITOR_BEFORE.search(head):
                    before, start = head[-45:], begin + word.end()
                    break
            field = None
            if _ORIGINAL_BEFORE.search(before) or _ORIGINAL_AFTER.match(after):
                field, score = "original_creditor", 3.0
            elif _CREDITOR_AFTER.match(after) or _CREDITOR_BEFORE.search(before):
                field, score = "creditor_name", 2.5
            span = flat[start : m.end()]
            # Named right after its cue ("made with Halewood / Personal Finance Ltd"), the
            # name starts there even across a line; named before "(the assignor)", it may
            # have swept up a heading or salutation above it.
            cued_before = _ORIGINAL_BEFORE.search(before) or _CREDITOR_BEFORE.search(before)
            name = parse_name(" ".join(span.split()) if cued_before else _last_name(span))
            if field is None or name is None:
                continue
            cell = next(c for start, end, c in spans if start <= begin <= end)
            out[field].append(
                Candidate(
                    field=field, value=name, shown=m.group(), page=layout.page, box=cell.box,
                    label=None, role="named in the body", score=score,
                    order=(layout.page, cell.row),
                )
            )  # fmt: skip
    return out


def _income_score(hit: Hit, weight: float) -> float:
    label = " ".join(norm_words(hit.context))
    if re.search(r"\b(?:year to date|ytd|td|this year)\b", hit.text.lower()):
        return -4.0
    if re.search(r"\bafter (?:tax and )?deductions\b", label):
        return 0.0  # net pay, however many deductions it names
    bad = r"\b(?:gross|deductions?|tax|before|year to date|ytd|td|this year)\b"
    return -4.0 if re.search(bad, label) or cumulative_pay(label) else 0.0


def _gross_score(hit: Hit, weight: float) -> float:
    label = " ".join(norm_words(hit.context)) + " " + hit.text.lower()
    if cumulative_pay(label):
        return -4.0  # "Gross pay to date" (round 14)
    return -4.0 if re.search(r"\b(?:year to date|ytd|td|this year)\b", label) else 0.0


def _unlabelled_dates(layouts: Sequence[Layout]) -> list[Candidate]:
    """A date alone in its cell near the top of page 1 (letters' own date), and, weaker,
    dates in the body (kept as alternatives). A cover sheet (a fax's, a court's) comes
    before the letter and holds no date: then the letter starts on the first page that
    does."""
    out = []
    first = next(
        (
            lay for lay in layouts
            if any(parse_date(c.text) for c in lay.cells())
        ),
        layouts[0] if layouts else None,
    )  # fmt: skip
    for layout in [first] if first is not None else []:
        for r, row in enumerate(layout.rows):
            for cell in row:
                date = parse_date(cell.text)
                if date is None:
                    continue
                if beside_deadline(layout, r, cell):
                    continue  # the value of a deadline's label, not the letter's (round 14)
                words = len(cell.words)
                top = layout.row_tops[r] < 0.35 * layout.height
                alone = words <= 4
                score = 2.5 if (alone and top) else 0.3
                out.append(
                    Candidate(
                        field="letter_date",
                        value=date,
                        shown=cell.text if alone else date.isoformat(),
                        page=layout.page,
                        box=cell.box,
                        label=None,
                        role=None if alone and top else "date in the body",
                        score=score,
                        order=(layout.page, r),
                    )
                )
    return out


_NAMES_AN_ACCOUNT = re.compile(r"account|reference|\bref\b|agreement|\bno\b|number|\border\b", re.I)


_PAIR_LABEL = re.compile(
    r"^(?P<a>(?:our|your|my|their|client'?s?|customer) ref(?:erence)?\.?)\s*(?:/\s*)?"
    r"(?P<b>(?:our|your|my|their|client'?s?|customer) ref(?:erence)?\.?)\s*:?$",
    re.I,
)


def _paired_references(layouts: Sequence[Layout]) -> list[Candidate]:
    """Two references under one label, in the label's order: "Our ref / Your ref" over
    "AB/123 / C456/7" (or to its right). "Your ref" is the reference the reader's side
    gave — the client's account with the creditor the writer collects for."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for c, cell in enumerate(row):
                m = _PAIR_LABEL.match(cell.text.strip())
                if m is None:
                    continue
                value_cell = row[c + 1] if c + 1 < len(row) else cell_below(layout, r, cell)
                if value_cell is None:
                    continue
                # (a "/" alone between them is a speck to the layout, and may be gone)
                parts = re.sub(r"\s+/\s+", " ", value_cell.text.strip()).split()
                if len(parts) != 2:
                    continue
                for label, part in zip((m.group("a"), m.group("b")), parts, strict=True):
                    value = parse_reference(part)
                    if value is None:
                        continue
                    ours = label.lower().startswith(("our", "my"))
                    out.append(
                        Candidate(
                            field="account_reference", value=value, shown=part,
                            page=layout.page, box=value_cell.box, label=label, role=None,
                            score=1.0 if ours else 3.0, order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


def _prose_references(layouts: Sequence[Layout]) -> list[Candidate]:
    """ "…account XXXX" or "reference XXXX" inside a sentence: a weak candidate."""
    out = []
    pattern = re.compile(
        # (OCR may put a speck before a word: "agreement ‘numbered KKE…"). Several words
        # may name it: "account reference X", "agreement account number X".
        r"\b(?:(?:loan |credit )?(?:account|agreement|customer|card)\s+)*"
        r"(?:account|reference|ref|agreement|order|(?<=\s)(?:no\.?|number(?:ed)?))\s+[‘'\"“]?"
        # ("whose reference for the loan is X": what it is for, then "is", round 12)
        r"(?:(?:(?:for|on|of) (?:the|your|this|that) \w+\s+)?is\s+)?"  # ("reference is X": r14)
        r"(?:no\.?\s+|number(?:ed)?\s+)?(\S+)",
        re.I,
    )
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                # (a number printed in groups may run over a line: "account number 8082
                # XXXX / XXXX 9738"; so may the value named at a line's end: "under account
                # reference / EN/964580802.")
                if not _NAMES_AN_ACCOUNT.search(cell.text):
                    continue  # (most cells name none: the next line is not read for them)
                sentence = _sentence(layout, r, cell)
                for m in pattern.finditer(sentence):
                    if m.start() >= len(cell.text):
                        break  # named wholly on the next row: that row's
                    grouped = REFERENCE.match(sentence, m.start(1))
                    value = parse_reference(grouped.group() if grouped else m.group(1))
                    if value is None:
                        continue
                    words = [w for w in cell.words if value in w.text.upper()] or list(cell.words)
                    bank = re.search(r"sort code|bank transfer|pay(?:ing)? us", cell.text, re.I)
                    if _NOT_AN_ACCOUNT.search(" ".join(norm_words(cell.text[: m.start(1)]))[-40:]):
                        continue  # "Registered in England and Wales no. 03174501"
                    # The body naming the client's account ("under account reference X",
                    # "account number X") is stronger than a bare "reference X".
                    named = re.match(
                        r"(?:\w+ )*(?:account|agreement|card) (?:number|no|ref|reference)",
                        m.group(),
                        re.I,
                    )
                    out.append(
                        Candidate(
                            field="account_reference",
                            value=value,
                            shown=value,
                            page=layout.page,
                            box=union(w.box for w in words[:1]),
                            label=None,
                            role="bank details" if bank else "in the body",
                            score=-3.0 if bank else 2.4 if named else 1.2,
                            order=(layout.page, r),
                        )
                    )
    return out


_DEADLINE_CUE = re.compile(
    r"\b(?:by|before|on or before|no later than|until|(?:try|attempt(?: it)?) again on"
    r"|(?:collect|take|debit)(?:ed|en)?(?: it)? (?:on|from)(?: or after)?)\s*(?:the\s+)?"
    # "by Thursday 9 April 2026": a weekday may come between the cue and the date.
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s+(?:the\s+)?)?$",
    re.I,
)


def _sentence(layout: Layout, r: int, cell: Cell) -> str:
    """The cell's text and, when the sentence runs on, the start of the next row's cell in
    the same column ("…by 19th November / 2026."), so a date broken over a line is read."""
    if r + 1 >= len(layout.rows):
        return cell.text
    # The next line of a paragraph: a row pitch is about 1.5-2 word heights (a blank line
    # between paragraphs makes it 3 or more).
    # (judged by the taller of the two lines' words: a bold amount over its sentence)
    tall = max(
        layout.line_height,
        *(w.box.height for w in cell.words),
        *(w.box.height for c in layout.rows[r + 1] for w in c.words),
    )
    if layout.row_tops[r + 1] - layout.row_tops[r] > 2.4 * tall:
        return cell.text
    # (left-aligned, or centred under it: "GBP 2149.67 / overdue on your account"; or, for
    # the last cell of a numbered paragraph, back at the number's edge: "1.   … account
    # number 8082 XXXX / XXXX 9738, made…")
    middle = (cell.left + cell.right) / 2
    row = layout.rows[r]
    edge = row[0].left if row[-1] is cell and len(row[0].words) == 1 else cell.left
    for below in layout.rows[r + 1]:
        if (
            abs(below.left - cell.left) <= 0.02 * layout.width
            or abs(below.left - edge) <= 0.02 * layout.width
            or abs((below.left + below.right) / 2 - middle) <= 0.02 * layout.width
        ):
            return cell.text + " " + " ".join(w.text for w in below.words[:4])
    return cell.text


# A date that is its sentence's subject and is said to be the last day: "the 9th of July
# 2025 is the date by which they must be paid", "3 March 2026 is the deadline for…".
_DEADLINE_SAID = re.compile(
    r"^\s*,?\s*(?:is|was|will be)\s+(?:the\s+)?(?:(?:last|final|latest)\s+)?(?:date|day)\b"
    r"[^.]{0,30}?\b(?:by|before|to pay|for (?:payment|paying))\b"
    r"|^\s*,?\s*(?:is|was|will be)\s+(?:the\s+|your\s+)?(?:deadline|due date|final date)\b",
    re.I,
)


def _date_said_to_be_deadline(before: str, after: str) -> bool:
    subject = re.fullmatch(r"(?:.*[.:;!?]\s+)?(?:on\s+)?(?:the\s+)?", before, re.I | re.S)
    return bool(subject and _DEADLINE_SAID.match(after))


def _prose_deadlines(layouts: Sequence[Layout]) -> list[Candidate]:
    """A date in a sentence right after "by", "on or before", "no later than", "we will
    try again on": the deadline stated in the body (weaker than a labelled one)."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                if not re.search(r"\d", cell.text):
                    continue  # (a date starts with a figure, and must start in this cell)
                text = _sentence(layout, r, cell)
                for m in DATE.finditer(text):
                    if m.start() >= len(cell.text):
                        break  # a date wholly on the next row is that row's
                    # (a date that opens its line may end a sentence of the line above:
                    # "You must send a Response Form by / 21st Jun. 2026.")
                    lead = (
                        " ".join(c.text for c in layout.rows[r - 1])
                        if m.start() == 0 and _runs_on(layout, r, cell)
                        else ""
                    )
                    said = (lead + " " + text[: m.start()]) if lead else text[: m.start()]
                    cued = _DEADLINE_CUE.search(said[-40:])
                    if not cued and not _date_said_to_be_deadline(
                        text[: m.start()], text[m.end() :]
                    ):
                        continue
                    date = parse_date(m.group())
                    if date is None:
                        continue
                    out.append(
                        Candidate(
                            field="deadline_date", value=date, shown=m.group(), page=layout.page,
                            box=cell.box, label=None, role="in the body", score=1.5,
                            order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


# An amount that is the subject of its sentence, and what the sentence says of it:
# "£2,368.77 is the total the defendant must pay", "£1,393.04 owed on your rent account",
# "The amount of GBP 784.53 is still outstanding", "GBP 2149.67 / overdue on your account".
_SUBJECT_BEFORE = re.compile(
    r"^(?:.*[.:;!?]\s+|dear [^,]{1,40},\s+|.*\bthat\s+)?"
    r"(?:(?:the|a|an) (?:amount|sum|balance|total)(?: (?:of|now))?\s*)?$",
    re.I | re.S,
)
_STATED_AFTER = re.compile(
    r"^\s*(?:GBP\b|DR\b)?\s*(?:in total\s+|altogether\s+)?(?:(?:is|are|was|has been|remains?)\s+)?"
    r"(?:now\s+|still\s+|currently\s+)?"
    r"(?:(?:the\s+)?(?:total|full|whole|amount|sum|balance)\b|due\b|owed\b|owing\b|outstanding\b"
    r"|payable\b|overdue\b|unpaid\b|in arrears\b|(?:must|should) be paid\b|to pay\b)",
    re.I,
)


def _stated_role(before: str, after: str) -> str | None:
    """What a sentence whose subject is an amount says it is: ``total``, ``arrears`` or
    ``owed`` (None: the amount is not its sentence's subject, or nothing is said, or it
    is said to be an instalment or a fee: "£59.63 is due each month")."""
    # (a full stop before a lower-case word is a speck on a scan: "is still. outstanding")
    after = re.sub(r"(?<=\w)[.,:;]+(?=\s+[a-z])", "", after)
    if not _SUBJECT_BEFORE.match(before) or not _STATED_AFTER.match(after):
        return None
    said = after.split(". ")[0].lower()
    if _NEGATIVE_MONEY.search(said) or re.search(
        r"\b(?:each|every|a|per) (?:week|fortnight|month|quarter|year)\b", said
    ):
        return None
    if re.search(r"\b(?:arrears|missed|behind)\b", said) and "total" not in said:
        return "arrears"
    if re.search(r"\b(?:total|in full|whole|altogether|in all)\b", said):
        return "total"
    return "owed"


def _runs_on(layout: Layout, r: int, cell: Cell) -> bool:
    """Whether ``cell`` continues a sentence of the line above in its column ("your
    monthly instalment of / £59.63 is due"): the line above is close, starts in the same
    column and stops on a word a sentence cannot end with, or a comma."""
    if r == 0 or layout.row_tops[r] - layout.row_tops[r - 1] > 2.4 * layout.line_height:
        return False
    return any(
        abs(o.left - cell.left) <= 0.02 * layout.width and bool(_OPEN_END.search(o.text))
        for o in layout.rows[r - 1]
    )


_OPEN_END = re.compile(
    r"(?:,|\b(?:of|the|to|a|an|and|or|is|are|was|were|by|for|at|in|on|your|our|their|with"
    r"|be|than))$",
    re.I,
)


def _prose_money(layouts: Sequence[Layout]) -> list[Candidate]:
    """An amount in a sentence after a word like "pay", "owe", "balance": weak; stronger
    when the amount is its sentence's subject and the sentence says it is the total or
    what is owed now (``_stated_role``), the value printed before what names it."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            # A sentence may break before the amount ("you must pay / the claimant £X").
            above = " ".join(c.text for c in layout.rows[r - 1]) if r else ""
            for cell in row:
                # (what names the amount may run on to the next line: "GBP 2149.67 /
                # overdue on your gas and electricity account")
                amounts = list(MONEY.finditer(cell.text))
                sentence = _sentence(layout, r, cell) if amounts else cell.text
                # (a value alone in its cell, a side panel's, is not the subject of the
                # capitalised label printed under it, which is the next value's: round 12)
                alone = len(amounts) == 1 and bool(
                    re.fullmatch(
                        r"\s*" + re.escape(amounts[0].group().strip()) + r"(?:\s*GBP)?\s*",
                        cell.text,
                    )
                )
                if alone and re.match(r"\s*[A-Z]", sentence[len(cell.text) :]):
                    sentence = cell.text
                for m in amounts:
                    # (the figures restating an amount in words, "owe eight hundred pounds
                    # (£800.00)", are said by the words before the amount in words: round 12)
                    before = in_words_before(above + " " + cell.text[: m.start()])[-40:]
                    after = cell.text[m.end() : m.end() + 30]
                    # Pounds however written: "£1,234.56", "GBP 1234.56", "1,234.56 GBP".
                    pounds = "£" in m.group() or "GBP" in m.group() or after.startswith(" GBP")
                    stated = (
                        None
                        if _runs_on(layout, r, cell) and not cell.text[: m.start()].strip()
                        else _stated_role(cell.text[: m.start()], sentence[m.end() :])
                    )
                    # "The amount overdue is £X": the sentence says what the amount is
                    if stated is None and pounds and STATED_BEFORE.search(last_sentence(before)):
                        stated = "owed"
                    if stated is not None and pounds:
                        out.append(
                            Candidate(
                                field="balance_pence", value=parse_money(m.group()),
                                shown=m.group().strip(), page=layout.page, box=cell.box,
                                label=None, role=f"{stated} (said of the amount)",
                                score={"total": 2.6, "owed": 2.3, "arrears": 0.6}[stated],
                                order=(layout.page, r),
                            )
                        )  # fmt: skip
                        continue
                    # "is £357.20 in arrears", "in arrears by £1,198.09": what is behind
                    # (a currency code after it, a named account: "£X GBP in rent arrears")
                    arrears = ARREARS_AFTER.match(after) or re.search(
                        r"\b(?:in arrears by|arrears of|arrears are)\s*$", before, re.I
                    )
                    if not (arrears or _BALANCE_WORDS.search(before)) or not pounds:
                        continue
                    # (what the next sentence says is of something else)
                    # (nor is what the sentence before says: "…not paid in full. You owe £X")
                    # ("£X … by monthly instalments" says how X is paid: it is no instalment)
                    weak = _NEGATIVE_MONEY.search(
                        last_sentence(before).lower()
                        + " "
                        + BY_INSTALMENTS.sub("", re.split(r"[.;!?]\s", after.lower() + " ")[0])
                    )
                    whole = whole_loan_said(before)
                    # "…and £115.00 for costs, a total / of £3,717.30": the sum of the parts
                    total = re.search(r"\btotal(?: of| due| owed| owing)?\s*:?\s*$", before, re.I)
                    role = (
                        "total in the body"
                        if total
                        else "arrears in the body"
                        if arrears
                        else "whole loan in the body"
                        if whole
                        else "in the body"
                    )
                    out.append(
                        Candidate(
                            field="balance_pence", value=parse_money(m.group()), shown=m.group().strip(),
                            page=layout.page, box=cell.box, label=None, role=role,
                            score=-1.0 if weak else 2.2 if total else 0.6 if arrears else 0.8, order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


# An amount said to be paid to the client ("We will pay you £554.40 every 4 weeks").
_PAID_CUE = re.compile(
    r"\b(?:pay(?:s|ing)? you|paid to you|you (?:will )?(?:get|receive)|your (?:award|payment)"
    r"|(?:award|entitlement) (?:is|of)|we will pay)\b[^£]{0,12}$",
    re.I,
)


def _prose_income(layouts: Sequence[Layout]) -> list[Candidate]:
    """An amount a sentence says is paid to the client: "We will pay you £83.09 each
    week", "your award is £91.40" (weaker than a labelled payment)."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                for m in MONEY.finditer(cell.text):
                    if "£" not in m.group() or not _PAID_CUE.search(cell.text[: m.start()]):
                        continue
                    out.append(
                        Candidate(
                            field="income_pence", value=parse_money(m.group()),
                            shown=m.group().strip(), page=layout.page, box=cell.box, label=None,
                            role="said to be paid to you", score=2.0, order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


def _prose_frequency(layouts: Sequence[Layout]) -> list[Candidate]:
    """How often, said in words ("Paid monthly"), or said of an amount: "£109.60 a week",
    "£554.40 every 4 weeks" — strongest when the sentence says the amount is paid to the
    client."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                value = parse_frequency(cell.text)
                if value and not re.search(r"£|\d", cell.text):
                    out.append(
                        Candidate(
                            field="frequency", value=value, shown=cell.text, page=layout.page,
                            box=cell.box, label=None, role="in the body", score=1.0,
                            order=(layout.page, r),
                        )
                    )  # fmt: skip
                    continue
                # "You are paid every 4 / weeks": the sentence may run over a line.
                paid_at = list(
                    re.finditer(r"\b(?:paid|payable|credited|we pay)\b", cell.text, re.I)
                )
                text = _sentence(layout, r, cell) if paid_at else cell.text
                for m in paid_at:
                    # "… 2026. Universal Credit is paid monthly.": said of the payment
                    value = parse_frequency(text[m.end() : m.end() + 18])
                    if value is not None:
                        out.append(
                            Candidate(
                                field="frequency", value=value, shown=text[m.start() : m.end() + 18],
                                page=layout.page, box=cell.box, label=None,
                                role="in the body", score=1.2, order=(layout.page, r),
                            )
                        )  # fmt: skip
                for m in MONEY.finditer(cell.text):
                    after = cell.text[m.end() : m.end() + 25]
                    said = re.match(
                        r"\s*(?:a|per|each|every|in each|for each)\s+(?:(?:\d+|two|four)\s+)?"
                        r"(?:calendar\s+)?(?:weeks?|fortnight|month|year)\b",
                        after,
                        re.I,
                    )
                    value = parse_frequency(said.group()) if said else None
                    if value is None or said is None:
                        continue
                    paid = _PAID_CUE.search(cell.text[: m.start()])
                    out.append(
                        Candidate(
                            field="frequency", value=value, shown=m.group() + said.group(),
                            page=layout.page, box=cell.box, label=None,
                            role="said of the amount paid" if paid else "said of an amount",
                            score=2.5 if paid else 0.6, order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out


def _letterhead(layouts: Sequence[Layout], field: str = "creditor_name") -> list[Candidate]:
    """Organisation-like cells in the top quarter of page 1: the letterhead."""
    out = []
    for layout in layouts[:1]:
        for r, row in enumerate(layout.rows):
            if layout.row_tops[r] > 0.25 * layout.height:
                break
            for cell in row:
                # An e-mail's sender: "From: X Ltd <help@x.co.uk>" is its letterhead.
                sender = re.match(r"from\s*:\s*([^<>:]+?)\s*(?:<[^<>]*@[^<>]*>)?\s*$",
                                  cell.text, re.I)  # fmt: skip
                # ("In the X Court" heads the court's own order: round 14)
                name = parse_name(sender.group(1) if sender else in_the_court(cell.text))
                if name is None or len(cell.words) > 7 or (":" in cell.text and not sender):
                    continue
                if re.search(r"\b(?:notice|letter|statement|reminder|demand|form)\b", name, re.I):
                    continue
                agent = bool(AGENT_WORDS.search(name))
                court = bool(COURT.search(name))
                out.append(
                    Candidate(
                        field=field,
                        value=name,
                        shown=name,
                        page=layout.page,
                        box=cell.box,
                        label=None,
                        role="court" if court else "collection agent" if agent else "letterhead",
                        score=1.6 - 0.1 * r - (0.3 if agent else 0.0) - (1.5 if court else 0.0),
                        order=(layout.page, r),
                    )
                )
    return out


def _registered(layouts: Sequence[Layout]) -> list[Candidate]:
    """The writer's registered name, from the sentence a firm prints with it ("X Ltd is
    registered in England and Wales", "X is authorised by …"): as good as a letterhead
    (an agent's or a court's weaker, as there). Round 12."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                said = registered_name(cell.text)
                name = parse_name(said) if said else None
                if name is None:
                    continue
                court, agent = bool(COURT.search(name)), bool(AGENT_WORDS.search(name))
                out.append(
                    Candidate(
                        field="creditor_name", value=name, shown=name, page=layout.page,
                        box=cell.box, label=None, role="registered name",
                        score=1.4 - (0.3 if agent else 0.0) - (1.5 if court else 0.0),
                        order=(layout.page, r),
                    )
                )  # fmt: skip
    return out


def _fuller_names(candidates: list[Candidate]) -> list[Candidate]:
    """A name and the same name with its legal form ("X Services", "X Services Ltd") are
    one organisation: the fuller name takes the better score of the two (round 12)."""
    out = []
    for c in candidates:
        if not isinstance(c.value, str):
            out.append(c)
            continue
        shorter = [
            o.score
            for o in candidates
            if isinstance(o.value, str) and fuller_form(o.value, c.value)
        ]
        out.append(attrs.evolve(c, score=max(c.score, max(shorter) + 0.05)) if shorter else c)
    return out


def _roles(found: dict[str, list[Candidate]], cls: DocumentClass) -> None:
    """Name the alternatives an adviser needs to tell apart."""
    found["balance_pence"] = [
        attrs.evolve(c, role=c.role or _money_role(c.label or "")) for c in found["balance_pence"]
    ]
    found["creditor_name"] = [
        attrs.evolve(c, role=c.role or ("creditor" if c.label else None))
        for c in found["creditor_name"]
    ]


def _money_role(label: str) -> str | None:
    lowered = label.lower()
    if re.search(r"instalment|per month|monthly|weekly|repayment", lowered):
        return "instalment"
    if re.search(r"\bfee\b", lowered):
        return "fee"
    if re.search(r"liability order", lowered):
        return "liability order amount"
    if re.search(r"total", lowered):
        return "total"
    if re.search(r"claimed", lowered):
        return "amount claimed before fees"
    return None


def evidence(found: dict[str, list[Candidate]], chosen: dict[str, object]) -> list[FieldEvidence]:
    """The chosen candidate and up to three distinct alternatives per field."""
    out: list[FieldEvidence] = []
    for field, candidates in found.items():
        if field not in chosen or chosen[field] is None:
            continue
        seen: set[object] = set()
        for c in candidates:
            if c.value in seen or len(seen) >= 4:
                continue
            seen.add(c.value)
            out.append(
                FieldEvidence(
                    field=field,
                    value=_show(c.value),
                    page=c.page,
                    box=c.box,
                    label=c.label,
                    role=c.role,
                    score=round(c.score, 2),
                    chosen=c.value == chosen[field],
                )
            )
    return out


def _show(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return f"£{value // 100:,}.{value % 100:02d}"
    return str(value)
