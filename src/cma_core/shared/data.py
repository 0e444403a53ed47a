"""Records to plain JSON data and back.

:func:`to_data` and :func:`from_data` turn any record (any attrs class built from the
core's value types) into plain JSON data and back. Money becomes integer pence under a key
ending ``_pence``; dates are ISO strings; enums their values. ``from_data`` validates as it
goes and raises :class:`~cma_core.shared.errors.ValidationError` naming the field with a
dotted path (``assets.vehicles[0].value_pence``), so the same code checks user input and
reads stored rows.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
import uuid
from typing import Any

import attrs

from cma_core.shared.errors import ValidationError
from cma_core.shared.money import MAX_PENCE, Money

#: The largest whole number a record holds (2^53 - 1: exact in every JSON reader; 2^63
#: and 1e308-sized integers once reached the database as a 500).
MAX_INT = 2**53 - 1


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap_newtype(tp: Any) -> Any:
    while hasattr(tp, "__supertype__"):
        tp = tp.__supertype__
    return tp


def _optional_base(tp: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def _key(cls: type, name: str) -> str:
    base, _ = _optional_base(_hints(cls)[name])
    return f"{name}_pence" if base is Money else name


def to_data(value: Any) -> Any:
    """Plain JSON data for ``value`` (an attrs record or any value inside one)."""
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, bool | int | str | float):
        return value
    if isinstance(value, Money):
        return value.pence
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if attrs.has(type(value)):
        cls = type(value)
        return {
            _key(cls, f.alias or f.name): to_data(getattr(value, f.name))
            for f in attrs.fields(cls)
            if f.init
        }
    if isinstance(value, dict):
        return {str(to_data(k)): to_data(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, frozenset | set):  # sorted, so equal sets give equal documents
        return sorted((to_data(v) for v in value), key=str)
    raise TypeError(f"cannot turn {type(value).__name__} into plain data")


def _scalar(base: Any, data: Any, where: str) -> Any:
    """Money, a boolean, a whole number or text, bounded (a JSON value can be anything)."""
    if base is bool:
        if not isinstance(data, bool):
            raise ValidationError(where, "must be true or false")
        return data
    if base is str:
        if not isinstance(data, str):
            raise ValidationError(where, "must be text")
        if "\x00" in data:
            raise ValidationError(where, "contains a NUL character")
        return data
    money = base is Money
    if isinstance(data, bool) or not isinstance(data, int):
        raise ValidationError(where, "must be a whole number" + (" of pence" if money else ""))
    if money:
        if abs(data) > MAX_PENCE:
            raise ValidationError(where, f"must be at most {MAX_PENCE} pence (£100m)")
        return Money(data)
    if abs(data) > MAX_INT:
        raise ValidationError(where, f"must be at most {MAX_INT}")
    return data


def from_data(tp: Any, data: Any, path: str = "") -> Any:
    """Build a value of type ``tp`` from plain data, validating it.

    Raises:
        ValidationError: the data does not fit; ``field`` is the dotted path to the fault.
    """
    where = path or "body"
    base, optional = _optional_base(tp)
    if data is None:
        if optional or tp is Any:
            return None
        raise ValidationError(where, "is required")
    base = _unwrap_newtype(base)
    if base is Any:
        return data
    if base in (Money, bool, int, str):
        return _scalar(base, data, where)
    if base is dt.datetime:
        try:
            value = dt.datetime.fromisoformat(str(data))
        except ValueError:
            raise ValidationError(where, f"not a date-time: {data!r}") from None
        if value.tzinfo is None:
            raise ValidationError(where, "must include a timezone")
        return value
    if base is dt.date:
        if not isinstance(data, str):
            raise ValidationError(where, "must be a date (YYYY-MM-DD)")
        try:
            return dt.date.fromisoformat(data)
        except ValueError:
            raise ValidationError(where, f"not a real date (YYYY-MM-DD): {data!r}") from None
    if base is uuid.UUID:
        try:
            return uuid.UUID(str(data))
        except ValueError:
            raise ValidationError(where, "must be a UUID") from None
    if isinstance(base, type) and issubclass(base, enum.Enum):
        try:
            return base(data)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in base)
            raise ValidationError(where, f"unknown value {data!r}; one of: {allowed}") from None
    origin = typing.get_origin(base)
    args = typing.get_args(base)
    if origin in (tuple, list, frozenset):
        if not isinstance(data, list | tuple):
            raise ValidationError(where, "must be a list")
        items = [from_data(args[0], v, f"{path}[{i}]") for i, v in enumerate(data)]
        if origin is frozenset:
            return frozenset(items)
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(data, dict):
            raise ValidationError(where, "must be an object")
        return {
            from_data(args[0], k, f"{path}.{k}" if path else str(k)): from_data(
                args[1], v, f"{path}.{k}" if path else str(k)
            )
            for k, v in data.items()
        }
    if isinstance(base, type) and attrs.has(base):
        return _build(base, data, path)
    raise TypeError(f"cannot build {base!r} from plain data")


def _build(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise ValidationError(path or "body", "must be an object")
    hints = _hints(cls)
    fields = {f.alias or f.name: f for f in attrs.fields(cls) if f.init}
    by_key = {_key(cls, name): name for name in fields}
    prefix = f"{path}." if path else ""
    for key in data:
        if key not in by_key:
            raise ValidationError(f"{prefix}{key}", "unknown field")
    kwargs: dict[str, Any] = {}
    for key, name in by_key.items():
        f = fields[name]
        if key not in data:
            if f.default is attrs.NOTHING:
                raise ValidationError(f"{prefix}{key}", "is required")
            continue
        kwargs[name] = from_data(hints[f.name], data[key], f"{prefix}{key}")
    try:
        return cls(**kwargs)
    except ValidationError as exc:
        # Domain validators name their own field; say where it is in this document.
        first, _, rest = exc.field.partition(".")
        last = exc.field.rsplit(".", 1)[-1]
        if first in fields:
            where = prefix + _key(cls, first) + (f".{rest}" if rest else "")
        elif last in fields:
            where = prefix + _key(cls, last)
        else:
            where = path or exc.field
        raise ValidationError(where, exc.detail, allowed=exc.allowed) from None
