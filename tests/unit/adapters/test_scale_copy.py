"""The interleaved ceiling's arithmetic and clocks (the seed run with it:
tests/integration/test_demo_scale.py)."""

from __future__ import annotations

import os
import time

from cma_entrypoints import scale_copy as sc
from cma_entrypoints import scale_seed as s


def test_a_backends_cpu_is_read_from_proc() -> None:
    before = sc.backend_cpu(os.getpid())
    assert before is not None
    deadline = time.process_time() + 0.2
    while time.process_time() < deadline:
        pass
    after = sc.backend_cpu(os.getpid())
    assert after is not None
    assert after - before >= 0.15
    assert sc.backend_cpu(2**22 + 12345) is None  # no such process


def test_shares_are_time_ratios_per_pair_and_overall() -> None:
    pairs = sc.Interleaved(
        [
            sc.Pair(1000, sc.Clock(10.0, 4.0), sc.Clock(2.0, 1.0), load=3.0),
            sc.Pair(1000, sc.Clock(5.0, 4.0), sc.Clock(2.0, 2.0), load=9.0),
            sc.Pair(500, sc.Clock(2.0, 2.0), sc.Clock(1.0, 0.5), load=6.0),
        ]
    )
    out = pairs.as_dict()
    assert [p["share_wall"] for p in out["by_pair"]] == [0.2, 0.4, 0.5]
    assert out["share_wall_per_pair"] == {"median": 0.4, "min": 0.2, "max": 0.5}
    assert out["share_wall"] == round(5.0 / 17.0, 3)
    assert out["share_cpu"] == round(3.5 / 10.0, 3)
    assert out["share_cpu_per_pair"] == {"median": 0.25, "min": 0.25, "max": 0.5}
    assert out["copy_rows_per_second"] == 500
    assert out["load_per_pair"] == {"median": 6.0, "min": 3.0, "max": 9.0}


def test_cpu_unknown_on_either_side_is_left_out() -> None:
    pair = sc.Pair(10, sc.Clock(1.0, None), sc.Clock(1.0, 1.0), load=1.0)
    assert "share_cpu" not in sc.Interleaved([pair]).as_dict()
    assert sc.add_cpu([1.0, None]) is None


def test_segments_cover_each_workers_share_in_order() -> None:
    share = list(range(0, 10_000, 2))
    size = s._segment_size(len(share))
    parts = sc.segments(share, size)
    assert [i for part in parts for i in part] == share
    assert len(parts) <= s.PAIRS
    assert all(len(p) >= s.SEGMENT_CHUNKS * s.CHUNK * 0.5 for p in parts)
    assert sc.segments([], 5) == [[]]
