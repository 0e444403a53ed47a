"""Keyset (cursor) pagination: the shared cursor codec, and the case list paged by cursor
on the memory adapters (SQL adapters: tests/e2e/test_pagination.py)."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import math
import uuid
from collections.abc import Awaitable, Callable

import pytest

from cma_core.cases.service import OpenCase
from cma_core.identity.model import Centre, TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.errors import ValidationError
from cma_core.shared.paging import (
    decode_cursor,
    each_page,
    encode_cursor,
    every_item,
    keyset_slice,
)
from cma_core.shared.service import MAX_OFFSET
from cma_core.shared.uow import Page

from .support import App, register_cmd


@pytest.fixture
async def centre(app: App) -> Centre:
    return await app.centre()


@pytest.fixture
async def boss(app: App, centre: Centre) -> TenantContext:
    return await app.staff(centre, Role.SUPERVISOR, "boss@example.org")


def test_a_cursor_round_trips_its_key() -> None:
    key = (dt.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=dt.UTC), uuid.uuid4(), 7, "x")
    token = encode_cursor(key)
    assert token.isascii()
    assert "=" not in token
    assert decode_cursor(token, (dt.datetime, uuid.UUID, int, str)) == key


@pytest.mark.parametrize("score", [0.1 + 0.2, -1.2571428571428573e-06, 0.28768208622932434, 2.0])
def test_a_float_key_reads_back_as_the_very_same_float(score: float) -> None:
    """Search ranks are floats: a cursor that changed one in the last bit would repeat or
    skip the hits tied around it."""
    (back,) = decode_cursor(encode_cursor((score,)), (float,))
    assert back == score
    assert type(back) is float


def test_a_non_finite_or_non_number_float_key_is_refused() -> None:
    for raw in (b"[NaN]", b"[Infinity]", b'["1.5"]', b"[true]"):
        token = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        with pytest.raises(ValidationError):
            decode_cursor(token, (float,))
    with pytest.raises(TypeError):
        encode_cursor((math.nan,))


@pytest.mark.parametrize(
    "token",
    [
        "",
        "!!!",
        "a" * 600,
        encode_cursor((1,)),  # wrong arity
        encode_cursor(
            ("2026-01-02T03:04:05", "9fa7fa60-00cf-4ace-888c-ef8c656604be")
        ),  # no timezone
        encode_cursor(("2026-01-02T03:04:05+00:00", "not-a-uuid")),
    ],
)
def test_a_bad_cursor_is_a_validation_error_on_cursor(token: str) -> None:
    with pytest.raises(ValidationError) as err:
        decode_cursor(token, (dt.datetime, uuid.UUID))
    assert err.value.field == "cursor"


async def test_cursor_pages_cover_every_case_once_in_order(app: App, boss: TenantContext) -> None:
    """Every case opened at the same instant (a fixed clock): the id breaks the tie."""
    for _ in range(7):
        client = await app.clients.register(boss, register_cmd())
        await app.cases.open(boss, OpenCase(client_id=client.id))
    everything = (await app.cases.list(boss, limit=50)).items
    seen, cursor, added = [], None, 0
    while True:
        page = await app.cases.list(boss, limit=3, cursor=cursor)
        assert page.total == 7 + added  # the whole list's count, as with offsets
        seen.extend(c.id for c in page.items)
        cursor = page.next_cursor
        if cursor is None:
            break
        # A case opened meanwhile sorts first (newest): it neither repeats nor shifts pages.
        client = await app.clients.register(boss, register_cmd())
        app.clock.advance(dt.timedelta(seconds=1))
        await app.cases.open(boss, OpenCase(client_id=client.id))
        app.clock.advance(dt.timedelta(seconds=-1))
        added += 1
    assert seen == [c.id for c in everything]
    assert len(set(seen)) == 7


async def test_a_full_last_page_ends_with_an_empty_one(app: App, boss: TenantContext) -> None:
    for _ in range(2):
        client = await app.clients.register(boss, register_cmd())
        await app.cases.open(boss, OpenCase(client_id=client.id))
    first = await app.cases.list(boss, limit=2)
    assert first.next_cursor is not None
    last = await app.cases.list(boss, limit=2, cursor=first.next_cursor)
    assert (list(last.items), last.next_cursor) == ([], None)


async def test_offset_is_bounded_and_not_mixed_with_a_cursor(app: App, boss: TenantContext) -> None:
    with pytest.raises(ValidationError) as err:
        await app.cases.list(boss, offset=MAX_OFFSET + 1)
    assert err.value.field == "offset"
    assert (await app.cases.list(boss, offset=MAX_OFFSET)).items == []
    token = encode_cursor((dt.datetime.now(dt.UTC), uuid.uuid4()))
    with pytest.raises(ValidationError) as err:
        await app.cases.list(boss, offset=1, cursor=token)
    assert err.value.field == "offset"


async def test_staff_names_reused_only_while_they_name_everyone(
    app: App, centre: Centre, boss: TenantContext
) -> None:
    """The case view's staff names: read once for the TTL, read again for a newcomer."""
    from cma_core.identity.directory import StaffDirectory

    calls = 0
    list_users = app.store.list_users

    async def counting(centre_id):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return await list_users(centre_id)

    app.store.list_users = counting  # type: ignore[method-assign]
    directory = StaffDirectory(app.store, names_ttl=60.0)
    first = await directory.names(boss, ids=[boss.user_id])
    again = await directory.names(boss, ids=[boss.user_id, None])
    assert again is first
    assert calls == 1
    newcomer = await app.staff(centre, Role.ADVISER, "new@example.org")
    named = await directory.names(boss, ids=[newcomer.user_id])
    assert named(newcomer.user_id) is not None
    assert calls == 2
    await directory.names(boss)  # no ids: always read
    assert calls == 3
    assert await StaffDirectory(app.store).names(boss, ids=[boss.user_id]) is not first


async def test_staff_names_read_once_for_requests_in_flight(
    app: App, centre: Centre, boss: TenantContext
) -> None:
    """16 case views arriving together with the names due: one read, not 16."""
    from cma_core.identity.directory import StaffDirectory

    calls = 0
    list_users = app.store.list_users

    async def slow(centre_id):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.01)
        return await list_users(centre_id)

    app.store.list_users = slow  # type: ignore[method-assign]
    directory = StaffDirectory(app.store, names_ttl=60.0)
    got = await asyncio.gather(*(directory.names(boss, ids=[boss.user_id]) for _ in range(16)))
    assert calls == 1
    assert all(n(boss.user_id) is not None for n in got)


async def test_a_shared_call_that_fails_is_made_again_by_those_waiting() -> None:
    from cma_core.shared.single_flight import SingleFlight

    flight: SingleFlight[str, int] = SingleFlight()
    calls = 0

    async def call() -> int:
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.01)
        if calls == 1:
            raise ConnectionError("gone")
        return calls

    got = await asyncio.gather(*(flight.run("k", call) for _ in range(4)), return_exceptions=True)
    assert isinstance(got[0], ConnectionError)
    assert got[1:] == [2, 2, 2]
    assert await flight.run("k", call) == 3  # nothing in flight: a call of its own


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_keyset_slice_pages_whole_lists_with_rows_added_between_pages(descending: bool) -> None:
    """The lists a service reads whole (a case's notes, contacts, settlements...): a row
    added meanwhile, before or after the page reached, neither repeats nor hides one."""
    at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    rows = [(at + dt.timedelta(minutes=m), uuid.uuid4()) for m in (0, 0, 1, 2, 3, 3, 4)]
    original = set(rows)

    def ordered() -> list[tuple[dt.datetime, uuid.UUID]]:
        return sorted(rows, reverse=descending)

    seen: list[tuple[dt.datetime, uuid.UUID]] = []
    cursor = None
    for minute in (5, -1, 2, 6):
        page = keyset_slice(
            ordered(),
            limit=2,
            offset=0,
            cursor=cursor,
            key=lambda r: r,
            kinds=(dt.datetime, uuid.UUID),
            descending=descending,
        )
        seen.extend(page.items)
        cursor = page.next_cursor
        rows.append((at + dt.timedelta(minutes=minute), uuid.uuid4()))
    while cursor is not None:
        page = keyset_slice(
            ordered(),
            limit=2,
            offset=0,
            cursor=cursor,
            key=lambda r: r,
            kinds=(dt.datetime, uuid.UUID),
            descending=descending,
        )
        seen.extend(page.items)
        cursor = page.next_cursor
    assert len(seen) == len(set(seen))
    assert original <= set(seen)
    assert seen == [r for r in ordered() if r in set(seen)]


# ---------------------------------------------------------------- every page of a sweep


def _paged(
    rows: list[int], calls: list[tuple[int, int]], *, drift: int = 0
) -> Callable[[int, int], Awaitable[Page[int]]]:
    """An offset-paged list of ``rows``; ``drift`` rows vanish after the first page (the
    total shrinks while the sweep runs, as when a row is deleted meanwhile)."""

    async def fetch(limit: int, offset: int) -> Page[int]:
        calls.append((limit, offset))
        live = rows if not calls[:-1] else rows[: len(rows) - drift]
        return Page.sliced(live, limit, offset)

    return fetch


async def test_every_item_reads_every_page_and_stops_at_the_total() -> None:
    calls: list[tuple[int, int]] = []
    assert await every_item(_paged(list(range(7)), calls), 3) == list(range(7))
    # three pages, and no fourth request once the total is reached
    assert calls == [(3, 0), (3, 3), (3, 6)]


async def test_each_page_stops_on_an_empty_page_and_yields_none_for_an_empty_list() -> None:
    calls: list[tuple[int, int]] = []
    assert [p async for p in each_page(_paged([], calls), 5)] == []
    assert calls == [(5, 0)]
    calls.clear()
    # the list shrank below the next page's offset while sweeping: an empty page ends it
    pages = [p.items async for p in each_page(_paged(list(range(6)), calls, drift=4), 3)]
    assert pages == [[0, 1, 2]]
    assert calls == [(3, 0), (3, 3)]


async def test_every_item_with_an_exact_multiple_asks_no_extra_page() -> None:
    calls: list[tuple[int, int]] = []
    assert await every_item(_paged(list(range(6)), calls), 3) == list(range(6))
    assert calls == [(3, 0), (3, 3)]
