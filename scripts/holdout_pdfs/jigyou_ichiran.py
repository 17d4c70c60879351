"""Held-out 4: a 事業一覧 of a 実施計画 printed from Calc over two pages, the header row repeated on each.

`No. | 事業名 | 担当課 | 事業概要 | 計画期間`, one row per 事業, numbered through the list, under
`政策n` rows merged across the table; the page breaks inside a 政策, so the rows at the top of
page 2 belong to a heading printed on page 1. Joint departments print as `企画政策課・財政課`,
`障がい福祉課、商工振興課` or on two lines. The 計画期間 column prints a period (`R6～R8`,
`令和6年度`, `2025年度～2026年度`, `継続`), not a year grid: the records hold no schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from office_pdfs.records import DocumentFacts, Expected, Initiative
from office_pdfs.sheets import LANDSCAPE_BODY_H, Look, break_after, landscape_page, outline, put, set_height, set_widths
from office_pdfs.text_fit import height_needed

STEM = "jigyou_ichiran"
PAGES = 2
MUNICIPALITY = "架空川市"
PLAN = "架空川市総合計画 第2期実施計画"
FONT = "IPAexGothic"
WIDTHS = (34.0, 188.0, 118.0, 332.0, 98.0)
SIZE = 9.0
HEADER_ROW = 3


@dataclass(frozen=True)
class Project:
    """One 事業 row: its departments and how the cell joins them."""

    no: str
    title: str
    departments: tuple[str, ...]
    outline: str
    period: str
    joiner: str = "・"

    def departments_cell(self) -> str:
        """The 担当課 cell as printed."""
        return self.joiner.join(self.departments)


POLICIES = (
    (
        "政策1　安全・安心に暮らせるまち",
        (
            Project(
                "1",
                "防災行政無線のデジタル化",
                ("危機管理課",),
                "防災行政無線をデジタル方式に更新し、希望世帯に戸別受信機を配布する。",
                "R6～R8",
            ),
            Project(
                "2",
                "自主防災組織の育成支援",
                ("危機管理課",),
                "自主防災組織が行う資機材の購入と訓練の費用を補助する。",
                "継続",
            ),
            Project(
                "3",
                "木造住宅耐震化促進事業",
                ("建築指導課",),
                "昭和56年5月以前に建築された木造住宅の耐震診断・改修費を補助する。",
                "継続",
            ),
            Project(
                "4",
                "通学路の安全対策",
                ("道路課", "学校教育課"),
                "通学路合同点検の結果に基づき、歩道整備と防護柵の設置を行う。",
                "R6～R7",
            ),
            Project(
                "5",
                "空き家等対策の推進",
                ("住宅政策課",),
                "管理が不十分な空き家の所有者に助言・指導を行い、老朽危険空き家の除却費用の一部を補助する。",
                "継続",
            ),
        ),
    ),
    (
        "政策2　健やかに暮らせる福祉のまち",
        (
            Project(
                "6",
                "地域包括ケアシステムの推進",
                ("高齢福祉課", "健康推進課"),
                "医療・介護の関係機関が利用者の情報を共有する仕組みをつくる。",
                "R6～R8",
            ),
            Project(
                "7",
                "こども家庭センターの設置",
                ("こども家庭課",),
                "母子保健と児童福祉の相談窓口を一体化し、妊娠期から子育て期まで切れ目なく支援する拠点を設ける。",
                "令和6年度",
            ),
            Project(
                "8",
                "フレイル予防事業",
                ("健康推進課",),
                "高齢者の通いの場で体力測定を行い、栄養と口腔機能の指導を行う。",
                "継続",
            ),
            Project(
                "9",
                "障がい者の就労支援",
                ("障がい福祉課", "商工振興課"),
                "障がい者を雇用する事業所に助成し、職場実習の受入れ先を増やす。",
                "R6～R8",
                joiner="、",
            ),
            Project(
                "10",
                "休日夜間急患センターの運営",
                ("健康推進課",),
                "医師会・薬剤師会と連携し、休日と夜間の初期救急医療体制を確保する。",
                "継続",
            ),
        ),
    ),
    (
        "政策3　学び、育ち、挑戦できるまち",
        (
            Project(
                "11",
                "GIGAスクール端末の更新",
                ("学校教育課",),
                "児童生徒1人1台の学習用端末を更新し、デジタル教科書・教材を充実する。",
                "R7～R8",
            ),
            Project(
                "12",
                "学校給食費の負担軽減",
                ("学校給食課",),
                "食材価格の高騰による値上がり分を市が負担し、保護者負担を据え置く。",
                "R6",
            ),
            Project(
                "13",
                "放課後児童クラブの定員拡大",
                ("こども家庭課", "教育総務課"),
                "待機児童が生じている小学校区で、余裕教室を活用してクラブ室を増設する。",
                "R6～R7",
                joiner="\n",
            ),
            Project(
                "14",
                "中央図書館の改修",
                ("生涯学習課",),
                "中央図書館の空調設備と照明を更新し、中高生が利用できる学習室を拡充する。",
                "2025年度～2026年度",
            ),
            Project(
                "15",
                "スポーツ施設の長寿命化",
                ("スポーツ振興課",),
                "市民体育館と市営プールについて、個別施設計画に基づき計画的な修繕を行う。",
                "R6～R8",
            ),
        ),
    ),
    (
        "政策4　活力とにぎわいのあるまち",
        (
            Project(
                "16",
                "中心市街地のにぎわい創出",
                ("商工振興課", "都市計画課"),
                "駅前の空き店舗の活用とイベントの開催を支援し、まちなかの回遊性を高める。",
                "R6～R8",
            ),
            Project(
                "17",
                "企業立地の促進",
                ("企業誘致課",),
                "新たな工業団地の区画を造成し、立地した企業に奨励金を交付する。",
                "継続",
            ),
            Project(
                "18",
                "農産物のブランド化",
                ("農政課",),
                "特産の梨とトマトの認証制度を設け、首都圏の百貨店・飲食店への販路を開拓する。",
                "R6～R8",
            ),
            Project(
                "19",
                "観光案内所の機能強化",
                ("観光課",),
                "駅前観光案内所に多言語の案内表示とレンタサイクルを導入する。",
                "R6",
            ),
            Project(
                "20",
                "地域公共交通の再編",
                ("企画政策課", "交通政策課"),
                "コミュニティバスの路線とダイヤを見直し、郊外部にAIデマンド交通を導入する。",
                "R6～R8",
            ),
        ),
    ),
    (
        "政策5　持続可能な行財政運営",
        (
            Project(
                "21",
                "公共施設マネジメントの推進",
                ("企画政策課", "財政課"),
                "公共施設の集約化・複合化を進め、施設の維持管理経費を縮減する。",
                "継続",
            ),
            Project(
                "22",
                "ふるさと納税の推進",
                ("企画政策課",),
                "地場産品を中心に返礼品を拡充し、受付ポータルサイトを追加する。",
                "継続",
            ),
            Project(
                "23",
                "行政手続のオンライン化",
                ("情報政策課", "市民課"),
                "申請件数の多い手続から順にオンライン化し、来庁しなくてよい手続を増やす。",
                "R6～R8",
            ),
            Project(
                "24",
                "職員の働き方改革",
                ("人事課",),
                "時差出勤とテレワークを全庁に広げ、時間外勤務を縮減する。",
                "R6～R7",
            ),
            Project(
                "25",
                "公金収納のキャッシュレス化",
                ("会計課", "収納課"),
                "市税・使用料の納付と窓口手数料の支払いにスマートフォン決済を導入する。",
                "2024年度～",
            ),
        ),
    ),
)

TITLE = Look(FONT, 14.0, bold=True, border=None, wrap=False)
NOTE = Look(FONT, 9.0, border=None, wrap=False)
HEAD = Look(FONT, 9.5, bold=True, fill="FFE699", horizontal="center")
POLICY = Look(FONT, 10.0, bold=True, fill="FFF2CC")
BODY = Look(FONT, SIZE)
CENTRE = Look(FONT, SIZE, horizontal="center")
POLICY_H, HEADER_H, TITLE_H, NOTE_H, MIN_ROW_H = 17.0, 20.0, 24.0, 15.0, 17.0
LEADING = 1.4


def _row_height(project: Project) -> float:
    texts = ((project.title, WIDTHS[1]), (project.departments_cell(), WIDTHS[2]), (project.outline, WIDTHS[3]))
    # Calc leaves more space between wrapped lines than the estimate's default leading.
    return max(MIN_ROW_H, *(height_needed(text, width, SIZE, leading=LEADING) for text, width in texts))


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "事業一覧"
    set_widths(ws, WIDTHS)
    landscape_page(ws, header=PLAN, footer_page_number=True, font=FONT)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    last = len(WIDTHS)
    put(ws, 1, 1, f"{PLAN}　事業一覧", TITLE, span=(1, last))
    set_height(ws, 1, TITLE_H)
    put(ws, 2, 1, "計画期間：令和6年度～令和8年度", NOTE, span=(1, 3))
    set_height(ws, 2, NOTE_H)
    for col, text in enumerate(("No.", "事業名", "担当課", "事業概要", "計画期間"), start=1):
        put(ws, HEADER_ROW, col, text, HEAD)
    set_height(ws, HEADER_ROW, HEADER_H)
    row, page, used = HEADER_ROW + 1, 1, TITLE_H + NOTE_H + HEADER_H
    initiatives: list[Initiative] = []
    for heading, projects in POLICIES:
        put(ws, row, 1, heading, POLICY, span=(1, last))
        set_height(ws, row, POLICY_H)
        used += POLICY_H
        row += 1
        for project in projects:
            height = _row_height(project)
            if used + height > LANDSCAPE_BODY_H:
                break_after(ws, row - 1)
                page, used = page + 1, HEADER_H
            put(ws, row, 1, project.no, CENTRE)
            put(ws, row, 2, project.title, BODY)
            put(ws, row, 3, project.departments_cell(), BODY)
            put(ws, row, 4, project.outline, BODY)
            put(ws, row, 5, project.period, CENTRE)
            set_height(ws, row, height)
            used += height
            initiatives.append(Initiative(project.no, project.title, project.departments, page, hierarchy=(heading,)))
            row += 1
    outline(ws, HEADER_ROW, row - 1, 1, last, "medium")
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    facts = DocumentFacts(MUNICIPALITY, PLAN, 2024, 2026)
    return path, Expected(facts, tuple(initiatives))
