"""A 総合計画 実施計画 printed from Calc: 事業 rows with planned amounts (千円) under three levels of bands.

The table's header is two rows: `事業番号 | 事業名 | 事業内容 | 担当課 | 計画事業費（単位：千円）`, the
last merged over the year headings `2024(R6)年度 | 2025(R7)年度 | 2026(R8)年度` below it (repeated on
the second page). Bands merged across the table give the hierarchy: `第1章 …` (dark grey), `第1節 …`
(light grey) and `1-1-1 …` (paler). Year cells hold amounts (`48,000`; `―` where nothing is
budgeted), a 合計 row closes the table. IPAex Mincho, thin ruling.

The year columns are a financial plan, not a schedule: each 事業 is an initiative with its
number, name, department and bands, and no schedule or indicator.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from office_pdfs.records import DocumentFacts, Expected, Initiative, printed_number
from office_pdfs.sheets import Look, break_after, landscape_page, outline, put, set_height, set_widths
from office_pdfs.text_fit import height_needed
from openpyxl.worksheet.worksheet import Worksheet

from holdout2_pdfs.eras import gregorian_with_reiwa

STEM = "jisshi_keikaku_jigyouhi"
PAGES = 2
MUNICIPALITY = "仮想市"
PLAN = "仮想市総合計画 実施計画"
YEARS = (2024, 2025, 2026)
FONT = "IPAexMincho"
FONTS = (FONT,)
NONE = "―"
WIDTHS = (44.0, 150.0, 270.0, 90.0, 72.0, 72.0, 72.0)
COLUMNS = len(WIDTHS)
HEADER = Look(FONT, 9.0, bold=True, fill="DDEBF7", horizontal="center")
CHAPTER = Look(FONT, 10.5, bold=True, fill="A6A6A6")
SECTION = Look(FONT, 10.0, bold=True, fill="D9D9D9")
MEASURE = Look(FONT, 9.5, fill="F2F2F2")
TEXT = Look(FONT, 9.0)
CENTRE = Look(FONT, 9.0, horizontal="center")
AMOUNT = Look(FONT, 9.0, horizontal="right")


@dataclass(frozen=True)
class Project:
    """One 事業 row: number, name, content, department and the amount printed for each year."""

    no: str
    name: str
    content: str
    department: str
    amounts: tuple[str, str, str]


@dataclass(frozen=True)
class Measure:
    """A `1-1-1` band and its 事業."""

    heading: str
    projects: tuple[Project, ...]


@dataclass(frozen=True)
class Section:
    """A `第1節` band and its measures."""

    heading: str
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Chapter:
    """A `第1章` band and its sections; each chapter is printed on its own page."""

    heading: str
    sections: tuple[Section, ...]


CHAPTERS = (
    Chapter(
        "第1章\u3000健やかに育ち、学び合うまち",
        (
            Section(
                "第1節\u3000子育て支援の充実",
                (
                    Measure(
                        "1-1-1\u3000妊娠・出産・子育ての切れ目ない支援",
                        (
                            Project(
                                "1",
                                "出産・子育て応援事業",
                                "妊娠届出時と出生届出時に面談を行い、応援給付金を支給する。",
                                "こども家庭課",
                                ("48,000", "47,500", "47,000"),
                            ),
                            Project(
                                "2",
                                "産後ケア事業",
                                "産後の母子に、宿泊型・日帰り型の心身のケアと育児の支援を提供する。",
                                "こども家庭課",
                                ("6,240", "6,500", "6,800"),
                            ),
                        ),
                    ),
                    Measure(
                        "1-1-2\u3000保育環境の整備",
                        (
                            Project(
                                "3",
                                "保育所施設整備補助事業",
                                "民間保育所の増改築に要する経費の一部を補助し、定員を拡大する。",
                                "保育課",
                                ("120,000", "85,000", NONE),
                            ),
                            Project(
                                "4",
                                "保育士確保対策事業",
                                "市内の保育所に就職した保育士に就職奨励金を交付する。",
                                "保育課",
                                ("9,600", "9,600", "9,600"),
                            ),
                        ),
                    ),
                ),
            ),
            Section(
                "第2節\u3000学校教育の充実",
                (
                    Measure(
                        "1-2-1\u3000確かな学力の育成",
                        (
                            Project(
                                "5",
                                "学習用端末更新事業",
                                "児童生徒1人1台の学習用端末を更新し、保守を行う。",
                                "学校教育課",
                                ("12,300", "285,600", "8,400"),
                            ),
                            Project(
                                "6",
                                "学習支援員配置事業",
                                "小学校に学習支援員を配置し、算数の少人数指導を行う。",
                                "学校教育課",
                                ("31,200", "31,200", "31,200"),
                            ),
                        ),
                    ),
                    Measure(
                        "1-2-2\u3000安全で快適な学校施設",
                        (
                            Project(
                                "7",
                                "体育館空調設置事業",
                                "避難所となる小中学校の体育館に空調設備を設置する（年度ごとに3校）。",
                                "教育施設課",
                                ("210,000", "198,000", "176,000"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
    Chapter(
        "第2章\u3000安全で快適に暮らせるまち",
        (
            Section(
                "第1節\u3000防災・減災の推進",
                (
                    Measure(
                        "2-1-1\u3000災害に強い都市基盤",
                        (
                            Project(
                                "8",
                                "雨水ポンプ場改築事業",
                                "老朽化した雨水排水ポンプ場の機械・電気設備を改築する。",
                                "下水道課",
                                ("356,000", "412,000", "95,000"),
                            ),
                            Project(
                                "9",
                                "木造住宅耐震改修補助事業",
                                "旧耐震基準で建てられた木造住宅の耐震改修費の一部を補助する。",
                                "建築指導課",
                                ("18,000", "18,000", "18,000"),
                            ),
                        ),
                    ),
                    Measure(
                        "2-1-2\u3000地域防災力の強化",
                        (
                            Project(
                                "10",
                                "防災行政無線更新事業",
                                "屋外拡声子局をデジタル方式に更新する。",
                                "危機管理課",
                                ("88,000", NONE, NONE),
                            ),
                            Project(
                                "11",
                                "自主防災組織育成事業",
                                "自主防災組織の資機材の購入と訓練の実施を支援する。",
                                "危機管理課",
                                ("4,500", "4,500", "4,500"),
                            ),
                        ),
                    ),
                ),
            ),
            Section(
                "第2節\u3000公共交通の充実",
                (
                    Measure(
                        "2-2-1\u3000誰もが移動しやすい交通網",
                        (
                            Project(
                                "12",
                                "コミュニティバス運行事業",
                                "交通空白地域と中心市街地を結ぶコミュニティバスを運行する。",
                                "交通政策課",
                                ("64,800", "66,200", "67,500"),
                            ),
                            Project(
                                "13",
                                "乗合タクシー実証事業",
                                "予約に応じて運行するデマンド型乗合タクシーを北部地区で試行する。",
                                "交通政策課",
                                ("7,200", "12,000", NONE),
                            ),
                            Project(
                                "14",
                                "バス停上屋整備事業",
                                "利用の多いバス停に上屋とベンチを設置する。",
                                "道路維持課",
                                ("3,000", "3,000", "3,000"),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)


def _band(ws: Worksheet, row: int, text: str, look: Look, height: float) -> int:
    put(ws, row, 1, text, look, span=(1, COLUMNS))
    set_height(ws, row, height)
    return row + 1


def _project(ws: Worksheet, row: int, project: Project) -> int:
    put(ws, row, 1, project.no, CENTRE)
    put(ws, row, 2, project.name, TEXT)
    put(ws, row, 3, project.content, TEXT)
    put(ws, row, 4, project.department, CENTRE)
    for col, amount in enumerate(project.amounts, start=5):
        put(ws, row, col, amount, CENTRE if amount == NONE else AMOUNT)
    set_height(ws, row, max(24.0, height_needed(project.content, WIDTHS[2], 9.0)))
    return row + 1


def _total(projects: list[Project], year: int) -> str:
    amounts = [printed_number(p.amounts[year]) for p in projects]
    return f"{round(sum(a for a in amounts if a is not None)):,}"


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints (no schedule, no indicator)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "実施計画"
    set_widths(ws, WIDTHS)
    landscape_page(ws, header=PLAN, footer_page_number=True, font=FONT)
    period = f"{gregorian_with_reiwa(YEARS[0])}～{gregorian_with_reiwa(YEARS[-1])}"
    put(ws, 1, 1, f"{PLAN}（{period}）", Look(FONT, 14.0, bold=True, border=None, wrap=False), span=(1, COLUMNS))
    set_height(ws, 1, 26.0)
    for col, text in enumerate(("事業番号", "事業名", "事業内容", "担当課"), start=1):
        put(ws, 2, col, text, HEADER, span=(2, 1))
    put(ws, 2, 5, "計画事業費（単位：千円）", HEADER, span=(1, len(YEARS)))
    for col, year in enumerate(YEARS, start=5):
        put(ws, 3, col, gregorian_with_reiwa(year), HEADER)
    set_height(ws, 2, 18.0)
    set_height(ws, 3, 18.0)
    ws.print_title_rows = "2:3"
    initiatives: list[Initiative] = []
    printed: list[Project] = []
    row = 4
    for page, chapter in enumerate(CHAPTERS, start=1):
        if page > 1:
            break_after(ws, row - 1)
        row = _band(ws, row, chapter.heading, CHAPTER, 22.0)
        for section in chapter.sections:
            row = _band(ws, row, section.heading, SECTION, 20.0)
            for measure in section.measures:
                row = _band(ws, row, measure.heading, MEASURE, 18.0)
                for project in measure.projects:
                    row = _project(ws, row, project)
                    printed.append(project)
                    initiatives.append(
                        Initiative(
                            project.no,
                            project.name,
                            (project.department,),
                            page,
                            hierarchy=(chapter.heading, section.heading, measure.heading),
                        )
                    )
    put(ws, row, 1, "合計", Look(FONT, 9.5, bold=True, horizontal="center", fill="F2F2F2"), span=(1, 4))
    for col in range(len(YEARS)):
        put(ws, row, 5 + col, _total(printed, col), Look(FONT, 9.0, bold=True, horizontal="right", fill="F2F2F2"))
    set_height(ws, row, 22.0)
    outline(ws, 2, row, 1, COLUMNS, "medium")
    note = "※事業費は計画策定時の見込額であり、各年度の予算編成で精査する。"
    put(ws, row + 1, 1, note, Look(FONT, 8.5, border=None, wrap=False), span=(1, COLUMNS))
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    return path, Expected(DocumentFacts(MUNICIPALITY, PLAN, YEARS[0], YEARS[-1]), tuple(initiatives))
