"""How `plancards run` scales with the number of documents and with --jobs, on this machine.

Makes N distinct documents from the bundled dumps (each a copy of one of the five with a line of
its own appended, so every file has other bytes and is read cold), then, for each N and each
--jobs value, runs `plancards run` in a fresh project and a warm rerun in the same one. Prints
seconds, documents/s, MB/s of text, the speed-up of each --jobs value over --jobs 1, and the peak
RSS of the run (the parent or any reader child, whichever is larger), with times also as ratios
to an import baseline measured in the same run (`python -c "import pandas, pyarrow"`, best of 3).

    .venv/bin/python benchmarks/scale.py                   # N = 10 and 100, --jobs 1 and 2
    .venv/bin/python benchmarks/scale.py --sizes 10,100,1000 --jobs 1,2
    .venv/bin/python benchmarks/scale.py --dask          # also on a two-worker Dask LocalCluster
    .venv/bin/python benchmarks/scale.py --sizes 100 --repeat 5   # medians of 5 interleaved rounds

On a shared host whose speed drifts, one round can land either side of a target: with --repeat,
the --jobs values take turns within each round, medians are printed, and so is each round's own
speed-up (a pair of runs made minutes apart at most).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLANCARDS = Path(sys.executable).parent / "plancards"
SEEDS = sorted((ROOT / "raw").glob("*.txt"))


def make_documents(raw: Path, count: int) -> int:
    """`count` distinct dumps in `raw`; their total size in bytes."""
    raw.mkdir(parents=True)
    total = 0
    for index in range(count):
        seed = SEEDS[index % len(SEEDS)]
        data = seed.read_bytes() + f"\n(benchmark copy {index})\n".encode()
        (raw / f"doc_{index:05d}_{seed.name}").write_bytes(data)
        total += len(data)
    return total


# Runs the command as its child and prints the peak RSS (KiB) of the command or any process it waited for:
# a fresh wrapper per measurement, since RUSAGE_CHILDREN keeps the largest child ever seen.
_WRAPPER = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds of a command and the peak RSS (KiB) of it or any process it waited for."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True)
    return time.perf_counter() - start, int(done.stdout.strip() or 0)


def import_baseline() -> float:
    """Best of three: a Python process importing pandas and pyarrow."""
    return min(timed([sys.executable, "-c", "import pandas, pyarrow"])[0] for _ in range(3))


def measure(count: int, job: str, scheduler: str) -> tuple[float, float, int, int]:
    """(cold seconds, warm seconds, peak RSS KiB, bytes of text) of one run on `count` fresh documents."""
    folder = Path(tempfile.mkdtemp(prefix=f"plancards-scale-{count}-{job}-"))
    try:
        size = make_documents(folder / "raw", count)
        command = [str(PLANCARDS), "--root", str(folder), "run", "--quiet", "--jobs", job]
        if job == "dask":
            command = [*command[:-2], "--executor", "dask", "--scheduler", scheduler]
        cold, rss = timed(command)
        warm, _ = timed(command)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return cold, warm, rss, size


def run(sizes: list[int], jobs: list[int], dask: bool = False, repeat: int = 1) -> None:
    """Measure and print one table: medians of `repeat` rounds, the --jobs values interleaved in each."""
    baseline = import_baseline()
    cluster = None
    scheduler = ""
    if dask:
        from dask.distributed import LocalCluster

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        scheduler = cluster.scheduler_address
    labels = [str(job) for job in jobs] + (["dask"] if dask else [])
    print(f"import baseline (pandas, pyarrow): {baseline:.3f} s; {os.cpu_count()} cores; median of {repeat} rounds")
    print(
        f"{'N':>6} {'jobs':>4} {'cold s':>8} {'x base':>7} {'docs/s':>7} {'MB/s':>6} {'speed-up':>8} "
        f"{'warm s':>7} {'x base':>7} {'peak RSS MiB':>12}  speed-up per round"
    )
    for count in sizes:
        rounds: dict[str, list[tuple[float, float, int, int]]] = {label: [] for label in labels}
        for _ in range(repeat):
            for label in labels:  # interleaved, so that a change in the host's speed falls on every value alike
                rounds[label].append(measure(count, label, scheduler))
        first = statistics.median(r[0] for r in rounds[labels[0]])
        for label in labels:
            cold = statistics.median(r[0] for r in rounds[label])
            warm = statistics.median(r[1] for r in rounds[label])
            rss = max(r[2] for r in rounds[label])
            size = rounds[label][0][3]
            paired = " ".join(f"{a[0] / b[0]:.2f}" for a, b in zip(rounds[labels[0]], rounds[label], strict=True))
            print(
                f"{count:>6} {label:>4} {cold:>8.2f} {cold / baseline:>7.1f} {count / cold:>7.2f} "
                f"{size / cold / 1e6:>6.2f} {first / cold:>8.2f} {warm:>7.2f} {warm / baseline:>7.1f} "
                f"{rss / 1024:>12.0f}  {paired}"
            )
    if cluster is not None:
        cluster.close()


def main() -> None:
    """Parse the sizes and jobs, then measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100", help="numbers of documents, comma-separated")
    parser.add_argument("--jobs", default="1,2", help="--jobs values, comma-separated (the first is the base)")
    parser.add_argument("--dask", action="store_true", help="also run on a two-worker Dask LocalCluster")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per N, the --jobs values interleaved in each")
    args = parser.parse_args()
    run([int(n) for n in args.sizes.split(",")], [int(n) for n in args.jobs.split(",")], args.dask, args.repeat)


if __name__ == "__main__":
    main()
