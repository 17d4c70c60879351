"""Crafted PDFs that used to stall or mislead the reader, built in memory, byte for byte the same each time.

Each is one A4 page written as a PDF writer would (a compressed content stream and a Helvetica
font), with one line of text so that the reader gets past "no text" and meets the drawings.
"""

from __future__ import annotations

import zlib

from pipeline.mupdf import pymupdf

_TEXT = b"BT /F1 9 Tf 1 0 0 1 30 820 Tm (Plan 2026) Tj ET\n"


def one_page_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page draws `content` (PDF operators) with Helvetica as /F1."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def small_fills(n: int = 10_000) -> bytes:
    """`n` small grey boxes in rows, touching their neighbours: the fill-only-table check's worst case."""
    boxes = b"".join(b"0.8 g %.1f %d 6 5 re f\n" % (20 + (i % 100) * 5.5, 20 + (i // 100) * 8) for i in range(n))
    return one_page_pdf(_TEXT + boxes)


def arrow_heads(n: int = 100_000, columns: int = 300) -> bytes:
    """`n` tiny filled triangles (arrow heads) in a dense grid, with a shaft line under each row."""
    heads = b"".join(
        b"0 g %.1f %.1f m %.1f %.1f l %.1f %.1f l f\n" % (x, y, x + 1.5, y + 0.6, x, y + 1.2)
        for x, y in ((20 + (i % columns) * 1.8, 20 + (i // columns) * 2.4) for i in range(n))
    )
    shafts = b"".join(
        b"0 G 0.5 w 10 %.1f m 19.9 %.1f l S\n" % (y, y) for y in (20.6 + r * 2.4 for r in range(n // columns))
    )
    return one_page_pdf(_TEXT + heads + shafts)


def same_text_spans(n: int = 100_000) -> bytes:
    """`n` spans of the same word, each position printed five times over (fake bold taken to its end)."""
    spans = b"".join(b"1 0 0 1 %d %d Tm (same) Tj\n" % (20 + (i % 50) * 10, 20 + (i // 50) % 400 * 2) for i in range(n))
    return one_page_pdf(_TEXT + b"BT /F1 9 Tf " + spans + b" ET")


def unmapped_font_only() -> bytes:
    """A page whose only text is in a subset CID font without a ToUnicode map: its codes are glyph ids."""
    doc = pymupdf.open()
    page = doc.new_page()
    font = pymupdf.Font("japan")
    page.insert_font(fontname="F9", fontbuffer=font.buffer)
    page.insert_text((72, 100), "この行は文字化けします", fontname="F9", fontsize=10)
    doc.subset_fonts()
    for xref, _ext, _type, basefont, *_ in page.get_fonts():
        if "+" in basefont:
            doc.xref_set_key(xref, "ToUnicode", "null")
            doc.xref_set_key(xref, "BaseFont", "/PLANCA+DroidSansFallback")  # MuPDF's subset tag is random
    data = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return data


def with_tounicode(cmap: bytes) -> bytes:
    """`unmapped_font_only()` with `cmap` as its font's ToUnicode stream (a CMap, or anything at all)."""
    doc = pymupdf.open(stream=unmapped_font_only())
    stream = doc.get_new_xref()
    doc.update_object(stream, "<<>>")
    doc.update_stream(stream, cmap)
    for xref, *_ in doc[0].get_fonts():
        doc.xref_set_key(xref, "ToUnicode", f"{stream} 0 R")
    data = doc.tobytes(no_new_id=True)
    doc.close()
    return data
