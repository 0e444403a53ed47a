"""Facts the rules need that the case clock now records: the end of crisis treatment (the
mental-health crisis moratorium ends 30 days later) and a creditor's bankruptcy petition
(the petition debt minimum and deposit from the versioned thresholds, the hearing as a
dated threat with a task before it)."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from tests.unit.scheduling.test_scheduling_services import World

from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.reference.thresholds import default_thresholds
from cma_core.scheduling import deadlines as dl
from cma_core.scheduling.petition import DEPOSIT, MIN_DEBT, check_petition
from cma_core.scheduling.ports import DeadlineStatus, FactKind
from cma_core.scheduling.service import RecordFact
from cma_core.shared.errors import ValidationError


@pytest.fixture
def world() -> World:
    return World()


def test_the_crisis_moratorium_ends_thirty_days_after_treatment() -> None:
    end = dl.mhcm_end(dt.date(2026, 1, 31))
    assert end.due == dt.date(2026, 3, 2)  # 30 calendar days, across February
    assert end.kind is dl.DeadlineKind.MHCM_END
    assert "30 days" in end.rule


def test_the_petition_figures_come_from_the_versioned_thresholds() -> None:
    table = default_thresholds()
    minimum = table.value_in_force(Jurisdiction.EW, MIN_DEBT, dt.date(2026, 1, 1)).value
    deposit = table.value_in_force(Jurisdiction.EW, DEPOSIT, dt.date(2026, 1, 1)).value
    check = check_petition(dt.date(2026, 1, 1), {"debt_pence": minimum, "deposit_pence": deposit})
    assert (check.below_minimum, check.notes) == (False, ())
    low = check_petition(dt.date(2026, 1, 1), {"debt_pence": minimum - 1})
    assert low.below_minimum
    assert "below" in low.notes[0]
    odd = check_petition(dt.date(2026, 1, 1), {"debt_pence": minimum, "deposit_pence": 1})
    assert "deposit" in odd.notes[0]
    # Before the deposit's figure was in force (2022-11-01) none is on file: said, not guessed.
    old = check_petition(dt.date(2022, 10, 1), {"debt_pence": minimum})
    assert old.deposit_in_force is None
    assert "no petition deposit figure" in old.notes[0]
    with pytest.raises(ValidationError) as err:
        check_petition(dt.date(2026, 1, 1), {"debt_pence": "5000"})
    assert err.value.field == "details.debt_pence"


async def test_recording_the_facts_starts_the_clock(world: World) -> None:
    ctx, case = await world.setup()
    _, tracked = await world.scheduling.record_fact(  # type: ignore[attr-defined]
        ctx,
        case.id,
        RecordFact(kind=FactKind.CRISIS_TREATMENT_ENDED, occurred_on=dt.date(2026, 11, 2)),
    )
    [end] = tracked
    assert end.deadline.due == dt.date(2026, 12, 2)
    assert end.status is DeadlineStatus.INFO  # a limit to know, not an act: no task

    fact, tracked = await world.scheduling.record_fact(  # type: ignore[attr-defined]
        ctx,
        case.id,
        RecordFact(
            kind=FactKind.CREDITOR_PETITION,
            occurred_on=dt.date(2026, 11, 10),
            details={"debt_pence": 480000, "deposit_pence": 150000, "hearing_on": "2026-12-15"},
        ),
    )
    [hearing] = tracked
    assert hearing.deadline.due == dt.date(2026, 12, 15)
    assert hearing.status is DeadlineStatus.OPEN
    assert hearing.task_id is not None  # CR-04 wants a task before the hearing
    assert "below the £5,000.00 minimum" in hearing.deadline.rule
    assert fact.details["below_minimum"] is True
    assert fact.details["minimum_pence"] == 500000

    with pytest.raises(ValidationError) as err:
        await world.scheduling.record_fact(  # type: ignore[attr-defined]
            ctx,
            case.id,
            RecordFact(
                kind=FactKind.CREDITOR_PETITION,
                occurred_on=dt.date(2026, 11, 10),
                details={"debt_pence": 600000, "hearing_on": "2026-11-01"},
            ),
        )
    assert err.value.field == "details.hearing_on"


def test_a_jurisdiction_without_petition_figures_is_recorded_unchecked() -> None:
    check = check_petition(dt.date(2026, 1, 1), {"debt_pence": 100}, jurisdiction=Jurisdiction.SCO)
    assert check.minimum is None
    assert not check.below_minimum  # not claimed either way
    assert "was not checked" in check.notes[0]


async def test_the_petition_is_checked_against_the_centres_loaded_thresholds(
    world: World,
) -> None:
    from importlib import resources

    from cma_adapters.memory.factories import repository_factories
    from cma_core.reference.ports import CentreReference

    ctx, case = await world.setup()
    text = resources.files("cma_core.reference").joinpath("thresholds.json").read_text()
    records = json.loads(text)["records"]
    for r in records:
        if r["param"] == MIN_DEBT:
            r["value"] = 750000  # this centre's table: a £7,500 minimum
    scheduling = attrs.evolve(world.scheduling, **repository_factories("reference"))
    async with world.uow(ctx.centre_id) as uow:
        await repository_factories("reference")["reference"](uow).add(
            CentreReference(
                centre_id=ctx.centre_id,
                thresholds_json=json.dumps({"records": records}),
                created_at=world.clock.now(),
                updated_at=world.clock.now(),
            )
        )
        await uow.commit()
    fact, _ = await scheduling.record_fact(
        ctx,
        case.id,
        RecordFact(
            kind=FactKind.CREDITOR_PETITION,
            occurred_on=dt.date(2026, 11, 10),
            details={"debt_pence": 600000},
        ),
    )
    assert fact.details["minimum_pence"] == 750000
    assert fact.details["below_minimum"] is True  # above the shipped £5,000, below theirs
