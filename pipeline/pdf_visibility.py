"""Which characters of a page a reader of the printed page sees: colours, fills and paint order.

A PDF paints in order, later over earlier. MuPDF's text extraction, asked to collect vectors
(`TEXT_COLLECT_VECTORS`), hands over the page's filled areas as blocks in that order, between
the text blocks: enough to tell what lies under each piece of text. Text is dropped only when
it is truly invisible:

* its colour is (nearly) that of what lies under it: white text on the bare page or on a white
  box, a note on a box of its own colour. What lies under it is the last box filled before it
  that holds its centre, else the paper. Text on a fill it contrasts with (white headers on blue
  or green cells, red and blue figures, white labels on bars) is kept, however light the fill;
* it is drawn without ink (render mode 3, or fully transparent): an OCR text layer or a hidden
  note. Over an image or a drawn shape, something else prints what it says (a scan, a title set
  as a picture, text turned into outlines), so there it is kept.

Text outside the page never reaches this module (`TEXT_MEDIABOX_CLIP`). Only boxes count as
what lies under text: any other filled shape (an arrow, a badge, a glyph outline) is known by
its bounding box only, so it may keep text visible but never hides it. Boxes thinner than a
rule are rules, not backgrounds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from pipeline.mupdf import pymupdf
from pipeline.pdf_drawings import THIN
from pipeline.pdf_runs import Run

PAPER = "paper"  # in the paper's colour (white), on the bare page or on a white box
FILL = "fill"  # in the colour of the box under it
INVISIBLE = "invisible"  # drawn without ink, over nothing that prints it
# Notes in the document's summary, one per reason.
HIDDEN_NOTES = {
    PAPER: "{n} white characters outside dark fills dropped (invisible on the printed page)",
    FILL: "{n} characters in the colour of the fill under them dropped (invisible on the printed page)",
    INVISIBLE: "{n} characters of invisible text (render mode 3 or transparent) dropped",
}

_WHITE = 0xFFFFFF
_NEAR = 16  # colours whose red, green and blue differ by at most this (of 255) print alike
_BAND = 16.0  # points: height of the bands fills are indexed by
_INKED = 16 | 32  # MuPDF's per-span character flags: glyphs filled, glyphs stroked


@dataclass(slots=True)
class _Fill:
    """A filled area: a box, or the bounding box of another shape."""

    x0: float
    y0: float
    x1: float
    y1: float
    color: int
    seq: int  # position in paint order
    box: bool  # a rectangle (else only the bounding box of another shape is known)
    thin: bool  # a rule


def near(a: int, b: int) -> bool:
    """True when two sRGB colours (0xRRGGBB) print alike."""
    return (
        abs((a >> 16) - (b >> 16)) <= _NEAR
        and abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF)) <= _NEAR
        and abs((a & 0xFF) - (b & 0xFF)) <= _NEAR
    )


def without_ink(span: dict) -> bool:
    """True for a span drawn without ink: neither filled nor stroked (render mode 3), or fully transparent."""
    return span["alpha"] == 0 or not span["char_flags"] & _INKED


class Text(NamedTuple):
    """The runs of one span, as the visibility test needs them."""

    runs: list[Run]
    seq: int  # position in paint order (the extraction's block number)
    color: int
    inkless: bool  # drawn without ink (`without_ink`)


def visible(page: pymupdf.Page, vectors: list[dict], texts: list[Text]) -> tuple[list[Run], dict[str, int]]:
    """The runs a reader sees, in paint order, and how many characters were dropped, by reason.

    `vectors` are the vector blocks of the page's text extraction. Only text in the paper's colour
    or in the colour of some box on the page, and text without ink, is looked at closely (most
    pages have none); everything else is visible whatever lies under it.
    """
    suspects = _suspect_colors(texts, vectors)
    if not suspects and not any(t.inkless for t in texts):
        return [run for t in texts for run in t.runs], {}
    ground = _Ground(vectors)
    hidden: dict[str, int] = {}
    kept: list[Run] = []
    for text in texts:
        if not (text.color in suspects or text.inkless):
            kept.extend(text.runs)
            continue
        for run in text.runs:
            if text.inkless:
                reason = None if ground.printed_under(run, page) else INVISIBLE
            else:
                reason = ground.same_color(run, text.seq, text.color)
            if reason is None:
                kept.append(run)
            else:
                hidden[reason] = hidden.get(reason, 0) + len(run.text)
    return kept, hidden


def _suspect_colors(texts: list[Text], vectors: list[dict]) -> set[int]:
    """The text colours that could be invisible: near the paper's, or near a box painted before such text."""
    last: dict[int, int] = {}
    for text in texts:
        last[text.color] = max(last.get(text.color, -1), text.seq)
    by_color: dict[int, list[dict]] = {}
    for block in vectors:
        by_color.setdefault(block["color"], []).append(block)
    out = set()
    for color, seq in last.items():
        if near(color, _WHITE) or any(
            block["number"] < seq and _is_box(block)
            for fill, blocks in by_color.items()
            if near(color, fill)
            for block in blocks
        ):
            out.add(color)
    return out


def _is_box(block: dict) -> bool:
    x0, y0, x1, y1 = block["bbox"]
    return block["isrect"] and not block["stroked"] and x1 - x0 > THIN and y1 - y0 > THIN


class _Ground:
    """What lies under text: the page's fills indexed by horizontal band, each band in paint order."""

    def __init__(self, vectors: list[dict]) -> None:
        self.bands: dict[int, list[_Fill]] = {}
        for block in vectors:
            if block["stroked"]:
                continue  # lines: no background
            x0, y0, x1, y1 = block["bbox"]
            fill = _Fill(
                x0, y0, x1, y1, block["color"], block["number"], block["isrect"], x1 - x0 <= THIN or y1 - y0 <= THIN
            )
            for band in range(int(y0 // _BAND), int(y1 // _BAND) + 1):
                self.bands.setdefault(band, []).append(fill)
        self._images: list[tuple[float, float, float, float]] | None = None

    def same_color(self, run: Run, seq: int, color: int) -> str | None:
        """Why the run is invisible when it has the colour of what lies under it, else None."""
        x, y = run.cx, run.cy
        for fill in reversed(self.bands.get(int(y // _BAND), ())):
            if fill.seq > seq or fill.thin or not (fill.x0 <= x <= fill.x1 and fill.y0 <= y <= fill.y1):
                continue
            if not fill.box:
                if near(color, fill.color):
                    continue  # only its bounding box is known: what lies under the run may be further down
                return None  # it may sit on that shape, which it contrasts with
            if not near(color, fill.color):
                return None
            return PAPER if near(fill.color, _WHITE) else FILL
        return PAPER if near(color, _WHITE) else None

    def printed_under(self, run: Run, page: pymupdf.Page) -> bool:
        """True when an image, or a shape other than a box, overlaps the run: it prints what the run says."""
        if self._images is None:
            self._images = [tuple(info["bbox"]) for info in page.get_image_info()]
        x0, y0, x1, y1 = run.x0, run.top, run.x1, run.bottom
        if any(a < x1 and c > x0 and b < y1 and d > y0 for a, b, c, d in self._images):
            return True
        return any(
            not f.box and f.x0 < x1 and f.x1 > x0 and f.y0 < y1 and f.y1 > y0
            for band in range(int(y0 // _BAND), int(y1 // _BAND) + 1)
            for f in self.bands.get(band, ())
        )
