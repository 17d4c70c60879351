"""Speed of `plancards run` on raw/, against the bare cost of importing pandas and pyarrow.

Prints, from one run on this machine:
  * a bare `python -c "import pandas, pyarrow"` (the baseline every run pays);
  * `plancards run` in a fresh project (cold: no stage files) and again (warm: all unchanged);
  * in-process reading + extraction + normalization only (no interpreter start, no Parquet);
as seconds (median of --repeat runs), documents/s, MB/s of text, and ratios to the baseline.

Usage: .venv/bin/python benchmarks/run_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.sources import discover  # noqa: E402  (the project root is put on the path first)


def _time(command: list[str], repeat: int, setup: object = None) -> float:
    times = []
    for _ in range(repeat):
        if callable(setup):
            setup()
        start = time.perf_counter()
        subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _in_process(paths: list[Path], repeat: int) -> float:
    from extractors.registry import detect_layout, extract
    from pipeline.normalize import SourceMeta, extraction_to_rows
    from pipeline.read_text import read_text_dump

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            document = read_text_dump(path.name, path.read_bytes())
            layout = detect_layout(document)
            if layout:
                meta = SourceMeta(path.stem, path.name, "", "text", None, "utf-8")
                extraction_to_rows(meta, extract(document, layout))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    raw = [source.path for source in discover(ROOT / "raw", ROOT)]
    megabytes = sum(p.stat().st_size for p in raw) / 1e6
    plancards = str(Path(sys.executable).with_name("plancards"))
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch)
        shutil.copytree(ROOT / "raw", project / "raw")

        def cold() -> None:
            shutil.rmtree(project / "build", ignore_errors=True)
            shutil.rmtree(project / "output", ignore_errors=True)

        baseline = _time([sys.executable, "-c", "import pandas, pyarrow"], args.repeat)
        run_cold = _time([plancards, "--root", str(project), "run", "--quiet"], args.repeat, cold)
        run_warm = _time([plancards, "--root", str(project), "run", "--quiet"], args.repeat)
    parse = _in_process(raw, args.repeat)
    n = len(raw)
    print(f"raw/: {n} documents, {megabytes:.2f} MB of text; median of {args.repeat} runs")
    print(f"{'what':44} {'seconds':>8} {'docs/s':>8} {'MB/s':>8} {'x baseline':>10}")
    rows = [
        ("baseline: python -c 'import pandas, pyarrow'", baseline),
        ("plancards run, cold (every document read)", run_cold),
        ("plancards run, warm (every document unchanged)", run_warm),
        ("read + extract + normalize, in process", parse),
    ]
    for label, seconds in rows:
        print(f"{label:44} {seconds:8.3f} {n / seconds:8.1f} {megabytes / seconds:8.2f} {seconds / baseline:10.2f}")
    print(f"parsing share of a cold run: {parse / run_cold:.0%}; import baseline share: {baseline / run_cold:.0%}")


if __name__ == "__main__":
    main()
