"""福山市 行政版デジタル化実行計画 【第1.2版】 + 別冊 個別事業編 (seed 004): 施策 and 個別事業 cards.

Anatomy (docs/layouts.md §5):

* the 概要 tables of the 別冊 (`基本方針 ¦ 施策 ¦ 個別事業`, two of them) list the 42 個別事業
  under 8 施策 and 3 基本方針. The second table is misaligned from its 基本方針 3 rows on
  (numbers in col 0, 施策 in col 0 or 2), so every cell is classified by what it says
  (`3 デジタル…` a 基本方針, `3-1 …` a 施策, `3` a number, anything else a name), never by
  its column;
* each 個別事業 card: `N ¦ 事業名称 ¦ title`, labelled rows 課題 / 目的 / 概要 / 担当課, then a
  `指標とスケジュール` (or `スケジュール`) block: an indicator name, a year header and one
  目標 and one 実績 row per indicator (`目標①`/`目標②` for two indicators). Card numbers
  restart within each 施策, so a card's path is `<施策>-<N>` (`1-1-3`). The page headers
  (`1 市民サービスの向上①`) and 施策 headers (`1-1 行政手続のオンライン化`, `1-2窓口…`) are read
  as hints of where a card belongs, never as content;
* the ロードマップ (本計画の概要) gives each 施策 a few grid rows over 2021–2024年度 and each
  基本方針 a 到達イメージ: they become the schedule and attributes of the 施策 cards (one
  card per 施策, path `1-1`, the parent of its 個別事業).

Value rows are read relative to their label, not to the year header: the header's column is
wrong on 16 cards, where it also prints only 2021–2023 (docs/layouts.md §5 "Value-row geometry").
The cell right after the label is 2021年度, except that a label in col 0 followed by an empty
cell is the standard `目標 ¦ _ ¦ v2021 …` row. Rows that stop early simply have fewer values.

Read with an assumption, each reported as a warning finding: the two スケジュール blocks printed
column-wise (691-693, 700-702: 目標/実績 pairs per year), the 施策 labelled twice in the
ロードマップ (312, 314: rows follow the label printed above them), `●` milestones right of the
ロードマップ's year columns (kept as the 施策's `マイルストーン` attribute, no year), year headers
printing only 2021–2023 (the 4th value takes 2024年度 from the grid, `year_hint`), indicators
printed without a name (published with an empty name). `※2020年度実績：約3,200万枚` in the name
of 2-1-2's second indicator (737) is also published as its baseline value.

Not read, on purpose: the 推進体制 役割 table (387-395) lists roles (CIO, CDO, 実施責任者 …),
not initiatives; the flattened diagrams (48-101, 160-301, 328-372) except the `N事業` counts,
which are compared with the 概要 table.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import regex

from extractors.document_info import read_info
from extractors.footnotes import read_terms
from extractors.fukuyama_overview import (
    MEASURE_RE,
    NUMBER_RE,
    OVERVIEW_HEADER,
    YEAR_RE,
    Overview,
    read_overview,
    summary_counts,
)
from extractors.fukuyama_roadmap import ROADMAP_IMAGE, read_roadmap
from extractors.model import (
    DocumentInfo,
    Extraction,
    Finding,
    RawCard,
    RawIndicator,
    RawValue,
)
from extractors.walk import Item, circled_number, walk
from normalizers.text import clean_text
from pipeline.blocks import Document, Paragraph

LAYOUT = "fukuyama_cards"

# `1 市民サービスの向上`: one digit, then a name that is not the rest of `1-1`.
_PAGE_HEADER_RE = regex.compile(r"^(?P<no>\d)\s*(?P<name>[^\d\s\-－].*?)[①-⑳]$")
_VALUE_LABEL_RE = regex.compile(r"^(?P<kind>目標|実績)(?P<no>[①-⑳])?$")
_CIRCLED_RE = regex.compile(r"[①-⑳]")
_BASELINE_NOTE_RE = regex.compile(r"※\s*(?P<heading>20\d\d年度実績)\s*[：:]\s*(?P<value>[^\s（(]+)")
_PERIOD_RE = regex.compile(
    r"(?P<y1>20\d\d)\s*年\s*(?:[（(][^()（）]*[)）])?\s*(?P<m1>\d{1,2})\s*月\s*[～~〜]\s*"
    r"(?P<y2>20\d\d)\s*年\s*(?:[（(][^()（）]*[)）])?\s*(?P<m2>\d{1,2})\s*月"
)

CARD_FIELDS = ("課題", "目的", "概要", "担当課")
BLOCK_MARKS = ("指標とスケジュール", "スケジュール")
KINDS = {"目標": "target", "実績": "actual"}
YEARS_PER_GRID = 4  # every grid of the plan runs 2021–2024年度


def detect(document: Document) -> bool:
    """The 別冊's 概要 table (`基本方針 ¦ 施策 ¦ 個別事業`) or several `N ¦ 事業名称 ¦ …` cards."""
    overview = card_headers = 0
    for item in walk(document):
        texts = item.texts
        if texts == OVERVIEW_HEADER:
            overview += 1
        elif _is_card_header(texts):
            card_headers += 1
    # A dump cut before its cards still shows the 概要 table; one cut inside it still shows cards.
    return (overview >= 1 and card_headers >= 1) or card_headers >= 3 or (overview >= 1 and _has_marks(document))


def _has_marks(document: Document) -> bool:
    text = document.text()
    return "事業名称" in text or "個別事業編" in text


def _is_card_header(texts: Sequence[str]) -> bool:
    return len(texts) >= 2 and bool(NUMBER_RE.match(texts[0])) and texts[1] == "事業名称"


# --- the 個別事業 cards -----------------------------------------------------------------------------


@dataclass
class _Unit:
    """A card being collected: its header row, the hints printed before it and its rows."""

    number: int
    title: str
    line: int | None
    measure_hint: str | None
    policy_hint: str | None
    items: list[Item] = field(default_factory=list)
    measure: str | None = None


@dataclass
class _ValueRow:
    kind: str  # target / actual
    no: int | None  # ① → 1
    slots: list[tuple[int, str]]  # (year slot 0-3, printed text)
    line: int | None


@dataclass
class _Block:
    """A `指標とスケジュール` / `スケジュール` block of a card."""

    mark: str
    line: int | None
    name: str
    note: str | None
    years: list[str] = field(default_factory=list)
    year_cols: dict[int, str] = field(default_factory=dict)
    rows: list[_ValueRow] = field(default_factory=list)
    column_labels: list[tuple[int, str]] | None = None  # `目標 ¦ 実績 ¦ 終了` of a column-wise block
    column_line: int | None = None


@dataclass
class _Collector:
    """Findings of one extraction; the frequent, expected warnings are gathered into one row each."""

    findings: list[Finding] = field(default_factory=list)
    heading_missing: list[str] = field(default_factory=list)
    names_missing: list[str] = field(default_factory=list)

    def add(self, check: str, status: str, detail: str) -> None:
        self.findings.append(Finding(check, status, detail=detail))


def _collect_units(items: Sequence[Item], start_line: int) -> list[_Unit]:
    """Cards in printed order, with the 施策 and page headers printed before each."""
    units: list[_Unit] = []
    measure_hint: str | None = None
    policy_hint: str | None = None
    for item in items:
        line = item.row.line or 0
        texts = item.texts
        if line <= start_line or not texts:
            continue
        if len(texts) == 1 and len(item.row.cells) == 1:
            if m := MEASURE_RE.match(texts[0]):
                measure_hint = m["no"]
                continue
            if m := _PAGE_HEADER_RE.match(texts[0]):
                policy_hint = m["no"]
                continue
        if _is_card_header(texts):
            units.append(
                _Unit(
                    number=int(texts[0]),
                    title=" ".join(texts[2:]),
                    line=item.row.line,
                    measure_hint=measure_hint,
                    policy_hint=policy_hint,
                )
            )
            continue
        if units:
            units[-1].items.append(item)
    return units


def _assign_measures(units: list[_Unit], overview: Overview, notes: _Collector) -> None:
    """Each card's 施策: the 施策 header printed before it, else the numbering.

    Card numbers restart at 1 in each 施策; a card whose header hint disagrees with that (or
    that has none) takes the 施策 the numbering implies, and a finding says so.
    """
    order = list(overview.measures)
    previous: _Unit | None = None
    for unit in units:
        implied: str | None = None
        before = previous.measure if previous else None
        if previous is None:
            implied = order[0] if order else None
        elif unit.number == previous.number + 1:
            implied = before
        elif unit.number == 1 and before in order and order.index(before) + 1 < len(order):
            implied = order[order.index(before) + 1]
        hint = unit.measure_hint
        # A 施策 header over a card 1 opens that 施策 even where the 概要 order differs.
        if hint is not None and (implied is None or hint == implied or (unit.number == 1 and hint != before)):
            unit.measure = hint
        else:
            unit.measure = implied or hint
            notes.add(
                "card_measure",
                "warning",
                f"card {unit.number} {unit.title!r} (line {unit.line}): 施策 header {hint}, "
                f"numbering implies {implied}; read as {unit.measure}",
            )
        previous = unit


def _value_row(cells: list[str], line: int | None) -> tuple[_ValueRow, list[str]] | None:
    """A 目標/実績 row read relative to its label (docs/layouts.md §5): (row, cells right of 2024年度)."""
    found = [(col, text) for col, text in enumerate(cells) if text]
    if not found:
        return None
    col, text = found[0]
    m = _VALUE_LABEL_RE.match(text)
    if m is None:
        return None
    start = col + 1
    if col == 0 and len(cells) > 1 and not cells[1]:
        start = 2  # the standard `目標 ¦ _ ¦ v2021 …` row
    values = cells[start : start + YEARS_PER_GRID]
    overflow = [c for c in cells[start + YEARS_PER_GRID :] if c]
    slots = [(slot, value) for slot, value in enumerate(values) if value]
    no = circled_number(m["no"]) if m["no"] else None
    return _ValueRow(KINDS[m["kind"]], no, slots, line), overflow


def _split_names(name: str) -> dict[int | None, tuple[str, str | None]]:
    """Indicator names by circled number (`①A ②B`), each split from its `※` note."""
    pieces: dict[int | None, str] = {}
    marks = list(_CIRCLED_RE.finditer(name))
    if not marks:
        pieces[None] = name
    else:
        if lead := name[: marks[0].start()].strip():
            pieces[None] = lead
        for mark, after in zip(marks, [*marks[1:], None], strict=True):
            pieces[circled_number(mark.group())] = name[mark.end() : after.start() if after else len(name)].strip()
    out: dict[int | None, tuple[str, str | None]] = {}
    for no, piece in pieces.items():
        star = piece.find("※")
        out[no] = (piece[:star].strip(), piece[star:].strip()) if star > 0 else (piece, None)
    return out


def _read_card(path: str, unit: _Unit, notes: _Collector) -> tuple[dict[str, str], list[RawIndicator], list[str]]:
    """(labelled fields, indicators, what is incomplete) of one card's rows."""
    fields: dict[str, str] = {}
    blocks: list[_Block] = []
    for item in unit.items:
        cells = [c.strip() for c in item.row.texts]
        texts = item.texts
        if not texts:
            continue
        line = item.row.line
        if texts[0] in CARD_FIELDS and len(texts) >= 2 and not blocks:
            fields[texts[0]] = "\n".join(texts[1:])
            continue
        if texts[0] in BLOCK_MARKS:
            # `指標とスケジュール` printed twice (799, 809, 958, 968): the repeat is dropped.
            rest = [t for t in texts[1:] if t not in BLOCK_MARKS]
            words = [t for t in rest if not YEAR_RE.match(t)]
            block = _Block(
                mark=texts[0],
                line=line,
                name=words[0] if words else "",
                note=" ".join(words[1:]) or None,
            )
            if len(words) < len(rest):
                # The year header printed on the block's own row (777, 786, 875, 884, 691, 700, 923).
                block.years = [t for t in rest if YEAR_RE.match(t)]
                block.year_cols = {c: t for c, t in enumerate(cells) if YEAR_RE.match(t)}
            blocks.append(block)
            continue
        if not blocks:
            notes.add("card_row_unread", "error", f"{path} line {line}: {texts!r} before any 指標 block")
            continue
        block = blocks[-1]
        if all(YEAR_RE.match(t) for t in texts):
            block.years = texts
            block.year_cols = {c: t for c, t in enumerate(cells) if YEAR_RE.match(t)}
            continue
        labels = [(c, t) for c, t in enumerate(cells) if _VALUE_LABEL_RE.match(t)]
        if len(labels) >= 2:
            # `目標 ¦ 実績 ¦ 終了` (692, 701): the block is printed column-wise; its cells follow.
            block.column_labels = [(c, t) for c, t in enumerate(cells) if t]
            block.column_line = line
            continue
        if block.column_labels is not None and not block.rows and not labels:
            _read_column_wise(path, block, texts, line, notes)
            continue
        read = _value_row(cells, line)
        if read is None:
            notes.add("card_row_unread", "error", f"{path} line {line}: {texts!r}")
            continue
        row, overflow = read
        if overflow:
            notes.add("values_unassigned", "error", f"{path} line {line}: {overflow!r} right of 2024年度")
        block.rows.append(row)
    indicators: list[RawIndicator] = []
    incomplete = [f"no {name}" for name in CARD_FIELDS if name not in fields]
    for block in blocks:
        indicators.extend(_block_indicators(path, block, notes))
        kinds = [(r.no, r.kind) for r in block.rows]
        for no in dict.fromkeys(n for n, _ in kinds):
            for kind in KINDS.values():
                if (no, kind) not in kinds:
                    incomplete.append(f"line {block.line}: no {kind} row" + (f" ({no})" if no else ""))
    return fields, indicators, incomplete


def _read_column_wise(path: str, block: _Block, texts: list[str], line: int | None, notes: _Collector) -> None:
    """A block printed column by column (691-693, 700-702): `目標 ¦ 実績 ¦ 終了`, then one line of
    cells that pair up per year (2021目標, 2021実績, 2022目標, 2022実績).

    A word printed after the two labels (`終了`) stands in the label line under the year that
    follows the pairs (2023年度, by the year header's columns); like every `終了` of the plan it
    is read as that year's 目標. The whole reading is reported as a warning: it is the only
    reading consistent with both lines, but the dump does not show the grid.
    """
    assert block.column_labels is not None
    kinds = [KINDS[m["kind"]] for _, t in block.column_labels if (m := _VALUE_LABEL_RE.match(t))][:2]
    extra = [(c, t) for c, t in block.column_labels if not _VALUE_LABEL_RE.match(t)]
    if len(kinds) != 2 or kinds[0] == kinds[1] or len(texts) % 2:
        notes.add("column_wise_unread", "error", f"{path} lines {block.column_line}-{line}: {texts!r}")
        return
    by_kind: dict[str, list[tuple[int, str]]] = {kind: [] for kind in kinds}
    for index, text in enumerate(texts):
        by_kind[kinds[index % 2]].append((index // 2, text))
    pairs = len(texts) // 2
    read_extra: list[str] = []
    for offset, (col, text) in enumerate(extra):
        slot = pairs + offset
        header_year = block.year_cols.get(col)
        if slot < len(block.years) and header_year == block.years[slot]:
            by_kind["target"].append((slot, text))
            read_extra.append(f"{text!r} as the {header_year} target")
        else:
            notes.add(
                "column_wise_unread",
                "error",
                f"{path} line {block.column_line}: {text!r} stands under {header_year}, not after the pairs",
            )
    for kind in KINDS.values():
        block.rows.append(_ValueRow(kind, None, by_kind.get(kind, []), line))
    notes.add(
        "column_wise_block",
        "warning",
        f"{path} lines {block.column_line}-{line}: {block.mark} printed column-wise; read as 目標/実績 pairs "
        f"per year from {block.years[0] if block.years else '?'}"
        + (f", {', '.join(read_extra)}" if read_extra else ""),
    )


def _block_indicators(path: str, block: _Block, notes: _Collector) -> list[RawIndicator]:
    """One RawIndicator per circled number of the block's rows (one when they print none)."""
    if not block.rows:
        notes.add("indicator_without_values", "warning", f"{path} line {block.line}: {block.name!r}")
        return [RawIndicator(name=block.name, values=(), line=block.line, note=block.note)]
    years = block.years
    first = int(YEAR_RE.match(years[0])["year"]) if years and YEAR_RE.match(years[0]) else None
    if first is None:
        notes.add("year_header_missing", "error", f"{path} line {block.line}: no year header; values have no year")
    elif any(YEAR_RE.match(y) is None or int(y[:4]) != first + i for i, y in enumerate(years)):
        notes.add("year_header_unread", "error", f"{path} line {block.line}: year header {years!r}")
    names = _split_names(block.name)
    numbers = list(dict.fromkeys(r.no for r in block.rows))
    indicators: list[RawIndicator] = []
    missing_heading = 0
    for no in numbers:
        name, note = names.get(no, ("", None))
        if no is not None and no not in names and len(numbers) == 1 and None in names:
            name, note = names[None]
        note = "; ".join(n for n in (note, block.note) if n) or None
        if not name:
            notes.names_missing.append(f"{path}" + (f" {'①②③④⑤'[no - 1]}" if no else "") + f" ({block.line})")
        values: list[RawValue] = []
        if note and (m := _BASELINE_NOTE_RE.search(note)):
            # `※2020年度実績：約3,200万枚` (737): the base the 削減 targets are measured from.
            values.append(RawValue("baseline", m["heading"], m["value"]))
        for row in (r for r in block.rows if r.no == no):
            for slot, text in row.slots:
                if slot < len(years):
                    values.append(RawValue(row.kind, years[slot], text))
                else:
                    hint = f"{first + slot}年度" if first is not None else None
                    values.append(RawValue(row.kind, "", text, year_hint=hint))
                    missing_heading += 1
        indicators.append(RawIndicator(name=name, values=tuple(values), line=block.line, note=note))
    if len(years) < YEARS_PER_GRID and first is not None:
        notes.heading_missing.append(
            f"{path} ({block.line}: {len(years)} years, {missing_heading} values take a later year)"
        )
    return indicators


# --- document facts ---------------------------------------------------------------------------


def _document_info(document: Document) -> tuple[DocumentInfo, list[Finding]]:
    """Cover facts; the city and the plan period where the cover does not print them.

    The cover prints neither the city nor a fiscal-year period: `read_info` takes the city the
    text names most often (福山市); the period is the `計画期間` paragraph's month range
    (`2021年(令和3年)11月～2025年(令和7年)3月`) converted to the fiscal years it covers.
    """
    info = read_info(document)
    findings: list[Finding] = []
    if info.period is None:
        paragraphs = [b for b in document.blocks() if isinstance(b, Paragraph)]
        for before, block in itertools.pairwise(paragraphs):
            if before.text.strip() == "計画期間" and (m := _PERIOD_RE.search(block.text)):
                start = int(m["y1"]) - (1 if int(m["m1"]) < 4 else 0)
                end = int(m["y2"]) - (1 if int(m["m2"]) < 4 else 0)
                info = replace(info, period=f"{start}年度～{end}年度")
                findings.append(
                    Finding(
                        "period_from_months",
                        "ok",
                        detail=f"計画期間 {m.group()!r} (line {block.line}) read as fiscal years {start}-{end}",
                    )
                )
                break
    return info, findings


# --- the whole document -----------------------------------------------------------------------


def extract(document: Document) -> Extraction:
    """Read the 施策 cards (概要 table + ロードマップ) and the 個別事業 cards into raw records."""
    info, findings = _document_info(document)
    overview = read_overview(document)
    findings.extend(overview.findings)
    roadmap = read_roadmap(document, overview)
    findings.extend(roadmap.findings)
    notes = _Collector()
    items = list(walk(document))
    units = _collect_units(items, overview.end_line)
    _assign_measures(units, overview, notes)

    cards_by_measure: dict[str, list[RawCard]] = {}
    incomplete_by_path: dict[str, list[str]] = {}
    seen: set[str] = set()
    for unit in units:
        measure_path = unit.measure or "?"
        path = f"{measure_path}-{unit.number}"
        if path in seen:
            notes.add("card_path_duplicate", "error", f"{path} printed again at line {unit.line}; kept both")
            path = f"{path}@{unit.line}"
        seen.add(path)
        fields, indicators, incomplete = _read_card(path, unit, notes)
        incomplete_by_path[path] = incomplete
        measure = overview.measures.get(measure_path)
        policy = measure.policy if measure else overview.policies.get(unit.policy_hint or "")
        card_attributes = tuple((name, fields[name]) for name in CARD_FIELDS[:3] if name in fields)
        cards_by_measure.setdefault(measure_path, []).append(
            RawCard(
                path=path,
                item_no=str(unit.number),
                title=unit.title,
                departments=fields.get("担当課"),
                parent_path=measure_path if measure else None,
                policy=policy,
                measure=measure.name if measure else None,
                description=fields.get("概要"),
                attributes=card_attributes,
                source_line=unit.line,
                indicators=tuple(indicators),
            )
        )

    cards: list[RawCard] = []
    for measure in overview.measures.values():
        attributes: list[tuple[str, str]] = []
        if image := roadmap.images.get(measure.path.split("-")[0]):
            attributes.append((ROADMAP_IMAGE, image))
        if milestones := roadmap.milestones.get(measure.path):
            attributes.append(("マイルストーン", "\n".join(milestones)))
        cards.append(
            RawCard(
                path=measure.path,
                item_no=measure.path,
                title=measure.name,
                policy=measure.policy,
                attributes=tuple(attributes),
                source_line=measure.line,
                schedule=tuple(roadmap.rows.get(measure.path, ())),
            )
        )
        cards.extend(cards_by_measure.pop(measure.path, []))
    for rest in cards_by_measure.values():
        cards.extend(rest)  # cards of a 施策 the 概要 table does not list (reported below)

    findings.extend(notes.findings)
    findings.extend(_gathered(notes))
    findings.extend(_completeness(overview, cards, document))
    findings.extend(_truncation(document, overview, cards, incomplete_by_path))
    # The one glossary note, `※DX：ICTの浸透が…` (39).
    terms, term_findings = read_terms(items)
    findings.extend(term_findings)
    return Extraction(layout=LAYOUT, info=info, cards=tuple(cards), findings=tuple(findings), terms=tuple(terms))


def _gathered(notes: _Collector) -> list[Finding]:
    out: list[Finding] = []
    if notes.heading_missing:
        out.append(
            Finding(
                "heading_missing",
                "warning",
                found=len(notes.heading_missing),
                detail="year headers printing fewer than 4 years (2021-2023); the 4th value of a row takes "
                "the next year (year_source grid): " + "; ".join(notes.heading_missing),
            )
        )
    if notes.names_missing:
        out.append(
            Finding(
                "indicator_name_missing",
                "warning",
                found=len(notes.names_missing),
                detail="indicators printed without a name (published with an empty name): "
                + "; ".join(notes.names_missing),
            )
        )
    return out


def _individual(cards: Sequence[RawCard]) -> list[RawCard]:
    """The 個別事業 cards (numbered as printed), not the 施策 cards (numbered `1-1`)."""
    return [c for c in cards if c.item_no.isdigit()]


def _completeness(overview: Overview, cards: Sequence[RawCard], document: Document) -> list[Finding]:
    """Cards against the 概要 table, per 施策; titles; the table against the diagram's `N事業`."""
    out: list[Finding] = []
    found: dict[str, dict[int, RawCard]] = {}
    for individual in _individual(cards):
        measure_path, _, number = individual.path.rpartition("-")
        if number.isdigit():
            found.setdefault(measure_path, {})[int(number)] = individual
    expected = sum(len(m.entries) for m in overview.measures.values())
    problems: list[str] = []
    matched = 0
    for path in dict.fromkeys([*overview.measures, *found]):
        listed = set(overview.measures[path].entries) if path in overview.measures else set()
        printed = set(found.get(path, {}))
        matched += len(listed & printed)
        if listed != printed:
            missing, extra = sorted(listed - printed), sorted(printed - listed)
            problems.append(
                f"{path}: 概要 {len(listed)}, cards {len(printed)}"
                + (f" (missing {missing})" if missing else "")
                + (f" (not in 概要 {extra})" if extra else "")
            )
    out.append(
        Finding(
            "cards_vs_overview",
            "error" if problems or not expected else "ok",
            expected=expected,
            found=matched,
            detail="; ".join(problems),
        )
    )
    differing = []
    for path, measure in overview.measures.items():
        for entry, (title, _) in measure.entries.items():
            card = found.get(path, {}).get(entry)
            if card is not None and clean_text(card.title) != clean_text(title):
                differing.append(f"{card.path}: 概要 {clean_text(title)!r} / card {clean_text(card.title)!r}")
    out.append(Finding.differences("titles_vs_overview", matched, differing))
    listed_counts = [len(m.entries) for m in overview.measures.values()]
    summary = summary_counts(document, min((m.line or 0) for m in overview.measures.values()) if listed_counts else 0)
    printed_counts = [n for n, _ in summary]
    out.append(
        Finding(
            "overview_vs_summary",
            "ok" if printed_counts == listed_counts else "warning",
            expected=sum(printed_counts),
            found=sum(listed_counts),
            detail=f"diagram `N事業` {printed_counts} (lines {[line for _, line in summary]}), "
            f"概要 table {listed_counts}",
        )
    )
    return out


def _truncation(
    document: Document, overview: Overview, cards: Sequence[RawCard], incomplete: dict[str, list[str]]
) -> list[Finding]:
    """A cut dump: the last card read is published as it is, and a finding says what it lacks.

    The dump is taken as cut when the reader noted it, or when the 概要 table lists cards after
    the last one printed (the plan's own last card, 3-3-3, ends the file).
    """
    out: list[Finding] = []
    individual = _individual(cards)
    for path, gaps in incomplete.items():
        if gaps and individual and path != individual[-1].path:
            out.append(Finding("card_incomplete", "warning", detail=f"{path}: {', '.join(gaps)}"))
    notes = [n for n in document.notes if n.startswith("truncated")]
    listed = [f"{m.path}-{n}" for m in overview.measures.values() for n in m.entries]
    last = individual[-1] if individual else None
    after = listed[listed.index(last.path) + 1 :] if last and last.path in listed else []
    if last is not None and (notes or after or incomplete.get(last.path)):
        lines = [v for v in (last.source_line,) if v]
        gaps = incomplete.get(last.path) or []
        out.append(
            Finding(
                "partial_card" if (notes or after) else "card_incomplete",
                "error" if (notes or after) else "warning",
                expected=len(listed) or None,
                found=len(individual),
                detail=f"{last.path} (line {lines[0] if lines else '?'}) is the last card read"
                + (f"; {'; '.join(notes)}" if notes else "")
                + (f"; the 概要 lists {len(after)} more ({after[0]}…)" if after else "")
                + (f"; it lacks {', '.join(gaps)}" if gaps else "")
                + ("; published with what was read" if (notes or after) else ""),
            )
        )
    return out
