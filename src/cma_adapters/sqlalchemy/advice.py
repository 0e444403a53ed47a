"""SQL repositories of the advice area (advice records, letter templates, letters), on
record tables (:mod:`.records`), joined to ``SqlAlchemyUnitOfWork``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.sqlalchemy.records import RecordTable
from cma_adapters.sqlalchemy.rows import TABLES
from cma_adapters.sqlalchemy.uow import SqlAlchemyUnitOfWork, SqlContext
from cma_core.advice.ports import (
    AdviceRecord,
    AdviceRepository,
    Letter,
    LetterKind,
    LetterRepository,
    LetterTemplate,
    LetterTemplateRepository,
    template_id,
)
from cma_core.shared.ids import CaseId
from cma_core.shared.uow import UnitOfWork

#: An advice record's free text (the adviser's words about the client's situation) is
#: sealed; migration 1700 sealed the rows before it.
ADVICE_SEALED = ("options", "reasons", "risks", "next_steps", "decision_notes")


class SqlAlchemyAdviceRepository(AdviceRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._t = RecordTable(
            ctx, "advice_records", AdviceRecord, "advice record", sealed=ADVICE_SEALED
        )

    async def add(self, record: AdviceRecord) -> None:
        await self._t.add(record)

    async def get(self, advice_id: uuid.UUID) -> AdviceRecord | None:
        return await self._t.get(advice_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[AdviceRecord]:
        return await self._t.for_case(case_id)

    async def save(self, record: AdviceRecord) -> None:
        await self._t.save(record)


class SqlAlchemyLetterTemplateRepository(LetterTemplateRepository):
    def __init__(self, ctx: SqlContext) -> None:
        self._x = ctx
        self._t = RecordTable(
            ctx,
            "advice_letter_templates",
            LetterTemplate,
            "letter template",
            kind=lambda t: t.kind.value,
        )

    async def get(self, kind: LetterKind) -> LetterTemplate | None:
        return await self._t.get(template_id(self._x.centre_id, kind))

    async def list(self) -> Sequence[LetterTemplate]:
        return await self._t.where(order=(TABLES["advice_letter_templates"].c.kind,))

    async def add(self, template: LetterTemplate) -> None:
        if template.id != template_id(template.centre_id, template.kind):
            raise ValueError("a letter template's id must be template_id(centre, kind)")
        await self._t.add(template)

    async def save(self, template: LetterTemplate) -> None:
        await self._t.save(template)

    async def remove(self, template: LetterTemplate) -> None:
        await self._t.remove(template)


#: The fields of a stored letter kept sealed (migration 1201 sealed the rows before it).
LETTER_SEALED = ("subject", "html")


class SqlAlchemyLetterRepository(LetterRepository):
    def __init__(self, ctx: SqlContext) -> None:
        # A letter is addressed to the client and tells their situation: sealed.
        self._t = RecordTable(
            ctx,
            "advice_letters",
            Letter,
            "letter",
            kind=lambda x: x.kind.value,
            sealed=LETTER_SEALED,
        )

    async def add(self, letter: Letter) -> None:
        await self._t.add(letter)

    async def get(self, letter_id: uuid.UUID) -> Letter | None:
        return await self._t.get(letter_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Letter]:
        return await self._t.for_case(case_id)

    async def save(self, letter: Letter) -> None:
        await self._t.save(letter)


def advice(uow: UnitOfWork) -> AdviceRepository:
    return SqlAlchemyAdviceRepository(SqlAlchemyUnitOfWork.of(uow).context)


def letter_templates(uow: UnitOfWork) -> LetterTemplateRepository:
    return SqlAlchemyLetterTemplateRepository(SqlAlchemyUnitOfWork.of(uow).context)


def letters(uow: UnitOfWork) -> LetterRepository:
    return SqlAlchemyLetterRepository(SqlAlchemyUnitOfWork.of(uow).context)
