"""Every closed set of the API described, value by value, in the OpenAPI document; and the
allowed values of a field, for the 422 a value outside its set gets.

A closed set is a ``StrEnum`` of the core. Its values and their descriptions are written
into the document by :func:`describe_enums` (``x-enum-descriptions``, a map value →
description, as several generators read it, and a list in the schema's ``description``).
The labels letters print (``advice.wording``, the SFS line catalogue) are reused; the rest
are written here. ``tests/e2e/test_openapi_enums.py`` walks the document and fails on any
enum without a description for each value, so a new closed set cannot go undescribed.

The SFS line keys and categories are closed sets too, as the keys of the budget's
``lines`` and ``category_notes`` objects: they are written as ``propertyNames`` enums.
"""

from __future__ import annotations

import enum
import functools
import re
import typing
from collections.abc import Iterable, Mapping
from typing import Any

import msgspec
from litestar import Request

from cma_core.advice.ports import ClientDecision, LetterFormat, LetterKind
from cma_core.advice.wording import (
    DEBT_TYPE_LABELS,
    ELIGIBILITY_LABELS,
    JURISDICTION_LABELS,
    ROLE_LABELS,
    SOLUTION_LABELS,
)
from cma_core.assets.model import HomeTenure, Outcome, ProcedureKind
from cma_core.budgets.catalogue import CATEGORIES, LINES, Category, Section
from cma_core.budgets.frequency import Frequency
from cma_core.budgets.model import Tenure
from cma_core.budgets.offers import OfferKind
from cma_core.budgets.ports import SfsFormat
from cma_core.cases.model import CaseStatus, CloseReason
from cma_core.casework.model import (
    BsCheck,
    Channel,
    ComplaintKind,
    Direction,
    LineDecision,
    MidwayOutcome,
    MoratoriumKind,
    Party,
    Purpose,
    ReportSource,
)
from cma_core.clients.model import Vulnerability
from cma_core.compliance.history import Interval
from cma_core.compliance.model import Severity, Status
from cma_core.compliance.qa import Answer
from cma_core.debts.ccj import RegisterOutcome
from cma_core.debts.model import EnforcementStage, Ownership
from cma_core.debts.priority import TREATMENT_LABELS
from cma_core.debts.service import FormatSource
from cma_core.documents.model import (
    DocumentClass,
    DocumentStatus,
    SuggestionKind,
    SuggestionStatus,
    Verdict,
)
from cma_core.privacy.requests import HoldReason, HoldSubject, RequestKind
from cma_core.readmodels.model import TimelineKind, WorkSection
from cma_core.reference.thresholds import SourceTag, Unit
from cma_core.scheduling.appointments import AppointmentKind
from cma_core.scheduling.conflicts import ConflictKind
from cma_core.scheduling.ports import DeadlineStatus, FactKind, ReminderStatus
from cma_core.scheduling.reminders import Audience
from cma_core.scheduling.reminders import Channel as ReminderChannel
from cma_core.search.model import SearchKind
from cma_core.solutions.model import Finding
from cma_core.tasks.model import TaskKind, TaskPriority, TaskSort, TaskStatus

_WRITTEN: dict[type[enum.Enum], Mapping[str, str]] = {
    LetterFormat: {
        "html": "A whole HTML page (the default).",
        "pdf": "A PDF with the fonts embedded.",
    },
    LetterKind: {
        "advice_summary": "The written advice to the client (options, recommendation, steps).",
        "offer_of_payment": "An offer of payment to a creditor, with the SFS budget.",
        "breathing_space_hold": "A request to a creditor to hold action.",
        "ccj_variation_support": "A letter supporting an application to vary a CCJ's payments.",
        "write_off_request": "A request to a creditor to write the debt off.",
        "sfs_statement": "The Standard Financial Statement, for creditors.",
    },
    Answer: {
        "met": "The file meets the checklist item.",
        "not_met": "The file does not meet it.",
        "not_applicable": "The item does not apply to this case.",
    },
    Interval: {
        "week": "Weeks from Monday.",
        "month": "Calendar months from the 1st.",
    },
    ConflictKind: {
        "overlap_adviser": "Another booked appointment of the same adviser overlaps it.",
        "overlap_client": "Another booked appointment of the same client overlaps it.",
        "outside_hours": "Not inside the centre's working hours for that weekday.",
        "centre_closed": "The centre is closed that day (a closure day or a bank holiday).",
        "staff_leave": "The adviser is on leave that day.",
    },
    AppointmentKind: {
        "in_person": "At the centre or an outreach venue.",
        "phone": "By telephone.",
        "video": "By video call.",
    },
    Audience: {"client": "A reminder to the client.", "adviser": "A reminder to the adviser."},
    CaseStatus: {"open": "Being worked on.", "closed": "Closed (a reason is recorded)."},
    Channel: {
        "phone": "Telephone call.",
        "email": "Email.",
        "letter": "Letter by post.",
        "in_person": "Face to face.",
        "video": "Video call.",
        "sms": "Text message.",
        "webchat": "Web chat.",
        "other": "Another channel (say which in the summary).",
    },
    ReminderChannel: {
        "email": "Email.",
        "sms": "Text message.",
        "in_app": "A notice in CMA itself.",
    },
    ClientDecision: {
        "undecided": "The client has not decided yet.",
        "accepted": "The client accepted the recommendation.",
        "declined": "The client declined it.",
        "chose_other": "The client chose another option.",
    },
    CloseReason: {
        "advice_complete": "Advice given and written up; nothing more to do.",
        "client_disengaged": "The client stopped responding.",
        "referred_elsewhere": "Referred to another service.",
        "solution_in_place": "A debt solution is in place and running.",
        "other": "Another reason (say which in a note).",
    },
    DeadlineStatus: {
        "open": "Still to be met.",
        "met": "Dealt with in time (recorded by the adviser).",
        "missed": "Passed while open; the supervisor was alerted.",
        "info": "A date to know (an earliest day, a moratorium's end), not an act.",
        "withdrawn": "No longer counted: its event was withdrawn as recorded in error.",
    },
    Direction: {"inbound": "They contacted us.", "outbound": "We contacted them."},
    DocumentClass: {
        "creditor_letter": "A letter from a creditor or debt collector.",
        "court_claim_n1": "A county court claim form (N1).",
        "enforcement_agent_notice": "A notice of enforcement from enforcement agents (bailiffs).",
        "statutory_demand": "A statutory demand (the first step to bankruptcy).",
        "council_tax": "A council tax bill, reminder or summons.",
        "utility_bill": "A gas, electricity or water bill.",
        "payslip": "A payslip.",
        "bank_statement": "A bank statement.",
        "benefit_award": "A benefit award letter.",
        "county_court_judgment": "A county court judgment.",
        "magistrates_fine": "A magistrates' court fine notice.",
        "notice_of_assignment": "A notice that a debt was sold to another company.",
        "overpayment": "A benefit or tax credit overpayment letter.",
        "mortgage_arrears": "A mortgage arrears letter.",
        "rent_arrears": "A rent arrears letter.",
        "bnpl_catalogue_arrears": "A buy-now-pay-later or catalogue arrears letter.",
        "letter_of_claim": "A letter of claim under the Pre-Action Protocol for Debt Claims.",
        "utility_arrears": "A gas, electricity or water arrears letter.",
        "other": "Another document.",
    },
    DocumentStatus: {
        "queued": "Waiting to be read.",
        "processing": "Being read (text extraction and classification).",
        "done": "Read; suggestions made.",
        "failed": "Could not be read; requeue it or enter the details by hand.",
    },
    EnforcementStage: {
        "none": "No recovery action known.",
        "default_notice": "A default notice was served.",
        "letter_of_claim": "A letter of claim was sent.",
        "claim_issued": "A court claim was issued.",
        "judgment": "A county court judgment was made.",
        "liability_order": "A liability order (council tax) was made.",
        "enforcement_agent": "Enforcement agents (bailiffs) are instructed.",
        "attachment_of_earnings": "An attachment of earnings order is in place.",
        "deductions_from_benefit": "Deductions are taken from benefits.",
        "charging_order": "A charging order is on the home.",
        "possession_claim": "A possession claim was issued.",
        "possession_order": "A possession order was made.",
        "eviction_warrant": "A warrant of eviction was issued.",
        "disconnection_warning": "A supplier warned of disconnection.",
        "committal": "Committal to prison is threatened.",
        "statutory_demand": "A statutory demand was served.",
        "other": "Another stage (say which in the notes).",
    },
    FactKind: {
        "court_claim_served": "A county court claim was served (response and defence dates).",
        "letter_of_claim": "A letter of claim arrived (the reply form's 30 days).",
        "statutory_demand_served": "A statutory demand was served (set aside in 18 days).",
        "enforcement_notice": "A notice of enforcement was given (earliest visit).",
        "interim_charging_order_served": "An interim charging order was served (objection).",
        "breathing_space_registered": "A Breathing Space was registered (its timeline).",
        "dro_approved": "A Debt Relief Order was made (its 12-month moratorium).",
        "subject_access_request": "The client asked for their data (one month to answer).",
        "advice_given": "Advice was given (written advice due).",
        "case_reviewed": "The case was reviewed (the next review due).",
        "crisis_treatment_ended": "Mental-health crisis treatment ended (the crisis "
        "moratorium ends 30 days later).",
        "creditor_petition": "A creditor presented a bankruptcy petition (debt minimum, "
        "deposit, hearing).",
    },
    Finding: {
        "pass": "The test is met.",
        "fail": "The test is not met.",
        "missing": "A fact the test needs is not recorded.",
        "judgement": "The adviser must judge it.",
        "note": "Information only.",
    },
    Frequency: {
        "weekly": "Every week (× 52 / 12 a month).",
        "fortnightly": "Every two weeks (× 26 / 12).",
        "four_weekly": "Every four weeks (× 13 / 12).",
        "monthly": "Every calendar month.",
        "quarterly": "Every three months (÷ 3).",
        "yearly": "Once a year (÷ 12).",
    },
    HomeTenure: {
        "owned_outright": "The home is owned with no mortgage.",
        "mortgaged": "The home is owned with a mortgage.",
    },
    LineDecision: {
        "pending": "Not decided yet.",
        "accepted": "Accepted: the account became a debt on the case.",
        "rejected": "Rejected (a reason is recorded).",
        "not_a_debt": "Nothing owed (settled or closed): never suggested.",
    },
    OfferKind: {
        "pro_rata": "A share of the available income in proportion to the debt.",
        "token": "A token payment (usually £1 a month).",
        "priority": "A payment to a priority creditor, from the budget's priority allowance.",
    },
    Outcome: {
        "ongoing": "Still running.",
        "completed": "Completed as agreed.",
        "discharged": "Discharged.",
        "revoked": "Revoked.",
        "failed": "Failed.",
        "annulled": "Annulled.",
        "cancelled": "Cancelled.",
        "unknown": "Not known.",
    },
    Ownership: {"sole": "In the client's name alone.", "joint": "Jointly with someone else."},
    Party: {
        "client": "The client (or their representative).",
        "creditor": "A creditor or its agent.",
        "third_party": "Anyone else (a relative, a support worker, another agency).",
    },
    ProcedureKind: {
        "dro": "Debt Relief Order.",
        "bankruptcy": "Bankruptcy (England and Wales or Northern Ireland).",
        "sequestration": "Sequestration (bankruptcy in Scotland).",
        "iva": "Individual Voluntary Arrangement.",
        "map": "Minimal Asset Process (Scotland).",
        "trust_deed": "Protected Trust Deed (Scotland).",
        "breathing_space": "Breathing Space (standard).",
        "mental_health_crisis_moratorium": "Mental Health Crisis Breathing Space.",
        "administration_order": "Administration Order (county court).",
        "debt_arrangement_scheme": "Debt Arrangement Scheme (Scotland).",
    },
    Purpose: {
        "first_contact": "The first substantive contact (screening due, CR-03).",
        "advice": "Advice given.",
        "review": "A review of the case (screening reviewed, CR-03).",
        "follow_up": "A follow-up.",
        "other": "Anything else.",
    },
    FormatSource: {
        "directory": "The format set on the creditor in the directory (RE2 syntax).",
        "learned": "The shape most references on the centre's debts to the creditor share "
        "(the reference judged, and any copy of it, left out).",
        "none": "No format set, and too few or too varied references to learn one; on a "
        "debt, also no reference or no creditor.",
    },
    RegisterOutcome: {
        "pay_to_remove": "Unpaid, within the month: paid in full by `pay_by`, it is removed.",
        "removed": "Paid within a month: removed from the Register (certificate, N443).",
        "satisfied": "Paid after the month: marked satisfied, stays six years.",
        "stays": "Unpaid after the month: stays six years (marked satisfied once paid).",
    },
    ReminderStatus: {
        "planned": "Will be sent when due (can be cancelled).",
        "pending": "Due; being sent.",
        "sent": "Sent.",
        "skipped": "Not sent (no consent or no address for the channel).",
        "cancelled": "Cancelled before it was sent.",
    },
    ReportSource: {
        "manual": "Entered by hand.",
        "csv": "Imported from a CSV file.",
        "json": "Imported from a JSON file.",
    },
    SearchKind: {
        "case": "Cases.",
        "client": "Clients.",
        "note": "Case notes.",
        "document": "Documents' text.",
        "letter": "Letters.",
        "contact": "Contact log entries.",
    },
    WorkSection: {
        "task": "An open task assigned to the user.",
        "deadline": "An open deadline of a case the user advises.",
        "appointment": "An appointment booked with the user (today's only).",
        "document": "A document's suggestion waiting for the user's review.",
    },
    TimelineKind: {
        "case": "The case opened, closed or reopened.",
        "note": "A case note (a sensitive one without its words).",
        "document": "A document uploaded, read or not readable.",
        "deadline": "A deadline set, met or missed.",
        "appointment": "An appointment booked, attended, missed or cancelled.",
        "task": "A task created or completed.",
        "contact": "A contact with the client or a third party logged.",
        "letter": "A letter produced or sent.",
        "debt": "A debt added.",
        "finding": "A compliance finding raised (a rule not met).",
    },
    Severity: {
        "critical": "Harm to the client is likely: act today.",
        "high": "A regulatory requirement is not met.",
        "medium": "Good practice is not followed.",
    },
    SfsFormat: {"json": "SFS-DDS JSON.", "xml": "SFS-DDS XML."},
    SourceTag: {
        "V": "Verified against the primary source.",
        "S": "From a secondary source.",
        "U": "Unverified.",
    },
    Status: {
        "pass": "The rule is met.",
        "fail": "The rule is not met (the finding says how to fix it).",
        "not_assessable": "A record the rule needs is missing.",
        "not_applicable": "The rule does not apply to this case.",
    },
    SuggestionKind: {
        "new_debt": "Add a debt read from a document.",
        "update_debt": "Update a debt from a document.",
        "court_claim_deadline": "Record a court claim's service (its deadlines).",
        "statutory_demand_deadline": "Record a statutory demand's service (its deadlines).",
        "enforcement_deadline": "Record a notice of enforcement (earliest visit).",
        "new_income": "Add an income line read from a document.",
        "letter_of_claim_deadline": "Record a letter of claim (30 days to reply: the protocol).",
        "response_deadline": "A reply date printed on a creditor's letter (a task before it).",
        "new_expenditure": "Set a spending line from a bank statement's transactions.",
    },
    Verdict: {
        "accept": "Accept the suggestion as read (its change is made).",
        "reject": "Reject it (nothing changes on the case).",
    },
    SuggestionStatus: {
        "pending": "Waiting for the adviser.",
        "accepted": "Accepted and applied.",
        "rejected": "Rejected (a reason is recorded).",
    },
    TaskKind: {
        "initial_contact": "Made when a case opens: contact the client.",
        "deadline": "Made by the case clock: act before a deadline.",
        "general": "Made by a person.",
    },
    TaskPriority: {
        "low": "Low.",
        "normal": "Normal.",
        "high": "High.",
        "urgent": "Urgent: first in the queue.",
    },
    TaskSort: {
        "due": "Soonest due first, undated last.",
        "priority": "Most urgent first, then soonest due.",
        "created": "Newest first.",
    },
    TaskStatus: {
        "open": "To do.",
        "done": "Completed (with an outcome note).",
        "cancelled": "Cancelled (with the reason).",
    },
    Tenure: {
        "Owner": "Owns the home outright.",
        "Mortgage": "Owns the home with a mortgage.",
        "Living with parents": "Lives with parents.",
        "Tenant - private sector": "Rents from a private landlord.",
        "Tenant - social": "Rents from a council or housing association.",
        "other": "Another arrangement.",
    },
    Unit: {
        "pence": "An amount in pence.",
        "pence_per_pound": "Pence in the pound.",
        "days": "A number of days.",
        "months": "A number of months.",
        "years": "A number of years.",
        "count": "A count.",
        "flag": "Yes (1) or no (0).",
    },
    Vulnerability: {
        "mental_health": "A mental-health condition.",
        "physical_disability": "A physical disability.",
        "serious_illness": "A serious or long-term illness.",
        "addiction": "An addiction.",
        "low_literacy": "Low literacy or numeracy.",
        "bereavement": "A recent bereavement.",
        "domestic_abuse": "Domestic or economic abuse.",
        "other": "Another circumstance.",
    },
    MoratoriumKind: {
        "standard": "A standard breathing space: 60 days, with a midway review (SI 2020/1311).",
        "mental_health_crisis": "A mental health crisis moratorium: while crisis treatment "
        "lasts, and 30 days after it ends.",
    },
    BsCheck: {
        "individual": "The client is an individual (reg 24(3)(a)).",
        "qualifying_debt": "The client has at least one qualifying debt (reg 24(3)(b)).",
        "domiciled_or_resident_ew": "Domiciled or usually resident in England and Wales "
        "(reg 24(3)(c)).",
        "not_in_insolvency": "No DRO, IVA, interim order, and not an undischarged bankrupt "
        "(reg 24(3)(d)).",
        "not_in_moratorium": "Not already in a breathing space or crisis moratorium "
        "(reg 24(3)(e)).",
        "no_standard_bs_in_12_months": "No standard breathing space in the last 12 months "
        "(reg 24(3)(f); not needed for a crisis moratorium).",
    },
    MidwayOutcome: {
        "continues": "Still eligible and the moratorium still helps: it continues.",
        "cancel": "The conditions are no longer met: the adviser must cancel it (reg 27).",
        "client_not_responded": "The client did not answer the review (reg 27(3)(b)).",
    },
    ComplaintKind: {
        "service": "About the service (DISP: a final response within 8 weeks).",
        "data_protection": "About personal data (acknowledged within 30 days from 19 June 2026).",
    },
    RequestKind: {
        "access": "A copy of the personal data held (UK GDPR Art. 15).",
        "erasure": "Erase the personal data (Art. 17).",
        "rectification": "Correct inaccurate personal data (Art. 16).",
        "portability": "The data in a machine-readable form (Art. 20).",
        "restriction": "Restrict the processing (Art. 18).",
        "objection": "Object to the processing (Art. 21).",
    },
    HoldSubject: {"case": "A hold on one case.", "client": "A hold on a client and their cases."},
    HoldReason: {
        "complaint": "A complaint is open.",
        "litigation": "Litigation is pending or expected.",
        "insolvency": "An insolvency procedure needs the file.",
        "regulator": "A regulator asked for the file.",
        "other": "Another reason (say which in the note).",
    },
}


def _labels(table: Mapping[Any, str]) -> Mapping[str, str]:
    return {member.value: label for member, label in table.items()}


#: Each closed set: value → description.
DESCRIPTIONS: dict[type[enum.Enum], Mapping[str, str]] = {
    **_WRITTEN,
    **{
        type(next(iter(table))): _labels(table)
        for table in (
            DEBT_TYPE_LABELS,
            ELIGIBILITY_LABELS,
            JURISDICTION_LABELS,
            ROLE_LABELS,
            SOLUTION_LABELS,
            TREATMENT_LABELS,
        )
    },
    # An SFS category (a spending guideline's, issue 12): its label in the SFS.
    Category: {c.value: f"SFS category: {CATEGORIES[c].label}." for c in Category},
    Section: {
        Section.INCOME.value: "Income.",
        Section.FIXED.value: "Fixed costs (priority and essential outgoings).",
        Section.FLEXIBLE.value: "Flexible costs (spending with a guideline).",
    },
}

#: The SFS line keys (the keys of a budget's ``lines``) and categories.
SFS_LINES: Mapping[str, str] = {
    line.key: f"{line.label} ({CATEGORIES[line.category].label})" for line in LINES
}
SFS_CATEGORIES: Mapping[str, str] = {c.value: CATEGORIES[c].label for c in Category}


@functools.cache
def _by_values() -> dict[frozenset[str], Mapping[str, str]]:
    out: dict[frozenset[str], Mapping[str, str]] = {}
    for cls, descriptions in DESCRIPTIONS.items():
        out.setdefault(frozenset(str(m.value) for m in cls), descriptions)
    return out


def _describe(schema: dict[str, Any], descriptions: Mapping[str, str]) -> None:
    values = [str(v) for v in schema["enum"]]
    schema["x-enum-descriptions"] = {v: descriptions[v] for v in values if v in descriptions}
    listed = "\n".join(f"- `{v}`: {descriptions[v]}" for v in values if v in descriptions)
    head = schema.get("description", "").split("\n\n- `")[0]
    schema["description"] = f"{head}\n\n{listed}" if head else listed


def _walk(node: Any) -> Iterable[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def describe_enums(document: dict[str, Any]) -> dict[str, Any]:
    """Every ``enum`` of the document described value by value; the SFS line keys and
    categories as ``propertyNames`` of the budget's ``lines`` and ``category_notes``."""
    schemas = document.get("components", {}).get("schemas", {})
    for name, keys in (("lines", SFS_LINES), ("category_notes", SFS_CATEGORIES)):
        for schema in schemas.values():
            prop = schema.get("properties", {}).get(name)
            if prop is not None and prop.get("type") == "object":
                prop["propertyNames"] = {"type": "string", "enum": sorted(keys)}
                _describe(prop["propertyNames"], keys)
    for name, schema in schemas.items():
        # A component is named after its enum class: describe it by that class.
        for cls, descriptions in DESCRIPTIONS.items():
            same = {str(m.value) for m in cls} == {str(v) for v in schema.get("enum", ())}
            if cls.__name__ == name and same:
                _describe(schema, descriptions)
                break
    known = _by_values()
    for node in _walk(document):
        if "enum" in node and "x-enum-descriptions" not in node:
            found = known.get(frozenset(str(v) for v in node["enum"]))
            if found is not None:
                _describe(node, found)
    return document


# ------------------------------------------------------------------ allowed values (422)

_INDEX = re.compile(r"\[[^\]]*\]")


def _enum_in(tp: Any) -> type[enum.Enum] | None:
    todo = [tp]
    while todo:
        t = todo.pop()
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return t
        todo.extend(typing.get_args(t))
    return None


def _step(tp: Any, name: str) -> Any:
    """The type of field ``name`` inside ``tp`` (through Optional, lists and dicts)."""
    todo = [tp]
    while todo:
        t = todo.pop()
        origin = typing.get_origin(t)
        if isinstance(t, type) and issubclass(t, msgspec.Struct):
            hints = typing.get_type_hints(t, include_extras=True)
            if name in hints:
                return hints[name]
        elif origin is dict:
            return typing.get_args(t)[1]
        else:
            todo.extend(a for a in typing.get_args(t) if a is not type(None))
    return None


def enum_values_at(request: Request[Any, Any, Any], field: str) -> list[str] | None:
    """The values of the closed set at ``field`` of the request (a body path such as
    ``lines.rent.frequency``, or a query parameter), or ``None`` if it is no closed set."""
    handler = request.scope.get("route_handler")
    if handler is None:
        return None
    params = handler.parsed_fn_signature.parameters
    path = [p for p in _INDEX.sub("", field).split(".") if p]
    if not path:
        return None
    if path[0] in params and path[0] != "data" and len(path) == 1:
        tp: Any = params[path[0]].annotation
    else:
        body = params.get("data")
        tp = body.annotation if body is not None else None
        for name in path:
            tp = _step(tp, name) if tp is not None else None
    cls = _enum_in(tp) if tp is not None else None
    return [str(m.value) for m in cls] if cls is not None else None
