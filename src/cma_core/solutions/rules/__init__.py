"""Eligibility rules for each debt solution, and :func:`appraise` which runs them all.

Each rule is one small function citing its source, listed with its id, title and source in
a tuple per solution (rules as data, as in ``cma_core.compliance.registry``); the tuple's
order is the order of the reasons. Rule ids and sources (UK-DEBT-ADVICE.md; our own ids
where the document has none):

* DRO (EW, and NI with the NI figures): DRO-E1 ... DRO-E8 exactly as in §1.1 (:mod:`.dro`).
* MAP (Scotland, §1.3 [V: AIB]): MAP-E1 debt limit (student loans excluded), MAP-E2
  minimum debt, MAP-E3 assets, MAP-E4 no land or property, MAP-E5 income test, MAP-E6
  certificate for sequestration, MAP-E7 residence, MAP-E8 previous bankruptcy/MAP,
  MAP-E9 current procedures (:mod:`.map`).
* Bankruptcy (EW/NI, §1.4) BR-E1 ... BR-E5; sequestration (Scotland) SEQ-E1 ... SEQ-E5
  (:mod:`.bankruptcy`).
* IVA (§1.5, market norms, not law, so a miss is adviser judgement): IVA-E1 ... IVA-E6;
  trust deed (Scotland) TD-E1, TD-E2 (:mod:`.iva`).
* Breathing Space (EW, §2, SI 2020/1311) BS-E0 ... BS-E8; mental health crisis
  moratorium BS-M0 ... BS-M3 plus BS-E1 ... BS-E4 (reg 30(3): no 12-month rule)
  (:mod:`.breathing_space`).
* DMP (§1.6) DMP-E1 ... DMP-E4; administration order (EW, §1.6) AO-E1 ... AO-E4; token
  payments TOK-E1 ... TOK-E3; full and final settlement FFS-E1 ... FFS-E3; write-off
  request WO-E1, WO-E2; no solution needed NS-E1 ... NS-E3 (:mod:`.informal`).

Every figure comes from the threshold table for the jurisdiction and date. A figure the
table does not hold, or a fact that is ``None``, gives a ``MISSING`` reason (adviser
judgement) - the rules never guess.
"""

from __future__ import annotations

from cma_core.reference.thresholds import ThresholdTable, default_thresholds
from cma_core.solutions.model import (
    SOLUTIONS_BY_JURISDICTION,
    Appraisal,
    CaseFacts,
    OptionResult,
    Solution,
)
from cma_core.solutions.rules.bankruptcy import BANKRUPTCY_RULES, SEQUESTRATION_RULES
from cma_core.solutions.rules.base import RuleSpec, run
from cma_core.solutions.rules.breathing_space import (
    BREATHING_SPACE_RULES,
    BS_NON_ELIGIBLE_TYPES,
    BS_UNCERTAIN_TYPES,
    MHCM_RULES,
)
from cma_core.solutions.rules.dro import DRO_EXCLUDED_TYPES, DRO_RULES, NI_DRO_EXTRA_EXCLUDED
from cma_core.solutions.rules.informal import (
    ADMINISTRATION_ORDER_RULES,
    DAS_RULES,
    DMP_RULES,
    FULL_AND_FINAL_RULES,
    NO_SOLUTION_RULES,
    TOKEN_RULES,
    WRITE_OFF_RULES,
)
from cma_core.solutions.rules.iva import IVA_RULES, TRUST_DEED_RULES
from cma_core.solutions.rules.map import MAP_RULES

__all__ = [
    "BS_NON_ELIGIBLE_TYPES",
    "BS_UNCERTAIN_TYPES",
    "DRO_EXCLUDED_TYPES",
    "NI_DRO_EXTRA_EXCLUDED",
    "RULES_BY_SOLUTION",
    "RuleSpec",
    "appraise",
    "assess",
]

#: The rules of each solution, in the order their reasons are given.
RULES_BY_SOLUTION: dict[Solution, tuple[RuleSpec, ...]] = {
    Solution.DRO: DRO_RULES,
    Solution.MAP: MAP_RULES,
    Solution.BANKRUPTCY: BANKRUPTCY_RULES,
    Solution.SEQUESTRATION: SEQUESTRATION_RULES,
    Solution.IVA: IVA_RULES,
    Solution.TRUST_DEED: TRUST_DEED_RULES,
    Solution.DMP: DMP_RULES,
    Solution.ADMINISTRATION_ORDER: ADMINISTRATION_ORDER_RULES,
    Solution.BREATHING_SPACE: BREATHING_SPACE_RULES,
    Solution.MENTAL_HEALTH_CRISIS_MORATORIUM: MHCM_RULES,
    Solution.TOKEN_PAYMENTS: TOKEN_RULES,
    Solution.FULL_AND_FINAL_SETTLEMENT: FULL_AND_FINAL_RULES,
    Solution.WRITE_OFF_REQUEST: WRITE_OFF_RULES,
    Solution.NO_SOLUTION_NEEDED: NO_SOLUTION_RULES,
    Solution.DEBT_ARRANGEMENT_SCHEME: DAS_RULES,
}


def assess(
    solution: Solution, facts: CaseFacts, table: ThresholdTable | None = None
) -> OptionResult:
    """Assess one solution.

    Raises:
        ValueError: the solution does not exist in the facts' jurisdiction.
    """
    if solution not in SOLUTIONS_BY_JURISDICTION[facts.jurisdiction]:
        raise ValueError(f"{solution} is not available in {facts.jurisdiction}")
    return run(solution, RULES_BY_SOLUTION[solution], facts, table or default_thresholds())


def appraise(facts: CaseFacts, table: ThresholdTable | None = None) -> Appraisal:
    """Assess every solution available in the facts' jurisdiction on ``facts.on_date``."""
    thresholds = table or default_thresholds()
    return Appraisal(
        jurisdiction=facts.jurisdiction,
        on_date=facts.on_date,
        options=tuple(
            run(s, RULES_BY_SOLUTION[s], facts, thresholds)
            for s in SOLUTIONS_BY_JURISDICTION[facts.jurisdiction]
        ),
    )
