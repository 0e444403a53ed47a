"""The three UK legal jurisdictions debt advice must distinguish (CONC 8.2.2G(1))."""

from __future__ import annotations

import enum


class Jurisdiction(enum.StrEnum):
    """Where the client's debt law comes from.

    Scotland and Northern Ireland have their own insolvency regimes; Wales shares the
    England and Wales regime (with small differences such as council tax committal).
    """

    EW = "EW"
    SCO = "SCO"
    NI = "NI"
