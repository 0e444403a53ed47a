"""A notifier that keeps messages in a list: tests and embedding programs."""

from __future__ import annotations

from cma_core.scheduling.ports import Delivery, Notifier, NotifyChannel, OutgoingMessage


class InMemoryNotifier(Notifier):
    def __init__(self, channels: frozenset[NotifyChannel] = frozenset(NotifyChannel)) -> None:
        self._channels = channels
        self.sent: list[OutgoingMessage] = []
        self._keys: set[str] = set()
        self.fail_next = 0  # make the next N sends fail (a provider outage)

    def channels(self) -> frozenset[NotifyChannel]:
        return self._channels

    async def send(self, message: OutgoingMessage) -> Delivery:
        from cma_core.scheduling.ports import NotificationFailed

        if message.channel not in self._channels:
            raise ValueError(f"no {message.channel} channel")
        if self.fail_next:
            self.fail_next -= 1
            raise NotificationFailed("simulated outage")
        if message.idempotency_key in self._keys:
            return Delivery(
                idempotency_key=message.idempotency_key, provider_ref="memory", duplicate=True
            )
        self._keys.add(message.idempotency_key)
        self.sent.append(message)
        return Delivery(idempotency_key=message.idempotency_key, provider_ref="memory")
