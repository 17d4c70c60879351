"""Reader for layout-preserving text dumps (`pdftotext -layout`, `.md` dumps): text to the block model.

Such a dump prints each page as a monospaced grid: columns are runs of spaces, pages end
with a form feed (`\\f`), labels are letter-spaced. This reader turns it into the same
block model the PDF reader makes of the PDF:

* every `\\f` starts a new `Page` (numbered from 1; a blank page after the last `\\f` is the
  dump's closing page break, not a page); rows and paragraphs carry their 1-based dump
  `line` (as `str.split("\\n")` counts) and their `page`;
* consecutive lines of two runs or more (`text_columns`: a run ends at two blanks) form a
  table; its columns are the position ranges some line covers, the boundaries positions
  blank in every line; each line is a `Row` holding one cell per column (`origin="layout"`);
  a line whose runs would share a column with each other, or make another line's runs share
  one, starts a new table (`TableColumns`);
* a line of one run is a `Paragraph`; a blank line, a paragraph or a page break ends a table;
* a Markdown pipe table (`| a | b |` over `|---|---|`) is a table of its own (`origin="md"`);
* a `.md` dump's first line `# title` names the dump, not the page: it becomes a note;
* text is the document's own, as in a PDF: full-width ASCII becomes ASCII (`fullwidth`),
  letter-spacing is closed up between wide (CJK) characters only (`処 理 区 数` → `処理区数`,
  while `10 ㎥` and `Open Data` keep their spaces), and the spaces a dump prints between
  Japanese text and numbers or Latin words are closed where the PDF has none (`spaced_digits`:
  `令和 2 年度` → `令和2年度`).

`is_layout_dump` decides from the content which reader a text dump needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from pipeline.blocks import Block, Cell, Document, Page, Paragraph, Row, Table
from pipeline.fullwidth import to_narrow
from pipeline.markdown_tables import has_pipe_table, pipe_cells, table_length
from pipeline.spaced_digits import close_spaced_digits
from pipeline.text_columns import TableColumns, choose_metric, is_letter, line_spans

# Share of non-blank lines with a column gap (two blanks between text) above which a dump
# without tabs is a layout dump. Measured: the tab dumps in raw/ have 0.00, `pdftotext -layout`
# dumps of plan PDFs 0.45-0.50.
LAYOUT_SHARE = 0.2
_GAP_RE = regex.compile(r"\S[ \u3000]{2,}\S")
_TITLE_RE = regex.compile(r"^#{1,6} +(?P<title>\S.*)$")
_SPACES_RE = regex.compile(r"[ \u3000]+")


def is_layout_dump(text: str) -> bool:
    """True when a text dump prints its columns as spaces, not tabs or HTML tables.

    A dump holding a tab or an HTML `<table>` is written for the tab reader, whatever else
    it holds. Otherwise a form feed (a page break), a Markdown pipe table, or a share of at
    least `LAYOUT_SHARE` of the non-blank lines with a gap of two blanks or more between
    text makes it a layout dump.
    """
    if "\t" in text or "<table" in text.lower():
        return False
    if "\f" in text:
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    if has_pipe_table(lines):
        return True
    gapped = sum(1 for line in lines if _GAP_RE.search(line))
    return gapped >= LAYOUT_SHARE * len(lines)


def layout_text_to_document(path: str, text: str, notes: tuple[str, ...] = ()) -> Document:
    """Turn a decoded layout dump into the block model, one `Page` per form-feed-separated page."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = _TITLE_RE.match(lines[0]) if lines else None
    if title:
        notes = (*notes, f"line 1 is the dump's title, not printed text: {title['title'].strip()}")
    pages = _pages(lines, skip_first=title is not None)
    wide = choose_metric([text for page in pages for _, text in page])
    metric = "a wide character two columns" if wide else "one column a character"
    notes = (*notes, f"layout dump: {len(pages)} pages, {metric}")
    built = tuple(Page(number=n, blocks=tuple(_blocks(page, n, wide))) for n, page in enumerate(pages, start=1))
    return Document(path=path, source_format="text", pages=built, page_count=len(built), notes=notes)


def _pages(lines: Sequence[str], skip_first: bool) -> list[list[tuple[int, str]]]:
    """(line number, text) per page; a form feed inside a line starts the new page there."""
    pages: list[list[tuple[int, str]]] = [[]]
    for number, raw in enumerate(lines, start=1):
        if skip_first and number == 1:
            continue
        first, *rest = raw.split("\f")
        pages[-1].append((number, first))
        for part in rest:
            pages.append([(number, part)])
    if len(pages) > 1 and not any(text.strip() for _, text in pages[-1]):
        pages.pop()
    return pages


def _blocks(lines: Sequence[tuple[int, str]], page: int, wide: bool) -> list[Block]:
    blocks: list[Block] = []
    table = TableColumns()
    numbers: list[int] = []

    def flush() -> None:
        nonlocal table
        if numbers:
            blocks.append(_table(table, numbers, page))
            numbers.clear()
            table = TableColumns()

    texts = [text for _, text in lines]
    index = 0
    while index < len(lines):
        number, text = lines[index]
        length = table_length(texts, index)
        if length:
            flush()
            blocks.append(_pipe_table(lines[index : index + length], page))
            index += length
            continue
        index += 1
        spans = line_spans(text, wide)
        if len(spans) > 1:
            if not table.add(spans):
                flush()
                table.add(spans)
            numbers.append(number)
            continue
        flush()
        if spans:
            blocks.append(Paragraph(text=clean(spans[0].text), line=number, page=page))
    flush()
    return blocks


def _table(table: TableColumns, numbers: Sequence[int], page: int) -> Table:
    rows = tuple(
        Row(cells=tuple(Cell(clean(t)) for t in table.cells(spans)), line=n, page=page)
        for n, spans in zip(numbers, table.lines, strict=True)
    )
    return Table(rows=rows, origin="layout", line=rows[0].line, page=page)


def _pipe_table(lines: Sequence[tuple[int, str]], page: int) -> Table:
    body = [lines[0], *lines[2:]]  # the separator line carries no cells
    rows = tuple(Row(cells=tuple(Cell(clean(c)) for c in pipe_cells(t)), line=n, page=page) for n, t in body)
    return Table(rows=rows, origin="md", line=rows[0].line, page=page)


def clean(text: str) -> str:
    """Cell or paragraph text: narrow forms, single spaces, letter-spacing closed between wide characters.

    A space goes when the characters on both sides are wide and each stands alone between
    spaces (`処 理 区 数` → `処理区数`); words of several characters keep their spaces
    (`総務企画局 市民局`, `ア 民間委託`), as do Latin words and numbers (`10 ㎥`).
    """
    words = _SPACES_RE.split(to_narrow(text).strip())
    out = words[0]
    for before, word in pairwise(words):
        out += word if is_letter(before) and is_letter(word) else " " + word
    return close_spaced_digits(out)
