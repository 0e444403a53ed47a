"""What every layout family's documents must state, by class: the fields the blind-family
tests (``test_blind_family*.py``) check each sample's ground truth for."""

from __future__ import annotations

import ast
import functools
import inspect
import itertools
import json
import os
import pkgutil
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cma_adapters.rules_assistant.corpus_print import PrintCell
from cma_core.documents.model import DocumentClass, PageText

C = DocumentClass
DEBT = ("creditor_name", "account_reference", "balance_pence", "letter_date")
INCOME = ("payer_name", "income_pence", "letter_date", "frequency")
YIELDS: dict[DocumentClass, tuple[str, ...]] = {
    C.COURT_CLAIM_N1: (*DEBT, "court_claim_number"),
    C.COUNTY_COURT_JUDGMENT: (*DEBT, "court_claim_number"),
    C.NOTICE_OF_ASSIGNMENT: (*DEBT, "original_creditor"),
    C.PAYSLIP: (*INCOME, "gross_pence"),
    C.BENEFIT_AWARD: INCOME,
    C.BANK_STATEMENT: ("letter_date",),
    C.OTHER: (),
}
"""The classes that differ from a debt letter's four fields (``DEBT``)."""


# -- checks every printed family's tests make (family T's use these; earlier families
# -- still carry their own copies) --------------------------------------------------------


def assert_words_on_page(
    samples: Sequence[Any],
    pages: Mapping[str, Sequence[PageText]],
    page_size: Callable[[Any, int], tuple[int, int]],
) -> None:
    """Every word inside the page's margins (3%), and no two words of a line touching."""
    for sample in samples:
        width, height = page_size(sample, 150)
        for page in pages[sample.name]:
            lines: dict[int, list[tuple[int, int]]] = {}
            for word in page.words:
                box = word.box
                assert box.left > width * 0.03, (sample.name, word.text)
                assert box.left + box.width < width * 0.97, (sample.name, word.text)
                assert box.top + box.height < height * 0.97, (sample.name, word.text)
                lines.setdefault(box.top, []).append((box.left, box.left + box.width))
            for spans in lines.values():
                spans.sort()
                for (_, end), (start, _) in itertools.pairwise(spans):
                    assert end < start, sample.name


def amount_pence(text: str) -> int:
    """A printed amount (``-£1,234.56``, ``12.00``) in pence."""
    m = re.fullmatch(r"(-)?£?([\d,]+)\.(\d\d)", text)
    assert m, text
    value = int(m[2].replace(",", "")) * 100 + int(m[3])
    return -value if m[1] else value


def amounts_pence(line: str) -> list[int]:
    """Every amount with pence in ``line``, in pence, left to right."""
    found = re.finditer(r"([\d,]+)\.(\d\d)\b", line)
    return [int(m[1].replace(",", "")) * 100 + int(m[2]) for m in found]


def cells_within(
    rows: list[list[PrintCell]], first: int, last: int, x0: float, x1: float
) -> list[PrintCell]:
    """The cells of rows ``first`` to ``last`` (inclusive) between ``x0`` and ``x1``."""
    return [c for r in rows[first : last + 1] for c in r if x0 <= c.x <= x1]


def right_cell_at(row: list[PrintCell], x: float) -> PrintCell | None:
    """The right-aligned cell of ``row`` ending at ``x``, if any."""
    return next((c for c in row if c.align == "right" and abs(c.x - x) < 0.001), None)


def digest_under_another_hash_seed(module: str, seed: str = "2718") -> str:
    """``module.digest()`` computed in a fresh interpreter with another hash seed.

    Every family's module asks for this with its own seed (``_asked``): the first family
    of a test process to ask with a seed has one interpreter compute the digests of every
    family the process has collected that asks with that seed, and the others read theirs
    from it (an interpreter a family took about 1.1 CPU-seconds, mostly importing; all 47
    families in one, about 7). Each digest is computed, or its error caught, on its own: a
    family that fails fails only its own test. A module not listed gets an interpreter of
    its own."""
    batch = _digests_elsewhere(seed)
    if module in batch:
        return batch[module]
    return _digests_in_fresh_interpreter((module,), seed)[module]


_DIGESTS = """
import importlib, json, sys
out = {}
for name in sys.argv[1:]:
    try:
        out[name] = importlib.import_module(name).digest()
    except Exception as exc:  # the family's own test shows it
        out[name] = f"error: {exc!r}"
print(json.dumps(out))
"""


def _digests_in_fresh_interpreter(modules: Sequence[str], seed: str) -> dict[str, str]:
    found: dict[str, str] = json.loads(
        subprocess.run(
            [sys.executable, "-c", _DIGESTS, *modules],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=Path(__file__).resolve().parents[3],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    return found


@functools.cache
def _digests_elsewhere(seed: str) -> dict[str, str]:
    # Only the families this process has imported (collected), by file: pytest imports
    # them as ``documents.test_...`` (tests/unit has no __init__.py), the helper as
    # ``tests.unit.documents....``. One family's module run alone pays for its own only.
    loaded = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
    here = Path(__file__).parent
    asking = sorted(
        m for m in _asked().get(seed, ()) if str(here / f"{m.rsplit('.', 1)[-1]}.py") in loaded
    )
    return _digests_in_fresh_interpreter(asking, seed) if asking else {}


@functools.cache
def _asked() -> dict[str, frozenset[str]]:
    """The modules of this folder that call ``digest_under_another_hash_seed``, by the
    seed they pass (read from their source: each call's literal arguments)."""
    by_seed: dict[str, set[str]] = {}
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "digest_under_another_hash_seed"
                and not node.keywords
            ):
                values = [str(a.value) for a in node.args if isinstance(a, ast.Constant)]
                if values and len(values) == len(node.args):
                    seed = values[1] if len(values) > 1 else "2718"
                    by_seed.setdefault(seed, set()).add(values[0])
    return {seed: frozenset(modules) for seed, modules in by_seed.items()}


def assert_never_trained_on(module: str, family: str) -> None:
    """Training, cross-validation and calibration read ``build_corpus`` only; it never
    yields ``family`` (seen or held out), and no reading, learning or training module (nor
    the CLI) names the family's ``module``."""
    _assert_unnamed(module, family, read_too=True)


def assert_only_read_family(module: str, family: str) -> None:
    """As ``assert_never_trained_on``, for a family read since (a read family): it is in
    ``read_families.READ``, ``read_families`` names its ``module``, and nothing else does."""
    from cma_adapters.rules_assistant import read_families

    _assert_unnamed(module, family, read_too=False)
    assert family in read_families.READ
    assert re.search(rf"\b{module}\b", inspect.getsource(read_families))


def reading_modules(*, read_too: bool = True) -> list[ModuleType]:
    """Every module of the reader, its learning and its training (all of
    ``cma_adapters.rules_assistant`` but the families themselves and the page engine they
    print with; ``read_families`` only if ``read_too``) and the CLI and container that
    train and wire it: listed from the package, so a module split off or added later is
    checked too."""
    from cma_adapters import rules_assistant
    from cma_entrypoints import container
    from cma_entrypoints.cli import assistant as cli

    names = sorted(
        m.name
        for m in pkgutil.iter_modules(rules_assistant.__path__)
        if not m.name.startswith("corpus_blind")
        and m.name not in {"corpus_print", "statements_corpus"}
        and (read_too or m.name != "read_families")
    )
    assert {"assistant", "fields", "layout", "ranker"} <= set(names)
    return [import_module(f"cma_adapters.rules_assistant.{n}") for n in names] + [cli, container]


@functools.cache
def _generated_families() -> frozenset[str]:
    """The family tags of the generated corpus (``build_corpus``), seen and held out: what
    training, cross-validation and calibration read. Built once per test process, not
    once per family's test (two corpora each time: about 1.4 s a family)."""
    from cma_adapters.rules_assistant import corpus

    tags: set[str] = set()
    for held in (False, True):
        samples = corpus.build_corpus(2, seed=3, held_out=held)
        assert samples
        tags |= {s.family for s in samples}
    return frozenset(tags)


@functools.cache
def _reading_sources(*, read_too: bool) -> tuple[tuple[str, str], ...]:
    """(name, source) of every module ``reading_modules`` lists, read once per process."""
    return tuple((m.__name__, inspect.getsource(m)) for m in reading_modules(read_too=read_too))


def _assert_unnamed(module: str, family: str, *, read_too: bool) -> None:
    assert not [tag for tag in _generated_families() if tag.endswith(f":{family}")]
    for name, source in _reading_sources(read_too=read_too):
        # As a word: family L's module, ``corpus_blind``, begins every other family's name.
        assert not re.search(rf"\b{module}\b", source), name


def floor_params(fields: Sequence[str], unmet: frozenset[str], reason: str) -> list[Any]:
    """``fields`` as test parameters, those in ``unmet`` (under the issue's floor at the
    first measurement) as strict expected failures."""
    mark = pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)
    return [pytest.param(f, marks=mark) if f in unmet else f for f in fields]


def meets_floor(accuracy: float | None, field: str) -> bool:
    """The issue's floors: 95% for the class, 90% for each field (``None``: not stated)."""
    return accuracy is None or accuracy >= (0.95 if field == "document_class" else 0.9)


# -- the render tests: each page rendered once per scan -----------------------------------


@pytest.fixture
def renders_once(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A family's render test renders each page once per scan.

    The test's own ``render`` calls (the test module's global, imported from the family's
    corpus module) are the real renders, remembered for the test: a call repeated with
    the same page, scan and seed gets a copy of the first. The family's ``*_scanned``
    (the corpus module's ``render``) then encodes a copy of a page the test already
    rendered for that scan, with whatever seed (the seed moves only where the effect's
    marks fall); a page or scan the test did not render is rendered as before. What the
    test checks of a scan (its format, resolution, page count) is the encoding's, and
    the pixels it encodes are a real render of that page and scan; every family's OCR
    module still renders its chosen scans with ``*_scanned``'s own seeds. The render
    tests took about 180 CPU-seconds over 47 families, most of it in renders that only
    fed the format checks (benchmarks/README.md, "The suite's time, third pass")."""
    original = request.module.render
    corpus_module = sys.modules[original.__module__]
    assert corpus_module.render is original
    made: list[tuple[Any, int, Any, int, Any]] = []

    def exact(sample: Any, n: int, scan: Any, seed: int = 0) -> Any:
        for s, m, sc, sd, image in made:
            if s is sample and m == n and sc == scan and sd == seed:
                return image.copy()
        image = original(sample, n, scan, seed=seed)
        made.append((sample, n, scan, seed, image))
        return image.copy()

    def any_seed(sample: Any, n: int, scan: Any, seed: int = 0) -> Any:
        for s, m, sc, _, image in made:
            if s is sample and m == n and sc == scan:
                return image.copy()
        return exact(sample, n, scan, seed)

    monkeypatch.setattr(request.module, "render", exact)
    monkeypatch.setattr(corpus_module, "render", any_seed)
