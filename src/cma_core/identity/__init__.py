"""Centres (tenants), users, roles, permissions and the tenant context."""
