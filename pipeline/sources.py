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


def document_id_for(path: Path) -> str:
    """Stable id from the file name: same name, same id (letters, digits, `_` and `-` kept)."""
    return _ID_RE.sub("-", path.stem).strip("-").lower() or "document"


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
    found = []
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        inside = path.relative_to(raw_dir).parts
        if any(part.startswith(".") for part in inside) or path.name in IGNORED_NAMES:
            continue
        try:
            relative = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        found.append((path, relative, "/".join(inside)))
    ids = unique_ids([inside for _, _, inside in found])
    return [
        Source(path, relative, ids[inside], sha256_of(path), path.stat().st_size) for path, relative, inside in found
    ]


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
            by_path.setdefault(_ID_RE.sub("-", path).strip("-").lower() or "document", []).append(path)
        for path_id, same in by_path.items():
            for path in same:
                out[path] = path_id + (_path_hash(path) if len(same) > 1 else "")
    # A path's id may still meet another file's name id (`x.pdf` → `x-pdf` beside `x-pdf.txt`).
    counts: dict[str, int] = {}
    for document_id in out.values():
        counts[document_id] = counts.get(document_id, 0) + 1
    return {path: i + _path_hash(path) if counts[i] > 1 else i for path, i in out.items()}


def _path_hash(path: str) -> str:
    return f"-{hashlib.sha256(path.encode()).hexdigest()[:8]}"


def source_format(data: bytes) -> str:
    """`pdf` when the bytes open with the PDF signature, otherwise `text`."""
    return "pdf" if data[:1024].lstrip().startswith(b"%PDF-") else "text"


def read_document(path: str, data: bytes) -> Document:
    """Choose the reader from the content and return the block model."""
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(path, f"file of {len(data):,} bytes exceeds the {MAX_FILE_BYTES:,}-byte limit")
    if source_format(data) == "pdf":
        # Imported here: the PDF stack (PyMuPDF, pdfplumber) costs every process that reads only dumps.
        from pipeline.read_pdf import read_pdf

        return read_pdf(path, data)
    return read_text_dump(path, data)
