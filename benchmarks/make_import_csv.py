"""Write a back-office export of N clients, N cases and 2N debts in the format of
``cma import csv`` (docs/BULK-IMPORT.md), to time the import::

    .venv/bin/python -m benchmarks.make_import_csv --cases 5000 --out /tmp/export
    cma import csv --centre ID --clients /tmp/export/clients.csv \\
        --cases /tmp/export/cases.csv --debts /tmp/export/debts.csv --json

The ``--json`` receipt gives records per second.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from cma_entrypoints.scale_seed import CREDITORS, FIRST, LAST
from cma_entrypoints.scale_seed import NOTES as NOTE_TEMPLATES

POSTCODES = ("LS6 2AB", "BD7 1QX", "M1 3HE", "CF14 3LD", "PA34 4LR", "WF1 2DS")
DEBT_TYPES = ("council_tax", "credit_card", "catalogue", "rent", "overdraft", "payday_loan")


def write(out: Path, cases: int, seed: int = 15) -> None:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "clients.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["external_id", "first_name", "last_name", "date_of_birth", "email",
                    "phone", "address_line_1", "address_line_2", "postcode"])  # fmt: skip
        for i in range(cases):
            w.writerow([f"CL-{i}", rng.choice(FIRST), rng.choice(LAST),
                        f"{1950 + i % 50}-{1 + i % 12:02d}-01", f"client{i}@example.org",
                        f"07700 9{i % 100000:05d}", f"{1 + i % 200} High Street", "Leeds",
                        rng.choice(POSTCODES)])  # fmt: skip
    with (out / "cases.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["external_id", "client_external_id", "opened_at", "note"])
        for i in range(cases):
            note = rng.choice(NOTE_TEMPLATES).format(
                c=rng.choice(CREDITORS), n=rng.randint(20, 900)
            )
            w.writerow([f"CS-{i}", f"CL-{i}", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", note])
    with (out / "debts.csv").open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["external_id", "case_external_id", "debt_type", "balance", "arrears"])
        for i in range(cases):
            for j in range(2):
                balance = rng.randint(5_000, 900_000)
                w.writerow([f"DB-{i}-{j}", f"CS-{i}", rng.choice(DEBT_TYPES),
                            f"{balance / 100:.2f}", f"{balance // 300 / 100:.2f}"])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    write(args.out, args.cases)


if __name__ == "__main__":
    main()
