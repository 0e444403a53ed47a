"""Learning from the adviser, end to end: a letter is read (OCR), the adviser accepts one
suggestion and corrects another over HTTP, both are kept as labelled examples of that
centre, ``cma assistant train --centre`` fits the centre's own artefacts from the corpus
plus those examples, and the assistant then reads that centre's documents with them (and
the other centre's with the install's)."""

from __future__ import annotations

import asyncio
import json
import uuid
from pathlib import Path

import pytest
from tests.e2e.conftest import Api, settle
from tests.e2e.documents_fixtures import letter_png
from tests.e2e.test_documents_api import upload
from typer.testing import CliRunner

from cma_adapters.rules_assistant import classifier
from cma_adapters.sqlalchemy.factories import repository_factories
from cma_core.documents.learning import ExampleOutcome
from cma_core.documents.model import DocumentClass
from cma_core.shared.ids import CentreId
from cma_entrypoints.cli.main import app
from cma_entrypoints.container import Container, centre_models_path

MORTGAGE_LETTER = [
    "Qwyndle Building Society",
    "Date: 2 November 2026",
    "Mortgage account number: 55012345",
    "Your mortgage payments are in arrears and your home may be at risk.",
    "The arrears on your mortgage are £2,345.67.",
    "Please contact us by 30 November 2026.",
]


@pytest.mark.parametrize("container", ["postgres"], indirect=True)  # training is slow
async def test_decisions_become_examples_the_centre_model_learns(
    two_centres: tuple[Api, Api],
    container: Container,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    api, other = two_centres
    case = await api.new_case()
    r = await upload(api, case["id"], letter_png(MORTGAGE_LETTER))
    assert r.status_code == 201, r.text
    await settle(container)
    r = await api.get(f"/api/v1/cases/{case['id']}/suggestions")
    made = r.json()["items"]
    assert made, "the letter gave no suggestion"
    debt = next(s for s in made if s["kind"] == "new_debt")
    rest = [s for s in made if s is not debt]

    # A correction: the letter is a mortgage arrears letter, and the reference is this.
    r = await api.post(
        f"/api/v1/suggestions/{debt['id']}/reject",
        json={
            "reason": "wrong kind",
            "correction": {
                "document_class": "mortgage_arrears",
                "account_reference": "55012345",
                "budget_line": "not_a_line",
            },
        },
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 422, r.text  # the budget line is not a key
    assert "correction" in r.text
    r = await api.post(
        f"/api/v1/suggestions/{debt['id']}/reject",
        json={
            "reason": "wrong kind",
            "correction": {"document_class": "mortgage_arrears", "account_reference": "55012345"},
        },
        headers={"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    for s in rest:  # the deadline: accepted
        r = await api.post(f"/api/v1/suggestions/{s['id']}/accept", headers={"If-Match": '"1"'})
        assert r.status_code == 200, r.text

    centre = CentreId(uuid.UUID(api.centre_id))
    factories = repository_factories("examples")
    async with container.uow()(centre) as uow:
        kept = (await factories["examples"](uow).list(limit=10, offset=0)).items
    async with container.uow()(CentreId(uuid.UUID(other.centre_id))) as uow:
        assert (await factories["examples"](uow).list(limit=10, offset=0)).total == 0
    outcomes = {e.outcome for e in kept}
    assert ExampleOutcome.CORRECTED in outcomes
    corrected = next(e for e in kept if e.outcome is ExampleOutcome.CORRECTED)
    assert corrected.document_class is DocumentClass.MORTGAGE_ARREARS
    assert corrected.suggested_class is not None
    refs = {(f.value, f.correct) for f in corrected.fields if f.field == "account_reference"}
    assert ("55012345", True) in refs
    if rest:
        assert ExampleOutcome.ACCEPTED in outcomes

    # Train the centre's artefacts (tiny corpus: the flow, not the accuracy).
    settings = container.settings()
    for name, value in {
        "CMA_DATA_DIR": str(settings.data_dir),
        "CMA_DATABASE_URL": settings.database_url,
        "CMA_SECRET_KEY": "test-secret-key-that-is-long-enough-0123456789",
    }.items():
        monkeypatch.setenv(name, value)
    args = ["assistant", "train", "--per-family", "2", "--statements", "4", "--json"]
    result = await asyncio.to_thread(
        CliRunner().invoke, app, [*args, "--centre", api.centre_id, "--c", "2"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["centre_id"] == api.centre_id
    assert report["examples"]["documents"] == 1
    assert report["examples"]["recorded"] == len(kept)
    assert 0.0 <= report["held_out_accuracy"] <= 1.0
    written = Path(report["output"])
    assert written == centre_models_path(settings) / api.centre_id / classifier.ARTEFACT
    model = classifier.from_json(await asyncio.to_thread(written.read_text, encoding="utf-8"))
    assert model.version.endswith(f".centre-{api.centre_id[:8]}.{len(kept)}")
    # Its features are the corpus's: no word of the letter that the corpus lacks.
    assert not [t for t in model.vocabulary if "qwyndle" in t]

    # The assistant reads this centre's documents with them, the other's with the install's.
    assistant = container.assistant()
    mine, _ = assistant.models_for(centre)
    theirs, _ = assistant.models_for(CentreId(uuid.UUID(other.centre_id)))
    assert mine is not None
    assert mine.version == model.version
    assert theirs is assistant.model

    r = await api.get(f"/api/v1/cases/{case['id']}/documents")
    document_id = r.json()["items"][0]["id"]
    async with container.uow()(centre) as uow:
        doc = await repository_factories("documents")["documents"](uow).get(uuid.UUID(document_id))
    assert doc is not None
    # Trained on the correction (a tiny corpus here): the corrected class gains weight.
    before = classifier.train_from_corpus(version="b", per_family=2, c=2.0)
    cls = DocumentClass.MORTGAGE_ARREARS.value
    assert mine.probabilities(doc.text)[cls] > before.model.probabilities(doc.text)[cls]

    # An unknown centre is refused, and nothing is written for it.
    result = await asyncio.to_thread(
        CliRunner().invoke, app, [*args, "--centre", str(uuid.uuid4()), "--c", "2"]
    )
    assert result.exit_code != 0
