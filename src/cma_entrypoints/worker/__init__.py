"""The background worker: Dramatiq on Redis, dispatching outbox events to the core's handlers.

:mod:`.app` builds the broker and declares the actor for one container; :mod:`.runner`
runs it as a process (``cma worker`` or ``python -m cma_entrypoints.worker``).
"""
