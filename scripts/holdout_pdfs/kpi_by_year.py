"""Held-out 5: two 施策評価シート printed from Calc, one per page, each with its own title and 成果指標 table.

A sheet is titled `施策評価シート（令和6年度）` over its 施策 heading `施策3　子育て支援の充実`,
then a label | value block (政策, 主管課 or 担当課, 施策の目的), the 成果指標 table
`指標 | 単位 | 区分 | 2022年度 … 2025年度` — each indicator a 目標 row and a 実績 row (the
second sheet says 計画/実績), its name and unit merged over both, the later years' 実績 not yet
filled, `－` where an indicator was not yet measured — and the evaluation texts below.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from office_pdfs.records import DocumentFacts, Expected, Indicator, Initiative, Value, printed_number
from office_pdfs.sheets import Look, outline, put, set_height, set_widths
from office_pdfs.text_fit import height_needed
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

STEM = "kpi_by_year"
PAGES = 2
MUNICIPALITY = "架空山町"
PLAN = "架空山町第5次総合計画 施策評価"
YEARS = (2022, 2023, 2024, 2025)
FONT = "IPAexGothic"
WIDTHS = (150.0, 36.0, 40.0, 68.0, 68.0, 68.0, 68.0)
LABEL_W = WIDTHS[0]
VALUE_W = sum(WIDTHS[1:])
TEXT_SIZE = 9.0


@dataclass(frozen=True)
class Measure:
    """One 成果指標: name, unit, and per year its target and actual as printed ("" where the cell is empty)."""

    name: str
    unit: str
    targets: tuple[str, str, str, str]
    actuals: tuple[str, str, str, str]


@dataclass(frozen=True)
class Sheet:
    """One 施策評価シート."""

    no: str
    title: str
    policy: str
    department_label: str
    departments: tuple[str, ...]
    purpose: str
    kind_labels: tuple[str, str]  # the 区分 of the target row and of the actual row
    measures: tuple[Measure, ...]
    grade: str
    evaluation: str
    direction: str


SHEETS = (
    Sheet(
        "3",
        "子育て支援の充実",
        "政策2　安心して子どもを産み育てられるまち",
        "主管課",
        ("子育て支援課",),
        "妊娠期から子育て期までの相談と保育の受け皿を充実し、子育ての不安や負担を軽くする。",
        ("目標", "実績"),
        (
            Measure("保育所等待機児童数", "人", ("5", "0", "0", "0"), ("8", "0", "", "")),
            Measure(
                "子育て支援センターの利用者数", "人", ("9,000", "9,500", "10,000", "10,500"), ("8,612", "9,840", "", "")
            ),
            Measure(
                "子育てしやすいまちだと思う保護者の割合",
                "%",
                ("65.0", "67.5", "70.0", "72.5"),
                ("63.8", "66.1", "", ""),
            ),
        ),
        "B（概ね順調）",
        "2023年度に保育所の定員を60人拡大し、待機児童は解消した。子育て支援センターの利用者数は目標を上回った。"
        "保護者の意識は改善しているが、目標には届いていない。",
        "病児保育の実施施設を増やすとともに、子育て情報をアプリで一元的に発信する。",
    ),
    Sheet(
        "7",
        "健康づくりの推進",
        "政策3　誰もが健やかに暮らせるまち",
        "担当課",
        ("健康づくり課", "保険年金課"),
        "町民が自らの健康に関心を持ち、健診の受診と日頃の健康づくりに取り組めるよう支援する。",
        ("計画", "実績"),
        (
            Measure("特定健康診査受診率", "%", ("45.0", "50.0", "55.0", "60.0"), ("41.2", "44.7", "", "")),
            Measure("がん検診受診者数", "人", ("4,800", "5,000", "5,200", "5,400"), ("4,655", "4,902", "", "")),
            Measure("健康ポイント事業参加者数", "人", ("－", "800", "1,200", "1,600"), ("－", "951", "", "")),
        ),
        "C（やや遅れている）",
        "特定健康診査の受診率は上昇しているが、計画値を下回っている。健康ポイント事業は2023年度に開始し、"
        "参加者数は計画を上回った。",
        "未受診者への個別勧奨を強化し、休日健診の回数を増やす。",
    ),
)

TITLE = Look(FONT, 12.0, bold=True, border=None, wrap=False)
TOWN = Look(FONT, 10.0, border=None, horizontal="right", wrap=False)
HEADING = Look(FONT, 14.0, bold=True, border=None, wrap=False)
SECTION = Look(FONT, 10.5, bold=True, border=None, wrap=False)
LABEL = Look(FONT, 9.5, bold=True, fill="DDEBF7", horizontal="center")
TEXT = Look(FONT, TEXT_SIZE)
HEAD = Look(FONT, 9.0, bold=True, fill="DDEBF7", horizontal="center")
NAME = Look(FONT, 9.0)
CENTRE = Look(FONT, 9.0, horizontal="center")


def _portrait(ws: Worksheet) -> None:
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = 100
    ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.8, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddHeader.right.text = PLAN
    ws.oddHeader.right.font = f"{FONT},Regular"
    ws.oddHeader.right.size = 8
    ws.oddFooter.center.text = "&P"
    ws.oddFooter.center.font = f"{FONT},Regular"
    ws.oddFooter.center.size = 9


def _labelled(ws: Worksheet, row: int, label: str, text: str) -> int:
    put(ws, row, 1, label, LABEL)
    put(ws, row, 2, text, TEXT, span=(1, len(WIDTHS) - 1))
    set_height(ws, row, max(20.0, height_needed(text, VALUE_W, TEXT_SIZE, leading=1.4)))
    return row + 1


def _sheet(ws: Worksheet, sheet: Sheet, page: int) -> Initiative:
    set_widths(ws, WIDTHS)
    _portrait(ws)
    last = len(WIDTHS)
    put(ws, 1, 1, "施策評価シート（令和6年度）", TITLE, span=(1, 4))
    put(ws, 1, 5, MUNICIPALITY, TOWN, span=(1, 3))
    set_height(ws, 1, 20.0)
    put(ws, 2, 1, f"施策{sheet.no}\u3000{sheet.title}", HEADING, span=(1, last))
    set_height(ws, 2, 28.0)
    row = 3
    row = _labelled(ws, row, "政策", sheet.policy)
    row = _labelled(ws, row, sheet.department_label, "・".join(sheet.departments))
    row = _labelled(ws, row, "施策の目的", sheet.purpose)
    outline(ws, 3, row - 1, 1, last, "medium")
    set_height(ws, row, 12.0)
    row += 1
    put(ws, row, 1, "■成果指標", SECTION, span=(1, last))
    set_height(ws, row, 20.0)
    row += 1
    header = row
    for col, text in enumerate(("指標", "単位", "区分", *(f"{y}年度" for y in YEARS)), start=1):
        put(ws, row, col, text, HEAD)
    set_height(ws, row, 20.0)
    row += 1
    indicators = []
    for measure in sheet.measures:
        put(ws, row, 1, measure.name, NAME, span=(2, 1))
        put(ws, row, 2, measure.unit, CENTRE, span=(2, 1))
        rows = zip(sheet.kind_labels, (measure.targets, measure.actuals), strict=True)
        for offset, (label, texts) in enumerate(rows):
            put(ws, row + offset, 3, label, CENTRE)
            for col, text in enumerate(texts, start=4):
                put(ws, row + offset, col, text or None, CENTRE)
            set_height(ws, row + offset, 19.0)
        values = tuple(
            Value(kind, year, text, printed_number(text))
            for kind, texts in (("target", measure.targets), ("actual", measure.actuals))
            for year, text in zip(YEARS, texts, strict=True)
            if text
        )
        indicators.append(Indicator(measure.name, measure.unit, values))
        row += 2
    outline(ws, header, row - 1, 1, last, "medium")
    set_height(ws, row, 12.0)
    row += 1
    put(ws, row, 1, "■施策の評価", SECTION, span=(1, last))
    set_height(ws, row, 20.0)
    row += 1
    first = row
    row = _labelled(ws, row, "評価", sheet.grade)
    row = _labelled(ws, row, "評価の理由", sheet.evaluation)
    row = _labelled(ws, row, "今後の方向性", sheet.direction)
    outline(ws, first, row - 1, 1, last, "medium")
    return Initiative(
        sheet.no, sheet.title, sheet.departments, page, hierarchy=(sheet.policy,), indicators=tuple(indicators)
    )


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    wb = openpyxl.Workbook()
    initiatives = []
    for page, sheet in enumerate(SHEETS, start=1):
        ws = wb.active if page == 1 else wb.create_sheet()
        ws.title = f"施策{sheet.no}"
        initiatives.append(_sheet(ws, sheet, page))
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    facts = DocumentFacts(MUNICIPALITY, PLAN, YEARS[0], YEARS[-1])
    return path, Expected(facts, tuple(initiatives))
