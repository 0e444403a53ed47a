"""Request shapes of offer planning (the responses are ``to_data`` records, documented in
``common.data_shapes``)."""

from __future__ import annotations

import datetime as dt
import uuid

from msgspec import Struct

from cma_core.reference.jurisdiction import Jurisdiction


class OfferIn(Struct, forbid_unknown_fields=True):
    debt_id: uuid.UUID
    amount_pence: int


class OffersIn(Struct, forbid_unknown_fields=True):
    priority_offers: list[OfferIn] = []
    on_date: dt.date | None = None
    jurisdiction: Jurisdiction | None = None
    #: A budget in deficit offers non-priority creditors nothing unless this is set.
    tokens_in_deficit: bool = False
