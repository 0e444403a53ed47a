"""Routes of the web console and the offline API docs page."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from litestar import Request, Response, get
from litestar.datastructures import MutableScopeHeaders
from litestar.exceptions import NotFoundException
from litestar.openapi.plugins import OpenAPIRenderPlugin
from litestar.response import File
from litestar.types import Message, Scope

#: The policy of the console's pages (the API's own is ``default-src 'none'``). No inline
#: script or style, nothing from another origin; ``data:`` images only for the icons that
#: GOV.UK Frontend's and Swagger UI's CSS embed. ``blob:`` images and frames (no other
#: frames) for a document viewed in a new tab: the console writes a page there titled with
#: the file's name and shows the file it fetched behind the bearer token from a ``blob:``
#: address (an image as an image, a PDF in a frame: the browser's viewer); such an
#: address is made only by the console's own script.
CONSOLE_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "frame-src blob:; "
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

# Paths that belong to the API or the docs: never answered with the console's index.
_NOT_CONSOLE = ("api/", "schema/", "health/")
# Vite puts content-hashed files under assets/: they never change, cache them for a year.
_IMMUTABLE = "public, max-age=31536000, immutable"
_REVALIDATE = "no-cache"
_TYPES = {
    ".html": "text/html",
    ".js": "text/javascript",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}


def _headers(cache: str) -> dict[str, str]:
    return {"Cache-Control": cache}


def _file(path: Path, cache: str) -> File:
    media = (
        _TYPES.get(path.suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    )
    return File(
        path,
        filename=path.name,
        media_type=media or "application/octet-stream",
        content_disposition_type="inline",
        headers=_headers(cache),
    )


def console_routes(dist: Path) -> list[Any]:
    """The handler serving ``dist`` (the built console); none if it was not built."""
    root = dist.resolve()
    index = root / "index.html"

    @get(
        ["/", "/{path:path}"],
        exclude_from_auth=True,
        include_in_schema=False,
        sync_to_thread=False,
        # A console page's query is the console's own (a list's filters, the closure days'
        # period), read by its script: the index answers whatever it holds, so a page
        # reloaded or linked with its query opens rather than being refused as unknown.
        opt={"strict_query": False},
    )
    def console(path: str = "/") -> Response[Any]:
        rel = path.lstrip("/")
        if rel.startswith(_NOT_CONSOLE) or rel in ("schema", "health"):
            raise NotFoundException
        if not index.is_file():
            return Response(
                "The web console is not built: run ./dev demo (or npm run build in web/).",
                media_type="text/plain",
                status_code=503,
                headers=_headers("no-store"),
            )
        target = (root / rel).resolve() if rel else index
        if target.is_relative_to(root) and target.is_file():
            cache = _IMMUTABLE if rel.startswith("assets/") else _REVALIDATE
            return _file(target, cache)
        if "." in rel.rsplit("/", 1)[-1]:
            # A missing file (a stale asset name, a typo): not the application's page.
            raise NotFoundException
        return _file(index, _REVALIDATE)

    return [console]


class SchemaPage(OpenAPIRenderPlugin):
    """``/schema``: Swagger UI from the console build's vendored copy, no inline code."""

    def __init__(self) -> None:
        super().__init__(path="/")

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        title = openapi_schema["info"]["title"]
        return (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{title}</title>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            "<link rel='stylesheet' href='/schema-assets/swagger-ui.css'>"
            "<script src='/schema-assets/swagger-ui-bundle.js' defer></script>"
            "<script src='/schema-assets/init.js' defer></script>"
            "</head><body><main id='swagger-ui'></main>"
            "<noscript>The API document is at <a href='/schema/openapi.json'>"
            "/schema/openapi.json</a>.</noscript></body></html>"
        ).encode()


async def console_csp(message: Message, scope: Scope) -> None:
    """A ``before_send`` hook: pages outside ``/api/`` (the console, ``/schema``) get the
    console's policy instead of the API's ``default-src 'none'``, which would block them."""
    if message["type"] != "http.response.start" or scope["path"].startswith("/api/"):
        return
    headers = MutableScopeHeaders.from_message(message)
    headers["Content-Security-Policy"] = CONSOLE_CSP
