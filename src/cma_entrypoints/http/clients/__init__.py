"""Clients over HTTP: register, list, read, edit and erase."""
