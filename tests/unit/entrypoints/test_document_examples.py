"""The OpenAPI examples of suggestions say which values are hard to read as the API does:
``hard_to_read_fields`` is what ``SuggestionOut.of`` derives from the example's evidence."""

from __future__ import annotations

import pytest

from cma_core.documents.model import made_of
from cma_entrypoints.http.documents import examples as ex


@pytest.mark.parametrize("name", ["SUGGESTION", "UPDATE", "CLAIM", "ACCEPTED", "REJECTED"])
def test_an_examples_hard_to_read_fields_follow_its_evidence(name: str) -> None:
    s = getattr(ex, name)
    derived = list(
        dict.fromkeys(
            e.field for e in s.evidence if e.chosen and e.hard_to_read and made_of(s.kind, e.field)
        )
    )
    assert s.hard_to_read_fields == derived


def test_the_letters_example_names_its_smudged_reference() -> None:
    assert ex.SUGGESTION.hard_to_read_fields == ["account_reference"]
