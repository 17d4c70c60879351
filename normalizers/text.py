"""Text clean-up for titles, names and cells of the plan documents.

Every function here is pure and idempotent on its own; `clean_text` chains them in the one
order that is itself idempotent (see `NORMALIZERS`).  None of them applies NFKC: the
documents print ①, ㈱, ～ and half-width kana on purpose, and NFKC would rewrite them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# --- character classes --------------------------------------------------------------------

#: Full-width ASCII forms converted to ASCII.  U+FF5E (～) is deliberately left out: in these
#: documents it is the Japanese wave dash of ranges (`H29～R2`), not an ASCII tilde.
FULLWIDTH_FIRST = 0xFF01
FULLWIDTH_LAST = 0xFF5D
_FULLWIDTH_TABLE: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(FULLWIDTH_FIRST, FULLWIDTH_LAST + 1)}
_FULLWIDTH_TABLE[0x3000] = " "  # ideographic space

#: Superscript digits used as footnote marks in the PDF text layer (`共働¹`, `RPA ⁶³`).
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

#: Characters between which a space is a PDF line-wrap artefact.  Han (incl. 々〆〇),
#: hiragana, katakana (incl. ・ and ー), half-width katakana and Japanese punctuation.
JAPANESE_CHARS = (
    "\u3005-\u3007"  # 々〆〇
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\u3041-\u309f"  # hiragana
    "\u30a0-\u30ff\u31f0-\u31ff"  # katakana, ・, ー
    "\uff66-\uff9f"  # half-width katakana
    "\u3001-\u3003\u3008-\u3011\u3014-\u301f"  # 、。〃 〈〉《》「」『』【】 〔〕〜…
    # ！（），．：；？［］｛｝～
    "\uff01\uff08\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff3b\uff3d\uff5b\uff5d\uff5e"
)
_JA = f"[{JAPANESE_CHARS}]"

# --- footnote marks -------------------------------------------------------------------------

_SUP = f"[{SUPERSCRIPT_DIGITS}]"
# A run of superscript digits, with the horizontal spaces the PDF put around it
# (`決済 ²⁴ の`).  Newlines are not touched: they separate bullets.
_SUPERSCRIPT_RUN = re.compile(rf"(?P<lead>[ \t\u3000]*){_SUP}(?:[ \t\u3000]*{_SUP})*(?P<trail>[ \t\u3000]*)")
# `^{※1}` markers of the progress leaflet; the full-width spelling is accepted too so that
# converting to half-width afterwards cannot reveal a new marker (idempotence).
_CARET_MARK = re.compile(r"[\^＾][{｛][ \u3000]*[※*＊]?[ \u3000]*[0-9０-９]+[ \u3000]*[}｝]")
# `※1` … `※99`.  Not `※2020年度実績` (a note about a year) and not `※3年後…`: a footnote
# number is one or two digits not followed by another digit or by a counter.
_KOME_NUMBER = re.compile(r"※[0-9０-９]{1,2}(?![0-9０-９.,．，年月日時分人件回%％])")


def _superscript_replacement(m: re.Match[str]) -> str:
    """Drop a superscript run; keep one space only where it separated two non-Japanese words."""
    s = m.string
    before = s[m.start() - 1] if m.start() > 0 else ""
    after = s[m.end()] if m.end() < len(s) else ""
    spaced = bool(m.group("lead") or m.group("trail"))
    if (
        spaced
        and before
        and after
        and not before.isspace()
        and not after.isspace()
        and not re.match(_JA, before)
        and not re.match(_JA, after)
    ):
        # `Wi-Fi ¹ (free)`: between two non-Japanese words the spaces were real word
        # spacing, not padding of the mark, so one survives.
        return " "
    return ""


def strip_footnote_marks(s: str) -> str:
    """Remove footnote marks: superscript-digit runs (with their padding spaces), `^{※1}`, `※1`.

    A bare `※`, or `※` followed by text, is a note and is kept.

    >>> strip_footnote_marks("キャッシュレス決済 ²⁴ の拡大")
    'キャッシュレス決済の拡大'
    >>> strip_footnote_marks("AI^{※3}技術")
    'AI技術'
    """
    # Repeat until nothing changes: removing one mark can reveal another (`＾｛¹1｝` →
    # `＾｛1｝`), and `clean_text` must be idempotent.  Every pass shortens the string, so
    # this ends.
    while True:
        # Caret markers first: `^{※1}` contains `※1`, which would otherwise leave `^{}`.
        stripped = _CARET_MARK.sub("", s)
        stripped = _KOME_NUMBER.sub("", stripped)
        stripped = _SUPERSCRIPT_RUN.sub(_superscript_replacement, stripped)
        if stripped == s:
            return s
        s = stripped


# --- width ------------------------------------------------------------------------------------


def fullwidth_to_halfwidth(s: str) -> str:
    """Map full-width ASCII (U+FF01-U+FF5D) to ASCII and U+3000 to a space; nothing else.

    `～` (U+FF5E), kana, circled digits and other compatibility characters are untouched
    (this is deliberately not NFKC).

    >>> fullwidth_to_halfwidth("割合（％）～")
    '割合(%)～'
    """
    return s.translate(_FULLWIDTH_TABLE)


# --- spacing ----------------------------------------------------------------------------------

# Two or more single ASCII letters separated by whitespace (`A I`, `I o T`), not glued to
# another letter or digit on either side, so real words (`LINE Pay`, `Wi-Fi`) never match.
# Any whitespace run counts as a separator, not just one space: `collapse_whitespace` runs
# after this step, and a run it shrinks to one space must not become joinable on a second
# pass (idempotence of `clean_text`).
_SPACED_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z](?:\s+[A-Za-z])+(?![A-Za-z0-9])")


def join_spaced_latin(s: str) -> str:
    """Join letter-spaced Latin abbreviations: `A I` → `AI`, `I o T` → `IoT`, `A I開発` → `AI開発`.

    Only runs of at least two single letters are joined; words of two or more letters are
    left alone (`Fukuo City Wi-Fi`, `LINE Pay`).
    """
    return _SPACED_LATIN.sub(lambda m: "".join(m.group().split()), s)


def collapse_whitespace(s: str) -> str:
    """Collapse every whitespace run (spaces, tabs, U+3000, newlines) to one space and strip."""
    return " ".join(s.split())


# A horizontal whitespace run between two Japanese characters (never a newline: bullets of a
# description are joined with newlines and must stay apart).
_WRAP_SPACE = re.compile(rf"(?<={_JA})[ \t\u3000]+(?={_JA})")


def drop_wrap_spaces(s: str) -> str:
    """Remove spaces that PDF line wraps left between two Japanese characters.

    `採用試験・選 考の方法等の 見直し` → `採用試験・選考の方法等の見直し`; a space next to ASCII
    is kept (`割合 (%)`, `HP等による 広報` → `HP等による広報`).
    """
    return _WRAP_SPACE.sub("", s)


# --- the chain --------------------------------------------------------------------------------


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


#: The one ordered list of normalizers applied to titles and names by `clean_text`.
NORMALIZERS: tuple[Callable[[str], str], ...] = (
    # 1. Canonical composition first, so that every later pattern sees one spelling of a
    #    character (the contract promises NFC strings).
    _nfc,
    # 2. Footnote marks before width conversion: `^{※1}` and `※1` are matched in both widths,
    #    and superscript padding spaces are judged before whitespace is collapsed.
    strip_footnote_marks,
    # 3. Full-width ASCII to ASCII (not NFKC: ①, ㈱, ～, kana stay).
    fullwidth_to_halfwidth,
    # 4. `A I` → `AI` needs ASCII letters, hence after step 3.
    join_spaced_latin,
    # 5. One space per whitespace run, stripped.
    collapse_whitespace,
    # 6. Wrap spaces between Japanese characters, once whitespace is a single space.
    drop_wrap_spaces,
    # 7. Removing a mark or converting a width can put a base letter next to a combining
    #    mark (`Ａ` + U+0301 → `A` + U+0301); compose again so the result is NFC and a
    #    second pass changes nothing.
    _nfc,
)


def clean_text(s: str) -> str:
    """Normalize a title or name: apply `NORMALIZERS` in order.  Idempotent.

    >>> clean_text("A I ²⁶ やI o T ²⁷ など先進技術の 活用")
    'AIやIoTなど先進技術の活用'
    """
    for normalize in NORMALIZERS:
        s = normalize(s)
    return s
