"""The layout families written blind whose misses have since been *read* to change the
reader — L (``corpus_blind.py``, read in round 5), M (``corpus_blind_m.py``, round 6),
N (``corpus_blind_n.py``, round 7), O (``corpus_blind_o.py``, round 8), P, Q and R
(``corpus_blind_p.py``, ``corpus_blind_q.py``, ``corpus_blind_r.py``, round 10), S
(``corpus_blind_s.py``, round 11), T (``corpus_blind_t.py``, round 12), U
(``corpus_blind_u.py``, round 13), V (``corpus_blind_v.py``, round 14), W
(``corpus_blind_w.py``, round 15), X (``corpus_blind_x.py``, round 16), G
(``corpus_blind_g.py``, round 17), Z (``corpus_blind_z.py``, round 18), F
(``corpus_blind_f.py``, round 19), E (``corpus_blind_e.py``, round 20), AA
(``corpus_blind_aa.py``, round 21), AC (``corpus_blind_ac.py``, round 25), AE
(``corpus_blind_ae.py``, round 26), AB (``corpus_blind_ab.py``, round 27), J
(``corpus_blind_j.py``, round 28), AI (``corpus_blind_ai.py``, round 29), AF
(``corpus_blind_af.py``, round 30), AD (``corpus_blind_ad.py``, round 31), AJ
(``corpus_blind_aj.py``, round 32), AK (``corpus_blind_ak.py``, round 33), AG
(``corpus_blind_ag.py``, round 34), AL (``corpus_blind_al.py``, round 35), AN
(``corpus_blind_an.py``, round 38), AO (``corpus_blind_ao.py``, round 38), AP
(``corpus_blind_ap.py``, round 39), AQ (``corpus_blind_aq.py``, round 39), AR
(``corpus_blind_ar.py``, round 40), AS (``corpus_blind_as.py``, round 40), AT
(``corpus_blind_at.py``, round 41), AU (``corpus_blind_au.py``, round 41), AV
(``corpus_blind_av.py``, round 42), AW (``corpus_blind_aw.py``, round 42), AX
(``corpus_blind_ax.py``, round 43), AY (``corpus_blind_ay.py``, round 43), AZ
(``corpus_blind_az.py``, round 44), BA (``corpus_blind_ba.py``, round 44), BB
(``corpus_blind_bb.py``, round 45), BC (``corpus_blind_bc.py``, round 46), BD
(``corpus_blind_bd.py``, round 47), BG (``corpus_blind_bg.py``, round 48), BF
(``corpus_blind_bf.py``, round 49) and BE (``corpus_blind_be.py``, round 50) — as training
texts for the document classifier and the field ranker.

Once read, a family says nothing more of how the reader generalises (benchmarks/OCR.md),
so it may as well teach the classifier its wording, as A-D do. A family still blind (one
written and only measured, not yet read) is never listed here: it is the honest held-out
figure, and ``tests/unit/documents/test_read_families.py`` checks that no reading,
learning or training module names it. The texts are drawn with seeds of their own, not
the benchmark's (``build_*``'s defaults), so the documents the benchmark reads are not the
ones trained on (the same templates are: these are training-side figures)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

# The letters of the read families; a family read in a later round is added here (and
# to ``_families``) in the same commit that says so in benchmarks/OCR.md.
READ: tuple[str, ...] = (
    "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "G", "Z", "F", "E", "AA",
    "AC", "AE", "AB", "J", "AI", "AF", "AD", "AJ", "AK", "AG", "AL", "AN", "AO", "AP",
    "AQ", "AR", "AS", "AT", "AU", "AV", "AW", "AX", "AY", "AZ", "BA", "BB", "BC", "BD",
    "BG", "BF", "BE",
)  # fmt: skip


_Family = tuple[Callable[..., Sequence[Any]], Callable[[Any], str], Callable[[Any], Any]]


def _families() -> dict[str, _Family]:
    """Family letter -> how its documents are built, how each is read as text, and its
    pages with the words' exact boxes (a perfect read)."""
    from cma_adapters.rules_assistant.corpus import sample_text
    from cma_adapters.rules_assistant.corpus_blind import blind_pages, build_blind
    from cma_adapters.rules_assistant.corpus_blind_aa import aa_pages, aa_text, build_aa
    from cma_adapters.rules_assistant.corpus_blind_ab import ab_pages, ab_text, build_ab
    from cma_adapters.rules_assistant.corpus_blind_ac import ac_pages, ac_text, build_ac
    from cma_adapters.rules_assistant.corpus_blind_ad import ad_pages, ad_text, build_ad
    from cma_adapters.rules_assistant.corpus_blind_ae import ae_pages, ae_text, build_ae
    from cma_adapters.rules_assistant.corpus_blind_af import af_pages, af_text, build_af
    from cma_adapters.rules_assistant.corpus_blind_ag import ag_pages, ag_text, build_ag
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
    from cma_adapters.rules_assistant.corpus_blind_e import build_e, e_pages, e_text
    from cma_adapters.rules_assistant.corpus_blind_f import build_f, f_pages, f_text
    from cma_adapters.rules_assistant.corpus_blind_g import build_g, g_pages, g_text
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
    from cma_adapters.rules_assistant.corpus_blind_z import build_z, z_pages, z_text

    return {
        "L": (build_blind, sample_text, blind_pages),
        "M": (build_m, m_text, m_pages),
        "N": (build_n, n_text, n_pages),
        "O": (build_o, o_text, o_pages),
        "P": (build_p, p_text, p_pages),
        "Q": (build_q, q_text, q_pages),
        "R": (build_r, r_text, r_pages),
        "S": (build_s, s_text, s_pages),
        "T": (build_t, t_text, t_pages),
        "U": (build_u, u_text, u_pages),
        "V": (build_v, v_text, v_pages),
        "W": (build_w, w_text, w_pages),
        "X": (build_x, x_text, x_pages),
        "G": (build_g, g_text, g_pages),
        "Z": (build_z, z_text, z_pages),
        "F": (build_f, f_text, f_pages),
        "E": (build_e, e_text, e_pages),
        "AA": (build_aa, aa_text, aa_pages),
        "AC": (build_ac, ac_text, ac_pages),
        "AE": (build_ae, ae_text, ae_pages),
        "AB": (build_ab, ab_text, ab_pages),
        "J": (build_j, j_text, j_pages),
        "AI": (build_ai, ai_text, ai_pages),
        "AF": (build_af, af_text, af_pages),
        "AD": (build_ad, ad_text, ad_pages),
        "AJ": (build_aj, aj_text, aj_pages),
        "AK": (build_ak, ak_text, ak_pages),
        "AG": (build_ag, ag_text, ag_pages),
        "AL": (build_al, al_text, al_pages),
        "AN": (build_an, an_text, an_pages),
        "AO": (build_ao, ao_text, ao_pages),
        "AP": (build_ap, ap_text, ap_pages),
        "AQ": (build_aq, aq_text, aq_pages),
        "AR": (build_ar, ar_text, ar_pages),
        "AS": (build_as, as_text, as_pages),
        "AT": (build_at, at_text, at_pages),
        "AU": (build_au, au_text, au_pages),
        "AV": (build_av, av_text, av_pages),
        "AW": (build_aw, aw_text, aw_pages),
        "AX": (build_ax, ax_text, ax_pages),
        "AY": (build_ay, ay_text, ay_pages),
        "AZ": (build_az, az_text, az_pages),
        "BA": (build_ba, ba_text, ba_pages),
        "BB": (build_bb, bb_text, bb_pages),
        "BC": (build_bc, bc_text, bc_pages),
        "BD": (build_bd, bd_text, bd_pages),
        "BG": (build_bg, bg_text, bg_pages),
        "BF": (build_bf, bf_text, bf_pages),
        "BE": (build_be, be_text, be_pages),
    }


# Seeds apart from the benchmark's (L 1214, M 2614, N 3014, O 4015, P 5017, Q 6029,
# R 7411, S 8302, T 9417, U 1066, V 1415,
# W 1517, X 1619, G 1931, Z 1823, F 2141, E 2039, AA 2451, AC 2671, AE 2887, AB 2563,
# J 2347, AI 3319, AF 2995, AD 2779, AJ 3427, AK 3541, AG 3103,
# AL 3650, AN 3860, AO 3960, AP 4060, AQ 4160, AR 4260, AS 4360, AT 4460, AU 4560,
# AV 4660, AW 4760, AX 4860, AY 4960, AZ 5060, BA 5160, BB 5260, BC 5360, BD 5460,
# BG 5760, BF 5660, BE 5560) and
# from each other.
_SEED_OFFSET = {
    "L": 5000, "M": 6000, "N": 7000, "O": 8000, "P": 9000, "Q": 10000, "R": 11000, "S": 12000,
    "T": 13000, "U": 14000, "V": 15000, "W": 16000, "X": 17000, "G": 18000,
    "Z": 19000, "F": 20000, "E": 21000, "AA": 22000, "AC": 23000, "AE": 24000, "AB": 25000,
    "J": 26000, "AI": 27000, "AF": 28000, "AD": 29000, "AJ": 30000, "AK": 31000, "AG": 32000,
    "AL": 33000, "AN": 34000, "AO": 34100, "AP": 34200, "AQ": 34300,
    "AR": 34400, "AS": 34500, "AT": 34600, "AU": 34700, "AV": 34800, "AW": 34900,
    "AX": 35000, "AY": 35100, "AZ": 35200, "BA": 35300, "BB": 35400, "BC": 35500, "BD": 35600,
    "BG": 35700, "BF": 35800, "BE": 35900,
}  # fmt: skip


def read_texts(per_class: int, seed: int) -> list[tuple[str, str, str]]:
    """``per_class`` documents of every class of every read family, as ``(text, class,
    family letter)``."""
    out: list[tuple[str, str, str]] = []
    families = _families()
    for letter in READ:
        build, text, _ = families[letter]
        for sample in build(per_class, seed=seed + _SEED_OFFSET[letter]):
            out.append((text(sample), sample.truth.document_class.value, letter))
    return out


def read_samples(per_class: int, seed: int) -> list[tuple[Any, str, Any, str]]:
    """``per_class`` documents of every class of every read family, as ``(sample, text,
    pages, family letter)``: the sample's ``truth`` holds every field's value (the field
    ranker's training, ``ranker_training``). Drawn with the same seeds as ``read_texts``."""
    out: list[tuple[Any, str, Any, str]] = []
    families = _families()
    for letter in READ:
        build, text, pages = families[letter]
        for sample in build(per_class, seed=seed + _SEED_OFFSET[letter]):
            out.append((sample, text(sample), pages(sample), letter))
    return out
