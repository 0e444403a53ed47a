"""A field the reader left empty keeps the values it found for it, none chosen: the
adviser who gives the value on accepting ("Accept with changes") is offered them."""

from __future__ import annotations

from cma_adapters.rules_assistant.fields import evidence
from cma_adapters.rules_assistant.values import Candidate
from cma_core.documents.model import Box


def _c(field: str, value: object, score: float, top: int) -> Candidate:
    return Candidate(
        field=field, value=value, shown=str(value), page=1, label="Total", role=None,
        score=score, box=Box(left=10, top=top, width=40, height=10),
    )  # fmt: skip


def test_an_empty_field_keeps_up_to_three_candidates_none_chosen() -> None:
    found = {
        "balance_pence": [_c("balance_pence", v, 0.4 - i / 10, 10 * i) for i, v in
                          enumerate((184_250, 12_000, 184_250, 990, 55))],
        "creditor_name": [_c("creditor_name", "Lowell", 0.9, 5),
                          _c("creditor_name", "Cabot", 0.2, 9)],
    }  # fmt: skip
    got = evidence(found, {"creditor_name": "Lowell", "balance_pence": None})
    balances = [e for e in got if e.field == "balance_pence"]
    assert [e.value for e in balances] == ["£1,842.50", "£120.00", "£9.90"]  # distinct, 3 at most
    assert not any(e.chosen for e in balances)
    creditors = [(e.value, e.chosen) for e in got if e.field == "creditor_name"]
    assert creditors == [("Lowell", True), ("Cabot", False)]


def test_a_field_with_no_candidates_has_no_evidence() -> None:
    assert evidence({"balance_pence": []}, {"balance_pence": None}) == []
