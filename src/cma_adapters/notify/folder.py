"""The embedded default: every message becomes a file in a local outbox folder.

Email is written as ``<key>.eml`` (RFC 5322), SMS as ``<key>.json``. The file name *is*
the idempotency key, so a resend finds the file and writes nothing. Files are written to a
temporary name and renamed, so a crash never leaves half a message that would later count
as sent.

Messages name clients (address, phone, email): with a ``key`` (the deployment's, derived
from ``CMA_SECRET_KEY`` by the container) each file is a Fernet token (AES-128-CBC +
HMAC-SHA256, ``cryptography``), owner-only (0600 in a 0700 folder) as well. Whoever
relays or reads them opens them with ``read_message`` (``cma notify read``); a file
written before sealing (or with no key) is plain and read as it is.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from cma_core.scheduling.ports import Delivery, Notifier, NotifyChannel, OutgoingMessage

_SAFE_KEY = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_TOKEN = b"gAAAAA"  # how every Fernet token (version 0x80) starts


def outbox_key(secret: str) -> bytes:
    """The Fernet key of the outbox folder, derived from the deployment's secret."""
    raw = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"cma/outbox/v1").derive(
        secret.encode()
    )
    return base64.urlsafe_b64encode(raw)


def read_message(path: Path, key: bytes | None) -> bytes:
    """The message in an outbox file: opened if sealed, as it is if written plain.

    Raises ``ValueError`` if the file is sealed and ``key`` does not open it."""
    data = path.read_bytes()
    if not data.startswith(_TOKEN):
        return data
    if key is None:
        raise ValueError(f"{path.name} is sealed: the outbox key is needed to read it")
    try:
        return Fernet(key).decrypt(data)
    except InvalidToken:
        raise ValueError(f"{path.name} does not open with this outbox key") from None


def message_id(key: str, domain: str) -> str:
    return f"<{key.replace(':', '.')}@{domain}>"


class OutboxFolderNotifier(Notifier):
    def __init__(
        self,
        folder: Path,
        *,
        sender: str,
        domain: str = "cma.invalid",
        key: bytes | None = None,
    ) -> None:
        self.folder = folder
        self.sender = sender
        self.domain = domain
        self._fernet = Fernet(key) if key is not None else None

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
        if self._fernet is not None:
            data = self._fernet.encrypt(data)
        tmp = path.with_suffix(path.suffix + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o600)  # an older .tmp left by a crash keeps its mode otherwise
        os.replace(tmp, path)
        return Delivery(idempotency_key=message.idempotency_key, provider_ref=str(path))
