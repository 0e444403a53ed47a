"""Finding an adapter's repository factories by port name.

Each adapter package keeps one module per area, and each area module one factory per
port (``debts(uow) -> DebtRepository``). A service takes the factories of the ports it
uses as keyword arguments; the container, the tests and programs embedding the core wire
it by naming those ports (``memory.factories.repository_factories("debts", ...)``).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

RepositoryFactories = Callable[..., dict[str, Any]]


def factories_in(*areas: ModuleType) -> RepositoryFactories:
    """A lookup of the factories defined (not imported) in the ``areas`` modules."""

    def repository_factories(*names: str) -> dict[str, Any]:
        """The factory of each named port (``"debts"``, ``"findings"``...), by name.

        Raises:
            LookupError: no area module of this adapter defines a factory of that name.
        """
        found: dict[str, Any] = {}
        for name in names:
            for module in areas:
                factory = getattr(module, name, None)
                if callable(factory) and getattr(factory, "__module__", None) == module.__name__:
                    found[name] = factory
                    break
            else:
                raise LookupError(f"no repository factory named {name!r}")
        return found

    return repository_factories
