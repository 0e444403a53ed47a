"""Kinds of reading added in round 39 of the reader (issue 14), from the misses of AP and AQ,
each on wording and layouts unlike every corpus family (an invented island, Skerrin, and its
town of Ulvastone: the Royal Borough of Brackenmoor, Tidewell Marine Finance Ltd, a rope
maker, a ferry company and its enforcers): the test checks the *kind* of rule — "by" that
names who did something is no deadline ("By the Tenancy Desk" beside a date is a byline,
"Approved by the panel on" the letter's date) and a letter before action dated is no
deadline; a paper then its participle ("Final reminder printed", its date in the cell too,
glued to a leader's underscore by OCR) dates the letter, several
papers each "posted" are a history; a large initial capital is joined to its word (after
OCR too); whom the writer collects "on behalf of" is the creditor; a borough named for its
place is an organisation, in the letterhead and in the body, where
it "has registered" a debt against you; a letterhead name wrapped in a narrow column; a
"label: value" in a bracket closing a "Re:" line; capitals joined by a hyphen before a run
of figures, a check letter after grouped figures and an NI number's letter glued to its
last pair are the reference's; a net pay said as
what is sent to the bank; a creditor letter that carries balances over dated lines and asks
nothing is a statement; an enforcement notice that only warns of enforcement to come is the
creditor's letter; a sum of nothing is no balance; an agent's case named after it, and an
assignee's account "with" it, is the reference — not a family's phrase. Pages of made-up
wording (exact word boxes), read by the rules as a given kind (the shipped classifier plays
no part); the class cues through ``refine_class``. Each test failed on the old reader
(main's ``src`` at 0bad9fef, an archive of that commit, run against it)."""

from __future__ import annotations

import datetime as dt

import attrs
from tests.unit.documents.reading_support import one_page, read_as, refined

from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, sample_pages, sample_text
from cma_core.documents.model import Box, DocumentClass

C = DocumentClass

_ADDRESSEE = (
    (Cell(0.08, "Mrs Eilidh Corrin"),),
    (Cell(0.08, "4 Harbour Steps"),),
    (Cell(0.08, "Ulvastone, Isle of Skerrin"),),
    (Cell(0.08, "SK1 4RR"),),
)


def test_by_naming_who_did_it_is_no_deadline_but_the_letter_s_date() -> None:
    """A byline ("By the Tenancy Desk") beside the letter's date, and a label that says
    who approved the letter and on what day: neither date is a day to act by."""
    byline = [
        (Cell(0.08, "Skerrin Ferries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your season ticket loan is behind"),),
        (Cell(0.08, "By the Tenancy Desk"), Cell(0.4, "3 June 2027"), Cell(0.7, "Ref SF-44120")),
        (Cell(0.08, "Your loan instalments have not been paid."),),
        (Cell(0.1, "Behind on the loan"), Cell(0.6, "£318.40")),
        (Cell(0.1, "Clear the arrears before"), Cell(0.6, "24 June 2027")),
    ]  # fmt: skip
    read_ = read_as(byline, C.CREDITOR_LETTER)
    assert read_.letter_date == dt.date(2027, 6, 3)
    assert read_.deadline_date == dt.date(2027, 6, 24)
    approved = [
        (Cell(0.08, "Skerrin Ferries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Approved by the crossing panel on"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Fares owed"), Cell(0.6, "£318.40")),
        (Cell(0.1, "Settle the fares no later than"), Cell(0.6, "24 June 2027")),
    ]  # fmt: skip
    read_ = read_as(approved, C.CREDITOR_LETTER)
    assert read_.letter_date == dt.date(2027, 6, 3)
    assert read_.deadline_date == dt.date(2027, 6, 24)


def test_a_letter_before_action_dated_is_no_deadline() -> None:
    """ "Letter before action dated": the paper's name holds "before", no time to meet."""
    page = [
        (Cell(0.08, "Ulvastone Legal LLP", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Letter before action dated"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Owed to our client"), Cell(0.6, "£1,204.00")),
        (Cell(0.1, "Reply to us no later than"), Cell(0.6, "3 July 2027")),
    ]  # fmt: skip
    read_ = read_as(page, C.LETTER_OF_CLAIM)
    assert read_.letter_date == dt.date(2027, 6, 3)
    assert read_.deadline_date == dt.date(2027, 7, 3)


def test_a_paper_then_its_participle_dates_the_letter_but_a_history_does_not() -> None:
    """ "Final reminder printed" over its date is the letter's date; two papers each said
    to be posted on a day ("Notice posted", "Second notice posted") are a history."""
    page = [
        (Cell(0.08, "Skerrin Ferries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.08, "Your direct debit of 2 April 2027 was returned unpaid."),),
        (Cell(0.1, "Final reminder printed"),),
        (Cell(0.1, "3 June 2027"),),
        (Cell(0.1, "Fares owed"), Cell(0.6, "£318.40")),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).letter_date == dt.date(2027, 6, 3)
    # (label and date in one cell, OCR's underscore glued to the day from the leader)
    glued = [*page[:6], (Cell(0.1, "Final reminder printed —_3rd June 2027"),), *page[8:]]
    assert read_as(glued, C.CREDITOR_LETTER).letter_date == dt.date(2027, 6, 3)
    history = [
        (Cell(0.08, "Skerrin Ferries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Notice posted"), Cell(0.6, "2 April 2027")),
        (Cell(0.1, "Second notice posted"), Cell(0.6, "6 May 2027")),
        (Cell(0.1, "Fares owed"), Cell(0.6, "£318.40")),
    ]  # fmt: skip
    assert read_as(history, C.CREDITOR_LETTER).letter_date == dt.date(2027, 6, 3)


def test_a_large_initial_capital_is_joined_to_its_word() -> None:
    """The body opens with a large "T" on a line of its own, the rest of its word ("idewell
    …") opening the next: the creditor named there is "Tidewell Marine Finance Ltd"."""
    page = [
        (Cell(0.08, "Ulvastone Collections Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.08, "T"),),
        (Cell(0.08, "idewell Marine Finance Ltd has asked us to collect your boat loan."),),
        (Cell(0.1, "Owed on the loan"), Cell(0.6, "£2,310.00")),
    ]  # fmt: skip
    sample = one_page(page)
    (printed,) = sample_pages(sample)
    words = list(printed.words)
    at = next(i for i, w in enumerate(words) if w.text == "T")
    below = words[at + 1].box
    cap = words[at].box
    tall = Box(left=cap.left, top=below.top - int(2.2 * below.height), width=cap.width * 2,
               height=2 * below.height)  # fmt: skip
    words[at] = attrs.evolve(words[at], box=tall)
    pages = (attrs.evolve(printed, words=tuple(words)),)
    read_ = extract(sample_text(sample), pages, None, given=C.CREDITOR_LETTER)
    assert read_.creditor_name == "Tidewell Marine Finance Ltd"
    # (after OCR the capital read taller still and further above its word, more space
    # above it, a blank line between them in the text)
    h = below.height
    words = [
        attrs.evolve(w, box=attrs.evolve(w.box, top=w.box.top + 3 * h))
        if w.box.top >= cap.top
        else w
        for w in words
    ]
    taller = Box(left=cap.left, top=below.top + 3 * h - int(4.8 * h), width=cap.width * 3,
                 height=int(2.5 * h))  # fmt: skip
    words[at] = attrs.evolve(words[at], box=taller)
    text = sample_text(sample).replace("\nT\n", "\nT\n\n")
    pages = (attrs.evolve(printed, words=tuple(words), text=text),)
    read_ = extract(text, pages, None, given=C.CREDITOR_LETTER)
    assert read_.creditor_name == "Tidewell Marine Finance Ltd"


def test_whom_the_writer_collects_on_behalf_of_is_the_creditor() -> None:
    """ "Collecting on behalf of — X", a dash for a leader: X is the creditor, not the
    agency heading the letter."""
    page = [
        (Cell(0.08, "Ulvastone Collections Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Owed on the loan —"), Cell(0.6, "£2,310.00")),
        (Cell(0.1, "Collecting on behalf of —"), Cell(0.6, "Tidewell Marine Finance Ltd")),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).creditor_name == "Tidewell Marine Finance Ltd"


def test_a_borough_named_for_its_place_is_an_organisation() -> None:
    """ "Royal Borough of Brackenmoor" heads its own letter; an enforcer says the borough
    "has instructed us", a court's office that it "has registered" a charge against you."""
    own = [
        (Cell(0.08, "Royal Borough of Brackenmoor", bold=True),),
        (Cell(0.08, "Harbour Dues, Quay Street, Ulvastone"),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Mooring dues unpaid"), Cell(0.6, "£212.00")),
    ]  # fmt: skip
    assert read_as(own, C.CREDITOR_LETTER).creditor_name == "Royal Borough of Brackenmoor"
    enforcer = [
        (Cell(0.08, "Skerrin Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.08, "A warrant of control was issued for the unpaid dues, and the Royal"),),
        (Cell(0.08, "Borough of Brackenmoor has instructed us to enforce it."),),
        (Cell(0.1, "Dues and the compliance fee"), Cell(0.6, "£287.00")),
    ]  # fmt: skip
    assert read_as(enforcer, C.ENFORCEMENT_AGENT_NOTICE).creditor_name == (
        "Royal Borough of Brackenmoor"
    )
    registered = [
        (Cell(0.08, "Skerrin Dues Registry", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.08, "The Royal Borough of Brackenmoor has registered the unpaid dues against"),),
        (Cell(0.08, "you with this registry."),),
        (Cell(0.1, "Dues with the registry fee"), Cell(0.6, "£220.00")),
    ]  # fmt: skip
    assert read_as(registered, C.ENFORCEMENT_AGENT_NOTICE).creditor_name == (
        "Royal Borough of Brackenmoor"
    )


def test_a_letterhead_name_wrapped_in_a_narrow_column_is_whole() -> None:
    """The writer's name in a narrow column at the top left, wrapped after "and" ("Skerrin
    Rope and / Net Company Ltd") or before its last word ("… Harbour Trust / Board", the
    whole printed again at the foot): the whole name."""
    page = [
        (Cell(0.08, "Skerrin Rope and"), Cell(0.5, "Mrs Eilidh Corrin")),
        (Cell(0.08, "Net Company Ltd"), Cell(0.5, "4 Harbour Steps")),
        (Cell(0.08, "The Loft, Ulvastone"), Cell(0.5, "Ulvastone, Isle of Skerrin")),
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Rope and netting unpaid"), Cell(0.6, "£640.00")),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).creditor_name == "Skerrin Rope and Net Company Ltd"
    trust = [
        (Cell(0.08, "Ulvastone Harbour Housing"), Cell(0.5, "Mrs Eilidh Corrin")),
        (Cell(0.08, "Association"), Cell(0.5, "4 Harbour Steps")),
        (Cell(0.08, "Quay Street, Ulvastone"), Cell(0.5, "Ulvastone, Isle of Skerrin")),
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Rent unpaid"), Cell(0.6, "£640.00")),
        (Cell(0.08, "Ulvastone Harbour Housing Association, a registered society."),),
    ]  # fmt: skip
    assert read_as(trust, C.RENT_ARREARS).creditor_name == "Ulvastone Harbour Housing Association"


def test_a_bracketed_label_closing_a_re_line_gives_its_value() -> None:
    """ "Re: … (Our file no.: TMF-88412)" and "(Claim no. on all papers: Q7XK41P2)": a
    label and its value in the bracket that closes the line."""
    page = [
        (Cell(0.08, "Tidewell Marine Finance Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.08, "Re: The arrears on your boat loan (Our file no.: TMF-88412)"),),
        (Cell(0.1, "Arrears"), Cell(0.6, "£2,310.00")),
    ]  # fmt: skip
    assert read_as(page, C.CREDITOR_LETTER).account_reference == "TMF-88412"
    claim = [
        (Cell(0.08, "Skerrin Sheriff Court", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.08, "Re: A claim is issued against you (Claim no. on all papers: Q7XK41P2)"),),
        (Cell(0.1, "Sum claimed"), Cell(0.6, "£2,310.00")),
    ]  # fmt: skip
    assert read_as(claim, C.COURT_CLAIM_N1).court_claim_number == "Q7XK41P2"


def test_hyphenated_capitals_and_a_check_letter_belong_to_the_reference() -> None:
    """ "FB-RQ 40471120": two runs of capitals joined by a hyphen before the figures;
    "412 7730 K": grouped figures closed by a check letter."""
    page = [
        (Cell(0.08, "Skerrin Ferries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Fares recovery ref."), Cell(0.6, "FB-RQ 40471120")),
        (Cell(0.1, "Fares owed"), Cell(0.6, "£318.40")),
    ]  # fmt: skip
    assert read_as(page, C.OVERPAYMENT).account_reference == "FB-RQ 40471120"
    card = [
        (Cell(0.08, "Skerrin Ferries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Season ticket plan no."), Cell(0.6, "412 7730 K")),
        (Cell(0.1, "Fares owed"), Cell(0.6, "£318.40")),
    ]  # fmt: skip
    assert read_as(card, C.CREDITOR_LETTER).account_reference == "412 7730 K"
    # (a National Insurance number whose letter OCR glued to the last pair)
    nino = [
        (Cell(0.08, "Skerrin Ferries Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Customer ref."), Cell(0.6, "QX 12 34 56C")),
        (Cell(0.1, "Overpaid"), Cell(0.6, "£318.40")),
    ]  # fmt: skip
    assert str(read_as(nino, C.OVERPAYMENT).account_reference).replace(" ", "") == "QX123456C"


def test_a_net_pay_said_as_what_is_sent_to_the_bank() -> None:
    """A slip's three summary boxes, "Total paid", "Total kept back" and "Sent to your
    bank": the last is the net pay, the first the gross."""
    page = [
        (Cell(0.08, "Skerrin Ferries Ltd", bold=True),),
        (Cell(0.1, "Pay day"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Deckhand, paid monthly"),),
        (Cell(0.1, "Total paid"), Cell(0.4, "Total kept back"), Cell(0.7, "Sent to your bank")),
        (Cell(0.1, "2,210.00"), Cell(0.4, "402.16"), Cell(0.7, "1,807.84")),
    ]  # fmt: skip
    read_ = read_as(page, C.PAYSLIP)
    assert read_.income_pence == 180784
    assert read_.gross_pence == 221000


_STATEMENT = [
    (Cell(0.08, "Skerrin Island Credit Union Ltd", bold=True),),
    *_ADDRESSEE,
    (Cell(0.08, "Members' account to 3 June 2027"),),
    (Cell(0.1, "Date"), Cell(0.3, "Item"), Cell(0.6, "Savings"), Cell(0.8, "Loan")),
    (Cell(0.1, "Brought forward"), Cell(0.6, "402.11"), Cell(0.8, "1,240.00")),
    (Cell(0.1, "04/05"), Cell(0.3, "Standing order in"), Cell(0.6, "30.00")),
    (Cell(0.1, "11/05"), Cell(0.3, "Loan instalment"), Cell(0.8, "-60.00")),
    (Cell(0.1, "18/05"), Cell(0.3, "Withdrawal"), Cell(0.6, "-25.00")),
    (Cell(0.1, "25/05"), Cell(0.3, "Loan interest"), Cell(0.8, "9.10")),
    (Cell(0.1, "Carried forward"), Cell(0.6, "407.11"), Cell(0.8, "1,189.10")),
]


def test_a_statement_carrying_balances_and_asking_nothing_is_no_creditor_letter() -> None:
    """Balances brought and carried forward over dated lines, nothing asked: a statement,
    whatever its loan column reads like; a letter asking for arrears stays a letter."""
    assert refined(_STATEMENT, C.CREDITOR_LETTER) is C.BANK_STATEMENT
    asking = [*_STATEMENT, (Cell(0.08, "Your loan is in arrears: please pay £60.00 now."),)]
    assert refined(asking, C.CREDITOR_LETTER) is C.CREDITOR_LETTER


def test_a_warning_of_enforcement_to_come_is_the_creditor_s_own_letter() -> None:
    """The borough's notice that the dues have gone up, and that it will register them for
    enforcement if they are not paid: its own letter, not an enforcer's notice. A notice
    that tells of a warrant issued stays the enforcer's."""
    page = [
        (Cell(0.08, "Royal Borough of Brackenmoor", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.08, "The mooring dues were not paid, so they have gone up by a quarter."),),
        (Cell(0.1, "Dues now payable"), Cell(0.6, "£265.00")),
        (Cell(0.08, "If they are not paid by 1 July 2027 the borough will register them with"),),
        (Cell(0.08, "the court, and enforcement agents may then be sent."),),
    ]  # fmt: skip
    assert refined(page, C.ENFORCEMENT_AGENT_NOTICE) is C.CREDITOR_LETTER
    done = [
        *page[:7],
        (Cell(0.08, "A warrant of control has been issued to our enforcement agents."),),
    ]
    assert refined(done, C.ENFORCEMENT_AGENT_NOTICE) is C.ENFORCEMENT_AGENT_NOTICE


def test_a_sum_of_nothing_is_no_balance() -> None:
    """A breakdown's "Dues unpaid 0.00" beside the arrears: the arrears are owed."""
    page = [
        (Cell(0.08, "Ulvastone Harbour Housing Association", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Mooring dues unpaid"), Cell(0.6, "0.00")),
        (Cell(0.1, "Rent unpaid, 6 weeks"), Cell(0.6, "724.20")),
    ]  # fmt: skip
    assert read_as(page, C.RENT_ARREARS).balance_pence == 72420


def test_the_writer_s_own_case_or_account_named_after_it_is_the_reference() -> None:
    """An enforcer's "Skerrin Enforcement case" beside the borough's dues number; an
    assignee's "Account no. with Tidewell" beside the seller's "Loan no. at Ulvastone
    Boats": the writer's own is the reference."""
    enforcer = [
        (Cell(0.08, "Skerrin Enforcement Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.1, "Mooring dues ref."), Cell(0.6, "RBB40417")),
        (Cell(0.1, "Skerrin Enforcement case"), Cell(0.6, "SE-22871")),
        (Cell(0.1, "Dues and the compliance fee"), Cell(0.6, "£287.00")),
    ]  # fmt: skip
    assert read_as(enforcer, C.ENFORCEMENT_AGENT_NOTICE).account_reference == "SE-22871"
    assigned = [
        (Cell(0.08, "Tidewell Marine Finance Ltd", bold=True),),
        *_ADDRESSEE,
        (Cell(0.1, "Date"), Cell(0.6, "3 June 2027")),
        (Cell(0.08, "Ulvastone Boats Ltd has sold and assigned your loan to us."),),
        (Cell(0.1, "Loan no. at Ulvastone Boats"), Cell(0.6, "UB/40417")),
        (Cell(0.1, "Account no. with Tidewell"), Cell(0.6, "TMF88412")),
        (Cell(0.1, "Balance bought"), Cell(0.6, "£2,310.00")),
    ]  # fmt: skip
    assert read_as(assigned, C.NOTICE_OF_ASSIGNMENT).account_reference == "TMF88412"
