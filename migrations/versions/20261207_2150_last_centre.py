"""The centre a person lands in when they sign in without naming one.

Someone who works for several centres landed, on signing in, in their first membership by
the database's order: not a choice anyone made. ``users.last_centre_id`` holds the centre
they last signed in to or switched to; a sign-in that names no centre lands there while
they still work for it, else in their first working centre as before. It is written on
its own (never by a save of the user), so it is not part of ``users.version``: a switch
between centres does not make an admin's edit of the person stale. No foreign key: the
membership decides whether it may be used, and a centre's rows are never the key to a
person's account. Existing users have none, and land as before until they next choose.

On a branch of its own from 1720 (the accounts branch, where ``users.version`` began).

Revision ID: 2150
Revises: 1720
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "2150"
down_revision: str | None = "1720"
branch_labels: str | Sequence[str] | None = ("last_centre",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_centre_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("last_centre_id")
