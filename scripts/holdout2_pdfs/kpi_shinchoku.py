"""A 総合戦略 KPI 進捗表 printed from Calc: 基本目標 bands, each over its own table of KPIs.

Under each `基本目標n …` band (shaded, a medium rule beneath) a header row `KPI | 基準値（H30） |
R4実績 | R5実績 | R6目標 | 達成状況 | 備考` and one row per KPI; values carry their unit (`12件`,
`62.4%`, `4,820人`, `22箇所`), `―` where nothing is measured (or not yet published), 達成状況 a
mark `◎ ○ △ ―` explained by a legend above. IPA Gothic; ruled horizontally only (hair lines between
rows, none between columns), as many offices print a progress report.

Each 基本目標 is an initiative (its number, its title without `基本目標n`), each KPI row an
indicator: 基準値 → baseline, R4/R5実績 → actual, R6目標 → final_target (the strategy ends in R6);
a `―` value is no value; the unit is what the values print after the number.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from office_pdfs.records import DocumentFacts, Expected, Indicator, Initiative, Value, printed_number
from office_pdfs.sheets import Look, break_after, landscape_page, put, set_height, set_widths, side
from openpyxl.styles import Border
from openpyxl.worksheet.worksheet import Worksheet

from holdout2_pdfs.eras import heisei_short, reiwa, reiwa_short

STEM = "kpi_shinchoku"
PAGES = 2
MUNICIPALITY = "架空町"
STRATEGY = "第2期架空町まち・ひと・しごと創生総合戦略"
FIRST_FY, LAST_FY = 2020, 2024
BASE_FY = 2018
ACTUAL_FYS = (2022, 2023)
FONT = "IPAGothic"
FONTS = (FONT,)
NONE = "―"
WIDTHS = (250.0, 80.0, 70.0, 70.0, 70.0, 60.0, 170.0)
COLUMNS = len(WIDTHS)
HEADINGS = (
    "KPI",
    f"基準値（{heisei_short(BASE_FY)}）",
    *(f"{reiwa_short(fy)}実績" for fy in ACTUAL_FYS),
    f"{reiwa_short(LAST_FY)}目標",
    "達成状況",
    "備考",
)
HEADER = Look(FONT, 9.0, bold=True, fill="EDEDED", horizontal="center", border=None)
BAND = Look(FONT, 10.5, bold=True, fill="FCE4D6", border=None)
TEXT = Look(FONT, 9.0, border=None)
VALUE = Look(FONT, 9.0, horizontal="right", border=None)
MARK = Look(FONT, 10.0, horizontal="center", border=None)


@dataclass(frozen=True)
class Kpi:
    """One KPI row as printed: name, unit (None where the values print none), values, mark and note."""

    name: str
    unit: str | None
    base: str
    actuals: tuple[str, str]
    target: str
    mark: str
    note: str = ""

    def indicator(self) -> Indicator:
        """Its expected record: the printed values, `―` left out."""
        printed = [("baseline", BASE_FY, self.base)]
        printed += [("actual", fy, text) for fy, text in zip(ACTUAL_FYS, self.actuals, strict=True)]
        printed.append(("final_target", LAST_FY, self.target))
        values = tuple(Value(kind, fy, text, printed_number(text)) for kind, fy, text in printed if text != NONE)
        return Indicator(self.name, self.unit, values)


@dataclass(frozen=True)
class Goal:
    """A 基本目標 band and its KPIs; `page` is where it is printed."""

    no: str
    title: str
    kpis: tuple[Kpi, ...]
    page: int

    def heading(self) -> str:
        """The band's text."""
        return f"基本目標{self.no}\u3000{self.title}"


GOALS = (
    Goal(
        "1",
        "地域の稼ぐ力を高め、安心して働ける場をつくる",
        (
            Kpi("新規創業者数（年間）", "件", "12件", ("15件", "18件"), "20件", "○"),
            Kpi("町内事業所の従業者数", "人", "4,820人", ("4,760人", "4,795人"), "5,000人", "△"),
            Kpi(
                "観光入込客数（年間）",
                "人",
                "385,000人",
                ("240,500人", "331,200人"),
                "420,000人",
                "△",
                "感染症の影響から回復途上",
            ),
            Kpi("企業誘致件数（累計）", "件", "2件", ("5件", "7件"), "6件", "◎"),
        ),
        page=1,
    ),
    Goal(
        "2",
        "架空町への新しいひとの流れをつくる",
        (
            Kpi("転入者数（年間）", "人", "1,102人", ("1,045人", "1,088人"), "1,200人", "△"),
            Kpi("移住相談件数（年間）", "件", "64件", ("118件", "142件"), "120件", "◎", "オンライン相談を開始"),
            Kpi("空き家バンク登録物件数（累計）", "件", "18件", ("41件", "52件"), "60件", "○"),
        ),
        page=1,
    ),
    Goal(
        "3",
        "結婚・出産・子育ての希望をかなえる",
        (
            Kpi("合計特殊出生率", None, "1.48", ("1.41", NONE), "1.60", NONE, "R5の値は未公表"),
            Kpi("子育て支援センター利用者数（年間）", "人", "9,850人", ("7,420人", "8,960人"), "11,000人", "△"),
            Kpi("放課後児童クラブの待機児童数", "人", "14人", ("3人", "0人"), "0人", "◎"),
            Kpi("子育てしやすいと感じる町民の割合", "%", "62.4%", ("66.0%", "68.3%"), "75.0%", "○", "町民意識調査"),
        ),
        page=2,
    ),
    Goal(
        "4",
        "安心して暮らし続けられる魅力あるまちをつくる",
        (
            Kpi("地域公共交通の利用者数（年間）", "人", "52,300人", ("41,800人", "46,100人"), "55,000人", "△"),
            Kpi("自主防災組織の結成率", "%", "71.5%", ("80.2%", "84.6%"), "85.0%", "○"),
            Kpi("都市公園の整備箇所数（累計）", "箇所", "22箇所", ("24箇所", "25箇所"), "26箇所", "○"),
            Kpi("地域運営組織の数", "団体", NONE, ("2団体", "3団体"), "5団体", "○", "R2から設立を支援"),
        ),
        page=2,
    ),
)


def _rule(ws: Worksheet, row: int, top: str | None, bottom: str | None) -> None:
    """Horizontal ruling of one row across the table (no vertical lines)."""
    for col in range(1, COLUMNS + 1):
        ws.cell(row, col).border = Border(top=side(top), bottom=side(bottom))


def _goal(ws: Worksheet, row: int, goal: Goal) -> int:
    put(ws, row, 1, goal.heading(), BAND, span=(1, COLUMNS))
    _rule(ws, row, None, "medium")
    set_height(ws, row, 22.0)
    row += 1
    for col, text in enumerate(HEADINGS, start=1):
        put(ws, row, col, text, HEADER)
    _rule(ws, row, "medium", "double")
    set_height(ws, row, 20.0)
    row += 1
    for n, kpi in enumerate(goal.kpis, start=1):
        put(ws, row, 1, kpi.name, TEXT)
        for col, text in enumerate((kpi.base, *kpi.actuals, kpi.target), start=2):
            put(ws, row, col, text, MARK if text == NONE else VALUE)
        put(ws, row, 6, kpi.mark, MARK)
        put(ws, row, 7, kpi.note, TEXT)
        _rule(ws, row, None, "medium" if n == len(goal.kpis) else "hair")
        set_height(ws, row, 24.0)
        row += 1
    set_height(ws, row, 14.0)
    return row + 1


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "KPI進捗"
    set_widths(ws, WIDTHS)
    landscape_page(ws, header=MUNICIPALITY, footer_page_number=True, font=FONT)
    title = f"{STRATEGY}\u3000KPI進捗状況（{reiwa(ACTUAL_FYS[-1])}実績）"
    put(ws, 1, 1, title, Look(FONT, 13.0, bold=True, border=None, wrap=False), span=(1, COLUMNS))
    set_height(ws, 1, 26.0)
    legend = "達成状況\u3000◎：目標を達成\u3000○：概ね順調\u3000△：遅れている\u3000―：評価できない"
    put(ws, 2, 1, legend, Look(FONT, 8.5, border=None, wrap=False), span=(1, 5))
    basis = f"基準値は平成30年度（{heisei_short(BASE_FY)}）の値"
    put(ws, 2, 6, basis, Look(FONT, 8.5, border=None, horizontal="right", wrap=False), span=(1, 2))
    set_height(ws, 2, 18.0)
    initiatives: list[Initiative] = []
    row, page = 3, 1
    for goal in GOALS:
        if goal.page > page:
            break_after(ws, row - 1)
            page = goal.page
        row = _goal(ws, row, goal)
        indicators = tuple(kpi.indicator() for kpi in goal.kpis)
        initiatives.append(Initiative(goal.no, goal.title, (), goal.page, indicators=indicators))
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    return path, Expected(DocumentFacts(MUNICIPALITY, STRATEGY, FIRST_FY, LAST_FY), tuple(initiatives))
