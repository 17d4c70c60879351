"""Held-out 3: a village's 総合戦略 printed from Word: 基本目標 headings, 数値目標 lines, 施策 with KPI tables.

Each `基本目標Ⅰ…Ⅲ` heading (one per page) is followed by its `【数値目標】` lines (a ruled,
shaded paragraph: `name 1,820人（R元）→ 1,900人（R6）`), a 基本的方向 paragraph, then its 施策
headings `（1）…` with a 担当課 line, a 主な取組 line and a KPI table
`KPI | 基準値（R元） | 目標値（R6）`. The goals print their tables three ways, as different
hands made them: the unit inside the value (`12人`, a base year of its own in brackets), a
`単位` column, or each value header merged over a number cell and a unit cell. Some targets
are relative (`増加`, `維持`), a new indicator has no baseline (`－`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from office_pdfs.documents import (
    a4,
    centre_vertically,
    column_widths,
    default_font,
    min_row_height,
    page_number_footer,
    paragraph,
    rule_cell,
    rule_table,
    set_font,
    shade,
    write_cell,
)
from office_pdfs.records import DocumentFacts, Expected, Indicator, Initiative, Value, printed_number

STEM = "sougou_senryaku_kpi"
PAGES = 3
MUNICIPALITY = "架空村"
STRATEGY = "第2期架空村まち・ひと・しごと創生総合戦略"
BASE_YEAR, TARGET_YEAR = 2019, 2024
BASE_HEAD, TARGET_HEAD = "基準値（R元）", "目標値（R6）"
MINCHO, GOTHIC = "IPAexMincho", "IPAexGothic"
HEADER_FILL = "E2EFDA"
ROMAN = "ⅠⅡⅢ"
ERA_YEARS = {"H30": 2018, "R元": 2019}


@dataclass(frozen=True)
class Kpi:
    """One indicator: name, unit, the baseline and target as printed (number and unit apart when `split`)."""

    name: str
    unit: str | None
    base: str
    target: str
    base_year: int = BASE_YEAR

    def indicator(self) -> Indicator:
        """Its expected record: a baseline and a final target."""
        return Indicator(
            self.name,
            self.unit,
            (
                Value("baseline", self.base_year, self.base, printed_number(self.base)),
                Value("final_target", TARGET_YEAR, self.target, printed_number(self.target)),
            ),
        )


@dataclass(frozen=True)
class Measure:
    """A 施策: its heading, department(s), main work line and KPI rows."""

    title: str
    departments: tuple[str, ...]
    work: str
    kpis: tuple[Kpi, ...]


@dataclass(frozen=True)
class Goal:
    """A 基本目標: title, 数値目標, direction text, 施策, and how its KPI tables print units."""

    title: str
    targets: tuple[Kpi, ...]
    direction: str
    measures: tuple[Measure, ...]
    units: str  # "inline", "column" or "split"


GOALS = (
    Goal(
        "しごとをつくり、安心して働ける村にする",
        (Kpi("村内事業所の従業者数", "人", "1,820人", "1,900人"),),
        "基幹産業である農林業の担い手を確保し、村の農林産物や自然を生かした産業と観光交流を育てることで、"
        "若い世代が村で働き続けられる環境をつくります。",
        (
            Measure(
                "農林業の担い手確保と６次産業化",
                ("産業振興課",),
                "新規就農者の研修・定着支援、農産物加工施設の整備、特産品の開発・販路開拓",
                (
                    Kpi("新規就農者数（累計）", "人", "2人", "10人"),
                    Kpi("農産物加工品の開発数（累計）", "品", "1品", "8品"),
                    Kpi("森林整備面積", "ha", "45ha（H30）", "60ha", base_year=2018),
                ),
            ),
            Measure(
                "観光交流の推進",
                ("観光交流課",),
                "村営キャンプ場の再整備、体験型観光プログラムの造成、広域観光ルートの設定",
                (
                    Kpi("観光入込客数", "万人", "18.5万人", "増加"),
                    Kpi("村営キャンプ場の利用者数", "人", "6,240人", "8,000人"),
                ),
            ),
            Measure(
                "企業誘致と起業の支援",
                ("企画課", "産業振興課"),
                "サテライトオフィスの誘致、起業・第二創業への補助、廃校舎の活用",
                (
                    Kpi("誘致企業数（累計）", "社", "0社", "2社"),
                    Kpi("起業者数（累計）", "人", "1人", "5人"),
                ),
            ),
        ),
        "inline",
    ),
    Goal(
        "村への新しいひとの流れをつくる",
        (
            Kpi("転入者数", "人", "142人", "160人"),
            Kpi("ふるさと納税寄附者数", "人", "3,150人", "5,000人"),
        ),
        "移住を希望する人に村の暮らしを知ってもらう機会を増やし、住まいと仕事の相談に一体的に応じるとともに、"
        "村外から村を応援する人とのつながりを深めます。",
        (
            Measure(
                "移住・定住の促進",
                ("企画課",),
                "移住相談窓口の設置、空き家バンクの充実、移住体験住宅の運営",
                (
                    Kpi("移住相談件数", "件", "32", "増加"),
                    Kpi("空き家バンク登録件数（累計）", "件", "8", "30"),
                    Kpi("移住体験住宅の利用者数", "人", "25", "60"),
                ),
            ),
            Measure(
                "関係人口の創出",
                ("企画課",),
                "ふるさと納税の返礼品の充実、村外サポーター制度の創設、村出身者とのつながりづくり",
                (
                    Kpi("ふるさと納税寄附件数", "件", "3,410", "5,500"),
                    Kpi("村外サポーター登録者数", "人", "－", "200"),
                ),
            ),
            Measure(
                "若者の地元定着",
                ("企画課", "教育委員会事務局"),
                "奨学金返還支援、村内企業の見学会、成人式での就職情報の提供",
                (
                    Kpi("Uターン就職者数", "人", "3", "10"),
                    Kpi("奨学金返還支援の利用者数", "人", "0", "15"),
                ),
            ),
        ),
        "column",
    ),
    Goal(
        "結婚・出産・子育ての希望をかなえ、安心して暮らせる村をつくる",
        (Kpi("年少人口（0～14歳）", "人", "612人", "維持"),),
        "妊娠期から子育て期まで切れ目のない支援を行うとともに、地域医療と移動手段を確保し、"
        "誰もが住み慣れた集落で安心して暮らし続けられる村をつくります。",
        (
            Measure(
                "子育て支援の充実",
                ("住民福祉課",),
                "子育て支援センターの機能強化、保育料の軽減、放課後児童クラブの拡充",
                (
                    Kpi("子育て支援センター利用者数", "人", "1,480", "1,800"),
                    Kpi("子育て環境に満足している保護者の割合", "%", "62.4", "70.0"),
                ),
            ),
            Measure(
                "地域医療と健康づくり",
                ("保健センター",),
                "診療所の医師確保、特定健診の受診勧奨、健康教室の開催",
                (
                    Kpi("特定健診受診率", "%", "48.2", "60.0"),
                    Kpi("健康教室参加者数", "人", "320", "維持"),
                ),
            ),
            Measure(
                "集落の維持と地域公共交通の確保",
                ("総務課",),
                "デマンドバスの運行、集落支援員の配置、小さな拠点の整備",
                (Kpi("デマンドバス利用者数", "人", "2,860", "3,200"),),
            ),
        ),
        "split",
    ),
)


def _rule_paragraph(p_pr: OxmlElement, edges: tuple[str, ...], size: str) -> None:
    borders = OxmlElement("w:pBdr")
    for edge in edges:
        element = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", size), ("space", "2"), ("color", "375623")):
            element.set(qn(f"w:{key}"), value)
        borders.append(element)
    p_pr.append(borders)


def _target_line(doc: WordDocument, kpi: Kpi) -> None:
    p = doc.add_paragraph()
    set_font(p.add_run("【数値目標】"), GOTHIC, 10.5, bold=True)
    set_font(
        p.add_run(f"{kpi.name}\u3000{kpi.base}（R元）→ {kpi.target}（R6）"),
        GOTHIC,
        10.5,
    )
    p_pr = p._p.get_or_add_pPr()
    _rule_paragraph(p_pr, ("top", "bottom"), "6")
    shading = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", "EDF5E7")):
        shading.set(qn(f"w:{key}"), value)
    p_pr.append(shading)
    p.paragraph_format.space_after = Pt(2)


def _heading(doc: WordDocument, text: str, size: float, before: float) -> None:
    p = paragraph(doc, text, GOTHIC, size, bold=True)
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(3)
    p.paragraph_format.keep_with_next = True


def _split(text: str, unit: str | None) -> tuple[str, str]:
    """A printed value as a number cell and a unit cell (a relative target or `－` leaves the unit cell empty)."""
    return (text, unit or "") if printed_number(text) is not None else (text, "")


def _kpi_table(doc: WordDocument, goal: Goal, kpis: tuple[Kpi, ...]) -> None:
    if goal.units == "inline":
        header = ("KPI", BASE_HEAD, TARGET_HEAD)
        rows = [(k.name, k.base, k.target) for k in kpis]
        widths: tuple[float, ...] = (96.0, 38.0, 38.0)
    elif goal.units == "column":
        header = ("KPI", "単位", BASE_HEAD, TARGET_HEAD)
        rows = [(k.name, k.unit or "", k.base, k.target) for k in kpis]
        widths = (90.0, 16.0, 33.0, 33.0)
    else:
        header = ("KPI", BASE_HEAD, "", TARGET_HEAD, "")
        rows = [(k.name, *_split(k.base, k.unit), *_split(k.target, k.unit)) for k in kpis]
        widths = (96.0, 24.0, 14.0, 24.0, 14.0)
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    rule_table(table, {e: "single:4" for e in ("top", "left", "bottom", "right", "insideH", "insideV")})
    head = list(table.rows[0].cells)
    if goal.units == "split":
        head = [head[0], head[1].merge(head[2]), head[3].merge(head[4])]
        header = ("KPI", BASE_HEAD, TARGET_HEAD)
    for cell, text in zip(head, header, strict=True):
        write_cell(cell, text, GOTHIC, 9.0, bold=True, align="center")
        shade(cell, HEADER_FILL)
    for table_row, texts in zip(table.rows[1:], rows, strict=True):
        for n, (cell, text) in enumerate(zip(table_row.cells, texts, strict=True)):
            write_cell(cell, text, MINCHO, 9.5, align="left" if n == 0 else "center")
            if goal.units == "split" and n:
                # A number and its unit read as one cell: no rule between them, the number against the unit.
                number = n % 2 == 1
                rule_cell(cell, {"right": None} if number else {"left": None})
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT if number else WD_ALIGN_PARAGRAPH.LEFT
    column_widths(table, widths)
    min_row_height(table, 6.5)
    centre_vertically(table)


def build(work: Path) -> tuple[Path, Expected]:
    """Write the document into `work`; return it with the records it prints."""
    doc = docx.Document()
    a4(doc, margin_mm=20.0)
    default_font(doc, MINCHO, 10.5)
    page_number_footer(doc, MINCHO)
    paragraph(doc, STRATEGY, MINCHO, 9.0, align="left")
    _heading(doc, "第４章　基本目標と具体的な施策", 15.0, 4.0)
    paragraph(
        doc,
        "　本戦略の計画期間は令和2年度から令和6年度までの5年間とし、次の3つの基本目標ごとに数値目標を、"
        "具体的な施策ごとに重要業績評価指標（KPI）を定めます。基準値は令和元年度の実績です。",
        MINCHO,
        10.5,
    )
    initiatives: list[Initiative] = []
    for page, (roman, goal) in enumerate(zip(ROMAN, GOALS, strict=True), start=1):
        if page > 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        heading = f"基本目標{roman}\u3000{goal.title}"
        _heading(doc, heading, 13.0, 10.0)
        for target in goal.targets:
            _target_line(doc, target)
        _heading(doc, "■基本的方向", 10.5, 6.0)
        paragraph(doc, f"\u3000{goal.direction}", MINCHO, 10.5)
        _heading(doc, "■具体的な施策と重要業績評価指標（KPI）", 10.5, 6.0)
        initiatives.append(
            Initiative(roman, goal.title, (), page, indicators=tuple(t.indicator() for t in goal.targets))
        )
        for n, measure in enumerate(goal.measures, start=1):
            _heading(doc, f"（{n}）{measure.title}", 11.0, 8.0)
            paragraph(doc, f"担当課：{'、'.join(measure.departments)}", MINCHO, 9.5)
            paragraph(doc, f"【主な取組】{measure.work}", MINCHO, 10.0).paragraph_format.space_after = Pt(3)
            _kpi_table(doc, goal, measure.kpis)
            initiatives.append(
                Initiative(
                    str(n),
                    measure.title,
                    measure.departments,
                    page,
                    hierarchy=(heading,),
                    indicators=tuple(k.indicator() for k in measure.kpis),
                )
            )
    path = work / f"{STEM}.docx"
    doc.save(str(path))
    facts = DocumentFacts(MUNICIPALITY, STRATEGY, 2020, 2024)
    return path, Expected(facts, tuple(initiatives))
