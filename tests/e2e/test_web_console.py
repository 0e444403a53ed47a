"""The web console's server side: the built files at / with the SPA fallback under the
console's CSP, the offline API docs, and the browser's refresh-token cookie (issue 12).

The browser tests of the console itself are in web/e2e (Playwright, ``./dev test``)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
from tests.e2e.conftest import PASSWORD, make_centre

from cma_entrypoints.container import Container, build_container
from cma_entrypoints.http.console import CONSOLE_CSP
from cma_entrypoints.settings import Settings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def container(tmp_path: Path, sqlite_url: str) -> Container:
    # A stand-in build: these tests are about serving, not about what Vite produced.
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "schema-assets").mkdir()
    (dist / "index.html").write_text("<!doctype html><title>CMA</title><div id=root></div>")
    (dist / "assets" / "index-abc123.js").write_text("console.log('cma')")
    (dist / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    (dist / "schema-assets" / "init.js").write_text("// swagger init")
    (tmp_path / "secret.txt").write_text("not served")
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": sqlite_url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
            "CMA_WEB_DIR": str(dist),
        }
    )
    return build_container(settings)


async def test_console_pages_get_the_index_under_the_console_policy(
    http: httpx.AsyncClient,
) -> None:
    for path in ("/", "/cases", "/cases/6f1c2d3e-4a5b-4c6d-8e7f-901234567890/debts"):
        r = await http.get(path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("text/html")
        assert "<div id=root>" in r.text
        assert r.headers["content-security-policy"] == CONSOLE_CSP
        assert r.headers["cache-control"] == "no-cache"
        assert r.headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in CONSOLE_CSP
    assert "http" not in CONSOLE_CSP  # nothing from another origin
    # Frames only from blob:, images from blob: too (a viewed document, in the page
    # written into its new tab).
    assert "frame-src blob:;" in CONSOLE_CSP
    assert "img-src 'self' data: blob:;" in CONSOLE_CSP
    assert "child-src" not in CONSOLE_CSP
    assert "object-src" not in CONSOLE_CSP


async def test_a_console_page_reloaded_or_linked_with_its_query_opens(
    http: httpx.AsyncClient,
) -> None:
    # The query is the console's own (filters, a period), read by its script: not refused
    # as an unknown parameter, as an API route's would be.
    for path in (
        "/cases?status=closed&adviser=me",
        "/calendar?closures_from=2025-01-01&closures_to=2025-12-31",
    ):
        r = await http.get(path)
        assert r.status_code == 200, (path, r.text)
        assert "<div id=root>" in r.text
        assert r.headers["content-security-policy"] == CONSOLE_CSP


async def test_hashed_assets_are_cached_and_missing_files_are_not_the_index(
    http: httpx.AsyncClient,
) -> None:
    r = await http.get("/assets/index-abc123.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert "immutable" in r.headers["cache-control"]
    assert (await http.get("/assets/index-gone.js")).status_code == 404
    assert (await http.get("/sw.js")).headers["cache-control"] == "no-cache"
    # Nothing outside the build is reachable, however the path is spelled.
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2F..%2Fsecret.txt"):
        r = await http.get(path)
        assert "not served" not in r.text, path


async def test_api_paths_stay_the_apis(http: httpx.AsyncClient) -> None:
    r = await http.get("/api/v1/no-such-route")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/problem+json")
    assert (await http.get("/api/v1/cases")).status_code == 401
    assert (await http.get("/health")).status_code == 200


async def test_schema_page_runs_from_local_assets_under_the_policy(
    http: httpx.AsyncClient,
) -> None:
    r = await http.get("/schema")
    assert r.status_code == 200
    assert r.headers["content-security-policy"] == CONSOLE_CSP
    page = r.text
    assert "<script src='/schema-assets/swagger-ui-bundle.js'" in page
    assert "/schema-assets/init.js" in page
    assert "<script>" not in page
    assert "<style" not in page
    assert "cdn" not in page.lower()
    assert "https://" not in page
    assert (await http.get("/schema-assets/init.js")).status_code == 200
    assert (await http.get("/schema/openapi.json")).status_code == 200


COOKIE_MODE = {"X-CMA-Refresh-Cookie": "1"}


def _cookie(r: httpx.Response) -> tuple[str, str]:
    header = r.headers["set-cookie"]
    value = header.split(";", 1)[0].split("=", 1)[1]
    return value, header


async def _login(container: Container, http: httpx.AsyncClient) -> httpx.Response:
    await make_centre(container, "Browser Centre")
    return await http.post(
        "/api/v1/auth/login",
        json={"email": "adviser@browsercentre.example", "password": PASSWORD},
        headers=COOKIE_MODE,
    )


async def test_cookie_mode_keeps_the_refresh_token_out_of_the_body(
    container: Container, http: httpx.AsyncClient
) -> None:
    r = await _login(container, http)
    assert r.status_code == 200, r.text
    assert r.json()["refresh_token"] is None
    raw, header = _cookie(r)
    assert raw
    attrs = {a.strip().lower() for a in header.split(";")[1:]}
    assert {"httponly", "secure", "samesite=strict", "path=/api/v1/auth"} <= attrs
    origin = {"Origin": "http://testserver"}
    r = await http.post(
        "/api/v1/auth/refresh",
        json={},
        headers={**COOKIE_MODE, **origin, "Cookie": f"cma_refresh={raw}"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["refresh_token"] is None
    rotated, _ = _cookie(r)
    assert rotated != raw
    # The spent cookie is single-use like the body token: reuse revokes the family.
    r = await http.post(
        "/api/v1/auth/refresh",
        json={},
        headers={**COOKIE_MODE, **origin, "Cookie": f"cma_refresh={raw}"},
    )
    assert r.status_code == 401
    r = await http.post(
        "/api/v1/auth/refresh",
        json={},
        headers={**COOKIE_MODE, **origin, "Cookie": f"cma_refresh={rotated}"},
    )
    assert r.status_code == 401


async def test_the_cookie_is_refused_without_the_header_or_from_another_origin(
    container: Container, http: httpx.AsyncClient
) -> None:
    raw, _ = _cookie(await _login(container, http))
    cookie = {"Cookie": f"cma_refresh={raw}"}
    # A cross-site form can send the cookie (were it not SameSite) but not the header.
    r = await http.post("/api/v1/auth/refresh", json={}, headers=cookie)
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    r = await http.post(
        "/api/v1/auth/refresh",
        json={},
        headers={**cookie, **COOKIE_MODE, "Origin": "https://evil.example"},
    )
    assert r.status_code == 401
    # Neither attempt spent it: the console's own request still works.
    r = await http.post(
        "/api/v1/auth/refresh",
        json={},
        headers={**cookie, **COOKIE_MODE, "Origin": "http://testserver"},
    )
    assert r.status_code == 200, r.text


async def test_logout_with_the_cookie_revokes_and_clears_it(
    container: Container, http: httpx.AsyncClient
) -> None:
    r = await _login(container, http)
    access = r.json()["access_token"]
    raw, _ = _cookie(r)
    headers = {
        **COOKIE_MODE,
        "Origin": "http://testserver",
        "Cookie": f"cma_refresh={raw}",
        "Authorization": f"Bearer {access}",
    }
    r = await http.post("/api/v1/auth/logout", json={}, headers=headers)
    assert r.status_code == 204, r.text
    assert "max-age=0" in r.headers["set-cookie"].lower()
    r = await http.post("/api/v1/auth/refresh", json={}, headers=headers)
    assert r.status_code == 401


async def test_a_refresh_without_any_token_is_401(http: httpx.AsyncClient) -> None:
    r = await http.post("/api/v1/auth/refresh", json={})
    assert r.status_code == 401


@pytest.mark.skipif(
    not (REPO / "web" / "node_modules").is_dir() and not os.environ.get("CI"),
    reason="web/node_modules not installed (npm ci in web/)",
)
def test_console_api_types_match_the_apis_openapi_document() -> None:
    """web/src/api/schema.d.ts is generated from the live document; a route or schema
    change without `npm run gen:api` in web/ fails here."""
    node = shutil.which("node")
    assert node, "node is needed for the console's type check"
    r = subprocess.run(
        [node, "scripts/gen-api.mjs", "--check"],
        cwd=REPO / "web",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert r.returncode == 0, r.stderr or r.stdout
