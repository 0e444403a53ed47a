"""Security tests reuse the contract suite's backends and SQLite template."""

from tests.contracts.test_repositories import fresh_sqlite_url, sqlite_template

__all__ = ["fresh_sqlite_url", "sqlite_template"]
