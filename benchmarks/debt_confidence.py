"""Debts suggested from letters the reader is unsure of the kind of, but sure are about a
debt (``Extraction.debt_confidence``, ``documents.rules.suggest``), per family, on
perfect text.

Every document is read once by the shipped reader (classifier and field ranker) and its
suggestions made twice by ``suggest``: as before (no ``debt_confidence``: under 35%
confidence in the kind, nothing is proposed) and as now. Printed per family: of the
documents that state a debt (a debt class, a creditor and a balance), how many get a debt
suggested before and now, and how many of those added now say "Check the document type";
of the other documents, how many get a debt suggested (wrongly) before and now. A blind
family's figures are totals only; no document of it is named.

Run: ``.venv/bin/python benchmarks/debt_confidence.py [--per-family 4]
[--family base,l,m,...,z,e]`` (default: every family).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import uuid
from pathlib import Path

from attrs import evolve

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.intake_accuracy import PRINTED
from cma_adapters.rules_assistant import classifier, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import build_corpus, sample_pages, sample_text
from cma_adapters.rules_assistant.corpus_blind import blind_pages, build_blind
from cma_core.documents.files import inspect_upload
from cma_core.documents.model import Document, DocumentId, SuggestionId, SuggestionKind
from cma_core.documents.rules import DEBT_CLASSES, suggest
from cma_core.documents.storage import document_key
from cma_core.shared.ids import CaseId, CentreId, UserId

NOW = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)
_IDS = itertools.count(1)
_DEBTS = {SuggestionKind.NEW_DEBT, SuggestionKind.UPDATE_DEBT}


def _document() -> Document:
    doc_id = DocumentId(uuid.uuid4())
    return Document.receive(
        document_id=doc_id,
        centre_id=CentreId(uuid.UUID(int=1)),
        case_id=CaseId(uuid.UUID(int=2)),
        filename="letter.pdf",
        facts=inspect_upload(b"%PDF-1.7 letter"),
        storage_key=document_key(doc_id),
        uploaded_by=UserId(uuid.UUID(int=3)),
        now=NOW,
    )


def _debts(extraction: object) -> list[str]:
    made = suggest(
        extraction,  # type: ignore[arg-type]
        _document(),
        new_id=lambda: SuggestionId(uuid.UUID(int=next(_IDS))),
        now=NOW,
    )
    return [s.title for s in made if s.kind in _DEBTS]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=4)
    parser.add_argument("--family", default=",".join(("base", "l", *PRINTED)))
    args = parser.parse_args()
    model, fields = classifier.shipped(), ranker.shipped()
    print(
        f"{'family':<36}{'debts':>7}{'before':>8}{'now':>6}{'checked':>9}"
        f"{'others':>8}{'wrong before':>14}{'now':>6}"
    )
    totals = [0] * 7
    for key in (k.strip().lower() for k in args.family.split(",") if k.strip()):
        if key == "base":
            samples, text, pages, title = (
                build_corpus(args.per_family, seed=99, held_out=None),
                sample_text,
                sample_pages,
                "A-D, H, K",
            )
        elif key == "l":
            samples, text, pages, title = (
                build_blind(args.per_family),
                sample_text,
                blind_pages,
                "L",
            )
        else:
            family = PRINTED[key]
            samples, text, pages, title = (
                list(family.build(args.per_family)),
                family.text,
                family.pages,
                family.title,
            )
        row = [0] * 7
        for sample in samples:
            got = extract(text(sample), pages(sample), model, fields_model=fields)
            before, now = _debts(evolve(got, debt_confidence=None)), _debts(got)
            truth = sample.truth
            states_debt = (
                truth.document_class in DEBT_CLASSES
                and bool(truth.creditor_name)
                and truth.balance_pence is not None
            )
            if states_debt:
                row[0] += 1
                row[1] += bool(before)
                row[2] += bool(now)
                row[3] += bool(now) and not before and now[0].startswith("Check the document type")
            else:
                row[4] += 1
                row[5] += bool(before)
                row[6] += bool(now)
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(
            f"{title[:35]:<36}{row[0]:>7}{row[1]:>8}{row[2]:>6}{row[3]:>9}"
            f"{row[4]:>8}{row[5]:>14}{row[6]:>6}",
            flush=True,
        )
    print(
        f"{'total':<36}{totals[0]:>7}{totals[1]:>8}{totals[2]:>6}{totals[3]:>9}"
        f"{totals[4]:>8}{totals[5]:>14}{totals[6]:>6}"
    )


if __name__ == "__main__":
    main()
