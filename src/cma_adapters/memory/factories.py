"""This adapter's repository factories, found by port name (see :mod:`cma_adapters.wiring`)."""

from __future__ import annotations

from cma_adapters.memory import (
    advice,
    budgets,
    cases,
    casework,
    clients,
    compliance,
    debts,
    documents,
    privacy,
    readmodels,
    reference,
    scheduling,
    solutions,
    tasks,
)
from cma_adapters.wiring import factories_in

repository_factories = factories_in(
    clients, cases, tasks, debts, budgets, solutions, advice, reference, scheduling, documents,
    compliance, privacy, casework, readmodels,
)  # fmt: skip
