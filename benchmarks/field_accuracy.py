"""Field accuracy of the pipeline on every document with expected records (`tests/expected/*.json`).

Prints, per document, the profile that read it, the fields checked and right, the extra
initiatives (published but not expected), and the share per group: office reprints
(`tests/fixtures/office/`, truth by construction) and real plans of other municipalities
(`tests/fixtures/plans/`, checked by hand). `--misses N` lists the first N missed fields.

Usage: .venv/bin/python benchmarks/field_accuracy.py [--misses 10]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.expected_io import EXPECTED, dumps_of, load_expected, score_document  # noqa: E402


def main() -> None:
    """Score every expected document and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0, help="list this many missed fields per document")
    args = parser.parse_args()
    groups: dict[str, list[int]] = {}
    for path in sorted(EXPECTED.glob("*.json")):
        expected = load_expected(path.stem)
        for source in [ROOT / expected["source"], *dumps_of(expected)]:
            score = score_document(expected, source)
            group = Path(expected["source"]).parent.name + ("" if source.suffix == ".pdf" else " dump")
            total = groups.setdefault(group, [0, 0, 0])
            total[0] += score.fields
            total[1] += score.right
            total[2] += score.extra_initiatives
            print(
                f"{group:>12} {score.document:<48} {score.layout or 'unknown':<18} "
                f"{score.right:>4}/{score.fields:<4} {score.share:6.1%}  extra {score.extra_initiatives}"
                f" (+{score.extra_records} schedule cells)"
            )
            for miss in score.misses[: args.misses]:
                print(f"{'':>14}missed: {miss}")
    for group, (fields, right, extra) in sorted(groups.items()):
        print(f"{group:>12} all: {right}/{fields} = {right / fields if fields else 1:.1%}, extra initiatives {extra}")


if __name__ == "__main__":
    main()
