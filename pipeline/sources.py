"""Raw documents: finding them, naming them, and choosing a reader from their bytes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.blocks import Document
from pipeline.errors import DocumentError
from pipeline.read_pdf import read_pdf
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
    """Every document file under raw/, sorted by path (hidden files and the manifest skipped)."""
    sources = []
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        if path.name.startswith(".") or path.name in IGNORED_NAMES:
            continue
        try:
            relative = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            relative = path.as_posix()
        sources.append(Source(path, relative, document_id_for(path), sha256_of(path), path.stat().st_size))
    return sources


def source_format(data: bytes) -> str:
    """`pdf` when the bytes open with the PDF signature, otherwise `text`."""
    return "pdf" if data[:1024].lstrip().startswith(b"%PDF-") else "text"


def read_document(path: str, data: bytes) -> Document:
    """Choose the reader from the content and return the block model."""
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(path, f"file of {len(data):,} bytes exceeds the {MAX_FILE_BYTES:,}-byte limit")
    if source_format(data) == "pdf":
        return read_pdf(path, data)
    return read_text_dump(path, data)
