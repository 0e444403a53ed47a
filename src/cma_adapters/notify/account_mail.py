"""Account mail (password-reset links) sent through the notifier port: SMTP when
configured, else the owner-only outbox folder (the embedded default)."""

from __future__ import annotations

from cma_core.identity.ports import AccountMail
from cma_core.scheduling.ports import Notifier, NotifyChannel, OutgoingMessage


class NotifierAccountMail(AccountMail):
    def __init__(self, notifier: Notifier) -> None:
        self._notifier = notifier

    async def __call__(self, *, to: str, subject: str, body: str, key: str) -> None:
        await self._notifier.send(
            OutgoingMessage(
                idempotency_key=key,
                channel=NotifyChannel.EMAIL,
                to=to,
                subject=subject,
                body=body,
            )
        )
