"""Where the column lines of a page's tables are drawn, height by height: the places text is cut into cells.

A grid (`pdf_grid`) has a column boundary wherever a vertical line runs somewhere in its table,
but the line need not run the table's whole height: a merged cell has none between its columns,
and in a 工程 grid an activity printed over a filled bar crosses year lines that the bar hides or
interrupts (office software draws bars as shapes over the rules, or the rules over the bar:
either way the text on the bar is one label). So a piece of text is cut at a column boundary only
where a line is drawn at its height and no bar runs across the boundary there; a text line that
crosses an unruled boundary stays whole, and is placed in the cell where it starts.

Text above or below a table (beside it on the page, not in it) is cut at every column boundary
of the table, as it always was: there the cuts only separate pieces of text, which `pdf_text`
joins or splits again by their gaps.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from pipeline.pdf_drawings import Box, Segment
from pipeline.pdf_grid import CROSS, SNAP, Grid


class Rules:
    """The interior column boundaries of a page's grids, and the heights at which each is ruled."""

    def __init__(self, grids: list[Grid], vertical: list[Segment], bars: list[Box]) -> None:
        self.xs = sorted({x for g in grids for x in g.xs[1:-1]})
        self._tables: list[list[tuple[float, float]]] = [[] for _ in self.xs]
        for grid in grids:
            for x in grid.xs[1:-1]:
                self._tables[bisect_left(self.xs, x)].append((grid.ys[0], grid.ys[-1]))
        drawn: list[list[tuple[float, float]]] = [[] for _ in self.xs]
        for seg in vertical:
            for i in self._near(seg.pos):
                drawn[i].append((seg.start - CROSS, seg.end + CROSS))
        self._starts: list[list[float]] = []
        self._ends: list[list[float]] = []
        for pieces in drawn:
            starts, ends = _union(pieces)
            self._starts.append(starts)
            self._ends.append(ends)
        self._bars: list[list[tuple[float, float]]] = [[] for _ in self.xs]
        for bar in bars:
            for i in range(bisect_right(self.xs, bar.x0 + SNAP), bisect_left(self.xs, bar.x1 - SNAP)):
                self._bars[i].append((bar.y0, bar.y1))

    def _near(self, pos: float) -> range:
        return range(bisect_left(self.xs, pos - SNAP), bisect_right(self.xs, pos + SNAP))

    def cutting(self, x0: float, x1: float, y: float) -> list[float]:
        """The boundaries in (x0, x1] that are ruled at height y, left to right."""
        xs = self.xs
        lo, hi = bisect_right(xs, x0), bisect_right(xs, x1)
        return [xs[i] for i in range(lo, hi) if self._ruled(i, y)]

    def _ruled(self, index: int, y: float) -> bool:
        if not any(top <= y <= bottom for top, bottom in self._tables[index]):
            return True  # beside the table, not in it
        starts = self._starts[index]
        k = bisect_right(starts, y) - 1
        if k < 0 or y > self._ends[index][k]:
            return False
        return not any(top <= y <= bottom for top, bottom in self._bars[index])


def _union(pieces: list[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """Overlapping intervals merged: (starts, ends), sorted."""
    starts: list[float] = []
    ends: list[float] = []
    for start, end in sorted(pieces):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends
