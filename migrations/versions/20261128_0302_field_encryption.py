"""Security branch, step 3: field-level encryption of personal data.

Clients' names, date of birth, email, phone and the new NI number, and the bodies of notes
marked sensitive, are stored sealed (AES-256-GCM) under per-centre data keys that the key
management service wraps (``centre_data_keys``); names and email get blind indexes.

Existing plaintext rows are encrypted here, with the key management the application is
configured with (``CMA_KEY_PROVIDER``: the local keyring under ``CMA_DATA_DIR`` or
``CMA_KEYRING_PATH``, or AWS KMS with ``CMA_KMS_KEY_ID``), which the caller hands in
(``cma migrate`` does; see ``cma_adapters.sqlalchemy.migrate.upgrade``): a migration never
imports the application's wiring, which may change long after this file was written. If
there are such rows and no key management was handed in, or it cannot be set up (or, on a
server database, the keyring location was not named explicitly), the migration stops
before changing anything rather than guess where the only copy of the master key should
go. Downgrading decrypts nothing: it refuses while any
sealed row exists.

Revision ID: 0302
Revises: 0301
Create Date: 2026-11-28 09:00:00
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import uuid
from collections.abc import Coroutine, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic import context, op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "0302"
down_revision: str | None = "0301"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

T = TypeVar("T")

_PLAIN_CLIENT = ("first_name", "last_name", "date_of_birth", "email", "phone")


def upgrade() -> None:
    op.create_table(
        "centre_data_keys",
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["centre_id"], ["centres.id"], name=op.f("fk_centre_data_keys_centre_id_centres")
        ),
        sa.PrimaryKeyConstraint("centre_id", "version", name=op.f("pk_centre_data_keys")),
    )
    enable_rls(op, "centre_data_keys")
    with op.batch_alter_table("clients") as b:
        b.add_column(sa.Column("key_version", sa.Integer(), nullable=True))
        for col in (*_PLAIN_CLIENT, "ni_number"):
            b.add_column(sa.Column(f"{col}_enc", sa.Text(), nullable=True))
        for col in ("first_name", "last_name", "email"):
            b.add_column(sa.Column(f"{col}_bidx", sa.String(64), nullable=True))
    with op.batch_alter_table("case_notes") as b:
        b.add_column(sa.Column("body_enc", sa.Text(), nullable=True))
        b.add_column(sa.Column("key_version", sa.Integer(), nullable=True))
        b.alter_column("body", existing_type=sa.Text(), nullable=True)

    _encrypt_existing_rows()

    with op.batch_alter_table("clients") as b:
        for col in _PLAIN_CLIENT:
            b.drop_column(col)
        b.alter_column("key_version", existing_type=sa.Integer(), nullable=False)
        for col in ("first_name_enc", "last_name_enc", "date_of_birth_enc"):
            b.alter_column(col, existing_type=sa.Text(), nullable=False)
        for col in ("first_name_bidx", "last_name_bidx"):
            b.alter_column(col, existing_type=sa.String(64), nullable=False)
        b.create_index("ix_clients_centre_first_bidx", ["centre_id", "first_name_bidx"])
        b.create_index("ix_clients_centre_last_bidx", ["centre_id", "last_name_bidx"])
        b.create_index("ix_clients_centre_email_bidx", ["centre_id", "email_bidx"])
        b.create_index("ix_clients_centre_key_version", ["centre_id", "key_version"])


def downgrade() -> None:
    bind = op.get_bind()
    sealed = bind.execute(sa.text("SELECT count(*) FROM clients")).scalar_one()
    sealed += bind.execute(
        sa.text("SELECT count(*) FROM case_notes WHERE body_enc IS NOT NULL")
    ).scalar_one()
    if sealed:
        raise RuntimeError(
            f"0302 downgrade would have to write {sealed} sealed rows back as plaintext; "
            "refusing (restore the pre-0302 backup instead)"
        )
    with op.batch_alter_table("clients") as b:
        for name in ("first", "last", "email"):
            b.drop_index(f"ix_clients_centre_{name}_bidx")
        b.drop_index("ix_clients_centre_key_version")
        b.add_column(sa.Column("first_name", sa.String(200), nullable=False))
        b.add_column(sa.Column("last_name", sa.String(200), nullable=False))
        b.add_column(sa.Column("date_of_birth", sa.Date(), nullable=False))
        b.add_column(sa.Column("email", sa.String(254), nullable=True))
        b.add_column(sa.Column("phone", sa.String(40), nullable=True))
        for col in ("key_version", *(f"{c}_enc" for c in (*_PLAIN_CLIENT, "ni_number"))):
            b.drop_column(col)
        for col in ("first_name", "last_name", "email"):
            b.drop_column(f"{col}_bidx")
    with op.batch_alter_table("case_notes") as b:
        b.drop_column("body_enc")
        b.drop_column("key_version")
        b.alter_column("body", existing_type=sa.Text(), nullable=False)
    op.drop_table("centre_data_keys")


# --------------------------------------------------------------------------- data


def _run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a key-management call from this synchronous migration, whether or not the
    caller has an event loop running (``cma migrate`` from async code, tests)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _key_management() -> Any:
    provide = context.config.attributes.get("key_management")
    if provide is None:
        raise RuntimeError(
            "0302 must encrypt existing client rows but was given no key management: run "
            "`cma migrate` with CMA_KEYRING_PATH (or CMA_DATA_DIR) set to where the "
            "application's keyring lives, or CMA_KEY_PROVIDER=aws-kms with CMA_KMS_KEY_ID; "
            "nothing was changed"
        )
    return provide()


def _encrypt_existing_rows() -> None:
    from cma_adapters.sqlalchemy.crypto import CentreKey, aad
    from cma_adapters.sqlalchemy.mappers import EMAIL_INDEX, FIRST_NAME_INDEX, LAST_NAME_INDEX
    from cma_core.shared.ids import CentreId

    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    clients = sa.table(
        "clients",
        sa.column("id", sa.Uuid()),
        sa.column("centre_id", sa.Uuid()),
        sa.column("first_name", sa.String()),
        sa.column("last_name", sa.String()),
        sa.column("date_of_birth", sa.Date()),
        sa.column("email", sa.String()),
        sa.column("phone", sa.String()),
        *(sa.column(f"{c}_enc", sa.Text()) for c in _PLAIN_CLIENT),
        *(sa.column(f"{c}_bidx", sa.String()) for c in ("first_name", "last_name", "email")),
        sa.column("key_version", sa.Integer()),
    )
    notes = sa.table(
        "case_notes",
        sa.column("id", sa.Uuid()),
        sa.column("centre_id", sa.Uuid()),
        sa.column("body", sa.Text()),
        sa.column("body_enc", sa.Text()),
        sa.column("key_version", sa.Integer()),
        sa.column("sensitive", sa.Boolean()),
    )
    keys_t = sa.table(
        "centre_data_keys",
        sa.column("centre_id", sa.Uuid()),
        sa.column("version", sa.Integer()),
        sa.column("wrapped_key", sa.LargeBinary()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    centres = [
        r[0]
        for r in bind.execute(
            sa.select(sa.column("id", sa.Uuid())).select_from(sa.table("centres"))
        )
    ]
    km: Any = None
    for centre in centres:
        centre = centre if isinstance(centre, uuid.UUID) else uuid.UUID(str(centre))
        if pg:  # RLS is forced on these tables, for the owner too
            bind.execute(
                sa.text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)}
            )
        rows = bind.execute(sa.select(clients).where(clients.c.centre_id == centre)).all()
        sensitive = bind.execute(
            sa.select(notes.c.id, notes.c.body).where(
                notes.c.centre_id == centre, notes.c.sensitive.is_(True)
            )
        ).all()
        if not rows and not sensitive:
            continue
        if km is None:
            km = _key_management()
        data_key = _run(km.generate_data_key(CentreId(centre)))
        bind.execute(
            sa.insert(keys_t).values(
                centre_id=centre,
                version=1,
                wrapped_key=data_key.wrapped,
                created_at=dt.datetime.now(dt.UTC),
            )
        )
        key = CentreKey(CentreId(centre), 1, data_key.plaintext)
        for r in rows:
            values = {
                "key_version": 1,
                "first_name_bidx": key.index(r.first_name, FIRST_NAME_INDEX),
                "last_name_bidx": key.index(r.last_name, LAST_NAME_INDEX),
                "email_bidx": key.index(r.email, EMAIL_INDEX) if r.email else None,
            }
            for col in _PLAIN_CLIENT:
                value = getattr(r, col)
                if isinstance(value, dt.date):
                    value = value.isoformat()
                values[f"{col}_enc"] = key.seal_opt(value, aad("clients", col, r.id))
            bind.execute(sa.update(clients).where(clients.c.id == r.id).values(values))
        for n in sensitive:
            bind.execute(
                sa.update(notes)
                .where(notes.c.id == n.id)
                .values(
                    body=None,
                    key_version=1,
                    body_enc=key.seal(n.body, aad("case_notes", "body", n.id)),
                )
            )
