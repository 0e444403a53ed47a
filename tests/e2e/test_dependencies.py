"""Handler dependencies are resolved one by one (cma_entrypoints.http.dependencies), with
Litestar's behaviour kept: every dependency resolved, sub-dependencies first, generator
dependencies cleaned up after the answer, and a failing dependency answered as an error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from litestar import Litestar, get
from litestar._kwargs.kwargs_model import KwargsModel
from litestar.di import Provide

from cma_entrypoints.container import build_container
from cma_entrypoints.http import dependencies
from cma_entrypoints.http.app import create_app
from cma_entrypoints.settings import Settings


def test_the_app_resolves_dependencies_in_order(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    litestars_own = KwargsModel.__dict__["resolve_dependencies"]
    monkeypatch.setattr(KwargsModel, "resolve_dependencies", litestars_own)
    settings = Settings.from_env(
        {
            "CMA_DATABASE_URL": f"sqlite:///{tmp_path / 'cma.db'}",
            "CMA_SECRET_KEY": "x" * 40,
            "CMA_DATA_DIR": str(tmp_path),
        }
    )
    create_app(build_container(settings))
    assert KwargsModel.resolve_dependencies is dependencies.resolve_in_order


async def test_dependencies_resolve_and_clean_up_as_litestar_does() -> None:
    dependencies.install()
    seen: list[str] = []

    async def a() -> str:
        seen.append("a")
        return "A"

    def b() -> str:
        seen.append("b")
        return "B"

    async def c(a: str) -> str:  # depends on ``a``: a later batch
        seen.append("c")
        return a + "C"

    async def d() -> AsyncIterator[str]:
        seen.append("d")
        yield "D"
        seen.append("d cleaned up")

    async def broken() -> str:
        raise ValueError("no")

    @get("/ok", sync_to_thread=False)
    def ok(a: str, b: str, c: str, d: str) -> str:
        return a + b + c + d

    @get("/broken", sync_to_thread=False)
    def fails(a: str, broken: str) -> str:
        return a + broken

    app = Litestar(
        route_handlers=[ok, fails],
        dependencies={
            "a": Provide(a),
            "b": Provide(b, sync_to_thread=False),
            "c": Provide(c),
            "d": Provide(d),
            "broken": Provide(broken),
        },
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        r = await client.get("/ok")
        assert (r.status_code, r.text) == (200, "ABACD")
        assert seen == ["a", "b", "d", "c", "d cleaned up"]
        assert (await client.get("/broken")).status_code == 500
