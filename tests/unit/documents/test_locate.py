"""Values read by an assistant that gives no positions (a chat model reads text only) are
boxed where the page prints them (``documents.locate``), so the adviser can check each one
against the page as for the rule-based reader."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
import pytest
from tests.unit.documents.test_documents_service import make_world, open_case, png

from cma_core.documents.locate import locate_evidence, read_confidences
from cma_core.documents.model import (
    HARD_TO_READ_BELOW,
    SUGGESTION_FIELDS,
    UNSURE_CHOICE_BELOW,
    Box,
    DocumentClass,
    DocumentId,
    Extraction,
    FieldEvidence,
    PageSource,
    PageText,
    Suggestion,
    SuggestionId,
    SuggestionKind,
    Word,
    made_of,
)
from cma_core.shared.ids import CaseId, CentreId


def line(y: int, *texts: str, x: int = 100, number: int = 0) -> list[Word]:
    """Words set left to right on one line at height ``y``, 20 px a letter, 10 between."""
    out = []
    for text in texts:
        out.append(
            Word(text=text, box=Box(left=x, top=y, width=20 * len(text), height=30), line=number)
        )
        x += 20 * len(text) + 10
    return out


def page(number: int, *lines: list[Word]) -> PageText:
    words = tuple(w for ln in lines for w in ln)
    return PageText(
        number=number, text=" ".join(w.text for w in words), confidence=0.9, words=words
    )


def read(**values: object) -> Extraction:
    return Extraction(
        document_class=DocumentClass.CREDITOR_LETTER, confidence=0.9, source="openai:test", **values
    )  # type: ignore[arg-type]


def box_of(*words: Word) -> Box:
    left, top = min(w.box.left for w in words), min(w.box.top for w in words)
    right, bottom = max(w.box.right for w in words), max(w.box.bottom for w in words)
    return Box(left=left, top=top, width=right - left, height=bottom - top)


LETTERHEAD = line(100, "Tyneside", "Water", "Services", "Ltd.")
DATED = line(200, "Friday,", "4th", "December", "2026")
REF = line(300, "Your", "account:", "TW", "0041", "7788")
OWED = line(400, "Balance", "owed", "£1", "4,741.79", "at", "2026")
REPLY = line(500, "Please", "reply", "by", "18/12/26", number=1)
FOOTER = line(900, "Tyneside", "Water", "Services", "Ltd.", "registered", "office", number=2)


def test_each_value_is_boxed_by_the_words_that_print_it_in_any_usual_shape() -> None:
    pages = [page(1, LETTERHEAD, DATED, REF, OWED), page(2, REPLY, FOOTER)]
    extraction = read(
        creditor_name="Tyneside Water Services Ltd",
        account_reference="TW00417788",
        balance_pence=1_474_179,
        letter_date=dt.date(2026, 12, 4),
        deadline_date=dt.date(2026, 12, 18),
    )
    found = {e.field: e for e in locate_evidence(extraction, pages)}
    assert all(e.chosen for e in found.values())
    # The letterhead, not the footer's same name: the first place in reading order.
    assert (found["creditor_name"].page, found["creditor_name"].box) == (1, box_of(*LETTERHEAD))
    # The date's words only, not the weekday before it.
    assert found["letter_date"].box == box_of(*DATED[1:])
    assert found["account_reference"].box == box_of(*REF[2:])
    # An amount split by OCR after its first figure is still the amount.
    assert found["balance_pence"].box == box_of(*OWED[2:4])
    assert found["balance_pence"].value == "£14,741.79"
    assert (found["deadline_date"].page, found["deadline_date"].box) == (2, box_of(REPLY[3]))


def test_a_value_printed_nowhere_keeps_no_box_and_a_year_is_no_sum() -> None:
    pages = [page(1, LETTERHEAD, OWED)]
    # £2,026.00 is not the year "2026": a bare whole number is a count or a year.
    found = {
        e.field: e
        for e in locate_evidence(
            read(balance_pence=202_600, creditor_name="Wear Valley Homes"), pages
        )
    }
    assert (found["balance_pence"].page, found["balance_pence"].box) == (1, None)
    assert found["creditor_name"].box is None


def test_lines_are_found_by_position_when_the_extractor_gives_no_line_numbers() -> None:
    # Two columns at the same height, words given out of order (as a layout reader may).
    left = line(300, "Claim", "number", x=100)
    right = line(302, "K4QZ", "1187", x=900)
    words = (right[1], left[0], right[0], left[1])
    pages = [PageText(number=1, text="", confidence=0.9, words=words)]
    [claim] = locate_evidence(read(court_claim_number="K4QZ1187"), pages)
    assert claim.box == box_of(*right)


async def test_an_assistant_without_positions_gets_its_values_boxed_on_the_page() -> None:
    world = make_world()
    ctx, case_id = await open_case(world)
    data = png(7)
    world.extractor.register_pages(data, page(1, LETTERHEAD, DATED, REF, OWED))
    world.assistant._extractions.append(
        read(creditor_name="Tyneside Water Services Ltd", balance_pence=1_474_179)
    )
    await world.documents.upload(ctx, case_id, filename="letter.png", data=data)
    await world.run_jobs()
    [suggestion] = (await world.documents.list_suggestions(ctx, case_id)).items
    boxes = {e.field: e.box for e in suggestion.evidence}
    assert boxes == {"creditor_name": box_of(*LETTERHEAD), "balance_pence": box_of(*OWED[2:4])}


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        (("£***4,922.94",), 492_294),  # a protected amount
        (("GBP", "4,922.94."), 492_294),  # a code, and the sentence's full stop
        (("£4,922·94",), 492_294),  # a raised point
        (("£4,922-94",), 492_294),  # a dash for the point
        (("£4922.9",), 492_290),  # one figure of pence
        (("4,922", "94"), 492_294),  # pounds and pence in columns of their own
        (("the", "18th", "day", "of", "December", "2026"), dt.date(2026, 12, 18)),
        (("18.XII.2026",), dt.date(2026, 12, 18)),  # a Roman month
        (("18", "Dec", "26"), dt.date(2026, 12, 18)),
        (("2026-12-18",), dt.date(2026, 12, 18)),  # ISO, as on statements
        (("December", "18,", "2026"), dt.date(2026, 12, 18)),
    ],
)
def test_the_usual_printed_shapes_of_an_amount_or_a_date_are_found(
    printed: tuple[str, ...], value: object
) -> None:
    words = line(300, "Printed:", *printed, "here")
    field = "balance_pence" if isinstance(value, int) else "letter_date"
    [found] = locate_evidence(read(**{field: value}), [page(1, words)])
    assert found.box is not None
    assert found.box.left > words[0].box.right  # not the label
    assert found.box.right < words[-1].box.left  # nor the word after


def test_a_name_wrapped_to_the_next_line_is_boxed_across_the_break() -> None:
    first = line(300, "the", "debt", "you", "owe", "to", "Calverley", number=1)
    second = line(340, "Portfolio", "Holdings", "Ltd", "has", "been", number=2)
    [found] = locate_evidence(
        read(creditor_name="Calverley Portfolio Holdings Ltd"), [page(1, first, second)]
    )
    assert found.box == box_of(first[-1], *second[:3])


def sure(words: list[Word], *confidences: float) -> list[Word]:
    """``words`` as read with these OCR confidences, in order."""
    return [attrs.evolve(w, confidence=c) for w, c in zip(words, confidences, strict=True)]


def test_a_value_is_as_sure_as_the_least_sure_of_its_words_with_letters_or_figures() -> None:
    ref = sure(line(300, "Your", "account:", "TW", "0041", "7788"), 0.95, 0.95, 0.91, 0.52, 0.88)
    owed = sure(line(400, "Balance", "£", "1,474.79"), 0.96, 0.31, 0.93)
    pages = [page(1, LETTERHEAD, ref, owed)]
    located = locate_evidence(read(account_reference="TW00417788", balance_pence=147_479), pages)
    by_field = {e.field: e for e in read_confidences(located, pages)}
    assert by_field["account_reference"].read_confidence == 0.52
    assert by_field["account_reference"].hard_to_read
    # A lone "£" read unsurely says nothing of the figures beside it.
    assert by_field["balance_pence"].read_confidence == 0.93
    assert not by_field["balance_pence"].hard_to_read


def test_a_text_layer_or_an_unboxed_value_has_no_read_confidence() -> None:
    words = sure(line(300, "TW", "0041", "7788"), 0.2, 0.2, 0.2)
    layer = attrs.evolve(page(1, words), source=PageSource.TEXT_LAYER)
    boxed = FieldEvidence(field="account_reference", value="TW00417788", page=1, box=box_of(*words))
    unboxed = attrs.evolve(boxed, box=None)
    assert [e.read_confidence for e in read_confidences([boxed, unboxed], [layer])] == [None, None]
    [ocr] = read_confidences([boxed], [page(1, words)])
    assert ocr.read_confidence == 0.2
    assert ocr.hard_to_read
    assert not attrs.evolve(ocr, read_confidence=HARD_TO_READ_BELOW).hard_to_read


async def test_the_adviser_is_told_which_values_the_scan_made_hard_to_read() -> None:
    world = make_world()
    ctx, case_id = await open_case(world)
    data = png(8)
    ref = sure(line(300, "Your", "account:", "TW", "0041", "7788"), 0.95, 0.95, 0.91, 0.41, 0.88)
    world.extractor.register_pages(data, page(1, LETTERHEAD, ref, OWED))
    world.assistant._extractions.append(
        read(creditor_name="Tyneside Water Services Ltd", account_reference="TW00417788")
    )
    await world.documents.upload(ctx, case_id, filename="letter.png", data=data)
    await world.run_jobs()
    [suggestion] = (await world.documents.list_suggestions(ctx, case_id)).items
    hard = {e.field: e.hard_to_read for e in suggestion.evidence}
    assert hard == {"creditor_name": False, "account_reference": True}
    assert suggestion.fields_to_check == ("account_reference",)


def test_a_suggestion_counts_only_the_values_it_is_made_of() -> None:
    """Every kind names its fields; one no kind names (the original creditor) belongs to
    every kind; alternatives passed over and values read surely never count."""
    assert set(SUGGESTION_FIELDS) == set(SuggestionKind)
    assert made_of(SuggestionKind.NEW_DEBT, "balance_pence")
    assert not made_of(SuggestionKind.NEW_DEBT, "deadline_date")
    assert made_of(SuggestionKind.COURT_CLAIM_DEADLINE, "court_claim_number")
    assert not made_of(SuggestionKind.COURT_CLAIM_DEADLINE, "balance_pence")
    assert made_of(SuggestionKind.NEW_INCOME, "gross_pence")
    assert made_of(SuggestionKind.RESPONSE_DEADLINE, "original_creditor")

    def ev(field: str, sure: float | None, chosen: bool = True) -> FieldEvidence:
        return FieldEvidence(field=field, value="v", page=1, chosen=chosen, read_confidence=sure)

    evidence = (
        ev("deadline_date", 0.2),
        ev("balance_pence", 0.3),
        ev("original_creditor", 0.5),
        ev("letter_date", 0.69),
        ev("creditor_name", 0.1, chosen=False),
        ev("account_reference", 0.7),  # at the threshold: not hard to read
        ev("court_claim_number", None),
    )
    debt = Suggestion(
        id=SuggestionId(uuid.uuid4()), centre_id=CentreId(uuid.uuid4()),
        case_id=CaseId(uuid.uuid4()), document_id=DocumentId(uuid.uuid4()),
        kind=SuggestionKind.NEW_DEBT, title="Add debt", confidence=0.9, source="rules",
        created_at=dt.datetime(2026, 12, 8, tzinfo=dt.UTC), evidence=evidence,
    )  # fmt: skip
    assert debt.fields_to_check == ("balance_pence", "original_creditor")
    deadline = attrs.evolve(debt, kind=SuggestionKind.RESPONSE_DEADLINE)
    assert deadline.fields_to_check == ("deadline_date", "original_creditor", "letter_date")


def test_a_choice_the_reader_was_unsure_of_is_to_check_as_well() -> None:
    """The ranker's probability under UNSURE_CHOICE_BELOW: to check, however clear the
    print; no probability (rules alone, a language model): never an unsure choice."""
    clear = FieldEvidence(field="balance_pence", value="£1.00", page=1, chosen=True,
                          read_confidence=0.98)  # fmt: skip
    assert not clear.to_check
    unsure = attrs.evolve(clear, choice_confidence=round(UNSURE_CHOICE_BELOW - 0.01, 2))
    assert (unsure.unsure_choice, unsure.hard_to_read, unsure.to_check) == (True, False, True)
    assert not attrs.evolve(clear, choice_confidence=UNSURE_CHOICE_BELOW).to_check
    assert not attrs.evolve(clear, choice_confidence=None).unsure_choice
    # an alternative passed over is not a choice: its low probability is no doubt
    assert not attrs.evolve(unsure, chosen=False).unsure_choice
    smudged = attrs.evolve(clear, read_confidence=0.2, choice_confidence=0.95)
    assert (smudged.unsure_choice, smudged.hard_to_read, smudged.to_check) == (False, True, True)
