"""Kinds of reading added in round 17 of the reader (issue 14), from the misses of G, each
on wording and layouts unlike every corpus family: the test checks the *kind* of rule — a
definitions clause ('"the Claimant" means …;') read as labels, and its terms read as their
values where the body uses them; a self-mailer's panel (the tear-off strip, the post's
return address) over the letter, so that the writer names itself lower than the page's
top quarter; a table's frame that Tesseract takes whole for a picture, the figures inside
it read again on their own; a letter from an enforcer, or telling of a judgment, that the
word model reads as other; an amount whose first figure OCR read as a letter — not a
family's phrase. Perfect text (exact word boxes), or
Tesseract's results made up as it gives them (no Tesseract run)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PIL import Image
from tests.unit.documents.reading_support import one_page
from tests.unit.documents.reading_support import read_by_rules as _read
from tests.unit.documents.test_reading_kinds_r10 import best
from tests.unit.documents.test_reading_kinds_r14 import found

from cma_adapters.rules_assistant.assistant import refine_class
from cma_adapters.rules_assistant.corpus import Cell, sample_pages, sample_text
from cma_adapters.rules_assistant.fields_kinds import defined_terms
from cma_adapters.rules_assistant.layout import page_layout
from cma_adapters.rules_assistant.structures import letterhead
from cma_adapters.rules_assistant.values import parse_money
from cma_adapters.tesseract import extractor as tesseract_extractor
from cma_core.documents.model import DocumentClass

C = DocumentClass


# -- a definitions clause --------------------------------------------------------------------


def _defined(*definitions: str, body: str) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "KENTMERE AND SHAP COUNTY COURT", bold=True),),
        (Cell(0.08, "Lowther Street, Penrith CA11 7YD"),),
        (Cell(0.08, "Miss Ffion Castellano-Birch"),),
        (Cell(0.08, "14 Rydal Mount Close"),),
        (Cell(0.08, "Issued:"), Cell(0.3, "3 March 2027")),
        (Cell(0.08, "Definitions used below"),),
        *((Cell(0.08, f"1.{i}"), Cell(0.16, d)) for i, d in enumerate(definitions, 1)),
        (Cell(0.08, body),),
        (Cell(0.08, "Court Office"),),
    ]


def test_a_definitions_clause_names_the_claimant_and_the_dates() -> None:
    """'"Claimant" means …;' is the claimant's label and value; a date defined as "the
    Final Date for Reply" is read where the body uses it ("must reply by the Final Date
    for Reply"), and "the Date of Deemed Service" as the served date."""
    page = _defined(
        '"Claim No." means L7QT4410;',
        '"Claimant" means Mardale Van Leasing Limited;',
        '"the Amount Claimed" means £2,310.75;',
        '"the Date of Deemed Service" means 8 March 2027;',
        '"the Final Date for Reply" means 22 March 2027.',
        body="The Claimant has started a money claim against you for the Amount Claimed. You "
        "must reply by the Final Date for Reply or judgment may be entered against you.",
    )
    got = _read(page)
    assert got.document_class is C.COURT_CLAIM_N1
    assert got.creditor_name == "Mardale Van Leasing Limited"
    assert got.deadline_date == dt.date(2027, 3, 22)
    assert got.served_date == dt.date(2027, 3, 8)


def test_a_defined_term_reads_as_its_value_in_a_sentence() -> None:
    """A term that is no label of its own ("the Joiner") is read where a sentence uses it:
    "We are instructed by the Joiner" names the writer's client, a sentence the rules read
    with a name in it."""
    page = [
        (Cell(0.08, "BROTHERSWATER LEGAL LLP", bold=True),),
        (Cell(0.08, "Miss Ffion Castellano-Birch"),),
        (Cell(0.08, "Dated:"), Cell(0.3, "3 March 2027")),
        (Cell(0.08, "LETTER BEFORE ACTION"),),
        (Cell(0.08, "(i)"), Cell(0.16, '"the Joiner" means Hartsop Joinery Limited;')),
        (Cell(0.08, "(ii)"), Cell(0.16, '"the Invoice Sum" means £1,904.00;')),
        (Cell(0.08, "We are instructed by the Joiner to recover the Invoice Sum from you."),),
        (Cell(0.08, "Unless we hear from you within 30 days we may issue a claim."),),
    ]
    sample = one_page(page)
    layouts = [defined_terms(page_layout(p)) for p in sample_pages(sample)]
    rows = [" | ".join(c.text for c in row) for row in layouts[0].rows]
    assert "(i) | Joiner: Hartsop Joinery Limited" in rows
    assert "We are instructed by Hartsop Joinery Limited to recover £1,904.00 from you." in rows
    assert _read(page).creditor_name == "Hartsop Joinery Limited"


def test_what_is_not_a_definition_is_left_alone() -> None:
    """(guard) A quotation that is no definition ('"Breathing Space" is a scheme …'), a
    definition of a lower-case word, and a term's possessive ("the Claimant's address",
    which names another thing) change nothing."""
    page = [
        (Cell(0.08, "Mardale Van Leasing Limited"),),
        (Cell(0.08, '"Breathing Space" is a scheme that pauses interest.'),),
        (Cell(0.08, "(a)"), Cell(0.16, '"claimant" means any person who sues;')),
        (Cell(0.08, "(b)"), Cell(0.16, '"the Lessor" means Mardale Van Leasing Limited;')),
        (Cell(0.08, "Write to the Lessor's address, not to the Lessor's agent."),),
    ]
    layout = defined_terms(page_layout(sample_pages(one_page(page))[0]))
    rows = [" | ".join(c.text for c in row) for row in layout.rows]
    assert rows[1] == '"Breathing Space" is a scheme that pauses interest.'
    assert rows[2] == '(a) | "claimant" means any person who sues;'
    assert rows[3] == "(b) | Lessor: Mardale Van Leasing Limited"
    assert rows[4] == "Write to the Lessor's address, not to the Lessor's agent."


def test_a_page_without_definitions_is_the_same_layout() -> None:
    """(guard) No definitions clause: the layout itself comes back."""
    page = [(Cell(0.08, "Mardale Van Leasing Limited"),), (Cell(0.08, "Balance £10.00"),)]
    layout = page_layout(sample_pages(one_page(page))[0])
    assert defined_terms(layout) is layout


# -- a self-mailer's panel over the letter ----------------------------------------------------


def _mailer(panel: str) -> list[tuple[Cell, ...]]:
    return [
        (Cell(0.08, "- - - - - - - - - - - - - - - - - - - - - -"),),
        (Cell(0.08, panel),),
        (Cell(0.08, "Ms Ines Varga-Holloway"),),
        (Cell(0.08, "71 Stonethwaite Row"),),
        (Cell(0.08, "Keswick"),),
        (Cell(0.08, "CA12 5XQ"),),
        (Cell(0.08, "- - - - - - - - - - - - - - - - - - - - - -"),),
        (Cell(0.4, "Postage paid GB"),),
        (Cell(0.4, "Second class"),),
        (Cell(0.4, "Sorted at Carlisle MC"),),
        (Cell(0.08, "- - - - - - - - - - - - - - - - - - - - - -"),),
        (Cell(0.08, "Borrowdale Parish Council"), Cell(0.7, "2 April 2027")),
        (Cell(0.08, "Council tax account 55120931"),),
        (Cell(0.08, "Dear Ms Varga-Holloway,"),),
        (Cell(0.08, "Your council tax of £208.40 is overdue. Please pay by 16 April 2027."),),
    ]


def test_the_writer_under_a_self_mailer_s_panel() -> None:
    """A self-mailer (its tear-off strip, "If undelivered, return to …") puts the letter
    proper under the address panel: the writer's name there, above the salutation but
    below the page's top quarter, is its letterhead."""
    page = _mailer("Open here - If undelivered, return to PO Box 220, Keswick CA12 4ZZ")
    layouts = [page_layout(p) for p in sample_pages(one_page(page))]
    layout = layouts[0]
    r = next(r for r, row in enumerate(layout.rows) if row[0].text.startswith("Borrowdale"))
    assert layout.row_tops[r] > 0.25 * layout.height  # (below the top quarter)
    names = [c.value for c in letterhead(layouts)]
    assert "Borrowdale Parish Council" in names
    assert _read(page).creditor_name == "Borrowdale Parish Council"


def test_no_panel_keeps_the_top_quarter() -> None:
    """(guard) The same page with no mailer's panel: the top quarter only, as before."""
    page = _mailer("Private and confidential")
    layouts = [page_layout(p) for p in sample_pages(one_page(page))]
    assert "Borrowdale Parish Council" not in [c.value for c in letterhead(layouts)]


# -- a table's frame taken for a picture (Tesseract) -----------------------------------------


def _tsv(*words: tuple[str, int, int, int, int, int]) -> dict[str, list[Any]]:
    """Tesseract's TSV as columns: (text, left, top, width, height, block) a word."""
    out: dict[str, list[Any]] = {
        k: []
        for k in ("level", "page_num", "block_num", "par_num", "line_num", "word_num",
                  "left", "top", "width", "height", "conf", "text")
    }  # fmt: skip
    for n, (text, left, top, width, height, block) in enumerate(words, 1):
        row = (5, 1, block, 1, n, 1, left, top, width, height, 95.0, text)
        for key, value in zip(out, row, strict=True):
            out[key].append(value)
    return out


def test_the_figures_in_a_frame_tesseract_took_for_a_picture(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tesseract read the labels of a boxed table but took the box for a picture (one
    empty word the size of the frame), losing the figures: the frame is read again on its
    own as a block of text, and the words the first reading lacked are added where they
    are printed."""
    first = _tsv(
        ("Wages", 100, 100, 120, 30, 1),
        ("Basic", 130, 420, 90, 25, 2),
        ("Total", 130, 470, 90, 25, 2),
        (" ", 110, 400, 700, 200, 3),  # (the frame)
    )
    again = _tsv(("Basic", 20, 20, 90, 25, 1), ("612.40", 480, 20, 110, 25, 1),
                 ("Total", 20, 70, 90, 25, 1), ("655.10", 480, 70, 110, 25, 1))  # fmt: skip
    calls: list[int | None] = []

    def tsv(self: object, number: int, image: bytes, dpi: int | None, *, psm: int | None = None):
        calls.append(psm)
        return first if psm is None else again

    monkeypatch.setattr(tesseract_extractor.TesseractTextExtractor, "_tsv", tsv)
    page = tesseract_extractor.TesseractTextExtractor()._tesseract(
        1, Image.new("L", (1000, 1400), 255), 150
    )
    assert calls == [None, 6]
    placed = {w.text: (w.box.left, w.box.top) for w in page.words}
    assert placed["612.40"] == (590, 420)
    assert placed["655.10"] == (590, 470)
    assert [w.text for w in page.words].count("Basic") == 1  # (read the first time)


def test_a_page_with_no_frame_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """(guard) An empty word no bigger than a rule or a speck is no frame: one run."""
    first = _tsv(("Wages", 100, 100, 120, 30, 1), (" ", 100, 300, 800, 4, 2))
    calls: list[int | None] = []

    def tsv(self: object, number: int, image: bytes, dpi: int | None, *, psm: int | None = None):
        calls.append(psm)
        return first

    monkeypatch.setattr(tesseract_extractor.TesseractTextExtractor, "_tsv", tsv)
    tesseract_extractor.TesseractTextExtractor()._tesseract(
        1, Image.new("L", (1000, 1400), 255), 150
    )
    assert calls == [None]
    assert best({"x": []}, "x") is None


# -- an enforcer's letter the word model reads as other ----------------------------------------


def _enforcer(*rows: tuple[Cell, ...]) -> tuple[dict[str, list[Any]], str]:
    page = [
        (Cell(0.08, "FAX TRANSMISSION", bold=True),),
        (Cell(0.08, "To:"), Cell(0.3, "Mr Dafydd Oakes-Ferrante")),
        (Cell(0.08, "Sheets:"), Cell(0.3, "2 with this one")),
        (Cell(0.08, "Kielder Valley Bailiffs Ltd"),),
        *rows,
    ]
    sample = one_page(page)
    return found(C.OTHER, page), sample_text(sample)


def test_an_enforcer_s_letter_read_as_other_is_an_enforcement_notice() -> None:
    """A cover sheet before it and little wording the word model knows: read as other, a
    letter from an enforcer (bailiffs, sheriff officers, enforcement agents) that states an
    amount under its label is an enforcement notice."""
    got, text = _enforcer(
        (Cell(0.08, "Warrant ref"), Cell(0.5, "KVB-30192")),
        (Cell(0.08, "Sum now payable"), Cell(0.5, "£611.20")),
        (Cell(0.08, "Creditor"), Cell(0.5, "Tynedale District Council")),
    )
    assert refine_class(C.OTHER, got, text) is C.ENFORCEMENT_AGENT_NOTICE


def test_an_enforcer_named_with_no_amount_stays_other() -> None:
    """(guard) A leaflet about bailiffs that asks for no sum stays other."""
    got, text = _enforcer((Cell(0.08, "What bailiffs can and cannot do: a guide"),))
    assert refine_class(C.OTHER, got, text) is C.OTHER


def _judged(*rows: tuple[Cell, ...]) -> tuple[dict[str, list[Any]], str]:
    page = [
        (Cell(0.08, "Forwarded message"),),
        (Cell(0.08, "From:"), Cell(0.25, "Court Office, Berwick <office@court.example>")),
        (Cell(0.08, "Subject:"), Cell(0.25, "Your case")),
        *rows,
        (Cell(0.08, "Claimant"), Cell(0.4, "Coquet Estuary Lettings Ltd")),
    ]
    return found(C.OTHER, page), sample_text(one_page(page))


def test_a_judgment_told_in_an_e_mail_read_as_other() -> None:
    """Read as other (an e-mail's wording), a message that tells of a judgment given
    against the reader for an amount under its label is a county court judgment."""
    got, text = _judged(
        (Cell(0.08, "A judgment was given against you on 2 March 2027."),),
        (Cell(0.08, "Amount"), Cell(0.4, "£1,118.40")),
    )
    assert refine_class(C.OTHER, got, text) is C.COUNTY_COURT_JUDGMENT


def test_a_judgment_paid_in_full_stays_other() -> None:
    """(guard) A judgment that has been paid in full asks for nothing: other."""
    got, text = _judged(
        (Cell(0.08, "The judgment has been paid in full and marked as satisfied."),),
        (Cell(0.08, "Amount"), Cell(0.4, "£1,118.40")),
    )
    assert refine_class(C.OTHER, got, text) is C.OTHER


# -- an amount whose first figure OCR read as a letter ------------------------------------------


@pytest.mark.parametrize("text", ["Take-home S31.06", "B02.15", "Amount due: O48.90 now"])
def test_an_amount_whose_first_figure_ocr_read_as_a_letter(text: str) -> None:
    """ "S31.06" (OCR's 531.06), "B02.15" (802.15): the figures after the letter are not
    the amount; none is read from them (the same amount said elsewhere is read there)."""
    assert parse_money(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("GBP531.06", 53106), ("Total E531.06", 53106), ("Tips5.00", 500), ("£531.06", 53106)],
)
def test_a_currency_or_a_word_before_the_figures_still_reads(text: str, expected: int) -> None:
    """(guard) "GBP" and OCR's "E" for "£" are the currency; a word run into the figures
    is no lone letter."""
    assert parse_money(text) == expected


def test_the_take_home_pay_said_in_a_sentence_when_the_table_s_was_misread() -> None:
    """A payslip whose table's net pay OCR misread ("S31.06") and which says it in a
    sentence too: the sentence's amount is the income, not the misread one's rest."""
    page = [
        (Cell(0.08, "Ullswater Boatyard Ltd"),),
        (Cell(0.08, "Payslip: Mr Rhodri Quennell-Adeyinka"), Cell(0.6, "Paid 4 weekly")),
        (Cell(0.08, "Gross earnings"), Cell(0.5, "688.40")),
        (Cell(0.08, "Tax"), Cell(0.5, "101.20")),
        (Cell(0.08, "Take-home pay"), Cell(0.5, "S31.06")),
        (Cell(0.08, "Your take-home pay of £531.06 goes to your bank on 28 May 2027."),),
    ]
    got = found(C.PAYSLIP, page)
    assert best(got, "income_pence") == 53106
