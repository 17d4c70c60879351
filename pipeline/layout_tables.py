"""Which lines of a layout dump's page print one table: grouping lines by the columns they line up in.

A ruled table prints as consecutive lines whose runs (`text_columns`) keep to the same columns.
Its rows are often printed apart, with a blank line between (cell padding), and a cell's text
may wrap over lines that hold only that one run. So a table takes, besides the lines of two
runs or more that keep its columns apart (`TableColumns.add`):

* lines printed after up to `MAX_BLANKS` blank lines when each of their runs falls in a column
  the table has (`TableColumns.fits`): the next row of a table printed with padding;
* the body under a header whose runs, centred, need not overlap the body's left- or
  right-aligned text: the first line or two are then held apart (`TableColumns.hold_header`);
* a grid printed in the last column alone, right under the table (a card's year table under
  its labelled rows): its runs split that column (`TableColumns.subdivide`), and the texts
  above span the new columns as merged cells;
* a line of one run directly under the table and in one of its columns other than the first:
  the next line of a wrapped cell;
* up to `MAX_PENDING` lines of one run followed by a line the table takes: in one column, the
  lines of a cell printed between rows (a name centred beside two rows; in the first column only
  right under the table, for a text there after a blank line is a note); wholly left of the
  columns, a column of its own (a card's number); in no one column and shorter than
  `HEADING_SHARE` of the table's width, a heading row merged across the table.

Anything else ends the table. A line of one run outside any table is a text line. A title with a
note far to its right (`計画期間：…            凡例：…`) is not the first row of the table below it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.fullwidth import display_width
from pipeline.text_columns import MAX_BLANKS, Span, TableColumns, line_spans

# Lines of one run a table may hold between two of its rows (a centred name, heading rows).
MAX_PENDING = 3
# A line across the columns at most this share of the table's width is a heading row inside it;
# a longer one is running text between two tables.
HEADING_SHARE = 2 / 3
# Blanks between the two runs of a line beyond which they are two texts, not one set apart by a tab.
MAX_TAB_GAP = 9
# Blanks a tab sets a text's second part apart by at most (the next tab stop).
TAB_STOP_GAP = 6


@dataclass(frozen=True)
class DumpLine:
    """A non-blank line of a page: its 1-based line number in the dump and its runs."""

    number: int
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class TableLines:
    """The lines that print one table, its column ranges, and which lines are printed across them."""

    lines: tuple[DumpLine, ...]
    ranges: tuple[tuple[int, int], ...]
    across: frozenset[int] = frozenset()  # line numbers of rows merged across the columns
    header: tuple[tuple[int, ...], ...] = ()  # of the first lines when held apart as a header: each run's column
    grid: int | None = None  # line number of the header of a grid printed in the last column


Segment = TableLines | DumpLine


@dataclass
class _Open:
    """The table being read: its columns, its lines, and the one-run lines waiting for its next row."""

    columns: TableColumns = field(default_factory=TableColumns)
    lines: list[DumpLine] = field(default_factory=list)
    across: set[int] = field(default_factory=set)
    pending: list[DumpLine] = field(default_factory=list)
    grid: int | None = None

    def take(self, line: DumpLine) -> None:
        self.columns.add(line.spans)
        self.lines.append(line)

    def take_pending(self) -> None:
        for line in self.pending:
            if self.columns.fits(line.spans) or self.left_of(line):
                self.take(line)
            else:
                self.lines.append(line)
                self.across.add(line.number)
        self.pending.clear()

    def left_of(self, line: DumpLine) -> bool:
        """A run wholly left of the table's columns: a column of its own (a number merged down a card)."""
        return line.spans[-1].end <= self.columns.ranges[0][0] - 2 and self.columns.accepts(line.spans)

    def is_heading(self, span: Span) -> bool:
        """A run not in one column, short enough to be a heading row merged across the table."""
        ranges = self.columns.ranges
        width = ranges[-1][1] - ranges[0][0]
        return not self.columns.fits([span]) and display_width(span.text) <= HEADING_SHARE * width

    def close(self) -> list[Segment]:
        ranges = tuple(self.columns.ranges)
        columns: tuple[tuple[int, ...], ...] = ()
        if self.columns.header:
            held, header = self.columns.header_columns()
            ranges, columns = tuple(held), tuple(tuple(line) for line in header)
        table = TableLines(tuple(self.lines), ranges, frozenset(self.across), columns, self.grid)
        return [table, *self.pending]


def segment(lines: Sequence[tuple[int, str]], wide: bool) -> list[Segment]:
    """The page's lines (number, text) as tables and text lines, in order; blank lines dropped."""
    out: list[Segment] = []
    table: _Open | None = None
    blanks = 0
    for number, text in lines:
        spans = tuple(line_spans(text, wide))
        if not spans:
            blanks += 1
            if table is not None and blanks > MAX_BLANKS:
                out.extend(table.close())
                table = None
            continue
        line = DumpLine(number, spans)
        follows = blanks == 0
        blanks = 0
        if table is not None and not _continues(table, line, follows):
            out.extend(table.close())
            table = None
        if table is not None:
            continue
        if len(spans) > 1:
            table = _Open()
            table.take(line)
        else:
            out.append(line)
    if table is not None:
        out.extend(table.close())
    return out


def is_title(lines: Sequence[DumpLine]) -> bool:
    """A line alone so far that prints two texts at the margins: a title, then a note at its right (runs
    at most `TAB_STOP_GAP` apart) after a gap wider than `MAX_TAB_GAP` and than half the line. It is not
    a table's first row."""
    if len(lines) != 1:
        return False
    spans = lines[0].spans
    gaps = [b.start - a.end for a, b in pairwise(spans)]
    if not gaps or any(gap > TAB_STOP_GAP for gap in gaps[1:]):
        return False
    return gaps[0] > MAX_TAB_GAP and 2 * gaps[0] > spans[-1].end - spans[0].start


def _continues(table: _Open, line: DumpLine, follows: bool) -> bool:
    """Take the line into the open table when it continues it (see the module docstring); False ends the table."""
    columns = table.columns
    if len(line.spans) > 1:
        if is_title(table.lines):
            return False
        if columns.fits(line.spans):
            table.take_pending()
            table.take(line)
            return True
        if len(table.lines) == len(columns.lines) and columns.hold_header(line.spans):
            table.take_pending()
            table.lines.append(line)
            return True
        if follows and not table.pending and columns.add(line.spans):
            table.lines.append(line)
            return True
        if (follows or table.pending) and columns.subdivide(line.spans):
            table.take_pending()
            table.lines.append(line)
            table.grid = line.number
            return True
        return False
    (span,) = line.spans
    if follows and columns.fits(line.spans) and columns.column_of(span.start) > 0:
        table.take_pending()
        table.take(line)
        return True
    in_column = columns.fits(line.spans)
    first = in_column and columns.column_of(span.start) == 0
    if len(table.pending) < MAX_PENDING and (in_column or table.is_heading(span)) and (follows or not first):
        table.pending.append(line)
        return True
    return False
