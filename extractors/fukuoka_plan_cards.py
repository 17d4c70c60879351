"""福岡市 行政運営プラン: numbered 実行項目 cards listed in a 索引 (seed 000).

Anatomy (docs/layouts.md §1): hierarchy headings 取組方針N / 推進項目① / ○group as their
own lines; a card header row `N ¦ title ¦ departments`; sub-item rows `① ¦ 【…】 ¦ dept`;
a description row ending in a `工程` cell; the 工程 grid and 指標 rows. Five cards print
their grid as an HTML table, then flattened, then again as tab rows: the HTML copy is
read and the other two are skipped. The 索引 before the cards lists 1–74 with titles
and departments: the completeness check compares the cards with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from extractors.card_grid import SCHEDULE_MARK, read_grid
from extractors.document_info import read_info
from extractors.footnotes import read_terms
from extractors.model import DocumentInfo, Extraction, Finding, RawCard
from extractors.walk import Item, circled_number, is_footnote_definition, walk
from normalizers.text import clean_text
from pipeline.blocks import BBox, Document, Row

LAYOUT = "fukuoka_plan_cards"

_POLICY_RE = regex.compile(r"^取組方針\s*(?P<no>\d+)\s*(?P<name>.+)$")
_MEASURE_RE = regex.compile(r"^推進項目\s*(?P<no>[①-⑳])\s*(?P<name>.+)$")
_GROUP_RE = regex.compile(r"^○(?P<name>.+)$")
_INDEX_PAGE_RE = regex.compile(r"^P\s*\d+$")
_NUMBER_RE = regex.compile(r"^\d{1,3}$")


MIN_GRIDS = 3
SCORE_WITHOUT_INDEX = 0.8  # the family's cards without its 索引 (a chapter excerpt): above the generic profile


def score(document: Document) -> float:
    """1 for the whole plan (a 索引 of 実行項目), 0.8 for its cards alone, else 0.

    The cards are 取組方針/推進項目 headings with cards that print 工程 and 指標 grids.
    """
    text = document.text()
    headings = (
        regex.search(r"^取組方針\s*\d", text, regex.MULTILINE) is not None
        or regex.search(r"^推進項目\s*[①-⑳]", text, regex.MULTILINE) is not None
    )
    if not headings or text.count("工程") < MIN_GRIDS or text.count("指標") < MIN_GRIDS:
        return 0.0
    return 1.0 if "索引" in text else SCORE_WITHOUT_INDEX


def detect(document: Document) -> bool:
    """The whole plan: a 索引 of 実行項目, 取組方針/推進項目 headings and cards with 工程 and 指標 grids."""
    return score(document) >= 1.0


@dataclass
class _Unit:
    """A card or sub-item being collected: its header row and the rows printed under it."""

    path: str
    item_no: str
    title: str
    departments: str | None
    parent_path: str | None
    policy: str | None
    measure: str | None
    group: str | None
    line: int | None
    page: int | None
    bbox: BBox | None
    items: list[Item] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)


def _is_title(text: str) -> bool:
    return (
        len(text) >= 4
        and not text.startswith("※")
        and regex.search(r"\p{Han}|\p{Katakana}|\p{Hiragana}", text) is not None
    )


def _index_entries(items: Sequence[Item]) -> tuple[dict[int, tuple[str, str]], int]:
    """Card number → (title, departments) from the 索引, and the position after it."""
    entries: dict[int, tuple[str, str]] = {}
    end = 0
    started = False
    for pos, item in enumerate(items):
        texts = item.texts
        if not started:
            started = texts == ["索引"]
            continue
        if (
            len(texts) >= 3
            and _NUMBER_RE.match(texts[0])
            and (_INDEX_PAGE_RE.match(texts[-1]) or (texts[-2] == "P" and texts[-1].isdigit()))
        ):
            body = [t for t in texts[1:] if t != "P" and not _INDEX_PAGE_RE.match(t) and not t.isdigit()]
            entries[int(texts[0])] = (body[0], body[1] if len(body) > 1 else "")
            end = pos + 1
    return entries, end


def extract(document: Document) -> Extraction:
    """Read the cards, their sub-items and the 索引 into raw records."""
    items = list(walk(document))
    info: DocumentInfo = read_info(document)
    index, body_start = _index_entries(items)
    findings: list[Finding] = []
    units: list[_Unit] = []
    policy = measure = group = None
    last_card = 0
    card: _Unit | None = None
    for item in items[body_start:]:
        texts = item.texts
        if item.table is None and not texts:
            continue
        if item.table is None and len(texts) == 1:
            joined = texts[0]
            if is_footnote_definition(joined):
                continue
            if m := _POLICY_RE.match(joined):
                policy, measure, group = clean_text(m["name"]), None, None
                continue
            if m := _MEASURE_RE.match(joined):
                measure, group = clean_text(m["name"]), None
                continue
            if m := _GROUP_RE.match(joined):
                group = clean_text(m["name"])
                continue
        if item.table is None and _is_card_header(texts, last_card, index, units):
            number = int(texts[0])
            card = _Unit(
                path=str(number),
                item_no=str(number),
                title=texts[1],
                departments=texts[2] if len(texts) > 2 else None,
                parent_path=None,
                policy=policy,
                measure=measure,
                group=group,
                line=item.row.line,
                page=item.row.page,
                bbox=item.row.bbox,
            )
            units.append(card)
            last_card = number
            continue
        sub = _sub_item_number(texts, card, units) if item.table is None else None
        if sub is not None and card is not None:
            units.append(
                _Unit(
                    path=f"{card.path}/{sub}",
                    item_no=texts[0],
                    title=texts[1],
                    departments=texts[2] if len(texts) > 2 else None,
                    parent_path=card.path,
                    policy=policy,
                    measure=measure,
                    group=group,
                    line=item.row.line,
                    page=item.row.page,
                    bbox=item.row.bbox,
                )
            )
            continue
        if units:
            units[-1].items.append(item)
    cards = [_unit_to_card(unit, findings) for unit in units]
    findings.extend(_check_against_index(index, cards))
    terms, term_findings = read_terms(items)
    findings.extend(term_findings)
    return Extraction(layout=LAYOUT, info=info, cards=tuple(cards), findings=tuple(findings), terms=tuple(terms))


def _is_card_header(texts: list[str], last: int, index: dict[int, tuple[str, str]], units: list[_Unit]) -> bool:
    """A card header prints a number above the last card's, as printed (a chapter excerpt skips numbers).

    Where the document has a 索引, the number must also be one it lists.
    """
    if len(texts) < 2 or not _NUMBER_RE.match(texts[0]) or int(texts[0]) <= last:
        return False
    if index and int(texts[0]) not in index:
        return False
    if not _is_title(texts[1]):
        return False
    # A value row of a card whose indicator header still waits for its values is not a header.
    return not (units and _waiting_for_values(units[-1]))


def _waiting_for_values(unit: _Unit) -> bool:
    headers = values = 0
    in_indicators = False
    for item in unit.items:
        texts = item.texts
        if texts[:1] == ["指標"]:
            in_indicators = True
        elif in_indicators and any(t.startswith(("現状値", "中間目標", "最終目標", "中間値", "最終値")) for t in texts):
            headers += 1
        elif in_indicators:
            values += 1
    return headers > values


def _sub_item_number(texts: list[str], card: _Unit | None, units: list[_Unit]) -> int | None:
    if card is None or len(texts) < 2:
        return None
    number = circled_number(texts[0])
    if number is None or not _is_title(texts[1]):
        return None
    last = units[-1]
    expected = 1 if last is card else (circled_number(last.item_no) or 0) + 1
    return number if number == expected else None


def _split_description(items: list[Item]) -> tuple[str | None, list[Row]]:
    """(description, rows of the grid) of a unit; an HTML table, when printed, is the grid."""
    description: str | None = None
    rows: list[Row] = []
    html = next((item.table for item in items if item.table is not None), None)
    for item in items:
        texts = item.texts
        if (
            description is None
            and texts
            and (texts[0].startswith(("●", "・")) or SCHEDULE_MARK in texts[1:] or len(texts[0]) > 40)
        ):
            cells = [c.strip() for c in item.row.texts]
            cut = cells.index(SCHEDULE_MARK) if SCHEDULE_MARK in cells else 1
            description = "\n".join(c for c in cells[:cut] if c)
            if SCHEDULE_MARK in cells and html is None:
                rows.append(Row(cells=item.row.cells[cut:], line=item.row.line))
            continue
        if html is None and item.table is None:
            rows.append(item.row)
    if html is not None:
        rows = list(html.rows)
    return description, rows


def _unit_to_card(unit: _Unit, findings: list[Finding]) -> RawCard:
    description, rows = _split_description(unit.items)
    grid, _ = read_grid(unit.path, rows)
    findings.extend(grid.findings)
    return RawCard(
        path=unit.path,
        item_no=unit.item_no,
        title=unit.title,
        departments=unit.departments,
        parent_path=unit.parent_path,
        policy=unit.policy,
        measure=unit.measure,
        group=unit.group,
        description=description,
        source_line=unit.line,
        source_page=unit.page,
        source_bbox=unit.bbox,
        schedule=tuple(grid.schedule),
        indicators=tuple(grid.indicators),
    )


def _check_against_index(index: dict[int, tuple[str, str]], cards: list[RawCard]) -> list[Finding]:
    """Compare the cards found with the 索引: numbers exactly, titles after cleaning."""
    found = {int(c.path): c for c in cards if c.parent_path is None}
    subs = sum(1 for c in cards if c.parent_path is not None)
    sub_items = Finding("sub_items", "ok", found=subs, detail=f"{len(cards)} units")
    if not index:
        detail = "no 索引 printed (an excerpt of the plan): the cards cannot be checked against it"
        return [Finding("completeness_unknown", "warning", found=len(found), detail=detail), sub_items]
    missing = sorted(set(index) - set(found))
    extra = sorted(set(found) - set(index))
    status = "ok" if not missing and not extra else "error"
    detail = f"missing {missing}" if missing else ""
    if extra:
        detail += f" not in index {extra}"
    differing = [
        f"{n}: index {clean_text(index[n][0])!r} / card {clean_text(found[n].title)!r}"
        for n in sorted(set(index) & set(found))
        if clean_text(index[n][0]) != clean_text(found[n].title)
    ]
    return [
        Finding("cards_vs_index", status, expected=len(index), found=len(found), detail=detail.strip()),
        Finding.differences("titles_vs_index", len(index), differing),
        sub_items,
    ]
