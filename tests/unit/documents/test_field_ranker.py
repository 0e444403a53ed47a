"""The learned field ranker (``ranker``, ``ranker_training``): its features keep no
figure or word of a letter outside the vocabulary, it learns a label no family uses, its
artefact round-trips, and without one the reader is the rules alone."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from tests.e2e.documents_fixtures import N1_CLAIM

from cma_adapters.rules_assistant import RuleBasedAssistant, classifier, ranker, ranker_training
from cma_adapters.rules_assistant.assistant import extract, read
from cma_adapters.rules_assistant.corpus import Truth
from cma_core.documents.model import DocumentClass

C = DocumentClass
# Words a feature may use here: "remittance sought" labels the balance, "postage paid" a
# charge — wording no family prints.
WORDS = frozenset({"remittance", "sought", "postage", "paid", "default", "notice", "date"})


def letter(owed: int, postage: int, *, postage_first: bool, firm: str = "Quill") -> str:
    lines = [
        f"{firm} Lending Ltd",
        "Default notice",
        "Date 3 March 2026",
        f"Remittance sought      £{owed:,}.00",
        f"Postage paid           £{postage:,}.00",
    ]
    if postage_first:
        lines[3], lines[4] = lines[4], lines[3]
    return "\n".join(lines)


def docs(family: str, count: int, start: int = 0) -> list[ranker_training.Doc]:
    out = []
    for i in range(start, start + count):
        # the balance is sometimes the larger amount, sometimes the smaller; above or below
        owed, postage = (100 + 37 * i, 50 + 91 * i) if i % 2 else (900 + 13 * i, 40 + i)
        text = letter(owed, postage, postage_first=i % 3 == 0)
        truth = Truth(document_class=C.CREDITOR_LETTER, balance_pence=owed * 100)
        out.append(ranker_training.Doc(family=family, truth=truth, reading=read(text, (), None)))
    return out


def test_features_keep_no_figure_and_no_word_outside_the_vocabulary() -> None:
    seen = []
    for owed, firm in ((1234, "Quill"), (98765, "Zephyr")):
        r = read(letter(owed, 17, postage_first=False, firm=firm), (), None)
        keys = set()
        for field in ranker.KINDS:
            for s in ranker.candidates(
                field, r.layouts, r.found, r.chosen, C.CREDITOR_LETTER, WORDS
            ):
                keys |= set(s.features)
        for key in keys:
            tag, _, rest = key.partition(":")
            if len(tag) == 1:  # a word feature: vocabulary words only
                assert set(rest.split("_")) <= WORDS, key
            if tag != "cls":
                assert not re.search(r"\d", key), key
        seen.append(keys)
    # two letters that differ only in their figures and the firm's name: the same features
    assert seen[0] == seen[1]


def test_training_learns_a_label_no_family_uses() -> None:
    data = ranker_training.rows(docs("X", 12), WORDS)
    model = ranker_training.fit(data, c=1.0, rules=False)
    text = letter(4321, 9876, postage_first=True)  # the charge larger and printed first
    extraction = extract(text, (), None, fields_model=model)
    assert extraction.balance_pence == 432100
    chosen = [e for e in extraction.evidence if e.field == "balance_pence" and e.chosen]
    alternatives = [e for e in extraction.evidence if e.field == "balance_pence" and not e.chosen]
    assert chosen
    assert alternatives
    assert chosen[0].score > max(e.score for e in alternatives)
    # The ranker's probabilities are kept as how sure the choice was; without a ranker, or
    # for a field it did not rank, none (the rules' scores are not probabilities).
    assert chosen[0].choice_confidence == chosen[0].score
    assert all(0.0 <= (e.choice_confidence or -1) <= 1.0 for e in [*chosen, *alternatives])
    assert all(
        e.choice_confidence is None for e in extraction.evidence if e.field != "balance_pence"
    )
    by_rules = extract(text, (), None)
    assert all(e.choice_confidence is None for e in by_rules.evidence)


def test_the_artefact_round_trips(tmp_path: Path) -> None:
    model = ranker_training.fit(ranker_training.rows(docs("X", 8), WORDS), c=1.0, rules=True)
    path = tmp_path / ranker.ARTEFACT
    path.write_text(ranker.to_json(model), encoding="utf-8")
    again = ranker.load(path)
    assert again == model
    assert again is not None
    assert again.uses_rules
    with pytest.raises(ValueError, match="not a field ranker"):
        ranker.from_json('{"format": "cma-doc-classifier"}')


def test_without_an_artefact_the_reader_is_the_rules(tmp_path: Path) -> None:
    assert ranker.load(tmp_path / "absent.json") is None
    assert RuleBasedAssistant(field_ranker=None).field_ranker is None
    assert RuleBasedAssistant().field_ranker is ranker.shipped()
    assert RuleBasedAssistant(field_ranker=tmp_path / "absent.json").field_ranker is None
    text = letter(4321, 9876, postage_first=True)
    assert extract(text, (), None) == extract(text, (), None, fields_model=None)


def test_leave_one_family_out_reads_each_family_with_a_model_not_trained_on_it() -> None:
    data = ranker_training.rows([*docs("X", 8), *docs("Y", 6, start=20)], WORDS)
    table = ranker_training.lofo(data, c=1.0, rules=False)
    assert set(table) == {"X", "Y"}
    assert table["X"]["balance_pence"][2] == 8
    assert table["Y"]["balance_pence"][2] == 6
    assert table["Y"]["balance_pence"][1] == 6  # trained on X alone, Y read right
    report = ranker_training.table_report(table)
    assert report["balance_pence"]["mean_model"] == pytest.approx(
        (table["X"]["balance_pence"][1] / 8 + 1.0) / 2, abs=1e-4
    )


def test_a_fold_taken_from_rows_vectorised_once_is_the_model_trained_on_the_rest() -> None:
    """Leave-one-family-out vectorises every field once and selects each fold's rows: a
    feature only the left-out family has is a column of zeros in the fold, and the model
    is the one trained on the other families alone, weight for weight."""
    # Y's charge is labelled in words X never prints: features only Y has.
    y_docs = []
    for i in range(20, 26):
        owed, postage = 300 + 41 * i, 60 + 7 * i
        text = letter(owed, postage, postage_first=i % 2 == 0).replace(
            "Postage paid", "Default date"
        )
        truth = Truth(document_class=C.CREDITOR_LETTER, balance_pence=owed * 100)
        y_docs.append(ranker_training.Doc(family="Y", truth=truth, reading=read(text, (), None)))
    data = ranker_training.rows([*docs("X", 8), *y_docs], WORDS)
    every = ranker_training.field_rows(data, rules=False)
    rest = [d for d in data if d.family != "Y"]
    assert len(every["balance_pence"].names) > len(
        ranker_training.field_rows(rest, rules=False)["balance_pence"].names
    )
    folded = ranker_training.fit(rest, c=1.0, rules=False, rows=every, leave_out="Y")
    assert folded == ranker_training.fit(rest, c=1.0, rules=False)


def test_a_deadline_is_chosen_after_the_letter_date() -> None:
    assert not ranker.allowed(
        "deadline_date", dt.date(2026, 3, 1), {"letter_date": dt.date(2026, 3, 3)}
    )
    assert ranker.allowed(
        "deadline_date", dt.date(2026, 3, 9), {"letter_date": dt.date(2026, 3, 3)}
    )


def test_the_shipped_ranker_does_not_fill_a_field_the_page_does_not_state() -> None:
    """An N1 with only its issue date states no served date and no account number: the
    rules leave both empty, and so does the ranker, whose best candidates for them (the
    issue date, the claim number) are less likely right than wrong (``FILL_AT``) — a
    served date made up would move the claim's response deadline five days."""
    text = "\n".join(N1_CLAIM)  # the e2e tests' N1, as its text
    shipped = ranker.shipped()
    assert shipped is not None
    got = extract(text, (), classifier.shipped(), fields_model=shipped)
    assert got.served_date is None
    assert got.account_reference is None
    assert (got.court_claim_number, got.balance_pence) == ("K1QZ4521", 234000)
    assert got.source.endswith(f"+ranker:{shipped.version}")
    # the candidates stay visible to the adviser as alternatives, none of them chosen
    assert not any(e.chosen for e in got.evidence if e.field == "served_date")


def test_a_field_the_rules_missed_is_filled_where_the_class_always_states_it() -> None:
    """``ranker.fills``: the rules' choice is always re-ranked; where they found nothing,
    the best candidate is taken when it is more likely right than wrong, or when (nearly)
    every training document of the class stated the field — not where the class often
    leaves it out (an N1's served date)."""
    model = ranker.Model(
        version="t",
        weights={},
        intercept={},
        report={},
        stated={"creditor_letter": {"balance_pence": 1.0}, "court_claim_n1": {"served_date": 0.3}},
    )
    letter, n1 = DocumentClass.CREDITOR_LETTER, DocumentClass.COURT_CLAIM_N1
    assert ranker.fills(model, n1, "served_date", 0.07, rules_chose=True)
    assert ranker.fills(model, n1, "served_date", 0.6, rules_chose=False)
    assert not ranker.fills(model, n1, "served_date", 0.07, rules_chose=False)
    assert ranker.fills(model, letter, "balance_pence", 0.07, rules_chose=False)
    assert not ranker.fills(model, letter, "deadline_date", 0.07, rules_chose=False)
    assert ranker.from_json(ranker.to_json(model)).stated == model.stated


def test_the_stated_shares_are_counted_per_class_from_the_training_truths() -> None:
    def rows(field: str, stated: bool) -> ranker_training.Rows:
        return ranker_training.Rows(
            field=field, features=[], values=[], right=[] if stated else None, rules_right=False
        )

    docs = [
        ranker_training.DocRows(
            family="A",
            document_class=DocumentClass.COURT_CLAIM_N1,
            fields=[rows("served_date", stated), rows("balance_pence", True)],
            chosen={},
        )
        for stated in (True, False, False, False)
    ]
    shares = ranker_training.stated_shares(docs)
    assert shares == {"court_claim_n1": {"balance_pence": 1.0, "served_date": 0.25}}
