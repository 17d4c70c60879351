"""Paragraphs of a layout dump: running text wrapped over several lines joined again.

A dump prints a paragraph as one line per printed line. As the PDF reader does (`pdf_text`),
a line that runs to the right edge of the text continues on the next line (a soft wrap),
unless the next line opens with a bullet or an item number, stands further in (the first
line of the next paragraph is indented), or starts far left of it (`MAX_OUTDENT`: another
column's text, printed between the lines of a cell). The right edge is the document's: the lines of
running text reach it, give or take their mix of wide and narrow characters, so a line
reaching `FULL_SHARE` of the edge (a high percentile of the lines' printed widths) is full.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from pipeline.fullwidth import display_width
from pipeline.layout_tables import DumpLine
from pipeline.pdf_text import BULLETS
from pipeline.text_columns import Span

# A line printed at least this share of the text's right edge is full: the text wraps after it.
FULL_SHARE = 0.85
# The edge is the printed width this share of the text lines reach or stay within.
EDGE_PERCENTILE = 0.9
# Lines of text a document needs for its right edge to be known.
MIN_TEXT_LINES = 5
# A wrapped line starts at most this far left of the line before it (a first line's indent); one
# starting further left is the text of another column printed on the next line.
MAX_OUTDENT = 6
_ITEM_RE = regex.compile(r"^(?:\d{1,2}[ 　]+\D|[(（]?\d{1,2}[)）]|[(（][一二三四五六七八九十]+[)）])")


def reach(span: Span) -> int:
    """Where a run's text ends as printed: a dump counting a wide character one column understates it."""
    return max(span.end, span.start + display_width(span.text))


def text_edge(lines: Sequence[DumpLine]) -> int | None:
    """The right edge of the running text, from the lines of one run; None for too few lines."""
    reaches = sorted(reach(line.spans[0]) for line in lines if len(line.spans) == 1)
    if len(reaches) < MIN_TEXT_LINES:
        return None
    return reaches[min(len(reaches) - 1, int(EDGE_PERCENTILE * len(reaches)))]


def paragraphs(lines: Sequence[DumpLine], edge: int | None) -> list[list[DumpLine]]:
    """Consecutive text lines grouped into paragraphs (each line alone when the edge is unknown)."""
    groups: list[list[DumpLine]] = []
    for line in lines:
        if groups and edge is not None and _continues(groups[-1][-1], line, edge):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(before: DumpLine, line: DumpLine, edge: int) -> bool:
    first, after = before.spans[0], line.spans[0]
    text = after.text
    return (
        line.number == before.number + 1
        and reach(first) >= FULL_SHARE * edge
        and first.start - MAX_OUTDENT <= after.start <= first.start
        and not text.startswith(BULLETS)
        and not _ITEM_RE.match(text)
    )


def paragraph_text(lines: Sequence[DumpLine]) -> str:
    """The paragraph's lines joined without a break (a space only between two Latin words)."""
    out = lines[0].spans[0].text
    for line in lines[1:]:
        text = line.spans[0].text
        latin = out[-1:].isascii() and out[-1:].isalnum() and text[:1].isascii() and text[:1].isalnum()
        out += (" " if latin else "") + text
    return out
