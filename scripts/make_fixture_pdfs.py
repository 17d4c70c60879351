"""Render test PDFs for the PDF reader: cards of the two Fukuoka text dumps, laid out as office software prints them.

There is no real PDF of the plan documents, so this script prints the cards the dump
extractors read (`extractors.fukuoka_plan_cards`, `extractors.fukuoka_dx_cards`) into A4 PDFs:

* a card is a ruled table: a header row (number, title, departments) and a body whose left
  column is the description, merged down all rows, beside the 工程 grid (one column per fiscal
  year) and the 指標 rows; 工程/指標 headings span the year columns, a merged value cell spans
  two targets, an indicator name spans its header and value rows;
* the 工程 arrows are vector shapes across the year columns, in four styles taken in turn:
  block-arrow polygon, line with an arrow head (starting after the activity's text), filled
  bar, and the `→` glyph as text;
* PyMuPDF's built-in Japanese font (`fontname="japan"`, not embedded, so the files stay small);
  its Latin glyphs get half-width metrics, as in MS Mincho;
* full-width digits in year headings and card numbers, raised small digits for footnote marks,
  letter-spaced headings (`工　程`), overprinted "fake bold" titles, running headers
  (`1.くらしのDX`) and page numbers, cards split across pages (the plan's body table continues
  on the next page; the DX group header is repeated there, as the real document does);
* `layout_features.pdf` exercises the block model on its own (paragraph order, headers, arrow
  placement, vertical and letter-spaced text, fill-only table, hidden text, no-ToUnicode font);
  the bad files: image only, encrypted, truncated, corrupt, empty.

Every run writes the same bytes (fixed metadata and file ID; hand-made RC4 for the encrypted one).

Usage: .venv/bin/python scripts/make_fixture_pdfs.py [--out tests/fixtures/pdf]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import pymupdf
import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import fukuoka_dx_cards, fukuoka_plan_cards  # noqa: E402
from extractors.card_grid import INDICATOR_MARK, SCHEDULE_MARK, heading_of, is_year_heading_row  # noqa: E402
from extractors.model import RawCard  # noqa: E402
from extractors.walk import Item, is_footnote_definition, walk  # noqa: E402
from pipeline.blocks import Row  # noqa: E402
from pipeline.read_text import read_text_dump  # noqa: E402
from recognizers.schedule import is_continuation  # noqa: E402

PLAN_DUMP = ROOT / "raw" / "fukuoka_gyosei_unei_plan_2021_draft.txt"
DX_DUMP = ROOT / "raw" / "fukuoka_dx_strategy_action_items_2023.txt"
# Where the real PDFs the fixtures copy pages from are (not in the repository): PLANCARDS_REAL_PDFS.
REAL_PDFS = Path(os.environ.get("PLANCARDS_REAL_PDFS", "real_pdfs"))
REAL_NAMES = (
    "otoineppu_kyuyo_teiin_r7.pdf",
    "otoineppu_koudou_keikaku.pdf",
    "nobeoka_r8_june_supplementary_budget.pdf",
    "fuji_r7_budget_shizei.pdf",
)
PLAN_CARDS = 13  # cards 1..13 (the plan extractor needs card numbers from 1 without gaps)
DX_GROUPS = ("1-1", "1-2", "1-5", "1-6", "1-8", "1-10", "1-12", "2-2", "2-7", "4-1")
DX_SUBS = {"1-1": 3}  # only the first sub-items of groups with many
DX_SPLIT = {"1-1/2"}  # sub-items printed across a page break
DX_HEADERS = {1: "1.くらしのDX", 2: "2. まちのDX", 3: "3. しごとのDX", 4: "4. 行政のDX", 5: "5. DXを支える基盤"}

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 45.0, 550.0
TOP, BOTTOM = 64.0, 790.0
FONT = "japan"
PAD = 2.5
CELL_SIZE = 7.0
LEADING = 1.3
FIXED_ID = "<706c616e63617264732d66697874757265><706c616e63617264732d66697874757265>"
METADATA = {
    "producer": "plancards scripts/make_fixture_pdfs.py",
    "creator": "plancards fixtures",
    "creationDate": "D:20240401000000+09'00'",
    "modDate": "D:20240401000000+09'00'",
    "title": "",
    "author": "",
    "subject": "",
    "keywords": "",
}
LIGHT = (0.9, 0.9, 0.9)
ARROW_FILL = (0.55, 0.7, 0.9)
ARROW_STYLES = ("block", "line", "bar", "text")
# Never start a line with these (kinsoku, and the reader's bullet rule), never break inside Latin words.
_NO_LINE_START = set("、。，．）」』】〕・ー…％") | set("●○・※-①②③④⑤⑥⑦⑧⑨⑩【<")
_WORD = regex.compile(r"[A-Za-z0-9.,%/:()\-]")
_SUPERSCRIPT_RE = regex.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SUPER_TO_DIGIT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


# -- text metrics and wrapping ---------------------------------------------------------------


def char_width(ch: str, size: float) -> float:
    """Advance width in the PDF: Latin half an em (the /W set below), everything else a full em."""
    return size * (0.5 if " " <= ch <= "~" else 1.0)


def text_width(text: str, size: float) -> float:
    """Advance width of a string (superscript runs print at 60 % size)."""
    width = 0.0
    for part, sup in split_superscripts(text):
        width += sum(char_width(c, size * (0.6 if sup else 1.0)) for c in part)
    return width


def spaced_advance(ch: str, size: float) -> float:
    """Advance of a character in letter-spaced text: its width and 0.6 em of spacing."""
    return char_width(ch, size) + 0.6 * size


def split_superscripts(text: str) -> list[tuple[str, bool]]:
    """(text, is_superscript) runs; superscript runs are given as plain digits."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _SUPERSCRIPT_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group().translate(_SUPER_TO_DIGIT), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def _breakable(text: str, i: int) -> bool:
    """May a line end before text[i]?"""
    a, b = text[i - 1], text[i]
    if a == " " or b == " " or b in _NO_LINE_START:
        return False
    if _WORD.match(a) and _WORD.match(b):
        return False
    return not (_SUPERSCRIPT_RE.match(a) and _SUPERSCRIPT_RE.match(b))


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of a text in a box `width` wide: explicit newlines kept, long lines broken as office software does."""
    lines: list[str] = []
    for para in text.split("\n"):
        while para:
            if text_width(para, size) <= width:
                lines.append(para)
                break
            cut = 1
            while cut < len(para) and text_width(para[: cut + 1], size) <= width:
                cut += 1
            best = cut
            while best > 1 and not _breakable(para, best):
                best -= 1
            if best <= 1:
                best = cut  # one long word: break it anyway
            lines.append(para[:best])
            para = para[best:]
    return lines or [""]


# -- the page writer -------------------------------------------------------------------------


@dataclass
class Cell:
    """A cell of a table to print: its column, spans and text."""

    col: int
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    align: str = "left"  # left / center
    fill: tuple[float, float, float] | None = None
    size: float = CELL_SIZE
    bold: bool = False
    spaced: bool = False  # letter-spaced heading
    fullwidth: bool = False  # print digits full-width


@dataclass
class TableRow:
    """A table row; `arrows` lists (first column, last column) runs drawn as arrows."""

    cells: list[Cell]
    arrows: list[tuple[int, int]] = field(default_factory=list)
    min_height: float = 0.0
    style: str | None = None  # arrow style of this row (default: the next in ARROW_STYLES)


@dataclass
class TableSpec:
    """A ruled table: column widths and rows."""

    widths: list[float]
    rows: list[TableRow]
    repeat: Callable[[Writer], None] | None = None  # printed at the top of a continuation page
    break_before: int | None = None  # force a page break before this row (a card split on purpose)


class Writer:
    """Lays out paragraphs and ruled tables top to bottom over A4 pages."""

    def __init__(self, header: str | None = None) -> None:
        self.doc = pymupdf.open()
        self.page: pymupdf.Page | None = None
        self.y = TOP
        self.header = header
        self.arrow_turn = 0
        self.numbered = False

    # pages
    def new_page(self) -> None:
        """Start a page: running header and page number when the body has begun."""
        self.page = self.doc.new_page(width=PAGE_W, height=PAGE_H)
        self.y = TOP
        number = self.doc.page_count
        if self.numbered:
            label = f"- {number} -" if number % 2 else str(number)
            self.text_at((PAGE_W - text_width(label, 9)) / 2, 815, label, 9)
        if self.header and self.numbered:
            self.text_at(LEFT, 38, self.header, 9)

    def ensure(self, height: float) -> None:
        """A new page unless `height` fits below the cursor."""
        if self.page is None or self.y + height > BOTTOM:
            self.new_page()

    # text
    def text_at(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        bold: bool = False,
        spaced: bool = False,
        fullwidth: bool = False,
    ) -> None:
        """Print one line; superscript runs raised and small; `spaced` puts an em between characters."""
        assert self.page is not None
        if fullwidth:
            text = text.translate(_FULLWIDTH_DIGITS)
        if spaced:
            for ch in text:
                self._insert(x, baseline, ch, size, bold)
                x += spaced_advance(ch, size)
            return
        for part, sup in split_superscripts(text):
            psize = size * 0.6 if sup else size
            self._insert(x, baseline - (0.38 * size if sup else 0), part, psize, bold)
            x += sum(char_width(c, psize) for c in part)

    def _insert(self, x: float, baseline: float, text: str, size: float, bold: bool) -> None:
        assert self.page is not None
        self.page.insert_text((x, baseline), text, fontname=FONT, fontsize=size)
        if bold:  # fake bold: the same text again, a third of a point to the right
            self.page.insert_text((x + 0.3, baseline), text, fontname=FONT, fontsize=size)

    def paragraph(
        self, text: str, size: float = 9.0, before: float = 4.0, after: float = 4.0, bold: bool = False
    ) -> None:
        """A paragraph across the text column (wrapped), with space before and after."""
        lines = wrap(text, RIGHT - LEFT, size)
        self.ensure(before + len(lines) * size * LEADING)
        self.y += before
        for line in lines:
            self.text_at(LEFT, self.y + size, line, size, bold=bold)
            self.y += size * LEADING
        self.y += after

    def centered(self, text: str, size: float, y: float, bold: bool = False) -> None:
        """One centred line at a fixed height (cover pages)."""
        if self.page is None:
            self.new_page()
        self.text_at((PAGE_W - text_width(text, size)) / 2, y, text, size, bold=bold)

    # tables
    def table(self, spec: TableSpec, gap: float = 0.0, keep_rows: int = 3) -> None:
        """Print a ruled table, breaking between rows where the page ends.

        A merged cell cut by the break continues, empty, on the next page (its text must fit
        above the break: rows are moved on until it does). At least `keep_rows` rows stay
        together with the table's start.
        """
        xs = [LEFT]
        for w in spec.widths:
            xs.append(xs[-1] + w)
        _fill_gaps(spec)
        heights = _row_heights(spec, xs)
        self.ensure(gap + sum(heights[:keep_rows]))
        self.y += gap
        start = 0
        first_part = True
        while start < len(spec.rows):
            end = start
            used = 0.0
            while end < len(spec.rows) and self.y + used + heights[end] <= BOTTOM:
                used += heights[end]
                end += 1
            if spec.break_before is not None and start < spec.break_before < end:
                end = spec.break_before
            end = _text_fits(spec, heights, start, end, xs)
            if end == start:
                if first_part and start == 0:
                    self.new_page()
                    continue
                end = start + 1  # a single row taller than a page: print it anyway
            self._draw_rows(spec, xs, heights, start, end, continued=not first_part)
            start = end
            first_part = False
            if start < len(spec.rows):
                self.new_page()
                if spec.repeat is not None:
                    spec.repeat(self)

    def _draw_rows(
        self, spec: TableSpec, xs: list[float], heights: list[float], start: int, end: int, continued: bool
    ) -> None:
        assert self.page is not None
        ys = [self.y]
        for h in heights[start:end]:
            ys.append(ys[-1] + h)
        boxes: list[tuple[Cell, float, float, float, float, bool]] = []
        for r in range(start, end):
            for cell in spec.rows[r].cells:
                top_row = max(r, start)
                bottom_row = min(r + cell.rowspan, end)
                boxes.append(
                    (cell, xs[cell.col], ys[top_row - start], xs[cell.col + cell.colspan], ys[bottom_row - start], True)
                )
        if continued:
            # Merged cells that began above the break continue here, empty.
            for r in range(0, start):
                for cell in spec.rows[r].cells:
                    if r + cell.rowspan > start:
                        bottom_row = min(r + cell.rowspan, end)
                        boxes.append(
                            (cell, xs[cell.col], ys[0], xs[cell.col + cell.colspan], ys[bottom_row - start], False)
                        )
        shape = self.page.new_shape()
        for cell, x0, y0, x1, y1, _ in boxes:
            if cell.fill is not None:
                shape.draw_rect(pymupdf.Rect(x0, y0, x1, y1))
                shape.finish(fill=cell.fill, color=None, width=0)
        shape.commit()
        for r in range(start, end):
            self._draw_arrows(spec.rows[r], xs, ys[r - start], ys[r - start + 1])
        for cell, x0, y0, x1, _y1, with_text in boxes:
            if with_text and cell.text and not (cell.text == "→" and cell.col in _arrow_cols(spec.rows, cell)):
                self._cell_text(cell, x0, y0, x1)
        shape = self.page.new_shape()
        for _cell, x0, y0, x1, y1, _ in boxes:
            for a, b in (((x0, y0), (x1, y0)), ((x1, y0), (x1, y1)), ((x1, y1), (x0, y1)), ((x0, y1), (x0, y0))):
                shape.draw_line(a, b)
        shape.finish(color=(0, 0, 0), width=0.6)
        shape.commit()
        self.y = ys[-1]

    def _cell_text(self, cell: Cell, x0: float, y0: float, x1: float) -> None:
        size = cell.size
        if cell.spaced:
            width = sum(spaced_advance(ch, size) for ch in cell.text) - 0.6 * size
            self.text_at(x0 + (x1 - x0 - width) / 2, y0 + PAD + size, cell.text, size, bold=cell.bold, spaced=True)
            return
        y = y0 + PAD
        for line in wrap(cell.text, x1 - x0 - 2 * PAD, size):
            x = x0 + PAD
            if cell.align == "center":
                x = x0 + (x1 - x0 - text_width(line, size)) / 2
            self.text_at(x, y + size, line, size, bold=cell.bold, fullwidth=cell.fullwidth)
            y += size * LEADING

    def _draw_arrows(self, row: TableRow, xs: list[float], top: float, bottom: float) -> None:
        assert self.page is not None
        for first, last in row.arrows:
            style = row.style or ARROW_STYLES[self.arrow_turn % len(ARROW_STYLES)]
            self.arrow_turn += 1
            mid = (top + bottom) / 2
            x0, x1 = xs[first] + 4, xs[last + 1] - 4
            if style == "line":
                # Starts right after the activity's text when that text is short (inside its column).
                before = next((c for c in row.cells if c.col + c.colspan == first and c.text and c.text != "→"), None)
                if before is not None:
                    end = xs[before.col] + PAD + text_width(before.text, before.size) + 3
                    if text_width(before.text, before.size) < 0.45 * (xs[first] - xs[before.col]):
                        x0 = end
            if style == "text":
                w = text_width("→", CELL_SIZE)
                for cell in row.cells:
                    if cell.text == "→" and first <= cell.col <= last:
                        left, right = xs[cell.col], xs[cell.col + cell.colspan]
                        self.text_at((left + right - w) / 2, top + PAD + CELL_SIZE, "→", CELL_SIZE)
                continue
            shape = self.page.new_shape()
            if style == "block":
                h = min(10.0, (bottom - top) * 0.7)
                head = min(8.0, (x1 - x0) / 3)
                pts = [
                    (x0, mid - h / 4),
                    (x1 - head, mid - h / 4),
                    (x1 - head, mid - h / 2),
                    (x1, mid),
                    (x1 - head, mid + h / 2),
                    (x1 - head, mid + h / 4),
                    (x0, mid + h / 4),
                    (x0, mid - h / 4),
                ]
                shape.draw_polyline(pts)
                shape.finish(fill=ARROW_FILL, color=(0.2, 0.3, 0.5), width=0.4, closePath=True)
            elif style == "line":
                shape.draw_line((x0, mid), (x1 - 5, mid))
                shape.finish(color=(0, 0, 0), width=1.0)
                shape.draw_polyline([(x1 - 6, mid - 3), (x1, mid), (x1 - 6, mid + 3), (x1 - 6, mid - 3)])
                shape.finish(fill=(0, 0, 0), color=(0, 0, 0), width=0.3, closePath=True)
            else:  # bar
                h = min(5.0, (bottom - top) * 0.4)
                shape.draw_rect(pymupdf.Rect(x0, mid - h / 2, x1, mid + h / 2))
                shape.finish(fill=(0.6, 0.6, 0.6), color=None, width=0)
            shape.commit()

    # output
    def save(self, path: Path) -> None:
        """Give the font half-width Latin metrics, fix metadata and ID, and write the file."""
        _latin_widths(self.doc)
        _fix_identity(self.doc)
        path.write_bytes(self.doc.tobytes(garbage=4, deflate=True, no_new_id=True))


def _arrow_cols(rows: list[TableRow], cell: Cell) -> set[int]:
    for row in rows:
        if cell in row.cells:
            return {c for first, last in row.arrows for c in range(first, last + 1)}
    return set()


def _fill_gaps(spec: TableSpec) -> None:
    """Give every grid position a cell: positions no cell covers get an empty one (ruled like the rest)."""
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(spec.rows):
        for cell in row.cells:
            for rr in range(r, r + cell.rowspan):
                for cc in range(cell.col, cell.col + cell.colspan):
                    covered.add((rr, cc))
    for r, row in enumerate(spec.rows):
        for c in range(len(spec.widths)):
            if (r, c) not in covered:
                row.cells.append(Cell(c))
                covered.add((r, c))
        row.cells.sort(key=lambda cell: cell.col)


def _row_heights(spec: TableSpec, xs: list[float]) -> list[float]:
    """Each row as tall as its tallest single-row cell; merged cells stretch their last row."""
    heights = []
    for row in spec.rows:
        need = max([row.min_height, CELL_SIZE * LEADING + 2 * PAD])
        for cell in row.cells:
            if cell.rowspan == 1:
                need = max(need, _cell_height(cell, xs))
        heights.append(need)
    for r, row in enumerate(spec.rows):
        for cell in row.cells:
            if cell.rowspan > 1:
                span = sum(heights[r : r + cell.rowspan])
                missing = _cell_height(cell, xs) - span
                if missing > 0:
                    heights[r + cell.rowspan - 1] += missing
    return heights


def _cell_height(cell: Cell, xs: list[float]) -> float:
    width = xs[cell.col + cell.colspan] - xs[cell.col] - 2 * PAD
    lines = 1 if cell.spaced else len(wrap(cell.text, width, cell.size))
    return lines * cell.size * LEADING + 2 * PAD


def _text_fits(spec: TableSpec, heights: list[float], start: int, end: int, xs: list[float]) -> int:
    """Move the break up until every merged cell starting in start..end fits its text above it."""
    while end > start:
        ok = True
        for r in range(start, end):
            for cell in spec.rows[r].cells:
                cut = cell.rowspan > 1 and r + cell.rowspan > end and cell.text
                if cut and sum(heights[r:end]) < _cell_height(cell, xs):
                    ok = False
        if ok:
            return end
        end -= 1
    return end


def _latin_widths(doc: pymupdf.Document) -> None:
    """Half-width Latin (CIDs 1–130 of Adobe-Japan1: ASCII) for the non-embedded font, as MS Mincho prints it."""
    done: set[int] = set()
    for page in doc:
        for xref, _ext, ftype, *_ in page.get_fonts():
            if ftype != "Type0" or xref in done:
                continue
            done.add(xref)
            _kind, value = doc.xref_get_key(xref, "DescendantFonts")
            descendant = int(value.strip("[] ").split()[0])
            doc.xref_set_key(descendant, "W", "[1 130 500]")


def _fix_identity(doc: pymupdf.Document) -> None:
    doc.set_metadata(METADATA)
    doc.xref_set_key(-1, "ID", f"[{FIXED_ID.split('><')[0]}>{'<' + FIXED_ID.split('><')[1]}]")


# -- cards from the dumps ---------------------------------------------------------------------


@dataclass
class CardInput:
    """What is printed of one card: its record and the grid rows the extractor read."""

    card: RawCard
    rows: list[Row]


def capture_grid_rows(module: object, document: object) -> tuple[object, dict[str, list[Row]]]:
    """Run an extractor, recording the rows each card's grid reader was given (its `read_grid`)."""
    captured: dict[str, list[Row]] = {}
    original = module.read_grid  # type: ignore[attr-defined]

    def recording(card_path: str, rows: Sequence[Row]):  # type: ignore[no-untyped-def]
        captured[card_path] = list(rows)
        return original(card_path, rows)

    module.read_grid = recording  # type: ignore[attr-defined]
    try:
        extraction = module.extract(document)  # type: ignore[attr-defined]
    finally:
        module.read_grid = original  # type: ignore[attr-defined]
    return extraction, captured


def _year_labels(rows: list[Row]) -> list[str]:
    for row in rows:
        cells = [c.strip() for c in row.texts]
        if is_year_heading_row(cells):
            return [c for c in cells if c]
    return []


def _texts(row: Row) -> list[str]:
    return [t.strip() for t in row.texts if t.strip()]


def card_body(card: RawCard, rows: list[Row], desc_width: float, title_bold: bool) -> TableSpec:
    """The body table of a card: description merged down the left, 工程 grid and 指標 rows beside it."""
    years = _year_labels(rows)
    year_w = (RIGHT - LEFT - desc_width) / 4
    widths = [desc_width, year_w, year_w, year_w, year_w]
    body: list[TableRow] = []
    has_schedule = any(_texts(r) == [SCHEDULE_MARK] for r in rows)
    if has_schedule:
        body.append(TableRow([Cell(1, SCHEDULE_MARK, colspan=4, align="center", fill=LIGHT, spaced=True)]))
    if years:
        if len(years) != 4:
            raise ValueError(f"{card.path}: {len(years)} year columns")
        body.append(
            TableRow([Cell(1 + i, y, align="center", fill=LIGHT, fullwidth=i % 2 == 0) for i, y in enumerate(years)])
        )
    label: str | None = None
    for srow in card.schedule:
        if srow.label != label and srow.label:
            body.append(TableRow([Cell(1, srow.label, colspan=4)]))
        label = srow.label
        cells = [Cell(1 + years.index(c.year_label), c.text) for c in srow.cells]
        arrows: list[tuple[int, int]] = []
        for cell in cells:
            if is_continuation(cell.text) and cell.text == "→":
                if arrows and arrows[-1][1] == cell.col - 1:
                    arrows[-1] = (arrows[-1][0], cell.col)
                else:
                    arrows.append((cell.col, cell.col))
        body.append(TableRow(cells, arrows=arrows, min_height=13.0))
    body.extend(_indicator_rows(card, rows))
    if not body:
        body.append(TableRow([Cell(1, "", colspan=4)]))
    body[0].cells.insert(0, Cell(0, card.description or "", rowspan=len(body)))
    return TableSpec(widths, body)


def _indicator_rows(card: RawCard, rows: list[Row]) -> list[TableRow]:
    """The 指標 part, from the rows the extractor read: each row's texts in order, placed under the headings."""
    out: list[TableRow] = []
    section = False
    headings = 0
    pending_name: TableRow | None = None
    for row in rows:
        texts = _texts(row)
        if not texts:
            continue
        if texts[0] == INDICATOR_MARK and all(t == INDICATOR_MARK for t in texts):
            section = True
            out.append(TableRow([Cell(1, INDICATOR_MARK, colspan=4, align="center", fill=LIGHT, spaced=True)]))
            continue
        if not section:
            continue
        heads = [i for i, t in enumerate(texts) if heading_of(t)]
        if heads:
            first = heads[0]
            name, rest = " ".join(texts[:first]), texts[first:]
            if len(rest) > 3:
                raise ValueError(f"{card.path}: indicator header with {len(rest)} cells")
            cells = [Cell(1, name)] + [Cell(2 + i, t, align="center", fill=LIGHT) for i, t in enumerate(rest)]
            headings = len(rest)
            pending_name = TableRow(cells)
            out.append(pending_name)
            continue
        if len(texts) > 4:
            raise ValueError(f"{card.path}: indicator row with {len(texts)} values")
        if len(texts) == 4:
            out.append(TableRow([Cell(1 + i, t) for i, t in enumerate(texts)]))
            pending_name = None
            continue
        if pending_name is None and headings == 0:
            out.append(TableRow([Cell(1, " ".join(texts), colspan=4)]))  # name printed above its header
            continue
        cells = [Cell(2 + i, t) for i, t in enumerate(texts)]
        if headings > len(texts) and cells:
            cells[-1].colspan = 1 + headings - len(texts)  # one value across several targets
        if pending_name is not None and pending_name.cells[0].text:
            pending_name.cells[0].rowspan = 2
        else:
            cells.insert(0, Cell(1, ""))
        out.append(TableRow(cells))
        pending_name = None
    return out


def stack(top: TableSpec, bottom: TableSpec) -> TableSpec:
    """One table of two: rows of `top` above rows of `bottom`, on the union of their column rules
    (a card is one ruled table: its header row splits the columns differently from its body)."""
    edges_top = [sum(top.widths[:i]) for i in range(len(top.widths) + 1)]
    edges_bottom = [sum(bottom.widths[:i]) for i in range(len(bottom.widths) + 1)]
    edges = sorted({round(x, 2) for x in edges_top + edges_bottom})
    widths = [b - a for a, b in pairwise(edges)]

    def remap(spec_edges: list[float], rows: list[TableRow]) -> list[TableRow]:
        out = []
        for row in rows:
            cells = []
            for cell in row.cells:
                c0 = edges.index(round(spec_edges[cell.col], 2))
                c1 = edges.index(round(spec_edges[cell.col + cell.colspan], 2))
                cells.append(
                    Cell(
                        c0,
                        cell.text,
                        c1 - c0,
                        cell.rowspan,
                        cell.align,
                        cell.fill,
                        cell.size,
                        cell.bold,
                        cell.spaced,
                        cell.fullwidth,
                    )
                )
            arrows = [
                (edges.index(round(spec_edges[a], 2)), edges.index(round(spec_edges[b + 1], 2)) - 1)
                for a, b in row.arrows
            ]
            out.append(TableRow(cells, arrows, row.min_height, row.style))
        return out

    _fill_gaps(top)
    return TableSpec(widths, remap(edges_top, top.rows) + remap(edges_bottom, bottom.rows))


def card_header(number: str, title: str, departments: str | None, bold: bool, fullwidth: bool) -> TableSpec:
    """The header row of a card or sub-item: number, title, departments."""
    return TableSpec(
        [34.0, 331.0, 140.0],
        [
            TableRow(
                [
                    Cell(0, number, align="center", fill=LIGHT, size=9.0, fullwidth=fullwidth),
                    Cell(1, title, size=9.0, bold=bold),
                    Cell(2, departments or "", size=8.0),
                ],
                min_height=16.0,
            )
        ],
    )


# -- the plan (seed 000) --------------------------------------------------------------------------


_POLICY_RE = regex.compile(r"^(?:取組方針\s*\d|推進項目\s*[①-⑳]|○)")


def plan_pdf(path: Path) -> None:
    """行政運営プラン 原案: cover, 索引 of the printed cards, cards 1..PLAN_CARDS with their headings and footnotes."""
    document = read_text_dump(PLAN_DUMP.name, PLAN_DUMP.read_bytes())
    extraction, grid_rows = capture_grid_rows(fukuoka_plan_cards, document)
    items = list(walk(document))
    index, body_start = fukuoka_plan_cards._index_entries(items)
    cards = [c for c in extraction.cards if int(c.path.split("/")[0]) <= PLAN_CARDS]  # type: ignore[attr-defined]
    stop = next(c.source_line for c in extraction.cards if c.path == str(PLAN_CARDS + 1))  # type: ignore[attr-defined]
    info = extraction.info  # type: ignore[attr-defined]

    w = Writer(header="福岡市 行政運営プラン（原案）")
    w.centered(info.title, 28, 300, bold=True)
    w.centered(info.edition or "", 18, 345)
    w.centered(info.published or "", 14, 430)
    w.centered(info.municipality, 16, 470)
    w.y = 560
    start, _, end = (info.period or "").partition("～")
    w.paragraph("2 計画期間", size=11, bold=True)
    w.paragraph(f"{start}から{end}までの4年間", size=10)

    w.new_page()
    w.numbered = True
    w.paragraph("索引", size=14, bold=True, after=8)
    rows = [
        TableRow(
            [
                Cell(0, "No.", align="center", fill=LIGHT),
                Cell(1, "実行項目", align="center", fill=LIGHT),
                Cell(2, "所管局", align="center", fill=LIGHT),
                Cell(3, "頁", align="center", fill=LIGHT),
            ]
        )
    ]
    for number in range(1, PLAN_CARDS + 1):
        title, departments = index[number]
        rows.append(
            TableRow(
                [
                    Cell(0, str(number), align="center"),
                    Cell(1, title),
                    Cell(2, departments),
                    Cell(3, f"P {9 + number // 3}", align="center"),
                ]
            )
        )
    w.table(TableSpec([34.0, 300.0, 121.0, 50.0], rows))
    w.new_page()
    line_of = {c.path: c.source_line for c in cards}
    previous = items[body_start - 1].row.line or 0
    for position, card in enumerate(cards):
        _plan_between(w, items, previous, card.source_line or 0)
        previous = card.source_line or 0
        _print_card(w, card, grid_rows.get(card.path, []), position, sub=card.parent_path is not None)
    _plan_between(w, items, previous, stop)
    assert all(line_of.values())
    w.save(path)


def _plan_between(w: Writer, items: list[Item], after: int, before: int) -> None:
    """Headings (取組方針 / 推進項目 / ○group) and footnote definitions printed between two cards."""
    for item in items:
        line = item.row.line or 0
        if not after < line < before or item.table is not None or len(item.texts) != 1:
            continue
        text = item.texts[0]
        if _POLICY_RE.match(text):
            size = 13.0 if text.startswith("取組方針") else 11.0 if text.startswith("推進項目") else 10.0
            w.paragraph(text, size=size, before=8.0, after=4.0, bold=text.startswith("取組方針"))
        elif is_footnote_definition(text):
            w.paragraph(text, size=7.0, before=2.0, after=2.0)


def _print_card(w: Writer, card: RawCard, rows: list[Row], position: int, sub: bool) -> None:
    number = card.item_no
    header = card_header(number, card.title, card.departments, bold=position % 3 == 0, fullwidth=position % 4 == 1)
    if not rows and not card.description:
        w.table(header, gap=8.0 if not sub else 2.0)
        return
    body = card_body(card, rows, 190.0, False)
    w.table(stack(header, body), gap=8.0 if not sub else 4.0, keep_rows=4)


# -- the DX action items (seed 002) --------------------------------------------------------------


def dx_pdf(path: Path) -> None:
    """DX戦略 実行項目集: cover, a two-column 目次 of the printed groups, group and sub-item cards."""
    document = read_text_dump(DX_DUMP.name, DX_DUMP.read_bytes())
    extraction, grid_rows = capture_grid_rows(fukuoka_dx_cards, document)
    items = list(walk(document))
    toc = fukuoka_dx_cards.read_toc(items)
    groups = [g for g in toc.groups if g.path in DX_GROUPS]
    by_path = {c.path: c for c in extraction.cards}  # type: ignore[attr-defined]
    info = extraction.info  # type: ignore[attr-defined]
    period_text = next(
        t for item in items for t in item.texts[:1] if "令和5年度から令和8年度までの4年間" in t and len(item.texts) == 1
    )

    w = Writer()
    w.centered(info.title, 24, 320, bold=True)
    w.centered(info.published or "", 14, 420)
    w.centered(info.municipality, 16, 460)

    w.new_page()
    w.paragraph("目次", size=14, bold=True, after=8)
    entries: list[list[tuple[str, str]]] = [[], []]
    half = (len(groups) + 1) // 2
    chapters_done: set[int] = set()
    for i, group in enumerate(groups):
        column = entries[0 if i < half else 1]
        if group.chapter not in chapters_done:
            chapters_done.add(group.chapter)
            column.append((f"{group.chapter}. {toc.chapters[group.chapter]}", ""))
        column.append((f"{group.path}. {group.title}", group.page or ""))
        for sub in group.subs[: DX_SUBS.get(group.path, len(group.subs))]:
            column.append((f"{sub.mark}{sub.title}", sub.page or ""))
    toc_rows = []
    for k in range(max(len(entries[0]), len(entries[1]))):
        cells = []
        for column, entry in enumerate(entries):
            text, page = entry[k] if k < len(entry) else ("", "")
            cells += [Cell(2 * column, text), Cell(2 * column + 1, page, align="center")]
        toc_rows.append(TableRow(cells))
    w.table(TableSpec([222.0, 30.5, 222.0, 30.5], toc_rows))
    w.paragraph("はじめに", size=12, bold=True, before=12)
    w.paragraph(period_text, size=9)

    position = 0
    chapter = 0
    for group in groups:
        if group.chapter != chapter:
            chapter = group.chapter
            w.header = DX_HEADERS[group.chapter]
            w.numbered = True
            w.new_page()
        card = by_path[group.path]
        number = group.path.split("-")[1]

        def repeat(writer: Writer, number: str = number, card: RawCard = card) -> None:
            writer.table(card_header(number, card.title, None, bold=False, fullwidth=False), keep_rows=1)

        header = card_header(number, card.title, card.departments, bold=position % 3 == 0, fullwidth=False)
        if card.description or grid_rows.get(card.path):
            body = card_body(card, grid_rows.get(card.path, []), 190.0, False)
            combined = stack(header, body)
            combined.repeat = repeat
            w.table(combined, gap=10.0, keep_rows=4)
        else:
            w.table(header, gap=10.0, keep_rows=1)
        position += 1
        for sub in group.subs[: DX_SUBS.get(group.path, len(group.subs))]:
            sub_card = by_path[f"{group.path}/{sub.number}"]
            sub_header = card_header(sub.mark, sub_card.title, sub_card.departments, bold=False, fullwidth=False)
            body = card_body(sub_card, grid_rows.get(sub_card.path, []), 190.0, False)
            combined = stack(sub_header, body)
            combined.repeat = repeat
            if sub_card.path in DX_SPLIT:
                # Split on purpose before the 指標 rows: the group header is repeated on the next page.
                combined.break_before = next(
                    i for i, row in enumerate(combined.rows) if any(c.text == INDICATOR_MARK for c in row.cells)
                )
            w.table(combined, gap=6.0, keep_rows=4)
            position += 1
    w.save(path)


# -- the block-model features --------------------------------------------------------------------


def layout_pdf(path: Path) -> None:
    """One document with each feature the block-model tests look at (see tests/test_read_pdf.py)."""
    w = Writer(header="レイアウト確認用資料")
    w.numbered = True
    w.new_page()
    w.paragraph("第１章　文書の構成", size=14, bold=True)
    w.paragraph(
        "この資料は、PDF読取りの確認のために作成したものです。本文は段落として読み取られ、"
        "行末で折り返された文は一つの段落につながります。脚注記号²は上付き文字になります。",
        size=10,
    )
    w.paragraph("・箇条書きの一行目", size=10, before=1, after=1)
    w.paragraph("・箇条書きの二行目", size=10, before=1, after=1)
    # letter-spaced heading and letter-spaced numbers, full-width digits
    w.text_at(LEFT, w.y + 20, "事業概要", 12, spaced=True)
    w.text_at(LEFT + 150, w.y + 20, "２０２４年度", 12)
    w.y += 30
    grid = TableSpec(
        [80.0, 70.0, 70.0, 70.0, 70.0, 145.0],
        [
            TableRow(
                [
                    Cell(0, "取組", align="center", fill=LIGHT, rowspan=2),
                    Cell(1, "工程", colspan=4, align="center", fill=LIGHT, spaced=True),
                    Cell(5, "備考", align="center", fill=LIGHT, rowspan=2),
                ]
            ),
            TableRow(
                [Cell(1 + i, f"{y}年度", align="center", fill=LIGHT, fullwidth=True) for i, y in enumerate("5678")]
            ),
            TableRow([Cell(0, "ブロック矢印"), Cell(1, "準備"), Cell(5, "")], arrows=[(2, 4)], min_height=14),
            TableRow([Cell(0, "線の矢印"), Cell(1, "検討"), Cell(5, "")], arrows=[(2, 3)], min_height=14),
            TableRow([Cell(0, "帯"), Cell(2, "設計"), Cell(5, "")], arrows=[(3, 4)], min_height=14),
            TableRow([Cell(0, "文字の矢印"), Cell(1, "運用"), Cell(2, "→"), Cell(3, "→"), Cell(4, "→")], min_height=14),
            TableRow(
                [Cell(0, "矢印から始まる"), Cell(3, "拡大"), Cell(5, "前年度から継続")],
                arrows=[(1, 2)],
                min_height=14,
                style="block",
            ),
        ],
    )
    w.arrow_turn = 0
    w.table(grid, gap=4)
    w.paragraph("表の下の注記：金額は 2 , 0 5 0 千円です。", size=9, before=6)
    w.table(
        TableSpec(
            [100.0, 120.0],
            [TableRow([Cell(0, "歳出額", spaced=True), Cell(1, "2,050,134", spaced=True, size=8.0)])],
        ),
        gap=4,
    )
    # a table that continues on the next page, with a merged cell cut by the break
    w.paragraph("第２章　ページをまたぐ表", size=14, bold=True, before=10)
    long_rows = [
        TableRow(
            [
                Cell(0, "区分", fill=LIGHT, align="center"),
                Cell(1, "内容", fill=LIGHT, align="center"),
                Cell(2, "金額", fill=LIGHT, align="center"),
            ]
        )
    ]
    long_rows.append(TableRow([Cell(0, "継続する区分", rowspan=40), Cell(1, "項目1"), Cell(2, "1,000")], min_height=15))
    for k in range(2, 41):
        long_rows.append(TableRow([Cell(1, f"項目{k}"), Cell(2, f"{k},000")], min_height=15))
    w.table(TableSpec([120.0, 265.0, 120.0], long_rows))
    # narrow cells with stacked (vertical) headings; a fill-only table; hidden white text
    w.paragraph("第３章　縦書きと塗りの表", size=14, bold=True, before=10)
    w.table(
        TableSpec(
            [22.0, 200.0, 120.0],
            [
                TableRow(
                    [Cell(0, "内\n訳", rowspan=2, align="center"), Cell(1, "物価高騰対策事業"), Cell(2, "439,931")]
                ),
                TableRow([Cell(1, "その他事務事業"), Cell(2, "139,924")]),
            ],
        )
    )
    _fill_only_table(w)
    assert w.page is not None
    w.page.insert_text((LEFT, 780), "非表示の注記", fontname=FONT, fontsize=8, color=(1, 1, 1))
    # a page whose font has no ToUnicode map
    w.new_page()
    w.paragraph("第４章　文字コードのないフォント", size=14, bold=True)
    font = pymupdf.Font(FONT)
    w.page.insert_font(fontname="F9", fontbuffer=font.buffer)  # type: ignore[union-attr]
    w.page.insert_text((LEFT, w.y + 20), "この行は文字化けします", fontname="F9", fontsize=10)  # type: ignore[union-attr]
    w.y += 30
    w.paragraph("この行は読めます。", size=10)
    w.doc.subset_fonts()
    for page in w.doc:
        for xref, _ext, _ftype, basefont, *_ in page.get_fonts():
            if "+" in basefont:
                w.doc.xref_set_key(xref, "ToUnicode", "null")
                # A fixed subset tag: MuPDF picks a random one, and fixtures must not change between runs.
                w.doc.xref_set_key(xref, "BaseFont", "/PLANCA+DroidSansFallback")
                _kind, value = w.doc.xref_get_key(xref, "DescendantFonts")
                descendant = int(value.strip("[] ").split()[0])
                w.doc.xref_set_key(descendant, "BaseFont", "/PLANCA+DroidSansFallback")
                fd = w.doc.xref_get_key(descendant, "FontDescriptor")[1].split()[0]
                w.doc.xref_set_key(int(fd), "FontName", "/PLANCA+DroidSansFallback")
    w.save(path)


def _fill_only_table(w: Writer) -> None:
    """A 3×3 table whose cells are shaded boxes with white gaps and no ruling lines."""
    assert w.page is not None
    w.y += 12
    texts = [["項目", "単位", "数量"], ["用紙", "枚", "1,200"], ["封筒", "枚", "300"]]
    widths = [120.0, 60.0, 80.0]
    y = w.y
    shape = w.page.new_shape()
    for r, row in enumerate(texts):
        x = LEFT
        for c, _text in enumerate(row):
            rect = pymupdf.Rect(x, y, x + widths[c] - 1.0, y + 15.0)
            shape.draw_rect(rect)
            shape.finish(fill=(0.8, 0.88, 0.95) if r == 0 else (0.92, 0.92, 0.92), color=None, width=0)
            x += widths[c]
        y += 16.0
    shape.commit()
    y = w.y
    for row in texts:
        x = LEFT
        for c, text in enumerate(row):
            w.text_at(x + 3, y + 11, text, 9)
            x += widths[c]
        y += 16.0
    w.y = y + 6


# -- the reader's known losses -------------------------------------------------------------------

RED = (0.85, 0.0, 0.0)
BLUE = (0.0, 0.2, 0.8)
WHITE = (1.0, 1.0, 1.0)
PINK = (1.0, 0.87, 0.87)
# Header fills, from dark to light: white text reads on each of them.
HEADER_FILLS = ((0.18, 0.32, 0.58), (0.36, 0.58, 0.84), (0.33, 0.62, 0.35), (0.56, 0.78, 0.45), (0.93, 0.49, 0.18))
# Overprinted fake bold: the copies office software draws, a few tenths of a point apart.
BOLD_COPIES = ((0.0, 0.0), (0.3, 0.0), (0.0, 0.3), (0.3, 0.3))
BAR_LIGHT = (0.55, 0.7, 0.9)
BAR_DARK = (0.36, 0.58, 0.84)


def _edges(start: float, sizes: Sequence[float]) -> list[float]:
    out = [start]
    for size in sizes:
        out.append(out[-1] + size)
    return out


def _fill(page: pymupdf.Page, box: tuple[float, float, float, float], color: tuple[float, float, float]) -> None:
    shape = page.new_shape()
    shape.draw_rect(pymupdf.Rect(*box))
    shape.finish(fill=color, color=None, width=0)
    shape.commit()


def _put(
    page: pymupdf.Page,
    x: float,
    baseline: float,
    text: str,
    size: float,
    color: tuple[float, float, float] = (0.0, 0.0, 0.0),
    render_mode: int = 0,
) -> None:
    page.insert_text((x, baseline), text, fontname=FONT, fontsize=size, color=color, render_mode=render_mode)


def _ruling(page: pymupdf.Page, xs: list[float], ys: list[float], merged: set[tuple[int, int]]) -> None:
    """Every row and column line of a grid; `merged` holds (row, column line) pairs left out (merged cells)."""
    shape = page.new_shape()
    for y in ys:
        shape.draw_line((xs[0], y), (xs[-1], y))
    for r, (top, bottom) in enumerate(pairwise(ys)):
        for c, x in enumerate(xs):
            if (r, c) not in merged:
                shape.draw_line((x, top), (x, bottom))
    shape.finish(color=(0, 0, 0), width=0.6)
    shape.commit()


def losses_pdf(path: Path) -> None:
    """The reader's known losses, as office software prints plans (see tests/test_pdf_reader_losses.py).

    Page 1: an indicator table whose header row is white text on coloured fills (the fills first,
    then the headers cell by cell, each drawn twice a third of a point apart: fake bold). The
    headers nearly fill their cells, so one header's second copy and the next header's first copy
    stand side by side on one line.
    Red and blue body text, red text on a pink fill; a white note on the bare page and a note in
    render mode 3: those two are invisible.

    Page 2: a 工程 grid (white headers drawn three and four times over a green fill) whose activity
    texts are printed over filled bars spanning three year columns and cross a column line: a bar
    drawn under the grid's rules, a bar drawn over them (as office software draws shapes) with a
    white label, and a text across a merged cell; a white label on a block arrow.
    """
    w = Writer()
    w.new_page()
    page = w.page
    assert page is not None
    w.paragraph("第1表　重要業績評価指標の状況", size=11)
    xs = _edges(LEFT, [78.0, 92.0, 92.0, 56.0, 114.0])
    ys = _edges(w.y, [18.0, 18.0, 18.0, 18.0])
    headers = (
        "重要業績評価指標",
        "現状値（令和5年度）",
        "目標値（令和9年度）",
        "達成率（%）",
        "担当課・担当係・内線番号",
    )
    for c, color in enumerate(HEADER_FILLS):
        _fill(page, (xs[c], ys[0], xs[c + 1], ys[1]), color)
    for c, text in enumerate(headers):
        x = (xs[c] + xs[c + 1] - text_width(text, 9.0)) / 2
        for dx, dy in BOLD_COPIES[:2]:
            _put(page, x + dx, ys[0] + 12.5 + dy, text, 9.0, WHITE)
    _fill(page, (xs[1], ys[2], xs[2], ys[3]), PINK)
    body = [
        [("電子申請の利用率", None), ("45%", RED), ("80%", BLUE), ("56%", None), ("デジタル推進課", None)],
        [("窓口の待ち時間", None), ("20分", RED), ("10分", BLUE), ("50%", None), ("区政推進課", None)],
        [("コンビニ交付件数", None), ("1,200件", None), ("3,000件", RED), ("40%", BLUE), ("市民課", None)],
    ]
    for r, row in enumerate(body, start=1):
        for c, (text, color) in enumerate(row):
            _put(page, xs[c] + PAD, ys[r] + 12.5, text, 8.0, color or (0.0, 0.0, 0.0))
    _put(page, xs[4] + 70.0, ys[1] + 12.5, "社内確認用", 8.0, WHITE)  # white on the bare page
    _put(page, xs[4] + 70.0, ys[2] + 12.5, "非表示", 8.0, render_mode=3)  # invisible text
    _ruling(page, xs, ys, set())

    w.new_page()
    page = w.page
    assert page is not None
    w.paragraph("第2表　工程表", size=11)
    xs = _edges(LEFT, [120.0, 70.0, 70.0, 70.0, 70.0, 105.0])
    ys = _edges(w.y, [16.0, 20.0, 20.0, 20.0, 20.0, 20.0])
    _fill(page, (xs[0], ys[0], xs[-1], ys[1]), HEADER_FILLS[2])
    for c, text in enumerate(("取組", "令和6年度", "令和7年度", "令和8年度", "令和9年度", "備考")):
        x = (xs[c] + xs[c + 1] - text_width(text, 8.0)) / 2
        for dx, dy in BOLD_COPIES[: 4 if c in (0, 5) else 3]:
            _put(page, x + dx, ys[0] + 11.0 + dy, text, 8.0, WHITE)
    for r, text in enumerate(("基盤整備", "窓口改革", "検討", "調査研究", "周知啓発"), start=1):
        _put(page, xs[0] + PAD, ys[r] + 13.5, text, 9.0)

    def bar(r: int, first: int, last: int, color: tuple[float, float, float]) -> None:
        # Starts a little into its first year (the activity starts in the second half of that year).
        mid = (ys[r] + ys[r + 1]) / 2
        _fill(page, (xs[first] + 30.0, mid - 5.5, xs[last + 1] - 4.0, mid + 5.5), color)

    # A bar under the rules, its activity printed over it across the 令和6/令和7 line.
    bar(1, 1, 3, BAR_LIGHT)
    _put(page, xs[1] + 31.5, ys[1] + 13.5, "システム導入を進める", 9.0)
    # Across a merged cell (令和6-令和7 without a line between them).
    _put(page, xs[1] + PAD, ys[3] + 13.5, "庁内検討と方針の決定", 9.0)
    # Short texts in neighbouring year cells stay apart.
    _put(page, xs[1] + PAD, ys[4] + 13.5, "調査", 9.0)
    _put(page, xs[2] + PAD, ys[4] + 13.5, "設計", 9.0)
    # A block arrow over 令和8-令和9 with a white label in its shaft.
    mid = (ys[5] + ys[6]) / 2
    x0, x1 = xs[3] + 4.0, xs[5] - 4.0
    shape = page.new_shape()
    shape.draw_polyline(
        [
            (x0, mid - 4),
            (x1 - 8, mid - 4),
            (x1 - 8, mid - 7),
            (x1, mid),
            (x1 - 8, mid + 7),
            (x1 - 8, mid + 4),
            (x0, mid + 4),
        ]
    )
    shape.finish(fill=HEADER_FILLS[0], color=None, width=0, closePath=True)
    shape.commit()
    _put(page, x0 + 4.0, ys[5] + 13.5, "広報", 9.0, WHITE)
    _ruling(page, xs, ys, {(3, 2)})
    # A bar drawn over the rules (a shape), with a white label across the 令和7/令和8 line.
    bar(2, 2, 4, BAR_DARK)
    _put(page, xs[2] + 31.5, ys[2] + 13.5, "窓口予約の運用開始", 9.0, WHITE)
    w.save(path)


# -- bad files ----------------------------------------------------------------------------------


def image_only_pdf(path: Path) -> None:
    """A scan: one page that is a picture of text, no text layer."""
    src = pymupdf.open()
    page = src.new_page(width=300, height=200)
    page.insert_text((30, 100), "スキャンした文書", fontname=FONT, fontsize=20)
    pix = page.get_pixmap(dpi=60, colorspace=pymupdf.csGRAY)
    w = Writer()
    w.new_page()
    assert w.page is not None
    w.page.insert_image(pymupdf.Rect(40, 40, 555, 383), stream=pix.tobytes("png"))
    w.save(path)


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted_pdf(path: Path) -> None:
    """A one-page PDF encrypted with a user password (Standard handler R2, 40-bit RC4), written by hand.

    MuPDF picks a new random file key on every save, so its encrypted output would change each
    run; the handful of objects here are encrypted by this script instead, deterministically.
    """
    pad = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
    file_id = bytes.fromhex("706c616e63617264732d66697874757265")
    user, owner = b"user", b"owner"
    perms = -44
    owner_key = hashlib.md5((owner + pad)[:32]).digest()[:5]
    o_value = _rc4(owner_key, (user + pad)[:32])
    key = hashlib.md5((user + pad)[:32] + o_value + perms.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
    u_value = _rc4(key, pad)

    def enc(num: int, data: bytes) -> bytes:
        return _rc4(hashlib.md5(key + num.to_bytes(3, "little") + b"\x00\x00").digest()[:10], data)

    content = b"BT /F1 24 Tf 72 720 Td (Secret) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + enc(4, content) + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + o_value.hex().encode()
        + b"> /U <"
        + u_value.hex().encode()
        + b"> /P "
        + str(perms).encode()
        + b" >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 6 0 R /ID [<%s><%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        file_id.hex().encode(),
        file_id.hex().encode(),
        xref,
    )
    path.write_bytes(bytes(out))


def bad_pdfs(out: Path) -> None:
    """Truncated (a valid fixture cut in half), corrupt (a PDF header, then noise) and empty files."""
    whole = (out / "layout_features.pdf").read_bytes()
    (out / "truncated.pdf").write_bytes(whole[: len(whole) // 2])
    noise = bytes((i * 73 + 41) % 256 for i in range(4000))
    (out / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + noise + b"\n%%EOF\n")
    (out / "empty.pdf").write_bytes(b"")


def copy_real(out: Path) -> Iterator[str]:
    """Copy the small real PDFs (each under 1 MB) into real/."""
    target = out / "real"
    target.mkdir(parents=True, exist_ok=True)
    for name in REAL_NAMES:
        source = REAL_PDFS / name
        if not source.is_file():
            yield f"skipped {name}: not found in {REAL_PDFS}"
            continue
        if source.stat().st_size >= 1_000_000:
            yield f"skipped {name}: {source.stat().st_size:,} bytes (fixtures stay under 1 MB)"
            continue
        shutil.copyfile(source, target / name)
        yield f"copied real/{name}"


def main(argv: Sequence[str] | None = None) -> None:
    """Write every fixture and list them with their sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "pdf")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    plan_pdf(out / "fukuoka_plan_cards.pdf")
    dx_pdf(out / "fukuoka_dx_cards.pdf")
    layout_pdf(out / "layout_features.pdf")
    losses_pdf(out / "reader_losses.pdf")
    image_only_pdf(out / "image_only.pdf")
    encrypted_pdf(out / "encrypted.pdf")
    bad_pdfs(out)
    for message in copy_real(out):
        print(message)
    for path in sorted(out.glob("*.pdf")):
        print(f"{path.relative_to(ROOT)}\t{path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
