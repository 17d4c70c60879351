"""Fuzzing the readers and normalizers: any exception but the project's DocumentError is a failure.

Strategies build what cities print, bent: dump lines of plan words, tabs, HTML cells, arrows and
numbers; value cells with eras, ordinals and huge numbers; PDFs with bytes flipped, cut or spliced;
ToUnicode CMaps of a CID font, well-formed or not.
The `short` profile runs in CI; `PLANCARDS_FUZZ_PROFILE=long` (scripts/fuzz_long.py) runs 10,000
cases per test.
"""

from __future__ import annotations

import os
from typing import Any

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from extractors.registry import choose
from normalizers.era import as_of_date, fiscal_year, full_date, year_month
from normalizers.numbers import parse_value
from pipeline.errors import DocumentError
from pipeline.normalize import SourceMeta, extraction_to_rows
from pipeline.read_pdf import read_pdf
from pipeline.read_text import read_text_dump
from tests.conftest import ROOT
from tests.hostile_pdfs import with_tounicode

WORDS = [
    "取組方針1",
    "推進項目①",
    "工程",
    "指標",
    "現状値",
    "中間目標",
    "最終目標",
    "目標",
    "実績",
    "令和3年度",
    "4年度",
    "R5",
    "H28",
    "2024年度",
    "→",
    "⇒",
    "同左",
    "－",
    "※",
    "未定",
    "現状以上",
    "総務企画局",
    "【市税】",
    "No.3",
    "<項目番号>",
    "12,345",
    "90.0%",
    "△50",
    "約3割",
    "15~80",
    "令和0年度まで",
    "第99999回",
    "4294967296事業",
    "<td>",
    "</td>",
    "<tr>",
    '<table border="1">',
    "</table>",
    "<br>",
    "福岡市",
    "行政運営プラン",
    "（原案）",
    "令和3年3月",
    "〇",
    "●",
    "・",
    "\u3000",
    "\f",
    "|",
]
_CELL = st.one_of(st.sampled_from(WORDS), st.text(max_size=12), st.integers(-(10**30), 10**30).map(str))
_LINE = st.lists(_CELL, max_size=8).map("\t".join)
DUMPS = st.lists(_LINE, min_size=1, max_size=60).map("\n".join)
ERA_CELLS = st.builds(
    lambda era, year, tail: f"{era}{year}{tail}",
    st.sampled_from(["令和", "平成", "R", "H", "", "令和 "]),
    st.one_of(st.integers(0, 10**6).map(str), st.just("元"), st.text("0123456789", max_size=40)),
    st.sampled_from(["年度", "年度まで", "年3月", ".1月末時点", "年12月25日", "", "(2024)年度"]),
)
PDF = (ROOT / "tests" / "fixtures" / "pdf" / "layout_features.pdf").read_bytes()
# The short profile in CI, 10,000 cases per test with PLANCARDS_FUZZ_PROFILE=long (set here, per test,
# so that the suite's other Hypothesis tests keep their own settings).
FUZZ = settings(
    max_examples=10_000 if os.environ.get("PLANCARDS_FUZZ_PROFILE") == "long" else 30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _extract_and_normalize(path: str, data: bytes, reader: Any) -> None:
    try:
        document = reader(path, data)
        extraction = choose(document).extraction
    except DocumentError:
        return
    if extraction is not None:
        extraction_to_rows(SourceMeta("fuzz", path, "0" * 64, "text", None, None), extraction)


@FUZZ
@given(DUMPS)
def test_text_dumps(text: str) -> None:
    _extract_and_normalize("raw/fuzz.txt", text.encode("utf-8"), read_text_dump)


@FUZZ
@given(DUMPS, st.sampled_from(["cp932", "utf-16", "latin-1"]))
def test_text_dumps_in_other_encodings(text: str, encoding: str) -> None:
    _extract_and_normalize("raw/fuzz.txt", text.encode(encoding, "replace"), read_text_dump)


@FUZZ
@given(st.one_of(_CELL, ERA_CELLS, st.text(max_size=200)))
def test_value_cells(text: str) -> None:
    parsed = parse_value(text)
    assert parsed.status in {
        "numeric",
        "text",
        "not_applicable",
        "pending",
        "not_started",
        "relative",
        "same_as_previous",
    }
    for read in (fiscal_year, as_of_date, year_month, full_date):
        read(text)


@FUZZ
@given(
    st.lists(st.tuples(st.integers(0, len(PDF) - 1), st.integers(0, 255)), max_size=20),
    st.integers(16, len(PDF)),
)
def test_damaged_pdfs(flips: list[tuple[int, int]], keep: int) -> None:
    data = bytearray(PDF)
    for position, value in flips:
        data[position] = value
    _extract_and_normalize("raw/fuzz.pdf", bytes(data[:keep]) + PDF[-64:], read_pdf)


def test_a_pdf_cut_inside_its_header_is_a_document_error() -> None:
    """Found by the long profile: MuPDF opens it, then fails counting its pages."""
    _extract_and_normalize("raw/fuzz.pdf", PDF[:155] + PDF[-64:], read_pdf)


_HEX = st.integers(0, 0xFFFFFFFF).map(lambda n: f"<{n:0{2 * (1 + n.bit_length() // 8)}X}>")
_CMAP_LINE = st.one_of(
    st.sampled_from(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end end",
        ]
    ),
    st.builds(lambda n: f"{n} beginbfchar", st.integers(-2, 200)),
    st.builds(lambda n: f"{n} beginbfrange", st.integers(-2, 200)),
    st.sampled_from(["endbfchar", "endbfrange"]),
    st.builds(lambda a, b: f"{a} {b}", _HEX, _HEX),
    st.builds(lambda a, b, c: f"{a} {b} {c}", _HEX, _HEX, _HEX),
    st.builds(lambda a, b, cs: f"{a} {b} [{' '.join(cs)}]", _HEX, _HEX, st.lists(_HEX, max_size=5)),
    st.text(max_size=20),
)
CMAPS = st.lists(_CMAP_LINE, max_size=40).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))


@FUZZ
@given(CMAPS)
def test_tounicode_cmaps(cmap: bytes) -> None:
    _extract_and_normalize("raw/fuzz.pdf", with_tounicode(cmap), read_pdf)
