"""Installable as operators install things (issue 13): a built wheel, not the editable
checkout, carries its migrations, templates and reference data, so ``pip install`` of the
wheel, then ``cma migrate`` and ``cma serve`` work in an empty folder.

Builds the wheel and installs it into a new virtual environment with uv, offline (from the
cache ``./dev setup`` filled), then runs the installed ``cma`` with a bare environment
from an empty folder. One test; about 15 s on a quiet machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from tests.faults.servers import spare_port

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
UV = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")


def _run(*argv: str | Path, **kw: object) -> str:
    done = subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, timeout=300, check=False, **kw
    )  # type: ignore[call-overload]
    assert done.returncode == 0, f"{argv}: {done.stdout}\n{done.stderr}"
    return str(done.stdout)


@pytest.mark.skipif(UV is None, reason="uv is installed by ./dev setup")
def test_built_wheel_migrates_and_serves_from_an_empty_folder(tmp_path: Path) -> None:
    assert UV is not None
    dist, venv, empty = tmp_path / "dist", tmp_path / "venv", tmp_path / "empty"
    empty.mkdir()
    _run(UV, "build", "--wheel", "--offline", "--quiet", "-o", dist, ROOT)
    [wheel] = dist.glob("cma-*.whl")
    _run(UV, "venv", "--quiet", "--python", sys.executable, venv)
    python = venv / "bin" / "python"
    _run(UV, "pip", "install", "--quiet", "--offline", "--python", python, f"{wheel}[server]")

    # A bare environment: no CMA_* settings, no source tree on the path, an empty folder.
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "HOME": str(empty)}
    for name in ("CMA_ARGON2_TIME_COST", "CMA_ARGON2_MEMORY_COST"):
        if name in os.environ:
            env[name] = os.environ[name]
    where = _run(
        python, "-c", "import cma_adapters; print(cma_adapters.__file__)", cwd=empty, env=env
    )
    assert where.startswith(str(venv)), where  # the wheel's copy, not the checkout

    out = _run(venv / "bin" / "cma", "migrate", cwd=empty, env=env)
    assert "database is up to date" in out
    assert (empty / "cma-data" / "cma.db").is_file()

    port = spare_port()
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [venv / "bin" / "cma", "serve", "--port", str(port)],
        cwd=empty,
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = httpx.get(f"{base}/health", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.3)
        assert health is not None, (tmp_path / "serve.log").read_text()[-2000:]
        assert health.status_code == 200
        assert health.json()["checks"]["database"]["status"] == "ok"
        # The schema is the migrated one: a sign-in reaches the users table (401, not 500).
        refused = httpx.post(
            f"{base}/api/v1/auth/login",
            json={"email": "nobody@example.org", "password": "not-a-password"},
            timeout=60,
        )
        assert refused.status_code == 401, refused.text
        # Reference data shipped in the wheel: the OpenAPI document builds from it (a few
        # seconds of CPU on first request: httpx's 5 s default ran out on a loaded machine).
        assert httpx.get(f"{base}/schema/openapi.json", timeout=120).status_code == 200
    finally:
        server.terminate()
        server.wait(30)
        log.close()
