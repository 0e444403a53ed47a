"""Bank statements from scans and photos: what the rules assistant reads of a printed
statement's transactions, and the suggestions they give, against the truth.

Statements from ``benchmarks/statement_pages.py`` (``DEV`` layouts the fixes were worked
out on, ``HELD`` layouts measured in aggregate only), read on perfect text (the page's
words with exact boxes) and after real Tesseract (scanned three ways, every fourth
photographed). Per statement set:

* class: read as a bank statement;
* found: true transactions read with the right date and amount (any direction) / true;
* amount only: read with the right amount on another date (a year or a day misread);
* direction right and category right among those found; extra: read transactions that
  are no true one (a balance, a total, a misread);
* suggestions: the statement's suggestions (``rules._statement_proposals``) and how many
  of them the true transactions justify (the same rules on the true, categorised
  transactions: SFS lines with the right line, debts with the right creditor).

Run: ``PYTHONPATH=src:. .venv/bin/python benchmarks/statement_images.py [--ocr 8]
[--set dev|held|both] [--documents] [--by-layout]``
(``--documents`` prints each DEV statement's misses; never the HELD set's).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

if importlib.util.find_spec("cma_core") is None:  # (PYTHONPATH picks the code to measure)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
if importlib.util.find_spec("benchmarks") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.statement_pages import DEV, HELD, HELD2, Statement, build, printed
from cma_adapters.rules_assistant import classifier, statements
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import sample_pages, sample_text
from cma_core.documents.files import ContentType
from cma_core.documents.model import DocumentClass, Extraction, PageText
from cma_core.documents.rules import _statement_proposals
from cma_core.documents.transactions import Transaction

TYPES = {"png": ContentType.PNG, "jpeg": ContentType.JPEG, "pdf": ContentType.PDF}


def match(
    truth: Sequence[Transaction], got: Sequence[Transaction]
) -> tuple[list[tuple[Transaction, Transaction]], list[Transaction], list[Transaction], int]:
    """Pairs (true, read) by date and amount; the true ones missed, the read ones extra,
    and how many missed ones were read with their amount on another date."""
    left = list(got)
    pairs = []
    missed = []
    for t in truth:
        hit = next(
            (g for g in left if g.date == t.date and abs(g.amount_pence) == abs(t.amount_pence)),
            None,
        )
        if hit is None:
            missed.append(t)
            continue
        left.remove(hit)
        pairs.append((t, hit))
    amount_only = 0
    for t in missed:
        hit = next((g for g in left if abs(g.amount_pence) == abs(t.amount_pence)), None)
        if hit is not None:
            amount_only += 1
            left.remove(hit)
    return pairs, missed, left, amount_only


def suggestions(extraction: Extraction) -> set[tuple[str, str]]:
    """Each statement suggestion as (kind, line or creditor)."""
    out = set()
    for p in _statement_proposals(extraction):
        what = p.budget_line or (p.creditor_name or "").upper()
        out.add((p.kind.value, what))
    return out


class Tally:
    def __init__(self) -> None:
        self.c: Counter[str] = Counter()

    def add(self, statement: Statement, extraction: Extraction) -> list[str]:
        c = self.c
        c["statements"] += 1
        c["class"] += extraction.document_class is DocumentClass.BANK_STATEMENT
        pairs, missed, extra, amount_only = match(statement.transactions, extraction.transactions)
        c["true"] += len(statement.transactions)
        c["found"] += len(pairs)
        c["amount_only"] += amount_only
        c["extra"] += len(extra)
        c["direction"] += sum(t.income == g.income for t, g in pairs)
        c["category"] += sum(t.category == g.category for t, g in pairs)
        truth = Extraction(
            document_class=DocumentClass.BANK_STATEMENT,
            confidence=1.0,
            source="truth",
            transactions=statement.transactions,
        )
        justified, got = suggestions(truth), suggestions(extraction)
        c["justified"] += len(justified)
        c["suggested"] += len(got)
        c["suggested_right"] += len(got & justified)
        c["no_suggestion"] += not got
        lines = [
            f"  {statement.name}: class {extraction.document_class.value}, found {len(pairs)}/"
            f"{len(statement.transactions)}, extra {len(extra)}, suggestions {len(got & justified)}"
            f"/{len(justified)} (+{len(got - justified)} unjustified)"
        ]
        lines += [f"    missed {t.date} {t.description} {t.amount_pence}" for t in missed[:6]]
        lines += [f"    extra {g.date} {g.description} {g.amount_pence}" for g in extra[:4]]
        lines += [
            f"    direction {t.description} {t.amount_pence} read {g.amount_pence}"
            for t, g in pairs
            if t.income != g.income
        ][:4]
        lines += [f"    unjustified {k} {w}" for k, w in sorted(got - justified)][:4]
        lines += [f"    not suggested {k} {w}" for k, w in sorted(justified - got)][:4]
        return lines

    def report(self, title: str) -> str:
        c = self.c
        n, true, found = c["statements"], c["true"] or 1, c["found"] or 1
        return (
            f"{title}: {n} statements, class {c['class']}/{n}; transactions found "
            f"{c['found']}/{c['true']} ({c['found'] / true:.0%}), amount on another date "
            f"{c['amount_only']}, extra {c['extra']}; of those found direction right "
            f"{c['direction']}/{c['found']} ({c['direction'] / found:.0%}), category right "
            f"{c['category']}/{c['found']} ({c['category'] / found:.0%}); suggestions "
            f"{c['suggested']} ({c['suggested'] / max(n, 1):.1f} a statement), justified and "
            f"made {c['suggested_right']}/{c['justified']}, statements with none "
            f"{c['no_suggestion']}/{n}"
        )


def read_text(statement: Statement) -> Extraction:
    sample = statement.sample()
    return extract(
        sample_text(sample), sample_pages(sample), classifier.shipped(), statements.shipped()
    )


async def read_ocr(statement: Statement, index: int) -> Extraction:
    from cma_adapters.tesseract import TesseractTextExtractor

    data, fmt = printed(statement, index)
    pages: Sequence[PageText] = await TesseractTextExtractor().extract(data, TYPES[fmt])
    text = "\f".join(p.text for p in pages)
    return extract(text, pages, classifier.shipped(), statements.shipped())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("dev", "held", "both", "held2"), default="both")
    parser.add_argument("--per-layout", type=int, default=4)
    parser.add_argument("--ocr", type=int, default=0, help="statements a set read by OCR")
    parser.add_argument("--documents", action="store_true", help="DEV set's misses")
    parser.add_argument("--by-layout", action="store_true", help="aggregates per layout too")
    args = parser.parse_args()
    sets = []
    if args.set in ("dev", "both"):
        sets.append(("DEV", build(DEV, per_layout=args.per_layout, seed=31, held_out=False)))
    if args.set in ("held", "both"):
        sets.append(("HELD", build(HELD, per_layout=args.per_layout, seed=37, held_out=True)))
    if args.set == "held2":  # written after the fixes, measured once
        sets.append(("HELD2", build(HELD2, per_layout=args.per_layout, seed=41, held_out=True)))
    for name, group in sets:
        tally, layouts = Tally(), defaultdict(Tally)
        for statement in group:
            extraction = read_text(statement)
            lines = tally.add(statement, extraction)
            layouts[statement.layout].add(statement, extraction)
            if args.documents and name == "DEV":
                print("\n".join(lines))
        print(tally.report(f"{name} perfect text"), flush=True)
        if args.by_layout:
            for layout, by in layouts.items():
                print("  " + by.report(f"{layout}"))
        if args.ocr:
            tally, layouts = Tally(), defaultdict(Tally)
            step = max(1, len(group) // args.ocr)
            chosen = group[::step][: args.ocr]
            for index, statement in enumerate(chosen):
                extraction = asyncio.run(read_ocr(statement, index))
                lines = tally.add(statement, extraction)
                layouts[statement.layout].add(statement, extraction)
                if args.documents and name == "DEV":
                    print("\n".join(lines), flush=True)
            print(tally.report(f"{name} after OCR"), flush=True)
            if args.by_layout:
                for layout, by in layouts.items():
                    print("  " + by.report(f"{layout}"))


if __name__ == "__main__":
    main()
