"""The block model every reader produces and every extractor reads.

A document is a sequence of pages; a page is a sequence of blocks in reading order.
A block is either a paragraph of text or a table of rows of cells. Each block and
each table row remembers where it came from (1-based line of a text dump, or 1-based
page of a PDF), so every extracted record can point back at the document.

Cell text is plain text: readers strip markup (HTML tags become line breaks or nothing)
so that extractors never see how the source encoded it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

#: Where a PDF printed something: (x0, top, x1, bottom) in points from the page's top-left corner.
BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Cell:
    """One table cell; spans are 1 unless the source merged cells.

    `shaded` says the cell's background is filled (a PDF's cell shading): a spreadsheet's 工程表
    draws its bars that way, so recognizers may read an empty shaded year cell as a continuation.
    """

    text: str
    colspan: int = 1
    rowspan: int = 1
    shaded: bool = False
    bbox: BBox | None = None


@dataclass(frozen=True)
class Row:
    """One table row: its cells left to right, and where it was printed."""

    cells: tuple[Cell, ...]
    line: int | None = None
    page: int | None = None
    bbox: BBox | None = None

    @property
    def texts(self) -> tuple[str, ...]:
        """The cells' texts, left to right."""
        return tuple(c.text for c in self.cells)


@dataclass(frozen=True)
class Paragraph:
    """Text outside any table."""

    text: str
    line: int | None = None
    page: int | None = None
    bbox: BBox | None = None


@dataclass(frozen=True)
class Table:
    """A table; `origin` says how the source encoded it.

    * `tab`: tab-separated rows of a dump, one cell per tab-separated field;
    * `html`: `<table>` markup in a dump; rows hold one cell per printed cell (spans on the cell);
    * `pdf`: rulings of a PDF; rows hold one cell per grid column, like a dump's tab row: a merged
      cell sits at its top-left position with its spans, and the positions it covers hold empty cells;
    * `layout`: columns printed as runs of spaces in a layout-preserving dump (`pdftotext -layout`);
      each row is one printed line, holding one cell per column of the table ('' where the line
      prints nothing in that column);
    * `md`: a Markdown pipe table in a dump; rows hold one cell per `|`-separated cell;
    * `aligned`: text printed in aligned columns without ruling in a PDF (a chart's data block
      under its year headings); each row is one printed line, holding one cell per column, the
      label column first when a line prints a label left of the columns ('' where a line prints
      nothing in a column); cells carry the box of their column and line.

    Rows of a dump carry `line` (and, in a layout dump, `page`); rows of a PDF carry `page` (their
    `line` is None).
    """

    rows: tuple[Row, ...]
    origin: str = "tab"
    line: int | None = None
    page: int | None = None


Block = Paragraph | Table


@dataclass(frozen=True)
class Page:
    """One page: of a PDF; of a layout dump, the text between form feeds; a whole tab dump is one page."""

    number: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A whole document as read by one reader."""

    path: str
    source_format: str  # "text" or "pdf"
    pages: tuple[Page, ...]
    page_count: int | None = None
    notes: tuple[str, ...] = field(default=())

    def blocks(self) -> Iterator[Block]:
        """Every block of every page, in reading order."""
        for page in self.pages:
            yield from page.blocks

    def text(self) -> str:
        """All text of the document, one block or row per line (used to detect the layout)."""
        return self._joined_text

    @functools.cached_property
    def _joined_text(self) -> str:
        # Built once: every profile's detect reads it.
        out: list[str] = []
        for block in self.blocks():
            if isinstance(block, Paragraph):
                out.append(block.text)
            else:
                out.extend("\t".join(r.texts) for r in block.rows)
        return "\n".join(out)
