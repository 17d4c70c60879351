"""Seed 001 (福岡市 行政運営プラン H29-R2 実施状況): 数値目標 tables, glossary, cover (docs/layouts.md §2).

The registry does not list this layout yet, so the rows are built here the way
`tests/conftest.py` builds them for registered layouts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import fukuoka_progress_report
from extractors.model import Extraction
from pipeline.normalize import NormalizedDocument, SourceMeta, extraction_to_rows
from pipeline.read_text import text_to_document
from pipeline.sources import document_id_for, sha256_of
from tests.conftest import RAW, ROOT, read
from tests.normalizers.rawlines import cells, line

PROGRESS = RAW / "fukuoka_gyosei_unei_plan_2017_2020_progress.txt"


def _normalized(path: Path) -> tuple[Extraction, NormalizedDocument]:
    extraction = fukuoka_progress_report.extract(read(path))
    meta = SourceMeta(document_id_for(path), path.relative_to(ROOT).as_posix(), sha256_of(path), "text", None, "utf-8")
    return extraction, extraction_to_rows(meta, extraction)


@pytest.fixture(scope="module")
def progress() -> tuple[Extraction, NormalizedDocument]:
    """福岡市 行政運営プラン (H29-R2) 実施状況 (seed 001)."""
    return _normalized(PROGRESS)


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.stem)
def test_detects_only_the_progress_report(path: Path) -> None:
    assert fukuoka_progress_report.detect(read(path)) is (path == PROGRESS)


def test_cover_facts(progress: tuple[Extraction, NormalizedDocument]) -> None:
    """The cover (3) names no city: it comes from `福岡市では、…` (5); the period from 150 (`平成 29 年度`, spaced)."""
    extraction, rows = progress
    assert extraction.info.municipality == "福岡市"
    assert line("001:5").startswith("福岡市では、")
    document = rows.documents[0]
    assert (document.municipality, document.municipality_code, document.prefecture) == ("福岡市", "401307", "福岡県")
    assert document.title == line("001:3") == "これからの時代にふさわしい効果的・効率的な行政運営に向けた主な取組み"
    assert extraction.info.period == "平成 29 年度～令和2年度" and "(平成 29 年度～令和2年度)" in line("001:150")
    assert (document.period_start_fy, document.period_end_fy) == (2017, 2020)
    # No publication month is printed (`平成 29 年6月` is when the plan was adopted, 150).
    assert (document.published, document.edition) == (None, None)
    assert document.layout == "fukuoka_progress_report"


def test_one_initiative_per_policy(progress: tuple[Extraction, NormalizedDocument]) -> None:
    """Headings 154, 165, 176 (the leaflet's 7, 77, 106 are not cards); 取組の方向性 bullets as description."""
    extraction, rows = progress
    assert [(c.path, c.item_no, c.source_line) for c in extraction.cards] == [
        ("1", "1", 154),
        ("2", "2", 165),
        ("3", "3", 176),
    ]
    titles = [line(f"001:{n}").split("】", 1)[1] for n in (154, 165, 176)]
    assert (
        [r.title for r in rows.initiatives]
        == titles
        == [
            "時代に即した行政サービスの提供・システムづくり",
            "多様な主体との連携・共働の推進",
            "チャレンジする組織づくり",
        ]
    )
    assert [r.policy for r in rows.initiatives] == titles
    assert all(r.departments == () and r.measure is None and r.parent_id is None for r in rows.initiatives)
    for initiative, bullets in zip(rows.initiatives, ((158, 159), (169, 170), (180, 181)), strict=True):
        assert initiative.description == "\n".join(line(f"001:{n}").removeprefix("- ") for n in bullets)
    assert rows.schedule == []


def test_indicators(progress: tuple[Extraction, NormalizedDocument]) -> None:
    """6 rows in 3 tables (161, 172, 183); the unit is read from the cells: `%`, and `件` on 174."""
    _, rows = progress
    doc = rows.documents[0].document_id
    assert [(i.indicator_id.removeprefix(f"{doc}:"), i.source_line, i.unit) for i in rows.indicators] == [
        ("1#1", 162, "%"),
        ("1#2", 163, "%"),
        ("2#1", 173, "%"),
        ("2#2", 174, "件"),
        ("3#1", 184, "%"),
        ("3#2", 185, "%"),
    ]
    for indicator in rows.indicators:
        assert indicator.name == indicator.name_raw == cells(f"001:{indicator.source_line}")[0]
        assert indicator.note is None


# (id, line, kind, value, unit, fiscal_year, year_source, note): every variant of the 数値目標 rows.
VALUES = [
    ("baseline-heading-h28", 162, "baseline", 50.9, "%", 2016, "heading", None),
    ("actual-heading-r2", 162, "actual", 58.2, "%", 2020, "heading", None),
    ("target-heading-r2-integer-percent", 162, "target", 60.0, "%", 2020, "heading", None),
    ("actual-below-baseline", 163, "actual", 40.5, "%", 2020, "heading", None),
    ("target-68", 173, "target", 68.0, "%", 2020, "heading", None),
    ("baseline-own-year-h27-wins", 174, "baseline", 24.0, "件", 2015, "text", "H27"),
    ("actual-cumulative-span", 174, "actual", 103.0, "件", 2020, "heading", "H29～R2累計"),
    ("target-cumulative-span-spaced", 174, "target", 100.0, "件", 2020, "heading", "H29～R2 累計"),
    ("trailing-zero-kept-in-text", 184, "baseline", 69.0, "%", 2016, "heading", None),
    ("actual-above-target", 185, "actual", 81.6, "%", 2020, "heading", None),
]
HEADINGS = {"baseline": "現状値 (H28)", "actual": "最終値 (R2)", "target": "目標値 (R2)"}
COLUMN = {"baseline": 1, "actual": 2, "target": 3}
HEADER_LINE = {162: 161, 163: 161, 173: 172, 174: 172, 184: 183, 185: 183}


@pytest.mark.parametrize(
    ("number", "kind", "value", "unit", "year", "year_source", "note"),
    [v[1:] for v in VALUES],
    ids=[v[0] for v in VALUES],
)
def test_value(
    progress: tuple[Extraction, NormalizedDocument],
    number: int,
    kind: str,
    value: float,
    unit: str,
    year: int,
    year_source: str,
    note: str | None,
) -> None:
    _, rows = progress
    indicator = next(i for i in rows.indicators if i.source_line == number)
    got = next(v for v in rows.indicator_values if v.indicator_id == indicator.indicator_id and v.kind == kind)
    assert got.value_text == cells(f"001:{number}")[COLUMN[kind]]
    assert got.heading == HEADINGS[kind] == cells(f"001:{HEADER_LINE[number]}")[COLUMN[kind]]
    assert (got.value, got.unit, got.status, got.fiscal_year, got.year_source, got.note) == (
        value,
        unit,
        "numeric",
        year,
        year_source,
        note,
    )


def test_all_values(progress: tuple[Extraction, NormalizedDocument]) -> None:
    """18 values, 6 of each kind, all numeric; every actual is read for R2 = 2020."""
    _, rows = progress
    values = rows.indicator_values
    assert len(values) == 18
    assert [v.kind for v in values] == ["baseline", "actual", "target"] * 6
    assert all(v.status == "numeric" and v.value is not None for v in values)
    assert {v.fiscal_year for v in values if v.kind != "baseline"} == {2020}
    assert sorted(v.fiscal_year for v in values if v.kind == "baseline") == [2015, *[2016] * 5]


def test_actuals_match_the_2021_plan() -> None:
    """000 line 88 quotes the R2 results of 001 lines 163 and 173 (docs/layouts.md §2)."""
    assert cells("001:163")[2] == "40.5%" and cells("001:173")[2] == "45.8%"
    assert "40.5%" in line("000:88") and "45.8%" in line("000:88")


def test_glossary_terms(progress: tuple[Extraction, NormalizedDocument]) -> None:
    extraction, rows = progress
    assert [(t.marker, t.term) for t in extraction.terms][::3] == [
        ("※1", "チャットボット"),
        ("※4", "キャッシュレス決済"),
        ("※7", "共創"),
        ("※10", "RPA"),
    ]
    assert len(rows.terms) == 10 and all(r.references == 0 for r in rows.terms)


def test_completeness_findings(progress: tuple[Extraction, NormalizedDocument]) -> None:
    extraction, _ = progress
    checks = {f.check: f for f in extraction.findings}
    got = {name: (f.status, f.expected, f.found) for name, f in checks.items()}
    assert got == {
        "terms": ("ok", 10, 10),
        "footnote_numbering": ("ok", 10, 10),
        "glossary_markers": ("ok", 10, 10),
        "tables_vs_policies": ("ok", 3, 3),
        "indicator_rows": ("ok", 6, 6),
        "values_read": ("ok", 18, 18),
        "leaflet_skipped": ("ok", None, 58),
        "policies_vs_leaflet": ("ok", 3, 3),
    }
    # The leaflet (3-126) publishes no cards; the finding says what was passed over.
    assert checks["leaflet_skipped"].detail == (
        "highlight leaflet, lines 3-124: 3 取組方針 sections, 58 paragraphs of prose, no cards; "
        "introduction lines 148-152 read for the cover facts only"
    )


def _edited(replacements: dict[int, str]) -> Extraction:
    """The real dump with some lines replaced, line numbers unchanged."""
    lines = PROGRESS.read_text(encoding="utf-8").split("\n")
    for number, text in replacements.items():
        lines[number - 1] = text
    return fukuoka_progress_report.extract(text_to_document("edited.txt", "\n".join(lines)))


def test_row_with_a_missing_cell_is_reported() -> None:
    """A row printing two values for three headings keeps them in order and says so."""
    extraction = _edited({174: "\t".join(cells("001:174")[:3])})
    indicator = extraction.cards[1].indicators[1]
    assert [(v.kind, v.text) for v in indicator.values] == [
        ("baseline", "24 件 (H27)"),
        ("actual", "103 件 (H29～R2累計)"),
    ]
    checks = {f.check: f for f in extraction.findings}
    assert (checks["values_vs_headings"].expected, checks["values_vs_headings"].found) == (3, 2)
    assert (checks["values_read"].status, checks["values_read"].found) == ("warning", 17)


def test_policy_without_table_is_reported() -> None:
    """Without the header of 172 取組方針2 has no table: two cards, and the check names the gap."""
    extraction = _edited({172: "", 173: "", 174: ""})
    assert [c.path for c in extraction.cards] == ["1", "3"]
    check = next(f for f in extraction.findings if f.check == "tables_vs_policies")
    assert (check.status, check.expected, check.found, check.detail) == ("error", 3, 2, "no table for 取組方針['2']")


def test_leaflet_heading_with_space_after_bracket() -> None:
    """106 prints `【取組方針3】 チャレンジ…` (a space after 】); it matches section 176."""
    assert line("001:106") == "【取組方針3】 チャレンジする組織づくり"
    extraction = _edited({176: "【取組方針3】 チャレンジする組織づくり"})
    assert extraction.cards[2].title == "チャレンジする組織づくり"
