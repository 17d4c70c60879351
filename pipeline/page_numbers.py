"""Page numbers as printed in a page's margin (`12`, `- 12 -`, `P.12`, `12/40`), for both readers that drop them."""

from __future__ import annotations

import regex

#: A whole line that is only a page number.
PAGE_NUMBER_RE = regex.compile(
    r"^[-‐―—–－(（\[]*\s*(?:P\.?|p\.?|ページ|頁)?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*(?:頁|ページ)?\s*[-‐―—–－)）\]]*$"
)
