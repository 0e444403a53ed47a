"""Tasks over HTTP: the task queue."""

from cma_entrypoints.http.tasks.controllers import TaskController

__all__ = ["TaskController"]
