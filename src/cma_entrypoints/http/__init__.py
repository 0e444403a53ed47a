"""The HTTP API (Litestar): thin controllers over the core's services."""
