"""Request shapes of offer planning (the responses are ``to_data`` records, documented in
``common.data_shapes``)."""

from __future__ import annotations

import uuid
from typing import Annotated

from msgspec import Meta

from cma_core.reference.jurisdiction import Jurisdiction
from cma_entrypoints.http.common.schemas import MAX_ITEMS, Day, Input, Pence


class OfferIn(Input):
    debt_id: uuid.UUID
    amount_pence: Pence


class OffersIn(Input):
    priority_offers: Annotated[list[OfferIn], Meta(max_length=MAX_ITEMS)] = []
    on_date: Day | None = None
    jurisdiction: Jurisdiction | None = None
    #: A budget in deficit offers non-priority creditors nothing unless this is set.
    tokens_in_deficit: bool = False
