"""Shared kernel: typed ids, money, errors, events and the tenant context."""
