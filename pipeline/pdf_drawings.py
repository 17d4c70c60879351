"""The vector drawings of one PDF page, sorted into ruling lines, arrows and filled boxes.

PyMuPDF's `Page.get_cdrawings()` is used: the same paths as `get_drawings()` but as plain
tuples, without building Point/Rect objects (measurably faster on pages with thousands of
paths, such as budget books whose small glyphs are printed as outlines).

* Ruling lines: stroked horizontal/vertical segments, the edges of stroked rectangles, and
  filled rectangles at most `THIN` points thick (office software draws rules either way).
* Arrows (the 工程 grid's "continues" marks): a filled block-arrow polygon, an arrow head
  (triangle or open V) together with the straight shaft that runs into it, or — decided later,
  when the table rows are known — a filled bar inside a row. Only straight-segment paths with
  a recognisable tip count: glyph outlines (curves) never do.
* Filled boxes: non-white filled rectangles thicker than a rule: cell shading or bars.

White strokes and fills are ignored: they paint the background, not lines a reader sees.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from pipeline.mupdf import pymupdf

THIN = 2.0  # a filled rectangle this thin is a ruling line
_AXIS = 0.5  # a segment within half a point of horizontal/vertical is axis-aligned
_HEAD_MAX = 24.0  # an arrow head fits in a box this large
_SHAFT_GAP = 3.0  # a shaft ends this close to its head
_SHAPE_ITEMS = 12  # an arrow or a box drawn with lines has at most this many of them


@dataclass(slots=True)
class Segment:
    """A horizontal (`pos` = y) or vertical (`pos` = x) ruling segment from `start` to `end`."""

    pos: float
    start: float
    end: float


@dataclass(slots=True)
class Box:
    """An axis-aligned box: an arrow's extent, or a filled rectangle."""

    x0: float
    y0: float
    x1: float
    y1: float
    style: str = ""  # arrows: block / line / head; bars: bar

    @property
    def cy(self) -> float:
        """Vertical centre."""
        return (self.y0 + self.y1) / 2


@dataclass
class PageDrawings:
    """What the drawings of a page mean for the reader."""

    horizontal: list[Segment] = field(default_factory=list)
    vertical: list[Segment] = field(default_factory=list)
    arrows: list[Box] = field(default_factory=list)
    fills: list[Box] = field(default_factory=list)
    curves: int = 0  # paths with curves: glyph outlines, rounded frames (not read)
    skipped: int = 0  # paths of a page with more than MAX_PATHS_PER_PAGE: none of them read


def _is_white(color: Any) -> bool:
    return color is not None and len(color) > 0 and all(v >= 0.97 for v in color)


def _saturated(color: Any) -> bool:
    return bool(color) and len(color) == 3 and max(color) - min(color) >= 0.25


#: More paths than any table or schedule draws (a page of the seeds draws a few hundred): a page
#: past it is a map, a chart of points or a hostile file, and its paths are not read (the reader's
#: notes say so) so that reading it stays bounded.
MAX_PATHS_PER_PAGE = 20_000


def read_drawings(page: pymupdf.Page) -> PageDrawings:
    """Classify the page's paths (one pass over `get_cdrawings()`)."""
    out = PageDrawings()
    heads: list[Box] = []
    paths = page.get_cdrawings()
    if len(paths) > MAX_PATHS_PER_PAGE:
        out.skipped = len(paths)
        return out
    for path in paths:
        kind = path.get("type", "")
        stroke = path.get("color")
        fill = path.get("fill")
        stroked = "s" in kind and stroke is not None and not _is_white(stroke)
        filled = "f" in kind and fill is not None and not _is_white(fill)
        if not stroked and not filled:
            continue
        items = path["items"]
        ops = {item[0] for item in items}
        if "c" in ops:
            out.curves += 1
            continue
        if ops == {"re"} or ops == {"qu"}:
            # Outlined boxes in a strong colour are chart bars or badges: their outlines are no rules.
            outline = stroked and not (filled and _saturated(fill))
            for item in items:
                _rect(out, _item_rect(item), outline, filled)
            continue
        points = _polyline(items)
        if points is None:
            continue
        if len(items) <= _SHAPE_ITEMS:
            # Arrows and boxes are a handful of lines; long polylines (glyph outlines, charts) are neither.
            shape = _arrow_shape(points, filled)
            if shape is not None:
                (out.arrows if shape.style == "block" else heads).append(shape)
                continue
            closed_rect = _as_rect(points)
            if closed_rect is not None and filled and not stroked:
                _rect(out, closed_rect, False, True)
                continue
        if stroked:
            for a, b in pairwise(points):
                _segment(out, a, b)
    _attach_shafts(out, heads)
    return out


def _item_rect(item: tuple) -> tuple[float, float, float, float]:
    if item[0] == "re":
        x0, y0, x1, y1 = item[1]
    else:  # quad: its bounding box (rules are never rotated in practice)
        xs = [p[0] for p in item[1]]
        ys = [p[1] for p in item[1]]
        x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _rect(out: PageDrawings, rect: tuple[float, float, float, float], stroked: bool, filled: bool) -> None:
    x0, y0, x1, y1 = rect
    w, h = x1 - x0, y1 - y0
    if filled and not stroked and (h <= THIN or w <= THIN):
        if h <= THIN and w > h:
            out.horizontal.append(Segment((y0 + y1) / 2, x0, x1))
        elif w <= THIN and h > w:
            out.vertical.append(Segment((x0 + x1) / 2, y0, y1))
        return
    if filled:
        out.fills.append(Box(x0, y0, x1, y1))
    if stroked:
        if h <= THIN:
            out.horizontal.append(Segment((y0 + y1) / 2, x0, x1))
        elif w <= THIN:
            out.vertical.append(Segment((x0 + x1) / 2, y0, y1))
        else:
            out.horizontal += [Segment(y0, x0, x1), Segment(y1, x0, x1)]
            out.vertical += [Segment(x0, y0, y1), Segment(x1, y0, y1)]


def _polyline(items: Iterable[tuple]) -> list[tuple[float, float]] | None:
    """The vertices of a path made of line items (consecutive items share their end points)."""
    points: list[tuple[float, float]] = []
    for item in items:
        if item[0] != "l":
            return None
        a, b = tuple(item[1]), tuple(item[2])
        if not points or abs(points[-1][0] - a[0]) > 0.01 or abs(points[-1][1] - a[1]) > 0.01:
            points.append(a)
        points.append(b)
    return points


def _segment(out: PageDrawings, a: tuple[float, float], b: tuple[float, float]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= _AXIS and abs(ax - bx) > _AXIS:
        out.horizontal.append(Segment((ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= _AXIS and abs(ay - by) > _AXIS:
        out.vertical.append(Segment((ax + bx) / 2, min(ay, by), max(ay, by)))


def _as_rect(points: list[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    """The box of a closed four-corner polygon with axis-aligned sides, else None."""
    corners = _distinct(points)
    if len(corners) != 4:
        return None
    xs = sorted({round(x, 1) for x, _ in corners})
    ys = sorted({round(y, 1) for _, y in corners})
    if len(xs) != 2 or len(ys) != 2:
        return None
    return xs[0], ys[0], xs[1], ys[1]


def _distinct(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for p in points:
        if not any(abs(p[0] - q[0]) < 0.05 and abs(p[1] - q[1]) < 0.05 for q in out):
            out.append(p)
    return out


def _arrow_shape(points: list[tuple[float, float]], filled: bool) -> Box | None:
    """A horizontal arrow head or block arrow drawn with straight lines, else None.

    The tip is the single vertex at the far left or right, level with the middle of the
    shape; every other vertex lies at least a fifth of the width away from it. A head fits
    in `_HEAD_MAX`; a block arrow is at least twice as wide as it is tall.
    """
    corners = _distinct(points)
    if not 3 <= len(corners) <= 9:
        return None
    if not any(abs(a[0] - b[0]) > _AXIS and abs(a[1] - b[1]) > _AXIS for a, b in pairwise(points)):
        return None  # no slanted side: a rule or a box, not an arrow
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    w, h = x1 - x0, y1 - y0
    if w < 2 or h < 1.5 or h > 40:
        return None
    mid = (y0 + y1) / 2
    for tip_x in (x1, x0):
        tips = [p for p in corners if abs(p[0] - tip_x) < 0.3]
        if len(tips) != 1 or abs(tips[0][1] - mid) > 0.15 * h:
            continue
        if len(corners) >= 5:
            # A block arrow: shaft and head, mirror-symmetric about the tip's level.
            if filled and w >= 2 * h and _symmetric(corners, mid, h):
                return Box(x0, y0, x1, y1, "block")
            continue
        # A head: a triangle (or open V) whose other corners stand back from the tip.
        others = [p for p in corners if p is not tips[0]]
        if all(abs(p[0] - tip_x) >= 0.5 * w for p in others) and w <= _HEAD_MAX and h <= _HEAD_MAX:
            return Box(x0, y0, x1, y1, "head")
    return None


def _symmetric(corners: list[tuple[float, float]], mid: float, h: float) -> bool:
    """Every corner has a mirror corner across the horizontal line y = mid."""
    tolerance = max(0.3, 0.05 * h)
    return all(
        any(abs(q[0] - p[0]) <= tolerance and abs((mid - p[1]) - (q[1] - mid)) <= tolerance for q in corners)
        for p in corners
    )


def _attach_shafts(out: PageDrawings, heads: list[Box]) -> None:
    """Join each arrow head with the horizontal line that runs into it; the line is no rule then.

    Segments are looked up by their height (sorted, bisected), so a page of 10⁵ heads costs a pass
    over the few segments at each head's height, not over every segment.
    """
    if not heads:
        return
    order = sorted(range(len(out.horizontal)), key=lambda i: out.horizontal[i].pos)
    positions = [out.horizontal[i].pos for i in order]
    used: set[int] = set()
    for head in heads:
        arrow = Box(head.x0, head.y0, head.x1, head.y1, "line")
        low, high = bisect.bisect_left(positions, head.y0 - 0.5), bisect.bisect_right(positions, head.y1 + 0.5)
        for index in sorted(order[low:high]):
            seg = out.horizontal[index]
            if index in used or abs(seg.pos - head.cy) > max(1.0, 0.2 * (head.y1 - head.y0)):
                continue
            touches_left = head.x0 - _SHAFT_GAP <= seg.end <= head.x1 and seg.start < head.x0
            touches_right = head.x0 <= seg.start <= head.x1 + _SHAFT_GAP and seg.end > head.x1
            if touches_left or touches_right:
                used.add(index)
                arrow.x0, arrow.x1 = min(arrow.x0, seg.start), max(arrow.x1, seg.end)
        if arrow.x1 - arrow.x0 > head.x1 - head.x0:
            out.arrows.append(arrow)
        else:
            out.arrows.append(Box(head.x0, head.y0, head.x1, head.y1, "head"))
    if used:
        out.horizontal = [seg for i, seg in enumerate(out.horizontal) if i not in used]
