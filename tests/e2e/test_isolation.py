"""Tenant isolation, generated from the OpenAPI document.

For every route with a path parameter, a supervisor of centre A calls it with centre B's
*real* ids (made by ``ID_FACTORIES``) and must get 404, for every method: read, update,
delete, sub-resources. List routes never show B's rows.

A new route whose path parameter has no factory FAILS this suite with the route named:
add a factory to ``ID_FACTORIES`` (keyed by the parameter name) that creates a record in
centre B through the API and returns its id. ``PENDING_FACTORIES`` lists the parameters
of areas whose owners have yet to add one: their routes are reported as xfail (and a
route that mixes them with known ids is still tested with B's known ids).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from tests.e2e.conftest import PASSWORD, Api, sign_in

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

IdFactory = Callable[[Api, "Seeded"], Awaitable[str]]


class Seeded:
    """Records made in centre B, shared by factories (a note needs a case, ...)."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}


async def _client_id(b: Api, seeded: Seeded) -> str:
    if "client_id" not in seeded.cache:
        seeded.cache["client_id"] = (await b.new_client(first_name="Bea"))["id"]
    return seeded.cache["client_id"]


async def _case_id(b: Api, seeded: Seeded) -> str:
    if "case_id" not in seeded.cache:
        r = await b.post("/api/v1/cases", {"client_id": await _client_id(b, seeded)})
        assert r.status_code == 201, r.text
        seeded.cache["case_id"] = r.json()["id"]
    return seeded.cache["case_id"]


async def _user_id(b: Api, seeded: Seeded) -> str:
    r = await b.get("/api/v1/auth/me")
    return str(r.json()["user_id"])


#: How to make a real record of centre B for each path-parameter name. Extend me.
ID_FACTORIES: dict[str, IdFactory] = {
    "client_id": _client_id,
    "case_id": _case_id,
    "user_id": _user_id,
}

#: Parameters whose owners have not added a factory yet (area -> reason). Not a place
#: to park new parameters: every entry is a gap in the isolation proof.
PENDING_FACTORIES: dict[str, str] = {
    "deadline_id": "compliance/scheduling",
    "appointment_id": "compliance/scheduling",
    "document_id": "documents",
    "suggestion_id": "documents",
    "creditor_id": "advice",
    "kind": "advice (letter template kind: not a record id)",
    "advice_id": "advice",
    "letter_id": "advice",
    "debt_id": "advice",
}

#: Answers other than 404 found by this suite and reported to the route's owner. Each is
#: an open isolation bug, not an accepted behaviour.
KNOWN_FINDINGS: dict[str, str] = {}

METHODS = ("get", "post", "put", "patch", "delete")
_PARAM = re.compile(r"\{(\w+)\}")


def _routes(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for path, ops in schema["paths"].items():
        if not path.startswith("/api/v1") or not _PARAM.search(path):
            continue
        for method, op in ops.items():
            if method in METHODS:
                out.append((method, path, op))
    return out


def _example_body(op: dict[str, Any]) -> Any:
    body = op.get("requestBody")
    if not body:
        return None
    for media in body.get("content", {}).values():
        in_schema = (media.get("schema") or {}).get("examples")
        if isinstance(in_schema, list) and in_schema:
            return in_schema[0]
        examples = media.get("examples") or {}
        for ex in examples.values():
            if isinstance(ex, dict) and "value" in ex:
                return ex["value"]
        if "example" in media:
            return media["example"]
    return {}


@pytest.fixture
async def centres(container: Container, http: httpx.AsyncClient) -> tuple[Api, Api]:
    """A supervisor of centre A (broad rights) and an adviser of centre B."""
    ids = []
    for name in ("Iso A", "Iso B"):
        centre = await container.identity().create_centre(name)
        ids.append(centre.id)
    await container.identity().create_user(
        centre_id=CentreId(ids[0]),
        email="sup@isoa.example",
        role=Role.SUPERVISOR,
        password=PASSWORD,
    )
    await container.identity().create_user(
        centre_id=CentreId(ids[1]), email="adv@isob.example", role=Role.ADVISER, password=PASSWORD
    )
    return (
        await sign_in(http, "sup@isoa.example", str(ids[0])),
        await sign_in(http, "adv@isob.example", str(ids[1])),
    )


async def test_every_route_with_an_id_rejects_another_centres_ids(
    centres: tuple[Api, Api], http: httpx.AsyncClient
) -> None:
    a, b = centres
    schema = (await http.get("/schema/openapi.json")).json()
    seeded = Seeded()
    unknown: list[str] = []
    pending: list[str] = []
    leaks: list[str] = []
    unreached: list[str] = []
    findings: list[str] = []
    covered = 0
    for method, path, op in _routes(schema):
        names = _PARAM.findall(path)
        missing = [n for n in names if n not in ID_FACTORIES and n not in PENDING_FACTORIES]
        if missing:
            unknown.append(f"{method.upper()} {path} (no id factory for {', '.join(missing)})")
            continue
        if not any(n in ID_FACTORIES for n in names):
            pending.append(f"{method.upper()} {path}")
            continue
        url = path
        for n in names:
            value = await ID_FACTORIES[n](b, seeded) if n in ID_FACTORIES else str(uuid.uuid4())
            url = url.replace("{" + n + "}", value)
        r = await a.client.request(
            method.upper(),
            url,
            json=_example_body(op),
            headers={**a.headers, "If-Match": '"1"'},
        )
        route = f"{method.upper()} {path}"
        if r.status_code == 404:
            covered += 1
        elif r.status_code in {400, 415, 422} and route not in KNOWN_FINDINGS:
            # Refused before the lookup (the example body does not fit): not a leak, but
            # not proof either; reported below.
            unreached.append(f"{route} -> {r.status_code}")
        elif route in KNOWN_FINDINGS:
            findings.append(f"{route} -> {r.status_code} ({KNOWN_FINDINGS[route]})")
        else:
            leaks.append(f"{route} -> {r.status_code}: {r.text[:200]}")
    assert not unknown, (
        "routes with a path parameter this suite cannot fill; add an id factory to "
        "ID_FACTORIES in tests/e2e/test_isolation.py:\n  " + "\n  ".join(unknown)
    )
    assert not leaks, "centre A reached centre B's records:\n  " + "\n  ".join(leaks)
    assert covered >= 10  # the skeleton's own client/case routes at least
    print(f"isolation: {covered} route/method pairs answered 404")
    if pending or unreached or findings:
        pytest.xfail(
            f"{covered} route/methods proven 404; {len(pending)} await an id factory: "
            + "; ".join(pending)
            + f" | {len(unreached)} refused before the lookup: "
            + "; ".join(unreached)
            + f" | {len(findings)} known findings: "
            + "; ".join(findings)
        )


async def test_lists_never_show_another_centres_rows(centres: tuple[Api, Api]) -> None:
    a, b = centres
    seeded = Seeded()
    case_id = await _case_id(b, seeded)
    client_id = await _client_id(b, seeded)
    await a.new_case()
    for url in ("/api/v1/clients", "/api/v1/cases", "/api/v1/tasks", "/api/v1/audit"):
        r = await a.get(url, params={"limit": 200})
        assert r.status_code == 200, (url, r.text)
        text = r.text
        assert case_id not in text
        assert client_id not in text
        assert b.centre_id not in text
    assert (await a.get("/api/v1/clients", params={"name": "Bea"})).json()["total"] == 0
