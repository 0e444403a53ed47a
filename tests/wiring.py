"""Which repository factories each service takes, to wire services in tests the way the
container does: each repository joins the unit of work through its own factory, found
by port name in an adapter module (``cma_adapters.memory.advice``, ``...scheduling``) or,
for the case, client and task repositories, in the adapter's module of that area
(``cma_adapters.memory.cases.cases``)."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from types import ModuleType, SimpleNamespace
from typing import Any

from cma_core.shared.uow import UnitOfWork

#: The repositories of the case, client and task areas, each in its own adapter module.
CORE = ("cases", "clients", "tasks")
CASES = ("cases", "clients")
CLIENTS = ("clients",)
DOCUMENTS = ("cases", "tasks")
PRIVACY = ("cases", "clients", "tasks")
DEBTS = ("cases", "creditors", "debts", "facts", "reference")
BUDGETS = ("cases", "clients", "creditors", "debts", "budgets", "offers", "reference")
APPRAISALS = (
    "cases", "creditors", "debts", "facts", "budgets", "appraisals", "offers", "advice",
    "reference",
)  # fmt: skip
LETTERS = (
    "cases", "clients", "creditors", "debts", "budgets", "offers", "advice", "letter_templates",
    "letters",
)  # fmt: skip
CASE_FILE = ("creditors", "debts", "facts", "budgets", "appraisals", "offers", "advice", "letters")
SCHEDULING = (
    "cases", "clients", "tasks", "dated_facts", "deadlines", "appointments", "availability",
    "consents", "reminders", "closures", "written_advice_days",
)  # fmt: skip
SCHEDULER = ("cases", "clients", "tasks", "deadlines", "appointments", "consents", "reminders")
COMPLIANCE = ("cases", "tasks", "deadlines", "closures", "findings", "qa", "policies")


def ports(module: ModuleType, names: Iterable[str]) -> dict[str, Any]:
    """The factories of ``names`` in the adapter ``module`` (or, for ``CORE`` names, in the
    same adapter's area module: ``cma_adapters.memory.cases.cases``), as keyword arguments."""
    return {name: factory(module, name) for name in names}


def factory(module: ModuleType, name: str) -> Any:
    """The repository factory ``name`` of the adapter that ``module`` (an adapter package
    or one of its modules) belongs to."""
    if name in CORE:
        package = module.__name__ if hasattr(module, "__path__") else module.__package__
        module = importlib.import_module(f"{package}.{name}")
    return getattr(module, name)


def scheduling_store(module: ModuleType) -> Callable[[UnitOfWork], SimpleNamespace]:
    """Every scheduling and compliance repository of ``module`` bound to one unit of work,
    by the names the contract suite reads them by."""

    def bind(uow: UnitOfWork) -> SimpleNamespace:
        return SimpleNamespace(
            cases=factory(module, "cases")(uow),
            clients=factory(module, "clients")(uow),
            facts=module.dated_facts(uow),
            deadlines=module.deadlines(uow),
            appointments=module.appointments(uow),
            availability=module.availability(uow),
            consents=module.consents(uow),
            reminders=module.reminders(uow),
            findings=module.findings(uow),
            qa=module.qa(uow),
            policy=module.policies(uow),
            closures=module.closures(uow),
        )

    return bind
