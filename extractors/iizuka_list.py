"""飯塚市 取組項目及び優先順位一覧 (seed 003, lines 545-631) and its link with the 個票 cards.

The 一覧 is one table `ページ番号 ¦ 部局名 ¦ 優先順位 ¦ 取組項目名 ¦ 主たる所管部署 ¦ 大分類 ¦ 小分類 ¦ 備考`;
columns are found by their header names. Every row is an initiative: rows sharing a 優先順位
in one 部局 (24-26, 69-73) are separate initiatives.

A card and a row are the same initiative when title and department agree. Neither is a key
on its own: titles repeat (×4, ×4, ×2, told apart by department), ten titles are printed
slightly differently in the two places (`入り参加` / `入札参加`, `ハラスマント` / `ハラスメント`…),
and departments are printed with their 部 on the cards only (`総務部人事課` / `人事課`) or cut
short in the 一覧 (`特産品振興・ふるさと`). So cards and rows are aligned in printed order
(both run in the same order) maximising title similarity plus department agreement; a pair
is only allowed when the titles are similar enough to be the same text with a typo.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz, process

from extractors.model import Finding
from extractors.walk import Item
from normalizers.departments import split_departments
from normalizers.text import clean_text

LIST_COLUMNS = ("ページ番号", "部局名", "優先順位", "取組項目名", "主たる所管部署", "大分類", "小分類", "備考")
# Two titles this similar (difflib ratio) may be one title printed twice with a typo; the
# ten differing pairs of seed 003 are all above 0.85, different initiatives below 0.8.
MIN_TITLE_SIMILARITY = 0.8
DEPARTMENT_WEIGHT = 0.5
_NUMBER_RE = regex.compile(r"^\d{1,4}$")
_DEPT_NOISE_RE = regex.compile(r"[\s・]")


@dataclass(frozen=True)
class ListRow:
    """One row of the 一覧, as printed."""

    page: str  # ページ番号
    bureau: str  # 部局名
    priority: str  # 優先順位
    title: str
    department: str
    policy: str
    measure: str
    remarks: str
    line: int | None


@dataclass(frozen=True)
class CardKey:
    """What identifies a card for linking: its order, title, main department and line."""

    order: int
    title: str
    department: str
    line: int | None


def is_list_header(cells: Sequence[str]) -> bool:
    """The 一覧's header row (ページ番号 ¦ 部局名 ¦ 優先順位 ¦ 取組項目名 …)."""
    texts = [c.strip() for c in cells]
    return "取組項目名" in texts and "優先順位" in texts and "ページ番号" in texts


def read_list(items: Sequence[Item]) -> tuple[list[ListRow], list[Finding]]:
    """The 一覧 rows after its header row, and a `list_rows` finding on their numbering."""
    columns: dict[str, int] | None = None
    rows: list[ListRow] = []
    for item in items:
        cells = [c.strip() for c in item.row.texts]
        if item.table is not None or not any(cells):
            continue
        if columns is None:
            if is_list_header(cells):
                columns = {name: cells.index(name) for name in LIST_COLUMNS if name in cells}
            continue
        if not _NUMBER_RE.match(cells[0]):
            continue
        by_name = {name: cells[col] if col < len(cells) else "" for name, col in columns.items()}
        rows.append(
            ListRow(
                page=by_name.get("ページ番号", ""),
                bureau=by_name.get("部局名", ""),
                priority=by_name.get("優先順位", ""),
                title=by_name.get("取組項目名", ""),
                department=by_name.get("主たる所管部署", ""),
                policy=by_name.get("大分類", ""),
                measure=by_name.get("小分類", ""),
                remarks=by_name.get("備考", ""),
                line=item.row.line,
            )
        )
    pages = [int(r.page) for r in rows]
    expected = max(pages, default=0)
    gaps = sorted(set(range(1, expected + 1)) - set(pages))
    repeated = sorted({p for p in pages if pages.count(p) > 1})
    status = "ok" if rows and not gaps and not repeated else ("error" if not rows else "warning")
    detail = f"ページ番号 1-{expected}" if rows else "no 一覧 rows found"
    if gaps:
        detail += f"; missing {gaps}"
    if repeated:
        detail += f"; repeated {repeated}"
    return rows, [Finding("list_rows", status, expected=expected, found=len(rows), detail=detail)]


def _title(text: str) -> str:
    return clean_text(text).replace(" ", "")


def title_similarity(a: str, b: str) -> float:
    """difflib ratio of two titles after cleaning (spacing and width ignored)."""
    return difflib.SequenceMatcher(None, _title(a), _title(b), autojunk=False).ratio()


def department_agreement(listed: str, card: str) -> float:
    """How much of the 一覧's department the card's main department contains (1.0: all of it).

    The card prints the 部 before the 課 and sometimes drops a `・`; the 一覧 truncates long
    names. The longest common run over the 一覧's length measures both.
    """
    a = _DEPT_NOISE_RE.sub("", clean_text(listed))
    b = _DEPT_NOISE_RE.sub("", clean_text(card))
    if not a or not b:
        return 0.0
    if a in b:
        return 1.0
    match = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size / len(a)


def same_department(listed: str, card: str) -> bool:
    """One of the card's main departments is the 一覧's, possibly after its 部 (`総務部人事課` / `人事課`)."""
    a = _DEPT_NOISE_RE.sub("", clean_text(listed))
    names = split_departments(card)[0] if card else []
    return bool(a) and any(_DEPT_NOISE_RE.sub("", name).endswith(a) for name in names)


def link(cards: Sequence[CardKey], rows: Sequence[ListRow]) -> tuple[dict[int, int], list[Finding]]:
    """Card index → row index, aligned in order; and the findings comparing both sides."""
    pairs = _align(cards, rows)
    findings = [_cards_vs_list(cards, rows, pairs)]
    differing = [
        f"{cards[c].order}: 一覧 {rows[r].title!r} / 個票 {cards[c].title!r}"
        for c, r in sorted(pairs.items())
        if _title(cards[c].title) != _title(rows[r].title)
    ]
    findings.append(Finding.differences("titles_vs_list", len(pairs), differing))
    departments = [
        f"{cards[c].order}: 一覧 {rows[r].department!r} / 個票 {cards[c].department!r}"
        for c, r in sorted(pairs.items())
        if not same_department(rows[r].department, cards[c].department)
    ]
    findings.append(Finding.differences("departments_vs_list", len(pairs), departments))
    return pairs, findings


def _align(cards: Sequence[CardKey], rows: Sequence[ListRow]) -> dict[int, int]:
    """Order-preserving alignment maximising title similarity + weighted department agreement."""
    n, m = len(cards), len(rows)
    scores = [[0.0] * m for _ in range(n)]
    # rapidfuzz's Indel ratio is never below difflib's (difflib's matching blocks are a common
    # subsequence), so pairs under the threshold there are under it here: difflib runs on the rest only.
    bound = process.cdist(
        [_title(c.title) for c in cards],
        [_title(r.title) for r in rows],
        scorer=fuzz.ratio,
        score_cutoff=MIN_TITLE_SIMILARITY * 100,
    )
    for card_index, row_index in zip(*(axis.tolist() for axis in bound.nonzero()), strict=True):
        card, row = cards[card_index], rows[row_index]
        similarity = title_similarity(card.title, row.title)
        if similarity >= MIN_TITLE_SIMILARITY:
            agreement = department_agreement(row.department, card.department)
            scores[card_index][row_index] = similarity + DEPARTMENT_WEIGHT * agreement
    # best[i][j]: best total for cards[i:] and rows[j:] (classic alignment, gaps cost nothing).
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = scores[i][j] + best[i + 1][j + 1] if scores[i][j] > 0 else 0.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs: dict[int, int] = {}
    i = j = 0
    while i < n and j < m:
        if scores[i][j] > 0 and best[i][j] == scores[i][j] + best[i + 1][j + 1]:
            pairs[i] = j
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _cards_vs_list(cards: Sequence[CardKey], rows: Sequence[ListRow], pairs: dict[int, int]) -> Finding:
    """Cards without a row (published all the same) and rows without a card (a card lost)."""
    linked_rows = set(pairs.values())
    lone_cards = [f"{c.order} {c.title!r} (line {c.line})" for i, c in enumerate(cards) if i not in pairs]
    lone_rows = [f"{r.page} {r.title!r} (line {r.line})" for j, r in enumerate(rows) if j not in linked_rows]
    out_of_order = [
        f"card {cards[c].order} ↔ ページ番号 {rows[r].page}"
        for c, r in sorted(pairs.items())
        if rows[r].page != str(cards[c].order)
    ]
    parts = [f"{len(pairs)} cards linked to their 一覧 row"]
    if lone_cards:
        parts.append(f"cards without a 一覧 row: {', '.join(lone_cards)}")
    if lone_rows:
        parts.append(f"一覧 rows without a card: {', '.join(lone_rows)}")
    if out_of_order:
        parts.append(f"linked out of ページ番号 order: {', '.join(out_of_order)}")
    status = "error" if lone_rows or not rows else ("warning" if lone_cards or out_of_order else "ok")
    return Finding("cards_vs_list", status, expected=len(rows), found=len(cards), detail="; ".join(parts))
