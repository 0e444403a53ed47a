"""The other kinds a document may be: the likeliest, never the one it was read as."""

from __future__ import annotations

from cma_adapters.rules_assistant import RuleBasedAssistant
from cma_adapters.rules_assistant.assistant import _alternatives
from cma_core.documents.model import MAX_CLASS_ALTERNATIVES, DocumentClass

C = DocumentClass


def test_likeliest_first_above_a_floor_without_the_chosen_kind() -> None:
    probabilities = {
        "court_claim_n1": 0.40, "county_court_judgment": 0.30, "creditor_letter": 0.12,
        "letter_of_claim": 0.08, "payslip": 0.06, "other": 0.04,
    }  # fmt: skip
    got = _alternatives(probabilities, C.COURT_CLAIM_N1)
    assert [a.document_class for a in got] == [
        C.COUNTY_COURT_JUDGMENT, C.CREDITOR_LETTER, C.LETTER_OF_CLAIM,
    ]  # fmt: skip
    assert len(got) == MAX_CLASS_ALTERNATIVES
    # A kind the cues chose over the classifier's first: the classifier's is an alternative.
    assert _alternatives(probabilities, C.OTHER)[0].document_class is C.COURT_CLAIM_N1
    assert _alternatives({"payslip": 0.97, "other": 0.03}, C.PAYSLIP) == ()


async def test_a_letter_between_two_kinds_offers_the_other() -> None:
    text = (
        "County Court Business Centre\nClaim number K1QZ4521\n"
        "Judgment for claimant in default\nClaim form\nAmount claimed £2,340.00\n"
        "Particulars of claim\nThe defendant must pay the claimant £2,340.00"
    )
    assistant = RuleBasedAssistant()
    read = await assistant.classify_and_extract(text)
    kinds = [a.document_class for a in read.class_alternatives]
    assert read.document_class not in kinds
    assert {C.COURT_CLAIM_N1, C.COUNTY_COURT_JUDGMENT} <= {read.document_class, *kinds}
    assert [a.probability for a in read.class_alternatives] == sorted(
        (a.probability for a in read.class_alternatives), reverse=True
    )
    told = await assistant.classify_and_extract(text, document_class=C.COUNTY_COURT_JUDGMENT)
    assert told.class_alternatives == ()


def test_likelihoods_are_calibrated_as_the_confidence_is() -> None:
    """The chosen kind's likelihood is its confidence; the runner-up's, the doubt left."""
    from cma_adapters.rules_assistant import classifier

    model = classifier.shipped()
    assert model is not None
    text = "Claim form\nJudgment for claimant in default\nClaim number K1QZ4521"
    kind, confidence, probabilities = model.predict(text)
    likelihoods = model.likelihoods(probabilities)
    runner_up = sorted(probabilities, key=lambda c: -probabilities[c])[1]
    assert abs(likelihoods[kind.value] - confidence) < 1e-9
    assert abs(likelihoods[runner_up] - (1.0 - confidence)) < 1e-9
    assert all(0.0 <= v <= 1.0 for v in likelihoods.values())
