"""Reader for PDFs: bytes to the same block model the text-dump reader produces.

Pages are read one at a time (`pdf_page`: PyMuPDF characters and drawings → ruled tables,
arrows, paragraphs), so working memory does not grow with the page count; only the small
drafts of each page are kept until the end, when running headers and page numbers are
dropped (`pdf_margins`) and tables continued across page breaks are joined (`pdf_join`).

Tables come out as a text dump prints them, so that extractors written against dumps read
PDFs unchanged: every row holds one cell per column of the table's grid, in column order. A
merged cell carries its text and its `colspan`/`rowspan` at its top-left position; the other
positions it covers hold empty cells, as a dump's padding tabs do. `Table.origin` is `pdf`;
tables printed without ruling (text aligned in columns, `pdf_aligned`) are `aligned`, one row
per printed line; every row and paragraph carries the page it was printed on (`line` is None).

Which library does what (see each module for why):
* PyMuPDF (`pymupdf`): characters (`get_text("rawdict")`, which also gives the filled areas in
  paint order, and `get_texttrace` to spot fonts without a ToUnicode map), vector drawings
  (`get_cdrawings`), opening and validating the file — everything on every page, because it is fast;
* pdfplumber: the table finder, only on pages whose cells are marked by fills without any
  ruling line (`pdf_plumber`), where its rectangle-edge lattice is the better tool.
"""

from __future__ import annotations

from pipeline.blocks import BBox, Block, Cell, Document, Page, Paragraph, Row, Table
from pipeline.errors import DocumentError
from pipeline.mupdf import pymupdf
from pipeline.pdf_aligned import AlignedDraft
from pipeline.pdf_chars import FontCheck
from pipeline.pdf_drawings import MAX_PATHS_PER_PAGE
from pipeline.pdf_join import join_pages
from pipeline.pdf_margins import drop_margins
from pipeline.pdf_open import open_pdf, repair_note
from pipeline.pdf_page import PageDraft, TableDraft, TextDraft, read_page
from pipeline.pdf_plumber import PlumberPages
from pipeline.pdf_visibility import HIDDEN_NOTES

OCR_ADVICE = "add a text layer first, e.g. `ocrmypdf -l jpn in.pdf out.pdf`"
_SHRINK_EVERY = 25  # pages: how often MuPDF's object store is emptied (fonts, images of past pages)


def read_pdf(path: str, data: bytes) -> Document:
    """Bytes of a PDF to its block model; DocumentError (one line naming the file) when it cannot be read."""
    doc = open_pdf(path, data)
    plumber = PlumberPages(doc)
    try:
        drafts = _read_pages(path, doc, plumber)
        page_count = doc.page_count
    finally:
        doc.close()
    notes = _check_text(path, drafts)
    numbers, headers = drop_margins(drafts)
    joins = join_pages(drafts)
    notes.append(f"{page_count} pages; dropped {numbers} page numbers and {headers} running headers/footers")
    if joins:
        notes.append(f"{joins} tables continued across a page break joined")
    if plumber.used_on:
        notes.append(f"tables of fill-only cells read with pdfplumber on pages {_pages(plumber.used_on)}")
    if plumber.failed_on:
        failures = "; ".join(f"page {number}: {error}" for number, error in plumber.failed_on)
        notes.append(f"tables of fill-only cells not read (pdfplumber failed, the text is read): {failures}")
    repaired = repair_note()
    if repaired:
        notes.append(repaired)
    pages = tuple(Page(number=d.number, blocks=tuple(_block(item) for item in d.items)) for d in drafts)
    return Document(path=path, source_format="pdf", pages=pages, page_count=page_count, notes=tuple(notes))


def _read_pages(path: str, doc: pymupdf.Document, plumber: PlumberPages) -> list[PageDraft]:
    fonts = FontCheck(doc)
    drafts = []
    for index in range(doc.page_count):
        try:
            page = doc.load_page(index)
            drafts.append(read_page(page, index + 1, fonts, plumber))
        except DocumentError:
            raise
        except Exception as exc:  # MuPDF raises plain RuntimeErrors for damaged content streams
            raise DocumentError(path, f"corrupt PDF: page {index + 1} cannot be read ({exc})") from exc
        if index % _SHRINK_EVERY == _SHRINK_EVERY - 1:
            pymupdf.TOOLS.store_shrink(100)
    return drafts


def _pages(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def _check_text(path: str, drafts: list[PageDraft]) -> list[str]:
    """Refuse a PDF without any text layer; report pages whose text is missing or was left out."""
    if not any(d.chars for d in drafts):
        unreadable = sorted({font for d in drafts for font in d.unmapped_fonts})
        if unreadable:
            pages = _pages([d.number for d in drafts if d.unmapped_fonts])
            raise DocumentError(
                path,
                f"no readable text: the text on pages {pages} is in font {', '.join(unreadable)} without a "
                f"ToUnicode map (its codes are glyph ids, not text); {OCR_ADVICE}",
            )
        if any(d.images for d in drafts):
            raise DocumentError(
                path, f"image-only PDF: no text layer on any page ({len(drafts)} scanned); {OCR_ADVICE}"
            )
        raise DocumentError(path, f"no text on any page ({len(drafts)} pages: blank, or text drawn as outlines)")
    notes = []
    image_only = [d.number for d in drafts if not d.chars and d.images]
    if image_only:
        notes.append(f"pages without a text layer (images only): {_pages(image_only)}; {OCR_ADVICE}")
    unmapped = [(d.number, font) for d in drafts for font in d.unmapped_fonts]
    if unmapped:
        fonts = sorted({font for _, font in unmapped})
        notes.append(
            f"text left out on pages {_pages(sorted({n for n, _ in unmapped}))}: font {', '.join(fonts)} "
            "has no ToUnicode map (its codes are glyph ids, not text)"
        )
    for reason, note in HIDDEN_NOTES.items():
        hidden = sum(d.hidden.get(reason, 0) for d in drafts)
        if hidden:
            notes.append(note.format(n=hidden))
    duplicates = sum(d.duplicates for d in drafts)
    if duplicates:
        notes.append(f"{duplicates} overprinted duplicate characters dropped (fake bold)")
    crowded = [(d.number, d.skipped_paths) for d in drafts if d.skipped_paths]
    if crowded:
        pages = ", ".join(f"{number} ({count:,})" for number, count in crowded)
        notes.append(
            f"drawings not read on pages {pages}: more paths than the {MAX_PATHS_PER_PAGE:,} read per page, "
            "so their ruling lines, arrows and fills are missing (text is read)"
        )
    return notes


def _box(x0: float, top: float, x1: float, bottom: float) -> BBox:
    """A box rounded to 0.1 pt: enough to find the print, and stable across runs."""
    return (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))


def _block(item: TableDraft | TextDraft | AlignedDraft) -> Block:
    if isinstance(item, TextDraft):
        return Paragraph(text=item.text, page=item.page, bbox=_box(item.x0, item.top, item.x1, item.bottom))
    if isinstance(item, AlignedDraft):
        return _aligned(item)
    grid = item.grid
    shifts = item.row_shift or [0.0] * len(grid.owner)
    rows = []
    for r, owners in enumerate(grid.owner):
        cells = []
        shift = shifts[r]
        for c, index in enumerate(owners):
            region = grid.regions[index]
            if region.r0 == r and region.c0 == c:
                shaded = bool(item.shaded) and item.shaded[index]
                # A cell merged down across a page break is placed by its part on its first page.
                last = region.r0
                while last + 1 < region.r1 and item.row_pages[last + 1] == item.row_pages[region.r0]:
                    last += 1
                x0, x1 = grid.xs[region.c0], grid.xs[region.c1]
                bbox = _box(x0, grid.ys[region.r0] - shift, x1, grid.ys[last + 1] - shift)
                cells.append(Cell(item.texts[index], region.c1 - region.c0, region.r1 - region.r0, shaded, bbox))
            else:
                cells.append(Cell(""))  # covered by a merged cell: padding, as in a dump
        row_box = _box(grid.xs[0], grid.ys[r] - shift, grid.xs[-1], grid.ys[r + 1] - shift)
        rows.append(Row(cells=tuple(cells), page=item.row_pages[r], bbox=row_box))
    return Table(rows=tuple(rows), origin="pdf", page=item.page)


def _aligned(item: AlignedDraft) -> Table:
    """A table of aligned text: a cell per column of each line, boxed by its column's extent and its line's band."""
    rows = []
    for texts, (top, bottom) in zip(item.rows, item.bands, strict=True):
        cells = tuple(
            Cell(text, bbox=_box(x0, top, x1, bottom)) for text, (x0, x1) in zip(texts, item.columns, strict=True)
        )
        rows.append(Row(cells=cells, page=item.page, bbox=_box(item.x0, top, item.x1, bottom)))
    return Table(rows=tuple(rows), origin="aligned", page=item.page)
