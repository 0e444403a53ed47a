"""Harden branch, step 2: what was still plain at rest is sealed (issue 13, ASVS V8).

- ``document_suggestions.sealed`` (new): the title, creditor, account reference and court
  claim number, sealed together; those columns keep "" / NULL (an account number and the
  names read off a letter are the client's).
- ``advice_debts``: the debt (account reference, amounts) and the adviser's notes, in the
  record's ``sealed`` value.
- ``advice_budgets``: the budget (its lines' free-text notes, the household) and the
  statement's details, in the record's ``sealed`` value.

AES-256-GCM under the centre's newest data key, bound to table, column and row, as 1700
does, with the key management ``cma migrate`` hands in; with rows to seal and none handed
in, it stops before changing anything. No query filters or sorts on these values (the
debts' ``kind`` and the suggestions' status stay columns). The application reads sealed
and plain rows alike, so the downgrade opens nothing; it drops ``sealed`` only while no
row uses it.

Revision ID: 1841
Revises: 1840
Create Date: 2026-12-03 13:10:00
"""

from __future__ import annotations

import importlib.util
import json
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "1841"
down_revision: str | None = "1840"
branch_labels: str | Sequence[str] | None = None
# The suggestions (0600), the advice records (0400) and the data keys (0302) exist.
depends_on: str | Sequence[str] | None = ("0600", "0400", "0302")

SUGGESTION_SEALED = ("title", "creditor_name", "account_reference", "court_claim_number")
RECORDS = {"advice_debts": ("debt", "notes"), "advice_budgets": ("budget", "details")}

suggestions = sa.table(
    "document_suggestions",
    sa.column("id", sa.Uuid()),
    sa.column("centre_id", sa.Uuid()),
    *(sa.column(c, sa.String()) for c in SUGGESTION_SEALED),
    sa.column("sealed", sa.Text()),
)


def _record_table(name: str) -> Any:
    return sa.table(
        name,
        sa.column("id", sa.Uuid()),
        sa.column("centre_id", sa.Uuid()),
        sa.column("data", sa.JSON()),
    )


def _helpers() -> Any:
    """1700's key helpers (key management from ``cma migrate``, the centre's newest key),
    loaded from the file next to this one (the versions folder is not a package)."""
    path = Path(__file__).with_name("20261203_1700_seal_names_evidence_notes_advice.py")
    spec = importlib.util.spec_from_file_location("cma_migration_1700", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade() -> None:
    bind = op.get_bind()
    if "sealed" not in {c["name"] for c in sa.inspect(bind).get_columns("document_suggestions")}:
        op.add_column("document_suggestions", sa.Column("sealed", sa.Text(), nullable=True))
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
        plain_suggestions = bind.execute(
            sa.select(suggestions).where(
                suggestions.c.centre_id == centre, suggestions.c.sealed.is_(None)
            )
        ).all()
        records = {
            name: [
                r
                for r in bind.execute(
                    sa.select(_record_table(name)).where(sa.column("centre_id") == centre)
                )
                if "sealed" not in _json(r.data)
            ]
            for name in RECORDS
        }
        if not plain_suggestions and not any(records.values()):
            continue
        helpers = _helpers()
        if km is None:
            km = helpers._key_management()
        key = helpers._current_key(bind, km, centre)
        _seal_centre(bind, key, plain_suggestions, records)


def _seal_centre(bind: Any, key: Any, plain_suggestions: Any, records: Any) -> None:
    from cma_adapters.sqlalchemy.crypto import aad

    for r in plain_suggestions:
        secret = json.dumps({c: getattr(r, c) for c in SUGGESTION_SEALED}, ensure_ascii=False)
        bind.execute(
            sa.update(suggestions)
            .where(suggestions.c.id == r.id)
            .values(
                sealed=key.seal(secret, aad("document_suggestions", "sealed", r.id)),
                title="",
                creditor_name=None,
                account_reference=None,
                court_claim_number=None,
            )
        )
    for name, rows in records.items():
        table = _record_table(name)
        for r in rows:
            data = dict(_json(r.data))
            secret = json.dumps({k: data.pop(k) for k in RECORDS[name] if k in data})
            data["sealed"] = key.seal(secret, aad(name, "sealed", r.id))
            bind.execute(sa.update(table).where(table.c.id == r.id).values(data=data))


def downgrade() -> None:
    """Sealed rows stay sealed (the application reads both forms); the suggestions'
    ``sealed`` column goes only while no row depends on it."""
    bind = op.get_bind()
    used = bind.execute(
        sa.select(sa.func.count()).select_from(suggestions).where(suggestions.c.sealed.isnot(None))
    ).scalar_one()
    if used:
        raise RuntimeError(
            f"{used} suggestions keep their title only in `sealed`: restore the backup taken "
            "before 1841 to go below it"
        )
    op.drop_column("document_suggestions", "sealed")


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value
