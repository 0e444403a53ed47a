"""What a value looks like and how it is parsed: dates, sums of money, references,
claim numbers, organisations' names and frequencies as letters print them (and as OCR
misreads them), and ``Candidate``, a value found on the page with where it came from.
Moved out of ``fields.py``, which gathers every reader's candidates."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from attrs import frozen

from cma_adapters.rules_assistant.fields_kinds import (
    NI_NUMBER,
    SORT_LABEL,
    bracket_after_name,
    clock_time,
    glued_date,
    is_clause,
    letter_prefix,
    lettered_number,
    lost_figures,
    rejoined_pounds,
    relative_clause,
    trailing_minus,
    without_letter_o,
)
from cma_adapters.rules_assistant.lookalike import GLUED_LETTERS, NUMBER_LETTERS, as_figures
from cma_core.documents.model import Box

ENGLISH_MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
} | {"sept": 9}
"""The months' English names and short forms (lower case): a date's month as printed."""
_MONTHS = dict(ENGLISH_MONTHS)
# (OCR reads the J of a short month's name as an "f": "30/fan/2025", round 16; only
# where a day and a year stand either side, as ``DATE`` reads a month)
_MONTHS |= {"fan": 1, "fun": 6, "ful": 7}
# (and a month's letter O as a nought: "22.0ct.2025", "3 N0v 2026", round 26; only where a
# day and a year stand either side, as above)
_MONTHS |= {"0ct": 10, "0ctober": 10, "n0v": 11, "n0vember": 11}
# The months in Welsh, as Welsh councils and bodies print a bilingual letter's date: "4
# Rhagfyr 2026" (round 22; only where a day and a year stand either side, as above)
_MONTHS |= {
    w: i
    for i, w in enumerate(
        [
            "ionawr",
            "chwefror",
            "mawrth",
            "ebrill",
            "mai",
            "mehefin",
            "gorffennaf",
            "awst",
            "medi",
            "hydref",
            "tachwedd",
            "rhagfyr",
        ],
        1,
    )
}


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
    rf"(?:st|nd|rd|th)?(?:\s+day)?(?:\s+of)?(?:[\s-]+|/(?=[A-Za-z]{{3,9}}\.?/)"
    # (or no space at all where OCR lost it, the year after a space: "14apr 2025", round 25)
    rf"|(?=(?:{_MONTH_RE})\.?,?\s+(?:19|20)\d\d\b))(?P<m>{_MONTH_RE})\.?,?"
    # (a speck OCR reads between the month and a four-digit year: "9th of July:2025"; or a
    # slash read backwards or as a rule, "16 Apr\2025", "16 Apr |2025", round 50)
    r"(?:[\s-]+|/|:\s*(?=(?:19|20)\d\d)|\s?[\\|]\s*(?=(?:19|20)\d\d))"
    # (the apostrophe before a short year as OCR reads it: "16 Sep. ‘26", "’26", "`26",
    # round 29)
    r"(?P<y>(?:19|20)\d\d(?!\d)|['‘’`´]?\d\d(?![\d:]))"
    r"|\b(?P<d2>[0-4]?\d)\s*[/.-]\s*(?P<m2>[01]?\d)\s*[/.-]\s*(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<d3>[0-3]?\d)(?P<sep>[/.])(?P<m3>[01]?\d)(?P=sep)(?P<y3>\d\d)(?![\d.,/-]?\d)"
    # with dashes, "04-12-26", but only where no sort code is named before it on its line
    # or just above it: "Sort code 30-15-99" is no date (``dashed_date``, round 15)
    # (a day or a month unpadded, "7-12-26", "31-1-25": no sort code's shape, round 55)
    r"|\b(?P<d6>[0-3]?\d)-(?P<m6>[01]?\d)-(?P<y6>\d\d)(?![\d.,/-]?\d)"
    # a form's boxed date, "04 12 2026": two figures, two figures, a four-figure year
    # (OCR may read a box's edge as a point or a colon beside a space: "26.07 2026"; or
    # lose one of a date's two slashes: "09 04/2025", "02/05 2025", round 16)
    # (after a weekday's comma too, "Monday, 07 12 2026"; a day or a month unpadded
    # between spaces, "7 12 2026": round 55)
    r"|(?<![\d£$.] )(?<!\d, )(?<![\d£$,.])\b(?P<d7>[0-3]?\d)(?P<s7> |[.:/] ?)(?P<m7>[01]?\d)"
    r"(?P<t7> |[.:/] ?)(?P<y7>(?:19|20)\d\d)(?! ?\d)"
    # a Roman month, "4.XII.2026", "4 xii 2026" (the same separator twice)
    # (OCR reads an I as "1" or "l": "1.X11.2026", "23.X1.2026"; an all-figure date is
    # read as one by the alternatives above)
    r"|\b(?P<d8>[0-3]?\d)(?P<sep8>[./ -])"
    r"(?=[1l]*[XVI])(?P<m8>X[I1l][I1l]|X[I1l]|[I1l]X|X|V[I1l]{0,3}|[I1l]V|[I1l]{1,3})"
    r"(?P=sep8)(?P<y8>(?:19|20)\d\d)\b"
    # the year first: "2026-08-25", "2026/08/25", "2026.08.25" (one separator); with a
    # system's time after it, "2026-08-25T09:14:05" (an export's or a portal's, round 23)
    r"|\b(?P<y4>(?:19|20)\d\d)(?P<sep4>[-/.])(?P<m4>[01]\d)(?P=sep4)(?P<d4>[0-3]\d)(?:\b|(?=T\d\d:))"
    # the month first, as American and e-mail headers print it: "Mar 3, 2026", "June 3rd 2026"
    # (OCR may drop the spaces: "Mar8,2025")
    # (or its year cut short after an apostrophe: "Dec 7th, '26", round 55; or after the
    # day's comma, "Dec 7, 26", as the other two-figure years are read, round 57)
    rf"|\b(?P<m5>{_MONTH_RE})\.?(?:\s+|(?=\d))(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*|\s+)"
    r"(?P<y5>(?:19|20)\d\d\b|['‘’`´]\d\d(?![\d:])|(?:(?<=,)|(?<=, ))\d\d(?![\d:]|[.,]\d))"
    # the day, the month and the year run together in eight figures, "07122026" (round 55;
    # a year of 1950-2049, as the year-first form below: no overlap with it)
    r"|\b(?P<d15>0[1-9]|[12]\d|3[01])(?P<m15>0[1-9]|1[0-2])(?P<y15>19[5-9]\d|20[0-4]\d)\b"
    # the year first, then the month's name and the day: "2026 Dec 04", "2026-Dec-04",
    # "2026 December 4th" (round 21)
    # (OCR may lose the space before the day: "2026 Jul17")
    rf"|\b(?P<y9>(?:19|20)\d\d)(?P<s9>[\s-]|,\s)\s*(?P<m9>{_MONTH_RE})\.?(?:(?P=s9)\s*|(?=\d))"
    r"(?P<d9>[0-3]?\d)(?:st|nd|rd|th)?\b(?![.,:/-]?\d)"
    # a system's compact date, the day, the month's three letters and the year run
    # together: "04DEC26", "4Dec2026" (round 22)
    # (after OCR, the month's O as a nought, "030CT26", and a day's nought as an O,
    # "O30CT26": round 27, as round 26's "0ct" between points)
    r"|\b(?P<d10>(?:[0-3]|O(?=\d))?\d)(?P<m10>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|0ct|nov"
    r"|n0v|dec)(?P<y10>(?:19|20)\d\d|\d\d)\b"
    # the year, the month and the day run together in eight figures, as a system prints a
    # date (ISO 8601's basic form): "20261204" (round 25); only a month and a day that can
    # be, so an eight-figure number that is no date stays a number
    r"|\b(?P<y11>19[5-9]\d|20[0-4]\d)(?P<m11>0[1-9]|1[0-2])(?P<d11>0[1-9]|[12]\d|3[01])\b"
    # the month's name between points or underscores, the same mark either side, in any of
    # the three orders: "4.Dec.2026", "04_Dec_2026", "Dec.04.2026", "2026.Dec.04" (round 26:
    # a date's parts are a day, a month and a year whatever joins them; a month's name
    # makes the order plain)
    # (a space after a point, as OCR may read one or a typist type one: "28. Aug.2026")
    rf"|\b(?P<d12>[0-3]?\d)(?P<s12>[._]) ?(?P<m12>{_MONTH_RE})(?P=s12) ?"
    r"(?P<y12>(?:19|20)\d\d|\d\d)(?![\d.,/-]?\d)"
    rf"|\b(?P<m13>{_MONTH_RE})(?P<s13>[._]) ?(?P<d13>[0-3]?\d)(?P=s13) ?(?P<y13>(?:19|20)\d\d)\b"
    rf"|\b(?P<y14>(?:19|20)\d\d)(?P<s14>[._]) ?(?P<m14>{_MONTH_RE})(?P=s14) ?"
    r"(?P<d14>[0-3]?\d)\b(?![.,]?\d)",
    re.IGNORECASE,
)


# "£" is often read as "E", "f" or "£" with a space; accept those only right before digits.
# After "£" or "GBP" the pence may be left out ("£1,234", whole pounds) or cut to one
# figure ("£1234.5", as a spreadsheet prints £1,234.50); a bare number needs its pence.
MONEY = re.compile(
    # (OCR may space a thousands comma: "£1, 531.92", when the pence follow, round 12)
    # (a protected amount's asterisks after the pound sign, "£***4,922.94", round 14)
    r"(?:(?P<cur>£\**|GBP)|(?<![A-Za-z])[Ef])?\s?(?P<n>\d{1,3}(?:(?:[,\s]|,\s(?=\d{3}\.\d\d\b))\d{3})+|\d+)"
    # (a raised point, "£1,234·56", round 15; after OCR a dash: "£1,234-56", a pence of two
    # figures after a pound sign that a range would not have: see ``pence_of``)
    # (and a comma or a point after such pence that ends the clause, "£18,288-02, a debt",
    # round 52: not one before a figure, "£40-50,000")
    r"(?:[.,:·](?P<p>\d\d)\b|(?(cur)-(?P<p2>\d\d)(?!\d|[.,]\d)|(?!))|(?(cur)(?:\.(?P<p1>\d)(?![\d.,])|(?![.,:]?\d|\s\d{3}\b))|(?!)))"
)


def pence_of(m: re.Match[str]) -> int:
    """The amount a ``MONEY`` match reads, in pence."""
    pounds = int(re.sub(r"\D", "", m.group("n"))) * 100
    if m.group("p"):
        return pounds + int(m.group("p"))
    if m.group("p2"):  # "£328-74": pence after a dash, not a range "£40-50" (round 15)
        return pounds + (int(m.group("p2")) if int(m.group("p2")) * 100 < pounds else 0)
    return pounds + (int(m.group("p1")) * 10 if m.group("p1") else 0)


REFERENCE = re.compile(
    # Digits printed in groups ("5123 3522 1046") are one reference: 3-5 digits a group.
    # A bank-style prefix may lead ("NB22 9596 3229"), and a short group of two figures or
    # two letters may close it at the end of its cell ("0516 4730 02", "799 929 ZZ").
    # (round 36) three or more groups of figures, the whole of its cell, where OCR lost
    # the space between two of them: "731 204 559018", "731204 559 018"
    r"\b(?:(?:\d{3,5} ){2,3}\d{6,8}(?: \d{3,5}){0,2}|\d{3,5} \d{6,8}(?: \d{3,5}){1,2}"
    r"|\d{6,8}(?: \d{3,5}){2,3})(?=\s{2,}|\s*\n|\s*$|[,;)])"
    r"|\b(?:(?:[A-Z]{1,3}\d{1,3} )?\d{3,5}(?: \d{3,5}){1,4}"
    # (or one capital, a check letter: "560 3827 Z", round 39)
    r"(?:(?: (?:\d\d|[A-Z]{1,2}))(?=\s{2,}|\s*\n|\s*$|[,;)]))?"
    # a prefix of letters and up to four figures, one group and a closing pair at the end
    # of its cell: "QX4410 2290 17" (round 15)
    r"|[A-Z]{1,3}\d{1,4} \d{3,5} \d\d(?=\s{2,}|\s*\n|\s*$|[,;)])"
    # a pair, a long group and a pair, the whole of its cell: "00 362030 43", a building
    # society's roll number (round 25)
    r"|\d\d \d{5,8} \d\d(?=\s{2,}|\s*\n|\s*$|[,;)])"
    # a prefix of letters and figures, a space and one long run of figures, the whole of
    # its cell: "WGR84 386979", a space OCR read inside one reference (round 25)
    r"|[A-Z]{2,4}\d{1,3} \d{5,8}(?=\s{2,}|\s*\n|\s*$|[,;)])"
    # letters and four to six figures, then groups of figures, the whole of its cell:
    # "KT4471 0925", "RB88120 442 107" (round 27)
    r"|[A-Z]{1,4}\d{4,6}(?: \d{3,6}){1,3}(?=\s{2,}|\s*\n|\s*$|[,;)])"
    # three groups of three figures where OCR lost one of the two spaces, the whole of its
    # cell (or before a merge field's name): "679516 227", "679 516227" (round 34)
    r"|(?:\d{6} \d{3}|\d{3} \d{6})(?=\s{2,}|\s*\n|\s*$|[,;)]|\s*[«<])"
    r")\b(?![.,]\d)"
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
    # a university or a college, which charges fees (round 41), not a road named for one
    r"|(?:University|College)(?!\s+(?:Road|Street|Avenue|Lane|Way|Drive|Close|Place|Square"
    r"|Gardens|Green|Park|Hill|Terrace|Crescent|Row|Walk)\b)"
    # a local authority named as the place's borough, its name's word in the middle:
    # "London Borough of X", "Royal Borough of X" (round 39)
    r"|(?<=[A-Za-z] )Borough(?=\s+of\s+(?-i:[A-Z]))"
    # a benefit's own office, which pays it: "Pension Centre", "Maternity Allowance Centre"
    # (not "Customer Contact Centre", "Claim Production Centre": a desk of any firm)
    r"|(?:(?<=Allowance )|(?<=Pension )|(?<=Benefit )|(?<=Benefits ))Centre"
    # (and a payment's named so: "Winter Fuel Payment Centre", round 33)
    r"|(?<=[A-Za-z] Payment )Centre"
    # "The Pension Service" (a name's last word), not "Service date" (a label)
    r"|(?<=[A-Za-z] )Service(?!\s+[a-z])"
    # a body named for the country, "UK" its name's last word: "Veterans UK" ("Registered
    # in England" is no name, so only "UK")
    r"|(?<=[A-Za-z] )UK(?=\.?$))\b\.?",
    re.IGNORECASE,
)


# A court writes judgments and claims but is owed nothing (a magistrates' court's fines
# office is the exception: the fine is owed to it).
COURT = re.compile(
    r"\b(?:county court|high court|business centre|court service|tribunal"
    # (or the court's building, heading its own papers: "The Law Courts", "Combined Court
    # Centre", "Civil Justice Centre", "The Court House", round 48)
    r"|law courts|combined courts?(?: centre)?|(?:civil |family )?justice centre|court ?house)\b",
    re.I,
)


AGENT_WORDS = re.compile(
    r"\b(?:enforcement|recover(?:y|ies)|collections?|debt\s+recovery|credit\s+services"
    r"|holdings|bailiffs?)\b",
    re.IGNORECASE,
)


# An amount after its pound sign with a space OCR put beside its decimal point ("£3208 .17",
# "£12, 046. 17"): one amount, its pence the two figures after the point. A space after
# the point alone stands where a sentence may end ("£300. 25 people"), so there the
# pence must close the amount: the end of its cell, a comma or a gap (round 36).
_SPACED_POINT = re.compile(
    r"(?P<pounds>(?:£|GBP) ?\d{1,3}(?:, ?\d{3})+|(?:£|GBP) ?\d+)(?P<point> \. ?|\. )"
    r"(?P<pence>\d\d)(?![\d.,]\d)(?P<end>(?=\s*$|\s*[,;:)]|\s{2,}))?"
)


def _point_closed(m: re.Match[str]) -> str:
    if not m["point"].startswith(" ") and m["end"] is None:
        return m.group()
    return re.sub(r"(?<=,) ", "", m["pounds"]) + "." + m["pence"]


def parse_money(text: str) -> int | None:
    """The first amount that is not part of a date ("12.07.26 to 08.10.26" is a period)."""
    text = pounds_by_shape(text)  # "£1,2O4.56" (round 52)
    text = rejoined_pounds(text)  # "£1 4,741.79" (round 14)
    text = _SPACED_POINT.sub(_point_closed, text)  # "£3,208 .17" (round 36)
    # (a date with OCR's speck glued before it, an underscore from the box's rule,
    # "_9.10.2025", is a date still, not the amount 9.10: round 48)
    dates = [m.span() for m in DATE.finditer(text.replace("_", " "))]
    for m in MONEY.finditer(text):
        if any(start <= m.start("n") < end for start, end in dates) or clock_time(m):
            continue  # (a clock time, "16:38", is no amount either: round 12)
        if lost_figures(text, m.start("n")):
            continue  # "£AXKA, 922.94": OCR lost the figures before the comma (round 14)
        if m.group("cur") is None and _figure_read_as_letter(text, m.start("n")):
            continue  # "S74.79" for 574.79: OCR read the first figure as a letter (round 17)
        pence = pence_of(m)
        # "-379.41" is a deduction; "-£7,025.31" is as often a speck before the "£".
        minus = text[: m.start("n")].rstrip().endswith(("-", "−"))
        # "41.65-": a credit printed with its minus after it (round 14)
        return -pence if minus or trailing_minus(text, m.end()) else pence
    return None


# An amount after its pound sign with a figure OCR read as a look-alike letter ("£1,2O4.56",
# "£l,204.56", "£3S7.10"): the amount's shape, pounds in groups of three after a comma or
# pence after a point, says they are figures (round 52). A pound sign before a word
# ("£Sale"), or more letters than figures, is left.
_FIGURE = rf"[\d{re.escape(NUMBER_LETTERS)}]"  # (a figure or its look-alike: round 57)
_POUNDS_LETTERS = re.compile(
    rf"(?<=£)(?P<n>{_FIGURE}{{1,3}}(?:,{_FIGURE}{{3}})+(?:\.{_FIGURE}{{2}})?"
    rf"|{_FIGURE}{{1,7}}\.{_FIGURE}{{2}})(?![\w,.]|[.,]\d)"
)


def _pounds_figures(m: re.Match[str]) -> str:
    shown = m["n"]
    figures = [c for c in shown if c not in ",."]
    letters = sum(not c.isdigit() for c in figures)
    if not letters or letters * 2 >= len(figures) or (not shown[0].isdigit() and letters > 1):
        return shown
    return as_figures(shown, NUMBER_LETTERS)


def pounds_by_shape(text: str) -> str:
    """``text`` with an amount's look-alike letters after its pound sign read as figures
    (``_POUNDS_LETTERS``), round 52."""
    return _POUNDS_LETTERS.sub(_pounds_figures, text) if "£" in text else text


def pound_read_as_figure(shown: str, text: str) -> int | None:
    """The amount an amount without a currency sign reads when its first figure is the "£"
    that OCR read as an 8 ("87,793.77" for "£7,793.77", round 20): only when the page prints
    the rest with its "£" elsewhere ("ordered you to pay £7,793.77"), so a true 8 stays.
    (OCR reads the "£" as a 5 too: "53,106.42" for "£3,106.42", round 36.)"""
    m = re.fullmatch(r"[85](\d{1,3}(?:,\d{3})*\.\d\d)", shown.strip())
    if m is None or not re.search(r"£\s?" + re.escape(m.group(1)) + r"(?!\d|[,.]\d)", text):
        return None
    return parse_money("£" + m.group(1))


def pence_cut(shown: str, text: str) -> int | None:
    """The amount an amount of one pence figure reads when OCR lost its second at a box's
    edge ("£412.7" for "£412.71", round 25): only when the page prints, elsewhere, one
    amount of those pounds whose pence begin with that figure, so "£1234.5" (a
    spreadsheet's £1,234.50) stays as it is."""
    m = re.fullmatch(r"(£?\s?\d{1,3}(?:,\d{3})*|£?\s?\d+)\.(\d)", shown.strip())
    if m is None:
        return None
    pounds = re.escape(m.group(1).lstrip("£ "))
    fuller = {
        f.group(1)
        for f in re.finditer(
            r"(?<![\d,.])" + pounds + r"\." + m.group(2) + r"(\d)(?![\d.,]\d)", text
        )
    }
    if len(fuller) != 1:
        return None
    return parse_money("£" + m.group(1).lstrip("£ ") + "." + m.group(2) + fuller.pop())


def point_lost(shown: str, text: str) -> int | None:
    """The amount a whole number of pounds reads when OCR lost its decimal point
    ("£78420" for "£784.20", round 30): only when the page prints, elsewhere, the same
    figures with a point before the last two ("£784.20" or "784.20"), and no amount of
    those figures without one, so "£1200" beside "£12.00" twice over stays."""
    m = re.fullmatch(r"£\s?(\d{3,7})", shown.strip().rstrip(".,;:"))
    if m is None:
        return None
    figures = m.group(1)
    pointed = figures[:-2] + r"\." + figures[-2:]
    if not re.search(r"(?<![\d,.])£?\s?" + pointed + r"(?![\d.,]\d)", text):
        return None
    if len(re.findall(r"(?<![\d,.])£\s?" + figures + r"(?![\d]|[.,]\d)", text)) > 1:
        return None
    return parse_money("£" + figures[:-2] + "." + figures[-2:])


# Letters OCR reads figures as (S 5, O 0, I and l 1, B 8, Z 2, G 6: ``GLUED_LETTERS``),
# glued to the figures after them as a word's first letter: the amount is not all there.


def _figure_read_as_letter(text: str, start: int) -> bool:
    """Whether the figures at ``start`` follow a lone letter OCR reads figures as, the
    first of its word ("Net pay S74.79"): their amount is the rest of a misread one."""
    if start < 1 or text[start - 1] not in GLUED_LETTERS:
        return False
    return start < 2 or not text[start - 2].isalnum()


_APOSTROPHES = "'‘’`´"
"""The apostrophe before a short year, and what OCR reads it as."""


def _year(text: str) -> int:
    digits = int(text.lstrip(_APOSTROPHES))
    return digits if digits > 99 else 2000 + digits


def _day(figures: str) -> int:
    """A day of the month as printed; "4x" is OCR's "1x" (no day is in the forties)."""
    return int("1" + figures[1] if len(figures) == 2 and figures[0] == "4" else figures)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def dashed_sort_code(m: re.Match[str]) -> bool:
    """Whether figures printed "12-34-56" are a sort code rather than a date with a
    two-digit year: a sort code (or a bank's details) is named before them on their line,
    or on the line above (a column's heading), round 15."""
    text = m.string
    start = text.rfind("\n", 0, m.start()) + 1
    above = text.rfind("\n", 0, max(start - 1, 0)) + 1
    return bool(SORT_LABEL.search(text[above : m.start()]))


# What stands before figures that are a reference's or a version's, not a date (round 55):
# a reference's label right before them ("REF 12/10/2026-A", "Our ref: 12/10/2026/7",
# "Reference AB/12/10/2026") where the figures are glued into a longer token by "/" or "-"
# (a date range, "01/10/2026-31/10/2026", is glued to another date: still dates); and a
# version's word ("Version 12.10.26").
_REFERENCE_BEFORE = re.compile(
    r"\b(?:ref(?:erence)?|a/c|acct|account|invoice|policy|case|file|customer|agreement"
    r"|quot(?:e|ing))\b(?:\s*(?:no|number)\b\.?|\s*#)?\s*[:.]?\s*(?:[A-Z0-9]+[/-])?$",
    re.I,
)
_GLUED_AFTER = re.compile(r"[/-](?![0-3]?\d[/.-])[A-Z0-9]", re.I)
_VERSION_BEFORE = re.compile(r"\b(?:version|ver|release|build|v)\.?\s*$", re.I)
# A label that names a number before eight figures run together: "Account number 12031985",
# "Membership no. 01011970", "Card 15062011" — an account's or a member's number of eight
# figures reads as a DDMMYYYY date, so such a run is a date only where no number's label
# stands before it on its line (round 55's "07122026" after "Dated", "by", a box's own).
_NUMBER_BEFORE = re.compile(
    r"\b(?:no|nos|num|number|account|a/c|acct|ref(?:erence)?|policy|card|customer|member"
    r"|membership|id|invoice|agreement|case|file|claim|order|payroll|employee|serial"
    r"|registration|reg)\b\.?\s*(?:no\b\.?|number\b|#)?\s*[:.#-]?\s*$",
    re.I,
)


def _not_a_date(m: re.Match[str]) -> bool:
    """Whether the date ``m`` read is a reference's or a version's figures
    (``_REFERENCE_BEFORE``, ``_VERSION_BEFORE``), or a number's eight figures
    (``_NUMBER_BEFORE``)."""
    text = m.string
    before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    if _VERSION_BEFORE.search(before):
        return True
    if m.group("d15") and _NUMBER_BEFORE.search(before):
        return True  # eight figures after a number's label: that number (round 55)
    glued = bool(re.search(r"[A-Z0-9][/-]$", before, re.I) or _GLUED_AFTER.match(text, m.end()))
    return glued and bool(_REFERENCE_BEFORE.search(before))


def _a_count(m: re.Match[str], year: str) -> bool:
    """Whether the two figures ``m`` read as its year are a count: "16 May 12 payments",
    "Dec 7, 26 payments"; "13 Jul 25" or "Dec 7, 26" alone or before punctuation is a date.
    A hyphen's or an apostrophe's year is a year."""
    two_digits = len(year.lstrip(_APOSTROPHES)) == 2 and not re.search(r"-|['‘’`´]", m.group())
    return two_digits and re.match(r"\s*[A-Za-z0-9]", m.string[m.end() :]) is not None


def date_of(m: re.Match[str]) -> dt.date | None:
    if _not_a_date(m):
        return None
    try:
        if m.group("d"):
            y = m.group("y")
            if _a_count(m, y):
                return None
            month = _MONTHS[m.group("m").lower().rstrip(".")]
            day = _day(as_figures(m.group("d"), NUMBER_LETTERS))
            return dt.date(_year(m.group("y")), month, day)
        if m.group("d2"):
            return dt.date(int(m.group("y2")), int(m.group("m2")), _day(m.group("d2")))
        if m.group("m5"):
            if _a_count(m, m.group("y5")):
                return None  # ("Dec 7, 26 payments", round 57)
            month = _MONTHS[m.group("m5").lower().rstrip(".")]
            return dt.date(_year(m.group("y5")), month, int(m.group("d5")))
        if m.group("d15"):
            return dt.date(int(m.group("y15")), int(m.group("m15")), int(m.group("d15")))
        if m.group("y4"):
            return dt.date(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
        if m.group("d6"):
            if dashed_sort_code(m):
                return None
            return dt.date(_year(m.group("y6")), int(m.group("m6")), int(m.group("d6")))
        if m.group("d7"):
            if " " not in m.group("s7") + m.group("t7"):
                return None  # (a space of the boxes, at least)
            unpadded = len(m.group("d7")) == 1 or len(m.group("m7")) == 1
            if unpadded and m.group("s7") + m.group("t7") != "  ":
                return None  # ("7 12 2026" between spaces only, round 55)
            return dt.date(int(m.group("y7")), int(m.group("m7")), int(m.group("d7")))
        if m.group("y9"):
            month = _MONTHS[m.group("m9").lower().rstrip(".")]
            return dt.date(int(m.group("y9")), month, int(m.group("d9")))
        if m.group("d10"):
            month = _MONTHS[m.group("m10").lower()]
            day = int(as_figures(m.group("d10"), NUMBER_LETTERS))
            return dt.date(_year(m.group("y10")), month, day)
        if m.group("y11"):
            return dt.date(int(m.group("y11")), int(m.group("m11")), int(m.group("d11")))
        if m.group("d12"):
            month = _MONTHS[m.group("m12").lower()]
            return dt.date(_year(m.group("y12")), month, _day(m.group("d12")))
        if m.group("m13"):
            month = _MONTHS[m.group("m13").lower()]
            return dt.date(int(m.group("y13")), month, int(m.group("d13")))
        if m.group("y14"):
            month = _MONTHS[m.group("m14").lower()]
            return dt.date(int(m.group("y14")), month, int(m.group("d14")))
        if m.group("d8"):
            month = _ROMAN.index(re.sub("[1l]", "I", m.group("m8")).upper()) + 1
            return dt.date(int(m.group("y8")), month, int(m.group("d8")))
        return dt.date(_year(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    except (ValueError, KeyError):
        return None


# A figure date whose day or month opens with a 9 no day or month has ("92/04/2025",
# "09/94/2025"): a faint or filled-in 0 that OCR read as a 9 (a fax's), round 18; the same
# with the year first, "2027-91-13" (the same separator twice), round 52.
_NINE_FOR_NOUGHT = re.compile(
    r"\b9(?=\d\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d\d\b)"
    r"|(?<=\d[/.-])9(?=\d[/.-](?:19|20)\d\d\b)"
    # (the year first, "2027-91-13", "2027-01-93": round 52)
    r"|(?<=\b(?:19|20)\d\d-)9(?=\d-[0-3]\d\b)|(?<=\b(?:19|20)\d\d/)9(?=\d/[0-3]\d\b)"
    r"|(?<=\b(?:19|20)\d\d-[01]\d-)9(?=\d\b)|(?<=\b(?:19|20)\d\d/[01]\d/)9(?=\d\b)"
)


# A padded day's nought read as a letter O, or an O printed before it ("THU O01 OCT 2026",
# "O4 May 2027"): the day is its figures (round 33).
_O_BEFORE_DAY = re.compile(rf"\b[Oo]+(?=[0-3]?\d(?:st|nd|rd|th)?[\s/-]+(?:{_MONTH_RE})\b)", re.I)


# A short figure date alone in its cell whose points OCR read as commas ("7,9,26" for
# "7.9.26"): a day, a month and a year, no grouped number (round 36); or one of its two
# points so read ("05.10,2026", "05,10.2026", round 45).
_COMMA_DATE = re.compile(
    r"\s*([0-3]?\d)(?:,([01]?\d),|,([01]?\d)\.|\.([01]?\d),)((?:19|20)?\d\d)\s*[.,]?\s*"
)


# A month's three letters whose first OCR lost or read as a bar or bracket, between the
# figures of a date ("07/ep/2026", "07/]ep/2026"): the other two name the month, no two
# months ending alike (round 36).
_HEADLESS_MONTH = {
    "an": "Jan", "eb": "Feb", "ar": "Mar", "pr": "Apr", "ay": "May", "un": "Jun",
    "ul": "Jul", "ug": "Aug", "ep": "Sep", "ct": "Oct", "ov": "Nov", "ec": "Dec",
}  # fmt: skip
_MONTH_HEAD_LOST = re.compile(
    r"\b(\d{1,2})([/.-])[\]\[|!]?(" + "|".join(_HEADLESS_MONTH) + r")\2((?:19|20)\d\d|\d\d)\b",
    re.I,
)


# The slashes round a month's name read as a letter or a bar ("26IMayi2025",
# "04|Dec/2026", "9lJunl2025"): the month's name says it is a date (round 46).
_SLASH_READ_AS_LETTER = re.compile(
    rf"(?<![\w£$])(\d{{1,2}})[Iil|!/]((?:{_MONTH_RE}))[Iil|!/]((?:19|20)\d\d)(?!\d)",
    re.I,
)


def _mended_date(text: str) -> str:
    """``text`` with what OCR makes of a date put back (``_COMMA_DATE``, ``_MONTH_HEAD_LOST``,
    ``_SLASH_READ_AS_LETTER``)."""
    whole = _COMMA_DATE.fullmatch(text)
    if whole:
        return ".".join(part for part in whole.groups() if part)
    text = _SLASH_READ_AS_LETTER.sub(r"\1/\2/\3", text)
    return _MONTH_HEAD_LOST.sub(
        lambda m: f"{m[1]}{m[2]}{_HEADLESS_MONTH[m[3].lower()]}{m[2]}{m[4]}", text
    )


def parse_date(text: str) -> dt.date | None:
    for m in DATE.finditer(text):
        date = date_of(m)
        if date is not None:
            return date
    mended = _O_BEFORE_DAY.sub("", _NINE_FOR_NOUGHT.sub("0", text))
    if mended == text:
        mended = _mended_date(text)  # (round 36)
    if mended == text:
        # (a leader's underscore OCR glued to the day: "produced —_23rd August", round 39)
        mended = re.sub(r"_+(?=\d)", " ", text)
    if mended == text:
        mended = _unglued(text)  # (round 41)
    if mended == text:
        mended = date_by_shape(text)  # (round 52)
    return parse_date(mended) if mended != text else None


# A date whose spaces OCR lost between its parts: a weekday glued to the day ("Fri30May
# 2025"), a day or its ordinal to the month ("29thJul.2026"), the month's point to the year
# ("Jul.2026"); and a "3" of "3rd" read as "$" ("$rdOct.2026"), round 41.
_WEEKDAY_GLUED = re.compile(r"\b((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)(?=[0-3]?\d)", re.I)
_DAY_GLUED = re.compile(rf"(?<=\d)((?:st|nd|rd|th)?)(?=(?:{_MONTH_RE})\b|(?:{_MONTH_RE})\.)", re.I)
_POINT_GLUED = re.compile(rf"\b((?:{_MONTH_RE})\.)(?=(?:19|20)\d\d\b)", re.I)


def _unglued(text: str) -> str:
    """``text`` with the spaces OCR lost inside a date put back (``_WEEKDAY_GLUED``)."""
    text = re.sub(r"(?<![\w£$])\$(?=rd(?![a-z]))", "3", text)
    text = _WEEKDAY_GLUED.sub(r"\1 ", text)
    text = _DAY_GLUED.sub(r"\1 ", text)
    return _POINT_GLUED.sub(r"\1 ", text)


# -- round 52: a date OCR damaged, read by its shape -----------------------------------------

# Letters OCR reads a figure as, inside a run of figures: O and o a nought, I, l and | a
# one, S a five, B an eight (``NUMBER_LETTERS``). Only in a token that is otherwise a date's
# or an amount's.


def _figures(token: str) -> str | None:
    """``token``'s look-alike letters read as the figures they stand for, or None when
    the token is more letters than figures, or all letters (then it is a word, not a
    misread number: "I", "lO")."""
    letters = sum(not c.isdigit() for c in token)
    if letters * 2 > len(token) or letters == len(token):
        return None
    return as_figures(token, NUMBER_LETTERS)


# A figure date, the same separator twice and a four-figure year, with a look-alike
# letter among its figures: "l4/03/2026", "14.O3.2026", "14/03/2O26" (round 52).
_FIGURE_DATE_LETTERS = re.compile(
    r"(?<![\w£$/.-])(?P<d>[0-3OoIl|]?[\dOoIl|SB])(?P<s>[/.-])(?P<m>[01OoIl|]?[\dOoIl|SB])(?P=s)"
    r"(?P<y>[12Il][90Oo][\dOoIl|SB]{2})(?![\w/-]|[.,]\d)"
)


# A day, a word of letters and a four-figure year (or the word first: "Marcb 14, 2026"),
# where the word is a month's name misspelt by OCR or split in two ("Mareh", "Mar ch") or
# a figure among the day's or the year's is a look-alike letter ("1O March 2O26"): the
# word must be one month's name (or its short form) but for one or two letters, nearer to
# it than to any other month's (``_month_misread``), round 52.
_DAY = r"[0-3OoIl|]?[\dOoIl|SB]"
_YEAR = r"[12Il][90Oo][\dOoIl|SB]{2}"
_WORD = r"[A-Za-z][A-Za-z015]{1,9}(?: [a-z]{1,6})?"
_NAMED_DATE_SHAPE = re.compile(
    rf"(?<![\w£$])(?P<d>{_DAY})(?:st|nd|rd|th)?(?:\s+of)?(?P<s>\s+|[/.-])(?P<w>{_WORD})\.?,?"
    rf"(?P<t>\s+|[/.-])(?P<y>{_YEAR})(?![\w/-]|[.,]\d)"
    rf"|(?<![\w£$])(?P<w2>{_WORD})\.?\s+(?P<d2>{_DAY})(?:st|nd|rd|th)?,?\s+(?P<y2>{_YEAR})"
    r"(?![\w/-]|[.,]\d)"
)


def _distance(a: str, b: str) -> int:
    """Letters to change, add or drop to make ``a`` into ``b`` (Levenshtein)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        last, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            last, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, last + (ca != cb))
    return row[-1]


def _month_misread(word: str) -> int | None:
    """The month ``word`` names, as OCR may have misread it: itself a month's name; two
    parts of one ("Mar ch"); or one letter off a month's name of up to five letters, two
    off a longer one ("Marcb", "Septernber"), with no other month as near, its first letter
    a capital as a month's is. Figures read for letters inside it are letters ("Apri1")."""
    capital = word[0].isupper()
    word = word.lower().translate(str.maketrans("015", "ols"))
    if " " in word:
        return ENGLISH_MONTHS.get(word.replace(" ", ""))
    if word in _MONTHS:
        return _MONTHS[word]
    if len(word) < 3 or not capital:
        return None  # (a word of lower case is a word: "4 now 2026", "12 can 2026")
    best: dict[int, int] = {}
    for name, month in ENGLISH_MONTHS.items():
        if (len(name) == 3) != (len(word) == 3):
            continue  # (a short form against a word of three letters only)
        gap = _distance(word, name)
        if gap <= (1 if len(name) <= 5 else 2):
            best[month] = min(gap, best.get(month, gap))
    if not best:
        return None
    nearest = min(best.values())
    months = [m for m, gap in best.items() if gap == nearest]
    return months[0] if len(months) == 1 else None


# A month's three letters with the middle one lost, their full stop kept: "Ot." for "Oct."
# (round 57), read where a day and a four-figure year stand beside it (``_named_date``).
# The first and last letters of one month's short form, a capital first; not "Jn" (January
# or June), nor "Mr" or "My" (a title, a word); "No" is no month's ("No. 12, 2026" is a
# number), nor is any other word of two letters.
_MIDDLE_LOST = {
    abbr[0] + abbr[2]: i
    for i, abbr in enumerate(a.lower() for a in calendar.month_abbr)
    if abbr and abbr[0] + abbr[2] not in ("jn", "mr", "my")
}


def _named_date(m: re.Match[str]) -> str:
    word, day, year = m["w"] or m["w2"], m["d"] or m["d2"], m["y"] or m["y2"]
    if m["w"] and m["s"].strip() != m["t"].strip():
        return m.group()  # (one mark either side: "9.Mar_2027" is no date, round 26)
    if len(word) == 2:
        pointed = m.string[m.end("w" if m["w"] else "w2") :].startswith(".")
        month = _MIDDLE_LOST.get(word.lower()) if pointed and word[0].isupper() else None
    else:
        month = _month_misread(word)
    figures, year_figures = _figures(day), _figures(year)
    if month is None or figures is None or year_figures is None:
        return m.group()
    if not year_figures.startswith(("19", "20")):
        return m.group()
    try:
        date = dt.date(int(year_figures), month, int(figures))
    except ValueError:
        return m.group()  # (no such day: "31 Febuary" stays unread)
    return f"{date.day} {calendar.month_name[month]} {date.year}"


def _figure_date(m: re.Match[str]) -> str:
    parts = [_figures(m[k]) for k in ("d", "m", "y")]
    if any(p is None for p in parts) or not str(parts[2]).startswith(("19", "20")):
        return m.group()
    day, month, year = (int(p) for p in parts if p is not None)
    try:
        dt.date(year, month, day)
    except ValueError:
        return m.group()
    return m["s"].join(p for p in parts if p is not None)


# A day, a month's name and a four-figure year with no space between ("14March2026",
# "3rdMay2026"): round 41's ``_DAY_GLUED`` needs the month's name to end a word.
_DATE_RUN_TOGETHER = re.compile(
    rf"(?<![\w£$])([0-3]?\d(?:st|nd|rd|th)?)\s?({_MONTH_RE})\.?((?:19|20)\d\d)(?!\d)", re.I
)


_YEARISH = re.compile(r"[12Il][90Oo][\dOoIl|SB]{2}")


def date_by_shape(text: str) -> str:
    """``text`` with a date OCR damaged read by its shape (round 52): its figures' look-alike
    letters (``_FIGURE_DATE_LETTERS``, ``_NAMED_DATE_SHAPE``), its month's name misspelt or
    split (``_month_misread``), its parts run together (``_DATE_RUN_TOGETHER``). Nothing is
    invented: a day that does not exist, or a word as near two months, is left as it was."""
    if not _YEARISH.search(text):
        return text  # (every shape here ends in a four-figure year: most text has none)
    text = _DATE_RUN_TOGETHER.sub(r"\1 \2 \3", text)
    text = _FIGURE_DATE_LETTERS.sub(_figure_date, text)
    return _NAMED_DATE_SHAPE.sub(_named_date, text)


# What OCR makes of a reference's letters and slash (round 18): an "S" read as "$" before
# a letter ("$D9706283": never an amount, whose "$" stands before a figure), and a space
# on one side of a slash between figures ("7366689 /19").
_DOLLAR_FOR_S = re.compile(r"(?<![\w$£])\$(?=[A-Z])")
_SPACED_SLASH = re.compile(r"(?<=\d) /(?=\d)|(?<=\d)/ (?=\d)")


# What a program calls a sheet, a tab or a page of what it prints: "Sheet1", "Tab 2",
# "Page1" (a spreadsheet's print header "Printed from Sheet1"): never anyone's reference
# (round 27).
_PRINTED_PART = re.compile(r"\b(?:(?:work)?sheet|tab|page) ?\d{1,3}\b", re.I)


# A yen sign OCR read for a capital Y between a reference's letters and figures
# ("40¥118273"): no amount has a figure before its currency sign (round 36).
_YEN_FOR_Y = re.compile(r"(?<=[A-Z0-9])¥(?=[A-Z0-9])", re.I)


# A rule or an underline OCR read as an underscore glued to a reference ("_48/771205",
# "48/771205_"): no part of it (round 36). An underscore between letters or figures
# ("ACC_NO") is kept.
_UNDERSCORE_GLUED = re.compile(r"(?<![A-Z0-9])_+(?=[A-Z0-9])|(?<=[A-Z0-9])_+(?![A-Z0-9])", re.I)


# A weekday, its day and a month run together by OCR: "Fri06June", "SAT17MAY" (round 41).
_WEEKDAY_DAY_MONTH = re.compile(
    rf"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*[0-3]?\d(?:st|nd|rd|th)?(?:{_MONTH_RE})", re.I
)


# A length of time in figures and its unit joined by a hyphen: "21-day", "14-DAYS",
# "12-month", "48-hour" (a notice's period, "the 21-day period ends"): never a reference
# (round 47).
_PERIOD = re.compile(
    r"\d{1,3}-(?:(?:working|calendar|clear)-)?(?:days?|weeks?|months?|years?|hours?|hrs?|wks?|mths?)",
    re.I,
)


# A month's name and a year of two or four figures, "Jul-25", "JUN/2025", "Sept 26": a
# date whose day OCR parted from it ("6 Jul-25" read with the day on its own) or a period's
# month, never a reference (round 54).
_MONTH_YEAR = re.compile(rf"(?:{_MONTH_RE})\.?[\s/-]?(?:\d\d|(?:19|20)\d\d)", re.I)


def month_and_year(value: str) -> bool:
    """Whether ``value`` is a month's name and a year (``_MONTH_YEAR``), no reference."""
    return bool(_MONTH_YEAR.fullmatch(value.strip()))


def parse_reference(text: str) -> str | None:
    text = _SPACED_SLASH.sub("/", _DOLLAR_FOR_S.sub("S", text))
    text = _YEN_FOR_Y.sub("Y", text)
    text = _UNDERSCORE_GLUED.sub(" ", text)
    text = _PRINTED_PART.sub(" ", text)
    lettered = lettered_number(text)  # "QRS 40471" (round 15)
    for m in REFERENCE.finditer(text):
        if lettered is not None and lettered[0] < m.start():
            break
        value = m.group().strip("-/")
        if DATE.fullmatch(value) or re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}", value):
            continue
        if glued_date(value):
            continue  # "to21/12/25": a date OCR joined to the word before it (round 14)
        if _WEEKDAY_DAY_MONTH.fullmatch(value):
            continue  # "FRI06JUNE": a weekday, a day and a month OCR ran together (r41)
        if _PERIOD.fullmatch(value):
            continue  # "21-day", "12-MONTH": a length of time, never a reference (r47)
        if month_and_year(value):
            continue  # "JUL-25": a date's month and year, its day apart (round 54)
        if value[:1].isdigit() and " " in value:  # (round 14: "XYZ 4047 4756")
            value = letter_prefix(text, m.start()) + value
        elif value[:1].isdigit() and re.search(r"\d[/-]\w", value):
            # (an office's letters as a word of their own before its year and number,
            # "QJO 27/114208"; or before figures and letters whose hyphen after the
            # capitals OCR read as a space, "QSO 40417-RT", round 38)
            value = letter_prefix(text, m.start()) + value
        elif re.fullmatch(r"[A-Z]\d{5,9}", value, re.I):
            # (its first capitals parted from the rest by a space OCR put in: "KW R5512084"
            # is "KWR5512084", round 31)
            value = letter_prefix(text, m.start()).strip() + value
        return value.upper()
    return lettered[1] if lettered is not None else None


# A court's case number in parts between slashes: a Scottish simple procedure case
# ("SP/PAI/2257/25": procedure, court, number, year), a Northern Irish or tribunal one.
# Or with hyphens, the court first (round 35): "KWL-SP1234-26" (court, procedure and number,
# year). Or (round 38) the procedure's and the court's letters each a part, then the year
# and the number, or the number and the year ("SIM-KRK-27-0415", "SP-ABD-1234-27"); or a
# Northern Irish county court's record number, the year, the number and the letters of its
# list ("27/31842/QT").
_CASE_NUMBER = re.compile(
    r"\b[A-Z]{1,4}(?:/[A-Z0-9]{1,6}){1,3}/\d{2,4}\b"
    r"|\b[A-Z]{2,4}-[A-Z]{1,3}\d{3,6}-(?:\d{2}|20\d{2})\b(?!-)"
    r"|\b[A-Z]{2,4}-[A-Z]{2,4}-(?:(?:\d{2}|20\d{2})-\d{3,6}|\d{3,6}-(?:\d{2}|20\d{2}))\b(?!-)"
    r"|\b(?:\d{2}|20\d{2})/\d{4,7}/[A-Z]{1,3}\b(?![/-])"
)


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
    r"|overpayments?"
    r"|benefits?|income|payroll|services?|department|team|office|unit|centre|solicitors"
    r"|the|and|&|our|your|ltd|limited|plc|llp)\s*)+$",
    re.IGNORECASE,
)


# What kind of body a name's last word says it is, alone: no name by itself ("Council",
# "The Authority"; round 35).
_BODY_ALONE = re.compile(
    r"(?:the\s+)?(?:council|authority|board|agency|court|bank|trust|association|office)",
    re.IGNORECASE,
)


# A copy's caption, printed over it where a sheet holds two copies or a set of carbons:
# "Office copy - file", "Customer's copy", "Duplicate copy", "Copy to keep" (round 28).
_COPY_CAPTION = re.compile(
    r"^(?:[\w'’]+ ){1,3}copy(?:$|\s*[-–:|]|\s+(?:file|keep|retain|only)\b)"
    r"|^copy (?:to|for) (?:keep|file|retain|you|your records)\b",
    re.IGNORECASE,
)


# A caption that names the paper, printed where a writer's name is looked for (round 29):
# a card left at the door or handed over ("Calling card", "Visiting card", "Reply card",
# "Doorstep calling card": a card's purpose, then "card") is no name, though "Card" is an
# organisation's word ("X Card Services Ltd" keeps its name: a legal form, or more words);
# and a bundle's caption before the case it is a page of ("HEARING BUNDLE  X Ltd v Smith",
# "Trial bundle: X v Y", "Exhibit AB1") is no part of the name that follows it.
_PAPER_CARD = re.compile(
    r"^(?:[a-z]+\s+)?(?:calling|visiting|greetings?|parking|booking|reply|contact|appointment"
    r"|record|index|compliments?|loyalty|membership|business|payment|visit|call|collection"
    r"|collector'?s|agent'?s)\s+cards?$",
    re.IGNORECASE,
)
_BUNDLE_CAPTION = re.compile(
    r"^\s*(?:(?:hearing|trial|court|appeal|core|agreed|supplementary|case|exhibits?)\s+bundle"
    r"|(?:bundle|exhibit\s+[A-Z]{1,4}\d{0,3})(?=\s*[:–-]|\s{2}))\b"
    r"(?:\s*(?:page|p\.|tab)\s*[A-Z]?\d+)?[\s:.–-]*",
    re.IGNORECASE,
)


def _past_caption(text: str) -> str:
    """``text`` past a bundle's caption (``_BUNDLE_CAPTION``) where what follows names an
    organisation in two words or more ("Hearing Bundle Services Ltd" keeps its name)."""
    m = _BUNDLE_CAPTION.match(text)
    rest = text[m.end() :] if m else ""
    first = re.split(r"\s{2,}|,|" + _CASE_TITLE.pattern, rest.strip())[0]
    if m and len(first.split()) >= 2 and ORGANISATION.search(first) and not _GENERIC.match(first):
        return rest
    return text


# A case's title names the parties, the claimant first: "X Ltd v Smith", "X v. Y",
# "X versus Y" — the claimant is the name (round 29; ``find_creditor`` read it so since
# round 5).
_CASE_TITLE = re.compile(r"\s+(?:v\.?|vs\.?|versus)\s+(?=\S)")


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
    name = _name_shaped(text)
    return name if name is not None and ORGANISATION.search(name) else None


def parse_named_creditor(text: str) -> str | None:
    """A name beside a label that names the creditor as such ("Creditor", "Creditor
    instructing us", "Pursuer"): a body's name in its own language prints no organisation's
    word in English ("Cyngor Sir Ddinbych"), but it is two to six words that start with
    capitals, short lower-case particles between them ("nan", "y", "de"), no figure, no
    clause (round 38). A name ``parse_name`` reads is left to it."""
    name = _name_shaped(text)
    if name is None or ORGANISATION.search(name) or re.search(r"[\d.:;!?()/]", name):
        return None
    words = name.split()
    if not 2 <= len(words) <= 6 or not (words[0][0].isupper() and words[-1][0].isupper()):
        return None
    if words[0].casefold() in ("dear", "yours", "to", "from", "re", "see", "please"):
        return None  # a salutation or a form's words, no name
    if not all(w[0].isupper() or (w.isalpha() and w.islower() and len(w) <= 3) for w in words):
        return None
    return name


# The letter says what a name is, after it: "Cyngor Ynys Môn, the Isle of Anglesey County
# Council" (round 38) — a body's name in its own language, glossed with an organisation's
# word in English, is an organisation's name.
_GLOSSED = re.compile(
    r"(?P<name>[A-Z][\w'’-]+(?: (?:[A-Z][\w'’-]+|[a-z]{1,3})){1,5}), (?:the|a|an) "
    r"(?P<gloss>(?:[A-Z][\w'’-]+ ){0,5}[A-Z][\w'’-]+)"
)


def glossed_names(text: str) -> set[str]:
    """The names ``text`` glosses as organisations ("X, the Y Council"), where the name
    itself prints no organisation's word."""
    out = set()
    for m in _GLOSSED.finditer(text):
        name = m.group("name")
        if ORGANISATION.search(m.group("gloss")) and not ORGANISATION.search(name):
            out.add(name)
    return out


_PAID_HOW = re.compile(
    r"\b(?:bacs|chaps|cheque|cash|transfer|direct credit|faster payments?|payslip|keep|retain"
    r"|see|overleaf|details|pension|salary|sacrifice|deductions?|contributions?|tax|ni|nic)\b",
    re.I,
)


def parse_named_payer(text: str) -> str | None:
    """A name beside a label that names the payer as such ("Employer", "Employer's name",
    "Paid by"): an employer need not print an organisation's word ("Fellgate Veterinary
    Practice", "St Bega's Primary School"), but it is words that start with capitals, not
    a clause or a figure (round 22). A name ``parse_name`` reads is left to it."""
    name = _name_shaped(text)
    if name is None or ORGANISATION.search(name):
        return None
    # (how the pay is paid and the slip's own sentences are no employer: "Paid by BACS.
    # Please keep this payslip", "Paid by cheque")
    if re.search(r"\.\s", name) or _PAID_HOW.search(name):
        return None
    words = name.split()
    if not 2 <= len(words) <= 8:
        return None
    small = {"of", "the", "and", "&", "t/a", "for", "in", "on", "at", "de", "la"}
    if not all(w[0].isupper() or w.lower() in small or w[0] in "&'(" for w in words):
        return None
    if not words[-1][0].isupper():
        return None
    return name


# The channel an organisation speaks through, printed after its name in the heading of
# what the channel prints: "X plc - Live Help", "X Council | Web chat", "X Online Support"
# (round 27). The organisation is the name before it; a name that only starts with such
# words ("Online Support Services Ltd") is kept whole.
_CHANNEL = re.compile(
    r"(?<=\S)\s*(?:[-–|:]\s*)?\b(?:live (?:help|chat|support)|web ?chat"
    r"|online (?:help|chat|support)|chat transcript)\s*$",
    re.I,
)


def without_channel(text: str) -> str:
    """``text`` without the channel's name printed after an organisation's (``_CHANNEL``)."""
    return _CHANNEL.sub("", text)


# Words of a firm's name printed cut short, with a full stop (round 31): "Co." (company),
# "Bros.", "Mfg.", "Assoc.", "Intl.", "Dept.", "St." (a saint's or a street's name).
_SHORTENED = r"(?:Co|Cos|Bros|Mfg|Assoc|Intl|Dept|St|Mt)"


# The next label of a run of labels and values on one line, the dots or bars between them
# lost ("X Council Time to pay ends on: 19 May"; round 35): a capitalised word, then
# one to seven words in lower case, not all of them words a name has ("of", "and", "the"),
# then a colon and a value after it.
_NEXT_LABEL = re.compile(r"\s+([A-Z][\w'’-]*((?:\s+[a-z][\w'’/-]*,?){1,7})\s*:)(?=\s+\S)")
#: The small words printed in lower case between the words of a name ("Bank of X",
#: "X t/a Y", "de la Z").
NAME_PARTICLES = frozenset({"of", "and", "the", "for", "de", "la", "le", "du", "von", "van", "t/a"})
# (with legal forms, also as OCR read them in lower case: "Finance ple:", round 35)
_NAME_SMALL = NAME_PARTICLES | {"ltd", "llp", "limited", "co", "ple", "pic", "plc", "lid"}


def before_next_label(text: str) -> str:
    """``text`` up to the next label of a run of labels and values on one line
    (``_NEXT_LABEL``): "Coll Water Board Time to pay ends on: 19 May" is the
    board."""
    for m in _NEXT_LABEL.finditer(text):
        if ":" in text[: m.start()]:
            break
        if set(m.group(2).replace(",", " ").split()) - _NAME_SMALL:
            return text[: m.start()]
    return text


# A heading that names the party: "Claim against you by X plc", "Judgment for X Ltd",
# "Decree in favour of X" — the name is what follows the role word; or whom a writ was
# served or issued for: "Charge served for X", "Warrant issued on behalf of X" (not
# "served by", the enforcer: round 35).
_PARTY_HEADING = re.compile(
    r"^\s*(?:(?:(?:money )?claim|judgment|decree|order|charge)(?: against you)?"
    r" (?:by|for|in favour of|from)"
    r"|(?:[A-Za-z-]+ ){1,5}?(?:served|issued|raised) (?:on you )?(?:for|on behalf of))"
    # (the name after it starts with a capital: "Charge for payment served for X Council"
    # is the council, not "payment served for X Council", round 54)
    r"\s+(?=(?-i:[A-Z]))",
    re.I,
)


def after_party_heading(text: str) -> str:
    """``text`` after a heading that names the party it goes on to name (``_PARTY_HEADING``):
    "Charge served for Kirkby Council" is the council."""
    return _PARTY_HEADING.sub("", text, count=1)


# A form's leader dots, run from a label to its value ("Claimant ........ X Ltd"), as
# printed or as OCR reads them (". . . .", an ellipsis); OCR may read the run's tail as
# letters ("......s.sseesee").
_LEADERS = re.compile(r"(?:\.\s?){3,}|…+")


def after_leaders(text: str) -> str:
    """What follows a label's leader dots (``_LEADERS``), the value: "Claimant .......
    X Ltd" is X Ltd; "Lender's loan ref. ........" with nothing after its dots is the label
    alone, and "Loan ref. .......s.sseesee" the dots' tail, neither a name (round 54)."""
    if not _LEADERS.search(text):
        return text
    parts = [p for p in _LEADERS.split(text) if p.strip(" .")]
    return parts[-1] if parts else ""


# A company's legal form as printed after its name (``_name_shaped``).
_LEGAL_FORM = r"(?:Ltd|LTD|Limited|LIMITED|plc|PLC|LLP)\b"


def _name_shaped(text: str) -> str | None:
    # An e-mail's sender is a name and an address: "X Ltd <help@x.example>" is "X Ltd".
    # (OCR may space the "@" and read the "<" as a letter: "carrears.team @x.co.uk>")
    text = re.sub(r"\s*<?[\w.+-]+\s?@\s?[\w.-]+>?", " ", text)
    text = after_leaders(text)
    text = before_next_label(text)
    text = without_channel(text)
    # (a bundle's caption before the case's title, and the title's second party: round 29)
    text = _past_caption(text)
    if _CASE_TITLE.search(text):
        text = _CASE_TITLE.split(text)[0]
    text = after_party_heading(text)
    # (a comma OCR read before the legal form is no end of the name: "X Credit, Ltd",
    # round 25)
    text = re.sub(r",\s*(?=" + _LEGAL_FORM + ")", " ", text)
    # (nor a space OCR lost before it, the legal form glued to the name's last word: "X
    # LoansLtd", "Y Bankplc"; no word ends so, round 47)
    text = re.sub(r"(?<=[a-z]{2})(?=" + _LEGAL_FORM + ")", " ", text)
    # (a box's rule OCR read before or after the value, "|_ X Ltd", is no part of it: r43)
    name = re.split(r"\s{2,}|\s+\|\s+|,", text.strip())[0].strip(" .:-|_")
    name = bracket_after_name(name)  # "X Council (unpaid parking penalty)" (round 15)
    # A name is not a sentence: "Please do not pay X. Your agreement…" is words around one.
    # (a word of a firm's name cut short is no sentence's end: "X Co. Ltd", "Y Bros. plc",
    # round 31)
    if len(name.split()) > 8 or re.search(r"\b(?!" + _SHORTENED + r"\.)\w*[a-z]\. [A-Z]", name):
        return None
    # A name ends at its legal form, and a quote mark before a word is a speck on a scan:
    # "Beacon Fuel & ‘Power Ltd oe" is "Beacon Fuel & Power Ltd"; so is a short lower-case
    # speck before it ("a Hexham Finance plc"). OCR reads "plc" as "ple" or "pic", "Ltd"
    # as "Lid".
    name = re.sub(r"(?:(?<=\s)|^)[‘’'\"“”]+(?=\w)", "", name)
    # (so are specks glued before the name's first capital, "~°HM Courts", round 50)
    name = re.sub(r"^[~°^*•·«»=_\\|¬¦#%+<>]+(?=[A-Z])", "", name)
    name = re.sub(r"(?<=\w)[’‘`]", "'", name)  # "Magistrates’ Court": the apostrophe
    name = re.sub(r"^[a-z]{1,2}\s+(?=[A-Z])", "", name)
    name = re.sub(r"(?<=\s)(?:ple|pic)\b", "plc", name)
    name = re.sub(r"(?<=\s)Lid\b", "Ltd", name)
    # (in capitals too, "X ENERGY LTD" and a stamp's letters after it: round 15)
    legal = re.search(r"\b(?:Ltd|LTD|Limited|LIMITED|plc|PLC|LLP)\b\.?", name)
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
    if _BODY_ALONE.fullmatch(name):
        return None  # "Council": the last word of a name wrapped to its own line (round 35)
    if _COPY_CAPTION.search(name) and not legal:
        return None  # (a firm may be so named: "Top Copy Printing Ltd")
    if _PAPER_CARD.match(name):
        return None  # "CALLING CARD": the paper's caption (round 29)
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
    return name


_FREQUENCIES = (
    # ("a 4-week payment", "the four week period": the adjective too, round 13)
    # ("every 28 days", "every 14 days", "every 7 days": round 16)
    (
        re.compile(
            r"\b(?:four|4)[\s-]*week(?:ly|s)?\b|every fourth week\b"
            r"|\bevery (?:28|twenty[\s-]eight) days\b",
            re.I,
        ),
        "four_weekly",
    ),
    (
        re.compile(
            r"\b(?:fortnight(?:ly)?|(?:two|2)[\s-]*week(?:ly|s)?|every (?:second|other) week"
            # (or a weekday every other week: "Wages paid every second Friday", round 40)
            r"|every (?:second|other|alternate) (?:mon|tues|wednes|thurs|fri|satur|sun)day"
            # (or on alternate weekdays, weeks: "Paid on alternate Fridays", round 43)
            r"|(?:on )?alternate (?:weeks|(?:mon|tues|wednes|thurs|fri|satur|sun)days)"
            r"|every (?:14|fourteen) days)\b",
            re.I,
        ),
        "fortnightly",
    ),
    (
        re.compile(
            r"\b(?:weekly|every week|week|every (?:7|seven) days"
            # (a weekday, each week: "Wages paid every Friday", round 41)
            r"|(?:every|each) (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
            re.I,
        ),
        "weekly",
    ),
    (
        re.compile(
            r"\b(?:monthly|every month|month|calendar month"
            # (the month's last working day: "Salary paid on the last working day", round 41)
            r"|last (?:working|banking|business) day)\b",
            re.I,
        ),
        "monthly",
    ),
    (re.compile(r"\b(?:annual(?:ly)?|yearly|year)\b", re.I), "annually"),
)


# A time allowed to act is no frequency: "ask us to look at it again within one month".
_WITHIN = re.compile(
    r"\bwithin (?:a|an|one|two|three|six|\d+) (?:calendar )?(?:weeks?|months?|years?)\b", re.I
)


# The tax week a date carries, printed after its year: "30 September 2027, week 27",
# "07/10/2027 (wk 28)" — a week's number, no frequency (round 43).
_DATES_WEEK = re.compile(r"(?<=\d{4})\s*[,(]?\s*(?:week|wk)\.?\s*\d{1,2}\b\)?", re.I)


def parse_frequency(text: str) -> str | None:
    text = _WITHIN.sub(" ", text)  # (round 16)
    text = _DATES_WEEK.sub(" ", text)
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
