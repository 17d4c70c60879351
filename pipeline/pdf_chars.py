"""The characters of one PDF page, as drawn, cleaned of what a reader never sees.

Why PyMuPDF's `get_text("rawdict")` with `TEXT_INHIBIT_SPACES`: it is the fast per-character
source whose boxes use the PDF's own advance widths (the text trace and pdfminer measure the
substituted glyph when a font is not embedded, so gaps appear inside words), and it never
invents spaces from gaps (letter-spaced Japanese headings and numbers would otherwise come out
as `工 程`, `2 , 0 5 0`; spacing is decided in `pdf_text` from the geometry). pdfplumber's
characters are not needed here: PyMuPDF gives the same detail ten times faster.

What is dropped here, and why:
* a second drawing of the same glyph at (almost) the same place: fake bold by overprinting,
  or fill + stroke drawn as two passes (Word's bold simulation);
* white text outside any dark fill: hidden notes a reader of the printed page never sees;
* characters of a CID font with Identity encoding and no ToUnicode map: MuPDF reports their
  glyph ids *as* characters (mojibake). Only on pages with such a font, the text trace
  (`get_texttrace`, which gives glyph id and code side by side) tells which spans those are;
  they are dropped and the page reported;
* control characters and U+FFFD.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import pymupdf

# Collections whose CIDs MuPDF maps to Unicode on its own, even without a ToUnicode map.
_KNOWN_ORDERINGS = ("Japan1", "Japan2", "GB1", "CNS1", "Korea1", "KR")
_FAKE_BOLD_EM = 0.25  # duplicates lie within a quarter em of each other; real neighbours are ≥ half an em apart


@dataclass(slots=True)
class Run:
    """Characters printed side by side without a gap, in one font size (often a whole word or line
    piece; a single character where text is letter-spaced). Its box has a top-left origin, y downwards.

    Working with runs instead of single characters keeps the reader's Python work per page small:
    gaps, letter-spacing and line joins are decided between runs; inside a run there is nothing
    to decide.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float
    size: float
    vertical: bool = False
    cx: float = 0.0  # centre, set on creation (read for every run: no property call)
    cy: float = 0.0

    def __post_init__(self) -> None:
        self.cx = (self.x0 + self.x1) / 2
        self.cy = (self.top + self.bottom) / 2


@dataclass
class PageChars:
    """The characters of a page and what had to be left out."""

    runs: list[Run]
    chars: int  # characters kept
    unmapped_fonts: list[str]  # fonts whose characters were dropped (no ToUnicode map)
    hidden: int  # white characters outside dark fills, dropped
    duplicates: int  # overprinted duplicates, dropped


class FontCheck:
    """Remembers, per font xref, whether its characters can be mapped to Unicode (fonts repeat across pages)."""

    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc = doc
        self._cache: dict[int, bool] = {}

    def unmapped_names(self, page: pymupdf.Page) -> dict[str, bool]:
        """Base names (subset prefix removed) of the page's fonts that have no way to Unicode.

        The value is True when every font of that name on the page is unmapped; False when a
        mapped font shares the name (the trace names fonts by base name only), and only spans
        whose characters equal their glyph ids can be told apart as unmapped.
        """
        names: dict[str, bool] = {}
        mapped: set[str] = set()
        for xref, _ext, ftype, basefont, _name, encoding in page.get_fonts():
            name = basefont.split("+", 1)[-1]
            if ftype != "Type0" or not encoding.startswith("Identity"):
                mapped.add(name)
                continue
            if xref not in self._cache:
                self._cache[xref] = self._is_unmapped(xref)
            if self._cache[xref]:
                names[name] = True
            else:
                mapped.add(name)
        return {name: name not in mapped for name in names}

    def _is_unmapped(self, xref: int) -> bool:
        kind, _ = self.doc.xref_get_key(xref, "ToUnicode")
        if kind not in ("null", ""):
            return False
        kind, value = self.doc.xref_get_key(xref, "DescendantFonts")
        descendant = _first_xref(value) if kind in ("array", "xref") else None
        if descendant is None:
            return True
        info = self.doc.xref_get_key(descendant, "CIDSystemInfo/Ordering")[1]
        return not any(ordering in info for ordering in _KNOWN_ORDERINGS)


def _first_xref(value: str) -> int | None:
    parts = value.strip("[] ").split()
    try:
        return int(parts[0])
    except (IndexError, ValueError):
        return None


_FLAGS = pymupdf.TEXT_INHIBIT_SPACES | pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP


def _unmapped_spans(page: pymupdf.Page, unmapped: dict[str, bool]) -> set[str]:
    """Font names (as the text extraction names them) of spans whose codes are glyph ids.

    The trace may name a font differently from its dictionary (family name vs. BaseFont), so on a
    page with an unmapped font, a span whose every code equals its glyph id is taken as that font's.
    """
    names = {name for name, alone in unmapped.items() if alone}
    for span in page.get_texttrace():
        if span["font"] in unmapped or all(ch[0] == ch[1] for ch in span["chars"]):
            names.add(span["font"])
    return names


def page_chars(
    page: pymupdf.Page,
    fonts: FontCheck,
    dark_fills: list[tuple[float, float, float, float]],
    rules: list[float],
) -> PageChars:
    """Every visible, readable character of the page as runs, deduplicated.

    `dark_fills` are boxes filled with a dark colour: white text on them is visible and kept.
    `rules` are the x positions of the page's vertical table rules: a run never crosses one, so
    each run falls in one table cell.
    """
    unmapped = fonts.unmapped_names(page)
    bad_fonts = _unmapped_spans(page, unmapped) if unmapped else set()
    dropped_fonts: set[str] = set()
    hidden = duplicates = kept = 0
    # Overprinting redraws whole spans (fill then stroke, or the same text nudged by a fraction of
    # a point): spans are compared first, by text, which is cheap. Only a page where that happened
    # gets the per-run comparison too (a redraw of part of a span).
    drawn: dict[str, list[tuple[float, float]]] = {}
    out: list[Run] = []
    for block in page.get_text("rawdict", flags=_FLAGS)["blocks"]:
        for line in block.get("lines", ()):
            dx, _dy = line["dir"]
            vertical = line["wmode"] == 1 or abs(dx) < 0.5
            for span in line["spans"]:
                chars = span["chars"]
                if not chars:
                    continue
                if span["font"] in bad_fonts:
                    dropped_fonts.add(span["font"])
                    continue
                size = span["size"] or 1.0
                text = "".join(ch["c"] for ch in chars)
                ox, oy = chars[0]["origin"]
                limit = min(1.0, _FAKE_BOLD_EM * size)
                if any(abs(x - ox) <= limit and abs(y - oy) <= limit for x, y in drawn.get(text, ())):
                    duplicates += len(text.strip())
                    continue
                drawn.setdefault(text, []).append((ox, oy))
                color = span["color"]
                white = all((color >> k) & 0xFF >= 0xF8 for k in (0, 8, 16))
                # Only rules that cross the span can cut it (most spans lie inside one cell).
                sx0, _, sx1, _ = span["bbox"]
                inside = rules[bisect_right(rules, sx0) : bisect_right(rules, sx1)] if rules else rules
                run = None if inside or vertical else _solid_run(chars, text, size, sx1 - sx0)
                if run is not None:
                    runs, dups = [run], 0
                else:
                    runs, dups = _span_runs(chars, size, vertical, limit, inside)
                duplicates += dups
                for run in runs:
                    if white and not _inside_any((run.cx, run.cy), dark_fills):
                        hidden += len(run.text)
                        continue
                    kept += len(run.text)
                    out.append(run)
    if duplicates:
        out, more = dedupe(out)
        duplicates += more
    return PageChars(out, kept, sorted(dropped_fonts), hidden, duplicates)


def _solid_run(chars: list[dict], text: str, size: float, width: float) -> Run | None:
    """The span as one run when its characters stand edge to edge (no gap, no overprint), else None.

    The common case, decided from the span's width and the sum of its characters' widths without
    looking at each gap; `_span_runs` handles the rest.
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
    return Run(text, first["bbox"][0], base - 0.85 * size, last["bbox"][2], base + 0.15 * size, base, size)


def _span_runs(
    chars: list[dict], size: float, vertical: bool, limit: float, rules: list[float]
) -> tuple[list[Run], int]:
    """Cut a span's characters into runs at gaps (> a tenth of an em) and at table rules; (runs, duplicates).

    Spaces stay in the run's text (`総務企画局 市民局`, the spaces around a footnote mark) but not
    in its box, which covers ink only: a space pads text out to an alignment.
    """
    runs: list[Run] = []
    duplicates = 0
    text: list[str] = []
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
            duplicates += 1  # each character drawn twice in a row within the span
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
                runs.append(Run("".join(text), x0, top, x1, bottom, base, size, vertical))
            text, inked = [], False
            top, bottom, base = ctop, cbottom, cbase
        text.append(c)
        pen = max(pen, cx1) if joins else cx1
        if c != " ":
            if not inked:
                x0, inked = cx0, True
            x1 = cx1
    if text and inked:
        runs.append(Run("".join(text), x0, top, x1, bottom, base, size, vertical))
    return runs, duplicates


def _inside_any(point: tuple[float, float], boxes: list[tuple[float, float, float, float]]) -> bool:
    x, y = point
    return any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in boxes)


def dedupe(runs: list[Run]) -> tuple[list[Run], int]:
    """Drop runs drawn again at (almost) the same place (a redraw of part of a span); keeps the first.

    Runs are bucketed by text and baseline (2-point bands), so each one is compared with the few
    same runs near its baseline only.
    """
    seen: dict[tuple[str, int], list[tuple[float, float]]] = {}
    kept: list[Run] = []
    dropped = 0
    for run in runs:
        limit = min(1.0, _FAKE_BOLD_EM * run.size)
        x0, base = run.x0, run.base
        band = int(base // 2)
        frac = base / 2 - band
        duplicate = False
        for key in ((run.text, band), (run.text, band - 1 if frac < 0.5 else band + 1)):
            if any(abs(ox - x0) <= limit and abs(ob - base) <= limit for ox, ob in seen.get(key, ())):
                duplicate = True
                break
        if duplicate:
            dropped += len(run.text)
            continue
        seen.setdefault((run.text, band), []).append((x0, base))
        kept.append(run)
    return kept, dropped
