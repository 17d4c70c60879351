"""Style 8: 個別事業 cards of 福山市 行政版デジタル化実行計画 (seed 004), reprinted from Calc, A4 portrait.

The content is the pipeline's reading of the bundled dump raw/fukuyama_digital_action_plan_v1_2_2023.txt
(hand-checked); what this module prints of it is what the expected records hold. A card is one
ruled block: its number merged down the left, label | value rows (事業名称, 課題, 目的, 概要,
担当課), the 指標とスケジュール row naming the indicator (`①… ②…` when there are two, with the
plan's `※` remark after a name), then a table by year `2021年度 | 2022年度 | 2023年度 | 2024年度`
with a 目標 and a 実績 row per indicator (`目標①`, `実績①`, … when numbered); cells the plan leaves
empty stay empty. The 基本方針 and 施策 headings (`1 市民サービスの向上`, `1-1 行政手続のオンライン化`)
are printed at the top of every page and where they change; they are headings, not initiatives.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from office_pdfs.records import Expected, Initiative
from office_pdfs.seed_rows import SeedCard, SeedIndicator, indicator, printed_as_read, reprint_expected, seed_card
from office_pdfs.sheets import PORTRAIT_BODY_H, Look, break_after, outline, portrait_page, put, set_height, set_widths
from office_pdfs.text_fit import height_needed
from pipeline.normalize import NormalizedDocument
from tests.conftest import FUKUYAMA_2023, normalized

STEM = "fukuyama_reprint"
CARDS = ("1-1-1", "1-1-2", "1-1-4", "1-1-8", "1-1-10", "1-2-1", "1-2-3", "2-1-2", "2-2-1", "3-1-4", "3-3-2", "3-3-3")
YEARS = (2021, 2022, 2023, 2024)
ROW_KINDS = (("target", "目標"), ("actual", "実績"))
CIRCLED = "①②③④⑤"
INDICATOR_LABEL = "指標と\nスケジュール"
REMARK = "※"  # a remark the plan prints after an indicator's name
GOTHIC, MINCHO = "IPAexGothic", "IPAexMincho"
WIDTHS = (26.0, 82.0, 103.0, 103.0, 103.0, 103.0)
TEXT_W = sum(WIDTHS[2:])
SIZE = 8.5
LABEL_FILL, HEAD_FILL, NUMBER_FILL = "DDEBF7", "F2F2F2", "BDD7EE"
NUMBER = Look(GOTHIC, 12.0, bold=True, fill=NUMBER_FILL, horizontal="center")
LABEL = Look(GOTHIC, SIZE, fill=LABEL_FILL, horizontal="center")
TITLE = Look(GOTHIC, 10.0, bold=True)
TEXT = Look(MINCHO, SIZE)
YEAR = Look(GOTHIC, SIZE, fill=HEAD_FILL, horizontal="center")
VALUE = Look(GOTHIC, SIZE, horizontal="center")
POLICY = Look(GOTHIC, 12.0, bold=True, border=None, wrap=False)
MEASURE = Look(GOTHIC, 10.5, bold=True, border=None, wrap=False)
HEADING_H = 20.0
GAP_H = 12.0


@dataclass(frozen=True)
class Card:
    """One card as printed: its seed rows, headings, label rows and indicator rows."""

    key: str
    seed: SeedCard
    headings: tuple[str, str]  # 基本方針, 施策 as printed above the card
    labels: tuple[tuple[str, str], ...]
    indicator_names: str  # the 指標とスケジュール cell
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # row label, a printed text per year ("" empty)

    def height_plan(self) -> tuple[float, ...]:
        """Row heights in points: label rows, 指標とスケジュール, year headings, value rows."""
        heights = [max(18.0, height_needed(self.labels[0][1], TEXT_W, 10.0))]
        heights += [max(16.0, height_needed(text, TEXT_W, SIZE)) for _, text in self.labels[1:]]
        heights.append(
            max(height_needed(INDICATOR_LABEL, WIDTHS[1], SIZE), height_needed(self.indicator_names, TEXT_W, SIZE))
        )
        heights.append(14.0)
        heights += [max(16.0, *(height_needed(t, WIDTHS[2], SIZE) for t in texts)) for _, texts in self.rows]
        return tuple(heights)


def _remark(ind: SeedIndicator) -> str:
    """The remark the plan prints after the indicator's name: the note's part that is one (`※…`)."""
    parts = [p.strip() for p in (ind.row.note or "").split(";")]
    return " ".join(p for p in parts if p.startswith(REMARK))


def _printed_name(ind: SeedIndicator, number: str) -> str:
    remark = _remark(ind)
    return f"{number}{ind.row.name_raw}" + (f" {remark}" if remark else "")


def _value_rows(seed: SeedCard) -> tuple[tuple[str, tuple[str, ...]], ...]:
    numbered = len(seed.indicators) > 1
    out = []
    for n, ind in enumerate(seed.indicators):
        for kind, label in ROW_KINDS:
            texts = ["" for _ in YEARS]
            for v in ind.values:
                if v.kind == kind:
                    assert v.fiscal_year is not None
                    texts[YEARS.index(v.fiscal_year)] = "\n".join(v.value_text.split())
            out.append((label + (CIRCLED[n] if numbered else ""), tuple(texts)))
        printed_kinds = {k for k, _ in ROW_KINDS}
        for v in ind.values:
            # A value of another kind (a 実績 of the year before the plan) is printed in the remark, not the table.
            if v.kind not in printed_kinds and v.value_text not in _remark(ind):
                raise ValueError(f"{ind.row.indicator_id}: {v.kind} {v.value_text!r} is not printed")
    return tuple(out)


def cards(rows: NormalizedDocument) -> list[Card]:
    """The printed cards, from the pipeline's rows of the dump."""
    out = []
    for key in CARDS:
        seed = seed_card(rows, key)
        item = seed.initiative
        parent = next(i for i in rows.initiatives if i.initiative_id == item.parent_id)
        policy_no = parent.item_no.split("-")[0]
        headings = (f"{policy_no} {item.policy}", f"{parent.item_no} {parent.title_raw}")
        attributes = dict(item.attributes)
        labels = (
            ("事業名称", item.title_raw),
            ("課題", attributes["課題"]),
            ("目的", attributes["目的"]),
            ("概要", attributes["概要"]),
            ("担当課", item.departments_raw or ""),
        )
        numbered = len(seed.indicators) > 1
        names = "\n".join(_printed_name(ind, CIRCLED[n] if numbered else "") for n, ind in enumerate(seed.indicators))
        out.append(Card(key, seed, headings, labels, names, _value_rows(seed)))
    return out


def _write_card(ws: Worksheet, row: int, card: Card) -> int:
    """Write a card from `row`; returns the first row after it."""
    heights = card.height_plan()
    put(ws, row, 1, card.seed.initiative.item_no, NUMBER, span=(len(heights), 1))
    r = row
    for n, (label, text) in enumerate(card.labels):
        put(ws, r, 2, label, LABEL)
        put(ws, r, 3, text, TITLE if n == 0 else TEXT, span=(1, 4))
        r += 1
    put(ws, r, 2, INDICATOR_LABEL, LABEL)
    put(ws, r, 3, card.indicator_names, TEXT, span=(1, 4))
    r += 1
    put(ws, r, 2, None, YEAR)
    for col, year in enumerate(YEARS, start=3):
        put(ws, r, col, f"{year}年度", YEAR)
    r += 1
    for label, texts in card.rows:
        put(ws, r, 2, label, LABEL)
        for col, text in enumerate(texts, start=3):
            put(ws, r, col, text or None, VALUE)
        r += 1
    for offset, height in enumerate(heights):
        set_height(ws, row + offset, height)
    outline(ws, row, r - 1, 1, 6, "medium")
    return r


def _expected(card: Card, page: int) -> Initiative:
    item = card.seed.initiative
    return Initiative(
        item_no=item.item_no,
        title=printed_as_read(item.title_raw, item.title, card.key),
        departments=item.departments,
        page=page,
        hierarchy=card.headings,
        indicators=tuple(indicator(ind, ind.row.name_raw) for ind in card.seed.indicators),
    )


def build(work: Path) -> tuple[Path, Expected]:
    """Write the workbook into `work`; return it with the records it prints."""
    rows = normalized(FUKUYAMA_2023)[1]  # the bundled dump, read as the tests read it
    document = rows.documents[0]
    assert document.municipality and document.title and document.period_start_fy and document.period_end_fy
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "個別事業"
    set_widths(ws, WIDTHS)
    portrait_page(
        ws, header=f"{document.municipality} {document.title}（個別事業編）", footer_page_number=True, font=GOTHIC
    )
    initiatives: list[Initiative] = []
    row, page, used = 1, 1, 0.0
    printed: tuple[str, str] | None = None
    for card in cards(rows):
        need = sum(card.height_plan()) + GAP_H
        changed = [h for h, before in zip(card.headings, printed or ("", ""), strict=True) if h != before]
        if used and used + need + HEADING_H * len(changed) > PORTRAIT_BODY_H:
            break_after(ws, row - 1)
            page, used = page + 1, 0.0
        # Both lines at the top of a page; below, the lines that change (a new 基本方針 changes both).
        for heading in card.headings if not used else changed:
            put(ws, row, 1, heading, POLICY if heading == card.headings[0] else MEASURE, span=(1, 6))
            set_height(ws, row, HEADING_H)
            row, used = row + 1, used + HEADING_H
        printed = card.headings
        initiatives.append(_expected(card, page))
        row = _write_card(ws, row, card)
        set_height(ws, row, GAP_H)
        row, used = row + 1, used + need
    path = work / f"{STEM}.xlsx"
    wb.save(path)
    return path, reprint_expected(rows, "raw/fukuyama_digital_action_plan_v1_2_2023.txt", initiatives)
