"""Ruled tables from a page's own ruling lines: the cell grid with its merged cells.

A generic table finder (pdfplumber's `extract_tables`, PyMuPDF's `find_tables`) tries many
strategies per page and costs 10–50 times a plain text extraction. Here the grid is built once
per page, from the segments `pdf_drawings` found, in three cheap steps:

1. snap: collinear segments closer than `SNAP` are one line; overlapping or nearly touching
   pieces of a line (dashed rules, cells drawn one by one) are joined;
2. group: horizontal and vertical lines that cross belong to one table (union-find);
3. merge: the table's distinct x and y positions cut it into elementary cells; two
   neighbouring cells without a line between them are one merged cell (colspan/rowspan).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from pipeline.pdf_drawings import Segment

SNAP = 1.6  # points: lines closer than this are the same line (double rules, rounding)
JOIN = 2.5  # points: gaps shorter than this inside a line are closed (dashes, cell-by-cell drawing)
CROSS = 2.5  # points: a line that stops this short of another still meets it


@dataclass(slots=True)
class Region:
    """A cell of the grid: rows `r0`..`r1`-1 and columns `c0`..`c1`-1."""

    r0: int
    c0: int
    r1: int
    c1: int


@dataclass
class Grid:
    """A ruled table: its column and row boundaries and its (merged) cells."""

    xs: list[float]
    ys: list[float]
    regions: list[Region]
    owner: list[list[int]] = field(default_factory=list)  # [row][col] → index into regions

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """Outer box of the table."""
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        """True when the point lies inside the table's outer box."""
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the elementary cell holding the point, or None outside."""
        if not self.contains(x, y):
            return None
        col = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        row = min(max(bisect_right(self.ys, y) - 1, 0), len(self.ys) - 2)
        return row, col

    def region_box(self, index: int) -> tuple[float, float, float, float]:
        """Box of a merged cell."""
        reg = self.regions[index]
        return self.xs[reg.c0], self.ys[reg.r0], self.xs[reg.c1], self.ys[reg.r1]


def _snap(segments: list[Segment]) -> list[Segment]:
    """Merge collinear segments: same position within SNAP, overlapping or within JOIN."""
    if not segments:
        return []
    ordered = sorted(segments, key=lambda s: s.pos)
    lines: list[list[Segment]] = [[ordered[0]]]
    for seg in ordered[1:]:
        if seg.pos - lines[-1][-1].pos <= SNAP:
            lines[-1].append(seg)
        else:
            lines.append([seg])
    out: list[Segment] = []
    for group in lines:
        # The line's position: the longest piece's, so a stray short tick does not move it.
        pos = max(group, key=lambda s: s.end - s.start).pos
        pieces = sorted(group, key=lambda s: s.start)
        start, end = pieces[0].start, pieces[0].end
        for seg in pieces[1:]:
            if seg.start <= end + JOIN:
                end = max(end, seg.end)
            else:
                out.append(Segment(pos, start, end))
                start, end = seg.start, seg.end
        out.append(Segment(pos, start, end))
    return out


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _components(horizontal: list[Segment], vertical: list[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    """Groups of crossing lines: each group is one table candidate."""
    n_h = len(horizontal)
    parent = list(range(n_h + len(vertical)))
    vertical_sorted = sorted(range(len(vertical)), key=lambda i: vertical[i].pos)
    v_positions = [vertical[i].pos for i in vertical_sorted]
    for hi, h in enumerate(horizontal):
        lo = bisect_left(v_positions, h.start - CROSS)
        hi_end = bisect_right(v_positions, h.end + CROSS)
        for k in range(lo, hi_end):
            vi = vertical_sorted[k]
            v = vertical[vi]
            if v.start - CROSS <= h.pos <= v.end + CROSS:
                a, b = _find(parent, hi), _find(parent, n_h + vi)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(_find(parent, i), ([], []))[0].append(h)
    for i, v in enumerate(vertical):
        groups.setdefault(_find(parent, n_h + i), ([], []))[1].append(v)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _positions(segments: list[Segment]) -> list[float]:
    """Distinct positions of a set of lines (already snapped, but lines of two tables may differ slightly)."""
    out: list[float] = []
    for pos in sorted(s.pos for s in segments):
        if not out or pos - out[-1] > SNAP:
            out.append(pos)
    return out


def _covers(lines: dict[int, list[tuple[float, float]]], index: int, lo: float, hi: float) -> bool:
    """True when line `index` runs along most of the span lo..hi (its middle is enough for short spans)."""
    mid = (lo + hi) / 2
    return any(start - CROSS <= mid <= end + CROSS for start, end in lines.get(index, ()))


def _grid(horizontal: list[Segment], vertical: list[Segment]) -> Grid | None:
    xs = _positions(vertical)
    ys = _positions(horizontal)
    if len(xs) < 2 or len(ys) < 2:
        return None
    v_lines: dict[int, list[tuple[float, float]]] = {}
    for v in vertical:
        v_lines.setdefault(_nearest(xs, v.pos), []).append((v.start, v.end))
    h_lines: dict[int, list[tuple[float, float]]] = {}
    for h in horizontal:
        h_lines.setdefault(_nearest(ys, h.pos), []).append((h.start, h.end))
    rows, cols = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * cols))
    for r in range(rows):
        for c in range(cols):
            if c + 1 < cols and not _covers(v_lines, c + 1, ys[r], ys[r + 1]):
                a, b = _find(parent, r * cols + c), _find(parent, r * cols + c + 1)
                if a != b:
                    parent[a] = b
            if r + 1 < rows and not _covers(h_lines, r + 1, xs[c], xs[c + 1]):
                a, b = _find(parent, r * cols + c), _find(parent, (r + 1) * cols + c)
                if a != b:
                    parent[a] = b
    boxes: dict[int, list[int]] = {}
    for r in range(rows):
        for c in range(cols):
            root = _find(parent, r * cols + c)
            box = boxes.get(root)
            if box is None:
                boxes[root] = [r, c, r + 1, c + 1]
            else:
                box[0], box[1] = min(box[0], r), min(box[1], c)
                box[2], box[3] = max(box[2], r + 1), max(box[3], c + 1)
    regions: list[Region] = []
    owner = [[-1] * cols for _ in range(rows)]
    for root in sorted(boxes, key=lambda k: (boxes[k][0], boxes[k][1])):
        r0, c0, r1, c1 = boxes[root]
        cells = [(r, c) for r in range(r0, r1) for c in range(c0, c1) if _find(parent, r * cols + c) == root]
        if len(cells) == (r1 - r0) * (c1 - c0):
            index = len(regions)
            regions.append(Region(r0, c0, r1, c1))
            for r, c in cells:
                owner[r][c] = index
        else:
            _cut(set(cells), regions, owner)
    return Grid(xs, ys, regions, owner)


def _cut(cells: set[tuple[int, int]], regions: list[Region], owner: list[list[int]]) -> None:
    """Cut a region that is no rectangle into rectangles: row by row, each run of columns one cell,
    continued downwards while the rows below repeat the same run.

    Outline tables (budget books) print a number column merged down the rows of its sub-items,
    joined without a rule to the heading row beside it: an L-shaped region that is really a
    heading cell and a merged cell below it.
    """
    open_runs: dict[tuple[int, int], int] = {}  # (c0, c1) of runs in the previous row → region index
    for r in sorted({r for r, _ in cells}):
        columns = sorted(c for rr, c in cells if rr == r)
        runs: list[tuple[int, int]] = []
        for c in columns:
            if runs and runs[-1][1] == c:
                runs[-1] = (runs[-1][0], c + 1)
            else:
                runs.append((c, c + 1))
        next_runs: dict[tuple[int, int], int] = {}
        for run in runs:
            index = open_runs.get(run)
            if index is None:
                index = len(regions)
                regions.append(Region(r, run[0], r + 1, run[1]))
            else:
                regions[index].r1 = r + 1
            for c in range(*run):
                owner[r][c] = index
            next_runs[run] = index
        open_runs = next_runs


def _nearest(positions: list[float], value: float) -> int:
    i = bisect_left(positions, value)
    if i == len(positions) or (i > 0 and value - positions[i - 1] < positions[i] - value):
        i -= 1
    return i


def build_grids(horizontal: list[Segment], vertical: list[Segment]) -> list[Grid]:
    """Every ruled table of the page, top to bottom (a single framed box is not a table)."""
    grids = []
    for h_group, v_group in _components(_snap(horizontal), _snap(vertical)):
        grid = _grid(h_group, v_group)
        if grid is not None and len(grid.regions) > 1:
            grids.append(grid)
    grids.sort(key=lambda g: (g.ys[0], g.xs[0]))
    return grids
