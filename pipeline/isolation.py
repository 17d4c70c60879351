"""Run one document's work in a child process under a time and a memory bound.

One hostile or pathological file (a PDF that expands to gigabytes, a table finder that
never ends) must not stall or exhaust the batch: the child is killed when its time is
up, and its address space is capped so an allocation fails inside the child instead
of the machine swapping.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

SECONDS_PER_DOCUMENT = 300
MEMORY_PER_DOCUMENT = 4 * 1024**3  # bytes of address space for the child


def _child(conn: Connection, func: Callable[..., dict[str, Any]], args: tuple[Any, ...], memory: int) -> None:
    # A lower hard limit already in force is kept.
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        conn.send(("ok", func(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # reported by the parent as this document's error
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def run_bounded(
    func: Callable[..., dict[str, Any]],
    args: tuple[Any, ...],
    label: str,
    seconds: float = SECONDS_PER_DOCUMENT,
    memory: int = MEMORY_PER_DOCUMENT,
) -> tuple[dict[str, Any] | None, str | None]:
    """(result, None) from `func(*args)` run in a child, or (None, one-line reason naming `label`).

    Where processes cannot fork (Windows), the work runs in this process, without the bounds.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        return func(*args), None
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, func, args, memory), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(seconds):
            return None, f"{label}: gave up after {seconds:g} s (time limit per document)"
        status, payload = receive.recv()
    except EOFError:
        return None, f"{label}: the reader died (exit code {process.exitcode}); memory limit {memory >> 20} MiB"
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()
    if status == "memory":
        return None, f"{label}: ran out of memory (limit {memory >> 20} MiB per document)"
    if status == "crash":
        return None, f"{label}: internal error {payload}"
    return payload, None
