"""Which repository factories each service takes, to wire services in tests the way the
container does: each repository joins the unit of work through its own factory, found
by port name in an adapter module (``cma_adapters.memory.advice``, ``...scheduling``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType, SimpleNamespace
from typing import Any

from cma_core.shared.uow import UnitOfWork

DEBTS = ("creditors", "debts", "facts", "reference")
BUDGETS = ("creditors", "debts", "budgets", "offers", "reference")
APPRAISALS = ("creditors", "debts", "facts", "budgets", "appraisals", "offers", "reference")
ADVICE = ("budgets", "offers", "advice")
LETTERS = ("creditors", "debts", "budgets", "offers", "advice", "letter_templates", "letters")
CASE_FILE = ("creditors", "debts", "facts", "budgets", "appraisals", "offers", "advice", "letters")
SCHEDULING = (
    "dated_facts", "deadlines", "appointments", "availability", "consents", "reminders",
    "closures", "written_advice_days",
)  # fmt: skip
SCHEDULER = ("deadlines", "appointments", "consents", "reminders")
COMPLIANCE = ("deadlines", "closures", "findings", "qa", "policies")


def ports(module: ModuleType, names: Iterable[str]) -> dict[str, Any]:
    """The factories of ``names`` in the adapter ``module``, as keyword arguments."""
    return {name: getattr(module, name) for name in names}


def scheduling_store(module: ModuleType) -> Callable[[UnitOfWork], SimpleNamespace]:
    """Every scheduling and compliance repository of ``module`` bound to one unit of work,
    by the names the contract suite reads them by."""

    def bind(uow: UnitOfWork) -> SimpleNamespace:
        return SimpleNamespace(
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
