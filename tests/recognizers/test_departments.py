"""Department fields printed inside a text."""

from __future__ import annotations

import pytest

from recognizers.departments import inline_department, split_inline_department, unwrap_departments


@pytest.mark.parametrize(
    ("text", "rest", "department"),
    [
        (
            "令和6年度に適地調査、令和8年度までに設置\n担当：環境政策課",
            "令和6年度に適地調査、令和8年度までに設置",
            "環境政策課",
        ),
        ("…を支援します。担当課：商工観光課", "…を支援します。", "商工観光課"),
        ("令和6年度から実施", "令和6年度から実施", None),
        ("目的：市民の利便性向上", "目的：市民の利便性向上", None),  # a field, but no department's
    ],
    ids=["schedule-cell", "sentence", "none", "other-label"],
)
def test_split_inline_department(text: str, rest: str, department: str | None) -> None:
    assert split_inline_department(text) == (rest, department)
    assert inline_department(text) == department
    assert split_inline_department(rest)[1] is None  # splitting twice finds nothing more


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("こども家庭\nセンター", "こども家庭センター"),
        ("情報政策課\n行政経営課", "情報政策課\n行政経営課"),
        ("総務課長\n所属長", "総務課長\n所属長"),
        ("所属長\n職員", "所属長\n職員"),
        ("デジタル推進\n課", "デジタル推進課"),
    ],
    ids=["wrapped", "two-sections", "two-posts", "post-and-staff", "wrapped-before-ending"],
)
def test_unwrap_departments(cell: str, names: str) -> None:
    assert unwrap_departments(cell) == names
    assert unwrap_departments(names) == names  # unwrapping twice changes nothing
