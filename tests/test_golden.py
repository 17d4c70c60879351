"""Golden cards of all five documents, each checked by hand against its dump."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.serialize import to_plain
from tests.conftest import DX_2023, FUKUYAMA_2023, IIZUKA_2023, PLAN_2021, PROGRESS_2017, normalized
from tests.golden_io import REGEN_FLAG, card_record, check_golden, regenerating

# card path → the variant it pins down (docs/layouts.md §1 line numbers)
PLAN_2021_CARDS = {
    "1": "departments space-separated (375); `※` final target (384); 4 arrow rows",
    "2": "card number in col 1 (385); footnote mark in title; a row without arrows (389)",
    "3": "parent card with no description, grid or indicator (396)",
    "3/1": "sub-item 【市税】; as-of `(R3.1月末時点)` (403); name with typo kept",
    "4": "HTML table card, printed three times (420-426)",
    "13": "two indicator headers before two value rows (508-511)",
    "15": "spaced `A I` in title and grid; different text later (529); `-` values; `（％）` unit",
    "16": "activity starting in 4年度 (541); first value in col 0 then empty (544); `現在` as-of",
    "19": "`未実施` (584); 中間値/最終値 headers (583)",
    "24": "`未確定` (690)",
    "25": "`現状以上` relative targets (698)",
    "30/1": "department after two empty cells (753); parent 30 prints none",
    "32": "values with counts `59.6 （90校区）` (836)",
    "33/2": "sub-headings inside the grid (853, 855); activity starting in 5年度 (856)",
    "33/3": "row that opens with an arrow, continuing the row above (861)",
    "34/3": "two departments space-separated (897); row shifted left (901)",
    "43": "header missing 最終目標, three values (987-988)",
    "59": "HTML table with colspan/rowspan (1150)",
    "71": "merged target cell `※令和7年度までに20%以上…` (1283)",
    "72": "three indicators, 元年度 baselines, wrapped names (1293-1298)",
    "74": "wrap spaces inside cells (1351-1353); values from col 0 with a gap (1356)",
}

DX_2023_CARDS = {
    "1-1": "group card printed with `I` for 1 (200); group header repeated after page breaks",
    "1-1/1": "`指標なし (今後調査)`, `調査後設定 ※`, `同左` (215)",
    "1-1/2": "header missing 最終目標, values from col 0: `- ¦ 80 ¦ ¦ ¦ 80` (221-222)",
    "1-1/3": "as-of without <small> `5,739 (R4.12月末時点)` (234); department in col 7",
    "1-1/6": "`※改修後の利用率調査後に設定`, `同左` (260)",
    "1-2/1": "schedule cell that is a bullet list `・発行開始(R6.1月) ・周知、広報の実施` (302)",
    "1-5": "group card; stray QR caption after it (409) kept out",
    "1-8": "`-` as a year cell then text (451); `R5年度以降設定※` + `同左` (454)",
    "1-9": "group without a card of its own",
    "1-9/3": "packed `上段: … 下段: …` indicator with `a (b)` values, final target lost (479)",
    "1-9/6": "values printed inside the header cells (501)",
    "1-11/3": "`対面30 オンライン30` (545): text, not guessed",
    "1-18/1": "再掲 (632)",
    "2-2": "再掲 group card (665)",
    "2-7": "`(未定)` cells (817); no indicator",
    "3-1/1": "`→ (事業継続を検討中)` (841)",
    "3-2/3": "row starting in 6年度 (923)",
    "4-1": "card before its chapter's page header (1067): chapter from the table of contents",
    "4-2/2": "range `15~80` (1109)",
    "4-13/6": "per-year quantities without a label (1332)",
    "4-17/2": "three indicators (1476-1481)",
    "4-17/3": "`→` as a baseline value (1492)",
    "5-3": "row shifted left (1580); no indicator",
    "5-6": "`ほぼ全市民 → →` (1621); rows without arrows (1617-1618)",
}


# card path → the variant it pins down (docs/layouts.md §2 line numbers)
PROGRESS_CARDS = {
    "1": "heading 154, bullets 158-159, table 161-163: `%` values, H28 baseline, R2 actual and target",
    "2": "table 172-174: `24 件 (H27)` own year; cumulative `H29～R2累計` / `H29～R2 累計` notes",
    "3": "table 183-185: `69.0%`; an actual above its target (185)",
}

# card path → the variant it pins down (docs/layouts.md §4 line numbers)
IIZUKA_CARDS = {
    "vision": "成果指標 327-332: 基準値 with the survey year from the name, `同調査` rows, `上昇` from 令和6(2024)年度",
    "1": "standard card; 計画 on the 3年後 row (645), 実績/評価 on target/report rows (650, 654); R6 empty (648)",
    "4": "row without a label (727); `(運用コスト)` (730); `…他` related departments (719)",
    "5": "text fields printed one row too high (747-749); prose 関係部署; 備考 beside a target (757); `—`",
    "10": "target labels in column 0 without values (901-903); `及び` departments (892)",
    "31": "three target labels merged in one cell (1483, also 1485); schedule 備考 (1478-1480)",
    "38": "column-0 target rows with values (1672, 1674) and with only a 備考 (1673)",
    "42": "5-column card, no 備考 (1782); repeated row labels (1783-1784); empty 関係部署 (1777)",
    "44": "`<項目番号>` before the header (1827/1829); 3年後 in column 0 (1838); 1846 read unshifted",
    "49": "schedule 備考 (1983) and a row printing only its 備考 (1984); `未定`",
    "55": "`50` in the 備考 column (2161); schedule rows without cells (2158-2159)",
    "59": "`△2,240時間 (…)` formula values and a long 備考 (2276); 一覧 title `オートレス`",
    "67": "5-column card `令和N年度` (2492): 備考 text in the 令和8年度 cell (2498)",
    "68": "same title as 67 (2507), 備考 beside both numeric targets (2521-2522)",
    "74": "`－` (U+FF0D) cells (2690-2694), collapsed 実績 block (2696), garbled labels (2697-2699)",
    "76": "2746 read shifted (R7, R8); collapsed 実績 block with garbled labels (2748-2750)",
    "83": "`*` targets pointing at `(*)` in the 3年後 text (2931, 2938)",
    "85": "card without a 一覧 row (2982)",
    "86": "card without a row; displaced 備考 below 実績報告 (3024); department with a space (3012)",
    "91": "last card, ends on the unterminated line 3169; title shared with 75/78/82",
}

# card path → the variant it pins down (docs/layouts.md §5 line numbers)
FUKUYAMA_CARDS = {
    "1-1": "施策 card: ロードマップ row with its label (307), 到達イメージ (<ul>, 307)",
    "1-2": "施策 card: unlabelled second row (309); ● milestone right of the years (308)",
    "1-3": "施策 card: row printed one column left, 施策 in col 0 (310)",
    "2-2": "施策 labelled twice (312, 314); ● milestones in year cells (313)",
    "3-3": "rows shifted left (318-320); ● milestone outside the years (318)",
    "1-1-1": "denominators `150手続／800手続` (475); year header with 3 years, one column right (474); ほか",
    "1-1-2": "target that stops early (485); departments separated by `、`",
    "1-1-7": "values right after a col-0 label (548)",
    "1-1-8": "title differs from the 概要 (`活用`/`導入`, 550/424); `-` target",
    "1-2-1": "two named indicators ①② (593); label in col 1 (595); shifted ② rows (597-598)",
    "1-2-2": "`終了` target, text actual `…(24%)` (607-608)",
    "1-3-5": "スケジュール block printed column-wise (691-693)",
    "2-1-2": "①② with `※2020年度実績` baseline (737); label in col 2 (739); `70%（残る30%…）`",
    "2-1-5": "unnamed, year header on the 指標とスケジュール row (777); label in col 2 (778); `100台/887台（…）`",
    "2-1-7": "`指標とスケジュール` printed twice (799); `24時間/年`",
    "3-1-2": "unnamed ①② (884); shifted ② rows (887-888); `／` denominators (885)",
    "3-1-3": "`2025年度末までに100%` in the 2021 column (901); `福山中・高等学校` (898)",
    "3-1-5": "スケジュール block with 目標 in col 2 and 実績 in col 1 (923-925)",
    "3-3-1": "card without an indicator block (943)",
    "3-3-2": "title longer than the 概要's (953); indicator note cell (958); `17件/31件※` (960)",
}

GOLDEN_CARDS = {
    PLAN_2021: PLAN_2021_CARDS,
    PROGRESS_2017: PROGRESS_CARDS,
    DX_2023: DX_2023_CARDS,
    IIZUKA_2023: IIZUKA_CARDS,
    FUKUYAMA_2023: FUKUYAMA_CARDS,
}
CASES = [(document, path) for document, cards in GOLDEN_CARDS.items() for path in sorted(cards)]


@pytest.mark.parametrize(
    ("document", "card_path"), CASES, ids=[f"{document.stem.split('_')[0]}-{path}" for document, path in CASES]
)
def test_golden_card(document: Path, card_path: str) -> None:
    _, rows = normalized(document)
    doc = rows.documents[0].document_id
    check_golden(doc, card_path, card_record(rows, f"{doc}:{card_path}"))


def test_regeneration_flag_is_off_in_ci() -> None:
    """Golden files are never rewritten by CI: the flag must be off there."""
    if os.environ.get("CI"):
        assert not regenerating(), f"{REGEN_FLAG} is set in CI"


@pytest.mark.parametrize(
    ("document", "table"),
    [(PLAN_2021, "terms"), (PROGRESS_2017, "terms"), (FUKUYAMA_2023, "terms"), (IIZUKA_2023, "meetings")],
    ids=["000-terms", "001-terms", "004-terms", "003-meetings"],
)
def test_golden_table(document: Path, table: str) -> None:
    """Whole small tables: glossary terms, and the minutes with every remark."""
    _, rows = normalized(document)
    doc = rows.documents[0].document_id
    record: dict[str, object] = {table: [to_plain(r) for r in getattr(rows, table)]}
    if table == "meetings":
        record["meeting_remarks"] = [to_plain(r) for r in rows.meeting_remarks]
    check_golden(doc, table, record)
