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


async def _set_format(api: Api, creditor: str, name: str, pattern: str) -> None:
    """The creditor's reference format set in the directory, as an adviser sets it."""
    r = await api.get(f"/api/v1/creditors/{creditor}")
    edited = await api.client.put(
        f"/api/v1/creditors/{creditor}",
        json={"name": name, "reference_pattern": pattern},
        headers={**api.headers, "If-Match": r.headers["etag"]},
    )
    assert edited.status_code == 200, edited.text


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
    await _set_format(api, creditor, "Quarryford Finance", r"QF-\d{6}")
    held = (await api.get(url, params={"reference": "qf-550091"})).json()
    assert (held["source"], held["pattern"], held["fits"]) == ("directory", r"QF-\d{6}", False)
    # bad input is named; another centre sees nothing of it
    r = await api.get(url, params={"reference": "x" * 65})
    assert r.status_code == 400, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert (await other.get(url)).status_code == 404


async def test_a_debts_reference_is_judged_by_the_shape_its_creditors_other_debts_teach(
    two_centres: tuple[Api, Api],
) -> None:
    """The debt view's ``reference_matches``: the learned shape, with the debt's own
    reference left out (one reference alone vouches for nothing; a typo is judged by the
    others, and the others by a shape that 3 in 4 of the rest agree on), in a list by one
    query a creditor."""
    api, _ = two_centres
    r = await api.post("/api/v1/creditors", {"name": "Brackenholm Credit"})
    assert r.status_code == 201, r.text
    creditor = r.json()["id"]
    case = (await api.new_case())["id"]
    await _debt(api, case, creditor, "BH 10442781")
    debts = (await api.get(f"/api/v1/cases/{case}/debts")).json()["items"]
    assert [_judged(d) for d in debts] == [(None, "none")]
    for reference in ("BH77102093", "bh55610348", "BH 2030 1177"):
        await _debt(api, (await api.new_case())["id"], creditor, reference)
    await _debt(api, case, creditor, "BH 1044278")  # a figure short
    debts = (await api.get(f"/api/v1/cases/{case}/debts")).json()["items"]
    judged = {d["account_reference"]: _judged(d) for d in debts}
    assert judged == {"BH 10442781": (True, "learned"), "BH 1044278": (False, "learned")}
    one = debts[1]
    r = await api.get(f"/api/v1/cases/{case}/debts/{one['id']}")
    assert _judged(r.json()) == (False, "learned")
    # the same typo on a second debt does not vouch for the first (nor it for the second)
    await _debt(api, (await api.new_case())["id"], creditor, "bh1044278")
    debts = (await api.get(f"/api/v1/cases/{case}/debts")).json()["items"]
    assert [_judged(d) for d in debts] == [(True, "learned"), (False, "learned")]
    # the debt's form asks the route, which judges a reference as the list does
    asked = await api.get(
        f"/api/v1/creditors/{creditor}/reference-format", params={"reference": "BH 1044278"}
    )
    assert (asked.json()["source"], asked.json()["fits"]) == ("learned", False)
    # the directory's format, where set, is what a debt is judged by
    await _set_format(api, creditor, "Brackenholm Credit", r"BH\d{7}")
    debts = (await api.get(f"/api/v1/cases/{case}/debts")).json()["items"]
    judged = {d["account_reference"]: _judged(d) for d in debts}
    assert judged == {"BH 10442781": (False, "directory"), "BH 1044278": (True, "directory")}


def _judged(debt: dict[str, object]) -> tuple[object, object]:
    return debt["reference_matches"], debt["reference_format"]
