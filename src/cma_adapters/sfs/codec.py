"""SFS-DDS v1.1 data-entry documents, JSON and XML (Money Advice Service SFS toolkit).

Both formats are built from one ordered tree (the XSD's element order), so they always
say the same thing. Every export is validated against the schema copies shipped in
``schemas/`` (JSON Schema draft-04 with ``jsonschema``; XSD with ``xmlschema``) before it
is returned; every import is validated before it is read.

How CMA fits the format, so that a round trip loses nothing:

* Amounts are monthly pounds with two decimals. A line paid at another frequency is
  exported as its monthly equivalent (``cma_core.budgets.frequency``) and its note ends
  with ``[as paid: £10.00 weekly]``; the importer restores the frequency from it when the
  monthly figure still matches.
* "Other essential costs" items have no label in the schema: the note's first line is
  the label, the rest the note.
* Category notes, which the SFS lacks, travel as additional notes ``[Category] text``.
* The SFS cannot show a negative total (the XSD's currency pattern has no sign). A
  deficit is exported as 0.00 with an additional note ``CMA deficit: ...``; the importer
  ignores those notes because it recomputes every total anyway.
* Facts the SFS requires but CMA holds as unknown (tenure, employment status, whether a
  savings contribution or use of assets was considered, CCJ on a non-priority debt) are
  never guessed: the export fails with a ``ValidationError`` naming the fact.
* JSON numbers are written as the shortest decimal (``12.5``) and validated as decimals:
  the schema's ``multipleOf: 0.01`` cannot be checked on binary floats (0.07 / 0.01 is
  7.000000000000001), so the document is re-read with ``parse_float=Decimal``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from decimal import Decimal
from importlib import resources
from typing import Any

import jsonschema
import xmlschema

from cma_core.budgets.catalogue import CATEGORIES, LINES, Category, Section, lines_in
from cma_core.budgets.frequency import Frequency, to_monthly
from cma_core.budgets.model import Budget, BudgetLine, Household, OtherEssentialLine, Tenure
from cma_core.budgets.ports import (
    SfsCodec,
    SfsDebtLine,
    SfsFormat,
    SfsStatement,
    SfsStatementDetails,
)
from cma_core.shared.errors import ValidationError
from cma_core.shared.money import Money

EMPLOYMENT_STATUSES = (
    "Full-time",
    "Part-time",
    "Unemployed",
    "Not working due to illness / disability",
    "Self-employed",
    "Retired",
    "Carer",
    "Student",
    "Other",
)
DEFICIT_PREFIX = "CMA deficit: "
_AS_PAID = re.compile(r"\s*\[as paid: £([\d,]+\.\d{2}) ([a-z\-]+)\]\Z")
_CATEGORY_NOTE = re.compile(r"\A\[([^\]]+)\] (.*)\Z", re.DOTALL)
_FREQ_WORD = {
    Frequency.WEEKLY: "weekly",
    Frequency.FORTNIGHTLY: "fortnightly",
    Frequency.FOUR_WEEKLY: "four-weekly",
    Frequency.QUARTERLY: "quarterly",
    Frequency.YEARLY: "yearly",
}
_WORD_FREQ = {v: k for k, v in _FREQ_WORD.items()}
_LABEL_CATEGORY = {d.label: c for c, d in CATEGORIES.items()}
# The one name the two schemas spell differently: the JSON Schema's category is
# "pensions-insurance", the XSD's element "pensions-insurances".
XML_RENAMES = {"pensions-insurance": "pensions-insurances"}
_SECTION_PATH = {
    Section.INCOME: ("monthly-income",),
    Section.FIXED: ("monthly-outgoings", "fixed-costs"),
    Section.FLEXIBLE: ("monthly-outgoings", "flexible-costs"),
}


class Amount(Decimal):
    """A currency value (pounds, two decimals) in the tree."""


def _amount(m: Money) -> Amount:
    sign = "-" if m.pence < 0 else ""
    pounds, pence = divmod(abs(m.pence), 100)
    return Amount(f"{sign}{pounds}.{pence:02d}")


def _money(value: Any, where: str) -> Money:
    d = Decimal(str(value))
    if d != d.quantize(Decimal("0.01")):
        raise ValidationError(where, "must have at most two decimal places")
    pence = int(d * 100)
    if pence < 0:
        raise ValidationError(where, "must not be negative")
    return Money(pence)


@functools.cache
def _schema_text(name: str) -> str:
    return resources.files("cma_adapters.sfs").joinpath("schemas", name).read_text("utf-8")


@functools.cache
def json_validator() -> Any:
    schema = json.loads(_schema_text("sfs-data-entry-schema.json"), parse_float=Decimal)
    return jsonschema.Draft4Validator(schema)


@functools.cache
def xml_schema() -> xmlschema.XMLSchema:
    path = resources.files("cma_adapters.sfs").joinpath("schemas", "sfs-data-entry-schema.xsd")
    return xmlschema.XMLSchema(str(path))


def validate_json(text: str | bytes, validator: Any = None) -> Any:
    """Parse (numbers as decimals) and validate; return the document."""
    try:
        doc = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ValidationError("body", f"not JSON: {exc.msg}") from None
    except RecursionError:
        # 1,000 nested brackets: the stdlib parser recurses (was a 500).
        raise ValidationError("body", "not JSON this service reads: nested too deep") from None
    errors = sorted((validator or json_validator()).iter_errors(doc), key=lambda e: list(e.path))
    if errors:
        err = errors[0]
        where = "/".join(str(p) for p in err.absolute_path) or "body"
        raise ValidationError(where, f"SFS-DDS v1.1: {err.message}")
    return doc


def validate_xml(text: str | bytes, schema: xmlschema.XMLSchema | None = None) -> Any:
    """Validate and decode; return the document as nested dicts."""
    source = text.decode("utf-8") if isinstance(text, bytes) else text
    chosen = schema or xml_schema()
    try:
        errors = list(chosen.iter_errors(source))
    except Exception as exc:  # malformed XML reaches us as a parse error
        raise ValidationError("body", f"not XML: {exc}") from None
    if errors:
        err = errors[0]
        where = (err.path or "body").lstrip("/").removeprefix("root/")
        raise ValidationError(where, f"SFS-DDS v1.1: {err.reason}")
    return chosen.decode(source, decimal_type=str)


# ------------------------------------------------------------------------------ export


def _note_with_frequency(line: BudgetLine | OtherEssentialLine, note: str | None) -> str:
    text = note or ""
    if line.frequency is not Frequency.MONTHLY:
        suffix = f"[as paid: {line.amount} {_FREQ_WORD[line.frequency]}]"
        text = f"{text} {suffix}" if text else suffix
    return text


def _item(amount: Money, notes: str) -> dict[str, Any]:
    return {"monthly-amount": _amount(amount), "notes": notes}


def _require(value: Any, field: str, what: str) -> Any:
    if value is None:
        raise ValidationError(field, f"record {what}: the SFS requires it")
    return value


def build_tree(st: SfsStatement) -> dict[str, Any]:
    """The document as an ordered tree (XSD element order), amounts as ``Amount``."""
    b, d = st.budget, st.details
    hh = b.household or Household()
    if b.household is None:
        raise ValidationError("household", "record the household: the SFS requires it")
    tenure = _require(hh.tenure, "household.tenure", "the housing tenure")
    if not d.client_employment_status:
        raise ValidationError(
            "details.client_employment_status", "record the client's employment status"
        )
    for name, values in (
        ("client_employment_status", d.client_employment_status),
        ("partner_employment_status", d.partner_employment_status),
    ):
        for i, v in enumerate(values):
            if v not in EMPLOYMENT_STATUSES:
                raise ValidationError(
                    f"details.{name}[{i}]",
                    f"unknown status {v!r}; one of: {', '.join(EMPLOYMENT_STATUSES)}",
                )
    asset_use = _require(
        b.asset_use_considered, "asset_use_considered", "whether use of assets was considered"
    )
    savings_considered = _require(
        b.savings_contribution_considered,
        "savings_contribution_considered",
        "whether a savings contribution was considered",
    )
    summary = b.summary()
    prio = [x for x in st.debts if x.priority]
    non = [x for x in st.debts if not x.priority]
    total_prio_offers = Money(sum(x.repayment_offer.pence for x in prio))
    available_non = b.available_for_non_priority(total_prio_offers)
    notes: list[str] = []

    def shown(value: Money, label: str) -> Amount:
        if value.is_negative:
            notes.append(f"{DEFICIT_PREFIX}{label} is {value} (shown as £0.00)")
            return _amount(Money.zero())
        return _amount(value)

    tree: dict[str, Any] = {
        "client-name": d.client_name or "",
        "client-date-of-birth": _require(
            d.client_date_of_birth, "details.client_date_of_birth", "the client's date of birth"
        ),
        "is-joint-application": d.is_joint_application,
    }
    if d.partner_name is not None:
        tree["partner-name"] = d.partner_name
    if d.partner_date_of_birth is not None:
        tree["partner-date-of-birth"] = d.partner_date_of_birth
    tree.update(
        {
            "client-address": d.client_address or "",
            "dependent-children-under-16": hh.dependent_children_under_16,
            "dependent-children-16-18": hh.dependent_children_16_18,
            "other-dependents": hh.other_dependants,
            "non-dependents": hh.non_dependants,
            "total-number-in-household": hh.total_people,
            "vehicles": hh.vehicles,
            "housing-tenure": tenure.value,
            "housing-tenure-other": d.housing_tenure_other or "",
            "client-employment-status": list(d.client_employment_status),
        }
    )
    if d.client_employment_status_other is not None:
        tree["client-employment-status-other"] = d.client_employment_status_other
    if d.partner_employment_status:
        tree["partner-employment-status"] = list(d.partner_employment_status)
    if d.partner_employment_status_other is not None:
        tree["partner-employment-status-other"] = d.partner_employment_status_other
    tree["asset-use-considered"] = asset_use
    overview = {
        "total-monthly-income": _amount(summary.total_income),
        "total-monthly-outgoings": _amount(summary.total_outgoings),
        "income-minus-outgoings": shown(summary.income_minus_outgoings, "income minus outgoings"),
        "savings-contribution": _amount(b.savings_contribution),
        "debt-admin-fee": _amount(b.debt_admin_fee),
        "total-available-for-priority-debts": shown(
            summary.available_for_priority, "available for priority debts"
        ),
        "total-available-for-non-priority-debts": shown(
            available_non, "available for non-priority debts"
        ),
    }
    tree["overview"] = overview

    def category_block(category: Category) -> dict[str, Any]:
        cdef = CATEGORIES[category]
        block: dict[str, Any] = {}
        if category is Category.OTHER_ESSENTIAL:
            items = []
            for extra in b.other_essentials:
                label = " ".join(extra.label.split())
                text = label + (f"\n{extra.note}" if extra.note else "")
                items.append(_item(extra.monthly, _note_with_frequency(extra, text)))
            if items:
                block["other-essential-costs"] = items
        else:
            for ldef in lines_in(category):
                line = b.lines.get(ldef.key)
                if line is None:
                    block[ldef.sfs_key] = _item(Money.zero(), "")
                else:
                    block[ldef.sfs_key] = _item(line.monthly, _note_with_frequency(line, line.note))
        block[cdef.sfs_total_key] = _amount(b.category_total(category))
        return block

    income: dict[str, Any] = {}
    fixed: dict[str, Any] = {}
    flexible: dict[str, Any] = {}
    for category, cdef in CATEGORIES.items():
        target = {Section.INCOME: income, Section.FIXED: fixed, Section.FLEXIBLE: flexible}[
            cdef.section
        ]
        target[cdef.sfs_key] = category_block(category)
    income["total-monthly-income"] = _amount(summary.total_income)
    fixed["total-fixed-costs"] = _amount(summary.total_fixed)
    flexible["total-flexible-costs"] = _amount(summary.total_flexible)
    tree["monthly-income"] = income
    tree["monthly-outgoings"] = {
        "fixed-costs": fixed,
        "flexible-costs": flexible,
        "total-monthly-outgoings": _amount(summary.total_outgoings),
    }
    tree["savings"] = {
        "savings-contribution": _amount(b.savings_contribution),
        "savings-contribution-considered": savings_considered,
    }
    debts: dict[str, Any] = {
        "debt-admin-fee": _item(b.debt_admin_fee, ""),
        "total-available-for-priority-debts": overview["total-available-for-priority-debts"],
    }
    if prio:
        debts["priority-debts"] = [
            {
                "creditor": x.creditor,
                "amount-owed": _amount(x.amount_owed),
                "repayment-offer": _amount(x.repayment_offer),
                "notes": x.notes or "",
            }
            for x in prio
        ]
    debts["total-priority-debts"] = _amount(Money(sum(x.amount_owed.pence for x in prio)))
    debts["total-priority-debt-offers"] = _amount(total_prio_offers)
    debts["total-available-for-non-priority-debts"] = overview[
        "total-available-for-non-priority-debts"
    ]
    if non:
        rows = []
        for i, x in enumerate(non):
            ccj = _require(x.ccj, f"debts[{i}].ccj", "whether the debt has a CCJ")
            rows.append(
                {
                    "creditor": x.creditor,
                    "amount-owed": _amount(x.amount_owed),
                    "repayment-offer": _amount(x.repayment_offer),
                    "ccj": ccj,
                    "notes": x.notes or "",
                }
            )
        debts["non-priority-debts"] = rows
    debts["total-non-priority-debts"] = _amount(Money(sum(x.amount_owed.pence for x in non)))
    debts["token-payments"] = _amount(st.token_payments or Money.zero())
    tree["debts"] = debts
    for category, note in b.category_notes.items():
        notes.append(f"[{CATEGORIES[category].label}] {note}")
    all_notes = [*d.additional_notes, *notes]
    # The XSD needs at least one additional-notes element.
    tree["additional-notes"] = all_notes or [""]
    return tree


def _json_default(value: Any) -> Any:
    if isinstance(value, Amount):
        return float(value)
    if isinstance(value, dt.date):
        # The JSON schema says format date-time for dates of birth.
        return f"{value.isoformat()}T00:00:00Z"
    raise TypeError(type(value).__name__)


def _xml_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Amount):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _xml(tree: dict[str, Any]) -> str:
    from xml.sax.saxutils import escape

    out: list[str] = ['<?xml version="1.0" encoding="utf-8"?>\n<root>\n']

    def emit(tag: str, value: Any, depth: int) -> None:
        pad = "  " * depth
        if isinstance(value, list):
            for v in value:
                emit(tag, v, depth)
        elif isinstance(value, dict):
            tag = XML_RENAMES.get(tag, tag)
            out.append(f"{pad}<{tag}>\n")
            for k, v in value.items():
                emit(k, v, depth + 1)
            out.append(f"{pad}</{tag}>\n")
        else:
            out.append(f"{pad}<{tag}>{escape(_xml_text(value))}</{tag}>\n")

    for k, v in tree.items():
        emit(k, v, 1)
    out.append("</root>\n")
    return "".join(out)


# ------------------------------------------------------------------------------ import


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def _split_frequency(
    notes: str | None, monthly: Money, where: str
) -> tuple[Money, Frequency, str | None]:
    if not notes:
        return monthly, Frequency.MONTHLY, None
    match = _AS_PAID.search(notes)
    if match and match.group(2) in _WORD_FREQ:
        amount = _money(match.group(1).replace(",", ""), where)
        freq = _WORD_FREQ[match.group(2)]
        if to_monthly(amount, freq) == monthly:
            rest = notes[: match.start()]
            return amount, freq, rest if rest.strip() else None
    return monthly, Frequency.MONTHLY, notes


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    text = str(value)
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise ValidationError(where, f"not a real date: {text!r}") from None


def read_tree(doc: dict[str, Any], *, check_totals: bool) -> SfsStatement:
    budget = Budget()
    lines_by_sfs = {(d.category, d.sfs_key): d for d in LINES}

    def total_check(value: Any, expected: Money, where: str) -> None:
        if check_totals and value is not None and _money(value, where) != expected:
            raise ValidationError(
                where, f"is {value} but the lines add up to {expected} (SFS formulas)"
            )

    for category, cdef in CATEGORIES.items():
        path = "/".join((*_SECTION_PATH[cdef.section], cdef.sfs_key))
        block = doc
        for part in (*_SECTION_PATH[cdef.section], cdef.sfs_key):
            block = (block or {}).get(part) or {}
        if category is Category.OTHER_ESSENTIAL:
            for i, item in enumerate(_as_list(block.get("other-essential-costs"))):
                where = f"{path}/other-essential-costs/{i}/monthly-amount"
                monthly = _money(item.get("monthly-amount", 0), where)
                raw = _text(item.get("notes")) or "Other essential cost"
                amount, freq, text = _split_frequency(raw, monthly, where)
                label, _, note = (text or "Other essential cost").partition("\n")
                try:
                    budget.add_other_essential(
                        label or "Other essential cost", amount, freq, note or None
                    )
                except ValidationError as exc:
                    raise ValidationError(where, exc.detail) from None
        else:
            for key, item in block.items():
                if key == cdef.sfs_total_key:
                    continue
                ldef = lines_by_sfs[(category, key)]
                where = f"{path}/{key}/monthly-amount"
                monthly = _money((item or {}).get("monthly-amount", 0), where)
                notes = _text((item or {}).get("notes"))
                if monthly.pence == 0 and notes is None:
                    continue
                amount, freq, line_note = _split_frequency(notes, monthly, where)
                budget.set_line(ldef.key, amount, freq, line_note)
        total_check(
            block.get(cdef.sfs_total_key),
            budget.category_total(category),
            f"{path}/{cdef.sfs_total_key}",
        )

    savings = doc.get("savings") or {}
    budget.set_savings_contribution(
        _money(savings.get("savings-contribution", 0), "savings/savings-contribution"),
        considered=bool(savings.get("savings-contribution-considered")),
    )
    if "savings-contribution-considered" not in savings:
        budget.savings_contribution_considered = None
    debts_block = doc.get("debts") or {}
    fee = (debts_block.get("debt-admin-fee") or {}).get("monthly-amount", 0)
    budget.set_debt_admin_fee(_money(fee, "debts/debt-admin-fee/monthly-amount"))
    budget.asset_use_considered = doc.get("asset-use-considered")

    under16 = int(doc.get("dependent-children-under-16", 0))
    c1618 = int(doc.get("dependent-children-16-18", 0))
    others = int(doc.get("other-dependents", 0))
    nondeps = int(doc.get("non-dependents", 0))
    total = int(doc.get("total-number-in-household", 0))
    try:
        budget.household = Household(
            has_partner=total - (under16 + c1618 + others + nondeps) >= 2,
            dependent_children_under_16=under16,
            dependent_children_16_18=c1618,
            other_dependants=others,
            non_dependants=nondeps,
            vehicles=int(doc.get("vehicles", 0)),
            tenure=Tenure(doc["housing-tenure"]) if doc.get("housing-tenure") else None,
        )
    except ValidationError as exc:
        raise ValidationError(
            exc.field.replace("household.", "").replace("_", "-"), exc.detail
        ) from None

    additional: list[str] = []
    for note in _as_list(doc.get("additional-notes")):
        text = str(note or "")
        if not text or text.startswith(DEFICIT_PREFIX):
            continue
        match = _CATEGORY_NOTE.match(text)
        if match and match.group(1) in _LABEL_CATEGORY:
            budget.set_category_note(_LABEL_CATEGORY[match.group(1)], match.group(2))
            continue
        additional.append(text)

    debts: list[SfsDebtLine] = []
    for kind, is_priority in (("priority-debts", True), ("non-priority-debts", False)):
        for i, item in enumerate(_as_list(debts_block.get(kind))):
            where = f"debts/{kind}/{i}"
            debts.append(
                SfsDebtLine(
                    creditor=str(item.get("creditor") or ""),
                    amount_owed=_money(item.get("amount-owed", 0), f"{where}/amount-owed"),
                    repayment_offer=_money(
                        item.get("repayment-offer", 0), f"{where}/repayment-offer"
                    ),
                    priority=is_priority,
                    ccj=item.get("ccj") if not is_priority else None,
                    notes=_text(item.get("notes")),
                )
            )
    token = debts_block.get("token-payments")
    details = SfsStatementDetails(
        client_name=_text(doc.get("client-name")),
        is_joint_application=bool(doc.get("is-joint-application")),
        client_date_of_birth=_date(doc.get("client-date-of-birth"), "client-date-of-birth"),
        client_address=_text(doc.get("client-address")),
        partner_name=doc.get("partner-name"),
        partner_date_of_birth=_date(doc.get("partner-date-of-birth"), "partner-date-of-birth"),
        housing_tenure_other=_text(doc.get("housing-tenure-other")),
        client_employment_status=tuple(_as_list(doc.get("client-employment-status"))),
        client_employment_status_other=doc.get("client-employment-status-other"),
        partner_employment_status=tuple(_as_list(doc.get("partner-employment-status"))),
        partner_employment_status_other=doc.get("partner-employment-status-other"),
        additional_notes=tuple(additional),
    )
    statement = SfsStatement(
        budget=budget,
        details=details,
        debts=tuple(debts),
        token_payments=None
        if token is None or _money(token, "debts/token-payments").pence == 0
        else _money(token, "debts/token-payments"),
    )
    if check_totals:
        summary = budget.summary()
        total_check(
            (doc.get("monthly-income") or {}).get("total-monthly-income"),
            summary.total_income,
            "monthly-income/total-monthly-income",
        )
        total_check(
            (doc.get("monthly-outgoings") or {}).get("total-monthly-outgoings"),
            summary.total_outgoings,
            "monthly-outgoings/total-monthly-outgoings",
        )
    return statement


class SfsDdsCodec(SfsCodec):
    """SFS-DDS v1.1 data-entry documents, validated against the shipped schema copies."""

    def export(self, statement: SfsStatement, fmt: SfsFormat) -> bytes:
        tree = build_tree(statement)
        if fmt is SfsFormat.JSON:
            text = json.dumps(tree, default=_json_default, indent=2, ensure_ascii=False)
            validate_json(text)
        else:
            text = _xml(tree)
            validate_xml(text)
        return text.encode("utf-8")

    def parse(self, data: bytes, fmt: SfsFormat, *, check_totals: bool = True) -> SfsStatement:
        doc = validate_json(data) if fmt is SfsFormat.JSON else validate_xml(data)
        if fmt is SfsFormat.XML:
            fixed = (doc.get("monthly-outgoings") or {}).get("fixed-costs") or {}
            for json_name, xml_name in XML_RENAMES.items():
                if xml_name in fixed:
                    fixed[json_name] = fixed.pop(xml_name)
        if not isinstance(doc, dict):
            raise ValidationError("body", "an SFS document is an object")
        return read_tree(doc, check_totals=check_totals)
