"""The embedded default: every message becomes a file in a local outbox folder.

Email is written as ``<key>.eml`` (RFC 5322, readable by any mail client), SMS as
``<key>.json``. The file name *is* the idempotency key, so a resend finds the file and
writes nothing. Files are written to a temporary name and renamed, so a crash never
leaves half a message that would later count as sent.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from cma_core.scheduling.ports import Delivery, Notifier, NotifyChannel, OutgoingMessage

_SAFE_KEY = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def message_id(key: str, domain: str) -> str:
    return f"<{key.replace(':', '.')}@{domain}>"


class OutboxFolderNotifier(Notifier):
    def __init__(self, folder: Path, *, sender: str, domain: str = "cma.invalid") -> None:
        self.folder = folder
        self.sender = sender
        self.domain = domain

    def channels(self) -> frozenset[NotifyChannel]:
        return frozenset(NotifyChannel)

    def path_for(self, message: OutgoingMessage) -> Path:
        if not _SAFE_KEY.match(message.idempotency_key):
            raise ValueError("idempotency key must be 1-128 letters, digits or ._:-")
        name = message.idempotency_key.replace(":", "_")
        suffix = ".eml" if message.channel is NotifyChannel.EMAIL else ".json"
        return self.folder / (name + suffix)

    async def send(self, message: OutgoingMessage) -> Delivery:
        return await asyncio.to_thread(self._write, message)

    def _write(self, message: OutgoingMessage) -> Delivery:
        path = self.path_for(message)
        if path.exists():
            return Delivery(
                idempotency_key=message.idempotency_key, provider_ref=str(path), duplicate=True
            )
        # Messages carry names, addresses and phone numbers: owner-only, like the keyring.
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if message.channel is NotifyChannel.EMAIL:
            mail = EmailMessage()
            mail["From"] = self.sender
            mail["To"] = message.to
            mail["Subject"] = message.subject
            mail["Date"] = formatdate(usegmt=True)
            mail["Message-ID"] = message_id(message.idempotency_key, self.domain)
            mail.set_content(message.body)
            data = bytes(mail)
        else:
            data = json.dumps(
                {"key": message.idempotency_key, "to": message.to, "body": message.body},
                ensure_ascii=False,
            ).encode()
        tmp = path.with_suffix(path.suffix + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o600)  # an older .tmp left by a crash keeps its mode otherwise
        os.replace(tmp, path)
        return Delivery(idempotency_key=message.idempotency_key, provider_ref=str(path))
