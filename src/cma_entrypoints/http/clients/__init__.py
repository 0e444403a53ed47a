"""Clients over HTTP: register, list, read, edit and erase."""

from cma_entrypoints.http.clients.controllers import ClientController

__all__ = ["ClientController"]
