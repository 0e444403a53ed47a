"""Which wrong values could the adviser be warned of after OCR? (round 60, counts only)

For every value the shipped reader chose on a family's cached OCR (``ocr_reread.py
--scan``), as ``ocr_hard_to_read.py`` reads it (the product's evidence and
``read_confidence``), three signals are kept beside whether the value is right: the OCR's
``read_confidence``, the reader's ``choice_confidence`` (the field ranker's probability;
``None`` where no ranker ranked the field) and its margin over the best alternative of
another value for the same field. Printed: for each rule (hard to read alone; an unsure
choice under c; a margin under m; either with hard to read; and the shipped
``FieldEvidence.to_check``), how many wrong and how many right values it marks, for the
families of ``--dev`` and of ``--check``: a rule is chosen on the first and read once on
the second. Only counts are printed, so a held-out family may be measured without a value
shown.

    python benchmarks/ocr_doubt.py --cache /work/ocr-cache --dev m,o,... --check n,p,...
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from benchmarks.ocr_hard_to_read import FIELDS, readings
from cma_adapters.rules_assistant.corpus import normalise_value

Row = tuple[str, bool, float | None, float | None, float, bool]
"""field, right, read confidence, choice confidence, margin over the best other value,
``FieldEvidence.to_check``"""


def rows(cache: Path, keys: list[str]) -> list[Row]:
    out: list[Row] = []
    for sample, extraction, evidence in readings(cache, keys):
        for field in FIELDS:
            got = getattr(extraction, field, None)
            if got is None:
                continue
            right = normalise_value(field, got) == normalise_value(
                field, getattr(sample.truth, field)
            )
            mine = [e for e in evidence if e.field == field]
            chosen = next((e for e in mine if e.chosen), None)
            choice = chosen.choice_confidence if chosen else None
            others = [
                e.choice_confidence
                for e in mine
                if not e.chosen and chosen and e.value != chosen.value
                if e.choice_confidence is not None
            ]
            margin = choice - max(others) if others and choice is not None else 1.0
            sure = chosen.read_confidence if chosen else None
            flagged = bool(chosen and chosen.to_check)
            out.append((field, right, sure, choice, margin, flagged))
    return out


Rule = Callable[[Row], bool]


def hard(r: Row) -> bool:
    return r[2] is not None and r[2] < 0.7


def rules() -> dict[str, Rule]:
    out: dict[str, Rule] = {"hard to read": hard, "to check (shipped)": lambda r: r[5]}
    for c in (0.3, 0.4, 0.5, 0.6, 0.7):
        out[f"choice < {c}"] = lambda r, c=c: r[3] is not None and r[3] < c
        out[f"hard or choice < {c}"] = lambda r, c=c: hard(r) or (r[3] is not None and r[3] < c)
    for m in (0.1, 0.2, 0.3, 0.5):
        out[f"margin < {m}"] = lambda r, m=m: r[4] < m
        out[f"hard or margin < {m}"] = lambda r, m=m: hard(r) or r[4] < m
    return out


def table(title: str, data: list[Row]) -> None:
    wrong = [r for r in data if not r[1]]
    right = [r for r in data if r[1]]
    print(f"\n{title}: {len(right)} right, {len(wrong)} wrong values chosen")
    print(f"{'rule':<26}{'wrong marked':>14}{'right marked':>14}")
    for name, rule in rules().items():
        w, r = sum(map(rule, wrong)), sum(map(rule, right))
        share_w, share_r = w / max(1, len(wrong)), r / max(1, len(right))
        print(f"{name:<26}{w:>6} ({share_w:4.0%}){r:>7} ({share_r:4.1%})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--dev", default="")
    parser.add_argument("--check", default="")
    args = parser.parse_args()
    for name, keys in (("dev", args.dev), ("check", args.check)):
        if keys:
            table(f"{name} ({keys})", rows(args.cache, keys.split(",")))


if __name__ == "__main__":
    main()
