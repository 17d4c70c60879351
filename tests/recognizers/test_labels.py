"""Label cells and labelled rows."""

from __future__ import annotations

import pytest

from recognizers.labels import field_pairs, header_labels, read_label


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
