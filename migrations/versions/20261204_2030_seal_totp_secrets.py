"""Users' TOTP secrets sealed at rest, each under a data key of its own (ASVS V8).

A TOTP shared secret stored in clear (``users.totp_secret`` since 0301) let a copy of the
database give every enrolled user's second factor away. From here each is sealed —
AES-256-GCM, bound to ``users.totp_secret`` and the user's id — under a random data key
that the application's key management wraps, stored with it (``u1:<wrapped>:<sealed>``,
``cma_adapters.sqlalchemy.user_secrets``). Not derived from ``CMA_SECRET_KEY``: changing
that secret must not lock out every enrolled user.

The column widens to text (a sealed value is longer than 64). Secrets written before this
revision are sealed here with the key management ``cma migrate`` hands in; with secrets to
seal and none handed in, it stops before changing anything. The downgrade opens them again
(a 0301 application reads them in clear), with key management too.

Revision ID: 2030
Revises: 0301
Create Date: 2026-12-04 09:50:00
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import uuid
from collections.abc import Coroutine, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic import context, op

revision: str = "2030"
# A branch of its own from 0301 (where users.totp_secret was added).
down_revision: str | None = "0301"
branch_labels: str | Sequence[str] | None = ("totp_sealed",)
depends_on: str | Sequence[str] | None = None

T = TypeVar("T")

users = sa.table("users", sa.column("id", sa.Uuid()), sa.column("totp_secret", sa.Text()))


def _run(coro: Coroutine[Any, Any, T]) -> T:
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _secrets(why: str) -> Any:
    """The application's sealer of users' secrets, over the key management ``cma migrate``
    hands in."""
    provide = context.config.attributes.get("key_management")
    if provide is None:
        raise RuntimeError(
            f"2030 must {why} users' TOTP secrets but was given no key management: run "
            "`cma migrate` with CMA_KEYRING_PATH (or CMA_DATA_DIR) set to where the "
            "application's keyring lives, or CMA_KEY_PROVIDER=aws-kms with CMA_KMS_KEY_ID; "
            "nothing was changed"
        )
    from cma_adapters.sqlalchemy.user_secrets import UserSecrets

    return UserSecrets(provide())


def _id(raw: object) -> uuid.UUID:
    return raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw))


def _rewrite(bind: Any, rows: Sequence[Any], change: Any) -> None:
    for r in rows:
        value = _run(change(_id(r.id), r.totp_secret))
        bind.execute(sa.update(users).where(users.c.id == r.id).values(totp_secret=value))


def _with_secrets() -> list[Any]:
    return list(op.get_bind().execute(sa.select(users).where(users.c.totp_secret.isnot(None))))


def upgrade() -> None:
    # Asked before any change: SQLite's DDL is not transactional here, so a refusal after
    # altering the column would leave it half done.
    rows = _with_secrets()
    sealer = _secrets("seal") if rows else None
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column(
            "totp_secret",
            existing_type=sa.String(length=64),
            type_=sa.Text(),
            existing_nullable=True,
        )
    if sealer is not None:
        _rewrite(op.get_bind(), rows, sealer.seal)


def downgrade() -> None:
    rows = _with_secrets()
    if rows:
        _rewrite(op.get_bind(), rows, _secrets("open").open)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column(
            "totp_secret",
            existing_type=sa.Text(),
            type_=sa.String(length=64),
            existing_nullable=True,
        )
