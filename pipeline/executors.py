"""Where documents are read: local bounded children (`pipeline/isolation.py`, the default) or the
workers of a Dask cluster (`--executor dask`, the optional extra `plancards[dask]`).

On Dask the same per-document function runs in the workers' processes; the per-document bounds
are then the cluster's own (its workers' memory limits, which restart a worker that exceeds them),
not RLIMIT_CPU/RLIMIT_AS, because forking from a threaded worker is unsafe. The workers must import
this package and read the raw files at the paths the client sees (docs/scaling.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

EXECUTORS = ("local", "dask")


def _guarded(work: Callable[[Any], dict[str, Any]], argument: Any) -> tuple[str, Any]:
    """`work(argument)` on a worker, its failure as a value (a document's error is not the run's)."""
    try:
        return "ok", work(argument)
    except MemoryError:
        return "memory", None
    except Exception as exc:  # reported by the client as this document's error
        return "crash", f"{type(exc).__name__}: {exc}"


def run_on_dask(
    work: Callable[[Any], dict[str, Any]], arguments: Sequence[Any], labels: Sequence[str], scheduler: str
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(index, result, None) or (index, None, one-line reason) for each argument, as the cluster at
    `scheduler` finishes them."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:
        raise RuntimeError("--executor dask needs Dask: pip install 'plancards[dask]'") from exc
    with Client(scheduler) as client:
        futures = client.map(_guarded, [work] * len(arguments), arguments, pure=False)
        index_of = {future.key: index for index, future in enumerate(futures)}
        for future in as_completed(futures):
            index = index_of[future.key]
            try:
                status, payload = future.result()
            except Exception as exc:  # a worker lost (killed for memory, crashed): this document only
                status, payload = "lost", f"{type(exc).__name__}: {exc}"
            if status == "ok":
                yield index, payload, None
            elif status == "memory":
                yield index, None, f"{labels[index]}: ran out of memory on a Dask worker"
            elif status == "lost":
                yield index, None, f"{labels[index]}: the Dask worker reading it was lost ({payload})"
            else:
                yield index, None, f"{labels[index]}: internal error {payload}"
