"""飯塚市 取組項目個票 (seed 003, lines 633-3169): one card per initiative, read row by row.

Anatomy (docs/layouts.md §4): a header `取組項目個票（兼進捗管理表）`, a `<項目番号>` placeholder (no
number is ever printed), then rows `section ¦ label ¦ value…` in four sections: 概要 (取組項目名 …
3年後の目指す姿), 計画 (the 年度計画 grid and three target rows), 実績 and 評価.

The section words in column 0 float onto arbitrary rows and some rows are shifted one column
left (their label sits in column 0), so every row is read by its own label, never by its
position in the card:

* a column-0 section word (概要/計画/実績/評価) is dropped and the label is the next cell;
  any other column-0 text is the label of a row shifted left;
* the 年度計画 header names the year columns (`令和6年度計画` → year label `令和6年度`) and
  whether a 備考 column follows them (two cards print five columns, no 備考);
* rows after the header that carry no known label are schedule rows, their cells mapped
  to the years by position after the label;
* 各年度目標, 業務量削減目標値（時間）, 財政効果目標額（千円） are the target rows: three
  `RawIndicator`s per card, one `target` value per non-empty year cell (heading `令和6年度` …);
  an empty target row is still an indicator (without values): every card declares the three.
  A row shifted left whose first year cell is empty is ambiguous (1846 reads best unshifted,
  2746 shifted): it follows the other shifted target rows of its card, else the reading
  whose filled years agree best with the card's unshifted target rows, else shifted; each
  such decision is reported as a `shifted_row` finding.

Choices:

* The 実績 rows (実績報告, 年度目標実績値, 業務量削減実績値, 財政効果実績額) and the 評価 rows
  (評価, 課題, 次年度に向けた改善点) are empty reporting slots to be filled at progress
  reviews: they are not published as indicators. Text found among them anyway (the
  displaced `1日8h*20日*2人`, 3024) is kept in the attribute `実績・評価欄の記載` and
  reported (`text_in_report_rows`), so nothing printed is lost.
* 備考 of a target row becomes the indicator's `note`; 備考 of a schedule row (the schedule
  table has no note column) becomes the card attribute `年度計画備考[N]`, N being the
  schedule row number (`row_no` of the schedule table). In a card without a 備考 column a
  prose cell under the last year of a numeric target row (2498) is that row's 備考 and goes
  to the note, reported as `remark_in_year_cell`; a bare number in a 備考 cell (2161) stays a
  note, reported as `number_in_remarks`. A `*` target (2938) gets a note quoting the 3年後 text
  whose `(*)` it points at (2931).
* Text fields (プラン策定時の現状及び課題認識, 取組の方向性、内容, 参考事例等,
  3年後の目指す姿（最終目標）) are attributes under their printed labels; 取組の方向性、内容 is
  also the card's description. Card #5 prints them one row too high (747-749, the 方向性 row
  holds the label `参考事例等`): they are moved back and reported (`shifted_text_fields`).
* 主たる所管部署 and 関係部署 may span several cells: each list is kept in attributes with one
  printed cell per line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from extractors.model import Finding, RawIndicator, RawScheduleCell, RawScheduleRow, RawValue
from extractors.walk import Item
from normalizers.era import fiscal_year
from normalizers.numbers import parse_value

CARD_HEADER = "取組項目個票（兼進捗管理表）"
NUMBER_PLACEHOLDER = "<項目番号>"
SECTION_WORDS = frozenset({"概要", "計画", "実績", "評価"})

TITLE = "取組項目名"
POLICY = "大分類"
MEASURE = "小分類"
MAIN_DEPARTMENT = "主たる所管部署"
RELATED_DEPARTMENTS = "関係部署"
SITUATION = "プラン策定時の現状及び課題認識"
DIRECTION = "取組の方向性、内容"
EXAMPLES = "参考事例等"
GOAL = "3年後の目指す姿（最終目標）"
# The 概要 labels in printed order (the order matters for the row-shift repair of card #5).
OVERVIEW_LABELS = (TITLE, POLICY, MEASURE, MAIN_DEPARTMENT, RELATED_DEPARTMENTS, SITUATION, DIRECTION, EXAMPLES, GOAL)
TEXT_FIELDS = (SITUATION, DIRECTION, EXAMPLES, GOAL)

PLAN_HEADER = "年度計画"
REMARKS = "備考"
TARGET_LABELS = ("各年度目標", "業務量削減目標値（時間）", "財政効果目標額（千円）")
# Target rows that hold numbers (hours, thousand yen): only these can hide a 備考 in a year cell.
NUMERIC_TARGETS = frozenset(TARGET_LABELS[1:])
REPORT_HEADER = "実績報告"
REPORT_LABELS = ("年度目標実績値", "業務量削減実績値（時間）", "財政効果実績額（千円）")
EVALUATION_LABELS = ("評価", "課題", "次年度に向けた改善点")
COLLAPSED_REPORT = "プラン策定時は記載不要です。進捗管理時に記載します。"
REPORT_TEXT_ATTRIBUTE = "実績・評価欄の記載"
# Garbled remnants of the 実績/評価 labels (`年業財評`, `評 課 次`, 2697-2699, 2723-2725, 2749-2750)
# are built from the first characters of those labels only.
_REMNANT_CHARS = frozenset("年業財評価課次")
_SPACE_RE = regex.compile(r"\s+")
_PLAN_SUFFIX_RE = regex.compile(r"\s*計画\s*$")
_DIGIT_RE = regex.compile(r"\d")


def key(text: str) -> str:
    """A label without its spaces, for comparing labels printed with stray spaces."""
    return _SPACE_RE.sub("", text)


_OVERVIEW_KEYS = {key(label): label for label in OVERVIEW_LABELS}
_TARGET_KEYS = {key(label): label for label in TARGET_LABELS}
_TAIL_KEYS = frozenset(key(label) for label in (REPORT_HEADER, *REPORT_LABELS, *EVALUATION_LABELS, COLLAPSED_REPORT))


@dataclass(frozen=True)
class LabelledRow:
    """One printed row split into its label and the cells after it."""

    line: int | None
    label: str
    label_col: int
    cells: tuple[str, ...]  # every cell of the row, stripped

    @property
    def values(self) -> tuple[str, ...]:
        """The cells after the label."""
        return self.cells[self.label_col + 1 :]

    @property
    def key(self) -> str:
        """The label without spaces."""
        return key(self.label)


def label_row(cells: Sequence[str], line: int | None) -> LabelledRow:
    """Find a row's label: column 1 after a section word or an empty cell, else column 0 (shifted left)."""
    stripped = tuple(c.strip() for c in cells)
    rest = [c for c in stripped[1:] if c]
    if stripped[0] in SECTION_WORDS and rest:
        return LabelledRow(line, stripped[1] if len(stripped) > 1 else "", 1, stripped)
    if stripped[0] == "":
        return LabelledRow(line, stripped[1] if len(stripped) > 1 else "", 1, stripped)
    return LabelledRow(line, stripped[0], 0, stripped)


@dataclass
class _TargetRow:
    """A target row as found, before its values are placed under years."""

    label: str
    row: LabelledRow
    merged: bool = False


@dataclass
class CardRead:
    """Everything one 個票 printed that is published, before it is linked with its 一覧 row."""

    order: int
    line: int | None
    title: str = ""
    policy: str | None = None
    measure: str | None = None
    main_departments: list[str] = field(default_factory=list)
    related_departments: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    year_labels: list[str] = field(default_factory=list)
    has_remarks_column: bool = False
    schedule: list[RawScheduleRow] = field(default_factory=list)
    schedule_remarks: dict[int, str] = field(default_factory=dict)
    indicators: list[RawIndicator] = field(default_factory=list)
    target_rows: int = 0
    merged_target_labels: bool = False
    report_text: list[str] = field(default_factory=list)
    ended: bool = False  # the card's closing rows (評価 … 次年度に向けた改善点) were seen
    findings: list[Finding] = field(default_factory=list)

    @property
    def attributes(self) -> dict[str, str]:
        """Labelled fields kept as printed (departments one printed cell per line)."""
        out: dict[str, str] = {}
        if self.main_departments:
            out[MAIN_DEPARTMENT] = "\n".join(self.main_departments)
        if self.related_departments:
            out[RELATED_DEPARTMENTS] = "\n".join(self.related_departments)
        out.update({label: self.fields[label] for label in TEXT_FIELDS if self.fields.get(label)})
        for row_no, text in sorted(self.schedule_remarks.items()):
            out[f"年度計画備考[{row_no}]"] = text
        if self.report_text:
            out[REPORT_TEXT_ATTRIBUTE] = "\n".join(self.report_text)
        return out


def is_card_header(cells: Sequence[str]) -> bool:
    """The `取組項目個票（兼進捗管理表）` line that opens a card (alone or with trailing tabs)."""
    texts = [c.strip() for c in cells if c.strip()]
    return texts == [CARD_HEADER]


def split_cards(items: Sequence[Item]) -> list[tuple[int | None, list[Item]]]:
    """(header line, rows) of each card; rows before the first header are dropped."""
    cards: list[tuple[int | None, list[Item]]] = []
    for item in items:
        if item.table is None and is_card_header(item.row.texts):
            cards.append((item.row.line, []))
        elif cards:
            cards[-1][1].append(item)
    return cards


def read_cards(items: Sequence[Item]) -> list[CardRead]:
    """Every 個票 of the cards part, numbered 1.. in printed order."""
    return [_read_card(order, line, rows) for order, (line, rows) in enumerate(split_cards(items), start=1)]


def _is_remnant(label_key: str) -> bool:
    return bool(label_key) and set(label_key) <= _REMNANT_CHARS


def _read_card(order: int, line: int | None, items: list[Item]) -> CardRead:
    card = CardRead(order=order, line=line)
    phase = "overview"
    last_field: str | None = None
    collapsed = False
    targets: list[_TargetRow] = []
    unread: list[str] = []
    for item in items:
        if item.table is not None:
            unread.append(f"{item.row.line}: HTML table")
            continue
        cells = [c.strip() for c in item.row.texts]
        if not any(cells) or [c for c in cells if c] == [NUMBER_PLACEHOLDER]:
            continue
        row = label_row(cells, item.row.line)
        k = row.key
        if k in _OVERVIEW_KEYS:
            last_field = _OVERVIEW_KEYS[k]
            _set_field(card, last_field, [v for v in row.values if v])
        elif k == PLAN_HEADER:
            phase = "schedule"
            _read_year_header(card, row)
        elif k in SECTION_WORDS and k != "評価" and not any(row.values):
            continue  # a section word alone on its row (1512): it opens nothing the labels do not
        elif k in _TARGET_KEYS or _merged(k, _TARGET_KEYS):
            phase = "targets"
            if k in _TARGET_KEYS:
                targets.append(_TargetRow(_TARGET_KEYS[k], row))
            else:
                # 1483: the three labels printed in one cell, with no value cells after them.
                card.merged_target_labels = True
                targets.extend(_TargetRow(label, row, merged=True) for label in TARGET_LABELS)
        elif k in _TAIL_KEYS or _is_remnant(k) or _merged(k, _TAIL_KEYS):
            phase = "tail"
            collapsed = collapsed or k == key(COLLAPSED_REPORT)
            if k == key(EVALUATION_LABELS[-1]) or ("次" in k and _is_remnant(k)) or (collapsed and k == "評価"):
                card.ended = True
            # Section words and labels also float into value cells (1736 `評価 ¦ 評価`): not text.
            values = [v for v in row.values if v and key(v) not in _TAIL_KEYS and v not in SECTION_WORDS]
            if values and k != key(REPORT_HEADER):
                card.report_text.extend(values)
        elif phase == "overview" and k == "" and last_field in TEXT_FIELDS:
            # A text field continued in the next row (an empty label cell).
            more = " ".join(v for v in row.values if v)
            card.fields[last_field] = f"{card.fields.get(last_field, '')}\n{more}".strip()
        elif phase == "schedule":
            _read_schedule_row(card, row)
        elif phase == "tail" and k == "":
            # 3024: a 備考 pushed below the 実績報告 row; kept, not guessed into a target row.
            card.report_text.extend(v for v in row.values if v)
        else:
            unread.append(f"{row.line}: {' ¦ '.join(c for c in cells if c)[:60]}")
    _repair_shifted_fields(card)
    _read_targets(card, targets)
    if card.report_text:
        card.findings.append(
            Finding(
                "text_in_report_rows",
                "warning",
                detail=f"card {order}: text among the empty 実績/評価 rows kept as attribute "
                f"{REPORT_TEXT_ATTRIBUTE}: {' / '.join(card.report_text)}",
            )
        )
    if unread:
        card.findings.append(Finding("unread_rows", "error", found=len(unread), detail=f"card {order}: {unread}"))
    return card


def _merged(label_key: str, keys: Iterable[str]) -> bool:
    """True for a cell holding several labels run together (1483, 1485)."""
    found = [k for k in keys if k in label_key]
    return len(found) >= 2 and len("".join(found)) == len(label_key)


def _set_field(card: CardRead, label: str, values: list[str]) -> None:
    if label == TITLE:
        card.title = " ".join(values)
    elif label == POLICY:
        card.policy = " ".join(values) or None
    elif label == MEASURE:
        card.measure = " ".join(values) or None
    elif label == MAIN_DEPARTMENT:
        card.main_departments = values
    elif label == RELATED_DEPARTMENTS:
        card.related_departments = values
    else:
        card.fields[label] = "\n".join(values)


def _repair_shifted_fields(card: CardRead) -> None:
    """Card #5 (747-749): the texts of 課題認識 and 方向性 are printed one row too high.

    The 方向性 row then holds the next label (`参考事例等`) and the 関係部署 cell holds its own
    text followed, after a space, by the 課題認識 text: move each text back down one row.
    """
    order = [RELATED_DEPARTMENTS, *TEXT_FIELDS]
    for position in range(2, len(order) - 1):
        label = order[position]
        if key(card.fields.get(label, "")) != key(order[position + 1]):
            continue
        related = " ".join(card.related_departments)
        head, _, tail = related.partition(" ")
        if not tail:
            card.findings.append(
                Finding(
                    "shifted_text_fields",
                    "error",
                    detail=f"card {card.order}: {label} prints the label {order[position + 1]!r} "
                    "but 関係部署 cannot be split back into two texts",
                )
            )
            return
        for shifted in range(position, 1, -1):
            card.fields[order[shifted]] = card.fields.get(order[shifted - 1], "")
        card.fields[order[1]] = tail.strip()
        card.related_departments = [head]
        card.findings.append(
            Finding(
                "shifted_text_fields",
                "warning",
                detail=f"card {card.order}: texts of {', '.join(order[1 : position + 1])} printed one row "
                f"too high ({label} holds {order[position + 1]!r}); moved back, 関係部署 split at its first space",
            )
        )
        return


def _read_year_header(card: CardRead, row: LabelledRow) -> None:
    labels = [v for v in row.values if v]
    card.has_remarks_column = REMARKS in labels
    years = [_PLAN_SUFFIX_RE.sub("", v) for v in labels if v != REMARKS]
    bad = [y for y in years if fiscal_year(y) is None]
    card.year_labels = [y for y in years if fiscal_year(y) is not None]
    if bad:
        card.findings.append(
            Finding("year_header", "error", detail=f"card {card.order} line {row.line}: not a year: {bad}")
        )


def _place(card: CardRead, values: Sequence[str]) -> tuple[list[str], str, list[str]]:
    """(year cells, 備考, cells beyond 備考) of a row's cells after its label, by position."""
    years = len(card.year_labels)
    cells = list(values)
    year_cells = (cells[:years] + [""] * years)[:years]
    remark = cells[years] if len(cells) > years else ""
    beyond = [c for c in cells[years + 1 :] if c]
    return year_cells, remark, beyond


def _read_schedule_row(card: CardRead, row: LabelledRow) -> None:
    year_cells, remark, beyond = _place(card, row.values)
    cells = tuple(RawScheduleCell(year, text) for year, text in zip(card.year_labels, year_cells, strict=True) if text)
    card.schedule.append(RawScheduleRow(label=row.label or None, cells=cells, line=row.line))
    notes = [t for t in (remark, *beyond) if t]
    if notes:
        card.schedule_remarks[len(card.schedule)] = "\n".join(notes)
    if beyond:
        card.findings.append(
            Finding("cells_beyond_remarks", "warning", detail=f"card {card.order} line {row.line}: {beyond}")
        )


def _filled(year_cells: Sequence[str]) -> set[int]:
    return {i for i, text in enumerate(year_cells) if text}


def _read_targets(card: CardRead, targets: list[_TargetRow]) -> None:
    """Place each target row's cells under the years and make the three indicators."""
    card.target_rows = len({t.label for t in targets})
    shifted_rows = [t for t in targets if t.row.label_col == 0 and not t.merged]
    # A column-0 row whose first cell after the label holds a value was certainly moved left.
    card_shifts = any(len(t.row.cells) > 1 and t.row.cells[1] for t in shifted_rows)
    in_place = [t for t in targets if t.row.label_col == 1 and not t.merged]
    sibling_years: set[int] = set()
    for target in in_place:
        sibling_years |= _filled(_place(card, target.row.values)[0])
    for target in targets:
        values: list[RawValue] = []
        note: str | None = None
        if not target.merged:
            cells = list(target.row.values)
            if target.row.label_col == 0 and not (len(target.row.cells) > 1 and target.row.cells[1]):
                cells = _resolve_shift(card, target, card_shifts, sibling_years)
            year_cells, remark, beyond = _place(card, cells)
            year_cells, remark = _remark_in_year_cell(card, target, year_cells, remark)
            values = [
                RawValue("target", year, text) for year, text in zip(card.year_labels, year_cells, strict=True) if text
            ]
            notes = [t for t in (remark, *beyond) if t]
            goal = card.fields.get(GOAL, "")
            if "*" in year_cells and regex.search(r"[（(]\*[)）]", goal):
                # 2938 `*` points at the `(*)` of the 3年後 text (2931): say where the value is.
                notes.append(f"* = {GOAL}: {goal}")
            note = "\n".join(notes) or None
            if note and parse_value(note).status == "numeric" and not _DIGIT_RE.sub("", note).strip(" ,."):
                card.findings.append(
                    Finding(
                        "number_in_remarks",
                        "warning",
                        detail=f"card {card.order} line {target.row.line}: {target.label} prints {note!r} in the 備考 "
                        "column; kept as the note, not as a target",
                    )
                )
        card.indicators.append(RawIndicator(name=target.label, values=tuple(values), line=target.row.line, note=note))
    if card.merged_target_labels:
        card.findings.append(
            Finding(
                "merged_label_cell",
                "warning",
                detail=f"card {card.order} line {targets[0].row.line if targets else None}: the three target labels "
                "share one cell; published as three indicators without values",
            )
        )


def _resolve_shift(card: CardRead, target: _TargetRow, card_shifts: bool, sibling_years: set[int]) -> list[str]:
    """Cells after the label of an ambiguous column-0 row: read shifted (from column 1) or not (column 2)."""
    shifted = list(target.row.cells[1:])
    unshifted = list(target.row.cells[2:])
    if not any(unshifted):
        return shifted
    if card_shifts:
        choice, reason = "shifted", "like the other column-0 target rows of the card"
    else:

        def agreement(cells: list[str]) -> int:
            filled = _filled(_place(card, cells)[0])
            return len(filled & sibling_years) - len(filled - sibling_years)

        if sibling_years and agreement(unshifted) > agreement(shifted):
            choice, reason = "unshifted", f"its years agree with the card's other target rows {sorted(sibling_years)}"
        else:
            choice, reason = "shifted", "its years agree with the card's other target rows, or no evidence"
    card.findings.append(
        Finding(
            "shifted_row",
            "warning",
            detail=f"card {card.order} line {target.row.line}: {target.label} in column 0 with an empty column 1, "
            f"read {choice} ({reason})",
        )
    )
    return shifted if choice == "shifted" else unshifted


def _remark_in_year_cell(
    card: CardRead, target: _TargetRow, year_cells: list[str], remark: str
) -> tuple[list[str], str]:
    """2498: without a 備考 column, prose under the last year of a numeric target row is its 備考."""
    last = year_cells[-1] if year_cells else ""
    # A value cell holds a number, a dash or a short word (`未定`, `人件費`, `(運用コスト)`); a
    # digit-free text of 15+ characters that parse_value cannot read is a remark.
    if (
        card.has_remarks_column
        or remark
        or target.label not in NUMERIC_TARGETS
        or not last
        or _DIGIT_RE.search(last)
        or parse_value(last).status != "text"
        or len(key(last)) < 15
    ):
        return year_cells, remark
    card.findings.append(
        Finding(
            "remark_in_year_cell",
            "warning",
            detail=f"card {card.order} line {target.row.line}: the grid has no 備考 column; {last!r} under "
            f"{card.year_labels[-1]} of {target.label} read as its 備考",
        )
    )
    return [*year_cells[:-1], ""], last
