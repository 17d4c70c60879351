"""The match signals and their vocabulary (comparisons/data/contrast_terms.csv), entry by entry."""

from __future__ import annotations

import csv

import pytest

from comparisons.signals import (
    contrast,
    department_to_match_form,
    departments_similarity,
    make_profile,
    score,
    terms_named,
    text_to_match_form,
    title_similarity,
)
from tests.conftest import ROOT

with (ROOT / "comparisons" / "data" / "contrast_terms.csv").open(encoding="utf-8") as _handle:
    CONTRAST_ROWS = list(csv.DictReader(_handle))


@pytest.mark.parametrize("row", CONTRAST_ROWS, ids=[f"{r['group']}:{r['term']}" for r in CONTRAST_ROWS])
def test_each_contrast_term_sets_its_titles_apart(row: dict[str, str]) -> None:
    others = [r["term"] for r in CONTRAST_ROWS if r["group"] == row["group"] and r["term"] != row["term"]]
    term = text_to_match_form(row["term"])
    for other in others:
        assert contrast(f"{term}の手続き", f"{text_to_match_form(other)}の手続き") is not None
    assert contrast(f"{term}の手続き", f"{term}の申請") is None


@pytest.mark.parametrize(
    ("text", "named"),
    [("下水道施設の維持管理", {"下水道"}), ("水道施設の維持管理", {"水道"}), ("上水道の整備", {"水道"})],
    ids=["sewerage", "water", "water-supply"],
)
def test_a_longer_term_hides_the_shorter_inside_it(text: str, named: set[str]) -> None:
    group = ("下水道", "水道")
    assert terms_named(text, group) == named


@pytest.mark.parametrize(
    ("printed", "form"),
    [
        ("【市税】", "市税"),
        ("ＩＣＴを活用した情報発信（再掲）", "ictを活用した情報発信"),
        ("「mirai@」 窓口", "mirai窓口"),
    ],
    ids=["brackets", "width-repost", "quotes-symbols"],
)
def test_match_form(printed: str, form: str) -> None:
    assert text_to_match_form(printed) == form
    assert text_to_match_form(form) == form  # normalizing twice changes nothing


@pytest.mark.parametrize(
    ("printed", "form"),
    [("区役所(東区)", "東区"), ("区役所（早良区）", "早良区"), ("市民局", "市民局")],
    ids=["ward", "fullwidth", "bureau"],
)
def test_department_match_form(printed: str, form: str) -> None:
    assert department_to_match_form(printed) == form


def test_departments_similarity() -> None:
    assert departments_similarity(["東区"], ["東区", "市民局"]) == 1.0
    assert departments_similarity(["保健福祉局"], ["福祉局"]) == 0.5
    assert departments_similarity(["財政局"], ["市民局"]) == 0.0
    assert departments_similarity([], ["市民局"]) is None


def test_a_title_inside_a_longer_one_is_alike_only_when_it_is_a_good_part_of_it() -> None:
    half = title_similarity("水道版チャットボットの機能向上", "rpaの活用推進と水道版チャットボットの機能向上")
    word = title_similarity("水道料金", "水道料金系システム再構築によるお客さまサービスの向上")
    assert half is not None and half >= 0.9
    assert word is not None and word < 0.5


def test_new_indicators_do_not_count_against_a_card() -> None:
    """A new plan sets new KPIs: an unlike indicator leaves the title's score, a like one raises it."""
    old = make_profile("オープンデータの活用推進", ["総務企画局"], ["データのダウンロード数"], None)
    unlike = make_profile("オープンデータの活用推進", ["総務企画局"], ["公開データセット数"], None)
    like = make_profile("オープンデータの活用", ["総務企画局"], ["データのダウンロード数"], None)
    assert score(old, unlike).value == 1.0
    assert score(old, like).value > title_similarity(old.title, like.title)  # type: ignore[operator]


def test_another_department_lowers_the_score() -> None:
    ours = make_profile("コンビニ交付の推進", ["市民局"], [], None)
    theirs = make_profile("コンビニ交付の推進", ["財政局"], [], None)
    assert score(ours, theirs).value == pytest.approx(0.7)
