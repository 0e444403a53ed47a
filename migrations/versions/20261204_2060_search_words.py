"""Search: each centre's vocabulary, ``search_words``, for the typo pass (issue 15).

A branch of its own ("search_words") from 2041. The typo pass (a search that found
nothing) matched the query against every document's body with ``pg_trgm``'s ``<%``
through ``ix_search_documents_trgm``: a trigram's posting list there holds every
centre's documents (3,000,000 at 1,000,000 cases), read whole and filtered to the
centre afterwards, the slowest statement of a search (benchmarks/README.md).

``search_words`` holds each centre's distinct words, the lexemes of ``tsv`` (stemmed,
letters only, 3-40 of them), with how many of its documents hold each. The typo pass
finds the query's words' near matches there (a trigram GIN index led by ``centre_id``
over a few thousand words a centre) and then runs the ordinary full-text query with
them, so the documents are found, ranked and highlighted through ``tsv``.

The table is kept by statement triggers on ``search_documents`` (transition tables:
one aggregate per statement), so every writer keeps it: the adapter's upserts, deletes
and clears, erasure, ``cma projections rebuild`` and the national seed's ``COPY``. A word
whose count reaches 0 is deleted with the last document holding it (erasure leaves no
word behind). A transaction that changes a centre's words first takes that centre's
advisory lock (``pg_advisory_xact_lock(2060, hashtext(centre))``, two-int keys, a space
of their own), so two writers of one centre queue instead of deadlocking on the shared
words' rows. Forced Row Level Security as on ``search_documents``; the triggers run as
the writer, under its centre. Existing databases: filled from ``tsv`` here.

Revision ID: 2060
Revises: 2041
Create Date: 2026-12-04 16:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from cma_adapters.sqlalchemy.rls import enable_rls

revision: str = "2060"
down_revision: str | None = "2041"
branch_labels: str | Sequence[str] | None = ("search_words",)
depends_on: str | Sequence[str] | None = None

#: The classid of the advisory lock a vocabulary change takes (the second key: the centre).
LOCK_CLASS = 2060

_WORDS_OF = """
CREATE FUNCTION search_words_of(tsvector) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lexeme FROM unnest($1)
    WHERE length(lexeme) BETWEEN 3 AND 40 AND lexeme ~ '^[[:alpha:]]+$'
$$
"""

#: Each event's change of the (centre, word) counts, from its transition tables.
_CHANGES = {
    "INSERT": "SELECT r.centre_id, w AS word, count(*)::int AS n "
    "FROM new_rows r, search_words_of(r.tsv) w GROUP BY 1, 2",
    "DELETE": "SELECT r.centre_id, w AS word, -count(*)::int AS n "
    "FROM old_rows r, search_words_of(r.tsv) w GROUP BY 1, 2",
    "UPDATE": "SELECT centre_id, word, sum(n)::int AS n FROM ("
    "SELECT r.centre_id, w AS word, 1 AS n FROM new_rows r, search_words_of(r.tsv) w "
    "UNION ALL SELECT r.centre_id, w, -1 FROM old_rows r, search_words_of(r.tsv) w"
    ") d GROUP BY 1, 2 HAVING sum(n) <> 0",
}
_ROWS = {"INSERT": "new_rows", "DELETE": "old_rows", "UPDATE": "new_rows"}


def _apply(event: str) -> str:
    """The trigger function of one event: the centres' locks, then the change of each
    (centre, word) count applied in (centre, word) order; a word whose count reaches 0 is
    deleted."""
    return f"""
CREATE FUNCTION search_words_{event.lower()}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    centres uuid[];
    words text[];
BEGIN
    PERFORM pg_advisory_xact_lock({LOCK_CLASS}, h)
    FROM (SELECT DISTINCT hashtext(centre_id::text) AS h FROM {_ROWS[event]}) c ORDER BY h;
    WITH change AS ({_CHANGES[event]}),
    up AS (
        INSERT INTO search_words AS v (centre_id, word, documents)
        SELECT centre_id, word, n FROM change ORDER BY centre_id, word
        ON CONFLICT (centre_id, word) DO UPDATE SET documents = v.documents + excluded.documents
        RETURNING v.centre_id, v.word, v.documents
    )
    SELECT array_agg(centre_id), array_agg(word) INTO centres, words
    FROM up WHERE documents <= 0;
    IF centres IS NOT NULL THEN
        DELETE FROM search_words v USING unnest(centres, words) AS g(centre_id, word)
        WHERE v.centre_id = g.centre_id AND v.word = g.word AND v.documents <= 0;
    END IF;
    RETURN NULL;
END
$$
"""  # noqa: S608 - constants only


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE TABLE search_words (
            centre_id uuid NOT NULL,
            word text NOT NULL,
            documents integer NOT NULL,
            CONSTRAINT pk_search_words PRIMARY KEY (centre_id, word)
        )
        """
    )
    op.execute(_WORDS_OF)
    op.execute(
        "INSERT INTO search_words (centre_id, word, documents) "
        "SELECT d.centre_id, w, count(*) FROM search_documents d, search_words_of(d.tsv) w "
        "GROUP BY 1, 2"
    )
    op.execute(
        "CREATE INDEX ix_search_words_trgm ON search_words USING gin (centre_id, word gin_trgm_ops)"
    )
    for event, tables in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        name = f"search_words_{event.lower()}"
        op.execute(_apply(event))
        op.execute(
            f"CREATE TRIGGER {name} AFTER {event} ON search_documents REFERENCING {tables} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )
    enable_rls(op, "search_words")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS search_words_{event} ON search_documents")
    op.execute("DROP TABLE IF EXISTS search_words")
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP FUNCTION IF EXISTS search_words_{event}()")
    op.execute("DROP FUNCTION IF EXISTS search_words_of(tsvector)")
