"""Held-out 2: a 行政改革 実施計画 printed from Word, one boxed card per 取組 and a year table under it.

Under each 改革の柱 heading, a card is a run of paragraphs framed by one box: `【No.n】 取組事項：…`,
`所管課：…`, `現状と課題：…`, `取組内容：…`. Below it a small table `年度 | 令和5年度 | 令和6年度 |
令和7年度` with a `計画` row of one text per year (`→` where the year before carries on), on some
cards a `実績` row (the plan was revised after its first year) or a `効果額（千円）` row of yearly
amounts; below the table some cards print one indicator line, `効果額（千円）：目標 … ／実績 …`
or `指標：… 現状 …（令和4年度）→ 目標 …（令和7年度）`.
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
    header_text,
    min_row_height,
    page_number_footer,
    paragraph,
    rule_table,
    set_font,
    shade,
    write_cell,
)
from office_pdfs.records import DocumentFacts, Expected, Indicator, Initiative, Step, Value, printed_number

STEM = "jisshi_keikaku"
PAGES = 3
MUNICIPALITY = "架空区"
PLAN = "架空区行政改革実施計画"
YEARS = (2023, 2024, 2025)
YEAR_HEADINGS = ("令和5年度", "令和6年度", "令和7年度")
CONTINUES = "→"
MINCHO, GOTHIC = "IPAexMincho", "IPAexGothic"
TABLE_WIDTHS = (30.0, 45.0, 45.0, 45.0)


@dataclass(frozen=True)
class Effect:
    """An indicator line under the table: its name, unit and (kind, fiscal year, printed value) entries."""

    name: str
    unit: str | None
    entries: tuple[tuple[str, int, str], ...]
    line: str  # the line as printed


@dataclass(frozen=True)
class Card:
    """One 取組: the card's texts, the year table's rows (label → one text per year) and an indicator line."""

    no: str
    title: str
    departments: tuple[str, ...]
    issue: str
    action: tuple[str, ...]  # one sentence on the label's line, or bullets below it
    plan: tuple[str, str, str]
    actual: tuple[str, str, str] | None = None
    yearly_effect: tuple[str, str, str] | None = None  # the 効果額（千円） row, amounts per year
    effect: Effect | None = None
    page_break_before: bool = False


def _money_line(target: str, actual: str) -> Effect:
    return Effect(
        "効果額（千円）",
        "千円",
        (("final_target", 2025, target), ("actual", 2023, actual)),
        f"効果額（千円）：目標 {target}（令和7年度）／実績 {actual}（令和5年度）",
    )


def _indicator_line(name: str, unit: str, current: str, target: str) -> Effect:
    return Effect(
        name,
        unit,
        (("baseline", 2022, current), ("final_target", 2025, target)),
        f"指標：{name}\u3000現状 {current}（令和4年度）→ 目標 {target}（令和7年度）",
    )


PILLARS = (
    (
        "改革の柱１　効率的で質の高い区民サービスの提供",
        (
            Card(
                "1",
                "窓口業務の民間委託",
                ("区民課",),
                "証明書の発行や届出の受付など定型的な窓口業務に多くの職員が従事しており、転入・転出が集中する"
                "3月・4月には待ち時間が1時間を超える日がある。",
                (
                    "証明書発行、住民異動届の受付・入力等の定型業務を民間事業者に委託する。",
                    "委託により生じた職員の時間を、福祉・子育て等の相談業務に重点的に配置する。",
                ),
                ("委託範囲の検討", "事業者選定・委託開始", CONTINUES),
                actual=("委託範囲を決定", "", ""),
            ),
            Card(
                "2",
                "電子申請の拡大",
                ("情報政策課",),
                "区の手続のうちオンラインで申請できるものは約2割にとどまり、平日の日中に来庁しなければならない"
                "手続が多い。",
                ("申請件数の多い手続から順に電子申請の対象とし、手数料のキャッシュレス決済にも対応する。",),
                ("対象手続の選定", "順次拡大", CONTINUES),
                effect=_indicator_line("電子申請件数", "件", "1,240件", "3,000件"),
            ),
            Card(
                "3",
                "ペーパーレス会議の推進",
                ("総務課", "情報政策課"),
                "庁内会議の資料は紙で配布しており、印刷・配布の手間と用紙代がかかっている。",
                (
                    "タブレット端末を導入し、部長会をはじめとする庁内会議の資料を電子化する。",
                    "区議会と調整し、委員会資料の電子化を進める。",
                ),
                ("端末導入・試行", "本格実施", "対象会議の拡大"),
                actual=("部長会で試行", "", ""),
                effect=_money_line("1,200", "980"),
            ),
            Card(
                "4",
                "区民サービスコーナーの再編",
                ("区民課",),
                "区内5か所のサービスコーナーの利用者は、コンビニ交付の普及により減少が続いている。",
                ("利用状況を分析し、開設時間の見直しや統合を含めた再編案を策定する。",),
                ("利用状況の分析", "再編案の策定", "再編の実施"),
                page_break_before=True,
            ),
        ),
    ),
    (
        "改革の柱２　持続可能な財政運営",
        (
            Card(
                "5",
                "使用料・手数料の見直し",
                ("財政課",),
                "施設使用料の多くは平成20年度から改定しておらず、維持管理経費との乖離が大きい。",
                (
                    "施設ごとに維持管理経費から原価を算定し、受益者負担の原則に基づき使用料を見直す。",
                    "見直しに併せ、減免基準を区民にわかりやすく整理する。",
                ),
                ("原価算定・見直し方針の策定", "条例改正・周知", "新料金の適用"),
                yearly_effect=("－", "－", "15,000"),
            ),
            Card(
                "6",
                "公共施設の統廃合",
                ("資産経営課", "施設課"),
                "築40年を超える施設が全体の半数を占め、今後30年間の更新費用は現在の投資的経費の約1.6倍と見込まれる。",
                ("個別施設計画を改定し、利用の少ない施設の統合や複合化について地域と協議する。",),
                ("個別施設計画の改定", "地元説明・合意形成", CONTINUES),
            ),
            Card(
                "7",
                "区税の収納率向上",
                ("税務課",),
                "現年度分の収納率は高い水準にあるが、滞納繰越分の収納率が伸び悩んでいる。",
                (
                    "スマートフォン決済、口座振替の勧奨など納付手段を拡大する。",
                    "滞納初期の催告を早め、滞納繰越額を減らす。",
                ),
                ("納付手段の拡大", CONTINUES, CONTINUES),
                effect=_indicator_line("区税収納率", "%", "98.2％", "98.8％"),
                page_break_before=True,
            ),
            Card(
                "8",
                "補助金の見直し",
                ("財政課",),
                "交付開始から長期間が経過し、当初の目的を達成した補助金や、効果の検証がされていない補助金がある。",
                ("すべての補助金を点検し、見直し方針に基づいて廃止・縮小・統合を進める。",),
                ("全補助金の点検", "見直し方針に基づく整理", "効果の検証"),
                effect=_money_line("8,000", "2,150"),
            ),
        ),
    ),
    (
        "改革の柱３　区民との協働と職員力の向上",
        (
            Card(
                "9",
                "職員提案制度の活性化",
                ("人事課",),
                "職員提案の件数は年間10件程度で推移しており、提案の実現状況も職員に伝わっていない。",
                ("提案の募集をテーマ型に改め、採用された提案の実施状況を庁内ポータルで公開する。",),
                ("制度の見直し", "新制度による募集", CONTINUES),
            ),
        ),
    ),
)


def _box(p: Paragraph) -> None:
    """Frame a paragraph; consecutive framed paragraphs print as one box."""
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "8"), ("space", "3"), ("color", "000000")):
            element.set(qn(f"w:{key}"), value)
        borders.append(element)
    p._p.get_or_add_pPr().append(borders)
    p.paragraph_format.keep_with_next = True


def _labelled(doc: WordDocument, label: str, text: str, bold: bool = False) -> Paragraph:
    p = doc.add_paragraph()
    set_font(p.add_run(f"{label}："), GOTHIC, 10.0, bold=True)
    set_font(p.add_run(text), GOTHIC if bold else MINCHO, 10.0, bold=bold)
    p.paragraph_format.left_indent = Pt(4)
    p.paragraph_format.right_indent = Pt(4)
    _box(p)
    return p


def _bullet(doc: WordDocument, text: str) -> None:
    p = doc.add_paragraph()
    set_font(p.add_run(f"・{text}"), MINCHO, 10.0)
    p.paragraph_format.left_indent = Pt(14)
    p.paragraph_format.first_line_indent = Pt(-10)
    p.paragraph_format.right_indent = Pt(4)
    _box(p)


def _card(doc: WordDocument, card: Card) -> None:
    head = doc.add_paragraph()
    set_font(head.add_run(f"【No.{card.no}】\u3000"), GOTHIC, 11.0, bold=True)
    set_font(head.add_run("取組事項："), GOTHIC, 11.0, bold=True)
    set_font(head.add_run(card.title), GOTHIC, 11.0, bold=True)
    head.paragraph_format.left_indent = Pt(4)
    head.paragraph_format.right_indent = Pt(4)
    _box(head)
    _labelled(doc, "所管課", "・".join(card.departments))
    _labelled(doc, "現状と課題", card.issue)
    if len(card.action) == 1:
        _labelled(doc, "取組内容", card.action[0])
    else:
        _labelled(doc, "取組内容", "")
        for bullet in card.action:
            _bullet(doc, bullet)
    doc.add_paragraph().paragraph_format.keep_with_next = True
    rows: list[tuple[str, tuple[str, str, str]]] = [("年度", YEAR_HEADINGS), ("計画", card.plan)]
    if card.actual:
        rows.append(("実績", card.actual))
    if card.yearly_effect:
        rows.append(("効果額（千円）", card.yearly_effect))
    table = doc.add_table(rows=len(rows), cols=4)
    rule_table(table, {e: "single:4" for e in ("top", "left", "bottom", "right", "insideH", "insideV")})
    for table_row, (label, texts) in zip(table.rows, rows, strict=True):
        header = label == "年度"
        write_cell(table_row.cells[0], label, GOTHIC, 9.0, bold=header, align="center")
        shade(table_row.cells[0], "E7E6E6")
        for cell, text in zip(table_row.cells[1:], texts, strict=True):
            write_cell(cell, text, GOTHIC, 9.0, bold=header, align="center")
            if header:
                shade(cell, "E7E6E6")
        cant_split = OxmlElement("w:cantSplit")
        table_row._tr.get_or_add_trPr().append(cant_split)
    column_widths(table, TABLE_WIDTHS)
    min_row_height(table, 7.0)
    centre_vertically(table)
    if card.effect:
        line = paragraph(doc, card.effect.line, GOTHIC, 9.5)
        line.paragraph_format.space_before = Pt(3)
        line.paragraph_format.left_indent = Pt(4)


def _steps(card: Card) -> tuple[Step, ...]:
    out: list[Step] = []
    for row, texts in enumerate((card.plan, card.actual or ("", "", "")), start=1):
        current = ""
        for year, text in zip(YEARS, texts, strict=True):
            if text == CONTINUES:
                out.append(Step(row, year, current, True))
            elif text:
                current = text
                out.append(Step(row, year, text, False))
    return tuple(out)


def _indicators(card: Card) -> tuple[Indicator, ...]:
    out = []
    if card.yearly_effect:
        values = tuple(
            Value("target", year, text, printed_number(text))
            for year, text in zip(YEARS, card.yearly_effect, strict=True)
        )
        out.append(Indicator("効果額（千円）", "千円", values))
    if card.effect:
        values = tuple(Value(kind, year, text, printed_number(text)) for kind, year, text in card.effect.entries)
        out.append(Indicator(card.effect.name, card.effect.unit, values))
    return tuple(out)


def build(work: Path) -> tuple[Path, Expected]:
    """Write the document into `work`; return it with the records it prints."""
    doc = docx.Document()
    a4(doc, margin_mm=20.0)
    default_font(doc, MINCHO, 10.5)
    header_text(doc, f"{PLAN}（令和6年3月改定）", MINCHO)
    page_number_footer(doc, MINCHO)
    paragraph(doc, "第３章　取組事項別実施計画", GOTHIC, 14.0, bold=True)
    intro = paragraph(
        doc,
        "　本章では、行政改革大綱に掲げた改革の柱ごとに、令和5年度から令和7年度までの3年間に取り組む事項と"
        "その年度別計画を示します。令和5年度の取組状況を踏まえ、令和6年3月に改定しました。",
        MINCHO,
        10.5,
    )
    intro.paragraph_format.space_after = Pt(6)
    initiatives: list[Initiative] = []
    page = 1
    for pillar, cards in PILLARS:
        heading_pending = True
        for card in cards:
            if card.page_break_before:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                page += 1
            if heading_pending:
                p = paragraph(doc, pillar, GOTHIC, 12.0, bold=True)
                p.paragraph_format.space_before = Pt(14)
                p.paragraph_format.space_after = Pt(4)
                p.paragraph_format.keep_with_next = True
                heading_pending = False
            else:
                doc.add_paragraph().paragraph_format.space_after = Pt(6)
            _card(doc, card)
            initiatives.append(
                Initiative(
                    item_no=card.no,
                    title=card.title,
                    departments=card.departments,
                    page=page,
                    hierarchy=(pillar,),
                    schedule=_steps(card),
                    indicators=_indicators(card),
                )
            )
    path = work / f"{STEM}.docx"
    doc.save(str(path))
    facts = DocumentFacts(MUNICIPALITY, PLAN, YEARS[0], YEARS[-1])
    return path, Expected(facts, tuple(initiatives))
