"""The read corpus families' bank statements through the statement reader (perfect text):
how many give transactions and suggestions, and how many of the amounts read are printed
on the page. The families carry no true transactions, so this is a check that the
statement reader reads their tables, not an accuracy.

Only the *read* families (A-D, H, K of ``corpus``, and E, F, G, M-X, Z, AA); the blind
ones (Y, I, J, AB, AC, AD) are never imported. Run with the code to measure on the path:
``PYTHONPATH=src:. .venv/bin/python benchmarks/statement_families.py``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from cma_adapters.rules_assistant import classifier, statements
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import build_corpus, sample_pages, sample_text
from cma_core.documents.model import DocumentClass
from cma_core.documents.rules import _statement_proposals

READ = ("e", "f", "g", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "z", "aa")


def families() -> list[tuple[str, Sequence[Any], Callable[[Any], Any], Callable[[Any], str]]]:
    out: list[tuple[str, Sequence[Any], Callable[[Any], Any], Callable[[Any], str]]] = [
        ("A-D, H, K", build_corpus(4, seed=7), sample_pages, sample_text)
    ]
    for key in READ:
        module = importlib.import_module(f"cma_adapters.rules_assistant.corpus_blind_{key}")
        build = getattr(module, f"build_{key}")
        out.append(
            (key.upper(), build(), getattr(module, f"{key}_pages"), getattr(module, f"{key}_text"))
        )
    return out


def main() -> None:
    model, categoriser = classifier.shipped(), statements.shipped()
    totals = [0, 0, 0, 0, 0, 0]
    for name, samples, pages, text in families():
        found = [s for s in samples if s.truth.document_class is DocumentClass.BANK_STATEMENT]
        n = with_txns = txns = printed = suggested = with_suggestions = 0
        for sample in found:
            flat = text(sample)
            got = extract(flat, pages(sample), model, categoriser)
            n += 1
            with_txns += bool(got.transactions)
            txns += len(got.transactions)
            printed += sum(f"{abs(t.amount_pence) / 100:,.2f}" in flat for t in got.transactions)
            made = len(_statement_proposals(got))
            suggested += made
            with_suggestions += bool(made)
        for i, v in enumerate((n, with_txns, txns, printed, suggested, with_suggestions)):
            totals[i] += v
        print(
            f"  {name}: {n} statements, {with_txns} with transactions ({txns}, {printed} of "
            f"their amounts printed), {with_suggestions} with suggestions ({suggested})"
        )
    n, with_txns, txns, printed, suggested, with_suggestions = totals
    print(
        f"read families: {n} statements, {with_txns} with transactions ({txns}, {printed} of "
        f"their amounts printed), {with_suggestions} with suggestions ({suggested})"
    )


if __name__ == "__main__":
    main()
