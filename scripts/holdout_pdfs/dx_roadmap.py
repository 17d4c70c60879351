"""Held-out 1: a DX推進計画 工程表 printed from Calc, its bars drawn as shapes or typed as `━━━▶` runs.

`項番 | 取組 | 所管部署 | R5 … R8 | 備考` under a two-level header (スケジュール over the years),
重点取組 rows merged across the table. A schedule is printed five ways, as offices mix them on
one sheet: a text in one year cell; the text in the first year cell with a line arrow drawn
under it to the last year; a block arrow drawn over the years with the text inside it; the
years merged into one cell holding the text and a `━━━▶` run; the text in the first year cell
and the later years merged into one cell of `━━━▶` only. Milestones are year cells such as
`●運用開始`; the 備考 column holds free text (some of it naming a year).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from office_pdfs.bars import Bar, steps
from office_pdfs.records import DocumentFacts, Expected, Initiative
from office_pdfs.sheets import Look, landscape_page, outline, put, set_height, set_widths
from office_pdfs.text_fit import text_ems
from openpyxl.worksheet.worksheet import Worksheet

from holdout_pdfs.drawn_shapes import Anchor, Arrow, add_shapes

STEM = "dx_roadmap"
PAGES = 1
MUNICIPALITY = "架空町"
PLAN = "架空町DX推進計画"
YEARS = (2023, 2024, 2025, 2026)
YEAR_HEADINGS = ("R5", "R6", "R7", "R8")
FONT = "IPAexGothic"
WIDTHS = (40.0, 196.0, 104.0, 84.0, 84.0, 84.0, 84.0, 94.0)
FIRST_YEAR_COL = 4  # column D, 1-based
ROW_H = 32.0
ARROW_GLYPH, ARROW_HEAD = "━", "▶"
LINE_BLUE, BLOCK_FILL = "2F5597", "BDD7EE"


@dataclass(frozen=True)
class Run:
    """One bar and how it is printed: `cell`, `line`, `block`, `merged` or `lead` (see the module docstring)."""

    bar: Bar
    how: str


@dataclass(frozen=True)
class Item:
    """One 取組 row."""

    no: str
    title: str
    departments: tuple[str, ...]
    runs: tuple[Run, ...]
    note: str = ""


@dataclass(frozen=True)
class Focus:
    """A 重点取組 heading row and its 取組."""

    heading: str
    items: tuple[Item, ...]


FOCI = (
    Focus(
        "重点取組１　行政手続のデジタル化",
        (
            Item(
                "1-1",
                "オンライン申請の拡充",
                ("住民課", "DX推進室"),
                (Run(Bar(2023, 2026, "対象手続の順次拡大"), "line"),),
                "主要30手続を対象",
            ),
            Item(
                "1-2",
                "コンビニ交付サービスの導入",
                ("住民課",),
                (
                    Run(Bar(2023, 2023, "導入検討"), "cell"),
                    Run(Bar(2024, 2024, "システム改修"), "cell"),
                    Run(Bar(2025, 2025, "●運用開始"), "cell"),
                ),
                "マイナンバーカードを利用",
            ),
            Item(
                "1-3",
                "公金収納のキャッシュレス化",
                ("会計室", "税務課"),
                (Run(Bar(2023, 2024, "調査・研究"), "merged"), Run(Bar(2025, 2026, "順次導入"), "merged")),
                "R6中に収納手段を決定",
            ),
        ),
    ),
    Focus(
        "重点取組２　行政事務の効率化",
        (
            Item(
                "2-1",
                "AI-OCR・RPAの導入",
                ("総務課",),
                (Run(Bar(2023, 2023, "試行"), "block"), Run(Bar(2024, 2026, "対象業務の拡大"), "block")),
            ),
            Item(
                "2-2",
                "電子決裁・文書管理システムの導入",
                ("総務課",),
                (
                    Run(Bar(2023, 2024, "仕様検討・構築"), "line"),
                    Run(Bar(2025, 2025, "●運用開始"), "cell"),
                    Run(Bar(2026, 2026, "全庁展開"), "cell"),
                ),
                "紙文書の電子化を併せて実施",
            ),
            Item(
                "2-3",
                "庁内ネットワークの無線化",
                ("DX推進室",),
                (Run(Bar(2024, 2025, "整備"), "block"),),
                "国の補助金を活用",
            ),
            Item(
                "2-4",
                "テレワーク・Web会議の推進",
                ("総務課", "DX推進室"),
                (Run(Bar(2023, 2026, "実施"), "merged"),),
            ),
        ),
    ),
    Focus(
        "重点取組３　デジタルデバイド対策と人材育成",
        (
            Item(
                "3-1",
                "高齢者向けスマホ教室の開催",
                ("生涯学習課",),
                (Run(Bar(2023, 2026, "各地区で年4回開催"), "line"),),
                "地元高校生が講師を補助",
            ),
            Item(
                "3-2",
                "DX推進リーダーの育成",
                ("総務課",),
                (Run(Bar(2023, 2026, "研修実施"), "lead"),),
                "各課1名以上",
            ),
            Item(
                "3-3",
                "自治会活動のデジタル化支援",
                ("住民協働課",),
                (Run(Bar(2025, 2025, "●モデル地区で実施"), "cell"), Run(Bar(2026, 2026, "全地区へ展開"), "cell")),
            ),
        ),
    ),
)

TITLE = Look(FONT, 14.0, bold=True, border=None, wrap=False)
NOTE = Look(FONT, 9.0, border=None, wrap=False)
LEGEND = Look(FONT, 9.0, border=None, horizontal="right", wrap=False)
HEAD = Look(FONT, 9.5, bold=True, fill="D9E1F2", horizontal="center")
FOCUS = Look(FONT, 10.0, bold=True, fill="EDEDED")
BODY = Look(FONT, 9.5)
CENTRE = Look(FONT, 9.5, horizontal="center")
YEAR_TEXT = Look(FONT, 8.5, vertical="top")
YEAR_CELL = Look(FONT, 8.5)
REMARK = Look(FONT, 8.0)


def _glyph_run(text: str, width_pt: float, size: float) -> str:
    """`text` followed by a `━━━▶` run as long as the merged cell allows (a little short, as typed by eye)."""
    room = (width_pt - 10.0) / size - text_ems(text) - (1.0 if text else 0.0)
    glyphs = max(2, int(room * 0.85) - 1)
    return (f"{text}\u3000" if text else "") + ARROW_GLYPH * glyphs + ARROW_HEAD


def _year_col(year: int) -> int:
    return FIRST_YEAR_COL + YEARS.index(year)


def _runs(ws: Worksheet, row: int, item: Item) -> list[Arrow]:
    """Print an item's year cells; return the arrows to draw over them."""
    arrows: list[Arrow] = []
    for col in range(FIRST_YEAR_COL, FIRST_YEAR_COL + len(YEARS)):
        put(ws, row, col, None, YEAR_CELL)
    for run in item.runs:
        bar, first, last = run.bar, _year_col(run.bar.first), _year_col(run.bar.last)
        span = last - first + 1
        width = sum(WIDTHS[first - 1 : last])
        if run.how == "cell":
            if span != 1:
                raise ValueError(f"{item.no}: a text cell prints one year, not {span}")
            put(ws, row, first, bar.text, YEAR_CELL)
        elif run.how == "line":
            put(ws, row, first, bar.text, YEAR_TEXT)
            start = Anchor(first - 1, row - 1, 4.0, ROW_H * 0.68)
            end = Anchor(last - 1, row - 1, WIDTHS[last - 1] - 8.0, ROW_H * 0.68)
            arrows.append(Arrow(start, end, block=False, colour=LINE_BLUE, weight=2.25))
        elif run.how == "block":
            start = Anchor(first - 1, row - 1, 3.0, ROW_H * 0.18)
            end = Anchor(last - 1, row - 1, WIDTHS[last - 1] - 4.0, ROW_H * 0.82)
            arrows.append(Arrow(start, end, block=True, colour=BLOCK_FILL, text=bar.text, font=FONT, size=8.5))
        elif run.how == "merged":
            put(ws, row, first, _glyph_run(bar.text, width, 8.5), YEAR_CELL, span=(1, span))
        elif run.how == "lead":
            put(ws, row, first, bar.text, YEAR_CELL)
            rest = sum(WIDTHS[first:last])
            put(ws, row, first + 1, _glyph_run("", rest, 8.5), YEAR_CELL, span=(1, span - 1))
        else:
            raise ValueError(f"{item.no}: unknown printing {run.how!r}")
    return arrows


def _header(ws: Worksheet, row: int) -> None:
    for col, text in ((1, "項番"), (2, "取組"), (3, "所管部署"), (8, "備考")):
        put(ws, row, col, text, HEAD, span=(2, 1))
    put(ws, row, FIRST_YEAR_COL, "スケジュール", HEAD, span=(1, len(YEARS)))
    for offset, text in enumerate(YEAR_HEADINGS):
        put(ws, row + 1, FIRST_YEAR_COL + offset, text, HEAD)
    set_height(ws, row, 16.0)
    set_height(ws, row + 1, 16.0)


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "工程表"
    set_widths(ws, WIDTHS)
    landscape_page(ws, header=None, footer_page_number=True, font=FONT)
    put(ws, 1, 1, f"{PLAN}　工程表", TITLE, span=(1, 5))
    set_height(ws, 1, 24.0)
    put(ws, 2, 1, "計画期間：令和5年度～令和8年度", NOTE, span=(1, 3))
    put(ws, 2, 5, "凡例：━▶ 取組期間　● 目標時期", LEGEND, span=(1, 4))
    _header(ws, 3)
    row = 5
    arrows: list[Arrow] = []
    initiatives: list[Initiative] = []
    for focus in FOCI:
        put(ws, row, 1, focus.heading, FOCUS, span=(1, len(WIDTHS)))
        set_height(ws, row, 18.0)
        row += 1
        for item in focus.items:
            put(ws, row, 1, item.no, CENTRE)
            put(ws, row, 2, item.title, BODY)
            put(ws, row, 3, "\n".join(item.departments), BODY)
            put(ws, row, 8, item.note or None, REMARK)
            arrows += _runs(ws, row, item)
            set_height(ws, row, ROW_H)
            initiatives.append(
                Initiative(
                    item_no=item.no,
                    title=item.title,
                    departments=item.departments,
                    page=1,
                    hierarchy=(focus.heading,),
                    schedule=steps(1, [run.bar for run in item.runs]),
                )
            )
            row += 1
    outline(ws, 3, row - 1, 1, len(WIDTHS), "medium")
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    add_shapes(path, 1, arrows)
    facts = DocumentFacts(MUNICIPALITY, PLAN, YEARS[0], YEARS[-1])
    return path, Expected(facts, tuple(initiatives))
