"""Every table of the schema is declared in ``cma_adapters.sqlalchemy.rows``.

The import-linter contract keeps ``rows`` inside the SQLAlchemy adapter; this keeps the
row models themselves in ``rows`` (13 of them once lived in the area modules, out of the
contract's sight).
"""

from __future__ import annotations

import ast
from pathlib import Path

import cma_adapters.sqlalchemy as sql_adapter

ADAPTER = Path(sql_adapter.__file__).parent


def _declarations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
            isinstance(b, ast.Name) and b.id in {"Base", "DeclarativeBase"} for b in node.bases
        ):
            found.append(f"{path.name}:{node.lineno} class {node.name}")
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if call and node.func.id == "Table":  # type: ignore[attr-defined]
            found.append(f"{path.name}:{node.lineno} Table(...)")
    return found


def test_no_table_is_declared_outside_rows() -> None:
    outside = [
        d for p in sorted(ADAPTER.glob("*.py")) if p.name != "rows.py" for d in _declarations(p)
    ]
    assert outside == []


def test_rows_declares_every_table_the_metadata_holds() -> None:
    declared = _declarations(ADAPTER / "rows.py")
    assert len(declared) >= 20  # the scan itself finds the row models
    assert {"advice_debts", "case_deadlines", "documents"} <= set(sql_adapter.metadata.tables)
