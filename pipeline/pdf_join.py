"""Tables that continue on the next page become one table.

When a page ends with a table and the next page (its running header already dropped) opens
with a table ruled at the same column positions (or a subset of them, with the same outer
edges: a card's body continues without the header row that added columns), the second is the
continuation of the first:
its rows are appended (each row keeps the page it was printed on), and a merged cell cut by the
page break — the continuation's top cell is empty and stands under a cell of the last row that
spans down to the break — is one cell again, its rowspan the sum of both parts. The card that
table belongs to then reads on without a break.
"""

from __future__ import annotations

from itertools import pairwise

from pipeline.pdf_grid import Grid, Region
from pipeline.pdf_page import PageDraft, TableDraft

_SAME_COLUMN = 2.0  # points: column rules this close on two pages are the same column


def column_map(a: Grid, b: Grid) -> list[int] | None:
    """Index in `a.xs` of each of `b`'s column rules, when `b` is ruled on a subset of `a`'s columns
    with the same outer edges (a card's body continues without the header row that added columns)."""
    out: list[int] = []
    for x in b.xs:
        matches = [i for i, ax in enumerate(a.xs) if abs(ax - x) <= _SAME_COLUMN]
        if not matches:
            return None
        out.append(matches[0])
    if out[0] != 0 or out[-1] != len(a.xs) - 1 or any(p >= q for p, q in pairwise(out)):
        return None
    return out


def _append(first: TableDraft, second: TableDraft, cols: list[int]) -> TableDraft:
    """`second`'s rows below `first`'s (its columns mapped by `cols`), with cells cut by the page break merged again."""
    a, b = first.grid, second.grid
    rows_a = len(a.ys) - 1
    offset = rows_a
    # The continuation's rows are placed below the first table's: shift its y positions so the
    # combined row boundaries stay increasing (its own page's coordinates restart at the top).
    shift = a.ys[-1] - b.ys[0]
    ys = a.ys + [y + shift for y in b.ys[1:]]
    regions = [Region(r.r0, r.c0, r.r1, r.c1) for r in a.regions]
    texts = list(first.texts)
    shaded = _shading(first)
    owner = [list(row) for row in a.owner]
    bottom_of = {(r.c0, r.c1): i for i, r in enumerate(regions) if r.r1 == rows_a}
    remap: dict[int, int] = {}
    for index, reg in enumerate(b.regions):
        c0, c1 = cols[reg.c0], cols[reg.c1]
        cont = bottom_of.get((c0, c1))
        if reg.r0 == 0 and cont is not None and not second.texts[index]:
            regions[cont].r1 = reg.r1 + offset
            remap[index] = cont
        else:
            remap[index] = len(regions)
            regions.append(Region(reg.r0 + offset, c0, reg.r1 + offset, c1))
            texts.append(second.texts[index])
            shaded.append(_shading(second)[index])
    for row in b.owner:
        wide = [0] * (len(a.xs) - 1)
        for k, index in enumerate(row):
            for c in range(cols[k], cols[k + 1]):
                wide[c] = remap[index]
        owner.append(wide)
    grid = Grid(list(a.xs), ys, regions, owner)
    shifts = _shifts(first) + [shift + s for s in _shifts(second)]
    return TableDraft(grid, texts, first.row_pages + second.row_pages, first.page, shaded, shifts)


def _shifts(table: TableDraft) -> list[float]:
    return table.row_shift or [0.0] * (len(table.grid.ys) - 1)


def _shading(table: TableDraft) -> list[bool]:
    return table.shaded or [False] * len(table.texts)


def join_pages(pages: list[PageDraft]) -> int:
    """Join tables continued across page breaks, in place; returns how many joins were made."""
    joins = 0
    previous: PageDraft | None = None
    for page in pages:
        if previous is not None and previous.items and page.items:
            last, first = previous.items[-1], page.items[0]
            cols = (
                column_map(last.grid, first.grid)
                if isinstance(last, TableDraft) and isinstance(first, TableDraft)
                else None
            )
            if cols is not None and isinstance(last, TableDraft) and isinstance(first, TableDraft):
                previous.items[-1] = _append(last, first, cols)
                page.items.pop(0)
                joins += 1
                if not page.items:
                    continue  # the whole page continued the table: the next page may continue it too
        previous = page
    return joins
