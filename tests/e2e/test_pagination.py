"""Every paginated list, found in the OpenAPI document, refuses a bad page with a 400
problem naming the parameter: negative, zero or oversized limits, negative offsets and
offsets beyond any database integer (one of those once reached SQLite and came back 500).
"""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

from .conftest import PASSWORD, make_centre, sign_in

BAD_PAGES = [
    ("limit", "0"),
    ("limit", "201"),
    ("limit", "many"),
    ("offset", "-1"),
    ("offset", str(2**31)),
    ("offset", str(10**40)),
]


def _fill(path: str) -> str | None:
    """A path with every id filled by a random UUID; ``None`` for a non-id parameter."""
    parts = []
    for part in path.split("/"):
        if part.startswith("{"):
            if not part.rstrip("}").endswith("_id"):
                return None
            part = str(uuid.uuid4())
        parts.append(part)
    return "/".join(parts)


async def test_every_list_refuses_a_bad_page_naming_the_parameter(
    http: httpx.AsyncClient, container: Container
) -> None:
    # A supervisor and a centre admin between them may read every list.
    centre = await make_centre(container, "Paging Centre", Role.SUPERVISOR)
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(centre)),
        email="admin@pagingcentre.example",
        role=Role.CENTRE_ADMIN,
        password=PASSWORD,
    )
    users = [
        await sign_in(http, "supervisor@pagingcentre.example", centre),
        await sign_in(http, "admin@pagingcentre.example", centre),
    ]
    spec: dict[str, Any] = (await http.get("/schema/openapi.json")).json()
    lists = []
    for path, ops in spec["paths"].items():
        get = ops.get("get")
        if not get:
            continue
        names = {p["name"] for p in get.get("parameters", []) if p.get("in") == "query"}
        if {"limit", "offset"} <= names:
            filled = _fill(path)
            assert filled is not None, f"{path}: a list with a path parameter the test can't fill"
            lists.append(filled)
    assert len(lists) >= 20  # every area's lists, not a handful

    for url in lists:
        for name, value in BAD_PAGES:
            for api in users:
                r = await api.get(url, params={name: value})
                if r.status_code != 403:
                    break
            assert r.status_code == 400, (url, name, value, r.status_code, r.text)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert [e["field"] for e in r.json()["errors"]] == [name], (url, r.text)
