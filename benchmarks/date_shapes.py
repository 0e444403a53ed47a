"""Round 55: how many cells of the date-shape grid (tests/unit/documents/
test_date_shapes_r55.py) ``parse_date`` fails, by axis, for whatever ``src`` is on the
path; and which of the grid's negatives it reads as a date. Run with the worktree (or an
archive of main's src) first on PYTHONPATH:

    PYTHONPATH=<src>:<worktree> python benchmarks/date_shapes.py [--examples N]
"""

from __future__ import annotations

import argparse
from collections import Counter

from tests.unit.documents.test_date_shapes_r55 import AXES, GRID, NEGATIVES, failing

from cma_adapters.rules_assistant.values import parse_date


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--examples", type=int, default=0, help="failing texts to print")
    args = parser.parse_args()
    wrong = failing(GRID)
    print(f"cells {len(GRID)}, failing {len(wrong)}")
    for axis in AXES:
        total = Counter(axes[axis] for axes, _, _ in GRID)
        bad = Counter(axes[axis] for axes, _ in wrong)
        row = ", ".join(f"{value} {bad[value]}/{total[value]}" for value in sorted(total))
        print(f"  {axis}: {row}")
    read = [text for text in NEGATIVES if parse_date(text) is not None]
    print(f"negatives read as a date: {len(read)} of {len(NEGATIVES)} {read}")
    for _, text in wrong[: args.examples]:
        print("  fails:", text)


if __name__ == "__main__":
    main()
