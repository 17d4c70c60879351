"""Golden cards of seed 003 (飯塚市 ビジョン素案 + プラン素案), checked by hand against the dump."""

from __future__ import annotations

import pytest

from tests.golden_io import card_record, check_golden
from tests.test_iizuka_plan import iizuka

# card path → the variant it pins down (LAYOUTS.md §4 line numbers)
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


@pytest.mark.parametrize("card_path", sorted(IIZUKA_CARDS), ids=lambda p: f"003-{p}")
def test_iizuka_golden(card_path: str) -> None:
    _, rows = iizuka()
    doc = rows.documents[0].document_id
    check_golden(doc, card_path, card_record(rows, f"{doc}:{card_path}"))
