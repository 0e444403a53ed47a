"""The ASGI application for servers: ``uvicorn cma_entrypoints.http.asgi:app``.

Tracing and error reporting start here, once per server process, when configured
(``cma_entrypoints.observability``); both stay off otherwise.
"""

from cma_entrypoints.http.app import create_app
from cma_entrypoints.observability.errors import configure_error_reporting
from cma_entrypoints.observability.tracing import configure_tracing

configure_tracing("cma-api")
configure_error_reporting("cma-api")
app = create_app()
