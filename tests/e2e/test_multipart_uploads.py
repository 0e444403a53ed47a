"""Every multipart upload route checks each of its parts like a JSON body (issue 13, ASVS
V5/V12): a part the route does not take, a text field that is a file, too long or holds
control characters, a missing file, a filename too long or with control characters, a
date out of range, each a 422 problem naming the part, with nothing stored; a body past
the route's limit is 413 unread. The OpenAPI form schemas carry the same bounds."""

from __future__ import annotations

from typing import Any

import httpx
from tests.e2e.conftest import Api
from tests.e2e.test_advice_api import field_of
from tests.e2e.test_documents_api import upload

from cma_entrypoints.http.casework.credit import MAX_AGENCY, MAX_REPORT_BYTES
from cma_entrypoints.http.common.multipart import MAX_FILENAME

CSV = b"lender,account_number,account_type,balance,status\nBank,12345678,credit_card,100,open\n"
ESC = "\x1b[2J"


async def _import(api: Api, base: str, files: dict[str, Any], data: dict[str, str]) -> Any:
    return await api.client.post(
        f"{base}/credit-reports/import", files=files, data=data, headers=api.headers
    )


async def test_the_credit_report_import_checks_every_part(two_centres: tuple[Api, Api]) -> None:
    api, _ = two_centres
    base = f"/api/v1/cases/{(await api.new_case())['id']}"
    good = {"file": ("report.csv", CSV, "text/csv")}
    refused: list[tuple[dict[str, Any], dict[str, str], str]] = [
        (good, {"extra": "x"}, "extra"),
        (good, {"agency": "E" * (MAX_AGENCY + 1)}, "agency"),
        (good, {"agency": f"Experian{ESC}"}, "agency"),
        ({**good, "agency": ("agency.txt", b"Experian", "text/plain")}, {}, "agency"),
        (good, {"report_date": "0001-01-01"}, "report_date"),
        (good, {"report_date": "yesterday"}, "report_date"),
        ({"agency": (None, b"Experian")}, {}, "file"),  # multipart, no file part
        ({"file": ("r" * MAX_FILENAME + ".csv", CSV, "text/csv")}, {}, "file"),
        ({"file": (f"report{ESC}.csv", CSV, "text/csv")}, {}, "file"),
    ]
    for files, data, field in refused:
        r = await _import(api, base, files, data)
        assert r.status_code == 422, (field, r.text)
        assert field_of(r) == field
    r = await _import(
        api, base, {"file": ("big.csv", CSV * (MAX_REPORT_BYTES // 60), "text/csv")}, {}
    )
    assert r.status_code == 413, r.text
    assert (await api.get(f"{base}/credit-reports")).json()["total"] == 0  # nothing stored
    r = await _import(api, base, good, {"agency": "Experian", "report_date": "2026-11-20"})
    assert r.status_code == 201, r.text
    assert r.json()["agency"] == "Experian"


async def test_the_document_upload_checks_its_parts_and_filename(
    two_centres: tuple[Api, Api],
) -> None:
    from tests.e2e.documents_fixtures import letter_png

    api, _ = two_centres
    case_id = (await api.new_case())["id"]
    png = letter_png(["Dear client"])
    r = await api.client.post(
        f"/api/v1/cases/{case_id}/documents",
        files={"file": ("letter.png", png, "image/png"), "note": ("n.txt", b"x", "text/plain")},
        headers=api.headers,
    )
    assert r.status_code == 422, r.text
    assert field_of(r) == "note"
    for name in ("l" * MAX_FILENAME + ".png", f"letter{ESC}.png", "letter\u202egnp.exe"):
        r = await upload(api, case_id, png, name)
        assert r.status_code == 422, (name, r.text)
        assert field_of(r) == "file"
    listed = await api.get(f"/api/v1/cases/{case_id}/documents")
    assert listed.json()["total"] == 0  # nothing stored
    r = await upload(api, case_id, png, "letter.png")
    assert r.status_code in (201, 202), r.text


async def test_the_upload_forms_state_their_bounds_in_openapi(http: httpx.AsyncClient) -> None:
    paths = (await http.get("/schema/openapi.json")).json()["paths"]
    forms = {
        "/api/v1/cases/{case_id}/credit-reports/import": ("file", "agency", "report_date"),
        "/api/v1/cases/{case_id}/documents": ("file",),
    }
    for path, parts in forms.items():
        body = paths[path]["post"]["requestBody"]["content"]["multipart/form-data"]["schema"]
        assert body["additionalProperties"] is False, path
        assert tuple(body["properties"]) == parts, path
        assert f"at most {MAX_FILENAME} characters" in body["properties"]["file"]["description"]
    credit = paths["/api/v1/cases/{case_id}/credit-reports/import"]["post"]["requestBody"]
    agency = credit["content"]["multipart/form-data"]["schema"]["properties"]["agency"]
    assert agency["maxLength"] == MAX_AGENCY
    assert "pattern" in agency
