"""The breached-password list read on first use (``BreachedPasswords``)."""

from __future__ import annotations

from cma_adapters.security.breached import BreachedPasswords, breached_passwords


def test_the_lazy_list_is_the_shipped_breached_list() -> None:
    lazy = BreachedPasswords()
    shipped = breached_passwords()
    assert "letmein" in shipped
    assert "letmein" in lazy
    assert "kx9-unlisted-7qv-zebra" not in lazy
    assert len(lazy) == len(shipped) > 10_000
    assert frozenset(lazy) == shipped
