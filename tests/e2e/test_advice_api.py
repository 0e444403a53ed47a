"""Debt advice end to end over HTTP, on SQLite and PostgreSQL (the ``container`` params).

One adviser's day: creditor, debts, facts, SFS budget, options, offers, advice, letters,
SFS export and import; plus the API's promises: ETag/If-Match (428/412), problem+json
naming the field for bad figures, and another centre's case reported as 404.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from tests.e2e.conftest import Api, colleague

from cma_adapters.sfs import validate_json, validate_xml
from cma_core.identity.permissions import Role
from cma_core.shared.ids import CentreId
from cma_entrypoints.container import Container

pytestmark = pytest.mark.slow

V0 = {"If-Match": '"0"'}


async def put(api: Api, url: str, body: Any, headers: dict[str, str] | None = None) -> Any:
    return await api.client.put(url, json=body, headers={**api.headers, **(headers or {})})


async def delete(api: Api, url: str, headers: dict[str, str] | None = None) -> Any:
    return await api.client.delete(url, headers={**api.headers, **(headers or {})})


def field_of(r: httpx.Response) -> str:
    assert r.headers["content-type"].startswith("application/problem+json"), r.text
    errors = r.json()["errors"]
    assert errors, r.text
    return str(errors[0]["field"])


BUDGET = {
    "household": {
        "has_partner": False,
        "dependent_children_under_16": 1,
        "tenure": "Tenant - social",
    },
    "lines": {
        "client_salary": {"amount_pence": 30000, "frequency": "weekly", "note": "payslips"},
        "child_benefit": {"amount_pence": 10200, "frequency": "four_weekly"},
        "rent": {"amount_pence": 60000},
        "council_tax": {"amount_pence": 12000},
        "groceries": {"amount_pence": 40000},
    },
    "savings_contribution_pence": 0,
    "savings_contribution_considered": True,
    "asset_use_considered": True,
    "details": {"client_employment_status": ["Part-time"], "client_address": "1 High St"},
}


async def setup_case(api: Api) -> tuple[str, str, str, str]:
    case = await api.new_case()
    base = f"/api/v1/cases/{case['id']}"
    r = await api.post("/api/v1/creditors", {"name": "Example Bank", "reference_pattern": r"\d{4}"})
    assert r.status_code == 201, r.text
    bank = r.json()["id"]
    r = await api.post(
        f"{base}/debts",
        {
            "debt_type": "credit_card",
            "balance_pence": 150000,
            "creditor_id": bank,
            "account_reference": "1234",
            "ccj": False,
            "last_payment_date": "2026-10-01",
        },
    )
    assert r.status_code == 201, r.text
    card = r.json()
    assert card["priority"]["is_priority"] is False
    assert card["reference_matches"] is True
    r = await api.post(f"{base}/debts", {"debt_type": "council_tax", "balance_pence": 80000})
    assert r.status_code == 201, r.text
    council = r.json()
    assert council["priority"]["is_priority"] is True
    return case["id"], base, card["id"], council["id"]


async def test_a_full_advice_journey(two_centres: tuple[Api, Api]) -> None:
    api, _ = two_centres
    _case_id, base, card, council = await setup_case(api)

    # Debts list with filters and pagination.
    r = await api.get(f"{base}/debts", params={"priority": "true"})
    assert r.status_code == 200
    assert [d["id"] for d in r.json()["items"]] == [council]
    r = await api.get(f"{base}/debts", params={"limit": 1, "offset": 1})
    assert r.json()["total"] == 2
    assert len(r.json()["items"]) == 1

    # Edit needs If-Match: 428 without, 412 when stale.
    r = await api.get(f"{base}/debts/{card}")
    edit = {
        "debt_type": "credit_card",
        "balance_pence": 140000,
        "ccj": False,
        "creditor_id": r.json()["creditor_id"],
        "account_reference": "1234",
    }
    assert (await put(api, f"{base}/debts/{card}", edit)).status_code == 428
    assert (await put(api, f"{base}/debts/{card}", edit, {"If-Match": '"9"'})).status_code == 412
    r = await put(api, f"{base}/debts/{card}", edit, {"If-Match": '"1"'})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"2"'
    assert r.json()["balance_pence"] == 140000

    # Facts and budget start at version 0.
    r = await api.get(f"{base}/financial-facts")
    assert r.headers["etag"] == '"0"'
    facts = {
        "jurisdiction": "EW",
        "assets": {"owns_property": False, "vehicles": [], "savings_and_cash_pence": 0},
        "residence": {"jurisdiction": "EW", "domiciled": True},
    }
    r = await put(api, f"{base}/financial-facts", facts, V0)
    assert r.status_code == 200, r.text
    r = await put(api, f"{base}/budget", BUDGET, V0)
    assert r.status_code == 200, r.text
    summary = r.json()["summary"]
    # 30000 weekly -> 130000; 10200 four-weekly -> 11050; outgoings 112000.
    assert summary["total_income_pence"] == 141050
    assert summary["total_outgoings_pence"] == 112000
    assert summary["available_for_priority_pence"] == 29050

    # Options on a date, in a jurisdiction.
    r = await api.get(f"{base}/options", params={"date": "2026-11-28", "jurisdiction": "EW"})
    assert r.status_code == 200, r.text
    options = {o["solution"]: o for o in r.json()["options"]}
    assert "dro" in options
    assert "breathing_space" in options
    assert all(
        o["status"] in {"eligible", "not_eligible", "adviser_judgement"} for o in options.values()
    )

    r = await api.post(f"{base}/options", params={"date": "2026-11-28"})
    assert r.status_code == 201, r.text
    saved = await api.get(f"{base}/appraisals")
    assert saved.json()["total"] == 1
    assert saved.json()["items"][0]["appraisal"]["jurisdiction"] == "EW"

    # Offers: priority first, then pro rata of the rest.
    r = await api.post(
        f"{base}/offers", {"priority_offers": [{"debt_id": council, "amount_pence": 5000}]}
    )
    assert r.status_code == 201, r.text
    plan = r.json()
    lines = {x["debt_id"]: x for x in plan["lines"]}
    assert lines[council]["amount_pence"] == 5000
    assert lines[card]["amount_pence"] == 29050 - 5000
    assert plan["available_for_non_priority_pence"] == 24050

    # Advice record, then the written summary and its PDF.
    r = await api.post(
        f"{base}/advice",
        {
            "on_date": "2026-11-28",
            "recommended": "dmp",
            "reasons": "Surplus covers the priority debt and a fair share for the card.",
            "client_decision": "accepted",
        },
    )
    assert r.status_code == 201, r.text
    assert {o["solution"] for o in r.json()["options"]} == set(options)
    r = await api.post(f"{base}/letters", {"kind": "advice_summary"})
    assert r.status_code == 201, r.text
    letter = r.json()
    assert "Debt Management Plan" in letter["html"]  # a label, never the code "dmp"
    assert "dmp" not in letter["html"]
    r = await api.get(f"{base}/letters/{letter['id']}", params={"format": "pdf"})
    assert r.status_code == 200
    assert r.content.startswith(b"%PDF")
    r = await api.post(f"{base}/letters/{letter['id']}/sent", headers={"If-Match": '"1"'})
    assert r.status_code == 200
    assert r.json()["sent_at"]
    r = await api.post(f"{base}/letters", {"kind": "offer_of_payment", "debt_id": card})
    assert r.status_code == 201
    assert "Example Bank" in r.json()["html"]

    # SFS export validates; import of it round-trips the figures.
    for fmt in ("json", "xml"):
        r = await api.get(f"{base}/sfs", params={"format": fmt})
        assert r.status_code == 200, r.text
        (validate_json if fmt == "json" else validate_xml)(r.content)
    doc = json.loads((await api.get(f"{base}/sfs", params={"format": "json"})).content)
    assert doc["overview"]["total-monthly-income"] == 1410.5
    budget_etag = (await api.get(f"{base}/budget")).headers["etag"]
    r = await api.client.post(
        f"{base}/sfs",
        params={"format": "json"},
        content=json.dumps(doc),
        headers={**api.headers, "If-Match": budget_etag, "Content-Type": "application/json"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["summary"]["total_income_pence"] == 141050
    # A document that is not an SFS is refused in words, and changes nothing.
    for body, kind in ((b"<statement/>", "application/xml"), (b'{"a": 1}', "application/json")):
        bad = await api.client.post(
            f"{base}/sfs",
            content=body,
            headers={**api.headers, "If-Match": r.headers["etag"], "Content-Type": kind},
        )
        assert bad.status_code == 422, bad.text
        assert bad.headers["content-type"].startswith("application/problem+json")
        assert "SFS-DDS v1.1" in bad.text
    kept = await api.get(f"{base}/budget")
    assert kept.headers["etag"] == r.headers["etag"]
    assert kept.json()["summary"]["total_income_pence"] == 141050

    # Centre templates override the default.
    r = await put(
        api,
        "/api/v1/letter-templates/write_off_request",
        {
            "subject": "Write off {{ debt.account_reference }}",
            "body": "<p>Please, {{ debt.creditor }}.</p>",
        },
        V0,
    )
    assert r.status_code == 200, r.text
    r = await api.post(f"{base}/letters", {"kind": "write_off_request", "debt_id": card})
    # ... inside the centre's letterhead, which a centre template cannot drop.
    assert r.json()["html"].startswith('<div class="letterhead">')
    assert "<p>Please, Example Bank.</p>" in r.json()["html"]

    # Removing a debt needs its version.
    r = await delete(api, f"{base}/debts/{card}", {"If-Match": '"2"'})
    assert r.status_code == 204, r.text


async def test_a_centre_template_goes_back_to_the_default(
    two_centres: tuple[Api, Api], container: Container, http: httpx.AsyncClient
) -> None:
    api, other = two_centres
    _, base, card, _ = await setup_case(api)
    url = "/api/v1/letter-templates/write_off_request"
    body = {"subject": "Write off", "body": "<p>Our own words, {{ debt.creditor }}.</p>"}
    assert (await put(api, url, body, V0)).status_code == 200
    assert (await put(api, url, body, {"If-Match": '"1"'})).json()["version"] == 2
    # A reset needs the version read: a stale one is refused and nothing changes.
    r = await delete(api, url, {"If-Match": '"1"'})
    assert r.status_code == 412, r.text
    assert (await delete(api, url)).status_code == 428
    r = await delete(api, "/api/v1/letter-templates/yacht", {"If-Match": '"2"'})
    assert r.status_code in (400, 422)
    assert field_of(r) == "kind"
    # The other centre cannot reset this centre's template (it has none of its own).
    assert (await delete(other, url, {"If-Match": '"2"'})).status_code == 412
    r = await delete(api, url, {"If-Match": '"2"'})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] == '"0"'
    assert r.json()["is_default"] is True
    assert r.json()["version"] == 0
    listed = {t["kind"]: t for t in (await api.get("/api/v1/letter-templates")).json()["items"]}
    assert listed["write_off_request"] == r.json()
    letter = await api.post(f"{base}/letters", {"kind": "write_off_request", "debt_id": card})
    assert "Our own words" not in letter.json()["html"]
    # A kind already on its default is left so; saving afresh starts from "0" again.
    assert (await delete(api, url, V0)).status_code == 200
    assert (await put(api, url, body, V0)).json()["version"] == 1
    auditor = await colleague(container, http, api, Role.AUDITOR)
    r = await auditor.get("/api/v1/audit", params={"entity_type": "letter_template"})
    assert [e["action"] for e in r.json()["items"]].count("letter_template.reset") == 1


async def test_a_template_is_previewed_as_a_letter_before_it_is_saved(
    two_centres: tuple[Api, Api],
) -> None:
    api, _ = two_centres
    url = "/api/v1/letter-templates/preview"
    draft = {"subject": "Offer: {{ debt.account_reference }}", "body": "<p>{{ client.name }}</p>"}
    r = await api.post(url, draft)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    # Made-up case data under the centre's own letterhead, the subject rendered too.
    assert "<p>Ann Lee</p>" in r.text
    assert "Centre A" in r.text
    assert "Offer: ************1234" in r.text
    r = await api.post(url, draft, params={"format": "pdf"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    # Refused as saving it would be, on the part at fault.
    r = await api.post(url, {**draft, "body": "<p>{{ client.nickname }}</p>"})
    assert r.status_code == 422, r.text
    assert field_of(r) == "body"
    assert "“nickname” is not among the data a letter has" in r.text
    r = await api.post(url, {**draft, "subject": "{% if %}"})
    assert field_of(r) == "subject"
    # Nothing is stored.
    listed = (await api.get("/api/v1/letter-templates")).json()["items"]
    assert all(t["is_default"] for t in listed)


async def test_bad_figures_name_the_field(two_centres: tuple[Api, Api]) -> None:
    api, _ = two_centres
    _, base, card, _ = await setup_case(api)
    r = await api.post(f"{base}/debts", {"debt_type": "credit_card", "balance_pence": -1})
    assert r.status_code in (400, 422)  # 400: the schema's bound, 422: the domain's
    assert field_of(r) == "balance_pence"
    r = await api.post(f"{base}/debts", {"debt_type": "yacht", "balance_pence": 1})
    assert r.status_code in (400, 422)
    assert field_of(r) == "debt_type"
    r = await api.post(
        f"{base}/debts",
        {"debt_type": "rent", "balance_pence": 1, "last_payment_date": "2026-02-30"},
    )
    assert r.status_code in (400, 422)
    assert field_of(r) == "last_payment_date"
    bad_line = {**BUDGET, "lines": {"rent": {"amount_pence": -5}}}
    r = await put(api, f"{base}/budget", bad_line, V0)
    assert r.status_code in (400, 422)
    # The schema's bound names the line by position (msgspec does not name dict keys).
    assert field_of(r) in ("lines.rent.amount_pence", "lines[...].amount_pence")
    bad_category = {**BUDGET, "category_notes": {"yachts": "a note"}}
    r = await put(api, f"{base}/budget", bad_category, V0)
    assert r.status_code in (400, 422)
    assert field_of(r) == "category_notes.yachts"
    r = await put(api, f"{base}/budget", {**BUDGET, "lines": {"caviar": {"amount_pence": 1}}}, V0)
    assert r.status_code in (400, 422)
    assert field_of(r) == "lines.caviar"
    r = await api.post(
        f"{base}/offers", {"priority_offers": [{"debt_id": card, "amount_pence": -1}]}
    )
    assert r.status_code in (400, 422)
    assert field_of(r) == "priority_offers[0].amount_pence"


async def test_another_centres_case_is_not_found(two_centres: tuple[Api, Api]) -> None:
    a, b = two_centres
    _, base, card, _ = await setup_case(a)
    for url in (
        f"{base}/debts",
        f"{base}/debts/{card}",
        f"{base}/budget",
        f"{base}/options",
        f"{base}/sfs",
        f"{base}/letters",
        f"{base}/advice",
    ):
        r = await b.get(url)
        assert r.status_code == 404, (url, r.text)
    r = await b.post(f"{base}/debts", {"debt_type": "rent", "balance_pence": 1})
    assert r.status_code == 404
    r = await b.get(f"/api/v1/creditors/{uuid.uuid4()}")
    assert r.status_code == 404
    assert (await b.get("/api/v1/creditors")).json()["total"] == 0


# --------------------------------------------------------------------------- CLI


def test_cli_sfs_export_import_and_reference_load(tmp_path: Path) -> None:
    """``cma sfs export|import`` and ``cma reference load`` on the embedded default."""
    from importlib import resources

    from tests.integration.test_cli import _with_container
    from typer.testing import CliRunner

    from cma_core.budgets.model import Budget, Household, Tenure
    from cma_core.budgets.ports import SfsStatementDetails
    from cma_core.cases.service import OpenCase
    from cma_core.clients.service import RegisterClient
    from cma_core.identity.model import TenantContext
    from cma_core.shared.money import Money
    from cma_entrypoints.cli.main import app

    env: dict[str, str | None] = {
        "CMA_DATA_DIR": str(tmp_path / "data"),
        "CMA_DATABASE_URL": None,
        "CMA_REDIS_URL": None,
        "CMA_SECRET_KEY": None,
        "CMA_ARGON2_TIME_COST": "1",
        "CMA_ARGON2_MEMORY_COST": "8192",
    }
    runner = CliRunner()

    def cma(*args: str) -> Any:
        return runner.invoke(app, list(args), env=env)

    assert cma("migrate").exit_code == 0
    made = cma("centre", "create", "Leeds", "--json")
    centre = CentreId(uuid.UUID(json.loads(made.stdout)["id"]))

    async def seed(c: Any) -> tuple[str, str]:
        ctx = TenantContext.system(centre)
        client = await c.clients().register(
            ctx,
            RegisterClient(first_name="Ann", last_name="Lee", date_of_birth=dt.date(1984, 3, 2)),
        )
        first = await c.cases().open(ctx, OpenCase(client_id=client.id, adviser_id=None))
        second = await c.cases().open(ctx, OpenCase(client_id=client.id, adviser_id=None))
        b = Budget(household=Household(tenure=Tenure.OWNER), asset_use_considered=True)
        b.set_line("state_pension", Money(80000))
        b.set_line("groceries", Money(25000))
        b.set_savings_contribution(Money(0))
        await c.budgets().put(
            ctx,
            first.id,
            b,
            details=SfsStatementDetails(client_employment_status=("Retired",)),
            expected_version=0,
        )
        return str(first.id), str(second.id)

    first, second = _with_container(env, seed)
    out = tmp_path / "sfs.xml"
    r = cma("sfs", "export", "--centre", str(centre), "--case", first, "-o", str(out))
    assert r.exit_code == 0, r.output
    validate_xml(out.read_bytes())
    r = cma("sfs", "import", str(out), "--centre", str(centre), "--case", second, "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["total_income_pence"] == 80000

    example = resources.files("cma_core.reference").joinpath("example_spending_guidelines.csv")
    guidelines = tmp_path / "guidelines.csv"
    guidelines.write_text(example.read_text("utf-8"))
    r = cma("reference", "load", "--centre", str(centre), "--guidelines", str(guidelines))
    assert r.exit_code == 0, r.output
    guidelines.write_text(
        "valid_from,valid_to,adults,children,category,monthly_pence,source\n"
        "2026-04-06,,1,0,yachts,1,X\n"
    )
    r = cma("reference", "load", "--centre", str(centre), "--guidelines", str(guidelines), "--json")
    assert r.exit_code == 2
    assert json.loads(r.stdout)["error"]["field"] == "guidelines[0].category"
