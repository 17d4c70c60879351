"""福岡市DX戦略 実行項目集: numbered groups and ①… sub-items listed in a two-column 目次 (seed 002).

Anatomy (docs/layouts.md §3): a 目次 printed in two columns (left cells 0-1, right cells 2-3)
lists chapters (`1. 暮らしのDX`), groups (`1-1. title ¦ page`) and sub-items
(`①title ¦ page`). In the body a group header row prints only the group's number within
its chapter (`1`, sometimes OCR'd as `I`) and repeats after every page break; sub-item
rows print `① ¦ title ¦ … ¦ dept`. A card (a group's own, or a sub-item's) is a
description row ending in a `工程` cell, the 工程 grid and the 指標 rows. Page headers
(`1.くらしのDX`) and コラム pages are not structure. Because the body never prints the
chapter of a group, the chapter comes from the 目次: body groups are matched to it in order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import regex

from extractors.card_grid import INDICATOR_MARK, SCHEDULE_MARK, heading_of, read_grid
from extractors.document_info import read_info
from extractors.fukuoka_dx_toc import Toc, TocGroup, read_toc
from extractors.model import Extraction, Finding, RawCard
from extractors.walk import Item, circled_number, walk
from normalizers.text import clean_text
from pipeline.blocks import BBox, Document, Row

LAYOUT = "fukuoka_dx_cards"

_PAGE_HEADER_RE = regex.compile(r"^(?P<chapter>\d{1,2})\.\s*(?P<name>\S.{0,20})$")
# A group number in the body; `I` (and its look-alikes) is how the dump prints 1.
_GROUP_NO_RE = regex.compile(r"^(?:\d{1,2}|[IＩl])$")
_REPOST = "再掲"
_TITLE_SIMILARITY = 0.6


def _entry_count(text: str) -> int:
    return len(regex.findall(r"(?:^|\t)\d{1,2}-\d{1,2}\.\s*\S", text, flags=regex.MULTILINE))


def detect(document: Document) -> bool:
    """A two-column 目次 of `N-N.` groups, and cards with 工程 grids and 指標 rows."""
    text = document.text()
    if _entry_count(text) < 10 or text.count(SCHEDULE_MARK) < 5 or text.count("指標") < 5:
        return False
    two_columns = regex.search(
        r"^\d{1,2}-\d{1,2}\.\s*[^\t\n]+\t[^\t\n]*\t\d{1,2}-\d{1,2}\.\s*\S", text, flags=regex.MULTILINE
    )
    return two_columns is not None


# -- body ------------------------------------------------------------------------------


@dataclass
class _Unit:
    """A group or sub-item found in the body: its header row and the rows printed under it."""

    path: str
    title: str
    departments: str | None
    line: int | None
    page: int | None = None  # set for PDFs: the page the header is printed on
    bbox: BBox | None = None  # and where on it
    items: list[Item] = field(default_factory=list)


def _is_title(text: str) -> bool:
    return len(text) >= 2 and regex.search(r"\p{Han}|\p{Katakana}|\p{Hiragana}|[A-Za-z]{2}", text) is not None


def _key(text: str) -> str:
    """Comparison key of a title: cleaned, without spaces, parentheses of one width."""
    text = clean_text(text).translate(str.maketrans("（）", "()"))
    return regex.sub(r"\s+", "", text)


def _similar(a: str, b: str) -> bool:
    ka, kb = _key(a), _key(b)
    return ka == kb or SequenceMatcher(None, ka, kb).ratio() >= _TITLE_SIMILARITY


def _header_departments(texts: list[str]) -> str | None:
    """The department of a header row: its last non-empty cell after the title."""
    return texts[-1] if len(texts) >= 3 else None


@dataclass
class _Body:
    groups: dict[str, _Unit] = field(default_factory=dict)
    subs: dict[str, _Unit] = field(default_factory=dict)
    repeats: int = 0
    page_headers: int = 0
    columns_found: list[str] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    skipped_trailing: bool = True  # every skipped row follows the last card (コラム, 改訂履歴)
    problems: list[str] = field(default_factory=list)


def _read_body(items: Sequence[Item], toc: Toc) -> _Body:
    body = _Body()
    column_keys = {_key(t): t for t in toc.columns}
    chapters = set(toc.chapters)
    next_group = 0  # index into toc.groups of the group expected next
    group: TocGroup | None = None
    unit: _Unit | None = None
    in_column = False
    for item in items:
        texts = item.texts
        if not texts:
            continue
        if item.table is None and len(item.row.cells) == 1:
            # Paragraphs: page headers, コラム pages and captions, never part of a card.
            text = texts[0]
            if (m := _PAGE_HEADER_RE.match(text)) and int(m["chapter"]) in chapters:
                body.page_headers += 1
            elif _key(text) in column_keys:
                body.columns_found.append(column_keys[_key(text)])
                in_column = True
            elif not in_column and unit is not None:
                # (Paragraphs before the first group are the はじめに page.)
                body.stray.append(f"l.{item.row.line} {text!r}")
            continue
        header = _group_header(texts, toc, next_group, group)
        if header == "new":
            group = toc.groups[next_group]
            next_group += 1
            unit = _Unit(group.path, texts[1], _header_departments(texts), item.row.line, item.row.page, item.row.bbox)
            body.groups[group.path] = unit
            in_column = False
            continue
        if header == "repeat" and group is not None:
            body.repeats += 1
            known = body.groups[group.path]
            if known.departments is None:
                known.departments = _header_departments(texts)
            in_column = False
            continue
        number = circled_number(texts[0]) if len(texts) >= 2 and _is_title(texts[1]) else None
        if number is not None and group is not None:
            done = sum(1 for path in body.subs if path.startswith(f"{group.path}/"))
            path = f"{group.path}/{number}"
            if number == done + 1:
                if number > len(group.subs):
                    body.problems.append(f"l.{item.row.line}: {path} {texts[1]!r} is not in the 目次")
                unit = _Unit(path, texts[1], _header_departments(texts), item.row.line, item.row.page, item.row.bbox)
                body.subs[path] = unit
                in_column = False
                continue
            if path in body.subs and _similar(texts[1], body.subs[path].title):
                body.repeats += 1
                continue
            body.problems.append(f"l.{item.row.line}: sub-item {texts[0]} out of sequence in {group.path}")
        if in_column or unit is None:
            if unit is not None:
                body.skipped_rows.append(item.row.line or 0)
            continue
        unit.items.append(item)
    last_header = max((u.line or 0 for u in (*body.groups.values(), *body.subs.values())), default=0)
    body.skipped_trailing = all(n > last_header for n in body.skipped_rows)
    for missing in toc.groups[next_group:]:
        body.problems.append(f"group {missing.path} {missing.title!r} not found in the body")
    return body


def _group_header(texts: list[str], toc: Toc, next_group: int, group: TocGroup | None) -> str | None:
    """`new`, `repeat` or None for a row that may be a group header (`N ¦ title ¦ dept`)."""
    if len(texts) < 2 or not _GROUP_NO_RE.match(texts[0]) or not _is_title(texts[1]):
        return None
    number = int(texts[0]) if texts[0].isdigit() else 1
    if next_group < len(toc.groups):
        expected = toc.groups[next_group]
        if expected.number == number and _similar(texts[1], expected.title):
            return "new"
    if group is not None and group.number == number and _similar(texts[1], group.title):
        return "repeat"
    return None


# -- cards -----------------------------------------------------------------------------


def _drop_captions(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """(rows of the card, captions): one-cell text rows at column 0 printed after the last
    indicator (002 l.409, a banner caption) follow no indicator header, so they are no name part."""
    if not any(INDICATOR_MARK in item.texts for item in items):
        return items, []
    cut = len(items)
    while cut > 0:
        item = items[cut - 1]
        cells = [c.strip() for c in item.row.texts]
        if item.table is not None or len(item.texts) != 1 or not cells or not cells[0]:
            break
        if cells[0] in (INDICATOR_MARK, SCHEDULE_MARK) or heading_of(cells[0]):
            break
        cut -= 1
    return items[:cut], items[cut:]


def _split_description(items: list[Item]) -> tuple[str | None, list[Row]]:
    """(description, grid rows): the description is the text left of the `工程` cell."""
    description: str | None = None
    rows: list[Row] = []
    for item in items:
        cells = [c.strip() for c in item.row.texts]
        if description is None and SCHEDULE_MARK in cells[1:]:
            cut = cells.index(SCHEDULE_MARK)
            text = "\n".join(c for c in cells[:cut] if c)
            # Bullets printed on one line (`●… ●…`) become one line each, as `<p>` bullets are.
            description = regex.sub(r"[ \t]+(?=●)", "\n", text) or None
            rows.append(Row(cells=item.row.cells[cut:], line=item.row.line))
            continue
        rows.append(item.row)
    return description, rows


def extract(document: Document) -> Extraction:
    """Read the 目次, the groups and their sub-items into raw records (one per 目次 entry)."""
    items = list(walk(document))
    info = read_info(document)
    toc = read_toc(items)
    body = _read_body(items[toc.end :], toc)
    findings: list[Finding] = []
    cards: list[RawCard] = []
    with_card: list[str] = []
    without_grid: list[str] = []
    title_diffs: list[str] = []
    layout_diffs: list[str] = []

    def compare(path: str, printed: str, listed: str) -> None:
        if clean_text(printed) != clean_text(listed):
            target = layout_diffs if _key(printed) == _key(listed) else title_diffs
            target.append(f"{path}: 目次 {clean_text(listed)!r} / body {clean_text(printed)!r}")

    for group in toc.groups:
        policy = toc.chapters.get(group.chapter)
        unit = body.groups.get(group.path)
        title = unit.title if unit else group.title
        if unit:
            compare(group.path, unit.title, group.title)
        card = _card(
            group.path,
            group.path,
            title,
            unit,
            parent=None,
            policy=policy,
            measure=None,
            repost=_REPOST in group.title or _REPOST in title,
            findings=findings,
            stray=body.stray,
        )
        cards.append(card)
        if unit and unit.items:
            with_card.append(group.path)
            if not card.schedule:
                without_grid.append(group.path)
        for sub in group.subs:
            path = f"{group.path}/{sub.number}"
            sub_unit = body.subs.get(path)
            sub_title = sub_unit.title if sub_unit else sub.title
            if sub_unit:
                compare(path, sub_unit.title, sub.title)
            else:
                body.problems.append(f"sub-item {path} {sub.title!r} not found in the body")
            sub_card = _card(
                path,
                sub.mark,
                sub_title,
                sub_unit,
                parent=group.path,
                policy=policy,
                measure=title,
                repost=_REPOST in sub.title or _REPOST in sub_title,
                findings=findings,
                stray=body.stray,
            )
            cards.append(sub_card)
            if not sub_card.schedule:
                without_grid.append(path)
    findings.extend(_completeness(toc, body, cards, with_card, without_grid, title_diffs, layout_diffs))
    return Extraction(layout=LAYOUT, info=info, cards=tuple(cards), findings=tuple(findings))


def _card(
    path: str,
    item_no: str,
    title: str,
    unit: _Unit | None,
    *,
    parent: str | None,
    policy: str | None,
    measure: str | None,
    repost: bool,
    findings: list[Finding],
    stray: list[str],
) -> RawCard:
    description: str | None = None
    schedule: tuple = ()
    indicators: tuple = ()
    if unit is not None and unit.items:
        items, captions = _drop_captions(unit.items)
        stray.extend(f"l.{c.row.line} {c.texts[0]!r} (after {path})" for c in captions)
        description, rows = _split_description(items)
        grid, _ = read_grid(path, rows)
        findings.extend(grid.findings)
        schedule, indicators = tuple(grid.schedule), tuple(grid.indicators)
    return RawCard(
        path=path,
        item_no=item_no,
        title=title,
        departments=unit.departments if unit else None,
        parent_path=parent,
        policy=policy,
        measure=measure,
        group=None,
        description=description,
        is_repost=repost,
        source_line=unit.line if unit else None,
        source_page=unit.page if unit else None,
        source_bbox=unit.bbox if unit else None,
        schedule=schedule,
        indicators=indicators,
    )


def _completeness(
    toc: Toc,
    body: _Body,
    cards: list[RawCard],
    with_card: list[str],
    without_grid: list[str],
    title_diffs: list[str],
    layout_diffs: list[str],
) -> list[Finding]:
    """Compare what the body printed with what the 目次 lists."""
    expected_subs = sum(len(g.subs) for g in toc.groups)
    out = [
        Finding(
            "groups_vs_toc",
            "ok" if len(body.groups) == len(toc.groups) and toc.groups else "error",
            expected=len(toc.groups),
            found=len(body.groups),
            detail="; ".join(p for p in body.problems if p.startswith("group ")),
        ),
        Finding(
            "sub_items_vs_toc",
            "ok" if len(body.subs) == expected_subs and not body.problems else "error",
            expected=expected_subs,
            found=len(body.subs),
            detail="; ".join(p for p in body.problems if not p.startswith("group ")),
        ),
    ]
    detail = "; ".join(title_diffs)
    if layout_diffs:
        detail += f"{'; ' if detail else ''}spacing/width only: " + "; ".join(layout_diffs)
    out.append(
        Finding(
            "titles_vs_toc",
            "warning" if title_diffs or layout_diffs else "ok",
            expected=len(cards),
            found=len(cards) - len(title_diffs) - len(layout_diffs),
            detail=detail,
        )
    )
    out.append(
        Finding(
            "group_cards",
            "ok",
            expected=len(toc.groups),
            found=len(with_card),
            detail=f"groups printing their own card: {', '.join(with_card)}",
        )
    )
    units = len(with_card) + len(body.subs)
    out.append(
        Finding(
            "cards_without_grid",
            "warning" if without_grid else "ok",
            expected=units,
            found=units - len(without_grid),
            detail=", ".join(without_grid),
        )
    )
    out.append(
        Finding(
            "columns_vs_toc",
            "ok" if sorted(body.columns_found) == sorted(toc.columns) else "warning",
            expected=len(toc.columns),
            found=len(body.columns_found),
        )
    )
    out.append(
        Finding(
            "repeated_headers",
            "ok",
            found=body.repeats,
            detail=f"{body.page_headers} page headers skipped",
        )
    )
    if toc.problems:
        out.append(Finding("toc_structure", "error", detail="; ".join(toc.problems)))
    if body.stray:
        out.append(Finding("text_outside_cards", "warning", found=len(body.stray), detail="; ".join(body.stray)))
    if body.skipped_rows:
        out.append(
            Finding(
                "rows_after_columns",
                "ok" if body.skipped_trailing else "warning",
                found=len(body.skipped_rows),
                detail="rows printed after a コラム and before the next group, not read: "
                + ", ".join(f"l.{n}" for n in body.skipped_rows),
            )
        )
    return out
