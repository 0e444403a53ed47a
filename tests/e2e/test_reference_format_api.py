"""How a creditor's account references look, over HTTP on SQLite and PostgreSQL: the
directory's format where set, else the shape learned from the centre's own debts, and
whether a reference fits it. (That another centre's debts teach nothing is the contract
test of ``references_to``: the same creditor id in two centres.)"""

from __future__ import annotations

import pytest
from tests.e2e.conftest import Api

pytestmark = pytest.mark.slow


async def _debt(api: Api, case_id: str, creditor: str, reference: str) -> None:
    r = await api.post(
        f"/api/v1/cases/{case_id}/debts",
        {
            "debt_type": "personal_loan",
            "balance_pence": 50000,
            "creditor_id": creditor,
            "account_reference": reference,
        },
    )
    assert r.status_code == 201, r.text


async def test_a_creditors_reference_format_is_learned_from_the_centres_debts(
    two_centres: tuple[Api, Api],
) -> None:
    api, other = two_centres
    r = await api.post("/api/v1/creditors", {"name": "Quarryford Finance"})
    assert r.status_code == 201, r.text
    creditor = r.json()["id"]
    url = f"/api/v1/creditors/{creditor}/reference-format"
    assert (await api.get(url)).json() == {
        "creditor_id": creditor,
        "source": "none",
        "pattern": None,
        "example": None,
        "references": 0,
        "fits": None,
    }
    first, second = (await api.new_case())["id"], (await api.new_case())["id"]
    await _debt(api, first, creditor, "QF-104233")
    await _debt(api, second, creditor, "QF-771020")
    learned = (await api.get(url, params={"reference": "QF-55009"})).json()
    assert learned == {
        "creditor_id": creditor,
        "source": "learned",
        "pattern": "[A-Za-z]{2}\\-[0-9]{6}",
        "example": "AA-999999",
        "references": 2,
        "fits": False,
    }
    assert (await api.get(url, params={"reference": " qf-550091 "})).json()["fits"] is True
    # the adviser's own format wins
    r = await api.get(f"/api/v1/creditors/{creditor}")
    edited = await api.client.put(
        f"/api/v1/creditors/{creditor}",
        json={"name": "Quarryford Finance", "reference_pattern": r"QF-\d{6}"},
        headers={**api.headers, "If-Match": r.headers["etag"]},
    )
    assert edited.status_code == 200, edited.text
    held = (await api.get(url, params={"reference": "qf-550091"})).json()
    assert (held["source"], held["pattern"], held["fits"]) == ("directory", r"QF-\d{6}", False)
    # bad input is named; another centre sees nothing of it
    r = await api.get(url, params={"reference": "x" * 65})
    assert r.status_code == 400, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert (await other.get(url)).status_code == 404
