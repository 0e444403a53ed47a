"""CPU time of the reading per document (round 11, issue 14): families A-D, H, K and L-R on
perfect text (the benchmark's documents: A-D, H, K seed 99; L-R their own default seeds;
``--per-family`` a class; ``--with-st`` adds S and T, built from their own modules so that
a checkout from before either was a read family reads the same documents: round 12;
``--with-u`` adds U the same way: round 13; ``--with-v`` adds V: round 14; ``--with-w`` adds W:
round 15; ``--with-x`` adds X: round 16; ``--with-g`` adds G: round 17; ``--with-z`` adds Z:
round 18; ``--with-f`` adds F: round 19; ``--with-e`` adds E: round 20; ``--with-aa`` adds
AA: round 21; ``--with-ac`` adds AC: round 25; ``--with-ae`` adds AE: round 26;
``--with-ab`` adds AB: round 27), read
as the product reads (``extract`` with the shipped classifier and field ranker). CPU
seconds of this process (``time.process_time``), so a busy machine slows it less than wall
time; the documents are built before the clock starts.

Before/after: run it with ``PYTHONPATH`` at another checkout's ``src`` (its rules and its
shipped models) and without, alternating. Run: ``.venv/bin/python benchmarks/reading_cpu.py
[--per-family 4] [--repeat 2] [--json out]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cma_adapters.rules_assistant import classifier, ranker, read_families
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import build_corpus, sample_pages, sample_text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--with-st", action="store_true")
    parser.add_argument("--with-u", action="store_true")
    parser.add_argument("--with-v", action="store_true")
    parser.add_argument("--with-w", action="store_true")
    parser.add_argument("--with-x", action="store_true")
    parser.add_argument("--with-g", action="store_true")
    parser.add_argument("--with-z", action="store_true")
    parser.add_argument("--with-f", action="store_true")
    parser.add_argument("--with-e", action="store_true")
    parser.add_argument("--with-aa", action="store_true")
    parser.add_argument("--with-ac", action="store_true")
    parser.add_argument("--with-ae", action="store_true")
    parser.add_argument("--with-ab", action="store_true")
    args = parser.parse_args()
    docs = [(sample_text(s), sample_pages(s)) for s in build_corpus(args.per_family, seed=99)]
    families = read_families._families()
    for letter in ("L", "M", "N", "O", "P", "Q", "R"):
        build, text, pages = families[letter]
        docs += [(text(s), pages(s)) for s in build(args.per_family)]
    if args.with_st:
        from cma_adapters.rules_assistant.corpus_blind_s import build_s, s_pages, s_text
        from cma_adapters.rules_assistant.corpus_blind_t import build_t, t_pages, t_text

        docs += [(s_text(s), s_pages(s)) for s in build_s(args.per_family)]
        docs += [(t_text(s), t_pages(s)) for s in build_t(args.per_family)]
    if args.with_u:
        from cma_adapters.rules_assistant.corpus_blind_u import build_u, u_pages, u_text

        docs += [(u_text(s), u_pages(s)) for s in build_u(args.per_family)]
    if args.with_v:
        from cma_adapters.rules_assistant.corpus_blind_v import build_v, v_pages, v_text

        docs += [(v_text(s), v_pages(s)) for s in build_v(args.per_family)]
    if args.with_w:
        from cma_adapters.rules_assistant.corpus_blind_w import build_w, w_pages, w_text

        docs += [(w_text(s), w_pages(s)) for s in build_w(args.per_family)]
    if args.with_x:
        from cma_adapters.rules_assistant.corpus_blind_x import build_x, x_pages, x_text

        docs += [(x_text(s), x_pages(s)) for s in build_x(args.per_family)]
    if args.with_g:
        from cma_adapters.rules_assistant.corpus_blind_g import build_g, g_pages, g_text

        docs += [(g_text(s), g_pages(s)) for s in build_g(args.per_family)]
    if args.with_z:
        from cma_adapters.rules_assistant.corpus_blind_z import build_z, z_pages, z_text

        docs += [(z_text(s), z_pages(s)) for s in build_z(args.per_family)]
    if args.with_f:
        from cma_adapters.rules_assistant.corpus_blind_f import build_f, f_pages, f_text

        docs += [(f_text(s), f_pages(s)) for s in build_f(args.per_family)]
    if args.with_e:
        from cma_adapters.rules_assistant.corpus_blind_e import build_e, e_pages, e_text

        docs += [(e_text(s), e_pages(s)) for s in build_e(args.per_family)]
    if args.with_aa:
        from cma_adapters.rules_assistant.corpus_blind_aa import aa_pages, aa_text, build_aa

        docs += [(aa_text(s), aa_pages(s)) for s in build_aa(args.per_family)]
    if args.with_ac:
        from cma_adapters.rules_assistant.corpus_blind_ac import ac_pages, ac_text, build_ac

        docs += [(ac_text(s), ac_pages(s)) for s in build_ac(args.per_family)]
    if args.with_ae:
        from cma_adapters.rules_assistant.corpus_blind_ae import ae_pages, ae_text, build_ae

        docs += [(ae_text(s), ae_pages(s)) for s in build_ae(args.per_family)]
    if args.with_ab:
        from cma_adapters.rules_assistant.corpus_blind_ab import ab_pages, ab_text, build_ab

        docs += [(ab_text(s), ab_pages(s)) for s in build_ab(args.per_family)]
    model, fields_model = classifier.shipped(), ranker.shipped()
    assert model is not None
    assert fields_model is not None
    extract(docs[0][0], docs[0][1], model, fields_model=fields_model)  # warm the caches
    rounds = []
    for _ in range(args.repeat):
        started = time.process_time()
        for page_text, page_boxes in docs:
            extract(page_text, page_boxes, model, fields_model=fields_model)
        rounds.append((time.process_time() - started) / len(docs) * 1000)
    best = min(rounds)
    print(f"{len(docs)} documents, models {model.version} / {fields_model.version}: "
          f"CPU {best:.1f} ms a document (best of {args.repeat}; rounds "
          f"{', '.join(f'{r:.1f}' for r in rounds)})")  # fmt: skip
    if args.json:
        args.json.write_text(
            json.dumps({"documents": len(docs), "cpu_ms": rounds, "best_ms": best}), "utf-8"
        )


if __name__ == "__main__":
    main()
