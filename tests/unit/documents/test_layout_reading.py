"""The embedded assistant's reading, without Tesseract: words with exact boxes from the
generated corpus ("perfect OCR"), so layout, scoring and classification are tested on
their own. The OCR path is in tests/integration/ocr/test_generalisation.py."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from cma_adapters.rules_assistant import RuleBasedAssistant, classifier
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import (
    Cell,
    Sample,
    Score,
    Truth,
    build_corpus,
    sample_pages,
    sample_text,
    score,
)
from cma_core.documents.model import DocumentClass, Extraction

C = DocumentClass


async def read(sample: Sample) -> Extraction:
    return await RuleBasedAssistant().classify_and_extract(
        sample_text(sample), sample_pages(sample)
    )


def one_page(cls: DocumentClass, *rows: tuple[Cell, ...]) -> Sample:
    return Sample(
        name="t", family="t", held_out=False, truth=Truth(document_class=cls), pages=(list(rows),)
    )


async def test_value_beside_below_and_in_the_label_cell() -> None:
    sample = one_page(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Kestrel Lending Limited"),),
        (Cell(0.08, "Your account is in arrears. We have not received payment."),),
        (Cell(0.08, "Account no"), Cell(0.45, "KL-55102938")),
        (Cell(0.08, "Date issued", True), Cell(0.52, "Balance owed", True)),
        (Cell(0.08, "4 March 2026"), Cell(0.52, "£1,204.50")),
        (Cell(0.08, "Please pay by: 25 March 2026"),),
        (
            Cell(0.08, "Sort code"),
            Cell(0.3, "40-11-62"),
            Cell(0.5, "Account number"),
            Cell(0.7, "71530094"),
        ),
    )
    got = await read(sample)
    assert got.account_reference == "KL-55102938"  # not the bank account in the pay box
    assert got.balance_pence == 120450
    assert got.letter_date == dt.date(2026, 3, 4)
    assert got.deadline_date == dt.date(2026, 3, 25)
    assert got.creditor_name == "Kestrel Lending Limited"
    chosen = {e.field: e for e in got.evidence if e.chosen}
    assert chosen["balance_pence"].page == 1
    assert chosen["balance_pence"].box is not None
    assert chosen["balance_pence"].label == "Balance owed"
    bank = [e for e in got.evidence if e.field == "account_reference" and e.value == "71530094"]
    assert not bank or not bank[0].chosen


async def test_agent_letter_keeps_both_names_with_roles() -> None:
    sample = one_page(
        C.ENFORCEMENT_AGENT_NOTICE,
        (Cell(0.08, "Fenwick Recoveries Ltd"),),
        (Cell(0.08, "NOTICE OF ENFORCEMENT: enforcement agent, taking control of goods"),),
        (Cell(0.08, "On behalf of: Rother District Council"),),
        (Cell(0.08, "Instalment amount £45.00"),),
        (Cell(0.08, "Total now due £612.80"),),
    )
    got = await read(sample)
    assert got.creditor_name == "Rother District Council"
    assert got.balance_pence == 61280
    names = {e.value: e for e in got.evidence if e.field == "creditor_name"}
    assert names["Rother District Council"].chosen
    assert names["Fenwick Recoveries Ltd"].role == "collection agent"
    amounts = {e.value: e for e in got.evidence if e.field == "balance_pence"}
    assert amounts["£45.00"].role == "instalment"
    assert not amounts["£45.00"].chosen


async def test_letter_date_beats_a_date_in_the_body() -> None:
    sample = one_page(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Acme Loans Ltd"),),
        (Cell(0.62, "12 Jun 2026"),),
        (Cell(0.08, "We have not received the payment due on 1 May 2026 on your loan account."),),
        (Cell(0.08, "Outstanding balance: £300.00"),),
    )
    got = await read(sample)
    assert got.letter_date == dt.date(2026, 6, 12)
    roles = {e.value: e.role for e in got.evidence if e.field == "letter_date"}
    assert roles.get("2026-05-01") == "date in the body"


def test_json_model_reproduces_scikit_learn() -> None:
    """The server's standard-library inference gives scikit-learn's probabilities."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    samples = build_corpus(1, seed=3, held_out=False)
    texts = [sample_text(s) for s in samples]
    labels = [s.truth.document_class.value for s in samples]
    result = classifier.train(texts, labels, version="t", max_features=300, c=2.0)
    vectoriser = TfidfVectorizer(
        analyzer=classifier.terms, sublinear_tf=True, min_df=2, max_features=300,
    )  # fmt: skip
    model = LogisticRegression(C=2.0, max_iter=2000).fit(vectoriser.fit_transform(texts), labels)
    for text in random.Random(1).sample(texts, 8):
        expected = model.predict_proba(vectoriser.transform([text]))[0]
        got = result.model.probabilities(text)
        for cls, p in zip(model.classes_, expected, strict=True):
            # Coefficients are stored to 1/1000: probabilities agree to ~1e-2.
            assert got[str(cls)] == pytest.approx(p, abs=0.02)


def test_features_are_words_pairs_characters_and_line_starts() -> None:
    got = classifier.terms("Overpaid tax credits\nRef 123", 2)
    assert {"overpaid", "overpaid tax", "#ove", "#rpaid", "^overpaid", "^ref"} <= set(got)
    assert "#000" not in " ".join(got)  # numbers (folded to 0) give no character pieces
    assert classifier.terms("Overpaid tax", 1) == ["overpaid", "tax", "overpaid tax"]


def test_shipped_model_loads_and_says_its_version() -> None:
    model = classifier.shipped()
    assert model is not None
    assert model.version
    assert set(model.classes) == {c.value for c in DocumentClass}
    assert model.report["held_out"] > 0


def test_low_confidence_says_check_the_document_type() -> None:
    from cma_core.documents.rules import CHECK_TYPE_BELOW

    assert 0.35 < CHECK_TYPE_BELOW <= 0.7


# Held-out families H and K were measured before any tuning (benchmarks/OCR.md, rounds
# 1-3), but they are no longer blind: K's claim-number and income rows were read in round
# 3, and in round 4 every H and K miss was read to find its *kind* of failure (label
# vocabulary, role words, prose deadlines, class cues). The kinds are tested on letters
# of their own wording above; an honest held-out figure now needs a family written after
# these rules (family L, kept apart). Floors: measured (100% on perfect text, 4 per
# family) minus a margin.
HELD_FLOORS = {
    family: {
        "document_class": 0.97,
        "creditor_name": 0.95,
        "original_creditor": 0.95,
        "account_reference": 0.95,
        "balance_pence": 0.95,
        "letter_date": 0.95,
        "deadline_date": 0.95,
        "court_claim_number": 0.95,
        "payer_name": 0.95,
        "income_pence": 0.95,
        "frequency": 0.95,
    }
    for family in ("H", "K")
}


def read_now(sample: Sample) -> Extraction:
    return extract(sample_text(sample), sample_pages(sample), classifier.shipped())


@pytest.fixture(scope="module")
def held_scores() -> dict[str, Score]:
    return {
        family: score(
            [(s, read_now(s)) for s in build_corpus(4, seed=99, held_out=True, only=family)]
        )
        for family in HELD_FLOORS
    }


def test_held_out_families_meet_the_floors(held_scores: dict[str, Score]) -> None:
    for family, floors in HELD_FLOORS.items():
        print("\n" + held_scores[family].table(f"held-out family {family}, perfect text"))
        for field, floor in floors.items():
            assert (held_scores[family].accuracy(field) or 0) >= floor, (family, field)


def test_seen_families_are_read() -> None:
    samples = build_corpus(2, seed=5, held_out=False)
    result = score([(s, read_now(s)) for s in samples])
    print("\n" + result.table("seen families, perfect text"))
    assert (result.accuracy("document_class") or 0) >= 0.95
    for field in ("creditor_name", "account_reference", "balance_pence", "letter_date"):
        assert (result.accuracy(field) or 0) >= 0.9, field


def test_calibrated_confidence_flags_most_held_out_errors() -> None:
    """The margin's Platt scaling (fitted on seen families only, half trained on, half
    read) makes wrong held-out readings unsure: below the "check the document type"
    threshold fall at least half of the errors and few of the right ones (measured with
    the round-4 model alone, before the reading's class cues: 4 of 8 errors, 14 of 144
    right on H and K; benchmarks/OCR.md)."""
    from cma_core.documents.rules import CHECK_TYPE_BELOW

    model = classifier.shipped()
    assert model is not None
    assert model.calibration is not None
    assert classifier.from_json(classifier.to_json(model)).calibration == model.calibration
    got = []
    for s in build_corpus(4, seed=99, held_out=True):
        cls, confidence, _ = model.predict(sample_text(s))
        got.append((cls is s.truth.document_class, confidence))
    wrong = [c for ok, c in got if not ok]
    right = [c for ok, c in got if ok]
    assert wrong
    assert sum(c < CHECK_TYPE_BELOW for c in wrong) >= len(wrong) / 2
    assert sum(c < CHECK_TYPE_BELOW for c in right) <= 0.15 * len(right)


# -- kinds of reading, each on a letter worded unlike every corpus family (round 4) -------
#
# These letters were written for the tests, in wording of real UK letters that no family
# (A-D, H, K) uses, so each checks the *kind* of rule, not a corpus phrase.


async def test_role_words_name_the_original_creditor_and_the_letter_is_an_assignment() -> None:
    sample = one_page(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Harrowgate Debt Purchase Ltd"),),
        (Cell(0.08, "Please make all future payments to us. We can agree an affordable plan."),),
        (Cell(0.08, "Debt purchased from"), Cell(0.5, "Medway Card Finance PLC")),
        (Cell(0.08, "Our account no"), Cell(0.5, "HDP-3308127")),
        (Cell(0.08, "Balance transferred"), Cell(0.5, "£2,310.77")),
    )
    got = await read(sample)
    assert got.document_class is C.NOTICE_OF_ASSIGNMENT
    assert got.original_creditor == "Medway Card Finance PLC"
    assert got.creditor_name == "Harrowgate Debt Purchase Ltd"


async def test_an_agent_acting_for_its_client_stays_a_creditor_letter() -> None:
    sample = one_page(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Brackley Collections Ltd"),),
        (Cell(0.08, "Your account is overdue. Please call us to agree a payment plan."),),
        (Cell(0.08, "Collecting for"), Cell(0.5, "Medway Card Finance PLC")),
        (Cell(0.08, "Amount overdue"), Cell(0.5, "£640.00")),
    )
    got = await read(sample)
    assert got.document_class is not C.NOTICE_OF_ASSIGNMENT
    assert got.creditor_name == "Medway Card Finance PLC"


async def test_a_debt_secured_on_the_home_is_read_as_mortgage_arrears() -> None:
    text = (
        "Ferrybridge Finance Ltd\n\nYour second charge loan is secured on your property.\n"
        "Missed payments put your home at risk and we may seek a possession order.\n"
        "Arrears £1,204.00"
    )
    got = extract(text, (), classifier.shipped())
    assert got.document_class is C.MORTGAGE_ARREARS
    one_cue = (
        "Ferrybridge Finance Ltd\n\nYour loan is overdue. Your home is safe.\nArrears £1,204.00"
    )
    assert extract(one_cue, (), classifier.shipped()).document_class is not C.MORTGAGE_ARREARS


async def test_payee_roles_unpaid_amounts_and_quote_references() -> None:
    sample = one_page(
        C.ENFORCEMENT_AGENT_NOTICE,
        (Cell(0.08, "Northampton County Court Business Centre"),),
        (Cell(0.62, "2 Feb 2026"),),
        (Cell(0.08, "When you call, quote"), Cell(0.5, "ZX-4410293")),
        (Cell(0.08, "Payable to"), Cell(0.5, "Wyre Forest District Council")),
        (Cell(0.08, "Late payment charge"), Cell(0.5, "£25.00")),
        (Cell(0.08, "Amount unpaid"), Cell(0.5, "£918.40")),
    )
    got = await read(sample)
    assert got.creditor_name == "Wyre Forest District Council"  # never the court
    assert got.account_reference == "ZX-4410293"
    assert got.balance_pence == 91840  # not the fee-like charge


async def test_supply_charges_are_a_bill_and_sent_on_is_the_letter_date() -> None:
    sample = one_page(
        C.UTILITY_BILL,
        (Cell(0.08, "Pennant Power Ltd"),),
        (Cell(0.08, "Sent on"), Cell(0.5, "9 Jan 2026")),
        (Cell(0.08, "Your electricity charges"), Cell(0.5, "£212.36")),
        (Cell(0.08, "Standing charges"), Cell(0.5, "£31.40")),
        (Cell(0.08, "We will take this by Direct Debit on or after 23 January 2026."),),
    )
    got = await read(sample)
    assert got.letter_date == dt.date(2026, 1, 9)
    assert got.balance_pence == 21236
    assert got.deadline_date == dt.date(2026, 1, 23)


async def test_a_deadline_stated_in_a_long_sentence() -> None:
    sample = one_page(
        C.CREDITOR_LETTER,
        (Cell(0.08, "Acme Loans Ltd"),),
        (Cell(0.62, "3 March 2026"),),
        (Cell(0.08, "Outstanding balance: £300.00"),),
        (
            Cell(
                0.08,
                "If we do not hear from you and your payment does not reach us no later "
                "than 24 March 2026 we may pass your account on.",
            ),
        ),
    )
    got = await read(sample)
    assert got.deadline_date == dt.date(2026, 3, 24)
    chosen = [e for e in got.evidence if e.field == "deadline_date" and e.chosen]
    assert [e.role for e in chosen] == ["in the body"]


def test_concepts_group_the_ways_a_kind_is_said() -> None:
    got = classifier.terms("We bought this debt; the original lender was X.\nYour home loan", 3)
    assert got.count("@assigned") == 2
    assert "@home" in got
    assert "@home" not in classifier.terms("Your home loan", 2)
