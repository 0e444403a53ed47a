"""Tasks over HTTP: the task queue."""
