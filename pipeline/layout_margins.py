"""Running headers, footers and page numbers of a layout dump: recognised across pages and dropped.

The PDF reader drops them (`pdf_margins`); a dump prints them as the first or last lines of
its pages. Only a page's first and last non-blank lines are candidates. A candidate is dropped
when it is
* a page number (`12`, `- 12 -`, `P.12`, `12/40`), or
* repeated: the same text (digits ignored, spaces too) is the first, or the last, line of
  another page as well — a document title printed on every page;
unless its numbers change from page to page and the same text is also printed in the body of
a page: a card's number line (`＜項目番号＞ 4`) that happens to open a page is content.
Dropped lines become blank lines, so every other line keeps its number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import regex

from pipeline.fullwidth import to_narrow
from pipeline.page_numbers import PAGE_NUMBER_RE

_DIGITS_RE = regex.compile(r"\d+")
_SPACE_RE = regex.compile(r"\s+")

Line = tuple[int, str]


def drop_margins(pages: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """The pages with their running headers, footers and page numbers blanked out."""
    candidates = [_candidates(page) for page in pages]
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)  # (margin, key) → the texts printed
    for page in candidates:
        for margin, (_, text) in page:
            seen[(margin, _key(text))].append(_SPACE_RE.sub("", to_narrow(text)))
    body = {_key(text) for page, found in zip(pages, candidates, strict=True) for text in _body(page, found)}
    dropped: set[int] = set()
    for page in candidates:
        for margin, (number, text) in page:
            texts = seen[(margin, _key(text))]
            numbered = len(set(texts)) > 1 and _key(text) in body
            if PAGE_NUMBER_RE.match(to_narrow(text).strip()) or (len(texts) > 1 and not numbered):
                dropped.add(number)
    return [[(number, "" if number in dropped else text) for number, text in page] for page in pages]


def _candidates(page: Sequence[Line]) -> list[tuple[str, Line]]:
    printed = [line for line in page if line[1].strip()]
    if not printed:
        return []
    if len(printed) == 1:
        return [("bottom", printed[0])]
    return [("top", printed[0]), ("bottom", printed[-1])]


def _body(page: Sequence[Line], candidates: Sequence[tuple[str, Line]]) -> list[str]:
    margins = {line for _, line in candidates}
    return [text for line in page if line not in margins and (text := line[1]).strip()]


def _key(text: str) -> str:
    return _DIGITS_RE.sub("#", _SPACE_RE.sub("", to_narrow(text)))
