"""normalizers.departments: department cells printed in raw/."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rawlines import line

from normalizers.departments import normalize_department, split_departments

# (id, cell as printed, (departments, has_others), source "<doc>:<line>" or None)
CELLS = [
    (
        "comma-inside-parentheses",
        "経済建設課(穂波、庄内、顕田、筑穂)",
        (["経済建設課(穂波、庄内、顕田、筑穂)"], False),
        "003:2760",
    ),
    ("bureau-and-its-section", "企業局 上水道課", (["企業局上水道課"], False), "003:3012"),
    ("nakaguro-two-bureaus", "総務企画局・市民局", (["総務企画局", "市民局"], False), "000:260"),
    (
        "nakaguro-three-kinds",
        "総務企画局・関係各局・各区",
        (["総務企画局", "関係各局", "各区"], False),
        "000:295",
    ),
    (
        "nakaguro-six",
        "総務企画局・財政局・水道局・交通局・消防局・教育委員会",
        (["総務企画局", "財政局", "水道局", "交通局", "消防局", "教育委員会"], False),
        "000:368",
    ),
    ("nakaguro-in-name", "業務改善・DX推進課及び各課", (["業務改善・DX推進課", "各課"], False), "003:892"),
    (
        "nakaguro-in-name-with-others",
        "高齢介護課、社会・障がい者福祉課他",
        (["高齢介護課", "社会・障がい者福祉課"], True),
        "003:719",
    ),
    (
        "nakaguro-in-name-then-space",
        "特産品振興・ふるさと応援課 総合政策課",
        (["特産品振興・ふるさと応援課", "総合政策課"], False),
        "003:2294",
    ),
    (
        "nakaguro-in-school-name",
        "教育総務課，学事課，学びづくり課，福山中・高等学校",
        (["教育総務課", "学事課", "学びづくり課", "福山中・高等学校"], False),
        "004:898",
    ),
    ("space", "総務企画局 市民局", (["総務企画局", "市民局"], False), "000:375"),
    ("space-2", "保健福祉局 こども未来局", (["保健福祉局", "こども未来局"], False), "000:897"),
    ("space-before-paren", "区役所 (東区)", (["区役所(東区)"], False), "002:474"),
    ("no-space-before-paren", "区役所(東区)", (["区役所(東区)"], False), "002:539"),
    ("hoka", "ICT推進課，市民課ほか", (["ICT推進課", "市民課"], True), "004:592"),
    (
        "touten-hoka",
        "ICT推進課、まちづくり推進課、教育総務課ほか",
        (["ICT推進課", "まちづくり推進課", "教育総務課"], True),
        "004:506",
    ),
    (
        "comma-space-hoka",
        "デジタル化推進課, ICT推進課ほか",
        (["デジタル化推進課", "ICT推進課"], True),
        "004:957",
    ),
    ("comma-space", "ICT推進課, 人材育成課", (["ICT推進課", "人材育成課"], False), "004:967"),
    ("full-width-slash", "情報管理課／支所市民窓口課", (["情報管理課", "支所市民窓口課"], False), "003:2539"),
    ("oyobi", "企業局企業管理課及び上水道課", (["企業局企業管理課", "上水道課"], False), "003:2378"),
    ("nado", "経済政策推進室、国際政策課など", (["経済政策推進室", "国際政策課"], True), "003:2487"),
    (
        "jimukyoku",
        "農業委員会事務局、各支所経済建設課",
        (["農業委員会事務局", "各支所経済建設課"], False),
        "003:2436",
    ),
    ("hoka-single", "情報政策課ほか", (["情報政策課"], True), None),
    ("newline", "総務企画局\n市民局", (["総務企画局", "市民局"], False), None),
    ("duplicate-once", "財政局、財政局", (["財政局"], False), None),
    ("sonota-kept", "その他", (["その他"], False), None),
    ("empty", "", ([], False), None),
]


@pytest.mark.parametrize(("cell", "expected", "source"), [r[1:] for r in CELLS], ids=[r[0] for r in CELLS])
def test_split_departments(cell: str, expected: tuple[list[str], bool], source: str | None) -> None:
    if source is not None:
        assert cell in line(source)
    assert split_departments(cell) == expected


def test_normalize_department() -> None:
    assert normalize_department("  区役所（東区） ") == "区役所(東区)"
    assert normalize_department("ＩＣＴ推進課") == "ICT推進課"


# Real department names (from raw/) and the separators they are printed with.
_NAMES = st.sampled_from(
    [
        "総務企画局",
        "市民局",
        "関係各局",
        "各区",
        "教育委員会",
        "業務改善・DX推進課",
        "社会・障がい者福祉課",
        "特産品振興・ふるさと応援課",
        "福山中・高等学校",
        "区役所(東区)",
        "ICT推進課",
        "農業委員会事務局",
        "中央図書館",
        "経済部公営競技事業所",
        "その他",
    ]
)
_SEPARATORS = st.sampled_from(["・", "、", "，", ",", ", ", "／", "/", "及び", " ", "\n", "\u3000"])


@st.composite
def _cells(draw: st.DrawFn) -> str:
    names = draw(st.lists(_NAMES, min_size=1, max_size=6))
    text = names[0]
    for name in names[1:]:
        text += draw(_SEPARATORS) + name
    return text + draw(st.sampled_from(["", "ほか", "など"]))


@given(_cells())
def test_split_departments_is_idempotent(cell: str) -> None:
    names, _ = split_departments(cell)
    assert split_departments("、".join(names)) == (names, False)
    assert split_departments("\n".join(names)) == (names, False)


@given(_cells())
def test_split_departments_keeps_order_and_uniqueness(cell: str) -> None:
    names, has_others = split_departments(cell)
    assert len(names) == len(set(names))
    assert has_others == cell.endswith(("ほか", "など"))
    # Printed order: each name is found in the cell after the previous one (spaces aside:
    # a bureau and its section printed with a space become one name without it).
    position = -1
    flat = "".join(cell.split())
    for name in names:
        position = flat.find("".join(name.split()), position + 1)
        assert position >= 0, (name, cell)
