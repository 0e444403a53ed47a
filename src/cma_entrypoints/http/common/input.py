"""The gate every request passes before its handler's arguments are parsed (ASVS V5).

Litestar converts bodies and query values with msgspec in *lax* mode (``"1000"`` became
1000 pence, ``0`` became 1970-01-01) and its JSON decoder raised ``RecursionError`` (a 500)
on 1,000 nested brackets. ``check_input`` (the app's ``before_request``) closes both for
every route, present and future, without any handler having to remember:

- a JSON body must say ``Content-Type: application/json`` (or ``+json``): else 415;
- at most ``MAX_JSON_BYTES`` (413) and ``MAX_JSON_DEPTH`` levels of nesting (400);
- decoded *strictly* against the handler's ``data`` type: no coercion of strings to
  numbers or booleans, of numbers to dates; every ``Meta`` bound and
  :class:`~cma_entrypoints.http.common.schemas.Input` date range applies (400 naming the
  field);
- a query value for a date or date-time parameter must be written as one (ISO 8601), with
  a year from 1900 to 2100 (400 naming the parameter).

The decoded body is handed on to Litestar, which does not read it again.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import msgspec
from litestar import Request
from litestar.enums import RequestEncodingType
from litestar.exceptions import ClientException, HTTPException, ValidationException
from litestar.params import BodyKwarg, ParameterKwarg

#: The largest JSON body (bytes). Files go through multipart uploads, not JSON.
MAX_JSON_BYTES = 1_048_576
#: The deepest nesting of arrays and objects in a JSON body (our deepest shape uses 5).
MAX_JSON_DEPTH = 32

_ISO_DATE = re.compile(r"^(\d{4})-\d{2}-\d{2}$")
_ISO_MOMENT = re.compile(
    r"^(\d{4})-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?$"
)
_YEARS = range(1900, 2101)


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    )


def depth_of(value: Any) -> int:
    """How deeply arrays and objects nest in decoded JSON (a scalar is 0); iterative."""
    deepest = 0
    todo: list[tuple[Any, int]] = [(value, 0)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, dict):
            item = list(item.values())
        elif not isinstance(item, list):
            continue
        depth += 1
        deepest = max(deepest, depth)
        if depth > MAX_JSON_DEPTH:
            return depth
        todo.extend((x, depth) for x in item if isinstance(x, dict | list))
    return deepest


def decode_json_body(body: bytes) -> Any:
    """The JSON in ``body``, within the size and depth limits (400/413 otherwise)."""
    if len(body) > MAX_JSON_BYTES:
        raise HTTPException(
            status_code=413, detail=f"a JSON body may be at most {MAX_JSON_BYTES} bytes"
        )
    try:
        raw = msgspec.json.decode(body)
    except RecursionError:
        raw = None
        too_deep = True
    except msgspec.DecodeError as exc:
        raise ClientException(f"the body is not valid JSON: {exc}") from None
    else:
        too_deep = depth_of(raw) > MAX_JSON_DEPTH
    if too_deep:
        raise ValidationException(
            detail=f"JSON nested more than {MAX_JSON_DEPTH} levels deep",
            extra=[{"message": f"nested more than {MAX_JSON_DEPTH} levels deep", "key": "body"}],
        )
    return raw


@functools.cache
def _json_body_type(handler: Any) -> Any:
    """The type of ``handler``'s JSON ``data`` argument, or ``None`` (no JSON body)."""
    field = handler.parsed_fn_signature.parameters.get("data")
    if field is None:
        return None
    kwarg = field.kwarg_definition
    if isinstance(kwarg, BodyKwarg) and kwarg.media_type != RequestEncodingType.JSON:
        return None
    return field.annotation


@functools.cache
def _dated_params(handler: Any) -> tuple[tuple[str, bool], ...]:
    """``(query name, is date-time)`` of ``handler``'s date and date-time query values."""
    out = []
    for name, field in handler.parsed_fn_signature.parameters.items():
        kwarg = field.kwarg_definition
        if kwarg is not None and not isinstance(kwarg, ParameterKwarg):
            continue
        if isinstance(kwarg, ParameterKwarg) and (kwarg.header or kwarg.cookie):
            continue
        types = [t.annotation for t in field.inner_types] if field.is_optional else []
        types.append(field.annotation)
        key = (kwarg.query if isinstance(kwarg, ParameterKwarg) else None) or name
        if dt.datetime in types:
            out.append((key, True))
        elif dt.date in types:
            out.append((key, False))
    return tuple(out)


def _check_dated_query(request: Request[Any, Any, Any], handler: Any) -> None:
    for key, moment in _dated_params(handler):
        value = request.query_params.get(key)
        if value is None or value == "":
            continue
        match = (_ISO_MOMENT if moment else _ISO_DATE).fullmatch(value)
        if match is None or int(match.group(1)) not in _YEARS:
            what = "a date-time (ISO 8601" if moment else "a date (YYYY-MM-DD"
            raise ValidationException(
                detail=f"{key}: must be {what}, years 1900 to 2100)",
                extra=[{"message": f"must be {what}, years 1900 to 2100)", "key": key}],
            )


_AT = re.compile(r"`\$\.([A-Za-z_][\w.]*)\[\.\.\.\]")


def _name_the_key(message: str, raw: Any, target: Any) -> str:
    """msgspec names a fault inside a mapping by position (``lines[...].amount_pence``); the
    adviser needs the key (``lines.rent.amount_pence``). Find it by checking the mapping's
    entries one at a time against the same type: the first that fails is the one."""
    found = _AT.search(message)
    if found is None or not isinstance(raw, dict):
        return message
    *parents, leaf = found.group(1).split(".")
    holder: Any = raw
    for name in parents:
        holder = holder.get(name) if isinstance(holder, dict) else None
    mapping = holder.get(leaf) if isinstance(holder, dict) else None
    if not isinstance(mapping, dict):
        return message
    for key, value in mapping.items():
        holder[leaf] = {key: value}
        try:
            msgspec.convert(raw, type=target, strict=True, str_keys=True)
        except msgspec.ValidationError:
            return message.replace(f"{found.group(1)}[...]", f"{found.group(1)}.{key}", 1)
        finally:
            holder[leaf] = mapping
    return message


async def check_input(request: Request[Any, Any, Any]) -> None:
    """``before_request``: the strict checks above, before Litestar parses arguments."""
    handler = request.route_handler
    _check_dated_query(request, handler)
    target = _json_body_type(handler)
    if target is None:
        return
    body = await request.body()
    if not body:
        return  # Litestar answers a missing body itself (400 naming it)
    media_type = request.content_type[0]
    if not _is_json(media_type):
        raise HTTPException(
            status_code=415,
            detail=f"send the body as application/json, not {media_type or 'no content type'}",
        )
    raw = decode_json_body(body)
    try:
        msgspec.convert(raw, type=target, strict=True, str_keys=True)
    except msgspec.ValidationError as exc:
        message = _name_the_key(str(exc), raw, target)
        raise ValidationException(
            detail=message, extra=[{"message": message, "key": "data"}]
        ) from None
    # Litestar's own (lax) conversion now sees values already known to be strictly valid.
    request._connection_state.json = raw
