"""Letters and document page text are sealed in the database, read back whole, and the
rows written before migration 1201 are sealed by it (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from tests.security.test_field_encryption import NOW, new_centre, raw, register

from cma_adapters.keys import LocalKeyringKeyManagement
from cma_adapters.sqlalchemy import SqlAlchemyUnitOfWorkFactory, create_engine_for
from cma_adapters.sqlalchemy.advice import letters as sql_letters
from cma_adapters.sqlalchemy.documents import SqlAlchemyDocumentRepository
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork
from cma_core.advice.ports import Letter, LetterKind
from cma_core.documents.files import ContentType
from cma_core.documents.model import (
    Document,
    DocumentId,
    DocumentStatus,
    PageSource,
    PageText,
)
from cma_core.shared.data import to_data

NAME = "Philippa Oddsworth-Crane"
ADDRESS = "4 Gannet Wynd, Brackenlow BL7 2ZX"


def _text(rows: list[Any]) -> str:
    """Every value of the rows in full (a Row's repr shortens long strings)."""
    return " ".join(str(v) for r in rows for v in r)


def _letter(centre: Any, case: Any) -> Letter:
    return Letter(
        id=uuid.uuid4(),
        centre_id=centre,
        case_id=case.id,
        kind=LetterKind.ADVICE_SUMMARY,
        debt_id=None,
        subject=f"Advice for {NAME}",
        html=f"<p>{NAME}<br>{ADDRESS}</p>",
        template_version=None,
        created_at=NOW,
        created_by=None,
    )


def _document(centre: Any, case: Any) -> Document:
    return Document(
        id=DocumentId(uuid.uuid4()),
        centre_id=centre,
        case_id=case.id,
        filename="scan.png",
        content_type=ContentType.PNG,
        size=10,
        sha256=uuid.uuid4().hex * 2,
        storage_key="documents/x",
        status=DocumentStatus.DONE,
        uploaded_at=NOW,
        updated_at=NOW,
        pages=(
            PageText(
                number=1, text=f"Dear {NAME}\n{ADDRESS}", confidence=0.9, source=PageSource.OCR
            ),
        ),
    )


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue(f"{request.param}_url"))


@pytest.fixture(params=["sqlite", "postgres"])
def own_db_url(request: pytest.FixtureRequest) -> str:
    """A database of the test's own, for a migration run again: it seals every centre's
    plain rows under each centre's key, and in the session's shared PostgreSQL database
    another test's centre (its key wrapped by that test's keyring) cannot be opened (a
    loaded run failed 1841 so: KeyUnavailable for another centre). SQLite's is already a
    copy per test."""
    name = "sqlite_url" if request.param == "sqlite" else "own_postgres"
    return str(request.getfixturevalue(name))


async def _store(url: str, km: Any) -> tuple[Any, Letter, Document]:
    engine = create_engine_for(url)
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=km)
    centre = await new_centre(engine)
    _, case = await register(factory, centre)
    letter, document = _letter(centre, case), _document(centre, case)
    async with factory(centre) as uow:
        await sql_letters(uow).add(letter)
        await SqlAlchemyDocumentRepository(SqlAlchemyUnitOfWork.of(uow)).add(document)
        await uow.commit()
    return engine, letter, document


async def _read(engine: Any, km: Any, letter: Letter, document: Document) -> tuple[Any, Any]:
    async with SqlAlchemyUnitOfWorkFactory(engine, keys=km)(letter.centre_id) as uow:
        got_letter = await sql_letters(uow).get(letter.id)
        repo = SqlAlchemyDocumentRepository(SqlAlchemyUnitOfWork.of(uow))
        got_doc = await repo.get(document.id)
    return got_letter, got_doc


async def test_letters_and_page_text_are_sealed_and_round_trip(db_url: str, tmp_path: Path) -> None:
    km = LocalKeyringKeyManagement(tmp_path / "keyring.key")
    engine, letter, document = await _store(db_url, km)
    try:
        rows = await raw(engine, letter.centre_id, "SELECT data FROM advice_letters")
        rows += await raw(engine, letter.centre_id, "SELECT pages FROM documents")
        assert "Gannet" not in _text(rows)
        assert "Oddsworth" not in _text(rows)
        assert "Gannet" not in _text(rows)
        got_letter, got_doc = await _read(engine, km, letter, document)
        assert got_letter is not None
        assert (got_letter.subject, got_letter.html) == (letter.subject, letter.html)
        assert got_doc is not None
        assert got_doc.pages == document.pages
    finally:
        await engine.dispose()


async def test_migration_1201_seals_rows_written_before_it(own_db_url: str, tmp_path: Path) -> None:
    from cma_adapters.sqlalchemy.migrate import upgrade

    km = LocalKeyringKeyManagement(tmp_path / "keyring.key")
    engine, letter, document = await _store(own_db_url, km)
    sqlite = engine.dialect.name == "sqlite"
    try:
        # As they were stored before 1201: the letter's fields and the pages in plain JSON,
        # written as the database owner (the app role may not touch alembic_version).
        import sqlalchemy as sa

        from cma_adapters.sqlalchemy.engine import driver_url

        letters_t = sa.table(
            "advice_letters", sa.column("id", sa.Uuid()), sa.column("data", sa.JSON())
        )
        docs_t = sa.table("documents", sa.column("id", sa.Uuid()), sa.column("pages", sa.JSON()))
        plain_pages = [
            {"number": 1, "text": document.pages[0].text, "confidence": 0.9, "source": "ocr"}
        ]
        owner = sa.create_engine(driver_url(own_db_url, sync=True))
        with owner.begin() as conn:
            if not sqlite:
                conn.execute(
                    text("SELECT set_config('app.centre_id', :c, true)"),
                    {"c": str(letter.centre_id)},
                )
            conn.execute(
                sa.update(letters_t).where(letters_t.c.id == letter.id).values(data=to_data(letter))
            )
            conn.execute(
                sa.update(docs_t).where(docs_t.c.id == document.id).values(pages=plain_pages)
            )
            # Back to just before 1201: forget it (and 1700 after it) was applied. 1200 stays
            # applied through 1501, which depends on it (alembic refuses 1200 as a separate
            # row beside it); 0900, which 1700 depends on, stays applied through 1680 (the
            # intake's examples, built on it) and 2120 after it (examples about a document
            # alone), which alembic names instead of 0900.
            conn.execute(text("DELETE FROM alembic_version WHERE version_num = '1201'"))
            conn.execute(text("DELETE FROM alembic_version WHERE version_num = '1700'"))
            heads = {r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))}
            assert "2120" in heads, heads
        owner.dispose()
        before = await raw(engine, letter.centre_id, "SELECT data FROM advice_letters")
        assert "Gannet" in _text(before)  # really plain now
        with pytest.raises(RuntimeError, match="no key management"):
            upgrade(own_db_url)  # refuses rather than guess where the key is
        upgrade(own_db_url, key_management=lambda: km)
        rows = await raw(engine, letter.centre_id, "SELECT data FROM advice_letters")
        rows += await raw(engine, letter.centre_id, "SELECT pages FROM documents")
        assert "Gannet" not in _text(rows)
        assert "Oddsworth" not in _text(rows)
        got_letter, got_doc = await _read(engine, km, letter, document)
        assert got_letter is not None
        assert got_letter.html == letter.html
        assert got_doc is not None
        assert got_doc.pages == document.pages
    finally:
        await engine.dispose()


async def test_migration_1841_seals_suggestions_debts_and_budgets_written_before_it(
    own_db_url: str, tmp_path: Path
) -> None:
    """A suggestion's title, creditor, account reference and claim number, a debt (its
    account number, notes) and a budget (its line notes) stored plain before 1841 are
    sealed by it and read back the same."""
    import datetime as dt

    import sqlalchemy as sa
    from tests.contracts.test_advice_repositories import debt as make_debt

    from cma_adapters.sqlalchemy.budgets import budgets as sql_budgets
    from cma_adapters.sqlalchemy.debts import debts as sql_debts
    from cma_adapters.sqlalchemy.documents import SqlAlchemySuggestionRepository
    from cma_adapters.sqlalchemy.engine import driver_url
    from cma_adapters.sqlalchemy.migrate import upgrade
    from cma_core.budgets.model import Budget
    from cma_core.budgets.ports import BudgetRecord
    from cma_core.documents.model import Suggestion, SuggestionId, SuggestionKind
    from cma_core.shared.money import Money

    km = LocalKeyringKeyManagement(tmp_path / "keyring.key")
    engine, _letter_row, document = await _store(own_db_url, km)
    centre, case_id = document.centre_id, document.case_id
    account = "4929-7731-0058"
    entry = make_debt(centre, case_id)
    entry.debt.account_reference = account
    entry.notes = f"{NAME} called"
    budget = Budget()
    budget.set_line("rent", Money(60000), note="Brackenlow allotment")
    record = BudgetRecord(
        case_id=case_id, centre_id=centre, budget=budget, created_at=NOW, updated_at=NOW
    )
    suggestion = Suggestion(
        id=SuggestionId(uuid.uuid4()),
        centre_id=centre,
        case_id=case_id,
        document_id=document.id,
        kind=SuggestionKind.NEW_DEBT,
        title=f"New debt for {NAME}",
        confidence=0.9,
        source="rules",
        created_at=dt.datetime.now(dt.UTC),
        creditor_name="Gannet Lettings",
        account_reference=account,
        court_claim_number="K9QZ47X1",
    )
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=km)
    async with factory(centre) as uow:
        await sql_debts(uow).add(entry)
        await sql_budgets(uow).add(record)
        await SqlAlchemySuggestionRepository(SqlAlchemyUnitOfWork.of(uow)).add(suggestion)
        await uow.commit()
    sqlite = engine.dialect.name == "sqlite"
    try:
        sealed = await raw(
            engine, centre, "SELECT title, account_reference, sealed FROM document_suggestions"
        )
        sealed += await raw(engine, centre, "SELECT data FROM advice_debts")
        sealed += await raw(engine, centre, "SELECT data FROM advice_budgets")
        assert account not in _text(sealed)
        assert "Oddsworth" not in _text(sealed)
        assert "Brackenlow" not in _text(sealed)
        # As they were stored before 1841, written as the database owner.
        owner = sa.create_engine(driver_url(own_db_url, sync=True))
        sugg_t = sa.table(
            "document_suggestions",
            *(sa.column(c, sa.String()) for c in ("title", "creditor_name", "account_reference")),
            sa.column("court_claim_number", sa.String()),
            sa.column("sealed", sa.Text()),
            sa.column("id", sa.Uuid()),
        )
        # The owner is a superuser here, so row level security does not bind it: every
        # write names this test's centre (the session's database holds other tests' too).
        debts_t, budgets_t = (
            sa.table(name, sa.column("centre_id", sa.Uuid()), sa.column("data", sa.JSON()))
            for name in ("advice_debts", "advice_budgets")
        )
        with owner.begin() as conn:
            if not sqlite:
                conn.execute(
                    text("SELECT set_config('app.centre_id', :c, true)"), {"c": str(centre)}
                )
            conn.execute(
                sa.update(sugg_t)
                .where(sugg_t.c.id == suggestion.id)
                .values(
                    title=suggestion.title,
                    creditor_name=suggestion.creditor_name,
                    account_reference=account,
                    court_claim_number="K9QZ47X1",
                    sealed=None,
                )
            )
            plain_debt = to_data(entry)
            plain_debt.pop("version", None)
            conn.execute(
                sa.update(debts_t).where(debts_t.c.centre_id == centre).values(data=plain_debt)
            )
            plain_budget = to_data(record)
            plain_budget.pop("version", None)
            conn.execute(
                sa.update(budgets_t)
                .where(budgets_t.c.centre_id == centre)
                .values(data=plain_budget)
            )
            conn.execute(
                text("UPDATE alembic_version SET version_num = '1840' WHERE version_num = '1841'")
            )
        owner.dispose()
        before = await raw(engine, centre, "SELECT account_reference FROM document_suggestions")
        before += await raw(engine, centre, "SELECT data FROM advice_debts")
        before += await raw(engine, centre, "SELECT data FROM advice_budgets")
        assert account in _text(before)  # really plain now
        assert "Brackenlow" in _text(before)
        with pytest.raises(RuntimeError, match="no key management"):
            upgrade(own_db_url)  # refuses rather than guess where the key is
        upgrade(own_db_url, key_management=lambda: km)
        after = await raw(
            engine, centre, "SELECT title, account_reference, sealed FROM document_suggestions"
        )
        after += await raw(engine, centre, "SELECT data FROM advice_debts")
        after += await raw(engine, centre, "SELECT data FROM advice_budgets")
        assert account not in _text(after)
        assert "Oddsworth" not in _text(after)
        assert "Brackenlow" not in _text(after)
        async with factory(centre) as uow:
            got_debt = await sql_debts(uow).get(entry.debt.id)
            got_budget = await sql_budgets(uow).get(case_id)
            got = await SqlAlchemySuggestionRepository(SqlAlchemyUnitOfWork.of(uow)).get(
                suggestion.id
            )
        assert got_debt is not None
        assert got_debt.debt.account_reference == account
        assert got_debt.notes == entry.notes
        assert got_budget is not None
        assert got_budget.budget == budget
        assert got is not None
        assert (got.title, got.creditor_name, got.account_reference, got.court_claim_number) == (
            suggestion.title,
            "Gannet Lettings",
            account,
            "K9QZ47X1",
        )
    finally:
        await engine.dispose()


async def test_a_debts_creditor_is_stored_only_as_a_blind_index(
    db_url: str, tmp_path: Path
) -> None:
    """Which creditor a case's debt is owed to stays sealed: ``advice_debts.sort_key``
    holds the creditor id's blind index (migration 2110), by which the centre's debts to
    that creditor are still found."""
    from tests.contracts.test_advice_repositories import debt as make_debt

    from cma_adapters.sqlalchemy.debts import debts as sql_debts
    from cma_adapters.sqlalchemy.rotation import SqlAlchemyKeyRotation

    km = LocalKeyringKeyManagement(tmp_path / "keyring.key")
    engine, _letter, document = await _store(db_url, km)
    entry = make_debt(document.centre_id, document.case_id)
    creditor = entry.debt.creditor_id
    assert creditor is not None
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=km)
    try:
        async with factory(document.centre_id) as uow:
            await sql_debts(uow).add(entry)
            await uow.commit()
        stored = _text(
            await raw(engine, document.centre_id, "SELECT sort_key, data FROM advice_debts")
        )
        assert creditor.hex not in stored
        assert str(creditor) not in stored
        async with factory(document.centre_id) as uow:
            found = await sql_debts(uow).references_to(creditor, limit=5)
        assert found == [entry.debt.account_reference]
        # A rotation moves the index to the new key (the old one may be deleted after),
        # and gives one to a debt stored before migration 2110.
        sql = "SELECT sort_key FROM advice_debts"
        [(before,)] = await raw(engine, document.centre_id, sql)
        async with engine.begin() as conn:
            if engine.dialect.name != "sqlite":
                await conn.execute(
                    text("SELECT set_config('app.centre_id', :c, true)"),
                    {"c": str(document.centre_id)},
                )
            await conn.execute(text("UPDATE advice_debts SET sort_key = NULL"))
        await SqlAlchemyKeyRotation(factory).rotate(document.centre_id)
        [(after,)] = await raw(engine, document.centre_id, sql)
        assert after is not None
        assert after != before
        async with factory(document.centre_id) as uow:
            again = await sql_debts(uow).references_to(creditor, limit=5)
        assert again == [entry.debt.account_reference]
    finally:
        await engine.dispose()


async def test_what_the_reader_proposed_is_sealed_when_accepted_with_changes(
    db_url: str, tmp_path: Path
) -> None:
    """Accepted with the adviser's changes, the values the reader had proposed (an account
    number, a creditor's name) are sealed with the title, never in a column as text."""
    import datetime as dt

    from cma_adapters.sqlalchemy.documents import SqlAlchemySuggestionRepository
    from cma_core.documents.model import Amendment, Suggestion, SuggestionId, SuggestionKind
    from cma_core.shared.ids import UserId
    from cma_core.shared.money import Money

    km = LocalKeyringKeyManagement(tmp_path / "keyring.key")
    engine, _letter, document = await _store(db_url, km)
    read_account, read_name = "4929-7731-0058", "Gannet Lettings"
    suggestion = Suggestion(
        id=SuggestionId(uuid.uuid4()), centre_id=document.centre_id, case_id=document.case_id,
        document_id=document.id, kind=SuggestionKind.NEW_DEBT, title="Add debt", confidence=0.9,
        source="rules", created_at=NOW, creditor_name=read_name, account_reference=read_account,
        balance=Money(1000),
    )  # fmt: skip
    suggestion.amend(Amendment(creditor_name="Kittiwake Homes", account_reference="KH-1"))
    suggestion.accept(by=UserId(uuid.uuid4()), now=dt.datetime.now(dt.UTC))
    factory = SqlAlchemyUnitOfWorkFactory(engine, keys=km)
    try:
        async with factory(document.centre_id) as uow:
            await SqlAlchemySuggestionRepository(SqlAlchemyUnitOfWork.of(uow)).add(suggestion)
            await uow.commit()
        rows = await raw(
            engine, document.centre_id, "SELECT as_read, creditor_name, account_reference, "
            "title, sealed FROM document_suggestions",
        )  # fmt: skip
        assert read_account not in _text(rows)
        assert read_name not in _text(rows)
        assert "Kittiwake" not in _text(rows)
        async with factory(document.centre_id) as uow:
            repo = SqlAlchemySuggestionRepository(SqlAlchemyUnitOfWork.of(uow))
            kept = await repo.get(suggestion.id)
        assert kept is not None
        assert kept.as_read == Amendment(creditor_name=read_name, account_reference=read_account)
    finally:
        await engine.dispose()
