"""Kinds of reading added in round 16 of the reader (issue 14), from the misses of X (and of
the OCR samples of the read families L-W), each on wording and layouts unlike every corpus
family: the test checks the *kind* of rule — "to date" (so far) as no date's label, "Payment
frequency" as a frequency's label, a claim as the amount owed, a form in two languages with
the second language's label under the first's and one value for the pair — and the OCR
kinds (a date's separators read as words of their own, a date that lost one of its two
slashes, a logo's specks or a ruled line at a cell's edge), not a family's phrase. Perfect
text (exact word boxes) or word boxes made up as OCR gives them, no Tesseract."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.unit.documents.test_reading_kinds_r10 import best
from tests.unit.documents.test_reading_kinds_r14 import found

from cma_adapters.rules_assistant import classifier, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import Cell, Sample, Truth, sample_pages, sample_text
from cma_adapters.rules_assistant.fields import read_fields
from cma_adapters.rules_assistant.layout import Layout, page_layout
from cma_adapters.rules_assistant.structures import letterhead
from cma_adapters.rules_assistant.values import parse_date, parse_frequency
from cma_core.documents.model import Box, DocumentClass, Extraction, PageText, Word

C = DocumentClass


def ocr_page(*words: tuple[str, int, int, int] | tuple[str, int, int, int, float]) -> Layout:
    """A page of OCR'd words: (text, left, top, height[, confidence]), widths from the
    text's length."""
    boxes = tuple(
        Word(
            text=w[0],
            box=Box(left=w[1], top=w[2], width=max(len(w[0]) * w[3] // 2, 4), height=w[3]),
            confidence=w[4] if len(w) > 4 else 0.9,  # type: ignore[misc]
        )
        for w in words
    )
    text = " ".join(w.text for w in boxes)
    return page_layout(
        PageText(number=1, text=text, confidence=0.9, words=boxes, size=(1240, 1754))
    )


def cells(layout: Layout) -> list[list[str]]:
    return [[c.text for c in row] for row in layout.rows]


# -- labels ------------------------------------------------------------------------------------


def test_a_sum_so_far_is_no_date_label() -> None:
    """ "Rent unpaid to date" says how much so far: the date later in its sentence is when
    to pay, not the letter's date (the letter's is unlabelled, right of the tenancy
    number)."""
    page = [
        (Cell(0.08, "Wyre Forest Lettings Ltd"),),
        (Cell(0.08, "Tenancy no: WF-2231"), Cell(0.72, "11 / 02 / 2027")),
        (
            Cell(
                0.08,
                "Rent unpaid to date comes to £412.00. Please clear it by 25 / 02 / 2027 to "
                "keep your tenancy.",
            ),
        ),
    ]
    got = found(C.RENT_ARREARS, page)
    assert best(got, "letter_date") == dt.date(2027, 2, 11)
    assert best(got, "deadline_date") == dt.date(2027, 2, 25)


def test_a_labelled_date_beside_a_dated_label_is_still_read() -> None:
    """(guard) "Date", "Dated", "Letter dated" stay letter dates."""
    page = [
        (Cell(0.08, "Wyre Forest Lettings Ltd"),),
        (Cell(0.08, "Letter dated"), Cell(0.4, "03 / 03 / 2027")),
        (Cell(0.08, "Please pay by 17 / 03 / 2027."),),
    ]
    assert best(found(C.RENT_ARREARS, page), "letter_date") == dt.date(2027, 3, 3)


def test_payment_frequency_is_a_label() -> None:
    """ "Payment frequency" says how often the award is paid; a part of the award said to
    be weekly in brackets is not the payment's frequency."""
    page = [
        (Cell(0.08, "Carers Support Office, Kidderminster"),),
        (Cell(0.08, "Care part (weekly)"), Cell(0.55, "£61.20")),
        (Cell(0.08, "Payment frequency"), Cell(0.55, "Every 2 weeks")),
        (Cell(0.08, "Amount of each payment"), Cell(0.55, "£122.40")),
    ]
    assert best(found(C.BENEFIT_AWARD, page), "frequency") == "fortnightly"


def test_a_claim_is_the_amount_owed() -> None:
    """ "Our client's claim £1,240.50": the sum claimed is the balance; a claim's number is
    no amount."""
    page = [
        (Cell(0.08, "Teme Bridge Solicitors"),),
        (Cell(0.08, "Claim no."), Cell(0.55, "KX19-0021")),
        (Cell(0.08, "Our client's claim"), Cell(0.55, "£1,240.50")),
        (Cell(0.08, "Please reply within 30 days."),),
    ]
    assert best(found(C.LETTER_OF_CLAIM, page), "balance_pence") == 124050


def test_a_label_in_a_second_language_under_the_first() -> None:
    """A two-language payslip printing each label twice, the second language's under the
    first's, one value right of the pair: the second label reads the value above-right."""
    page = [
        (Cell(0.08, "Cladach Ferries"),),
        (Cell(0.1, "Pàigheadh iomlan"), Cell(0.78, "£912.40")),
        (Cell(0.1, "Gross pay"),),
        (Cell(0.1, "Cìs"), Cell(0.78, "£80.10")),
        (Cell(0.1, "Tax"),),
        (Cell(0.1, "Pàigheadh glan"), Cell(0.78, "£790.30")),
        (Cell(0.1, "Net pay"),),
    ]
    got = found(C.PAYSLIP, page)
    assert best(got, "gross_pence") == 91240
    assert best(got, "income_pence") == 79030


def test_a_label_whose_value_is_under_it_keeps_it() -> None:
    """(guard) A label alone on its row under a label and value keeps the value printed
    under it."""
    page = [
        (Cell(0.08, "Severn Gorge Housing Trust"),),
        (Cell(0.1, "Tenancy"), Cell(0.6, "SG-40112")),
        (Cell(0.1, "Arrears"),),
        (Cell(0.1, "£318.44"),),
    ]
    assert best(found(C.RENT_ARREARS, page), "balance_pence") == 31844


# -- OCR kinds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dated 14 03/2027", dt.date(2027, 3, 14)),  # one slash lost
        ("22/01 2027", dt.date(2027, 1, 22)),
    ],
)
def test_a_date_that_lost_one_of_its_slashes(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["£12 05/2027", "Unit 3 12 05/2027", "12 05/20271"])
def test_what_looks_like_such_a_date_but_is_none(text: str) -> None:
    assert parse_date(text) is None


def test_a_date_s_separators_read_as_words_of_their_own() -> None:
    """OCR reads "16 / 10 / 2027" as five words, the slashes dropped as specks; the gaps
    either side of each slash are a cell's, the gap between the figures is not: the date
    is one cell, read under its label."""
    layout = ocr_page(
        ("Wenlock", 100, 100, 20), ("County", 190, 100, 20), ("Court", 270, 100, 20),
        ("Date", 700, 300, 20), ("of", 750, 300, 20), ("notice", 780, 300, 20),
        ("16", 700, 340, 20), ("/", 732, 340, 20), ("10", 755, 340, 20),
        ("/", 787, 340, 20), ("2027", 810, 340, 20),
    )  # fmt: skip
    assert ["16 / 10 / 2027"] in cells(layout)
    got = read_fields([layout], "", C.COURT_CLAIM_N1)
    assert best(got, "letter_date") == dt.date(2027, 10, 16)


def test_a_dash_far_from_the_figures_either_side_stays_apart() -> None:
    """(guard) A statement's "-" for an empty column, far from both amounts, joins
    nothing."""
    layout = ocr_page(("12.40", 300, 200, 20), ("-", 560, 200, 20), ("88.10", 800, 200, 20))
    assert cells(layout) == [["12.40", "88.10"]]


def test_specks_at_a_letterhead_name_s_edges() -> None:
    """A logo's speck read as a letter with low confidence, its bar read as "|", or a
    ruled line after the name: not words of the name."""
    layout = ocr_page(
        ("A", 80, 100, 30, 0.35), ("|", 150, 90, 60, 0.9), ("Clee", 190, 100, 40, 0.9),
        ("Hill", 290, 100, 40, 0.9), ("District", 390, 100, 40, 0.9),
        ("Council", 570, 100, 40, 0.9), ("|", 740, 90, 60, 0.4),
    )  # fmt: skip
    assert [c.value for c in letterhead([layout])] == ["Clee Hill District Council"]


def test_a_confident_initial_stays_in_the_name() -> None:
    """(guard) "J Tolley & Sons Ltd": an initial read with confidence is the name's."""
    layout = ocr_page(
        ("J", 100, 100, 30, 0.92), ("Tolley", 130, 100, 30, 0.9), ("&", 240, 100, 30, 0.9),
        ("Sons", 270, 100, 30, 0.9), ("Ltd", 350, 100, 30, 0.9),
    )  # fmt: skip
    assert [c.value for c in letterhead([layout])] == ["J Tolley & Sons Ltd"]


# -- dates the letter states, and those it does not ----------------------------------------


def _timeline(later: str) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "Abberley Hills Lending Ltd"),),
        (Cell(0.08, "Loan ref. AHL-55102-Q"), Cell(0.72, "Mon, 11 Jan 2027")),
        (Cell(0.08, "Your loan has been passed to our recoveries desk."),),
        (Cell(0.08, "What has happened so far"),),
        (Cell(0.08, "Thu, 03 Dec 2026"), Cell(0.35, "Statement posted")),
        (Cell(0.08, "Mon, 11 Jan 2027"), Cell(0.35, "This notice")),
        (Cell(0.08, "Tue, 09 Feb 2027"), Cell(0.35, later)),
        (Cell(0.08, "Amount outstanding"), Cell(0.6, "£2,115.30")),
        (Cell(0.08, "Please call us to talk about how you can repay."),),
    ]


def _shipped(page: list[tuple[Cell, ...]]) -> Extraction:
    truth = Truth(document_class=C.OTHER)
    sample = Sample(name="t", family="t", held_out=False, truth=truth, pages=(page,))
    return extract(
        sample_text(sample),
        sample_pages(sample),
        classifier.shipped(),
        fields_model=ranker.shipped(),
    )


def test_a_timeline_s_later_step_is_no_deadline() -> None:
    """What the writer may do next ("We will contact you again ...") on a timeline's last
    step is no date the client must keep: as shipped (the field ranker too), no deadline."""
    got = _shipped(_timeline("We will contact you again if we have not heard from you"))
    assert got.letter_date == dt.date(2027, 1, 11)
    assert got.deadline_date is None


def test_a_timeline_step_to_pay_by_is_a_deadline_with_its_weekday() -> None:
    """(the same timeline, its last step a deadline) "Tue, 09 Feb 2027  Last day to pay
    in full": a step's date after its weekday is read as the rules read steps."""
    got = found(C.CREDITOR_LETTER, _timeline("Last day to pay in full"))
    steps = [c for c in got["deadline_date"] if c.role == "a step of a timeline"]
    assert [c.value for c in steps] == [dt.date(2027, 2, 9)]
    assert best(got, "deadline_date") == dt.date(2027, 2, 9)
    assert _shipped(_timeline("Last day to pay in full")).deadline_date == dt.date(2027, 2, 9)


def test_a_labelled_deadline_is_no_weak_guess_s_letter_date() -> None:
    """The letter's own date unread (a stamp over it): the date labelled as the one to pay
    by is the deadline, not the letter's date as well (which would leave no deadline after
    it)."""
    page = [
        (Cell(0.08, "Teme Valley Gas Ltd"),),
        (Cell(0.08, "RE CE VED"), Cell(0.7, "Account 4410 2291")),
        (Cell(0.08, "Your gas bill: the total of this bill is £96.20."),),
        (Cell(0.08, "Total of this bill"), Cell(0.6, "£96.20")),
        (Cell(0.08, "Please pay this bill by"), Cell(0.6, "Fri, 19 Mar 2027")),
    ]
    got = _shipped(page)
    assert got.deadline_date == dt.date(2027, 3, 19)
    assert got.letter_date is None


# -- the writer named in the signature block --------------------------------------------------


def _signed(department: str) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.1, "V 7 k"), Cell(0.8, "Mill Street")),  # a logo OCR read as specks
        (Cell(0.08, "Mr Owain Pritchard-Bell"),),
        (Cell(0.08, "Water charges still owing"), Cell(0.6, "£301.18")),
        (Cell(0.08, "Please pay or contact us by 02 03 2027."),),
        (Cell(0.08, "Yours sincerely"),),
        (Cell(0.08, "R. Whitlow"),),
        (Cell(0.08, department),),
    ]


def test_the_writer_named_in_the_signature_block() -> None:
    """A letterhead OCR garbled names no one: the organisation in the signature block
    under the sign-off ("Arrears Desk, Onny Valley Water Ltd") is the writer."""
    got = found(C.UTILITY_ARREARS, _signed("Arrears Desk, Onny Valley Water Ltd"))
    assert best(got, "creditor_name") == "Onny Valley Water Ltd"


@pytest.mark.parametrize("department", ["Council Tax Section", "Court Office"])
def test_a_department_in_the_signature_block_is_no_writer(department: str) -> None:
    """(guard) A desk of the writer ("Council Tax Section", "Court Office") names no
    organisation."""
    got = found(C.UTILITY_ARREARS, _signed(department))
    assert [c for c in got["creditor_name"] if c.role == "signature"] == []


# -- how often, how much, and OCR's letters ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every 28 days", "four_weekly"),
        ("Paid every fourteen days", "fortnightly"),
        ("every 7 days", "weekly"),
        ("Ask for a review within one month. We pay you every 28 days.", "four_weekly"),
    ],
)
def test_how_often_in_days(text: str, expected: str) -> None:
    assert parse_frequency(text) == expected


@pytest.mark.parametrize(
    "text",
    ["You may ask us to look at it again within one month.", "Reply within 14 days", "in 28 days"],
)
def test_a_time_allowed_to_act_is_no_frequency(text: str) -> None:
    assert parse_frequency(text) is None


def test_an_award_asked_as_the_reader_s_questions() -> None:
    """ "How much will I get?" and "How often?" with their answers under them; a month to
    ask for a review is no frequency."""
    page = [
        (Cell(0.08, "Carers Support Office, Kidderminster"),),
        (Cell(0.08, "How much will I get?"),),
        (Cell(0.08, "£214.60"),),
        (Cell(0.08, "How often?"),),
        (Cell(0.08, "every 14 days"),),
        (Cell(0.08, "If you disagree, ask us to look at it again within one month."),),
    ]
    got = found(C.BENEFIT_AWARD, page)
    assert best(got, "income_pence") == 21460
    assert best(got, "frequency") == "fortnightly"


def test_a_month_s_j_read_as_f() -> None:
    assert parse_date("Dated 14/fan/2027") == dt.date(2027, 1, 14)
    assert parse_date("Hearing 3 fun 2027") == dt.date(2027, 6, 3)
    assert parse_date("We had fun 12 times") is None  # (guard) no day and year around it


def test_a_legal_form_ocr_misread_in_a_sentence() -> None:
    """ "made with Clun Forest Credit ple": the original creditor's name keeps its legal
    form, read back as "plc"."""
    page = [
        (Cell(0.08, "Radnor Debt Purchase Ltd"),),
        (Cell(0.08, "Your agreement was made with Clun Forest Credit ple and assigned to us."),),
        (Cell(0.08, "Balance assigned"), Cell(0.6, "£1,802.55")),
    ]
    got = found(C.NOTICE_OF_ASSIGNMENT, page)
    assert best(got, "original_creditor") == "Clun Forest Credit plc"


# -- a skewed scan's columns, a name read twice ---------------------------------------------


def test_a_value_a_row_lower_on_a_skewed_scan() -> None:
    """On a skewed scan a column's value falls a row lower than the next column's: the
    row between holds only other columns' cells, none over the label, so the value under
    the label is the one below that row."""
    layout = ocr_page(
        ("Teme", 100, 100, 20), ("Quarry", 180, 100, 20), ("Ltd", 300, 100, 20),
        ("GROSS", 600, 300, 20), ("THIS", 680, 300, 20), ("PAY", 750, 300, 20),
        ("TAX", 1000, 280, 20), ("THIS", 1060, 280, 20), ("PAY", 1130, 280, 20),
        ("£88.20", 1000, 320, 20),  # the next column's value, a row up
        ("£1,020.75", 600, 345, 20),
    )  # fmt: skip
    got = read_fields([layout], "", C.PAYSLIP)
    assert best(got, "gross_pence") == 102075


def test_a_value_under_another_column_s_label_is_not_taken() -> None:
    """(guard) A row with a cell over the label's column stops the search as before."""
    layout = ocr_page(
        ("Teme", 100, 100, 20), ("Quarry", 180, 100, 20), ("Ltd", 300, 100, 20),
        ("GROSS", 600, 300, 20), ("THIS", 680, 300, 20), ("PAY", 750, 300, 20),
        ("see", 600, 330, 20), ("overleaf", 650, 330, 20),
        ("£1,020.75", 600, 360, 20),
    )  # fmt: skip
    got = read_fields([layout], "", C.PAYSLIP)
    assert best(got, "gross_pence") is None


def test_a_name_read_twice_one_letter_apart() -> None:
    """The letterhead's "Burnley" read "Bumley" (less surely) and the footer's right: the
    surer spelling, where it stands with the name's other words."""
    layout = ocr_page(
        ("Bumley", 100, 100, 30, 0.81), ("Vale", 205, 100, 30, 0.95),
        ("Borough", 280, 100, 30, 0.95), ("Council", 400, 100, 30, 0.95),
        ("Council", 100, 500, 20, 0.95), ("Tax", 180, 500, 20, 0.95),
        ("overdue", 240, 500, 20, 0.95),
        ("Burnley", 100, 1500, 18, 0.96), ("Vale", 200, 1500, 18, 0.96),
        ("Borough", 280, 1500, 18, 0.96), ("Council,", 380, 1500, 18, 0.96),
        ("Town", 500, 1500, 18, 0.96), ("Hall", 560, 1500, 18, 0.96),
    )  # fmt: skip
    got = read_fields([layout], "", C.COUNCIL_TAX)
    assert best(got, "creditor_name") == "Burnley Vale Borough Council"


def test_a_name_read_once_stays_as_read() -> None:
    """(guard) Without the other spelling beside the name's other words, nothing
    changes ("Bumley" alone elsewhere does not rename it)."""
    layout = ocr_page(
        ("Bumley", 100, 100, 30, 0.81), ("Vale", 205, 100, 30, 0.95),
        ("Borough", 280, 100, 30, 0.95), ("Council", 400, 100, 30, 0.95),
        ("Burnley", 100, 1500, 18, 0.96), ("Road", 200, 1500, 18, 0.96),
    )  # fmt: skip
    got = read_fields([layout], "", C.COUNCIL_TAX)
    assert best(got, "creditor_name") == "Bumley Vale Borough Council"
