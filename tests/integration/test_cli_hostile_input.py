"""The CLI refuses what the API refuses (issue 13): the bounds live in the core, so a
centre name or a grant reason typed at ``cma`` gets a clear message and exit code 2."""

from __future__ import annotations

from collections.abc import Callable

from typer.testing import Result


def test_a_centre_name_with_terminal_escapes_is_refused(cma: Callable[..., Result]) -> None:
    result = cma("centre", "create", "North\x1b[2Jside")
    assert result.exit_code == 2, result.output
    assert "name" in result.output
    assert "control character" in result.output
    assert "Traceback" not in result.output
