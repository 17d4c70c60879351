"""The first chapter of an 環境基本計画, printed from Writer: prose, a population table, a SWOT table.

Numbered section headings (`1　計画策定の背景` …) over paragraphs of general text that name years
(`2024年度から2033年度まで`, `令和5年度`, `H30`), a population table by census year (numbers under
year columns, no indicator heading), a SWOT table (強み / 弱み / 機会 / 脅威, bullet lists, no years)
and the list of the plan's chapters. IPA P Mincho body, IPAex Gothic headings. The chapter
publishes no initiative: its records list none, and its two tables as not initiatives.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.shared import Pt
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
from office_pdfs.records import DocumentFacts, Expected

STEM = "keikaku_souron"
PAGES = 2
MUNICIPALITY = "〇〇市"
TITLE = "〇〇市環境基本計画（第3次）"
FIRST_FY, LAST_FY = 2024, 2033
MINCHO, GOTHIC = "IPAPMincho", "IPAexGothic"
FONTS = (MINCHO, GOTHIC)
POPULATION_TITLE = "〇〇市の人口と世帯数の推移"
SWOT_TITLE = "本市の環境を取り巻く状況（SWOT分析）"
POPULATION = (
    ("区分", "平成22年", "平成27年", "令和2年", "令和7年（推計）"),
    ("総人口（人）", "86,412", "84,150", "81,337", "78,600"),
    ("年少人口の割合（%）", "13.2", "12.6", "11.9", "11.2"),
    ("老年人口の割合（%）", "24.8", "28.1", "31.0", "33.5"),
    ("世帯数（世帯）", "32,110", "32,540", "32,870", "32,700"),
)
SWOT = (
    (
        (
            "強み（Strengths）",
            (
                "市域の約6割を占める森林と、清流〇〇川",
                "環境保全活動に取り組む市民団体が多い",
                "市内全域での資源ごみの分別収集",
            ),
        ),
        (
            "弱み（Weaknesses）",
            (
                "移動の多くを自家用車に頼っている",
                "一人当たりのごみ排出量が県平均を上回る",
                "荒廃した人工林と耕作放棄地の増加",
            ),
        ),
    ),
    (
        (
            "機会（Opportunities）",
            ("国の脱炭素化支援策の拡充", "再生可能エネルギー技術の低価格化", "環境に配慮した商品への関心の高まり"),
        ),
        (
            "脅威（Threats）",
            ("気候変動による豪雨災害と猛暑の増加", "人口減少による担い手の不足", "外来生物の分布の拡大"),
        ),
    ),
)
CHAPTERS = ("計画の基本的事項", "目指す環境像", "施策の展開", "計画の推進")
SECTIONS = (
    (
        "1\u3000計画策定の背景",
        (
            "\u3000地球温暖化の進行により、国内でも豪雨や猛暑による被害が毎年のように生じています。国は2050年"
            "までに温室効果ガスの排出を全体としてゼロにする目標を掲げ、地方公共団体にも、地域の特性を生かした"
            "脱炭素の取組が求められています。",
            "\u3000また、生物多様性の損失や海洋プラスチックごみの問題など、環境をめぐる課題は地球規模で複雑に"
            "絡み合っており、環境・経済・社会の課題を同時に解決していく視点がこれまで以上に重要になっています。",
            "\u3000本市では、平成26年に第2次〇〇市環境基本計画を策定し、ごみの減量や森林の保全に取り組んで"
            "きました。令和5年度に同計画の期間が終わることから、これまでの成果と新たな課題を踏まえ、第3次計画を"
            "策定します。",
        ),
    ),
    (
        "2\u3000計画の目的",
        (
            "\u3000本計画は、〇〇市環境基本条例の基本理念を実現するため、環境の保全と創造に関する目標と施策の"
            "方向を定め、市民・事業者・市が同じ方向を向いて行動するための指針とするものです。",
        ),
    ),
    (
        "3\u3000計画の位置付け",
        (
            "\u3000本計画は、条例第9条に基づく計画であり、市の最上位計画である総合計画の環境分野を担う部門別計画"
            "です。地球温暖化対策実行計画（区域施策編）、一般廃棄物処理基本計画などの個別計画は、本計画の"
            "方向に沿って定めます。",
        ),
    ),
    (
        "4\u3000計画の期間",
        (
            f"\u3000本計画の期間は、{FIRST_FY}年度から{LAST_FY}年度までの10年間とします。社会情勢の変化や技術の"
            "進展に対応するため、5年目に当たる2028年度に中間の見直しを行います。",
        ),
    ),
)

ROLES = (
    "\u3000良好な環境を将来の世代に引き継ぐためには、市民・事業者・市がそれぞれの立場で役割を果たし、"
    "互いに協力することが欠かせません。",
    "\u3000市民には、日々の暮らしの中で省エネルギーやごみの減量に努め、地域の環境保全活動に参加することが"
    "期待されます。事業者には、事業活動に伴う環境への負荷を減らし、環境に配慮した製品やサービスを提供する"
    "ことが期待されます。",
    "\u3000市は、自らも一つの事業者として率先して行動するとともに、情報の提供と活動の支援を通じて、市民と"
    "事業者の取組を後押しします。計画の進み具合は毎年度点検し、その結果を年次報告書として公表します。",
)


def _heading(doc: WordDocument, text: str, size: float = 11.5) -> None:
    p = paragraph(doc, text, GOTHIC, size, bold=True)
    p.paragraph_format.space_before = Pt(10)
    p.paragraph_format.space_after = Pt(3)
    p.paragraph_format.keep_with_next = True


def _body(doc: WordDocument, text: str) -> None:
    p = paragraph(doc, text, MINCHO, 10.5)
    p.paragraph_format.line_spacing = 1.3


def _caption(doc: WordDocument, text: str) -> None:
    p = paragraph(doc, f"表\u3000{text}", GOTHIC, 9.5, bold=True, align="center")
    p.paragraph_format.space_before = Pt(6)
    p.paragraph_format.space_after = Pt(2)
    p.paragraph_format.keep_with_next = True


def _population(doc: WordDocument) -> None:
    _caption(doc, POPULATION_TITLE)
    table = doc.add_table(rows=len(POPULATION), cols=len(POPULATION[0]))
    edges = {"top": "single:12", "bottom": "single:12", "left": None, "right": None}
    rule_table(table, {**edges, "insideH": "single:4", "insideV": "single:4"})
    for n, (table_row, texts) in enumerate(zip(table.rows, POPULATION, strict=True)):
        for col, (cell, text) in enumerate(zip(table_row.cells, texts, strict=True)):
            write_cell(cell, text, GOTHIC if n == 0 else MINCHO, 9.5, align="left" if col == 0 else "center")
            if n == 0:
                shade(cell, "F2F2F2")
    column_widths(table, (50.0, 28.0, 28.0, 28.0, 34.0))
    min_row_height(table, 6.0)
    centre_vertically(table)
    paragraph(doc, "資料：国勢調査（令和7年は本市の推計）", MINCHO, 8.5).paragraph_format.space_after = Pt(4)


def _swot(doc: WordDocument) -> None:
    _caption(doc, SWOT_TITLE)
    table = doc.add_table(rows=4, cols=2)
    rule_table(table, {e: "single:6" for e in ("top", "left", "bottom", "right", "insideH", "insideV")})
    fills = (("DEEAF6", "FBE4D5"), ("E2EFD9", "FFF2CC"))
    for pair, colours, (label_row, text_row) in zip(SWOT, fills, ((0, 1), (2, 3)), strict=True):
        for col, ((label, bullets), fill) in enumerate(zip(pair, colours, strict=True)):
            write_cell(table.rows[label_row].cells[col], label, GOTHIC, 9.5, bold=True, align="center")
            shade(table.rows[label_row].cells[col], fill)
            write_cell(table.rows[text_row].cells[col], "\n".join(f"・{b}" for b in bullets), MINCHO, 9.5)
    column_widths(table, (85.0, 85.0))
    min_row_height(table, 6.0)


def build(work: Path) -> tuple[Path, Expected]:
    """Write the document into `work`; return it with its records (no initiative)."""
    doc = docx.Document()
    a4(doc, margin_mm=20.0)
    default_font(doc, MINCHO, 10.5)
    header_text(doc, TITLE, MINCHO)
    page_number_footer(doc, MINCHO)
    paragraph(doc, "第1章\u3000計画の基本的事項", GOTHIC, 15.0, bold=True).paragraph_format.space_after = Pt(6)
    for heading, paragraphs in SECTIONS:
        _heading(doc, heading)
        for text in paragraphs:
            _body(doc, text)
    _heading(doc, "5\u3000本市の概況")
    _body(
        doc,
        "\u3000本市の人口は平成12年の約8万9千人をピークに減り続け、令和2年の国勢調査では81,337人となりました。"
        "一方、世帯数は増えており、単身世帯と高齢者のみの世帯が増えています。",
    )
    _population(doc)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _heading(doc, "6\u3000本市の環境を取り巻く状況")
    _body(
        doc,
        "\u3000市民アンケート（H30・R5に実施）と関係団体への聞き取りをもとに、本市の環境の強みと弱み、"
        "外部からの機会と脅威を次のように整理しました。",
    )
    _swot(doc)
    _heading(doc, "7\u3000各主体の役割")
    for text in ROLES:
        _body(doc, text)
    _heading(doc, "8\u3000計画の構成")
    _body(doc, "\u3000本計画は、次の4章で構成します。")
    for n, chapter in enumerate(CHAPTERS, start=1):
        paragraph(doc, f"\u3000\u3000第{n}章\u3000{chapter}", MINCHO, 10.5)
    path = work / f"{STEM}.docx"
    doc.save(str(path))
    facts = DocumentFacts(MUNICIPALITY, TITLE, FIRST_FY, LAST_FY)
    return path, Expected(facts, (), not_initiatives=(POPULATION_TITLE, SWOT_TITLE))
