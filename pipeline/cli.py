"""The `plancards` command: run the pipeline, inspect one document, validate the output.

Each command imports what it uses when it runs (the readers and extractors, pyarrow, the
comparisons): `plancards --help` or `validate` need not load the whole pipeline (0.3 s).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from comparisons.diff_view import FORMATS
from pipeline.executors import EXECUTORS
from pipeline.output_set import ProjectBusy, project_lock, remove_stale_temporaries

if TYPE_CHECKING:
    from pipeline.stages import ProjectPaths

SUMMARY_COUNTS = ("cards", "indicators", "values")


def _counts(paths: ProjectPaths) -> dict[str, dict[str, int]]:
    """Cards, indicators, values, warnings and errors per document, from output/metrics.json (empty
    before a first run or when it cannot be read: the summary then shows no movement)."""
    try:
        metrics = json.loads((paths.output / "metrics.json").read_text(encoding="utf-8"))
        return {doc: dict(counts) for doc, counts in metrics["per_document"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _read_columns(path: Path, columns: list[str]) -> list[dict[str, Any]]:
    """Some columns of a Parquet file as rows (ParquetFile: pq.read_table would import pyarrow.dataset)."""
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).read(columns=columns).to_pylist()


def _change_counts(paths: ProjectPaths) -> dict[str, dict[str, int]]:
    """Changes from the previous version, by kind, per document (empty when none has a previous version)."""
    path = paths.output / "changes.parquet"
    counts: dict[str, dict[str, int]] = {}
    if path.is_file():
        for row in _read_columns(path, ["document_id", "change"]):
            doc = counts.setdefault(row["document_id"], {})
            doc[row["change"]] = doc.get(row["change"], 0) + 1
    return counts


def _summary(paths: ProjectPaths, before: dict[str, dict[str, int]]) -> list[str]:
    """One line per document: cards, indicators, values, warnings, errors, and how they moved;
    a second line for a document with a previous version: its changes by kind."""
    from comparisons.changes import CHANGES

    now = _counts(paths)
    changes = _change_counts(paths)
    lines = []
    columns = ["document_id", "source_path", "layout", "previous_document_id"]
    for doc in _read_columns(paths.output / "documents.parquet", columns):
        counts = now.get(doc["document_id"], {})
        line = (
            f"{doc['source_path']}: {doc['layout']}, {counts.get('cards', 0)} cards, "
            f"{counts.get('indicators', 0)} indicators, {counts.get('values', 0)} values, "
            f"{counts.get('quality_warnings', 0)} warnings, {counts.get('quality_errors', 0)} errors"
        )
        previous = before.get(doc["document_id"])
        moved = [
            f"{name} {counts.get(name, 0) - previous.get(name, 0):+d}"
            for name in SUMMARY_COUNTS
            if previous is not None and counts.get(name, 0) != previous.get(name, 0)
        ]
        lines.append(line + (f" (since the last run: {', '.join(moved)})" if moved else ""))
        if doc.get("previous_document_id"):
            found = changes.get(doc["document_id"], {})
            kinds = ", ".join(f"{found[kind]} {kind}" for kind in CHANGES if kind in found) or "no changes"
            lines.append(f"  version after {doc['previous_document_id']}: {kinds}")
    return lines


class UsageError(Exception):
    """A command that cannot start (no raw/ folder, no such file): reported as one line, exit 2."""


def _raw_documents(paths: ProjectPaths) -> None:
    """Refuse to run on a missing or empty raw/: publishing nothing would wipe the previous output."""
    from pipeline.sources import discover

    if not paths.raw.is_dir():
        raise UsageError(f"{paths.raw}: no such folder; put the plan documents (PDFs or text dumps) there")
    if not discover(paths.raw, paths.root):
        raise UsageError(f"{paths.raw}: no documents in it; output/ was left as it was")


def cmd_run(args: argparse.Namespace) -> int:
    """All of raw/ to output/, holding the project's lock."""
    from pipeline.stages import ProjectPaths

    paths = ProjectPaths(Path(args.root))
    _raw_documents(paths)
    with project_lock(paths.build):
        for line in remove_stale_temporaries(paths.build, paths.output):
            print(f"warning: {line}", file=sys.stderr)
        return _run(args, paths)


def _run(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from tqdm import tqdm

    from pipeline.stages import run_extract, run_normalize, run_publish

    before = _counts(paths)
    # No monitor thread: each document is read in a forked child, and forking a threaded process is unsafe.
    tqdm.monitor_interval = 0
    bar = tqdm(desc="documents", unit="doc", disable=args.quiet or None, file=sys.stderr)

    def tick(name: str, total: int) -> None:
        bar.total = total
        bar.set_postfix_str(Path(name).name[:40])
        bar.update(1)

    results = run_extract(paths, progress=tick, jobs=args.jobs, normalize=True, scheduler=_scheduler(args))
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
    # A document read but not normalized or published (normalize_error, publish_error) failed too.
    unpublished = {
        row["document_id"]: row["error"]
        for row in _read_columns(paths.output / "documents.parquet", ["document_id", "status", "error"])
        if row["status"] == "error"
    }
    results = [
        replace(r, error=unpublished[r.document_id], published=False)
        if r.document_id in unpublished and not r.error
        else r
        for r in results
    ]
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
    """Run one stage (for dvc.yaml), holding the project's lock."""
    from pipeline.stages import ProjectPaths

    paths = ProjectPaths(Path(args.root))
    with project_lock(paths.build):
        return _stage(args, paths)


def _stage(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from pipeline.stages import run_extract, run_normalize, run_publish

    if args.name == "extract":
        _raw_documents(paths)
        results = run_extract(paths, jobs=args.jobs)
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
    from pipeline.serialize import to_plain
    from pipeline.sources import Source, document_id_for, sha256_of
    from pipeline.stages import extract_document

    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"{path}: no such file")
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


def cmd_diff(args: argparse.Namespace) -> int:
    """The changes from one version of a plan (OLD) to another (NEW); exit 1 when there are any, as diff does."""
    from comparisons.changes import changes_between
    from comparisons.diff_view import changes_to_text
    from comparisons.views import document_to_views
    from pipeline.sources import Source, sha256_of, unique_ids
    from pipeline.stages import extract_document, normalize_entry

    paths = [Path(args.old), Path(args.new)]
    ids = unique_ids([p.as_posix() for p in paths])
    views = []
    for path in paths:
        if not path.is_file():
            raise UsageError(f"{path}: no such file")
        source = Source(path, path.as_posix(), ids[path.as_posix()], sha256_of(path), path.stat().st_size)
        entry = extract_document(source)
        if entry["extraction"] is None:
            print(f"error: {entry['error']}", file=sys.stderr)
            return 2
        views.append((source.document_id, document_to_views(normalize_entry(entry))))
    (old_id, old), (new_id, new) = views
    changes = changes_between(old_id, old, new_id, new)
    sys.stdout.write(changes_to_text(changes, args.format))
    return 1 if changes else 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Check output/ against the contract."""
    from pipeline.validate import validate_output

    problems = validate_output(Path(args.root) / "output")
    for problem in problems:
        print(f"invalid: {problem}", file=sys.stderr)
    print(f"{len(problems)} problems" if problems else "output/ matches the contract")
    return 1 if problems else 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write output/report/: static HTML pages of output/'s tables."""
    from report.build import write_report
    from report.load import ReportInputError

    try:
        result = write_report(Path(args.root))
    except ReportInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{result.documents} documents, {result.files} files -> {result.folder / 'index.html'}")
    return 0


JOBS_HELP = "documents read at once, each in its own process (default: the cores available, %(default)s)"


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _scheduler(args: argparse.Namespace) -> str | None:
    """The Dask scheduler to read on, or None for local processes."""
    if args.executor == "dask":
        if not args.scheduler:
            raise UsageError("--executor dask needs --scheduler ADDRESS (a running Dask scheduler)")
        return str(args.scheduler)
    if args.scheduler:
        raise UsageError("--scheduler is for --executor dask")
    return None


def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `plancards`; `--root` is accepted before or after the command."""
    root_help = "project folder holding raw/ and output/ (default: .)"
    parser = argparse.ArgumentParser(
        prog="plancards",
        description="Read Japanese municipal plan documents in raw/ (PDFs or text dumps) into Parquet tables "
        "in output/.",
    )
    parser.add_argument("--root", default=".", help=root_help)
    parser.add_argument("--version", action=_PrintVersion)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=argparse.SUPPRESS, help=root_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=summary, description=summary)

    run = command(
        "run",
        "Read every document in raw/ into output/: only new or changed documents are re-read; prints what was "
        "found per document and exits 1 when any could not be read (the others are still published).",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--jobs", type=_jobs, default=available_cores(), help=JOBS_HELP)
    run.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="local",
        help="local: bounded processes on this machine (default); dask: the workers of a Dask cluster",
    )
    run.add_argument("--scheduler", help="the Dask scheduler's address (tcp://host:8786), with --executor dask")
    run.set_defaults(func=cmd_run)
    stage = command("stage", "Run one stage of `run` alone: extract, normalize or publish (the stages of dvc.yaml).")
    stage.add_argument("name", choices=("extract", "normalize", "publish"))
    stage.add_argument("--jobs", type=_jobs, default=available_cores(), help=JOBS_HELP)
    stage.set_defaults(func=cmd_stage)
    extract = command("extract", "Print one document's records as JSON lines, without writing output/ (debugging).")
    extract.add_argument("file", help="a document: a PDF or a text dump")
    extract.set_defaults(func=cmd_extract)
    diff = command(
        "diff",
        "Print what changed from one version of a plan to another: initiatives added, removed, moved or retitled, "
        "departments, schedule cells, indicators and values (exit 0: no changes, 1: changes, 2: a file could not "
        "be read).",
    )
    diff.add_argument("old", help="the earlier version (a PDF or a text dump)")
    diff.add_argument("new", help="the later version")
    diff.add_argument("--format", choices=FORMATS, default="table", help="table (for people), csv or json (for tools)")
    diff.set_defaults(func=cmd_diff)
    validate = command("validate", "Check output/ against the output contract (docs/CONTRACT.md); exit 1 on a problem.")
    validate.set_defaults(func=cmd_validate)
    report = command(
        "report",
        "Write output/report/: static HTML (index.html and one page per document) that opens from disk with no "
        "network: schedule and indicator charts per card, the quality checks linked to their cards, and for PDFs "
        "the page images with the boxes of what was read.",
    )
    report.set_defaults(func=cmd_report)
    return parser


class _PrintVersion(argparse.Action):
    """`--version`: the installed version, looked up only when asked (`importlib.metadata` takes about
    25 ms to import, a twentieth of a cold run's start-up)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        from importlib import metadata

        try:
            version = metadata.version("plancards")
        except metadata.PackageNotFoundError:
            version = "unknown (not installed)"
        print(f"{parser.prog} {version}")
        parser.exit()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `plancards` command: a bad start or a closed pipe is one line, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
        sys.stdout.flush()
    except (UsageError, ProjectBusy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader went away (`plancards run | head`): what was computed is published; say nothing more.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
