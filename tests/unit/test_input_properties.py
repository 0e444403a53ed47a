"""Property-based checks of the input bounds (issue 13, ASVS V5), with hypothesis.

- The core's ``check_line``/``check_text`` and the HTTP schema's ``LINE``/``TEXT``
  patterns accept exactly the same strings (the CLI and the API cannot disagree).
- Any JSON at all, against every request body type of the app, is either accepted with
  every bound holding or refused as a validation error (a 400) — never another exception
  (a 500). Deep nesting is refused by depth, not by a ``RecursionError``.
- Money is bounded the same way in the core (``Money.of``, ``from_data``) and the schema.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar.exceptions import ClientException, HTTPException, ValidationException

from cma_core.shared.data import from_data
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import MAX_PENCE, Money
from cma_core.shared.text import check_line, check_text
from cma_entrypoints.container import build_container
from cma_entrypoints.http.app import create_app
from cma_entrypoints.http.common.input import (
    MAX_JSON_DEPTH,
    _json_body_type,
    decode_json_body,
    depth_of,
)
from cma_entrypoints.http.common.schemas import LINE, TEXT
from cma_entrypoints.settings import Settings

SETTINGS = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Characters near every boundary: controls, DEL, C1, separators, bidi marks, plain text.
_EDGES = "".join(map(chr, [*range(0x21), *range(0x7E, 0xA1), 0x2028, 0x2029, 0x202A,
                           0x202E, 0x2066, 0x2069, 0x200B, 0xFEFF]))  # fmt: skip
texts = st.text(
    alphabet=st.sampled_from(_EDGES) | st.characters(exclude_categories=["Cs"]), max_size=40
)


def _accepts(check: Any, value: str) -> bool:
    try:
        check(value, "f", max_length=10_000)
    except ValidationError:
        return False
    return True


@SETTINGS
@given(texts)
def test_the_core_and_the_schema_agree_on_lines_and_texts(value: str) -> None:
    assert _accepts(check_line, value) == bool(re.search(LINE, value))
    assert _accepts(check_text, value) == bool(re.search(TEXT, value))
    if _accepts(check_line, value):
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in value)
    if _accepts(check_text, value):
        assert all(c in "\t\n\r" for c in value if ord(c) < 0x20)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=30,
)


@pytest.fixture(scope="module")
def body_types(tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """Every JSON request body type of the app's routes (new routes included)."""
    data = tmp_path_factory.mktemp("app")
    container = build_container(
        Settings.from_env({"CMA_DATA_DIR": str(data), "CMA_SECRET_KEY": "k" * 40})
    )
    found: dict[str, Any] = {}
    for route in create_app(container).routes:
        for handler in getattr(route, "route_handlers", ()):
            tp = _json_body_type(handler)
            # A plain-object body (the financial facts) is read by the core's from_data,
            # which bounds it itself (tests/e2e/test_hostile_input.py).
            if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
                found[repr(tp)] = tp
    assert len(found) >= 25  # every area's Struct bodies are found
    return list(found.values())


def _bounded(value: Any) -> None:
    """Every number and string in a decoded body is within the widest bound we state."""
    if isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            _bounded(getattr(value, name))
    elif isinstance(value, dict):
        for k, v in value.items():
            _bounded(k)
            _bounded(v)
    elif isinstance(value, list | tuple):
        assert len(value) <= 200
        for v in value:
            _bounded(v)
    elif isinstance(value, bool) or value is None:
        pass
    elif isinstance(value, int):
        assert abs(value) <= MAX_PENCE
    elif isinstance(value, str):
        assert len(value) <= 20_000
        assert not re.search("[\x00\x1b]", value)
    elif isinstance(value, dt.date):
        assert 1900 <= value.year <= 2100


@SETTINGS
@given(st.data())
def test_any_json_against_any_body_is_accepted_within_bounds_or_a_400(
    body_types: list[Any], data: st.DataObject
) -> None:
    tp = data.draw(st.sampled_from(body_types))
    value = data.draw(
        st.dictionaries(st.sampled_from(_field_names(tp)) | texts, json_values, max_size=6)
    )
    try:
        raw = decode_json_body(msgspec.json.encode(value))
        decoded = msgspec.convert(raw, type=tp, strict=True, str_keys=True)
    except (msgspec.ValidationError, ValidationException, ClientException):
        return
    _bounded(decoded)


def _field_names(tp: Any) -> list[str]:
    base = getattr(tp, "__origin__", tp)
    fields = getattr(base, "__struct_fields__", ())
    return list(fields) or ["x"]


@SETTINGS
@given(st.integers(min_value=1, max_value=3000))
def test_nesting_is_refused_by_depth_never_by_recursion(depth: int) -> None:
    body = b"[" * depth + b"]" * depth
    if depth <= MAX_JSON_DEPTH:
        assert depth_of(decode_json_body(body)) == depth
    else:
        with pytest.raises(ValidationException):
            decode_json_body(body)


@SETTINGS
@given(st.integers(min_value=-(2**80), max_value=2**80))
def test_money_is_bounded_alike_in_the_core(pence: int) -> None:
    inside = 0 <= pence <= MAX_PENCE
    if inside:
        assert Money.of(pence, field="balance").pence == pence
    else:
        with pytest.raises(ValidationError) as exc:
            Money.of(pence, field="balance")
        assert exc.value.field == "balance"
    try:
        from_data(Money, pence)
        assert abs(pence) <= MAX_PENCE
    except ValidationError:
        assert abs(pence) > MAX_PENCE


def test_the_json_size_limit_is_a_413() -> None:
    with pytest.raises(HTTPException) as exc:
        decode_json_body(b" " * (1_048_576 + 1))
    assert exc.value.status_code == 413
