"""福岡市 行政運営プラン (平成29～令和2年度) progress report: 数値目標 per 取組方針 (seed 001).

Anatomy (docs/layouts.md §2), three parts in this order:

* a highlight leaflet (lines 3-126): `【取組方針N】` headings, `<…>` pseudo-headings, bullets and
  stat call-outs (`176万人突破!(令和2年度末)`). It is prose about selected achievements with no
  card, schedule or indicator structure, and it **publishes no cards**: its three sections
  restate the 取組方針 of the 実施状況 below, whose 数値目標 are the measured results. A
  `leaflet_skipped` finding records the lines passed over, and `policies_vs_leaflet` checks that
  its headings name the same 取組方針;
* a glossary `※1 チャットボット:…` … `※10 RPA:…` (128-146), read by `extractors.footnotes`;
* the 実施状況 (148-185): per 取組方針 a heading `【取組方針N】title`, `取組の方向性` with its
  bullets, and a 数値目標 table `数値目標 ¦ 現状値 (H28) ¦ 最終値 (R2) ¦ 目標値 (R2)`.

Each 取組方針 that prints a 数値目標 table is one initiative (path `N`; title and policy = the
heading text; description = the 取組の方向性 bullets). Each table row is an indicator whose
cells are values of kind baseline (現状値), actual (最終値) and target (目標値), each under its
printed heading, so the normalize stage reads the year from it (`(H28)` → 2016); a cell that
prints its own year (`24 件 (H27)`) or span (`103 件 (H29～R2累計)`) keeps it in its text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from extractors.document_info import read_info
from extractors.footnotes import read_terms
from extractors.model import Extraction, Finding, RawCard, RawIndicator, RawValue
from extractors.walk import Item, walk
from normalizers.text import clean_text
from pipeline.blocks import Document

LAYOUT = "fukuoka_progress_report"

_POLICY_RE = regex.compile(r"^【\s*取組方針\s*(?P<no>\d{1,2})\s*】\s*(?P<name>\S.*)$")
TABLE_LABEL = "数値目標"
DIRECTION_LABEL = "取組の方向性"
# Heading word → value kind. 最終値 is what was achieved by the end of the plan (an actual),
# 目標値 what the plan aimed at.
KINDS: dict[str, str] = {"現状値": "baseline", "最終値": "actual", "目標値": "target"}
_BULLET_RE = regex.compile(r"^(?:[-・●]\s*)+")


def _header_kinds(texts: Sequence[str]) -> list[str] | None:
    """Kinds of a 数値目標 header row's value headings, or None when the row is not such a header."""
    if len(texts) < 2 or texts[0] != TABLE_LABEL:
        return None
    kinds = [next((kind for word, kind in KINDS.items() if t.startswith(word)), None) for t in texts[1:]]
    if None in kinds or set(kinds) != set(KINDS.values()):
        return None
    return [k for k in kinds if k is not None]


def detect(document: Document) -> bool:
    """A 実施状況 report: a `数値目標 ¦ 現状値 … ¦ 最終値 … ¦ 目標値 …` table and `【取組方針N】` headings."""
    text = document.text()
    if "実施状況" not in text or not regex.search(r"^【\s*取組方針\s*\d", text, regex.MULTILINE):
        return False
    return any(
        _header_kinds([c.strip() for c in line.split("\t") if c.strip()]) is not None for line in text.split("\n")
    )


@dataclass
class _Section:
    """One 取組方針 of the 実施状況 being read: heading, 方向性 bullets, table rows."""

    number: str
    title: str
    line: int | None
    bullets: list[str] = field(default_factory=list)
    header: list[str] | None = None
    rows: list[Item] = field(default_factory=list)
    unassigned: list[int] = field(default_factory=list)


def _policy(item: Item) -> regex.Match[str] | None:
    texts = item.texts
    return _POLICY_RE.match(texts[0]) if item.table is None and len(texts) == 1 else None


def extract(document: Document) -> Extraction:
    """Read the 実施状況's 取組方針 with their 数値目標 tables, the glossary and the cover facts."""
    items = list(walk(document))
    terms, findings = read_terms(items)
    term_lines = {t.line for t in terms}
    headings = [(pos, m) for pos, item in enumerate(items) if (m := _policy(item))]
    sections: list[_Section] = []
    owning: list[int] = []  # positions of the headings whose section prints a 数値目標 table
    for index, (pos, heading) in enumerate(headings):
        end = headings[index + 1][0] if index + 1 < len(headings) else len(items)
        section = _Section(number=heading["no"], title=heading["name"].strip(), line=items[pos].row.line)
        _read_section(section, items[pos + 1 : end], term_lines)
        # Leaflet headings (7, 77, 106) own prose, not a table: they are no initiative.
        if section.header is not None:
            sections.append(section)
            owning.append(pos)
    cards = [_card(section, findings) for section in sections]
    numbers = sorted({heading["no"] for _, heading in headings}, key=int)
    findings.extend(_completeness(numbers, sections, cards))
    findings.extend(_skipped(items, owning[0] if owning else len(items), term_lines, sections))
    return Extraction(
        layout=LAYOUT, info=read_info(document), cards=tuple(cards), findings=tuple(findings), terms=tuple(terms)
    )


def _read_section(section: _Section, items: Sequence[Item], term_lines: set[int | None]) -> None:
    """Sort the rows under one heading into 方向性 bullets and the 数値目標 table."""
    in_direction = in_table = False
    for item in items:
        texts = item.texts
        if not texts or item.row.line in term_lines:
            continue
        if section.header is None and _header_kinds(texts) is not None:
            section.header = texts
            in_direction, in_table = False, True
            continue
        # The table is the run of multi-cell rows right after its header.
        in_table = in_table and len(texts) >= 2 and item.table is None
        if in_table:
            section.rows.append(item)
        elif texts == [DIRECTION_LABEL]:
            in_direction = True
        elif in_direction and len(texts) == 1 and _BULLET_RE.match(texts[0]):
            section.bullets.append(_BULLET_RE.sub("", texts[0]).strip())
        else:
            in_direction = False
            section.unassigned.append(item.row.line or 0)


def _card(section: _Section, findings: list[Finding]) -> RawCard:
    """One initiative per 取組方針; its table rows are the indicators."""
    headings = (section.header or [])[1:]
    kinds = _header_kinds(section.header or []) or []
    indicators = []
    for row in section.rows:
        name, *cells = row.texts
        # Values are the non-empty cells in printed order under the headings in order (as in
        # every layout, docs/contract-notes.md); a row that prints more or fewer is reported.
        if len(cells) != len(headings):
            findings.append(
                Finding(
                    "values_vs_headings",
                    "warning",
                    expected=len(headings),
                    found=len(cells),
                    detail=f"{section.number}: line {row.row.line} {name!r}",
                )
            )
        values = tuple(
            RawValue(kind=kind, heading=heading, text=text)
            for kind, heading, text in zip(kinds, headings, cells, strict=False)
        )
        indicators.append(RawIndicator(name=name, values=values, line=row.row.line))
    if section.unassigned:
        findings.append(
            Finding(
                "unassigned_text",
                "warning",
                found=len(section.unassigned),
                detail=f"取組方針{section.number}: lines {section.unassigned}",
            )
        )
    return RawCard(
        path=section.number,
        item_no=section.number,
        title=section.title,
        policy=section.title,
        description="\n".join(section.bullets) or None,
        source_line=section.line,
        indicators=tuple(indicators),
    )


def _completeness(numbers: list[str], sections: list[_Section], cards: list[RawCard]) -> list[Finding]:
    """Tables vs the 取組方針 the document names, indicator rows vs table rows, values vs headings."""
    with_table = [s.number for s in sections]
    missing = [n for n in numbers if n not in with_table]
    repeated = sorted({n for n in with_table if with_table.count(n) > 1}, key=int)
    detail = "; ".join(
        part
        for part in (f"no table for 取組方針{missing}" if missing else "", f"repeated {repeated}" if repeated else "")
        if part
    )
    printed_rows = sum(len(s.rows) for s in sections)
    indicators = [i for c in cards for i in c.indicators]
    expected_values = sum(len(s.rows) * (len(s.header or []) - 1) for s in sections)
    found_values = sum(1 for i in indicators for v in i.values if v.text.strip())
    return [
        Finding(
            "tables_vs_policies",
            "ok" if numbers and not missing and not repeated else "error",
            expected=len(numbers),
            found=len(sections),
            detail=detail,
        ),
        Finding(
            "indicator_rows",
            "ok" if printed_rows and len(indicators) == printed_rows else "error",
            expected=printed_rows,
            found=len(indicators),
            detail=f"{len(sections)} 数値目標 tables",
        ),
        Finding(
            "values_read",
            "ok" if expected_values and found_values == expected_values else "warning",
            expected=expected_values,
            found=found_values,
            detail="rows × value headings",
        ),
    ]


def _skipped(
    items: Sequence[Item], first_section: int, term_lines: set[int | None], sections: list[_Section]
) -> list[Finding]:
    """What the report prints before its 実施状況 and publishes no card for: the leaflet, the introduction."""
    before = [item for item in items[:first_section] if item.texts and item.row.line not in term_lines]
    glossary_start = min((line for line in term_lines if line is not None), default=None)
    leaflet = [i for i in before if glossary_start is None or (i.row.line or 0) < glossary_start]
    intro = [i for i in before if i not in leaflet]
    leaflet_policies = {m["no"]: m["name"] for item in leaflet if (m := _policy(item))}
    out = []
    if leaflet:
        detail = (
            f"highlight leaflet, lines {leaflet[0].row.line}-{leaflet[-1].row.line}: "
            f"{len(leaflet_policies)} 取組方針 sections, {len(leaflet)} paragraphs of prose, no cards"
        )
        if intro:
            detail += f"; introduction lines {intro[0].row.line}-{intro[-1].row.line} read for the cover facts only"
        out.append(Finding("leaflet_skipped", "ok", found=len(leaflet), detail=detail))
    if leaflet_policies:
        # The leaflet's headings name the same 取組方針 as the sections (it prints `^{※6}` marks).
        differing = [
            f"{s.number}: leaflet {clean_text(leaflet_policies[s.number])!r} / section {clean_text(s.title)!r}"
            for s in sections
            if s.number in leaflet_policies and clean_text(leaflet_policies[s.number]) != clean_text(s.title)
        ]
        absent = [s.number for s in sections if s.number not in leaflet_policies]
        out.append(
            Finding(
                "policies_vs_leaflet",
                "warning" if differing or absent else "ok",
                expected=len(sections),
                found=len(sections) - len(differing) - len(absent),
                detail="; ".join(differing + ([f"not in the leaflet: {absent}"] if absent else [])),
            )
        )
    return out
