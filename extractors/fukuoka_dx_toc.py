"""福岡市DX戦略 実行項目集 (seed 002): the two-column 目次 that numbers every group and sub-item.

The 目次 prints two columns side by side (left cells 0-1, right cells 2-3): chapters
(`1. 暮らしのDX`), groups (`1-1. title ¦ page`) and sub-items (`①title ¦ page`). A group's
sub-items continue in its own column across lines, so each column is read on its own, left
column first. はじめに, コラム and 改訂履歴 are skipped. The body never prints a group's chapter,
so this list is what numbers the cards.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from extractors.walk import Item, circled_number

_TOC_GROUP_RE = regex.compile(r"^(?P<chapter>\d{1,2})-(?P<group>\d{1,2})\.\s*(?P<title>\S.*)$")
_TOC_CHAPTER_RE = regex.compile(r"^(?P<chapter>\d{1,2})\.\s*(?P<name>\S.*)$")
_TOC_SUB_RE = regex.compile(r"^(?P<mark>[①-⑳])\s*(?P<title>\S.*)$")
_TOC_COLUMN_RE = regex.compile(r"^[(（]コラム[)）]\s*(?P<title>\S.*)$")
_TOC_OTHER = ("はじめに", "改訂履歴")
_PAGE_RE = regex.compile(r"^\d{1,3}$")


@dataclass
class TocSub:
    """A sub-item line of the 目次."""

    number: int
    mark: str
    title: str
    page: str | None


@dataclass
class TocGroup:
    """A group line of the 目次 and the sub-items listed under it."""

    chapter: int
    number: int
    title: str
    page: str | None
    subs: list[TocSub] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{self.chapter}-{self.number}"


@dataclass
class Toc:
    """What the 目次 lists."""

    chapters: dict[int, str] = field(default_factory=dict)
    groups: list[TocGroup] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)  # コラム titles
    end: int = 0  # position in the walk after the 目次
    problems: list[str] = field(default_factory=list)


def _toc_cells(item: Item) -> list[tuple[int, str, str | None]]:
    """(column, entry text, page) of a 目次 line: a paragraph is column 0, a row holds pairs of cells."""
    cells = [c.strip() for c in item.row.texts]
    out: list[tuple[int, str, str | None]] = []
    for column, start in enumerate(range(0, len(cells), 2)):
        text = cells[start]
        page = cells[start + 1] if start + 1 < len(cells) else ""
        if text:
            out.append((column, text, page if _PAGE_RE.match(page) else None))
    return out


def _is_toc_entry(text: str) -> bool:
    return bool(
        _TOC_GROUP_RE.match(text)
        or _TOC_SUB_RE.match(text)
        or _TOC_COLUMN_RE.match(text)
        or _TOC_CHAPTER_RE.match(text)
        or text in _TOC_OTHER
    )


def read_toc(items: Sequence[Item]) -> Toc:
    """Read the two-column 目次: sub-items belong to the last group printed in the same column."""
    toc = Toc()
    start = next(
        (pos for pos, item in enumerate(items) if any(_TOC_GROUP_RE.match(t) for _, t, _ in _toc_cells(item))),
        None,
    )
    if start is None:
        return toc
    # The 目次 may open with はじめに / a chapter line just above the first group.
    while (
        start > 0 and all(_is_toc_entry(t) for _, t, _ in _toc_cells(items[start - 1])) and _toc_cells(items[start - 1])
    ):
        start -= 1
    current: dict[int, TocGroup | None] = {}
    groups: dict[tuple[int, int], TocGroup] = {}
    pos = start
    for pos in range(start, len(items)):
        entries = _toc_cells(items[pos])
        if not entries:
            continue
        if not all(_is_toc_entry(t) for _, t, _ in entries):
            break
        for column, text, page in entries:
            if m := _TOC_GROUP_RE.match(text):
                key = (int(m["chapter"]), int(m["group"]))
                group = TocGroup(key[0], key[1], m["title"].strip(), page)
                if key in groups:
                    toc.problems.append(f"group {group.path} listed twice")
                groups[key] = group
                current[column] = group
            elif m := _TOC_SUB_RE.match(text):
                owner = current.get(column)
                if owner is None:
                    toc.problems.append(f"sub-item {text!r} without a group")
                    continue
                number = circled_number(m["mark"]) or 0
                if number != len(owner.subs) + 1:
                    toc.problems.append(f"{owner.path}: sub-item {m['mark']} out of sequence")
                owner.subs.append(TocSub(number, m["mark"], m["title"].strip(), page))
            elif m := _TOC_COLUMN_RE.match(text):
                toc.columns.append(m["title"].strip())
                current[column] = None
            elif m := _TOC_CHAPTER_RE.match(text):
                toc.chapters.setdefault(int(m["chapter"]), m["name"].strip())
                current[column] = None
            else:
                current[column] = None
    else:
        pos = len(items)
    toc.end = pos
    toc.groups = [groups[key] for key in sorted(groups)]
    for group in toc.groups:
        if group.chapter not in toc.chapters:
            toc.problems.append(f"group {group.path}: chapter {group.chapter} not listed")
    return toc
