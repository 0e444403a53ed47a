"""An assistant that answers from a script, for tests of the handlers that use one."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

from attrs import evolve

from cma_core.documents.model import CaseFacts, DocumentClass, Draft, Extraction, PageText
from cma_core.documents.ports import Assistant
from cma_core.shared.ids import CentreId


class ScriptedAssistant(Assistant):
    """Replies are taken in order from ``extractions`` / ``drafts``; an exception in the
    script is raised instead (to rehearse timeouts and rate limits). When a script runs
    out, ``classify_and_extract`` answers ``OTHER`` at confidence 0 and ``summarise_case``
    a fixed draft. Inputs are recorded in ``texts`` and ``cases``.
    """

    def __init__(
        self,
        extractions: list[Extraction | Exception] | None = None,
        drafts: list[Draft | Exception] | None = None,
    ) -> None:
        self._extractions = deque(extractions or [])
        self._drafts = deque(drafts or [])
        self.texts: list[str] = []
        self.cases: list[CaseFacts] = []
        self.given_classes: list[DocumentClass | None] = []
        """The kind each call was told the document is (``None``: not told)."""

    async def classify_and_extract(
        self,
        text: str,
        pages: Sequence[PageText] = (),
        *,
        centre_id: CentreId | None = None,
        document_class: DocumentClass | None = None,
    ) -> Extraction:
        self.texts.append(text)
        self.given_classes.append(document_class)
        if not self._extractions:
            reply: Extraction | Exception = Extraction(
                document_class=DocumentClass.OTHER, confidence=0.0, source="script"
            )
        else:
            reply = self._extractions.popleft()
        if isinstance(reply, Exception):
            raise reply
        if document_class is None:
            return reply
        # As the port says: the adviser's kind stands, with full confidence.
        return evolve(reply, document_class=document_class, confidence=1.0)

    async def summarise_case(self, facts: CaseFacts) -> Draft:
        self.cases.append(facts)
        if not self._drafts:
            return Draft(text=f"Summary of case {facts.case_reference}.", source="script")
        reply = self._drafts.popleft()
        if isinstance(reply, Exception):
            raise reply
        return reply
