"""Opening a PDF safely: every way a file can be unreadable becomes one DocumentError line.

MuPDF repairs damaged files silently (a truncated file opens, with pages missing or empty),
so damage is looked for before and after opening: a file must end with `%%EOF`, open without
a password, and have at least one page. MuPDF's own messages are kept off stderr and read
back as warnings instead.
"""

from __future__ import annotations

from pipeline.errors import DocumentError
from pipeline.mupdf import pymupdf

_TAIL = 2048  # `%%EOF` may be followed by a little whitespace or junk from mail gateways


def open_pdf(path: str, data: bytes) -> pymupdf.Document:
    """The opened document, or DocumentError naming what is wrong with the file."""
    if not data.strip():
        raise DocumentError(path, "empty file")
    if b"%PDF-" not in data[:1024]:
        raise DocumentError(path, "not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-_TAIL:]:
        raise DocumentError(path, "truncated PDF: the file ends without %%EOF (download or copy cut short?)")
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_warnings(reset=True)
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except MemoryError:
        raise  # not a damaged file: the memory limit, reported as such by the isolation
    except Exception as exc:  # MuPDF raises several types (FileDataError, RuntimeError) for bad files
        raise DocumentError(path, f"corrupt PDF: {_first_line(exc)}") from exc
    if doc.needs_pass:
        doc.close()
        raise DocumentError(path, "encrypted PDF: it needs a password to open; save an unencrypted copy first")
    try:
        pages = doc.page_count  # MuPDF counts lazily: a damaged page tree fails here, not in open()
    except RuntimeError as exc:
        doc.close()
        raise DocumentError(path, f"corrupt PDF: {_first_line(exc)}") from exc
    if pages == 0:
        doc.close()
        raise DocumentError(path, "corrupt PDF: no pages")
    return doc


def repair_note() -> str | None:
    """What MuPDF had to repair while reading, as a note, or None."""
    warnings = pymupdf.TOOLS.mupdf_warnings(reset=True)
    if not warnings:
        return None
    first = warnings.splitlines()[0]
    return f"MuPDF warnings while reading: {first}" + (" (and more)" if "\n" in warnings else "")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
