"""Nox sessions. `./dev test` runs lint, typecheck, imports and tests in the project venv
(`nox --no-venv`); plain `nox -s NAME` builds an isolated venv per session instead."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["lint", "typecheck", "imports", "tests"]

PATHS = ["src", "tests", "migrations", "benchmarks", "examples", "noxfile.py"]


def _install(session: nox.Session, extras: str = "dev") -> None:
    # With --no-venv the session runs in the project's own venv, already set up by ./dev.
    if session.venv_backend not in ("none", None):
        session.install("-e", f".[{extras}]")


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: lint rules and formatting."""
    _install(session)
    session.run("ruff", "check", *PATHS)
    session.run("ruff", "format", "--check", *PATHS)


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy: strict on cma_core, checked on the adapters and entrypoints."""
    _install(session)
    session.run("mypy")


@nox.session
def imports(session: nox.Session) -> None:
    """import-linter: the layer contracts in pyproject.toml."""
    _install(session)
    session.run("lint-imports")


@nox.session
def tests(session: nox.Session) -> None:
    """Unit, contract, integration and end-to-end tests against the real local services."""
    _install(session)
    # One worker per core (pytest-xdist): every test makes its own database, bucket, ports
    # and data folder, so they run side by side; serially the suite takes twice as long.
    # Work stealing: a worker that runs out takes tests from the other's queue, so a few
    # long tests (fault suite, OCR) late in one queue do not leave a core idle at the end.
    # The 25 slowest tests are listed at the end: the suite has a 15-minute budget, and a
    # new slow test should show up in the first run that has it.
    args = session.posargs or ["-q", "-n", "auto", "--dist", "worksteal", "--durations=25"]
    # One thread each for Tesseract (OpenMP) and for NumPy's and SciPy's BLAS (OpenBLAS):
    # the workers already use every core, and a second BLAS thread per worker only spins
    # (the field ranker's training: 57 CPU-seconds in 48 s of wall time with two BLAS
    # threads, 51 in 53 with one, measured alone; beside another worker it competes).
    session.run("pytest", *args, env={"OMP_THREAD_LIMIT": "1", "OPENBLAS_NUM_THREADS": "1"})


@nox.session
def demo(session: nox.Session) -> None:
    """Seed demo data on the embedded default (SQLite) and serve it."""
    _install(session, "server")
    session.run("cma", "demo", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """The read-path benchmark (needs PostgreSQL); see benchmarks/README.md."""
    _install(session)
    session.run("python", "benchmarks/case_read.py", *session.posargs)
