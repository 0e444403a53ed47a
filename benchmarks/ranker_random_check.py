"""Round 24: the field ranker with and without randomised pages (``ranker_random``).

Reads the training documents once (as ``cma assistant train --field-ranker blended``
does: 6 a family and class, seed 14, C = 3.0 as shipped), fits the ranker without and
with ``N`` randomised pages (seed 14), writes each model's json to ``--out`` (for
``intake_accuracy.py --ranker <path>``) and reads held-out randomised pages drawn with
another seed (never trained on) by the rules, the shipped ranker and each fitted one.

    python benchmarks/ranker_random_check.py --random 300,600 --held 400 --out /tmp/r24
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cma_adapters.rules_assistant import ranker
from cma_adapters.rules_assistant import ranker_training as rt


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--random", default="300,600")
    parser.add_argument("--held", type=int, default=400)
    parser.add_argument("--held-seed", type=int, default=2424)
    parser.add_argument("--out", default="/tmp/r24")
    parser.add_argument(
        "--lofo", action="store_true", help="also leave each real family out, with and without"
    )
    args = parser.parse_args()
    counts = [int(x) for x in args.random.split(",")]
    started = time.perf_counter()
    words = rt.vocabulary()
    base = rt.documents(6, 14, 6)
    rnd = rt.random_documents(max(counts), 14)
    held = rt.rows(rt.random_documents(args.held, args.held_seed), words)
    base_rows = rt.rows(base, words)
    rnd_rows = rt.rows(rnd, words)
    print(f"read {len(base_rows)} training documents, {len(rnd_rows)} randomised, "
          f"{len(held)} held-out randomised (seed {args.held_seed}) in "
          f"{time.perf_counter() - started:.0f} s")  # fmt: skip
    models: dict[str, ranker.Model | None] = {"rules": None, "shipped": ranker.shipped()}
    models["refit 0"] = rt.fit(base_rows, c=3.0, rules=True, version="r24-0")
    for n in counts:
        models[f"random {n}"] = rt.fit(
            base_rows + rnd_rows[:n], c=3.0, rules=True, version=f"r24-{n}"
        )
    two = frozenset({"creditor_name", "letter_date"})
    data = base_rows + rnd_rows[: max(counts)]
    models[f"random {max(counts)} cl"] = rt.fit(
        data, c=3.0, rules=True, version="r24-cl", random_fields=two
    )
    for name, model in models.items():
        if model is not None and name != "shipped":
            path = Path(args.out) / f"ranker-{name.replace(' ', '-')}.json"
            path.write_text(ranker.to_json(model), encoding="utf-8")
            print(f"wrote {path}")
    fields = sorted({f.field for d in held for f in d.fields if f.right is not None})
    print(f"\nheld-out randomised pages (seed {args.held_seed}, {len(held)} pages, perfect text)")
    print("| field | " + " | ".join(models) + " |")
    print("|---|" + "---|" * len(models))
    scores = {name: rt.held_out(model, held) for name, model in models.items()}
    for field in fields:
        cells = [f"{scores[n][field][0]}/{scores[n][field][1]}" for n in models]
        print(f"| {field} | " + " | ".join(cells) + " |")
    if args.lofo:
        lofo_compare(base_rows, rnd_rows, max(counts))
        lofo_compare(base_rows, rnd_rows, max(counts), frozenset({"creditor_name", "letter_date"}))


def lofo_compare(
    base_rows: list[rt.DocRows],
    rnd_rows: list[rt.DocRows],
    n: int,
    random_fields: frozenset[str] | None = None,
) -> None:
    """Leave one real family out (trained on the others, with and without ``n``
    randomised pages): per family and field, where the two differ."""
    without = rt.lofo(base_rows, c=3.0, rules=True)
    with_ = rt.lofo(base_rows + rnd_rows[:n], c=3.0, rules=True, random_fields=random_fields)
    print(f"\nleave-one-family-out (C = 3.0), without -> with {n} randomised pages"
          f" (training {sorted(random_fields) if random_fields else 'every field'})")  # fmt: skip
    same = 0
    for family in sorted(without):
        for field in sorted(without[family]):
            a, b = without[family][field], with_[family][field]
            if a[1] != b[1]:
                print(f"  {family:3} {field:20} {a[1]} -> {b[1]} / {a[2]} (rules {a[0]})")
            else:
                same += 1
    print(f"  ({same} family-fields the same)")
    for name, table in (("without", without), ("with", with_)):
        print(f"  mean over families and fields, {name}: {rt._mean(table):.4f}")


if __name__ == "__main__":
    main()
