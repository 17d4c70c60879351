"""pdfplumber's table finder, for the one kind of table the fast grid cannot see: tables without rules.

Some office documents mark their cells with background fills only (a shaded box per cell,
white gaps between them) and draw no ruling lines. `pdf_grid` builds tables from ruling
lines alone — it must, because filled bars are 工程 arrows, not cell borders — so such a page
would come out as loose paragraphs. pdfplumber's lattice finder turns every rectangle edge
into a candidate rule and intersects them; that is the better tool here, and at ~10 pages/s
too slow to run on every page. It runs only on pages where filled boxes with text in them
touch each other outside any ruled table, and only its tables that overlap no ruled table are
used. PyMuPDF still supplies the characters and the drawings; pdfplumber only the cell boxes.
"""

from __future__ import annotations

import io
from bisect import bisect_left
from collections.abc import Callable

from pipeline.mupdf import pymupdf
from pipeline.pdf_drawings import Box
from pipeline.pdf_grid import SNAP, Grid, Region

_TOUCH = 1.5  # points: boxes this close share an edge
_MIN_BOXES = 3
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 2, "join_tolerance": 2}


def needs_fallback(fills: list[Box], grids: list[Grid], has_text: Callable[[Box], bool]) -> bool:
    """True when at least `_MIN_BOXES` filled boxes holding text touch each other outside every ruled table.

    The cheap tests come first: most pages have no loose fills at all, and the text test (which
    looks at characters) runs only on boxes that already touch one another.
    """
    loose = [
        box
        for box in fills
        if box.x1 - box.x0 >= 8.0
        and box.y1 - box.y0 >= 6.0
        and not any(g.contains((box.x0 + box.x1) / 2, box.cy) for g in grids)
    ]
    if len(loose) < _MIN_BOXES:
        return False
    touching = _touching(loose)
    return len(touching) >= _MIN_BOXES and sum(1 for box in touching if has_text(box)) >= _MIN_BOXES


_BUCKET = 24.0  # points: boxes are found by the buckets of this size they cover


def _touching(boxes: list[Box]) -> list[Box]:
    """The boxes that touch another, in their order; neighbours are found through a bucket grid, so a
    page of 10⁴ small fills costs a pass, not 10⁸ comparisons."""
    buckets: dict[tuple[int, int], list[int]] = {}

    def cells(box: Box) -> list[tuple[int, int]]:
        x0, x1 = int((box.x0 - _TOUCH) // _BUCKET), int((box.x1 + _TOUCH) // _BUCKET)
        y0, y1 = int((box.y0 - _TOUCH) // _BUCKET), int((box.y1 + _TOUCH) // _BUCKET)
        return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]

    for index, box in enumerate(boxes):
        for cell in cells(box):
            buckets.setdefault(cell, []).append(index)
    found = []
    for index, box in enumerate(boxes):
        near = {other for cell in cells(box) for other in buckets[cell]} - {index}
        if any(_touch(box, boxes[other]) for other in sorted(near)):
            found.append(box)
    return found


def _touch(a: Box, b: Box) -> bool:
    overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
    overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
    side_by_side = overlap_y > 0 and (abs(a.x1 - b.x0) <= _TOUCH or abs(b.x1 - a.x0) <= _TOUCH)
    stacked = overlap_x > 0 and (abs(a.y1 - b.y0) <= _TOUCH or abs(b.y1 - a.y0) <= _TOUCH)
    return side_by_side or stacked


class PlumberPages:
    """Runs pdfplumber on single pages of a document PyMuPDF has open.

    The page is copied into a one-page PDF first: pdfplumber (pdfminer) would otherwise parse
    the whole document, which costs seconds on a long one, for the sake of one page.
    """

    def __init__(self, doc: pymupdf.Document) -> None:
        self._doc = doc
        self.used_on: list[int] = []
        self.failed_on: list[tuple[int, str]] = []  # (page number, pdfplumber's error): tables of fills not read

    def grids(self, index: int) -> list[Grid]:
        """Grids of the tables pdfplumber finds on page `index` (0-based), in PyMuPDF's coordinates.

        pdfplumber failing on a page PyMuPDF reads (pdfminer is stricter about damaged files) costs
        that page its fill-only tables, noted in `failed_on`, not the document.
        """
        try:
            return self._grids(index)
        except MemoryError:
            raise
        except Exception as exc:  # pdfminer raises many types for files MuPDF repaired
            self.failed_on.append((index + 1, f"{type(exc).__name__}: {str(exc)[:80]}"))
            return []

    def _grids(self, index: int) -> list[Grid]:
        import pdfplumber  # imported here: only the rare fallback pays for pdfminer's import

        single = pymupdf.open()
        single.insert_pdf(self._doc, from_page=index, to_page=index)
        data = single.tobytes()
        single.close()
        out = []
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            page = pdf.pages[0]
            dx, dy = page.bbox[0], page.bbox[1]
            for table in page.find_tables(table_settings=_SETTINGS):
                cells = [(x0 - dx, top - dy, x1 - dx, bottom - dy) for x0, top, x1, bottom in table.cells]
                grid = cells_to_grid(cells)
                if grid is not None:
                    out.append(grid)
        if out:
            self.used_on.append(index + 1)
        return out


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return out


def _index(positions: list[float], value: float) -> int:
    i = bisect_left(positions, value - SNAP)
    return min(i, len(positions) - 1)


def cells_to_grid(cells: list[tuple[float, float, float, float]]) -> Grid | None:
    """A Grid from cell boxes: distinct edges are the grid lines, each box one (merged) cell."""
    if len(cells) < 2:
        return None
    xs = _cluster([c[0] for c in cells] + [c[2] for c in cells])
    ys = _cluster([c[1] for c in cells] + [c[3] for c in cells])
    if len(xs) < 2 or len(ys) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1
    owner = [[-1] * cols for _ in range(rows)]
    regions: list[Region] = []
    for x0, top, x1, bottom in sorted(cells, key=lambda c: (c[1], c[0])):
        r0, r1 = _index(ys, top), _index(ys, bottom)
        c0, c1 = _index(xs, x0), _index(xs, x1)
        if r1 <= r0 or c1 <= c0 or any(owner[r][c] != -1 for r in range(r0, r1) for c in range(c0, c1)):
            continue
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner[r][c] = len(regions)
        regions.append(Region(r0, c0, r1, c1))
    for r in range(rows):
        for c in range(cols):
            if owner[r][c] == -1:
                owner[r][c] = len(regions)
                regions.append(Region(r, c, r + 1, c + 1))
    return Grid(xs, ys, regions, owner)
