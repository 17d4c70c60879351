"""The published tables: one frozen record type per table, its Parquet schema beside it.

Column names and types follow docs/CONTRACT.md (v1); columns beyond the contract are
marked `extension` and described in docs/contract-notes.md and docs/data-dictionary.md. The
schema is the single source of column order: rows are written with exactly these fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyarrow as pa

CONTRACT_VERSION = "1"
#: A PDF box: [x0, top, x1, bottom] in points from the page's top-left corner, rounded to 0.1 pt.
BBOX = pa.list_(pa.float64(), 4)


@dataclass(frozen=True)
class DocumentRow:
    """One row of `documents`."""

    document_id: str
    source_path: str
    source_sha256: str
    source_format: str
    municipality: str | None
    municipality_code: str | None
    prefecture: str | None
    title: str | None
    edition: str | None
    published: dt.date | None
    period_start_fy: int | None
    period_end_fy: int | None
    layout: str
    pages: int | None
    contract_version: str
    status: str  # extension: ok / partial (published, but cut or incomplete) / error
    error: str | None  # extension: the one-line reason a document failed
    encoding: str | None  # extension: how a text dump was decoded
    source_url: str | None = None  # extension: from raw/manifest.json
    downloaded: dt.date | None = None  # extension: from raw/manifest.json
    manifest_note: str | None = None  # extension: from raw/manifest.json
    series_id: str | None = None  # extension: the plan this document is a version of (comparisons/series.py)
    previous_document_id: str | None = None  # extension: the version before it, in raw/


DOCUMENT_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("source_path", pa.string()),
        ("source_sha256", pa.string()),
        ("source_format", pa.string()),
        ("municipality", pa.string()),
        ("municipality_code", pa.string()),
        ("prefecture", pa.string()),
        ("title", pa.string()),
        ("edition", pa.string()),
        ("published", pa.date32()),
        ("period_start_fy", pa.int16()),
        ("period_end_fy", pa.int16()),
        ("layout", pa.string()),
        ("pages", pa.int32()),
        ("contract_version", pa.string()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("encoding", pa.string()),
        ("source_url", pa.string()),
        ("downloaded", pa.date32()),
        ("manifest_note", pa.string()),
        ("series_id", pa.string()),
        ("previous_document_id", pa.string()),
    ]
)


@dataclass(frozen=True)
class InitiativeRow:
    """One row of `initiatives`: a card or a sub-item."""

    document_id: str
    initiative_id: str
    parent_id: str | None
    item_no: str
    title: str
    title_raw: str
    departments: tuple[str, ...]
    policy: str | None
    measure: str | None
    group: str | None
    description: str | None
    attributes: tuple[tuple[str, str], ...]
    is_repost: bool
    source_page: int | None
    source_line: int | None
    departments_raw: str | None  # extension
    has_other_departments: bool  # extension: the list ends in ほか / 他 / など
    source_bbox: tuple[float, ...] | None = None  # extension: where a PDF printed the card's header


INITIATIVE_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("initiative_id", pa.string()),
        ("parent_id", pa.string()),
        ("item_no", pa.string()),
        ("title", pa.string()),
        ("title_raw", pa.string()),
        ("departments", pa.list_(pa.string())),
        ("policy", pa.string()),
        ("measure", pa.string()),
        ("group", pa.string()),
        ("description", pa.string()),
        ("attributes", pa.map_(pa.string(), pa.string())),
        ("is_repost", pa.bool_()),
        ("source_page", pa.int32()),
        ("source_line", pa.int32()),
        ("departments_raw", pa.string()),
        ("has_other_departments", pa.bool_()),
        ("source_bbox", BBOX),
    ]
)


@dataclass(frozen=True)
class ScheduleRow:
    """One row of `schedule`: one grid row in one fiscal year."""

    document_id: str
    initiative_id: str
    row_no: int
    row_label: str | None
    fiscal_year: int | None
    cell_text: str
    activity: str
    continued: bool
    year_label: str  # extension: the year heading as printed (`3年度`)
    source_line: int | None  # extension
    source_page: int | None = None  # extension
    source_bbox: tuple[float, ...] | None = None  # extension: the grid row's box on its page


SCHEDULE_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("initiative_id", pa.string()),
        ("row_no", pa.int16()),
        ("row_label", pa.string()),
        ("fiscal_year", pa.int16()),
        ("cell_text", pa.string()),
        ("activity", pa.string()),
        ("continued", pa.bool_()),
        ("year_label", pa.string()),
        ("source_line", pa.int32()),
        ("source_page", pa.int32()),
        ("source_bbox", BBOX),
    ]
)


@dataclass(frozen=True)
class IndicatorRow:
    """One row of `indicators`."""

    document_id: str
    initiative_id: str
    indicator_id: str
    name: str
    name_raw: str
    unit: str | None
    note: str | None
    source_line: int | None  # extension
    source_page: int | None = None  # extension
    source_bbox: tuple[float, ...] | None = None  # extension: the indicator's row (its name) on its page
    direction: str = "unknown"  # extension: increase / decrease / maintain / unknown (normalizers/direction.py)


INDICATOR_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("initiative_id", pa.string()),
        ("indicator_id", pa.string()),
        ("name", pa.string()),
        ("name_raw", pa.string()),
        ("unit", pa.string()),
        ("note", pa.string()),
        ("source_line", pa.int32()),
        ("source_page", pa.int32()),
        ("source_bbox", BBOX),
        ("direction", pa.string()),
    ]
)


@dataclass(frozen=True)
class ValueRow:
    """One row of `indicator_values`: one printed value."""

    document_id: str
    indicator_id: str
    kind: str
    fiscal_year: int | None
    value: float | None
    value_text: str
    status: str
    comparator: str | None
    as_of: dt.date | None
    denominator: float | None
    initiative_id: str  # extension
    heading: str  # extension: the heading the value stands under, as printed
    year_source: str | None  # extension: heading / grid / text — where fiscal_year was read
    unit: str | None  # extension: unit printed in the cell (`13分野` → 分野)
    note: str | None  # extension: qualifiers printed in the cell
    source_page: int | None = None  # extension
    source_line: int | None = None  # extension: the value's line in a text dump, where known
    source_bbox: tuple[float, ...] | None = None  # extension: the value's cell on its page
    series: str | None = None  # extension: a comparison group's row (`平均値`); None for the plan's own values
    is_final: bool = False  # extension: the indicator's last target (normalizers/direction.py)
    achievement_rate: float | None = None  # extension: an actual against its same-year target, in percent


VALUE_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("indicator_id", pa.string()),
        ("kind", pa.string()),
        ("fiscal_year", pa.int16()),
        ("value", pa.float64()),
        ("value_text", pa.string()),
        ("status", pa.string()),
        ("comparator", pa.string()),
        ("as_of", pa.date32()),
        ("denominator", pa.float64()),
        ("initiative_id", pa.string()),
        ("heading", pa.string()),
        ("year_source", pa.string()),
        ("unit", pa.string()),
        ("note", pa.string()),
        ("source_page", pa.int32()),
        ("source_line", pa.int32()),
        ("source_bbox", BBOX),
        ("series", pa.string()),
        ("is_final", pa.bool_()),
        ("achievement_rate", pa.float64()),
    ]
)


@dataclass(frozen=True)
class QualityRow:
    """One row of `quality`: a check of one document."""

    document_id: str
    check: str
    status: str  # ok / warning / error
    expected: int | None
    found: int | None
    detail: str
    initiative_id: str | None = None  # extension: the initiative the row concerns, where it concerns one
    indicator_id: str | None = None  # extension: likewise for an indicator


QUALITY_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("check", pa.string()),
        ("status", pa.string()),
        ("expected", pa.int32()),
        ("found", pa.int32()),
        ("detail", pa.string()),
        ("initiative_id", pa.string()),
        ("indicator_id", pa.string()),
    ]
)


@dataclass(frozen=True)
class TermRow:
    """One row of `terms`: a footnote or glossary definition."""

    document_id: str
    term_id: str
    term: str
    term_raw: str
    definition: str
    marker: str | None
    references: int
    source_line: int | None
    source_page: int | None


TERM_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("term_id", pa.string()),
        ("term", pa.string()),
        ("term_raw", pa.string()),
        ("definition", pa.string()),
        ("marker", pa.string()),
        ("references", pa.int32()),
        ("source_line", pa.int32()),
        ("source_page", pa.int32()),
    ]
)


@dataclass(frozen=True)
class MeetingRow:
    """One row of `meetings`: a 会議録."""

    document_id: str
    meeting_id: str
    name: str
    ordinal: int | None
    date: dt.date | None
    start_time: str | None
    end_time: str | None
    held_raw: str | None
    place: str | None
    members_present: tuple[str, ...]
    members_absent: tuple[str, ...]
    secretariat: tuple[str, ...]
    agenda: tuple[str, ...]
    attributes: tuple[tuple[str, str], ...]
    source_line: int | None


MEETING_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("meeting_id", pa.string()),
        ("name", pa.string()),
        ("ordinal", pa.int16()),
        ("date", pa.date32()),
        ("start_time", pa.string()),
        ("end_time", pa.string()),
        ("held_raw", pa.string()),
        ("place", pa.string()),
        ("members_present", pa.list_(pa.string())),
        ("members_absent", pa.list_(pa.string())),
        ("secretariat", pa.list_(pa.string())),
        ("agenda", pa.list_(pa.string())),
        ("attributes", pa.map_(pa.string(), pa.string())),
        ("source_line", pa.int32()),
    ]
)


@dataclass(frozen=True)
class RemarkRow:
    """One row of `meeting_remarks`: one bullet of a member's opinion."""

    document_id: str
    meeting_id: str
    remark_no: int
    agenda_item: str | None
    text: str
    source_line: int | None


REMARK_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("meeting_id", pa.string()),
        ("remark_no", pa.int32()),  # extension table: wide enough for any number of remarks
        ("agenda_item", pa.string()),
        ("text", pa.string()),
        ("source_line", pa.int32()),
    ]
)


@dataclass(frozen=True)
class ChangeRow:
    """One row of `changes`: one difference between a document and its previous version."""

    document_id: str
    previous_document_id: str
    change: str  # comparisons/changes.py CHANGES
    initiative_id: str | None  # the new version's; the old one's for initiative_removed
    indicator_id: str | None  # likewise
    field: str | None  # what differs: title, departments, item_no, name, unit, a value's kind, a schedule row
    old: str | None  # as printed in the previous version
    new: str | None  # as printed in this one
    previous_initiative_id: str | None  # extension: the matched initiative of the previous version
    previous_indicator_id: str | None  # extension
    fiscal_year: int | None  # extension: the value's or schedule cell's fiscal year


CHANGE_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("previous_document_id", pa.string()),
        ("change", pa.string()),
        ("initiative_id", pa.string()),
        ("indicator_id", pa.string()),
        ("field", pa.string()),
        ("old", pa.string()),
        ("new", pa.string()),
        ("previous_initiative_id", pa.string()),
        ("previous_indicator_id", pa.string()),
        ("fiscal_year", pa.int16()),
    ]
)


@dataclass(frozen=True)
class LinkRow:
    """One row of `initiative_links`: one initiative and its counterpart in a later document of its city."""

    document_id: str
    initiative_id: str
    linked_document_id: str
    linked_initiative_id: str
    score: float
    method: str  # the signals that agreed, `+`-joined: title, indicators, description, departments


LINK_SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("initiative_id", pa.string()),
        ("linked_document_id", pa.string()),
        ("linked_initiative_id", pa.string()),
        ("score", pa.float64()),
        ("method", pa.string()),
    ]
)

TABLES: dict[str, tuple[type, pa.Schema]] = {
    "documents": (DocumentRow, DOCUMENT_SCHEMA),
    "initiatives": (InitiativeRow, INITIATIVE_SCHEMA),
    "schedule": (ScheduleRow, SCHEDULE_SCHEMA),
    "indicators": (IndicatorRow, INDICATOR_SCHEMA),
    "indicator_values": (ValueRow, VALUE_SCHEMA),
    "quality": (QualityRow, QUALITY_SCHEMA),
    "terms": (TermRow, TERM_SCHEMA),
    "meetings": (MeetingRow, MEETING_SCHEMA),
    "meeting_remarks": (RemarkRow, REMARK_SCHEMA),
}
#: Tables made by comparing documents at publish time, not from one document's stage file.
COMPARISON_TABLES: dict[str, tuple[type, pa.Schema]] = {
    "changes": (ChangeRow, CHANGE_SCHEMA),
    "initiative_links": (LinkRow, LINK_SCHEMA),
}

#: Each table's primary key, where the pipeline guarantees one (`plancards validate` checks the ids).
PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("document_id",),
    "initiatives": ("initiative_id",),
    "indicators": ("indicator_id",),
    "terms": ("term_id",),
    "meetings": ("meeting_id",),
    "meeting_remarks": ("meeting_id", "remark_no"),
    "initiative_links": ("initiative_id", "linked_initiative_id"),
}
#: (table, column) → (table, column) it refers to; a null refers to nothing.
FOREIGN_KEYS: dict[tuple[str, str], tuple[str, str]] = {
    **{
        (name, "document_id"): ("documents", "document_id")
        for name in (*TABLES, *COMPARISON_TABLES)
        if name != "documents"
    },
    ("documents", "previous_document_id"): ("documents", "document_id"),
    ("initiatives", "parent_id"): ("initiatives", "initiative_id"),
    ("schedule", "initiative_id"): ("initiatives", "initiative_id"),
    ("indicators", "initiative_id"): ("initiatives", "initiative_id"),
    ("indicator_values", "indicator_id"): ("indicators", "indicator_id"),
    ("indicator_values", "initiative_id"): ("initiatives", "initiative_id"),
    ("quality", "initiative_id"): ("initiatives", "initiative_id"),
    ("quality", "indicator_id"): ("indicators", "indicator_id"),
    ("meeting_remarks", "meeting_id"): ("meetings", "meeting_id"),
    ("changes", "previous_document_id"): ("documents", "document_id"),
    ("initiative_links", "initiative_id"): ("initiatives", "initiative_id"),
    ("initiative_links", "linked_document_id"): ("documents", "document_id"),
    ("initiative_links", "linked_initiative_id"): ("initiatives", "initiative_id"),
}
