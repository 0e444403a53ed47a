"""Every area's repository factories of this adapter, found by port name.

Each area module here defines one factory per port (``debts(uow) -> DebtRepository``);
a service takes the factories of the ports it uses as keyword arguments, which is how
the container (and tests, and programs embedding the core) wire it.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from cma_adapters.sqlalchemy import (
    advice,
    budgets,
    cases,
    clients,
    compliance,
    debts,
    documents,
    privacy,
    reference,
    scheduling,
    solutions,
    tasks,
)

_AREAS: tuple[ModuleType, ...] = (
    clients, cases, tasks, debts, budgets, solutions, advice, reference, scheduling, documents,
    compliance, privacy,
)  # fmt: skip


def repository_factories(*names: str) -> dict[str, Any]:
    """The factory of each named port (``"debts"``, ``"findings"``...), by name.

    Raises:
        LookupError: no area module of this adapter defines a factory of that name.
    """
    found: dict[str, Any] = {}
    for name in names:
        for module in _AREAS:
            factory = getattr(module, name, None)
            if callable(factory) and getattr(factory, "__module__", None) == module.__name__:
                found[name] = factory
                break
        else:
            raise LookupError(f"no repository factory named {name!r}")
    return found
