"""Bank statements from scans and photos (branch stmtimg), through real Tesseract and the
rules assistant: a one-month statement scanned as a PNG and a phone photo of another (as
a JPEG: keystoned, unevenly lit, soft) give their transactions and the suggestions they
justify, as a CSV export would; a two-page statement as a scanned PDF continues its table
on page 2. Statements of the development layouts (``benchmarks/statement_pages.py``)."""

from __future__ import annotations

from benchmarks.statement_images import match, suggestions
from benchmarks.statement_pages import DEV, Scan, Statement, build, encode_pages, photographed

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.corpus import render_page
from cma_adapters.tesseract import TesseractTextExtractor
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass, Extraction

STATEMENTS = {s.name: s for s in build(DEV, per_layout=2, seed=31, held_out=False)}


async def _read(data: bytes, kind: ContentType) -> Extraction:
    pages = await TesseractTextExtractor().extract(data, kind)
    text = "\f".join(p.text for p in pages)
    return await RuleBasedAssistant().classify_and_extract(text, pages)


def _justified(statement: Statement) -> set[tuple[str, str]]:
    truth = Extraction(
        document_class=DocumentClass.BANK_STATEMENT,
        confidence=1.0,
        source="truth",
        transactions=statement.transactions,
    )
    return suggestions(truth)


def _check(statement: Statement, got: Extraction, *, found: float, made: float) -> None:
    assert got.document_class is DocumentClass.BANK_STATEMENT
    pairs, _, extra, _ = match(statement.transactions, got.transactions)
    assert len(pairs) >= found * len(statement.transactions), (len(pairs), extra)
    assert all(t.income == g.income for t, g in pairs)
    assert len(extra) <= 1
    justified = _justified(statement)
    assert len(suggestions(got) & justified) >= made * len(justified)


async def test_a_scanned_one_month_statement_with_dr_and_cr_marks() -> None:
    statement = STATEMENTS["drcr-0"]
    assert statement.months == 1
    assert len(statement.pages) == 1
    scan = Scan(dpi=200, face="sans", rotate=0.6, noise=0.0008)
    data = encode_pages([render_page(statement.pages[0], scan, seed=3)], "png", None)
    _check(statement, await _read(data, ContentType.PNG), found=0.9, made=0.8)


async def test_a_photographed_one_month_statement_with_a_signed_amount_column() -> None:
    statement = STATEMENTS["signed-0"]
    assert statement.months == 1
    assert len(statement.pages) == 1
    image = photographed(render_page(statement.pages[0], Scan(dpi=200), seed=5), seed=5)
    data = encode_pages([image], "jpeg", None)
    _check(statement, await _read(data, ContentType.JPEG), found=0.9, made=0.8)


async def test_a_two_page_statement_scanned_as_pdf_continues_on_page_two() -> None:
    statement = STATEMENTS["twoline-1"]
    assert len(statement.pages) == 2
    scan = Scan(dpi=200, face="serif", rotate=-0.5)
    images = [render_page(p, scan, seed=n) for n, p in enumerate(statement.pages)]
    got = await _read(encode_pages(images, "pdf", 200), ContentType.PDF)
    _check(statement, got, found=0.9, made=0.8)
    assert {t.page for t in got.transactions} == {1, 2}
    # Page 2 alone has no header: its rows are read by page 1's columns.
    assert sum(t.page == 2 for t in got.transactions) >= 5


async def test_a_photographed_statement_uploaded_gives_suggestions_end_to_end() -> None:
    """Through the documents service and its worker: the photo uploaded, read by Tesseract
    and the rules assistant, its suggestions listed for the adviser (none before)."""
    from tests.unit.documents.test_documents_service import make_world, open_case

    world = make_world()
    world.documents.max_bytes = 20_000_000
    world.jobs.extractor = TesseractTextExtractor()
    world.jobs.assistant = world.documents.assistant = RuleBasedAssistant()
    ctx, case_id = await open_case(world)
    statement = STATEMENTS["paid-0"]
    image = photographed(render_page(statement.pages[0], Scan(dpi=200), seed=8), seed=8)
    await world.documents.upload(
        ctx, case_id, filename="statement.jpg", data=encode_pages([image], "jpeg", None)
    )
    await world.run_jobs()
    made = (await world.documents.list_suggestions(ctx, case_id)).items
    kinds = {s.kind.value for s in made}
    assert {"new_income", "new_expenditure"} <= kinds
    lines = {s.budget_line for s in made if s.budget_line}
    justified = {what for kind, what in _justified(statement) if kind != "new_debt"}
    assert len(lines & justified) >= 0.8 * len(justified)
