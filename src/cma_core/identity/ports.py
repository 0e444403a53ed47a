"""Security ports: password hashing."""

from __future__ import annotations

from typing import Protocol


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str:
        """A salted, slow hash of ``password`` (the encoded form carries its parameters)."""
        ...

    def verify(self, password_hash: str, password: str) -> bool:
        """True if ``password`` matches. Never raises for a wrong password."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """True if the hash was made with weaker parameters than today's."""
        ...
