"""The web console (``web/``, built by Vite into ``web/dist``) served by the API process.

``console_routes`` serves the built files at ``/`` with the single-page-application
fallback (any other path that is not the API's gets ``index.html``), under a strict
Content Security Policy: scripts, styles, images and connections from this origin only,
nothing inline. ``SchemaPage`` renders the API docs at ``/schema`` from the Swagger UI copy
the console build vendors (``web/dist/schema-assets``), so the page works offline and under
the same policy.
"""

from cma_entrypoints.http.console.routes import (
    CONSOLE_CSP,
    SchemaPage,
    console_csp,
    console_routes,
)

__all__ = ["CONSOLE_CSP", "SchemaPage", "console_csp", "console_routes"]
