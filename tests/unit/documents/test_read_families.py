"""Which layout families the classifier is trained on: the seen corpus (A-D) and the
families written blind whose misses have since been *read* (``read_families.READ``: L in
round 5, M in round 6, N in round 7, O in round 8, P-R in round 10, S in round 11, T in
round 12, U in round 13, V in round 14, W in round 15, X in round 16, G in round 17, Z in
round 18, F in round 19, E in round 20, AA in round 21, AC in round 25, AE in round 26, AB
in round 27). A
family still
blind — one that has been written and only measured, e.g. a new ``corpus_blind_*.py``
arriving at a merge — must stay out of every reading, learning and training module: it is
the honest held-out figure. When its misses are read in a later round, it is added to
``READ_MODULES`` below and to ``read_families`` in the same commit (and benchmarks/OCR.md
says so)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from tests.unit.documents.blind_families import reading_modules

from cma_adapters.rules_assistant import (
    read_families,
)
from cma_adapters.rules_assistant.corpus import build_corpus

# The families that have been read (module -> letter). Nothing else named corpus_blind*
# may be used to read, learn or train.
READ_MODULES = {
    "corpus_blind": "L",
    "corpus_blind_m": "M",
    "corpus_blind_n": "N",
    "corpus_blind_o": "O",
    "corpus_blind_p": "P",
    "corpus_blind_q": "Q",
    "corpus_blind_r": "R",
    "corpus_blind_s": "S",
    "corpus_blind_t": "T",
    "corpus_blind_u": "U",
    "corpus_blind_v": "V",
    "corpus_blind_w": "W",
    "corpus_blind_x": "X",
    "corpus_blind_g": "G",
    "corpus_blind_z": "Z",
    "corpus_blind_f": "F",
    "corpus_blind_e": "E",
    "corpus_blind_aa": "AA",
    "corpus_blind_ac": "AC",
    "corpus_blind_ae": "AE",
    "corpus_blind_ab": "AB",
    "corpus_blind_j": "J",
    "corpus_blind_ai": "AI",
    "corpus_blind_af": "AF",
    "corpus_blind_ad": "AD",
    "corpus_blind_aj": "AJ",
    "corpus_blind_ak": "AK",
    "corpus_blind_ag": "AG",
    "corpus_blind_al": "AL",
    "corpus_blind_an": "AN",
    "corpus_blind_ao": "AO",
    "corpus_blind_ap": "AP",
    "corpus_blind_aq": "AQ",
    "corpus_blind_ar": "AR",
    "corpus_blind_as": "AS",
    "corpus_blind_at": "AT",
    "corpus_blind_au": "AU",
    "corpus_blind_av": "AV",
    "corpus_blind_aw": "AW",
    "corpus_blind_ax": "AX",
    "corpus_blind_ay": "AY",
    "corpus_blind_az": "AZ",
    "corpus_blind_ba": "BA",
    "corpus_blind_bb": "BB",
    "corpus_blind_bc": "BC",
    "corpus_blind_bd": "BD",
    "corpus_blind_bg": "BG",
    "corpus_blind_bf": "BF",
    "corpus_blind_be": "BE",
}
PACKAGE = Path(read_families.__file__).parent


def still_blind() -> set[str]:
    """The blind families in the package that have not been read (none after round 8;
    families P and Q once they are merged)."""
    return {p.stem for p in PACKAGE.glob("corpus_blind*.py")} - set(READ_MODULES)


def test_the_read_families_are_the_ones_trained_on() -> None:
    assert set(read_families.READ) == set(READ_MODULES.values())
    named = set(re.findall(r"\bcorpus_blind\w*", inspect.getsource(read_families)))
    assert named == set(READ_MODULES)
    texts = read_families.read_texts(1, seed=3)
    assert {letter for _, _, letter in texts} == set(read_families.READ)
    assert len(texts) == 19 * len(read_families.READ)  # one document a class each


def test_no_reading_learning_or_training_module_uses_a_family_still_blind() -> None:
    modules = reading_modules()
    reader = (
        "assistant", "classifier", "corpus", "corpus_families", "fields", "fields_kinds",
        "label_learning", "label_parts", "layout", "ranker", "ranker_training", "read_families",
        "statements", "values", "labelled", "structures", "prose",
    )  # fmt: skip
    assert {m.__name__ for m in modules} >= {
        *(f"cma_adapters.rules_assistant.{n}" for n in reader),
        "cma_entrypoints.cli.assistant",
        "cma_entrypoints.container",
    }
    blind = still_blind()
    for module in modules:
        named = set(re.findall(r"\bcorpus_blind\w*", inspect.getsource(module)))
        assert named <= set(READ_MODULES), (module.__name__, named - set(READ_MODULES))
        assert not named & blind, module.__name__
    # the generated corpus (training, cross-validation, calibration) yields A-D, H, K only
    assert {s.family[-1] for s in build_corpus(1, seed=3)} == set("ABCDHK")
