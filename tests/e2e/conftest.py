"""HTTP end-to-end fixtures: the real app on a real database, driven over ASGI."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from cma_adapters.jobs import InProcessEventPublisher
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings

PASSWORD = "correct horse battery staple"


class Api:
    """A signed-in test client for one user, plus the ids the test set up."""

    def __init__(self, client: httpx.AsyncClient, token: str, centre_id: str) -> None:
        self.client = client
        self.headers = {"Authorization": f"Bearer {token}"}
        self.centre_id = centre_id

    async def get(self, url: str, **kw: Any) -> Any:
        return await self.client.get(url, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    async def post(self, url: str, json: Any = None, **kw: Any) -> Any:
        return await self.client.post(
            url, json=json, headers={**self.headers, **kw.pop("headers", {})}, **kw
        )

    async def patch(self, url: str, json: Any = None, **kw: Any) -> Any:
        return await self.client.patch(
            url, json=json, headers={**self.headers, **kw.pop("headers", {})}, **kw
        )

    async def new_client(self, **fields: Any) -> dict[str, Any]:
        body = {"first_name": "Ann", "last_name": "Lee", "date_of_birth": "1984-03-02"}
        body.update(fields)
        r = await self.post("/api/v1/clients", body)
        assert r.status_code == 201, r.text
        return dict(r.json())

    async def new_case(self) -> dict[str, Any]:
        client = await self.new_client()
        r = await self.post("/api/v1/cases", {"client_id": client["id"]})
        assert r.status_code == 201, r.text
        return dict(r.json())


async def settle(container: Container) -> None:
    """Wait for the jobs the requests so far queued in-process (the embedded default runs
    them in the background, after the response)."""
    publisher = container.publisher()
    if isinstance(publisher, InProcessEventPublisher):
        await publisher.drain()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Which databases a test's app runs on (``container``): PostgreSQL, what production
    runs, with row-level security under the application's own tenant filter; and SQLite,
    the embedded default, too where a module is marked ``both_databases``.

    Each repository's contract suite already runs on both (``tests/contracts``), every
    dialect branch included, and the console's browser run and the OpenAPI fuzz drive the
    embedded default over HTTP. What is marked runs on both here as well: tenant isolation
    on every route, keyset pagination, hostile input and malformed requests, search, the
    work queue's read model and an adviser's whole day (until 2026-12-07 every end-to-end
    test ran on both: about 120 CPU-seconds of the suite's time for the HTTP layer, which
    is the same code on either)."""
    chosen = any(
        "container" in str(mark.args[0]) for mark in metafunc.definition.iter_markers("parametrize")
    )  # a test that names its database itself, as the assistant's learning does
    own = hasattr(metafunc.module, "container")  # a module with a container of its own
    if "container" in metafunc.fixturenames and not chosen and not own:
        both = metafunc.definition.get_closest_marker("both_databases") is not None
        databases = ["sqlite", "postgres"] if both else ["postgres"]
        metafunc.parametrize("container", databases, indirect=True)


@pytest.fixture
def container(request: pytest.FixtureRequest, tmp_path: Any) -> Container:
    if request.param == "sqlite":
        url = request.getfixturevalue("sqlite_url")
    else:
        url = request.getfixturevalue("postgres_url")
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            # Fast argon2 parameters: the tests exercise the flow, not the hash's cost.
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
        }
    )
    return build_container(settings)


@pytest.fixture
async def http(container: Container) -> AsyncIterator[httpx.AsyncClient]:
    # httpx's ASGI transport runs the app on the test's own event loop, so the engine's
    # pooled connections (made by the setup code) stay on one loop.
    transport = httpx.ASGITransport(app=create_app(container))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await shutdown(container)  # background jobs finished, then the pool closed


async def sign_in(http: httpx.AsyncClient, email: str, centre_id: str | None = None) -> Api:
    body: dict[str, Any] = {"email": email, "password": PASSWORD}
    if centre_id:
        body["centre_id"] = centre_id
    r = await http.post("/api/v1/auth/login", json=body)
    assert r.status_code == 200, r.text
    data = r.json()
    return Api(http, data["access_token"], data["centre_id"])


async def colleague(container: Container, http: httpx.AsyncClient, api: Api, role: Role) -> Api:
    """A user of ``api``'s centre in ``role`` (``<role>@colleague.example``), signed in."""
    email = f"{role.value}@colleague.example"
    await container.identity().create_user(
        centre_id=CentreId(uuid.UUID(api.centre_id)), email=email, role=role, password=PASSWORD
    )
    return await sign_in(http, email, api.centre_id)


async def make_centre(container: Container, name: str, role: Role = Role.ADVISER) -> str:
    centre = await container.identity().create_centre(name)
    slug = name.lower().replace(" ", "")
    await container.identity().create_user(
        centre_id=centre.id, email=f"{role.value}@{slug}.example", role=role, password=PASSWORD
    )
    return str(centre.id)


@pytest.fixture
async def two_centres(container: Container, http: httpx.AsyncClient) -> tuple[Api, Api]:
    """Advisers of two centres, each signed in."""
    a = await make_centre(container, "Centre A")
    b = await make_centre(container, "Centre B")
    return (
        await sign_in(http, "adviser@centrea.example", a),
        await sign_in(http, "adviser@centreb.example", b),
    )
