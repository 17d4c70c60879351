"""Columns of a layout-preserving text dump: runs of text, their positions, and the columns they line up in.

A layout dump (`pdftotext -layout` and the like) prints each page as lines of a monospaced
grid: a word space is one blank, a gap between columns is two or more. So a line is a
sequence of *runs* (text separated by single blanks), each at a start and end position,
and the lines of one table put their runs in the same column ranges (`TableColumns`).

Positions are counted in one of two metrics, because dumps differ: a terminal-style dump
gives a wide character (kanji, kana, `（`) two columns (`wide=True`), while `pdftotext`
gives every character one column whatever its width (`wide=False`). `choose_metric` picks
the one under which the dump's runs line up better.

Letter-spaced labels (`処   理       区       数`) print one character per word, with gaps of
any width: consecutive words of one wide character each are one run, their letters joined
(`処理区数`); a word one blank after the last letter joins the run too (`益 (A)`). In a
sequence of three letters or more, a gap more than twice the sequence's median gap separates
two runs (a vertical label `本` standing beside a letter-spaced `う ち 職 員`). A table
whose columns each hold a single kanji (`有    無`) is read as one word: that is the price.
A dash or a symbol (`－`, `→`) is never a letter: it stands for a value of its own.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

import regex

from pipeline.fullwidth import display_width, is_wide

_WORD_RE = regex.compile(r"[^\s]+")
_DIGIT_RE = regex.compile(r"\d")
_STANDALONE = frozenset({"Pd", "Sm", "So"})  # dashes, mathematical and other symbols
# A gap this many times the median gap of a letter-spaced word separates two words.
_WIDE_GAP_FACTOR = 2
# Positions a line printed after a blank line may widen a column into the gap beside the next one.
MAX_WIDENING = 4
# Positions a run in a gap may stand beside a column and still be in it (a word centred in a column
# whose longer texts start further left).
MAX_SNAP = 2
# A unit printed in a cell of its own beside its value is this wide at most (`人`, `千円`, `%`).
MAX_UNIT_WIDTH = 4
# Lines a header held apart may have (a heading row over the year row below it).
MAX_HEADER_LINES = 2
# Blank lines a table's rows may stand apart by (cell padding); more end the table.
MAX_BLANKS = 2
_FAR = 1 << 62  # sorts after any end position: bisect finds the range a position starts in


@dataclass(frozen=True)
class Span:
    """A run of text on a line: the columns it covers, [start, end), its text, and whether its letters
    are spaced out (`処   理   区   数`, the text `処理区数`)."""

    start: int
    end: int
    text: str
    spaced: bool = False


def line_spans(line: str, wide: bool) -> list[Span]:
    """The runs of a line, left to right, with their positions in the given metric.

    Words one blank apart are one run; so are the letters of a letter-spaced word, whatever
    the blanks between them (see the module docstring).
    """
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(line)]
    if not words:
        return []
    place = [_place(line, start, end, wide) for start, end, _ in words]
    cuts = _letter_cuts([w[2] for w in words], place)
    spans = [Span(*place[0], words[0][2])]
    for index in range(1, len(words)):
        before, word = words[index - 1][2], words[index][2]
        letters = is_letter(before) and is_letter(word) and index not in cuts
        if letters or words[index][0] - words[index - 1][1] == 1:
            last = spans[-1]
            spans[-1] = Span(
                last.start, place[index][1], last.text + ("" if letters else " ") + word, last.spaced or letters
            )
        else:
            spans.append(Span(*place[index], word))
    return spans


def _place(line: str, start: int, end: int, wide: bool) -> tuple[int, int]:
    if not wide:
        return start, end
    left = display_width(line[:start])
    return left, left + display_width(line[start:end])


def is_letter(word: str) -> bool:
    """A word of one wide character: a letter of letter-spaced text (`処`, `（`); a dash or a symbol
    (`－`, `→`, `●`) stands for itself (a blank value, an arrow), however it is spaced."""
    return len(word) == 1 and is_wide(word) and unicodedata.category(word) not in _STANDALONE


def _letter_cuts(words: Sequence[str], place: Sequence[tuple[int, int]]) -> set[int]:
    """Indexes of letters that start a new word although the letter before them is a letter too.

    In a sequence of three letters or more, a gap wider than `_WIDE_GAP_FACTOR` times the
    median gap of the sequence separates two words.
    """
    cuts: set[int] = set()
    index = 0
    while index < len(words):
        end = index
        while end < len(words) and is_letter(words[end]):
            end += 1
        if end - index >= 3:
            gaps = {i: place[i][0] - place[i - 1][1] for i in range(index + 1, end)}
            limit = _WIDE_GAP_FACTOR * median(gaps.values())
            cuts.update(i for i, gap in gaps.items() if gap > limit)
        index = end + 1
    return cuts


class TableColumns:
    """The columns of a table read line by line: the position ranges its lines' runs cover.

    A column boundary is a position blank in every line. A line joins the table only while
    every line, itself included, keeps each of its runs in a column of its own: a line whose
    text bridges two columns of the lines above (a wrapped paragraph beside the table, a
    header run across the grid) starts a new table instead.

    A header row centred over columns whose body is left- or right-aligned need not overlap the
    body's text at all; such first lines are held apart (`hold_header`) and the columns are the
    body's (`header_columns` places the header's runs in them).
    """

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []
        self.lines: list[Sequence[Span]] = []
        self.header: tuple[tuple[Span, ...], ...] = ()  # the header's lines, when held apart
        self.subdivided = False  # the last column split by a grid printed in it

    def accepts(self, spans: Sequence[Span]) -> bool:
        """True when the line's runs would stay apart, and so would every line's taken so far."""
        merged = _merge([*self.ranges, *_snapped(self.ranges, spans, self.merges)])
        if not _apart(spans, merged):
            return False
        bridged = len({_index(merged, start) for start, _ in self.ranges}) < len(self.ranges)
        return not bridged or all(_apart(line, merged) for line in self.lines)

    def add(self, spans: Sequence[Span]) -> bool:
        """Take the line when the runs stay apart; False (and nothing changed) when they would not."""
        if not self.accepts(spans):
            return False
        self.ranges = _merge([*self.ranges, *_snapped(self.ranges, spans, self.merges)])
        self.lines.append(spans)
        return True

    def fits(self, spans: Sequence[Span]) -> bool:
        """True when each run falls in a column of its own that the table already has.

        A run in a gap, within `MAX_SNAP` positions of one column, is in that column. A run may
        widen its column into the gap beside another by at most `MAX_WIDENING` positions, or a
        quarter of its own length (a long line of a wrapped cell), beyond the column's header run
        when a header is held apart; the last column to the right at will, the first to the left
        by `MAX_SNAP` at most. Under such a header, a run in a gap between the body's columns fits
        too, and so does one across columns after the first: a merged cell, in the first it covers.
        """
        if not self.ranges or not self.accepts(spans):
            return False
        envelopes = self._envelopes()
        used: list[tuple[str, int]] = []
        for span in spans:
            hit = _overlapping(self.ranges, span) or _overlapping(self.ranges, _widened(span, MAX_SNAP))
            if self.merges and len(hit) > 1 and hit[0] > 0:
                used.append(("body", hit[0]))  # a merged cell across the columns under a header (a bar)
                continue
            if len(hit) == 1:
                start, end = envelopes[hit[0]]
                if hit[0] == 0 and start - span.start > MAX_SNAP:
                    return False  # text further left than the table's: running text after it
                left = start - span.start if hit[0] > 0 else 0
                right = span.end - end if hit[0] < len(self.ranges) - 1 else 0
                if max(left, right) > max(MAX_WIDENING, (span.end - span.start) // 4):
                    return False
                used.append(("body", hit[0]))
                continue
            # under a header held apart, the body may print where it printed nothing yet (a column
            # whose header is centred over text left- or right-aligned in it)
            if hit or not self.header:
                return False
            used.append(("gap", span.start))
        return len(set(used)) == len(used)

    @property
    def merges(self) -> bool:
        """True when a run across columns after the first is a merged cell: under a header held apart,
        or once a grid is printed in the last column (the texts above it span the grid's columns)."""
        return bool(self.header) or self.subdivided

    def subdivide(self, spans: Sequence[Span]) -> bool:
        """Under lines of two columns or more, take a line of several runs printed in the last column
        alone as a grid inside it (a card's year table under its labelled rows): its runs split that
        column; False (nothing changed) otherwise."""
        if self.subdivided or len(self.lines) < 2 or len(self.ranges) < 2 or len(spans) < 2:
            return False
        start, end = self.ranges[-1]
        if any(span.start < start - MAX_SNAP for span in spans):
            return False
        grid = _merge([(s.start, s.end) for s in spans])
        grid[0] = (min(start, grid[0][0]), grid[0][1])
        grid[-1] = (grid[-1][0], max(end, grid[-1][1]))
        self.ranges = [*self.ranges[:-1], *grid]
        self.lines.append(spans)
        self.subdivided = True
        return True

    def hold_header(self, spans: Sequence[Span]) -> bool:
        """Under first lines (`MAX_HEADER_LINES` at most, the first of three runs or more, the second
        printed in the first's gaps: years under a heading row), take a line of several runs as the
        first of the body and hold the lines above apart as the header; False (nothing changed) otherwise.

        The body must share a column with the header, and no body run may span two runs of a header
        line; a header run may span two of the body's (a value and its unit printed in unruled cells
        of their own).
        """
        if self.header or not 0 < len(self.lines) <= MAX_HEADER_LINES or len(self.lines[0]) < 3 or len(spans) < 2:
            return False
        lines = [[(h.start, h.end) for h in line] for line in self.lines]
        if any(_overlapping(lines[0], s) for line in self.lines[1:] for s in line):
            return False  # a second line under the first's runs is a row, not the header's second line
        if any(len(_overlapping(line, s)) > 1 for line in lines for s in spans):
            return False  # body text across the header's columns: the lines above are no header over it
        if not any(_overlapping(line, s) for line in lines for s in spans):
            return False  # no column in common: texts one above the other, not a header and its body
        self.header = tuple(tuple(line) for line in self.lines)
        self.lines = [spans]
        self.ranges = _merge([(s.start, s.end) for s in spans])
        return True

    def _envelopes(self) -> list[tuple[int, int]]:
        """Each body column's range, widened to the header runs placed in it (units aside: this is
        asked of every line, and joining them reads the whole body)."""
        envelopes = list(self.ranges)
        for line in self.header:
            for span, place in zip(line, _header_places(self.ranges, line), strict=True):
                if place is not None:
                    start, end = envelopes[place]
                    envelopes[place] = (min(start, span.start), max(end, span.end))
        return envelopes

    def header_columns(self) -> tuple[list[tuple[int, int]], list[list[int]]]:
        """The columns with the header's, and the column of each run of each header line.

        A header run goes to the column it overlaps (the first, when it spans several: a merged
        header cell sits at its top left); one in a gap to the column left of it (the body is
        left-aligned under a centred header), else right of it, when no other run of its line has
        that column; else it has a column of its own.
        """
        body = self._with_units()
        places = [_header_places(body, line) for line in self.header]
        own = [
            (s.start, s.end)
            for line, at in zip(self.header, places, strict=True)
            for s, p in zip(line, at, strict=True)
            if p is None
        ]
        ranges = _merge([*body, *own])
        columns = [
            [
                _index(ranges, span.start if place is None else body[place][0])
                for span, place in zip(line, at, strict=True)
            ]
            for line, at in zip(self.header, places, strict=True)
        ]
        return ranges, columns

    def _with_units(self) -> list[tuple[int, int]]:
        """The body's columns, a unit's joined to the value's left of it: a column of units (short, no
        digits) under no header run, right of a column of numbers under one, is that column printed in
        two unruled cells (`基準値（R元）` over `1,480   人`)."""
        ranges = list(self.ranges)
        index = 1
        while index < len(ranges):
            texts = [
                [s.text for line in self.lines for s in line if _index(ranges, s.start) == i]
                for i in (index - 1, index)
            ]
            values, units = texts
            headed = [
                any(_overlapping([ranges[i]], h) for line in self.header for h in line) for i in (index - 1, index)
            ]
            numbers = sum(1 for t in values if _DIGIT_RE.search(t))
            if (
                headed == [True, False]
                and units
                and all(display_width(t) <= MAX_UNIT_WIDTH and not _DIGIT_RE.search(t) for t in units)
                and 2 * numbers >= len(values)
            ):
                ranges[index - 1 : index + 1] = [(ranges[index - 1][0], ranges[index][1])]
            else:
                index += 1
        return ranges

    def column_of(self, position: int) -> int:
        """The column a position falls in (or, in a gap, the column left of it; the first before all)."""
        return column_of(self.ranges, position)


def column_of(ranges: Sequence[tuple[int, int]], position: int) -> int:
    """The column of `ranges` a position falls in (or, in a gap, the column left of it; the first before all)."""
    return max(_index(ranges, position), 0)


def _header_places(body: Sequence[tuple[int, int]], line: Sequence[Span]) -> list[int | None]:
    """The body column of each run of a header line (see `TableColumns.header_columns`); None: its own."""
    places: list[int | None] = []
    for span in line:
        hit = _overlapping(body, span)
        places.append(hit[0] if hit else None)
    for index, span in enumerate(line):
        left = _index(body, span.start)
        free = [side for side in (left, left + 1) if 0 <= side < len(body) and side not in places]
        if places[index] is None and free:
            places[index] = free[0]
    return places


def _snapped(ranges: Sequence[tuple[int, int]], spans: Sequence[Span], merged: bool) -> list[tuple[int, int]]:
    """The runs' ranges; one in a gap, within `MAX_SNAP` of one column only, joined to that column; with
    `merged` cells, one across several columns after the first in the first of them (it widens none)."""
    out = []
    for span in spans:
        hit = _overlapping(ranges, span)
        if merged and len(hit) > 1 and hit[0] > 0:
            out.append(ranges[hit[0]])
            continue
        near = [] if hit else _overlapping(ranges, _widened(span, MAX_SNAP))
        if len(near) == 1:
            start, end = ranges[near[0]]
            out.append((min(start, span.start), max(end, span.end)))
        else:
            out.append((span.start, span.end))
    return out


def _widened(span: Span, by: int) -> Span:
    return Span(span.start - by, span.end + by, span.text)


def _overlapping(ranges: Sequence[tuple[int, int]], span: Span) -> list[int]:
    return [i for i, (start, end) in enumerate(ranges) if span.start < end and start < span.end]


def _merge(intervals: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if ranges and start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges


def _index(ranges: Sequence[tuple[int, int]], position: int) -> int:
    return bisect_right(ranges, (position, _FAR)) - 1


def _apart(spans: Sequence[Span], ranges: Sequence[tuple[int, int]]) -> bool:
    used = [_index(ranges, s.start) for s in spans]
    return len(set(used)) == len(used)


def alignment(lines: Sequence[str], wide: bool) -> float:
    """Share of run edges (starts and ends) that another line of the same block also has.

    A block is the lines of one stretch of text, blank lines between them allowed up to
    `MAX_BLANKS` (the padding between a table's rows). Under the metric the dump was printed
    in, the columns of a table line up (left-aligned labels share starts, right-aligned
    numbers share ends); under the other, every wide character shifts them.
    """
    edges = shared = blanks = 0
    block: Counter[tuple[str, int]] = Counter()
    for line in [*lines, *[""] * (MAX_BLANKS + 1)]:
        if line.strip():
            blanks = 0
            spans = line_spans(line, wide)
            # a mark counts once per line, so `count > 1` means another line has it too
            block.update({("start", s.start) for s in spans[1:]} | {("end", s.end) for s in spans[:-1]})
            continue
        blanks += 1
        if blanks > MAX_BLANKS:
            edges += sum(block.values())
            shared += sum(n for n in block.values() if n > 1)
            block = Counter()
    return shared / edges if edges else 0.0


def choose_metric(lines: Sequence[str]) -> bool:
    """True when wide characters count two columns (they line up better so), False for one column each."""
    return alignment(lines, wide=True) >= alignment(lines, wide=False)
