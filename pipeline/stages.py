"""The stages: extract (raw/ → build/extracted), normalize (→ build/normalized), publish (→ output/).

Each document's stage file records the sha256 of its raw bytes and a fingerprint of
the pipeline's code: a rerun skips a document whose file and code are unchanged, so
dropping a new plan into raw/ processes only that plan.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyarrow as pa

from comparisons.compare import apply_places, compare_documents
from comparisons.views import document_to_views
from extractors.model import Extraction
from extractors.registry import choose
from pipeline.arrow_file import SUFFIX as ARROW_SUFFIX
from pipeline.arrow_file import read_arrow_tables, write_arrow_tables
from pipeline.arrow_rows import json_lines_to_table, row_to_json_line, rows_to_table
from pipeline.changes_cache import ChangesCache
from pipeline.datapackage import datapackage_descriptor
from pipeline.errors import DocumentError
from pipeline.executors import run_on_dask
from pipeline.isolation import MEMORY_PER_DOCUMENT, SECONDS_PER_DOCUMENT, run_many
from pipeline.manifest import MANIFEST_NAME, load_manifest
from pipeline.metrics import content_counts, counts_to_metrics, metrics_to_plot, quality_counts
from pipeline.normalize import NormalizedDocument, SourceMeta, document_row, extraction_to_rows
from pipeline.normalized_file import SUFFIX as NORMALIZED_SUFFIX
from pipeline.normalized_file import document_id_of, read_normalized, table_lines, write_normalized
from pipeline.output_set import publish_set, recover
from pipeline.preload import preload
from pipeline.publish import ParquetStream, write_json, write_parquet, write_stage_json
from pipeline.serialize import from_plain, to_plain
from pipeline.sources import Source, discover, file_format, read_document, source_format
from pipeline.spill import VIEWS_SUFFIX, ViewSpill, views_file, write_views
from pipeline.tables import COMPARISON_TABLES, TABLES, DocumentRow, QualityRow

PACKAGES = ("pipeline", "extractors", "normalizers", "recognizers", "comparisons")
# Findings that compare the cards with the document's own list: an error there means lost cards.
COMPLETENESS_CHECKS = frozenset(
    {
        "cards_vs_index",
        "groups_vs_toc",
        "sub_items_vs_toc",
        "cards_vs_list",
        "truncated_card",
        "cards_vs_overview",
        "partial_card",
    }
)


@dataclass(frozen=True)
class ProjectPaths:
    """Where a project's folders are: raw/ (inputs), build/ (stage files), output/ (tables)."""

    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def output(self) -> Path:
        return self.root / "output"


@dataclass(frozen=True)
class DocumentResult:
    """What one stage did with one document."""

    document_id: str
    relative_path: str
    state: str  # new / changed (other bytes) / re-read (same bytes, new code) / unchanged / removed
    error: str | None
    published: bool  # rows were published (a partial document has both an error and rows)


@functools.cache
def code_fingerprint() -> str:
    """sha256 over the pipeline's own source files: changing the code invalidates the stage files."""
    digest = hashlib.sha256()
    base = Path(__file__).resolve().parent.parent
    for package in PACKAGES:
        for path in sorted((base / package).rglob("*")):
            if path.suffix in (".py", ".csv") and path.is_file():
                digest.update(path.relative_to(base).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _extract_unbounded(source: Source) -> dict[str, Any]:
    """Read and extract one raw file in this process; a failure becomes an `error` entry."""
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        meta = SourceMeta(source.document_id, source.relative_path, source.sha256, "text", None, None)
        reason = f"{source.relative_path}: cannot be read: {exc.strerror or type(exc).__name__}"
        return {"meta": to_plain(meta), "error": reason, "extraction": None}
    meta = SourceMeta(source.document_id, source.relative_path, source.sha256, source_format(data), None, None)
    document = None
    try:
        document = read_document(source.relative_path, data)
        encoding = next((n.removeprefix("decoded as ") for n in document.notes if n.startswith("decoded as ")), None)
        meta = replace(meta, source_format=document.source_format, pages=document.page_count, encoding=encoding)
        choice = choose(document)
        if choice.extraction is None:
            raise DocumentError(source.relative_path, f"unknown layout: {choice.unread}")
        extraction = choice.extraction
    except DocumentError as exc:
        # A file read but of no known layout keeps the reader's notes: they may say why (drawings not read).
        notes = list(document.notes) if document is not None else []
        return {"meta": to_plain(meta), "error": str(exc), "extraction": None, "notes": notes}
    except Exception as exc:  # an extractor bug must not stop the other documents
        message = f"{source.relative_path}: internal error {type(exc).__name__}: {exc}"
        return {"meta": to_plain(meta), "error": message, "extraction": None}
    problems = [n for n in document.notes if n.startswith("truncated")]
    problems += [
        f"incomplete: {f.check} expected {f.expected}, found {f.found} ({f.detail})"
        for f in extraction.findings
        if f.status == "error" and f.check in COMPLETENESS_CHECKS
    ]
    # What was read is still published; the document is reported as failed all the same.
    error = f"{source.relative_path}: {'; '.join(problems)}" if problems else None
    notes = [n for n in document.notes if not n.startswith("truncated")]
    return {"meta": to_plain(meta), "error": error, "extraction": to_plain(extraction), "notes": notes}


def _failed_entry(source: Source, failure: str | None) -> dict[str, Any]:
    """The stage entry of a document whose child gave no result (time, memory, a crash)."""
    meta = SourceMeta(source.document_id, source.relative_path, source.sha256, file_format(source.path), None, None)
    return {"meta": to_plain(meta), "error": failure, "extraction": None}


def _run_children(
    work: Callable[[Source], dict[str, Any]],
    sources: Sequence[Source],
    jobs: int = 1,
    seconds: float = SECONDS_PER_DOCUMENT,
    memory: int = MEMORY_PER_DOCUMENT,
    scheduler: str | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index in `sources`, what `work` returned: `{"entry": …}` and maybe `"tables"`) for each raw file,
    in bounded children, `jobs` at a time, or on the Dask cluster at `scheduler`, as they finish; a
    document that gave nothing yields its failed stage entry with the reason."""
    labels = [source.relative_path for source in sources]
    if not sources:
        return  # nothing to read: no cluster to connect to
    if scheduler is not None:
        finished = run_on_dask(work, sources, labels, scheduler)
    else:
        finished = run_many(work, [(source,) for source in sources], labels, jobs, seconds, memory)
    for index, done, failure in finished:
        yield index, done if done is not None else {"entry": _failed_entry(sources[index], failure)}


def extract_document(
    source: Source, seconds: float = SECONDS_PER_DOCUMENT, memory: int = MEMORY_PER_DOCUMENT
) -> dict[str, Any]:
    """Read and extract one raw file in a child process bounded in time and memory."""
    _, done = next(_run_children(_extract_only, [source], 1, seconds, memory))
    entry: dict[str, Any] = done["entry"]
    return entry


def _stage_file(folder: Path, document_id: str) -> Path:
    return folder / f"{document_id}.json"


def _load(path: Path) -> dict[str, Any] | None:
    """A JSON object from a file of ours, or None when it is missing, damaged or of another shape."""
    return _parse(_read_bytes(path))


def _read_bytes(path: Path) -> bytes:
    """A file's bytes; none when it cannot be read (then it is treated as damaged)."""
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _parse(data: bytes) -> dict[str, Any] | None:
    """A JSON object from bytes of ours, or None when they are damaged or of another shape."""
    try:
        loaded = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return loaded if isinstance(loaded, dict) else None


def run_extract(
    paths: ProjectPaths,
    progress: Callable[[str, int], None] | None = None,
    jobs: int = 1,
    normalize: bool = False,
    scheduler: str | None = None,
) -> list[DocumentResult]:
    """Extract every raw document whose bytes or code changed since its stage file was written,
    `jobs` documents at a time; the results are in the documents' order whatever finishes first.

    With `normalize`, each child normalizes its document too and both stage files are written
    (what `plancards run` does: the normalizing then runs on every core as well).
    With `scheduler`, the documents are read on that Dask cluster instead (`pipeline/executors.py`).
    `progress(path, total)` is called as each document is done.
    """
    fingerprint = code_fingerprint()
    folder = paths.build / "extracted"
    sources = discover(paths.raw, paths.root)
    # What each stage file holds, kept beside them so that a rerun need not parse them to know.
    index_path = paths.build / "extracted.index.json"
    known: dict[str, dict[str, Any]] = _load(index_path) or {}
    results: dict[int, DocumentResult] = {}
    todo: list[tuple[int, dict[str, Any] | None]] = []
    for index, source in enumerate(sources):
        stage_file = _stage_file(folder, source.document_id)
        previous = known.get(source.document_id)
        # A stage file changed or damaged since it was written is read again, never trusted.
        intact = previous is not None and _file_sha256(stage_file) == previous.get("stage_sha256")
        if previous and intact and previous.get("sha256") == source.sha256 and previous.get("code") == fingerprint:
            error, published = previous.get("error"), bool(previous.get("published"))
            results[index] = DocumentResult(source.document_id, source.relative_path, "unchanged", error, published)
            if progress:
                progress(source.relative_path, len(sources))
        else:
            todo.append((index, previous))
    # Largest files first, so that the longest reads do not start last and leave the other cores idle
    # at the end (size stands in for reading time); the results are put back in the documents' order.
    todo.sort(key=lambda item: (-sources[item[0]].size, item[0]))
    normalized_index = paths.build / "normalized.index.json"
    normalized_keys: dict[str, str] = _load(normalized_index) or {}
    # Local children write their own stage files (the parent is told what they hold, not sent them);
    # a Dask worker may be on another machine, so it sends its results and the parent writes them.
    staging = _Staging(paths.build, fingerprint, normalize)
    work: Callable[[Source], dict[str, Any]] = _extract_and_normalize if normalize else _extract_only
    if scheduler is None:
        work = functools.partial(_work_and_stage, staging)
        preload([sources[index] for index, _ in todo])
    for position, done in _run_children(work, [sources[i] for i, _ in todo], jobs, scheduler=scheduler):
        index, previous = todo[position]
        source = sources[index]
        staged = done["staged"] if "staged" in done else staging.write(source, done)
        if staged["normalized"] is not None:
            normalized_keys[source.document_id] = staged["normalized"]
        facts = staged["facts"]
        known[source.document_id] = facts
        state = _state(previous, source.sha256)
        result = DocumentResult(source.document_id, source.relative_path, state, facts["error"], facts["published"])
        results[index] = result
        if progress:
            progress(source.relative_path, len(sources))
    ordered = [results[index] for index in range(len(sources))]
    for removed in _remove_stale(folder, {s.document_id for s in sources}):
        ordered.append(DocumentResult(removed, f"{paths.raw.name}/…", "removed", None, False))
    current = {s.document_id for s in sources}
    write_stage_json(index_path, {doc: facts for doc, facts in known.items() if doc in current})
    if normalize:
        write_stage_json(normalized_index, normalized_keys)
    return ordered


@dataclass(frozen=True)
class _Staging:
    """Where and how a document's stage files are written."""

    build: Path
    fingerprint: str  # the code's
    normalize: bool  # whether the normalized stage file is written too

    def write(self, source: Source, done: dict[str, Any]) -> dict[str, Any]:
        """Write what the per-document work returned (`{"entry": …}`, maybe `"tables"`) as stage files;
        the facts the stage indexes keep (`facts`: the extracted index line; `normalized`: its key line)."""
        entry = done["entry"]
        entry.update(sha256=source.sha256, code=self.fingerprint)
        name = f"{source.document_id}.json"
        stage_sha256 = write_stage_json(self.build / "extracted" / name, entry)
        normalized = None
        if self.normalize:
            key = f"{stage_sha256}:{self.fingerprint}"
            lines = table_lines(done.get("tables") or normalized_tables(entry))
            target = self.build / "normalized" / f"{source.document_id}{NORMALIZED_SUFFIX}"
            normalized = f"{key}|{write_normalized(target, key, lines)}"
        return {"facts": {**_summarize(entry), "stage_sha256": stage_sha256}, "normalized": normalized}


def _work_and_stage(staging: _Staging, source: Source) -> dict[str, Any]:
    """The per-document work of a local run, in its child, with the stage files written there; when
    normalizing, also the document's views for comparing (`write_views`), which spares publishing,
    the one part of a run that is not parallel, rebuilding its records."""
    entry = _extract_unbounded(source)
    if not staging.normalize:
        return {"staged": staging.write(source, {"entry": entry})}
    rows = normalized_rows(entry)
    staged = staging.write(source, {"entry": entry, "tables": _plain_tables(rows)})
    normalized_sha256 = staged["normalized"].rsplit("|", 1)[1]
    write_views(staging.build / "views", source.document_id, normalized_sha256, rows)
    return {"staged": staged}


def _file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _summarize(entry: dict[str, Any]) -> dict[str, Any]:
    """The facts a rerun needs from an extracted stage entry (its index line)."""
    return {
        "sha256": entry.get("sha256"),
        "code": entry.get("code"),
        "error": entry.get("error"),
        "published": entry.get("extraction") is not None,
    }


def _state(previous: dict[str, Any] | None, sha256: str) -> str:
    """`new`, `changed` (other bytes) or `re-read` (same bytes, read again because the code changed)."""
    if previous is None:
        return "new"
    return "changed" if previous.get("sha256") != sha256 else "re-read"


def _remove_stale(folder: Path, keep: set[str], suffix: str = ".json") -> list[str]:
    """Delete the stage files of documents no longer in raw/; their ids, sorted."""
    removed = []
    if folder.is_dir():
        for path in sorted(folder.glob(f"*{suffix}")):
            document_id = path.name.removesuffix(suffix)
            if document_id not in keep:
                path.unlink()
                removed.append(document_id)
    return removed


#: Words of a reader's note that say something printed was not read (the note is then a warning).
_NOTES_OF_LOSS = ("left out", "not read", "without a text layer", "MuPDF warnings")


def normalize_entry(entry: dict[str, Any]) -> NormalizedDocument:
    """One extracted stage file to rows of every table."""
    meta = from_plain(SourceMeta, entry["meta"])
    if entry.get("extraction") is None:
        out = NormalizedDocument()
        error = entry.get("error") or "no extraction"
        out.documents.append(document_row(meta, None, "unknown", error))
        check = "unknown_layout" if "unknown layout" in error else "read_error"
        out.quality.append(QualityRow(meta.document_id, check, "error", None, None, error))
        out.quality.extend(_note_rows(meta.document_id, entry.get("notes") or []))
        return out
    rows = extraction_to_rows(meta, from_plain(Extraction, entry["extraction"]))
    rows.quality.extend(_note_rows(meta.document_id, entry.get("notes") or []))
    if entry.get("error"):
        rows.documents[0] = replace(rows.documents[0], status="partial", error=entry["error"])
        rows.quality.append(QualityRow(meta.document_id, "partial_document", "error", None, None, entry["error"]))
    return rows


def _note_rows(document_id: str, notes: list[str]) -> list[QualityRow]:
    """The reader's notes about a file as `reader_note` rows: warnings where something printed may be missing."""
    return [
        QualityRow(
            document_id, "reader_note", "warning" if any(w in note for w in _NOTES_OF_LOSS) else "ok", None, None, note
        )
        for note in notes
    ]


def normalized_rows(entry: dict[str, Any]) -> NormalizedDocument:
    """An extracted entry's rows of every table; a normalizer that fails makes the document's one-line
    error (its `documents` row and a `normalize_error` row), not the run's."""
    try:
        return normalize_entry(entry)
    except Exception as exc:  # a normalizer bug must not stop the other documents
        meta = from_plain(SourceMeta, entry["meta"])
        reason = f"{meta.source_path}: internal error while normalizing: {type(exc).__name__}: {str(exc)[:200]}"
        rows = NormalizedDocument()
        rows.documents.append(document_row(meta, None, "unknown", reason))
        rows.quality.append(QualityRow(meta.document_id, "normalize_error", "error", None, None, reason))
        return rows


def normalized_tables(entry: dict[str, Any]) -> dict[str, list[Any]]:
    """An extracted entry's rows of every table as plain data (`normalized_rows`)."""
    return _plain_tables(normalized_rows(entry))


def _plain_tables(rows: NormalizedDocument) -> dict[str, list[Any]]:
    """A document's rows of every table as plain data, by table."""
    return {name: to_plain(getattr(rows, name)) for name in TABLES}


def _extract_only(source: Source) -> dict[str, Any]:
    """The per-document work of `plancards stage extract`, in one child."""
    return {"entry": _extract_unbounded(source)}


def _extract_and_normalize(source: Source) -> dict[str, Any]:
    """The per-document work of `plancards run`, in one child: read, extract, normalize."""
    entry = _extract_unbounded(source)
    return {"entry": entry, "tables": normalized_tables(entry)}


def _normalized_key(extracted: Path) -> str:
    """A normalized file's key: the sha256 of the extracted file it came from, and the code's fingerprint."""
    return f"{_file_sha256(extracted)}:{code_fingerprint()}"


def run_normalize(paths: ProjectPaths) -> None:
    """Normalize every extracted stage file whose input changed."""
    source_folder, folder = paths.build / "extracted", paths.build / "normalized"
    # Each normalized file is current when its key (the sha256 of the extracted file it came from and
    # the code's fingerprint) and its own sha256 are those recorded: a rerun hashes, never parses.
    index_path = paths.build / "normalized.index.json"
    known: dict[str, str] = _load(index_path) or {}
    current = {}
    for path in sorted(source_folder.glob("*.json")):
        key = _normalized_key(path)
        target = folder / f"{path.stem}{NORMALIZED_SUFFIX}"
        current[path.stem] = f"{key}|{_file_sha256(target)}"
        if known.get(path.stem) == current[path.stem]:
            continue
        entry = _load(path)
        if entry is None or not isinstance(entry.get("meta"), dict):
            continue  # damaged since extract checked it: the next extract reads the document again
        current[path.stem] = f"{key}|{write_normalized(target, key, table_lines(normalized_tables(entry)))}"
    _remove_stale(folder, set(current), NORMALIZED_SUFFIX)
    # Normalized files of older versions: one JSON document each, then JSON lines not compressed.
    _remove_stale(folder, set(), ".json")
    _remove_stale(folder, set(), ".jsonl")
    _remove_stale(paths.build / "views", set(current), VIEWS_SUFFIX)
    _remove_stale(paths.build / "arrow", set(current), ARROW_SUFFIX)
    write_stage_json(index_path, current)


def run_publish(paths: ProjectPaths) -> tuple[dict[str, int], list[str]]:
    """Concatenate every document's rows into one Parquet file per table (documents in id order),
    with the tables that compare documents: `changes` (from each previous version) and `initiative_links`;
    then `metrics.json` (a DVC metric), `plots/values_per_document.json` and `datapackage.json`.

    The files are written into a new folder that replaces output/ in one step (`pipeline/output_set.py`):
    a reader or a killed run sees the previous set or the new one. Nothing is written when the stage
    files, the manifest and the code are those of the last publish and every output file is there as it
    was written (a warm rerun; a file changed or damaged since is reported and written again).
    Returns the row count of each table and the problems, one line each: the manifest's, and what an
    interrupted run or a damaged file left that was repaired.
    """
    recovered = recover(paths.output)
    stage_files = sorted((paths.build / "normalized").glob(f"*{NORMALIZED_SUFFIX}"))
    key = _publish_key(paths, stage_files)
    record = paths.build / "published.json"
    last = _load(record) or {}
    files = {name: _file_sha256(paths.output / name) for name in PUBLISHED_FILES}
    if last.get("key") == key:
        damaged = [name for name in PUBLISHED_FILES if files[name] != last.get("files", {}).get(name)]
        if not damaged:
            return last["counts"], recovered + last["problems"]
        recovered += [
            f"{paths.output / name}: changed or damaged since it was published; written again" for name in damaged
        ]
    counts, problems = publish_set(paths.output, lambda folder: _publish(paths, stage_files, folder))
    files = {name: _file_sha256(paths.output / name) for name in PUBLISHED_FILES}
    write_json(record, {"key": key, "counts": counts, "problems": problems, "files": files})
    return counts, recovered + problems


#: Every file a publish writes under output/.
PUBLISHED_FILES = (
    *(f"{name}.parquet" for name in (*TABLES, *COMPARISON_TABLES)),
    "metrics.json",
    "plots/values_per_document.json",
    "datapackage.json",
)


def _publish_key(paths: ProjectPaths, stage_files: list[Path]) -> str:
    """What a publish depends on: the code, the manifest's bytes and every stage file's bytes."""
    digest = hashlib.sha256(code_fingerprint().encode())
    manifest = paths.raw / MANIFEST_NAME
    digest.update(manifest.read_bytes() if manifest.is_file() else b"")
    for path in stage_files:
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


#: The table publish writes last, from records: its rows change when documents are compared.
_COMPLETED_LATER = "documents"
#: Tables whose rows publish rebuilds as records: the one completed later, and those documents are compared by.
_AS_RECORDS = (_COMPLETED_LATER, "initiatives", "schedule", "indicators", "indicator_values")


@dataclass
class _Prepared:
    """A document as it will be published: its records (`_AS_RECORDS`), its rows in Arrow (but
    `documents`), and its quality rows as JSON lines too (kept until the comparison adds to them)."""

    document: NormalizedDocument
    tables: dict[str, pa.Table]
    quality_lines: list[bytes]


def _prepare(
    document: NormalizedDocument, lines: dict[str, list[bytes]], kept: dict[str, pa.Table] | None = None
) -> _Prepared:
    """The document as it can be published: itself, or, when one of its values does not fit its
    column (a count past int16, a manifest field of the wrong type), its `documents` row alone with
    the one-line reason, so that the other documents are published all the same.

    `lines` holds its rows as JSON lines, from which every table but `documents` is made, unless its
    child `kept` it in Arrow already; `document` holds the records of `_AS_RECORDS`."""
    kept = kept or {}
    try:
        tables = {
            name: kept[name] if name in kept else json_lines_to_table(lines.get(name, []), schema)
            for name, (_, schema) in TABLES.items()
            if name != _COMPLETED_LATER
        }
        rows_to_table(document.documents, TABLES[_COMPLETED_LATER][1])
    except (pa.ArrowException, OverflowError, ValueError, TypeError) as exc:
        row = document.documents[0]  # a normalized file always has it
        reason = f"{row.source_path}: could not be published: {type(exc).__name__}: {str(exc)[:200]}"
        # Only what the pipeline itself made is kept, so that this row always fits.
        failed = NormalizedDocument()
        failed.documents.append(
            DocumentRow(
                row.document_id, row.source_path, row.source_sha256, row.source_format, None, None, None, None,
                None, None, None, None, row.layout, None, row.contract_version, "error", reason, None,
            )
        )  # fmt: skip
        tables = {name: rows_to_table([], schema) for name, (_, schema) in TABLES.items() if name != _COMPLETED_LATER}
        publish_error = [
            row_to_json_line(to_plain(QualityRow(row.document_id, "publish_error", "error", None, None, reason)))
        ]
        tables["quality"] = json_lines_to_table(publish_error, TABLES["quality"][1])
        return _Prepared(failed, tables, publish_error)
    return _Prepared(document, tables, lines.get("quality", []))


@dataclass
class _Kept:
    """What publishing keeps of a document after writing its other rows, for the comparison to complete."""

    documents: list[DocumentRow]
    quality: list[bytes]  # its quality rows as JSON lines (compact); those the comparison adds follow them
    counts: dict[str, int]
    supersedes: str | None  # the raw path the manifest says this document replaces


def _publish(paths: ProjectPaths, stage_files: list[Path], folder: Path) -> tuple[dict[str, int], list[str]]:
    """The publish itself (`run_publish`), into `folder`, a document at a time.

    Each document's rows go to their Parquet files as it is read; its views for comparing are set
    aside on disk (`pipeline/spill.py`); only its `documents` row (a record) and its quality rows (as
    JSON lines) stay in memory, for the comparison to complete.
    """
    manifest, problems = load_manifest(paths.raw)
    raw_prefix = f"{paths.raw.name}/"
    streams = {
        name: ParquetStream(folder / f"{name}.parquet", schema)
        for name, (_, schema) in TABLES.items()
        if name != _COMPLETED_LATER
    }
    kept: list[_Kept] = []
    normalized_sha256: dict[str, str] = {}
    with ViewSpill(paths.build) as spill:
        for path in stage_files:
            data = _read_bytes(path)
            stage = read_normalized(data)
            lines = stage.lines if stage is not None else {}  # damaged since it was indexed: no rows
            document_id = document_id_of(path)
            normalized_sha256[document_id] = hashlib.sha256(data).hexdigest()
            views = views_file(paths.build / "views", document_id, normalized_sha256[document_id])
            # Records of the compared tables only when a child did not leave the views (Dask, `stage`).
            wanted = _AS_RECORDS if views is None else (_COMPLETED_LATER,)
            document = NormalizedDocument(
                **{name: [from_plain(TABLES[name][0], json.loads(r)) for r in lines.get(name, [])] for name in wanted}
            )
            row = document.documents[0] if document.documents else None
            entry = manifest.get(row.source_path.removeprefix(raw_prefix)) if row else None
            if row and entry:
                document.documents[0] = replace(
                    row, source_url=entry.source_url, downloaded=entry.downloaded, manifest_note=entry.note
                )
            # Rows turned into Arrow by an earlier publish are read back; the others are kept for the next.
            kept_tables = read_arrow_tables(paths.build / "arrow", document_id, normalized_sha256[document_id])
            prepared = _prepare(document, lines, kept_tables)
            if kept_tables is None and prepared.document is document:
                write_arrow_tables(paths.build / "arrow", document_id, normalized_sha256[document_id], prepared.tables)
            for name, stream in streams.items():
                if name != "quality":  # written once the comparison has added its rows
                    stream.write(prepared.tables[name])
            published = prepared.document is document  # not replaced by its publish_error
            document = prepared.document
            if document.documents and document.documents[0].status != "error":
                if views is not None:
                    spill.put_file(document.documents[0].document_id, views)
                else:
                    spill.put(document.documents[0].document_id, document_to_views(document))
            counts = content_counts(prepared.tables if published else {})
            counts |= quality_counts(prepared.tables["quality"].column("status").to_pylist())
            kept.append(_Kept(document.documents, prepared.quality_lines, counts, entry.supersedes if entry else None))
        for name, stream in streams.items():
            if name != "quality":
                stream.close()
        rows = [d.documents[0] for d in kept if d.documents]
        ids_by_path = {row.source_path.removeprefix(raw_prefix): row.document_id for row in rows}
        supersedes = {
            d.documents[0].document_id: ids_by_path[d.supersedes]
            for d in kept
            if d.documents and d.supersedes in ids_by_path
        }
        changes_kept = ChangesCache(paths.build / "changes", normalized_sha256, code_fingerprint())
        comparison = compare_documents(rows, spill.get, supersedes, changes_kept)
        changes_kept.remove_unused()
    problems += [f"{paths.raw / MANIFEST_NAME}: {problem}" for problem in comparison.problems]
    per_document = {}
    for done in kept:
        quality = done.quality
        if done.documents:
            completed = NormalizedDocument(documents=done.documents)
            apply_places(completed, comparison.places.get(done.documents[0].document_id))
            quality = quality + [row_to_json_line(to_plain(row)) for row in completed.quality]  # after its own
            added = quality_counts([q.status for q in completed.quality])
            counts = {key: value + added.get(key, 0) for key, value in done.counts.items()}
            per_document[done.documents[0].document_id] = counts
        streams["quality"].write(json_lines_to_table(quality, TABLES["quality"][1]))
    streams["quality"].close()
    later: dict[str, Sequence[Any]] = {
        "documents": [row for d in kept for row in d.documents],
        "changes": comparison.changes,
        "initiative_links": comparison.links,
    }
    schemas = {**TABLES, **COMPARISON_TABLES}
    for name, found in later.items():
        write_parquet(folder / f"{name}.parquet", rows_to_table(found, schemas[name][1]))
    metrics = counts_to_metrics(per_document)
    write_json(folder / "metrics.json", metrics)
    write_json(folder / "plots" / "values_per_document.json", metrics_to_plot(metrics))
    write_json(folder / "datapackage.json", datapackage_descriptor())
    counts = {name: stream.rows for name, stream in streams.items()}
    counts |= {name: len(found) for name, found in later.items()}
    return {name: counts[name] for name in schemas}, problems
