"""The pixels of a corpus family's scans, and their render time, against another version of
its module: a check that a rendering change is exact.

    python benchmarks/scan_pixels.py FAMILY [--base PATH] [--reps N]

Renders every scan of the family as ``intake_accuracy.py --ocr-<f> 19`` does (``build(1)``,
document i at index i) and the OCR test's ``CHOSEN`` (``build(2)``), and prints a sha256 of
each one's decoded pixels (PNG, JPEG, TIFF: mode, size and bytes of every frame) or of the
PDF's bytes with its dates masked. With ``--base`` (a copy of the module, e.g. from
``git show main:src/cma_adapters/rules_assistant/corpus_blind_af.py``) the same for it, the
two lists compared, and the ``CHOSEN`` scans timed with the two alternating scan by scan
(the order swapped each scan and each repetition: the first of a pair pays a warm-up).
Written for branch renderfast (benchmarks/README.md, "Corpus scan rendering time")."""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import io
import re
import sys
import time
from types import ModuleType
from typing import Any

from PIL import Image


def _module(family: str, path: str | None) -> ModuleType:
    if path is None:
        return importlib.import_module(f"cma_adapters.rules_assistant.corpus_blind_{family}")
    spec = importlib.util.spec_from_file_location(f"base_corpus_blind_{family}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def digest(data: bytes, fmt: str) -> str:
    """The decoded pixels' sha256 (a PDF's bytes, its creation and change dates masked)."""
    h = hashlib.sha256()
    if fmt == "pdf":
        h.update(re.sub(rb"\((D:[0-9+\-Z']+)\)", b"(D:x)", data))
        return "pdf:" + h.hexdigest()[:20]
    image = Image.open(io.BytesIO(data))
    frames = 0
    while True:
        h.update(f"{image.mode}{image.size}".encode())
        h.update(image.tobytes())
        frames += 1
        try:
            image.seek(image.tell() + 1)
        except EOFError:
            break
    return f"{fmt}x{frames}:" + h.hexdigest()[:20]


def jobs(module: ModuleType, family: str) -> list[tuple[str, Any, int]]:
    """(kind, sample, index): the benchmark's 19, then the OCR test's CHOSEN."""
    test = importlib.import_module(f"tests.integration.ocr.test_blind_family_{family}_ocr")
    build = getattr(module, f"build_{family}")
    out: list[tuple[str, Any, int]] = [("bench", s, i) for i, s in enumerate(build(1)[:19])]
    by = {(s.truth.document_class, int(s.name[-1])): s for s in build(2)}
    out += [("chosen", by[c, v], i) for c, v, i in getattr(test, "CHOSEN", ())]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("family")
    parser.add_argument("--base")
    parser.add_argument("--reps", type=int, default=2)
    args = parser.parse_args()
    family = args.family
    versions = {"branch": _module(family, None)}
    if args.base:
        versions["base"] = _module(family, args.base)
    lists = {}
    for name, module in versions.items():
        scanned = getattr(module, f"{family}_scanned")
        lists[name] = [
            (k, s.name, i, digest(*scanned(s, i)[:2])) for k, s, i in jobs(module, family)
        ]
    for row in lists["branch"]:
        print(*row)
    if "base" not in lists:
        return
    same = lists["base"] == lists["branch"]
    print(f"{family}: {len(lists['branch'])} scans, {'all identical' if same else 'DIFFERENT'}")
    chosen = {
        n: [(s, i) for k, s, i in jobs(m, family) if k == "chosen"] for n, m in versions.items()
    }
    total = {"base": 0.0, "branch": 0.0}
    for rep in range(args.reps):
        for at in range(len(chosen["branch"])):
            for name in ("base", "branch") if (rep + at) % 2 == 0 else ("branch", "base"):
                sample, index = chosen[name][at]
                started = time.perf_counter()
                getattr(versions[name], f"{family}_scanned")(sample, index)
                total[name] += time.perf_counter() - started
    print(f"{family} CHOSEN x{args.reps}: base {total['base']:.2f} s, branch "
          f"{total['branch']:.2f} s, ratio {total['branch'] / total['base']:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
