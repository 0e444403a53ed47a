"""Handler dependencies resolved one after another instead of in a task group.

Litestar resolves the independent dependencies of a handler (a "batch") concurrently: more
than one in a batch, and it opens an anyio task group with a task each. CMA's dependencies
are all look-ups in memory (a service the container built once, the caller from the token
the middleware verified): none waits on I/O, so running them concurrently gains nothing,
and the task group (three tasks for ``GET /api/v1/cases/{id}``: ``ctx``, ``cases``,
``directory``) cost about a tenth of that request's server CPU (benchmarks/README.md).

``install()`` replaces ``KwargsModel.resolve_dependencies`` with the same loop over the
same batches, awaiting each dependency in turn: a valid order of the concurrent run, since
the members of a batch do not depend on one another. Generator dependencies still go to
the cleanup group. A dependency that raises stops the rest, as the first failure of the
task group did. Litestar's own code is otherwise untouched; the import below fails loudly
if a Litestar upgrade moves it (tests/e2e/test_dependencies.py checks the behaviour).
"""

from __future__ import annotations

from typing import Any

from litestar._kwargs.cleanup import DependencyCleanupGroup
from litestar._kwargs.dependencies import resolve_dependency
from litestar._kwargs.kwargs_model import KwargsModel


async def resolve_in_order(
    self: KwargsModel, connection: Any, kwargs: dict[str, Any]
) -> DependencyCleanupGroup:
    cleanup_group = DependencyCleanupGroup()
    for batch in self.dependency_batches:
        # Sorted by name: the same order on every request (a batch is a set).
        for dependency in sorted(batch, key=lambda d: d.key):
            await resolve_dependency(dependency, connection, kwargs, cleanup_group)
    return cleanup_group


def install() -> None:
    """Idempotent; called by ``create_app``."""
    KwargsModel.resolve_dependencies = resolve_in_order  # type: ignore[method-assign]
