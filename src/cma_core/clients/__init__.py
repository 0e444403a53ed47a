"""Clients: the people a centre advises."""
