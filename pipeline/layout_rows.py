"""Printed rows of a layout table: its dump lines joined into the rows the table prints.

A cell whose text wraps prints over several dump lines, and a row as tall as its tallest cell
prints its other cells on one of those lines (top-aligned) or on the middle one (centred). A
line therefore starts a new row unless it continues the row above (no blank line between):

* each of its runs stands in a column where the row above is blank, or where the row's text
  fills the column to its right edge (a soft wrap: the cell's text goes on on this line), unless
  the row above has its own key and the line's text wraps onto the next line's key row (the
  upper half of that row's centred cell, under a group heading);
* or it holds one run, not in the key column, under a row with a key: the next line of a
  top-aligned cell (`住民課` over `DX推進室`);
* or it holds the key, and the row above, printed after a blank line, has none: that row was
  the upper half of this row's centred cells.

The key column is the first column that holds text on at least half as many lines as the
fullest column does (the item number, or the label of a card). A cell's lines are joined
without a break after a soft wrap (a space only between two Latin words), with `\\n` after a
line that stops short, as the PDF reader joins a cell's lines.

A row printed across the columns (`TableLines.across`) is one cell in the column it starts in,
and a header line (`TableLines.header`, `TableLines.grid`) a row of its own. In a table of
cards that each open with the same label, an item number alone in the first column, centred
down its card, goes to the card's first row, where the PDF reads a merged cell.
So is a group heading in a numbered list: in a table whose key column numbers most rows
(`1`, `1-2`), a row of two cells in the first two columns whose first is not a number
(`政策1 | 安全・安心に暮らせるまち`) is the heading `政策1 安全・安心に暮らせるまち` merged across the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import regex

from pipeline.fullwidth import display_width
from pipeline.layout_tables import TableLines
from pipeline.pdf_text import BULLETS
from pipeline.text_columns import MAX_SNAP, Span, column_of

# A line ending this close (in positions) to the right edge of its column's text fills the column.
WRAP_TOLERANCE = 2
# A cell line narrower than this (display columns) is a word, not wrapped text.
MIN_WRAP_WIDTH = 12
# Rows numbered this many times in the key column make the table a numbered list.
MIN_NUMBERED = 3
_ITEM_NUMBER_RE = regex.compile(r"^(?:No\.?\s*)?\d+(?:[-‐－.]\d+)*\.?$")
_NUMERIC_RE = regex.compile(r"^[\d,.%△▲+\-－()（）\s]+$")
_LATIN = regex.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class PrintedRow:
    """A row as printed: the dump line it starts on and its cells' texts, one per column."""

    line: int
    texts: tuple[str, ...]


@dataclass
class _Row:
    line: int
    pieces: list[list[Span]]
    blanks: int  # blank lines printed before it (a table's first row: -1)
    closed: bool = False

    @property
    def after_blank(self) -> bool:
        return self.blanks != 0


def printed_rows(table: TableLines, clean: Callable[[str], str]) -> list[PrintedRow]:
    """The rows the table's lines print, each cell's text cleaned by `clean`."""
    placed = [_by_column(line.spans, [column_of(table.ranges, s.start) for s in line.spans]) for line in table.lines]
    for index, columns in enumerate(table.header):
        placed[index] = _by_column(table.lines[index].spans, columns)
    edges = _column_edges(placed, len(table.ranges))
    key = _key_column(placed, len(table.ranges))
    numbered = sum(1 for cells in placed if key in cells and _ITEM_NUMBER_RE.match(clean(cells[key].text)))
    rows: list[_Row] = []
    for index, (line, cells) in enumerate(zip(table.lines, placed, strict=True)):
        blanks = line.number - table.lines[index - 1].number - 1 if index else -1
        follows = blanks == 0
        if line.number in table.across or (numbered >= MIN_NUMBERED and _group_heading(cells, clean)):
            span = Span(line.spans[0].start, line.spans[-1].end, " ".join(s.text for s in line.spans))
            pieces: list[list[Span]] = [[] for _ in table.ranges]
            pieces[min(cells)] = [span]
            rows.append(_Row(line.number, pieces, blanks, closed=True))
            continue
        row = rows[-1] if rows and follows and not rows[-1].closed and line.number != table.grid else None
        below = [_adjacent(table, placed, index, step) for step in (1, 2)]
        if row is not None and _joins(row, cells, below, key, edges):
            for column, span in cells.items():
                row.pieces[column].append(span)
            continue
        pieces = [[cells[i]] if i in cells else [] for i in range(len(table.ranges))]
        # a header line is a row of its own: the body's lines fill no hole in it
        header = index < len(table.header) or line.number == table.grid
        rows.append(_Row(line.number, pieces, blanks, closed=header))
    if key > 0:
        _raise_card_numbers(rows, key, clean)
    return [PrintedRow(r.line, tuple(clean(_cell_text(p, edges[i])) for i, p in enumerate(r.pieces))) for r in rows]


def _raise_card_numbers(rows: list[_Row], key: int, clean: Callable[[str], str]) -> None:
    """Item numbers alone in a first column that is not the key, in a table of cards that each open
    with the same label: each number is a cell merged down its card, centred; the PDF reads it in the
    card's first row, the row that label opens after the widest blank gap above the number."""

    def text(row: _Row, column: int) -> str:
        return clean(" ".join(s.text for s in row.pieces[column]))

    numbered = [i for i, row in enumerate(rows) if row.pieces[0] and not row.closed]
    if not numbered or not all(_ITEM_NUMBER_RE.match(text(rows[i], 0)) for i in numbered):
        return
    label = text(rows[0], key)
    if not label or sum(1 for row in rows if text(row, key) == label) < 2:
        return  # no cards: the first label does not open another
    start = 0
    for index in numbered:
        opening = [i for i in range(start, index + 1) if text(rows[i], key) == label and not rows[i].pieces[0]]
        if opening and index not in opening:
            first = max(opening, key=lambda i: (rows[i].blanks < 0, rows[i].blanks, -i))
            rows[first].pieces[0], rows[index].pieces[0] = rows[index].pieces[0], []
        start = index + 1


def _by_column(spans: Sequence[Span], columns: Sequence[int]) -> dict[int, Span]:
    """The runs by the column each is in; runs in one column are one text (a run across the columns)."""
    placed: dict[int, Span] = {}
    for span, column in zip(spans, columns, strict=True):
        if column in placed:
            last = placed[column]
            placed[column] = Span(last.start, span.end, last.text + " " + span.text)
        else:
            placed[column] = span
    return placed


def _column_edges(placed: Sequence[dict[int, Span]], count: int) -> list[int]:
    """Each column's right edge as its text shows it: the second-longest line's end (one long line is no edge)."""
    ends: list[list[int]] = [[] for _ in range(count)]
    for cells in placed:
        for index, span in cells.items():
            ends[index].append(span.end)
    return [sorted(e)[-2] if len(e) > 1 else -1 for e in ends]


def _key_column(placed: Sequence[dict[int, Span]], count: int) -> int:
    filled = [sum(1 for cells in placed if index in cells) for index in range(count)]
    return next(i for i, n in enumerate(filled) if 2 * n >= max(filled))


def _group_heading(cells: dict[int, Span], clean: Callable[[str], str]) -> bool:
    return sorted(cells) == [0, 1] and not _ITEM_NUMBER_RE.match(clean(cells[0].text))


def _fills(span: Span, edge: int) -> bool:
    """True when the line runs to its column's right edge (no further) and does not end a sentence there:
    its text wraps onto the next line."""
    text = span.text.strip()
    return (
        edge - WRAP_TOLERANCE <= span.end <= edge + WRAP_TOLERANCE
        and not span.spaced  # a letter-spaced label fills its cell on purpose
        and display_width(text) >= MIN_WRAP_WIDTH
        and not _NUMERIC_RE.match(text)
        and not text.endswith("。")
    )


def _wraps_onto(before: Span, after: Span, edge: int) -> bool:
    """True when `after` goes on with the text of `before`: a line opening with a bullet starts an item,
    and the next line of a wrapped text does not start left of where the text starts."""
    return _fills(before, edge) and not after.text.startswith(BULLETS) and after.start >= before.start - MAX_SNAP


def _adjacent(table: TableLines, placed: Sequence[dict[int, Span]], index: int, step: int) -> dict[int, Span]:
    """The runs by column of the line `step` lines below, when the lines between are all the table's."""
    target = index + step
    if target >= len(placed) or table.lines[target].number != table.lines[index].number + step:
        return {}
    return placed[target]


def _joins(row: _Row, cells: dict[int, Span], below: Sequence[dict[int, Span]], key: int, edges: Sequence[int]) -> bool:
    """True when a line (its runs by column) continues the row above; `below` holds the next two lines' runs."""
    clashes = [i for i in cells if row.pieces[i]]
    if clashes and all(_wraps_onto(row.pieces[i][-1], cells[i], edges[i]) for i in clashes):
        return True
    after = below[0]
    # The line below goes on with this row's key cell: it is this row's, not the next one's key line.
    continued = bool(row.pieces[key]) and key in after and _wraps_onto(row.pieces[key][-1], after[key], edges[key])
    if (clashes or (row.pieces[key] and not continued)) and _above_a_key(cells, below, key, edges):
        # Also under blank cells of a row with its own key (a group heading `1-1-2 | 保育環境の整備`).
        return False
    if not clashes:
        return True
    if len(cells) == 1 and key not in cells and row.pieces[key]:
        return True
    return key in cells and not row.pieces[key] and row.after_blank


def _above_a_key(cells: dict[int, Span], below: Sequence[dict[int, Span]], key: int, edges: Sequence[int]) -> bool:
    """True when a line without the key is the upper part of the next row's centred cells: wrapped text
    over the next line's key, or text over a key line that prints nothing in its columns, text again below."""
    after, further = below
    if key in cells or key not in after:
        return False
    if any(_wraps_onto(span, after[i], edges[i]) for i, span in cells.items() if i in after):
        return True
    return not any(i in after for i in cells) and any(i in further for i in cells)


def _cell_text(pieces: Sequence[Span], edge: int) -> str:
    if not pieces:
        return ""
    out = pieces[0].text
    for before, piece in pairwise(pieces):
        if _wraps_onto(before, piece, edge):
            latin = _LATIN.match(out[-1:]) and _LATIN.match(piece.text[:1])
            out += (" " if latin else "") + piece.text
        else:
            out += "\n" + piece.text
    return out
