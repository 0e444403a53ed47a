"""Writing the audit trail (``record_audit``, in every use case's transaction), reading it
and verifying it."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
from attrs import define, field

from cma_core.audit.chain import ChainProblem, ChainReport, ChainVerifier
from cma_core.audit.model import AuditEntry
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.clock import Clock
from cma_core.shared.errors import ValidationError
from cma_core.shared.handlers import CentreDirectory
from cma_core.shared.ids import AuditId, CentreId, EventId, UserId
from cma_core.shared.origin import source_address
from cma_core.shared.paging import check_cursor, decode_cursor, with_next_cursor
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
    seal_later: bool = False,
) -> None:
    """Append an audit entry in the caller's transaction: field *names*, never values.

    A job acting on an event passes ``TenantContext.system(centre)`` (no actor) and the
    event's id as ``source_event_id``. Views pass ``seal_later``: the entry is durable
    with the transaction, and ``AuditSealer`` links it into the chain off the request path.
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
            # A job acting on an event was not asked for by the request it runs after.
            source_address=source_address() if source_event_id is None else None,
        ),
        seal_later=seal_later,
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
    *,
    seal_later: bool = False,
) -> None:
    """Record the audit entry of a use case's change (``record_audit``), then commit: the
    entry and the change are saved together or not at all. ``seal_later`` for views."""
    await record_audit(
        uow, ctx, new_id, action, entity_type, entity_id, at, fields, seal_later=seal_later
    )
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
                    source_address=source_address(),
                )
            )
            await uow.commit()


@define
class AuditService:
    uow: UnitOfWorkFactory
    clock: Clock | None = None
    #: An unsealed entry older than this is a problem, not a view waiting for the sealer
    #: (the sealer runs every second or so; this leaves room for it to be down a while).
    seal_grace: dt.timedelta = dt.timedelta(minutes=15)

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
        cursor: str | None = None,
    ) -> Page[AuditEntry]:
        """The centre's entries, oldest first (write order). Needs ``audit:read``.
        ``cursor`` (a page's ``next_cursor``) continues after that page."""
        ctx.require(Permission.AUDIT_READ)
        check_page(limit, offset)
        check_cursor(cursor, offset)
        after = AuditId(decode_cursor(cursor, (uuid.UUID,))[0]) if cursor else None
        for name, value in (("from", since), ("to", until)):
            if value is not None and value.tzinfo is None:
                raise ValidationError(name, "must include a timezone, e.g. Z")
        if since is not None and until is not None and until <= since:
            raise ValidationError("to", "must be after from")
        async with self.uow(ctx.centre_id) as uow:
            page = await uow.audit.list(
                limit=limit,
                offset=offset,
                entity_type=entity_type,
                entity_id=entity_id,
                actor_id=actor_id,
                action=action,
                since=since,
                until=until,
                after=after,
            )
        return with_next_cursor(page, lambda e: (e.id,))

    async def verify(self, ctx: TenantContext) -> ChainReport:
        """Walk the centre's whole chain in batches and report the first bad entry.

        Also counts the entries: one stored outside the chain (no position) is a problem,
        unless it is a view entry waiting for the sealer (written less than
        ``seal_grace`` ago): those are counted in ``unsealed``.
        """
        ctx.require(Permission.AUDIT_READ)
        verifier = ChainVerifier()
        after = 0
        now = self.clock.now() if self.clock else dt.datetime.now(dt.UTC)
        async with self.uow(ctx.centre_id) as uow:
            head = await uow.audit.head()
            while True:
                batch = await uow.audit.chain(after_seq=after, limit=VERIFY_BATCH)
                if not batch or not verifier.feed(batch):
                    break
                after = batch[-1].chain_seq or after
            report = verifier.finish(head)
            unsealed = await uow.audit.unsealed()
            stale = await uow.audit.unsealed(before=now - self.seal_grace)
            total = (await uow.audit.list(limit=1, offset=0)).total - unsealed + stale
        report = attrs.evolve(report, unsealed=unsealed - stale)
        if report.intact and total != report.checked:
            return attrs.evolve(
                report,
                problem=ChainProblem(
                    seq=None,
                    entry_id=None,
                    reason=f"{total - report.checked} entries are outside the chain "
                    "(inserted without a position, or never sealed)",
                ),
            )
        return report


@define
class AuditSealer:
    """Links the entries written with ``seal_later`` (views, searches) onto each centre's
    chain, in the order they were written: the background half of an audited view.

    Run by the worker next to the outbox relay, by ``cma audit seal``, and in the HTTP
    process when no worker runs. Safe from several processes at once: each batch takes the
    centre's chain lock before it reads what is unsealed, so an entry is sealed once.
    An entry committed but not yet sealed is still stored (a crash between the two loses
    nothing); ``verify`` counts it apart (``ChainReport.unsealed``).
    """

    uow: UnitOfWorkFactory
    centres: CentreDirectory
    batch: int = 1000

    async def seal(self) -> int:
        """Seal every centre's unsealed entries; the count sealed."""
        total = 0
        for centre in await self.centres.list_centres():
            total += await self.seal_centre(centre.id)
        return total

    async def seal_centre(self, centre_id: CentreId) -> int:
        total = 0
        while True:
            async with self.uow(centre_id) as uow:
                done = await uow.audit.seal(limit=self.batch)
                await uow.commit()
            total += done
            if done < self.batch:
                return total
