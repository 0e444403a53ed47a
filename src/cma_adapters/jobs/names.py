"""The worker's actor and queue names, importable without Dramatiq or Redis."""

DISPATCH_ACTOR = "dispatch_event"
EVENTS_QUEUE = "cma-events"
