# ruff: noqa: E501  (data and patterns read better unwrapped; the RNG draws test data)
"""Values found by their labels: the label kinds of every field (pattern, weight, role),
the values beside, below or above a label by the page's geometry (``layout``), and how
each kind of candidate is scored. Moved out of ``fields.py``."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from cma_adapters.rules_assistant.fields_kinds import (
    creditor_kinds,
    cumulative_pay,
    deduction_named,
    label_before,
    own_clause,
    reference_kinds,
)
from cma_adapters.rules_assistant.layout import (
    Hit,
    Layout,
    find_label_hits,
    norm_words,
    union,
)
from cma_adapters.rules_assistant.values import (
    MONEY,
    Candidate,
    parse_claim,
    parse_date,
    parse_money,
    parse_name,
    parse_reference,
)
from cma_core.documents.model import Word

_W = r"(?:[a-z0-9']+ ){0,%d}?"


Label = tuple[re.Pattern[str], float, str | None]


def _l(pattern: str, weight: float, role: str | None = None) -> Label:
    return re.compile(pattern), weight, role


PAY_DAY = "pay day"
"""The role of a date labelled as the day the pay was paid (``LETTER_DATE_LABELS``)."""
JUDGMENT_DAY = "judgment day"
"""The role of a date labelled as the day a judgment was entered (``LETTER_DATE_LABELS``):
a judgment's own paper is dated so (round 43); on any other, it is the account's history."""

# Words after "by" that make it a time ("by the end of", "by the following day"), not who
# did something (round 39).
_TIME_AFTER_BY = r"end|date|time|close|deadline|last|latest|day|following|next"
# A byline: "By the Tenancy Desk", who wrote the letter (round 39).
_BYLINE_WORDS = r"by (?:the |our )(?!(?:" + _TIME_AFTER_BY + r")\b)[a-z&'.]+(?: [a-z&'.]+){0,3}"
# A paper named, then that it was made or sent: "Final notice printed" (round 39).
# (or made out: "Invoice drawn", "Bill raised", "Demand made out", round 41)
_PAPER_MADE = (
    r"(?:[a-z']+ ){1,3}(?:written|sent|printed|produced|posted|emailed|signed|drawn(?: up)?"
    r"|raised|made out)"
)

_TO_WHOM = r"(?:to|for) (?:you|the (?:debtor|customer|tenant|defendant))"
"""Whom a paper went to, between what was done and by whom: "Sent to you by our firm"
(round 42; ``LETTER_DATE_LABELS`` and ``_DONE_BY``)."""

_BY_MEANS = (
    r"(?:first[- ]class |second[- ]class |recorded |registered |special |royal mail )?"
    r"(?:post|hand|email|e-mail|courier|fax|delivery)"
)
"""After "by", how a paper went (round 44): "by post", "by hand", "by first class post"."""
_PAPER_BY_MEANS = (
    r"(?:(?:this|the|our|your) )?(?:[a-z']+ )?(?:notice|letter|demand|reminder|bill|statement"
    r"|invoice)s? (?:was )?(?:served|sent|posted|delivered|issued|given) by " + _BY_MEANS + "$"
)
"""A letter's own paper named, then how it went: "Notice served by post" (round 44)."""

LETTER_DATE_LABELS = [
    _l(
        r"(?:date of (?:issue|notice|demand|letter|this letter)|issue date|letter date|dated)\b",
        3.0,
    ),
    # When the letter was made or sent, in other words: "Written on", "Sent", "Printed".
    _l(r"(?:(?:date )?(?:written|sent|printed|produced|posted|emailed)(?: on)?)\b", 2.0),
    # the paper named, then that it was made: "Final notice printed", "Reminder posted",
    # "Printed for posting"; what was done by whom, then on what day: "Decided by the
    # board on", "Order signed by the clerk on" (round 39: "by" there names who did it, no
    # time to meet: ``DEADLINE_LABELS``)
    _l(
        _PAPER_MADE + r"(?: and dated)?(?: on)?(?=$| \d)|printed for (?:posting|sending)\b"
        r"|(?:[a-z']+ ){0,3}(?:written|sent|printed|produced|posted|signed|decided|made"
        r"|issued|approved|sealed|prepared) by (?:the |our |your |a |an )?(?:[a-z&'.]+ ){1,3}on\b"
        # (or who did it closing the label, "Issued by the desk", "Demand signed by the
        # creditor", "Claim form issued by the sheriff clerk", round 40)
        r"|(?:[a-z']+ ){0,3}(?:written|sent|printed|produced|posted|signed|decided|made"
        r"|issued|approved|sealed|prepared) "
        # (to whom first: "Sent to you by our firm", round 42)
        r"(?:" + _TO_WHOM + r" )?" + _BYLINE_WORDS + "$",
        2.5,
    ),
    # the paper named, then that it was served or sent, and how: "Notice served by post",
    # "Letter sent by email", "Demand delivered by hand" (round 44: "by" there is no time
    # to meet, ``DEADLINE_LABELS``)
    _l(_PAPER_BY_MEANS, 2.5),
    # when a decision or an order was made: "Decision taken on", "Award made on" (round 40)
    _l(
        r"(?:(?:this|the|our) )?(?:decision|determination|award) (?:was )?(?:made|taken|reached"
        r"|given) on\b",
        2.0,
    ),
    # the writer named, then that it wrote on: "Credit Control wrote on", "The council
    # wrote on", the whole of the label's cell (round 41; not "we wrote to you on", an
    # earlier letter told of in a sentence)
    _l(r"(?:[a-z&'.]+ ){1,4}wrote on$", 2.5),
    # a byline: "By the Tenancy Desk" beside its date, the writer's name after "by" and
    # nothing to do (round 39)
    _l(_BYLINE_WORDS + "$", 2.0),
    # a statement's own date, the day its figures stand at: "As at Tue 4 March" alone
    # before its date (round 40; not "Balance as at", an amount's label)
    _l(r"as (?:at|of)(?=$| \d| (?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)", 3.0),
    # when a court's order was made: "Made on 3 May 2026 by the court" (round 14)
    _l(r"(?:(?:this )?order )?made on\b", 2.0),
    # the day the judgment was entered, the whole label, "Judgment entered on", "Judgment
    # given by the district judge" (round 43: the judgment's own paper; ``fields._by_class``)
    _l(
        r"judgment (?:was )?(?:entered|given|granted)(?: on| by (?:the |a )?(?:[a-z&'.]+ ){0,2}"
        r"[a-z&'.]+)?$",
        2.0,
        JUDGMENT_DAY,
    ),
    # ("Arrears to date", "Instalments unpaid to date": so far, no date of the letter,
    # round 16)
    _l(_W % 3 + r"(?<!\bto )(?:date|dated|issued)(?: on)?\b", 2.0),
    # the paper itself named, the whole label, over or beside its date: "Payment reminder",
    # "Harlow Water bill", "Your statement", "Final notice" (round 46; not another paper
    # of the account's: "Next bill", "Last statement", "Default notice")
    _l(
        _W % 3 + r"(?<!next )(?<!previous )(?<!last )(?<!earlier )(?<!prior )(?<!default )"
        r"(?<!following )(?<!future )(?:reminder|letter|bill|invoice|statement|notice)$",
        2.0,
    ),
    # the day the pay was paid, a payslip's date said as a past event: "Paid on", "Paid
    # into your account on" (round 29; on any other paper the day something was paid is
    # its history: ``fields._by_class``)
    _l(r"paid (?:(?:in|into|to) (?:your |the )?(?:bank|account) )?on\b", 2.0, PAY_DAY),
    # (the pay named, then that it was made or sent: "Payment made on", "Wages credited
    # on", "Net pay sent to your bank on", round 31)
    _l(
        r"(?:the |your )?(?:net )?(?:pay|payment|wages?|salary|earnings) (?:was |were |is )?"
        r"(?:made|paid|sent|issued|credited)(?: (?:in|into|to) (?:your |the )?(?:bank|account))?"
        r" on\b",
        2.0,
        PAY_DAY,
    ),
]


_AFTER_BY = _TIME_AFTER_BY + r"|above|below|same|return|post"
_BY_DOER = (
    r"(?:(?!(?:" + _AFTER_BY + r"|phone|telephone|email|cheque|card|bank|direct|standing|debit"
    r"|transfer|[0-9]))[a-z&'.]+(?: [a-z&'.]+){0,3} on\b|(?:the |our )(?!(?:"
    + _AFTER_BY
    + r")\b)[a-z&'.]+(?: [a-z&'.]+){0,3}$)"
)
"""After "by" in a label, who did something (then "on", or the label's end after "the
    …"), not a time: "by the board on", "by the Tenancy Desk" (round 39)."""


_NO_PAPER = r"(?! (?:claim|action|proceedings|court action)\b)"
"""After "before": not a paper's name, "Letter before claim dated" (round 39)."""


DEADLINE_LABELS = [
    _l(
        r"(?:pay(?:ment)? (?:by|due(?: date)?|before)|due date|deadline|respond by|reply by)\b", 3.0
    ),
    # ("by" is no time when who did it follows it: "By the Tenancy Desk", "Decided by the
    # board on", "Signed by the clerk on", round 39 — a byline or a date of the letter)
    _l(
        _W % 7
        + r"(?:by(?! (?:the |our |a |an )?"
        + _BY_DOER
        # (nor how a paper went: "Notice served by post", round 44)
        + r"| "
        + _BY_MEANS
        + r"\b)|before"
        + _NO_PAPER
        + r"|no later than|on or before)\b",
        2.0,
    ),
    # (a formal "not later than"; an offer or a notice that runs out: "This offer expires
    # on", "Offer valid until", "Expiry date", round 22)
    _l(_W % 7 + r"(?:not later than|expires(?: on)?|expiry date|valid until)\b", 2.0),
    # the days allowed, then that they run out: "21 days expire on", "Fourteen clear days
    # end on", "The 7 days run out on" (round 42)
    _l(
        r"(?:the |your )?(?:\d{1,2}|seven|ten|fourteen|twenty[- ]one|twenty[- ]eight|thirty)"
        r" (?:clear |calendar |working )?days (?:expire|end|run out|are up|close)(?: on)?$",
        2.5,
    ),
    _l(_W % 3 + r"(?:due date|due by|due on)\b", 2.5),
    _l(r"(?:the )?(?:last|latest|final|closing) (?:date|day)\b", 3.0),
    # the date named first, then what it is for: "Date for payment", "Date payment
    # required", "Date due", "Response date"; a bare "Due" (not "due to"), round 22
    _l(
        r"(?:date (?:for|of) (?:payment|response|reply)|date (?:payment|response|reply)"
        r" (?:is )?(?:required|needed|due)|date due|(?:response|reply) (?:date|deadline)"
        r"|due(?! to\b)(?: on)?)\b",
        2.5,
    ),
    # a label asked as the reader's question: "When must I respond?", "When should I pay?"
    _l(
        r"when (?:must|should|do|can|will) (?:i|we|you) (?:pay|respond|reply|contact|get in touch"
        r"|ring|call|phone|send|return|clear)\b",
        3.0,
    ),
    # A payment the creditor will take: direct-debit and plan collection dates.
    _l(
        _W % 3 + r"(?:next (?:attempt|collection|payment date|payment due)|try again(?: on)?"
        # ("taken to be served on" is a deemed service, no collection: round 15; nor
        # "Taken as served", round 41)
        r"|(?:collected|taken(?! to be| as (?:served|delivered|received))|debited|collection)"
        r"(?: on)?(?: or after| from)?)\b",
        2.0,
    ),
]


SERVED_LABELS = [
    _l(
        # ("Date of deemed service": round 17)
        r"(?:(?:deemed )?(?:date (?:of )?)?(?:deemed )?(?:service|served)(?: date| on)?"
        r"|deemed served(?: on)?"
        # (the words of the law between, the label alone: "Deemed to be served", "Treated as
        # having been served", round 50)
        r"|(?:deemed|treated as|taken as|regarded as) (?:to be |to have been |having been |being )"
        r"served(?: on)?)\b",
        3.0,
    ),
    # what was served, then when: "Charge served on", "Notice served on", "Claim form served"
    # (and served in law: "Claim form deemed served on", round 31)
    _l(
        # (on whom, after it: "Civil bill served on the defendant", round 38)
        r"(?:[a-z']+ ){1,2}(?:(?:is |was |to be )?deemed (?:to be |to have been )?)?served(?: on)?"
        r"(?:(?: on| upon)? the (?:defendant|debtor|respondent))?$",
        2.5,
    ),
    # served in law, whatever happened: "Papers count as served on", "Taken as served"
    # (as "deemed served"; round 30)
    # (the one who treats it so, then its object: "Court treats it as served on", round 42)
    _l(
        r"(?:[a-z']+ ){0,2}(?:counts?|counted|taken|regarded|treated|treats?|regards?)"
        r"(?: (?:it|them|the (?:claim|papers|claim form|notice)))? as served(?: on)?\b",
        3.0,
    ),
    _l(r"when (?:is|was|will) (?:the |this |my |it )?(?:[a-z]+ ){0,2}(?:be )?served\b", 3.0),
    # the date named first, then what was served: "Date the claim is treated as served",
    # "Day on which the summons was served" (round 32)
    _l(
        r"(?:date|day) (?:on which |when )?(?:the |this |your |my )?(?:[a-z']+ ){0,2}"
        r"(?:is |are |was |were |will be |has been )?(?:deemed |treated as |taken as |regarded as"
        r" |counts? as )?(?:having been )?served\b",
        3.0,
    ),
]


# "On 15 Feb 2026 we served on you a Charge for Payment", "it was served on 3 May 2026"
SERVED_AFTER = re.compile(r"^,?\s+(?:we|they|the [a-z ]{2,30}?) (?:served|delivered)\b", re.I)


# (and "is deemed served on", "will be treated as served on": round 12)
SERVED_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|be) (?:deemed (?:to (?:be|have been) )?|treated as (?:having been )?)?"
    r"(?:served|delivered)(?: on you)? on\s+"
    # (a weekday's name, whole or cut short: "Sat 2025-07-19", round 30)
    r"(?:(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat"
    r"|sun)\.?,?\s+)?$",
    re.I,
)


# What is owed, named by its kind (round 42): the words a fee is added to, in a label
# ("Council tax and the compliance fee") and in a sum's ``INCLUDED_IN_SUM``.
_DEBT_KINDS = ("tax", "debt", "arrears", "rent", "fine", "loan", "balance")
_DEBT_WITH_FEE = (
    "(?:" + "|".join((*_DEBT_KINDS, "judgment", "bill", "charges?")) + ")"
    # (its state said between, "Council tax owed with the fee", "Fine outstanding plus
    # costs", round 47)
    r"(?: (?:still |now )?(?:owed|owing|due|outstanding|unpaid|overdue|left|remaining"
    r"|in arrears))?"
    # (the fee's amount named in it, "Unpaid rent plus our £95 costs", round 43)
    r" (?:and|with|plus|including) (?:the |our |all |any )?(?:\d+ )*(?:[a-z']+ )?(?:fees?|costs?)$"
)


BALANCE_LABELS = [
    # ("The creditor demands:" with its amount beside or after it is a label, "The creditor
    # demands payment of £X" a sentence: round 20)
    # (a bill's charge named singly, "Quarterly electricity charge": round 46; a standing
    # or a late payment charge is ``NEGATIVE_MONEY``'s)
    _l(
        _W % 4
        + r"(?:total|outstanding|balance|owed|owing|due|arrears|debt|sum|amount|payable|overpaid|overpayment|paid in error|paid by mistake|paid in excess|claimed|judgment|decree(?! (?:pronounced|made|granted|dated|issued) on\b)|claim(?! (?:no|number|form|ref|reference)\b)|shortfall|behind|remaining|bill|unpaid|overdue|missed|not taken|not paid|not received|fine|charges?|to pay|to repay|left to pay|must pay|(?:demands|demanded)(?=$| \d))\b",
        1.0,
    ),
    # what is owed named by its kind, then the fee added to it, the whole label: "Council
    # tax and the compliance fee", "Rent arrears with costs" (round 42)
    _l(_W % 3 + _DEBT_WITH_FEE, 1.0),
    # the demand named as a noun, the whole label: "Creditor's demand, in full" (round 41)
    _l(_W % 3 + r"demand(?: in full)?$", 1.0),
    # what it takes to end the debt, or what a claimant asks for, in other words: "To clear
    # the case today", "To settle in full", "Pitch fees our client seeks", "Sum sought"
    # (round 26)
    _l(_W % 4 + r"(?:to (?:clear|settle|pay off)|seeks|sought)\b", 1.0),
    # what ends the debt said as what the sum does: "Settles the file today", "Clears the
    # account in full" (round 34); and an amount's short form, "Demand amt" (round 34)
    _l(
        _W % 3 + r"(?:(?:settles|clears|pays off) (?:the|this|your) (?:file|account|case|debt"
        r"|balance|matter|arrears)|amt)\b",
        1.0,
    ),
    # the payments that failed, named over their sum: "Instalments that bounced", "Weekly
    # payments failed", "Declined repayments" (what is behind is owed, as "missed"; not a
    # failed payment's fee: round 50)
    _l(
        _W % 3 + r"(?:(?:instalments?|repayments?|payments?|direct debits?) (?:that )?(?:have "
        r"|has )?(?:failed|bounced|(?:were |was )?(?:declined|dishonoured|returned))"
        r"|(?:failed|bounced|declined|dishonoured|unsuccessful) (?:instalments?|repayments?"
        r"|payments?|direct debits?))\b(?! (?:charges?|fees?)\b)",
        1.0,
    ),
]


BALANCE_WORDS = re.compile(
    r"\b(?:pay|repay|owe|owed|owing|balance|debt|outstanding|sum|total|overpayment)\b", re.I
)


REFERENCE_LABELS = [
    _l(
        # (two names of the account, "Store or pay monthly account", round 38)
        r"(?:[a-z]+ or )?"
        + _W % 3
        # (a word that only ends in "id" names a sum, "Invoices unpaid", "Total repaid",
        # not an ID: round 47)
        + r"[a-z]*?(?:account|acct|ref|reference|agreement|customer|order|tenancy|case|(?<!pa)id|number|no|quote|quoting|invoice|utr)\b",
        1.0,
    ),
    # the book an account is kept in, named for it: "Sales ledger", "Trade supplies
    # ledger" (round 34; not a ledger's balance)
    _l(_W % 3 + r"ledger\b(?! (?:balance|total|amount|sum)\b)", 1.0),
    # the account named by its product alone, the whole of a label's cell, its value in
    # the next: "Your mortgage", "Harbourside home loan", "Store card" (round 34)
    _l(_W % 3 + r"(?:mortgage|home loan|loan|store card|credit card|card)$", 1.0),
    # (or by what was bought on it, paid for in instalments: "Pay-later purchase", "Your
    # plan", round 44)
    _l(_W % 2 + r"(?:purchase|instalment plan|payment plan)$", 1.0),
    # an account's short forms, "A/C", "A/C No.", "Acc" (round 22)
    _l(_W % 2 + r"(?:a c|acc)(?: (?:no|number|ref))?\b", 1.0),
    # the writer's file the debt is kept under, named as a whole: "Our enforcement file:",
    # "Collection file" (round 27; "File no." was read already)
    _l(_W % 3 + r"file\b(?! (?:a|an|the|your|it|this|for|with|on|in|by|to)\b)", 1.0),
]


CREDITOR_LABELS = [
    _l(
        # who brings the claim, before the role alone (round 21): "Claimant bringing the
        # claim", "Party making the claim"
        r"(?:(?:(?:claimant|pursuer|party|person|firm|company) )?(?:bringing|making|issuing)"
        r" (?:the|this) (?:claim|action|case|proceedings)"
        r"|new creditor|new owner|current creditor|judgment creditor|creditor's name|name of creditor|creditor|(?:claimant|pursuer)(?:'s)? name(?: and address)?|claimant|pursuer|on behalf of|our client|client|instructing \w+|lender|landlord"
        # a label asked as a question (round 14): "Who is owed", "Who is suing you"
        r"|who (?:is|are) (?:owed|claiming|suing|bringing the claim|to be paid)|whom? you owe"
        # whom a claim, a judgment or an order is for (round 20): "Claim brought by",
        # "Judgment in favour of", "Order made for", "Who is the judgment for?"
        r"|(?:(?:claim|action|proceedings|case) )?brought by|claim made by"
        r"|(?:(?:judgment|order|award|decision)(?: (?:made|entered|given))? )?in favour of"
        r"|(?:judgment|order|award)(?: (?:made|entered|given))? for"
        # (or given to: "Judgment given to", "Award made to", round 21)
        r"|(?:judgment|order|award)(?: (?:made|entered|given|granted))? to"
        # (or the court's paper that enforces it, then for whom: "High Court writ for",
        # "Warrant of control issued for", round 45)
        r"|(?:(?:high court|county court|court) )?(?:writ|warrant)(?: of (?:control|execution"
        r"|possession))?(?: (?:issued|granted|obtained))? for"
        r"|who (?:is|are) the (?:judgment|order|award|claim|debt|money) (?:for|in favour of|owed to))\b",
        3.0,
    ),
    # Who is to be paid, in a role phrase: "Debt owed to", "Payable to", "Person
    # entitled to payment", "Acting for", "Collecting for"; or named so on a bank giro
    # credit slip, "Payee", "Payee / Account name" (round 19).
    _l(
        _W % 2 + r"(?:owed to|due to|payable to|pay(?:ments?)? to|entitled to(?: payment)?|payee"
        # (past the party's role: "Collecting for the council", "Acting for our client",
        # round 21)
        r"|(?:acting|collecting|recovering|writing) (?:it |this |the debt )?(?:for|on behalf of)"
        r" (?:the|our|your) (?:council|creditor|lender|client|landlord|authority|owner|company"
        r"|supplier)"
        r"|acting for|collecting for|(?:we are )?writing for"
        # (what is collected named between, the whole label: "Chasing the debt for",
        # "Recovering the arrears for", round 43)
        r"|(?:acting|collecting|recovering|chasing) (?:it|this|that|them|the (?:debt|balance"
        r"|money|account|arrears|sum)) for$"
        # (on another's behalf, the whole label: "Collecting on behalf of — X", round 39)
        r"|(?:acting|collecting|recovering|writing) on behalf of$"
        # (the writer's own clause: "We act for", its noun on the line before, round 35)
        r"|(?:we|i) (?:act|are acting|collect|are collecting) for"
        # (or the writer named in the third person, then whom it works for: "Tarrow acts
        # for", "The agency is collecting on behalf of", "Our firm represents", round 47)
        r"|(?:acts|is acting|collects|is collecting|recovers|is recovering|works|is working"
        r"|writes|is writing|chases|is chasing) (?:for|on behalf of)"
        r"|(?:represents|is representing)$"
        # (or with whom the account is held, the whole label: "Card account held with",
        # "Loan now held with", round 49; not "held by", an order's or a debt's owner above)
        r"|(?:account|card|loan|agreement|debt|balance|credit|finance|plan)s? (?:is |was |are )?"
        r"(?:now )?(?:held|kept|managed) with$"
        # (or the writer named, then a plain verb, as of a firm taken as many: "Tarrow
        # collect for", "Tarrow chase on behalf of", round 50)
        r"|(?:act|collect|recover|work|chase) (?:for|on behalf of)$"
        r"|(?:retained|instructed|engaged|appointed|employed) by)\b",
        2.5,
    ),
    # who is owed or acted for, named by what it is, then a clause: "Haulier owed the
    # debt", "Business that is owed the sum", "Joinery company we act for" (round 32; what
    # it is may be misread after OCR: the clause alone says who is owed); or who holds
    # the judgment or the debt: "Boatyard holding the judgment", "Firm that now holds the
    # debt", "Holder of the judgment" (round 34)
    _l(
        _W % 3 + r"(?:(?:that|who|which) (?:is |are |now )?)?(?:owed|holding|holds?|now holds?)"
        r" (?:the|this|your) (?:judgment|debt|money|sum|balance|arrears|loan|amount)\b"
        # (or holding the court's order for it, not the enforcer's warrant: "Council holding
        # the order", "Firm that holds the liability order", round 45)
        r"|" + _W % 3 + r"(?:(?:that|who|which) (?:is |are |now )?)?(?:holding|holds?|now holds?)"
        r" (?:the|this|your) (?:(?:liability|court|charging) )?(?:order|decree|award)\b"
        # (or whose debt stands behind the writer's file: "Card issuer behind this file",
        # "Lender behind the account", round 45)
        r"|" + _W % 3 + r"(?:behind|standing behind) (?:the|this|your|our) (?:file|account|debt"
        r"|balance|arrears|loan|case|claim|card)\b"
        r"|(?:current |present )?holder of (?:the|this|your) (?:judgment|debt|loan)\b"
        # (or owed under the court's paper that is enforced: "Firm owed under the writ",
        # "Council owed under the warrant", round 40)
        r"|" + _W % 3 + r"(?:(?:that|who|which) (?:is |are )?)?owed under (?:the|this|your)"
        r" (?:writ|warrant|judgment|decree|order|award)\b"
        # (or a judgment, an order or a debt "held by" its owner: "Liability order held
        # by", "Debt now held by"; not an account, a client's own)
        r"|(?:judgment|order|debt|loan|warrant|writ|arrears)s? (?:is |are )?(?:now )?held by\b"
        # (or the court's paper named, then who got it: "Writ obtained by", "Warrant issued
        # for", "Liability order granted to"; or the debt handed to the writer, then by
        # whom: "Card balance placed with us by", round 42)
        r"|(?:[a-z]+ )?(?:judgment|order|warrant|writ)s? (?:was )?(?:obtained|issued|granted"
        r"|won|secured) (?:by|for|to)$"
        # (the getter named by its role: "Order obtained by the council", "Judgment won by
        # the lender", round 48)
        r"|(?:[a-z]+ )?(?:judgment|order|warrant|writ)s? (?:was )?(?:obtained|granted|won"
        r"|secured|applied for) (?:by|to) (?:the |our |your )?(?:council|authority|creditor"
        r"|lender|landlord|firm|company|client|claimant|supplier|owner|bank)$"
        r"|(?:[a-z']+ ){0,2}(?:balance|debt|account|arrears|sum)s? (?:was )?(?:placed|lodged"
        r"|passed|referred) (?:with|to) us by$"
        # (or who asked for the court's paper: "Warrant of control applied for by", "Order
        # requested by"; or who the court gave it to, the giver named first: "The justices
        # made the order to", "Lender granted the order"; or whose judgment the paper
        # enforces: "Warrant enforces the judgment of", round 44)
        r"|(?:[a-z]+ )?(?:judgment|order|warrant|writ)s?(?: of (?:control|possession|execution))?"
        r" (?:was )?(?:sought|applied for|requested|asked for) by$"
        r"|(?:[a-z']+ ){0,2}(?:granted|gave|made|issued|awarded) (?:the |a |its )?(?:liability "
        r"|court )?(?:order|judgment|warrant|writ) to$"
        r"|(?:the )?(?:council|authority|creditor|lender|landlord|firm|company|client|claimant"
        r"|supplier|owner)s? (?:was |were )?granted (?:the |a )?(?:liability |court )?(?:order"
        r"|judgment|warrant|writ)$"
        r"|(?:[a-z]+ )?(?:writ|warrant|order)s? (?:enforces?|enforcing) (?:the |a )?(?:judgment"
        r"|order|debt)s? (?:of|for|owed to|held by)$",
        3.0,
    ),
    _l(
        _W % 3 + r"(?:firm|company|business|lender|party|person|body|organisation|supplier"
        r"|creditor|client|trader|contractor"
        # (or the public body an enforcer collects for: "Authority we act for", round 35)
        r"|council|authority|landlord|agency|department|board|court"
        # (or what else a firm is: "Card issuer we act for", "Bank that instructed us",
        # round 48)
        r"|issuer|bank|provider|retailer|store|society|utility|owner)"
        r" (?:(?:whom |that |who |which )?(?:we|i) (?:act|are acting|work|collect|are collecting)"
        r" for"
        # (or that instructs the writer: "Council instructing us", round 40)
        r"|(?:instructing|who instructs|that instructs|which instructs) (?:us|me)"
        # (or instructed the writer, past, the writer named by us or by its own name: "Card
        # firm that instructed us", "Lender who appointed Brackley", round 48)
        r"|(?:that|who|which) (?:has |have )?(?:instructed|appointed|engaged|retained)"
        r" (?:us|me|[a-z'&-]+)$"
        # (or claims the money: "Lender claiming", "Firm claiming from you", round 48)
        r"|(?:that |who |which )?(?:is |are )?(?:claiming|suing)(?: (?:you|from you|the"
        r" (?:money|debt|sum|balance)))?$)\b",
        3.0,
    ),
]


# Labels that name the creditor as such, whose value is a name even without an
# organisation's word ("Creditor instructing us | Cyngor Sir Ddinbych", round 38;
# ``values.parse_named_creditor``): the whole of the label's cell, its value beside or
# under it ("Creditor council | X District" may be a wrapped name's first line; "Creditor's
# statutory demand" is a heading).
CREDITOR_NAMED_LABELS = [
    _l(
        r"(?:(?:(?:judgment|new|current) )?(?:creditor|pursuer|claimant|plaintiff)(?:'s)?"
        r"(?: name)?"
        r"|(?:creditor|client|council|authority|body) (?:instructing|who instructs|that instructs)"
        r" (?:us|me))$",
        2.0,
    ),
]


ORIGINAL_LABELS = [
    _l(
        # (not an amount's label: "Balance bought from the lender" is the sum, round 38)
        # (nor with its buyer between, "Debt we bought from X", round 42)
        r"(?!(?:the )?(?:balance|amount|sum|total|debt|loan)s? (?:(?:that |which )?(?:we|i) )?"
        r"(?:bought|purchased|acquired|assigned|sold|transferred)\b)"
        + _W
        % 3
        + r"(?:original (?:creditor|lender|owner)|originally(?: with| owed to| from)?"
        r"|previous(?:ly)?(?: owed to| with| creditor| owner| lender)?|formerly|former creditor"
        r"|assigned (?:from|by)|transferred from|sold (?:to us )?by"
        r"|(?:bought|purchased|acquired) (?:it |them |the (?:debt|account|loan) )?from)\b",
        3.0,
    ),
    # who passed the debt on, named by what it is, then a clause: "Bank that sold it",
    # "Lender who assigned the loan to us" (round 32)
    _l(
        # (any word for what it is, "Network that assigned it", round 41; not what was sold)
        _W % 3 + r"(?!(?:balance|amount|sum|total|debt|account|loan|agreement)s? )[a-z']+"
        # (what it sold wrapped to the label's next line: "Firm that sold / the loan",
        # round 38)
        r" (?:that|who|which) (?:assigned|sold|transferred|passed on)(?: (?:it|them|the (?:debt"
        r"|account|loan|agreement|balance)))?\b",
        3.0,
    ),
]


CLAIM_LABELS = [
    # A qualifier may come first ("Court claim", "Your claim number", "County court case
    # no"), but not any words: "What the claim is about" is a heading, not a label.
    _l(
        # (the court's own: "The court's claim no", round 28)
        r"(?:(?:your|our|the|court(?:'s)?|county|money|online) ){0,3}"
        r"(?:claim (?:number|no|ref(?:erence)?)|case (?:number|no|ref(?:erence)?)|claim)\b",
        3.0,
    ),
    # (a court's place named first, "Tarbert claim no.", "Oban case number": one word,
    # then the label's full form, not the bare "claim", round 29)
    # (and the court's kind before "court", "Sheriff court case number", round 38)
    # (or the procedure named in two words, "Small claims case no.", "Summary cause case
    # number", round 40)
    _l(r"(?:[a-z]+ ){1,2}(?:court(?:'s)? )?(?:claim|case) (?:number|no|ref(?:erence)?)\b", 3.0),
    _l(r"(?:(?:court|county) ){0,2}case\b", 2.0),  # "Case: K1QZ4521" on orders
    # (a county court's "Record No." in Northern Ireland, round 38)
    _l(r"(?:(?:the|court(?:'s)?|county court) ){0,2}record (?:number|no)\b", 3.0),
    # what it numbers named after "of": "Number of the claim", "Reference of your case at
    # court" (round 30; not "Number of claims", nor "the claimant's"); the words up to
    # "the" are the label's three, what it numbers is read with the value
    # (whose number it is first: "Court's number for this claim", round 44)
    _l(
        r"(?:court(?:'s)? )?(?:number|no|reference|ref) (?:of|for) (?:the|your|this)"
        r"(?= (?:court |money )?(?:claim|case)\b(?! ?(?:s|ant|ants|'s)\b))",
        3.0,
    ),
    # (or who gave it the number, then what it numbers: "Number the court allotted the
    # claim", "Reference given to your case", round 43; four words at most, what it numbers read
    # with the value, as above)
    _l(
        r"(?:number|no|reference|ref) (?:(?:the )?court (?:gave|issued|allotted|assigned)"
        r"|(?:given|issued|allotted|assigned) to)"
        r"(?= (?:to )?(?:the|your|this) (?:court |money )?(?:claim|case)\b(?! ?(?:s|ant|ants|'s)\b))",
        3.0,
    ),
]


PAYER_LABELS = [
    _l(r"(?:employer|company|paid by|payer|paying \w+|from)\b", 3.0),
]


# Labels that name the payer as such, whose value is a name even without an organisation's
# word ("Employer: Fellgate Veterinary Practice", "Employer's name", "Employing
# organisation", "Business name", round 22)
PAYER_NAMED_LABELS = [
    _l(
        # (not a deduction the employer pays: "Employer NI", "Employer's pension")
        r"(?:employer(?!(?:'s)? (?:ni|nic|nics|national|pension|contributions?|super))(?:'s)?"
        r"(?: name)?(?: and address)?|employing (?:organisation|company|body)"
        r"|(?:company|business|organisation)(?: name)?|trading (?:name|as)|paid by|payer(?:'s)? name|payer)\b",
        2.5,
    ),
]


# What was paid into the bank, the whole of a label of up to five words: "Balance paid to
# your bank", "Amount paid to your account" (round 40; ``fields.read_fields`` reads these
# with five words, the other income labels with four).
INCOME_PAID_IN_LABELS = [
    _l(r"(?:[a-z']+ ){0,2}paid (?:in)?to your (?:bank(?: account)?|account)$", 3.0),
    # (or what went into it, and when: "Into your bank this time", "Into your account this
    # month", round 41)
    _l(r"in(?:to)? your (?:bank|account)(?: account)?(?: this (?:time|week|month|period))?$", 3.0),
]


BARE_AMOUNT = re.compile(r"(?:(?:weekly|monthly|award) )?amount\b")


INCOME_LABELS = [
    _l(_W % 3 + r"(?:net|take home|you will get|total payment|your payment|payment)\b", 2.0),
    # (the net wage, salary or earnings as the net pay: "Net wage in this packet", round 38)
    _l(_W % 3 + r"(?:net (?:pay|wages?|salary|earnings)|take home pay)\b", 3.0),
    # the pay that is left, said as what goes home or reaches the bank: "Clear pay to take
    # home", "Pay to take home", "Banked to you", "Sent to your bank" (round 39)
    _l(
        _W % 3 + r"(?:clear pay|pay to take home|(?:banked|sent|transferred|credited) to (?:you"
        r"|your (?:bank|account)))\b",
        3.0,
    ),
    # (or as what is the employee's to keep: "Yours to keep", "For you to keep", "What you
    # keep", round 43)
    _l(_W % 3 + r"(?:yours to keep|for you to keep|what you keep)\b", 3.0),
    # (or what reached the bank, said with when: "Banked this week", "Paid in this
    # fortnight", "Paid into your account this month", round 43; the label's words up to when,
    # four at most)
    _l(
        r"(?:banked|paid in|paid into (?:your |the )?(?:bank|account))(?= (?:on |for )?this"
        r" (?:pay ?day|pay date|time|week|fortnight|month|period)\b)",
        3.0,
    ),
    # A bare "Amount" (beside "How often" on an award): weak, any payment label beats it,
    # and as a table's column header it reads nothing (a payslip's "Amount" column is
    # every line's; see ``_by_class``).
    _l(BARE_AMOUNT.pattern, 0.5),
    # What reaches the client, however it is worded: after deductions, paid to them.
    _l(
        _W % 3 + r"(?:after deductions|paid to you|we (?:will )?pay you|you (?:will )?receive"
        r"|amount (?:paid|payable)(?: to you)?|net amount)\b",
        3.0,
    ),
    # asked as the reader's question: "How much will I get?" (round 16)
    # (the question's first words are the label, so it counts as a short one)
    _l(r"how much(?= (?:will|do|shall|would) (?:i|you) (?:get|receive|be paid)\b)", 3.0),
    # "Paid every 4 weeks", "Payable each fortnight": the amount that reaches the client.
    # (and the sum or amount so paid: "Amount paid each time", "Sum payable per
    # instalment", round 32)
    _l(
        r"(?:(?:the )?(?:sum|amount|money|figure) )?"
        r"(?:paid|payable|payment) (?:every|each|per|weekly|fortnightly|monthly|four[ -]weekly)\b",
        3.0,
    ),
]


GROSS_LABELS = [
    # (before what is taken, in other words: "Earned before stoppages", "Pay before tax",
    # round 41)
    _l(_W % 3 + r"(?:gross|before (?:deductions|stoppages|tax|anything (?:is )?taken))\b", 3.0),
    # A payslip's own total of what was earned: "Total payments", "Total earnings".
    _l(r"(?:total )(?:payments|earnings|pay and allowances|gross)\b", 2.5),
    # (or the same total said after its noun, the whole label: "Earnings added up",
    # "Payments in all", "Pay and allowances together", "Sum of the earnings", round 47)
    _l(
        r"(?:(?:your|the|all) )?(?:earnings|payments|pay and allowances|pay items|additions"
        r"|pay elements)(?: (?:this|for the) (?:period|week|month|fortnight))?"
        r" (?:added up|added together|summed|in all|in total|all told|altogether|together"
        r"|totalled|totaled|combined)$"
        r"|(?:the )?(?:sum|total) of (?:the |all |your )?(?:earnings|payments|pay items|additions)$",
        2.5,
    ),
    # ("Total paid" beside "Total taken" and what is left: the payments' total, round 39)
    _l(r"total (?:paid|earned)$", 2.0),
    # what was earned, as a column's heading: "Earned", "Earnings" (round 15)
    _l(r"(?:earned|earnings)$", 2.0),  # (alone: "Earnings: £87 take-home" is not)
]


FREQUENCY_LABELS = [
    # ("Payment frequency", round 16)
    _l(r"(?:pay(?:ment)? )?(?:frequency|period|how often|paid)\b", 3.0),
    # how often, as a form names it: "Payment interval", "Payroll cycle", "Pay schedule"
    _l(_W % 2 + r"(?:interval|cycle|schedule|payment period)\b", 3.0),
    # when the payments come, as a sentence's start: "Payments are made", "It is paid"
    # (round 21)
    _l(
        r"(?:(?:the )?payments? (?:are|is|will be) (?:made|paid)|(?:it|this) (?:is|will be) paid)\b",
        3.0,
    ),
]


_PLACE = {"same": 1.0, "right": 1.0, "below": 0.8, "above": 0.9, "left": 0.8}


NEGATIVE_MONEY = re.compile(
    r"\b(?:instalments?|fee|fees|monthly|weekly|per|(?:a|each|every) (?:week|fortnight|month)"
    r"|repayment|paid in(?! error| excess)|paid out|liability order"
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


def labelled_candidates(
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
        # (a count of days begins a label, "21 days expire on": no amount, round 42)
        if hit.before or (
            re.match(r"\d", hit.label)
            and not re.match(r"\d{1,2} (?:clear |calendar |working )?days\b", hit.label)
        ):
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


WHOLE_SAID = r"\bin all\b|\ball told\b|\b(?:whole|full) (?:sum|amount)\b"
"""The whole of a sum said without "total": "Claimed in all", "All told", "Whole sum
claimed", "Full amount due" (rounds 42 and 44; ``money_score`` and ``fields._money_role``)."""


def money_score(hit: Hit, weight: float) -> float:
    # (in the value's own cell, what a later clause says is said of the amount after it)
    amount = MONEY.search(hit.text) if hit.place == "same" else None
    said = own_clause(hit.context, amount.group().strip()) if amount else hit.context
    label = " ".join(norm_words(said))
    s = 0.0
    # (or the whole said otherwise: "Claimed in all, with fee and costs", round 42)
    # (or the whole of it: "Whole sum claimed", "Full amount due", round 44)
    if re.search(r"\btotal\b|" + WHOLE_SAID, label):
        s += 2.0
    if re.search(
        r"\b(?:outstanding|balance|owed|owing|debt|now|judgment|decree|unpaid|overdue|still to pay"
        # ("past due", a payment's date gone by: overdue, round 27)
        r"|remaining|left to pay|to clear|past due)\b",
        label,
    ):
        s += 1.0
    if re.search(r"\b(?:(?:need|have) to pay|must pay|due now|now due)\b", label):
        s += 1.0  # what is left after what was already recovered or paid
    if re.search(r"\b(?:year to date|ytd|td)\b", hit.text.lower()):
        s -= 4.0  # the value itself says it is a running total
    # (the amount of a fee the label says the sum includes, in the label's own words:
    # "Arrears plus £60 enforcement fee" over the sum, round 44: a part, not the whole)
    if amount and any(
        m.start() <= amount.start() < m.end() for m in INCLUDED_IN_SUM.finditer(hit.text.lower())
    ):
        s -= 3.0
    # (an instalment "not received", "missed": what is behind is owed, round 11)
    # (what a total says it includes is in it: "Claim total with fee and costs", round 25)
    if (
        NEGATIVE_MONEY.search(INCLUDED_IN_SUM.sub(" ", label))
        and not _NOT_RECEIVED.search(label)
        # (what is owed named by its kind with the fee added, "Council tax and the
        # compliance fee": the whole owed, not a tax's or a fee's part, round 42)
        and not re.search(_DEBT_WITH_FEE, label)
    ):
        s -= 3.0
    if re.search(r"\b(?:year to date|ytd|td)\b", label):
        s -= 4.0
    if re.search(r"\bamount claimed\b|\bsum claimed\b", label):
        s -= 0.5
    if _HISTORY.search(label):
        s -= 2.5
    if _PART_OF_TOTAL.search(label):
        s -= 3.0  # a bill's VAT or sub-total, not the amount due (round 18)
    if (
        hit.place != "right"
        and len(norm_words(hit.context)) >= 6
        and ":" not in hit.context
        and not STOP_FOR_COLON.match(hit.context)
        and not _over_its_amount(hit)
    ):
        s -= 2.0  # a sentence of the body, not a label: "The outstanding balance of your…"
    if hit.place == "below" and len(hit.words) > 4:
        s -= 1.0  # the "value" runs on as a sentence: "£96,200.00, and you have missed…"
    nothing = MONEY.search(hit.text)
    if nothing and not re.search(r"[1-9]", nothing.group()):
        s -= 3.0  # a sum of nothing ("Service charge unpaid  0.00") is owed by no one (r39)
    return s


def _over_its_amount(hit: Hit) -> bool:
    """A long label alone in its cell, no stop or figure in it, over an amount alone in the
    cell under it ("Still to pay on the fine account" over "£553.74" in an inset box): a
    label, however many its words, not a sentence of the body (round 40). (A fee the sum
    includes may be named with its amount: "Unpaid rent plus our £95 costs", round 43.)"""
    return (
        # (or under it, a caption under its sum: "£X / Whole sum claimed, with fee and
        # costs", round 44)
        hit.place in ("below", "above")
        and bool(MONEY.fullmatch(hit.text.strip()))
        # (the comma before what it includes too: "Sum, with fee and costs", round 44)
        and not re.search(r"[.!?;,\d£]", INCLUDED_IN_SUM.sub(" ", hit.context.lower()).rstrip(" ,"))
    )


# A label closed by a full stop where others print a colon, and its amount alone after it
# in the same cell: "Sum sought.   £1,204.50" is a label and its value, not a sentence
# (round 31; the stop read as a comma after OCR, "Sum sought, £1,204,50").
STOP_FOR_COLON = re.compile(r"^[^.!?:;]{3,60}[a-z][.,]\s+(?:£|GBP\s?)?\d[\d,]*(?:\.\d\d)?\s*$")


# What a sum says it includes, after its own word for it: "with fee and costs",
# "including interest and charges", "plus the court fee" (round 25). The fee is inside
# the sum, so the label is not a fee's.
# (an enforcer's own fees too: "Judgment debt with the enforcement fees", round 38)
# (and an enforcer's compliance fee added to the debt it names: "Council tax and the
# compliance fee", round 42)
_ADDED = r"(?:the |all |any |our )?(?:£?\d[\d,.]* )?(?:court |issue |solicitor's |legal |statutory |enforcement |collection |recovery |compliance )?(?:fees?|costs?|charges?|interest)"
_DEBT_AND = "|".join(f"(?<={w})" for w in _DEBT_KINDS)
INCLUDED_IN_SUM = re.compile(
    r"(?:\b(?:with|including|incl|inc|plus|inclusive of|together with)|(?:"
    + _DEBT_AND
    + r")\s+and)\s+"
    + _ADDED
    + r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)"
    + _ADDED
    + r")*\b"
    # (or after it, said to be added to it: "Now to pay, fee added", "Balance, costs
    # added on", "Total, charges included", round 28)
    + r"|\b"
    + _ADDED
    + r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)"
    + _ADDED
    # (not a fee said to be added to something: "Late fee added to the balance")
    + r")*\s+(?:now\s+)?(?:added(?:\s+on)?|included|incl)\b(?!\s+(?:to|onto|into)\b)"
)


_NOT_RECEIVED = re.compile(
    r"\b(?:missed|not (?:been )?(?:received|paid|taken|collected)"
    r"|unpaid|overdue|past due|in arrears"  # ("Instalments unpaid so far": round 14)
    # ("Repayments behind so far": what is behind is owed, round 35)
    # (or what they fall short by: "Shortfall in the instalments", round 44)
    r"|behind|shortfall"
    # (what a claimant asks for: "Pitch fees our client seeks", "Fees sought", round 26)
    r"|seeks|sought"
    # (the fees themselves said to be owed: "Berthing fees owed", round 41; not a court's
    # or an enforcer's fee)
    r"|(?<!court )(?<!issue )(?<!compliance )(?<!enforcement )(?:fees?|charges?) (?:still )?"
    r"(?:owed|owing|outstanding)"
    # (instalments that failed, bounced or were declined, or said to be owed: "Failed
    # instalments owed", "Bounced repayments", "Instalments still owing", round 46; not a
    # returned payment's charge)
    r"|(?:failed|bounced|declined|dishonoured|unsuccessful|returned) (?:instalments?|repayments?"
    r"|payments?|direct debits?)(?! (?:charges?|fees?)\b)"
    r"|(?:instalments?|repayments?|payments?) (?:that )?(?:failed|bounced|(?:were |was )?declined)"
    r"|(?:instalments?|repayments?) (?:still )?(?:owed|owing|outstanding))\b"
)


# A part of a bill's total: its VAT ("Total VAT", "VAT at 20%") or its sub-total; not
# "Total including VAT", which is the whole (round 18).
_PART_OF_TOTAL = re.compile(
    r"\b(?:sub ?total|(?<!inc )(?<!incl )(?<!including )(?<!plus )(?<!with )(?<!and )vat"
    # (not the VAT said to be in it: "Charges this quarter, VAT included", round 35)
    r"(?! (?:included|inclusive|incl|inc|paid)\b))\b"
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
# (A firm or a company in the possessive names whose reference it is, the creditor's for
# the account: "Leasing firm's ref.", "The company's reference", round 26.)
NOT_AN_ACCOUNT = re.compile(
    r"\b(?:company(?!')|registered|registration|firm(?!')|frn|sra|vat|charity|fee account|pba"
    r"|licence|consumer credit licence|data protection|ico"
    r"|regulated by|regulation authority|conduct authority)\b"
)
REGISTER_NUMBER = re.compile(
    r"\b(?:authority|commission|regulator|ombudsman|register) (?:no|number)\b"
)
# A bank giro credit slip's "Credit account" (or "Bank account") is the payee's own account
# at its bank, where the money goes, not the client's account with the payee.
_PAYEES_ACCOUNT = re.compile(r"\b(?:credit|bank|giro) account\b|\bbank giro\b")


_EXCHANGE = re.compile(r"\b(?:chat|conversation|session|transcript)\b")
_METER_POINT = re.compile(
    r"\b(?:meter(?: point| serial)?|supply point) (?:reference|ref|number|no|id)\b"
    r"|\bmp[ar]n\b|\bmeter serial\b"
)
# A code that proves who is calling or that a paper is genuine ("Security code", "Passcode",
# "Verification no."): it checks, it numbers no account (round 32)
_SECURITY_CODE = re.compile(
    r"\b(?:security|verification|validation|authentication|authenticity|anti fraud)"
    r" (?:code|number|no|word|key|phrase)\b|\bpass ?(?:code|word)\b"
)


# "by" and then who, in the label's own cell: "Copy of your file held by A Firm Ltd",
# "Notice issued by the Council": an agent, not a day to act by (round 32)
_BY_WHOM = re.compile(
    r"\bby\s+(?!(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
    r"|the (?:date|day|end|deadline)|no later|midday|noon|close|return)[a-z]*\b)"
    r"(?:the\s+)?[A-Z][A-Za-z'&.-]*(?:\s+[A-Za-z'&.-]+)*\s*$"
)


def deadline_score(hit: Hit, weight: float) -> float:
    """A "... by" label whose cell goes on to name who did it, not when: no deadline's
    label (the value below or beside it is some other date)."""
    if hit.place != "same" and not re.search(r"\d", hit.context) and _BY_WHOM.search(hit.context):
        return -3.0
    return 0.0


def reference_score(hit: Hit, weight: float) -> float:
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
    if _PAYEES_ACCOUNT.search(label):
        s -= 4.0
    s += reference_kinds(hit, label)
    if re.search(r"\b(?:employee|staff|ni|tax code|national insurance)\b", label):
        s -= 4.0
    if NOT_AN_ACCOUNT.search(" ".join(norm_words(hit.before + " " + hit.context))):
        s -= 4.0
    # A conversation's own number ("Chat ID", "Session ref", "Transcript no.") names the
    # exchange, a web chat or a call, not the account talked about in it (round 27).
    if _EXCHANGE.search(label):
        s -= 4.0
    # A meter's or a supply point's own number ("Meter point reference", "MPRN", "Meter
    # serial no."): the supply's, not the customer's account; a weaker account label beside
    # it wins (round 41).
    if _METER_POINT.search(label):
        s -= 2.0
    # (in the label, or printed before the value in its own cell, under a heading)
    if _SECURITY_CODE.search(label) or _SECURITY_CODE.search(" ".join(norm_words(hit.text))):
        s -= 4.0
    # A body's register number in brackets after its name: "… Regulation Authority (no.
    # 667012)", "the Commission (number 1234)": the regulator's number for the sender.
    if REGISTER_NUMBER.search(" ".join(norm_words(hit.context))):
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
    # (the label's words up to the value, in its cell: "Account | print 035192")
    lead = hit.text.split()
    upto = next((i for i, w in enumerate(lead) if re.search(r"\d", w)), 0)
    if _PAPERS_NUMBER.search(" ".join(norm_words(label_before(hit) + " " + " ".join(lead[:upto])))):
        s -= 4.0
    return s


# The number of a paper printed from the account ("Account print 035192", "Ledger extract
# no. 88", "Report 4471"): it numbers the print, not the account (round 33)
_PAPERS_NUMBER = re.compile(
    r"\b(?:print|printout|print out|report|extract|listing|export|batch|print run)"
    r"(?: (?:no|number|ref|reference|id))?$"
)


_BANK = re.compile(r"\b(?:bank|building society)\b", re.I)


# A party's role in the possessive before what identifies the debt ("Client's order
# number", "Claimant's agreement no.", "Creditor's reference"): the label of that number,
# not of the party, whatever stands beside it (round 25).
_PARTYS_NUMBER = re.compile(
    r"(?:[a-z0-9]+ ){0,2}?(?:client|claimant|creditor|lender|landlord|pursuer|owner)'?s? "
    r"(?:[a-z]+ )?(?:order|account|agreement|reference|ref|number|no|invoice|contract|policy"
    r"|loan|case|claim)\b"
)


def creditor_score(hit: Hit, weight: float) -> float:
    """ "Claimant's legal representative's address", "Creditor's solicitor": the label
    names who acts for the creditor, not the creditor."""
    label = " ".join(norm_words(hit.context))
    # The bank that holds the payee's account, named with its sort code for a transfer
    # ("Pay to: Barclays Bank PLC, sort code 20-45-77, account 53917264"): where the money
    # goes, not who is owed it (round 23)
    if _BANK.search(hit.text) and "sort code" in (hit.row_text + " " + hit.near).lower():
        return -4.0
    change = creditor_kinds(label)
    if change:
        return change
    if re.search(r"\b(?:representative|solicitors?|agents?)\b", label):
        return -4.0
    # (a note in brackets says what the party is, "Claimant (motor loan company)": no
    # number's label, round 33)
    if _PARTYS_NUMBER.match(" ".join(norm_words(re.sub(r"\([^()]*\)", " ", hit.context)))):
        return -4.0  # "Client's order number: X | Y": the label is the number's (round 25)
    # (an address alone is where to write; "Claimant's name and address" names them)
    return -4.0 if re.search(r"\baddress", label) and not re.search(r"\bnames?\b", label) else 0.0


def date_score_letter(hit: Hit, weight: float) -> float:
    # (in the label's own cell, the words before the date: "Made on 3 May 2026 by the
    # court" is not due "by" anything, round 14)
    label = " ".join(norm_words(label_before(hit)))
    # ("Issued by the court on", "Sent by our agents on": who did it, then when; a
    # passive's "by" and its doer, not a deadline's "by", round 26)
    label = _DONE_BY.sub(r"\1 ", label)
    # ("03 Dec 2026   Statement posted": a step of what has happened so far, the date
    # printed before what was done, no date of this letter, round 39)
    if hit.place == "left" and PAPER_DONE.fullmatch(label):
        return -4.0
    if _BYLINE.fullmatch(label):
        return 0.0  # (a byline, "By the Tenancy Desk": who wrote it, round 39)
    label = re.sub(r"\bletter before (?:claim|action|proceedings|court action)\b", "letter", label)
    if re.fullmatch(_PAPER_BY_MEANS, label):
        return 0.0  # (how the letter's own paper went: "Notice served by post", round 44)
    if re.search(r"\b(?:due|by|before|defaulted|birth|served|service)\b", label):
        return -4.0
    # "Last date for a Response Form", "Final date to pay": a deadline, not the letter's
    if re.search(r"\b(?:last|latest|final|closing) (?:date|day)\b|\bdeadline\b", label):
        return -4.0
    # "Date account opened", "Date of last payment", "Date joined", "Agreement date", "Next
    # statement date": the date of another event in the account's life, past or to come,
    # named after "Date" or before it, not the letter's (round 23)
    if _ACCOUNT_EVENT.search(label):
        return -4.0
    # "Information sheet issued on", "Your letter dated", "our previous letter dated": the
    # date of another paper the letter speaks of or encloses (round 23)
    if _OTHER_PAPER.search(label):
        return -4.0
    return 0.0


# A verb's past participle, "by" and who did it, then "on" (the date it was done): the
# "by" names the doer, as in "Issued by the court on", "Produced by Billing on".
# (or who did it closing the label: "Issued by the desk", "Demand signed by the creditor",
# round 40; not a time, "Paid by the end")
# (to whom it went between: "Sent to you by our firm", round 42)
_DONE_BY = re.compile(
    r"\b([a-z]+(?:ed|en|ade|ent))(?: " + _TO_WHOM + r")? by (?:(?:[a-z']+ ){1,4}?(?=on$)"
    r"|(?:the |our )(?!(?:" + _TIME_AFTER_BY + r")\b)[a-z&'.]+(?: [a-z&'.]+){0,3}$)"
)


PAPER_DONE = re.compile(_PAPER_MADE + r"(?: on)?")
"""A paper named, then that it was made or sent: "Final notice printed" (round 39)."""


_BYLINE = re.compile(_BYLINE_WORDS)


_OTHER_PAPER = re.compile(
    r"\b(?:information sheet|leaflet|booklet|guide|factsheet|your (?:letter|email|e mail)"
    r"|(?:our|my) (?:previous|last|earlier) (?:letter|notice|email)|previous (?:letter|notice)"
    r"|last (?:letter|notice))\b"
)


_ACCOUNT_EVENT = re.compile(
    r"\b(?:opened|open|default|defaulted|started|start|commenced|joined"
    # (the letter's own paper signed is the letter's date: "Demand signed by the director
    # on", round 39)
    r"|(?<!demand )(?<!notice )(?<!letter )(?<!order )(?<!summons )signed|agreement|entered|registered"
    r"|last payment|payment received|received|transferred|assigned|sold|bought|purchased"
    r"|judgment|judgement|terminated|closed|of account|of transaction|transaction|of loan|loan"
    r"|of payment|instalment"
    # (or a date to come: "Next statement date", "Next bill", "Renewal date", "Review date")
    r"|next|renewal|review|expiry|maturity|end date)\b"
)


LEARNED_ROLE = "label this centre uses"


_PARSERS: dict[str, tuple[Callable[[str], object | None], Callable[[Hit, float], float] | None]] = {
    "letter_date": (parse_date, date_score_letter),
    "deadline_date": (parse_date, None),
    "balance_pence": (parse_money, money_score),
    "account_reference": (parse_reference, reference_score),
    "court_claim_number": (parse_claim, None),
    "creditor_name": (parse_name, None),
}


def learned_labels(
    layouts: Sequence[Layout], learned: Mapping[str, Sequence[str]]
) -> list[Candidate]:
    """Candidates read against the labels a centre's corrections taught (label_learning):
    a label its own letters use, as strong as the best general label."""
    out: list[Candidate] = []
    for field, phrases in sorted(learned.items()):
        if field not in _PARSERS:
            continue
        parse, score = _PARSERS[field]
        labels = [_l(re.escape(p) + r"\b", 3.5, LEARNED_ROLE) for p in phrases if p.strip()]
        out += labelled_candidates(field, layouts, labels, parse, score, 5)
    return out


def income_score(hit: Hit, weight: float) -> float:
    label = " ".join(norm_words(hit.context))
    if re.search(r"\b(?:year to date|ytd|td|this year)\b", hit.text.lower()):
        return -4.0
    if re.search(r"\bafter (?:tax and )?deductions\b", label):
        return 0.0  # net pay, however many deductions it names
    # (net pay worked out in its label: "Net pay (additions less deductions)", "Take home
    # (earnings minus deductions)", round 33)
    if re.search(r"\b(?:net|take home)\b", label) and re.search(
        r"\b(?:less|minus)(?: total)? deductions\b", label
    ):
        return 0.0
    bad = r"\b(?:gross|deductions?|tax|before|year to date|ytd|td|this year)\b"
    if deduction_named(hit.context):
        return -4.0  # "Pension (net pay)": a deduction under a net pay scheme (round 15)
    return -4.0 if re.search(bad, label) or cumulative_pay(label) else 0.0


def gross_score(hit: Hit, weight: float) -> float:
    label = " ".join(norm_words(hit.context)) + " " + hit.text.lower()
    if cumulative_pay(label):
        return -4.0  # "Gross pay to date" (round 14)
    return -4.0 if re.search(r"\b(?:year to date|ytd|td|this year)\b", label) else 0.0
