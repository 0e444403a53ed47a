"""Document file names, suggestions' evidence, every note and advice free text sealed
(issue 13, ASVS V8), like the clients' fields.

- ``documents.filename_enc`` (new): the uploaded file's name, sealed; ``filename`` is ""
  (a name an adviser gives a scan is often the client's).
- ``document_suggestions.evidence``: ``{"sealed": ...}`` (the snippets quote the page).
- ``case_notes``: every body in ``body_enc`` (``body`` NULL), not only sensitive ones.
- ``advice_records``: the options, reasons, risks, next steps and decision notes in the
  record's ``sealed`` value.

All AES-256-GCM under the centre's newest data key, bound to table, column and row
(``cma_adapters.sqlalchemy.crypto``). Rows written before this revision are sealed here
with the key management ``cma migrate`` hands in (as 0302 and 1201 do); with rows to seal
and none handed in, it stops before changing anything. The application reads sealed and
plain rows alike, so the downgrade opens nothing; it drops ``filename_enc`` only while
no row uses it.

Revision ID: 1700
Revises: 1201
Create Date: 2026-12-03 10:00:00
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

revision: str = "1700"
down_revision: str | None = "1201"
branch_labels: str | Sequence[str] | None = ("atrest",)
# Suggestions' evidence (0900) and the advice tables (0400) must exist.
depends_on: str | Sequence[str] | None = ("0900", "0400")

T = TypeVar("T")
ADVICE_SEALED = ("options", "reasons", "risks", "next_steps", "decision_notes")

documents = sa.table(
    "documents",
    sa.column("id", sa.Uuid()),
    sa.column("centre_id", sa.Uuid()),
    sa.column("filename", sa.String()),
    sa.column("filename_enc", sa.Text()),
)
suggestions = sa.table(
    "document_suggestions",
    sa.column("id", sa.Uuid()),
    sa.column("centre_id", sa.Uuid()),
    sa.column("evidence", sa.JSON()),
)
notes = sa.table(
    "case_notes",
    sa.column("id", sa.Uuid()),
    sa.column("centre_id", sa.Uuid()),
    sa.column("body", sa.Text()),
    sa.column("body_enc", sa.Text()),
    sa.column("key_version", sa.Integer()),
)
advice = sa.table(
    "advice_records",
    sa.column("id", sa.Uuid()),
    sa.column("centre_id", sa.Uuid()),
    sa.column("data", sa.JSON()),
)


def upgrade() -> None:
    bind = op.get_bind()
    if "filename_enc" not in {c["name"] for c in sa.inspect(bind).get_columns("documents")}:
        op.add_column("documents", sa.Column("filename_enc", sa.Text(), nullable=True))
    pg = bind.dialect.name == "postgresql"
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
        names = bind.execute(
            sa.select(documents.c.id, documents.c.filename).where(
                documents.c.centre_id == centre, documents.c.filename_enc.is_(None)
            )
        ).all()
        evidence = [
            r
            for r in bind.execute(
                sa.select(suggestions.c.id, suggestions.c.evidence).where(
                    suggestions.c.centre_id == centre
                )
            )
            if isinstance(_json(r.evidence), list) and _json(r.evidence)
        ]
        plain_notes = bind.execute(
            sa.select(notes.c.id, notes.c.body).where(
                notes.c.centre_id == centre, notes.c.body_enc.is_(None)
            )
        ).all()
        records = [
            r
            for r in bind.execute(
                sa.select(advice.c.id, advice.c.data).where(advice.c.centre_id == centre)
            )
            if "sealed" not in _json(r.data)
        ]
        if not (names or evidence or plain_notes or records):
            continue
        if km is None:
            km = _key_management()
        key = _current_key(bind, km, centre)
        _seal_centre(bind, key, names, evidence, plain_notes, records)


def _seal_centre(
    bind: Any, key: Any, names: Any, evidence: Any, plain_notes: Any, records: Any
) -> None:
    from cma_adapters.sqlalchemy.crypto import aad

    for r in names:
        token = key.seal(r.filename, aad("documents", "filename", r.id))
        bind.execute(
            sa.update(documents)
            .where(documents.c.id == r.id)
            .values(filename_enc=token, filename="")
        )
    for r in evidence:
        plain = json.dumps(_json(r.evidence), ensure_ascii=False)
        sealed = {"sealed": key.seal(plain, aad("document_suggestions", "evidence", r.id))}
        bind.execute(sa.update(suggestions).where(suggestions.c.id == r.id).values(evidence=sealed))
    for r in plain_notes:
        bind.execute(
            sa.update(notes)
            .where(notes.c.id == r.id)
            .values(
                body=None,
                body_enc=key.seal(r.body or "", aad("case_notes", "body", r.id)),
                key_version=key.version,
            )
        )
    for r in records:
        data = dict(_json(r.data))
        secret = json.dumps({k: data.pop(k) for k in ADVICE_SEALED if k in data})
        data["sealed"] = key.seal(secret, aad("advice_records", "sealed", r.id))
        bind.execute(sa.update(advice).where(advice.c.id == r.id).values(data=data))


def downgrade() -> None:
    """Sealed rows stay sealed (the application reads both forms); the file names' column
    goes only while no row depends on it."""
    bind = op.get_bind()
    used = bind.execute(
        sa.select(sa.func.count())
        .select_from(documents)
        .where(documents.c.filename_enc.isnot(None))
    ).scalar_one()
    if used:
        raise RuntimeError(
            f"{used} documents keep their name only in filename_enc: restore the backup "
            "taken before 1700 to go below it"
        )
    op.drop_column("documents", "filename_enc")


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _run(coro: Coroutine[Any, Any, T]) -> T:
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _key_management() -> Any:
    provide = context.config.attributes.get("key_management")
    if provide is None:
        raise RuntimeError(
            "1700 must seal existing file names, evidence, notes and advice but was given no "
            "key management: run `cma migrate` with CMA_KEYRING_PATH (or CMA_DATA_DIR) set "
            "to where the application's keyring lives, or CMA_KEY_PROVIDER=aws-kms with "
            "CMA_KMS_KEY_ID; nothing was changed"
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
