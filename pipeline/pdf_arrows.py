"""Arrow drawings of a 工程 grid mapped onto the year columns they span.

A text dump prints `→` in every year cell an activity continues into; a PDF usually draws
one shape across those cells instead. Each arrow (block arrow, line with head, filled bar) is
placed in the grid row holding its vertical centre, and marks each column it covers for at
least half the column's width (an arrow that starts after the activity's text, inside the
text's own column, or whose tip pokes into the next column, marks only the columns it really
spans). A head drawn alone marks the column it stands in. Cells marked this way that hold no
text read `→`, exactly as a dump's arrow cells; cells with text keep their text.
"""

from __future__ import annotations

from pipeline.pdf_drawings import Box
from pipeline.pdf_grid import Grid

ARROW_TEXT = "→"
_BAR_MAX_SHARE = 0.6  # a bar is at most this share of its row's height (shading fills the cell)
_BAR_MARGIN = 1.0  # and keeps this far from the row's rules


def _row_of(grid: Grid, box: Box) -> int | None:
    cell = grid.locate((box.x0 + box.x1) / 2, box.cy)
    if cell is None:
        return None
    row = cell[0]
    if box.y0 < grid.ys[row] - 1.0 or box.y1 > grid.ys[row + 1] + 1.0:
        return None  # taller than its row: a drawing over the table, not a grid arrow
    return row


def bars(grid: Grid, fills: list[Box]) -> list[Box]:
    """Filled boxes of the grid that are bars: thinner than their row and clear of its rules."""
    out = []
    for box in fills:
        row = _row_of(grid, box)
        if row is None or box.x1 - box.x0 < 8.0:
            continue
        top, bottom = grid.ys[row], grid.ys[row + 1]
        if (
            box.y1 - box.y0 <= _BAR_MAX_SHARE * (bottom - top)
            and box.y0 >= top + _BAR_MARGIN
            and box.y1 <= bottom - _BAR_MARGIN
        ):
            out.append(Box(box.x0, box.y0, box.x1, box.y1, "bar"))
    return out


def marked_regions(grid: Grid, arrows: list[Box]) -> set[int]:
    """Indexes of the grid's cells that an arrow runs through."""
    marked: set[int] = set()
    xs = grid.xs
    for arrow in arrows:
        row = _row_of(grid, arrow)
        if row is None:
            continue
        found = False
        for col in range(len(xs) - 1):
            width = xs[col + 1] - xs[col]
            overlap = min(arrow.x1, xs[col + 1]) - max(arrow.x0, xs[col])
            if width > 0 and overlap >= 0.5 * width:
                marked.add(grid.owner[row][col])
                found = True
        if not found and arrow.style == "head":
            located = grid.locate((arrow.x0 + arrow.x1) / 2, arrow.cy)
            if located is not None:
                marked.add(grid.owner[located[0]][located[1]])
    return marked
