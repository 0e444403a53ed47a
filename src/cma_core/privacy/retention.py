"""Retention: closed files deleted when the centre's retention period ends (storage
limitation), through the one erasure path, unless a legal hold covers them.

**Policy.** The centre's ``retention_years`` and ``disposal_grace_days`` are those of its
compliance policy (``GET/PUT /api/v1/retention/policy``, the same stored values CR-22
judges by). Default 6 years after closure: no statutory period for debt advice files was
found; 6 years matches the limitation period (Limitation Act 1980 s5) and is the sector's
norm (UK-DEBT-ADVICE §7, [S: ACCA]); CONC Sch 1 periods for some records are shorter.

**What a run does.** For each closed case whose closing date plus ``retention_years`` has
passed (its CR-22 retention date), oldest first: skipped if an active legal hold covers the
case or its client (``held``); else deleted with ``PrivacyService.delete_case`` (reason
``retention_expired``: stored objects first, then every row, audited ``case.deleted``,
search index copies removed). A client left with no case is then erased the same way
(``client.erased``), unless held. A case reopened or changed meanwhile is refused by the
erasure's own checks and reported under ``failed``, never half-deleted. The run is audited
``retention.run`` with its counts; the receipt lists ids and counts, nothing personal.
``dry_run`` reports what would go and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from attrs import define, field, frozen

from cma_core.audit.service import commit_audited
from cma_core.cases.model import CaseStatus
from cma_core.cases.ports import CaseRepository
from cma_core.compliance.model import CompliancePolicy
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.privacy.ports import LegalHoldRepository
from cma_core.privacy.rights import holds_on
from cma_core.privacy.service import ErasureReason, PrivacyService
from cma_core.reference.periods import add_years
from cma_core.scheduling.service import local_date
from cma_core.shared.clock import Clock
from cma_core.shared.errors import DomainError, NotFound
from cma_core.shared.ids import CaseId, CentreId, ClientId
from cma_core.shared.paging import every_item
from cma_core.shared.service import IdFactory
from cma_core.shared.uow import RepositoryFactory, UnitOfWork, UnitOfWorkFactory

Progress = Callable[[int, int], None]
"""Called with (cases handled so far, cases due) as the run goes."""


@frozen(kw_only=True)
class DueCase:
    case_id: CaseId
    client_id: ClientId
    closed_on: dt.date
    retain_until: dt.date
    held: bool


@frozen(kw_only=True)
class RetentionReceipt:
    """What a run removed (or, dry, would remove): ids and counts only."""

    centre_id: CentreId
    at: dt.datetime
    dry_run: bool
    retention_years: int
    due: int
    deleted_cases: tuple[CaseId, ...]
    erased_clients: tuple[ClientId, ...]
    held: tuple[CaseId, ...]
    failed: tuple[tuple[CaseId, str], ...]
    objects_deleted: int
    rows: dict[str, int]


@define
class RetentionService:
    uow: UnitOfWorkFactory
    clock: Clock
    privacy: PrivacyService
    #: The centre's policy in a unit of work (``ComplianceService.policy_in``).
    policy_in: Callable[[UnitOfWork], Awaitable[CompliancePolicy]]
    timezone: str = "Europe/London"
    new_id: IdFactory = field(default=uuid.uuid4)
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    holds: RepositoryFactory[LegalHoldRepository] = field(kw_only=True)
    _last_day: dt.date | None = field(default=None, init=False)

    async def due(self, centre_id: CentreId) -> tuple[int, list[DueCase]]:
        """The policy's years and the closed cases past their retention date, oldest
        closure first (held ones included, flagged)."""
        today = local_date(self.clock.now(), self.timezone)
        out: list[DueCase] = []
        async with self.uow(centre_id) as uow:
            years = (await self.policy_in(uow)).retention_years
            holds = await self.holds(uow).list(active_only=True)
            cases = self.cases(uow)
            closed = await every_item(
                lambda limit, offset: cases.list(
                    limit=limit, offset=offset, status=CaseStatus.CLOSED
                )
            )
            for case in closed:
                if case.closed_at is None:
                    continue  # CR-22 reports it: no date to count from
                closed_on = local_date(case.closed_at, self.timezone)
                until = add_years(closed_on, years)
                if until <= today:
                    out.append(
                        DueCase(
                            case_id=case.id,
                            client_id=case.client_id,
                            closed_on=closed_on,
                            retain_until=until,
                            held=holds_on(holds, case.id, case.client_id),
                        )
                    )
        out.sort(key=lambda d: (d.closed_on, str(d.case_id)))
        return years, out

    async def daily(self, centre_ids: Sequence[CentreId]) -> list[RetentionReceipt] | None:
        """The scheduled run: every centre, at most once per local day per process (the
        scheduler sweeps every minute; retention dates are days). ``None`` when already
        run today. A centre that fails is retried on the next day's run."""
        today = local_date(self.clock.now(), self.timezone)
        if self._last_day == today:
            return None
        self._last_day = today
        return [await self.run(centre_id) for centre_id in centre_ids]

    async def preview(self, ctx: TenantContext) -> RetentionReceipt:
        """A dry run for the centre's administrators (HTTP)."""
        ctx.require(Permission.CASE_DELETE)
        return await self.run(ctx.centre_id, dry_run=True)

    async def run(
        self, centre_id: CentreId, *, dry_run: bool = False, progress: Progress | None = None
    ) -> RetentionReceipt:
        years, due = await self.due(centre_id)
        ctx = TenantContext.system(centre_id)  # the centre acting on its own behalf
        tally: dict[str, Any] = {"deleted": [], "clients": [], "failed": [], "objects": 0}
        rows: dict[str, int] = {}
        if progress is not None:
            progress(0, len(due))
        for n, item in enumerate(due, 1):
            if not item.held and not dry_run:
                await self._dispose(ctx, item, tally, rows)
            if progress is not None:
                progress(n, len(due))
        held = tuple(d.case_id for d in due if d.held)
        now = self.clock.now()
        if dry_run:
            tally["deleted"] = [d.case_id for d in due if not d.held]
        elif due:
            async with self.uow(centre_id) as uow:
                await commit_audited(
                    uow, ctx, self.new_id, "retention.run", "centre", centre_id, now,
                    (
                        f"retention_years={years}", f"due={len(due)}",
                        f"deleted_cases={len(tally['deleted'])}",
                        f"erased_clients={len(tally['clients'])}", f"held={len(held)}",
                        f"failed={len(tally['failed'])}",
                    ),
                )  # fmt: skip
        return RetentionReceipt(
            centre_id=centre_id,
            at=now,
            dry_run=dry_run,
            retention_years=years,
            due=len(due),
            deleted_cases=tuple(tally["deleted"]),
            erased_clients=tuple(tally["clients"]),
            held=held,
            failed=tuple(tally["failed"]),
            objects_deleted=tally["objects"],
            rows=dict(sorted(rows.items())),
        )

    async def _dispose(
        self, ctx: TenantContext, item: DueCase, tally: dict[str, Any], rows: dict[str, int]
    ) -> None:
        """Delete the case, then its client if no case is left; failures are reported."""
        reason = ErasureReason.RETENTION_EXPIRED
        try:
            report = await self.privacy.delete_case(ctx, item.case_id, reason=reason)
        except DomainError as err:
            tally["failed"].append((item.case_id, type(err).__name__))
            return
        tally["deleted"].append(item.case_id)
        tally["objects"] += report.objects_deleted
        _add(rows, report.rows)
        async with self.uow(ctx.centre_id) as uow:
            left = await self.cases(uow).list(limit=1, offset=0, client_id=item.client_id)
        if left.total:
            return
        try:
            erased = await self.privacy.erase_client(ctx, item.client_id, reason=reason)
        except DomainError as err:  # held, or gone already
            if not isinstance(err, NotFound):
                tally["failed"].append((item.case_id, f"client: {type(err).__name__}"))
            return
        tally["clients"].append(item.client_id)
        _add(rows, erased.rows)


def _add(total: dict[str, int], more: Any) -> None:
    for table, n in more.items():
        total[table] = total.get(table, 0) + n
