"""The `plancards` command: run the pipeline, inspect one document, validate the output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import pyarrow.parquet as pq
from tqdm import tqdm

from pipeline.serialize import to_plain
from pipeline.sources import Source, document_id_for, sha256_of
from pipeline.stages import ProjectPaths, extract_document, run_extract, run_normalize, run_publish
from pipeline.validate import validate_output

SUMMARY_TABLES = ("initiatives", "indicators", "indicator_values")


def _counts(paths: ProjectPaths) -> dict[str, dict[str, int]]:
    """Rows per document in each summary table of output/ (empty before a first run)."""
    counts: dict[str, dict[str, int]] = {}
    for name in (*SUMMARY_TABLES, "quality"):
        path = paths.output / f"{name}.parquet"
        if not path.is_file():
            return {}
        table = pq.read_table(path, columns=["document_id", "status"] if name == "quality" else ["document_id"])
        for row in table.to_pylist():
            key = f"{name}:{row['status']}" if name == "quality" else name
            doc = counts.setdefault(row["document_id"], {})
            doc[key] = doc.get(key, 0) + 1
    return counts


def _summary(paths: ProjectPaths, before: dict[str, dict[str, int]]) -> list[str]:
    """One line per document: cards, indicators, values, warnings, errors, and how they moved."""
    now = _counts(paths)
    lines = []
    for doc in pq.read_table(paths.output / "documents.parquet").to_pylist():
        counts = now.get(doc["document_id"], {})
        line = (
            f"{doc['source_path']}: {doc['layout']}, {counts.get('initiatives', 0)} cards, "
            f"{counts.get('indicators', 0)} indicators, {counts.get('indicator_values', 0)} values, "
            f"{counts.get('quality:warning', 0)} warnings, {counts.get('quality:error', 0)} errors"
        )
        previous = before.get(doc["document_id"])
        moved = [
            f"{label} {counts.get(name, 0) - previous.get(name, 0):+d}"
            for name, label in zip(SUMMARY_TABLES, ("cards", "indicators", "values"), strict=True)
            if previous is not None and counts.get(name, 0) != previous.get(name, 0)
        ]
        lines.append(line + (f" (since the last run: {', '.join(moved)})" if moved else ""))
    return lines


def cmd_run(args: argparse.Namespace) -> int:
    """All of raw/ to output/."""
    paths = ProjectPaths(Path(args.root))
    before = _counts(paths)
    # No monitor thread: each document is read in a forked child, and forking a threaded process is unsafe.
    tqdm.monitor_interval = 0
    bar = tqdm(desc="documents", unit="doc", disable=args.quiet or None, file=sys.stderr)

    def tick(name: str, total: int) -> None:
        bar.total = total
        bar.set_postfix_str(Path(name).name[:40])
        bar.update(1)

    results = run_extract(paths, progress=tick)
    bar.close()
    run_normalize(paths)
    _, manifest_problems = run_publish(paths)
    for problem in manifest_problems:
        print(f"warning: {problem}", file=sys.stderr)
    for result in results:
        print(f"{result.state:>9}  {result.document_id if result.state == 'removed' else result.relative_path}")
    for line in _summary(paths, before):
        print(line)
    results = [r for r in results if r.state != "removed"]
    failed = [r for r in results if r.error]
    for result in failed:
        print(f"error: {result.error}", file=sys.stderr)
    complete = sum(1 for r in results if r.published and not r.error)
    partial = sum(1 for r in failed if r.published)
    print(
        f"{len(results)} documents: {complete} published, {partial} published in part, "
        f"{len(failed) - partial} not published (unreadable or of unknown layout) -> {paths.output}"
    )
    return 1 if failed else 0


def cmd_stage(args: argparse.Namespace) -> int:
    """Run one stage (for dvc.yaml)."""
    paths = ProjectPaths(Path(args.root))
    if args.name == "extract":
        results = run_extract(paths)
        for result in results:
            name = result.document_id if result.state == "removed" else result.relative_path
            print(f"{result.state:>9}  {name}" + (f"  ({result.error})" if result.error else ""))
    elif args.name == "normalize":
        run_normalize(paths)
    elif args.name == "publish":
        counts, problems = run_publish(paths)
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
        print(", ".join(f"{name}: {n}" for name, n in counts.items()))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    """One document's records as JSON lines on stdout."""
    path = Path(args.file)
    source = Source(path, path.as_posix(), document_id_for(path), sha256_of(path), path.stat().st_size)
    entry = extract_document(source)
    if entry["error"]:
        print(f"error: {entry['error']}", file=sys.stderr)
        return 1
    extraction = entry["extraction"]
    print(json.dumps({"record": "document", "layout": extraction["layout"], **extraction["info"]}, ensure_ascii=False))
    for card in extraction["cards"]:
        print(json.dumps({"record": "card", **card}, ensure_ascii=False))
    for finding in extraction["findings"]:
        print(json.dumps({"record": "finding", **to_plain(finding)}, ensure_ascii=False))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check output/ against the contract."""
    problems = validate_output(Path(args.root) / "output")
    for problem in problems:
        print(f"invalid: {problem}", file=sys.stderr)
    print(f"{len(problems)} problems" if problems else "output/ matches the contract")
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `plancards`."""
    parser = argparse.ArgumentParser(prog="plancards", description=__doc__)
    parser.add_argument("--root", default=".", help="project folder holding raw/ and output/ (default: .)")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process raw/ into output/ (only new or changed documents are re-read)")
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(func=cmd_run)
    stage = commands.add_parser("stage", help="run one stage: extract, normalize or publish (used by dvc.yaml)")
    stage.add_argument("name", choices=("extract", "normalize", "publish"))
    stage.set_defaults(func=cmd_stage)
    extract = commands.add_parser("extract", help="print one document's records as JSON lines (debugging)")
    extract.add_argument("file", help="a raw document")
    extract.set_defaults(func=cmd_extract)
    validate = commands.add_parser("validate", help="check output/ against the output contract")
    validate.set_defaults(func=cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `plancards` command."""
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
