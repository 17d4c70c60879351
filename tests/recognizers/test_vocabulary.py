"""The vocabulary, entry by entry: every printed term means what its row says, in any spacing or width."""

from __future__ import annotations

import pytest

from normalizers.text import fullwidth_to_halfwidth
from recognizers.schedule import is_continuation
from recognizers.vocabulary import CATEGORIES, Entry, entries, label_key, meaning

ENTRIES = [e for e in entries() if e.category not in ("arrow", "year_annotation")]


@pytest.mark.parametrize("entry", ENTRIES, ids=[f"{e.category}-{e.term}" for e in ENTRIES])
def test_entry_means_what_it_says(entry: Entry) -> None:
    assert meaning(entry.category, entry.term) == entry.meaning
    # Letter-spaced (`担 当 課`) and full-width (`ＫＰＩ`) printings mean the same.
    assert meaning(entry.category, " ".join(entry.term)) == entry.meaning
    wide = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in entry.term)
    assert meaning(entry.category, wide) == entry.meaning


def test_every_row_has_a_known_category_and_no_duplicate() -> None:
    seen = set()
    for entry in entries():
        assert entry.category in CATEGORIES, entry
        key = (entry.category, label_key(entry.term))
        assert key not in seen, f"duplicate {key}"
        seen.add(key)


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("担 当 課：", "担当課"),
        ("No.", "No"),
        ("【事業名称】", "事業名称"),
        ("実施状況*1", "実施状況"),
        ("ＫＰＩ", "KPI"),
    ],
    ids=["spaced-colon", "dot", "brackets", "footnote", "fullwidth"],
)
def test_label_key(printed: str, key: str) -> None:
    assert label_key(printed) == key
    assert label_key(label_key(printed)) == label_key(printed)  # normalizing twice changes nothing


@pytest.mark.parametrize("term", [e.term for e in entries() if e.category == "arrow"])
def test_arrow_glyphs_are_continuations(term: str) -> None:
    assert is_continuation(term)
    assert is_continuation(f" {term} ")
    assert fullwidth_to_halfwidth(term)  # glyphs survive width normalization


@pytest.mark.parametrize(
    "text", ["実施", "→ (事業継続を検討中)", "", "検討→実施"], ids=["text", "note", "empty", "inline"]
)
def test_text_is_not_a_continuation(text: str) -> None:
    assert not is_continuation(text)
