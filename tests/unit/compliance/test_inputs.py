"""The case file's advice sections carry the advice domain's own types."""

from __future__ import annotations

import datetime as dt
import uuid

from cma_core.compliance.inputs import dro_result, options_of
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, CentreId
from cma_core.solutions.model import (
    SOLUTIONS_BY_JURISDICTION,
    Appraisal,
    Eligibility,
    Finding,
    OptionResult,
    Reason,
    Solution,
)
from cma_core.solutions.ports import AppraisalRecord

D = dt.date
AT = dt.datetime(2026, 11, 28, 10, tzinfo=dt.UTC)


def appraisal_record(
    jurisdiction: Jurisdiction, on: dt.date, finding: Finding = Finding.PASS, *, minute: int = 0
) -> AppraisalRecord:
    options = tuple(
        OptionResult(
            solution=s,
            jurisdiction=jurisdiction,
            on_date=on,
            reasons=(Reason(rule_id="X-1", finding=finding, message=f"{s} considered"),),
        )
        for s in SOLUTIONS_BY_JURISDICTION[jurisdiction]
    )
    return AppraisalRecord(
        id=uuid.uuid4(),
        centre_id=CentreId(uuid.UUID(int=1)),
        case_id=CaseId(uuid.UUID(int=2)),
        appraisal=Appraisal(jurisdiction=jurisdiction, on_date=on, options=options),
        created_at=AT + dt.timedelta(minutes=minute),
        created_by=None,
    )


def test_options_are_solutions_model_kinds() -> None:
    options = options_of([appraisal_record(Jurisdiction.SCO, D(2026, 11, 28))], None)
    assert options is not None
    kinds = [o.solution for o in options]
    assert all(isinstance(k, Solution) for k in kinds)
    # The saved appraisal's own names, not a second vocabulary's.
    assert Solution.TRUST_DEED in kinds
    assert Solution.FULL_AND_FINAL_SETTLEMENT in kinds
    assert Solution.NO_SOLUTION_NEEDED not in kinds


def test_both_moratoria_read_as_one_breathing_space_option() -> None:
    options = options_of([appraisal_record(Jurisdiction.EW, D(2026, 11, 28))], None)
    assert options is not None
    kinds = [o.solution for o in options]
    assert kinds.count(Solution.BREATHING_SPACE) == 1
    assert Solution.MENTAL_HEALTH_CRISIS_MORATORIUM not in kinds


def test_cr14_reads_the_latest_saved_appraisals_dro_result() -> None:
    older = appraisal_record(Jurisdiction.EW, D(2026, 11, 1), Finding.PASS)
    newer = appraisal_record(Jurisdiction.EW, D(2026, 11, 28), Finding.FAIL)
    same_day_later = appraisal_record(Jurisdiction.EW, D(2026, 11, 1), Finding.PASS, minute=5)
    result = dro_result([newer, older, same_day_later])
    assert result is not None
    assert result.solution is Solution.DRO
    assert result.on_date == D(2026, 11, 28)
    assert result.status is Eligibility.NOT_ELIGIBLE
    assert dro_result([]) is None
    # Scotland has no DRO: nothing for CR-14 to read (CR-05 fails a recommended one).
    assert dro_result([appraisal_record(Jurisdiction.SCO, D(2026, 11, 28))]) is None
