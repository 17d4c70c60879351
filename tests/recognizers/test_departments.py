"""Department fields printed inside a text."""

from __future__ import annotations

import pytest

from recognizers.departments import inline_department, split_inline_department


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
