"""The characters of one text span cut into runs: pieces printed side by side without a gap.

Working with runs instead of single characters keeps the reader's Python work per page small:
gaps, letter-spacing and line joins are decided between runs (`pdf_text`); inside a run there
is nothing to decide. Most spans are one run, found from their width alone (`solid_run`); the
others are walked character by character (`span_runs`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(slots=True)
class Run:
    """Characters printed side by side without a gap, in one font size (often a whole word or line
    piece; a single character where text is letter-spaced). Its box has a top-left origin, y downwards.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float
    size: float
    vertical: bool = False
    chars: list[dict] | None = None  # the extraction's characters, until overprints are undone (`pdf_overprint`)
    cx: float = 0.0  # centre, set on creation (read for every run: no property call)
    cy: float = 0.0

    def __post_init__(self) -> None:
        self.cx = (self.x0 + self.x1) / 2
        self.cy = (self.top + self.bottom) / 2


def solid_run(chars: list[dict], text: str, size: float, width: float) -> Run | None:
    """The span as one run when its characters stand edge to edge (no gap, no overprint), else None.

    The common case, decided from the span's width and the sum of its characters' widths without
    looking at each gap; `span_runs` handles the rest.
    """
    if not text.isprintable() or "\ufffd" in text or not text.strip():
        return None
    widths = sum(ch["bbox"][2] - ch["bbox"][0] for ch in chars)
    if not -0.05 * size <= width - widths <= 0.1 * size:
        return None
    first = next(ch for ch in chars if ch["c"] != " ")
    last = next(ch for ch in reversed(chars) if ch["c"] != " ")
    base = first["origin"][1]
    if abs(last["origin"][1] - base) > 0.1 * size:
        return None
    return Run(text, first["bbox"][0], base - 0.85 * size, last["bbox"][2], base + 0.15 * size, base, size, chars=chars)


def span_runs(
    chars: list[dict], size: float, vertical: bool, limit: float, rules: list[float]
) -> tuple[list[Run], int]:
    """Cut a span's characters into runs at gaps (> a tenth of an em) and at table rules; (runs, duplicates).

    Spaces stay in the run's text (`総務企画局 市民局`, the spaces around a footnote mark) but not
    in its box, which covers ink only: a space pads text out to an alignment. A character drawn
    twice in a row within `limit` of itself is a duplicate (fake bold glyph by glyph).
    """
    runs: list[Run] = []
    duplicates = 0
    text: list[str] = []
    members: list[dict] = []
    x0 = x1 = pen = base = top = bottom = 0.0
    inked = False
    last_c = ""
    last_x0 = -1e9
    gap_limit = 0.1 * size
    for char in chars:
        c = char["c"]
        code = ord(c) if len(c) == 1 else 0
        if code < 32 or code == 0xFFFD or 0x7F <= code < 0xA0:
            continue
        if code in (0x3000, 0xA0):
            c = " "  # ideographic and no-break spaces separate like spaces (and are never ink)
        cx0, ctop, cx1, cbottom = char["bbox"]
        if c == last_c and c != " " and abs(cx0 - last_x0) <= limit:
            duplicates += 1
            continue
        last_c, last_x0 = c, cx0
        if cx1 - cx0 < 0.01:
            cx1 = cx0 + 0.5 * size  # zero-width boxes (some Type3 fonts): assume half an em
        if vertical:
            cbase = cbottom
        else:
            cbase = char["origin"][1]
            ctop, cbottom = cbase - 0.85 * size, cbase + 0.15 * size
        joins = (
            text
            and not vertical
            and -0.5 * size <= cx0 - pen <= gap_limit
            and abs(cbase - base) <= 0.1 * size
            and (c == " " or not rules or not inked or bisect_right(rules, x1) == bisect_right(rules, (cx0 + cx1) / 2))
        )
        if not joins:
            if text and inked:
                runs.append(Run("".join(text), x0, top, x1, bottom, base, size, vertical, members))
            text, members, inked = [], [], False
            top, bottom, base = ctop, cbottom, cbase
        text.append(c)
        members.append(char)
        pen = max(pen, cx1) if joins else cx1
        if c != " ":
            if not inked:
                x0, inked = cx0, True
            x1 = cx1
    if text and inked:
        runs.append(Run("".join(text), x0, top, x1, bottom, base, size, vertical, members))
    return runs, duplicates
