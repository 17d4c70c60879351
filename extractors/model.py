"""What extractors return: raw card records that keep every printed string.

Extractors only find structure (which string is a title, which cell belongs to which
year); the normalize stage turns these strings into contract rows. Nothing here is
parsed into numbers or dates yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.blocks import BBox


@dataclass(frozen=True)
class RawScheduleCell:
    """One cell of a schedule grid row under its year heading as printed (`3年度`)."""

    year_label: str
    text: str
    year: int | None = None  # fiscal year when the reader resolved it (`本年度` from its neighbours)


@dataclass(frozen=True)
class RawScheduleRow:
    """One row of a 工程 grid; `cells` hold only non-empty cells, left to right."""

    label: str | None
    cells: tuple[RawScheduleCell, ...]
    line: int | None = None
    continues: str | None = None  # activity carried from the row above when this row opens with an arrow
    page: int | None = None
    bbox: BBox | None = None


@dataclass(frozen=True)
class RawValue:
    """One printed value cell of an indicator and the heading it stands under."""

    kind: str  # baseline / interim_target / final_target / target / actual
    heading: str  # e.g. `現状値 (2年度)`; a year hides in it
    text: str
    year_hint: str | None = None  # year heading to use when `heading` prints none (reported as a finding)
    year: int | None = None  # fiscal year of the column when the reader resolved it from the heading row
    page: int | None = None
    line: int | None = None
    bbox: BBox | None = None  # the value's own cell
    series: str | None = None  # a comparison group's row (`平均値`); None for the plan's own values


@dataclass(frozen=True)
class RawIndicator:
    """An indicator row: its printed name and its value cells."""

    name: str
    values: tuple[RawValue, ...]
    line: int | None = None
    note: str | None = None
    unit: str | None = None  # printed in a unit column of its own (`単位 | 件`), not in the name
    page: int | None = None
    bbox: BBox | None = None


@dataclass(frozen=True)
class RawCard:
    """One initiative card or sub-item as printed."""

    path: str  # `12`, `3/1`, `1-1/2`: unique within the document
    item_no: str
    title: str
    departments: str | None = None
    parent_path: str | None = None
    policy: str | None = None
    measure: str | None = None
    group: str | None = None
    description: str | None = None
    attributes: tuple[tuple[str, str], ...] = ()
    is_repost: bool = False
    source_line: int | None = None
    source_page: int | None = None
    source_bbox: BBox | None = None
    schedule: tuple[RawScheduleRow, ...] = ()
    indicators: tuple[RawIndicator, ...] = ()


@dataclass(frozen=True)
class RawTerm:
    """A glossary or footnote definition (`¹ 共働：…`, `※1 チャットボット:…`)."""

    term: str
    definition: str
    marker: str | None = None  # `¹`, `※1`, as printed
    line: int | None = None
    page: int | None = None
    references: int = 0  # `P4の脚注参照` notes that point back at this definition


@dataclass(frozen=True)
class RawRemark:
    """One member's remark (a bullet of the 会議内容), with the agenda item it was said under."""

    text: str
    agenda_item: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class RawMeeting:
    """A 会議録 block: its labelled fields as printed, split into lists where the layout lists."""

    name: str
    held: str | None = None  # `令和5年9月14日（木） 13:30～15:30`
    place: str | None = None
    members_present: tuple[str, ...] = ()
    members_absent: tuple[str, ...] = ()
    secretariat: tuple[str, ...] = ()
    agenda: tuple[str, ...] = ()
    remarks: tuple[RawRemark, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()  # other labelled fields (会議資料, 公開・非公開の別, …)
    line: int | None = None


@dataclass(frozen=True)
class Finding:
    """A quality finding: a check, its outcome and what it saw."""

    check: str
    status: str  # ok / warning / error
    expected: int | None = None
    found: int | None = None
    detail: str = ""
    path: str | None = None  # the card the finding concerns, where it concerns one

    @classmethod
    def differences(cls, check: str, compared: int, differing: list[str]) -> Finding:
        """A comparison of `compared` pairs (a card and its list entry): a warning naming those that differ."""
        return cls(check, "warning" if differing else "ok", compared, compared - len(differing), "; ".join(differing))


@dataclass(frozen=True)
class DocumentInfo:
    """What the document says about itself, as printed."""

    municipality: str
    title: str
    edition: str | None = None
    published: str | None = None  # e.g. `令和3年3月`
    period: str | None = None  # e.g. `令和3年度～令和6年度`
    era: str = "令和"  # era a bare `3年度` is read in


@dataclass(frozen=True)
class Extraction:
    """Everything one extractor found in one document."""

    layout: str
    info: DocumentInfo
    cards: tuple[RawCard, ...]
    findings: tuple[Finding, ...] = field(default=())
    terms: tuple[RawTerm, ...] = field(default=())
    meetings: tuple[RawMeeting, ...] = field(default=())
