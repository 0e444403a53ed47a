"""Which repository factories each service takes, to wire services in tests the way the
container does: each repository joins the unit of work through its own factory, found
by port name (``cma_adapters.memory.factories``, ``cma_adapters.sqlalchemy.factories``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import SimpleNamespace
from typing import Any

from cma_adapters.memory.factories import repository_factories as memory_factories
from cma_core.shared.uow import UnitOfWork

#: The repositories of the case, client and task areas.
CORE = ("cases", "clients", "tasks")
CASES = ("cases", "clients")
CLIENTS = ("clients",)
DOCUMENTS = ("cases", "tasks")
PRIVACY = ("cases", "clients", "tasks")
DEBTS = ("cases", "creditors", "debts", "facts", "reference")
BUDGETS = (
    "cases", "clients", "creditors", "debts", "budgets", "offers", "reference", "facts",
    "centre_profiles",
)  # fmt: skip
APPRAISALS = (
    "cases", "creditors", "debts", "facts", "budgets", "appraisals", "offers", "reference",
)  # fmt: skip
ADVICE = ("cases", "budgets", "offers", "advice")
LETTERS = (
    "cases", "clients", "creditors", "debts", "budgets", "offers", "advice", "letter_templates",
    "letters",
)  # fmt: skip
CASE_FILE = ("creditors", "debts", "facts", "budgets", "appraisals", "offers", "advice", "letters")
SCHEDULING = (
    "cases", "clients", "tasks", "dated_facts", "deadlines", "appointments", "availability",
    "consents", "reminders", "closures", "written_advice_days", "centre_hours",
)  # fmt: skip
SCHEDULER = ("cases", "clients", "tasks", "deadlines", "appointments", "consents", "reminders")
COMPLIANCE = (
    "cases", "tasks", "deadlines", "closures", "findings", "qa", "policies", "finding_history",
)  # fmt: skip


Factories = Callable[..., dict[str, Any]]


def ports(names: Iterable[str], factories: Factories = memory_factories) -> dict[str, Any]:
    """The in-memory factories of ``names`` (or another adapter's), as keyword arguments."""
    return factories(*names)


#: The contract suite's name for each scheduling and compliance repository, and its port.
_STORE = {
    "cases": "cases", "clients": "clients", "facts": "dated_facts", "deadlines": "deadlines",
    "appointments": "appointments", "availability": "availability", "consents": "consents",
    "reminders": "reminders", "findings": "findings", "qa": "qa", "policy": "policies",
    "closures": "closures", "centre_hours": "centre_hours", "history": "finding_history",
}  # fmt: skip


def scheduling_store(factories: Factories) -> Callable[[UnitOfWork], SimpleNamespace]:
    """Every scheduling and compliance repository of an adapter bound to one unit of work,
    by the names the contract suite reads them by."""
    by_port = factories(*_STORE.values())

    def bind(uow: UnitOfWork) -> SimpleNamespace:
        return SimpleNamespace(**{name: by_port[port](uow) for name, port in _STORE.items()})

    return bind
