"""Centres and users (platform-level records)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, cast

import attrs
from sqlalchemy import Table, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from cma_adapters.sqlalchemy.rows import (
    CentreRow,
    CentreSecondFactorRow,
    MembershipGrantRow,
    MembershipRow,
    PasswordResetRequestRow,
    PasswordResetRow,
    RecoveryCodeRow,
    RefreshTokenRow,
    UserRow,
)
from cma_adapters.sqlalchemy.user_secrets import UserSecrets
from cma_adapters.sqlalchemy.versioned import put_versioned
from cma_core.identity.model import Centre, Membership, PermissionGrant, User
from cma_core.identity.permissions import Permission, Role
from cma_core.identity.ports import (
    IdentityStore,
    PasswordResetStore,
    RefreshTokenStore,
    ResetRequestQueue,
)
from cma_core.identity.second_factor import SecondFactorPolicy, policy_roles
from cma_core.identity.sessions import PasswordReset, RefreshToken, ResetRequest
from cma_core.privacy.ports import CiphertextRejected, KeyManagement, KeyUnavailable
from cma_core.shared.errors import Conflict, StaleVersion
from cma_core.shared.ids import CentreId, UserId

centres_t = cast(Table, CentreRow.__table__)
users_t = cast(Table, UserRow.__table__)
members_t = cast(Table, MembershipRow.__table__)
grants_t = cast(Table, MembershipGrantRow.__table__)
tokens_t = cast(Table, RefreshTokenRow.__table__)
resets_t = cast(Table, PasswordResetRow.__table__)
requests_t = cast(Table, PasswordResetRequestRow.__table__)
second_factor_t = cast(Table, CentreSecondFactorRow.__table__)
recovery_t = cast(Table, RecoveryCodeRow.__table__)


class SqlAlchemyIdentityStore(IdentityStore):
    """Platform-level records. On PostgreSQL each transaction declares itself platform-level
    (``app.platform``) so that the memberships policy lets it see every centre's rows; no
    tenant table other than memberships admits that setting."""

    def __init__(self, engine: AsyncEngine, keys: KeyManagement | None = None) -> None:
        """``keys``: the key management that wraps the data keys sealing users' TOTP
        secrets (``user_secrets``). Without it a TOTP secret is refused, not stored in
        clear."""
        self._engine = engine
        self._totp = UserSecrets(keys) if keys is not None else None

    def _sealer(self) -> UserSecrets:
        if self._totp is None:
            raise RuntimeError(
                "this identity store has no key management: pass keys= to "
                "SqlAlchemyIdentityStore (TOTP secrets are stored sealed)"
            )
        return self._totp

    async def _seal_totp(self, user: User) -> str | None:
        if user.totp_secret is None:
            return None
        return await self._sealer().seal(user.id, user.totp_secret)

    async def _open_totp(self, rows: Sequence[Any]) -> dict[Any, str]:
        """Each row's TOTP secret, opened. A secret that is not sealed, or sealed for
        another row, raises ``CiphertextRejected``: it was written around the application."""
        return {
            r["id"]: await self._sealer().open(r["id"], r["totp_secret"])
            for r in rows
            if r["totp_secret"] is not None
        }

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[AsyncConnection]:
        async with self._engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                await conn.execute(text("SELECT set_config('app.platform', 'on', true)"))
            yield conn

    async def add_centre(self, centre: Centre) -> None:
        async with self._tx() as conn:
            await conn.execute(
                insert(centres_t).values(
                    id=centre.id, name=centre.name, created_at=centre.created_at
                )
            )

    async def get_centre(self, centre_id: CentreId) -> Centre | None:
        async with self._tx() as conn:
            row = (
                (await conn.execute(select(centres_t).where(centres_t.c.id == centre_id)))
                .mappings()
                .first()
            )
        return _centre(row) if row else None

    async def list_centres(self) -> Sequence[Centre]:
        async with self._tx() as conn:
            rows = (
                (
                    await conn.execute(
                        select(centres_t).order_by(centres_t.c.created_at, centres_t.c.id)
                    )
                )
                .mappings()
                .all()
            )
        return [_centre(r) for r in rows]

    async def add_user(self, user: User) -> None:
        try:
            async with self._tx() as conn:
                await conn.execute(
                    insert(users_t).values(
                        id=user.id,
                        email=user.email,
                        full_name=user.full_name,
                        password_hash=user.password_hash,
                        active=user.active,
                        created_at=user.created_at,
                        totp_secret=await self._seal_totp(user),
                        totp_enabled=user.totp_enabled,
                        version=user.version,
                    )
                )
                await _write_memberships(conn, user)
        except IntegrityError as exc:
            raise Conflict(f"a user with email {user.email} already exists") from exc

    async def save_user(self, user: User) -> None:
        """One conditional update: ``WHERE version = <the version read>``, raising it. Of
        two transactions saving one user read at the same version, the second finds no row
        (PostgreSQL re-checks the condition after the first commits; SQLite writes one at a
        time) and gets ``StaleVersion``, with nothing written."""
        async with self._tx() as conn:
            result = await conn.execute(
                update(users_t)
                .where(users_t.c.id == user.id, users_t.c.version == user.version)
                .values(
                    email=user.email,
                    full_name=user.full_name,
                    password_hash=user.password_hash,
                    active=user.active,
                    totp_secret=await self._seal_totp(user),
                    totp_enabled=user.totp_enabled,
                    version=user.version + 1,
                )
            )
            if result.rowcount != 1:
                found = await conn.execute(select(users_t.c.version).where(users_t.c.id == user.id))
                raise StaleVersion("user", user.version, found.scalar() or 0)
            await conn.execute(delete(members_t).where(members_t.c.user_id == user.id))
            await conn.execute(delete(grants_t).where(grants_t.c.user_id == user.id))
            await _write_memberships(conn, user)
        user.version += 1

    async def get_user(self, user_id: UserId) -> User | None:
        return await self._one(users_t.c.id == user_id)

    async def get_user_by_email(self, email: str) -> User | None:
        return await self._one(users_t.c.email == email)

    async def list_users(self, centre_id: CentreId) -> Sequence[User]:
        """The centre's staff in one transaction and four statements, whatever their number
        (every case view names its adviser from this list)."""
        async with self._tx() as conn:
            member_ids = (
                select(members_t.c.user_id).where(members_t.c.centre_id == centre_id).distinct()
            )
            users = await _load_users(conn, users_t.c.id.in_(member_ids), self._open_totp)
        return sorted(users, key=lambda u: u.email)

    async def get_second_factor_policy(self, centre_id: CentreId) -> SecondFactorPolicy | None:
        async with self._tx() as conn:
            row = (
                (
                    await conn.execute(
                        select(second_factor_t).where(second_factor_t.c.centre_id == centre_id)
                    )
                )
                .mappings()
                .first()
            )
        if row is None:
            return None
        return SecondFactorPolicy(
            centre_id=CentreId(row["centre_id"]),
            roles=policy_roles(r for r in row["roles"].split(",") if r),
            updated_at=row["updated_at"],
            updated_by=UserId(row["updated_by"]) if row["updated_by"] else None,
            version=row["version"],
        )

    async def replace_recovery_codes(
        self, user_id: UserId, digests: Sequence[str], at: dt.datetime
    ) -> None:
        """Old codes deleted and new ones inserted in one transaction."""
        async with self._tx() as conn:
            await conn.execute(delete(recovery_t).where(recovery_t.c.user_id == user_id))
            if digests:
                await conn.execute(
                    insert(recovery_t),
                    [{"user_id": user_id, "code_hash": d, "created_at": at} for d in digests],
                )

    async def use_recovery_code(self, user_id: UserId, digest: str, at: dt.datetime) -> bool:
        """One conditional ``UPDATE … WHERE used_at IS NULL``: of concurrent uses of a code,
        the database lets exactly one change the row."""
        async with self._tx() as conn:
            result = await conn.execute(
                update(recovery_t)
                .where(
                    recovery_t.c.user_id == user_id,
                    recovery_t.c.code_hash == digest,
                    recovery_t.c.used_at.is_(None),
                )
                .values(used_at=at)
            )
        return bool(result.rowcount == 1)

    async def recovery_codes_left(self, user_id: UserId) -> int:
        async with self._tx() as conn:
            count = await conn.scalar(
                select(func.count())
                .select_from(recovery_t)
                .where(recovery_t.c.user_id == user_id, recovery_t.c.used_at.is_(None))
            )
        return int(count or 0)

    async def remember_centre(self, user_id: UserId, centre_id: CentreId) -> None:
        async with self._tx() as conn:
            await conn.execute(
                update(users_t).where(users_t.c.id == user_id).values(last_centre_id=centre_id)
            )

    async def last_centre(self, user_id: UserId) -> CentreId | None:
        async with self._tx() as conn:
            found = await conn.scalar(
                select(users_t.c.last_centre_id).where(users_t.c.id == user_id)
            )
        return CentreId(found) if found is not None else None

    async def save_second_factor_policy(
        self, policy: SecondFactorPolicy, *, expected_version: int
    ) -> SecondFactorPolicy:
        """The first save inserts (a concurrent first save loses on the primary key); later
        ones update ``WHERE version = expected_version``. Either way one wins."""
        values = {
            "roles": ",".join(r.value for r in policy.ordered_roles),
            "updated_at": policy.updated_at,
            "updated_by": policy.updated_by,
            "version": expected_version + 1,
        }
        async with self._tx() as conn:
            await put_versioned(
                conn,
                second_factor_t,
                {"centre_id": policy.centre_id},
                values,
                expected_version=expected_version,
                what="second-factor settings",
            )
        return attrs.evolve(policy, version=expected_version + 1)

    async def reseal_totp_secrets(
        self, *, batch: int = 200, progress: Callable[[int, int], None] | None = None
    ) -> tuple[dict[UserId, list[CentreId]], list[UserId]]:
        """Give every enrolled user's TOTP secret a new data key, wrapped by the key
        management's current master key (``cma keys rotate --users``): after a suspected
        leak of wrapped keys, or once a KMS key has been replaced, nothing stays under the
        old one. Each batch is its own transaction, in user-id order, so an interrupted run
        leaves every secret readable and the next run simply goes over them again.

        Each row moves only from the value read to the new one, and its ``version`` is
        raised: an edit made meanwhile from an older read gets ``StaleVersion`` instead of
        writing the old sealed value back. A secret that does not open (written around the
        application, or under a key this key management cannot unwrap) is left as it is
        and reported, so one bad row does not stop everyone else's rotation.

        Returns the users re-sealed with their centres, and the users refused."""
        sealer = self._sealer()
        async with self._tx() as conn:
            total = int(
                (
                    await conn.execute(
                        select(func.count())
                        .select_from(users_t)
                        .where(users_t.c.totp_secret.is_not(None))
                    )
                ).scalar_one()
            )
        moved: dict[UserId, list[CentreId]] = {}
        refused: list[UserId] = []
        after: Any = None
        seen = 0
        if progress:
            progress(0, total)
        while True:
            async with self._tx() as conn:
                stmt = select(users_t.c.id, users_t.c.totp_secret, users_t.c.version).where(
                    users_t.c.totp_secret.is_not(None)
                )
                if after is not None:
                    stmt = stmt.where(users_t.c.id > after)
                rows = (await conn.execute(stmt.order_by(users_t.c.id).limit(batch))).all()
                if not rows:
                    break
                for row in rows:
                    try:
                        secret = await sealer.open(row.id, row.totp_secret)
                    except (CiphertextRejected, KeyUnavailable):
                        refused.append(UserId(row.id))
                        continue
                    result = await conn.execute(
                        update(users_t)
                        .where(
                            users_t.c.id == row.id,
                            users_t.c.version == row.version,
                            users_t.c.totp_secret == row.totp_secret,
                        )
                        .values(
                            totp_secret=await sealer.seal(row.id, secret, fresh=True),
                            version=row.version + 1,
                        )
                    )
                    if result.rowcount == 1:
                        moved[UserId(row.id)] = []
                centres = await conn.execute(
                    select(members_t.c.user_id, members_t.c.centre_id)
                    .where(members_t.c.user_id.in_([r.id for r in rows]))
                    .distinct()
                )
                for user_id, centre_id in centres.all():
                    if UserId(user_id) in moved:
                        moved[UserId(user_id)].append(CentreId(centre_id))
            after = rows[-1].id
            seen += len(rows)
            if progress:
                progress(seen, max(total, seen))
        return moved, refused

    async def _one(self, where: object) -> User | None:
        async with self._tx() as conn:
            users = await _load_users(conn, where, self._open_totp)
        return users[0] if users else None


async def _load_users(
    conn: AsyncConnection,
    where: object,
    open_totp: Callable[[Sequence[Any]], Awaitable[dict[Any, str]]],
) -> list[User]:
    rows = (await conn.execute(select(users_t).where(where))).mappings().all()  # type: ignore[arg-type]
    if not rows:
        return []
    totp = await open_totp(rows)
    ids = [r["id"] for r in rows]
    members = (
        (
            await conn.execute(
                select(members_t)
                .where(members_t.c.user_id.in_(ids))
                .order_by(members_t.c.centre_id, members_t.c.role)
            )
        )
        .mappings()
        .all()
    )
    grants = (
        (
            await conn.execute(
                select(grants_t)
                .where(grants_t.c.user_id.in_(ids))
                .order_by(grants_t.c.centre_id, grants_t.c.permission)
            )
        )
        .mappings()
        .all()
    )
    return [
        User(
            id=UserId(row["id"]),
            email=row["email"],
            full_name=row["full_name"],
            password_hash=row["password_hash"],
            created_at=row["created_at"],
            active=row["active"],
            totp_secret=totp.get(row["id"]),
            totp_enabled=bool(row["totp_enabled"]),
            version=row["version"],
            inactive_in=sorted(
                {CentreId(r["centre_id"]) for r in members if r["user_id"] == row["id"]}
                - {
                    CentreId(r["centre_id"])
                    for r in members
                    if r["user_id"] == row["id"] and r["active"]
                }
            ),
            memberships=[
                Membership(CentreId(r["centre_id"]), Role(r["role"]))
                for r in members
                if r["user_id"] == row["id"]
            ],
            grants=[
                PermissionGrant(
                    centre_id=CentreId(g["centre_id"]),
                    permission=Permission(g["permission"]),
                    granted_by=UserId(g["granted_by"]) if g["granted_by"] else None,
                    granted_at=g["granted_at"],
                    expires_at=g["expires_at"],
                    reason=g["reason"],
                )
                for g in grants
                if g["user_id"] == row["id"]
            ],
        )
        for row in rows
    ]


async def _write_memberships(conn: AsyncConnection, user: User) -> None:
    if user.memberships:
        await conn.execute(
            insert(members_t),
            [
                {
                    "user_id": user.id,
                    "centre_id": m.centre_id,
                    "role": m.role.value,
                    "active": m.centre_id not in user.inactive_in,
                }
                for m in user.memberships
            ],
        )
    if user.grants:
        await conn.execute(
            insert(grants_t),
            [
                {
                    "user_id": user.id,
                    "centre_id": g.centre_id,
                    "permission": g.permission.value,
                    "granted_by": g.granted_by,
                    "granted_at": g.granted_at,
                    "expires_at": g.expires_at,
                    "reason": g.reason,
                }
                for g in user.grants
            ],
        )


def _centre(row: object) -> Centre:
    r = row  # a RowMapping
    return Centre(id=CentreId(r["id"]), name=r["name"], created_at=r["created_at"])  # type: ignore[index]


class SqlAlchemyRefreshTokenStore(RefreshTokenStore):
    """Refresh tokens by hash; platform-level transactions like the identity store."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    @asynccontextmanager
    async def _tx(self) -> AsyncIterator[AsyncConnection]:
        async with self._engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                await conn.execute(text("SELECT set_config('app.platform', 'on', true)"))
            yield conn

    async def add(self, token: RefreshToken) -> None:
        async with self._tx() as conn:
            await conn.execute(
                insert(tokens_t).values(
                    id=token.id,
                    family_id=token.family_id,
                    user_id=token.user_id,
                    centre_id=token.centre_id,
                    token_hash=token.token_hash,
                    issued_at=token.issued_at,
                    expires_at=token.expires_at,
                    used_at=token.used_at,
                    revoked_at=token.revoked_at,
                    authenticated_at=token.authenticated_at,
                    address=token.address,
                    user_agent=token.user_agent,
                )
            )

    async def get_by_hash(self, token_hash: str) -> RefreshToken | None:
        async with self._tx() as conn:
            row = (
                (await conn.execute(select(tokens_t).where(tokens_t.c.token_hash == token_hash)))
                .mappings()
                .first()
            )
        return None if row is None else _token(row)

    async def list_user(self, user_id: UserId, now: dt.datetime) -> list[RefreshToken]:
        async with self._tx() as conn:
            rows = (
                (
                    await conn.execute(
                        select(tokens_t).where(
                            tokens_t.c.user_id == user_id,
                            tokens_t.c.revoked_at.is_(None),
                            tokens_t.c.expires_at > now,
                        )
                    )
                )
                .mappings()
                .all()
            )
        return [_token(r) for r in rows]

    async def set_authenticated(self, family_id: uuid.UUID, at: dt.datetime) -> None:
        async with self._tx() as conn:
            await conn.execute(
                update(tokens_t)
                .where(tokens_t.c.family_id == family_id)
                .values(authenticated_at=at)
            )

    async def mark_used(self, token_id: uuid.UUID, at: dt.datetime) -> bool:
        async with self._tx() as conn:
            result = await conn.execute(
                update(tokens_t)
                .where(
                    tokens_t.c.id == token_id,
                    tokens_t.c.used_at.is_(None),
                    tokens_t.c.revoked_at.is_(None),
                )
                .values(used_at=at)
            )
        return bool(result.rowcount == 1)

    async def revoke_family(self, family_id: uuid.UUID, at: dt.datetime) -> None:
        async with self._tx() as conn:
            await conn.execute(
                update(tokens_t)
                .where(tokens_t.c.family_id == family_id, tokens_t.c.revoked_at.is_(None))
                .values(revoked_at=at)
            )

    async def revoke_user(self, user_id: UserId, at: dt.datetime) -> None:
        async with self._tx() as conn:
            await conn.execute(
                update(tokens_t)
                .where(tokens_t.c.user_id == user_id, tokens_t.c.revoked_at.is_(None))
                .values(revoked_at=at)
            )

    async def family_revoked(self, family_id: uuid.UUID) -> bool:
        async with self._tx() as conn:
            found = await conn.execute(
                select(tokens_t.c.id)
                .where(tokens_t.c.family_id == family_id, tokens_t.c.revoked_at.is_not(None))
                .limit(1)
            )
            return found.first() is not None


def _token(row: Any) -> RefreshToken:
    return RefreshToken(
        id=row["id"],
        family_id=row["family_id"],
        user_id=UserId(row["user_id"]),
        centre_id=CentreId(row["centre_id"]),
        token_hash=row["token_hash"],
        issued_at=row["issued_at"],
        expires_at=row["expires_at"],
        used_at=row["used_at"],
        revoked_at=row["revoked_at"],
        authenticated_at=row["authenticated_at"],
        address=row["address"],
        user_agent=row["user_agent"],
    )


class SqlAlchemyPasswordResetStore(PasswordResetStore):
    """Password-reset tokens by hash; platform-level transactions like the identity store
    (the table has no RLS: it has no centre)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def add(self, reset: PasswordReset) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(
                insert(resets_t).values(
                    id=reset.id,
                    user_id=reset.user_id,
                    token_hash=reset.token_hash,
                    created_at=reset.created_at,
                    expires_at=reset.expires_at,
                    used_at=reset.used_at,
                )
            )

    async def get_by_hash(self, token_hash: str) -> PasswordReset | None:
        async with self._engine.begin() as conn:
            row = (
                (await conn.execute(select(resets_t).where(resets_t.c.token_hash == token_hash)))
                .mappings()
                .first()
            )
        if row is None:
            return None
        return PasswordReset(
            id=row["id"],
            user_id=UserId(row["user_id"]),
            token_hash=row["token_hash"],
            created_at=row["created_at"],
            expires_at=row["expires_at"],
            used_at=row["used_at"],
        )

    async def mark_used(self, reset_id: uuid.UUID, at: dt.datetime) -> bool:
        async with self._engine.begin() as conn:
            result = await conn.execute(
                update(resets_t)
                .where(resets_t.c.id == reset_id, resets_t.c.used_at.is_(None))
                .values(used_at=at)
            )
        return bool(result.rowcount == 1)

    async def use_all(self, user_id: UserId, at: dt.datetime) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(
                update(resets_t)
                .where(resets_t.c.user_id == user_id, resets_t.c.used_at.is_(None))
                .values(used_at=at)
            )


def reset_request_key(secret: str) -> bytes:
    """The Fernet key sealing queued reset requests, derived from the deployment secret."""
    import base64

    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    raw = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"cma/reset-requests/v1"
    ).derive(secret.encode())
    return base64.urlsafe_b64encode(raw)


class SqlAlchemyResetRequestQueue(ResetRequestQueue):
    """Forgotten-password requests in ``password_reset_requests``, the address sealed
    (Fernet, a key derived from ``CMA_SECRET_KEY``). A claim is one conditional UPDATE, so
    two workers never both take one request."""

    def __init__(self, engine: AsyncEngine, key: bytes) -> None:
        from cryptography.fernet import Fernet

        self._engine = engine
        self._fernet = Fernet(key)

    async def add(self, request: ResetRequest) -> None:
        sealed = self._fernet.encrypt(request.email.encode()).decode()
        async with self._engine.begin() as conn:
            await conn.execute(
                insert(requests_t).values(
                    id=request.id, email_sealed=sealed, requested_at=request.requested_at
                )
            )

    async def pending(self, *, claimed_before: dt.datetime, limit: int) -> list[ResetRequest]:
        from cryptography.fernet import InvalidToken

        query = (
            select(requests_t)
            .where(requests_t.c.claimed_at.is_(None) | (requests_t.c.claimed_at < claimed_before))
            .order_by(requests_t.c.requested_at)
            .limit(limit)
        )
        async with self._engine.begin() as conn:
            rows = (await conn.execute(query)).mappings().all()
        out = []
        for row in rows:
            try:
                email = self._fernet.decrypt(row["email_sealed"].encode()).decode()
            except InvalidToken:  # sealed under another secret: nobody can mail it
                await self.done(row["id"])
                continue
            out.append(ResetRequest(id=row["id"], email=email, requested_at=row["requested_at"]))
        return out

    async def claim(
        self, request_id: uuid.UUID, at: dt.datetime, *, claimed_before: dt.datetime
    ) -> bool:
        async with self._engine.begin() as conn:
            result = await conn.execute(
                update(requests_t)
                .where(
                    requests_t.c.id == request_id,
                    requests_t.c.claimed_at.is_(None) | (requests_t.c.claimed_at < claimed_before),
                )
                .values(claimed_at=at)
            )
        return bool(result.rowcount == 1)

    async def done(self, request_id: uuid.UUID) -> None:
        async with self._engine.begin() as conn:
            await conn.execute(delete(requests_t).where(requests_t.c.id == request_id))
