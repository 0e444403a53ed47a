"""The shapes every area shares (msgspec Structs): field types, problem details, health.

Each area's own request and response shapes live in ``http/<area>/schemas.py``. Every
resource has an ``id`` and a ``version`` (also sent as the ``ETag``); every list is
``{"items": [...], "total": n, "limit": l, "offset": o}``.
"""

from __future__ import annotations

import datetime as dt
import functools
import typing
from typing import Annotated, Any, Generic, TypeVar

import attrs
import msgspec
from msgspec import Meta, Struct

from cma_core.shared.money import MAX_PENCE
from cma_core.shared.text import LINE_FORBIDDEN, TEXT_FORBIDDEN

# ------------------------------------------------------------------------------ field types
# Every request field takes one of these (or states its own bounds the same way): strict
# JSON types (``"1000"`` is not a number, ``0`` is not a date), an upper bound on every
# amount, count, string and list, no control characters (newlines only where text is
# multi-line), a plausible range on every date. Each bound is in the OpenAPI document
# (``maximum``, ``maxLength``, ``pattern``, ``maxItems``, and the range in ``description``).
# A value outside is a 400 problem naming the field (``errors[].field``); nothing is stored.
# New routes use these types; ``tests/e2e/test_hostile_input.py`` checks every operation.

# ``$(?!\n)``, not ``$``: Python's ``$`` (msgspec checks with ``re.search``) also matches
# before a final newline, so ``"name\n"`` passed ``^...$``. ECMAScript reads it the same.
_END = r"$(?!\n)"

#: One line of text: no control characters (NUL, escape, C1) at all.
LINE = f"^[^{LINE_FORBIDDEN}]*{_END}"
#: Multi-line text: newlines and tabs allowed, other control characters refused.
TEXT = f"^[^{TEXT_FORBIDDEN}]*$"
#: A code or enumeration value (``credit_card``, ``sensitive:read``, ``EW``).
CODE = r"^[A-Za-z0-9_.:-]*" + _END

#: A name (person, creditor, template): 1-200 characters on one line.
Name = Annotated[str, Meta(min_length=1, max_length=200, pattern=LINE)]
#: A short single line (address line, location, reason): up to 300 characters.
Line = Annotated[str, Meta(max_length=300, pattern=LINE)]
#: A reason or label that must be given: 1-500 characters on one line.
Reason = Annotated[str, Meta(min_length=1, max_length=500, pattern=LINE)]
#: A code or enumeration value: up to 64 characters of ``[A-Za-z0-9_.:-]``.
Code = Annotated[str, Meta(max_length=64, pattern=CODE)]
#: An email address as typed (checked further by the domain).
Email = Annotated[str, Meta(max_length=254, pattern=LINE)]
#: A telephone number as typed.
Phone = Annotated[str, Meta(max_length=40, pattern=LINE)]
#: An account or claim reference: up to 64 characters on one line.
Reference = Annotated[str, Meta(max_length=64, pattern=LINE)]
#: Free text of a few paragraphs (newlines kept): up to 4,000 characters.
LongText = Annotated[str, Meta(max_length=4000, pattern=TEXT)]
#: A long free text (a case note, a letter template): up to 20,000 characters.
Text = Annotated[str, Meta(max_length=20_000, pattern=TEXT)]

#: Money in integer pence, 0 to £100,000,000 (``MAX_PENCE``): a JSON integer, never a
#: string or a float.
Pence = Annotated[
    int, Meta(ge=0, le=MAX_PENCE, description="Integer pence, 0 to 10,000,000,000 (£100m).")
]
#: A small count (people in a household, vehicles, months): 0 to 1,000.
Count = Annotated[int, Meta(ge=0, le=1000)]
#: The most items any request list or object may hold.
MAX_ITEMS = 200


@attrs.frozen
class Within:
    """A date (or a moment's date) range, checked by :class:`Input` (msgspec has no date
    bounds). ``latest=None`` means today (the server's UTC date, plus a day's slack for
    time zones)."""

    earliest: dt.date
    latest: dt.date | None

    def problem(self, value: dt.date | dt.datetime) -> str | None:
        day = value.date() if isinstance(value, dt.datetime) else value
        if self.latest is None:
            latest = dt.datetime.now(dt.UTC).date() + dt.timedelta(days=1)
            if not self.earliest <= day <= latest:
                return f"must be between {self.earliest.isoformat()} and today"
        elif not self.earliest <= day <= self.latest:
            return f"must be between {self.earliest.isoformat()} and {self.latest.isoformat()}"
        return None


_EARLIEST = dt.date(1900, 1, 1)
_LATEST = dt.date(2100, 12, 31)
PAST = Within(_EARLIEST, None)
PLAUSIBLE = Within(_EARLIEST, _LATEST)

#: A date in the past or today, from 1900 (a birth, a payment, a letter received).
PastDate = Annotated[dt.date, Meta(description="A date from 1900-01-01 up to today."), PAST]
#: A date from 1900 to 2100 (a day to act on, a leave day).
Day = Annotated[dt.date, Meta(description="A date from 1900-01-01 to 2100-12-31."), PLAUSIBLE]
#: A moment with its time zone (a naive time would be ambiguous), 1900 to 2100.
Moment = Annotated[
    dt.datetime,
    Meta(tz=True, description="A date-time with its offset, 1900 to 2100."),
    PLAUSIBLE,
]
#: A moment with its time zone that has happened (a consent given).
PastMoment = Annotated[
    dt.datetime,
    Meta(tz=True, description="A date-time with its offset, from 1900 up to now."),
    PAST,
]


@functools.cache
def _ranges(cls: type) -> tuple[tuple[str, Within], ...]:
    """The fields of ``cls`` whose type carries a :class:`Within` (optional ones too)."""
    out: list[tuple[str, Within]] = []
    for name, hint in typing.get_type_hints(cls, include_extras=True).items():
        todo = [hint]
        while todo:
            tp = todo.pop()
            if typing.get_origin(tp) is Annotated:
                out.extend((name, m) for m in tp.__metadata__ if isinstance(m, Within))
            else:
                todo.extend(typing.get_args(tp))
    return tuple(out)


class Input(Struct, forbid_unknown_fields=True):
    """The base of every request body: unknown fields refused, date ranges checked.

    A range failure reads ``"<field>: must be between ..."``; the problem handler turns it
    into ``errors[].field`` (msgspec reports ``__post_init__`` errors at the Struct)."""

    def __post_init__(self) -> None:
        for name, within in _ranges(type(self)):
            value = getattr(self, name)
            if isinstance(value, dt.date):
                problem = within.problem(value)
                if problem:
                    raise ValueError(f"{name}: {problem}")


T = TypeVar("T")
S = TypeVar("S", bound=Struct)


def from_attributes(shape: type[S], record: object, **given: Any) -> S:
    """``shape`` with each field read from the attribute of the same name on ``record``,
    but for the fields in ``given`` (renamed, converted or computed ones).

    For the ``of`` constructors whose fields mirror the domain record's; a field the
    record lacks is an ``AttributeError`` the first time the shape is built."""
    read = {name: getattr(record, name) for name in shape.__struct_fields__ if name not in given}
    return shape(**read, **given)


class PageOf(Struct, Generic[T]):
    """One page of a list: ``{"items": [...], "total": n, "limit": l, "offset": o}``.

    Each area names its own page, ``class CasePage(PageOf[CaseOut]): items: list[CaseOut]``,
    so OpenAPI keeps one named component per list. The subclass states ``items`` again
    because Litestar documents a subclass's fields from its own annotations and would not
    see ``T`` bound (msgspec keeps the field in first place)."""

    items: list[T]
    total: int
    limit: int
    offset: int
    #: Keyset pagination: pass as ``cursor`` for the next page; ``null`` on the last page
    #: (and on lists not paged by cursor yet).
    next_cursor: str | None = None


class FieldError(Struct, omit_defaults=True):
    field: str
    message: str
    #: For a value outside a closed set: every value the field takes (the 422 lists them;
    #: the OpenAPI document describes each).
    allowed: list[str] | None = None


class Problem(Struct, omit_defaults=True):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[FieldError] = msgspec.field(default_factory=list)


class HealthCheck(Struct):
    status: str
    detail: str | None = None


class HealthOut(Struct):
    status: str
    checks: dict[str, HealthCheck]
