"""Normalize stage: raw card records of one document to rows of the contract tables.

Every parsed value keeps its printed text beside it; whatever could not be parsed is
reported as a quality row instead of being guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from extractors.model import DocumentInfo, Extraction, Finding, RawCard, RawIndicator, RawMeeting, RawScheduleRow
from normalizers.departments import split_departments
from normalizers.direction import TARGET_KINDS, achievement_rate, direction_of, final_index
from normalizers.era import fiscal_year, full_date, year_month
from normalizers.municipality import lookup_municipality
from normalizers.numbers import ParsedValue, parse_value
from normalizers.text import clean_text, fullwidth_to_halfwidth, join_spaced_latin, strip_footnote_marks
from normalizers.units import unit_from_name
from pipeline.tables import (
    CONTRACT_VERSION,
    DocumentRow,
    IndicatorRow,
    InitiativeRow,
    MeetingRow,
    QualityRow,
    RemarkRow,
    ScheduleRow,
    TermRow,
    ValueRow,
)
from recognizers.schedule import is_continuation

# A value that names its own fiscal year (`※令和7年度までに20%以上…`, `2025年度末までに100%`).
_TEXT_YEAR_RE = regex.compile(r"((?:令和|平成|R|H)\s*(?:\d{1,2}|元)\s*年度|20\d\d\s*年度)\s*末?\s*まで")
_DESCRIPTION_LINE_RE = regex.compile(r"[ \t\u3000]+")
# A value printed with its own year in parentheses (`24 件 (H27)` under a 現状値 (H28) heading).
_CELL_YEAR_RE = regex.compile(r"[（(]\s*((?:令和|平成|R|H)\s*(?:\d{1,2}|元))\s*(?:年度|年)?\s*[)）]")
_DIGIT_RE = regex.compile(r"\d")
# The repost mark is published as `is_repost`; the title itself is compared across documents without it.
_REPOST_MARK_RE = regex.compile(r"\s*[(（]再掲[)）]\s*")


@dataclass(frozen=True)
class SourceMeta:
    """Facts about the raw file itself, gathered by the pipeline, not by an extractor."""

    document_id: str
    source_path: str
    source_sha256: str
    source_format: str
    pages: int | None
    encoding: str | None


@dataclass
class NormalizedDocument:
    """All rows one document contributes to each table."""

    documents: list[DocumentRow] = field(default_factory=list)
    initiatives: list[InitiativeRow] = field(default_factory=list)
    schedule: list[ScheduleRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    indicator_values: list[ValueRow] = field(default_factory=list)
    quality: list[QualityRow] = field(default_factory=list)
    terms: list[TermRow] = field(default_factory=list)
    meetings: list[MeetingRow] = field(default_factory=list)
    meeting_remarks: list[RemarkRow] = field(default_factory=list)


def document_row(meta: SourceMeta, info: DocumentInfo | None, layout: str, error: str | None) -> DocumentRow:
    """The `documents` row: cover facts normalized, municipality code from the bundled table."""
    found = lookup_municipality(info.municipality) if info and info.municipality else None
    start = end = None
    if info and info.period:
        first, _, last = info.period.partition("～")
        start, end = fiscal_year(first, info.era), fiscal_year(last, info.era)
    return DocumentRow(
        document_id=meta.document_id,
        source_path=meta.source_path,
        source_sha256=meta.source_sha256,
        source_format=meta.source_format,
        municipality=(info.municipality or None) if info else None,
        municipality_code=found[0] if found else None,
        prefecture=found[1] if found else None,
        title=clean_text(info.title) if info and info.title else None,
        edition=info.edition if info else None,
        published=year_month(info.published) if info and info.published else None,
        period_start_fy=start,
        period_end_fy=end,
        layout=layout,
        pages=meta.pages,
        contract_version=CONTRACT_VERSION,
        status="error" if error else "ok",
        error=error,
        encoding=meta.encoding,
    )


def clean_description(text: str | None) -> str | None:
    """Body text: footnote marks dropped, ASCII made half-width, `A I` joined, each line's spacing collapsed."""
    if not text:
        return None
    lines = []
    for line in join_spaced_latin(fullwidth_to_halfwidth(strip_footnote_marks(text))).split("\n"):
        line = _DESCRIPTION_LINE_RE.sub(" ", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines) or None


def extraction_to_rows(meta: SourceMeta, extraction: Extraction) -> NormalizedDocument:
    """Turn one document's extraction into rows of every table."""
    out = NormalizedDocument()
    out.documents.append(document_row(meta, extraction.info, extraction.layout, None))
    era = extraction.info.era
    doc = meta.document_id
    for card in extraction.cards:
        initiative_id = f"{doc}:{card.path}"
        out.initiatives.append(_initiative(doc, initiative_id, card))
        for row_no, row in enumerate(card.schedule, start=1):
            out.schedule.extend(_schedule(doc, initiative_id, row_no, row, era, out))
        for number, indicator in enumerate(card.indicators, start=1):
            _indicator(doc, initiative_id, f"{initiative_id}#{number}", indicator, era, out)
    for number, term in enumerate(extraction.terms, start=1):
        out.terms.append(
            TermRow(
                doc,
                f"{doc}#term{number}",
                clean_text(term.term),
                term.term,
                clean_description(term.definition) or "",
                term.marker,
                term.references,
                term.line,
                term.page,
            )
        )
    for number, meeting in enumerate(extraction.meetings, start=1):
        _meeting(doc, f"{doc}#meeting{number}", meeting, out)
    paths = {i.initiative_id.split(":", 1)[1] for i in out.initiatives}
    out.quality.extend(_finding_row(doc, f, paths) for f in extraction.findings)
    texts = [v.value_text for v in out.indicator_values if v.status == "text" and not _DIGIT_RE.search(v.value_text)]
    if texts:
        examples = "; ".join(dict.fromkeys(t.replace("\n", " ")[:40] for t in texts))
        out.quality.append(QualityRow(doc, "values_as_text", "ok", None, len(texts), f"text values: {examples[:2000]}"))
    out.quality.append(QualityRow(doc, "counts", "ok", None, len(out.initiatives), _counts(out)))
    return out


# An ordinal beyond int16 (`第99999回`) is no meeting's: it stays in `name` and `ordinal` is null.
_ORDINAL_RE = regex.compile(r"第\s*(\d{1,4})\s*回")
_TIMES_RE = regex.compile(r"(\d{1,2})\s*[:：]\s*(\d{2})\s*[～~〜\-－]\s*(\d{1,2})\s*[:：]\s*(\d{2})")


def _meeting(doc: str, meeting_id: str, meeting: RawMeeting, out: NormalizedDocument) -> None:
    ordinal = _ORDINAL_RE.search(meeting.name)
    times = _TIMES_RE.search(fullwidth_to_halfwidth(meeting.held or ""))
    out.meetings.append(
        MeetingRow(
            document_id=doc,
            meeting_id=meeting_id,
            name=clean_text(meeting.name),
            ordinal=int(ordinal.group(1)) if ordinal else None,
            date=full_date(meeting.held) if meeting.held else None,
            start_time=f"{int(times.group(1)):02d}:{times.group(2)}" if times else None,
            end_time=f"{int(times.group(3)):02d}:{times.group(4)}" if times else None,
            held_raw=meeting.held,
            place=clean_text(meeting.place) if meeting.place else None,
            members_present=tuple(clean_text(m) for m in meeting.members_present),
            members_absent=tuple(clean_text(m) for m in meeting.members_absent),
            secretariat=tuple(clean_text(m) for m in meeting.secretariat),
            agenda=tuple(clean_text(a) for a in meeting.agenda),
            attributes=tuple(sorted(meeting.attributes)),
            source_line=meeting.line,
        )
    )
    for number, remark in enumerate(meeting.remarks, start=1):
        out.meeting_remarks.append(
            RemarkRow(
                doc,
                meeting_id,
                number,
                clean_text(remark.agenda_item) if remark.agenda_item else None,
                clean_description(remark.text) or "",
                remark.line,
            )
        )


def _counts(out: NormalizedDocument) -> str:
    return (
        f"initiatives={len(out.initiatives)} schedule={len(out.schedule)} "
        f"indicators={len(out.indicators)} values={len(out.indicator_values)}"
    )


def _finding_row(doc: str, finding: Finding, paths: set[str]) -> QualityRow:
    """A finding as a quality row; one that names a card (its own `path`, or a detail that begins with a
    published card's path and a colon, `43: '…'`) names that initiative."""
    path = finding.path
    if path is None:
        head, colon, _ = finding.detail.partition(": ")
        path = head if colon and head in paths else None
    initiative_id = f"{doc}:{path}" if path in paths else None
    return QualityRow(
        doc, finding.check, finding.status, finding.expected, finding.found, finding.detail, initiative_id
    )


def _initiative(doc: str, initiative_id: str, card: RawCard) -> InitiativeRow:
    departments: list[str] = []
    others = False
    if card.departments:
        departments, others = split_departments(card.departments)
    return InitiativeRow(
        document_id=doc,
        initiative_id=initiative_id,
        parent_id=f"{doc}:{card.parent_path}" if card.parent_path else None,
        item_no=fullwidth_to_halfwidth(card.item_no).strip(),
        title=_REPOST_MARK_RE.sub("", clean_text(card.title)) if card.is_repost else clean_text(card.title),
        title_raw=card.title,
        departments=tuple(departments),
        policy=clean_text(card.policy) if card.policy else None,
        measure=clean_text(card.measure) if card.measure else None,
        group=clean_text(card.group) if card.group else None,
        description=clean_description(card.description),
        attributes=tuple(sorted(card.attributes)),
        is_repost=card.is_repost,
        source_page=card.source_page,
        source_line=card.source_line,
        departments_raw=card.departments,
        has_other_departments=others,
        source_bbox=card.source_bbox,
    )


def _schedule(
    doc: str, initiative_id: str, row_no: int, row: RawScheduleRow, era: str, out: NormalizedDocument
) -> list[ScheduleRow]:
    rows: list[ScheduleRow] = []
    activity = row.continues
    for cell in row.cells:
        continued = is_continuation(cell.text) or cell.text.startswith("→")
        if not continued:
            activity = clean_text(cell.text)
        elif activity is None:
            out.quality.append(
                QualityRow(
                    doc,
                    "arrow_without_activity",
                    "warning",
                    None,
                    None,
                    f"{initiative_id} row {row_no} {cell.year_label}",
                    initiative_id,
                )
            )
        year = cell.year if cell.year is not None else fiscal_year(cell.year_label, era)
        if year is None:
            out.quality.append(
                QualityRow(
                    doc,
                    "schedule_year_unparsed",
                    "error",
                    None,
                    None,
                    f"{initiative_id}: {cell.year_label!r}",
                    initiative_id,
                )
            )
        rows.append(
            ScheduleRow(
                document_id=doc,
                initiative_id=initiative_id,
                row_no=row_no,
                row_label=clean_text(row.label) if row.label else None,
                fiscal_year=year,
                cell_text=cell.text,
                activity=activity or cell.text,
                continued=continued,
                year_label=cell.year_label,
                source_line=row.line,
                source_page=row.page,
                source_bbox=row.bbox,
            )
        )
    return rows


def _indicator(
    doc: str, initiative_id: str, indicator_id: str, raw: RawIndicator, era: str, out: NormalizedDocument
) -> None:
    name = clean_text(raw.name)
    unit, qualifier = unit_from_name(name)
    if raw.unit:
        unit = clean_text(raw.unit)
    note = "; ".join(n for n in (qualifier, raw.note) if n) or None
    previous: ParsedValue | None = None
    value_units: list[str] = []
    first_value = len(out.indicator_values)
    for value in raw.values:
        parsed = parse_value(value.text, era)
        if parsed.status == "same_as_previous":
            if previous is None:
                out.quality.append(
                    QualityRow(
                        doc,
                        "same_as_previous_without_previous",
                        "error",
                        None,
                        None,
                        f"{indicator_id}: {value.text!r}",
                        initiative_id,
                        indicator_id,
                    )
                )
                parsed = ParsedValue(None, "text", None, None, None, None, value.text)
            else:
                parsed = ParsedValue(
                    previous.value,
                    previous.status,
                    previous.comparator,
                    previous.as_of,
                    previous.denominator,
                    previous.unit,
                    f"{value.text}: as the previous value",
                )
        year, source = _value_year(value.heading, value.year_hint, value.text, era, value.year)
        if year is None:
            out.quality.append(
                QualityRow(
                    doc,
                    "value_year_unknown",
                    "warning",
                    None,
                    None,
                    f"{indicator_id} {value.kind}: {value.heading!r}",
                    initiative_id,
                    indicator_id,
                )
            )
        if parsed.status == "text" and _DIGIT_RE.search(value.text):
            # Text with digits may hide a number that was not read: each one is listed. Text targets
            # without digits (`運用状況を踏まえ拡大`) are counted once per document instead.
            out.quality.append(
                QualityRow(
                    doc,
                    "value_not_numeric",
                    "warning",
                    None,
                    None,
                    f"{indicator_id} {value.kind}: {value.text!r}",
                    initiative_id,
                    indicator_id,
                )
            )
        if parsed.unit:
            value_units.append(parsed.unit)
        out.indicator_values.append(
            ValueRow(
                document_id=doc,
                indicator_id=indicator_id,
                kind=value.kind,
                fiscal_year=year,
                value=parsed.value,
                value_text=value.text,
                status=parsed.status,
                comparator=parsed.comparator,
                as_of=parsed.as_of,
                denominator=parsed.denominator,
                initiative_id=initiative_id,
                heading=value.heading,
                year_source=source,
                unit=parsed.unit,
                note=parsed.note,
                source_page=value.page if value.page is not None else raw.page,
                source_line=value.line,
                source_bbox=value.bbox,
                series=value.series,
            )
        )
        previous = parsed
    if unit is None and value_units and len(set(value_units)) == 1:
        unit = value_units[0]
    values = out.indicator_values[first_value:]
    direction = direction_of(name, values)
    out.indicator_values[first_value:] = values_to_analysis(values, direction)
    out.indicators.append(
        IndicatorRow(
            doc, initiative_id, indicator_id, name, raw.name, unit, note, raw.line, raw.page, raw.bbox, direction
        )
    )


def values_to_analysis(values: list[ValueRow], direction: str) -> list[ValueRow]:
    """The values with `is_final` on the last target and `achievement_rate` on each actual with a
    target of its year (normalizers/direction.py)."""
    final = final_index(values)
    targets = {
        v.fiscal_year: v.value
        for v in values
        if v.series is None and v.kind in TARGET_KINDS and v.status == "numeric" and v.fiscal_year is not None
    }
    out = []
    for index, v in enumerate(values):
        rate = None
        if v.series is None and v.kind == "actual" and v.status == "numeric" and v.fiscal_year is not None:
            rate = achievement_rate(targets.get(v.fiscal_year), v.value, direction)
        out.append(replace(v, is_final=index == final, achievement_rate=rate))
    return out


def _value_year(
    heading: str, hint: str | None, text: str, era: str, resolved: int | None = None
) -> tuple[int | None, str | None]:
    """Fiscal year of a value: a year the cell itself names wins over its heading's."""
    if match := _TEXT_YEAR_RE.search(text) or _CELL_YEAR_RE.search(text):
        return fiscal_year(match.group(1), era), "text"
    if resolved is not None:
        return resolved, "heading"
    if heading and (year := fiscal_year(heading, era)) is not None:
        return year, "heading"
    if hint and (year := fiscal_year(hint, era)) is not None:
        return year, "grid"
    return None, None
