"""``DeferredWrites``: a batch's held rewrites, per table, as one statement per delete
condition (over every scope held with it) and one insert of every row, deletes first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cma_adapters.sqlalchemy.deferred import DeferredWrites


def _delete(ids: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
    return ("delete", tuple(ids))


def _delete_kinds(ids: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
    return ("delete kinds", tuple(ids))


def test_deletes_of_one_condition_go_together_before_the_rows() -> None:
    held = DeferredWrites()
    held.delete("t", "a", None, _delete)
    held.insert("t", "a", "insert t", [{"id": 1}])
    held.delete("t", "b", ("x",), _delete_kinds)
    held.delete("t", "c", None, _delete)
    held.insert("t", "c", "insert t", [{"id": 2}, {"id": 3}])
    held.insert("u", "a", "insert u", [{"id": 4}])
    assert held.holds("t")
    assert held.holds("t", "b")
    assert not held.holds("t", "z")
    assert held.take("t") == [
        (("delete", ("a", "c")), None),
        (("delete kinds", ("b",)), None),
        ("insert t", [{"id": 1}, {"id": 2}, {"id": 3}]),
    ]
    assert not held.holds("t")
    assert held.take() == [("insert u", [{"id": 4}])]
    assert held.take() == []


def test_clear_drops_what_is_held() -> None:
    held = DeferredWrites()
    held.insert("t", "a", "insert t", [{"id": 1}])
    held.clear()
    assert not held.holds("t")
    assert held.take() == []
