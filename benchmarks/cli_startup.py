"""How long ``cma`` takes to start: ``cma --help`` and ``cma <command> --help`` for every
command and group, each as a ratio against ``python -c pass`` measured in the same run.

Rounds alternate baseline and command so machine load affects both alike. A command's
startup is the import of the CLI and Typer's parsing; commands that then do work build the
container on demand (``cli.support.run``), which ``--help`` never does.

    .venv/bin/python benchmarks/cli_startup.py --rounds 5
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import typer.main

from cma_entrypoints.cli.main import app

LIMIT_SECONDS = 1.5


def commands() -> list[list[str]]:
    """``[]`` (the top level) and the path of every command and group, from the Typer app."""
    paths: list[list[str]] = [[]]
    group = typer.main.get_command(app)

    def walk(cmd: object, prefix: list[str]) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(group, [])
    return paths


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only-top", action="store_true", help="just cma --help")
    args = parser.parse_args()
    cma = shutil.which("cma") or str(Path(sys.executable).with_name("cma"))
    paths = [[]] if args.only_top else commands()
    results = []
    for path in paths:
        base, cmd = [], []
        for _ in range(args.rounds):
            base.append(timed([sys.executable, "-c", "pass"]))
            cmd.append(timed([cma, *path, "--help"]))
        b, c = statistics.median(base), statistics.median(cmd)
        results.append(
            {
                "command": " ".join(["cma", *path, "--help"]),
                "median_s": round(c, 3),
                "baseline_s": round(b, 3),
                "ratio": round(c / b, 1),
                "under_limit": c < LIMIT_SECONDS,
            }
        )
        print(json.dumps(results[-1]), flush=True)
    worst = max(results, key=lambda r: r["median_s"])
    print(json.dumps({"commands": len(results), "worst": worst}))


if __name__ == "__main__":
    main()
