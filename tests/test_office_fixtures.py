"""Expected records (tests/expected/*.json) keep to their README's format and match the office PDFs they describe.

The office fixtures (tests/fixtures/office/) are printed by scripts/make_office_pdfs.py with
LibreOffice, which CI does not have: these checks read only the committed files, so that an
expected file cannot drift from its PDF or from the format unnoticed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from normalizers.text import collapse_whitespace, fullwidth_to_halfwidth
from tests.conftest import ROOT

EXPECTED = ROOT / "tests" / "expected"
OFFICE = ROOT / "tests" / "fixtures" / "office"
README = (EXPECTED / "README.md").read_text(encoding="utf-8")
# The records of the office fixtures (the hand-checked real plans have their own test).
EXPECTED_FILES = sorted(EXPECTED / f"{pdf.stem}.json" for pdf in sorted(OFFICE.glob("*.pdf")))
OFFICE_PDFS = sorted(OFFICE.glob("*.pdf"))
KINDS = ("baseline", "interim_target", "final_target", "target", "actual")
FIRST_FY, LAST_FY = 1989, 2100  # 平成元年度 onwards; anything else is a misread era


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _office_records() -> list[dict[str, Any]]:
    return [_load(EXPECTED / f"{pdf.stem}.json") for pdf in OFFICE_PDFS if (EXPECTED / f"{pdf.stem}.json").is_file()]


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _plausible_fy(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and FIRST_FY <= value <= LAST_FY


def _has_keys(record: dict[str, Any], required: set[str], optional: set[str], where: str) -> list[str]:
    missing = required - record.keys()
    unknown = record.keys() - required - optional
    return [f"{where}: missing {sorted(missing)}"] * bool(missing) + [f"{where}: unknown {sorted(unknown)}"] * bool(
        unknown
    )


def _schedule_problems(steps: list[dict[str, Any]], where: str) -> list[str]:
    problems: list[str] = []
    keys = []
    for step in steps:
        problems += _has_keys(step, {"row", "fiscal_year", "activity", "continued"}, set(), where)
        if not (isinstance(step.get("row"), int) and step["row"] >= 1):
            problems.append(f"{where}: row {step.get('row')!r}")
        if not _plausible_fy(step.get("fiscal_year")):
            problems.append(f"{where}: fiscal year {step.get('fiscal_year')!r}")
        if not (isinstance(step.get("activity"), str) and step["activity"]):
            problems.append(f"{where}: empty activity")
        if not isinstance(step.get("continued"), bool):
            problems.append(f"{where}: continued {step.get('continued')!r}")
        keys.append((step.get("row"), step.get("fiscal_year")))
    if problems:
        return problems
    if keys != sorted(set(keys)):
        problems.append(f"{where}: schedule not sorted by (row, fiscal_year) without repeats")
    by_key = {(s["row"], s["fiscal_year"]): s for s in steps}
    for step in steps:
        before = by_key.get((step["row"], step["fiscal_year"] - 1))
        if step["continued"] and (before is None or before["activity"] != step["activity"]):
            problems.append(f"{where}: row {step['row']} {step['fiscal_year']} continues nothing it follows")
    return problems


def _indicator_problems(indicators: list[dict[str, Any]], where: str) -> list[str]:
    problems: list[str] = []
    for n, indicator in enumerate(indicators, start=1):
        at = f"{where} indicator {n}"
        problems += _has_keys(indicator, {"name", "unit", "values"}, set(), at)
        if not (isinstance(indicator.get("name"), str) and indicator["name"]):
            problems.append(f"{at}: empty name")
        if not isinstance(indicator.get("unit"), (str, type(None))):
            problems.append(f"{at}: unit {indicator.get('unit')!r}")
        for value in indicator.get("values", []):
            problems += _has_keys(value, {"kind", "fiscal_year", "value_text", "value"}, set(), at)
            if value.get("kind") not in KINDS:
                problems.append(f"{at}: kind {value.get('kind')!r}")
            if value.get("fiscal_year") is not None and not _plausible_fy(value.get("fiscal_year")):
                problems.append(f"{at}: fiscal year {value.get('fiscal_year')!r}")
            if not (isinstance(value.get("value_text"), str) and value["value_text"]):
                problems.append(f"{at}: empty value_text")
            if not isinstance(value.get("value"), (int, float, type(None))) or isinstance(value.get("value"), bool):
                problems.append(f"{at}: value {value.get('value')!r}")
    return problems


def format_problems(record: dict[str, Any]) -> list[str]:
    """Everything in one expected-records file that breaks the README's format."""
    problems = _has_keys(record, {"source", "how_checked", "document", "initiatives"}, {"not_initiatives"}, "file")
    document = record.get("document", {})
    problems += _has_keys(document, {"municipality", "title", "period_start_fy", "period_end_fy"}, set(), "document")
    start, end = document.get("period_start_fy"), document.get("period_end_fy")
    if not (_plausible_fy(start) and _plausible_fy(end) and start <= end):
        problems.append(f"document: period {start!r}–{end!r}")
    for n, item in enumerate(record.get("initiatives", []), start=1):
        where = f"initiative {n} ({item.get('title')!r})"
        problems += _has_keys(
            item, {"item_no", "title", "departments", "page"}, {"hierarchy", "schedule", "indicators"}, where
        )
        if not isinstance(item.get("item_no"), (str, type(None))):
            problems.append(f"{where}: item_no {item.get('item_no')!r}")
        if not (isinstance(item.get("title"), str) and item["title"]):
            problems.append(f"{where}: empty title")
        if not (
            isinstance(item.get("departments"), list) and all(isinstance(d, str) and d for d in item["departments"])
        ):
            problems.append(f"{where}: departments {item.get('departments')!r}")
        if not (isinstance(item.get("page"), int) and item["page"] >= 1):
            problems.append(f"{where}: page {item.get('page')!r}")
        problems += _schedule_problems(item.get("schedule", []), where)
        problems += _indicator_problems(item.get("indicators", []), where)
    unnormalized = [s for s in _strings(record) if s != collapse_whitespace(fullwidth_to_halfwidth(s))]
    if unnormalized:
        problems.append(f"strings not normalized as the contract does: {unnormalized[:5]}")
    return problems


def test_kind_vocabulary_is_the_readmes() -> None:
    line = next(line for line in README.splitlines() if "`kind` is one of" in line)
    assert tuple(re.findall(r"`([a-z_]+)`", line.partition("one of")[2])) == KINDS


@pytest.mark.parametrize("kind", KINDS, ids=KINDS)
def test_every_kind_is_printed_by_some_office_fixture(kind: str) -> None:
    kinds = {
        v["kind"]
        for record in _office_records()
        for item in record["initiatives"]
        for ind in item.get("indicators", [])
        for v in ind["values"]
    }
    assert kind in kinds


def test_there_are_office_fixtures() -> None:
    assert len(OFFICE_PDFS) >= 5


@pytest.mark.parametrize("pdf", OFFICE_PDFS, ids=[p.stem for p in OFFICE_PDFS])
def test_office_pdf_has_expected_records(pdf: Path) -> None:
    expected = EXPECTED / f"{pdf.stem}.json"
    assert expected.is_file(), f"{pdf.name} has no {expected.relative_to(ROOT)}"
    assert _load(expected)["source"] == pdf.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", EXPECTED_FILES, ids=[p.stem for p in EXPECTED_FILES])
def test_expected_file_keeps_the_format(path: Path) -> None:
    record = _load(path)
    assert format_problems(record) == []
    assert record["initiatives"], "an expected file lists at least one initiative"


@pytest.mark.parametrize("pdf", OFFICE_PDFS, ids=[p.stem for p in OFFICE_PDFS])
def test_titles_are_printed_on_their_pages(pdf: Path) -> None:
    record = _load(EXPECTED / f"{pdf.stem}.json")
    with pymupdf.open(pdf) as doc:
        pages = ["".join(fullwidth_to_halfwidth(page.get_text()).split()) for page in doc]
    assert 1 <= len(pages) <= 4
    assert max(item["page"] for item in record["initiatives"]) == len(pages)
    misplaced = [
        (item["title"], item["page"])
        for item in record["initiatives"]
        if item["page"] > len(pages) or "".join(item["title"].split()) not in pages[item["page"] - 1]
    ]
    assert misplaced == []


def test_format_check_finds_problems() -> None:
    """The validator is not a rubber stamp: a broken record is reported on each broken field."""
    broken = {
        "source": "x.pdf",
        "how_checked": "by hand",
        "document": {"municipality": "架空市", "title": "計画", "period_start_fy": 2027, "period_end_fy": 2024},
        "initiatives": [
            {
                "item_no": 1,
                "title": "ＤＸ推進",
                "departments": [],
                "page": 0,
                "schedule": [
                    {"row": 1, "fiscal_year": 2025, "activity": "実施", "continued": True},
                    {"row": 1, "fiscal_year": 2024, "activity": "検討", "continued": False},
                ],
                "indicators": [{"name": "件数", "unit": None, "values": [{"kind": "goal", "fiscal_year": 3}]}],
            }
        ],
    }
    problems = "\n".join(format_problems(broken))
    for expected in (
        "period 2027–2024",
        "item_no 1",
        "page 0",
        "not sorted",
        "continues nothing",
        "kind 'goal'",
        "fiscal year 3",
        "missing ['value', 'value_text']",
        "not normalized",
    ):
        assert expected in problems
