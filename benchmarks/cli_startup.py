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
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import typer.main

from cma_entrypoints.cli.lazy import LAZY_COMMANDS
from cma_entrypoints.cli.main import app

LIMIT_SECONDS = 1.5


def commands() -> list[list[str]]:
    """``[]`` (the top level) and the path of every command and group, from the Typer app."""
    paths: list[list[str]] = [[]]
    group = typer.main.get_command(app)
    for name in LAZY_COMMANDS:  # mounted lazily: load them to walk their commands
        group.load_command(name)  # type: ignore[attr-defined]

    def walk(cmd: object, prefix: list[str]) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            paths.append([*prefix, name])
            walk(sub, [*prefix, name])

    walk(group, [])
    return paths


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system of the child) seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only-top", action="store_true", help="just cma --help")
    args = parser.parse_args()
    cma = shutil.which("cma") or str(Path(sys.executable).with_name("cma"))
    paths = [[]] if args.only_top else commands()
    results = []
    for path in paths:
        base, cmd, base_cpu, cmd_cpu = [], [], [], []
        for _ in range(args.rounds):
            wall, cpu = timed([sys.executable, "-c", "pass"])
            base.append(wall)
            base_cpu.append(cpu)
            wall, cpu = timed([cma, *path, "--help"])
            cmd.append(wall)
            cmd_cpu.append(cpu)
        b, c = statistics.median(base), statistics.median(cmd)
        results.append(
            {
                "command": " ".join(["cma", *path, "--help"]),
                "median_s": round(c, 3),
                "baseline_s": round(b, 3),
                "ratio": round(c / b, 1),
                "cpu_s": round(statistics.median(cmd_cpu), 3),
                "baseline_cpu_s": round(statistics.median(base_cpu), 3),
                "under_limit": c < LIMIT_SECONDS,
            }
        )
        print(json.dumps(results[-1]), flush=True)
    worst = max(results, key=lambda r: r["median_s"])
    print(
        json.dumps(
            {
                "commands": len(results),
                "under_limit": sum(r["under_limit"] for r in results),
                "median_ratio": statistics.median(r["ratio"] for r in results),
                "worst": worst,
            }
        )
    )


if __name__ == "__main__":
    main()
