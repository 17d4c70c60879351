"""飯塚市 行政経営戦略推進ビジョン素案 (seed 003, lines 18-472): cover facts and the 成果指標.

The vision is published as ONE initiative card, path `vision`, titled with the vision's
title, whose indicators are the rows of its 成果指標 table (327-332):
`成果指標 ¦ 基準値 ¦ 令和6(2024)年度以降`, then one row per indicator (`… ¦ 6.8 % ¦ 上昇`).

* 基準値 → kind `baseline`. Its year is printed in the indicator's name, in the survey it
  comes from (`飯塚市民意識調査（令和2(2020)年度実施）`); a row naming `同調査` takes the survey
  of the row above, and its note says so. The heading is `基準値（<survey year as printed>）`.
* `令和6(2024)年度以降` → kind `target`, not `final_target`: the table sets a direction
  (`上昇`) from FY2024 on, not a value to reach at the end of the plan period (2028, which
  it never names). The heading is the column heading as printed, so its year is 2024.

The cover (title, edition `素案`, month, city) and the vision's own period (`本ビジョンは
令和6(2024)年度から令和10(2028)年度まで`) describe the whole document: the plan's cards are
the vision's first three years (前期).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from extractors.model import Finding, RawCard, RawIndicator, RawValue
from extractors.walk import Item

VISION_PATH = "vision"
INDICATOR_TABLE = "成果指標"
BASELINE = "基準値"
SAME_SURVEY = "同調査"
_TITLE_RE = regex.compile(r"^(?P<title>\S*ビジョン)\s*(?P<edition>素案|原案|案)?$")
_MONTH_RE = regex.compile(r"^(?:令和|平成)\s*(?:\d{1,2}|元)\s*年\s*\d{1,2}\s*月$")
_CITY_RE = regex.compile(r"^\p{Han}{1,6}[市町村区]$")
_ERA_YEAR = r"(?:令和|平成)\s*(?:\d{1,2}|元)\s*(?:[（(]\s*\d{4}\s*[)）])?\s*年度"
_PERIOD_RE = regex.compile(rf"(?P<start>{_ERA_YEAR})\s*から\s*(?P<end>{_ERA_YEAR})\s*まで")
_SURVEY_YEAR_RE = regex.compile(rf"[（(](?P<year>{_ERA_YEAR}\s*実施)[)）]")
COVER_ITEMS = 6  # title, month and city are the first lines of the part


@dataclass(frozen=True)
class VisionCover:
    """What the vision's cover prints."""

    title: str
    edition: str | None
    published: str | None
    municipality: str | None
    period: str | None  # `令和6(2024)年度～令和10(2028)年度`
    line: int | None


def is_vision_title(text: str) -> bool:
    """A paragraph that is a vision's title (`飯塚市行政経営戦略推進ビジョン 素案`)."""
    return bool(_TITLE_RE.match(text.strip()))


def read_cover(items: Sequence[Item]) -> VisionCover | None:
    """Title, edition, month and city from the first lines; the period the vision states for itself."""
    title = edition = published = municipality = None
    line: int | None = None
    for item in items[:COVER_ITEMS]:
        texts = item.texts
        if item.table is not None or len(texts) != 1:
            continue
        text = texts[0]
        if title is None and (m := _TITLE_RE.match(text)):
            title, edition, line = m["title"], m["edition"], item.row.line
        elif published is None and _MONTH_RE.match(text):
            published = text
        elif municipality is None and _CITY_RE.match(text):
            municipality = text
    if title is None:
        return None
    period = None
    for item in items:
        for text in item.texts:
            # The vision's own period is the one it states as `本ビジョンは…から…まで`.
            if "ビジョンは" in text and (m := _PERIOD_RE.search(text)):
                period = f"{m['start']}～{m['end']}"
                break
        if period:
            break
    return VisionCover(title, edition, published, municipality, period, line)


def read_indicators(items: Sequence[Item]) -> tuple[list[RawIndicator], list[Finding]]:
    """The rows of the 成果指標 table: one baseline and one target value each."""
    indicators: list[RawIndicator] = []
    header: list[str] | None = None
    survey: str | None = None
    for item in items:
        cells = [c.strip() for c in item.row.texts]
        if header is None:
            if item.table is None and cells[:1] == [INDICATOR_TABLE] and BASELINE in cells:
                header = cells
            continue
        if item.table is not None or len([c for c in cells if c]) < 2:
            break  # the table ends with the first line that is not a table row
        name = cells[0]
        note = None
        if found := _SURVEY_YEAR_RE.search(name):
            survey = found["year"]
        elif name.startswith(SAME_SURVEY) and survey:
            note = f"{SAME_SURVEY}: the survey of the row above ({survey})"
        values: list[RawValue] = []
        for col, heading in enumerate(header[1:], start=1):
            text = cells[col] if col < len(cells) else ""
            if not text or not heading:
                continue
            if heading == BASELINE:
                values.append(RawValue("baseline", f"{BASELINE}（{survey}）" if survey else BASELINE, text))
            else:
                values.append(RawValue("target", heading, text))
        indicators.append(RawIndicator(name=name, values=tuple(values), line=item.row.line, note=note))
    status = "ok" if indicators else "error"
    detail = "成果指標 table" + ("" if header else " not found")
    return indicators, [Finding("vision_indicators", status, found=len(indicators), detail=detail)]


def read_vision(items: Sequence[Item]) -> tuple[VisionCover | None, RawCard | None, list[Finding]]:
    """The vision's cover and its card (None when the part prints no title)."""
    cover = read_cover(items)
    indicators, findings = read_indicators(items)
    if cover is None:
        return None, None, [*findings, Finding("vision", "error", detail="vision part without a title")]
    attributes = (("計画期間", cover.period),) if cover.period else ()
    card = RawCard(
        path=VISION_PATH,
        item_no="",
        title=cover.title,
        attributes=attributes,
        source_line=cover.line,
        indicators=tuple(indicators),
    )
    return cover, card, findings
