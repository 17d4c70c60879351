"""The characters of one PDF page, as drawn, cleaned of what a reader never sees.

Why PyMuPDF's `get_text("rawdict")` with `TEXT_INHIBIT_SPACES`: it is the fast per-character
source whose boxes use the PDF's own advance widths (the text trace and pdfminer measure the
substituted glyph when a font is not embedded, so gaps appear inside words), and it never
invents spaces from gaps (letter-spaced Japanese headings and numbers would otherwise come out
as `工 程`, `2 , 0 5 0`; spacing is decided in `pdf_text` from the geometry). pdfplumber's
characters are not needed here: PyMuPDF gives the same detail ten times faster.

What is dropped here, and why:
* text a reader of the printed page never sees: in the colour of what lies under it, or drawn
  without ink (`pdf_visibility`, from the paint order the same extraction gives when asked to
  collect vectors);
* a second drawing of the same glyph at (almost) the same place: fake bold by overprinting,
  or fill + stroke drawn as two passes (`pdf_overprint`);
* characters of a CID font with Identity encoding and no ToUnicode map: MuPDF reports their
  glyph ids *as* characters (mojibake). Only on pages with such a font, the text trace
  (`get_texttrace`, which gives glyph id and code side by side) tells which spans those are;
  they are dropped and the page reported;
* control characters and U+FFFD.

Spans are cut into runs (`pdf_runs`) at the table rules drawn at their height (`pdf_rules`), so
that each run falls in one table cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.mupdf import pymupdf
from pipeline.pdf_overprint import copy_limit, dedupe
from pipeline.pdf_rules import Rules
from pipeline.pdf_runs import Run, solid_run, span_runs
from pipeline.pdf_visibility import Text, visible, without_ink

# Collections whose CIDs MuPDF maps to Unicode on its own, even without a ToUnicode map.
_KNOWN_ORDERINGS = ("Japan1", "Japan2", "GB1", "CNS1", "Korea1", "KR")


@dataclass
class PageChars:
    """The characters of a page and what had to be left out."""

    runs: list[Run]
    chars: int  # characters kept
    unmapped_fonts: list[str]  # fonts whose characters were dropped (no ToUnicode map)
    hidden: dict[str, int]  # characters invisible on the printed page, dropped, by reason (`pdf_visibility`)
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


_FLAGS = (
    pymupdf.TEXT_INHIBIT_SPACES
    | pymupdf.TEXT_PRESERVE_WHITESPACE
    | pymupdf.TEXT_MEDIABOX_CLIP
    | pymupdf.TEXT_COLLECT_VECTORS
)
_NO_CHARACTER = 0xFFFD  # the code the text trace gives a glyph it found no character for
_VECTOR = 3  # block type of a vector (a filled or stroked path) in the extraction's output


def _unmapped_spans(page: pymupdf.Page, unmapped: dict[str, bool]) -> set[str]:
    """Font names (as the text extraction names them) of spans whose codes are glyph ids.

    The trace may name a font differently from its dictionary (family name vs. BaseFont), so on a
    page with an unmapped font, a span whose every code equals its glyph id, or is U+FFFD (MuPDF
    found no character for it), is taken as that font's.
    """
    names = {name for name, alone in unmapped.items() if alone}
    for span in page.get_texttrace():
        if span["font"] in unmapped or all(ch[0] in (ch[1], _NO_CHARACTER) for ch in span["chars"]):
            names.add(span["font"])
    return names


def page_chars(page: pymupdf.Page, fonts: FontCheck, rules: Rules) -> PageChars:
    """Every visible, readable character of the page as runs, deduplicated.

    `rules` are the page's table rules: a run never crosses one drawn at its height, so each
    run falls in one table cell.
    """
    unmapped = fonts.unmapped_names(page)
    bad_fonts = _unmapped_spans(page, unmapped) if unmapped else set()
    dropped_fonts: set[str] = set()
    duplicates = 0
    vectors: list[dict] = []
    texts: list[Text] = []
    for block in page.get_text("rawdict", flags=_FLAGS)["blocks"]:
        if block["type"] == _VECTOR:
            vectors.append(block)
            continue
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
                sx0, sy0, sx1, sy1 = span["bbox"]
                # Only rules that cross the span can cut it (most spans lie inside one cell).
                inside = rules.cutting(sx0, sx1, (sy0 + sy1) / 2) if rules.xs else []
                run = None
                if not inside and not vertical:
                    run = solid_run(chars, "".join(ch["c"] for ch in chars), size, sx1 - sx0)
                if run is not None:
                    runs, dups = [run], 0
                else:
                    runs, dups = span_runs(chars, size, vertical, copy_limit(size), inside)
                duplicates += dups
                texts.append(Text(runs, block["number"], span["color"], without_ink(span)))
    seen, hidden = visible(page, vectors, texts)
    out, more = dedupe(seen)
    kept = 0
    for run in out:
        run.chars = None  # let the extraction's characters go: the page is read on from runs alone
        kept += len(run.text)
    return PageChars(out, kept, sorted(dropped_fonts), hidden, duplicates + more)
