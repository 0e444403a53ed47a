"""Case deletion, client erasure and the subject access export over HTTP (SQLite and
PostgreSQL), with the stored objects of the local document store.

The schema test finds every table with a ``case_id`` (or ``client_id``) column in the
*live* database, so a table added later that the erasure forgets fails here.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest
from sqlalchemy import inspect, text
from tests.e2e.conftest import PASSWORD, Api, sign_in
from tests.e2e.test_isolation import ID_FACTORIES, Seeded

from cma_adapters.jobs import InProcessEventPublisher
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

#: Tables the seeded case must have rows in, so the "nothing left" check proves something.
SEEDED_TABLES = {
    "case_notes",
    "advice_debts",
    "advice_records",
    "advice_letters",
    "case_facts",
    "case_deadlines",
    "appointments",
    "documents",
}


async def _staff(container: Container, name: str) -> str:
    """A centre with one signed-in user per client-facing role."""
    centre = await container.identity().create_centre(name)
    slug = name.lower().replace(" ", "")
    for role in (Role.SUPERVISOR, Role.ADVISER, Role.CASEWORKER, Role.AUDITOR, Role.CENTRE_ADMIN):
        await container.identity().create_user(
            centre_id=CentreId(centre.id),
            email=f"{role.value}@{slug}.example",
            role=role,
            password=PASSWORD,
        )
    return str(centre.id)


@pytest.fixture
async def centre(container: Container, http: httpx.AsyncClient) -> tuple[str, dict[Role, Api]]:
    centre_id = await _staff(container, "Privacy Centre")
    apis = {
        role: await sign_in(http, f"{role.value}@privacycentre.example", centre_id)
        for role in (Role.SUPERVISOR, Role.ADVISER, Role.CASEWORKER, Role.AUDITOR)
    }
    return centre_id, apis


async def _seed_full_case(api: Api) -> Seeded:
    """A case with a record in every area, made through the API (the isolation suite's
    factories: debts, advice, letter, facts and deadlines, appointment, document + OCR)."""
    seeded = Seeded()
    for name in (
        "case_id",
        "debt_id",
        "advice_id",
        "letter_id",
        "deadline_id",
        "appointment_id",
        "document_id",
    ):
        await ID_FACTORIES[name](api, seeded)
    case_id = seeded.cache["case_id"]
    for body in ("Brought six letters.", "Mentions a health condition."):
        r = await api.post(
            f"/api/v1/cases/{case_id}/notes",
            {"body": body, "sensitive": body.startswith("Mentions")},
        )
        assert r.status_code == 201, r.text
    return seeded


async def _rows_by_table(container: Container, column: str, value: str) -> dict[str, int]:
    """Rows naming ``value`` in every table of the live schema with ``column``."""
    async with container.engine().connect() as conn:
        if conn.dialect.name == "postgresql":
            # The app's engine runs as the RLS-bound application role; the test inspects
            # every centre's rows as the connected owner, for this transaction only.
            await conn.execute(text("SET LOCAL ROLE NONE"))
        tables = await conn.run_sync(
            lambda c: [
                t
                for t in inspect(c).get_table_names()
                if column in {col["name"] for col in inspect(c).get_columns(t)}
            ]
        )
        counts = {}
        for t in tables:
            n = (
                await conn.execute(
                    text(f'SELECT count(*) FROM "{t}" WHERE CAST({column} AS TEXT) IN (:a, :b)'),  # noqa: S608 - names from the schema
                    {"a": value, "b": value.replace("-", "")},
                )
            ).scalar_one()
            counts[t] = int(n)
    return counts


async def _etag(api: Api, url: str) -> str:
    r = await api.get(url)
    assert r.status_code == 200, r.text
    return str(r.headers["etag"])


def _stored_files(tmp_path: Path, centre_id: str) -> list[Path]:
    root = tmp_path / "documents" / "centres" / centre_id
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


async def _settled(container: Container) -> None:
    """Let the background work the seeding started (the document's reading, the search
    index, the read models) finish before an erasure: these tests check what the erasure
    removes, and the receipts' counts are of what the seeding made. The background work
    racing an erasure is tested on its own: the read models' projections in
    ``tests/integration/test_projection_batches.py``, the search index in
    ``tests/integration/test_search_erasure.py``."""
    publisher = container.publisher()
    if isinstance(publisher, InProcessEventPublisher):
        await publisher.drain()


async def test_delete_case_removes_every_row_and_stored_object(
    container: Container, centre: tuple[str, dict[Role, Api]], tmp_path: Path
) -> None:
    centre_id, apis = centre
    sup = apis[Role.SUPERVISOR]
    seeded = await _seed_full_case(sup)
    case_id = seeded.cache["case_id"]
    url = f"/api/v1/cases/{case_id}"

    before = await _rows_by_table(container, "case_id", case_id)
    assert {t for t, n in before.items() if n} >= SEEDED_TABLES, before
    assert _stored_files(tmp_path, centre_id)

    etag = await _etag(sup, url)
    params = {"reason": "created_in_error"}
    # Who may: caseworkers and auditors not, advisers not (case:delete is for supervisors).
    for role in (Role.CASEWORKER, Role.AUDITOR, Role.ADVISER):
        api = apis[role]
        r = await api.client.delete(url, params=params, headers={**api.headers, "If-Match": etag})
        assert r.status_code == 403, (role, r.text)
    # Missing If-Match 428, stale 412, missing or unknown reason 422 naming the field.
    r = await sup.client.delete(url, params=params, headers=sup.headers)
    assert r.status_code == 428
    r = await sup.client.delete(url, params=params, headers={**sup.headers, "If-Match": '"99"'})
    assert r.status_code == 412
    for bad in ({}, {"reason": "because Ann Lee asked"}):
        r = await sup.client.delete(url, params=bad, headers={**sup.headers, "If-Match": etag})
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert [e["field"] for e in r.json()["errors"]] == ["reason"]
    assert (await sup.get(url)).status_code == 200  # nothing happened yet

    await _settled(container)
    r = await sup.client.delete(url, params=params, headers={**sup.headers, "If-Match": etag})
    assert r.status_code == 200, r.text
    receipt = r.json()
    assert receipt["entity_type"] == "case"
    assert receipt["reason"] == "created_in_error"
    assert receipt["objects_deleted"] == 1
    assert receipt["rows"]["cases"] == 1
    assert receipt["rows"]["documents"] == 1

    after = await _rows_by_table(container, "case_id", case_id)
    assert not {t: n for t, n in after.items() if n}, after
    assert _stored_files(tmp_path, centre_id) == []
    assert (await sup.get(url)).status_code == 404
    # A retry after success: the case is gone.
    r = await sup.client.delete(url, params=params, headers={**sup.headers, "If-Match": etag})
    assert r.status_code == 404
    # The client stays: deleting a case is not erasing its client.
    client_id = seeded.cache["client_id"]
    assert (await sup.get(f"/api/v1/clients/{client_id}")).status_code == 200

    r = await sup.get("/api/v1/audit", params={"entity_id": case_id, "action": "case.deleted"})
    assert r.status_code == 200, r.text
    [entry] = r.json()["items"]
    assert "reason=created_in_error" in entry["fields"]
    assert "cases=1" in entry["fields"]


async def test_erase_client_removes_client_cases_and_objects(
    container: Container, centre: tuple[str, dict[Role, Api]], tmp_path: Path
) -> None:
    centre_id, apis = centre
    sup = apis[Role.SUPERVISOR]
    seeded = await _seed_full_case(sup)
    client_id = seeded.cache["client_id"]
    r = await sup.post("/api/v1/cases", {"client_id": client_id})
    second_case = r.json()["id"]
    url = f"/api/v1/clients/{client_id}"
    etag = await _etag(sup, url)
    params = {"reason": "data_subject_request"}

    for role in (Role.CASEWORKER, Role.AUDITOR, Role.ADVISER):
        api = apis[role]
        r = await api.client.delete(url, params=params, headers={**api.headers, "If-Match": etag})
        assert r.status_code == 403, (role, r.text)
    r = await sup.client.delete(url, params=params, headers={**sup.headers, "If-Match": '"42"'})
    assert r.status_code == 412

    await _settled(container)
    r = await sup.client.delete(url, params=params, headers={**sup.headers, "If-Match": etag})
    assert r.status_code == 200, r.text
    receipt = r.json()
    assert sorted(receipt["case_ids"]) == sorted([seeded.cache["case_id"], second_case])
    assert receipt["rows"]["clients"] == 1
    assert receipt["rows"]["cases"] == 2
    assert receipt["objects_deleted"] == 1

    for column, value in (("client_id", client_id), ("id", client_id)):
        left = await _rows_by_table(container, column, value)
        assert not {t: n for t, n in left.items() if n}, left
    for case in receipt["case_ids"]:
        left = await _rows_by_table(container, "case_id", case)
        assert not {t: n for t, n in left.items() if n}, left
    assert _stored_files(tmp_path, centre_id) == []
    assert (await sup.get(url)).status_code == 404
    r = await sup.get("/api/v1/clients", params={"name": "Bea"})
    assert r.json()["total"] == 0

    r = await sup.get("/api/v1/audit", params={"entity_id": client_id, "action": "client.erased"})
    [entry] = r.json()["items"]
    assert "reason=data_subject_request" in entry["fields"]
    # The audit trail holds no personal values.
    r = await sup.get("/api/v1/audit", params={"limit": 200})
    assert "Bea" not in r.text
    assert "Lee" not in r.text


async def test_subject_access_export(
    container: Container, centre: tuple[str, dict[Role, Api]]
) -> None:
    _, apis = centre
    sup = apis[Role.SUPERVISOR]
    seeded = await _seed_full_case(sup)
    client_id = seeded.cache["client_id"]
    url = f"/api/v1/clients/{client_id}/export"

    for role in (Role.CASEWORKER, Role.AUDITOR):
        r = await apis[role].get(url)
        assert r.status_code == 403, (role, r.text)

    r = await apis[Role.ADVISER].get(url)
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    doc = r.json()
    assert doc["format"] == "cma-subject-access/1"
    assert doc["client"]["first_name"] == "Bea"
    assert doc["client"]["date_of_birth"] == "1984-03-02"
    [case] = doc["cases"]
    assert case["id"] == seeded.cache["case_id"]
    bodies = {n["body"] for n in case["notes"]}
    assert "Mentions a health condition." in bodies  # sensitive notes are part of an SAR
    assert [e["debt"]["id"] for e in case["debts"]] == [seeded.cache["debt_id"]]
    assert case["advice"]
    assert case["letters"]
    assert case["appointments"]
    assert case["deadlines"]
    [document] = case["documents"]
    assert document["id"] == seeded.cache["document_id"]
    assert "pages" not in document
    link = document["download_url"]
    assert link
    fetched = await sup.client.get(link.removeprefix("http://testserver"))
    assert fetched.status_code == 200
    assert fetched.content.startswith(b"\x89PNG")
    json.dumps(doc)  # one plain JSON document

    r = await sup.get("/api/v1/audit", params={"entity_id": client_id, "action": "client.exported"})
    assert r.json()["total"] == 1
    assert (await sup.get(f"/api/v1/clients/{uuid.uuid4()}/export")).status_code == 404


async def test_another_centres_ids_are_not_found(
    container: Container, centre: tuple[str, dict[Role, Api]], http: httpx.AsyncClient
) -> None:
    _, apis = centre
    other_id = await _staff(container, "Other Centre")
    other = await sign_in(http, "supervisor@othercentre.example", other_id)
    case = await other.new_case()
    client_id = case["client_id"]
    sup = apis[Role.SUPERVISOR]
    headers = {**sup.headers, "If-Match": '"1"'}
    params = {"reason": "data_subject_request"}
    r = await sup.client.delete(f"/api/v1/cases/{case['id']}", params=params, headers=headers)
    assert r.status_code == 404
    r = await sup.client.delete(f"/api/v1/clients/{client_id}", params=params, headers=headers)
    assert r.status_code == 404
    assert (await sup.get(f"/api/v1/clients/{client_id}/export")).status_code == 404
    assert (await other.get(f"/api/v1/cases/{case['id']}")).status_code == 200
