"""PDF page images and the boxes of what was read on them (cards, schedule rows, indicators, values)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from report.anchors import card_anchor
from report.load import Box, DocumentTables

if TYPE_CHECKING:
    from pipeline.mupdf import pymupdf

#: Box kinds, in drawing order: later kinds lie on top, so the small value boxes keep their tooltips.
BOX_KINDS = ("card", "schedule", "indicator", "value")
#: Page images per document at most; a long plan's report stays a size a browser opens quickly.
MAX_PAGE_IMAGES = 40
#: Resolution of the page images: A4 is 827 × 1169 px, enough to read the printed text under the boxes.
PAGE_DPI = 100


@dataclass(frozen=True)
class OverlayBox:
    """One box drawn over a page image."""

    kind: str  # one of BOX_KINDS
    box: Box  # [x0, top, x1, bottom] in PDF points from the page's top-left corner
    title: str  # the tooltip: what was read there
    href: str  # the card's anchor on the document page


@dataclass(frozen=True)
class PageImage:
    """One rendered page and the boxes over it."""

    page: int  # 1-based, as source_page counts
    image: str  # the PNG's path relative to the report folder
    png: bytes
    width_px: int
    height_px: int
    width_pt: float
    height_pt: float
    boxes: tuple[OverlayBox, ...]


@dataclass(frozen=True)
class PageOverlays:
    """A document's page images, and what could not be shown."""

    pages: tuple[PageImage, ...]
    left_out: int  # pages with boxes past MAX_PAGE_IMAGES
    note: str | None  # why no page could be shown (a missing or unreadable PDF), else None


def page_boxes(tables: DocumentTables) -> dict[int, tuple[OverlayBox, ...]]:
    """The boxes of a document by page number, each page's boxes in BOX_KINDS order, then as the tables list them.

    Schedule cells share their grid row's box, so each row is drawn once, its cells in the tooltip.
    """
    paths = {card.initiative_id: card.path for card in tables.cards}
    names = {indicator.indicator_id: indicator.name for indicator in tables.indicators}

    def href(initiative_id: str) -> str:
        return "#" + card_anchor(paths.get(initiative_id, initiative_id))

    found: list[tuple[int, OverlayBox]] = []
    for card in tables.cards:
        if card.source_page and card.source_bbox:
            title = f"card {card.path}: {card.title}"
            found.append((card.source_page, OverlayBox("card", card.source_bbox, title, href(card.initiative_id))))
    rows: dict[tuple[str, int, int, Box], list[str]] = {}
    for cell in tables.schedule:
        if cell.source_page and cell.source_bbox:
            key = (cell.initiative_id, cell.row_no, cell.source_page, cell.source_bbox)
            rows.setdefault(key, []).append(f"{cell.fiscal_year} {cell.cell_text}")
    for (initiative_id, row_no, page, box), printed in rows.items():
        title = f"card {paths.get(initiative_id, initiative_id)} schedule row {row_no}: " + "; ".join(printed)
        found.append((page, OverlayBox("schedule", box, title, href(initiative_id))))
    for indicator in tables.indicators:
        if indicator.source_page and indicator.source_bbox:
            unit = f" ({indicator.unit})" if indicator.unit else ""
            title = f"indicator of card {paths.get(indicator.initiative_id, indicator.initiative_id)}: {indicator.name}"
            drawn = OverlayBox("indicator", indicator.source_bbox, title + unit, href(indicator.initiative_id))
            found.append((indicator.source_page, drawn))
    for value in tables.values:
        if value.source_page and value.source_bbox:
            year = f" {value.fiscal_year}" if value.fiscal_year is not None else ""
            title = f"{names.get(value.indicator_id, value.indicator_id)}: {value.kind}{year} = {value.value_text}"
            found.append((value.source_page, OverlayBox("value", value.source_bbox, title, href(value.initiative_id))))
    by_page: dict[int, list[OverlayBox]] = {}
    for page, drawn in found:
        by_page.setdefault(page, []).append(drawn)
    rank = {kind: index for index, kind in enumerate(BOX_KINDS)}
    # sorted() is stable: within a kind, boxes keep the tables' printed order.
    return {page: tuple(sorted(by_page[page], key=lambda b: rank[b.kind])) for page in sorted(by_page)}


def render_page_images(
    pdf: Path,
    boxes: dict[int, tuple[OverlayBox, ...]],
    folder: str,
    limit: int = MAX_PAGE_IMAGES,
    dpi: int = PAGE_DPI,
    label: str | None = None,
) -> PageOverlays:
    """Render the pages that have boxes (the first `limit` of them) as PNGs named `<folder>/page-NNNN.png`.

    `label` names the PDF in notes (its source_path, the same wherever the project lies); pages past the
    end of the file are left out like those past the limit.
    """
    name = label or str(pdf)
    if not boxes:
        return PageOverlays((), 0, None)
    if not pdf.is_file():
        return PageOverlays((), 0, f"the source PDF {name} is not there: no page images")
    # Imported here, as the pipeline does: only a report of a PDF needs PyMuPDF, and every `plancards`
    # command imports the report through the CLI. pipeline.mupdf leaves out the layout model it would load.
    from pipeline.mupdf import pymupdf

    try:
        with pymupdf.open(pdf) as document:
            shown = [page for page in sorted(boxes) if 1 <= page <= document.page_count][:limit]
            images = tuple(_render(document, page, boxes[page], folder, dpi) for page in shown)
    except (RuntimeError, ValueError) as error:  # pymupdf's FileDataError is a RuntimeError
        return PageOverlays((), 0, f"the source PDF {name} could not be rendered ({error}): no page images")
    return PageOverlays(images, len(boxes) - len(images), None)


def _render(document: pymupdf.Document, page_no: int, boxes: Iterable[OverlayBox], folder: str, dpi: int) -> PageImage:
    page = document.load_page(page_no - 1)
    pixmap = page.get_pixmap(dpi=dpi, alpha=False)
    return PageImage(
        page=page_no,
        image=f"{folder}/page-{page_no:04d}.png",
        png=pixmap.tobytes("png"),
        width_px=pixmap.width,
        height_px=pixmap.height,
        width_pt=round(page.rect.width, 1),
        height_pt=round(page.rect.height, 1),
        boxes=tuple(boxes),
    )
