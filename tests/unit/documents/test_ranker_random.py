"""The randomised training pages for the field ranker (``ranker_random``, round 24)."""

from __future__ import annotations

from cma_adapters.rules_assistant import ranker, ranker_random
from cma_adapters.rules_assistant.corpus import sample_text


def test_pages_are_seeded_and_deterministic() -> None:
    a = ranker_random.build_random(12, seed=3)
    b = ranker_random.build_random(12, seed=3)
    c = ranker_random.build_random(12, seed=4)
    assert [sample_text(s) for s in a] == [sample_text(s) for s in b]
    assert [s.truth for s in a] == [s.truth for s in b]
    assert [sample_text(s) for s in a] != [sample_text(s) for s in c]


def test_every_page_states_its_truth() -> None:
    for sample in ranker_random.build_random(60, seed=7):
        text = sample_text(sample)
        t = sample.truth
        assert t.creditor_name
        assert t.creditor_name in text
        assert t.account_reference
        assert t.account_reference in text
        assert t.letter_date is not None
        if t.deadline_date is not None:
            assert t.deadline_date > t.letter_date
        assert sample.family == ranker_random.FAMILY


def test_settings_and_distractors_vary() -> None:
    texts = [sample_text(s) for s in ranker_random.build_random(120, seed=11)]
    joined = "\n".join(texts)
    for distractor in ("Sort code", "Account opened", "Next", "instalment", "Please quote"):
        assert distractor.casefold() in joined.casefold()
    # more than one printing of a date and of an amount
    assert "/20" in joined
    assert " 20" in joined
    assert "GBP" in joined
    assert "£" in joined


def test_printings_are_read_as_their_values() -> None:
    import datetime as dt
    import random

    from cma_adapters.rules_assistant.values import parse_date, parse_money

    rng = random.Random(1)
    day = dt.date(2026, 3, 9)
    for _ in range(40):
        assert parse_date(ranker_random.print_date(day, rng)) == day
        assert parse_money(ranker_random.print_money(123456, rng)) == 123456
    assert ranker.key("account_reference", "AB-1234-567") == "AB1234567"
