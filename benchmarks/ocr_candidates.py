"""Why the reader chose another value after OCR (round 54): a read family's misses on its
cached OCR text, each beside the same document's reading on perfect text.

``ocr_reread.py --scan`` caches Tesseract's text of a family's ``--ocr-<f> N`` scans; here
each scan's text is read by the rules (``assistant.read``) and the shipped ranker
(``ranker.rerank``), and so is the same sample's perfect text. For every field the OCR
reading misses, it prints: the true value, whether it is in the OCR text (verbatim, as the
family's ``values_in_text`` counts, or with only its letters and figures), what was chosen
on OCR and on perfect text, by the rules and as shipped, and the first candidates of each
(the rules' with their scores and labels, the ranker's with its probabilities).

    python benchmarks/ocr_candidates.py --families q,u --cache /work/ocr-cache [--text]

Only read families (a blind family is refused, not read).
"""

from __future__ import annotations

import argparse
import pickle
import re
import types
from pathlib import Path
from typing import Any

from benchmarks import intake_accuracy as ia
from cma_adapters.rules_assistant import classifier, ranker
from cma_adapters.rules_assistant.assistant import FIELDS_BY_CLASS, read
from cma_adapters.rules_assistant.corpus import FIELDS, normalise_value


def reading(text: str, pages: Any) -> tuple[Any, dict[str, object], dict[str, list[Any]]]:
    r = read(text, pages, classifier.shipped())
    model = ranker.shipped()
    assert model is not None
    wanted = FIELDS_BY_CLASS[r.document_class]
    chosen, found = ranker.rerank(model, r.layouts, r.found, r.chosen, r.document_class, wanted)
    return r, chosen, found


def _alnum(s: str) -> str:
    return re.sub(r"[^0-9a-z]", "", s.casefold())


def in_text(family: Any, field: str, value: object, text: str) -> str:
    truth = types.SimpleNamespace(**(dict.fromkeys(FIELDS) | {field: value}))
    if family.values_in_text(truth, text)[0]:
        return "verbatim"
    if isinstance(value, str) and _alnum(value) and _alnum(value) in _alnum(text):
        return "letters and figures"
    return "no"


def _cands(cands: list[Any], n: int = 5) -> str:
    out = []
    for c in cands[:n]:
        label = (c.label or "")[:40]
        out.append(f"      {c.value!r:<42} {c.score:>7.3f}  [{label}] ({c.role})")
    return "\n".join(out) or "      (none)"


def _texts(family: Any, key: str, samples: list[Any], args: Any) -> dict[int, Any]:
    """The family's cached OCR texts by index; where the family is not cached, the scans
    of ``--classes`` only, read by Tesseract here and kept in ``--own`` (one file a scan)."""
    path = args.cache / f"{key}.pkl"
    if path.exists():
        return dict(enumerate(pickle.loads(path.read_bytes())))
    if not args.own:
        return {}
    import asyncio

    from cma_adapters.tesseract import TesseractTextExtractor

    classes = set(filter(None, args.classes.split(",")))
    kinds = ia.scan_content_types()
    out = {}
    for index, sample in enumerate(samples):
        if classes and sample.truth.document_class.value not in classes:
            continue
        own = args.own / f"{key}-{index}.pkl"
        if not own.exists():
            data, fmt, _ = family.scanned(sample, index)
            pages = asyncio.run(TesseractTextExtractor().extract(data, kinds[fmt]))
            own.write_bytes(pickle.dumps(("\f".join(p.text for p in pages), pages)))
        out[index] = pickle.loads(own.read_bytes())
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--families", required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--count", type=int, default=19)
    parser.add_argument("--text", action="store_true", help="print the OCR text of a miss")
    parser.add_argument("--only", default="", help="only these fields (comma-separated)")
    parser.add_argument("--own", type=Path, default=None, help="own cache of single scans")
    parser.add_argument("--classes", default="", help="with --own: only these classes")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    for key in filter(None, args.families.split(",")):
        family = ia.PRINTED[key]
        if family.blind:
            print(f"{key}: blind, not read")
            continue
        samples = ia.ocr_chosen(family, args.count)
        texts = _texts(family, key, samples, args)
        for index, sample in enumerate(samples):
            if index not in texts:
                continue
            text, pages = texts[index]
            ocr_r, ocr_chosen, ocr_found = reading(text, pages)
            perfect = None
            for field in FIELDS:
                if only and field not in only:
                    continue
                expected = getattr(sample.truth, field)
                got = ocr_chosen.get(field)
                if expected is None:
                    if got is not None:
                        print(f"{key} #{index} {sample.name} {field}: INVENTED {got!r}")
                    continue
                if normalise_value(field, got) == normalise_value(field, expected):
                    continue
                if perfect is None:
                    perfect = reading(family.text(sample), family.pages(sample))
                p_r, p_chosen, p_found = perfect
                print(
                    f"{key} #{index} {sample.name} {field}: expected {expected!r}\n"
                    f"    in OCR text: {in_text(family, field, expected, text)}; class "
                    f"OCR {ocr_r.document_class.value}, perfect {p_r.document_class.value}\n"
                    f"    OCR: rules {ocr_r.chosen.get(field)!r}, shipped {got!r}\n"
                    f"    perfect: rules {p_r.chosen.get(field)!r}, "
                    f"shipped {p_chosen.get(field)!r}"
                )
                print("    OCR rules' candidates:\n" + _cands(ocr_r.found.get(field, [])))
                print("    OCR ranker's:\n" + _cands(ocr_found.get(field, [])))
                print("    perfect rules' candidates:\n" + _cands(p_r.found.get(field, [])))
                print("    perfect ranker's:\n" + _cands(p_found.get(field, [])))
                if args.text:
                    print("    --- OCR text ---")
                    print("\n".join("    | " + line for line in text.splitlines()))
            if perfect is not None:
                print()


if __name__ == "__main__":
    main()
