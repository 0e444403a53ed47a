"""The national seed's ceiling, measured like for like: PostgreSQL ``COPY`` of the seed's
own rows, interleaved with the seed.

The seed runs in segments (every worker process a share of its cases, through its usual
generate-while-writing pipeline, then waits until they are written); after each segment,
with the seed paused, each worker ``COPY``\\ s the rows it has just written, already made
(the seed's own ``COPY`` tuples), into shadow tables (``<table>_ceiling``: ``LIKE <table>
INCLUDING ALL``, so the same columns, indexes and defaults, no foreign keys or triggers,
as the ceiling measured before), one worker after the other. Both sides of a pair write
exactly the same rows, so the seed's share of ``COPY``'s rate is the ratio of their times,
and a swing in the machine's load in the middle of the run hits both sides of the pairs
around it, not only one. Timed per side: wall, and CPU (the worker processes' and their
PostgreSQL backends' user + system time, from ``/proc``; ``None`` where the database is
not on this machine).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import define, field

#: Clock ticks a second, for ``/proc/<pid>/stat``'s CPU times.
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def backend_cpu(pid: int) -> float | None:
    """User + system CPU seconds of process ``pid`` (a PostgreSQL backend on this machine),
    or ``None`` when it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            stat = f.read()
    except OSError:
        return None
    # The command may hold spaces or parentheses: the fields start after the last ')'.
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / _TICK


@define
class Clock:
    """Wall and CPU seconds (this process, plus its database backend if readable)."""

    wall: float
    cpu: float | None

    @classmethod
    def now(cls, backend_pid: int | None) -> Clock:
        own = time.process_time()
        server = backend_cpu(backend_pid) if backend_pid else None
        return cls(time.perf_counter(), None if server is None else own + server)

    def since(self, start: Clock) -> Clock:
        cpu = None if self.cpu is None or start.cpu is None else self.cpu - start.cpu
        return Clock(self.wall - start.wall, cpu)


def add_cpu(parts: Iterable[float | None]) -> float | None:
    total = 0.0
    for part in parts:
        if part is None:
            return None
        total += part
    return total


def shadow_tables(conn: Any, tables: Iterable[str], *, create: bool) -> None:
    """Create (or drop) the empty shadow copies ``<table>_ceiling`` of ``tables``."""
    for table in tables:
        if create:
            conn.execute(f"CREATE TABLE {table}_ceiling (LIKE {table} INCLUDING ALL)")
        else:
            conn.execute(f"DROP TABLE IF EXISTS {table}_ceiling")


@define
class Pair:
    """One segment of the seed and the ``COPY`` of its rows, right after it."""

    rows: int
    seed: Clock
    copy: Clock
    load: float

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rows": self.rows,
            "load": round(self.load, 2),
            "seed_seconds": round(self.seed.wall, 3),
            "copy_seconds": round(self.copy.wall, 3),
            "share_wall": _ratio(self.copy.wall, self.seed.wall),
        }
        if self.seed.cpu is not None and self.copy.cpu is not None:
            out |= {
                "seed_cpu_seconds": round(self.seed.cpu, 3),
                "copy_cpu_seconds": round(self.copy.cpu, 3),
                "share_cpu": _ratio(self.copy.cpu, self.seed.cpu),
            }
        return out


def _ratio(copy: float, seed: float) -> float | None:
    """The seed's rate as a share of ``COPY``'s for the same rows: their times' ratio."""
    return round(copy / seed, 3) if seed > 0 else None


def _spread(values: Sequence[float | None]) -> dict[str, float] | None:
    got = [v for v in values if v is not None]
    if not got:
        return None
    return {"median": round(statistics.median(got), 3), "min": min(got), "max": max(got)}


@define
class Interleaved:
    """The pairs of one run."""

    pairs: list[Pair] = field(factory=list)

    @property
    def copy_seconds(self) -> float:
        return sum(p.copy.wall for p in self.pairs)

    @property
    def copy_rows_per_second(self) -> float:
        seconds = self.copy_seconds
        return sum(p.rows for p in self.pairs) / seconds if seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        pairs = [p.as_dict() for p in self.pairs]
        seed_wall = sum(p.seed.wall for p in self.pairs)
        seed_cpu = add_cpu(p.seed.cpu for p in self.pairs)
        copy_cpu = add_cpu(p.copy.cpu for p in self.pairs)
        rows = sum(p.rows for p in self.pairs)
        out: dict[str, Any] = {
            "pairs": len(pairs),
            "rows": rows,
            "seed_seconds": round(seed_wall, 2),
            "copy_seconds": round(self.copy_seconds, 2),
            "seed_rows_per_second": round(rows / seed_wall) if seed_wall else 0,
            "copy_rows_per_second": round(self.copy_rows_per_second),
            "share_wall": _ratio(self.copy_seconds, seed_wall),
            "share_wall_per_pair": _spread([p["share_wall"] for p in pairs]),
            "load_per_pair": _spread([p["load"] for p in pairs]),
            "by_pair": pairs,
        }
        if seed_cpu is not None and copy_cpu is not None:
            out |= {
                "seed_cpu_seconds": round(seed_cpu, 2),
                "copy_cpu_seconds": round(copy_cpu, 2),
                "share_cpu": _ratio(copy_cpu, seed_cpu),
                "share_cpu_per_pair": _spread([p.get("share_cpu") for p in pairs]),
            }
        return out


def segments(share: list[int], size: int) -> list[list[int]]:
    """``share`` cut into consecutive segments of ``size`` cases (the last may be shorter)."""
    return [share[i : i + size] for i in range(0, len(share), size)] or [[]]


__all__ = ["Clock", "Interleaved", "Pair", "backend_cpu", "segments", "shadow_tables"]
