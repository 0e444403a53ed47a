"""In-memory repositories of the advice area (advice records, letter templates, letters),
on record tables (:mod:`.records`), joined to ``InMemoryUnitOfWork``."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from cma_adapters.memory.records import RecordTable, by_created, in_case
from cma_adapters.memory.uow import InMemoryUnitOfWork
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


class InMemoryAdviceRepository(AdviceRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[AdviceRecord] = RecordTable(uow, "advice_records", "advice record")

    async def add(self, record: AdviceRecord) -> None:
        self._t.add(record)

    async def get(self, advice_id: uuid.UUID) -> AdviceRecord | None:
        return self._t.get(advice_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[AdviceRecord]:
        return self._t.where(in_case(case_id), by_created)

    async def save(self, record: AdviceRecord) -> None:
        self._t.save(record)


class InMemoryLetterTemplateRepository(LetterTemplateRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._uow = uow
        self._t: RecordTable[LetterTemplate] = RecordTable(
            uow, "letter_templates", "letter template"
        )

    async def get(self, kind: LetterKind) -> LetterTemplate | None:
        return self._t.get(template_id(self._uow.centre_id, kind))

    async def list(self) -> Sequence[LetterTemplate]:
        return self._t.where(lambda _: True, lambda t: t.kind.value)

    async def add(self, template: LetterTemplate) -> None:
        if template.id != template_id(template.centre_id, template.kind):
            raise ValueError("a letter template's id must be template_id(centre, kind)")
        self._t.add(template)

    async def save(self, template: LetterTemplate) -> None:
        self._t.save(template)

    async def remove(self, template: LetterTemplate) -> None:
        self._t.remove(template)


class InMemoryLetterRepository(LetterRepository):
    def __init__(self, uow: InMemoryUnitOfWork) -> None:
        self._t: RecordTable[Letter] = RecordTable(uow, "letters", "letter")

    async def add(self, letter: Letter) -> None:
        self._t.add(letter)

    async def get(self, letter_id: uuid.UUID) -> Letter | None:
        return self._t.get(letter_id)

    async def list_for_case(self, case_id: CaseId) -> Sequence[Letter]:
        return self._t.where(in_case(case_id), by_created)

    async def save(self, letter: Letter) -> None:
        self._t.save(letter)


def advice(uow: UnitOfWork) -> AdviceRepository:
    return InMemoryAdviceRepository(InMemoryUnitOfWork.of(uow))


def letter_templates(uow: UnitOfWork) -> LetterTemplateRepository:
    return InMemoryLetterTemplateRepository(InMemoryUnitOfWork.of(uow))


def letters(uow: UnitOfWork) -> LetterRepository:
    return InMemoryLetterRepository(InMemoryUnitOfWork.of(uow))
