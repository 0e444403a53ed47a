"""The OpenAPI examples of suggestions say which values are to be checked as the API does:
``fields_to_check`` is what ``SuggestionOut.of`` derives from the example's evidence."""

from __future__ import annotations

import pytest

from cma_core.documents.model import made_of
from cma_entrypoints.http.documents import examples as ex


@pytest.mark.parametrize("name", ["SUGGESTION", "UPDATE", "CLAIM", "ACCEPTED", "REJECTED"])
def test_an_examples_fields_to_check_follow_its_evidence(name: str) -> None:
    s = getattr(ex, name)
    derived = list(
        dict.fromkeys(
            e.field
            for e in s.evidence
            if e.chosen and (e.hard_to_read or e.unsure_choice) and made_of(s.kind, e.field)
        )
    )
    assert s.fields_to_check == derived


def test_the_letters_example_names_its_smudged_reference() -> None:
    assert ex.SUGGESTION.fields_to_check == ["account_reference"]
