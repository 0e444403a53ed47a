"""Search under Row Level Security: mark the search operators' functions LEAKPROOF.

Under RLS (``FORCE``, the application role ``cma_app``) PostgreSQL evaluates the policy
first and will not use a query's own condition as an index condition unless the
function behind its operator is LEAKPROOF (else a function that raised an error could
reveal another centre's row before the policy filtered it). None of the operators the
search adapter matches with is marked so, so every search read all of its centre's rows
through the ``centre_id`` btree and tested each one (``tsv @@``, ``terms @>``, and, for
the typo pass, ``word_similarity`` on every body): measured on 200,000 cases, 15,000
documents a centre, 50 ms for "council tax" and 134 ms for a typo pass, against 10-20 ms
through the GIN indexes of migration 1000.

The functions marked: ``ts_match_vq`` (``tsvector @@ tsquery``), ``arraycontains``
(``@>``), ``arrayoverlap`` (``&&``) and pg_trgm's ``word_similarity_op`` /
``word_similarity_commutator_op`` (``<%`` / ``%>``). Each returns a boolean computed from
its two arguments and raises no error that depends on their values (the argument types
are fixed when the query is planned), which is what LEAKPROOF promises. The policy
itself still applies to every row returned.

Only a superuser may mark a function LEAKPROOF. A migrator that is not one skips this
revision with a warning: search stays correct, only slower (docs/SEARCH.md). The mark is
per database (``pg_proc``); the downgrade removes it. PostgreSQL only.

Revision ID: 1940
Revises: 1000
Create Date: 2026-12-03 14:20:00
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

from alembic import op
from sqlalchemy import text

revision: str = "1940"
down_revision: str | None = "1000"
branch_labels: str | Sequence[str] | None = ("searchperf",)
depends_on: str | Sequence[str] | None = None

FUNCTIONS = (
    "pg_catalog.ts_match_vq(tsvector, tsquery)",
    "pg_catalog.arraycontains(anyarray, anyarray)",
    "pg_catalog.arrayoverlap(anyarray, anyarray)",
    "word_similarity_op(text, text)",
    "word_similarity_commutator_op(text, text)",
)


def _superuser() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    sql = text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if bool(bind.execute(sql).scalar()):
        return True
    warnings.warn(
        "migration 1940: not a superuser, search operators not marked LEAKPROOF "
        "(search under RLS cannot use its GIN indexes; see docs/SEARCH.md)",
        stacklevel=2,
    )
    return False


def upgrade() -> None:
    if _superuser():
        for f in FUNCTIONS:
            op.execute(f"ALTER FUNCTION {f} LEAKPROOF")


def downgrade() -> None:
    if _superuser():
        for f in FUNCTIONS:
            op.execute(f"ALTER FUNCTION {f} NOT LEAKPROOF")
