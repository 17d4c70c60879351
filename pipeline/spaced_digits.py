"""Spaces a layout dump prints between Japanese text and the digits or Latin letters beside it.

Word processors set Latin letters and digits a little apart from the Japanese text around them
(LibreOffice's "space between Asian and non-Asian text", and the like); the PDF draws no space
there, but `pdftotext -layout` prints one wherever that gap is wide enough: `令和 2 年度`,
`12,400 人`, `R 元`, `PR シート`. The PDF reader reads `令和2年度`, `12,400人`, `R元`,
`PRシート`. A dump's single space is closed up again where the text shows it is such a gap:

* between a number and the counter word after it (`15 件` → `15件`, `3 年後` → `3年後`); a number
  before other words keeps its space, as an item number before its title does (`1 学校施設の…`);
* between an era name or a numeral prefix and its number (`令和 6` → `令和6`, `第 2 期` → `第2期`,
  `約 2 割` → `約2割`), and between the parts of a date (`6 年 3 月` → `6年3月`); a label before
  its value keeps its space (`現状 1,240件`, `上下水道係 1名`);
* between an era letter and `元` (`R 元` → `R元`);
* between a Latin letter and Japanese text (`PR シート`, `ICT を`): Japanese text does not space
  a Latin word from its particle.

Units that are symbols keep their space (`10 ㎥`), as do words of Latin letters or numbers alone
(`Open Data`, `20 40`).
"""

from __future__ import annotations

import regex

#: Counter words: a number printed before one of these is glued to it (`15件`, `2024年度`). Words
#: a title may open with after its item number (`本市`, `点検`, `次世代`) are not counters.
COUNTERS: tuple[str, ...] = (
    "年",
    "か年",
    "ヵ年",
    "ヶ年",
    "月",
    "日",
    "時間",
    "分",
    "週",
    "人",
    "名",
    "件",
    "社",
    "団体",
    "校",
    "園",
    "か所",
    "カ所",
    "ヶ所",
    "ヵ所",
    "箇所",
    "回",
    "倍",
    "割",
    "歳",
    "階",
    "期",
    "章",
    "節",
    "号",
    "条",
    "つ",
    "個",
    "台",
    "枚",
    "冊",
    "戸",
    "世帯",
    "品",
    "円",
    "千",
    "万",
    "億",
    "兆",
)
#: Words a number follows without a space: era names and numeral prefixes (`令和6`, `第2`, `約2`).
NUMERAL_PREFIXES: tuple[str, ...] = ("明治", "大正", "昭和", "平成", "令和", "第", "約")

_JAPANESE = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々]"
_NUMBER = r"\d[\d,.]*"
_COUNTER_RE = regex.compile(rf"(?<=\d) (?=(?:{'|'.join(map(regex.escape, COUNTERS))}))")
_PREFIX_RE = regex.compile(rf"(?<=(?:{'|'.join(map(regex.escape, NUMERAL_PREFIXES))})) (?={_NUMBER})")
# `第 5 次`: after an ordinal prefix and its number comes its counter, whatever it is.
_ORDINAL_RE = regex.compile(rf"(?<=第{_NUMBER}) (?={_JAPANESE})")
_DATE_RE = regex.compile(r"(?<=\d[年月]) (?=\d)")
_ERA_FIRST_RE = regex.compile(r"(?<=(?<![A-Za-z])[MTSHR]) (?=元)")
_LATIN_JAPANESE_RE = regex.compile(rf"(?<=[A-Za-z]) (?={_JAPANESE})|(?<={_JAPANESE}) (?=[A-Za-z])")


def close_spaced_digits(text: str) -> str:
    """The text with the spaces a dump printed beside numbers and Latin words closed up (see the module docstring).

    >>> close_spaced_digits("令和 2 年度から 5 年間")
    '令和2年度から 5年間'
    """
    for pattern in (_PREFIX_RE, _ORDINAL_RE, _COUNTER_RE, _DATE_RE, _ERA_FIRST_RE, _LATIN_JAPANESE_RE):
        text = pattern.sub("", text)
    return text
