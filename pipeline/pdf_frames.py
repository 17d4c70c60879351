"""Frames: ruled cells that hold a layout of their own, read as free text rather than as one cell.

A form often rules a big box around a whole section (`1. 経営の健全性・効率性` with its eight
charts and their data blocks): the grid finder sees a table whose one cell holds everything,
and the cell's text would come out flattened into one string. A cell is a frame, not a cell,
when what it prints is a layout:

* it is large: it covers at least `FRAME_SHARE` of the page;
* it holds at least `FRAME_LINES` lines;
* its text stands in side-by-side blocks (`pdf_layout`), each holding at least `BLOCK_LINES`
  lines of words (a column of amounts printed right of a list is the list's, not a block).

A long description cell (one column of wrapped text, a list of bullets, a budget's list of items
with their amounts at the right edge) stays a cell. A frame's text is read as a region of its own (paragraphs
and aligned tables, `pdf_page`), block by block (`pdf_layout.layout_order`); inside a block, what
is printed between a table and the title line above it (a chart's axis ticks and data labels,
short paragraphs over the table's columns) is read after the table, so the title leads its table.
The grids drawn inside a frame (chart boxes, plot lines) are part of its layout, not tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median_low
from typing import Protocol, TypeVar, runtime_checkable

from pipeline.pdf_aligned import AlignedDraft, is_value
from pipeline.pdf_grid import Grid
from pipeline.pdf_layout import V_GAP_EM, Boxed, has_side_by_side, layout_order
from pipeline.pdf_runs import Run
from pipeline.pdf_text import group_lines, lines_of

FRAME_SHARE = 0.1  # of the page's area
FRAME_LINES = 10
BLOCK_LINES = 3
_LABEL_CHARS = 12  # a plot label (axis tick, data label) is short


class Sized(Boxed, Protocol):
    """A draft printed in one font size (paragraphs, aligned tables)."""

    @property
    def size(self) -> float: ...


@runtime_checkable
class TextLike(Sized, Protocol):
    """A draft of a paragraph: it has a text."""

    @property
    def text(self) -> str: ...


D = TypeVar("D", bound=Sized)


def frame_regions(grid: Grid, cells: list[list[Run]], page_area: float) -> set[int]:
    """Indexes of the grid's regions that are frames (see the module docstring)."""
    out: set[int] = set()
    for index, runs in enumerate(cells):
        if len(runs) < FRAME_LINES:
            continue
        x0, y0, x1, y1 = grid.region_box(index)
        if (x1 - x0) * (y1 - y0) < FRAME_SHARE * page_area or len(group_lines(runs)) < FRAME_LINES:
            continue
        pieces = lines_of(runs, V_GAP_EM)
        em = median_low([piece.size for piece in pieces])
        if has_side_by_side(pieces, em, BLOCK_LINES, lambda piece: not is_value(piece.text)):
            out.add(index)
    return out


def order_frame(items: Sequence[D], em: float) -> list[D]:
    """A frame's drafts in reading order: block by block, each table right after its title line."""
    ordered = layout_order(items, em)
    out: list[D] = []
    for position, (item, block) in enumerate(ordered):
        out.append(item)
        if not isinstance(item, AlignedDraft):
            continue
        start = position
        while start > 0 and ordered[start - 1][1] == block:
            start -= 1
        title = ordered[start][0]
        between = [draft for draft, _ in ordered[start + 1 : position]]
        if (
            between
            and start < position
            and isinstance(title, TextLike)
            and title.bottom <= item.top
            and min(title.x1, item.x1) > max(title.x0, item.x0)
            and all(_plot_label(draft, item) for draft in between)
        ):
            out[-1 - len(between) :] = [item, *between]
    return out


def _plot_label(draft: Sized, table: AlignedDraft) -> bool:
    """True for a short paragraph printed over a table, across its columns (an axis tick, a data label)."""
    return (
        isinstance(draft, TextLike)
        and len(draft.text) <= _LABEL_CHARS
        and draft.bottom <= table.top + 0.5 * table.size
        and min(draft.x1, table.x1) > max(draft.x0, table.x0)
    )
