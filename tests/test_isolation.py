"""Each document runs in a child process bounded in time and memory."""

from __future__ import annotations

import gc
import time
from typing import Any

from pipeline.isolation import WAIT_FACTOR, run_bounded, run_many


def _sleep(seconds: float) -> dict[str, Any]:
    time.sleep(seconds)
    return {"slept": seconds}


def _allocate(megabytes: int) -> dict[str, Any]:
    block = bytearray(megabytes << 20)
    return {"size": len(block)}


def _fail() -> dict[str, Any]:
    raise RuntimeError("extractor bug")


def _fail_on(n: int) -> dict[str, Any]:
    if n == 2:
        raise ValueError(n)
    return {"n": n}


def test_result_comes_back() -> None:
    assert run_bounded(_sleep, (0.0,), "raw/a.txt") == ({"slept": 0.0}, None)


def _spin(seconds: float) -> dict[str, Any]:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return {"spun": seconds}


def test_the_time_limit_is_cpu_time() -> None:
    """A busy reader stops at its CPU seconds, so the outcome does not depend on how loaded the machine is."""
    start = time.perf_counter()
    result, error = run_bounded(_spin, (30.0,), "raw/slow.pdf", seconds=1)
    assert result is None
    assert error == "raw/slow.pdf: gave up after 1 s of CPU time (time limit per document)"
    assert time.perf_counter() - start < 10


def test_a_waiting_reader_stops_at_the_wall_clock_bound() -> None:
    start = time.perf_counter()
    result, error = run_bounded(_sleep, (30.0,), "raw/stuck.pdf", seconds=0.5)
    assert result is None
    assert error == f"raw/stuck.pdf: gave up after waiting {0.5 * WAIT_FACTOR:g} s without finishing"
    assert time.perf_counter() - start < 10


def test_several_children_at_once_each_result_in_its_place() -> None:
    """Four sleeps of 0.6 s with two jobs take two rounds, not four; each result keeps its index."""
    start = time.perf_counter()
    found = sorted(run_many(_sleep, [(0.6,), (0.6,), (0.6,), (0.6,)], ["a", "b", "c", "d"], jobs=2))
    elapsed = time.perf_counter() - start
    assert found == [(i, {"slept": 0.6}, None) for i in range(4)]
    assert 1.1 < elapsed < 2.3


def test_one_failure_does_not_stop_the_others() -> None:
    found = {i: (r, e) for i, r, e in run_many(_fail_on, [(1,), (2,), (3,)], ["x", "y", "z"], jobs=3)}
    assert found[0] == ({"n": 1}, None) and found[2] == ({"n": 3}, None)
    assert found[1] == (None, "y: internal error ValueError: 2")


def test_memory_limit_gives_a_one_line_error() -> None:
    result, error = run_bounded(_allocate, (2048,), "raw/huge.pdf", memory=1024 << 20)
    assert result is None
    assert error == "raw/huge.pdf: ran out of memory (limit 1024 MiB per document)"


def test_crash_is_reported_not_raised() -> None:
    assert run_bounded(_fail, (), "raw/bug.txt") == (None, "raw/bug.txt: internal error RuntimeError: extractor bug")


def _frozen() -> dict[str, Any]:
    return {"frozen": gc.get_freeze_count()}


def test_children_do_not_collect_what_they_inherit() -> None:
    """A child's collections skip the parent's objects (frozen before the fork); the parent's are
    collectable again once the children are done."""
    inherited = [[index] for index in range(1000)]  # gc-tracked objects the child inherits
    result, error = run_bounded(_frozen, (), "raw/a.txt")
    assert error is None and result is not None
    assert result["frozen"] >= len(inherited)
    assert gc.get_freeze_count() == 0
