"""Entrypoints: HTTP (Litestar), worker (Dramatiq) and CLI (Typer), wired by one container."""
