"""Documents end to end: the real app on SQLite, jobs in-process, real Tesseract.

Upload → OCR → classification → suggestion → accept → task on the case; duplicates,
refused types, another centre's document, download, delete.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import uuid
from pathlib import Path
from typing import Any

import pytest
from dependency_injector import providers
from tests.e2e.conftest import Api, settle
from tests.e2e.documents_fixtures import (
    CREDITOR_LETTER,
    N1_CLAIM,
    REFERENCE_AT,
    letter_png,
    smudged,
)

from cma_adapters.memory_documents import ScriptedAssistant
from cma_adapters.sqlalchemy.factories import repository_factories
from cma_core.documents.errors import AssistantRateLimited, AssistantReplyInvalid
from cma_core.documents.learning import ExampleOutcome
from cma_core.documents.model import DocumentClass, PageText
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container, build_container, shutdown
from cma_entrypoints.settings import Settings

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")


@pytest.fixture
def container(sqlite_url: str, tmp_path: Path) -> Container:
    """SQLite only: the embedded default, which runs jobs in-process after the commit."""
    settings = Settings.from_env(
        {
            "CMA_DATA_DIR": str(tmp_path),
            "CMA_DATABASE_URL": sqlite_url,
            "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
            "CMA_ARGON2_TIME_COST": "1",
            "CMA_ARGON2_MEMORY_COST": "1024",
            "CMA_MAX_DOCUMENT_BYTES": "200000",
        }
    )
    return build_container(settings)


async def upload(api: Api, case_id: str, data: bytes, name: str = "letter.png") -> Any:
    return await api.client.post(
        f"/api/v1/cases/{case_id}/documents",
        files={"file": (name, data, "application/octet-stream")},
        headers=api.headers,
    )


async def test_letter_to_task_on_the_case(
    two_centres: tuple[Api, Api], container: Container, tmp_path: Path
) -> None:
    api, _ = two_centres
    case = await api.new_case()
    data = letter_png(CREDITOR_LETTER)

    r = await upload(api, case["id"], data, "../../Lowell letter.png")
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["filename"] == "Lowell letter.png"
    assert doc["content_type"] == "image/png"
    assert r.headers["location"] == f"/api/v1/documents/{doc['id']}"
    # Stored under the centre's folder, named by id, never by the client's filename.
    stored = tmp_path / "documents" / "centres" / api.centre_id / "documents" / doc["id"]
    # Sealed with the centre's data key (issue 13): never the uploaded bytes on disk.
    assert (stored / "original").read_bytes().startswith(b"CMAsf")
    assert data not in (stored / "original").read_bytes()

    # The embedded default reads it in the background, after the response.
    assert doc["status"] == "queued"
    await settle(container)
    r = await api.get(f"/api/v1/documents/{doc['id']}")
    assert r.status_code == 200
    detail = r.json()
    assert detail["status"] == "done", detail
    assert detail["document_class"] == "creditor_letter"
    assert "Lowell" in detail["pages"][0]["text"]
    assert detail["pages"][0]["confidence"] > 0.5

    r = await api.get(f"/api/v1/cases/{case['id']}/documents", params={"status": "done"})
    page = r.json()
    assert page["total"] == 1
    assert page["items"][0]["pages"] is None
    r = await api.get(f"/api/v1/cases/{case['id']}/documents", params={"class": "payslip"})
    assert r.json()["total"] == 0

    r = await api.get(f"/api/v1/cases/{case['id']}/suggestions")
    suggestions = r.json()
    assert suggestions["total"] == 2, suggestions
    # The same two wait for review across the centre (the work queue's list).
    r = await api.get("/api/v1/suggestions", params={"status": "pending"})
    assert r.status_code == 200, r.text
    assert [s["id"] for s in r.json()["items"]] == [s["id"] for s in suggestions["items"]]
    r = await api.get("/api/v1/suggestions", params={"adviser": "nobody"})
    assert (r.status_code, r.json()["errors"][0]["field"]) == (400, "adviser")
    # Filtered by the document they were read from and by kind, on the case and centre-wide.
    url = f"/api/v1/cases/{case['id']}/suggestions"
    r = await api.get(url, params={"document_id": doc["id"], "kind": "new_debt"})
    assert [s["kind"] for s in r.json()["items"]] == ["new_debt"]
    r = await api.get(url, params={"document_id": str(uuid.uuid4())})
    assert (r.status_code, r.json()["total"]) == (200, 0)
    r = await api.get("/api/v1/suggestions", params={"kind": "response_deadline"})
    assert [s["kind"] for s in r.json()["items"]] == ["response_deadline"]
    # Paged by key (a full page has a next_cursor), in the same order as the whole list.
    page = (await api.get(url, params={"limit": 1})).json()
    walked = [s["id"] for s in page["items"]]
    while page["next_cursor"]:
        page = (await api.get(url, params={"limit": 1, "cursor": page["next_cursor"]})).json()
        walked += [s["id"] for s in page["items"]]
    assert walked == [s["id"] for s in suggestions["items"]]
    for bad in ({"kind": "debt"}, {"document_id": "not-an-id"}):
        r = await api.get(url, params=bad)
        assert r.status_code in (400, 422), r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["field"] == next(iter(bad)), r.text
    r = await api.get("/api/v1/suggestions", params={"kind": "debt"})
    assert (r.status_code, r.json()["errors"][0]["field"]) == (422, "kind")
    kinds = {s["kind"]: s for s in suggestions["items"]}
    # The letter's printed "pay by" date is a deadline of its own.
    assert kinds["response_deadline"]["deadline"] == "2026-11-30"
    debt = kinds["new_debt"]
    assert debt["kind"] == "new_debt"
    assert debt["creditor_name"] == "Lowell Portfolio Ltd"
    assert debt["account_reference"] == "12345678"
    assert debt["balance_pence"] == 123456
    # Where each value was read: page and box on the page image, with the label.
    where = {e["field"]: e for e in debt["evidence"] if e["chosen"]}
    assert where["balance_pence"]["page"] == 1
    left, top, width, height = where["balance_pence"]["box"]
    assert min(left, top) >= 0
    assert min(width, height) > 0
    assert where["creditor_name"]["value"] == "Lowell Portfolio Ltd"
    # How sure Tesseract was of each value's words, stored and served with it: this clean
    # page's balance is not one the adviser is asked to check.
    assert 0.7 <= where["balance_pence"]["read_confidence"] <= 1.0
    assert where["balance_pence"]["hard_to_read"] is False

    # Accepting needs If-Match.
    r = await api.post(f"/api/v1/suggestions/{debt['id']}/accept")
    assert r.status_code == 428
    r = await api.post(f"/api/v1/suggestions/{debt['id']}/accept", headers={"If-Match": '"9"'})
    assert r.status_code == 412
    r = await api.post(f"/api/v1/suggestions/{debt['id']}/accept", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    accepted = r.json()
    assert accepted["suggestion"]["status"] == "accepted"
    assert accepted["task"] is None

    # The debt is on the case, through the debts area, its creditor in the directory.
    r = await api.get(f"/api/v1/cases/{case['id']}/debts")
    assert r.status_code == 200, r.text
    debts = r.json()["items"]
    assert [d["id"] for d in debts] == [accepted["debt_id"]]
    assert debts[0]["creditor_name"] == "Lowell Portfolio Ltd"
    assert debts[0]["account_reference"] == "12345678"
    assert debts[0]["balance_pence"] == 123456
    assert "Lowell letter.png" in debts[0]["notes"]

    # Accepting twice is a conflict, not a second task.
    r = await api.post(f"/api/v1/suggestions/{debt['id']}/accept", headers={"If-Match": '"2"'})
    assert r.status_code == 409

    # The summary is a draft, not a note.
    r = await api.post(f"/api/v1/cases/{case['id']}/summary-draft")
    assert r.status_code == 200, r.text
    draft = r.json()
    assert draft["status"] == "draft"
    assert "Lowell Portfolio Ltd" in draft["text"]
    r = await api.get(f"/api/v1/cases/{case['id']}/notes")
    assert r.json()["total"] == 0

    # Download streams the original.
    r = await api.get(f"/api/v1/documents/{doc['id']}/content")
    assert r.status_code == 200
    assert r.content == data
    assert r.headers["content-type"].startswith("image/png")
    assert 'filename="Lowell letter.png"' in r.headers["content-disposition"]

    # Delete reaches the stored object.
    r = await api.client.delete(f"/api/v1/documents/{doc['id']}", headers=api.headers)
    assert r.status_code == 428, r.text
    etag = (await api.get(f"/api/v1/documents/{doc['id']}")).headers["etag"]
    r = await api.client.delete(
        f"/api/v1/documents/{doc['id']}", headers={**api.headers, "If-Match": etag}
    )
    assert r.status_code == 204, r.text
    assert not (stored / "original").exists()
    r = await api.get(f"/api/v1/documents/{doc['id']}")
    assert r.status_code == 404
    r = await api.get(f"/api/v1/cases/{case['id']}/suggestions")
    assert r.json()["total"] == 0


async def test_letter_for_a_debt_on_the_case_updates_its_balance(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    api, _ = two_centres
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    r = await api.post("/api/v1/creditors", {"name": "Lowell Portfolio Ltd"})
    assert r.status_code == 201, r.text
    r = await api.post(
        f"{base}/debts",
        {
            "debt_type": "other",
            "balance_pence": 100000,
            "creditor_id": r.json()["id"],
            "account_reference": "1234 5678",
        },
    )
    assert r.status_code == 201, r.text
    debt = r.json()

    # The letter gives the same account (written without the space) with £1,234.56.
    r = await upload(api, case["id"], letter_png(CREDITOR_LETTER), "arrears.png")
    assert r.status_code == 201, r.text
    await settle(container)
    r = await api.get(f"{base}/suggestions")
    made = {s["kind"]: s for s in r.json()["items"]}
    assert set(made) == {"update_debt", "response_deadline"}  # no second "new debt"
    update = made["update_debt"]
    assert update["kind"] == "update_debt"
    assert update["debt_id"] == debt["id"]
    assert update["previous_balance_pence"] == 100000
    assert update["balance_pence"] == 123456
    assert update["title"] == (
        "Update debt: Lowell Portfolio Ltd, ref 12345678: £1,000.00 → £1,234.56"
    )

    r = await api.post(f"/api/v1/suggestions/{update['id']}/accept", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.json()["debt_id"] == debt["id"]
    r = await api.get(f"{base}/debts/{debt['id']}")
    assert r.status_code == 200, r.text
    assert r.json()["balance_pence"] == 123456
    assert "arrears.png" in r.json()["notes"]
    assert r.headers["etag"] == '"2"'


async def test_court_claim_becomes_tracked_deadlines(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    api, _ = two_centres
    case = await api.new_case()
    r = await upload(api, case["id"], letter_png(N1_CLAIM))
    assert r.status_code == 201, r.text
    await settle(container)
    r = await api.get(f"/api/v1/cases/{case['id']}/suggestions")
    kinds = {s["kind"]: s for s in r.json()["items"]}
    deadline = kinds["court_claim_deadline"]
    # Issue date 10 November + 5 days' deemed service + 14 days.
    assert deadline["deadline"] == "2026-11-29"
    assert deadline["fact_date"] == "2026-11-15"
    r = await api.post(f"/api/v1/suggestions/{deadline['id']}/accept", headers={"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    accepted = r.json()
    assert accepted["task"] is None
    assert accepted["fact_id"] is not None

    # The case clock tracks the deadlines the served claim starts, each with its task.
    # The date is recorded as the document dates it (a past day, here, so as served).
    r = await api.get(f"/api/v1/cases/{case['id']}/deadlines")
    assert r.status_code == 200, r.text
    tracked = {d["kind"]: d for d in r.json()["items"]}
    assert {d["id"] for d in tracked.values()} == set(accepted["deadline_ids"])
    claim = tracked["claim_response"]
    if dt.date.today() >= dt.date(2026, 11, 15):
        # 15 Nov + 14 days is Sunday 29 November: the court office is closed, so Monday.
        assert claim["due"] == "2026-11-30"
    assert claim["status"] == "open"
    assert claim["task_id"] is not None
    assert "defence" in tracked

    new_debt = kinds["new_debt"]
    r = await api.post(
        f"/api/v1/suggestions/{new_debt['id']}/reject",
        json={"reason": "already on file"},
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "rejected"
    assert r.json()["rejection_reason"] == "already on file"


async def test_duplicate_bad_type_and_other_centre(two_centres: tuple[Api, Api]) -> None:
    api, other = two_centres
    case = await api.new_case()
    data = letter_png(["Hello"])
    r = await upload(api, case["id"], data)
    assert r.status_code == 201
    first = r.json()["id"]

    r = await upload(api, case["id"], data, "again.png")
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["existing_document_id"] == first

    r = await upload(api, case["id"], b"MZ\x90\x00 not a document at all", "letter.pdf")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "file"

    r = await api.client.post(
        f"/api/v1/cases/{case['id']}/documents", files={"other": ("x", b"x")}, headers=api.headers
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "file"

    r = await upload(api, case["id"], b"%PDF-" + b"0" * 300_000, "big.pdf")
    assert r.status_code in (413, 422)

    # Another centre sees nothing of it.
    for url in (
        f"/api/v1/documents/{first}",
        f"/api/v1/documents/{first}/content",
        f"/api/v1/cases/{case['id']}/documents",
        f"/api/v1/cases/{case['id']}/suggestions",
    ):
        r = await other.get(url)
        assert r.status_code == 404, url
    r = await other.client.delete(
        f"/api/v1/documents/{first}", headers={**other.headers, "If-Match": '"1"'}
    )
    assert r.status_code == 404
    r = await upload(other, case["id"], letter_png(["Other"]))
    assert r.status_code == 404
    assert first not in (await other.get("/api/v1/suggestions", params={"limit": 200})).text


def test_cli_import_a_folder(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio
    import json

    from typer.testing import CliRunner

    from cma_core.cases.service import OpenCase
    from cma_core.clients.service import RegisterClient
    from cma_core.identity.model import TenantContext
    from cma_entrypoints.cli.main import app

    env = {
        "CMA_DATA_DIR": str(tmp_path),
        "CMA_DATABASE_URL": sqlite_url,
        "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)

    async def seed() -> tuple[str, str]:
        import datetime as dt

        c = build_container(Settings.from_env(env))
        try:
            centre = await c.identity().create_centre("CLI Centre")
            ctx = TenantContext.system(centre.id)
            client = await c.clients().register(
                ctx,
                RegisterClient(
                    first_name="Ann", last_name="Lee", date_of_birth=dt.date(1984, 3, 2)
                ),
            )
            case = await c.cases().open(ctx, OpenCase(client_id=client.id))
            return str(centre.id), str(case.id)
        finally:
            await shutdown(c)  # its background jobs done before the loop closes

    centre_id, case_id = asyncio.run(seed())
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "a.png").write_bytes(letter_png(["Hello"]))
    (folder / "copy-of-a.png").write_bytes(letter_png(["Hello"]))
    (folder / "notes.txt").write_text("not a scan")
    (folder / ".DS_Store").write_bytes(b"\x00")

    result = CliRunner().invoke(
        app,
        ["documents", "import", str(folder), "--case", case_id, "--centre", centre_id, "--json"],
    )
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert (summary["uploaded"], summary["duplicate"], summary["refused"]) == (1, 1, 1)
    by_file = {f["file"]: f for f in summary["files"]}
    assert by_file["a.png"]["processing"] == "done"
    assert by_file["copy-of-a.png"]["document_id"] == by_file["a.png"]["document_id"]
    assert "PDF, PNG" in by_file["notes.txt"]["reason"]

    result = CliRunner().invoke(
        app, ["documents", "import", str(folder), "--case", "nope", "--centre", centre_id]
    )
    assert result.exit_code == 2


async def test_signed_download_link_on_the_local_store(two_centres: tuple[Api, Api]) -> None:
    api, _ = two_centres
    case = await api.new_case()
    data = letter_png(N1_CLAIM)
    doc = (await upload(api, case["id"], data)).json()

    r = await api.get(f"/api/v1/documents/{doc['id']}/link")
    assert r.status_code == 200, r.text
    url = r.json()["url"]
    assert url.startswith("/files/centres/")
    # The signature is the credential: no bearer token needed, the bytes come back.
    r = await api.client.get(url)
    assert r.status_code == 200, r.text
    assert r.content == data
    assert r.headers["cache-control"] == "no-store"
    # Tampered, unsigned or pointing elsewhere: a plain 404, nothing else said.
    tampered = url[:-4] + ("0000" if not url.endswith("0000") else "1111")
    for bad in (tampered, url.split("?")[0], url.replace(doc["id"], case["id"])):
        assert (await api.client.get(bad)).status_code == 404, bad


class BlockingExtractor:
    """Reads nothing until released: shows what happens while OCR is in progress."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def extract(self, data: bytes, content_type: Any) -> tuple[PageText, ...]:
        self.started.set()
        await self.release.wait()
        return (PageText(number=1, text="\n".join(CREDITOR_LETTER), confidence=0.9),)


async def test_upload_answers_at_once_and_reading_holds_no_transaction(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    """SQLite has one connection: if the reading held a transaction, nothing else could
    commit until it ended."""
    extractor = BlockingExtractor()
    container.text_extractor.override(providers.Object(extractor))
    api, _ = two_centres
    case = await api.new_case()

    r = await upload(api, case["id"], letter_png(CREDITOR_LETTER))
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "queued"
    assert not extractor.release.is_set()  # answered while the reading cannot have ended
    doc_id = r.json()["id"]
    await asyncio.wait_for(extractor.started.wait(), 10)

    # While Tesseract "runs": other requests read and write, and see it processing.
    try:
        client = await asyncio.wait_for(api.new_client(first_name="Bo"), 10)
        assert client["first_name"] == "Bo"
        r = await asyncio.wait_for(api.get(f"/api/v1/documents/{doc_id}"), 10)
        assert r.json()["status"] == "processing"
    finally:
        extractor.release.set()

    await settle(container)
    r = await api.get(f"/api/v1/documents/{doc_id}")
    assert r.json()["status"] == "done"
    assert r.json()["document_class"] == "creditor_letter"


async def test_failed_document_can_be_retried(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    api, other = two_centres
    case = await api.new_case()
    broken = letter_png(["Broken"])[:120]  # a PNG header, then nothing readable
    r = await upload(api, case["id"], broken, "broken.png")
    assert r.status_code == 201, r.text
    doc_id = r.json()["id"]
    await settle(container)
    r = await api.get(f"/api/v1/documents/{doc_id}")
    failed = r.json()
    assert failed["status"] == "failed", failed
    assert failed["failure_reason"]
    etag = r.headers["etag"]

    url = f"/api/v1/documents/{doc_id}/retry"
    assert (await api.post(url)).status_code == 428
    assert (await api.post(url, headers={"If-Match": '"99"'})).status_code == 412
    assert (await other.post(url, headers={"If-Match": etag})).status_code == 404
    r = await api.post(url, headers={"If-Match": etag})
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "queued"
    # Still unreadable: failed again, with its reason.
    await settle(container)
    r = await api.get(f"/api/v1/documents/{doc_id}")
    assert r.json()["status"] == "failed"
    assert r.json()["failure_reason"] == failed["failure_reason"]

    # Only a failed document can be retried.
    good = (await upload(api, case["id"], letter_png(["Hello there"]))).json()
    await settle(container)
    r = await api.get(f"/api/v1/documents/{good['id']}")
    assert r.json()["status"] == "done"
    r = await api.post(
        f"/api/v1/documents/{good['id']}/retry", headers={"If-Match": r.headers["etag"]}
    )
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_openapi_shows_the_upload_body(two_centres: tuple[Api, Api]) -> None:
    api, _ = two_centres
    spec = (await api.client.get("/schema/openapi.json")).json()
    body = spec["paths"]["/api/v1/cases/{case_id}/documents"]["post"]["requestBody"]
    schema = body["content"]["multipart/form-data"]["schema"]
    assert schema["properties"]["file"]["format"] == "binary"
    assert schema["required"] == ["file"]
    assert schema["examples"][0]["file"]
    assert "/api/v1/documents/{document_id}/retry" in spec["paths"]


async def test_heic_photo_of_a_letter(container: Container, two_centres: tuple[Api, Api]) -> None:
    """A phone's HEIC photo: sniffed, read through pillow-heif + Tesseract, served back as
    ``image/heic``; a broken one fails with a reason; an MP4 (also ISO BMFF) is refused."""
    import io

    import pillow_heif
    from PIL import Image

    api, _ = two_centres
    case = await api.new_case()
    out = io.BytesIO()
    pillow_heif.from_pillow(Image.open(io.BytesIO(letter_png(CREDITOR_LETTER)))).save(out)
    data = out.getvalue()

    r = await upload(api, case["id"], data, "IMG_0042.HEIC")
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["content_type"] == "image/heic"
    assert doc["filename"] == "IMG_0042.heic"
    await settle(container)
    detail = (await api.get(f"/api/v1/documents/{doc['id']}")).json()
    assert detail["status"] == "done", detail
    assert detail["document_class"] == "creditor_letter"
    assert "Lowell" in detail["pages"][0]["text"]

    r = await api.get(f"/api/v1/documents/{doc['id']}/content")
    assert r.status_code == 200
    assert r.content == data
    assert r.headers["content-type"].startswith("image/heic")
    assert 'filename="IMG_0042.heic"' in r.headers["content-disposition"]

    r = await upload(api, case["id"], data[: len(data) // 2], "broken.heic")
    assert r.status_code == 201, r.text
    await settle(container)
    broken = (await api.get(f"/api/v1/documents/{r.json()['id']}")).json()
    assert broken["status"] == "failed", broken
    assert "could not be read" in broken["failure_reason"]

    mp4 = b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + bytes(200)
    r = await upload(api, case["id"], mp4, "video.heic")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "file"


async def test_page_images_for_evidence_boxes(
    container: Container, two_centres: tuple[Api, Api]
) -> None:
    import io

    from PIL import Image

    api, other = two_centres
    case = await api.new_case()
    png = letter_png(CREDITOR_LETTER)
    with Image.open(io.BytesIO(png)) as image:
        size = image.size
        buf = io.BytesIO()
        image.convert("RGB").save(buf, format="PDF", resolution=150.0)
    docs = {}
    for name, data in (("letter.png", png), ("letter.pdf", buf.getvalue())):
        r = await upload(api, case["id"], data, name)
        assert r.status_code == 201, r.text
        docs[name] = r.json()["id"]
    await settle(container)

    def shown(r: Any) -> tuple[int, int]:
        assert r.status_code == 200, r.text
        assert r.headers["content-type"] == "image/png"
        with Image.open(io.BytesIO(r.content)) as page:
            return page.size

    # A PNG page is the image as read; a PDF page is drawn at 300 dpi (150 dpi → twice).
    url = "/api/v1/documents/{}/pages/{}/image"
    assert shown(await api.get(url.format(docs["letter.png"], 1))) == size
    width, height = shown(await api.get(url.format(docs["letter.pdf"], 1)))
    assert abs(width - 2 * size[0]) <= 2
    assert abs(height - 2 * size[1]) <= 2
    assert (await api.get(url.format(docs["letter.pdf"], 2))).status_code == 404
    assert (await api.get(url.format(docs["letter.pdf"], 0))).status_code == 400
    assert (await other.get(url.format(docs["letter.pdf"], 1))).status_code == 404


async def test_a_judgment_read_as_a_claim_is_read_again_as_the_adviser_says(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    """The adviser corrects the kind: the claim's "respond by" deadline goes (a judgment
    is already decided), the debt is suggested afresh, and the classifier has an example."""
    api, other = two_centres
    case = await api.new_case()
    r = await upload(api, case["id"], letter_png(N1_CLAIM))
    assert r.status_code == 201, r.text
    doc_id = r.json()["id"]
    await settle(container)
    doc = (await api.get(f"/api/v1/documents/{doc_id}")).json()
    assert doc["document_class"] == "court_claim_n1"
    for other_kind in doc["class_alternatives"]:
        assert other_kind["document_class"] != "court_claim_n1"
        assert 0.05 <= other_kind["probability"] <= 1.0
    before = {
        s["kind"]: s
        for s in (await api.get(f"/api/v1/cases/{case['id']}/suggestions")).json()["items"]
    }
    assert "court_claim_deadline" in before
    url = f"/api/v1/documents/{doc_id}/reclassify"
    body = {"document_class": "county_court_judgment"}

    # Bad input and stale versions change nothing.
    r = await api.client.post(url, json=body, headers=api.headers)
    assert r.status_code == 428
    r = await api.client.post(
        url, json=body, headers={**api.headers, "If-Match": f'"{doc["version"] - 1}"'}
    )
    assert r.status_code == 412
    r = await api.client.post(
        url,
        json={"document_class": "a_letter"},
        headers={**api.headers, "If-Match": f'"{doc["version"]}"'},
    )
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"][0]["field"] == "document_class"
    r = await other.client.post(
        url, json=body, headers={**other.headers, "If-Match": f'"{doc["version"]}"'}
    )
    assert r.status_code == 404

    r = await api.client.post(
        url, json=body, headers={**api.headers, "If-Match": f'"{doc["version"]}"'}
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["document"]["document_class"] == "county_court_judgment"
    assert out["document"]["class_confidence"] == 1.0
    assert out["document"]["class_alternatives"] == []  # the adviser's word: no doubt left
    assert r.headers["etag"] == f'"{out["document"]["version"]}"'
    made = {s["kind"] for s in out["suggestions"]}
    assert "court_claim_deadline" not in made
    assert "new_debt" in made
    # Read again by position, from the words the first reading kept with the pages: the
    # new debt's values are boxed on the page, with how sure the OCR was of each.
    debt = next(s for s in out["suggestions"] if s["kind"] == "new_debt")
    chosen = {e["field"]: e for e in debt["evidence"] if e["chosen"]}
    for field in ("creditor_name", "balance_pence"):
        assert chosen[field]["box"] is not None, chosen
        assert 0.0 <= chosen[field]["read_confidence"] <= 1.0, chosen
    assert debt["fields_to_check"] == []

    items = (await api.get(f"/api/v1/cases/{case['id']}/suggestions")).json()["items"]
    old = {s["id"]: s for s in items if s["id"] in {b["id"] for b in before.values()}}
    assert {s["status"] for s in old.values()} == {"rejected"}
    assert all(
        s["rejection_reason"].startswith(
            "Replaced: the document was read again as county court judgment"
        )
        for s in old.values()
    )
    pending = [s for s in items if s["status"] == "pending"]
    assert {s["id"] for s in pending} == {s["id"] for s in out["suggestions"]}

    assert out["replaced"] == len(before)

    # The assistant cannot answer (a remote model down, or talking nonsense): nothing
    # changes, and the client is told to try again, not that its request was wrong.
    container.documents().assistant = ScriptedAssistant(
        [AssistantRateLimited("slow down", retry_after_seconds=6.2), AssistantReplyInvalid("junk")]
    )
    version = f'"{out["document"]["version"]}"'
    r = await api.client.post(url, json=body, headers={**api.headers, "If-Match": version})
    assert r.status_code == 503
    assert r.headers["retry-after"] == "7"
    assert r.headers["content-type"].startswith("application/problem+json")
    r = await api.client.post(url, json=body, headers={**api.headers, "If-Match": version})
    assert r.status_code == 502
    assert (await api.get(f"/api/v1/documents/{doc_id}")).json()["version"] == out["document"][
        "version"
    ]

    # Kept as the classifier's labelled example (no suggestion: about the document).
    async with container.uow()(CentreId(uuid.UUID(api.centre_id))) as uow:
        kept = (
            await repository_factories("examples")["examples"](uow).list(limit=10, offset=0)
        ).items
    [example] = [e for e in kept if e.suggestion_id is None]
    assert example.outcome is ExampleOutcome.CORRECTED
    assert (example.suggested_class, example.document_class) == (
        DocumentClass.COURT_CLAIM_N1, DocumentClass.COUNTY_COURT_JUDGMENT,
    )  # fmt: skip


async def test_accepted_with_the_advisers_values_where_the_reader_was_wrong(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    """The reader's balance or service date is wrong: the adviser accepts with the right
    one. The case gets the adviser's value, the suggestion says what was read, and a change
    the kind cannot take is a 422 naming it, with nothing changed."""
    api, other = two_centres
    case = await api.new_case()
    r = await upload(api, case["id"], letter_png(N1_CLAIM))
    assert r.status_code == 201, r.text
    await settle(container)
    items = (await api.get(f"/api/v1/cases/{case['id']}/suggestions")).json()["items"]
    kinds = {s["kind"]: s for s in items}
    debt, claim = kinds["new_debt"], kinds["court_claim_deadline"]
    accept = f"/api/v1/suggestions/{debt['id']}/accept"
    v1 = {"If-Match": '"1"'}

    for body, field in (
        ({"changes": {"fact_date": "2026-03-02"}}, "changes.fact_date"),
        ({"changes": {"balance_pence": -5}}, "changes.balance_pence"),
        ({"changes": {"frequency": "hourly"}}, "changes.frequency"),
        ({"changes": {"creditor_name": "   "}}, "changes.creditor_name"),
        ({"changes": {"colour": "blue"}}, "changes.colour"),
        ({"changes": {"debt_type": "space_loan"}}, "changes.debt_type"),
    ):
        r = await api.post(accept, body, headers=v1)
        assert r.status_code in (400, 422), (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["field"] == field, r.text
    r = await other.post(accept, {"changes": {"balance_pence": 1}}, headers=v1)
    assert r.status_code == 404
    assert (await api.get(f"/api/v1/suggestions/{debt['id']}")).json()["version"] == 1

    # A claim form does not say what kind of debt is claimed: the type is "other", not a
    # priority debt, until the adviser says (here: a personal loan).
    assert (debt["debt_type"], debt["debt_treatment"]) == ("other", "non_priority")
    assert (claim["debt_type"], claim["debt_treatment"]) == (None, None)
    # A claim has been issued: the debt is recorded at that stage of recovery.
    assert (debt["enforcement_stage"], claim["enforcement_stage"]) == ("claim_issued", None)
    changes = {
        "balance_pence": 250_075,
        "account_reference": "CLM-77",
        "debt_type": "personal_loan",
    }
    r = await api.post(accept, {"changes": changes}, headers=v1)
    assert r.status_code == 200, r.text
    got = r.json()["suggestion"]
    assert (got["balance_pence"], got["account_reference"]) == (250_075, "CLM-77")
    assert (got["debt_type"], got["debt_treatment"]) == ("personal_loan", "non_priority")
    # What the reader had: its balance and type, and no reference (the claim form prints none).
    assert debt["account_reference"] is None
    assert got["as_read"] == {
        "balance_pence": debt["balance_pence"], "debt_type": "other",
        "not_read": ["account_reference"],
    }  # fmt: skip
    assert got["as_read"]["balance_pence"] != 250_075
    [on_case] = (await api.get(f"/api/v1/cases/{case['id']}/debts")).json()["items"]
    assert (on_case["balance_pence"], on_case["account_reference"]) == (250_075, "CLM-77")
    assert (on_case["debt_type"], on_case["enforcement_stage"]) == ("personal_loan", "claim_issued")

    # A deadline the clock counts and the date it counts from are one reading: both at
    # once is refused; the date of service given, the deadline follows from it.
    accept = f"/api/v1/suggestions/{claim['id']}/accept"
    both = {"changes": {"deadline": "2026-11-30", "fact_date": "2026-11-02"}}
    r = await api.post(accept, both, headers=v1)
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "changes.deadline"
    r = await api.post(accept, {"changes": {"fact_date": "0001-01-01"}}, headers=v1)
    assert r.status_code in (400, 422)
    assert r.json()["errors"][0]["field"] == "changes.fact_date"
    r = await api.post(accept, {"changes": {"fact_date": "2026-11-02"}}, headers=v1)
    assert r.status_code == 200, r.text
    got = r.json()["suggestion"]
    assert (got["fact_date"], got["deadline"]) == ("2026-11-02", "2026-11-16")
    assert got["as_read"]["fact_date"] == claim["fact_date"]
    assert "16 November 2026" in got["title"]
    tracked = (await api.get(f"/api/v1/cases/{case['id']}/deadlines")).json()["items"]
    assert tracked
    assert {t["trigger"] for t in tracked} == {"2026-11-02"}

    # Kept as the reader's corrected examples.
    async with container.uow()(CentreId(uuid.UUID(api.centre_id))) as uow:
        kept = (
            await repository_factories("examples")["examples"](uow).list(limit=10, offset=0)
        ).items
    assert {e.outcome for e in kept if str(e.suggestion_id) == debt["id"]} == {
        ExampleOutcome.CORRECTED
    }


async def test_several_suggestions_decided_at_once(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    """A statement's lines accepted together: each decision as /accept or /reject takes it
    alone; one that cannot be taken is answered with its problem and the others stand."""
    api, other = two_centres
    case, elsewhere = await api.new_case(), await api.new_case()
    first = (await upload(api, case["id"], letter_png(CREDITOR_LETTER))).json()
    second_lines = [line.replace("12345678", "87654321") for line in CREDITOR_LETTER]
    second = (await upload(api, case["id"], letter_png(second_lines), "second.png")).json()
    theirs = (await upload(api, elsewhere["id"], letter_png(N1_CLAIM), "claim.png")).json()
    await settle(container)
    url = f"/api/v1/cases/{case['id']}/suggestions"

    async def of(document: dict[str, Any], case_id: str = case["id"]) -> dict[str, Any]:
        r = await api.get(
            f"/api/v1/cases/{case_id}/suggestions", params={"document_id": document["id"]}
        )
        return {s["kind"]: s for s in r.json()["items"]}

    mine, later, foreign = await of(first), await of(second), await of(theirs, elsewhere["id"])
    debt, deadline = mine["new_debt"], mine["response_deadline"]

    def asked(s: dict[str, Any], decision: str = "accept", **kw: Any) -> dict[str, Any]:
        return {"suggestion_id": s["id"], "version": s["version"], "decision": decision, **kw}

    # Refused whole, nothing decided: a suggestion asked twice, none, a reason to accept.
    for body, field in (
        ({"decisions": [asked(debt), asked(debt)]}, "decisions[1].suggestion_id"),
        ({"decisions": []}, "decisions"),
        ({"decisions": [asked(debt)] * 101}, "decisions"),
        ({"decisions": [asked(debt, reason="why")]}, "decisions[0].reason"),
        ({"decisions": [{**asked(debt), "decision": "maybe"}]}, "decisions[0].decision"),
    ):
        r = await api.post(f"{url}/decisions", body)
        assert r.status_code in (400, 422), r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["field"] == field, r.text
    assert all(s["status"] == "pending" for s in (await of(first)).values())

    # Another centre cannot reach the case.
    r = await other.post(f"{url}/decisions", {"decisions": [asked(debt)]})
    assert r.status_code == 404

    stale = {**asked(later["new_debt"]), "version": later["new_debt"]["version"] + 1}
    r = await api.post(
        f"{url}/decisions",
        {
            "decisions": [
                asked(debt),
                asked(deadline, "reject", reason="Already diarised"),
                stale,
                asked(next(iter(foreign.values()))),  # a suggestion of another case
            ]
        },
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert (out["accepted"], out["rejected"], out["not_decided"]) == (1, 1, 2)
    accepted, rejected, changed, not_here = out["results"]
    assert accepted["decided"]
    assert accepted["accepted"]["debt_id"]
    assert accepted["accepted"]["suggestion"]["status"] == "accepted"
    assert rejected["rejected"]["rejection_reason"] == "Already diarised"
    assert (changed["decided"], changed["problem"]["status"]) == (False, 412)
    assert not_here["problem"]["status"] == 404
    debts = (await api.get(f"/api/v1/cases/{case['id']}/debts")).json()["items"]
    assert [d["id"] for d in debts] == [accepted["accepted"]["debt_id"]]
    assert (await of(second))["new_debt"]["status"] == "pending"
    assert all(s["status"] == "pending" for s in (await of(theirs, elsewhere["id"])).values())

    # Asked again at its new version: already decided (409); the rest taken.
    now = accepted["accepted"]["suggestion"]
    r = await api.post(f"{url}/decisions", {"decisions": [asked(now), asked(later["new_debt"])]})
    again, taken = r.json()["results"]
    assert (again["decided"], again["problem"]["status"]) == (False, 409)
    assert taken["accepted"]["suggestion"]["status"] == "accepted"
    debts = (await api.get(f"/api/v1/cases/{case['id']}/debts")).json()["items"]
    assert len(debts) == 2


async def test_the_work_queue_counts_the_values_a_smudged_scan_made_hard_to_read(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    """A letter whose account number is smudged: its debt waits in the adviser's queue
    with one value hard to read (the reference), its printed deadline (made of dates the
    scan kept clear) with none; a clean letter's suggestions with none."""
    api, _ = two_centres
    case = await api.new_case()
    smudge = smudged(letter_png(CREDITOR_LETTER), REFERENCE_AT)
    assert (await upload(api, case["id"], smudge, "smudged.png")).status_code == 201
    await settle(container)
    suggestions = (await api.get(f"/api/v1/cases/{case['id']}/suggestions")).json()["items"]
    kinds = {s["id"]: s["kind"] for s in suggestions}
    r = await api.get("/api/v1/work-queue", params={"section": "document"})
    assert r.status_code == 200, r.text
    waiting = {kinds[i["id"]]: i["to_check"] for i in r.json()["items"]}
    assert waiting == {"new_debt": 1, "response_deadline": 0}
    debt = next(s for s in suggestions if s["kind"] == "new_debt")
    assert [e["field"] for e in debt["evidence"] if e["chosen"] and e["hard_to_read"]] == [
        "account_reference"
    ]
    assert debt["fields_to_check"] == ["account_reference"]
    # Lists filter on it: the case's, and the centre's documents waiting for review.
    for url in (f"/api/v1/cases/{case['id']}/suggestions", "/api/v1/suggestions"):
        for wanted, kind in (("true", "new_debt"), ("false", "response_deadline")):
            r = await api.get(url, params={"to_check": wanted})
            assert [kinds[s["id"]] for s in r.json()["items"]] == [kind], (url, r.text)
        r = await api.get(url, params={"to_check": "maybe"})
        assert r.status_code == 400, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["field"] == "to_check"
    # Not counted once decided: the queue no longer holds it.
    r = await api.post(f"/api/v1/suggestions/{debt['id']}/reject", headers={"If-Match": '"1"'},
                       json={"reason": "checked against the page: a duplicate"})  # fmt: skip
    assert r.status_code == 200, r.text
    await settle(container)
    r = await api.get("/api/v1/work-queue", params={"section": "document"})
    assert [(kinds[i["id"]], i["to_check"]) for i in r.json()["items"]] == [
        ("response_deadline", 0)
    ]
    other = await api.new_case()
    assert (await upload(api, other["id"], letter_png(CREDITOR_LETTER))).status_code == 201
    await settle(container)
    r = await api.get("/api/v1/work-queue", params={"section": "document"})
    clean = [i["to_check"] for i in r.json()["items"] if i["case_id"] == other["id"]]
    assert clean == [0, 0]


async def test_a_deleted_documents_text_leaves_search_the_work_queue_and_the_timeline(
    two_centres: tuple[Api, Api], container: Container
) -> None:
    """A file uploaded to the wrong case and deleted takes what was read from it along:
    its text from the search index, its suggestions from the adviser's work queue, its
    entries from the case's timeline (all three are read models fed by events)."""
    api, _ = two_centres
    case = await api.new_case()
    r = await upload(api, case["id"], letter_png(CREDITOR_LETTER))
    assert r.status_code == 201, r.text
    doc = r.json()
    await settle(container)

    async def found() -> tuple[list[str], list[str], list[str]]:
        hits = (await api.get("/api/v1/search", params={"q": "Lowell"})).json()["items"]
        queue = (await api.get("/api/v1/work-queue")).json()["items"]
        timeline = (await api.get(f"/api/v1/cases/{case['id']}/timeline")).json()["items"]
        return (
            [h["id"] for h in hits if h["kind"] == "document"],
            [i["section"] for i in queue if i["case_id"] == case["id"] and i["section"] != "task"],
            [e["action"] for e in timeline if e["kind"] == "document"],
        )

    hits, queued, entries = await found()
    assert hits == [doc["id"]]
    assert queued, "the document's suggestions wait for review"
    assert entries
    etag = (await api.get(f"/api/v1/documents/{doc['id']}")).headers["etag"]
    r = await api.client.delete(
        f"/api/v1/documents/{doc['id']}", headers={**api.headers, "If-Match": etag}
    )
    assert r.status_code == 204, r.text
    await settle(container)
    assert await found() == ([], [], [])
