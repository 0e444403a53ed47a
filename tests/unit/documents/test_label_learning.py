"""A centre's corrections teach the reader the label words its letters use: the value an
adviser gives is found on the document, the label printed with it is kept (per centre,
words of the reader's or the corpus's vocabulary only), and the next similar document of
that centre is read with it — another centre's is not."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from cma_adapters.rules_assistant import RuleBasedAssistant, classifier, label_learning
from cma_adapters.rules_assistant.labelled import LEARNED_ROLE
from cma_core.documents.learning import (
    Correction,
    ExampleId,
    ExampleOutcome,
    example_from,
    training_set,
)
from cma_core.documents.model import (
    DocumentClass,
    DocumentId,
    Suggestion,
    SuggestionId,
    SuggestionKind,
)
from cma_core.shared.ids import CaseId, CentreId, UserId
from cma_core.shared.money import Money

MINE = CentreId(uuid.UUID(int=1))
THEIRS = CentreId(uuid.UUID(int=2))


def letter(ours: str, plan: str, balance: str) -> str:
    """A letter whose account number sits against "Plan code", a label the reader does
    not know; its writer's own file reference has a label it does know."""
    return "\n".join(
        [
            "Harbourside Credit Union Ltd",
            "",
            "Mrs A Example                                   Our ref       " + ours,
            "1 Any Street                                    Plan code     " + plan,
            "Anytown                                         Date          4 March 2027",
            "",
            "Your repayments are behind. Please contact us to agree a plan.",
            "",
            "Balance outstanding   " + balance,
        ]
    )


async def reference(assistant: RuleBasedAssistant, centre: CentreId, text: str) -> Any:
    got = await assistant.classify_and_extract(text, centre_id=centre)
    chosen = [e for e in got.evidence if e.field == "account_reference" and e.chosen]
    return got.account_reference, chosen[0].role if chosen else None


async def test_a_correction_teaches_the_next_reading_of_that_centre_only(tmp_path: Path) -> None:
    assistant = RuleBasedAssistant(centre_models=tmp_path)
    corrected = letter("HCU/5521/MW", "PX-20931", "£812.40")
    nxt = letter("HCU/7730/JB", "PX-77310", "£1,020.00")
    assert await reference(assistant, MINE, nxt) == ("HCU/7730/JB", None)

    learned = label_learning.learn(
        [(corrected, "account_reference", "PX-20931")], classifier.shipped().vocabulary
    )
    assert learned == {"account_reference": ["plan code"]}
    (tmp_path / str(MINE)).mkdir()
    (tmp_path / str(MINE) / label_learning.ARTEFACT).write_text(label_learning.to_json(learned))

    assert await reference(assistant, MINE, nxt) == ("PX-77310", LEARNED_ROLE)
    assert await reference(assistant, THEIRS, nxt) == ("HCU/7730/JB", None)


def test_only_label_words_are_kept_never_a_name_or_a_number() -> None:
    beside_a_name = "Mr Tomasz Nowak    PX-20931\nAgreement 4471 ref   KL-5510"
    assert label_learning.learn([(beside_a_name, "account_reference", "PX-20931")]) == {}
    assert label_learning.learn([(beside_a_name, "account_reference", "KL-5510")]) == {}
    above = "Loan ref\nKL-5510\n"
    assert label_learning.learn([(above, "account_reference", "KL-5510")]) == {
        "account_reference": ["loan ref"]
    }
    money = "Sum to settle   £1,204.50"
    assert label_learning.learn([(money, "balance_pence", "120450")]) == {
        "balance_pence": ["sum to settle"]
    }


def test_an_unreadable_or_foreign_artefact_teaches_nothing(tmp_path: Path) -> None:
    path = tmp_path / label_learning.ARTEFACT
    assert label_learning.load(path) == {}
    path.write_text('{"version": 99, "labels": {"account_reference": ["x"]}}')
    assert label_learning.load(path) == {}
    path.write_text(label_learning.to_json({"account_reference": ["plan code"], "bogus": ["y"]}))
    assert label_learning.load(path) == {"account_reference": ("plan code",)}


class Examples:
    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    async def add(self, example: Any) -> None:
        self.rows.append(example)

    async def list(self, *, limit: int, offset: int) -> Any:
        raise NotImplementedError

    async def for_training(self, *, limit: int) -> list[Any]:
        return self.rows[-limit:]


class Documents:
    def __init__(self, texts: dict[DocumentId, str]) -> None:
        self.texts = texts

    async def get(self, document_id: DocumentId) -> Any:
        text = self.texts.get(document_id)
        return None if text is None else type("D", (), {"text": text})()


async def test_the_training_set_carries_the_values_advisers_gave_with_their_documents() -> None:
    document_id = DocumentId(uuid.uuid4())
    now = dt.datetime(2026, 12, 3, tzinfo=dt.UTC)
    suggestion = Suggestion(
        id=SuggestionId(uuid.uuid4()), centre_id=MINE, case_id=CaseId(uuid.uuid4()),
        document_id=document_id, kind=SuggestionKind.NEW_DEBT, title="Add debt",
        confidence=0.9, source="rules", created_at=now,
        creditor_name="Harbourside Credit Union Ltd",
        account_reference="HCU/5521/MW", balance=Money(81240),
    )  # fmt: skip
    document = type("D", (), {"document_class": DocumentClass.CREDITOR_LETTER})()
    corrected = example_from(
        suggestion, document, ExampleOutcome.CORRECTED, example_id=ExampleId(uuid.uuid4()),
        by=UserId(uuid.uuid4()), now=now,
        correction=Correction(values={"account_reference": "PX-20931"}),
    )  # fmt: skip
    accepted = example_from(
        suggestion, document, ExampleOutcome.ACCEPTED, example_id=ExampleId(uuid.uuid4()),
        by=UserId(uuid.uuid4()), now=now,
    )  # fmt: skip
    text = letter("HCU/5521/MW", "PX-20931", "£812.40")
    got = await training_set(
        None,  # type: ignore[arg-type]
        Examples([accepted, corrected]),
        Documents({document_id: text}),  # type: ignore[arg-type]
    )
    # Only what the adviser gave; a value merely confirmed teaches no new label.
    assert got.values == ((text, "account_reference", "PX-20931"),)
    gone = await training_set(None, Examples([corrected]), Documents({}))  # type: ignore[arg-type]
    assert gone.values == ()
