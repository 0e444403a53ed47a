"""The audit sealer inside the HTTP process, for deployments without a worker.

With ``CMA_AUDIT_SEAL=later`` views write their audit entries unsealed and something must
link them into the chain. With Redis, the worker does it (next to the outbox relay);
without Redis there is no worker (jobs run in-process), so the API process runs the
sealer itself, every ``CMA_AUDIT_SEAL_EVERY`` seconds. Several API processes may each
run one: a batch takes the centre's chain lock before reading what is unsealed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from cma_entrypoints.container import Container

log = logging.getLogger(__name__)


class InProcessSealer:
    def __init__(self, container: Container) -> None:
        self.container = container
        self.task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        settings = self.container.settings()
        if settings.audit_seal != "later" or settings.redis_url:
            return
        self.task = asyncio.create_task(self._loop(settings.audit_seal_every_seconds))

    async def stop(self) -> None:
        task, self.task = self.task, None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        # What the last views wrote is sealed before the pool closes.
        with contextlib.suppress(Exception):
            await self.container.audit_sealer().seal()

    async def _loop(self, every: float) -> None:
        sealer = self.container.audit_sealer()
        while True:
            await asyncio.sleep(every)
            try:
                await sealer.seal()
            except Exception:  # a database outage: the next round tries again
                log.exception("audit seal failed; retrying in %.1f s", every)
