"""The core embeds in a Python environment that has only ``attrs``.

Builds a fresh virtual environment (uv when available: ~0.3 s; else venv + pip), proves
SQLAlchemy is absent from it, then runs ``examples/embed_core.py`` there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "embed_core.py"


def _uv() -> str | None:
    beside = Path(sys.prefix) / "bin" / "uv"
    return str(beside) if beside.exists() else shutil.which("uv")


def _make_attrs_only_venv(target: Path) -> Path:
    python = target / "bin" / "python"
    uv = _uv()
    if uv is not None:
        subprocess.run(
            [uv, "venv", "--quiet", "--python", sys.executable, str(target)],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [uv, "pip", "install", "--quiet", "--python", str(python), "attrs"],
            check=True,
            capture_output=True,
        )
    else:
        subprocess.run([sys.executable, "-m", "venv", str(target)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "attrs"],
            check=True,
            capture_output=True,
        )
    return python


@pytest.fixture(scope="module")
def attrs_only_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _make_attrs_only_venv(tmp_path_factory.mktemp("embed") / "venv")


def _run(python: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT / "src"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    return subprocess.run(
        [str(python), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_environment_has_attrs_and_no_server_dependencies(attrs_only_python: Path) -> None:
    assert _run(attrs_only_python, "-c", "import attrs").returncode == 0
    for module in ("sqlalchemy", "litestar", "dramatiq", "argon2"):
        result = _run(attrs_only_python, "-c", f"import {module}")
        assert result.returncode != 0, f"{module} is importable: the venv is not attrs-only"
        assert "ModuleNotFoundError" in result.stderr


def test_embed_core_example_runs_on_attrs_alone(attrs_only_python: Path) -> None:
    result = _run(attrs_only_python, str(EXAMPLE))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Case:    C-000001 opened (open)" in out
    assert "Case:    C-000001 closed (advice_complete)" in out
    assert "Domain events recorded (4):" in out
    events = [line.split()[2] for line in out.splitlines() if line.startswith("  ")]
    assert events == ["ClientRegistered", "CaseOpened", "CaseNoteAdded", "CaseClosed"]


def test_the_example_loaded_no_server_package(attrs_only_python: Path) -> None:
    """Run the example in-process there and list what it imported from the source tree."""
    probe = (
        "import contextlib, io, runpy, sys\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        runpy.run_path({str(EXAMPLE)!r}, run_name='__main__')\n"
        "    except SystemExit as exit:\n"
        "        assert exit.code == 0, exit.code\n"
        "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('cma_'))))\n"
    )
    result = _run(attrs_only_python, "-c", probe)
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "cma_core.cases.service" in loaded
    assert "cma_adapters.memory" in loaded
    assert not [m for m in loaded if m.startswith(("cma_entrypoints", "cma_adapters.sqlalchemy"))]
