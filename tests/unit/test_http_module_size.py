"""No HTTP module over 600 lines (issue 10): an area's routes, shapes and examples each
stay readable in one sitting, and a module that grows past that is split by area or by
role (controllers, schemas, examples) rather than left to become a grab-bag again."""

from __future__ import annotations

from pathlib import Path

import cma_entrypoints.http

MAX_LINES = 600
HTTP = Path(cma_entrypoints.http.__file__).parent


def test_no_http_module_is_over_600_lines() -> None:
    sizes = {
        str(path.relative_to(HTTP)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(HTTP.rglob("*.py"))
    }
    assert sizes, f"no modules found under {HTTP}"
    too_long = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert not too_long, f"split these HTTP modules (over {MAX_LINES} lines): {too_long}"
