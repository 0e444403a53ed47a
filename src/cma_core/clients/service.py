"""Client use cases."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping

from attrs import define, field, frozen

from cma_core.audit.service import commit_audited
from cma_core.clients.lookup import ClientLookup
from cma_core.clients.model import Client
from cma_core.clients.ports import ClientRepository
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Permission
from cma_core.shared.clock import Clock
from cma_core.shared.errors import NotFound, PermissionDenied
from cma_core.shared.ids import CentreId, ClientId
from cma_core.shared.paging import start_after, with_next_cursor
from cma_core.shared.service import IdFactory, check_page, check_version
from cma_core.shared.uow import Page, RepositoryFactory, UnitOfWorkFactory


@frozen(kw_only=True)
class RegisterClient:
    first_name: str
    last_name: str
    date_of_birth: dt.date
    email: str | None = None
    phone: str | None = None
    ni_number: str | None = None
    #: Further editable fields by name (``address``, ``vulnerabilities``, ...; see
    #: ``cma_core.clients.model.EDITABLE_FIELDS``).
    details: Mapping[str, object] = field(factory=dict)


@frozen(kw_only=True)
class UpdateClient:
    """A partial update: only the named fields change (``None`` clears an optional one)."""

    expected_version: int | None
    changes: Mapping[str, object]


def _require_sensitive_write(ctx: TenantContext, names: tuple[str, ...]) -> None:
    if names and not ctx.can(Permission.SENSITIVE_WRITE):
        raise PermissionDenied(
            f"your role does not allow {Permission.SENSITIVE_WRITE.value} "
            f"(needed for {', '.join(names)})"
        )


@define
class ClientService:
    uow: UnitOfWorkFactory
    clock: Clock
    new_id: IdFactory = field(default=uuid.uuid4)
    clients: RepositoryFactory[ClientRepository] = field(kw_only=True)

    async def register(self, ctx: TenantContext, cmd: RegisterClient) -> Client:
        ctx.require(Permission.CLIENT_WRITE)
        guarded = Client.sensitive_on_register(cmd.details)
        _require_sensitive_write(ctx, guarded)
        now = self.clock.now()
        client = Client.register(
            client_id=ClientId(self.new_id()),
            centre_id=ctx.centre_id,
            first_name=cmd.first_name,
            last_name=cmd.last_name,
            date_of_birth=cmd.date_of_birth,
            email=cmd.email,
            phone=cmd.phone,
            ni_number=cmd.ni_number,
            now=now,
            by=ctx.user_id,
            **cmd.details,
        )
        async with self.uow(ctx.centre_id) as uow:
            await self.clients(uow).add(client)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "client.created",
                "client",
                client.id,
                now,
                (
                    "first_name",
                    "last_name",
                    "date_of_birth",
                    "email",
                    "phone",
                    "ni_number",
                    *sorted(cmd.details),
                ),
            )
        return client

    async def update(self, ctx: TenantContext, client_id: ClientId, cmd: UpdateClient) -> Client:
        """Change some fields of a client; audited as ``client.updated`` with the names of
        the fields that changed (never their values). Sensitive fields need
        ``sensitive:write``; an edit that changes nothing writes nothing."""
        ctx.require(Permission.CLIENT_WRITE)
        now = self.clock.now()
        async with self.uow(ctx.centre_id) as uow:
            client = await self.clients(uow).get(client_id)
            if client is None:
                raise NotFound("client", client_id)
            check_version("client", cmd.expected_version, client.version)
            _require_sensitive_write(ctx, client.sensitive_changes(cmd.changes))
            changed = client.update(cmd.changes, now=now, by=ctx.user_id)
            if not changed:
                return client
            await self.clients(uow).save(client)
            await commit_audited(
                uow, ctx, self.new_id, "client.updated", "client", client.id, now, changed
            )
        return client

    async def get(self, ctx: TenantContext, client_id: ClientId) -> Client:
        ctx.require(Permission.CLIENT_READ)
        async with self.uow(ctx.centre_id) as uow:
            client = await self.clients(uow).get(client_id)
            if client is None:
                raise NotFound("client", client_id)
            await commit_audited(
                uow,
                ctx,
                self.new_id,
                "client.viewed",
                "client",
                client.id,
                self.clock.now(),
                seal_later=True,
            )
        return client

    async def list(
        self,
        ctx: TenantContext,
        *,
        limit: int = 50,
        offset: int = 0,
        name: str | None = None,
        cursor: str | None = None,
    ) -> Page[Client]:
        """Newest first; ``cursor`` (a page's ``next_cursor``) continues after that page."""
        ctx.require(Permission.CLIENT_READ)
        check_page(limit, offset)
        after = _after(cursor, offset)
        async with self.uow(ctx.centre_id) as uow:
            page = await self.clients(uow).list(limit=limit, offset=offset, name=name, after=after)
        return with_next_cursor(page, _newest)

    async def lookup(
        self,
        ctx: TenantContext,
        query: ClientLookup,
        *,
        limit: int = 50,
        offset: int = 0,
        cursor: str | None = None,
    ) -> Page[Client]:
        """Clients matching every criterion of ``query`` (``cma_core.clients.lookup``)."""
        ctx.require(Permission.CLIENT_READ)
        check_page(limit, offset)
        after = _after(cursor, offset)
        async with self.uow(ctx.centre_id) as uow:
            page = await self.clients(uow).lookup(query, limit=limit, offset=offset, after=after)
        return with_next_cursor(page, _newest)

    async def reindex(self, centre_id: CentreId, *, batch: int = 200) -> int:
        """Rewrite every client's look-up indexes in ``centre_id`` (after the upgrade that
        added them, or a change of terms): one transaction per batch; idempotent."""
        done = offset = 0
        while True:
            async with self.uow(centre_id) as uow:
                repo = self.clients(uow)
                ids = await repo.ids(limit=batch, offset=offset)
                if not ids:
                    return done
                done += await repo.refresh_lookup(ids)
                await uow.commit()
            offset += len(ids)

    async def display_names(
        self, ctx: TenantContext, client_ids: Iterable[ClientId]
    ) -> dict[ClientId, str]:
        """The display names of these clients of the centre, for lists that carry client ids
        (a case list). Empty for a role without ``client:read``: names are then withheld.
        Not audited per client: the caller's list is the read."""
        if not ctx.can(Permission.CLIENT_READ):
            return {}
        wanted = list(dict.fromkeys(client_ids))
        if not wanted:
            return {}
        async with self.uow(ctx.centre_id) as uow:
            repo = self.clients(uow)
            found = [await repo.get(i) for i in wanted]
        return {c.id: c.display_name for c in found if c is not None}


def _newest(c: Client) -> tuple[dt.datetime, ClientId]:
    """The client lists' order, newest first, and their cursor's key."""
    return (c.created_at, c.id)


def _after(cursor: str | None, offset: int) -> tuple[dt.datetime, ClientId] | None:
    key = start_after(cursor, offset, (dt.datetime, uuid.UUID))
    return None if key is None else (key[0], ClientId(key[1]))
