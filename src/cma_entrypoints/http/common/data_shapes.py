"""Response shapes of the debt-advice routes (debts, budgets, solutions, advice), for
OpenAPI and for checking responses; shared because one worked case gives all their
examples.

Facts, appraisals, offer plans and advice records are sent as ``to_data(record)``: the
attrs record's fields, money as ``<name>_pence``, enums as their values, dates as ISO
strings. The Structs here are derived from the same attrs classes by the same rules, so
the documented shape cannot drift from what ``to_data`` sends (tests decode real
responses with them, unknown fields forbidden). The JSON itself is still built by
``to_data``: documenting it did not change a byte of it.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
import uuid
from typing import Any

import attrs
import msgspec
from litestar.openapi.datastructures import ResponseSpec
from msgspec import Struct

from cma_core.advice.ports import AdviceRecord, ClientDecision, ConsideredOption
from cma_core.budgets.model import Budget, BudgetSummary
from cma_core.budgets.offers import OfferKind
from cma_core.budgets.ports import OfferLine, OfferPlanRecord, SfsStatementDetails
from cma_core.debts.model import DebtId
from cma_core.debts.ports import CaseFinancialFacts
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.data import from_data, to_data
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import Appraisal, CaseFacts, Solution
from cma_core.solutions.ports import AppraisalRecord
from cma_core.solutions.rules import appraise
from cma_entrypoints.http.common.examples import JsonExample

_SCALARS = (bool, int, str, float, dt.datetime, dt.date, uuid.UUID)


def _data_type(tp: Any) -> Any:
    """The msgspec type of ``to_data`` applied to a value of type ``tp``."""
    while hasattr(tp, "__supertype__"):  # NewType ids
        tp = tp.__supertype__
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any or tp is None or tp is type(None):
        return tp
    if tp is Money:
        return int
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp
    if tp in _SCALARS:
        return tp
    if isinstance(tp, type) and attrs.has(tp):
        return data_struct(tp)
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(lambda a, b: a | b, [_data_type(a) for a in args])
    if origin in (tuple, list, frozenset, set):
        return list[_data_type(args[0])] if args else list[Any]  # type: ignore[misc]
    if origin is dict:
        return dict[str, _data_type(args[1])]  # type: ignore[misc]
    if origin is typing.Literal:
        return tp
    msg = f"no data shape for {tp!r}"
    raise TypeError(msg)


@functools.cache
def data_struct(cls: type) -> type[Struct]:
    """A Struct with the fields ``to_data`` gives an instance of the attrs class ``cls``."""
    hints = typing.get_type_hints(cls)
    fields: list[tuple[str, Any]] = []
    for f in attrs.fields(cls):
        if not f.init:
            continue
        tp = hints[f.name]
        name = f.alias or f.name
        base = _data_type(tp)
        money = tp is Money or Money in typing.get_args(tp)
        fields.append((f"{name}_pence" if money else name, base))
    doc = (cls.__doc__ or "").strip() or None
    struct = msgspec.defstruct(cls.__name__, fields, forbid_unknown_fields=True, module=__name__)
    struct.__doc__ = doc
    return struct


FactsOut = data_struct(CaseFinancialFacts)
AppraisalOut = data_struct(Appraisal)
AppraisalRecordOut = data_struct(AppraisalRecord)
OfferPlanOut = data_struct(OfferPlanRecord)
AdviceOut = data_struct(AdviceRecord)
BudgetData = data_struct(Budget)
BudgetSummaryData = data_struct(BudgetSummary)
SfsDetailsData = data_struct(SfsStatementDetails)


class GuidelineOut(Struct, forbid_unknown_fields=True):
    category: str
    spent_pence: int
    guideline_pence: int | None
    status: str
    flagged: bool
    message: str | None


class DeficitNoteOut(Struct, forbid_unknown_fields=True):
    id: str
    title: str
    text: str
    source: str


class DeficitOut(Struct, forbid_unknown_fields=True):
    """A budget in deficit: the monthly shortfall and the options to advise on, cited."""

    shortfall_pence: int
    message: str
    notes: list[DeficitNoteOut]


class BudgetOut(Struct, forbid_unknown_fields=True):
    """The case's SFS budget with its monthly summary and spending-guideline checks."""

    case_id: uuid.UUID
    budget: BudgetData  # type: ignore[valid-type]
    details: SfsDetailsData  # type: ignore[valid-type]
    summary: BudgetSummaryData  # type: ignore[valid-type]
    guidelines_loaded: bool
    guidelines: list[GuidelineOut]
    deficit: DeficitOut | None
    completed_at: dt.datetime | None
    updated_at: dt.datetime
    version: int


def _page(item: Any, name: str) -> type[Struct]:
    return msgspec.defstruct(
        name,
        [
            ("items", list[item]),
            ("total", int),
            ("limit", int),
            ("offset", int),
            ("next_cursor", str | None, None),
        ],
        forbid_unknown_fields=True,
        module=__name__,
    )


AppraisalPage = _page(AppraisalRecordOut, "AppraisalPage")
OfferPlanPage = _page(OfferPlanOut, "OfferPlanPage")
AdvicePage = _page(AdviceOut, "AdvicePage")


# ------------------------------------------------------------------------------ examples
# Built by the domain code from one small case, so each example is a real response.

_CASE = uuid.UUID("6f1c2d3e-4a5b-4c6d-8e7f-901234567890")
_CENTRE = uuid.UUID("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d")
_USER = uuid.UUID("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a")
_DEBT = uuid.UUID("0b8e6a2c-4d8f-4f7e-9a57-1c2d3e4f5a6b")
_ON = dt.date(2026, 11, 28)
_AT = dt.datetime(2026, 11, 28, 10, 30, tzinfo=dt.UTC)


def _examples() -> dict[str, Any]:
    budget = from_data(
        Budget,
        {
            "lines": {
                "client_salary": {
                    "key": "client_salary",
                    "amount_pence": 32000,
                    "frequency": "weekly",
                },
                "rent": {"key": "rent", "amount_pence": 52000},
                "groceries": {"key": "groceries", "amount_pence": 35000},
            },
            "savings_contribution_pence": 1000,
            "savings_contribution_considered": True,
            "asset_use_considered": True,
        },
    )
    summary = budget.summary()
    facts = CaseFinancialFacts(
        case_id=CaseId(_CASE),
        centre_id=CentreId(_CENTRE),
        jurisdiction=Jurisdiction.EW,
        unable_to_pay_debts_as_due=True,
        created_at=_AT,
        updated_at=_AT,
        version=2,
    )
    appraisal = appraise(CaseFacts(jurisdiction=Jurisdiction.EW, on_date=_ON, budget=summary))
    saved = AppraisalRecord(
        id=uuid.UUID("3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"),
        centre_id=CentreId(_CENTRE),
        case_id=CaseId(_CASE),
        appraisal=appraisal,
        created_at=_AT,
        created_by=UserId(_USER),
    )
    plan = OfferPlanRecord(
        id=uuid.UUID("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b"),
        centre_id=CentreId(_CENTRE),
        case_id=CaseId(_CASE),
        on_date=_ON,
        jurisdiction=Jurisdiction.EW,
        available_for_priority=Money(12500),
        total_priority_offers=Money(2500),
        available_for_non_priority=Money(10000),
        uses_token_payments=False,
        lines=(
            OfferLine(
                debt_id=DebtId(_DEBT),
                creditor="Example Bank plc",
                kind=OfferKind.PRO_RATA,
                balance=Money(250000),
                amount=Money(10000),
            ),
        ),
        notes=(),
        created_at=_AT,
        created_by=UserId(_USER),
    )
    advice = AdviceRecord(
        id=uuid.UUID("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"),
        centre_id=CentreId(_CENTRE),
        case_id=CaseId(_CASE),
        jurisdiction=Jurisdiction.EW,
        on_date=_ON,
        options=tuple(
            ConsideredOption(solution=o.solution, status=o.status, reasons=())
            for o in appraisal.options[:2]
        ),
        recommended=Solution.DRO,
        reasons="Debts £18,400, surplus £12, assets under £2,000.",
        risks="Credit file affected for 6 years.",
        next_steps="Gather bank statements; book DRO appointment.",
        client_decision=ClientDecision.ACCEPTED,
        appraisal_id=saved.id,
        created_at=_AT,
        created_by=UserId(_USER),
    )
    budget_out = {
        "case_id": str(_CASE),
        "budget": to_data(budget),
        "details": to_data(SfsStatementDetails(client_employment_status=("Part-time",))),
        "summary": to_data(summary),
        "guidelines_loaded": True,
        "guidelines": [
            {
                "category": "food_housekeeping",
                "spent_pence": 35000,
                "guideline_pence": 42000,
                "status": "at_or_below",
                "flagged": False,
                "message": None,
            }
        ],
        "deficit": None,
        "completed_at": None,
        "updated_at": _AT.isoformat(),
        "version": 3,
    }

    def one(x: Any) -> dict[str, Any]:
        return {"items": [x], "total": 1, "limit": 50, "offset": 0}

    return {
        "facts": to_data(facts),
        "budget": budget_out,
        "appraisal": to_data(appraisal),
        "saved_appraisal": to_data(saved),
        "appraisals": one(to_data(saved)),
        "plan": to_data(plan),
        "plans": one(to_data(plan)),
        "advice": to_data(advice),
        "advice_page": one(to_data(advice)),
    }


#: One real response per shape (tests decode each with its Struct).
EXAMPLES = _examples()


def documented(
    status: int, shape: type[Any], example: str, summary: str
) -> dict[int, ResponseSpec]:
    """The success response's schema and a real example, for a handler that sends
    ``to_data`` output (its return annotation cannot name the shape)."""
    return {
        status: ResponseSpec(
            data_container=shape,
            description=shape.__doc__ or "Success",
            generate_examples=False,
            examples=[JsonExample(summary=summary, value=EXAMPLES[example])],
        )
    }
