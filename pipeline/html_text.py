"""HTML fragments of text dumps to plain text and to table rows.

PDF-to-text tools wrap some cells in `<p>`, `<ul>`, `<small>` and whole tables in
`<table>` markup. Only real HTML tag names are touched: the documents also print
Japanese pseudo-tags such as `<取組内容>` that are text and must stay.
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

import regex

from pipeline.blocks import Cell, Row

# Tags that end a line of text (paragraphs, list items, line breaks).
_BREAK_TAGS = "p|ul|ol|li|br|div|tr|table|thead|tbody"
# Tags dropped without a break (inline formatting).
_INLINE_TAGS = "small|span|b|i|u|em|strong|sup|sub|font|td|th"
_BREAK_RE = regex.compile(rf"</?(?:{_BREAK_TAGS})(?:\s[^<>]*)?/?>", regex.IGNORECASE)
_INLINE_RE = regex.compile(rf"</?(?:{_INLINE_TAGS})(?:\s[^<>]*)?/?>", regex.IGNORECASE)
_CHECKBOX_RE = regex.compile(r"<input\b[^<>]*\bchecked\b[^<>]*/?>", regex.IGNORECASE)
_INPUT_RE = regex.compile(r"<input\b[^<>]*/?>", regex.IGNORECASE)
# A tag cut off at the end of a cell (`管理の効率化</`).
_DANGLING_RE = regex.compile(r"</?[A-Za-z]*$")
_TABLE_RE = regex.compile(r"<table\b.*?</table>", regex.IGNORECASE | regex.DOTALL)


def html_to_text(fragment: str) -> str:
    """Strip HTML tags from a cell; block tags become line breaks, lines are trimmed."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    text = _CHECKBOX_RE.sub("☑", fragment)
    text = _INPUT_RE.sub("☐", text)
    text = _BREAK_RE.sub("\n", text)
    text = _INLINE_RE.sub("", text)
    text = _DANGLING_RE.sub("", text)
    text = unescape(text)
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def split_tables(fragment: str) -> tuple[str, list[str]]:
    """Cut every `<table>…</table>` out of a fragment: (the rest, the tables' markup)."""
    tables = _TABLE_RE.findall(fragment)
    rest = _TABLE_RE.sub(" ", fragment) if tables else fragment
    return rest, tables


def has_open_table(fragment: str) -> bool:
    """True when a `<table` starts but never closes (a dump cut in the middle of a table)."""
    lowered = fragment.lower()
    return lowered.count("<table") > lowered.count("</table>")


class _TableParser(HTMLParser):
    """Collects rows of (inner html, colspan, rowspan) from one `<table>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: list[list[tuple[str, int, int]]] = []
        self._cell: list[str] | None = None
        self._spans = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            values = dict(attrs)
            self._cell = []
            self._spans = (_span(values.get("colspan")), _span(values.get("rowspan")))
        elif self._cell is not None:
            self._cell.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(("".join(self._cell), *self._spans))
            self._cell = None
        elif self._cell is not None:
            self._cell.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def _span(value: str | None) -> int:
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def html_table_to_rows(markup: str, line: int | None) -> tuple[Row, ...]:
    """Parse one `<table>` into rows of cells with their spans (all rows share the source line)."""
    parser = _TableParser()
    parser.feed(markup)
    parser.close()
    return tuple(
        Row(cells=tuple(Cell(html_to_text(html), cs, rs) for html, cs, rs in row), line=line)
        for row in parser.rows
        if row
    )
