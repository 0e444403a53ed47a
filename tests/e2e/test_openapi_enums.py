"""Every closed set of the API is an enum in the OpenAPI document with each value
described, and a value outside a closed set is a 422 that names the field and lists the
allowed values (body fields, nested ones and query parameters alike)."""

from __future__ import annotations

import enum
import typing
from collections.abc import Iterator
from typing import Any

import httpx
import msgspec
import pytest
from tests.e2e.conftest import Api
from tests.e2e.test_advice_api import BUDGET, V0, put, setup_case

from cma_core.budgets.frequency import Frequency
from cma_core.debts.model import DebtType
from cma_core.tasks.model import TaskStatus
from cma_entrypoints.http.common.enums import DESCRIPTIONS, SFS_LINES

pytestmark = pytest.mark.slow


def _enums(node: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield path, node
        for key, value in node.items():
            yield from _enums(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _enums(value, f"{path}[{i}]")


async def test_every_enum_in_the_document_describes_each_value(
    http: httpx.AsyncClient,
) -> None:
    spec = (await http.get("/schema/openapi.json")).json()
    found = list(_enums(spec))
    assert len(found) >= 40
    for path, schema in found:
        described = schema.get("x-enum-descriptions", {})
        for value in schema["enum"]:
            text = described.get(str(value), "")
            assert text.strip(), f"{path}: {value!r} has no description"
            assert text != str(value), f"{path}: {value!r} is described by its own code"
            assert f"`{value}`" in schema["description"], path
    # The closed sets a request names are enums, not free codes.
    debt_in = spec["components"]["schemas"]["DebtIn"]["properties"]
    assert debt_in["debt_type"] == {"$ref": "#/components/schemas/DebtType"}
    lines = spec["components"]["schemas"]["BudgetIn"]["properties"]["lines"]
    assert set(lines["propertyNames"]["enum"]) == set(SFS_LINES)


def _request_enums() -> Iterator[type[enum.Enum]]:
    """The enums of the request bodies' fields (to hold DESCRIPTIONS to them)."""
    from cma_entrypoints.http.common import schemas

    seen: set[type[Any]] = set()
    todo: list[Any] = list(schemas.Input.__subclasses__())
    while todo:
        tp = todo.pop()
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            yield tp
        elif isinstance(tp, type) and issubclass(tp, msgspec.Struct) and tp not in seen:
            seen.add(tp)
            todo.extend(typing.get_type_hints(tp, include_extras=True).values())
            todo.extend(tp.__subclasses__())
        else:
            todo.extend(typing.get_args(tp))


def test_every_closed_set_of_a_request_body_has_its_descriptions() -> None:
    import cma_entrypoints.http.app  # noqa: F401  (imports every area's schemas)

    request_enums = set(_request_enums())
    assert {DebtType, Frequency} <= request_enums
    for cls in request_enums:
        assert cls in DESCRIPTIONS, cls.__name__
        assert set(DESCRIPTIONS[cls]) == {str(m.value) for m in cls}, cls.__name__


def _problem(r: httpx.Response) -> dict[str, Any]:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    [error] = r.json()["errors"]
    return dict(error)


async def test_a_value_outside_a_closed_set_lists_the_allowed_values(
    two_centres: tuple[Api, Api],
) -> None:
    api, _ = two_centres
    _, base, card, _ = await setup_case(api)
    error = _problem(await api.post(f"{base}/debts", {"debt_type": "yacht", "balance_pence": 1}))
    assert error["field"] == "debt_type"
    assert error["allowed"] == [t.value for t in DebtType]
    assert "yacht" in error["message"]
    assert "credit_card" in error["message"]

    r = await api.patch(
        f"{base}/debts/{card}", {"enforcement_stage": "bailiffs"}, headers={"If-Match": '"1"'}
    )
    assert _problem(r)["field"] == "enforcement_stage"

    hourly = {**BUDGET, "lines": {"rent": {"amount_pence": 1, "frequency": "hourly"}}}
    error = _problem(await put(api, f"{base}/budget", hourly, V0))
    assert error["field"] == "lines.rent.frequency"
    assert error["allowed"] == [f.value for f in Frequency]

    error = _problem(
        await put(api, f"{base}/budget", {**BUDGET, "lines": {"caviar": {"amount_pence": 1}}}, V0)
    )
    assert error["field"] == "lines.caviar"
    assert set(error["allowed"]) == set(SFS_LINES)

    error = _problem(await api.get("/api/v1/tasks", params={"status": "nope"}))
    assert error["field"] == "status"
    assert error["allowed"] == [s.value for s in TaskStatus]
