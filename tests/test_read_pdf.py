"""The PDF reader: block model of the fixture PDFs, parity of card records with the text dumps, bad files.

Fixtures (tests/fixtures/pdf/) are made by scripts/make_fixture_pdfs.py from the dumps in raw/;
the real PDFs under real/ are copies of real cities' PDFs. Run with `-s` to see the parity figures.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import regex

from extractors.model import Extraction
from extractors.registry import detect_layout, extract
from pipeline.blocks import Document, Paragraph, Table
from pipeline.errors import DocumentError
from pipeline.normalize import NormalizedDocument, SourceMeta, extraction_to_rows
from pipeline.pdf_drawings import read_drawings
from pipeline.read_pdf import read_pdf
from pipeline.read_text import read_text_dump
from pipeline.serialize import to_plain
from pipeline.sources import document_id_for, read_document
from tests.golden_io import GOLDEN, REGEN_FLAG, card_record, check_golden, dumps, regenerating
from tests.hostile_pdfs import unmapped_font_only

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
REAL = FIXTURES / "real"
# fixture PDF → the dump its cards were printed from
CARD_PDFS = {
    "fukuoka_plan_cards.pdf": ROOT / "raw" / "fukuoka_gyosei_unei_plan_2021_draft.txt",
    "fukuoka_dx_cards.pdf": ROOT / "raw" / "fukuoka_dx_strategy_action_items_2023.txt",
}
# Fields that say where a record was printed (a dump line, a PDF page), not what it says.
PROVENANCE = frozenset(
    {"source_line", "source_page", "source_bbox", "source_path", "source_sha256", "source_format", "pages"}
)


@cache
def read_fixture(name: str) -> Document:
    """The block model of a fixture PDF, read once per session."""
    path = FIXTURES / name
    return read_document(path.relative_to(ROOT).as_posix(), path.read_bytes())


def _rows(document: Document, document_id: str) -> tuple[Extraction, NormalizedDocument]:
    layout = detect_layout(document)
    assert layout is not None, f"{document.path}: no layout detected"
    extraction = extract(document, layout)
    meta = SourceMeta(document_id, document.path, "", document.source_format, document.page_count, None)
    return extraction, extraction_to_rows(meta, extraction)


@cache
def pdf_and_dump(name: str) -> tuple[NormalizedDocument, NormalizedDocument, Extraction]:
    """Records of a card PDF and of its dump, both under the PDF's document id (so ids compare)."""
    document_id = document_id_for(Path(name))
    extraction, pdf_rows = _rows(read_fixture(name), document_id)
    dump = CARD_PDFS[name]
    _, dump_rows = _rows(read_text_dump(dump.name, dump.read_bytes()), document_id)
    return pdf_rows, dump_rows, extraction


def _content(row: Any) -> str:
    plain = {k: v for k, v in to_plain(row).items() if k not in PROVENANCE}
    return json.dumps(plain, ensure_ascii=False, sort_keys=True, default=str)


def _paragraphs(document: Document) -> list[str]:
    return [b.text for b in document.blocks() if isinstance(b, Paragraph)]


def _tables(document: Document) -> list[Table]:
    return [b for b in document.blocks() if isinstance(b, Table)]


def _grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


# -- block model: layout_features.pdf -----------------------------------------------------


def test_paragraphs_in_reading_order() -> None:
    doc = read_fixture("layout_features.pdf")
    paragraphs = _paragraphs(doc)
    assert paragraphs[:6] == [
        "第1章 文書の構成",  # full-width digit made ASCII, ideographic space a space
        "この資料は、PDF読取りの確認のために作成したものです。本文は段落として読み取られ、行末で折り返された文は"
        "一つの段落につながります。脚注記号²は上付き文字になります。",  # soft wraps joined, raised digit a superscript
        "・箇条書きの一行目",
        "・箇条書きの二行目",
        "事業概要",  # letter-spaced heading closed up
        "2024年度",
    ]
    assert "表の下の注記：金額は 2,050 千円です。" in paragraphs  # `2 , 0 5 0` joined
    assert doc.page_count == 3 and [p.number for p in doc.pages] == [1, 2, 3]
    assert all(b.page == p.number for p in doc.pages for b in p.blocks)


def test_running_headers_and_page_numbers_dropped() -> None:
    for name in ("layout_features.pdf", "fukuoka_plan_cards.pdf", "fukuoka_dx_cards.pdf"):
        paragraphs = _paragraphs(read_fixture(name))
        assert not [p for p in paragraphs if regex.fullmatch(r"-?\s*\d{1,3}\s*-?", p)], name
        assert not [p for p in paragraphs if p in ("レイアウト確認用資料", "福岡市 行政運営プラン（原案）")], name
        assert not [p for p in paragraphs if regex.fullmatch(r"\d\.\s*\S+のDX", p)], name  # 1.くらしのDX, 4. 行政のDX
        assert any("page numbers" in note and "running headers" in note for note in read_fixture(name).notes)


def test_arrow_styles_become_arrow_cells_in_their_columns() -> None:
    table = _tables(read_fixture("layout_features.pdf"))[0]
    assert _grid(table) == [
        ["取組", "工程", "", "", "", "備考"],
        ["", "5年度", "6年度", "7年度", "8年度", ""],
        ["ブロック矢印", "準備", "→", "→", "→", ""],  # block-arrow polygon over 6-8年度
        ["線の矢印", "検討", "→", "→", "", ""],  # line + head, starting inside 準備's column, ending in 7年度
        ["帯", "", "設計", "→", "→", ""],  # filled bar over 7-8年度
        ["文字の矢印", "運用", "→", "→", "→", ""],  # the glyph itself
        ["矢印から始まる", "→", "→", "拡大", "", "前年度から継続"],  # a row that opens with an arrow
    ]
    top = table.rows[0].cells
    assert (top[0].rowspan, top[1].colspan, top[5].rowspan) == (2, 4, 2)


def test_table_continued_on_next_page_is_one_table() -> None:
    tables = _tables(read_fixture("layout_features.pdf"))
    long = next(t for t in tables if t.rows[0].texts == ("区分", "内容", "金額"))
    assert len(long.rows) == 41
    merged = long.rows[1].cells[0]
    assert (merged.text, merged.colspan, merged.rowspan) == ("継続する区分", 1, 40)  # merged cell rejoined
    # Its box is its part on the first page, which it reaches the bottom of.
    assert merged.bbox is not None and merged.bbox[1] < merged.bbox[3] <= 842
    assert {r.page for r in long.rows} == {1, 2}
    assert [r.texts[1:] for r in long.rows[-2:]] == [("項目39", "39,000"), ("項目40", "40,000")]
    assert all(r.texts[0] == "" for r in long.rows[2:])  # positions under the merged cell stay in place


def test_vertical_heading_fill_only_table_and_hidden_text() -> None:
    doc = read_fixture("layout_features.pdf")
    tables = _tables(doc)
    stacked = next(t for t in tables if t.rows[0].texts[1:] == ("物価高騰対策事業", "439,931"))
    assert stacked.rows[0].cells[0].text == "内訳" and stacked.rows[0].cells[0].rowspan == 2
    filled = next(t for t in tables if t.rows[0].texts == ("項目", "単位", "数量"))
    assert _grid(filled) == [["項目", "単位", "数量"], ["用紙", "枚", "1,200"], ["封筒", "枚", "300"]]
    assert any("pdfplumber" in note for note in doc.notes)
    assert "非表示" not in doc.text()
    assert any("white characters" in note for note in doc.notes)
    spaced = next(t for t in tables if t.rows[0].texts[0] == "歳出額")
    assert spaced.rows[0].texts == ("歳出額", "2,050,134")  # letter-spaced cells closed up


def test_font_without_tounicode_is_reported_not_emitted() -> None:
    doc = read_fixture("layout_features.pdf")
    page3 = [b.text for b in doc.pages[2].blocks if isinstance(b, Paragraph)]
    assert page3 == ["第4章 文字コードのないフォント", "この行は読めます。"]
    assert any("pages 3" in note and "ToUnicode" in note for note in doc.notes)


def test_pdf_whose_only_text_has_no_tounicode_says_so() -> None:
    """Not "no text": the text is there, in glyph ids only OCR can turn back into characters."""
    with pytest.raises(DocumentError) as caught:
        read_pdf("raw/glyph_ids.pdf", unmapped_font_only())
    message = str(caught.value)
    assert message.startswith("raw/glyph_ids.pdf: no readable text: the text on pages 1 is in font ")
    assert "without a ToUnicode map" in message and "ocrmypdf" in message


def test_fake_bold_is_deduplicated() -> None:
    doc = read_fixture("fukuoka_plan_cards.pdf")
    assert any("overprinted duplicate" in note for note in doc.notes)
    assert "行政運営プラン" in _paragraphs(doc)  # the cover title is printed twice, read once
    text = doc.text()
    assert "使いやすく分かりやすいオンライン手続きの導入推進" in text
    assert not regex.search(r"(\p{Han})\1(?!\1)(\p{Han})\2", text)


# -- the card PDFs: same records as the dumps ---------------------------------------------


@pytest.mark.parametrize("name", sorted(CARD_PDFS))
def test_card_records_equal_the_dump(name: str) -> None:
    pdf_rows, dump_rows, extraction = pdf_and_dump(name)
    cards = {c.path for c in extraction.cards}
    report = []
    for table in ("initiatives", "schedule", "indicators", "indicator_values"):
        ours = [r for r in getattr(pdf_rows, table) if r.initiative_id.split(":", 1)[1] in cards]
        theirs = [r for r in getattr(dump_rows, table) if r.initiative_id.split(":", 1)[1] in cards]
        expected = Counter(_content(r) for r in theirs)
        found = Counter(_content(r) for r in ours)
        agree = sum((expected & found).values())
        share = 100.0 * agree / max(len(theirs), 1)
        report.append(f"{table} {agree}/{len(theirs)} ({share:.1f} %)")
        assert len(ours) == len(theirs) == agree, f"{name} {table}: {agree} of {len(theirs)} rows agree"
    document = {k: v for k, v in to_plain(pdf_rows.documents[0]).items() if k not in PROVENANCE | {"encoding"}}
    expected_doc = {k: v for k, v in to_plain(dump_rows.documents[0]).items() if k not in PROVENANCE | {"encoding"}}
    assert document == expected_doc
    print(f"\n{name}: {len(cards)} cards; " + ", ".join(report))


def test_card_pdfs_draw_every_arrow_style_and_split_cards() -> None:
    import pymupdf

    styles: Counter[str] = Counter()
    for name in CARD_PDFS:
        with pymupdf.open(FIXTURES / name) as pdf:
            for page in pdf:
                drawings = read_drawings(page)
                styles.update(a.style for a in drawings.arrows)
                styles["bar"] += sum(1 for f in drawings.fills if f.y1 - f.y0 < 6)
        assert "→" in read_fixture(name).text()
    assert styles["block"] and styles["line"] and styles["bar"], styles
    plan = read_fixture("fukuoka_plan_cards.pdf")
    water = next(t for t in _tables(plan) if any("【水道料金】" in r.texts for r in t.rows))
    start = next(i for i, r in enumerate(water.rows) if "【水道料金】" in r.texts)
    assert len({r.page for r in water.rows[start:]}) == 2  # card 3-③ runs on over the page break
    dx = read_fixture("fukuoka_dx_cards.pdf")
    split = next(t for t in _tables(dx) if any("原付バイク等の手続きに係るオンライン申請" in r.texts for r in t.rows))
    pages = [r.page for r in split.rows]
    repeated = next(i for i, r in enumerate(split.rows) if "行政手続きのオンライン化の推進" in r.texts)
    assert pages[repeated - 1] + 1 == pages[repeated]  # the group header repeated at the top of the next page


PDF_GOLDEN_CARDS = {
    "fukuoka_plan_cards": {
        "1": "all four arrow styles (block, line with head, bar, glyph) in one grid",
        "2": "footnote mark in the title (raised digits → ²⁴); a row without arrows",
        "3/1": "sub-item; as-of annotation in a value",
        "3/3": "card split across pages 3 and 4: the body table continues, merged cell rejoined",
        "4": "printed as an HTML table in the dump",
        "8": "card before a page break",
        "13": "two indicator headers; card split across pages 5 and 6",
    },
    "fukuoka_dx_cards": {
        "1-1": "group card; letter-spaced headings, full-width year digits",
        "1-1/2": "header missing 最終目標, three values",
        "1-2/1": "sub-item of a group without a card of its own",
        "1-2/2": "sub-item after a page break, group header repeated on the new page",
        "1-5": "QR caption in the dump kept out; values with annotations",
        "2-2": "再掲 group card",
        "2-7": "(未定) cells, no indicator",
        "4-1": "chapter 4 from the table of contents",
    },
}


@pytest.mark.parametrize(
    ("document", "card_path"),
    [(doc, card) for doc, cards in PDF_GOLDEN_CARDS.items() for card in sorted(cards)],
    ids=lambda v: str(v),
)
def test_pdf_golden_cards(document: str, card_path: str) -> None:
    pdf_rows, dump_rows, _ = pdf_and_dump(f"{document}.pdf")
    record = card_record(pdf_rows, f"{document}:{card_path}")
    check_golden(f"pdf/{document}", card_path, record)
    dump_record = card_record(dump_rows, f"{document}:{card_path}")
    strip = lambda r: json.loads(json.dumps(r, default=str), object_hook=_drop_provenance)  # noqa: E731
    assert strip(record) == strip(dump_record)


def _drop_provenance(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in PROVENANCE}


# -- real PDFs --------------------------------------------------------------------------------

# real fixture → (page of the table, its index on the page, what it is)
REAL_TABLES = {
    "otoineppu_kyuyo_teiin_r7.pdf": (1, 0, "人件費: letter-spaced numbers, unit above value"),
    "otoineppu_koudou_keikaku.pdf": (4, 3, "目標/推進者: continued on page 5, fake bold, distributed names"),
    "nobeoka_r8_june_supplementary_budget.pdf": (1, 0, "補正予算: merged cells, stacked 内訳, right-aligned pairs"),
    "fuji_r7_budget_shizei.pdf": (1, 2, "節/説明: dense grid, two-page spread read left column first"),
}


def _table_record(table: Table) -> dict[str, Any]:
    rows = []
    for row in table.rows:
        cells: list[Any] = []
        for cell in row.cells:
            cells.append([cell.text, cell.colspan, cell.rowspan] if cell.colspan > 1 or cell.rowspan > 1 else cell.text)
        rows.append({"page": row.page, "cells": cells})
    return {"page": table.page, "origin": table.origin, "rows": rows}


def _shape(document: Document) -> list[dict[str, Any]]:
    return [
        {
            "page": page.number,
            "paragraphs": sum(1 for b in page.blocks if isinstance(b, Paragraph)),
            "tables": [f"{len(b.rows)}x{len(b.rows[0].cells)}" for b in page.blocks if isinstance(b, Table)],
        }
        for page in document.pages
    ]


@pytest.mark.parametrize("name", sorted(REAL_TABLES))
def test_real_pdf_golden_table(name: str) -> None:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} missing: run scripts/make_fixture_pdfs.py")
    document = read_pdf(path.relative_to(ROOT).as_posix(), path.read_bytes())
    page, index, _ = REAL_TABLES[name]
    table = [b for b in document.pages[page - 1].blocks if isinstance(b, Table)][index]
    record = {"table": _table_record(table), "shape": _shape(document), "notes": list(document.notes)}
    golden = GOLDEN / "pdf" / "real" / f"{Path(name).stem}.json"
    actual = dumps(record)
    if regenerating():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.is_file(), f"no golden file {golden}; run with {REGEN_FLAG}=1 and review it by hand"
    assert json.loads(actual) == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(REAL_TABLES))
def test_real_pdf_text_is_clean(name: str) -> None:
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{path} missing")
    document = read_pdf(name, path.read_bytes())
    text = document.text()
    assert document.page_count == len(document.pages)
    assert _tables(document), "ruled tables found"
    assert not regex.search(r"\d(?: [\d,]){3,}", text), "letter-spaced numbers joined"
    assert not regex.search(r"(\p{Han})\1(?!\1)(\p{Han})\2", text), "no character printed twice (`音音威威`)"
    assert "\ufffd" not in text


def test_real_letter_spaced_and_overprinted_text() -> None:
    kyuyo = read_pdf("kyuyo", (REAL / "otoineppu_kyuyo_teiin_r7.pdf").read_bytes())
    first = _tables(kyuyo)[0]
    assert first.rows[1].texts[:3] == ("令和5年度", "人\n636", "千円\n2,050,134")
    koudou = read_pdf("koudou", (REAL / "otoineppu_koudou_keikaku.pdf").read_bytes())
    assert _paragraphs(koudou)[0] == "音威子府村特定事業主行動計画"  # printed as fill + stroke, read once
    continued = [t for t in _tables(koudou) if len({r.page for r in t.rows}) > 1]
    assert continued and continued[0].rows[0].texts == ("目標", "推進者")
    # Names each spread to the cell's width (`所 属 長` over `職   員`) are two lines, not one wrapped name.
    first = _tables(koudou)[0]
    assert [row.texts[1] for row in first.rows[1:]] == [
        "総務課長\n所属長",
        "総務課長\n所属長",
        "所属長\n職員",
        "所属長\n職員",
    ]


# -- bad files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("image_only.pdf", "image-only PDF: no text layer"),
        ("encrypted.pdf", "encrypted PDF"),
        ("truncated.pdf", "truncated PDF"),
        ("corrupt.pdf", "corrupt PDF"),
        ("empty.pdf", "empty file"),
    ],
)
def test_bad_pdfs_fail_with_one_line(name: str, reason: str) -> None:
    path = FIXTURES / name
    for read in (read_pdf, read_document):
        with pytest.raises(DocumentError) as caught:
            read(f"raw/{name}", path.read_bytes())
        message = str(caught.value)
        assert "\n" not in message
        assert message.startswith(f"raw/{name}: ")
        assert reason in message
    if name == "image_only.pdf":
        assert "ocrmypdf -l jpn" in message


def test_read_document_reads_pdfs() -> None:
    document = read_fixture("fukuoka_dx_cards.pdf")
    assert document.source_format == "pdf"
    assert document.page_count == len(document.pages)
    assert {t.origin for t in _tables(document)} == {"pdf"}
    assert all(row.line is None and row.page is not None for t in _tables(document) for row in t.rows)
