"""How sure Tesseract was of the value words it misread (round 53).

For every read family given, the cached Tesseract reading of its ``--ocr-<f> 19`` scans
(``ocr_reread.py --scan``) is set beside each document's true values: a value found verbatim
(as ``values_in_text``: case and line breaks ignored, in one of the forms the family prints
it in) is a right reading; a value not found is aligned with the run of words on the page
nearest to it (edit distance), and the kind of damage is named from the difference:

* ``lookalike``: the same length, only look-alike characters differ (O/0, S/5, I/1, ...)
* ``char``: the same length, other characters differ
* ``lost``/``added``: a character fewer or more (a digit lost, a speck read as one)
* ``far``: more than a third of the value differs, or nothing near it (not in the text)

Each aligned run's least sure word (Tesseract's word confidence, 0-100) is counted in a
confidence band, for the right readings and for each kind: if the wrong readings are as sure
as the right ones, a re-read of unsure words cannot find them. Blind families are refused.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from benchmarks import intake_accuracy as ia
from cma_adapters.rules_assistant.corpus import FIELDS, Truth

BANDS = (0, 50, 70, 80, 90, 96, 101)
LOOKALIKE = [set("0oOQD"), set("5sS"), set("1iIlL|!/"), set("8B"), set("2zZ"), set("6G"),
             set("9gq"), set("eEF"), set("cCG"), set("uUvV"), set("mM"), set("/1I")]  # fmt: skip
VALUES = ("account_reference", "court_claim_number", "balance_pence", "income_pence",
          "gross_pence", "letter_date", "deadline_date", "served_date")  # fmt: skip


def distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def alike(a: str, b: str) -> bool:
    return a.casefold() == b.casefold() or any(a in s and b in s for s in LOOKALIKE)


def band(conf: float) -> str:
    for low, high in itertools.pairwise(BANDS):
        if low <= conf < high:
            return f"{low}-{high - 1}"
    return "?"


def nearest(form: str, words: list[Any]) -> tuple[int, list[Any]]:
    """The run of words whose text is nearest ``form`` (its tokens' count, one either side)."""
    target = form.casefold()
    k = max(1, len(form.split()))
    best: tuple[int, list[Any]] = (len(target) + 1, [])
    for size in {max(1, k - 1), k, k + 1}:
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            text = " ".join(w.text for w in run).casefold().strip(".,;:()[]")
            if abs(len(text) - len(target)) > max(3, len(target) // 3):
                continue
            d = 0 if target in text and len(text) - len(target) <= 2 else distance(target, text)
            if d < best[0]:
                best = (d, run)
    return best


def kind(form: str, run: list[Any], d: int) -> str:
    text = " ".join(w.text for w in run).strip(".,;:()[]")
    if not run or d > 2 or d > max(1, len(form) // 4):
        return "far"
    if len(text) == len(form):
        pairs = [(a, b) for a, b in zip(form.casefold(), text.casefold(), strict=True) if a != b]
        return "lookalike" if all(alike(a, b) for a, b in pairs) else "char"
    return "lost" if len(text) < len(form) else "added"


def choices(family: Any, index: int, sample: Any, pages: Any, form: str, run: list[Any]) -> str:
    """Whether the page read again with ``lstm_choice_mode=2`` (hOCR: each character's
    alternatives) offers each printed character where the misread one was read: "all",
    "some", "none", or "not found" (the word not read the same way again)."""
    import re
    import subprocess

    from benchmarks.ocr_unsure_replay import images
    from cma_adapters.tesseract import TesseractTextExtractor
    from cma_adapters.tesseract.extractor import _packed

    data, fmt, _ = family.scanned(sample, index)
    seen = images(TesseractTextExtractor(), data, ia.scan_content_types()[fmt])
    target = run[0]
    page = next(
        (p for p in pages if any(w is target for w in p.words)), None
    )  # the page the word is on
    if page is None or seen[page.number - 1] is None:
        return "not found"
    hocr = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "3", "--dpi", "300", "-c",
         "lstm_choice_mode=2", "hocr"],
        input=_packed(seen[page.number - 1]), capture_output=True, check=False,
    ).stdout.decode("utf-8", "replace")  # fmt: skip
    chunks = {}
    for chunk in hocr.split("<span class='ocrx_word'")[1:]:
        box = re.search(r"bbox (\d+) (\d+) (\d+) (\d+)", chunk)
        text = re.search(r">([^<]*)", chunk)
        if box and text:
            groups = chunk.split("id='lstm_choices")[1:]
            options = [re.findall(r"x_confs [\d.]+'>([^<]*)</span>", g) for g in groups]
            chunks[tuple(int(v) for v in box.groups())] = (text.group(1).strip(), options)
    verdicts = []
    for word in run:
        b = word.box
        got = chunks.get((b.left, b.top, b.right, b.bottom))
        if got is None or got[0] != word.text:
            verdicts.append("not found")
            continue
        options = [o for o in got[1] if o and o[0].strip()]
        read = word.text
        printed = form.split()[run.index(word)] if len(form.split()) == len(run) else form
        if len(options) != len(read) or len(printed) != len(read):
            verdicts.append("not aligned")
            continue
        wrong = [(i, c) for i, (r, c) in enumerate(zip(read, printed, strict=True)) if r != c]
        offered = [c in options[i] or c.swapcase() in options[i] for i, c in wrong]
        if wrong:
            verdicts.append("all" if all(offered) else "some" if any(offered) else "none")
    return ",".join(verdicts) or "no change"


def compare(key: str, family: Any, before: list[Any], after: list[Any]) -> None:
    """Values verbatim in the text before and after (as ``values_in_text``), and each value
    found in one and not the other (printed for the development half only: ``--show``)."""
    counts = [0, 0, 0]
    for index, sample in enumerate(ia.ocr_chosen(family, len(before))):
        for field in FIELDS:
            value = getattr(sample.truth, field)
            if value is None:
                continue
            one = Truth(document_class=sample.truth.document_class, **{field: value})
            was = family.values_in_text(one, before[index][0])[0]
            now = family.values_in_text(one, after[index][0])[0]
            counts[0] += was
            counts[1] += now
            counts[2] += 1
            if was != now and SHOW[0]:
                print(f"  {key}{index} {field} {value!r}: {'found' if now else 'LOST'}")
    print(f"{key}: verbatim {counts[0]} -> {counts[1]} of {counts[2]}")
    TOTAL[0] += counts[0]
    TOTAL[1] += counts[1]
    TOTAL[2] += counts[2]


SHOW = [False]
TOTAL = [0, 0, 0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--count", type=int, default=19)
    parser.add_argument("--show", action="store_true", help="print each misread value")
    parser.add_argument(
        "--choices",
        action="store_true",
        help="for each misread value word, Tesseract's per-character alternatives (hOCR)",
    )
    parser.add_argument(
        "--after", type=Path, help="a second cache: values verbatim in each, and which moved"
    )
    args = parser.parse_args()
    SHOW[0] = args.show
    table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    alts: Counter[str] = Counter()
    for key in args.families.split(","):
        family = ia.PRINTED[key]
        if family.blind:
            sys.exit(f"{key} is blind: refused")
        forms_of = sys.modules[family.values_in_text.__module__].printed_forms  # type: ignore[attr-defined]
        texts = pickle.loads((args.cache / f"{key}.pkl").read_bytes())
        if args.after:
            compare(key, family, texts, pickle.loads((args.after / f"{key}.pkl").read_bytes()))
            continue
        chosen = ia.ocr_chosen(family, args.count)
        for index, (sample, (text, pages)) in enumerate(zip(chosen, texts, strict=True)):
            words = [w for p in pages for w in p.words]
            flat = " ".join(text.split()).casefold()
            for field in FIELDS:
                value = getattr(sample.truth, field)
                if value is None:
                    continue
                group = "value" if field in VALUES else "name"
                forms = [f for f in forms_of(field, value) if f]
                if any(f.casefold() in flat for f in forms):
                    d, run = min((nearest(f, words) for f in forms), key=lambda x: x[0])
                    what = "right" if d == 0 and run else "right (not word-aligned)"
                    conf = min((w.confidence for w in run), default=1.0) * 100
                    table[(group, what)][band(conf)] += 1
                    continue
                d, run, form = min(((*nearest(f, words), f) for f in forms), key=lambda x: x[0])
                what = kind(form, run, d)
                conf = min((w.confidence for w in run), default=1.0) * 100
                table[(group, what)][band(conf)] += 1
                if args.choices and group == "value" and what in ("lookalike", "char"):
                    verdict = choices(family, index, sample, pages, form, run)
                    alts[verdict] += 1
                    if args.show:
                        print(f"    printed character among the alternatives: {verdict}")
                if args.show:
                    got = " ".join(w.text for w in run)
                    print(f"{key}{index} {field}: {form!r} read {got!r} ({what}, conf {conf:.0f};"
                          f" words {[round(w.confidence * 100) for w in run]})")  # fmt: skip
    if args.after:
        print(f"all: verbatim {TOTAL[0]} -> {TOTAL[1]} of {TOTAL[2]}")
        return
    names = [f"{low}-{high - 1}" for low, high in itertools.pairwise(BANDS)]
    print(f"{'group / kind':<34}" + "".join(f"{n:>8}" for n in names) + f"{'all':>8}")
    for (group, what), counts in sorted(table.items()):
        row = "".join(f"{counts[n]:>8}" for n in names)
        print(f"{group + ' / ' + what:<34}{row}{sum(counts.values()):>8}")
    if alts:
        print("misread value words (lookalike, char): the printed character among Tesseract's")
        print("alternatives for the character read?", dict(alts))


if __name__ == "__main__":
    main()
