"""Row Level Security for tenant tables, used by the migrations.

The unit of work sets ``app.centre_id`` per transaction; a table's policy admits only the
rows of that centre, so a query that forgot its ``centre_id`` filter still returns nothing
of another centre. ``FORCE`` makes the policy bind the table owner too. An unset centre
reads back as ``''`` on a pooled connection, hence ``NULLIF``: it matches nothing.
"""

from __future__ import annotations

from typing import Any

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
