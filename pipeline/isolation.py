"""Run each document's work in a child process under a time and a memory bound, several at once.

One hostile or pathological file (a PDF that expands to gigabytes, a table finder that
never ends) must not stall or exhaust the batch: the child's address space is capped so an
allocation fails inside the child instead of the machine swapping, and its CPU time is capped
so the same file fails the same way however loaded the machine is. A child that waits without
using the CPU is stopped by a wall-clock bound of `WAIT_FACTOR` times the CPU bound. A child
dies with its parent (Linux), so a killed run leaves no reader behind.

The parent stays single-threaded (forking a threaded process is unsafe): it starts up to `jobs`
children and waits on their pipes together.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import math
import multiprocessing
import resource
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

SECONDS_PER_DOCUMENT = 300  # CPU seconds
MEMORY_PER_DOCUMENT = 4 * 1024**3  # bytes of address space for the child
WAIT_FACTOR = 3  # wall-clock bound, in CPU bounds: reading a file never waits that long
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies (a no-op elsewhere)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _child(
    conn: Connection, func: Callable[..., dict[str, Any]], args: tuple[Any, ...], seconds: float, memory: int
) -> None:
    _die_with_parent()
    cpu = max(1, math.ceil(seconds))
    # A lower hard limit already in force is kept.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        conn.send(("ok", func(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # reported by the parent as this document's error
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


@dataclass
class _Running:
    index: int
    label: str
    process: BaseProcess
    receive: Connection
    deadline: float


def _outcome(running: _Running, seconds: float, memory: int) -> tuple[dict[str, Any] | None, str | None]:
    """What a finished child sent, or why it sent nothing."""
    label = running.label
    try:
        status, payload = running.receive.recv()
    except EOFError:
        running.process.join()
        if running.process.exitcode == -signal.SIGXCPU:
            return None, f"{label}: gave up after {seconds:g} s of CPU time (time limit per document)"
        exitcode = running.process.exitcode
        return None, f"{label}: the reader died (exit code {exitcode}); memory limit {memory >> 20} MiB"
    if status == "memory":
        return None, f"{label}: ran out of memory (limit {memory >> 20} MiB per document)"
    if status == "crash":
        return None, f"{label}: internal error {payload}"
    return payload, None


def _stop(running: _Running) -> None:
    if running.process.is_alive():
        running.process.kill()
    running.process.join()
    running.receive.close()


def run_many(
    func: Callable[..., dict[str, Any]],
    argsets: Sequence[tuple[Any, ...]],
    labels: Sequence[str],
    jobs: int = 1,
    seconds: float = SECONDS_PER_DOCUMENT,
    memory: int = MEMORY_PER_DOCUMENT,
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(index, result, None) or (index, None, one-line reason naming the label) for each argument set,
    as the children finish, at most `jobs` at a time.

    Where processes cannot fork (Windows), the work runs in this process, one at a time, without the bounds.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        for index, args in enumerate(argsets):
            yield index, func(*args), None
        return
    context = multiprocessing.get_context("fork")
    waiting = list(range(len(argsets)))
    running: dict[Connection, _Running] = {}
    try:
        while waiting or running:
            while waiting and len(running) < max(1, jobs):
                index = waiting.pop(0)
                receive, send = context.Pipe(duplex=False)
                process = context.Process(target=_child, args=(send, func, argsets[index], seconds, memory))
                process.daemon = True
                # The child's collections then skip what it inherits (modules, vocabularies): a fifth
                # to a quarter of its CPU time, and fewer copy-on-write page copies.
                gc.freeze()
                process.start()
                send.close()
                deadline = time.monotonic() + seconds * WAIT_FACTOR
                running[receive] = _Running(index, labels[index], process, receive, deadline)
            timeout = max(0.0, min(r.deadline for r in running.values()) - time.monotonic())
            for ready in wait(list(running), timeout=timeout):
                assert isinstance(ready, Connection)
                done = running.pop(ready)
                result, failure = _outcome(done, seconds, memory)
                _stop(done)
                yield done.index, result, failure
            now = time.monotonic()
            for receive in [r for r, item in running.items() if item.deadline <= now]:
                late = running.pop(receive)
                _stop(late)
                waited = seconds * WAIT_FACTOR
                yield late.index, None, f"{late.label}: gave up after waiting {waited:g} s without finishing"
    finally:
        for item in running.values():
            _stop(item)
        gc.unfreeze()  # what the parent made meanwhile is collectable again


def run_bounded(
    func: Callable[..., dict[str, Any]],
    args: tuple[Any, ...],
    label: str,
    seconds: float = SECONDS_PER_DOCUMENT,
    memory: int = MEMORY_PER_DOCUMENT,
) -> tuple[dict[str, Any] | None, str | None]:
    """(result, None) from `func(*args)` run in a bounded child, or (None, one-line reason naming `label`)."""
    _, result, failure = next(run_many(func, [args], [label], 1, seconds, memory))
    return result, failure
