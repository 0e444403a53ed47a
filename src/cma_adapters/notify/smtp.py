"""Email over SMTP (stdlib ``smtplib`` in a worker thread).

SMTP has no idempotency of its own: the ``Message-ID`` is derived from the idempotency key,
so a resend after a crash carries the same id and mail clients show one message. The
notifier also remembers keys it delivered in this process.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate

from cma_core.scheduling.ports import (
    Delivery,
    NotificationFailed,
    Notifier,
    NotifyChannel,
    OutgoingMessage,
)


class SmtpNotifier(Notifier):
    def __init__(
        self,
        host: str,
        port: int = 587,
        *,
        sender: str,
        username: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        timeout: float = 10.0,
        domain: str = "cma.invalid",
    ) -> None:
        self.host, self.port, self.sender = host, port, sender
        self._username, self._password = username, password
        self._starttls, self._timeout, self._domain = starttls, timeout, domain
        self._sent: set[str] = set()

    def channels(self) -> frozenset[NotifyChannel]:
        return frozenset({NotifyChannel.EMAIL})

    async def send(self, message: OutgoingMessage) -> Delivery:
        if message.channel is not NotifyChannel.EMAIL:
            raise ValueError("the SMTP notifier sends email only")
        mid = f"<{message.idempotency_key.replace(':', '.')}@{self._domain}>"
        if message.idempotency_key in self._sent:
            return Delivery(
                idempotency_key=message.idempotency_key, provider_ref=mid, duplicate=True
            )
        mail = EmailMessage()
        mail["From"] = self.sender
        mail["To"] = message.to
        mail["Subject"] = message.subject
        mail["Date"] = formatdate(usegmt=True)
        mail["Message-ID"] = mid
        mail.set_content(message.body)
        try:
            await asyncio.to_thread(self._deliver, mail)
        except (OSError, smtplib.SMTPException) as exc:
            raise NotificationFailed(f"SMTP delivery failed: {type(exc).__name__}") from exc
        self._sent.add(message.idempotency_key)
        return Delivery(idempotency_key=message.idempotency_key, provider_ref=mid)

    def _deliver(self, mail: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self._timeout) as smtp:
            if self._starttls:
                smtp.starttls(context=ssl.create_default_context())
            if self._username:
                smtp.login(self._username, self._password or "")
            smtp.send_message(mail)
