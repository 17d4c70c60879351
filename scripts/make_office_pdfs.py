"""Print test PDFs the way city offices make them, with the records each one prints.

Offices keep a plan's 工程表 and 個票 in Excel or Word and print them to PDF; the pipeline must
read those PDFs whatever software printed them. This script writes each fixture as an XLSX
(openpyxl) or DOCX (python-docx), prints it with LibreOffice headless, and writes, from the same
data it printed, the expected records of tests/expected/README.md (truth by construction: the
pipeline never writes them). Into tests/fixtures/office/ and tests/expected/:

* `kouteihyo_sheet` (Calc) — a 工程表: merged 基本目標/施策 heading rows, the schedule as grey
  filled year cells with the activity in the first one (a bar merged over its years, a plain
  text cell before a bar, bars starting mid-plan), 令和 year headings;
* `labelled_cards` (Writer) — 個票 cards: a label | value table (事業名称, 課題, 目的, 概要, 担当課)
  and a 指標 table of 目標値/実績値 rows per year, the indicator name merged over both;
  card numbers `No.n` above all cards but one;
* `kpi_tables` (Writer) — a 総合戦略 chapter: 基本目標 headings with a 数値目標 banner paragraph,
  施策 headings with KPI tables (現状値/目標値, ruled only horizontally), one reference table
  that is not an initiative;
* `chapter_excerpt` (Calc) — 11 non-consecutive cards of 福岡市 行政運営プラン (content as the
  pipeline reads the bundled dump raw/fukuoka_gyosei_unei_plan_2021_draft.txt, hand-checked),
  in its card style: number | title | department, description beside a 工程 grid of `→`
  glyphs and 指標 rows; 取組方針/推進項目 heading lines where they change; no 目次;
* `years_mixed` (Calc) — a 工程表 on three sheets whose year headings are `20XX年度`, `R6…R9`
  and a mixture of both, continuations printed as `⇒` or `━━▶` text, columns 事業名/所管課;
* `dx_reprint` (Calc) — 13 cards and groups of 福岡市DX戦略 実行項目集 (seed 002), in its card style:
  a `1-14 | title | 所管局` band, 概要 beside a 工程 grid (`5年度 … 8年度`; `→` glyphs, on some cards
  grey-filled bars), a 指標 table `現状値（4年度）| 中間目標（6年度）| 最終目標（8年度）`, sub-items `①②…`
  under their group's band;
* `iizuka_reprint` (Writer) — 8 取組項目個票 of 飯塚市行政経営戦略推進ビジョン (seed 003), two to a page:
  the card's own labels (取組項目名, 主たる所管部署, 関係部署, …), a 年度計画 grid `令和6年度計画 …`,
  the target rows 各年度目標 / 業務量削減目標値 / 財政効果目標額 by year, the empty 実績 and 評価 rows;
* `fukuyama_reprint` (Calc) — 12 個別事業 cards of 福山市 行政版デジタル化実行計画 (seed 004), A4 portrait:
  事業名称 … 担当課 rows, 指標とスケジュール, a table `2021年度 … 2024年度` of 目標 and 実績 rows.

The three reprints print what the pipeline reads from the bundled dumps (hand-checked), as
`chapter_excerpt` does; their expected records are that reading of exactly the cards printed.

Fonts are IPAexGothic/IPAexMincho (fonts-ipaexfont), embedded as subsets by LibreOffice. Each
printed PDF is rewritten with PyMuPDF with fixed metadata and file ID; with the same
LibreOffice and fonts, two runs give identical bytes (`--check-reproducible` builds twice and
compares). Every initiative title is checked to be printed on the page its record names. Each PDF is also
dumped with `pdftotext -layout` (the `.txt` beside it, committed: CI has no poppler), as another
tool reads the same pages: the layout reader's test material.

Needs LibreOffice and poppler (apt-get install -y --no-install-recommends libreoffice-calc
libreoffice-writer fonts-ipaexfont poppler-utils poppler-data) and `pip install -e '.[fixtures]'`;
CI does not: the PDFs are committed.

Usage: .venv/bin/python scripts/make_office_pdfs.py [--pdf-dir tests/fixtures/office]
       [--expected-dir tests/expected] [--only STEM ...] [--check-reproducible]
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from office_pdfs import (  # noqa: E402
    chapter_excerpt,
    dx_reprint,
    fukuyama_reprint,
    iizuka_reprint,
    kouteihyo,
    kpi_tables,
    labelled_cards,
    years_mixed,
)
from office_pdfs.fixture_set import FixtureSet, main  # noqa: E402

STYLES: tuple[ModuleType, ...] = (
    kouteihyo,
    labelled_cards,
    kpi_tables,
    chapter_excerpt,
    years_mixed,
    dx_reprint,
    iizuka_reprint,
    fukuyama_reprint,
)
OFFICE = FixtureSet("office", STYLES, ROOT / "tests" / "fixtures" / "office", max_pages=4)


if __name__ == "__main__":
    main(OFFICE, (__doc__ or "").splitlines()[0])
