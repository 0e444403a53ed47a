"""``cma keys rotate`` leaves nothing under the old key version (issue 13): after a full
client flow on SQLite (client, notes, advice, a letter, a scanned and a text PDF upload
read by the worker, a suggestion with evidence), one rotation moves every sealed column,
record and stored file to the new version; the old version's key is then *deleted* and
everything still reads through the API, the uploads byte for byte (new values reach no
``v1:`` token and no version-1 file header)."""

from __future__ import annotations

import re
import sqlite3
import struct
from pathlib import Path

import httpx
from tests.security.test_pii_at_rest import (
    LAST,
    PASSWORD,
    TOWN,
    _flow,
    _notify_and_suggest,
    _run_jobs,
    _settings,
)

from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import build_container, shutdown
from cma_entrypoints.http.app import create_app

_V1_TOKEN = re.compile(r"(?<![A-Za-z0-9+/])v1:[A-Za-z0-9+/]{16}")


async def test_rotation_leaves_nothing_under_the_old_version(
    sqlite_url: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    container = build_container(_settings(sqlite_url, data, None))
    try:
        centre = await container.identity().create_centre("Rotation Centre")
        centre_id = CentreId(centre.id)
        await container.identity().create_user(
            centre_id=centre_id,
            email="adviser@piicentre.example",
            role=Role.SUPERVISOR,
            password=PASSWORD,
        )
        await _flow(container, str(centre.id))
    finally:
        await shutdown(container)
    await _run_jobs(sqlite_url, data)
    worker = build_container(_settings(sqlite_url, data, None))
    try:
        await _notify_and_suggest(worker, centre_id)
        before = _dump(tmp_path / "cma.db")
        assert _V1_TOKEN.search(before)  # everything is under version 1 so far
        originals = {p: await _plain(worker, centre_id, p) for p in _files(data)}
        report = await worker.key_rotation().rotate(centre_id)
    finally:
        await shutdown(worker)
    assert report.version == 2
    assert report.files == 2  # both uploads rewritten
    assert report.documents >= 3  # two documents (names, pages) and the suggestion

    db = tmp_path / "cma.db"
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM centre_data_keys WHERE version = 1")
    assert not _V1_TOKEN.search(_dump(db)), _V1_TOKEN.search(_dump(db))
    for path in _files(data):
        head = path.read_bytes()[:12]
        assert head.startswith(b"CMAsf")
        assert struct.unpack(">I", head[8:12])[0] == 2

    after = build_container(_settings(sqlite_url, data, None))
    try:
        for path, plain in originals.items():
            assert await _plain(after, centre_id, path) == plain
        await _read_everything(after)
    finally:
        await shutdown(after)


def _dump(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return "\n".join(conn.iterdump())


def _files(data: Path) -> list[Path]:
    return sorted(p for p in (data / "documents").rglob("*") if p.is_file())


async def _plain(c: object, centre_id: CentreId, path: Path) -> bytes:
    key = "/".join(path.parts[path.parts.index(str(centre_id)) + 1 :])
    data: bytes = await c.document_store().get(centre_id, key)  # type: ignore[attr-defined]
    return data


async def _read_everything(c: object) -> None:
    transport = httpx.ASGITransport(app=create_app(c))  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
        r = await http.post(
            "/api/v1/auth/login",
            json={"email": "adviser@piicentre.example", "password": PASSWORD},
        )
        auth = {"Authorization": f"Bearer {r.json()['access_token']}"}
        r = await http.get("/api/v1/clients", params={"name": LAST}, headers=auth)
        assert r.json()["total"] == 1  # blind indexes moved too
        r = await http.get("/api/v1/cases", headers=auth)
        case_id = r.json()["items"][0]["id"]
        base = f"/api/v1/cases/{case_id}"
        r = await http.get(f"{base}/notes", headers=auth)
        assert any(TOWN in n["body"] for n in r.json()["items"]), r.text
        r = await http.get(f"{base}/advice", headers=auth)
        assert any(LAST in (a.get("reasons") or "") for a in r.json()["items"]), r.text
        r = await http.get(f"{base}/letters", headers=auth)
        assert r.status_code == 200, r.text
        r = await http.get(f"{base}/documents", headers=auth)
        docs = r.json()["items"]
        assert sorted(d["filename"] for d in docs) == sorted(["scan.png", f"{LAST} statement.pdf"])
        for d in docs:
            r = await http.get(f"/api/v1/documents/{d['id']}", headers=auth)
            assert r.status_code == 200, r.text
            r = await http.get(f"/api/v1/documents/{d['id']}/content", headers=auth)
            assert r.status_code == 200, r.text
        r = await http.get(f"{base}/suggestions", headers=auth)
        evidence = [e for s in r.json()["items"] for e in s.get("evidence", [])]
        assert any(TOWN in e["value"] for e in evidence), r.text
