"""Reader for layout-preserving text dumps (`pdftotext -layout`, `.md` dumps): text to the block model.

Such a dump prints each page as a monospaced grid: columns are runs of spaces, pages end
with a form feed (`\\f`), labels are letter-spaced. This reader turns it into the same
block model the PDF reader makes of the PDF:

* every `\\f` starts a new `Page` (numbered from 1; a blank page after the last `\\f` is the
  dump's closing page break, not a page); rows and paragraphs carry the 1-based dump `line`
  (as `str.split("\\n")` counts) they start on, and their `page`;
* running headers, footers and page numbers are dropped, as the PDF reader drops them
  (`layout_margins`);
* lines printed in the same columns (`text_columns`: a run ends at two blanks) form a table
  (`layout_tables`: across the blank lines between rows printed apart, with the lines of
  wrapped cells and the headings printed across it), and its lines make the rows it prints
  (`layout_rows`: a wrapped or centred cell's lines are one cell of one row), one cell per
  column (`origin="layout"`);
* other lines are text: a line that runs to the text's right edge goes on on the next
  (`layout_paragraphs`); so are lines of two runs set apart by a tab that line up with no
  other line but each other (`【No.1】   取組事項：…`), their runs joined by a space;
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
from dataclasses import dataclass
from itertools import pairwise

import regex

from pipeline.blocks import Block, Cell, Document, Page, Paragraph, Row, Table
from pipeline.fullwidth import to_narrow
from pipeline.layout_margins import drop_margins
from pipeline.layout_paragraphs import paragraph_text, paragraphs, text_edge
from pipeline.layout_rows import printed_rows
from pipeline.layout_tables import MAX_TAB_GAP, TAB_STOP_GAP, DumpLine, Segment, TableLines, segment
from pipeline.markdown_tables import has_pipe_table, pipe_cells, table_length
from pipeline.spaced_digits import close_spaced_digits
from pipeline.text_columns import MAX_SNAP, Span, choose_metric, is_letter, line_spans

# Share of non-blank lines with a column gap (two blanks between text) above which a dump
# without tabs is a layout dump. Measured: the tab dumps in raw/ have 0.00, `pdftotext -layout`
# dumps of plan PDFs 0.45-0.50.
LAYOUT_SHARE = 0.2
_GAP_RE = regex.compile(r"\S[ \u3000]{2,}\S")
_TITLE_RE = regex.compile(r"^#{1,6} +(?P<title>\S.*)$")
_SPACES_RE = regex.compile(r"[ \u3000]+")
# Lines of two runs, this many at most, that line up only with each other are text set with a tab
# (`【No.3】 取組事項：…` under `指標：… 現状 …`), not a table.
MAX_TAB_LINES = 2


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
    pages = drop_margins(_pages(lines, skip_first=title is not None))
    wide = choose_metric([text for page in pages for _, text in page])
    metric = "a wide character two columns" if wide else "one column a character"
    notes = (*notes, f"layout dump: {len(pages)} pages, {metric}")
    printed = [DumpLine(n, tuple(line_spans(t, wide))) for page in pages for n, t in page if t.strip()]
    print_ = _Print(wide, text_edge(printed))
    built = tuple(Page(number=n, blocks=tuple(_blocks(page, n, print_))) for n, page in enumerate(pages, start=1))
    return Document(path=path, source_format="text", pages=built, page_count=len(built), notes=notes)


@dataclass(frozen=True)
class _Print:
    """How the dump prints: its metric (`wide`: a wide character two columns) and its text's right edge."""

    wide: bool
    edge: int | None


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


def _blocks(lines: Sequence[tuple[int, str]], page: int, print_: _Print) -> list[Block]:
    blocks: list[Block] = []
    texts = [text for _, text in lines]
    start = index = 0
    while index < len(lines):
        length = table_length(texts, index)
        if not length:
            index += 1
            continue
        blocks.extend(_layout_blocks(segment(lines[start:index], print_.wide), page, print_.edge))
        blocks.append(_pipe_table(lines[index : index + length], page))
        index = start = index + length
    blocks.extend(_layout_blocks(segment(lines[start:], print_.wide), page, print_.edge))
    return blocks


def _layout_blocks(segments: Sequence[Segment], page: int, edge: int | None) -> list[Block]:
    blocks: list[Block] = []
    text_lines: list[DumpLine] = []
    for index, part in enumerate([*segments, None]):
        if isinstance(part, DumpLine):
            text_lines.append(part)
            continue
        for group in paragraphs(text_lines, edge):
            blocks.append(Paragraph(text=clean(paragraph_text(group)), line=group[0].number, page=page))
        text_lines.clear()
        if part is None:
            continue
        if _tab_set(part, segments[index - 1] if index else None, segments[index + 1 : index + 2]):
            blocks.extend(_text(line.spans, line.number, page) for line in part.lines)
        else:
            rows = tuple(
                Row(cells=tuple(Cell(t) for t in r.texts), line=r.line, page=page) for r in printed_rows(part, clean)
            )
            blocks.append(Table(rows=rows, origin="layout", line=rows[0].line, page=page))
    return blocks


def _tab_set(table: TableLines, before: Segment | None, after: Sequence[Segment]) -> bool:
    """True for lines of two runs, `MAX_TAB_LINES` at most, that line up only with each other and are
    text set with a tab, not a table: starting at the left edge, where running text starts, their
    texts stand at most `TAB_STOP_GAP` apart (the next tab stop); or at most `MAX_TAB_GAP` apart next
    to other text that starts where they start (no blank line between). A table of tall rows prints
    each row alone between blank lines, or beside the other lines of its wrapped cells, its columns
    further apart; a letter-spaced label is a form's."""
    if len(table.lines) > MAX_TAB_LINES or any(len(line.spans) != 2 for line in table.lines):
        return False
    if any(span.spaced for line in table.lines for span in line.spans):
        return False  # a letter-spaced label: a form's cell
    gap = max(line.spans[1].start - line.spans[0].end for line in table.lines)
    if gap > MAX_TAB_GAP:
        return False  # two texts far apart: columns of their own
    if gap <= TAB_STOP_GAP and all(line.spans[0].start == 0 for line in table.lines):
        return True
    first, last = table.lines[0], table.lines[-1]
    above = before is not None and _beside(_edge_line(before, last=True), first)
    below = bool(after) and _beside(_edge_line(after[0], last=False), last)
    return above or below


def _edge_line(part: Segment, last: bool) -> DumpLine:
    if isinstance(part, DumpLine):
        return part
    return part.lines[-1] if last else part.lines[0]


def _beside(other: DumpLine, line: DumpLine) -> bool:
    """True when `other` is printed right above or below `line`, starting at the same place."""
    adjacent = abs(other.number - line.number) == 1
    return adjacent and abs(other.spans[0].start - line.spans[0].start) <= MAX_SNAP


def _text(spans: Sequence[Span], line: int, page: int) -> Paragraph:
    return Paragraph(text=clean(" ".join(s.text for s in spans)), line=line, page=page)


def _pipe_table(lines: Sequence[tuple[int, str]], page: int) -> Table:
    body = [lines[0], *lines[2:]]  # the separator line carries no cells
    rows = tuple(Row(cells=tuple(Cell(clean(c)) for c in pipe_cells(t)), line=n, page=page) for n, t in body)
    return Table(rows=rows, origin="md", line=rows[0].line, page=page)


def clean(text: str) -> str:
    """Cell or paragraph text: narrow forms, single spaces, letter-spacing closed between wide characters.

    A space goes when the characters on both sides are wide and each stands alone between
    spaces (`処 理 区 数` → `処理区数`); words of several characters keep their spaces
    (`総務企画局 市民局`, `ア 民間委託`), as do Latin words and numbers (`10 ㎥`). The spaces a dump
    prints beside numbers and Latin words are closed where the PDF has none (`close_spaced_digits`).
    """
    words = _SPACES_RE.split(to_narrow(text).strip())
    out = words[0]
    for before, word in pairwise(words):
        out += word if is_letter(before) and is_letter(word) else " " + word
    return close_spaced_digits(out)
