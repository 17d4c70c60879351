"""Each document runs in a child process bounded in time and memory."""

from __future__ import annotations

import time
from typing import Any

from pipeline.isolation import run_bounded


def _sleep(seconds: float) -> dict[str, Any]:
    time.sleep(seconds)
    return {"slept": seconds}


def _allocate(megabytes: int) -> dict[str, Any]:
    block = bytearray(megabytes << 20)
    return {"size": len(block)}


def _fail() -> dict[str, Any]:
    raise RuntimeError("extractor bug")


def test_result_comes_back() -> None:
    assert run_bounded(_sleep, (0.0,), "raw/a.txt") == ({"slept": 0.0}, None)


def test_time_limit_gives_a_one_line_error() -> None:
    start = time.perf_counter()
    result, error = run_bounded(_sleep, (30.0,), "raw/slow.pdf", seconds=0.5)
    assert result is None
    assert error == "raw/slow.pdf: gave up after 0.5 s (time limit per document)"
    assert time.perf_counter() - start < 10


def test_memory_limit_gives_a_one_line_error() -> None:
    result, error = run_bounded(_allocate, (2048,), "raw/huge.pdf", memory=1024 << 20)
    assert result is None
    assert error == "raw/huge.pdf: ran out of memory (limit 1024 MiB per document)"


def test_crash_is_reported_not_raised() -> None:
    assert run_bounded(_fail, (), "raw/bug.txt") == (None, "raw/bug.txt: internal error RuntimeError: extractor bug")
