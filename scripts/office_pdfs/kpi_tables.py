"""Style 3: a 総合戦略 chapter printed from Word: 基本目標 and 施策 headings, 数値目標 banners, KPI tables.

A 基本目標 heading is followed by its 数値目標 banner paragraphs (`数値目標：name 40人（2014年度）
→ 45人（2019年度）`, boxed and shaded); a 施策 heading by a short text and, for most, a KPI table
`重要業績評価指標（KPI）| 現状値（2014年度）| 目標値（2019年度）` ruled only horizontally. Both
are initiatives: the 施策 under its 基本目標, each KPI row an indicator (現状値 → baseline, 目標値 →
final_target); a banner's indicator belongs to its 基本目標. A reference table of population
figures near the top is not an initiative.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

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

STEM = "kpi_tables"
STRATEGY = "架空市まち・ひと・しごと創生総合戦略"
BASE_YEAR, TARGET_YEAR = 2014, 2019
MINCHO, GOTHIC = "IPAexMincho", "IPAexGothic"
KPI_HEADER = ("重要業績評価指標（KPI）", f"現状値（{BASE_YEAR}年度）", f"目標値（{TARGET_YEAR}年度）")
REFERENCE_TITLE = "架空市の人口の推移"


@dataclass(frozen=True)
class Target:
    """One indicator with a current and a target value, as printed (`40人`)."""

    name: str
    unit: str | None
    current: str
    target: str

    def indicator(self) -> Indicator:
        """Its expected record."""
        return Indicator(
            self.name,
            self.unit,
            (
                Value("baseline", BASE_YEAR, self.current, printed_number(self.current)),
                Value("final_target", TARGET_YEAR, self.target, printed_number(self.target)),
            ),
        )


@dataclass(frozen=True)
class Measure:
    """A 施策: number, title, text, department (None where none is printed) and KPI rows."""

    no: str
    title: str
    text: str
    department: str | None
    kpis: tuple[Target, ...]


@dataclass(frozen=True)
class Goal:
    """A 基本目標: number, title, banner targets and its 施策; `page` is where its heading is printed."""

    no: str
    title: str
    banners: tuple[Target, ...]
    measures: tuple[Measure, ...]
    page: int

    def heading(self) -> str:
        """The heading as printed."""
        return f"基本目標{self.no}\u3000{self.title}"


GOALS = (
    Goal(
        "1",
        "地域産業の振興と安定した雇用の創出",
        (Target("市内事業所の従業者数", "人", "12,400人", "12,800人"),),
        (
            Measure(
                "1",
                "地場産業の競争力強化",
                "地元の農林水産物を生かした新商品の開発と、首都圏等への販路開拓を支援します。",
                None,
                (
                    Target("新商品開発件数（累計）", "件", "3件", "15件"),
                    Target("販路開拓支援を受けた事業者数", "社", "12社", "60社"),
                ),
            ),
            Measure(
                "2",
                "創業・事業承継の支援",
                "創業相談窓口を設け、空き店舗を活用した創業や事業承継を支援します。",
                "商工観光課",
                (
                    Target("創業支援による創業者数", "人", "8人", "50人"),
                    Target("創業相談件数", "件", "1,200件", "1,500件"),
                    Target("中心市街地の空き店舗率", "%", "8.3%", "5.0%"),
                ),
            ),
        ),
        page=1,
    ),
    Goal(
        "2",
        "架空市への新しいひとの流れをつくる",
        (
            Target("転入者数", "人", "3,150人", "3,400人"),
            Target("入学者数", "人", "40人", "45人"),
        ),
        (
            Measure(
                "3",
                "移住・定住の促進",
                "移住相談会の開催や空き家バンクの充実により、移住・定住を促進します。",
                None,
                (
                    Target("移住相談件数", "件", "45件", "120件"),
                    Target("空き家バンク成約件数（累計）", "件", "6件", "30件"),
                ),
            ),
            Measure(
                "4",
                "地元高校の魅力づくり",
                "架空高等学校と連携し、地域課題を学ぶ授業や市外からの生徒の受入れを進めます。",
                None,
                (Target("市外からの入学者の割合", "%", "12.5%", "20.0%"),),
            ),
        ),
        page=2,
    ),
    Goal(
        "3",
        "若い世代の結婚・出産・子育ての希望をかなえる",
        (Target("合計特殊出生率", None, "1.52", "1.60"),),
        (
            Measure(
                "5",
                "子育て支援の充実",
                "保育所の定員拡大と子育て支援センターの機能強化により、子育ての負担を軽くします。",
                "子育て支援課",
                (
                    Target("保育所待機児童数", "人", "12人", "0人"),
                    Target("子育て支援センター利用者数", "人", "8,400人", "10,000人"),
                ),
            ),
            Measure(
                "6",
                "出会いと結婚の支援",
                "近隣市町と共同で出会いの場を設け、結婚を希望する人を応援します。",
                None,
                (),
            ),
        ),
        page=3,
    ),
)


def _banner(doc: WordDocument, target: Target) -> None:
    text = f"数値目標：{target.name}\u3000{target.current}（{BASE_YEAR}年度）→ {target.target}（{TARGET_YEAR}年度）"
    p = paragraph(doc, text, GOTHIC, 10.5, bold=True)
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "4"), ("color", "404040")):
            element.set(qn(f"w:{key}"), value)
        borders.append(element)
    shading = OxmlElement("w:shd")
    for key, value in (("val", "clear"), ("color", "auto"), ("fill", "FFF2CC")):
        shading.set(qn(f"w:{key}"), value)
    p_pr = p._p.get_or_add_pPr()
    p_pr.append(borders)
    p_pr.append(shading)
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(6)


def _heading(doc: WordDocument, text: str, level: int) -> Paragraph:
    p = doc.add_heading(level=level)
    run = p.add_run(text)
    set_font(run, GOTHIC, 13.0 if level == 1 else 11.0, bold=True)
    p.paragraph_format.space_before = Pt(10 if level == 1 else 8)
    p.paragraph_format.space_after = Pt(4)
    return p


def _kpi_table(doc: WordDocument, kpis: tuple[Target, ...]) -> None:
    table = doc.add_table(rows=1 + len(kpis), cols=3)
    rule_table(
        table,
        {"top": "single:8", "bottom": "single:8", "insideH": "single:4", "left": None, "right": None, "insideV": None},
    )
    for cell, text in zip(table.rows[0].cells, KPI_HEADER, strict=True):
        write_cell(cell, text, GOTHIC, 9.5, bold=True, align="center")
        shade(cell, "D9E2F3")
        rule_cell(cell, {"bottom": "double:4"})
    for row, kpi in zip(table.rows[1:], kpis, strict=True):
        write_cell(row.cells[0], kpi.name, MINCHO, 10.0)
        write_cell(row.cells[1], kpi.current, MINCHO, 10.0, align="center")
        write_cell(row.cells[2], kpi.target, MINCHO, 10.0, align="center")
    column_widths(table, (94.0, 40.0, 40.0))
    min_row_height(table, 7.0)
    centre_vertically(table)


def _reference_table(doc: WordDocument) -> None:
    paragraph(doc, f"表 {REFERENCE_TITLE}", GOTHIC, 9.5, bold=True).paragraph_format.space_before = Pt(6)
    rows = (
        ("区分", "2000年", "2005年", "2010年"),
        ("総人口", "58,210人", "56,930人", "55,102人"),
        ("年少人口の割合", "14.8%", "13.9%", "12.7%"),
        ("老年人口の割合", "21.5%", "24.9%", "28.3%"),
    )
    table = doc.add_table(rows=len(rows), cols=4)
    rule_table(table, {e: "single:4" for e in ("top", "left", "bottom", "right", "insideH", "insideV")})
    for table_row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(table_row.cells, texts, strict=True):
            write_cell(cell, text, MINCHO, 9.5, align="left" if text == texts[0] else "center")
    column_widths(table, (50.0, 35.0, 35.0, 35.0))
    centre_vertically(table)
    paragraph(doc, "資料：国勢調査", MINCHO, 8.5)


def build(work: Path) -> tuple[Path, Expected]:
    """Write the document into `work`; return it with the records it prints."""
    doc = docx.Document()
    a4(doc, margin_mm=18.0)
    default_font(doc, MINCHO, 10.5)
    page_number_footer(doc, MINCHO)
    paragraph(doc, STRATEGY, GOTHIC, 10.0)
    paragraph(doc, "第3章 基本目標と具体的な施策", GOTHIC, 15.0, bold=True)
    paragraph(
        doc,
        "本戦略（計画期間：平成27年度～令和元年度）では、人口の将来展望を踏まえ、次の3つの基本目標を定め、"
        "基本目標ごとに数値目標を、施策ごとに重要業績評価指標（KPI）を設定します。",
        MINCHO,
        10.5,
    ).paragraph_format.space_before = Pt(6)
    _reference_table(doc)
    initiatives: list[Initiative] = []
    for goal in GOALS:
        if goal.page > 1:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _heading(doc, goal.heading(), 1)
        for banner in goal.banners:
            _banner(doc, banner)
        initiatives.append(
            Initiative(goal.no, goal.title, (), goal.page, indicators=tuple(t.indicator() for t in goal.banners))
        )
        for measure in goal.measures:
            _heading(doc, f"施策{measure.no}\u3000{measure.title}", 2)
            paragraph(doc, measure.text, MINCHO, 10.5)
            if measure.department:
                paragraph(doc, f"担当課：{measure.department}", MINCHO, 9.5, align="left")
            if measure.kpis:
                doc.add_paragraph()
                _kpi_table(doc, measure.kpis)
            initiatives.append(
                Initiative(
                    measure.no,
                    measure.title,
                    (measure.department,) if measure.department else (),
                    goal.page,
                    hierarchy=(goal.heading(),),
                    indicators=tuple(t.indicator() for t in measure.kpis),
                )
            )
    path = work / f"{STEM}.docx"
    doc.save(str(path))
    facts = DocumentFacts("架空市", STRATEGY, 2015, 2019)
    return path, Expected(facts, tuple(initiatives), not_initiatives=(REFERENCE_TITLE,))
