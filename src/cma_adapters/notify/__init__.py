"""Notifier adapters: a local outbox folder (embedded default), SMTP email, SMS over HTTP,
and ``CompositeNotifier`` to route each channel to its adapter."""

from cma_adapters.notify.composite import CompositeNotifier
from cma_adapters.notify.folder import OutboxFolderNotifier
from cma_adapters.notify.memory import InMemoryNotifier
from cma_adapters.notify.sms import HttpSmsNotifier
from cma_adapters.notify.smtp import SmtpNotifier

__all__ = [
    "CompositeNotifier",
    "HttpSmsNotifier",
    "InMemoryNotifier",
    "OutboxFolderNotifier",
    "SmtpNotifier",
]
