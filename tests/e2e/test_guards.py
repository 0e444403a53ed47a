"""Route guards get the route handler itself, not a copy per guard (cma_entrypoints.http.
guards), with Litestar's behaviour kept: every guard of the route runs, in order, and the
first refusal answers the request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Litestar, get
from litestar.exceptions import PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler

from cma_entrypoints.container import build_container
from cma_entrypoints.http import guards
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings


def test_the_app_installs_guards_without_copies(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    litestars_own = BaseRouteHandler.__dict__["authorize_connection"]
    monkeypatch.setattr(BaseRouteHandler, "authorize_connection", litestars_own)
    settings = Settings.from_env(
        {
            "CMA_DATABASE_URL": f"sqlite:///{tmp_path / 'cma.db'}",
            "CMA_SECRET_KEY": "x" * 40,
            "CMA_DATA_DIR": str(tmp_path),
        }
    )
    create_app(build_container(settings))
    assert BaseRouteHandler.authorize_connection is guards.authorize_in_place


async def test_guards_run_in_order_and_the_first_refusal_answers() -> None:
    guards.install()
    seen: list[tuple[str, object]] = []

    async def first(_: Any, handler: BaseRouteHandler) -> None:
        seen.append(("first", handler))

    async def refuses(_: Any, handler: BaseRouteHandler) -> None:
        seen.append(("refuses", handler))
        raise PermissionDeniedException("no")

    async def never(_: Any, handler: BaseRouteHandler) -> None:
        seen.append(("never", handler))

    @get("/open", guards=[first], sync_to_thread=False)
    def open_route() -> str:
        return "ok"

    @get("/shut", guards=[first, refuses, never], sync_to_thread=False)
    def shut_route() -> str:
        return "ok"

    app = Litestar(route_handlers=[open_route, shut_route])
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        r = await client.get("/open")
        assert (r.status_code, r.text) == (200, "ok")
        assert [name for name, _ in seen] == ["first"]
        handler = seen[0][1]
        assert (await client.get("/open")).status_code == 200
        assert seen[1][1] is handler  # the handler itself each time, no copy made
        seen.clear()
        assert (await client.get("/shut")).status_code == 403
        assert [name for name, _ in seen] == ["first", "refuses"]
