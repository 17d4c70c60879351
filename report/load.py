"""Reading output/'s Parquet tables into the frozen records the report's pages and charts are made from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

#: The tables the report is made from; the others (terms, meetings, changes …) are not shown.
REPORT_TABLES = ("documents", "initiatives", "schedule", "indicators", "indicator_values", "quality")

#: A PDF box: [x0, top, x1, bottom] in points from the page's top-left corner.
Box = tuple[float, float, float, float]


class ReportInputError(Exception):
    """output/ lacks the tables the report is made from (no run yet, or a partial copy)."""


@dataclass(frozen=True)
class Document:
    """One row of `documents`, the columns the report shows."""

    document_id: str
    source_path: str
    source_format: str
    title: str | None
    municipality: str | None
    edition: str | None
    published: dt.date | None
    period_start_fy: int | None
    period_end_fy: int | None
    layout: str
    pages: int | None
    status: str
    error: str | None


@dataclass(frozen=True)
class Card:
    """One row of `initiatives`: a card or a sub-item."""

    initiative_id: str
    path: str  # the initiative_id without its document_id (`1-1/2`)
    parent_id: str | None
    item_no: str
    title: str
    departments: tuple[str, ...]
    source_page: int | None
    source_bbox: Box | None


@dataclass(frozen=True)
class ScheduleCell:
    """One row of `schedule`: one grid row in one fiscal year."""

    initiative_id: str
    row_no: int
    row_label: str | None
    fiscal_year: int | None
    year_label: str
    cell_text: str
    activity: str
    continued: bool
    source_page: int | None
    source_bbox: Box | None


@dataclass(frozen=True)
class Indicator:
    """One row of `indicators`."""

    indicator_id: str
    initiative_id: str
    name: str
    unit: str | None
    direction: str
    source_page: int | None
    source_bbox: Box | None


@dataclass(frozen=True)
class Value:
    """One row of `indicator_values`: one printed value."""

    indicator_id: str
    initiative_id: str
    kind: str
    fiscal_year: int | None
    value: float | None
    value_text: str
    status: str
    heading: str
    unit: str | None
    series: str | None
    source_page: int | None
    source_bbox: Box | None


@dataclass(frozen=True)
class QualityCheck:
    """One row of `quality`: a check of one document."""

    check: str
    status: str
    expected: int | None
    found: int | None
    detail: str
    initiative_id: str | None  # the card the row concerns, where the table names one (null in older outputs)


@dataclass(frozen=True)
class DocumentTables:
    """Everything the report shows of one document, rows in the tables' (printed) order."""

    document: Document
    cards: tuple[Card, ...]
    schedule: tuple[ScheduleCell, ...]
    indicators: tuple[Indicator, ...]
    values: tuple[Value, ...]
    quality: tuple[QualityCheck, ...]


def _box(value: Any) -> Box | None:
    """A bbox column's list as a 4-tuple (None where the table has none)."""
    if value is None or len(value) != 4:
        return None
    x0, top, x1, bottom = (float(v) for v in value)
    return (x0, top, x1, bottom)


def _rows(output: Path, name: str) -> list[dict[str, Any]]:
    """All rows of one table as dicts; columns are read by name so tables with more columns still load."""
    return pq.read_table(output / f"{name}.parquet").to_pylist()


def _by_document(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["document_id"], []).append(row)
    return grouped


def load_tables(output: Path) -> tuple[DocumentTables, ...]:
    """The report's tables of `output/`, one bundle per document, sorted by document_id.

    Raises ReportInputError naming what is missing when output/ holds no (or not all) tables.
    """
    missing = [name for name in REPORT_TABLES if not (output / f"{name}.parquet").is_file()]
    if len(missing) == len(REPORT_TABLES):
        raise ReportInputError(f"{output} has no tables yet: run `plancards run` first")
    if missing:
        raise ReportInputError(f"{output} lacks {', '.join(f'{name}.parquet' for name in missing)}")
    cards = _by_document(_rows(output, "initiatives"))
    schedule = _by_document(_rows(output, "schedule"))
    indicators = _by_document(_rows(output, "indicators"))
    values = _by_document(_rows(output, "indicator_values"))
    quality = _by_document(_rows(output, "quality"))
    bundles = []
    for row in sorted(_rows(output, "documents"), key=lambda r: r["document_id"]):
        doc_id = row["document_id"]
        bundles.append(
            DocumentTables(
                document=Document(
                    document_id=doc_id,
                    source_path=row["source_path"],
                    source_format=row["source_format"],
                    title=row["title"],
                    municipality=row["municipality"],
                    edition=row["edition"],
                    published=row["published"],
                    period_start_fy=row["period_start_fy"],
                    period_end_fy=row["period_end_fy"],
                    layout=row["layout"],
                    pages=row["pages"],
                    status=row.get("status") or "ok",
                    error=row.get("error"),
                ),
                cards=tuple(
                    Card(
                        initiative_id=r["initiative_id"],
                        path=r["initiative_id"].removeprefix(f"{doc_id}:"),
                        parent_id=r["parent_id"],
                        item_no=r["item_no"],
                        title=r["title"],
                        departments=tuple(r["departments"] or ()),
                        source_page=r["source_page"],
                        source_bbox=_box(r.get("source_bbox")),
                    )
                    for r in cards.get(doc_id, [])
                ),
                schedule=tuple(
                    ScheduleCell(
                        initiative_id=r["initiative_id"],
                        row_no=r["row_no"],
                        row_label=r["row_label"],
                        fiscal_year=r["fiscal_year"],
                        year_label=r.get("year_label") or "",
                        cell_text=r["cell_text"],
                        activity=r["activity"],
                        continued=r["continued"],
                        source_page=r.get("source_page"),
                        source_bbox=_box(r.get("source_bbox")),
                    )
                    for r in schedule.get(doc_id, [])
                ),
                indicators=tuple(
                    Indicator(
                        indicator_id=r["indicator_id"],
                        initiative_id=r["initiative_id"],
                        name=r["name"],
                        unit=r["unit"],
                        direction=r.get("direction") or "unknown",
                        source_page=r.get("source_page"),
                        source_bbox=_box(r.get("source_bbox")),
                    )
                    for r in indicators.get(doc_id, [])
                ),
                values=tuple(
                    Value(
                        indicator_id=r["indicator_id"],
                        initiative_id=r.get("initiative_id") or r["indicator_id"].split("#", 1)[0],
                        kind=r["kind"],
                        fiscal_year=r["fiscal_year"],
                        value=r["value"],
                        value_text=r["value_text"],
                        status=r["status"],
                        heading=r.get("heading") or "",
                        unit=r.get("unit"),
                        series=r.get("series"),
                        source_page=r.get("source_page"),
                        source_bbox=_box(r.get("source_bbox")),
                    )
                    for r in values.get(doc_id, [])
                ),
                quality=tuple(
                    QualityCheck(
                        check=r["check"],
                        status=r["status"],
                        expected=r.get("expected"),
                        found=r.get("found"),
                        detail=r["detail"] or "",
                        initiative_id=r.get("initiative_id"),
                    )
                    for r in quality.get(doc_id, [])
                ),
            )
        )
    return tuple(bundles)
