"""Label cells and labelled rows."""

from __future__ import annotations

import pytest

from recognizers.labels import field_pairs, header_labels, measures_label, read_label


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("事業名称", "title"),
        ("担 当 課", "departments"),
        ("所管課：", "departments"),
        ("No.", "item_no"),
        ("概要", "description"),
        ("課題", "課題"),
        ("【目的】", "目的"),
    ],
    ids=str,
)
def test_label(text: str, field: str) -> None:
    label = read_label(text)
    assert label is not None and label.field == field


@pytest.mark.parametrize("text", ["電子申請の拡大", "情報政策課", "2024年度", ""], ids=str)
def test_not_a_label(text: str) -> None:
    assert read_label(text) is None


def test_pairs_of_a_labelled_row() -> None:
    pairs = field_pairs(["事業名称", "窓口のオンライン化", "", "担当課", "情報政策課"])
    assert pairs is not None
    assert [(label.field, value) for label, value in pairs] == [
        ("title", "窓口のオンライン化"),
        ("departments", "情報政策課"),
    ]


@pytest.mark.parametrize(
    "cells", [["窓口のオンライン化", "情報政策課"], ["1", "事業名称", "x"]], ids=["no-label", "value-first"]
)
def test_not_a_labelled_row(cells: list[str]) -> None:
    assert field_pairs(cells) is None


def test_header_labels_by_column() -> None:
    labels = header_labels(["No.", "事業名", "主管課", "予算額"])
    assert {c: label.field for c, label in labels.items()} == {0: "item_no", 1: "title", 2: "departments"}


@pytest.mark.parametrize(
    ("cells", "pairs"),
    [
        (["施策番号", "2-1 施策名 地域防災力の向上"], [("item_no", "2-1"), ("title", "地域防災力の向上")]),
        (["事業名", "窓口改革 担当課 市民課"], [("title", "窓口改革"), ("departments", "市民課")]),
        # A description may use a label's word: it is not cut there.
        (["概要", "申請の 目的 を確認する"], [("description", "申請の 目的 を確認する")]),
    ],
    ids=["number-then-title", "title-then-department", "description-kept"],
)
def test_labels_run_together_in_one_cell(cells: list[str], pairs: list[tuple[str, str]]) -> None:
    """Two cells of a form run together in a dump (`2-1 施策名 …`) still pair each label with its value."""
    found = field_pairs(cells)
    assert found is not None and [(label.field, value) for label, value in found] == pairs


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        (["目 標", "推進者"], 0),
        (["No.", "取組内容", "担当課"], 1),
        (["行動目標", "実施者", "備考"], 0),
        (["指標", "目標", "担当課"], None),  # an indicator table
        (["事業名", "取組内容", "担当課"], None),  # a title already
        (["目標", "進捗状況等"], None),  # no department column
        (["取組内容", "概要", "担当課"], None),  # which of two is the measure is not printed
        (["目標", "推進者", "進捗"], None),  # a heading that is no label
    ],
    ids=["goal-actor", "numbered-description", "with-remarks", "indicators", "titled", "no-department", "two", "other"],
)
def test_measures_label(cells: list[str], column: int | None) -> None:
    """A list header naming only its measures beside their department column: the measures are its titles."""
    label = measures_label(cells, header_labels(cells))
    assert (label.column if label is not None else None) == column
    assert label is None or label.field == "title"
