"""Case use cases."""

from __future__ import annotations

import uuid

from attrs import define, field, frozen

from cma_core.cases.model import Case, CaseStatus, CloseReason, Note
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.identity.ports import IdentityStore
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.ids import CaseId, ClientId, NoteId, UserId
from cma_core.shared.service import IdFactory, check_page, check_version, record_audit
from cma_core.shared.uow import Page, UnitOfWork, UnitOfWorkFactory


@frozen(kw_only=True)
class OpenCase:
    client_id: ClientId
    adviser_id: UserId | None = None


_UNSET = object()


@frozen(kw_only=True)
class UpdateCase:
    """A partial update. ``adviser_id`` left as ``UNCHANGED`` is not touched;
    ``None`` unassigns."""

    expected_version: int | None
    adviser_id: UserId | object | None = _UNSET

    UNCHANGED = _UNSET


@define
class CaseService:
    uow: UnitOfWorkFactory
    identity: IdentityStore
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)

    async def open(self, ctx: TenantContext, cmd: OpenCase) -> Case:
        ctx.require(Permission.CASE_WRITE)
        adviser_id = cmd.adviser_id if cmd.adviser_id is not None else ctx.user_id
        if cmd.adviser_id is not None:
            await self._require_staff(ctx, cmd.adviser_id)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            if await uow.clients.get(cmd.client_id) is None:
                raise ValidationError("client_id", "no such client in this centre")
            number = await uow.cases.next_reference_number()
            case = Case.open(
                case_id=CaseId(self.new_id()),
                centre_id=ctx.centre_id,
                client_id=cmd.client_id,
                reference=f"C-{number:06d}",
                adviser_id=adviser_id,
                now=now,
                by=ctx.user_id,
            )
            await uow.cases.add(case)
            await record_audit(
                uow,
                ctx,
                self.new_id,
                "case.created",
                "case",
                case.id,
                now,
                ("client_id", "adviser_id"),
            )
            await uow.commit()
        return case

    async def get(self, ctx: TenantContext, case_id: CaseId) -> Case:
        ctx.require(Permission.CASE_READ)
        async with self.uow(ctx.centre_id) as uow:
            case = await self._load(uow, ctx, case_id)
            await record_audit(
                uow, ctx, self.new_id, "case.viewed", "case", case.id, self.clock.now()
            )
            await uow.commit()
        return case

    async def list(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
    ) -> Page[Case]:
        """Cases of the centre. Roles without ``case:read_all`` see only their own cases."""
        ctx.require(Permission.CASE_READ)
        check_page(limit, offset)
        if not ctx.can(Permission.CASE_READ_ALL):
            if adviser_id is not None and adviser_id != ctx.user_id:
                return Page(items=(), total=0, limit=limit, offset=offset)
            adviser_id = ctx.user_id
        async with self.uow(ctx.centre_id) as uow:
            return await uow.cases.list(
                limit=limit,
                offset=offset,
                status=status,
                adviser_id=adviser_id,
                client_id=client_id,
            )

    async def update(self, ctx: TenantContext, case_id: CaseId, cmd: UpdateCase) -> Case:
        ctx.require(Permission.CASE_WRITE)
        now = self.clock.now()
        reassign = cmd.adviser_id is not UpdateCase.UNCHANGED
        adviser: UserId | None = None
        if reassign:
            ctx.require(Permission.CASE_ASSIGN)
            assert cmd.adviser_id is None or isinstance(cmd.adviser_id, uuid.UUID)
            adviser = UserId(cmd.adviser_id) if cmd.adviser_id is not None else None
            # Checked before the unit of work opens: the identity store is a separate
            # connection, and the embedded SQLite pool has only one.
            if adviser is not None:
                await self._require_staff(ctx, adviser)
        async with self.uow(ctx.centre_id) as uow:
            case = await self._load(uow, ctx, case_id)
            check_version("case", cmd.expected_version, case.version)
            changed: list[str] = []
            if reassign and adviser != case.adviser_id:
                case.assign(adviser, now=now)
                changed.append("adviser_id")
            if changed:
                await uow.cases.save(case)
                await record_audit(
                    uow, ctx, self.new_id, "case.updated", "case", case.id, now, tuple(changed)
                )
                await uow.commit()
        return case

    async def add_note(
        self, ctx: TenantContext, case_id: CaseId, body: str, *, sensitive: bool = False
    ) -> Note:
        ctx.require(Permission.NOTE_WRITE)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            case = await self._load(uow, ctx, case_id)
            note = case.add_note(
                note_id=NoteId(self.new_id()),
                body=body,
                author_id=ctx.user_id,
                now=now,
                sensitive=sensitive,
            )
            await uow.cases.save(case)
            await record_audit(
                uow, ctx, self.new_id, "case.note_added", "case", case.id, now, ("notes",)
            )
            await uow.commit()
        return note

    async def close(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        reason: CloseReason,
        *,
        expected_version: int | None = None,
    ) -> Case:
        ctx.require(Permission.CASE_CLOSE)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            case = await self._load(uow, ctx, case_id)
            check_version("case", expected_version, case.version)
            case.close(reason=reason, now=now, by=ctx.user_id)
            await uow.cases.save(case)
            await record_audit(
                uow,
                ctx,
                self.new_id,
                "case.closed",
                "case",
                case.id,
                now,
                ("status", "close_reason"),
            )
            await uow.commit()
        return case

    async def reopen(
        self, ctx: TenantContext, case_id: CaseId, *, expected_version: int | None = None
    ) -> Case:
        ctx.require(Permission.CASE_CLOSE)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            case = await self._load(uow, ctx, case_id)
            check_version("case", expected_version, case.version)
            case.reopen(now=now, by=ctx.user_id)
            await uow.cases.save(case)
            await record_audit(
                uow, ctx, self.new_id, "case.reopened", "case", case.id, now, ("status",)
            )
            await uow.commit()
        return case

    async def _load(self, uow: UnitOfWork, ctx: TenantContext, case_id: CaseId) -> Case:
        case = await uow.cases.get(case_id)
        # Without case:read_all, another adviser's case is reported as not found.
        if case is None or (
            not ctx.can(Permission.CASE_READ_ALL) and case.adviser_id != ctx.user_id
        ):
            raise NotFound("case", case_id)
        return case

    async def _require_staff(self, ctx: TenantContext, user_id: UserId) -> None:
        user = await self.identity.get_user(user_id)
        if user is None or ctx.centre_id not in user.centre_ids:
            raise ValidationError("adviser_id", "no such user in this centre")
