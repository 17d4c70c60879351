"""Running headers and footers: recognised across pages and dropped.

Only paragraphs at the very top or bottom of a page are candidates: those within the outer
`MARGIN_SHARE` of the page height with no table or other text between them and the page edge.
A candidate is dropped when it is
* a page number (`12`, `- 12 -`, `P.12`, `12/40`), or
* repeated: the same text (digits ignored, so `1-3` and `1-4` match) in the same margin on
  at least two pages — `1.くらしのDX`, a document title printed on every page; or
* printed where such a repeated line stands (same margin, same height and size) on another page:
  the chapter header of a chapter that fills a single page;
unless its numbers change from page to page and the same text (digits ignored) is also printed
in the body of a page: a card's number line (`＜項目番号＞ 4`) that happens to open a page is
content, as it is where it opens a card mid-page (a running `1款 市税`, printed alike on every
page, is still a header).
Headers must not reach the extractors: a page number between two rows of a card would be
read as a row of the card.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from pipeline.page_numbers import PAGE_NUMBER_RE
from pipeline.pdf_page import PageDraft, TextDraft

MARGIN_SHARE = 0.12
_DIGITS_RE = regex.compile(r"\d+")
_SLOT_TOLERANCE = 2.5


def _key(text: str) -> str:
    return _DIGITS_RE.sub("#", text).replace(" ", "")


def _candidates(page: PageDraft) -> list[tuple[str, TextDraft]]:
    """(margin, paragraph) of the paragraphs between the page's edges and its first/last other block."""
    ordered = sorted(page.items, key=lambda item: item.top)
    out: list[tuple[str, TextDraft]] = []
    for item in ordered:
        if not isinstance(item, TextDraft) or item.bottom > MARGIN_SHARE * page.height:
            break
        out.append(("top", item))
    for item in sorted(page.items, key=lambda item: item.bottom, reverse=True):
        if not isinstance(item, TextDraft) or item.top < (1 - MARGIN_SHARE) * page.height:
            break
        if not any(item is other for _, other in out):
            out.append(("bottom", item))
    return out


def drop_margins(pages: list[PageDraft]) -> tuple[int, int]:
    """Remove running headers/footers and page numbers from the pages: (page numbers, headers) dropped."""
    candidates = {page.number: _candidates(page) for page in pages}
    in_margins = {id(item) for found in candidates.values() for _, item in found}
    body = {
        _key(item.text)
        for page in pages
        for item in page.items
        if isinstance(item, TextDraft) and id(item) not in in_margins
    }
    exact: dict[str, int] = defaultdict(int)
    for found in candidates.values():
        for _, item in found:
            exact[item.text.replace(" ", "")] += 1
    pages_of: dict[tuple[str, str], set[int]] = defaultdict(set)
    for number, found in candidates.items():
        for margin, item in found:
            pages_of[(margin, _key(item.text))].add(number)
    slots: list[tuple[str, float, float]] = []
    for found in candidates.values():
        for margin, item in found:
            if len(pages_of[(margin, _key(item.text))]) >= 2:
                slots.append((margin, item.top, item.size))
    numbers = headers = 0
    for page in pages:
        drop: list[TextDraft] = []
        for margin, item in candidates[page.number]:
            if PAGE_NUMBER_RE.match(item.text):
                numbers += 1
            elif _key(item.text) in body and exact[item.text.replace(" ", "")] == 1:
                continue
            elif len(pages_of[(margin, _key(item.text))]) >= 2 or any(
                m == margin and abs(top - item.top) <= _SLOT_TOLERANCE and abs(size - item.size) <= 0.5
                for m, top, size in slots
            ):
                headers += 1
            else:
                continue
            drop.append(item)
        if drop:
            page.items = [item for item in page.items if not any(item is d for d in drop)]
    return numbers, headers
