"""What reading generically costs: pages/s of the whole PDF path against a bare PyMuPDF text loop.

For each PDF set (the card and real fixtures, the office prints, the real plans, and the
408-page budget named by the environment variable PLANCARDS_BUDGET_PDF, when set), one run measures, on the
same pages and in alternation so that machine load hits all alike:
  * `get_text`: a bare `page.get_text()` loop (the baseline);
  * `reader`: `pipeline.read_pdf.read_pdf` (the block model);
  * `path`: reader + profile choice (`detect_layout`, which runs every profile's score) +
    extraction, as the pipeline does per document.
`--tree DIR` adds the same `reader` and `path` measured with the code of another checkout (for
example the commit before the recognizers: `git worktree add /tmp/before <commit>`), run in a
child process so both versions are measured in this run. Ratios are pages/s over get_text's.

Usage: .venv/bin/python benchmarks/generic_cost.py [--repeat 3] [--tree /tmp/before]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAD = {"image_only.pdf", "encrypted.pdf", "truncated.pdf", "corrupt.pdf", "empty.pdf"}
SETS = {
    "cards+real": [p for p in sorted((ROOT / "tests" / "fixtures" / "pdf").rglob("*.pdf")) if p.name not in BAD],
    "office": sorted((ROOT / "tests" / "fixtures" / "office").glob("*.pdf")),
    "plans": sorted((ROOT / "tests" / "fixtures" / "plans").glob("*.pdf")),
    "setagaya": [p for p in [Path(os.environ.get("PLANCARDS_BUDGET_PDF", "-"))] if p.is_file()],
}

# Runs in a child with the code of one checkout on sys.path; prints {"pages", "get_text", "reader", "path"} seconds.
_CHILD = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
import pymupdf
from pipeline.read_pdf import read_pdf
from extractors.registry import detect_layout, extract
paths = sys.argv[2:]
out = {"pages": 0, "get_text": 0.0, "reader": 0.0, "path": 0.0}
for p in paths:
    data = open(p, "rb").read()
    t = time.perf_counter()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        out["pages"] += doc.page_count
        for page in doc:
            page.get_text()
    out["get_text"] += time.perf_counter() - t
    t = time.perf_counter()
    read_pdf(p, data)
    out["reader"] += time.perf_counter() - t
    t = time.perf_counter()
    document = read_pdf(p, data)
    layout = detect_layout(document)
    if layout is not None:
        extract(document, layout)
    out["path"] += time.perf_counter() - t
print(json.dumps(out))
"""


def measure(tree: Path, paths: list[Path]) -> dict[str, float]:
    """Seconds of each step over `paths`, with the code of `tree`, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree), *map(str, paths)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    """Measure every set and print pages/s and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per set and tree; the fastest counts")
    parser.add_argument("--tree", type=Path, help="another checkout to measure beside this one")
    args = parser.parse_args()
    trees = {"now": ROOT} | ({"tree": args.tree.resolve()} if args.tree else {})
    print(
        f"{'set':<11} {'code':<5} {'pages':>5} {'get_text p/s':>13} {'reader p/s':>11} {'path p/s':>9} "
        f"{'reader/get_text':>16} {'path/get_text':>14}"
    )
    for name, paths in SETS.items():
        if not paths:
            print(f"{name:<11} skipped: no files")
            continue
        best: dict[str, dict[str, float]] = {}
        for _ in range(args.repeat):
            for label, tree in trees.items():
                found = measure(tree, paths)
                kept = best.setdefault(label, found)
                for key in ("get_text", "reader", "path"):
                    kept[key] = min(kept[key], found[key])
        for label, found in best.items():
            pages = found["pages"]
            rates = {key: pages / found[key] for key in ("get_text", "reader", "path")}
            print(
                f"{name:<11} {label:<5} {pages:>5.0f} {rates['get_text']:>13.1f} {rates['reader']:>11.1f} "
                f"{rates['path']:>9.1f} {rates['reader'] / rates['get_text']:>16.2f} "
                f"{rates['path'] / rates['get_text']:>14.2f}"
            )


if __name__ == "__main__":
    main()
