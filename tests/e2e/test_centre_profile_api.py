"""The centre profile over HTTP, on SQLite and PostgreSQL: read by anyone in the centre,
edited by its admin with If-Match (428/412), validated (422 naming the field), audited,
invisible to another centre; its jurisdiction drives the case clock's bank holidays
unless the case's facts name another; letters print it, in a PDF that keeps any name."""

from __future__ import annotations

import io
import uuid
from typing import Any

import httpx
import pypdfium2
import pytest
from PIL import Image
from tests.e2e.conftest import PASSWORD, Api, make_centre, sign_in

from cma_core.identity.permissions import Role
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow

URL = "/api/v1/centre/profile"
PROFILE = {
    "name": "Riverside Money Advice",
    "jurisdiction": "SCO",
    "address": "2 Mill Lane\nGlasgow G1 1AA",
    "phone": "0141 496 0000",
    "email": "advice@riverside.example",
    "charity_number": "SC012345",
    "fca_number": "654321",
}


def png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (60, 20), (10, 90, 160)).save(buf, "PNG")
    return buf.getvalue()


async def put(api: Api, url: str, etag: str | None, **kw: Any) -> httpx.Response:
    headers = {**api.headers, **({"If-Match": etag} if etag is not None else {})}
    headers.update(kw.pop("headers", {}))
    return await api.client.put(url, headers=headers, **kw)


def field_of(r: httpx.Response) -> str:
    assert r.headers["content-type"].startswith("application/problem+json"), r.text
    return str(r.json()["errors"][0]["field"])


async def staff(container: Container, http: httpx.AsyncClient) -> tuple[Api, Api, Api]:
    """Centre A's admin and adviser, and centre B's admin."""
    a = await make_centre(container, "Centre A", Role.CENTRE_ADMIN)
    b = await make_centre(container, "Centre B", Role.CENTRE_ADMIN)
    await container.identity().create_user(
        centre_id=uuid.UUID(a), email="adviser@centrea.example", role=Role.ADVISER,
        password=PASSWORD,
    )  # fmt: skip
    return (
        await sign_in(http, "centre_admin@centrea.example", a),
        await sign_in(http, "adviser@centrea.example", a),
        await sign_in(http, "centre_admin@centreb.example", b),
    )


async def test_profile_edit_rules_isolation_and_audit(
    container: Container, http: httpx.AsyncClient
) -> None:
    admin, adviser, other = await staff(container, http)
    r = await adviser.get(URL)
    assert r.status_code == 200, r.text
    assert (r.json()["name"], r.json()["version"], r.headers["etag"]) == ("Centre A", 0, '"0"')

    assert (await put(admin, URL, None, json=PROFILE)).status_code == 428
    assert (await put(adviser, URL, '"0"', json=PROFILE)).status_code == 403
    r = await put(admin, URL, '"0"', json={**PROFILE, "fca_number": "FRN-1"})
    assert r.status_code == 422
    assert field_of(r) == "fca_number"
    r = await put(admin, URL, '"0"', json={**PROFILE, "email": "nobody"})
    assert (r.status_code, field_of(r)) == (422, "email")
    r = await put(admin, URL, '"0"', json={**PROFILE, "jurisdiction": "XX"})
    assert r.status_code in {400, 422}
    assert "jurisdiction" in r.text
    r = await put(admin, URL, '"0"', json={**PROFILE, "colour": "red"})
    assert r.status_code == 400

    r = await put(admin, URL, '"0"', json=PROFILE)
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"1"'
    assert r.json()["jurisdiction"] == "SCO"
    assert r.json()["has_logo"] is False
    assert (await put(admin, URL, '"0"', json=PROFILE)).status_code == 412

    logo = f"{URL}/logo"
    r = await put(admin, logo, '"1"', content=b"GIF89a", headers={"Content-Type": "image/gif"})
    assert (r.status_code, field_of(r)) == (422, "content_type")
    r = await put(admin, logo, '"1"', content=b"nope", headers={"Content-Type": "image/png"})
    assert (r.status_code, field_of(r)) == (422, "logo")
    r = await put(admin, logo, '"1"', content=png(), headers={"Content-Type": "image/png"})
    assert r.status_code == 200, r.text
    assert (r.json()["has_logo"], r.headers["etag"]) == (True, '"2"')
    r = await adviser.get(logo)
    assert (r.status_code, r.content, r.headers["content-type"]) == (200, png(), "image/png")

    # Another centre sees its own profile, never this one.
    r = await other.get(URL)
    assert (r.json()["name"], r.json()["version"], r.json()["has_logo"]) == ("Centre B", 0, False)
    assert (await other.get(logo)).status_code == 404

    r = await admin.client.delete(logo, headers={**admin.headers, "If-Match": '"1"'})
    assert r.status_code == 412
    r = await admin.client.delete(logo, headers={**admin.headers, "If-Match": '"2"'})
    assert (r.status_code, r.headers["etag"], r.json()["has_logo"]) == (200, '"3"', False)
    assert (await adviser.get(logo)).status_code == 404

    r = await admin.get("/api/v1/audit", params={"entity_type": "centre_profile"})
    actions = [e["action"] for e in r.json()["items"]]
    assert actions == [
        "centre_profile.updated",
        "centre_profile.logo_set",
        "centre_profile.logo_removed",
    ]


async def test_the_case_clock_and_letters_follow_the_jurisdiction(
    container: Container, http: httpx.AsyncClient
) -> None:
    admin, adviser, _ = await staff(container, http)
    # Served 20 Jul 2026: day 14 is Mon 3 Aug, a bank holiday in Scotland only.
    claim = {"kind": "court_claim_served", "occurred_on": "2026-07-20"}

    async def claim_response_due(case_id: str) -> str:
        r = await adviser.post(f"/api/v1/cases/{case_id}/facts", claim)
        assert r.status_code == 201, r.text
        return next(d["due"] for d in r.json()["deadlines"] if d["kind"] == "claim_response")

    before = await adviser.new_case()
    assert await claim_response_due(before["id"]) == "2026-08-03"  # deployment default: EW
    assert (await put(admin, URL, '"0"', json=PROFILE)).status_code == 200
    scottish = await adviser.new_case()
    assert await claim_response_due(scottish["id"]) == "2026-08-04"
    # A case whose own facts say England and Wales keeps E&W's bank holidays.
    english = await adviser.new_case()
    r = await put(
        adviser,
        f"/api/v1/cases/{english['id']}/financial-facts",
        '"0"',
        json={"jurisdiction": "EW"},
    )
    assert r.status_code == 200, r.text
    assert await claim_response_due(english["id"]) == "2026-08-03"

    # The options appraisal defaults to the centre's jurisdiction.
    r = await adviser.get(f"/api/v1/cases/{scottish['id']}/options")
    assert r.status_code == 200, r.text
    assert "map" in {o["solution"] for o in r.json()["options"]}

    # A letter with a name in three scripts, as HTML and as PDF.
    client = await adviser.new_client(first_name="Zoë", last_name="Дмитриева-Ωμέγα")
    r = await adviser.post("/api/v1/cases", {"client_id": client["id"]})
    case_id = r.json()["id"]
    r = await adviser.post(f"/api/v1/cases/{case_id}/letters", {"kind": "sfs_statement"})
    assert r.status_code == 201, r.text
    letter = r.json()
    assert "Riverside Money Advice" in letter["html"]
    assert "Registered charity number SC012345" in letter["html"]
    r = await adviser.get(
        f"/api/v1/cases/{case_id}/letters/{letter['id']}", params={"format": "pdf"}
    )
    assert r.status_code == 200
    doc = pypdfium2.PdfDocument(r.content)
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert "Zoë Дмитриева-Ωμέγα" in text
    assert "Riverside Money Advice" in text
    assert "?" not in text
