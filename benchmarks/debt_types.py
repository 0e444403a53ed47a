"""Which debts read from the paper's words get a type (``rules.product_named``), and how.

A creditor's letter, a claim form, a judgment, a notice of assignment, a letter of claim,
a statutory demand or an enforcement notice does not say by its kind what the debt is
for; ``rules.debt_type_for`` then types it by what the paper names it in words. The
generated corpus keeps no truth of the product a debt is for, so this prints, per family
group and kind of paper, how many documents are typed as what, and for the read families
(``--contexts``) each distinct match in its sentence, to be read by hand for precision.
The held-out families (Y, I, AH, BH, BI, BJ, BK) are counted only: no text of theirs is
printed (``--contexts`` refuses them).

    python -m benchmarks.debt_types [--per-class 2] [--contexts]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
from collections import Counter

import cma_adapters.rules_assistant as reader
from cma_core.documents.model import DocumentClass
from cma_core.documents.rules import _PRODUCTS, DEBT_CLASSES, product_named

HELD_OUT = ("y", "i", "ah", "bh", "bi", "bj", "bk")
#: The debt papers whose kind does not say what the debt is for (the rest are typed by
#: their kind, or by their own words: water or energy, tax credit or benefit, BNPL or
#: catalogue).
WORDED = sorted(
    c.value
    for c in DEBT_CLASSES
    - {
        DocumentClass.COUNCIL_TAX, DocumentClass.MAGISTRATES_FINE,
        DocumentClass.MORTGAGE_ARREARS, DocumentClass.RENT_ARREARS,
        DocumentClass.UTILITY_ARREARS, DocumentClass.OVERPAYMENT,
        DocumentClass.BNPL_CATALOGUE_ARREARS,
    }
)  # fmt: skip


def families() -> list[str]:
    names = (m.name for m in pkgutil.iter_modules(reader.__path__))
    return sorted(n.removeprefix("corpus_blind_") for n in names if n.startswith("corpus_blind_"))


def documents(family: str, per_class: int) -> list[tuple[str, str]]:
    """(kind of paper, text) of the family's debt papers whose kind does not type them."""
    module = importlib.import_module(f"cma_adapters.rules_assistant.corpus_blind_{family}")
    text = getattr(module, f"{family}_text")
    out = []
    for sample in getattr(module, f"build_{family}")(per_class):
        kind = sample.truth.document_class.value
        if kind in WORDED:
            out.append((kind, text(sample)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-class", type=int, default=2)
    parser.add_argument("--contexts", action="store_true", help="read families only")
    args = parser.parse_args()
    for group, names in (
        ("read families", [f for f in families() if f not in HELD_OUT]),
        ("held-out families (counts only)", list(HELD_OUT)),
    ):
        counts: Counter[tuple[str, str]] = Counter()
        seen: dict[str, tuple[str, str]] = {}
        for family in names:
            for kind, text in documents(family, args.per_class):
                typed = product_named(text)
                counts[(kind, typed.value if typed else "-")] += 1
                if typed and args.contexts and family not in HELD_OUT:
                    pattern = next(p for p, t in _PRODUCTS if t is typed)
                    hit = pattern.search(text)
                    assert hit is not None
                    around = " ".join(text[max(0, hit.start() - 60) : hit.end() + 30].split())
                    key = re.sub(r"[\d£.,]+", "#", around)
                    seen.setdefault(key, (f"{family} {kind} → {typed.value}", around))
        total = sum(counts.values())
        typed_n = sum(n for (_, t), n in counts.items() if t != "-")
        print(f"{group}: {len(names)} families, {total} papers, {typed_n} typed")
        for (kind, typed_as), n in sorted(counts.items()):
            print(f"  {kind:26} {typed_as:22} {n}")
        for where, around in seen.values():
            print(f"    {where}: {around}")


if __name__ == "__main__":
    main()
