"""Department cells and lines of a card: names wrapped in their cell, a `担当課：…` field inside a paragraph.

A cell holds departments when every name in it ends like one: the endings `normalizers.departments`
splits on and knows for a section (`課`, `局`, `係`, `担当` …) or for "and others" (`ほか`), and
the posts and staff a 行動計画 names as who carries a measure out (`総務課長`, `所属長`, `職員`).
"""

from __future__ import annotations

import regex

from normalizers.departments import DEPARTMENT_SUFFIXES, LOWER_LEVEL, OTHERS_WORDS
from normalizers.text import fullwidth_to_halfwidth
from recognizers.vocabulary import meaning

#: Endings of a post or of staff named where a department would be (`総務課長`, `所属長`, `職員`).
POST_ENDINGS = ("長", "職員")
DEPARTMENT_ENDINGS = (*DEPARTMENT_SUFFIXES, *LOWER_LEVEL, *OTHERS_WORDS, *POST_ENDINGS)
_INLINE_DEPARTMENT_RE = regex.compile(r"(?:^|[。\s])(?P<label>[^\s。:：]{2,6})\s*[:：]\s*(?P<value>[^。:：]{2,40})$")


def looks_like_departments(text: str) -> bool:
    """Every name of the cell ends like a department (`区役所 (東区)`: the parenthesis qualifies it)."""
    bare = regex.sub(r"\s*[(（][^()（）]*[)）]", "", text.strip())
    parts = regex.split(r"[、,，\s・/／]+", bare)
    return bool(parts) and all(p.endswith(DEPARTMENT_ENDINGS) for p in parts if p)


def unwrap_departments(text: str | None) -> str | None:
    """Join a department name wrapped inside its cell (`こども家庭⏎センター`); a line ending a name stays a break."""
    if not text:
        return text
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out: list[str] = []
    for line in lines:
        if out and not out[-1].endswith(DEPARTMENT_ENDINGS):
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


def inline_department(text: str) -> str | None:
    """The department a paragraph names in a labelled field of its own (`…。担当課：商工観光課`), or None."""
    return split_inline_department(text)[1]


def split_inline_department(text: str) -> tuple[str, str | None]:
    """(the text before it, the department) of a text ending in a department field (`…設置⏎担当：環境政策課`);
    (the text, None) when it ends in none."""
    narrow = fullwidth_to_halfwidth(text)
    match = _INLINE_DEPARTMENT_RE.search(narrow)
    if match is None or meaning("department_label", match["label"]) is None:
        return text, None
    value = match["value"].strip()
    if not looks_like_departments(value):
        return text, None
    return narrow[: match.start("label")].rstrip(), value
