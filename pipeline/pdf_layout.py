"""Blocks of text set side by side or one above another: found by cutting a region along empty bands.

A region that holds a layout of its own (a frame around a section with its charts set in rows
and columns, `pdf_frames`) is read block by block, not line by line across the whole width:
the region is cut recursively (an XY-cut) along empty bands — vertical bands at least `V_GAP_EM`
ems wide between side-by-side blocks, horizontal bands at least `H_GAP_EM` ems tall between
stacked ones. At each step:

* a vertical band counts only where the blocks on its two sides start level (within an em): a
  block beside a heading printed higher up is read after the heading, not before it;
* where both kinds of band cross the region, the vertical one is cut unless the horizontal one is
  clearly wider (`H_OVER_V`): rows of charts are cut into rows first when the rows stand further
  apart than the charts in a row, while a chart keeps the caption printed as close under it as
  its neighbour stands beside it;
* where only horizontal bands do, the top band is peeled off (a heading over side-by-side blocks
  is read first, and the blocks below keep their captions);
* a block that cannot be cut is read top to bottom.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import count
from typing import Protocol, TypeVar

V_GAP_EM = 2.0  # an empty vertical band this wide (in ems) separates side-by-side blocks
H_GAP_EM = 1.5  # an empty horizontal band this tall (in ems) separates stacked blocks
H_OVER_V = 1.25  # a horizontal band is cut before a vertical one only when it is this many times wider


class Boxed(Protocol):
    """Anything printed in a box (lines, drafts of paragraphs and tables)."""

    @property
    def x0(self) -> float: ...
    @property
    def top(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def bottom(self) -> float: ...


T = TypeVar("T", bound=Boxed)


def _gaps(spans: list[tuple[float, float]], least: float) -> list[tuple[float, float]]:
    """(width, position) of the empty bands at least `least` wide between the spans, in order."""
    spans.sort()
    out = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start - reach >= least:
            out.append((start - reach, (start + reach) / 2))
        reach = max(reach, end)
    return out


def _cut(items: Sequence[T], em: float) -> tuple[bool, list[list[T]]] | None:
    """(vertical?, parts in reading order) of the region's next cut, or None when it cannot be cut."""
    if len(items) < 2:
        return None
    vertical = []
    for width, x in _gaps([(i.x0, i.x1) for i in items], V_GAP_EM * em):
        left, right = [i for i in items if i.x1 <= x], [i for i in items if i.x1 > x]
        # Side-by-side blocks start level: a block beside a heading printed higher is read after it.
        if abs(min(i.top for i in left) - min(i.top for i in right)) <= em:
            vertical.append((width, left, right))
    horizontal = _gaps([(i.top, i.bottom) for i in items], H_GAP_EM * em)
    if vertical:
        width, left, right = max(vertical, key=lambda v: v[0])
        if not horizontal or H_OVER_V * width >= max(horizontal)[0]:
            return True, [left, right]
        y = max(horizontal)[1]
    elif horizontal:
        y = horizontal[0][1]
    else:
        return None
    return False, [[i for i in items if i.bottom <= y], [i for i in items if i.bottom > y]]


def has_side_by_side(items: Sequence[T], em: float, least: int, counts: Callable[[T], bool]) -> bool:
    """True when, at some step of cutting, two blocks stand side by side that each hold at least
    `least` items for which `counts` is true."""
    stack = [list(items)]
    while stack:
        cut = _cut(stack.pop(), em)
        if cut is None:
            continue
        vertical, parts = cut
        if vertical and all(sum(map(counts, part)) >= least for part in parts):
            return True
        stack.extend(parts)
    return False


def layout_order(items: Sequence[T], em: float) -> list[tuple[T, int]]:
    """The items in reading order, each with the number of the side-by-side block it stands in
    (the innermost one; 0 for items outside any)."""
    out: list[tuple[T, int]] = []
    numbers = count(1)
    stack: list[tuple[list[T], int]] = [(list(items), 0)]
    while stack:
        part, block = stack.pop()
        cut = _cut(part, em)
        if cut is None:
            out.extend((item, block) for item in sorted(part, key=lambda i: (round(i.top, 1), i.x0)))
            continue
        vertical, parts = cut
        # Pushed last part first: the stack pops them in reading order.
        for piece in reversed([(p, next(numbers) if vertical else block) for p in parts]):
            stack.append(piece)
    return out
