"""Raw documents: finding them, naming them, and choosing a reader from their bytes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.blocks import Document
from pipeline.errors import DocumentError
from pipeline.read_text import read_text_dump

MAX_FILE_BYTES = 512 * 1024 * 1024
_ID_RE = regex.compile(r"[^0-9A-Za-z_\-]+")
IGNORED_NAMES = frozenset({"manifest.json", "README.md", ".gitkeep"})


@dataclass(frozen=True)
class Source:
    """One raw file: where it is, its stable id and its content hash."""

    path: Path
    relative_path: str
    document_id: str
    sha256: str
    size: int


#: Longest id taken whole from a name; a longer one is cut and gets a hash of the name (stage files are
#: named by the id, and file names are limited to 255 bytes).
MAX_ID_CHARS = 120


def document_id_for(path: Path) -> str:
    """Stable id from the file name: same name, same id (letters, digits, `_` and `-` kept)."""
    return _short(_ID_RE.sub("-", path.stem).strip("-").lower() or "document", path.name)


def _short(document_id: str, name: str) -> str:
    if len(document_id) <= MAX_ID_CHARS:
        return document_id
    return document_id[:MAX_ID_CHARS] + _path_hash(name)


def printable_path(text: str) -> str:
    """A path as it can be written to a table or a terminal line: bytes that are not UTF-8 as `\\xNN`,
    control characters (a newline in a file name) as escapes."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def sha256_of(path: Path) -> str:
    """sha256 of the file's bytes, read in chunks so a huge file costs no memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def discover(raw_dir: Path, root: Path) -> list[Source]:
    """Every document file under raw/, sorted by path (hidden files and folders and the manifest skipped).

    Ids are unique: files whose names give one id (`x.pdf` beside `x.md`, `sub/x.txt` beside
    `x.txt`, names of Japanese only) each get one from their path under raw/ instead (`unique_ids`).
    """
    try:
        prefix = raw_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        prefix = raw_dir.name
    found = []
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        inside = path.relative_to(raw_dir).parts
        if any(part.startswith(".") for part in inside) or path.name in IGNORED_NAMES:
            continue
        # Relative to the project even for a symlink to a file elsewhere: where the user put it.
        found.append((path, printable_path(f"{prefix}/{'/'.join(inside)}"), "/".join(inside)))
    ids = unique_ids([inside for _, _, inside in found])
    return [Source(path, relative, ids[inside], *_fingerprint(path)) for path, relative, inside in found]


def _fingerprint(path: Path) -> tuple[str, int]:
    """(sha256, size) of a file; ("", 0) for one that cannot be read (its reader says why, alone)."""
    try:
        return sha256_of(path), path.stat().st_size
    except OSError:
        return "", 0


def unique_ids(paths: list[str]) -> dict[str, str]:
    """The document id of each path under raw/: from its file name (`document_id_for`), or, where
    several names give one id, from the whole path with its extension (`sub/x.txt` → `sub-x-txt`),
    and a short hash of the path where even those meet (`a b.txt` / `a-b.txt`, `Plan` / `plan`)."""
    by_name: dict[str, list[str]] = {}
    for path in paths:
        by_name.setdefault(document_id_for(Path(path)), []).append(path)
    out: dict[str, str] = {}
    for name_id, group in by_name.items():
        if len(group) == 1:
            out[group[0]] = name_id
            continue
        by_path: dict[str, list[str]] = {}
        for path in group:
            path_id = _short(_ID_RE.sub("-", path).strip("-").lower() or "document", path)
            by_path.setdefault(path_id, []).append(path)
        for path_id, same in by_path.items():
            for path in same:
                out[path] = path_id + (_path_hash(path) if len(same) > 1 else "")
    # A path's id may still meet another file's name id (`x.pdf` → `x-pdf` beside `x-pdf.txt`).
    counts: dict[str, int] = {}
    for document_id in out.values():
        counts[document_id] = counts.get(document_id, 0) + 1
    return {path: i + _path_hash(path) if counts[i] > 1 else i for path, i in out.items()}


def _path_hash(path: str) -> str:
    return f"-{hashlib.sha256(path.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"


def source_format(data: bytes) -> str:
    """`pdf` when the PDF signature is in the first 1,024 bytes (readers accept junk before it, as
    mail gateways leave), otherwise `text`."""
    return "pdf" if b"%PDF-" in data[:1024] else "text"


def file_format(path: Path) -> str:
    """`source_format` of a file from its first 1,024 bytes; `text` when it cannot be read (its
    reading then reports why)."""
    try:
        with path.open("rb") as handle:
            return source_format(handle.read(1024))
    except OSError:
        return source_format(b"")


def read_document(path: str, data: bytes) -> Document:
    """Choose the reader from the content and return the block model."""
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(path, f"file of {len(data):,} bytes exceeds the {MAX_FILE_BYTES:,}-byte limit")
    if source_format(data) == "pdf":
        # Imported here: the PDF stack (PyMuPDF, pdfplumber) costs every process that reads only dumps.
        from pipeline.read_pdf import read_pdf

        return read_pdf(path, data)
    return read_text_dump(path, data)
