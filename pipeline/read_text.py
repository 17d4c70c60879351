"""Reader for text dumps of PDFs: bytes to the block model.

Tab-separated lines become table rows (consecutive ones form one table), HTML
`<table>` markup becomes a table of its own, other lines become paragraphs. A blank
line ends a table. Line numbers are 1-based, as `str.split("\\n")` counts them.

A dump that prints its columns as runs of spaces instead (`pdftotext -layout`, `.md`
dumps: form feeds, gapped lines, pipe tables, and no tab or HTML table) goes to
`read_layout_text`; `is_layout_dump` holds the rule.
"""

from __future__ import annotations

from pipeline.blocks import Block, Cell, Document, Page, Paragraph, Row, Table
from pipeline.errors import DocumentError
from pipeline.html_text import has_open_table, html_table_to_rows, html_to_text, split_tables
from pipeline.read_layout_text import is_layout_dump, layout_text_to_document

# Japanese public data often comes as Shift_JIS; CP932 is its Windows superset.
ENCODINGS = ("utf-8-sig", "cp932")
MAX_TEXT_BYTES = 64 * 1024 * 1024


def decode_dump(path: str, data: bytes) -> tuple[str, str, str | None]:
    """Decode a dump: (text, encoding used, truncation note or None).

    A file cut inside its last UTF-8 character is decoded up to the cut and reported as
    truncated; empty, binary, oversized and undecodable input raises DocumentError.
    """
    if not data.strip():
        raise DocumentError(path, "empty file")
    if len(data) > MAX_TEXT_BYTES:
        raise DocumentError(path, f"text dump of {len(data):,} bytes exceeds the {MAX_TEXT_BYTES:,}-byte limit")
    if b"\x00" in data[:65536]:
        raise DocumentError(path, "binary file (NUL bytes), not a text dump")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding, None
        except UnicodeDecodeError as exc:
            if encoding == "utf-8-sig" and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
                note = "truncated: the file ends inside a UTF-8 character"
                return data[: exc.start].decode(encoding), encoding, note
    raise DocumentError(path, "undecodable text: neither UTF-8 nor Shift_JIS/CP932")


def text_to_document(path: str, text: str, notes: tuple[str, ...] = ()) -> Document:
    """Turn a decoded dump into the block model (one page); a table cut off at the end is dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and has_open_table(lines[-1]):
        notes = (*notes, f"truncated: line {len(lines)} ends inside an HTML <table>")
        lines[-1] = lines[-1][: lines[-1].lower().rfind("<table")]
    blocks: list[Block] = []
    pending: list[Row] = []

    def flush() -> None:
        if pending:
            blocks.append(Table(rows=tuple(pending), origin="tab", line=pending[0].line))
            pending.clear()

    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            flush()
            continue
        cells = raw.split("\t")
        tables: list[str] = []
        for index, cell in enumerate(cells):
            if "<table" in cell.lower():
                rest, found = split_tables(cell)
                cells[index] = rest
                tables.extend(found)
        if len(cells) > 1:
            pending.append(Row(cells=tuple(Cell(html_to_text(c)) for c in cells), line=number))
        else:
            flush()
            body = html_to_text(cells[0])
            if body:
                blocks.append(Paragraph(text=body, line=number))
        if tables:
            flush()
            for markup in tables:
                blocks.append(Table(rows=html_table_to_rows(markup, number), origin="html", line=number))
    flush()
    return Document(path=path, source_format="text", pages=(Page(number=1, blocks=tuple(blocks)),), notes=notes)


def read_text_dump(path: str, data: bytes) -> Document:
    """Bytes of a text dump to its block model (tab or layout reader, by content); notes say how it was
    decoded and whether it was cut."""
    text, encoding, truncated = decode_dump(path, data)
    decoded = f"decoded as {'utf-8' if encoding == 'utf-8-sig' else encoding}"
    notes = (decoded, truncated) if truncated else (decoded,)
    if is_layout_dump(text):
        return layout_text_to_document(path, text, notes)
    return text_to_document(path, text, notes)
