"""A table as a grid of positions: every row as wide as the table, merged cells at their top-left.

PDF and tab tables already hold one cell per column; HTML tables hold one cell per printed
cell, so their spans are expanded here (a cell covered by a rowspan from above is empty,
and `covered` remembers which printed cell covers it), so that recognizers can read every
table by column.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.blocks import BBox, Row, Table


@dataclass(frozen=True)
class GridRow:
    """One row of positions: the text at each column, the span of the cell starting there, the source row."""

    texts: tuple[str, ...]
    colspans: tuple[int, ...]
    row: Row
    shaded: tuple[bool, ...] = ()
    bboxes: tuple[BBox | None, ...] = ()  # each position's cell box on a PDF page

    def nonempty(self) -> list[tuple[int, str]]:
        """(column, stripped text) of the non-empty positions."""
        return [(i, t.strip()) for i, t in enumerate(self.texts) if t.strip()]


def table_to_grid(table: Table) -> list[GridRow]:
    """The table's rows by position (HTML spans expanded; other origins as they are)."""
    if table.origin != "html":
        return [
            GridRow(
                tuple(c.text for c in row.cells),
                tuple(max(1, c.colspan) for c in row.cells),
                row,
                tuple(c.shaded for c in row.cells),
                tuple(c.bbox for c in row.cells),
            )
            for row in table.rows
        ]
    taken: dict[tuple[int, int], bool] = {}
    placed: list[dict[int, tuple[str, int]]] = []
    for r, row in enumerate(table.rows):
        column = 0
        cells: dict[int, tuple[str, int]] = {}
        for cell in row.cells:
            while taken.get((r, column)):
                column += 1
            cells[column] = (cell.text, max(1, cell.colspan))
            for dr in range(max(1, cell.rowspan)):
                for dc in range(max(1, cell.colspan)):
                    taken[(r + dr, column + dc)] = True
            column += max(1, cell.colspan)
        placed.append(cells)
    width = max((c + 1 for (_, c) in taken), default=0)
    out = []
    for row, cells in zip(table.rows, placed, strict=True):
        texts = tuple(cells[c][0] if c in cells else "" for c in range(width))
        spans = tuple(cells[c][1] if c in cells else 1 for c in range(width))
        out.append(GridRow(texts, spans, row))
    return out
