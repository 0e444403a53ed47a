"""Settlements (CR-19), file reviews (CR-21), data-subject requests (CR-23) and complaints
(CR-24): each record, made through the use case an adviser would call, moves its rule's
finding once the worker has handled the change's event."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from tests.unit.casework.support import (
    Compliant,
    World,
    build_world,
    compliant_case,
    reviewed_last_quarter,
)

from cma_core.casework.breathing_space import BreathingSpaceDetails
from cma_core.casework.model import BreathingSpace, BsCheck, ComplaintKind, MoratoriumKind
from cma_core.casework.registers import ComplaintDetails, SettlementDetails
from cma_core.compliance.model import Status
from cma_core.compliance.records import breathing_space
from cma_core.identity.permissions import Role
from cma_core.privacy.requests import HoldReason, RequestKind
from cma_core.privacy.rights import RequestDetails
from cma_core.scheduling.deadlines import breathing_space_deadlines, breathing_space_start
from cma_core.scheduling.ports import DeadlineId, DeadlineStatus, FactId, TrackedDeadline
from cma_core.shared.errors import Conflict, NotFound, StaleVersion, ValidationError
from cma_core.shared.ids import CaseId, CentreId
from cma_core.shared.money import Money


@pytest.fixture
async def complete() -> tuple[World, Compliant]:
    world = build_world()
    return world, await compliant_case(world)


async def _status(world: World, c: Compliant, rule: str) -> Status:
    await world.work()
    return (await world.findings(c.ctx, c.case_id))[rule].status


async def test_cr19_moves_with_the_settlement_record(complete: tuple[World, Compliant]) -> None:
    world, c = complete
    today = world.app.clock.now().date()
    assert await _status(world, c, "CR-19") is Status.NOT_APPLICABLE
    debt = c.council.entry.id
    s = await world.registers.record_settlement(
        c.ctx,
        c.case_id,
        SettlementDetails(debt_id=debt, amount=Money(30000), paid_on=today),
    )
    assert s.creditor == "Leeds City Council"
    assert await _status(world, c, "CR-19") is Status.FAIL  # paid, no acceptance on file
    s = await world.registers.update_settlement(
        c.ctx,
        c.case_id,
        s.id,
        {"accepted_on": today - dt.timedelta(days=3)},
        expected_version=s.version,
    )
    assert await _status(world, c, "CR-19") is Status.PASS
    s = await world.registers.update_settlement(
        c.ctx, c.case_id, s.id, {"accepted_on": today}, expected_version=s.version
    )
    assert await _status(world, c, "CR-19") is Status.PASS  # same day: not before payment
    with pytest.raises(StaleVersion):
        await world.registers.update_settlement(
            c.ctx, c.case_id, s.id, {"paid_on": None}, expected_version=1
        )


async def test_settlements_are_validated(complete: tuple[World, Compliant]) -> None:
    world, c = complete
    today = world.app.clock.now().date()
    debt = c.council.entry.id
    bad = [
        (SettlementDetails(debt_id=c.case_id, amount=Money(100)), "debt_id"),
        (SettlementDetails(debt_id=debt, amount=Money(0)), "amount"),
        (
            SettlementDetails(
                debt_id=debt, amount=Money(100), paid_on=today + dt.timedelta(days=1)
            ),
            "paid_on",
        ),
        (
            SettlementDetails(debt_id=debt, amount=Money(100), acceptance_document_id=debt),
            "accepted_on",
        ),
        (
            SettlementDetails(
                debt_id=debt, amount=Money(100), accepted_on=today, acceptance_document_id=debt
            ),
            "acceptance_document_id",
        ),
    ]
    for details, field in bad:
        with pytest.raises(ValidationError) as err:
            await world.registers.record_settlement(c.ctx, c.case_id, details)
        assert err.value.field == field


async def test_cr24_moves_with_the_complaints_register(complete: tuple[World, Compliant]) -> None:
    world, c = complete
    today = world.app.clock.now().date()
    assert await _status(world, c, "CR-24") is Status.NOT_APPLICABLE
    old = today - dt.timedelta(days=60)
    complaint = await world.registers.record_complaint(
        c.ctx,
        c.case_id,
        ComplaintDetails(kind=ComplaintKind.SERVICE, received_on=old, summary="Slow reply"),
    )
    assert await _status(world, c, "CR-24") is Status.FAIL  # over 8 weeks, no final response
    complaint = await world.registers.update_complaint(
        c.ctx,
        c.case_id,
        complaint.id,
        {"final_response_on": old + dt.timedelta(days=50)},
        expected_version=complaint.version,
    )
    assert await _status(world, c, "CR-24") is Status.PASS
    dp = await world.registers.record_complaint(
        c.ctx,
        c.case_id,
        ComplaintDetails(
            kind=ComplaintKind.DATA_PROTECTION,
            received_on=today - dt.timedelta(days=31),
            summary="Letter to an old address",
        ),
    )
    if dp.received_on >= dt.date(2026, 6, 19):  # the DUA Act's acknowledgement duty
        assert await _status(world, c, "CR-24") is Status.FAIL
        await world.registers.update_complaint(
            c.ctx,
            c.case_id,
            dp.id,
            {"acknowledged_on": dp.received_on + dt.timedelta(days=2)},
            expected_version=dp.version,
        )
    assert await _status(world, c, "CR-24") is Status.PASS
    listed = await world.registers.list_complaints(c.ctx, c.case_id, open_only=True)
    assert [x.id for x in listed.items] == [dp.id]
    with pytest.raises(ValidationError) as err:
        await world.registers.update_complaint(
            c.ctx, c.case_id, dp.id, {"acknowledged_on": old}, expected_version=None
        )
    assert err.value.field == "acknowledged_on"  # before it was received


async def test_cr23_moves_with_the_request_register(complete: tuple[World, Compliant]) -> None:
    world, c = complete
    today = world.app.clock.now().date()
    case = await world.app.cases.get(c.ctx, c.case_id)
    assert await _status(world, c, "CR-23") is Status.NOT_APPLICABLE
    received = today - dt.timedelta(days=45)
    due = await world.rights.record_request(
        c.ctx, case.client_id, RequestDetails(kind=RequestKind.ACCESS, received_on=received)
    )
    assert due.overdue
    assert due.due_on < today
    assert await _status(world, c, "CR-23") is Status.FAIL
    # Extended in time (told within the first month): due three months on, not overdue.
    due = await world.rights.update_request(
        c.ctx,
        due.request.id,
        {"extended": True, "extension_notified_on": received + dt.timedelta(days=10)},
        expected_version=due.request.version,
    )
    assert not due.overdue
    assert due.due_on == due.extended_due_on
    assert await _status(world, c, "CR-23") is Status.PASS
    # Told too late: the extension does not count.
    due = await world.rights.update_request(
        c.ctx,
        due.request.id,
        {"extension_notified_on": received + dt.timedelta(days=40)},
        expected_version=due.request.version,
    )
    assert due.overdue
    assert await _status(world, c, "CR-23") is Status.FAIL
    await world.rights.update_request(
        c.ctx,
        due.request.id,
        {"extended": False, "extension_notified_on": None, "answered_on": received},
        expected_version=due.request.version,
    )
    assert await _status(world, c, "CR-23") is Status.PASS
    with pytest.raises(Conflict):
        async with world.app.uow(c.ctx.centre_id) as uow:
            await world.rights.answer_in(
                uow, c.ctx, due.request.id, case.client_id, frozenset({RequestKind.ACCESS})
            )


async def test_cr21_reads_the_advisers_qa_reviews() -> None:
    world = build_world()
    c = await compliant_case(world)
    assert await _status(world, c, "CR-21") is Status.PASS
    other = build_world()
    ctx, case_id = await other.case()
    await other.compliance.check_case(ctx.centre_id, case_id)
    finding = (await other.findings(ctx, case_id))["CR-21"]
    assert finding.status is Status.FAIL
    assert "0 file review" in finding.message
    await reviewed_last_quarter(other, ctx, reviews=1)  # the review's event re-evaluates
    finding = (await other.findings(ctx, case_id))["CR-21"]
    assert finding.status is Status.FAIL
    assert "1 file review" in finding.message
    await reviewed_last_quarter(other, ctx, reviews=1)  # the review's event re-evaluates
    assert (await other.findings(ctx, case_id))["CR-21"].status is Status.PASS


async def test_a_legal_hold_refuses_erasure_and_feeds_cr22(
    complete: tuple[World, Compliant],
) -> None:
    world, c = complete
    case = await world.app.cases.get(c.ctx, c.case_id)
    centre = await world.app.store.get_centre(c.ctx.centre_id)
    assert centre is not None
    admin = await world.app.staff(centre, Role.CENTRE_ADMIN)
    hold = await world.rights.place_hold(
        admin, client_id=case.client_id, reason=HoldReason.COMPLAINT
    )
    async with world.app.uow(c.ctx.centre_id) as uow:
        with pytest.raises(Conflict):
            await world.rights.check_not_held(uow, (c.case_id,), case.client_id)
    with pytest.raises(ValidationError):
        await world.rights.place_hold(admin, reason=HoldReason.OTHER)
    with pytest.raises(NotFound):
        await world.rights.place_hold(admin, case_id=admin.user_id, reason=HoldReason.OTHER)  # type: ignore[arg-type]
    released = await world.rights.release_hold(admin, hold.id, expected_version=hold.version)
    assert not released.active
    async with world.app.uow(c.ctx.centre_id) as uow:
        await world.rights.check_not_held(uow, (c.case_id,), case.client_id)
    with pytest.raises(Conflict):
        await world.rights.release_hold(admin, hold.id, expected_version=released.version)


async def test_cr15_moves_with_the_breathing_space_record(
    complete: tuple[World, Compliant],
) -> None:
    world, c = complete
    today = world.app.clock.now().date()
    assert await _status(world, c, "CR-15") is Status.NOT_APPLICABLE
    applied = today - dt.timedelta(days=5)
    b = await world.registers.record_breathing_space(
        c.ctx,
        c.case_id,
        BreathingSpaceDetails(kind=MoratoriumKind.MENTAL_HEALTH_CRISIS, applied_on=applied),
    )
    assert await _status(world, c, "CR-15") is Status.FAIL  # no checks, no advice recorded
    crisis_checks = frozenset(BsCheck) - {BsCheck.NO_STANDARD_BS_IN_12_MONTHS}  # reg 30(3)
    b = await world.registers.update_breathing_space(
        c.ctx,
        c.case_id,
        b.id,
        {"checks_confirmed": crisis_checks, "advice_on": applied},
        expected_version=b.version,
    )
    assert await _status(world, c, "CR-15") is Status.PASS
    b = await world.registers.update_breathing_space(
        c.ctx, c.case_id, b.id, {"advice_on": today}, expected_version=b.version
    )
    assert await _status(world, c, "CR-15") is Status.FAIL  # advice after the application
    with pytest.raises(StaleVersion):
        await world.registers.update_breathing_space(
            c.ctx, c.case_id, b.id, {"advice_on": applied}, expected_version=1
        )
    with pytest.raises(ValidationError) as err:
        await world.registers.update_breathing_space(
            c.ctx, c.case_id, b.id, {"colour": "red"}, expected_version=b.version
        )
    assert err.value.field == "colour"
    other, _ = await world.case("Elsewhere")
    with pytest.raises(NotFound):
        await world.registers.get_breathing_space(other, c.case_id, b.id)


def test_the_moratorium_starts_on_the_case_clocks_day_one() -> None:
    applied = dt.date(2026, 10, 1)
    record = BreathingSpace(
        id=uuid.uuid4(),
        centre_id=CentreId(uuid.uuid4()),
        case_id=CaseId(uuid.uuid4()),
        kind=MoratoriumKind.STANDARD,
        applied_on=applied,
        created_at=dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
        updated_at=dt.datetime(2026, 10, 1, tzinfo=dt.UTC),
    )
    assert breathing_space([], []) is None
    assert breathing_space([record], []).start_on is None  # type: ignore[union-attr]

    def tracked(start: dt.date) -> list[TrackedDeadline]:
        return [
            TrackedDeadline(
                id=DeadlineId(uuid.uuid4()),
                centre_id=record.centre_id,
                case_id=record.case_id,
                fact_id=FactId(uuid.uuid4()),
                deadline=d,
                adviser_id=None,
                status=DeadlineStatus.OPEN,
                created_at=record.created_at,
            )
            for d in breathing_space_deadlines(start)
        ]

    earlier = tracked(dt.date(2025, 3, 1))  # an older moratorium of the same case
    now = tracked(breathing_space_start(dt.date(2026, 10, 2)))
    found = breathing_space([record], earlier + now)
    assert found is not None
    assert found.start_on == dt.date(2026, 10, 3)
    assert found.kind.value == "standard"
