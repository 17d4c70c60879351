"""normalizers.text: footnote marks, widths, spaced Latin, wrap spaces and the clean_text chain.

Table rows are (id, printed, expected, source): `source` is the `"<doc>:<line>"` where the
printed text occurs in raw/ (checked), or None for a constructed variant.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from rawlines import line

from normalizers.text import (
    NORMALIZERS,
    clean_text,
    collapse_whitespace,
    drop_wrap_spaces,
    fullwidth_to_halfwidth,
    join_spaced_latin,
    strip_footnote_marks,
)

Row = tuple[str, str, str, "str | None"]


def _ids(rows: list[Row]) -> list[str]:
    return [r[0] for r in rows]


def _check_source(printed: str, source: str | None) -> None:
    if source is not None:
        assert printed in line(source), f"{printed!r} not printed on {source}"


# --- strip_footnote_marks -------------------------------------------------------------------

FOOTNOTES: list[Row] = [
    ("superscript-spaced", "キャッシュレス決済 ²⁴ の拡大", "キャッシュレス決済の拡大", None),
    (
        "two-superscripts-spaced",
        "RPA ⁶³ の活用推進と水道版チャットボット ⁶⁴ の機能向上",
        "RPAの活用推進と水道版チャットボットの機能向上",
        None,
    ),
    ("superscript-glued", "共働¹", "共働", "000:37"),
    ("superscripts-after-latin", "AI ²⁶ やIoT ²⁷", "AIやIoT", "000:469"),
    ("superscript-after-latin-glued", "SNS³などを活用した", "SNSなどを活用した", "000:86"),
    (
        "superscript-before-nakaguro",
        "○市民や企業などとの共働 ⁴³ ・連携",
        "○市民や企業などとの共働・連携",
        "000:838",
    ),
    ("caret-mark", "ャットボット機能^{※1}を追加", "ャットボット機能を追加", "001:11"),
    ("caret-mark-two-digits", "自動化するRPA^{※10}や", "自動化するRPAや", "001:116"),
    ("kome-number", "※1 チャットボット:", " チャットボット:", "001:128"),
    ("kome-two-digits", "※10 RPA:", " RPA:", "001:146"),
    ("kome-full-width-digit", "※１の説明", "の説明", None),
    # Notes, not marks: kept.
    ("bare-kome-kept", "※", "※", None),
    ("kome-note-kept", "16 ※新型コロナの影響", "16 ※新型コロナの影響", "000:821"),
    (
        "kome-space-note-kept",
        "※ 現在、窓口・施設の実態調査を行っており",
        "※ 現在、窓口・施設の実態調査を行っており",
        "002:319",
    ),
    ("kome-year-note-kept", "※2020年度実績：約3,200万枚", "※2020年度実績：約3,200万枚", "004:737"),
    ("kome-word-kept", "※DX：ICTの浸透が", "※DX：ICTの浸透が", "004:39"),
    ("trailing-kome-kept", "調査後設定※", "調査後設定※", "002:324"),
    # Between two ASCII words the spacing was real: one space stays.
    ("superscript-between-words", "Wi-Fi ¹ free", "Wi-Fi free", None),
]


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in FOOTNOTES], ids=_ids(FOOTNOTES))
def test_strip_footnote_marks(printed: str, expected: str, source: str | None) -> None:
    _check_source(printed.strip(), source)
    assert strip_footnote_marks(printed) == expected


def test_strip_footnote_marks_full_width_caret() -> None:
    # The full-width spelling is matched too, so that width conversion reveals nothing later.
    assert strip_footnote_marks("共働＾｛※６｝の推進") == "共働の推進"


def test_strip_footnote_marks_reaches_a_fixpoint() -> None:
    # Removing ¹ reveals `＾｛1｝`, itself a marker.
    assert strip_footnote_marks("共働＾｛¹1｝") == "共働"


# --- fullwidth_to_halfwidth -----------------------------------------------------------------

WIDTHS: list[Row] = [
    ("percent-parens", "割合（年間処理件数ベース）（％）", "割合(年間処理件数ベース)(%)", "000:383"),
    ("full-width-slash", "（件／月）", "(件/月)", "000:491"),
    ("full-width-comma", "ICT推進課，人事課，人材育成課", "ICT推進課,人事課,人材育成課", "004:836"),
    ("letters-digits-dot", "Ｒ３．１月末", "R3.1月末", None),
    ("ideographic-space", "令和\u30003年度", "令和 3年度", None),
    # Kept: wave dash, circled numbers, ㈱, kana, katakana long vowel, kanji.
    ("wave-dash-kept", "（65～74歳）", "(65～74歳)", "000:531"),
    ("circled-digit-kept", "①", "①", "000:397"),
    ("parenthesized-ideograph-kept", "㈱ﾃｽﾄ", "㈱ﾃｽﾄ", None),
    ("katakana-kept", "ー・", "ー・", None),
]


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in WIDTHS], ids=_ids(WIDTHS))
def test_fullwidth_to_halfwidth(printed: str, expected: str, source: str | None) -> None:
    _check_source(printed, source)
    assert fullwidth_to_halfwidth(printed) == expected


def test_fullwidth_range_is_ff01_to_ff5d() -> None:
    for cp in range(0xFF01, 0xFF5E):
        assert fullwidth_to_halfwidth(chr(cp)) == chr(cp - 0xFEE0)
    assert fullwidth_to_halfwidth("\uff5e") == "\uff5e"  # ～ is a wave dash here
    assert fullwidth_to_halfwidth("\uff5f\uff61\uffe5") == "\uff5f\uff61\uffe5"


# Printable ASCII except `~`, whose full-width form `～` is deliberately kept as a wave dash.
_PRINTABLE = st.text(alphabet=st.sampled_from([chr(c) for c in range(0x20, 0x7E)]))


def _to_fullwidth(s: str) -> str:
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) for c in s)


@given(_PRINTABLE)
def test_fullwidth_form_of_ascii_round_trips(s: str) -> None:
    assert fullwidth_to_halfwidth(_to_fullwidth(s)) == s


@given(st.text())
def test_fullwidth_to_halfwidth_is_idempotent(s: str) -> None:
    once = fullwidth_to_halfwidth(s)
    assert fullwidth_to_halfwidth(once) == once


# --- join_spaced_latin ----------------------------------------------------------------------

LATIN: list[Row] = [
    ("AI", "A I", "AI", "000:526"),
    ("IoT", "I o T", "IoT", "000:98"),
    ("AI-before-kanji", "A I開発", "AI開発", None),
    ("IoT-in-bullet", "- ・ AI⁴や I o T⁵など", "- ・ AI⁴や IoT⁵など", "000:98"),
    ("IoT-footnote-term", "⁵ I o T :", "⁵ IoT :", "000:121"),
    ("words-kept", "Fukuo City Wi-Fi", "Fukuo City Wi-Fi", "000:503"),
    ("word-kept", "TSUNAGARUCI cloud", "TSUNAGARUCI cloud", "000:551"),
    ("brand-kept", "LINE Pay", "LINE Pay", None),
    ("single-letter-then-word", "I am", "I am", None),
    ("ampersand-kept", "Q & A", "Q & A", None),
]


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in LATIN], ids=_ids(LATIN))
def test_join_spaced_latin(printed: str, expected: str, source: str | None) -> None:
    _check_source(printed, source)
    assert join_spaced_latin(printed) == expected


# --- collapse_whitespace / drop_wrap_spaces -------------------------------------------------


def test_collapse_whitespace() -> None:
    assert collapse_whitespace("  令和\u30003年度\n\t計画  ") == "令和 3年度 計画"
    assert collapse_whitespace("") == ""


WRAPS: list[Row] = [
    ("two-wraps", "採用試験・選 考の方法等の 見直し", "採用試験・選考の方法等の見直し", "000:1353"),
    ("wrap-after-kanji", "HP等による 広報", "HP等による広報", "000:1351"),
    ("wrap-after-touten", "採用説明会、 学校訪問等", "採用説明会、学校訪問等", "000:1352"),
    ("wrap-in-title", "共働事業への 相談支援", "共働事業への相談支援", "000:913"),
    ("wrap-after-katakana", "GISクラウド・判定アプリ 導入", "GISクラウド・判定アプリ導入", "002:1418"),
    (
        "wrap-after-nakaguro",
        "防災訓練への活用検討・ 実施・フォローアップ",
        "防災訓練への活用検討・実施・フォローアップ",
        "002:1425",
    ),
    ("space-before-ascii-kept", "割合 (%)", "割合 (%)", None),
    ("space-before-paren-kept", "トンネル点検完了 (2巡目)", "トンネル点検完了 (2巡目)", "000:1127"),
    ("space-before-digit-kept", "取組方針 2", "取組方針 2", "000:570"),
    ("space-after-latin-kept", "AI を活用", "AI を活用", None),
    ("newline-kept", "●一つ目\n●二つ目", "●一つ目\n●二つ目", None),
]


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in WRAPS], ids=_ids(WRAPS))
def test_drop_wrap_spaces(printed: str, expected: str, source: str | None) -> None:
    _check_source(printed, source)
    assert drop_wrap_spaces(printed) == expected


# --- clean_text -----------------------------------------------------------------------------

CLEAN: list[Row] = [
    (
        "indicator-name",
        "子どもが生まれた男性職員の 出産・育児支援休暇取得率（%）",
        "子どもが生まれた男性職員の出産・育児支援休暇取得率(%)",
        "000:1293",
    ),
    ("spaced-latin-and-marks", "A I ²⁶ やI o T ²⁷ など先進技術の 活用", "AIやIoTなど先進技術の活用", None),
    (
        "title-wrap",
        "行政課題に柔軟に 対応できる組織体制の構築",
        "行政課題に柔軟に対応できる組織体制の構築",
        "000:1265",
    ),
    ("title-mark", "キャッシュレス決済 ²⁴ の拡大", "キャッシュレス決済の拡大", None),
    (
        "circled-digit-space-kept",
        "① 行政手続きのデジタル化・オンライン化",
        "① 行政手続きのデジタル化・オンライン化",
        "000:133",
    ),
    ("qualifier", "（65～74歳）", "(65～74歳)", "000:531"),
    ("multi-line", "  窓口の\n  スマート化  ", "窓口のスマート化", None),
    ("empty", "", "", None),
]


@pytest.mark.parametrize(("printed", "expected", "source"), [r[1:] for r in CLEAN], ids=_ids(CLEAN))
def test_clean_text(printed: str, expected: str, source: str | None) -> None:
    _check_source(printed, source)
    assert clean_text(printed) == expected


def test_normalizers_chain_order() -> None:
    names = [f.__name__ for f in NORMALIZERS]
    assert names == [
        "_nfc",
        "strip_footnote_marks",
        "fullwidth_to_halfwidth",
        "join_spaced_latin",
        "collapse_whitespace",
        "drop_wrap_spaces",
        "_nfc",
    ]


def test_clean_text_is_nfc_without_nfkc() -> None:
    assert clean_text("か\u3099") == "が"  # combining voiced mark composed
    assert clean_text("①㈱～ｶﾅ") == "①㈱～ｶﾅ"


# Characters the chain treats specially, so that the property test hits their interactions.
_SPECIAL = st.sampled_from(list("AIoTxy ¹²⁴ ※1２^{}＾｛｝あ漢局課・、。（）()\u3000\n\t\u0301Ａｂ～-\u00a0"))


@given(st.text())
@example("＾｛¹1｝")
@example("Ａ\u0301 Ｉ")
@example("A\u3000\u3000I")
def test_clean_text_is_idempotent(s: str) -> None:
    once = clean_text(s)
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.lists(_SPECIAL, max_size=40).map("".join))
def test_clean_text_is_idempotent_on_tricky_characters(s: str) -> None:
    once = clean_text(s)
    assert clean_text(once) == once
