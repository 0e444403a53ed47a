"""Letters and document page text sealed at rest, like the clients' fields (issue 13).

A stored letter (``advice_letters``: its subject and HTML name the client, their address
and their debts) keeps those two fields in the record's ``sealed`` value; a document's page
text (OCR or the PDF's own, ``documents.pages``) becomes ``{"sealed": ...}``. Both are
AES-256-GCM under the centre's newest data key, bound to their table, column and row
(``cma_adapters.sqlalchemy.crypto``). PDFs of letters are never stored: they are drawn
from the sealed HTML when downloaded.

Rows written before this revision are sealed here, with the key management the
application is configured with (handed in by ``cma migrate``, as for 0302); a centre
that has such rows but no data key yet gets its version 1. If there are rows to seal and
no key management was handed in, the migration stops before changing anything.
Downgrading opens nothing: the application reads sealed and plain rows alike.

Revision ID: 1201
Revises: 1200
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import json
import uuid
from collections.abc import Coroutine, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from alembic import context, op

revision: str = "1201"
down_revision: str | None = "1200"
branch_labels: str | Sequence[str] | None = None
# The documents and advice tables must exist (their areas' first revisions).
depends_on: str | Sequence[str] | None = ("0600", "0400")

T = TypeVar("T")
LETTER_SEALED = ("subject", "html")


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    letters = sa.table(
        "advice_letters",
        sa.column("id", sa.Uuid()),
        sa.column("centre_id", sa.Uuid()),
        sa.column("data", sa.JSON()),
    )
    documents = sa.table(
        "documents",
        sa.column("id", sa.Uuid()),
        sa.column("centre_id", sa.Uuid()),
        sa.column("pages", sa.JSON()),
    )
    centres = [
        r[0]
        for r in bind.execute(
            sa.select(sa.column("id", sa.Uuid())).select_from(sa.table("centres"))
        )
    ]
    km: Any = None
    for raw_centre in centres:
        centre = raw_centre if isinstance(raw_centre, uuid.UUID) else uuid.UUID(str(raw_centre))
        if pg:  # RLS is forced on these tables, for the owner too
            bind.execute(
                sa.text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)}
            )
        plain_letters = [
            r
            for r in bind.execute(
                sa.select(letters.c.id, letters.c.data).where(letters.c.centre_id == centre)
            )
            if "sealed" not in _json(r.data)
        ]
        plain_pages = [
            r
            for r in bind.execute(
                sa.select(documents.c.id, documents.c.pages).where(documents.c.centre_id == centre)
            )
            if isinstance(_json(r.pages), list) and _json(r.pages)
        ]
        if not plain_letters and not plain_pages:
            continue
        if km is None:
            km = _key_management()
        key = _current_key(bind, km, centre)
        from cma_adapters.sqlalchemy.crypto import aad

        for r in plain_letters:
            data = dict(_json(r.data))
            secret = json.dumps({k: data.pop(k) for k in LETTER_SEALED if k in data})
            data["sealed"] = key.seal(secret, aad("advice_letters", "sealed", r.id))
            bind.execute(sa.update(letters).where(letters.c.id == r.id).values(data=data))
        for r in plain_pages:
            plain = json.dumps(_json(r.pages), ensure_ascii=False)
            sealed = {"sealed": key.seal(plain, aad("documents", "pages", r.id))}
            bind.execute(sa.update(documents).where(documents.c.id == r.id).values(pages=sealed))


def downgrade() -> None:
    """Nothing to undo: sealed rows stay sealed (the application reads both forms)."""


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _run(coro: Coroutine[Any, Any, T]) -> T:
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _key_management() -> Any:
    provide = context.config.attributes.get("key_management")
    if provide is None:
        raise RuntimeError(
            "1201 must seal existing letters and page text but was given no key management: "
            "run `cma migrate` with CMA_KEYRING_PATH (or CMA_DATA_DIR) set to where the "
            "application's keyring lives, or CMA_KEY_PROVIDER=aws-kms with CMA_KMS_KEY_ID; "
            "nothing was changed"
        )
    return provide()


def _current_key(bind: Any, km: Any, centre: uuid.UUID) -> Any:
    """The centre's newest data key, unwrapped; version 1 made if it has none."""
    from cma_adapters.sqlalchemy.crypto import CentreKey
    from cma_core.shared.ids import CentreId

    keys_t = sa.table(
        "centre_data_keys",
        sa.column("centre_id", sa.Uuid()),
        sa.column("version", sa.Integer()),
        sa.column("wrapped_key", sa.LargeBinary()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    newest = bind.execute(
        sa.select(keys_t.c.version, keys_t.c.wrapped_key)
        .where(keys_t.c.centre_id == centre)
        .order_by(keys_t.c.version.desc())
        .limit(1)
    ).first()
    if newest is not None:
        plain = _run(km.unwrap_data_key(CentreId(centre), newest.wrapped_key))
        return CentreKey(CentreId(centre), newest.version, plain)
    data_key = _run(km.generate_data_key(CentreId(centre)))
    bind.execute(
        sa.insert(keys_t).values(
            centre_id=centre,
            version=1,
            wrapped_key=data_key.wrapped,
            created_at=dt.datetime.now(dt.UTC),
        )
    )
    return CentreKey(CentreId(centre), 1, data_key.plaintext)
