"""Tables ruled between their rows only: the column lines their heading row implies.

A KPI table printed booktabs-style draws a rule under each row and no line between columns, so
the ruled grid has one column and every row reads as one cell (`新規創業者数（年間） 12件 15件 …`).
Its columns are printed all the same: a heading row (`KPI | 基準値（H30） | R4実績 | … | 備考`)
whose items stand apart (`ITEM_GAP_EM`) and are all column headings, with the rows below it
keeping to the gaps between them. The grid gets a column line in each gap between two
headings, in the widest stretch of it that no text of the rows below crosses (or none: then it
is no such table); the rows above the heading row (a `基本目標1 …` band) stay one cell across.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from pipeline.pdf_aligned import ITEM_GAP_EM, MIN_COLUMNS, is_heading
from pipeline.pdf_grid import Grid, Region
from pipeline.pdf_runs import Run
from pipeline.pdf_text import Line, group_lines, make_line, split_segments


def split_columns(grid: Grid, cells: Sequence[Sequence[Run]]) -> Grid | None:
    """The grid with the column lines of its heading row, or None when it has none (see the module)."""
    if len(grid.xs) != 2 or len(grid.ys) < 3:
        return None
    rows = len(grid.ys) - 1
    by_row: list[list[Run]] = [[] for _ in range(rows)]
    for region, runs in zip(grid.regions, cells, strict=True):
        if region.r1 - region.r0 != 1:
            return None  # a cell over several rows: no row-by-row table
        by_row[region.r0].extend(runs)
    header = next((r for r, runs in enumerate(by_row) if _headings(runs)), None)
    if header is None or header == rows - 1:
        return None
    headings = _headings(by_row[header]) or []
    body = [extent for runs in by_row[header + 1 :] for extent in _items(runs)]
    bounds = [_free_middle(a[1], b[0], body) for a, b in pairwise(headings)]
    if not body or any(x is None for x in bounds):
        return None
    xs = [grid.xs[0], *(x for x in bounds if x is not None), grid.xs[-1]]
    columns = len(xs) - 1
    regions: list[Region] = []
    owner: list[list[int]] = []
    for r in range(rows):
        if r < header:
            owner.append([len(regions)] * columns)
            regions.append(Region(r, 0, r + 1, columns))
            continue
        owner.append(list(range(len(regions), len(regions) + columns)))
        regions.extend(Region(r, c, r + 1, c + 1) for c in range(columns))
    return Grid(xs, list(grid.ys), regions, owner)


def _lines(runs: Sequence[Run]) -> list[list[Line]]:
    """A row's horizontal lines, each as the texts it prints apart (`ITEM_GAP_EM`)."""
    lines = [line for line in group_lines(runs) if line and not line[0].vertical]
    return [[make_line(part) for part in split_segments(line, ITEM_GAP_EM)] for line in lines]


def _items(runs: Sequence[Run]) -> list[tuple[float, float]]:
    """The x extents of the texts a row prints apart, on each of its lines."""
    return [(item.x0, item.x1) for line in _lines(runs) for item in line]


def _free_middle(left: float, right: float, body: Sequence[tuple[float, float]]) -> float | None:
    """The middle of the widest stretch between two headings that no text below them crosses, or None.

    Headings are centred over their columns while the texts under them are aligned left or right,
    so the column line is where the body leaves a gap, not halfway between the headings.
    """
    covered = sorted((max(left, x0), min(right, x1)) for x0, x1 in body if x0 < right and x1 > left)
    best: tuple[float, float] | None = None
    start = left
    for x0, x1 in [*covered, (right, right)]:
        if x0 > start and (best is None or x0 - start > best[1] - best[0]):
            best = (start, x0)
        start = max(start, x1)
    return (best[0] + best[1]) / 2 if best is not None else None


def _headings(runs: Sequence[Run]) -> list[tuple[float, float]] | None:
    """The x extents of a row's column headings: one line of `MIN_COLUMNS` items or more, all headings."""
    lines = _lines(runs)
    if len(lines) != 1:
        return None
    items = lines[0]
    if len(items) < MIN_COLUMNS or not all(is_heading(item.text) for item in items):
        return None
    return [(item.x0, item.x1) for item in items]
