"""The creditor read with and without the centre's creditor directory
(``cma_core.documents.known_creditors``), per family, on perfect text.

Every document is read once by the shipped reader (classifier and field ranker), then its
extraction is passed through ``recognise_creditor`` with two directories:

- **known**: every creditor (and original creditor) of every family in the run — the
  centre has met this letter's creditor before, among some hundreds of others;
- **unknown**: the same without this letter's creditor — the centre has never met it, and
  the directory can only mislead (a bank in the payment details, the creditor the debt
  was assigned from, another creditor named in passing).

Printed per family: the creditor right as read, with the directory known and unknown,
and how many of each run went from right to wrong; the reference as read and with the
known creditor's reference format (each creditor's format is the shape of its references
in the run — figures and letters by their lengths — where they all have one shape, as an
adviser would note it; none held otherwise); and, over the documents that state no
creditor (payslips, statements, benefit letters...), how many were given one. A blind
family's figures are printed as totals only; no document of it is named (``--changes``
prints the changed documents of the read families only).

``--ocr N`` also scans N documents of each printed family (M-Z, G, E; 150-300 dpi, their
own scan effects), reads them with Tesseract and the shipped reader, and tallies them
the same way: where the directory can mend what OCR did to a name.

Run: ``.venv/bin/python benchmarks/directory_creditors.py [--per-family 4]
[--family base,l,m,...,y,z,e] [--ocr 19] [--changes]`` (``--family`` default: every family).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import re
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from attrs import evolve

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.intake_accuracy import PRINTED
from cma_adapters.re2 import Re2PatternEngine
from cma_adapters.rules_assistant import classifier, ranker
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import (
    build_corpus,
    normalise_value,
    sample_pages,
    sample_text,
)
from cma_adapters.rules_assistant.corpus_blind import blind_pages, build_blind
from cma_core.debts.formats import LearnedFormat, learned_reference_format
from cma_core.debts.model import Creditor, CreditorId
from cma_core.documents.known_creditors import name_key, recognise_creditor
from cma_core.shared.ids import CentreId

RE2 = Re2PatternEngine()
_CENTRE = CentreId(uuid.UUID(int=1))


@dataclass
class Tally:
    total: int = 0
    read: int = 0
    known: int = 0
    unknown: int = 0
    known_lost: int = 0
    unknown_lost: int = 0
    invented: int = 0
    refs: int = 0
    ref_read: int = 0
    ref_known: int = 0
    ref_lost: int = 0
    learned_held: int = 0
    ref_learned: int = 0
    ref_learned_lost: int = 0
    changes: list[str] = field(default_factory=list)


def _same(got: str | None, expected: str) -> bool:
    return normalise_value("creditor_name", got) == normalise_value("creditor_name", expected)


def _same_ref(got: str | None, expected: str) -> bool:
    return normalise_value("account_reference", got) == normalise_value(
        "account_reference", expected
    )


def _shape(reference: str) -> str:
    """The format an adviser would note for a reference like this one: each run of
    figures or of letters by its length, anything else as printed ("AB12 3456/7" ->
    ``[A-Z]{2}\\d{2} \\d{4}/\\d``)."""
    out = []
    for run in re.findall(r"\d+|[A-Za-z]+|[^A-Za-z\d]", reference.strip()):
        if run.isdigit():
            out.append(rf"\d{{{len(run)}}}")
        elif run.isalpha():
            out.append(rf"[A-Za-z]{{{len(run)}}}")
        else:
            out.append(re.escape(run))
    return "".join(out)


def _formats(samples: Sequence[Any]) -> dict[str, str]:
    """Creditor name -> the format of its references, where every document of that
    creditor in the run has a reference of one shape (else none is held)."""
    shapes: dict[str, set[str]] = {}
    for s in samples:
        if s.truth.creditor_name and s.truth.account_reference:
            shapes.setdefault(s.truth.creditor_name, set()).add(_shape(s.truth.account_reference))
    return {name: next(iter(found)) for name, found in shapes.items() if len(found) == 1}


def _families(keys: Sequence[str], per_family: int) -> dict[str, tuple[list[Any], Any, Any, bool]]:
    """Family key -> (samples, text of a sample, pages of a sample, blind)."""
    out: dict[str, tuple[list[Any], Any, Any, bool]] = {}
    for key in keys:
        if key == "base":
            samples = build_corpus(per_family, seed=99, held_out=None)
            out[key] = (samples, sample_text, sample_pages, False)
        elif key == "l":
            out[key] = (build_blind(per_family), sample_text, blind_pages, False)
        else:
            family = PRINTED[key]
            out[key] = (list(family.build(per_family)), family.text, family.pages, family.blind)
    return out


def _ocr_reads(key: str, count: int) -> list[tuple[Any, Any, Any]]:
    """``count`` documents of a printed family (one class after another, as
    ``intake_accuracy --ocr-<key>`` chooses them) scanned, read by Tesseract and the
    shipped reader: ``(sample, pages, extraction)``."""
    from cma_adapters.rules_assistant import RuleBasedAssistant
    from cma_adapters.tesseract import TesseractTextExtractor
    from cma_core.documents.files import ContentType

    family = PRINTED[key]
    every = family.build(max(1, -(-count // 19)))
    per = len(every) // 19
    chosen = [every[c * per + r] for r in range(per) for c in range(19)][:count]
    types = {"png": ContentType.PNG, "jpeg": ContentType.JPEG, "pdf": ContentType.PDF}
    types["tiff"] = ContentType.TIFF

    async def read_all() -> list[tuple[Any, Any, Any]]:
        extractor, reader = TesseractTextExtractor(), RuleBasedAssistant()
        reader.field_ranker = ranker.shipped()
        out = []
        for index, sample in enumerate(chosen):
            data, fmt, _ = family.scanned(sample, index)
            pages = await extractor.extract(data, types[fmt])
            text = "\f".join(p.text for p in pages)
            out.append((sample, pages, await reader.classify_and_extract(text, pages)))
        return out

    return asyncio.run(read_all())


@dataclass
class Recorded:
    """The references a centre would hold on its debts: every document's true reference
    in the run, by creditor. A document's format is learned from the others' references
    (its own, wherever else it appears, left out), as the documents worker learns it from
    the centre's recorded debts."""

    by_name: dict[str, list[str]]
    ids: dict[str, CreditorId]

    def formats(self, sample: Any) -> dict[CreditorId, LearnedFormat]:
        own = normalise_value("account_reference", sample.truth.account_reference)
        out = {}
        for name, references in self.by_name.items():
            keys = [normalise_value("account_reference", r) for r in references]
            others = [r for r, k in zip(references, keys, strict=True) if k != own]
            if (learned := _learned(tuple(others))) is not None:
                out[self.ids[name]] = learned
        return out


@functools.cache
def _learned(references: tuple[str, ...]) -> LearnedFormat | None:
    return learned_reference_format(references)


def _tally(
    reads: Sequence[tuple[Any, Any, Any]],
    directory: Sequence[Creditor],
    blind: bool,
    recorded: Recorded,
) -> tuple[Tally, float]:
    """The creditor of each read document as read, and recognised with the directory
    known and unknown; the reference as read, with the directory's formats and with the
    formats learned from the other documents' references; the seconds
    ``recognise_creditor`` took."""
    tally, took = Tally(), 0.0
    unset = [evolve(c, reference_pattern=None) for c in directory]
    for sample, pages, got in reads:
        truth = sample.truth.creditor_name
        started = time.perf_counter()
        if not truth:
            again = recognise_creditor(got, pages, directory)
            tally.invented += again.creditor_name is not None and got.creditor_name is None
            continue
        tally.total += 1
        right = _same(got.creditor_name, truth)
        tally.read += right
        recognised = recognise_creditor(got, pages, directory, RE2)
        known = recognised.creditor_name
        if reference := sample.truth.account_reference:
            tally.refs += 1
            before = _same_ref(got.account_reference, reference)
            after = _same_ref(recognised.account_reference, reference)
            tally.ref_read += before
            tally.ref_known += after
            tally.ref_lost += before and not after
            learned = recorded.formats(sample)
            tally.learned_held += recorded.ids.get(truth) in learned
            by_learning = recognise_creditor(got, pages, unset, RE2, learned_formats=learned)
            taught = _same_ref(by_learning.account_reference, reference)
            tally.ref_learned += taught
            tally.ref_learned_lost += before and not taught
        own = name_key(truth)
        unknown = recognise_creditor(
            got, pages, [c for c in directory if name_key(c.name) != own]
        ).creditor_name
        took += time.perf_counter() - started
        for label, value in (("known", known), ("unknown", unknown)):
            ok = _same(value, truth)
            setattr(tally, label, getattr(tally, label) + ok)
            if right and not ok:
                setattr(tally, f"{label}_lost", getattr(tally, f"{label}_lost") + 1)
            if ok != right and not blind:
                tally.changes.append(
                    f"{sample.name} [{label}]: {truth!r}: read {got.creditor_name!r} -> {value!r}"
                )
    return tally, took


def _row(title: str, tally: Tally) -> str:
    return (
        f"{title[:35]:<36}{tally.read:>5}/{tally.total:<4}{tally.known:>5}/{tally.total:<4}"
        f"{tally.known_lost:>6}{tally.unknown:>5}/{tally.total:<4}{tally.unknown_lost:>6}"
        f"{tally.invented:>10}{tally.ref_read:>7}/{tally.refs:<4}{tally.ref_known:>5}/{tally.refs:<4}"
        f"{tally.ref_lost:>5}{tally.ref_learned:>5}/{tally.refs:<4}{tally.ref_learned_lost:>5}"
        f"{tally.learned_held:>5}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=4)
    parser.add_argument("--family", default=",".join(("base", "l", *PRINTED)))
    parser.add_argument("--ocr", type=int, default=0, help="also scan N of each family")
    parser.add_argument("--changes", action="store_true")
    args = parser.parse_args()
    keys = [k.strip().lower() for k in args.family.split(",") if k.strip()]
    families = _families(keys, args.per_family)
    names = sorted(
        {
            name
            for samples, _, _, _ in families.values()
            for s in samples
            for name in (s.truth.creditor_name, s.truth.original_creditor)
            if name
        }
    )
    formats = _formats([s for samples, _, _, _ in families.values() for s in samples])
    directory = [
        Creditor(
            id=CreditorId(uuid.UUID(int=i + 2)),
            centre_id=_CENTRE,
            name=n,
            reference_pattern=formats.get(n),
        )
        for i, n in enumerate(names)
    ]
    by_name: dict[str, list[str]] = {}
    for samples, _, _, _ in families.values():
        for s in samples:
            if s.truth.creditor_name and s.truth.account_reference:
                by_name.setdefault(s.truth.creditor_name, []).append(s.truth.account_reference)
    recorded = Recorded(by_name, {c.name: c.id for c in directory})
    print(
        f"directory: {len(directory)} creditors from families {','.join(keys)}, "
        f"{len(formats)} with a reference format\n"
    )
    model, fields = classifier.shipped(), ranker.shipped()
    took, calls = 0.0, 0
    header = f"{'family':<36}{'read':>10}{'known':>10}{'lost':>6}{'unknown':>10}{'lost':>6}"
    print(
        f"{header}{'invented':>10}{'ref read':>12}{'format':>10}{'lost':>5}{'learned':>10}"
        f"{'lost':>5}{'held':>5}"
    )
    for key, (samples, text, pages, blind) in families.items():
        reads = [
            (s, pages(s), extract(text(s), pages(s), model, fields_model=fields)) for s in samples
        ]
        tally, seconds = _tally(reads, directory, blind, recorded)
        took, calls = took + seconds, calls + len(reads)
        title = PRINTED[key].title if key in PRINTED else {"base": "A-D, H, K", "l": "L"}[key]
        print(_row(title, tally))
        for change in tally.changes if args.changes else ():
            print("    ", change)
        if args.ocr and key in PRINTED:
            tally, _ = _tally(_ocr_reads(key, args.ocr), directory, blind, recorded)
            print(_row(f"  OCR {args.ocr}", tally), flush=True)
            for change in tally.changes if args.changes else ():
                print("    ", change)
    print(f"\nrecognise_creditor: {took / max(calls, 1) * 1000:.2f} ms a document")


if __name__ == "__main__":
    main()
