"""The OpenAI adapter's per-field table on the held-out families (H, K, and L to P, written
blind; ``--family q`` for Q only, and so on; T is read since round 12, U since round 13, V
since round 14, W since round 15, X since round 16, G since round 17, Z since round 18, F
since round 19, E since round 20, AA since round 21, AC since round 25, AE since round 26, AB
since round 27, J since round 28, AI since round 29, AF since round 30, AD since round 31,
AJ since round 32, AK since round 33, AG since round 34, AL since round 35, AN and AO since
round 38, AP and AQ since round 39, AR and AS since round 40, AT and AU since round 41, AV
and AW since round 42, AX and AY since round 43, AZ and BA since round 44, BB since round 45,
BC since round 46, BD since round 47, BG since round 48, BF since round 49, BE since round
50; Y, I, AH, BH, BI, BJ and BK are still blind), against a local chat-completions server
(127.0.0.1, the same protocol the integration tests use).

No model is reachable here, so the server's "model" is a stand-in: the rule-based reader
run on exactly the text the adapter sends (masked, cut to ``max_input_chars``, no word
boxes), answering in the adapter's JSON schema. The table therefore measures the adapter's
round trip — prompt, masking, schema, reply parsing — with a known reader behind it, not
a language model's accuracy: compare it with the rule-based table on the same documents
to see what the adapter itself loses. With a real key, point ``--base-url`` at the service
instead of the stand-in (``--model``, ``CMA_OPENAI_API_KEY``).

Run: ``.venv/bin/python benchmarks/openai_accuracy.py [--per-family 4]
[--family
all|h|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z|g|e|f|i|j|aa|ab|ac|ad|ae|af|ag|ah|ai|aj|ak|al|an|ao|ap|aq|ar|as|at|au|av|aw|ax|ay|az|ba|bb|bc|bd|be|bf|bg|bh|bi|bj|bk]``

Only aggregate tables are printed (a still-blind family's misses are never shown).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import threading
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cma_adapters.openai_assistant import OpenAIAssistant
from cma_adapters.openai_assistant.assistant import EXTRACTION_SCHEMA
from cma_adapters.rules_assistant import classifier
from cma_adapters.rules_assistant.assistant import extract
from cma_adapters.rules_assistant.corpus import (
    Sample,
    build_corpus,
    sample_pages,
    sample_text,
    score,
)
from cma_adapters.rules_assistant.corpus_blind import blind_pages, build_blind
from cma_adapters.rules_assistant.corpus_blind_aa import aa_pages, aa_text, build_aa
from cma_adapters.rules_assistant.corpus_blind_ab import ab_pages, ab_text, build_ab
from cma_adapters.rules_assistant.corpus_blind_ac import ac_pages, ac_text, build_ac
from cma_adapters.rules_assistant.corpus_blind_ad import ad_pages, ad_text, build_ad
from cma_adapters.rules_assistant.corpus_blind_ae import ae_pages, ae_text, build_ae
from cma_adapters.rules_assistant.corpus_blind_af import af_pages, af_text, build_af
from cma_adapters.rules_assistant.corpus_blind_ag import ag_pages, ag_text, build_ag
from cma_adapters.rules_assistant.corpus_blind_ah import ah_pages, ah_text, build_ah
from cma_adapters.rules_assistant.corpus_blind_ai import ai_pages, ai_text, build_ai
from cma_adapters.rules_assistant.corpus_blind_aj import aj_pages, aj_text, build_aj
from cma_adapters.rules_assistant.corpus_blind_ak import ak_pages, ak_text, build_ak
from cma_adapters.rules_assistant.corpus_blind_al import al_pages, al_text, build_al
from cma_adapters.rules_assistant.corpus_blind_an import an_pages, an_text, build_an
from cma_adapters.rules_assistant.corpus_blind_ao import ao_pages, ao_text, build_ao
from cma_adapters.rules_assistant.corpus_blind_ap import ap_pages, ap_text, build_ap
from cma_adapters.rules_assistant.corpus_blind_aq import aq_pages, aq_text, build_aq
from cma_adapters.rules_assistant.corpus_blind_ar import ar_pages, ar_text, build_ar
from cma_adapters.rules_assistant.corpus_blind_as import as_pages, as_text, build_as
from cma_adapters.rules_assistant.corpus_blind_at import at_pages, at_text, build_at
from cma_adapters.rules_assistant.corpus_blind_au import au_pages, au_text, build_au
from cma_adapters.rules_assistant.corpus_blind_av import av_pages, av_text, build_av
from cma_adapters.rules_assistant.corpus_blind_aw import aw_pages, aw_text, build_aw
from cma_adapters.rules_assistant.corpus_blind_ax import ax_pages, ax_text, build_ax
from cma_adapters.rules_assistant.corpus_blind_ay import ay_pages, ay_text, build_ay
from cma_adapters.rules_assistant.corpus_blind_az import az_pages, az_text, build_az
from cma_adapters.rules_assistant.corpus_blind_ba import ba_pages, ba_text, build_ba
from cma_adapters.rules_assistant.corpus_blind_bb import bb_pages, bb_text, build_bb
from cma_adapters.rules_assistant.corpus_blind_bc import bc_pages, bc_text, build_bc
from cma_adapters.rules_assistant.corpus_blind_bd import bd_pages, bd_text, build_bd
from cma_adapters.rules_assistant.corpus_blind_be import be_pages, be_text, build_be
from cma_adapters.rules_assistant.corpus_blind_bf import bf_pages, bf_text, build_bf
from cma_adapters.rules_assistant.corpus_blind_bg import bg_pages, bg_text, build_bg
from cma_adapters.rules_assistant.corpus_blind_bh import bh_pages, bh_text, build_bh
from cma_adapters.rules_assistant.corpus_blind_bi import bi_pages, bi_text, build_bi
from cma_adapters.rules_assistant.corpus_blind_bj import bj_pages, bj_text, build_bj
from cma_adapters.rules_assistant.corpus_blind_bk import bk_pages, bk_text, build_bk
from cma_adapters.rules_assistant.corpus_blind_e import build_e, e_pages, e_text
from cma_adapters.rules_assistant.corpus_blind_f import build_f, f_pages, f_text
from cma_adapters.rules_assistant.corpus_blind_g import build_g, g_pages, g_text
from cma_adapters.rules_assistant.corpus_blind_i import build_i, i_pages, i_text
from cma_adapters.rules_assistant.corpus_blind_j import build_j, j_pages, j_text
from cma_adapters.rules_assistant.corpus_blind_m import build_m, m_pages, m_text
from cma_adapters.rules_assistant.corpus_blind_n import build_n, n_pages, n_text
from cma_adapters.rules_assistant.corpus_blind_o import build_o, o_pages, o_text
from cma_adapters.rules_assistant.corpus_blind_p import build_p, p_pages, p_text
from cma_adapters.rules_assistant.corpus_blind_q import build_q, q_pages, q_text
from cma_adapters.rules_assistant.corpus_blind_r import build_r, r_pages, r_text
from cma_adapters.rules_assistant.corpus_blind_s import build_s, s_pages, s_text
from cma_adapters.rules_assistant.corpus_blind_t import build_t, t_pages, t_text
from cma_adapters.rules_assistant.corpus_blind_u import build_u, u_pages, u_text
from cma_adapters.rules_assistant.corpus_blind_v import build_v, v_pages, v_text
from cma_adapters.rules_assistant.corpus_blind_w import build_w, w_pages, w_text
from cma_adapters.rules_assistant.corpus_blind_x import build_x, x_pages, x_text
from cma_adapters.rules_assistant.corpus_blind_y import build_y, y_pages, y_text
from cma_adapters.rules_assistant.corpus_blind_z import build_z, z_pages, z_text
from cma_core.documents.locate import locate_evidence
from cma_core.documents.model import Box, Extraction, FieldEvidence, PageText

# Family letter -> (its documents, their pages with word boxes, their text as the worker
# has it). H and K are the corpus's own held-out families.
FAMILIES: dict[
    str,
    tuple[
        Callable[[int], Sequence[Sample]],
        Callable[[Any], tuple[PageText, ...]],
        Callable[[Any], str],
    ],
] = {
    "L": (build_blind, blind_pages, sample_text),
    "M": (build_m, m_pages, m_text),
    "N": (build_n, n_pages, n_text),
    "O": (build_o, o_pages, o_text),
    "P": (build_p, p_pages, p_text),
    "Q": (build_q, q_pages, q_text),
    "R": (build_r, r_pages, r_text),
    "S": (build_s, s_pages, s_text),
    "T": (build_t, t_pages, t_text),
    "U": (build_u, u_pages, u_text),
    "V": (build_v, v_pages, v_text),
    "W": (build_w, w_pages, w_text),
    "X": (build_x, x_pages, x_text),
    "Y": (build_y, y_pages, y_text),
    "Z": (build_z, z_pages, z_text),
    "G": (build_g, g_pages, g_text),
    "E": (build_e, e_pages, e_text),
    "F": (build_f, f_pages, f_text),
    "I": (build_i, i_pages, i_text),
    "J": (build_j, j_pages, j_text),
    "AA": (build_aa, aa_pages, aa_text),
    "AB": (build_ab, ab_pages, ab_text),
    "AC": (build_ac, ac_pages, ac_text),
    "AD": (build_ad, ad_pages, ad_text),
    "AE": (build_ae, ae_pages, ae_text),
    "AF": (build_af, af_pages, af_text),
    "AG": (build_ag, ag_pages, ag_text),
    "AH": (build_ah, ah_pages, ah_text),
    "AI": (build_ai, ai_pages, ai_text),
    "AJ": (build_aj, aj_pages, aj_text),
    "AK": (build_ak, ak_pages, ak_text),
    "AL": (build_al, al_pages, al_text),
    "AN": (build_an, an_pages, an_text),
    "AO": (build_ao, ao_pages, ao_text),
    "AP": (build_ap, ap_pages, ap_text),
    "AQ": (build_aq, aq_pages, aq_text),
    "AR": (build_ar, ar_pages, ar_text),
    "AS": (build_as, as_pages, as_text),
    "AT": (build_at, at_pages, at_text),
    "AU": (build_au, au_pages, au_text),
    "AV": (build_av, av_pages, av_text),
    "AW": (build_aw, aw_pages, aw_text),
    "AX": (build_ax, ax_pages, ax_text),
    "AY": (build_ay, ay_pages, ay_text),
    "AZ": (build_az, az_pages, az_text),
    "BA": (build_ba, ba_pages, ba_text),
    "BB": (build_bb, bb_pages, bb_text),
    "BC": (build_bc, bc_pages, bc_text),
    "BD": (build_bd, bd_pages, bd_text),
    "BE": (build_be, be_pages, be_text),
    "BF": (build_bf, bf_pages, bf_text),
    "BG": (build_bg, bg_pages, bg_text),
    "BH": (build_bh, bh_pages, bh_text),
    "BI": (build_bi, bi_pages, bi_text),
    "BJ": (build_bj, bj_pages, bj_text),
    "BK": (build_bk, bk_pages, bk_text),
}


def family_samples(family: str, per_family: int) -> list[Sample]:
    if family in FAMILIES:
        return list(FAMILIES[family][0](per_family))
    return build_corpus(per_family, seed=99, held_out=True, only=family)


def pages_of(family: str, sample: Sample) -> tuple[PageText, ...]:
    return FAMILIES[family][1](sample) if family in FAMILIES else sample_pages(sample)


def text_of(family: str, sample: Sample) -> str:
    return FAMILIES[family][2](sample) if family in FAMILIES else sample_text(sample)


def _inside(box: Box, other: Box) -> bool:
    """The middle of ``box`` lies in ``other``."""
    x, y = box.left + box.width / 2, box.top + box.height / 2
    return other.left <= x <= other.right and other.top <= y <= other.bottom


def located_line(pairs: Sequence[tuple[Extraction, Extraction]], pages: Sequence[Any]) -> str:
    """How the adapter's values (no positions) are boxed on the page by
    ``documents.locate`` (as the service does for them), against the rule reader's own
    chosen boxes where both read the same value: boxed at all, and the same place."""
    values = boxed = both = same = 0
    for (adapter, rules), doc_pages in zip(pairs, pages, strict=True):
        mine: dict[str, FieldEvidence] = {e.field: e for e in rules.evidence if e.chosen}
        for e in locate_evidence(adapter, doc_pages):
            values += 1
            boxed += e.box is not None
            theirs = mine.get(e.field)
            if e.box is None or theirs is None or theirs.box is None or theirs.value != e.value:
                continue
            both += 1
            same += theirs.page == e.page and (
                _inside(e.box, theirs.box) or _inside(theirs.box, e.box)
            )
    return (
        f"evidence located for the adapter's values: {boxed}/{values} boxed on the page; "
        f"{same}/{both} at the rule reader's own box where both read the same value"
    )


class StandIn(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        text = body["messages"][-1]["content"]
        read = extract(text, (), classifier.shipped())
        reply = {
            key: (
                getattr(read, key).isoformat()
                if hasattr(getattr(read, key, None), "isoformat")
                else getattr(read, key)
            )
            for key in EXTRACTION_SCHEMA["properties"]
        }
        reply["document_class"] = read.document_class.value
        reply["amounts_pence"] = list(read.amounts_pence)
        payload = {
            "id": "chatcmpl-local", "object": "chat.completion", "created": 0, "model": "stand-in",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": json.dumps(reply)}}],
        }  # fmt: skip
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-family", type=int, default=4)
    parser.add_argument("--base-url", default=None, help="a real service instead of the stand-in")
    parser.add_argument("--model", default="stand-in")
    letters = ("H", "K", *FAMILIES)
    parser.add_argument("--family", choices=("all", *(f.lower() for f in letters)), default="all")
    args = parser.parse_args()
    families = letters if args.family == "all" else (args.family.upper(),)
    server = None
    base_url = args.base_url
    if base_url is None:
        server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    assistant = OpenAIAssistant(
        api_key=os.environ.get("CMA_OPENAI_API_KEY", "sk-local"), model=args.model,
        base_url=base_url, timeout=60, max_retries=0,
    )  # fmt: skip
    try:
        for family in families:
            samples = family_samples(family, args.per_family)
            via_adapter = [
                (s, await assistant.classify_and_extract(text_of(family, s), pages_of(family, s)))
                for s in samples
            ]
            rules = [
                (s, extract(text_of(family, s), pages_of(family, s), classifier.shipped()))
                for s in samples
            ]
            print(score(via_adapter).table(f"OpenAI adapter, held-out {family} ({len(samples)})"))
            print(score(rules).table("rule-based reader, same documents, with word boxes"))
            print(
                located_line(
                    [(a, r) for (_, a), (_, r) in zip(via_adapter, rules, strict=True)],
                    [pages_of(family, s) for s in samples],
                )
            )
            print()
    finally:
        if server is not None:
            server.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
