"""Case use cases, and the case scope every area's use cases on a case open."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Protocol

from attrs import define, field, frozen

from cma_core.audit.service import commit_audited
from cma_core.cases.model import Case, CaseStatus, CloseReason, Note, visible_adviser
from cma_core.cases.ports import CaseRepository
from cma_core.clients.ports import ClientRepository
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.identity.ports import IdentityStore
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound, ValidationError
from cma_core.shared.ids import CaseId, ClientId, NoteId, UserId
from cma_core.shared.paging import after_time_and_id, with_next_cursor
from cma_core.shared.service import IdFactory, check_page, check_version
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWork, UnitOfWorkFactory


async def load_case(
    cases: CaseRepository, ctx: TenantContext, case_id: CaseId, *, for_change: bool = False
) -> Case:
    """The case, if ``ctx`` may see it (``Case.visible_to``); ``NotFound`` otherwise, for
    a missing case and another adviser's alike, so that ids reveal nothing. ``for_change``:
    ``CaseRepository.get``'s (a close waits until this unit of work ends)."""
    case = await cases.get(case_id, for_change=for_change)
    if case is None or not case.visible_to(ctx):
        raise NotFound("case", case_id)
    return case


class CaseAccess(Protocol):
    """What opens a case scope: a unit of work factory and the case repository's factory
    (every service on cases has both as fields: ``case_scope(self, ...)``)."""

    @property
    def uow(self) -> UnitOfWorkFactory: ...

    @property
    def cases(self) -> RepositoryFactory[CaseRepository]: ...


@asynccontextmanager
async def case_scope(
    access: CaseAccess,
    ctx: TenantContext,
    case_id: CaseId,
    permission: Permission,
    *,
    expected_version: int | None = None,
    page: tuple[int, int] | None = None,
    changing: str | None = None,
) -> AsyncIterator[tuple[UnitOfWork, Case]]:
    """The preamble of every use case on a case: require ``permission``, check the
    ``page`` asked for (``limit, offset``) of a list, open a unit of work for the
    context's centre, load the case the context may see through the case repository
    (``NotFound`` otherwise) and, given ``expected_version``, check it (``StaleVersion``).
    Given ``changing`` (what the use case does to the case's record: "add a debt"), refuse
    it on a closed case (``Case.require_open``), the case read ``for_change`` so that a
    close cannot commit between that check and the use case's commit.

    Yields the open unit of work and the case; leaving without ``uow.commit()`` rolls back::

        async with case_scope(self, ctx, case_id, Permission.CASE_READ) as (uow, case):
            ...
    """
    ctx.require(permission)
    if page is not None:
        check_page(*page)
    async with access.uow(ctx.centre_id) as opened:
        case = await load_case(access.cases(opened), ctx, case_id, for_change=changing is not None)
        if changing is not None:
            case.require_open(changing)
        check_version("case", expected_version, case.version)
        yield opened, case


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
    cases: RepositoryFactory[CaseRepository] = field(kw_only=True)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)

    async def open(self, ctx: TenantContext, cmd: OpenCase) -> Case:
        ctx.require(Permission.CASE_WRITE)
        adviser_id = cmd.adviser_id if cmd.adviser_id is not None else ctx.user_id
        if cmd.adviser_id is not None:
            await self._require_staff(ctx, cmd.adviser_id)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            if await self.clients(uow).get(cmd.client_id) is None:
                raise ValidationError("client_id", "no such client in this centre")
            number = await self.cases(uow).next_reference_number()
            case = Case.open(
                case_id=CaseId(self.new_id()),
                centre_id=ctx.centre_id,
                client_id=cmd.client_id,
                reference=f"C-{number:06d}",
                adviser_id=adviser_id,
                now=now,
                by=ctx.user_id,
            )
            await self.cases(uow).add(case)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "case.created",
                "case",
                case.id,
                now,
                ("client_id", "adviser_id"),
            )
        return case

    async def get(self, ctx: TenantContext, case_id: CaseId) -> Case:
        return (await self.view(ctx, case_id, with_client_name=False))[0]

    async def view(
        self, ctx: TenantContext, case_id: CaseId, *, with_client_name: bool = True
    ) -> tuple[Case, str | None]:
        """The case (audited as viewed) and, for a role with ``client:read``, its client's
        display name, read in the same transaction (the case page shows both)."""
        name = None
        # ``case_scope``'s preamble written out (no version to check): the view is the
        # hottest read, and the context manager's generator cost ~1 % of its CPU
        # (benchmarks/README.md, branch ``caseview``).
        ctx.require(Permission.CASE_READ)
        async with self.uow(ctx.centre_id) as uow:
            case = await load_case(self.cases(uow), ctx, case_id)
            if with_client_name and ctx.can(Permission.CLIENT_READ):
                name = await self.clients(uow).display_name(case.client_id)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "case.viewed",
                "case",
                case.id,
                self.clock.now(),
                seal_later=True,
            )
        return case, name

    async def list(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        status: CaseStatus | None = None,
        adviser_id: UserId | None = None,
        client_id: ClientId | None = None,
        cursor: str | None = None,
    ) -> Page[Case]:
        """Cases of the centre. Roles without ``case:read_all`` see only their own cases.

        ``cursor`` (a page's ``next_cursor``) continues after that page, at constant cost."""
        ctx.require(Permission.CASE_READ)
        check_page(limit, offset)
        key = after_time_and_id(cursor, offset)
        after = None if key is None else (key[0], CaseId(key[1]))
        visible, adviser_id = visible_adviser(ctx, adviser_id)
        if not visible:
            return Page(items=(), total=0, limit=limit, offset=offset)
        async with self.uow(ctx.centre_id) as uow:
            page = await self.cases(uow).list(
                limit=limit,
                offset=offset,
                status=status,
                adviser_id=adviser_id,
                client_id=client_id,
                after=after,
            )
        return with_next_cursor(page, lambda c: (c.opened_at, c.id))

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
        async with case_scope(
            self, ctx, case_id, Permission.CASE_WRITE, expected_version=cmd.expected_version
        ) as (uow, case):
            changed: list[str] = []
            if reassign and adviser != case.adviser_id:
                case.assign(adviser, now=now)
                changed.append("adviser_id")
            if changed:
                await self.cases(uow).save(case)
                await commit_audited(
                    uow, ctx, self.new_id, "case.updated", "case", case.id, now, tuple(changed)
                )
        return case

    async def add_note(
        self, ctx: TenantContext, case_id: CaseId, body: str, *, sensitive: bool = False
    ) -> Note:
        now = self.clock.now()
        async with case_scope(self, ctx, case_id, Permission.NOTE_WRITE) as (uow, case):
            note = case.add_note(
                note_id=NoteId(self.new_id()),
                body=body,
                author_id=ctx.user_id,
                now=now,
                sensitive=sensitive,
            )
            await self.cases(uow).save(case)
            await commit_audited(
                uow, ctx, self.new_id, "case.note_added", "case", case.id, now, ("notes",)
            )
        return note

    async def close(
        self,
        ctx: TenantContext,
        case_id: CaseId,
        reason: CloseReason,
        *,
        expected_version: int | None = None,
    ) -> Case:
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.CASE_CLOSE, expected_version=expected_version
        ) as (uow, case):
            case.close(reason=reason, now=now, by=ctx.user_id)
            await self.cases(uow).save(case)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "case.closed",
                "case",
                case.id,
                now,
                ("status", "close_reason"),
            )
        return case

    async def reopen(
        self, ctx: TenantContext, case_id: CaseId, *, expected_version: int | None = None
    ) -> Case:
        now = self.clock.now()
        async with case_scope(
            self, ctx, case_id, Permission.CASE_CLOSE, expected_version=expected_version
        ) as (uow, case):
            case.reopen(now=now, by=ctx.user_id)
            await self.cases(uow).save(case)
            await commit_audited(
                uow, ctx, self.new_id, "case.reopened", "case", case.id, now, ("status",)
            )
        return case

    async def _require_staff(self, ctx: TenantContext, user_id: UserId) -> None:
        user = await self.identity.get_user(user_id)
        if user is None or ctx.centre_id not in user.centre_ids:
            raise ValidationError("adviser_id", "no such user in this centre")
