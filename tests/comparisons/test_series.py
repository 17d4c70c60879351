"""Series of plan versions: title keys, the edition vocabulary (comparisons/data/editions.csv), order."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from comparisons.series import SeriesMember, edition_to_rank, members_to_places, title_to_key
from tests.conftest import ROOT

with (ROOT / "comparisons" / "data" / "editions.csv").open(encoding="utf-8") as _handle:
    EDITIONS = list(csv.DictReader(_handle))


@pytest.mark.parametrize("row", EDITIONS, ids=[r["edition"] or "adopted" for r in EDITIONS])
def test_each_edition_has_its_rank(row: dict[str, str]) -> None:
    assert edition_to_rank(row["edition"]) == (int(row["rank"]), ())
    assert edition_to_rank(f"（{row['edition']}）" if row["edition"] else None)[0] == int(row["rank"])


def test_drafts_come_before_the_adopted_plan_and_versions_in_number_order() -> None:
    order = ["骨子案", "素案", "原案", "案", None, "第1.1版", "第1.2版", "第2版", "Ver.2.1"]
    ranks = [edition_to_rank(e) for e in order]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize(
    ("title", "municipality", "key"),
    [
        ("行政運営プラン", "福岡市", "行政運営プラン"),
        ("福岡市 行政運営プラン（原案）", "福岡市", "行政運営プラン"),
        ("行政運営プラン【素案】", None, "行政運営プラン"),
        ("行政版デジタル化実行計画 第1.2版", "福山市", "行政版デジタル化実行計画"),
        ("福岡市ＤＸ戦略　実行項目集", "福岡市", "DX戦略実行項目集"),
        ("第2次 飯塚市行財政改革大綱", "飯塚市", "第2次飯塚市行財政改革大綱"),
        ("", "福岡市", None),
    ],
    ids=["plain", "city-and-draft", "bracketed-draft", "version", "width-and-spaces", "ordinal-kept", "none"],
)
def test_title_to_key(title: str, municipality: str | None, key: str | None) -> None:
    assert title_to_key(title, municipality) == key
    if key:
        assert title_to_key(key, municipality) == key  # normalizing twice changes nothing


def _member(doc: str, month: dt.date | None, edition: str | None = None, **extra: object) -> SeriesMember:
    return SeriesMember(doc, "福岡市", "401307", "行政運営プラン", edition, month, **extra)  # type: ignore[arg-type]


def test_versions_follow_their_printed_month_and_edition() -> None:
    members = [
        _member("c", dt.date(2021, 3, 1)),
        _member("a", dt.date(2021, 3, 1), "原案"),
        _member("b", dt.date(2020, 12, 1), "素案"),
        SeriesMember("x", "福岡市", "401307", "DX戦略", None, dt.date(2021, 1, 1)),
    ]
    places, problems = members_to_places(members)
    assert problems == []
    assert {d: (p.series_id, p.previous_document_id) for d, p in places.items()} == {
        "b": ("401307:行政運営プラン", None),
        "a": ("401307:行政運営プラン", "b"),
        "c": ("401307:行政運営プラン", "a"),
        "x": ("401307:DX戦略", None),
    }
    assert all(p.order_assumed is None for p in places.values())


def test_a_tie_is_ordered_by_name_and_says_so() -> None:
    places, _ = members_to_places([_member("plan_v2", dt.date(2021, 3, 1)), _member("plan", dt.date(2021, 3, 1))])
    assert places["plan_v2"].previous_document_id == "plan"
    assert "file names" in (places["plan_v2"].order_assumed or "")
    dated = [
        _member("plan_v2", dt.date(2021, 3, 1), downloaded=dt.date(2021, 1, 1)),
        _member("plan", dt.date(2021, 3, 1), downloaded=dt.date(2021, 6, 1)),
    ]
    places, _ = members_to_places(dated)
    assert places["plan"].previous_document_id == "plan_v2"
    assert "downloaded" in (places["plan"].order_assumed or "")


def test_supersedes_wins_over_the_printed_order_and_joins_series() -> None:
    members = [
        _member("new", dt.date(2020, 1, 1), supersedes="old"),
        SeriesMember("old", "福岡市", "401307", "旧プラン", None, dt.date(2021, 1, 1)),
    ]
    places, problems = members_to_places(members)
    assert problems == []
    assert places["new"].previous_document_id == "old"
    assert places["new"].order_assumed is None
    assert places["new"].series_id == places["old"].series_id


def test_a_supersedes_cycle_or_unknown_file_is_reported_and_ignored() -> None:
    members = [
        _member("a", dt.date(2021, 1, 1), supersedes="b"),
        _member("b", dt.date(2021, 2, 1), supersedes="a"),
        _member("c", dt.date(2021, 3, 1), supersedes="nope"),
    ]
    places, problems = members_to_places(members)
    assert len(problems) == 2
    assert any("cycle" in p for p in problems) and any("nope" in p for p in problems)
    # a → b is kept (the first in id order), so b comes first; c follows by its month.
    assert {d: p.previous_document_id for d, p in places.items()} == {"b": None, "a": "b", "c": "a"}


def test_a_document_without_title_or_city_has_no_series() -> None:
    places, _ = members_to_places([SeriesMember("x", None, None, None, None, None)])
    assert places["x"].series_id is None and places["x"].previous_document_id is None


def test_one_edition_in_two_formats_is_not_a_version_of_itself() -> None:
    """A plan's PDF beside its text dump: one edition; the next version follows both."""
    month = dt.date(2021, 3, 1)
    members = [
        _member("plan-md", month, source_format="text"),
        _member("plan-pdf", month, source_format="pdf"),
        _member("plan_2022", dt.date(2022, 3, 1), source_format="pdf"),
    ]
    places, _ = members_to_places(members)
    assert {d: (p.previous_document_id, p.same_edition_as) for d, p in places.items()} == {
        "plan-md": (None, None),
        "plan-pdf": (None, "plan-md"),
        "plan_2022": ("plan-pdf", None),
    }
