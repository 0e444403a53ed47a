"""Private Redis and PostgreSQL servers for the fault suite, on spare loopback ports.

The fault tests kill and restart these; they never touch the machine's shared servers
(127.0.0.1:5432 / :6379), which other test runs are using at the same time.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def spare_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, *, up: bool, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                if up:
                    return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} did not go {'up' if up else 'down'}")


class RedisServer:
    """``redis-server`` with no persistence (``--save '' --appendonly no``), so a restart
    loses everything, as an unconfigured production Redis would."""

    def __init__(self, workdir: Path) -> None:
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise FileNotFoundError("redis-server")
        self.port = spare_port()
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen(
            [
                self.binary or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_port(self.port, up=True)

    def kill(self) -> None:
        """SIGKILL: no shutdown save, no goodbye to clients."""
        if self.proc is not None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
            self.proc = None
        _wait_port(self.port, up=False)

    def restart(self) -> None:
        self.kill()
        self.start()


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise FileNotFoundError("/usr/lib/postgresql/*/bin/initdb")
    return Path(found[-1]).parent


class PostgresServer:
    """A throwaway PostgreSQL cluster (``initdb`` into a temporary folder, trust auth),
    run as the ``postgres`` system user when the tests run as root (PostgreSQL refuses to
    run as root)."""

    def __init__(self) -> None:
        self.bin = _pg_bin()
        self.port = spare_port()
        # Not under pytest's temporary folder: that lives in /tmp/pytest-of-USER, which any
        # other pytest run of the same user may chmod back to 0700, locking ``postgres`` out.
        self.workdir = Path(tempfile.mkdtemp(prefix="cma-faults-pg-"))
        self.datadir = self.workdir / "pgdata"
        self.sockdir = self.workdir / "pgsock"
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        done = subprocess.run(
            [*self._as, *args], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        if done.returncode:
            raise RuntimeError(f"{args[0]} failed: {done.stderr.decode(errors='replace')}")

    def init(self) -> None:
        for path in (self.datadir, self.sockdir):
            path.mkdir(parents=True)
            if self._as:
                shutil.chown(path, "postgres", "postgres")
        if self._as:  # the postgres user needs to reach the folders
            self.workdir.chmod(0o711)
        self._run(
            str(self.bin / "initdb"), "-D", str(self.datadir), "-U", "postgres",
            "--auth=trust", "-E", "UTF8", "--no-sync",
        )  # fmt: skip

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.sockdir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c max_connections=60 -c shared_buffers=16MB"
        )
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.datadir), "-o", options,
            "-l", str(self.datadir / "log"), "-w", "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.datadir), "-m", mode, "-w", "stop")

    def restart(self) -> None:
        self.stop("immediate")
        self.start()

    def remove(self) -> None:
        shutil.rmtree(self.workdir, ignore_errors=True)
