"""OpenAPI examples of the advice routes: letters and letter templates."""

from __future__ import annotations

import uuid

import attrs

from cma_core.advice.ports import Letter, LetterKind
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_entrypoints.http.advice.schemas import LetterOut, TemplateOut
from cma_entrypoints.http.common import examples as ex

LETTER = Letter(
    id=uuid.UUID("1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"),
    centre_id=CentreId(ex.CENTRE_ID),
    case_id=CaseId(ex.CASE_ID),
    kind=LetterKind.ADVICE_SUMMARY,
    debt_id=None,
    subject="Your debt advice: summary",
    html="<p>Dear Ms Example,</p><p>Thank you for meeting us on 28 November 2026.</p>",
    template_version=None,
    created_at=ex.AT,
    created_by=UserId(ex.ADVISER_ID),
)

SENT = LetterOut.of(
    Letter(**{**attrs.asdict(LETTER, recurse=False), "sent_at": ex.AT, "version": 2})
)

TEMPLATE = TemplateOut(
    kind="offer_of_payment",
    subject="Offer of payment: {{ debt.account_reference }}",
    body="<p>{{ client.name }} offers {{ debt.offer }} a month.</p>",
    is_default=False,
    version=1,
)
TEMPLATE_DEFAULT = TemplateOut(
    kind="offer_of_payment",
    subject="Offer of payment",
    body="<p>Dear Sir or Madam,</p><p>Our client {{ client.name }} offers {{ debt.offer }} a "
    "month.</p>",
    is_default=True,
    version=0,
)
