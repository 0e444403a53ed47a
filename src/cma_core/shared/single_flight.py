"""One call for many callers: concurrent requests for the same thing share one answer.

A cache that expires every few seconds is asked again by every request in flight at that
moment (a client with 16 requests open sent 16 identical queries each time). ``SingleFlight``
lets the first caller for a key make the call and the others, arriving while it runs, wait
for its result. A call that fails fails for its own caller only: those waiting then try
again, one of them for all.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class SingleFlight(Generic[K, V]):
    def __init__(self) -> None:
        self._calls: dict[K, asyncio.Future[tuple[bool, V | None]]] = {}

    async def run(self, key: K, call: Callable[[], Awaitable[V]]) -> V:
        while (running := self._calls.get(key)) is not None:
            done, value = await asyncio.shield(running)
            if done:
                return value  # type: ignore[return-value]
        mine: asyncio.Future[tuple[bool, V | None]] = asyncio.get_running_loop().create_future()
        self._calls[key] = mine
        done, value = False, None
        try:
            value = await call()
            done = True
            return value
        finally:
            if self._calls.get(key) is mine:
                del self._calls[key]
            mine.set_result((done, value))
