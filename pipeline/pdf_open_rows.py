"""Table rows ruled by horizontal lines only, under a table's ruled or shaded header.

Word processors often print a table whose header row is boxed or shaded while the body rows
are only separated by horizontal rules (no vertical lines): the grid finder sees the header
alone, and the body's cells would fall out as loose paragraphs. When horizontal rules as wide
as a grid (within `EDGE` points at both ends) follow it downwards, each band between two of them
that holds text becomes one more row of the grid, cut into the header's columns.
"""

from __future__ import annotations

from collections.abc import Callable

from pipeline.pdf_drawings import Segment
from pipeline.pdf_grid import Grid, Region

EDGE = 4.0  # points: a rule this close to the grid's left and right edges is as wide as the grid
MAX_ROW = 80.0  # points: a band taller than this between two rules is not a table row
TOUCH = 2.0  # points: the first rule must start this close to the grid's bottom


def extend_down(
    grid: Grid,
    horizontal: list[Segment],
    has_text: Callable[[tuple[float, float, float, float]], bool],
    others: list[Grid],
) -> Grid:
    """The grid with the horizontally ruled rows printed right under it (the grid itself when there are none).

    The rows stop at the first band without text, taller than `MAX_ROW`, or reaching another of
    the page's tables (`others`): the next table's header is not a row of this one.
    """
    x0, x1 = grid.xs[0], grid.xs[-1]
    below = [g.ys[0] for g in others if g is not grid and g.ys[0] >= grid.ys[-1] - TOUCH and _overlaps(g, x0, x1)]
    limit = min(below, default=float("inf"))
    rules = sorted({round(s.pos, 1) for s in horizontal if abs(s.start - x0) <= EDGE and abs(s.end - x1) <= EDGE})
    ys = list(grid.ys)
    for y in rules:
        if y <= ys[-1] + TOUCH:
            continue
        if y >= limit - TOUCH or y - ys[-1] > MAX_ROW or not has_text((x0, ys[-1], x1, y)):
            break
        ys.append(y)
    if len(ys) == len(grid.ys):
        return grid
    regions = list(grid.regions)
    owner = [list(row) for row in grid.owner]
    for r in range(len(grid.ys) - 1, len(ys) - 1):
        row = []
        for c in range(len(grid.xs) - 1):
            row.append(len(regions))
            regions.append(Region(r, c, r + 1, c + 1))
        owner.append(row)
    return Grid(list(grid.xs), ys, regions, owner)


def _overlaps(grid: Grid, x0: float, x1: float) -> bool:
    return min(grid.xs[-1], x1) > max(grid.xs[0], x0)
