"""Columns of a layout-preserving text dump: runs of text, their positions, and the columns they line up in.

A layout dump (`pdftotext -layout` and the like) prints each page as lines of a monospaced
grid: a word space is one blank, a gap between columns is two or more. So a line is a
sequence of *runs* (text separated by single blanks), each at a start and end position,
and the lines of one table put their runs in the same column ranges.

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
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

import regex

from pipeline.fullwidth import display_width, is_wide

_WORD_RE = regex.compile(r"[^\s]+")
# A gap this many times the median gap of a letter-spaced word separates two words.
_WIDE_GAP_FACTOR = 2
_FAR = 1 << 62  # sorts after any end position: bisect finds the range a position starts in


@dataclass(frozen=True)
class Span:
    """A run of text on a line: the columns it covers, [start, end), and its text."""

    start: int
    end: int
    text: str


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
            spans[-1] = Span(last.start, place[index][1], last.text + ("" if letters else " ") + word)
        else:
            spans.append(Span(*place[index], word))
    return spans


def _place(line: str, start: int, end: int, wide: bool) -> tuple[int, int]:
    if not wide:
        return start, end
    left = display_width(line[:start])
    return left, left + display_width(line[start:end])


def is_letter(word: str) -> bool:
    """A word of one wide character: a letter of letter-spaced text (`処`, `（`)."""
    return len(word) == 1 and is_wide(word)


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
    """

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []
        self.lines: list[Sequence[Span]] = []

    def add(self, spans: Sequence[Span]) -> bool:
        """Take the line when the runs stay apart; False (and nothing changed) when they would not."""
        merged = _merge([*self.ranges, *((s.start, s.end) for s in spans)])
        if not _apart(spans, merged):
            return False
        bridged = len({_index(merged, start) for start, _ in self.ranges}) < len(self.ranges)
        if bridged and not all(_apart(line, merged) for line in self.lines):
            return False
        self.ranges = merged
        self.lines.append(spans)
        return True

    def cells(self, spans: Sequence[Span]) -> list[str]:
        """One text per column for a line of the table: its run there, '' where it has none."""
        texts = [""] * len(self.ranges)
        for span in spans:
            texts[_index(self.ranges, span.start)] = span.text
        return texts


def _merge(intervals: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if ranges and start < ranges[-1][1]:
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

    Lines of a block are consecutive non-blank lines. Under the metric the dump was printed
    in, the columns of a table line up (left-aligned labels share starts, right-aligned
    numbers share ends); under the other, every wide character shifts them.
    """
    edges = shared = 0
    block: Counter[tuple[str, int]] = Counter()
    for line in [*lines, ""]:
        if line.strip():
            spans = line_spans(line, wide)
            # a mark counts once per line, so `count > 1` means another line has it too
            block.update({("start", s.start) for s in spans[1:]} | {("end", s.end) for s in spans[:-1]})
            continue
        edges += sum(block.values())
        shared += sum(n for n in block.values() if n > 1)
        block = Counter()
    return shared / edges if edges else 0.0


def choose_metric(lines: Sequence[str]) -> bool:
    """True when wide characters count two columns (they line up better so), False for one column each."""
    return alignment(lines, wide=True) >= alignment(lines, wide=False)
