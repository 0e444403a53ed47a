"""The scale seed's fast paths make exactly what the reference paths make: its audit rows
hash the bytes ``chain.canonical`` hashes, and its value tuples are what a per-value
conversion gives (the seeded data is read back through the application in
tests/integration/test_demo_scale.py; these pin the shortcuts themselves)."""

from __future__ import annotations

import datetime as dt
import gc
import random
import uuid

import pytest

from cma_adapters.sqlalchemy import mappers as m
from cma_adapters.sqlalchemy.crypto import CentreKey
from cma_core.audit.chain import verify_chain
from cma_core.search.terms import SearchKey
from cma_core.shared.ids import CentreId, UserId
from cma_entrypoints import scale_seed as s


def _centres(n: int) -> list[s.Centre]:
    out = []
    for i in range(n):
        cid = CentreId(uuid.UUID(int=i + 1))
        key = CentreKey(cid, 1, bytes(range(32)))
        search = SearchKey(b"s" * 32).for_centre(cid)
        out.append(s.Centre(cid, f"c{i}", UserId(uuid.UUID(int=100 + i)), "e", key, search, None))
    return out


def test_fast_audit_rows_are_the_reference_rows() -> None:
    fast, slow = _centres(2), _centres(2)
    audits = s._Audits()
    at = dt.datetime(2025, 1, 6, 9, 0, 0, 123456, tzinfo=dt.UTC)
    rng_fast, rng_slow = random.Random(7), random.Random(7)
    for i in range(6):
        entity = uuid.UUID(int=1000 + i)
        fields = s.CLIENT_FIELDS if i % 2 else ("client_id", "adviser_id")
        row = audits.row(fast[i % 2], "client.created", "client", entity, s._instant(at), at,
                         fields, rng_fast)  # fmt: skip
        ref = s._audit(slow[i % 2], "client.created", "client", entity, at, fields, rng_slow)
        assert row == ref
        assert fast[i % 2].head == slow[i % 2].head


def test_a_generated_chunk_chains_and_converts_like_the_reference() -> None:
    centres = _centres(3)
    rows = s.generate(centres, range(30), random.Random(3))
    assert len(rows["audit_log"]) == 90
    from cma_adapters.sqlalchemy import mappers as m

    for centre in centres:
        mine = [m.audit_from_row(r) for r in rows["audit_log"] if r["centre_id"] == centre.id]
        assert verify_chain(mine, centre.head).problem is None
    records = s.pg_records(rows)
    for table in s.TABLES:
        cols, values = records[table]
        assert values == [tuple(s._pg_value(r[c]) for c in cols) for r in rows[table]]
    for table in s.TABLES:
        cols = list(rows[table][0])
        got = s._tuples(rows[table], cols, s._sqlite_value, s._SQLITE_PLAIN)
        assert got == [tuple(s._sqlite_value(r[c]) for c in cols) for r in rows[table]]


def test_a_memo_key_makes_the_keys_digests_and_forgets_the_email() -> None:
    key = CentreKey(CentreId(uuid.UUID(int=9)), 1, bytes(range(32)))
    memo = s.MemoKey(key.centre_id, key.version, key.key)
    for value, purpose in [("smith", "client.lookup.name.word"), ("Smith", m.LAST_NAME_INDEX),
                           ("a@example.org", m.EMAIL_INDEX)] * 2:  # fmt: skip
        assert memo.index(value, purpose) == key.index(value, purpose)
    assert set(memo._digests) == {
        ("smith", "client.lookup.name.word"),
        ("Smith", m.LAST_NAME_INDEX),
    }


def test_the_memo_is_emptied_past_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(s, "MEMO", 3)
    memo = s.MemoKey(CentreId(uuid.UUID(int=9)), 1, bytes(range(32)))
    for i in range(7):
        memo.index(f"w{i}", "client.lookup.name.word")
        assert len(memo._digests) <= 3


def test_generation_leaves_the_collector_as_it_found_it() -> None:
    assert gc.isenabled()
    s.generate(_centres(1), range(2), random.Random(1))
    assert gc.isenabled()
    gc.disable()
    try:
        s.generate(_centres(1), range(2), random.Random(1))
        assert not gc.isenabled()
    finally:
        gc.enable()
