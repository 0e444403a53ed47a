"""One contract for every ``Notifier`` adapter: the outbox folder, SMTP (against a real
aiosmtpd server on loopback), SMS over HTTP (against a stdlib HTTP server) and the fake."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import attrs
import pytest

from cma_adapters.notify import (
    HttpSmsNotifier,
    InMemoryNotifier,
    OutboxFolderNotifier,
    SmtpNotifier,
)
from cma_core.scheduling.ports import NotificationFailed, Notifier, NotifyChannel, OutgoingMessage


@attrs.define
class Rig:
    notifier: Notifier
    channel: NotifyChannel
    delivered: Any  # () -> list of (key, to, body) as received at the far end


def message(key: str, channel: NotifyChannel) -> OutgoingMessage:
    to = "ann@example.org" if channel is NotifyChannel.EMAIL else "+447700900123"
    return OutgoingMessage(
        idempotency_key=key,
        channel=channel,
        to=to,
        subject="Reminder: your appointment",
        body="You have an appointment on Tuesday 1 December at 10:00. £0 to pay.",
    )


class NotifierContract:
    async def test_a_message_arrives_with_its_key_recipient_and_body(self, rig: Rig) -> None:
        delivery = await rig.notifier.send(message("rem-1", rig.channel))
        assert delivery.idempotency_key == "rem-1"
        assert not delivery.duplicate
        got = rig.delivered()
        assert len(got) == 1
        key, to, body = got[0]
        assert "rem-1" in key.replace(".", "-")
        assert to == message("rem-1", rig.channel).to
        assert "£0 to pay" in body

    async def test_the_same_key_twice_is_delivered_once_or_marked(self, rig: Rig) -> None:
        await rig.notifier.send(message("rem-2", rig.channel))
        second = await rig.notifier.send(message("rem-2", rig.channel))
        assert second.duplicate or len(rig.delivered()) == 1
        keys = [k for k, _, _ in rig.delivered()]
        assert len(set(keys)) == 1

    async def test_a_channel_it_does_not_serve_is_refused(self, rig: Rig) -> None:
        other = next(c for c in NotifyChannel if c is not rig.channel)
        if other in rig.notifier.channels():
            pytest.skip("this adapter serves every channel")
        with pytest.raises(ValueError, match=r"."):
            await rig.notifier.send(message("rem-3", other))


class TestInMemory(NotifierContract):
    @pytest.fixture
    def rig(self) -> Rig:
        fake = InMemoryNotifier()
        return Rig(
            fake,
            NotifyChannel.SMS,
            lambda: [(m.idempotency_key, m.to, m.body) for m in fake.sent],
        )


class TestFolderEmail(NotifierContract):
    @pytest.fixture
    def rig(self, tmp_path: Path) -> Rig:
        def delivered() -> list[tuple[str, str, str]]:
            out = []
            for p in sorted(tmp_path.glob("*.eml")):
                mail = message_from_bytes(p.read_bytes())
                out.append(
                    (
                        mail["Message-ID"],
                        mail["To"],
                        mail.get_content()
                        if hasattr(mail, "get_content")
                        else str(mail.get_payload(decode=True), "utf-8"),
                    )
                )
            return out

        return Rig(
            OutboxFolderNotifier(tmp_path, sender="cma@centre.example"),
            NotifyChannel.EMAIL,
            delivered,
        )


class TestFolderSms(NotifierContract):
    @pytest.fixture
    def rig(self, tmp_path: Path) -> Rig:
        def delivered() -> list[tuple[str, str, str]]:
            out = []
            for p in sorted(tmp_path.glob("*.json")):
                data = json.loads(p.read_text())
                out.append((data["key"], data["to"], data["body"]))
            return out

        return Rig(
            OutboxFolderNotifier(tmp_path, sender="cma@centre.example"),
            NotifyChannel.SMS,
            delivered,
        )


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, list[Any]]]:
    from aiosmtpd.controller import Controller

    received: list[Any] = []

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            received.append(message_from_bytes(envelope.content))
            return "250 OK"

    with socket.socket() as probe:  # a free port: the controller's readiness check needs one
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


class TestSmtp(NotifierContract):
    @pytest.fixture
    def rig(self, smtp_server: tuple[int, list[Any]]) -> Rig:
        port, received = smtp_server

        def delivered() -> list[tuple[str, str, str]]:
            return [
                (m["Message-ID"], m["To"], m.get_payload(decode=True).decode("utf-8"))
                for m in received
            ]

        return Rig(
            SmtpNotifier("127.0.0.1", port, sender="cma@centre.example"),
            NotifyChannel.EMAIL,
            delivered,
        )

    async def test_an_unreachable_server_is_a_retryable_failure(self) -> None:
        notifier = SmtpNotifier("127.0.0.1", 1, sender="cma@centre.example", timeout=2)
        with pytest.raises(NotificationFailed):
            await notifier.send(message("rem-x", NotifyChannel.EMAIL))


@pytest.fixture
def sms_provider() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []
    seen: set[str] = set()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            key = self.headers.get("Idempotency-Key", "")
            if self.headers.get("Authorization") != "Bearer sms-token":
                self.send_response(401)
                self.end_headers()
                return
            replay = key in seen
            if not replay:
                seen.add(key)
                received.append({**body, "key": key})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Idempotent-Replayed", "true" if replay else "false")
            self.end_headers()
            self.wfile.write(json.dumps({"id": f"msg-{len(received)}"}).encode())

        def log_message(self, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sms", received
    finally:
        server.shutdown()
        server.server_close()


class TestHttpSms(NotifierContract):
    @pytest.fixture
    def rig(self, sms_provider: tuple[str, list[dict[str, Any]]]) -> Rig:
        url, received = sms_provider
        return Rig(
            HttpSmsNotifier(url, token="sms-token"),
            NotifyChannel.SMS,
            lambda: [(r["key"], r["to"], r["body"]) for r in received],
        )

    async def test_a_refusal_is_a_retryable_failure(
        self, sms_provider: tuple[str, list[dict[str, Any]]]
    ) -> None:
        notifier = HttpSmsNotifier(sms_provider[0], token="wrong")
        with pytest.raises(NotificationFailed):
            await notifier.send(message("rem-y", NotifyChannel.SMS))


@pytest.mark.parametrize("channel", [NotifyChannel.EMAIL, NotifyChannel.SMS])
async def test_outbox_folder_files_are_owner_only(tmp_path: Path, channel: NotifyChannel) -> None:
    """Issue 13: notification files (names, addresses, phone numbers) were world-readable
    (the umask's 0644); now 0600 in a 0700 folder."""
    folder = tmp_path / "outbox"
    notifier = OutboxFolderNotifier(folder, sender="cma@centre.example")
    await notifier.send(message("k-1", channel))
    files = list(folder.iterdir())
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("channel", [NotifyChannel.EMAIL, NotifyChannel.SMS])
def test_outbox_folder_seals_messages_with_its_key(tmp_path: Path, channel: NotifyChannel) -> None:
    """Issue 13: with a key (the container derives it from CMA_SECRET_KEY) a message file
    shows nothing of its recipient or body; ``read_message`` opens it, a wrong key does
    not, and a plain file from before sealing still reads as it is."""
    import asyncio

    from cma_adapters.notify.folder import outbox_key, read_message

    key = outbox_key("a-deployment-secret-of-enough-length-0123456789")
    notifier = OutboxFolderNotifier(tmp_path, sender="cma@centre.example", key=key)
    sent = message("k-2", channel)
    delivery = asyncio.run(notifier.send(sent))
    path = Path(delivery.provider_ref)
    raw = path.read_bytes()
    assert sent.to.encode() not in raw
    assert sent.body.encode() not in raw
    opened = read_message(path, key)
    assert sent.to.encode() in opened
    assert asyncio.run(notifier.send(sent)).duplicate  # the name is still the idempotency key
    with pytest.raises(ValueError, match="does not open"):
        read_message(path, outbox_key("another-deployment-secret-0123456789-abcdefgh"))
    with pytest.raises(ValueError, match="is sealed"):
        read_message(path, None)
    plain = tmp_path / "old.eml"
    plain.write_bytes(b"To: someone@example.org\n\nhello")
    assert read_message(plain, key) == plain.read_bytes()


def test_cli_notify_read_opens_the_outbox(tmp_path: Path) -> None:
    """``cma notify read --json`` prints the sealed messages, opened."""
    import asyncio

    from typer.testing import CliRunner

    from cma_adapters.notify.folder import outbox_key
    from cma_entrypoints.cli.main import app

    secret = "a-deployment-secret-of-enough-length-0123456789"
    notifier = OutboxFolderNotifier(
        tmp_path / "outbox", sender="cma@centre.example", key=outbox_key(secret)
    )
    sent = message("k-3", NotifyChannel.SMS)
    asyncio.run(notifier.send(sent))
    env = {"CMA_DATA_DIR": str(tmp_path), "CMA_SECRET_KEY": secret}
    out = CliRunner().invoke(app, ["notify", "read", "--json"], env=env)
    assert out.exit_code == 0, out.output
    [got] = json.loads(out.stdout)
    assert got["file"] == "k-3.json"
    assert json.loads(got["message"])["body"] == sent.body
    missing = CliRunner().invoke(app, ["notify", "read", "nope.eml"], env=env)
    assert missing.exit_code != 0
