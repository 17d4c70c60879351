"""Rendering the index and the document pages with the Jinja2 templates in report/templates/."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from report.anchors import card_anchor, quality_card, slug
from report.charts import DocumentCount, Figure, indicator_figure, schedule_figure, values_per_document_figure
from report.load import Card, Document, DocumentTables, Indicator, QualityCheck, ScheduleCell, Value
from report.overlays import BOX_KINDS, MAX_PAGE_IMAGES, PageOverlays

_ARROWS = {"increase": "↑", "decrease": "↓", "maintain": "→", "unknown": "?"}
INDEX_CHART_ID = "chart-values-per-document"

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("report", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,  # a misspelt field fails the build instead of printing nothing
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class DocumentCounts:
    """What the index lists of one document."""

    cards: int
    indicators: int
    values: int
    warnings: int
    errors: int


@dataclass(frozen=True)
class IndexRow:
    """One row of the index's table."""

    document: Document
    href: str
    counts: DocumentCounts


@dataclass(frozen=True)
class QualityView:
    """A quality row and the card it concerns, if exactly one."""

    check: QualityCheck
    card: Card | None
    anchor: str | None


@dataclass(frozen=True)
class IndicatorView:
    """An indicator, its chart's div id (None: nothing to chart) and its values as printed."""

    indicator: Indicator
    anchor: str
    arrow: str
    chart: str | None
    values: tuple[Value, ...]


@dataclass(frozen=True)
class CardView:
    """A card's section: its anchor, its schedule chart's div id and its indicators."""

    card: Card
    anchor: str
    parent_path: str | None
    parent_anchor: str | None
    schedule_chart: str | None
    indicators: tuple[IndicatorView, ...]


def document_page_name(document_id: str) -> str:
    """The file name of a document's page in the report folder (ids are `A-Z a-z 0-9 _ -` only)."""
    return f"{document_id}.html"


def document_counts(tables: DocumentTables) -> DocumentCounts:
    """Cards, indicators, values, quality warnings and errors of one document."""
    return DocumentCounts(
        cards=len(tables.cards),
        indicators=len(tables.indicators),
        values=len(tables.values),
        warnings=sum(1 for q in tables.quality if q.status == "warning"),
        errors=sum(1 for q in tables.quality if q.status == "error"),
    )


def figures_json(figures: dict[str, Figure]) -> Markup:
    """The page's figures as JSON for a <script type="application/json"> element.

    Keys are sorted so the bytes depend only on the figures; `<`, `>` and `&` are escaped as JSON
    unicode escapes so no printed text (`</script>`) can end the element early.
    """
    text = json.dumps(figures, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def render_index(bundles: Sequence[DocumentTables]) -> str:
    """index.html: one row per document, linking to its page, and the values-per-document chart."""
    rows = []
    chart_counts = []
    for tables in bundles:
        counts = document_counts(tables)
        doc = tables.document
        rows.append(IndexRow(doc, document_page_name(doc.document_id), counts))
        numeric = sum(1 for v in tables.values if v.value is not None)
        label = " ".join(part for part in (doc.municipality, doc.title, doc.edition) if part) or doc.document_id
        chart_counts.append(DocumentCount(doc.document_id, label, numeric, counts.values - numeric))
    totals = DocumentCounts(
        **{field: sum(getattr(r.counts, field) for r in rows) for field in DocumentCounts.__dataclass_fields__}
    )
    figures = {INDEX_CHART_ID: values_per_document_figure(chart_counts)}
    template = _ENVIRONMENT.get_template("index.html.j2")
    return template.render(rows=rows, totals=totals, chart_id=INDEX_CHART_ID, figures_json=figures_json(figures))


def _card_views(tables: DocumentTables, figures: dict[str, Figure]) -> list[CardView]:
    """The cards in printed order with their charts; each chart's figure is added to `figures` by div id."""
    doc_prefix = f"{tables.document.document_id}:"
    paths = {card.initiative_id: card.path for card in tables.cards}
    schedule: dict[str, list[ScheduleCell]] = {}
    for cell in tables.schedule:
        schedule.setdefault(cell.initiative_id, []).append(cell)
    indicators: dict[str, list[Indicator]] = {}
    for indicator in tables.indicators:
        indicators.setdefault(indicator.initiative_id, []).append(indicator)
    values: dict[str, list[Value]] = {}
    for value in tables.values:
        values.setdefault(value.indicator_id, []).append(value)
    views = []
    for card in tables.cards:
        schedule_chart = None
        figure = schedule_figure(schedule.get(card.initiative_id, []))
        if figure:
            schedule_chart = f"chart-schedule-{slug(card.path)}"
            figures[schedule_chart] = figure
        items = []
        for indicator in indicators.get(card.initiative_id, []):
            own = values.get(indicator.indicator_id, [])
            key = slug(indicator.indicator_id.removeprefix(doc_prefix))
            chart = None
            figure = indicator_figure(indicator, own)
            if figure:
                chart = f"chart-indicator-{key}"
                figures[chart] = figure
            arrow = _ARROWS.get(indicator.direction, "?")
            items.append(IndicatorView(indicator, f"indicator-{key}", arrow, chart, tuple(own)))
        parent_path = paths.get(card.parent_id) if card.parent_id else None
        views.append(
            CardView(
                card=card,
                anchor=card_anchor(card.path),
                parent_path=parent_path,
                parent_anchor=card_anchor(parent_path) if parent_path else None,
                schedule_chart=schedule_chart,
                indicators=tuple(items),
            )
        )
    return views


def render_document(tables: DocumentTables, overlays: PageOverlays) -> str:
    """A document's page: quality table (rows linked to their cards), page images with boxes (PDFs), cards
    with their schedule and indicator charts."""
    figures: dict[str, Figure] = {}
    cards = _card_views(tables, figures)
    quality = []
    for check in tables.quality:
        card = quality_card(check.detail, tables.document.document_id, tables.cards, check.initiative_id)
        quality.append(QualityView(check, card, card_anchor(card.path) if card else None))
    template = _ENVIRONMENT.get_template("document.html.j2")
    return template.render(
        document=tables.document,
        counts=document_counts(tables),
        quality=quality,
        cards=cards,
        overlays=overlays,
        show_pages=tables.document.source_format == "pdf",
        box_kinds=BOX_KINDS,
        max_pages=MAX_PAGE_IMAGES,
        figures_json=figures_json(figures),
    )
