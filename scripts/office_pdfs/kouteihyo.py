"""Style 1: a 工程表 spreadsheet whose schedule is grey-filled cells, printed from Calc.

One row per 取組項目 under merged 基本目標 and 施策 heading rows; a bar is a run of filled year
cells with the activity written in its first cell (or once, centred, over merged cells), a
one-year text cell may precede a bar, and bars start where the work starts, not always in the
plan's first year.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from office_pdfs.bars import Bar, steps
from office_pdfs.records import DocumentFacts, Expected, Initiative
from office_pdfs.sheets import Look, landscape_page, outline, put, set_height, set_widths

STEM = "kouteihyo_sheet"
TITLE = "架空市DX推進計画 工程表"
YEARS = (2024, 2025, 2026, 2027)
YEAR_HEADINGS = ("令和6年度", "令和7年度", "令和8年度", "令和9年度")
FONT = "IPAexGothic"
BAR_GREY = "A6A6A6"
STUDY_GREY = "D9D9D9"  # a lighter grey some offices use for 検討 bars


@dataclass(frozen=True)
class Printed:
    """How one bar is printed: its fill (None: a plain text cell) and whether its cells are merged."""

    bar: Bar
    fill: str | None = BAR_GREY
    merged: bool = False


@dataclass(frozen=True)
class Item:
    """One 取組項目 row."""

    no: str
    title: str
    departments: tuple[str, ...]
    bars: tuple[Printed, ...]


@dataclass(frozen=True)
class Measure:
    """A 施策 heading and its rows."""

    heading: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Goal:
    """A 基本目標 heading and its 施策."""

    heading: str
    measures: tuple[Measure, ...]


PLAN = (
    Goal(
        "基本目標1 市民の利便性が高いデジタル市役所の実現",
        (
            Measure(
                "施策1-1 行政手続のオンライン化",
                (
                    Item("1", "電子申請システムの対象手続の拡大", ("情報政策課",), (Printed(Bar(2024, 2027, "実施")),)),
                    Item(
                        "2",
                        "窓口におけるキャッシュレス決済の導入",
                        ("会計課",),
                        (Printed(Bar(2024, 2024, "検討"), fill=None), Printed(Bar(2025, 2027, "導入・拡大"))),
                    ),
                    Item(
                        "3",
                        "「書かない窓口」の導入",
                        ("市民課",),
                        (
                            Printed(Bar(2024, 2025, "検討・システム構築"), fill=STUDY_GREY),
                            Printed(Bar(2026, 2027, "運用開始")),
                        ),
                    ),
                ),
            ),
            Measure(
                "施策1-2 デジタルを活用した情報発信の充実",
                (
                    Item(
                        "4",
                        "市公式LINEによるプッシュ型情報配信",
                        ("広報広聴課",),
                        (Printed(Bar(2024, 2027, "配信・機能拡充"), merged=True),),
                    ),
                    Item(
                        "5",
                        "市ホームページの全面リニューアル",
                        ("広報広聴課",),
                        (Printed(Bar(2025, 2026, "検討・構築")),),
                    ),
                ),
            ),
        ),
    ),
    Goal(
        "基本目標2 デジタルを活用した効率的な行政運営",
        (
            Measure(
                "施策2-1 業務の効率化",
                (
                    Item("6", "RPA・AI-OCRの活用拡大", ("行政経営課",), (Printed(Bar(2024, 2027, "実施")),)),
                    Item("7", "文書管理システムの更新", ("総務課",), (Printed(Bar(2026, 2027, "更新")),)),
                    Item(
                        "8",
                        "テレワーク環境の整備",
                        ("人事課", "情報政策課"),
                        (Printed(Bar(2024, 2024, "試行"), fill=STUDY_GREY), Printed(Bar(2025, 2027, "本格実施"))),
                    ),
                ),
            ),
            Measure(
                "施策2-2 デジタル人材の育成",
                (Item("9", "DX推進リーダーの育成", ("人事課",), (Printed(Bar(2024, 2027, "研修実施"), merged=True),)),),
            ),
        ),
    ),
)

WIDTHS = (36.0, 250.0, 110.0, 90.0, 90.0, 90.0, 90.0)
HEADING = Look(FONT, 10.0, bold=True, fill="DDEBF7", horizontal="center")
GOAL = Look(FONT, 10.5, bold=True, fill="FCE4D6")
MEASURE = Look(FONT, 9.5, fill="F2F2F2")
BODY = Look(FONT, 9.5)
CENTRE = Look(FONT, 9.5, horizontal="center")


def _item_row(ws: Worksheet, row: int, item: Item) -> None:
    put(ws, row, 1, item.no, CENTRE)
    put(ws, row, 2, item.title, BODY)
    put(ws, row, 3, "、".join(item.departments), BODY)
    for col in range(4, 8):
        put(ws, row, col, None, BODY)
    for printed in item.bars:
        col = 4 + YEARS.index(printed.bar.first)
        span = len(printed.bar.years())
        look = Look(FONT, 9.0, fill=printed.fill, horizontal="center" if printed.merged else "left")
        if printed.merged:
            put(ws, row, col, printed.bar.text, look, span=(1, span))
            continue
        for offset in range(span):
            put(ws, row, col + offset, printed.bar.text if offset == 0 else None, look)
    set_height(ws, row, 24.0)


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "工程表"
    set_widths(ws, WIDTHS)
    landscape_page(ws, header="架空市", footer_page_number=False, font=FONT)
    put(ws, 1, 1, TITLE, Look(FONT, 14.0, bold=True, border=None, wrap=False), span=(1, 7))
    put(ws, 2, 1, "計画期間：令和6年度～令和9年度", Look(FONT, 9.0, border=None, wrap=False), span=(1, 4))
    put(ws, 2, 5, "凡例：■ 取組期間", Look(FONT, 9.0, border=None, horizontal="right", wrap=False), span=(1, 3))
    set_height(ws, 1, 24.0)
    for col, text in enumerate(("No.", "取組項目", "担当課", *YEAR_HEADINGS), start=1):
        put(ws, 3, col, text, HEADING)
    set_height(ws, 3, 20.0)
    initiatives: list[Initiative] = []
    row = 4
    for goal in PLAN:
        put(ws, row, 1, goal.heading, GOAL, span=(1, 7))
        set_height(ws, row, 20.0)
        row += 1
        for measure in goal.measures:
            put(ws, row, 1, measure.heading, MEASURE, span=(1, 7))
            set_height(ws, row, 18.0)
            row += 1
            for item in measure.items:
                _item_row(ws, row, item)
                initiatives.append(
                    Initiative(
                        item_no=item.no,
                        title=item.title,
                        departments=item.departments,
                        page=1,
                        hierarchy=(goal.heading, measure.heading),
                        schedule=steps(1, [p.bar for p in item.bars]),
                    )
                )
                row += 1
    outline(ws, 3, row - 1, 1, 7, "medium")
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    facts = DocumentFacts("架空市", "架空市DX推進計画", YEARS[0], YEARS[-1])
    return path, Expected(facts, tuple(initiatives))
