"""Department cells (担当課, 所管部署, 担当局) split into department names."""

from __future__ import annotations

import re
import unicodedata

from normalizers.text import clean_text, fullwidth_to_halfwidth, strip_footnote_marks

#: Endings of a department name.  `・` separates two departments only when the text before it
#: ends with one of these: `総務企画局・市民局` is two, but `業務改善・DX推進課`,
#: `社会・障がい者福祉課`, `特産品振興・ふるさと応援課` and `福山中・高等学校` are one each.
#: A bare `会` is not an ending: `社会` ends with it (`社会・障がい者福祉課`); the bodies
#: that end in 会 are listed whole (委員会, 議会 and so 協議会, 審議会).
DEPARTMENT_SUFFIXES: tuple[str, ...] = (
    "委員会",
    "議会",
    "事務局",
    "本部",
    "センター",
    "局",
    "区",
    "室",
    "部",
    "課",
    "所",
    "館",
)
#: Trailing words meaning "and others" (`情報政策課ほか`, `…福祉課他`, `…国際政策課など`).
OTHERS_WORDS: tuple[str, ...] = ("ほか", "など", "他")

# Separators other than `・` and spaces (text is half-width by then, so `，` is `,` and `／`
# is `/`): `、` `,` `/` `;` `及び` and line breaks.
_SEPARATORS = re.compile(r"[、,/;\n\r]|及び")
# A space separates departments except before a parenthesis: `区役所 (東区)` is one name,
# so those spaces are removed before splitting at the others.
_SPACE_BEFORE_PAREN = re.compile(r"\s+(?=\()")
_OTHERS = re.compile("(?:" + "|".join(OTHERS_WORDS) + ")$")
#: Endings of an upper level (a bureau) and of a lower one (its section): `企業局 上水道課` is one
#: section of one bureau printed with a space, not two departments.
UPPER_LEVEL: tuple[str, ...] = ("局", "部", "本部", "委員会", "事務局")
LOWER_LEVEL: tuple[str, ...] = ("課", "室", "係", "担当", "センター", "所")


def _top_level(text: str, separators: re.Pattern[str]) -> list[str]:
    """Split at separators outside parentheses: `経済建設課(穂波、庄内)` stays one piece."""
    pieces, depth, start = [], 0, 0
    for match in re.finditer(rf"[()]|{separators.pattern}", text):
        token = match.group(0)
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append(text[start : match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


def _join_levels(words: list[str]) -> list[str]:
    """Join `bureau section` pairs printed with a space into one department."""
    joined: list[str] = []
    for word in words:
        if joined and joined[-1].endswith(UPPER_LEVEL) and word.endswith(LOWER_LEVEL):
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
    return joined


def normalize_department(name: str) -> str:
    """One department name, normalized like titles (`clean_text`) and stripped."""
    return clean_text(name).strip()


def _split_nakaguro(part: str) -> list[str]:
    """Split at `・` where the text before it ends with a department suffix."""
    pieces: list[str] = []
    current = ""
    for chunk in part.split("・"):
        current = f"{current}・{chunk}" if current else chunk
        if current.endswith(DEPARTMENT_SUFFIXES):
            pieces.append(current)
            current = ""
    if current:
        # A tail without a department ending (`福山中・高等学校`, or `…局・その他`) is a name
        # of its own.
        pieces.append(current)
    return [p for p in pieces if p]


def _strip_others(name: str) -> tuple[str, bool]:
    """(name without trailing ほか/他/など, whether it had any)."""
    found = False
    while m := _OTHERS.search(name):
        rest = name[: m.start()].rstrip(" 、,")
        # `他` is ambiguous with names ending in it (`その他`): only strip it after a
        # department ending, or when nothing else is left.
        if m.group() == "他" and rest and not rest.endswith(DEPARTMENT_SUFFIXES):
            break
        name, found = rest, True
    return name, found


def split_departments(text: str) -> tuple[list[str], bool]:
    """(departments in printed order, each once; has_others) from a department cell.

    Separators: `、` `，` `,` `／` `/` `及び`, newlines, spaces (not before a parenthesis:
    `区役所 (東区)` → `区役所(東区)`), and `・` after a department suffix (see
    `DEPARTMENT_SUFFIXES`).  A trailing `ほか`/`他`/`など` sets has_others.

    >>> split_departments("総務企画局・関係各局・各区")
    (['総務企画局', '関係各局', '各区'], False)
    >>> split_departments("ICT推進課，人材育成課ほか")
    (['ICT推進課', '人材育成課'], True)
    """
    has_others = False
    names: list[str] = []
    # Width, composition and footnote marks first, so that separators and department
    # endings are seen in one spelling (`，` is `,`, `（` is `(`, `局¹・` ends with 局).
    text = fullwidth_to_halfwidth(strip_footnote_marks(unicodedata.normalize("NFC", text)))
    text = _SPACE_BEFORE_PAREN.sub("", text)
    for chunk in _top_level(text, _SEPARATORS):
        for spaced in _join_levels([w for w in _top_level(chunk, re.compile(r"\s+")) if w.strip()]):
            for piece in _split_nakaguro(spaced):
                name = normalize_department(piece)
                name, others = _strip_others(name)
                has_others = has_others or others
                if name and name not in OTHERS_WORDS and name not in names:
                    names.append(name)
    return names, has_others
