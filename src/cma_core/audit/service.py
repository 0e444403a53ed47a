"""Writing the audit trail (``record_audit``, in every use case's transaction), reading it
and verifying it."""

from __future__ import annotations

import datetime as dt
import uuid

from attrs import define, field

from cma_core.audit.chain import ChainProblem, ChainReport, ChainVerifier
from cma_core.audit.model import AuditEntry
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.clock import Clock
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import AuditId, EventId, UserId
from cma_core.shared.service import IdFactory, check_page
from cma_core.shared.uow import Page, UnitOfWork, UnitOfWorkFactory

VERIFY_BATCH = 500


async def record_audit(
    uow: UnitOfWork,
    ctx: TenantContext,
    new_id: IdFactory,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID,
    at: dt.datetime,
    fields: tuple[str, ...] = (),
    *,
    source_event_id: EventId | None = None,
) -> None:
    """Append an audit entry in the caller's transaction: field *names*, never values.

    A job acting on an event passes ``TenantContext.system(centre)`` (no actor) and the
    event's id as ``source_event_id``.
    """
    await uow.audit.append(
        AuditEntry(
            id=AuditId(new_id()),
            centre_id=ctx.centre_id,
            actor_id=ctx.user_id,
            action=action,
            entity_type=entity_type,
            entity_id=str(entity_id),
            at=at,
            fields=fields,
            source_event_id=source_event_id,
        )
    )


async def commit_audited(
    uow: UnitOfWork,
    ctx: TenantContext,
    new_id: IdFactory,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID,
    at: dt.datetime,
    fields: tuple[str, ...] = (),
) -> None:
    """Record the audit entry of a use case's change (``record_audit``), then commit: the
    entry and the change are saved together or not at all."""
    await record_audit(uow, ctx, new_id, action, entity_type, entity_id, at, fields)
    await uow.commit()


@define
class AuditTrail:
    """Appends one entry in a transaction of its own: the ``SignInAudit`` of identity
    (sign-in and session events happen outside any use case's unit of work)."""

    uow: UnitOfWorkFactory
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)

    async def __call__(
        self,
        ctx: TenantContext,
        action: str,
        entity_type: str,
        entity_id: str,
        *,
        fields: tuple[str, ...] = (),
    ) -> None:
        async with self.uow(ctx.centre_id) as uow:
            await uow.audit.append(
                AuditEntry(
                    id=AuditId(self.new_id()),
                    centre_id=ctx.centre_id,
                    actor_id=ctx.user_id,
                    action=action,
                    entity_type=entity_type,
                    entity_id=entity_id,
                    at=self.clock.now(),
                    fields=fields,
                )
            )
            await uow.commit()


@define
class AuditService:
    uow: UnitOfWorkFactory

    async def list(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        entity_type: str | None = None,
        entity_id: str | None = None,
        actor_id: UserId | None = None,
        action: str | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
    ) -> Page[AuditEntry]:
        """The centre's entries, oldest first. Needs ``audit:read``."""
        ctx.require(Permission.AUDIT_READ)
        check_page(limit, offset)
        for name, value in (("from", since), ("to", until)):
            if value is not None and value.tzinfo is None:
                raise ValidationError(name, "must include a timezone, e.g. Z")
        if since is not None and until is not None and until <= since:
            raise ValidationError("to", "must be after from")
        async with self.uow(ctx.centre_id) as uow:
            return await uow.audit.list(
                limit=limit,
                offset=offset,
                entity_type=entity_type,
                entity_id=entity_id,
                actor_id=actor_id,
                action=action,
                since=since,
                until=until,
            )

    async def verify(self, ctx: TenantContext) -> ChainReport:
        """Walk the centre's whole chain in batches and report the first bad entry.

        Also counts the entries: one stored outside the chain (no position) is a problem.
        """
        ctx.require(Permission.AUDIT_READ)
        verifier = ChainVerifier()
        after = 0
        async with self.uow(ctx.centre_id) as uow:
            head = await uow.audit.head()
            while True:
                batch = await uow.audit.chain(after_seq=after, limit=VERIFY_BATCH)
                if not batch or not verifier.feed(batch):
                    break
                after = batch[-1].chain_seq or after
            report = verifier.finish(head)
            total = (await uow.audit.list(limit=1, offset=0)).total
        if report.intact and total != report.checked:
            return ChainReport(
                checked=report.checked,
                head_seq=report.head_seq,
                head_hash=report.head_hash,
                problem=ChainProblem(
                    seq=None,
                    entry_id=None,
                    reason=f"{total - report.checked} entries are outside the chain "
                    "(inserted without a position)",
                ),
            )
        return report
