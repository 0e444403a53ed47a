# ruff: noqa: E501  (data and patterns read better unwrapped; the RNG draws test data)
"""Values read from sentences: who is owed and on whose behalf, references, claim
numbers, served dates, deadlines, sums and what the sentence says of them, income and
how often it is paid. Moved out of ``fields.py``."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence

from cma_adapters.rules_assistant.fields_kinds import (
    ARREARS_AFTER,
    BY_INSTALMENTS,
    STATED_BEFORE,
    body_columns,
    in_words_before,
    last_sentence,
    sentence_start,
    whole_loan_said,
)
from cma_adapters.rules_assistant.labelled import (
    BALANCE_WORDS,
    NEGATIVE_MONEY,
    NOT_AN_ACCOUNT,
    REGISTER_NUMBER,
    SERVED_AFTER,
    SERVED_BEFORE,
)
from cma_adapters.rules_assistant.layout import (
    Cell,
    Layout,
    norm_words,
    union,
)
from cma_adapters.rules_assistant.values import (
    DATE,
    MONEY,
    REFERENCE,
    Candidate,
    date_of,
    parse_claim,
    parse_date,
    parse_frequency,
    parse_money,
    parse_name,
    parse_reference,
)

# "… in Paisley Sheriff Court, case reference SP/PAI/2257/25.", "under claim number X"
# (or "judgment has been entered in claim X": the number after the word alone, round 12)
_CLAIM_IN_TEXT = re.compile(
    r"\b(?:(?:claim|case)\s+(?:number|no\.?|ref(?:erence)?)"
    # (whose number it is, between: "claim reference of the court X", round 21)
    r"(?:\s+(?:of|from|given by|at) (?:the|this) court)?(?:\s*:|\s+is)?|\bin (?:the )?claim)"
    r"\s+(?P<v>[A-Z0-9][A-Z0-9/]{5,17})",
    re.I,
)


def prose_claims(layouts: Sequence[Layout]) -> list[Candidate]:
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


DEEMED_SERVED = "deemed served"
"""The role of a date a sentence says the paper is deemed (treated as) served on: a day the
law sets some days after the paper was issued, never the paper's own date (round 46)."""


def deemed_served_days(found: Mapping[str, Sequence[Candidate]]) -> set[object]:
    """The days sentences say the paper is deemed served on (``DEEMED_SERVED``): never its
    letter date, which the rules (``assistant._choose``) and the ranker both set aside."""
    return {c.value for c in found.get("served_date", ()) if c.role == DEEMED_SERVED}


_DEEMED = re.compile(r"\b(?:deemed|treated as)\b[^.]{0,30}$", re.I)


def prose_served(layouts: Sequence[Layout]) -> list[Candidate]:
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
                        SERVED_AFTER.match(text[m.end() :])
                        or SERVED_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
                    ):
                        continue
                    date = date_of(m)
                    if date is None:
                        continue
                    deemed = _DEEMED.search(text[max(0, m.start() - 40) : m.start()])
                    out.append(
                        Candidate(
                            field="served_date", value=date, shown=m.group(), page=layout.page,
                            box=cell.box, label=None, score=2.0,
                            role=DEEMED_SERVED if deemed else "said to be served",
                            order=(layout.page, r),
                        )
                    )  # fmt: skip
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
    + r"|(?<=Magistrates' )Court|(?<=MAGISTRATES' )COURT"
    # (a local authority named as its place's borough, the place last: "the London Borough
    # of X has instructed us", round 39)
    + r"|(?<=Borough of )(?-i:[A-Z])[\w'-]+|(?<=Borough of\n)(?-i:[A-Z])[\w'-]+)"
)


# A lower-case word inside a place's name, before a capital (round 33)
_PARTICLE = r"(?:le|la|les|de la|de|del|du|des|en|upon|under|super|cum)(?=\s+[A-Z])"


# A name runs on to its legal form: "Calverley Portfolio Holdings Ltd", not "Calverley
# Portfolio".
_ORG_IN_TEXT = re.compile(
    # (a place's name with a particle in lower case runs on: "Burgh le Marsh", "Stoke
    # upon Tern", "Ashby de la Zouch", round 33)
    rf"\b[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|&|and|for|of|{_PARTICLE}))*?\s+{_ORG_SUFFIX}\b"
    rf"(?:\s+{_ORG_SUFFIX}\b)*(?:(?:\s+[A-Z][\w'.-]*){{0,2}}?\s+(?:Ltd|Limited|plc|PLC|LLP"
    # (the legal form as OCR reads it, which ``parse_name`` puts right: round 16)
    r"|ple|pic|Lid)\b)?"
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
    # (an adverb between, "X has legally assigned your account to us", round 41)
    r"|^\s+(?:has|have) (?:now )?(?:(?:legally|formally|lawfully|absolutely) )?(?:assigned|sold"
    r"|transferred)\b|^\s+(?:account )?was (?:sold|assigned|transferred)\b",
    re.I,
)


_CREDITOR_BEFORE = re.compile(
    r"(?:(?:assigned|sold|transferred)(?: and (?:assigned|sold|transferred))?(?: \(\w+\))?"
    r" (?:it |them |the debt |(?:your|the|its) (?:account|debt|agreement|rights|loan|card|balance)(?: under"
    r" your agreement)? )?(?:to|in favour of)"
    r"|(?:make|send) (?:all |any )?(?:future |further )?payments to|now (?:owed to|owned by)"
    # whom a cheque or an order is to be made out to: "Cheques should be made payable to
    # X Ltd", "make your postal order payable to X" (round 23)
    r"|(?:made |make (?:\w+ ){0,3})?payable to"
    # Who an agent, a solicitor or a bailiff acts for: "We act for X", "on behalf of X",
    # "the debt you owe to X", "your landlord, X", "collecting this debt for X".
    r"|(?:we )?act(?:ing)? (?:for|on behalf of)|(?:for and )?on behalf of|(?:you )?(?:owe|owed|owing) to"
    r"|(?:on behalf of|for|act for|acting for) (?:our|my) client,?"
    r"|(?:your|the) (?:landlord|lender|creditor),|the (?:claimant|pursuer) is|collect(?:s|ing)? (?:this |the |your )?"
    r"(?:debt|rent|charges|account)? ?for|instructed by|please pay"
    # who brought the claim: "a claim has been issued against you (in this court) by X"
    r"|against you(?: in (?:this|the) court)? by"
    # (or "the claim made by X", "proceedings brought by X": round 20)
    r"|(?:claim|action|proceedings|case) (?:made|brought|started)(?: against you)? by"
    # (or the claim "of" or "by" its party: "the civil bill of X", "the summons by X",
    # round 38)
    r"|(?:the|a|this) (?:civil bill|claim|summons|writ|action) (?:of|by)"
    # whom the judgment is for: "Judgment is entered for the claimant, X" (round 14)
    # (or past whom it is against: "Judgment entered against you for X", round 50)
    r"|judgment (?:is |has been |was )?(?:entered|given|made)(?: against you)? (?:for|in favour of)"
    r"(?: the (?:claimant|pursuer),?)?"
    # (or who obtained the judgment now enforced: "the judgment obtained by X", round 40)
    r"|(?:judgment|decree|order|award) (?:was |has been )?(?:obtained|won|secured) by"
    # (or whom the court gave it, the court first: "Magistrates granted X a liability
    # order", "the court has awarded X judgment", round 48)
    r"|(?:magistrates|justices|the court|the judge|the bench|district judge)"
    r" (?:has |have |had )?(?:granted|gave|given|awarded|made out to))"
    r"\s+$",
    re.I,
)


_CREDITOR_AFTER = re.compile(
    # the one who registered what is owed against you with a court: "X has registered an
    # unpaid charge against you" (round 39)
    r"^\s+(?:has|have) registered (?:an? |the )?(?:[a-z]+ ){0,3}against you\b|"
    r"^,?\s*\((?:the )?(?:assignee|new (?:creditor|owner|lender)|buyer|purchaser|creditor"
    r"|claimant|pursuer|lender|landlord)\)"
    r"|^\s*\(?[\"“]?our client\b"
    r"|^\s+(?:has|have) (?:asked|instructed|passed|appointed) (?:us|your)"
    # (another thing it did first, then that it instructed the writer: "X has closed your
    # card and asked us to collect it", "X have ended the agreement and instructed us",
    # round 48)
    r"|^\s+(?:has|have) [^.;:]{3,60}? and (?:has |have )?(?:now )?(?:asked|instructed"
    r"|appointed|engaged|retained) (?:us|me)\b"
    # (the first act told in the past, no auxiliary, a clause and a comma before the
    # instruction: "X closed the account after the payments lapsed, and has asked us to
    # recover it", "X cancelled your plan and instructed us", round 49; not "sold",
    # which passes the debt on)
    r"|^\s+(?-i:[a-z]+ed|shut|froze|withdrew|wrote|sent|took|made) [^.;:]{3,80}?,? and"
    r" (?:has |have |had )?(?:now |then )?(?:asked|instructed|appointed|engaged|retained)"
    r" (?:us|me)\b"
    # (or what it passed on to us, named: "X has passed it (the warrant) to us", round 41)
    r"|^\s+(?:has|have) (?:now )?(?:passed|referred|handed|sent|transferred) (?:it |them "
    r"|(?:the|this|that) (?:[a-z]+ ){1,2})(?:on |over )?to us\b"
    # (with its auxiliary too: "X has obtained a liability order against you", round 19)
    r"|^\s+(?:(?:has|have) )?obtained an? (?:liability order|judgment|\w+ order)"
    # (the claim or judgment named before, then who brought or got it against you: "the
    # claim X brought against you", "the judgment that X obtained against you", round 42)
    r"|^\s+(?:has |had )?(?:brought|obtained|won|secured|got|entered) against you\b"
    # (or holds it: "to enforce the judgment X holds against you", round 44)
    r"|^\s+(?:now )?(?:holds|has|have|hold) against you\b"
    # (or holds the court's order itself: "X holds a liability order from the magistrates
    # for your arrears", "X has been granted a court order", round 45)
    r"|^\s+(?:now )?(?:holds|hold|(?:has|have) been granted|was granted|were granted)"
    r" (?:an? |the )(?:liability order|judgment|(?:court |charging )?order)\b"
    r"|^,?\s+which now owns\b"
    # a fine's court sends its warrant to the agent: "X Magistrates' Court has issued a
    # warrant (of control)"
    r"|^\s+(?:has )?issued (?:a|the) warrant\b"
    # who brought the claim: "X Ltd has issued a claim against you", "X have started
    # proceedings against you" (round 26)
    # (or told in the past, as a judgment tells it: "X brought a claim against you", "X
    # took court action against you", "X issued proceedings against you", round 46; "X made
    # a small claim against you", round 47; found again by round 48)
    r"|^\s+(?:(?:has|have|had) )?(?:issued|started|brought|made|filed|lodged|raised|took|taken|began|begun)"
    r" (?:a |the |court |county court |legal |money |civil |small )*"
    r"(?:claim|proceedings|action|case)s? against you\b"
    # (or took the client to court: "X took you to court", "X has taken you to court", r46)
    r"|^\s+(?:(?:has|have|had) )?(?:took|taken) you to (?:the )?(?:county )?court\b"
    # (or its judgment, claim or order named as its own: "to enforce X's judgment against
    # you", "X's claim for the balance", "under X's liability order", round 47)
    r"|^['’]s? (?:(?:county court|high court|default|court) )?(?:judgment|claim|liability order"
    r"|court order|decree|charging order)s?\b"
    # ("X claims against you for money due", round 38)
    # (or what it claims, and from whom: "X claims from you the unpaid balance", "X is
    # claiming money from you", round 43)
    # (or claimed it, a judgment's account of the claim: "X claimed from you the charges
    # left unpaid", "X has claimed the balance from you", round 44)
    r"|^\s+(?:claims|is claiming|are claiming|sues|claimed|(?:has|have) claimed|sued)"
    r" (?:(?:money|payment|the (?:[a-z]+ ){0,3}?"
    r"(?:balance|sum|debt|amount|money|charges|arrears)) )?(?:against |from )?you\b"
    # (or what it claimed said to be owed, not from whom: "X claimed money owed under a
    # contract", "X has claimed the unpaid balance owing", round 50)
    r"|^\s+(?:claims|is claiming|are claiming|claimed|(?:has|have) claimed)"
    r" (?:money|sums?|payments?|(?:the )?(?:[a-z]+ ){0,3}?(?:balance|sum|debt|amount|money"
    r"|charges|arrears)) (?:still )?(?:owed|owing|due|unpaid|outstanding)\b"
    # who sues: "X Ltd (, whose reference is …,) is suing you" (round 14)
    r"|^(?:,\s*(?:whose|which|who)\b[^,.]{0,60},)?\s+(?:is|are|has been) (?:suing|taking"
    r" (?:court )?action against) you\b"
    # who says the client owes it, past a bracket of its own: "X (their reference Y) says
    # you owe it money", "X claims that you owe" (round 20)
    r"|^(?:\s*\([^()]{0,60}\))?,?\s+(?:says|claims|states)(?: that)? you owe\b"
    # (or what you failed to do: "X claims that you have not repaid a loan", "X says you
    # did not pay its invoices", round 48)
    r"|^(?:\s*\([^()]{0,60}\))?,?\s+(?:says|claims|states|alleges)(?: that)? you (?:have not"
    r"|haven't|did not|didn't|failed to|have failed to|never) (?:re)?pa(?:y|id)\b"
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
            # (nor "…London / Borough of X": the kind of the place goes on from it, r39)
            and first not in ("Borough", "of", "and", "&")
        ):
            span = tail
            break
    words = span.split()
    for i, word in enumerate(words):
        if word.rstrip(".") in ("Dear", "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Madam"):
            span = " ".join(words[i + 1 :])
    return " ".join(span.split())


# A quote mark after a word's last letter (not a plural's "s": "Magistrates' Court"), then
# a capital: OCR's speck, never an apostrophe of the name's (round 45).
_STRAY_QUOTE = re.compile(r"(?<=[a-rt-z])[’'‘`´](?=[ \t]+[A-Z])")


# The small words a longer cue runs on by past a shorter one inside it ("SOLD TO | US BY",
# "ASSIGNED | TO OUR CLIENT BY"): never a name's (round 46).
_CUE_WORDS = frozenset((
    "us", "to", "by", "from", "our", "my", "client", "them", "it", "the", "your", "you", "me", "with", "of", "on", "behalf", "and", "for",
))  # fmt: skip


def _cue_runs_on(flat: str, start: int, end: int) -> bool:
    """Whether ``flat[start:end]``, between a cue found and a longer cue ending further on,
    is only a cue's small words (so the longer cue is the one nearest the name)."""
    words = flat[start:end].split()
    return bool(words) and all(w.casefold().strip(",") in _CUE_WORDS for w in words)


def prose_roles(layouts: Sequence[Layout]) -> dict[str, list[Candidate]]:
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
        # (a speck read as a quote mark glued to a name's word, "Dorridge’ Lending Ltd",
        # is no part of it: a space, so the name runs on past it, round 45)
        flat = _STRAY_QUOTE.sub(" ", "\n".join(parts))
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
            # (the cue nearest the name wins: "ACCOUNT SOLD TO US BY X LTD" is sold *by* X,
            # not *to* it; the shorter cue "SOLD TO" inside the longer one, round 46)
            for word in re.finditer(r"\s+", flat[begin : m.end()]):
                head = before + re.sub(r"\s+", " ", flat[begin : begin + word.end()])
                if _ORIGINAL_BEFORE.search(head) or _CREDITOR_BEFORE.search(head):
                    cue_before, cue_start = head[-45:], begin + word.end()
                    if start == begin or _cue_runs_on(flat, start, cue_start):
                        before, start = cue_before, cue_start
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
            # ("The London Borough of X has …": the sentence's article, not the name's, r39)
            name = re.sub(r"^The (?=[A-Z][\w'-]* Borough of )", "", name)
            cell = next(c for start, end, c in spans if start <= begin <= end)
            out[field].append(
                Candidate(
                    field=field, value=name, shown=m.group(), page=layout.page, box=cell.box,
                    label=None, role="named in the body", score=score,
                    order=(layout.page, cell.row),
                )
            )  # fmt: skip
    return out


_NAMES_AN_ACCOUNT = re.compile(
    r"account|reference|\bref\b|agreement|\bno\b|number|\border\b|\bfile\b", re.I
)


# Capitals as a word of their own, then figures in groups: "ABC 1234 5678" (round 35).
_CAPITALS_THEN_GROUPS = re.compile(r"[A-Z]{2,4} \d{3,5}(?: \d{3,5}){1,3}\b(?![.,]\d)")


def prose_references(layouts: Sequence[Layout]) -> list[Candidate]:
    """ "…account XXXX" or "reference XXXX" inside a sentence: a weak candidate."""
    out = []
    pattern = re.compile(
        # (OCR may put a speck before a word: "agreement ‘numbered KKE…"). Several words
        # may name it: "account reference X", "agreement account number X".
        r"\b(?:(?:loan |credit )?(?:account|agreement|customer|card)\s+)*"
        # ("our enforcement file X": the file the debt is kept under, named by what it is
        # for; a bare "our file is X" is a solicitor's own, round 27)
        r"(?:account|reference|ref|agreement|order|(?<=our )\w+ file"
        r"|(?<=\s)(?:no\.?|number(?:ed)?))\s+[‘'\"“]?"
        # (whose it is and since when, between: "account number with us from now X",
        # round 21)
        r"(?:(?:with (?:us|them)|from (?:now(?: on)?|today)|now|in future),?\s+){0,2}"
        # ("whose reference for the loan is X": what it is for, then "is", round 12)
        r"(?:(?:(?:for|on|of) (?:the|your|this|that) \w+\s+)?is\s+"  # ("reference is X": r14)
        # ("reference for the loan, X": what it is for, then a comma, round 35)
        r"|(?:for|on|of) (?:the|your|this|that) \w+\s*[,:]\s+)?"
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
                    grouped = REFERENCE.match(sentence, m.start(1)) or _CAPITALS_THEN_GROUPS.match(
                        sentence, m.start(1)
                    )
                    value = parse_reference(grouped.group() if grouped else m.group(1))
                    if value is None:
                        continue
                    words = [w for w in cell.words if value in w.text.upper()] or list(cell.words)
                    bank = re.search(r"sort code|bank transfer|pay(?:ing)? us", cell.text, re.I)
                    said = " ".join(norm_words(cell.text[: m.start(1)]))[-40:]
                    if NOT_AN_ACCOUNT.search(said):
                        continue  # "Registered in England and Wales no. 03174501"
                    # (nor a regulator's register, "regulated by the FCA (register no. X)",
                    # "Financial Services Register number X", rounds 46 and 47)
                    if REGISTER_NUMBER.search(said):
                        continue
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


def prose_deadlines(layouts: Sequence[Layout]) -> list[Candidate]:
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
    # (past a phrase that opens the sentence with what the sum includes or what was added:
    # "Including the statutory addition, £X is due", "With interest added, £X is owed",
    # round 40)
    r"(?:(?:including|inclusive of|with|after adding|together with) [^,.;:!?]{1,60},\s*)?"
    r"(?:(?:the|a|an) (?:amount|sum|balance|total)(?: (?:of|now))?\s*)?$",
    re.I | re.S,
)


_STATED_AFTER = re.compile(
    r"^\s*(?:GBP\b|DR\b)?\s*(?:in total\s+|altogether\s+)?(?:(?:is|are|was|has been|remains?)\s+)?"
    r"(?:now\s+|still\s+|currently\s+)?"
    r"(?:(?:the\s+)?(?:total|full|whole|amount|sum|balance)\b|due\b|owed\b|owing\b|outstanding\b"
    r"|payable\b|overdue\b|unpaid\b|in arrears\b|(?:must|should) be paid\b|to pay\b"
    # (the sum of what the sentence listed: "…, plus the fee and costs: £X in all", r41)
    r"|(?:in all|in total|altogether|all told)\s*(?:[.;]|$))",
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
    if NEGATIVE_MONEY.search(said) or re.search(
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
    # (a deadline's cue wrapped at the line's end: "… in full on or before / 26 Nov 2026",
    # "… you have until / 3 May 2026", round 23)
    r"|be|than|before|until))$",
    re.I,
)


# What a total adds to a sum: "adding the court fee", "with the costs" (round 41)
_ADDING = re.compile(
    r"\b(?:adding|after adding|with|including|plus|together with) (?:the |all |any )?"
    r"(?:[a-z']+ )?(?:fees?|costs?|charges?|interest)(?: (?:and|&) (?:the )?(?:[a-z']+ ){0,2}"
    r"(?:fees?|costs?|charges?|interest))?\b"
)


def prose_money(layouts: Sequence[Layout]) -> list[Candidate]:
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
                    # ("you have fallen behind by £363.69", round 20)
                    # (a currency code after it, a named account: "£X GBP in rent arrears")
                    arrears = ARREARS_AFTER.match(after) or re.search(
                        # ("the arrears now are £X", "the arrears on your water account are £X", round 35)
                        r"\b(?:in arrears by|arrears of|arrears(?: (?:on|for) (?:your|the)"
                        r"(?: [\w-]+){1,4}?)?(?: (?:today|now|currently|so far))?"
                        r" (?:are|is|stand at|come to|total)|behind by)\s*$",
                        before,
                        re.I,
                    )
                    if not (arrears or BALANCE_WORDS.search(before)) or not pounds:
                        continue
                    # (what the next sentence says is of something else)
                    # (nor is what the sentence before says: "…not paid in full. You owe £X")
                    # ("£X … by monthly instalments" says how X is paid: it is no instalment)
                    weak = NEGATIVE_MONEY.search(
                        last_sentence(before).lower()
                        + " "
                        + BY_INSTALMENTS.sub("", re.split(r"[.;!?]\s", after.lower() + " ")[0])
                    )
                    whole = whole_loan_said(before)
                    # "…and £115.00 for costs, a total / of £3,717.30": the sum of the parts
                    # (or its verb: "… and costs, the total is £X", round 41)
                    total = re.search(
                        r"\btotal(?: of| due| owed| owing| is| comes to)?\s*:?\s*$", before, re.I
                    )
                    if total and weak:
                        # (the total says what it adds: "adding the court fee, the total is
                        # £X" is the sum with the fee, no fee; round 41)
                        weak = NEGATIVE_MONEY.search(
                            _ADDING.sub(" ", last_sentence(before).lower())
                        )
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
    r"|(?:award|entitlement) (?:is|of)|we will pay"
    # (the client as the one paid: "You will be paid £X", "You are paid £X", round 32)
    r"|you(?: will| shall|['’]ll)? be paid|you are (?:being )?paid)\b[^£]{0,12}$",
    re.I,
)


def prose_income(layouts: Sequence[Layout]) -> list[Candidate]:
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


_DAY_OF_EACH_MONTH = re.compile(
    r"\s+(?:(?:in|into) (?:your|the) (?:[a-z]+ )?account\s+)?on the \d{1,2}(?:st|nd|rd|th)?"
    r"(?: day)? (?:of|in) (?:each|every|the|a) (?:calendar )?month\b",
    re.I,
)
"""After "paid", the day of each month it is paid on: monthly (round 44)."""


def prose_frequency(layouts: Sequence[Layout]) -> list[Candidate]:
    """How often, said in words ("Paid monthly"), or said of an amount: "£109.60 a week",
    "£554.40 every 4 weeks" — strongest when the sentence says the amount is paid to the
    client."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                value = parse_frequency(cell.text)
                if value and not re.search(r"£|\d", cell.text):
                    # (said of the pay, "Wages paid every Friday", over a column's "Week",
                    # round 41)
                    paid = re.search(r"\b(?:paid|payable|pay day|payday)\b", cell.text, re.I)
                    out.append(
                        Candidate(
                            field="frequency", value=value, shown=cell.text, page=layout.page,
                            box=cell.box, label=None, role="in the body",
                            score=1.2 if paid else 1.0, order=(layout.page, r),
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
                    # (or the day of each month it is paid on: "Salary paid on the 28th of
                    # every month", round 44)
                    if value is None and _DAY_OF_EACH_MONTH.match(text, m.end()):
                        value = "monthly"
                    if value is not None:
                        out.append(
                            Candidate(
                                field="frequency", value=value, shown=text[m.start() : m.end() + 18],
                                page=layout.page, box=cell.box, label=None,
                                role="in the body", score=1.2, order=(layout.page, r),
                            )
                        )  # fmt: skip
                for m in MONEY.finditer(cell.text):
                    after = cell.text[m.end() : m.end() + 60]
                    said = re.match(
                        # (where it goes may come between: "£784.20 into your bank account
                        # once every four weeks", round 30)
                        r"\s*(?:(?:into|to|in|on) (?:your|the) (?:[a-z]+ ){0,2}account,?\s+)?"
                        r"(?:once\s+)?"
                        r"(?:a|per|each|every|in each|for each)\s+(?:(?:\d+|two|four)\s+)?"
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


# What an amount is said to be after it: the sum of the amounts listed before it, "£X in
# all", "£X in total", "£X altogether" (round 21)
_IN_ALL = re.compile(r"\s*(?:in all|in total|altogether|all told|all together)\b", re.I)


# A sum printed as an equation across a row: "£549.00  -  £410.40  =  £138.60", each
# figure under a label of its own (round 38).
_OPERATOR = re.compile(r"\s*([-−–+])\s*")
_EQUALS = re.compile(r"\s*=\s*")


def equated_totals(layouts: Sequence[Layout], text: str) -> list[Candidate]:
    """A line of amounts with a sign between each two ("+", "-") and "=" before the last,
    whose figures add up: the last is the sum's result, what the others come to, whatever
    the labels over them say (the first two are its parts: "Earlier arrears + Missed this
    month = Arrears now"). Stronger than any labelled part (round 38). Read on the text's
    lines, where the signs are kept (the layout drops them as specks); the result's cell
    in the layout is its evidence."""
    out = []
    for line in text.splitlines():
        if "=" not in line:
            continue
        amounts = [m for m in MONEY.finditer(line) if m.group("cur")]
        if len(amounts) < 3 or line[: amounts[0].start()].strip():
            continue
        between = [line[a.end() : b.start()] for a, b in itertools.pairwise(amounts)]
        signs = [_OPERATOR.fullmatch(b) for b in between[:-1]]
        if not _EQUALS.fullmatch(between[-1]) or line[amounts[-1].end() :].strip():
            continue
        values = [parse_money(m.group()) for m in amounts]
        if not all(signs) or any(v is None for v in values):
            continue
        total = values[0] or 0
        for sign, value in zip(signs, values[1:-1], strict=True):
            total += (value or 0) * (1 if sign is not None and sign.group(1) == "+" else -1)
        if total != values[-1]:
            continue
        shown = amounts[-1].group().strip()
        where = next(
            (
                (layout.page, r, cell)
                for layout in layouts
                for r, row in enumerate(layout.rows)
                for cell in row
                if cell.text.strip() == shown and len(row) >= 2
            ),
            None,
        )
        out.append(
            Candidate(
                field="balance_pence", value=values[-1], shown=shown,
                page=where[0] if where else 1, box=where[2].box if where else None,
                label=None, role="the result of a sum across the line", score=3.2,
                order=(where[0], where[1]) if where else (1, 0),
            )
        )  # fmt: skip
    return out


def summed_totals(layouts: Sequence[Layout]) -> list[Candidate]:
    """A sentence listing what makes up a debt, then the whole: "They claim £X, a fee of
    £Y and costs of £Z: £T in all". The whole is the amount after two others at least,
    said to be all of them; the first amount is only a part (round 21)."""
    out = []
    for layout in layouts:
        for r, row in enumerate(layout.rows):
            for cell in row:
                amounts = [m for m in MONEY.finditer(cell.text) if m.group("cur")]
                for k, m in enumerate(amounts):
                    if k < 2 or not _IN_ALL.match(cell.text, m.end()):
                        continue
                    value = parse_money(m.group())
                    if value is None or value <= 0:
                        continue
                    out.append(
                        Candidate(
                            field="balance_pence", value=value, shown=m.group().strip(),
                            page=layout.page, box=cell.box, label=None,
                            role="the sum of the amounts before it", score=2.6,
                            order=(layout.page, r),
                        )
                    )  # fmt: skip
    return out
