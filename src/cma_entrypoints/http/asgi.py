"""The ASGI application for servers: ``uvicorn cma_entrypoints.http.asgi:app``."""

from cma_entrypoints.http.app import create_app

app = create_app()
