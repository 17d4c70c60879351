"""Golden cards of seed 004 (福山市 行政版デジタル化実行計画), checked by hand against the dump."""

from __future__ import annotations

import pytest

from tests.golden_io import card_record, check_golden
from tests.test_fukuyama_cards import fukuyama

# card path → the variant it pins down (LAYOUTS.md §5 line numbers)
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


@pytest.mark.parametrize("card_path", sorted(FUKUYAMA_CARDS), ids=lambda p: f"004-{p}")
def test_fukuyama_golden(card_path: str) -> None:
    _, rows = fukuyama()
    doc = rows.documents[0].document_id
    check_golden(doc, card_path, card_record(rows, f"{doc}:{card_path}"))
