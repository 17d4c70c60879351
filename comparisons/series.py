"""Versions of one plan: documents of one municipality and one plan title form a series.

A series is ordered by what the documents print about themselves: the month of publication,
then the edition (骨子案 → 素案 → 原案 → 案 → the adopted plan, `comparisons/data/editions.csv`),
then a version number (第1.1版 → 第1.2版). Where those tie or are missing, the manifest's
`downloaded` date and then the file's id decide, and the later document carries a note saying
the order was assumed: a data team that knows better names the previous file in the manifest
(`supersedes`), which always wins. Two documents that print the same month and edition in two
formats (a plan's PDF and a text dump of it) are one edition, not two versions: neither is the
other's previous version.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import heapq
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

_DATA = Path(__file__).resolve().parent / "data"
# Edition words printed in or beside a title: `（案）`, `【素案】`, `原案`, `第1.2版`, `Ver.2`.
_EDITION_IN_TITLE_RE = regex.compile(
    r"[（(【\[]?\s*(?:骨子案|骨子|素案|原案|最終案|案|第\s*[\d.]+\s*版|改訂版|[Vv]er\.?\s*[\d.]+)\s*[)）】\]]?$"
)
_VERSION_RE = regex.compile(r"(?:第\s*|[Vv]er\.?\s*)(\d+(?:\.\d+)*)\s*版?")
# Spacing, brackets and punctuation that typesetting varies between versions of one title.
_TITLE_NOISE_RE = regex.compile(r"[\s\p{Ps}\p{Pe}\p{Pi}\p{Pf}・、。,.「」『』【】〈〉《》]+")


@functools.cache
def edition_ranks() -> dict[str, int]:
    """Edition word → its place in the drafting order (the adopted plan, printed without one, is last)."""
    with (_DATA / "editions.csv").open(encoding="utf-8") as handle:
        return {row["edition"]: int(row["rank"]) for row in csv.DictReader(handle)}


def edition_to_rank(edition: str | None) -> tuple[int, tuple[int, ...]]:
    """(draft rank, version numbers) of a printed edition: `原案` → (2, ()), `第1.2版` → (9, (1, 2))."""
    text = unicodedata.normalize("NFKC", edition or "").strip().strip("()【】[]")
    ranks = edition_ranks()
    if text in ranks:
        return ranks[text], ()
    if match := _VERSION_RE.search(text):
        return ranks[""], tuple(int(part) for part in match[1].split("."))
    return ranks[""], ()


def title_to_key(title: str | None, municipality: str | None) -> str | None:
    """The part of a title that stays the same across a plan's versions (None for no title).

    The city's name, edition words and typographic noise are dropped:
    `福岡市 行政運営プラン（原案）` and `行政運営プラン` give one key.
    """
    if not title:
        return None
    text = unicodedata.normalize("NFKC", title).strip()
    if municipality:
        text = text.removeprefix(unicodedata.normalize("NFKC", municipality)).strip()
    while (stripped := _EDITION_IN_TITLE_RE.sub("", text).strip()) != text:
        text = stripped
    key = _TITLE_NOISE_RE.sub("", text)
    return key or None


@dataclass(frozen=True)
class SeriesMember:
    """What ordering a document among its versions needs to know."""

    document_id: str
    municipality: str | None
    municipality_code: str | None
    title: str | None
    edition: str | None
    published: dt.date | None
    downloaded: dt.date | None = None
    supersedes: str | None = None  # document id named by the manifest
    source_format: str | None = None  # pdf / text: a tie in another format is the same edition


@dataclass(frozen=True)
class SeriesPlace:
    """Where a document stands in its series."""

    document_id: str
    series_id: str | None
    previous_document_id: str | None
    order_assumed: str | None  # why the order before this document is not printed, if it is not
    same_edition_as: str | None = None  # an earlier document of the same month and edition in another format


def member_to_series_id(member: SeriesMember) -> str | None:
    """`<municipality code or name>:<title key>`, or None when the city or the title is unknown."""
    city = member.municipality_code or member.municipality
    key = title_to_key(member.title, member.municipality)
    return f"{city}:{key}" if city and key else None


def _printed_order(member: SeriesMember) -> tuple[int, dt.date, int, tuple[int, ...]]:
    rank, version = edition_to_rank(member.edition)
    return (member.published is None, member.published or dt.date.min, rank, version)


def _sort_key(member: SeriesMember) -> tuple[object, ...]:
    return (*_printed_order(member), member.downloaded is None, member.downloaded or dt.date.min, member.document_id)


def _assumed(previous: SeriesMember, member: SeriesMember) -> str | None:
    """Why `member` follows `previous` when the documents themselves do not say so."""
    if previous.published is None or member.published is None:
        reason = "a publication month is not printed"
    elif _printed_order(previous) == _printed_order(member):
        reason = "both print the same month and edition"
    else:
        return None
    if previous.downloaded and member.downloaded and previous.downloaded != member.downloaded:
        decided = "the manifest's downloaded dates"
    else:
        decided = "the file names"
    return f"{reason}; ordered after {previous.document_id} by {decided} (name it in the manifest's supersedes)"


def members_to_places(members: Sequence[SeriesMember]) -> tuple[dict[str, SeriesPlace], list[str]]:
    """Each document's series and previous version, and the problems with `supersedes` (one line each).

    Documents of one series id are ordered by `_sort_key`; a `supersedes` edge joins two series
    and forces its order. An edge that names an unknown document or closes a cycle is reported
    and ignored.
    """
    by_id = {m.document_id: m for m in members}
    problems: list[str] = []
    parent = {m.document_id: m.document_id for m in members}

    def root(doc: str) -> str:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    own = {m.document_id: member_to_series_id(m) for m in members}
    first_of_series: dict[str, str] = {}
    for member in sorted(members, key=lambda m: m.document_id):
        if own[member.document_id] is not None:
            series = own[member.document_id]
            assert series is not None
            first = first_of_series.setdefault(series, member.document_id)
            parent[root(member.document_id)] = root(first)
    edges: dict[str, str] = {}
    for member in sorted(members, key=lambda m: m.document_id):
        old = member.supersedes
        if old is None:
            continue
        if old not in by_id or old == member.document_id:
            problems.append(f"{member.document_id}: supersedes {old!r}, which is no other document; ignored")
            continue
        if _reaches(edges, old, member.document_id):
            problems.append(f"{member.document_id}: supersedes {old} would close a cycle; ignored")
            continue
        edges[member.document_id] = old
        parent[root(member.document_id)] = root(old)
    groups: dict[str, list[SeriesMember]] = {}
    for member in members:
        groups.setdefault(root(member.document_id), []).append(member)
    places: dict[str, SeriesPlace] = {}
    for group in groups.values():
        ordered = _order(group, edges)
        series_id = next((own[m.document_id] for m in ordered if own[m.document_id]), None)
        for index, member in enumerate(ordered):
            explicit = edges.get(member.document_id)
            twins = [m.document_id for m in ordered[:index] if _twins(m, member)]
            earlier = [m.document_id for m in ordered[:index] if not _twins(m, member)]
            previous = explicit or (earlier[-1] if earlier else None)
            assumed = None if explicit or previous is None else _assumed(by_id[previous], member)
            twin = None if explicit else (twins[-1] if twins else None)
            places[member.document_id] = SeriesPlace(member.document_id, series_id, previous, assumed, twin)
    return places, problems


def _twins(a: SeriesMember, b: SeriesMember) -> bool:
    """One edition in two formats: the same printed month and edition, a PDF and a text dump."""
    return a.source_format != b.source_format and _printed_order(a) == _printed_order(b)


def _reaches(edges: dict[str, str], start: str, goal: str) -> bool:
    """Whether following `supersedes` from `start` arrives at `goal`."""
    seen = set()
    while start in edges and start not in seen:
        seen.add(start)
        start = edges[start]
        if start == goal:
            return True
    return False


def _order(group: list[SeriesMember], edges: dict[str, str]) -> list[SeriesMember]:
    """The group in series order: by `_sort_key`, a superseded document always before its successor."""
    waiting = {m.document_id: 0 for m in group}
    successors: dict[str, list[str]] = {}
    for new, old in edges.items():
        if new in waiting:
            waiting[new] += 1
            successors.setdefault(old, []).append(new)
    by_id = {m.document_id: m for m in group}
    ready = [(_sort_key(m), m.document_id) for m in group if waiting[m.document_id] == 0]
    heapq.heapify(ready)
    ordered = []
    while ready:
        _, doc = heapq.heappop(ready)
        ordered.append(by_id[doc])
        for new in successors.get(doc, []):
            waiting[new] -= 1
            if waiting[new] == 0:
                heapq.heappush(ready, (_sort_key(by_id[new]), new))
    return ordered
