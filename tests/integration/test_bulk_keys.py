"""Foreign keys checked once after a bulk load (``cma_entrypoints.bulk_keys``): the same
constraints come back, and a row that breaks one is refused."""

from __future__ import annotations

import sqlite3

import pytest

from cma_entrypoints import bulk_keys


@pytest.fixture
def pg_url(own_postgres: str) -> str:
    """A database of this test's own with two tables of its own, one parent row."""
    import psycopg

    url = own_postgres
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE parents (id int PRIMARY KEY)")
        conn.execute(
            "CREATE TABLE kids (id int PRIMARY KEY, parent_id int, "
            "CONSTRAINT fk_kids_parent FOREIGN KEY (parent_id) REFERENCES parents(id) "
            "ON DELETE CASCADE)"
        )
        conn.execute("INSERT INTO parents VALUES (1)")
    return url


@pytest.mark.postgres
def test_postgres_foreign_keys_are_dropped_for_the_load_and_come_back_the_same(
    pg_url: str,
) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        before = bulk_keys.foreign_keys(conn, ["kids"])
        definition = "FOREIGN KEY (parent_id) REFERENCES parents(id) ON DELETE CASCADE"
        assert before == [("kids", "fk_kids_parent", definition)]
        with bulk_keys.dropped_foreign_keys(pg_url, ["kids"]):
            assert bulk_keys.foreign_keys(conn, ["kids"]) == []
            conn.execute("INSERT INTO kids VALUES (1, 1)")
        assert bulk_keys.foreign_keys(conn, ["kids"]) == before
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute("INSERT INTO kids VALUES (2, 99)")


@pytest.mark.postgres
def test_postgres_a_loaded_row_without_its_parent_is_refused(pg_url: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        refused = pytest.raises(bulk_keys.ForeignKeyViolation, match="fk_kids_parent")
        with refused, bulk_keys.dropped_foreign_keys(pg_url, ["kids"]):
            conn.execute("INSERT INTO kids VALUES (1, 99)")
        # Not put back over a bad row: the message says so; the row is there to fix.
        assert conn.execute("SELECT count(*) FROM kids").fetchone() == (1,)


def test_sqlite_foreign_keys_are_checked_after_the_load(tmp_path: object) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY)")
    db.execute("CREATE TABLE kids (id INTEGER PRIMARY KEY, parent_id INTEGER "
               "REFERENCES parents(id))")  # fmt: skip
    db.execute("PRAGMA foreign_keys=ON")
    with bulk_keys.unchecked_foreign_keys(db, ["kids"]), db:
        db.execute("INSERT INTO parents VALUES (1)")
        db.execute("INSERT INTO kids VALUES (1, 1)")
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    refused = pytest.raises(bulk_keys.ForeignKeyViolation, match="kids row 2 refers to a miss")
    with refused, bulk_keys.unchecked_foreign_keys(db, ["kids"]), db:
        db.execute("INSERT INTO kids VALUES (2, 99)")
    assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
