"""A 行動計画 printed from Writer: `（1）` paragraph headings, each with a `取組内容 | スケジュール` table.

Under 基本方針 headings (ruled beneath), each initiative is a numbered paragraph heading
`（1）公共施設の照明のLED化` (numbers restart under each 基本方針), a two-row, two-column table
whose second row holds the 取組内容 and a schedule written as a sentence, and a right-aligned
`担当：…` line (two departments separated by `、`). IPA Mincho body, IPA Gothic headings.

The schedule sentence is printed from bars, one phrase per bar, joined by `、`:
`令和6年度から実施` (from that year to the end of the plan period), `令和7年度までに更新完了`
(from the year after the previous phrase, or the plan's first year, to that year), `令和6年度に
設置` (that year alone), `令和7年度から令和8年度まで可能性調査` (both years given). The expected
schedule is those bars as steps: the first year of a bar is its text, later years continue it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from office_pdfs.bars import Bar, steps
from office_pdfs.documents import (
    a4,
    centre_vertically,
    column_widths,
    default_font,
    header_text,
    min_row_height,
    page_number_footer,
    paragraph,
    rule_table,
    shade,
    write_cell,
)
from office_pdfs.records import DocumentFacts, Expected, Initiative

from holdout2_pdfs.eras import reiwa

STEM = "koudou_keikaku"
PAGES = 2
MUNICIPALITY = "〇〇町"
TITLE = "〇〇町ゼロカーボン推進行動計画"
FIRST_FY, LAST_FY = 2024, 2027
MINCHO, GOTHIC = "IPAMincho", "IPAGothic"
FONTS = (MINCHO, GOTHIC)
TABLE_HEADER = ("取組内容", "スケジュール")
WIDTHS_MM = (112.0, 62.0)


@dataclass(frozen=True)
class Phrase:
    """One bar as the sentence prints it: `form` is from, by, in or span; `gregorian` prints `2026年度`."""

    bar: Bar
    form: str
    gregorian: bool = False

    def year(self, fiscal_year: int) -> str:
        """A year of the phrase as printed."""
        return f"{fiscal_year}年度" if self.gregorian else reiwa(fiscal_year)

    def text(self, starts: int) -> str:
        """The printed phrase; `starts` is the year a `by` phrase runs from (checked against the bar)."""
        bar = self.bar
        if self.form == "from" and bar.last == LAST_FY:
            return f"{self.year(bar.first)}から{bar.text}"
        if self.form == "by" and bar.first == starts:
            return f"{self.year(bar.last)}までに{bar.text}"
        if self.form == "in" and bar.first == bar.last:
            return f"{self.year(bar.first)}に{bar.text}"
        if self.form == "span" and bar.first < bar.last:
            return f"{self.year(bar.first)}から{self.year(bar.last)}まで{bar.text}"
        raise ValueError(f"{self.form!r} cannot print {bar}")


@dataclass(frozen=True)
class Action:
    """One numbered initiative: its text, schedule phrases (in year order) and departments."""

    no: str
    title: str
    content: str
    phrases: tuple[Phrase, ...]
    departments: tuple[str, ...]

    def schedule_text(self) -> str:
        """The schedule sentence: the phrases joined by `、`."""
        out: list[str] = []
        starts = FIRST_FY
        for phrase in self.phrases:
            out.append(phrase.text(starts))
            starts = phrase.bar.last + 1
        return "、".join(out)


@dataclass(frozen=True)
class Policy:
    """A 基本方針 heading and its initiatives; `page` is where it is printed."""

    heading: str
    actions: tuple[Action, ...]
    page: int


def _from(first: int, text: str, gregorian: bool = False) -> Phrase:
    return Phrase(Bar(first, LAST_FY, text), "from", gregorian)


POLICIES = (
    Policy(
        "基本方針1\u3000公共施設の省エネルギー化",
        (
            Action(
                "1",
                "公共施設の照明のLED化",
                "庁舎、学校、公民館等の町有施設の照明を計画的にLEDへ更新します。",
                (Phrase(Bar(2024, 2024, "調査・設計"), "in"), Phrase(Bar(2025, 2025, "更新完了"), "by")),
                ("施設管理課",),
            ),
            Action(
                "2",
                "省エネルギー診断の実施",
                "エネルギー使用量の多い施設から順に省エネルギー診断を行い、設備の運用改善につなげます。",
                (_from(2024, "実施"),),
                ("環境政策課",),
            ),
            Action(
                "3",
                "公用車の電動化",
                "公用車の更新時に電気自動車等を優先して導入し、庁舎と支所に充電設備を整備します。",
                (Phrase(Bar(2024, 2025, "充電設備の整備"), "span"), _from(2026, "順次導入", gregorian=True)),
                ("総務課", "環境政策課"),
            ),
        ),
        page=1,
    ),
    Policy(
        "基本方針2\u3000再生可能エネルギーの導入拡大",
        (
            Action(
                "1",
                "公共施設への太陽光発電設備の設置",
                "屋根の形状と耐荷重を調べ、設置できる施設に太陽光発電設備と蓄電池を設置します。",
                (Phrase(Bar(2024, 2024, "適地調査"), "in"), Phrase(Bar(2025, 2026, "5施設へ設置"), "by")),
                ("環境政策課",),
            ),
            Action(
                "2",
                "住宅用太陽光発電・蓄電池の設置補助",
                "住宅への太陽光発電設備と蓄電池の設置費用の一部を補助します。",
                (_from(2024, "実施"),),
                ("環境政策課",),
            ),
            Action(
                "3",
                "小水力発電の導入検討",
                "農業用水路の落差を活用した小水力発電の可能性を、土地改良区と共に調べます。",
                (Phrase(Bar(2025, 2026, "可能性調査"), "span"),),
                ("農林振興課",),
            ),
        ),
        page=1,
    ),
    Policy(
        "基本方針3\u3000町民・事業者との協働",
        (
            Action(
                "1",
                "環境学習の推進",
                "小中学校への出前講座と、親子で参加できる環境学習会を開催します。",
                (_from(2024, "実施"),),
                ("教育総務課", "環境政策課"),
            ),
            Action(
                "2",
                "事業者向け省エネ相談会の開催",
                "商工会と連携し、中小事業者向けの省エネ相談会と設備更新の補助制度の説明会を開催します。",
                (_from(2025, "実施"),),
                ("産業振興課",),
            ),
            Action(
                "3",
                "ゼロカーボン推進町民会議の設置",
                "町民・事業者・町で構成する会議を設け、本計画の取組の進み具合を毎年点検します。",
                (Phrase(Bar(2024, 2024, "設置"), "in"), _from(2025, "年2回開催")),
                ("環境政策課",),
            ),
        ),
        page=2,
    ),
)


def _bottom_rule(p: Paragraph) -> None:
    """A line under a heading paragraph, as Word's paragraph border draws it."""
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "8"), ("space", "1"), ("color", "2F5496")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p._p.get_or_add_pPr().append(borders)


def _action(doc: WordDocument, action: Action) -> None:
    heading = paragraph(doc, f"（{action.no}）{action.title}", GOTHIC, 10.5, bold=True)
    heading.paragraph_format.space_before = Pt(9)
    heading.paragraph_format.space_after = Pt(3)
    heading.paragraph_format.keep_with_next = True
    table = doc.add_table(rows=2, cols=2)
    rule_table(
        table,
        {
            "top": "single:8",
            "bottom": "single:8",
            "left": "single:8",
            "right": "single:8",
            "insideH": "single:4",
            "insideV": "dotted:4",
        },
    )
    for cell, text in zip(table.rows[0].cells, TABLE_HEADER, strict=True):
        write_cell(cell, text, GOTHIC, 9.0, align="center")
        shade(cell, "E2EFD9")
    write_cell(table.rows[1].cells[0], action.content, MINCHO, 9.5)
    write_cell(table.rows[1].cells[1], action.schedule_text(), MINCHO, 9.5)
    column_widths(table, WIDTHS_MM)
    min_row_height(table, 6.5)
    centre_vertically(table)
    owner = paragraph(doc, f"担当：{'、'.join(action.departments)}", MINCHO, 9.0)
    owner.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
    owner.paragraph_format.space_before = Pt(2)


def _closing(doc: WordDocument) -> None:
    """The plan's closing section: how progress is checked (prose, no initiative)."""
    heading = paragraph(doc, "■ 計画の進行管理", GOTHIC, 11.0, bold=True)
    heading.paragraph_format.space_before = Pt(14)
    heading.paragraph_format.space_after = Pt(3)
    paragraph(
        doc,
        "\u3000各取組の進み具合は、毎年度、担当課の報告をもとに環境政策課が取りまとめ、ゼロカーボン推進町民会議に"
        "報告します。町域の温室効果ガス排出量は国の統計をもとに推計し、町の広報紙とホームページで公表します。"
        f"計画期間の最終年度である{reiwa(LAST_FY)}には取組全体を評価し、次期計画に反映します。",
        MINCHO,
        10.0,
    )


def build(work: Path) -> tuple[Path, Expected]:
    """Write the document into `work`; return it with the records it prints."""
    doc = docx.Document()
    a4(doc, margin_mm=18.0)
    default_font(doc, MINCHO, 10.0)
    header_text(doc, TITLE, MINCHO)
    page_number_footer(doc, MINCHO)
    paragraph(doc, TITLE, GOTHIC, 16.0, bold=True, align="center")
    period = paragraph(doc, f"（計画期間：{reiwa(FIRST_FY)}～{reiwa(LAST_FY)}）", MINCHO, 10.0, align="center")
    period.paragraph_format.space_after = Pt(8)
    paragraph(
        doc,
        "\u3000本町は、2050年までに温室効果ガスの排出量を実質ゼロにすることを目指し、次の三つの基本方針のもとで"
        "取組を進めます。各取組のスケジュール欄は、計画期間中の実施時期を示しています。",
        MINCHO,
        10.0,
    )
    initiatives: list[Initiative] = []
    page = 1
    for policy in POLICIES:
        if policy.page > page:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            page = policy.page
        heading = paragraph(doc, policy.heading, GOTHIC, 12.0, bold=True)
        heading.paragraph_format.space_before = Pt(12)
        heading.paragraph_format.keep_with_next = True
        _bottom_rule(heading)
        for action in policy.actions:
            _action(doc, action)
            initiatives.append(
                Initiative(
                    action.no,
                    action.title,
                    action.departments,
                    policy.page,
                    hierarchy=(policy.heading,),
                    schedule=steps(1, [phrase.bar for phrase in action.phrases]),
                )
            )
    _closing(doc)
    path = work / f"{STEM}.docx"
    doc.save(str(path))
    return path, Expected(DocumentFacts(MUNICIPALITY, TITLE, FIRST_FY, LAST_FY), tuple(initiatives))
