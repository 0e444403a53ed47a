"""The casework use cases on the in-memory adapters: validation naming the field,
If-Match, paging and filters, audit and events, sensitive parts, tenancy."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.unit.casework.support import REPORT_CSV, World, build_world

from cma_core.casework.model import Channel, Direction, LineDecision, Party, Purpose
from cma_core.casework.service import (
    AccountDetails,
    ContactDetails,
    ContactFilter,
    ScreeningDetails,
)
from cma_core.debts.model import DebtType
from cma_core.identity.model import TenantContext
from cma_core.identity.permissions import Role
from cma_core.shared.errors import (
    Conflict,
    NotFound,
    PermissionDenied,
    StaleVersion,
    ValidationError,
)
from cma_core.shared.ids import CaseId
from cma_core.shared.money import Money
from cma_core.solutions.model import Solution


@pytest.fixture
def world() -> World:
    return build_world()


def call(at: dt.datetime, **kw: object) -> ContactDetails:
    values: dict[str, object] = {
        "at": at,
        "channel": Channel.PHONE,
        "direction": Direction.INBOUND,
        "party": Party.CLIENT,
        "with_whom": "Client",
        "summary": "Rang about arrears",
    }
    values.update(kw)
    return ContactDetails(**values)  # type: ignore[arg-type]


async def test_contacts_are_logged_audited_and_listed_newest_first_with_filters(
    world: World,
) -> None:
    ctx, case_id = await world.case()
    now = world.app.clock.now()
    first = await world.casework.log_contact(ctx, case_id, call(now - dt.timedelta(days=2)))
    letter = await world.casework.log_contact(
        ctx,
        case_id,
        call(
            now - dt.timedelta(days=1),
            channel=Channel.LETTER,
            direction=Direction.OUTBOUND,
            party=Party.CREDITOR,
            with_whom="Example Bank",
            purpose=Purpose.FOLLOW_UP,
        ),
    )
    page = await world.casework.list_contacts(ctx, case_id, ContactFilter(), limit=1)
    assert page.total == 2
    assert [c.id for c in page.items] == [letter.id]
    only = await world.casework.list_contacts(ctx, case_id, ContactFilter(party=Party.CLIENT))
    assert [c.id for c in only.items] == [first.id]
    since = await world.casework.list_contacts(
        ctx, case_id, ContactFilter(since=now - dt.timedelta(hours=30))
    )
    assert [c.id for c in since.items] == [letter.id]
    audit = await world.app.audit(ctx.centre_id, entity_type="contact")
    assert [a.action for a in audit] == ["contact.logged", "contact.logged"]
    events = world.app.published("CaseworkChanged")
    assert [e.payload["record"] for e in events] == ["contact", "contact"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"with_whom": "  "}, "with_whom"),
        ({"summary": ""}, "summary"),
        ({"summary": "x" * 4001}, "summary"),
        ({"at": dt.datetime(2030, 1, 1, tzinfo=dt.UTC)}, "at"),
        ({"at": dt.datetime(2026, 1, 1)}, "at"),
    ],
)
async def test_a_bad_contact_names_the_field(
    world: World, change: dict[str, object], field: str
) -> None:
    ctx, case_id = await world.case()
    details = call(world.app.clock.now())
    with pytest.raises(ValidationError) as err:
        await world.casework.log_contact(
            ctx,
            case_id,
            ContactDetails(**{**_fields(details), **change}),  # type: ignore[arg-type]
        )
    assert err.value.field == field


def _fields(d: ContactDetails) -> dict[str, object]:
    import attrs

    return attrs.asdict(d, recurse=False)


async def test_a_contact_links_only_a_document_of_its_case(world: World) -> None:
    import uuid

    ctx, case_id = await world.case()
    with pytest.raises(ValidationError) as err:
        await world.casework.log_contact(
            ctx, case_id, call(world.app.clock.now(), document_id=uuid.uuid4())
        )
    assert err.value.field == "document_id"


async def test_editing_a_contact_checks_its_version(world: World) -> None:
    ctx, case_id = await world.case()
    contact = await world.casework.log_contact(ctx, case_id, call(world.app.clock.now()))
    with pytest.raises(StaleVersion):
        await world.casework.update_contact(
            ctx, case_id, contact.id, {"summary": "new"}, expected_version=5
        )
    with pytest.raises(ValidationError) as err:
        await world.casework.update_contact(
            ctx, case_id, contact.id, {"created_by": None}, expected_version=1
        )
    assert err.value.field == "created_by"
    changed = await world.casework.update_contact(
        ctx, case_id, contact.id, {"summary": "Rang about council tax"}, expected_version=1
    )
    assert changed.version == 2
    assert changed.summary == "Rang about council tax"
    audit = await world.app.audit(ctx.centre_id, entity_type="contact")
    assert audit[-1].action == "contact.updated"
    assert audit[-1].fields == ("summary",)


async def test_checklist_ticks_record_who_and_when_and_values_are_checked(world: World) -> None:
    ctx, case_id = await world.case()
    view = await world.casework.get_checklist(ctx, case_id)
    assert view.record.version == 0
    assert "authority_to_act" in view.missing
    with pytest.raises(ValidationError) as err:
        await world.casework.tick(ctx, case_id, "lawful_basis", value="vibes", expected_version=0)
    assert err.value.field == "value"
    with pytest.raises(ValidationError) as err:
        await world.casework.tick(ctx, case_id, "no_such_item", expected_version=0)
    assert err.value.field == "item"
    with pytest.raises(ValidationError) as err:
        await world.casework.tick(ctx, case_id, "privacy_notice", value="x", expected_version=0)
    assert err.value.field == "value"
    view = await world.casework.tick(ctx, case_id, "privacy_notice", expected_version=0)
    tick = view.record.tick_of("privacy_notice")
    assert tick is not None
    assert tick.by == ctx.user_id
    assert tick.done_at == world.app.clock.now()
    with pytest.raises(StaleVersion):
        await world.casework.tick(ctx, case_id, "authority_to_act", expected_version=0)
    view = await world.casework.untick(ctx, case_id, "privacy_notice", expected_version=1)
    assert view.record.tick_of("privacy_notice") is None
    with pytest.raises(NotFound):
        await world.casework.untick(ctx, case_id, "privacy_notice", expected_version=2)


async def test_screening_content_is_sensitive(world: World) -> None:
    ctx, case_id = await world.case()
    today = world.app.clock.now().date()
    with pytest.raises(ValidationError) as err:
        await world.casework.record_screening(
            ctx, case_id, ScreeningDetails(on=today, drivers=("bad_luck",))
        )
    assert err.value.field == "drivers[0]"
    with pytest.raises(ValidationError) as err:
        await world.casework.record_screening(
            ctx, case_id, ScreeningDetails(on=today, answers={"texas_zzz": "x"})
        )
    assert err.value.field == "answers.texas_zzz"
    view = await world.casework.record_screening(
        ctx,
        case_id,
        ScreeningDetails(
            on=today,
            drivers=("health",),
            answers={"idea_impact": "Cannot open post"},
            adjustments=("Calls, not letters",),
        ),
    )
    centre = await world.app.store.get_centre(ctx.centre_id)
    assert centre is not None
    auditor = await world.app.staff(centre, Role.AUDITOR)
    seen = await world.casework.get_screening(auditor, case_id, view.screening.id)
    assert seen.screening.drivers == ()
    assert seen.screening.answers == {}
    assert "drivers" in seen.withheld
    with pytest.raises(PermissionDenied):
        await world.casework.record_screening(
            _without_sensitive_write(ctx), case_id, ScreeningDetails(on=today, drivers=("health",))
        )
    # Without content, anyone who writes to the case may record that screening happened.
    bare = await world.casework.record_screening(
        _without_sensitive_write(ctx), case_id, ScreeningDetails(on=today)
    )
    assert bare.screening.drivers == ()


def _without_sensitive_write(ctx: TenantContext) -> TenantContext:
    return TenantContext(
        centre_id=ctx.centre_id, user_id=ctx.user_id, roles=frozenset({Role.CASEWORKER})
    )


async def test_credit_report_lines_become_debts_only_when_accepted(world: World) -> None:
    ctx, case_id = await world.case()
    report = await world.casework.import_credit_report(
        ctx, case_id, filename="report.csv", content=REPORT_CSV.encode(), agency="Experian"
    )
    assert [x.decision for x in report.lines] == [LineDecision.PENDING] * 2
    assert (await world.debts.list_debts(ctx, case_id)).total == 0
    report = await world.casework.decide_line(
        ctx,
        case_id,
        report.id,
        1,
        accept=True,
        debt_type=DebtType.STORE_CARD,
        expected_version=report.version,
    )
    line = report.line(1)
    assert line is not None
    assert line.decision is LineDecision.ACCEPTED
    debts = (await world.debts.list_debts(ctx, case_id)).items
    assert [(d.entry.debt.debt_type, d.entry.debt.balance) for d in debts] == [
        (DebtType.STORE_CARD, Money(150000))
    ]
    assert debts[0].entry.id == line.debt_id
    assert debts[0].entry.debt.last_payment_date == dt.date(2025, 2, 1)
    assert debts[0].creditor is not None
    assert debts[0].creditor.name == "Example Bank"
    with pytest.raises(Conflict):
        await world.casework.decide_line(
            ctx, case_id, report.id, 1, accept=True, expected_version=report.version
        )
    with pytest.raises(ValidationError) as err:
        await world.casework.decide_line(
            ctx, case_id, report.id, 2, accept=False, expected_version=report.version
        )
    assert err.value.field == "reason"
    report = await world.casework.decide_line(
        ctx, case_id, report.id, 2, accept=False, reason="Paid", expected_version=report.version
    )
    assert report.lines[1].decision is LineDecision.REJECTED
    assert (await world.debts.list_debts(ctx, case_id)).total == 1
    assert [e.name for e in world.app.publisher.published].count("DebtAdded") == 1


async def test_manual_credit_report_and_json_import(world: World) -> None:
    ctx, case_id = await world.case()
    manual = await world.casework.record_credit_report(
        ctx,
        case_id,
        agency="TransUnion",
        report_on=None,
        checked_on=None,
        accounts=[
            AccountDetails(lender="Shop", account_type="Store Card", balance=Money(1000)),
            AccountDetails(lender="Bank", account_type="Loan", balance=Money(0), status="Settled"),
        ],
    )
    assert [x.decision for x in manual.lines] == [LineDecision.PENDING, LineDecision.NOT_A_DEBT]
    doc = {
        "agency": "Equifax",
        "report_date": "2026-02-20",
        "accounts": [{"lender": "Energy Co", "account_type": "Utilities - Electricity",
                      "balance": "84.10"}],
    }  # fmt: skip
    imported = await world.casework.import_credit_report(
        ctx, case_id, filename="eq.json", content=json.dumps(doc).encode()
    )
    assert imported.agency == "Equifax"
    assert imported.report_on == dt.date(2026, 2, 20)
    assert imported.lines[0].suggested_type is DebtType.ELECTRICITY
    assert imported.lines[0].balance == Money(8410)
    page = await world.casework.list_credit_reports(ctx, case_id)
    assert page.total == 2


async def test_eligibility_decisions_replace_per_option(world: World) -> None:
    ctx, case_id = await world.case()
    first = await world.casework.decide_option(
        ctx, case_id, Solution.IVA, eligible=False, reason="No surplus", expected_version=None
    )
    assert first.version == 1
    with pytest.raises(ValidationError) as err:
        await world.casework.decide_option(
            ctx, case_id, Solution.IVA, eligible=True, reason=" ", expected_version=1
        )
    assert err.value.field == "reason"
    second = await world.casework.decide_option(
        ctx, case_id, Solution.IVA, eligible=True, reason="Lump sum", expected_version=1
    )
    assert [(d.solution, d.eligible) for d in second.decisions] == [(Solution.IVA, True)]


async def test_another_centre_sees_none_of_it(world: World) -> None:
    ctx, case_id = await world.case("Leeds")
    other, _ = await world.case("York")
    contact = await world.casework.log_contact(ctx, case_id, call(world.app.clock.now()))
    for attempt in (
        world.casework.get_contact(other, case_id, contact.id),
        world.casework.list_contacts(other, case_id, ContactFilter()),
        world.casework.get_checklist(other, case_id),
        world.casework.list_screenings(other, case_id),
        world.casework.list_credit_reports(other, case_id),
        world.casework.get_eligibility(other, case_id),
        world.casework.log_contact(other, CaseId(case_id), call(world.app.clock.now())),
    ):
        with pytest.raises(NotFound):
            await attempt
