"""SMS through an HTTP provider: ``POST`` JSON ``{"to", "body", "reference"}`` with a bearer
token and an ``Idempotency-Key`` header (most SMS gateways honour it; the body's reference
lets those that do not deduplicate on their side)."""

from __future__ import annotations

import httpx

from cma_core.scheduling.ports import (
    Delivery,
    NotificationFailed,
    Notifier,
    NotifyChannel,
    OutgoingMessage,
)

MAX_SMS_CHARS = 612  # four concatenated GSM-7 parts


class HttpSmsNotifier(Notifier):
    def __init__(
        self,
        url: str,
        *,
        token: str | None = None,
        sender: str = "CMA",
        timeout: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.url = url
        self._token = token
        self._sender = sender
        self._timeout = timeout
        self._transport = transport

    def channels(self) -> frozenset[NotifyChannel]:
        return frozenset({NotifyChannel.SMS})

    async def send(self, message: OutgoingMessage) -> Delivery:
        if message.channel is not NotifyChannel.SMS:
            raise ValueError("the SMS notifier sends SMS only")
        headers = {"Idempotency-Key": message.idempotency_key}
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        payload = {
            "to": message.to,
            "from": self._sender,
            "body": message.body[:MAX_SMS_CHARS],
            "reference": message.idempotency_key,
        }
        try:
            async with httpx.AsyncClient(
                timeout=self._timeout, transport=self._transport
            ) as client:
                response = await client.post(self.url, json=payload, headers=headers)
        except httpx.HTTPError as exc:
            raise NotificationFailed(f"SMS provider unreachable: {type(exc).__name__}") from exc
        if response.status_code == 409:
            return Delivery(
                idempotency_key=message.idempotency_key, provider_ref="duplicate", duplicate=True
            )
        if response.status_code >= 300:
            raise NotificationFailed(f"SMS provider answered {response.status_code}")
        try:
            ref = str(response.json().get("id", ""))
        except ValueError:
            ref = ""
        duplicate = response.headers.get("Idempotent-Replayed", "").lower() == "true"
        return Delivery(
            idempotency_key=message.idempotency_key, provider_ref=ref, duplicate=duplicate
        )
