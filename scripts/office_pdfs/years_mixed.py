"""Style 5: a 工程表 over three sheets whose year headings differ, continuations printed as glyph text.

The first sheet heads its years `2024年度 … 2027年度`, the second `R6 … R9` (and prints no number
column), the third mixes both (`2024年度 | 2025年度 | R8 | R9`, as a sheet edited by two hands);
a continued year holds the text `⇒` or `━━▶`. The columns are 事業名 and 所管課.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from office_pdfs.bars import Bar, steps
from office_pdfs.records import DocumentFacts, Expected, Initiative
from office_pdfs.sheets import Look, landscape_page, outline, put, set_height, set_widths

STEM = "years_mixed"
TITLE = "架空市公共施設等総合管理計画 第2期実行計画（2024～2027年度）"
YEARS = (2024, 2025, 2026, 2027)
FONT = "IPAexGothic"


@dataclass(frozen=True)
class Item:
    """One 事業 row: number (None where the sheet prints none), name, departments and bars."""

    no: str | None
    title: str
    departments: tuple[str, ...]
    bars: tuple[Bar, ...]
    glyph: str  # the continuation text of this row


@dataclass(frozen=True)
class Sheet:
    """One sheet: its tab name, section heading, year headings, ruling and rows."""

    name: str
    heading: str
    year_headings: tuple[str, str, str, str]
    numbered: bool
    ruling: str
    header_fill: str
    items: tuple[Item, ...]


SHEETS = (
    Sheet(
        "学校施設",
        "1 学校施設の長寿命化",
        ("2024年度", "2025年度", "2026年度", "2027年度"),
        numbered=True,
        ruling="thin",
        header_fill="E2EFDA",
        items=(
            Item(
                "1",
                "架空小学校 校舎長寿命化改修",
                ("教育施設課",),
                (Bar(2024, 2024, "実施設計"), Bar(2025, 2026, "改修工事")),
                "⇒",
            ),
            Item(
                "2",
                "中学校体育館への空調設備設置",
                ("教育施設課",),
                (Bar(2024, 2024, "実施設計"), Bar(2025, 2027, "設置工事（順次）")),
                "⇒",
            ),
            Item(
                "3",
                "学校給食センターの再整備",
                ("学校給食課",),
                (Bar(2024, 2025, "基本構想"), Bar(2026, 2027, "基本設計")),
                "⇒",
            ),
            Item(
                "4",
                "学校プールの共同利用化",
                ("教育総務課", "スポーツ振興課"),
                (Bar(2025, 2026, "検討"), Bar(2027, 2027, "一部実施")),
                "⇒",
            ),
        ),
    ),
    Sheet(
        "市営住宅・庁舎",
        "2 市営住宅・庁舎",
        ("R6", "R7", "R8", "R9"),
        numbered=False,
        ruling="hair",
        header_fill="D9D9D9",
        items=(
            Item(None, "市営住宅の外壁改修", ("住宅課",), (Bar(2024, 2027, "改修"),), "━━▶"),
            Item(
                None,
                "市営住宅の集約化",
                ("住宅課",),
                (Bar(2024, 2024, "入居者説明"), Bar(2025, 2026, "移転支援"), Bar(2027, 2027, "除却")),
                "━━▶",
            ),
            Item(None, "本庁舎照明のLED化", ("管財課",), (Bar(2025, 2026, "LED化工事"),), "━━▶"),
            Item(None, "支所窓口の再配置", ("市民課", "管財課"), (Bar(2026, 2027, "検討"),), "━━▶"),
        ),
    ),
    Sheet(
        "その他",
        "3 その他の施設",
        ("2024年度", "2025年度", "R8", "R9"),
        numbered=True,
        ruling="thin",
        header_fill="FFF2CC",
        items=(
            Item(
                "5",
                "公共施設予約システムの更新",
                ("管財課",),
                (Bar(2024, 2025, "仕様検討"), Bar(2026, 2026, "更新"), Bar(2027, 2027, "運用")),
                "⇒",
            ),
            Item("6", "公民館の複合化", ("生涯学習課",), (Bar(2025, 2027, "基本計画策定・設計"),), "━━▶"),
            Item("7", "市民プールの廃止・跡地活用", ("スポーツ振興課",), (Bar(2024, 2027, "跡地活用の検討"),), "⇒"),
        ),
    ),
)


def _sheet(ws: Worksheet, sheet: Sheet, page: int) -> list[Initiative]:
    body = Look(FONT, 9.5, border=sheet.ruling)
    centre = Look(FONT, 9.5, border=sheet.ruling, horizontal="center")
    glyph = Look(FONT, 12.0, border=sheet.ruling, horizontal="center")
    columns = (["No."] if sheet.numbered else []) + ["事業名", "所管課", *sheet.year_headings]
    widths = ([40.0] if sheet.numbered else []) + [260.0, 130.0, 85.0, 85.0, 85.0, 85.0]
    set_widths(ws, widths)
    landscape_page(ws, header=None, footer_page_number=True, font=FONT)
    last = len(columns)
    row = 1
    if page == 1:
        put(ws, row, 1, TITLE, Look(FONT, 13.0, bold=True, border=None, wrap=False), span=(1, last))
        set_height(ws, row, 26.0)
        row += 1
    put(ws, row, 1, sheet.heading, Look(FONT, 11.0, bold=True, border=None, wrap=False), span=(1, last))
    set_height(ws, row, 22.0)
    row += 1
    header = row
    for col, text in enumerate(columns, start=1):
        put(ws, row, col, text, Look(FONT, 9.5, bold=True, fill=sheet.header_fill, horizontal="center"))
    set_height(ws, row, 20.0)
    first_year_col = last - 3
    out: list[Initiative] = []
    for item in sheet.items:
        row += 1
        col = 1
        if sheet.numbered:
            put(ws, row, col, item.no, centre)
            col += 1
        put(ws, row, col, item.title, body)
        put(ws, row, col + 1, "、".join(item.departments), body)
        for offset in range(4):
            put(ws, row, first_year_col + offset, None, centre)
        for bar in item.bars:
            for year in bar.years():
                col = first_year_col + YEARS.index(year)
                if year == bar.first:
                    put(ws, row, col, bar.text, centre)
                else:
                    put(ws, row, col, item.glyph, glyph)
        set_height(ws, row, 26.0)
        out.append(
            Initiative(
                item_no=item.no,
                title=item.title,
                departments=item.departments,
                page=page,
                hierarchy=(sheet.heading,),
                schedule=steps(1, item.bars),
            )
        )
    outline(ws, header, row, 1, last, "medium")
    return out


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    wb = openpyxl.Workbook()
    initiatives: list[Initiative] = []
    for page, sheet in enumerate(SHEETS, start=1):
        ws = wb.active if page == 1 else wb.create_sheet()
        ws.title = sheet.name
        initiatives.extend(_sheet(ws, sheet, page))
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    facts = DocumentFacts("架空市", "架空市公共施設等総合管理計画 第2期実行計画", YEARS[0], YEARS[-1])
    return path, Expected(facts, tuple(initiatives))
