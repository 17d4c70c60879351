"""One PDF page to drafts of blocks: ruled tables with their cell texts, paragraphs and aligned tables outside them.

Free text (outside every ruled cell, or inside a frame: a cell holding a layout of its own,
`pdf_frames`) is read as tables of aligned text (`pdf_aligned`) and paragraphs.

Drafts keep their geometry (boxes, grid lines, font sizes) because two decisions need it and
can only be taken once all pages are read: which top and bottom lines are running headers
and page numbers (`pdf_margins`), and which table continues on the next page (`pdf_join`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median_low
from typing import TypeVar

from pipeline.mupdf import pymupdf
from pipeline.pdf_aligned import AlignedDraft, find_tables
from pipeline.pdf_arrows import ARROW_TEXT, bars, marked_regions
from pipeline.pdf_chars import FontCheck, page_chars
from pipeline.pdf_drawings import Box, read_drawings
from pipeline.pdf_frames import frame_regions, order_frame
from pipeline.pdf_grid import Grid, build_grids
from pipeline.pdf_layout import Boxed
from pipeline.pdf_open_rows import extend_down
from pipeline.pdf_plumber import PlumberPages, needs_fallback
from pipeline.pdf_row_columns import split_columns
from pipeline.pdf_rules import Rules
from pipeline.pdf_runs import Run
from pipeline.pdf_text import join_lines, lines_of, paragraph_text, paragraphs

SHADED_SHARE = 0.8  # fills covering this share of a cell make it a shaded cell
SEGMENT_GAP_EM = 2.5  # free text more than this many ems apart on one line is two pieces of text
_BLOCK_GAP_EM = 0.9  # lines closer than this (in ems) belong to one block of text
_PARAGRAPH_MIN_EM = 10.0  # running text narrower than this many ems does not wrap
TEXT_INDENT_EM = 5.0  # running text: numbered notes wrap under a hanging indent (`（注）1 …`)


@dataclass
class TableDraft:
    """A ruled table of one page (or, once joined, of several): grid, cell texts, page of each row."""

    grid: Grid
    texts: list[str]
    row_pages: list[int]
    page: int
    shaded: list[bool] = field(default_factory=list)  # per region: its background is filled
    row_shift: list[float] = field(default_factory=list)  # per row: added to its y by a join (its page's y + shift)

    @property
    def top(self) -> float:
        """Top edge."""
        return self.grid.ys[0]

    @property
    def x0(self) -> float:
        """Left edge."""
        return self.grid.xs[0]

    @property
    def x1(self) -> float:
        """Right edge."""
        return self.grid.xs[-1]

    @property
    def bottom(self) -> float:
        """Bottom edge."""
        return self.grid.ys[-1]


@dataclass
class TextDraft:
    """A paragraph outside tables: its text, box and font size."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    page: int


Draft = TableDraft | TextDraft | AlignedDraft
B = TypeVar("B", bound=Boxed)  # anything reading_order places: drafts, frames


@dataclass(frozen=True)
class FrameDraft:
    """A frame (`pdf_frames`): its box, and its text read as paragraphs and aligned tables, in reading order."""

    x0: float
    top: float
    x1: float
    bottom: float
    items: tuple[TextDraft | AlignedDraft, ...]


@dataclass
class PageDraft:
    """A page's drafts in reading order, with what the reader had to leave out."""

    number: int
    width: float
    height: float
    items: list[Draft] = field(default_factory=list)
    chars: int = 0
    unmapped_fonts: list[str] = field(default_factory=list)
    hidden: dict[str, int] = field(default_factory=dict)
    duplicates: int = 0
    images: int = 0
    skipped_paths: int = 0  # drawn paths not read: more than the reader reads on one page


def read_page(page: pymupdf.Page, number: int, fonts: FontCheck, plumber: PlumberPages | None = None) -> PageDraft:
    """Read one page: drawings → grids, characters → cells or paragraphs, arrows → `→` cells.

    `plumber` is asked for the tables of a page whose cells are marked by fills only.
    """
    rect = page.rect
    draft = PageDraft(number=number, width=rect.width, height=rect.height)
    drawings = read_drawings(page)
    draft.skipped_paths = drawings.skipped
    grids = build_grids(drawings.horizontal, drawings.vertical)
    grid_bars = [bars(grid, drawings.fills) for grid in grids]
    found = page_chars(page, fonts, Rules(grids, drawings.vertical, [bar for row in grid_bars for bar in row]))
    draft.chars = found.chars
    draft.unmapped_fonts, draft.hidden, draft.duplicates = found.unmapped_fonts, found.hidden, found.duplicates
    if not found.runs:
        # Only an image-only page needs its images counted (for the "add a text layer" advice).
        draft.images = len(page.get_images(full=False))
    if plumber is not None and needs_fallback(drawings.fills, grids, lambda box: _holds_text(box, found.runs)):
        x0s = [(g.xs[0], g.ys[0], g.xs[-1], g.ys[-1]) for g in grids]
        grids += [g for g in plumber.grids(number - 1) if not any(_overlap(g.bbox, box) for box in x0s)]
    grids = [
        extend_down(grid, drawings.horizontal, lambda b: _holds_text(Box(b[0], b[1], b[2], b[3]), found.runs), grids)
        for grid in grids
    ]
    # Bars are found per grid row: the rows of plumber's grids and of grids extended downwards count too.
    grid_bars = [bars(grid, drawings.fills) for grid in grids]
    in_cells, free = _assign(found.runs, grids)
    for index, grid in enumerate(grids):
        # A table ruled between its rows only: its heading row gives it its columns.
        if (split := split_columns(grid, in_cells[index])) is not None:
            grids[index] = split
            in_cells[index] = _assign([run for cell in in_cells[index] for run in cell], [split])[0][0]
            grid_bars[index] = bars(split, drawings.fills)
    items: list[Draft | FrameDraft] = []
    for grid, cells, grid_bar in zip(grids, in_cells, grid_bars, strict=True):
        marked = marked_regions(grid, drawings.arrows + grid_bar)
        frames = frame_regions(grid, cells, rect.width * rect.height)
        texts = []
        for index, chars in enumerate(cells):
            x0, y0, x1, y1 = grid.region_box(index)
            if index in frames:
                texts.append("")
                items.append(FrameDraft(x0, y0, x1, y1, tuple(_read_frame(chars, number))))
                continue
            text = join_lines(lines_of(chars), x0, x1)
            texts.append(text or (ARROW_TEXT if index in marked else ""))
        if not any(texts):
            continue  # ruled decoration without text (frames, empty forms)
        gx0, gy0, gx1, gy1 = grid.xs[0], grid.ys[0], grid.xs[-1], grid.ys[-1]
        near = [b for b in drawings.fills if b.x1 > gx0 and b.x0 < gx1 and b.y1 > gy0 and b.y0 < gy1]
        shaded = [bool(near) and _is_shaded(grid.region_box(i), near) for i in range(len(texts))]
        items.append(TableDraft(grid, texts, [number] * (len(grid.ys) - 1), number, shaded))
    items.extend(_free_drafts(free, number))
    ordered = reading_order(items, rect.width, rect.height)
    draft.items = [d for item in ordered for d in (item.items if isinstance(item, FrameDraft) else (item,))]
    return draft


def _free_drafts(chars: list[Run], number: int) -> list[TextDraft | AlignedDraft]:
    """Free text: its aligned tables, and paragraphs of the rest."""
    tables, rest = find_tables(chars, number)
    return [*tables, *_text_drafts(rest, number)]


def _read_frame(chars: list[Run], number: int) -> list[TextDraft | AlignedDraft]:
    """A frame's text as free text, in the frame's reading order."""
    drafts = _free_drafts(chars, number)
    return order_frame(drafts, median_low([d.size for d in drafts])) if drafts else []


def _assign(chars: list[Run], grids: list[Grid]) -> tuple[list[list[list[Run]]], list[Run]]:
    """Runs by table cell (per grid, per region), and those outside every table.

    A run goes to the cell holding its centre; a run that crosses a column line (by more than
    half a character: it was not cut there, so the line is not drawn at its height, `pdf_rules`)
    goes to the cell where it starts.

    The hot loop of the reader (every run of every page): plain tuples and bisect, no calls
    into grid methods.
    """
    in_cells: list[list[list[Run]]] = [[[] for _ in g.regions] for g in grids]
    free: list[Run] = []
    boxes = [(g.xs[0], g.ys[0], g.xs[-1], g.ys[-1], g.xs, g.ys, g.owner, len(g.xs) - 2, len(g.ys) - 2) for g in grids]
    for ch in chars:
        x, y = ch.cx, ch.cy
        for index, (x0, y0, x1, y1, xs, ys, owner, last_col, last_row) in enumerate(boxes):
            if x0 <= x <= x1 and y0 <= y <= y1:
                col = min(max(bisect_right(xs, x) - 1, 0), last_col)
                if col and ch.x0 + 0.5 * ch.size < xs[col]:
                    col = max(bisect_right(xs, ch.x0 + 0.5 * ch.size) - 1, 0)
                row = min(max(bisect_right(ys, y) - 1, 0), last_row)
                in_cells[index][owner[row][col]].append(ch)
                break
        else:
            free.append(ch)
    return in_cells, free


def _is_shaded(region: tuple[float, float, float, float], fills: list[Box]) -> bool:
    """True when fills cover most of a cell (`SHADED_SHARE` of its area): cell shading, not a thin bar."""
    x0, y0, x1, y1 = region
    area = (x1 - x0) * (y1 - y0)
    if area <= 0:
        return False
    covered = sum(max(0.0, min(x1, b.x1) - max(x0, b.x0)) * max(0.0, min(y1, b.y1) - max(y0, b.y0)) for b in fills)
    return covered >= SHADED_SHARE * area


def _holds_text(box: Box, chars: list[Run]) -> bool:
    return any(box.x0 <= ch.cx <= box.x1 and box.y0 <= ch.cy <= box.y1 for ch in chars)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _text_drafts(chars: list[Run], number: int) -> list[TextDraft]:
    """Paragraphs of the characters outside tables: lines → blocks → paragraphs."""
    lines = sorted(lines_of(chars, SEGMENT_GAP_EM), key=lambda line: (line.top, line.x0))
    blocks: list[list] = []
    for line in lines:
        for block in reversed(blocks):
            last = block[-1]
            if (
                abs(line.size - last.size) <= 0.2 * last.size
                and line.top - last.bottom <= _BLOCK_GAP_EM * last.size
                and line.top >= last.top + 0.5 * last.size
                and min(line.x1, max(b.x1 for b in block)) > max(line.x0, min(b.x0 for b in block))
            ):
                block.append(line)
                break
        else:
            blocks.append([line])
    out = []
    for block in blocks:
        left, right = min(b.x0 for b in block), max(b.x1 for b in block)
        if right - left < _PARAGRAPH_MIN_EM * block[0].size:
            groups = [[line] for line in block]  # a stack of short labels, not a wrapped paragraph
        else:
            groups = paragraphs(block, left, right, indent_em=TEXT_INDENT_EM, hang_em=TEXT_INDENT_EM + 1.5)
        for group in groups:
            if len(group) >= 2 and all(len(line.text) == 1 for line in group):
                text = "".join(line.text for line in group)
            else:
                text = paragraph_text(group)
            out.append(
                TextDraft(
                    text=text,
                    x0=min(line.x0 for line in group),
                    top=group[0].top,
                    x1=max(line.x1 for line in group),
                    bottom=group[-1].bottom,
                    size=group[0].size,
                    page=number,
                )
            )
    return out


def _gutter(items: Sequence[Boxed], width: float) -> float | None:
    """The x of an empty vertical band between two columns of content (a two-page spread), or None."""
    spans = sorted((item.x0, item.x1) for item in items)
    if len(spans) < 2:
        return None
    best: tuple[float, float] | None = None
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= 12.0:
            middle = (x0 + reach) / 2
            if 0.3 * width <= middle <= 0.7 * width and (best is None or x0 - reach > best[1]):
                best = (middle, x0 - reach)
        reach = max(reach, x1)
    return best[0] if best else None


def _top_down(items: list[B]) -> list[B]:
    return sorted(items, key=lambda item: (round(item.top, 1), item.x0))


def _tall(items: list[B], height: float) -> bool:
    return len(items) >= 2 and max(i.bottom for i in items) - min(i.top for i in items) >= 0.3 * height


def reading_order(items: list[B], width: float, height: float) -> list[B]:
    """Top to bottom; on a page printed as two columns (both of them tall), the left column first."""
    gutter = _gutter(items, width)
    if gutter is None:
        return _top_down(items)
    left = [item for item in items if item.x1 <= gutter]
    right = [item for item in items if item.x1 > gutter]
    if not (_tall(left, height) and _tall(right, height)):
        return _top_down(items)
    return _top_down(left) + _top_down(right)
