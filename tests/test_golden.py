"""Golden cards of both Fukuoka documents, checked by hand against the dumps."""

from __future__ import annotations

import os

import pytest

from extractors.model import Extraction
from pipeline.normalize import NormalizedDocument
from tests.golden_io import REGEN_FLAG, card_record, check_golden, regenerating

# card path → the variant it pins down (LAYOUTS.md §1 line numbers)
PLAN_2021_CARDS = {
    "1": "departments space-separated (375); `※` final target (384); 4 arrow rows",
    "2": "card number in col 1 (385); footnote mark in title; a row without arrows (389)",
    "3": "parent card with no description, grid or indicator (396)",
    "3/1": "sub-item 【市税】; as-of `(R3.1月末時点)` (403); name with typo kept",
    "4": "HTML table card, printed three times (420-426)",
    "13": "two indicator headers before two value rows (508-511)",
    "15": "spaced `A I` in title and grid; different text later (529); `-` values; `（％）` unit",
    "16": "activity starting in 4年度 (541); first value in col 0 then empty (544); `現在` as-of",
    "19": "`未実施` (584); 中間値/最終値 headers (583)",
    "24": "`未確定` (690)",
    "25": "`現状以上` relative targets (698)",
    "30/1": "department after two empty cells (753); parent 30 prints none",
    "32": "values with counts `59.6 （90校区）` (836)",
    "33/2": "sub-headings inside the grid (853, 855); activity starting in 5年度 (856)",
    "33/3": "row that opens with an arrow, continuing the row above (861)",
    "34/3": "two departments space-separated (897); row shifted left (901)",
    "43": "header missing 最終目標, three values (987-988)",
    "59": "HTML table with colspan/rowspan (1150)",
    "71": "merged target cell `※令和7年度までに20%以上…` (1283)",
    "72": "three indicators, 元年度 baselines, wrapped names (1293-1298)",
    "74": "wrap spaces inside cells (1351-1353); values from col 0 with a gap (1356)",
}

DX_2023_CARDS = {
    "1-1": "group card printed with `I` for 1 (200); group header repeated after page breaks",
    "1-1/1": "`指標なし (今後調査)`, `調査後設定 ※`, `同左` (215)",
    "1-1/2": "header missing 最終目標, values from col 0: `- ¦ 80 ¦ ¦ ¦ 80` (221-222)",
    "1-1/3": "as-of without <small> `5,739 (R4.12月末時点)` (234); department in col 7",
    "1-1/6": "`※改修後の利用率調査後に設定`, `同左` (260)",
    "1-2/1": "schedule cell that is a bullet list `・発行開始(R6.1月) ・周知、広報の実施` (302)",
    "1-5": "group card; stray QR caption after it (409) kept out",
    "1-8": "`-` as a year cell then text (451); `R5年度以降設定※` + `同左` (454)",
    "1-9": "group without a card of its own",
    "1-9/3": "packed `上段: … 下段: …` indicator with `a (b)` values, final target lost (479)",
    "1-9/6": "values printed inside the header cells (501)",
    "1-11/3": "`対面30 オンライン30` (545): text, not guessed",
    "1-18/1": "再掲 (632)",
    "2-2": "再掲 group card (665)",
    "2-7": "`(未定)` cells (817); no indicator",
    "3-1/1": "`→ (事業継続を検討中)` (841)",
    "3-2/3": "row starting in 6年度 (923)",
    "4-1": "card before its chapter's page header (1067): chapter from the table of contents",
    "4-2/2": "range `15~80` (1109)",
    "4-13/6": "per-year quantities without a label (1332)",
    "4-17/2": "three indicators (1476-1481)",
    "4-17/3": "`→` as a baseline value (1492)",
    "5-3": "row shifted left (1580); no indicator",
    "5-6": "`ほぼ全市民 → →` (1621); rows without arrows (1617-1618)",
}


@pytest.mark.parametrize("card_path", sorted(DX_2023_CARDS), ids=lambda p: f"002-{p}")
def test_dx_2023_golden(dx_2023: tuple[Extraction, NormalizedDocument], card_path: str) -> None:
    _, rows = dx_2023
    doc = rows.documents[0].document_id
    check_golden(doc, card_path, card_record(rows, f"{doc}:{card_path}"))


@pytest.mark.parametrize("card_path", sorted(PLAN_2021_CARDS), ids=lambda p: f"000-{p}")
def test_plan_2021_golden(plan_2021: tuple[Extraction, NormalizedDocument], card_path: str) -> None:
    _, rows = plan_2021
    doc = rows.documents[0].document_id
    check_golden(doc, card_path, card_record(rows, f"{doc}:{card_path}"))


def test_regeneration_flag_is_off_in_ci() -> None:
    """Golden files are never rewritten by CI: the flag must be off there."""
    if os.environ.get("CI"):
        assert not regenerating(), f"{REGEN_FLAG} is set in CI"
