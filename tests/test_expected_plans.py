"""The hand-written expected records (tests/expected/*.json) follow their format and agree with their documents.

No pipeline runs here. These files are typed by hand from page images, so the checks guard them against
typos: the keys and vocabularies of tests/expected/README.md, strings in the contract's normal form, every
title, department, heading and indicator name present in the source's text layer (on the page given),
every `value` equal to the number its `value_text` prints, and item numbers unique under one heading.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from normalizers.text import clean_text, fullwidth_to_halfwidth
from tests.conftest import ROOT

EXPECTED = ROOT / "tests" / "expected"
README = EXPECTED / "README.md"
# The records checked by hand against real plans (the office fixtures' records have their own test).
FILES = sorted(p for p in EXPECTED.glob("*.json") if '"tests/fixtures/plans/' in p.read_text(encoding="utf-8"))
IDS = [path.stem for path in FILES]

#: `kind` of an indicator value, as tests/expected/README.md lists it.
KINDS = ("baseline", "interim_target", "final_target", "target", "actual")
#: Fiscal years a plan of a municipality can print (Heisei 1 to the end of the century).
FIRST_FY, LAST_FY = 1989, 2100

TOP_REQUIRED = {"source", "how_checked", "document", "initiatives"}
TOP_OPTIONAL = {"not_initiatives"}
DOCUMENT_REQUIRED = {"municipality", "title"}
DOCUMENT_OPTIONAL = {"period_start_fy", "period_end_fy"}
INITIATIVE_REQUIRED = {"item_no", "title", "departments", "page"}
INITIATIVE_OPTIONAL = {"hierarchy", "schedule", "indicators", "description", "attributes"}
SCHEDULE_KEYS = {"row", "fiscal_year", "activity", "continued"}
INDICATOR_KEYS = {"name", "unit", "values"}
VALUE_REQUIRED = {"kind", "fiscal_year", "value_text", "value"}
VALUE_OPTIONAL = {"series"}

# One printed number: digits with thousands commas and a decimal part; △/▲ in front marks a negative.
_NUMBER = re.compile(r"(?P<sign>[△▲-]?)\s*(?P<digits>\d[\d,]*(?:\.\d+)?)")


@cache
def load(path: Path) -> dict[str, Any]:
    """One expected file, parsed once per session."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def squash(s: str) -> str:
    """Text compared without width or layout: full-width ASCII half-width, every whitespace removed."""
    return "".join(fullwidth_to_halfwidth(s).split())


@cache
def page_texts(source: str) -> tuple[str, ...]:
    """The squashed text layer of each page of a source PDF."""
    with pymupdf.open(ROOT / source) as doc:
        return tuple(squash(page.get_text()) for page in doc)


def _keys_ok(record: dict[str, Any], required: set[str], optional: set[str], where: str) -> list[str]:
    missing = required - record.keys()
    unknown = record.keys() - required - optional
    return [f"{where}: missing {sorted(missing)}"] * bool(missing) + [f"{where}: unknown {sorted(unknown)}"] * bool(
        unknown
    )


def _fy_ok(fy: object, where: str, nullable: bool) -> list[str]:
    if fy is None and nullable:
        return []
    if isinstance(fy, int) and not isinstance(fy, bool) and FIRST_FY <= fy <= LAST_FY:
        return []
    return [f"{where}: fiscal year {fy!r} is not an int in {FIRST_FY}-{LAST_FY}"]


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(s, str) and s for s in value)


def format_problems(data: dict[str, Any]) -> list[str]:
    """Every way one expected file departs from the README format (empty when it follows it)."""
    problems = _keys_ok(data, TOP_REQUIRED, TOP_OPTIONAL, "file")
    if not (isinstance(data.get("how_checked"), str) and data["how_checked"].strip()):
        problems.append("how_checked must say how the file was checked")
    if not (ROOT / str(data.get("source"))).is_file():
        problems.append(f"source {data.get('source')!r} is not a file of the project")
    document = data.get("document", {})
    problems += _keys_ok(document, DOCUMENT_REQUIRED, DOCUMENT_OPTIONAL, "document")
    for key in ("period_start_fy", "period_end_fy"):
        problems += _fy_ok(document.get(key), f"document.{key}", nullable=True)
    start, end = document.get("period_start_fy"), document.get("period_end_fy")
    if isinstance(start, int) and isinstance(end, int) and start > end:
        problems.append(f"document: period {start}-{end} runs backwards")
    if not _is_str_list(data.get("not_initiatives", [])):
        problems.append("not_initiatives must be a list of printed headings")
    for i, initiative in enumerate(data.get("initiatives", [])):
        problems += initiative_problems(initiative, f"initiatives[{i}]")
    return problems


def initiative_problems(initiative: dict[str, Any], where: str) -> list[str]:
    """Format problems of one initiative and everything under it."""
    problems = _keys_ok(initiative, INITIATIVE_REQUIRED, INITIATIVE_OPTIONAL, where)
    if not (initiative.get("item_no") is None or isinstance(initiative.get("item_no"), str)):
        problems.append(f"{where}: item_no must be the printed string or null")
    if not (isinstance(initiative.get("title"), str) and initiative["title"]):
        problems.append(f"{where}: title must be a non-empty string")
    if not isinstance(initiative.get("departments"), list) or not _is_str_list(initiative["departments"]):
        problems.append(f"{where}: departments must be a list of names")
    page = initiative.get("page")
    if not (isinstance(page, int) and page >= 1):
        problems.append(f"{where}: page must be a 1-based page number")
    if "hierarchy" in initiative and not _is_str_list(initiative["hierarchy"]):
        problems.append(f"{where}: hierarchy must be a list of headings")
    if "description" in initiative and not isinstance(initiative["description"], str):
        problems.append(f"{where}: description must be a string")
    attributes = initiative.get("attributes", {})
    if not (isinstance(attributes, dict) and all(isinstance(v, str) for v in attributes.values())):
        problems.append(f"{where}: attributes must map printed column names to printed strings")
    for j, entry in enumerate(initiative.get("schedule", [])):
        at = f"{where}.schedule[{j}]"
        problems += _keys_ok(entry, SCHEDULE_KEYS, set(), at) + _fy_ok(entry.get("fiscal_year"), at, nullable=False)
        if not isinstance(entry.get("continued"), bool):
            problems.append(f"{at}: continued must be true or false")
    for j, indicator in enumerate(initiative.get("indicators", [])):
        at = f"{where}.indicators[{j}]"
        problems += _keys_ok(indicator, INDICATOR_KEYS, set(), at)
        for k, value in enumerate(indicator.get("values", [])):
            problems += value_problems(value, f"{at}.values[{k}]")
    return problems


def value_problems(value: dict[str, Any], where: str) -> list[str]:
    """Format problems of one indicator value."""
    problems = _keys_ok(value, VALUE_REQUIRED, VALUE_OPTIONAL, where)
    if value.get("kind") not in KINDS:
        problems.append(f"{where}: kind {value.get('kind')!r} is not one of {KINDS}")
    problems += _fy_ok(value.get("fiscal_year"), where, nullable=True)
    if not isinstance(value.get("value_text"), str):
        problems.append(f"{where}: value_text must be the printed string")
    number = value.get("value")
    if not (number is None or (isinstance(number, (int, float)) and not isinstance(number, bool))):
        problems.append(f"{where}: value must be a number or null")
    return problems


def printed_number(value_text: str) -> float | None:
    """The one number a value cell prints (△/▲ negative), or None when it prints none or several."""
    found = list(_NUMBER.finditer(value_text))
    if len(found) != 1:
        return None
    number = float(found[0]["digits"].replace(",", ""))
    return -number if found[0]["sign"] else number


def strings(data: dict[str, Any]) -> list[str]:
    """Every string of an expected file that the contract normalizes (not how_checked or source)."""
    out = [data["document"]["municipality"], data["document"]["title"], *data.get("not_initiatives", [])]
    for initiative in data["initiatives"]:
        out += [initiative["title"], *initiative["departments"], *initiative.get("hierarchy", [])]
        out += [initiative.get("description", ""), *initiative.get("attributes", {}).values()]
        out += [entry["activity"] for entry in initiative.get("schedule", [])]
        for indicator in initiative.get("indicators", []):
            out += [indicator["name"], indicator["unit"] or ""]
            out += [value["value_text"] for value in indicator["values"]]
    return [s for s in out if s]


def printed_on_page(data: dict[str, Any]) -> list[tuple[str, int | None]]:
    """(string, page) pairs the source must print: None for anywhere in the document."""
    pairs: list[tuple[str, int | None]] = [(data["document"]["title"], None)]
    pairs += [(heading, None) for heading in data.get("not_initiatives", [])]
    for initiative in data["initiatives"]:
        page = initiative["page"]
        pairs += [(initiative["title"], page), *((d, page) for d in initiative["departments"])]
        pairs += [(heading, page) for heading in initiative.get("hierarchy", [])]
        pairs += [(indicator["name"], page) for indicator in initiative.get("indicators", [])]
    return pairs


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_follows_the_readme_format(path: Path) -> None:
    assert format_problems(load(path)) == []


@pytest.mark.parametrize("kind", KINDS, ids=KINDS)
def test_kind_is_documented_in_the_readme(kind: str) -> None:
    kinds_line = next(line for line in README.read_text(encoding="utf-8").splitlines() if "`kind` is one of" in line)
    assert f"`{kind}`" in kinds_line


def test_readme_lists_no_other_kind() -> None:
    kinds_line = next(line for line in README.read_text(encoding="utf-8").splitlines() if "`kind` is one of" in line)
    assert set(re.findall(r"`([a-z_]+)`", kinds_line)) - {"kind"} == set(KINDS)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_strings_are_in_contract_form(path: Path) -> None:
    assert [s for s in strings(load(path)) if clean_text(s) != s] == []


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_names_are_printed_in_the_source(path: Path) -> None:
    data = load(path)
    texts = page_texts(data["source"])
    missing = []
    for s, page in printed_on_page(data):
        where = texts if page is None else texts[page - 1 : page]
        if not any(squash(s) in text for text in where):
            missing.append((s, page))
    assert missing == []


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_values_are_the_numbers_printed(path: Path) -> None:
    wrong = [
        (indicator["name"], value["value_text"], value["value"])
        for initiative in load(path)["initiatives"]
        for indicator in initiative.get("indicators", [])
        for value in indicator["values"]
        if value["value"] != printed_number(value["value_text"])
    ]
    assert wrong == []


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_item_numbers_are_unique_under_one_heading(path: Path) -> None:
    seen: dict[tuple[tuple[str, ...], str], int] = {}
    for initiative in load(path)["initiatives"]:
        if initiative["item_no"] is not None:
            key = (tuple(initiative.get("hierarchy", [])), initiative["item_no"])
            seen[key] = seen.get(key, 0) + 1
    assert [key for key, count in seen.items() if count > 1] == []


# A text dump of the same document sits next to its PDF under the same stem; it must print the same names.
DUMPS = [
    (path, dump)
    for path in FILES
    for dump in sorted((ROOT / load(path)["source"]).parent.glob(Path(load(path)["source"]).stem + ".*"))
    if dump.suffix in {".md", ".txt"}
]


@pytest.mark.parametrize(("path", "dump"), DUMPS, ids=[dump.name for _, dump in DUMPS])
def test_text_dump_prints_the_same_names(path: Path, dump: Path) -> None:
    text = squash(dump.read_text(encoding="utf-8"))
    assert [s for s, _ in printed_on_page(load(path)) if squash(s) not in text] == []


def test_printed_number_reads_one_number() -> None:
    assert (printed_number("1,316.70"), printed_number("△82,662"), printed_number("0.00")) == (1316.7, -82662.0, 0.0)
    assert (printed_number("該当数値なし"), printed_number("3 / 5")) == (None, None)
