"""Ports for the debt-advice area: what the services store, and how.

The records here are the shapes the repositories deal in: a domain object (``Debt``,
``Budget``, ``Appraisal``...) plus what persistence adds (``version`` for optimistic
concurrency, timestamps). Each repository is bound to one unit of work, so to one centre:
it never returns another centre's record (not found is ``None``) and raises
``CrossTenantAccess`` when asked to write one.

:func:`to_data` and :func:`from_data` turn any record (any attrs class built from the
core's value types) into plain JSON data and back. Money becomes integer pence under a key
ending ``_pence``; dates are ISO strings; enums their values. ``from_data`` validates as it
goes and raises :class:`~cma_core.shared.errors.ValidationError` naming the field with a
dotted path (``assets.vehicles[0].value_pence``), so the same code checks user input and
reads stored rows.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
import uuid
from collections.abc import Sequence
from typing import Any, Protocol

import attrs
from attrs import define, field, frozen

from cma_core.assets.model import AssetSchedule, InsolvencyHistory, ResidenceFacts
from cma_core.budgets.model import Budget
from cma_core.debts.model import Creditor, CreditorId, Debt, DebtId
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.errors import ValidationError
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.shared.uow import RepositoryFactory, UnitOfWork
from cma_core.solutions.model import Appraisal, Eligibility, Solution
from cma_core.solutions.offers import OfferKind

__all__ = [
    "AdviceRecord",
    "AdviceRepositories",
    "AdviceRepository",
    "AppraisalRecord",
    "AppraisalRepository",
    "BudgetRecord",
    "BudgetRepository",
    "CaseFinancialFacts",
    "CentreReference",
    "ClientDecision",
    "ConsideredOption",
    "CreditorDirectory",
    "CreditorEntry",
    "DebtEntry",
    "DebtRepository",
    "FactsRepository",
    "Letter",
    "LetterKind",
    "LetterRenderer",
    "LetterRepository",
    "LetterTemplate",
    "LetterTemplateRepository",
    "OfferLine",
    "OfferPlanRecord",
    "OfferRepository",
    "ReferenceDataRepository",
    "RenderedLetter",
    "SfsCodec",
    "SfsDebtLine",
    "SfsFormat",
    "SfsStatement",
    "SfsStatementDetails",
    "from_data",
    "template_id",
    "to_data",
]


# ------------------------------------------------------------------------------ records


@define(kw_only=True)
class CreditorEntry:
    """A creditor in the centre's directory, with its version."""

    creditor: Creditor
    created_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CreditorId:
        return self.creditor.id

    @property
    def centre_id(self) -> CentreId:
        return self.creditor.centre_id


@define(kw_only=True)
class DebtEntry:
    """A debt on a case, with its version and timestamps."""

    debt: Debt
    notes: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> DebtId:
        return self.debt.id

    @property
    def centre_id(self) -> CentreId:
        return self.debt.centre_id

    @property
    def case_id(self) -> CaseId:
        return self.debt.case_id


@define(kw_only=True)
class CaseFinancialFacts:
    """Assets, insolvency history, residence and the other facts the appraisal reads.

    One per case. Unknown facts are ``None`` (the appraisal reports them as missing).
    """

    case_id: CaseId
    centre_id: CentreId
    jurisdiction: Jurisdiction | None = None
    assets: AssetSchedule = field(factory=AssetSchedule)
    insolvency: InsolvencyHistory = field(factory=InsolvencyHistory)
    residence: ResidenceFacts = field(factory=ResidenceFacts)
    benefits_only_months: int | None = None
    unable_to_pay_debts_as_due: bool | None = None
    amhp_evidence: bool | None = None
    receiving_crisis_treatment: bool | None = None
    lump_sum_available: Money | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CaseId:
        return self.case_id


@frozen(kw_only=True)
class SfsStatementDetails:
    """SFS-DDS fields the budget model does not hold, kept so an SFS round trip loses
    nothing: client and partner identity, address, employment, tenure text, notes."""

    client_name: str | None = None
    is_joint_application: bool = False
    client_date_of_birth: dt.date | None = None
    client_address: str | None = None
    partner_name: str | None = None
    partner_date_of_birth: dt.date | None = None
    housing_tenure_other: str | None = None
    client_employment_status: tuple[str, ...] = ()
    client_employment_status_other: str | None = None
    partner_employment_status: tuple[str, ...] = ()
    partner_employment_status_other: str | None = None
    additional_notes: tuple[str, ...] = ()


@define(kw_only=True)
class BudgetRecord:
    """A case's SFS budget. One per case; ``completed_at`` dates a complete SFS (CR-06)."""

    case_id: CaseId
    centre_id: CentreId
    budget: Budget = field(factory=Budget)
    details: SfsStatementDetails = field(factory=SfsStatementDetails)
    completed_at: dt.datetime | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CaseId:
        return self.case_id


@define(kw_only=True)
class AppraisalRecord:
    """A saved options appraisal (the facts as they were, judged on ``on_date``)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    appraisal: Appraisal
    created_at: dt.datetime
    created_by: UserId | None
    version: int = 1


@frozen(kw_only=True)
class OfferLine:
    debt_id: DebtId
    creditor: str
    kind: OfferKind
    balance: Money
    amount: Money


@define(kw_only=True)
class OfferPlanRecord:
    """Offers to every creditor of a case, as planned on ``on_date`` (CR-10, CR-11)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    on_date: dt.date
    jurisdiction: Jurisdiction
    available_for_priority: Money
    total_priority_offers: Money
    available_for_non_priority: Money
    uses_token_payments: bool
    lines: tuple[OfferLine, ...]
    notes: tuple[str, ...]
    created_at: dt.datetime
    created_by: UserId | None
    version: int = 1


class ClientDecision(enum.StrEnum):
    UNDECIDED = "undecided"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CHOSE_OTHER = "chose_other"


@frozen(kw_only=True)
class ConsideredOption:
    solution: Solution
    status: Eligibility
    reasons: tuple[str, ...]


@define(kw_only=True)
class AdviceRecord:
    """The advice given: options considered with reasons, the recommendation, the
    client's decision (CR-12, CR-13, CR-18)."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    jurisdiction: Jurisdiction
    on_date: dt.date
    options: tuple[ConsideredOption, ...]
    recommended: Solution | None
    reasons: str
    risks: str | None = None
    next_steps: str | None = None
    monthly_payment: Money | None = None
    expected_term_months: int | None = None
    client_decision: ClientDecision = ClientDecision.UNDECIDED
    decision_notes: str | None = None
    appraisal_id: uuid.UUID | None = None
    created_at: dt.datetime
    created_by: UserId | None
    version: int = 1


class LetterKind(enum.StrEnum):
    ADVICE_SUMMARY = "advice_summary"
    OFFER_OF_PAYMENT = "offer_of_payment"
    BREATHING_SPACE_HOLD = "breathing_space_hold"
    CCJ_VARIATION_SUPPORT = "ccj_variation_support"
    WRITE_OFF_REQUEST = "write_off_request"
    SFS_STATEMENT = "sfs_statement"


def template_id(centre_id: uuid.UUID, kind: LetterKind) -> uuid.UUID:
    """One template of each kind per centre: its id is derived from both."""
    return uuid.uuid5(centre_id, f"letter-template:{kind.value}")


@define(kw_only=True)
class LetterTemplate:
    """A centre's own version of a letter template (Jinja2 source)."""

    id: uuid.UUID
    centre_id: CentreId
    kind: LetterKind
    subject: str
    body: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1


@define(kw_only=True)
class Letter:
    """A letter generated for a case; ``sent_at`` set when the adviser records sending."""

    id: uuid.UUID
    centre_id: CentreId
    case_id: CaseId
    kind: LetterKind
    debt_id: DebtId | None
    subject: str
    html: str
    template_version: int | None
    created_at: dt.datetime
    created_by: UserId | None
    sent_at: dt.datetime | None = None
    version: int = 1


@define(kw_only=True)
class CentreReference:
    """Reference data a centre loaded: spending guidelines (CSV text) and threshold
    records (JSON text, ``{"records": [...]}``) that replace the shipped table."""

    centre_id: CentreId
    guidelines_csv: str | None = None
    guidelines_source: str | None = None
    thresholds_json: str | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int = 1

    @property
    def id(self) -> CentreId:
        return self.centre_id


# ------------------------------------------------------------------------------ ports


class CreditorDirectory(Protocol):
    async def add(self, entry: CreditorEntry) -> None:
        """Stage a new creditor. ``CrossTenantAccess`` for another centre's."""
        ...

    async def get(self, creditor_id: CreditorId) -> CreditorEntry | None:
        """The creditor, or ``None`` if it is not in this centre's directory."""
        ...

    async def list(self) -> Sequence[CreditorEntry]:
        """Every creditor of the centre, by name (case-insensitive), then id."""
        ...

    async def save(self, entry: CreditorEntry) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


class DebtRepository(Protocol):
    async def add(self, entry: DebtEntry) -> None:
        """Stage a new debt. ``CrossTenantAccess`` for another centre's."""
        ...

    async def get(self, debt_id: DebtId) -> DebtEntry | None:
        """The debt, or ``None`` if it does not exist in this centre."""
        ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[DebtEntry]:
        """The case's debts, oldest first (then by id): the order creditors are listed."""
        ...

    async def save(self, entry: DebtEntry) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...

    async def remove(self, entry: DebtEntry) -> None:
        """Delete the debt; ``StaleVersion`` if the stored version is not ``entry.version``."""
        ...


class FactsRepository(Protocol):
    async def get(self, case_id: CaseId) -> CaseFinancialFacts | None:
        """The case's facts, or ``None`` if none were recorded (or not this centre's)."""
        ...

    async def add(self, facts: CaseFinancialFacts) -> None:
        """Stage the first facts of a case."""
        ...

    async def save(self, facts: CaseFinancialFacts) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


class BudgetRepository(Protocol):
    async def get(self, case_id: CaseId) -> BudgetRecord | None:
        """The case's budget, or ``None`` if there is none yet (or not this centre's)."""
        ...

    async def add(self, record: BudgetRecord) -> None:
        """Stage the first budget of a case."""
        ...

    async def save(self, record: BudgetRecord) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


class AppraisalRepository(Protocol):
    async def add(self, record: AppraisalRecord) -> None: ...

    async def get(self, appraisal_id: uuid.UUID) -> AppraisalRecord | None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[AppraisalRecord]:
        """Saved appraisals of the case, oldest first."""
        ...


class OfferRepository(Protocol):
    async def add(self, record: OfferPlanRecord) -> None: ...

    async def get(self, plan_id: uuid.UUID) -> OfferPlanRecord | None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[OfferPlanRecord]:
        """Offer plans of the case, oldest first."""
        ...


class AdviceRepository(Protocol):
    async def add(self, record: AdviceRecord) -> None: ...

    async def get(self, advice_id: uuid.UUID) -> AdviceRecord | None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[AdviceRecord]:
        """Advice records of the case, oldest first."""
        ...

    async def save(self, record: AdviceRecord) -> None:
        """Persist changes (the client's decision) and bump ``version``."""
        ...


class LetterTemplateRepository(Protocol):
    async def get(self, kind: LetterKind) -> LetterTemplate | None:
        """The centre's own template of ``kind``; ``None`` means the default is used."""
        ...

    async def list(self) -> Sequence[LetterTemplate]:
        """The centre's own templates, by kind."""
        ...

    async def add(self, template: LetterTemplate) -> None:
        """Stage a centre's first template of a kind; ``Conflict`` if it has one."""
        ...

    async def save(self, template: LetterTemplate) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


class LetterRepository(Protocol):
    async def add(self, letter: Letter) -> None: ...

    async def get(self, letter_id: uuid.UUID) -> Letter | None: ...

    async def list_for_case(self, case_id: CaseId) -> Sequence[Letter]:
        """Letters of the case, oldest first."""
        ...

    async def save(self, letter: Letter) -> None:
        """Persist changes (``sent_at``) and bump ``version``."""
        ...


class ReferenceDataRepository(Protocol):
    async def get(self) -> CentreReference | None:
        """The reference data the centre loaded, or ``None`` (shipped defaults apply)."""
        ...

    async def add(self, ref: CentreReference) -> None: ...

    async def save(self, ref: CentreReference) -> None:
        """Persist changes and bump ``version``; ``StaleVersion`` if it moved on."""
        ...


@frozen
class AdviceRepositories:
    """How each repository of the area joins a unit of work (one factory per port)."""

    creditors: RepositoryFactory[CreditorDirectory]
    debts: RepositoryFactory[DebtRepository]
    facts: RepositoryFactory[FactsRepository]
    budgets: RepositoryFactory[BudgetRepository]
    appraisals: RepositoryFactory[AppraisalRepository]
    offers: RepositoryFactory[OfferRepository]
    advice: RepositoryFactory[AdviceRepository]
    letter_templates: RepositoryFactory[LetterTemplateRepository]
    letters: RepositoryFactory[LetterRepository]
    reference: RepositoryFactory[ReferenceDataRepository]

    async def creditor_names(self, uow: UnitOfWork) -> dict[CreditorId, str]:
        """The centre's creditor directory as id -> name, to label debts (one query)."""
        return {e.id: e.creditor.name for e in await self.creditors(uow).list()}


# ------------------------------------------------------------------------------ SFS, letters


class SfsFormat(enum.StrEnum):
    JSON = "json"
    XML = "xml"


@frozen(kw_only=True)
class SfsDebtLine:
    """A debt as the SFS lists it: under priority or non-priority debts."""

    creditor: str
    amount_owed: Money
    repayment_offer: Money
    priority: bool
    ccj: bool | None = None
    notes: str | None = None


@frozen(kw_only=True)
class SfsStatement:
    """Everything an SFS-DDS v1.1 data-entry document holds, in CMA's terms.

    Totals are not stored: the exporter computes them from ``budget`` with the SFS
    formulas, and the importer recomputes them (and reports a mismatch).
    """

    budget: Budget
    details: SfsStatementDetails
    debts: tuple[SfsDebtLine, ...] = ()
    token_payments: Money | None = None


class SfsCodec(Protocol):
    """Reads and writes SFS-DDS v1.1 documents (JSON and XML)."""

    def export(self, statement: SfsStatement, fmt: SfsFormat) -> bytes:
        """The document; it is validated against the format's schema before it is returned.

        Raises:
            ValidationError: the statement cannot be written as a valid document (the
                field names the SFS element).
        """
        ...

    def parse(self, data: bytes, fmt: SfsFormat, *, check_totals: bool = True) -> SfsStatement:
        """Read a document, validating it against the schema first. With
        ``check_totals`` every total must equal the sum CMA computes from the lines.

        Raises:
            ValidationError: not valid SFS-DDS v1.1 (the field names the element at fault).
        """
        ...


@frozen(kw_only=True)
class RenderedLetter:
    subject: str
    html: str


class LetterRenderer(Protocol):
    """Turns a template and a context into a letter (HTML) and a letter into a PDF."""

    def default_template(self, kind: LetterKind) -> tuple[str, str]:
        """The shipped ``(subject, body)`` template of ``kind``."""
        ...

    def check(self, subject: str, body: str) -> None:
        """Raises ``ValidationError`` (field ``body`` or ``subject``) if it cannot render."""
        ...

    def render(self, subject: str, body: str, context: dict[str, Any]) -> RenderedLetter:
        """Render with autoescaping; undefined names are errors (``ValidationError``)."""
        ...

    def to_pdf(self, letter: RenderedLetter) -> bytes:
        """A printable PDF of the letter."""
        ...


# ------------------------------------------------------------------------------ plain data


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap_newtype(tp: Any) -> Any:
    while hasattr(tp, "__supertype__"):
        tp = tp.__supertype__
    return tp


def _optional_base(tp: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return tp, False


def _key(cls: type, name: str) -> str:
    base, _ = _optional_base(_hints(cls)[name])
    return f"{name}_pence" if base is Money else name


def to_data(value: Any) -> Any:
    """Plain JSON data for ``value`` (an attrs record or any value inside one)."""
    if isinstance(value, enum.Enum):
        return value.value
    if value is None or isinstance(value, bool | int | str | float):
        return value
    if isinstance(value, Money):
        return value.pence
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if attrs.has(type(value)):
        cls = type(value)
        return {
            _key(cls, f.alias or f.name): to_data(getattr(value, f.name))
            for f in attrs.fields(cls)
            if f.init
        }
    if isinstance(value, dict):
        return {str(to_data(k)): to_data(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    raise TypeError(f"cannot turn {type(value).__name__} into plain data")


def from_data(tp: Any, data: Any, path: str = "") -> Any:
    """Build a value of type ``tp`` from plain data, validating it.

    Raises:
        ValidationError: the data does not fit; ``field`` is the dotted path to the fault.
    """
    where = path or "body"
    base, optional = _optional_base(tp)
    if data is None:
        if optional or tp is Any:
            return None
        raise ValidationError(where, "is required")
    base = _unwrap_newtype(base)
    if base is Any:
        return data
    if base is Money:
        if isinstance(data, bool) or not isinstance(data, int):
            raise ValidationError(where, "must be a whole number of pence")
        return Money(data)
    if base is bool:
        if not isinstance(data, bool):
            raise ValidationError(where, "must be true or false")
        return data
    if base is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise ValidationError(where, "must be a whole number")
        return data
    if base is str:
        if not isinstance(data, str):
            raise ValidationError(where, "must be text")
        return data
    if base is dt.datetime:
        try:
            value = dt.datetime.fromisoformat(str(data))
        except ValueError:
            raise ValidationError(where, f"not a date-time: {data!r}") from None
        if value.tzinfo is None:
            raise ValidationError(where, "must include a timezone")
        return value
    if base is dt.date:
        if not isinstance(data, str):
            raise ValidationError(where, "must be a date (YYYY-MM-DD)")
        try:
            return dt.date.fromisoformat(data)
        except ValueError:
            raise ValidationError(where, f"not a real date (YYYY-MM-DD): {data!r}") from None
    if base is uuid.UUID:
        try:
            return uuid.UUID(str(data))
        except ValueError:
            raise ValidationError(where, "must be a UUID") from None
    if isinstance(base, type) and issubclass(base, enum.Enum):
        try:
            return base(data)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in base)
            raise ValidationError(where, f"unknown value {data!r}; one of: {allowed}") from None
    origin = typing.get_origin(base)
    args = typing.get_args(base)
    if origin in (tuple, list):
        if not isinstance(data, list | tuple):
            raise ValidationError(where, "must be a list")
        items = [from_data(args[0], v, f"{path}[{i}]") for i, v in enumerate(data)]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(data, dict):
            raise ValidationError(where, "must be an object")
        return {
            from_data(args[0], k, f"{path}.{k}" if path else str(k)): from_data(
                args[1], v, f"{path}.{k}" if path else str(k)
            )
            for k, v in data.items()
        }
    if isinstance(base, type) and attrs.has(base):
        return _build(base, data, path)
    raise TypeError(f"cannot build {base!r} from plain data")


def _build(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise ValidationError(path or "body", "must be an object")
    hints = _hints(cls)
    fields = {f.alias or f.name: f for f in attrs.fields(cls) if f.init}
    by_key = {_key(cls, name): name for name in fields}
    prefix = f"{path}." if path else ""
    for key in data:
        if key not in by_key:
            raise ValidationError(f"{prefix}{key}", "unknown field")
    kwargs: dict[str, Any] = {}
    for key, name in by_key.items():
        f = fields[name]
        if key not in data:
            if f.default is attrs.NOTHING:
                raise ValidationError(f"{prefix}{key}", "is required")
            continue
        kwargs[name] = from_data(hints[f.name], data[key], f"{prefix}{key}")
    try:
        return cls(**kwargs)
    except ValidationError as exc:
        # Domain validators name their own field; say where it is in this document.
        first, _, rest = exc.field.partition(".")
        last = exc.field.rsplit(".", 1)[-1]
        if first in fields:
            where = prefix + _key(cls, first) + (f".{rest}" if rest else "")
        elif last in fields:
            where = prefix + _key(cls, last)
        else:
            where = path or exc.field
        raise ValidationError(where, exc.detail) from None
