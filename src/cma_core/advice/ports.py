"""Ports of the advice area: advice records, letter templates, letters and their renderer."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Sequence
from typing import Any, Protocol

from attrs import define, frozen

from cma_core.debts.model import DebtId
from cma_core.reference.jurisdiction import Jurisdiction
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money
from cma_core.solutions.model import Eligibility, Solution


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


class LetterFormat(enum.StrEnum):
    """How a letter is downloaded."""

    HTML = "html"
    PDF = "pdf"


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

    async def remove(self, template: LetterTemplate) -> None:
        """Stage dropping the centre's own template (its kind's default is used again);
        ``StaleVersion`` if it moved on since it was read."""
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

    def sample(self) -> dict[str, Any]:
        """Made-up case data, nobody's: what a template is checked and previewed with."""
        ...

    def render(self, subject: str, body: str, context: dict[str, Any]) -> RenderedLetter:
        """Render with autoescaping; undefined names are errors (``ValidationError``)."""
        ...

    def to_pdf(self, letter: RenderedLetter) -> bytes:
        """A printable PDF of the letter."""
        ...
