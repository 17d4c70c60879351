"""福岡市DX戦略 実行項目集 (seed 002): 目次, groups, sub-items, grids and indicators."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import fukuoka_dx_cards, fukuoka_dx_toc
from extractors.model import Extraction, RawCard
from extractors.walk import walk
from pipeline.read_text import read_text_dump, text_to_document

RAW = Path(__file__).resolve().parents[1] / "raw"
DX = RAW / "fukuoka_dx_strategy_action_items_2023.txt"
PLAN_000 = RAW / "fukuoka_gyosei_unei_plan_2021_draft.txt"
OTHERS = (
    "fukuoka_gyosei_unei_plan_2017_2020_progress.txt",
    "fukuyama_digital_action_plan_v1_2_2023.txt",
    "iizuka_gyosei_keiei_council4_vision_plan_draft_2023.txt",
)

# Sub-items per group as the 目次 (lines 11-186) lists them; groups absent here have none.
TOC_SUB_COUNTS = {
    "1-1": 10,
    "1-2": 2,
    "1-3": 6,
    "1-4": 4,
    "1-7": 3,
    "1-9": 7,
    "1-11": 3,
    "1-13": 3,
    "1-18": 2,
    "2-1": 2,
    "2-3": 5,
    "2-4": 2,
    "2-5": 6,
    "2-6": 2,
    "3-1": 7,
    "3-2": 17,
    "3-3": 2,
    "4-2": 2,
    "4-6": 2,
    "4-7": 6,
    "4-10": 5,
    "4-13": 15,
    "4-14": 4,
    "4-17": 9,
    "5-5": 3,
}
GROUPS_PER_CHAPTER = {1: 18, 2: 7, 3: 3, 4: 17, 5: 9}


def _expected_paths() -> list[str]:
    paths: list[str] = []
    for chapter, count in GROUPS_PER_CHAPTER.items():
        for group in range(1, count + 1):
            path = f"{chapter}-{group}"
            paths.append(path)
            paths.extend(f"{path}/{k}" for k in range(1, TOC_SUB_COUNTS.get(path, 0) + 1))
    return paths


def _read(path: Path):
    return read_text_dump(f"raw/{path.name}", path.read_bytes())


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return fukuoka_dx_cards.extract(_read(DX))


@pytest.fixture(scope="module")
def cards(extraction: Extraction) -> dict[str, RawCard]:
    return {card.path: card for card in extraction.cards}


def _finding(extraction: Extraction, check: str):
    found = [f for f in extraction.findings if f.check == check]
    assert len(found) == 1, check
    return found[0]


def _values(card: RawCard, index: int = 0) -> list[str]:
    return [v.text for v in card.indicators[index].values]


# -- detection ---------------------------------------------------------------------------


def test_detect_accepts_002() -> None:
    assert fukuoka_dx_cards.detect(_read(DX))


def test_detect_rejects_000() -> None:
    assert not fukuoka_dx_cards.detect(_read(PLAN_000))


@pytest.mark.parametrize("name", OTHERS)
def test_detect_rejects_other_documents(name: str) -> None:
    assert not fukuoka_dx_cards.detect(_read(RAW / name))


# -- 目次 --------------------------------------------------------------------------------


def test_toc_lists_54_groups_and_129_sub_items() -> None:
    toc = fukuoka_dx_toc.read_toc(list(walk(_read(DX))))
    assert len(toc.groups) == 54
    assert sum(len(g.subs) for g in toc.groups) == 129
    assert toc.chapters == {
        1: "暮らしのDX",
        2: "まちのDX",
        3: "しごとのDX",
        4: "行政のDX",
        5: "DXを支える基盤",
    }
    assert len(toc.columns) == 5
    assert not toc.problems


def test_toc_reads_the_two_columns_apart() -> None:
    toc = fukuoka_dx_toc.read_toc(list(walk(_read(DX))))
    groups = {g.path: g for g in toc.groups}
    # Lines 13-33: 1-1…1-3 on the left, 1-4…1-10 on the right, interleaved line by line.
    assert [s.title for s in groups["1-4"].subs] == [
        "市税",
        "介護保険料",
        "国民健康保険料、後期高齢者医療保険料",
        "保育料",
    ]
    assert len(groups["1-1"].subs) == 10
    assert groups["1-3"].subs[-1].title == "定期券うりばにおけるキャッシュレス化の推進"
    # Lines 171-184: 4-17's sub-items stay in the left column beside chapter 5.
    assert len(groups["4-17"].subs) == 9
    assert [s.title for s in groups["5-5"].subs] == [
        "高齢者福祉に関する手続き",
        "障がい福祉に関する手続き",
        "生活保護に関する手続き",
    ]
    assert groups["5-1"].page == "68"


def test_toc_synthetic_two_columns() -> None:
    text = "\n".join(
        [
            "1. 暮らしのDX",
            "1-1. 左のグループ\t7\t1-2. 右のグループ",
            "①左の一つ目\t7\t①右の一つ目\t9",
            "②左の二つ目\t8\t2. まちのDX",
            "③左の三つ目\t8\t2-1. 次の章のグループ\t10",
            "",
            "本文です。",
        ]
    )
    toc = fukuoka_dx_toc.read_toc(list(walk(text_to_document("x.txt", text))))
    assert [(g.path, [s.title for s in g.subs]) for g in toc.groups] == [
        ("1-1", ["左の一つ目", "左の二つ目", "左の三つ目"]),
        ("1-2", ["右の一つ目"]),
        ("2-1", []),
    ]
    assert toc.chapters == {1: "暮らしのDX", 2: "まちのDX"}


# -- cards -------------------------------------------------------------------------------


def test_183_cards_with_exactly_the_toc_paths(extraction: Extraction) -> None:
    assert [c.path for c in extraction.cards] == _expected_paths()
    assert len(extraction.cards) == 183


def test_groups_sub_items_and_group_cards(extraction: Extraction) -> None:
    groups = [c for c in extraction.cards if c.parent_path is None]
    subs = [c for c in extraction.cards if c.parent_path is not None]
    assert len(groups) == 54
    assert len(subs) == 129
    assert sum(1 for c in groups if c.schedule) == 31
    assert all(c.schedule and c.description for c in subs)
    assert all(c.parent_path == c.path.split("/")[0] for c in subs)


def test_hierarchy_fields(cards: dict[str, RawCard]) -> None:
    assert cards["1-1"].policy == "暮らしのDX"
    assert cards["1-1"].measure is None
    assert cards["1-1"].item_no == "1-1"
    assert cards["1-1/2"].measure == "行政手続きのオンライン化の推進"
    assert cards["1-1/2"].item_no == "②"
    assert cards["5-5/3"].policy == "DXを支える基盤"
    assert all(c.group is None for c in cards.values())


@pytest.mark.parametrize(("line", "path"), [(200, "1-1"), (837, "3-1"), (1067, "4-1"), (1547, "5-1")])
def test_group_number_printed_as_I_reads_as_1(cards: dict[str, RawCard], line: int, path: str) -> None:
    assert cards[path].source_line == line


def test_repeated_group_headers_give_one_card(extraction: Extraction, cards: dict[str, RawCard]) -> None:
    paths = [c.path for c in extraction.cards]
    assert len(paths) == len(set(paths))
    # 226, 252, 278 repeat group 1 after page breaks; the card stays the one at 200.
    assert cards["1-1"].source_line == 200
    assert cards["1-1/3"].source_line == 227
    assert cards["1-1/3"].parent_path == "1-1"
    assert cards["1-1/6"].source_line == 253
    assert _finding(extraction, "repeated_headers").found == 29


def test_chapter_comes_from_the_toc_not_the_page_header(cards: dict[str, RawCard]) -> None:
    # 4-1 (l.1067) is printed before the first `4. 行政のDX` page header (l.1085).
    assert cards["4-1"].policy == "行政のDX"
    assert cards["4-1"].title == "DXを前提とした業務プロセス見直しの推進"
    assert cards["3-3/2"].policy == "しごとのDX"


def test_reposts(extraction: Extraction, cards: dict[str, RawCard]) -> None:
    assert cards["1-18/1"].is_repost
    assert cards["2-2"].is_repost
    assert cards["2-2"].schedule
    assert sorted(c.path for c in extraction.cards if c.is_repost) == ["1-18/1", "2-2"]


def test_departments_from_the_last_header_cell(cards: dict[str, RawCard]) -> None:
    assert cards["1-1"].departments == "総務企画局"
    assert cards["1-1/3"].departments == "市民局"  # col 7
    assert cards["1-9/3"].departments == "区役所 (東区)"
    assert cards["4-7"].departments == "区役所"
    assert cards["4-7/1"].departments == "東区"
    assert cards["1-2"].departments is None


def test_descriptions(cards: dict[str, RawCard]) -> None:
    assert cards["1-1"].description.split("\n")[1].startswith("●その結果")
    # Plain bullets printed on one line come out one per line.
    assert cards["1-4/1"].description.count("\n") == 1
    assert cards["4-7/1"].description.startswith("下記業務における")
    assert cards["4-10/1"].description.startswith("●食中毒調査")
    assert cards["4-7"].description is None


# -- grids and indicators ----------------------------------------------------------------


def test_grid_counts(extraction: Extraction) -> None:
    cards = extraction.cards
    assert sum(1 for c in cards if c.schedule) == 160
    assert sum(len(c.schedule) for c in cards) == 212
    assert len({(c.path, i.line) for c in cards for i in c.indicators}) == 162
    assert sum(len(c.indicators) for c in cards) == 166


def test_packed_upper_lower_values_give_two_indicators(cards: dict[str, RawCard]) -> None:
    card = cards["1-9/3"]
    assert [i.name for i in card.indicators] == ["オンライン育児相談の実施回数(回)", "参加組数(組)"]
    assert _values(card, 0) == ["5", "12"]
    assert _values(card, 1) == ["10", "24"]
    assert all(i.line == 479 for i in card.indicators)


def test_values_inside_header_cells(cards: dict[str, RawCard]) -> None:
    card = cards["1-9/6"]
    assert [i.name for i in card.indicators] == ["動画配信回数(回)", "毎月平均視聴回数(回)"]
    assert _values(card, 0) == ["12", "6", "6"]
    assert _values(card, 1) == ["37", "50", "50"]
    headings = [v.heading for v in card.indicators[0].values]
    assert headings == ["現状値(4年度)", "中間目標(6年度)", "最終目標(8年度)"]
    assert _values(cards["2-6/1"]) == ["975,711", "1,500,000", "2,000,000"]


def test_header_without_final_target(cards: dict[str, RawCard]) -> None:
    indicator = cards["1-1/2"].indicators[0]
    assert indicator.name == "オンライン利用率(%)"
    assert [v.text for v in indicator.values] == ["-", "80", "80"]
    assert [v.kind for v in indicator.values] == ["baseline", "interim_target", "final_target"]
    assert indicator.values[2].heading == ""
    assert indicator.values[2].year_hint == "8年度"


def test_row_shifted_left(cards: dict[str, RawCard]) -> None:
    row = next(r for r in cards["5-3"].schedule if r.line == 1580)
    assert [(c.year_label, c.text) for c in row.cells] == [
        ("5年度", "操作研修の実施"),
        ("6年度", "→"),
        ("7年度", "→"),
        ("8年度", "→"),
    ]


def test_row_starting_in_the_second_year(cards: dict[str, RawCard]) -> None:
    row = next(r for r in cards["3-2/3"].schedule if r.line == 923)
    assert [c.year_label for c in row.cells] == ["6年度", "7年度"]
    assert row.cells[0].text == "・マニュアル改訂 ・工事写真電子化の検討"
    row = next(r for r in cards["5-4"].schedule if r.line == 1585)
    assert [(c.year_label, c.text) for c in row.cells] == [
        ("6年度", "基本構想"),
        ("7年度", "基本計画"),
        ("8年度", "基本計画"),
    ]


def test_repeated_indicator_marks_and_second_header(cards: dict[str, RawCard]) -> None:
    assert [i.line for i in cards["4-17/2"].indicators] == [1477, 1479, 1481]
    assert _values(cards["4-17/2"], 2) == ["64.2", "65.4", "65.6"]
    assert _values(cards["1-14"], 1) == ["5.6", "11.0", "11.0"]


def test_stray_caption_is_reported_not_read(extraction: Extraction, cards: dict[str, RawCard]) -> None:
    caption = "ふくおかサポート"
    card = cards["1-5"]
    assert all(caption not in i.name for i in card.indicators)
    assert caption not in (card.description or "")
    assert _values(card) == ["10", "40", "100"]
    stray = _finding(extraction, "text_outside_cards")
    assert "l.409" in stray.detail
    assert not [f for f in extraction.findings if f.check == "indicator_text_unassigned"]


# -- findings ----------------------------------------------------------------------------


def test_completeness_findings(extraction: Extraction) -> None:
    groups = _finding(extraction, "groups_vs_toc")
    assert (groups.status, groups.expected, groups.found) == ("ok", 54, 54)
    subs = _finding(extraction, "sub_items_vs_toc")
    assert (subs.status, subs.expected, subs.found) == ("ok", 129, 129)
    group_cards = _finding(extraction, "group_cards")
    assert group_cards.found == 31
    columns = _finding(extraction, "columns_vs_toc")
    assert (columns.expected, columns.found) == (5, 5)


def test_titles_vs_toc_lists_the_differences(extraction: Extraction) -> None:
    titles = _finding(extraction, "titles_vs_toc")
    assert titles.status == "warning"
    assert "1-9/4" in titles.detail and "ビギナーズ" in titles.detail
    assert "1-5" in titles.detail
    assert titles.found == 180
