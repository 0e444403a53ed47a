"""Row Level Security for tenant tables, used by the migrations.

The unit of work sets ``app.centre_id`` per transaction; a table's policy admits only the
rows of that centre, so a query that forgot its ``centre_id`` filter still returns nothing
of another centre. ``FORCE`` makes the policy bind the table owner too. An unset centre
reads back as ``''`` on a pooled connection, hence ``NULLIF``: it matches nothing.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy import Connection, text

CENTRE_SETTING = "NULLIF(current_setting('app.centre_id', true), '')::uuid"
PLATFORM_SETTING = "current_setting('app.platform', true) = 'on'"


def enable_rls(op: Any, table: str, *, platform_visible: bool = False) -> None:
    """Enable and force RLS on ``table`` (PostgreSQL only; a no-op elsewhere).

    ``platform_visible`` also admits platform-level transactions (``app.platform = on``),
    for the few tables sign-in must read before a centre is chosen.
    """
    if op.get_bind().dialect.name != "postgresql":
        return
    rule = f"centre_id = {CENTRE_SETTING}"
    if platform_visible:
        rule = f"({rule}) OR {PLATFORM_SETTING}"
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY tenant_isolation ON {table} USING ({rule}) WITH CHECK ({rule})")


# --- the application role ----------------------------------------------------------------
#
# Superusers bypass RLS whatever FORCE says, and the plain ``postgresql://postgres@…`` URL of
# the skeleton is a superuser. So ``cma migrate`` creates a role that cannot bypass RLS and
# grants it what the app needs, and every serving engine switches to it right after
# connecting (engine.py). The role is NOLOGIN: nobody connects as it, connections ``SET ROLE``
# to it; an operator may still make it LOGIN with a password and connect as it directly.

#: The default name of the role (``CMA_DATABASE_APP_ROLE``; empty turns the switch off).
DEFAULT_APP_ROLE = "cma_app"

_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

log = logging.getLogger(__name__)


def check_role_name(role: str) -> str:
    """``role`` if it is a plain lower-case identifier (it is spliced into SQL, quoted)."""
    if not _ROLE_NAME.match(role):
        raise ValueError(
            f"invalid database role name {role!r}: use lower-case letters, digits and _"
        )
    return role


def ensure_app_role(conn: Connection, role: str) -> bool:
    """Create ``role`` if missing (NOLOGIN, NOSUPERUSER, NOBYPASSRLS) and grant it what the
    app needs on this database. Idempotent, and safe when several databases of one cluster
    run it at once (roles are cluster-wide; grants are per database).

    Returns False, with a warning, when the migrating user may not create the role.
    """
    check_role_name(role)
    # Two migrations of one database at once would race on the same ACLs ("tuple
    # concurrently updated"): take turns. Advisory locks are per database, which is the
    # scope of everything below but the role itself.
    conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('cma.app_role'))"))
    exists, attrs_ok, may_create, is_super, member = conn.execute(
        text(
            """
            SELECT t.oid IS NOT NULL,
                   coalesce(NOT (t.rolsuper OR t.rolbypassrls), false),
                   me.rolsuper OR me.rolcreaterole,
                   me.rolsuper,
                   t.oid IS NOT NULL AND pg_has_role(me.oid, t.oid, 'MEMBER')
            FROM pg_roles me LEFT JOIN pg_roles t ON t.rolname = :role
            WHERE me.rolname = session_user
            """
        ),
        {"role": role},
    ).one()
    if not exists:
        if not may_create:
            log.warning(
                "cannot create the database role %r (needs CREATEROLE): create it by hand, "
                "see docs/SECURITY.md, or connections keep the migrating user's rights",
                role,
            )
            return False
        # Another database's migration may create it at the same moment: the loser of the
        # race gets a unique violation from pg_authid, which means the same as success.
        conn.execute(
            text(  # the role name passed check_role_name(): a plain identifier
                f"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE "{role}" NOLOGIN NOSUPERUSER NOBYPASSRLS
                      NOCREATEDB NOCREATEROLE NOREPLICATION;
                  END IF;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """  # noqa: S608
            )
        )
    elif not attrs_ok:
        # The role's whole point is that it cannot bypass RLS.
        conn.execute(text(f'ALTER ROLE "{role}" NOSUPERUSER NOBYPASSRLS'))
    if not is_super and not member:
        # A CREATEROLE (not superuser) migrator must be a member to SET ROLE to it.
        conn.execute(
            text(
                f"""
                DO $$ BEGIN
                  EXECUTE format('GRANT "{role}" TO %I', session_user);
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """
            )
        )
    for statement in (
        'GRANT USAGE ON SCHEMA public TO "{r}"',
        'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{r}"',
        'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "{r}"',
        'GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO "{r}"',
        # Tables a later migration adds (by this same user) are granted too.
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        'GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{r}"',
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        'GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "{r}"',
        'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO "{r}"',
    ):
        conn.execute(text(statement.format(r=role)))
    # The schema version is the migrator's business: the app may read it, not write it.
    if conn.execute(text("SELECT to_regclass('alembic_version') IS NOT NULL")).scalar():
        conn.execute(text(f'REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM "{role}"'))
    return True
