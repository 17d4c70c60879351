"""Held-out 6: a mayor's 施政方針 speech printed from Word: numbered headings and paragraphs, no plan.

The speech names what the town will do in the coming year — with years (`令和7年度の開設`,
`2026年度までに`), amounts and departments' work — but as running prose under headings
`1　はじめに`, `（1）…`; one small population table is the only table. It prints no initiative:
its records list none, and the table's title is listed among what is not an initiative.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt
from office_pdfs.documents import (
    a4,
    centre_vertically,
    column_widths,
    default_font,
    min_row_height,
    page_number_footer,
    paragraph,
    rule_table,
    write_cell,
)
from office_pdfs.records import DocumentFacts, Expected

STEM = "prose_speech"
PAGES = 3
MUNICIPALITY = "架空島町"
TITLE = "令和6年度 施政方針"
MINCHO, GOTHIC = "IPAexMincho", "IPAexGothic"
TABLE_TITLE = "人口の推移"
POPULATION = (
    ("区分", "2015年", "2020年", "2023年"),
    ("総人口", "8,912人", "8,240人", "7,905人"),
    ("65歳以上の割合", "38.1％", "41.6％", "43.2％"),
)

# (heading level, text): level 0 is a paragraph; the table is printed after the paragraph marked "TABLE".
SPEECH = (
    (1, "１　はじめに"),
    (
        0,
        "令和6年第1回架空島町議会定例会の開会に当たり、令和6年度の町政運営に臨む私の所信と、主要な施策の概要を"
        "申し上げ、議員の皆様並びに町民の皆様のご理解とご協力を賜りたいと存じます。",
    ),
    (
        0,
        "昨年は、新型コロナウイルス感染症が5類感染症に移行し、島に活気が戻ってまいりました。夏の架空島まつりは"
        "4年ぶりに通常どおり開催され、島外からも多くの方にお越しいただきました。5月には本土と島を結ぶ高速船の"
        "新しい船が就航し、欠航の少ない安定した運航が続いております。一方で、物価の高騰は町民の暮らしと"
        "島の事業者に重くのしかかっており、町として引き続き必要な支援を行ってまいります。",
    ),
    (
        0,
        "また、本町の人口は、下の表のとおり減少が続いており、高齢化も進んでおります。人口の減少は避けられない"
        "ものと受け止めつつも、島で暮らし続けたいと願う方が安心して暮らせるよう、できることを一つずつ積み重ねて"
        "まいります。",
    ),
    (0, "TABLE"),
    (1, "２　町政運営の基本姿勢"),
    (
        0,
        "令和6年度は、第6次架空島町総合計画の2年目に当たります。計画に掲げた「海とともに生きる、笑顔あふれる"
        "島」の実現に向け、町民の皆様との対話を大切にしながら、限られた財源を効果的に配分してまいります。"
        "職員には、前例にとらわれず、町民の目線で仕事を見直すよう求めているところであります。",
    ),
    (1, "３　令和6年度予算の概要"),
    (
        0,
        "令和6年度の一般会計当初予算は、総額58億4,000万円、前年度に比べ3.2％の増としました。増額の主な要因は、"
        "定期船の待合所の建替えと、小中学校の給食費の無償化によるものであります。歳入では、町税が前年度並みと"
        "見込まれる中、ふるさと納税の寄附金を前年度より2,000万円多く見込んでおります。財政調整基金からの繰入れは"
        "1億2,000万円にとどめ、将来に備えた財政運営に努めます。",
    ),
    (1, "４　主要な施策"),
    (2, "（１）子育て・教育"),
    (
        0,
        "第1に、子育てと教育であります。令和6年度から、町立小中学校の給食費を無償とします。また、島内に"
        "小児科医が不在となっている状況を踏まえ、本土の医療機関と連携したオンライン診療を試行いたします。"
        "保育所につきましては、老朽化した架空島保育所の改築に向けて基本設計を行い、令和8年度の開所を目指します。",
    ),
    (
        0,
        "島の高校生が本土の高校へ進学する際の負担を軽くするため、通学定期券の購入費の助成を拡充するとともに、"
        "下宿費の一部を支援する制度を新たに設けます。",
    ),
    (2, "（２）産業の振興"),
    (
        0,
        "第2に、島の産業の振興であります。基幹産業である漁業では、担い手の確保が急務となっております。"
        "新たに漁業に就く方に対し、漁船の取得費用の一部を助成するほか、就業前の研修期間の生活費を支援いたします。"
        "あわせて、漁業協同組合と協力し、特産のヒラメとサザエの加工品開発を進め、島外への販路を広げてまいります。",
    ),
    (
        0,
        "観光につきましては、昨年度策定した観光振興ビジョンに基づき、体験型の観光メニューづくりに取り組みます。"
        "港周辺の空き店舗を活用した観光案内所は、令和7年度の開設に向けて準備を進めます。また、2026年度までに"
        "島内の主な観光地に公衆無線LANを整備し、外国人観光客の受入れ環境を整えます。",
    ),
    (2, "（３）健康と福祉"),
    (
        0,
        "第3に、健康と福祉であります。高齢の方が住み慣れた地区で暮らし続けられるよう、地区の集会所で開いている"
        "介護予防の通いの場を、現在の8か所から全12地区に広げます。島内唯一の診療所につきましては、医師の負担を"
        "軽くするため、本土の病院から医師の派遣を受ける日数を週2日から週3日に増やします。",
    ),
    (
        0,
        "健康づくりでは、特定健康診査の受診率が県内でも低い水準にとどまっていることから、未受診の方への個別の"
        "受診勧奨を行うとともに、健診の日程を休日にも設けます。また、障がいのある方が島内で働ける場を増やすため、"
        "就労継続支援事業所の開設を支援いたします。",
    ),
    (2, "（４）防災と暮らしの基盤"),
    (
        0,
        "第4に、防災と暮らしの基盤であります。能登半島地震では、孤立した集落への支援の難しさが改めて浮き彫りに"
        "なりました。本町も離島として、発災時に本土からの支援が届くまでの間を島の力で乗り切らなければなりません。"
        "避難所となる公民館への備蓄物資の配備を進めるとともに、各地区の自主防災組織の訓練を支援いたします。",
    ),
    (
        0,
        "定期船の待合所は、耐震性の不足が判明したことから建て替えることとし、令和6年度に工事に着手いたします。"
        "高齢の方の移動手段を確保するため、予約に応じて運行する乗合タクシーの運行地区を全地区に広げます。",
    ),
    (2, "（５）行財政運営"),
    (
        0,
        "第5に、行財政運営であります。町民の皆様が役場に来なくても手続ができるよう、住民票の写しの交付申請など"
        "申請件数の多い手続から順にオンライン化を進めます。役場の業務につきましても、デジタル技術の活用と業務の"
        "見直しを一体的に進め、職員が町民の皆様と向き合う時間を生み出してまいります。",
    ),
    (
        0,
        "公共施設につきましては、人口規模に見合った施設の在り方を地区の皆様と話し合い、利用の少ない施設の統合を"
        "検討いたします。ふるさと納税につきましては、島の事業者の皆様と返礼品の開発に取り組み、寄附をいただいた"
        "方に島を訪れていただけるよう、宿泊や体験を組み合わせた返礼品を増やしてまいります。",
    ),
    (
        0,
        "職員の確保も大きな課題となっております。島外からの応募を増やすため、職員採用試験を本土の会場でも"
        "実施するほか、職員住宅の改修を進めます。",
    ),
    (1, "５　むすび"),
    (
        0,
        "本年は、町制施行70周年の節目の年でもあります。秋には記念式典を開催し、島の歩みを振り返るとともに、"
        "島を離れて暮らす出身者の皆様にも島に帰ってきていただける機会としたいと考えております。",
    ),
    (
        0,
        "以上、令和6年度の町政運営に臨む所信と主要な施策の概要を申し上げました。島の暮らしを取り巻く環境は厳しさを"
        "増しておりますが、島を愛する町民の皆様の力を結集すれば、必ず道は開けると確信しております。議員の皆様、"
        "町民の皆様の一層のご理解とご協力をお願い申し上げ、施政方針といたします。",
    ),
)


def _population_table(doc: WordDocument) -> None:
    caption = paragraph(doc, f"表　{TABLE_TITLE}", GOTHIC, 9.5, bold=True, align="center")
    caption.paragraph_format.space_before = Pt(4)
    table = doc.add_table(rows=len(POPULATION), cols=4)
    rule_table(table, {e: "single:4" for e in ("top", "left", "bottom", "right", "insideH", "insideV")})
    for r, (table_row, texts) in enumerate(zip(table.rows, POPULATION, strict=True)):
        for n, (cell, text) in enumerate(zip(table_row.cells, texts, strict=True)):
            write_cell(cell, text, MINCHO, 9.5, bold=r == 0, align="left" if n == 0 else "center")
    column_widths(table, (44.0, 30.0, 30.0, 30.0))
    min_row_height(table, 5.5)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER  # as a figure in running text
    centre_vertically(table)
    source = paragraph(doc, "資料：国勢調査（2023年は住民基本台帳）", MINCHO, 8.5, align="center")
    source.paragraph_format.space_after = Pt(6)


def build(work: Path) -> tuple[Path, Expected]:
    """Write the document into `work`; return it with the records it prints: no initiative."""
    doc = docx.Document()
    a4(doc, margin_mm=25.0)
    default_font(doc, MINCHO, 12.0)
    page_number_footer(doc, MINCHO)
    paragraph(doc, TITLE.replace(" ", "\u3000"), GOTHIC, 16.0, bold=True, align="center")
    paragraph(doc, "架空島町長\u3000海野\u3000守", MINCHO, 11.0, align="center").paragraph_format.space_after = Pt(12)
    for level, text in SPEECH:
        if text == "TABLE":
            _population_table(doc)
        elif level == 0:
            p = paragraph(doc, f"\u3000{text}", MINCHO, 12.0)
            p.paragraph_format.line_spacing = 1.5
            p.paragraph_format.space_after = Pt(3)
        else:
            p = paragraph(doc, text, GOTHIC, 13.0 if level == 1 else 12.0, bold=True)
            p.paragraph_format.space_before = Pt(10 if level == 1 else 6)
            p.paragraph_format.space_after = Pt(3)
            p.paragraph_format.keep_with_next = True
    path = work / f"{STEM}.docx"
    doc.save(str(path))
    facts = DocumentFacts(MUNICIPALITY, TITLE, 2024, 2024)
    return path, Expected(facts, (), not_initiatives=(TABLE_TITLE,))
