"""The text-dump reader: tab rows, HTML tables, encodings and bad input."""

from __future__ import annotations

import pytest

from pipeline.blocks import Paragraph, Table
from pipeline.errors import DocumentError
from pipeline.html_text import html_to_text
from pipeline.read_text import read_text_dump
from tests.conftest import PLAN_2021, read


def test_tab_lines_become_rows_with_their_line_numbers() -> None:
    doc = read_text_dump("x.txt", "見出し\n1\t題名\t市長室\n\t3年度\t4年度\n\n本文".encode())
    blocks = list(doc.blocks())
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "見出し" and blocks[0].line == 1
    assert isinstance(blocks[1], Table) and blocks[1].origin == "tab"
    assert [r.texts for r in blocks[1].rows] == [("1", "題名", "市長室"), ("", "3年度", "4年度")]
    assert [r.line for r in blocks[1].rows] == [2, 3]
    assert isinstance(blocks[2], Paragraph) and blocks[2].line == 5


def test_html_table_becomes_a_table_with_spans() -> None:
    doc = read(PLAN_2021)
    html = [b for b in doc.blocks() if isinstance(b, Table) and b.origin == "html"]
    assert [t.line for t in html] == [420, 428, 437, 1150, 1159]
    card59 = html[3]
    assert [c.text for c in card59.rows[1].cells] == ["3年度", "4年度", "5年度", "6年度"]
    assert [c.colspan for c in card59.rows[1].cells] == [2, 2, 1, 1]
    name_cell = card59.rows[5].cells[0]
    assert name_cell.text == "ICTを活用して立入した施設数の割合 (%)"
    assert (name_cell.colspan, name_cell.rowspan) == (3, 2)


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>●一つ目</p> <p>●二つ目</p>", "●一つ目\n●二つ目"),
        ("4,140 <small>(R3.1月末時点)</small>", "4,140 (R3.1月末時点)"),
        ("<p><参加消防本部></p>", "<参加消防本部>"),
        ("管理の効率化</", "管理の効率化"),
        ('<input checked type="checkbox"/>公開', "☑公開"),
    ],
    ids=["paragraphs", "small", "pseudo-tag-kept", "dangling-tag", "checkbox"],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_the_whole_dump_reads_without_loss_of_lines() -> None:
    doc = read(PLAN_2021)
    lines = {b.line for b in doc.blocks() if isinstance(b, Paragraph)}
    lines |= {r.line for b in doc.blocks() if isinstance(b, Table) and b.origin == "tab" for r in b.rows}
    text_lines = PLAN_2021.read_text(encoding="utf-8").split("\n")
    non_blank = {i for i, line in enumerate(text_lines, start=1) if line.strip()}
    assert non_blank == lines


def test_cp932_dump_is_decoded() -> None:
    text = "行政運営プラン\n1\t使いやすく分かりやすいオンライン手続きの導入推進\t総務企画局\n"
    doc = read_text_dump("sjis.txt", text.encode("cp932"))
    assert doc.notes == ("decoded as cp932",)
    table = next(b for b in doc.blocks() if isinstance(b, Table))
    assert table.rows[0].texts[1] == "使いやすく分かりやすいオンライン手続きの導入推進"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x00\x01\x02binary", "binary file (NUL bytes), not a text dump"),
        (bytes([0x81, 0x20, 0xFF, 0xFE, 0x80]), "undecodable text: neither UTF-8 nor Shift_JIS/CP932"),
    ],
    ids=["empty", "blank", "binary", "undecodable"],
)
def test_bad_input_is_one_line_error_naming_the_file(data: bytes, reason: str) -> None:
    with pytest.raises(DocumentError) as caught:
        read_text_dump("raw/bad.txt", data)
    assert str(caught.value) == f"raw/bad.txt: {reason}"
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "kept", "note"),
    [
        ("見出し\n行政".encode()[:-1], "見出し\n行", "truncated: the file ends inside a UTF-8 character"),
        (
            "見出し\n<p>本文</p> <table><tr><td>工程".encode(),
            "見出し\n本文",
            "truncated: line 2 ends inside an HTML <table>",
        ),
    ],
    ids=["cut-utf8", "cut-table"],
)
def test_truncated_dump_keeps_what_was_read_and_says_so(data: bytes, kept: str, note: str) -> None:
    doc = read_text_dump("raw/cut.txt", data)
    assert doc.text() == kept
    assert doc.notes == ("decoded as utf-8", note)


def test_huge_dump_is_refused_with_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pipeline.read_text.MAX_TEXT_BYTES", 1000)
    with pytest.raises(DocumentError) as caught:
        read_text_dump("raw/huge.txt", "行政運営プラン\n".encode() * 100)
    assert str(caught.value) == "raw/huge.txt: text dump of 2,200 bytes exceeds the 1,000-byte limit"
