"""Tasks over HTTP: the task queue; each user's work queue (the read model)."""

from cma_entrypoints.http.tasks.controllers import TaskController
from cma_entrypoints.http.tasks.workqueue import WorkQueueController

__all__ = ["TaskController", "WorkQueueController"]
