"""The transaction categoriser by direction: each payment's category chosen among its
direction's categories only (``statements.predict_category``: money in is income or none of
the budget's, money out is spending) against the model's top category over all of them
(``Model.predict_label``), on the generated statements with *held-out* payees and formats
(the ones ``cma assistant train`` reports on, never trained on) and on a second held-out
draw. Both in the same run, with the shipped categoriser.

Run: ``.venv/bin/python benchmarks/categoriser_direction.py [--statements 20]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cma_adapters.rules_assistant import statements
from cma_adapters.rules_assistant.statements_corpus import build_statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=20)
    args = parser.parse_args()
    model = statements.shipped()
    assert model is not None, "no shipped categoriser"
    print(f"categoriser {model.version}, held-out payees and formats")
    for seed in (15, 16):  # 15: the draw training reports on (seed + 1); 16: another
        rows = [
            t
            for s in build_statements(args.statements, seed=seed, held_out=True)
            for t in s.transactions
        ]
        plain = directed = wrong_way = 0
        for t in rows:
            text = statements.categoriser_text(t.description, t.income)
            top, _ = model.predict_label(text)
            plain += top == t.category
            wrong_way += (top in statements.INCOME_CATEGORIES and top != "not_budgeted") != (
                t.income
            ) and top != "not_budgeted"
            got, _ = statements.predict_category(model, t.description, t.income)
            directed += got == t.category
        n = len(rows)
        print(
            f"  seed {seed}: {n} transactions; top category {plain}/{n} ({plain / n:.1%}), "
            f"of them the wrong direction {wrong_way}; by direction {directed}/{n} "
            f"({directed / n:.1%})"
        )


if __name__ == "__main__":
    main()
