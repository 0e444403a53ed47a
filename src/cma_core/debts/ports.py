"""Ports of the debts area: creditors, debts and the case's financial facts.

The records here are the shapes the repositories deal in: a domain object (``Debt``,
``Creditor``...) plus what persistence adds (``version`` for optimistic concurrency,
timestamps). Each repository is bound to one unit of work, so to one centre: it never
returns another centre's record (not found is ``None``) and raises ``CrossTenantAccess``
when asked to write one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from attrs import define, field

from cma_core.assets.model import AssetSchedule, InsolvencyHistory, ResidenceFacts
from cma_core.debts.model import Creditor, CreditorId, Debt, DebtId
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money

# ------------------------------------------------------------------------------ engines


class PatternEngine(Protocol):
    """Runs the regular expressions users type (a creditor's ``reference_pattern``).

    A user's pattern must never run on a backtracking engine: ``(a+)+$`` against 27
    characters took 6.5 s in Python's ``re`` and stalled the API process. An adapter must
    match in time linear in the text (RE2), whatever the pattern.
    """

    def problem(self, pattern: str) -> str | None:
        """Why ``pattern`` cannot be used (not valid, or outside the engine's syntax), or
        ``None`` when it can."""
        ...

    def fullmatch(self, pattern: str, text: str) -> bool:
        """Whether the whole of ``text`` matches ``pattern`` (one ``problem`` accepted)."""
        ...


# ------------------------------------------------------------------------------ records


@define(kw_only=True)
class CreditorEntry:
    """A creditor in the centre's directory, with its version."""

    creditor: Creditor
    created_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CreditorId:
        return self.creditor.id

    @property
    def centre_id(self) -> CentreId:
        return self.creditor.centre_id


@define(kw_only=True)
class DebtEntry:
    """A debt on a case, with its version and timestamps."""

    debt: Debt
    notes: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> DebtId:
        return self.debt.id

    @property
    def centre_id(self) -> CentreId:
        return self.debt.centre_id

    @property
    def case_id(self) -> CaseId:
        return self.debt.case_id


@define(kw_only=True)
class CaseFinancialFacts:
    """Assets, insolvency history, residence and the other facts the appraisal reads.

    One per case. Unknown facts are ``None`` (the appraisal reports them as missing).
    """

    case_id: CaseId
    centre_id: CentreId
    jurisdiction: Jurisdiction | None = None
    assets: AssetSchedule = field(factory=AssetSchedule)
    insolvency: InsolvencyHistory = field(factory=InsolvencyHistory)
    residence: ResidenceFacts = field(factory=ResidenceFacts)
    benefits_only_months: int | None = None
    unable_to_pay_debts_as_due: bool | None = None
    amhp_evidence: bool | None = None
    receiving_crisis_treatment: bool | None = None
    lump_sum_available: Money | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CaseId:
        return self.case_id


# ------------------------------------------------------------------------------ ports


class CreditorDirectory(Protocol):
    async def add(self, entry: CreditorEntry) -> None:
        """Stage a new creditor. ``CrossTenantAccess`` for another centre's."""
        ...

    async def get(self, creditor_id: CreditorId) -> CreditorEntry | None:
        """The creditor, or ``None`` if it is not in this centre's directory."""
        ...

    async def list(self) -> Sequence[CreditorEntry]:
        """Every creditor of the centre, by name (case-insensitive), then id."""
        ...

    async def save(self, entry: CreditorEntry) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


class DebtRepository(Protocol):
    async def add(self, entry: DebtEntry) -> None:
        """Stage a new debt. ``CrossTenantAccess`` for another centre's."""
        ...

    async def get(self, debt_id: DebtId) -> DebtEntry | None:
        """The debt, or ``None`` if it does not exist in this centre."""
        ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[DebtEntry]:
        """The case's debts, oldest first (then by id): the order creditors are listed."""
        ...

    async def references_to(self, creditor_id: CreditorId, *, limit: int) -> Sequence[str]:
        """The account references of the centre's debts owed to ``creditor_id``, on every
        case, newest debt first, at most ``limit`` (debts without one are left out): what
        the centre knows of how that creditor numbers its accounts."""
        ...

    async def save(self, entry: DebtEntry) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...

    async def remove(self, entry: DebtEntry) -> None:
        """Delete the debt; ``StaleVersion`` if the stored version is not ``entry.version``."""
        ...


class FactsRepository(Protocol):
    async def get(self, case_id: CaseId) -> CaseFinancialFacts | None:
        """The case's facts, or ``None`` if none were recorded (or not this centre's)."""
        ...

    async def add(self, facts: CaseFinancialFacts) -> None:
        """Stage the first facts of a case."""
        ...

    async def save(self, facts: CaseFinancialFacts) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


# ------------------------------------------------------------------------------ SFS, letters


# ------------------------------------------------------------------------------ plain data
