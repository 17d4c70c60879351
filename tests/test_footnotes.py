"""extractors.footnotes: footnote and glossary definitions of seeds 000, 001 and 004 (docs/layouts.md §1, §2, §5)."""

from __future__ import annotations

import pytest

from extractors.footnotes import read_terms
from extractors.model import Extraction, Finding, RawTerm
from extractors.walk import Item, walk
from pipeline.blocks import Cell, Row
from pipeline.normalize import NormalizedDocument
from tests.conftest import RAW, read
from tests.normalizers.rawlines import DOCUMENTS, line


def _item(source: str) -> Item:
    """The real printed line `"<doc>:<line>"` as the walk yields it (one cell per tab cell)."""
    number = int(source.split(":")[1])
    return Item(Row(cells=tuple(Cell(c) for c in line(source).split("\t")), line=number))


def _read(*sources: str) -> tuple[list[RawTerm], list[Finding]]:
    return read_terms([_item(s) for s in sources])


def _document_terms(doc: str) -> tuple[list[RawTerm], list[Finding]]:
    return read_terms(list(walk(read(RAW / DOCUMENTS[doc]))))


def _by_check(findings: list[Finding]) -> dict[str, Finding]:
    return {f.check: f for f in findings}


# (id, source, marker, term as printed, definition begins with): every printed style.
DEFINITIONS = [
    ("superscript-fullwidth-colon", "000:47", "¹", "共働", "相互の役割と責任を認め合いながら"),
    ("bracketed-english-kept", "000:90", "²", "RPA", "〔Robotics Process Automation〕：定型的な作業"),
    ("halfwidth-colon-spaced", "000:119", "⁴", "AI", "[Artificial Intelligence] : 人工的な方法"),
    ("spaced-latin-term-kept", "000:121", "⁵", "I o T", "[Internet of Things] : 様々なモノ"),
    ("katakana-term", "000:136", "⁸", "デジタルトランスフォーメーション", "ICTの浸透が"),
    ("two-superscripts-colon-inside", "000:146", "¹³", "チャットボット", "Chat（チャット：おしゃべり）とbot"),
    ("no-space-after-marker", "000:617", "³⁷", "全庁OA", "コンピュータネットワークで"),
    ("ocr-ojt-kept-as-printed", "000:1309", "⁷²", "○JT", "[On the Job Training]：仕事を通じた"),
    ("kome-number", "001:128", "※1", "チャットボット", "Chat(チャット:おしゃべり)とbot"),
    ("kome-number-bracketed", "001:132", "※3", "AI", "[Artificial Intelligence]:人工的な"),
    ("kome-two-digits", "001:146", "※10", "RPA", "[Robotics Process Automation]:パソコン上で"),
    ("bare-kome", "004:39", "※", "DX", "ICTの浸透が人々の生活を"),
]


@pytest.mark.parametrize(
    ("source", "marker", "term", "definition"), [d[1:] for d in DEFINITIONS], ids=[d[0] for d in DEFINITIONS]
)
def test_definition(source: str, marker: str, term: str, definition: str) -> None:
    terms, findings = _read(source)
    assert len(terms) == 1
    got = terms[0]
    assert (got.marker, got.term, got.references, got.line) == (marker, term, 0, int(source.split(":")[1]))
    assert got.definition.startswith(definition)
    assert line(source).endswith(got.definition)
    assert _by_check(findings)["terms"].status == "ok"


# (id, reference line, definition line it resolves to): `Pnの脚注参照` in every spacing.
REFERENCES = [
    ("halfwidth-colon-spaced", "000:125", "000:90"),  # `⁷ RPA : P2の脚注参照。`
    ("space-after-p", "000:189", "000:47"),  # `¹⁶ 共働：P 1の脚注参照。`
    ("space-after-p-and-page", "000:1008", "000:47"),  # `⁵² 共働：P 1 の脚注参照。`
    ("no-space-after-marker", "000:394", "000:138"),  # `²⁴キャッシュレス決済：P4の脚注参照。`
    ("space-after-colon", "000:970", "000:191"),  # `⁵⁰NPO: P5の脚注参照。`
    ("spaced-reference-term", "000:546", "000:119"),  # `³² A I：P 3の脚注参照。` → `AI`
    ("reference-to-spaced-term", "000:142", "000:121"),  # `¹¹ IoT：P3の脚注参照。` → `I o T`
    ("two-digit-page", "000:891", "000:867"),  # `⁴⁶ PFI：P29の脚注参照。`
    ("last-line-unterminated", "000:1358", "000:92"),  # `⁷³SNS：P2の脚注参照。`
]


@pytest.mark.parametrize(("reference", "definition"), [r[1:] for r in REFERENCES], ids=[r[0] for r in REFERENCES])
def test_reference_counts_on_its_definition(reference: str, definition: str) -> None:
    terms, findings = _read(definition, reference)
    assert len(terms) == 1, "a reference is not a term of its own"
    assert terms[0].references == 1 and terms[0].line == int(definition.split(":")[1])
    assert _by_check(findings)["terms"].detail == "definitions 1, references resolved 1/1"


@pytest.mark.parametrize(
    ("reference", "definition"), [r[1:] for r in REFERENCES[:3]], ids=[r[0] for r in REFERENCES[:3]]
)
def test_reference_printed_before_its_definition_still_resolves(reference: str, definition: str) -> None:
    terms, _ = _read(reference, definition)
    assert [t.references for t in terms] == [1]


@pytest.mark.parametrize("source", ["000:189", "000:546"], ids=["kyodo", "spaced-ai"])
def test_reference_without_definition_is_a_finding(source: str) -> None:
    terms, findings = _read(source)
    assert terms == []
    unresolved = [f for f in findings if f.check == "footnote_reference_unresolved"]
    assert len(unresolved) == 1 and unresolved[0].status == "warning"
    assert unresolved[0].detail.startswith(f"line {source.split(':')[1]}: ")
    assert _by_check(findings)["terms"].status == "warning"


# Lines that start like a footnote but define nothing.
NOT_DEFINITIONS = [
    ("note-without-colon", "001:70"),  # `※本サービスのキャラクターデザイン`
    ("note-page-pointer", "004:101"),  # `※基本方針の詳細はP8以降で説明しています。`
    ("note-sentence", "004:412"),  # `※個別事業は、…`
    ("note-with-space", "003:409"),  # `※ 飯塚市議会に対しては、…`
    ("value-cell-in-table-row", "002:1055"),  # `¦ ※ ¦ 現状値(4年度) ¦ …`
    ("caret-marker-in-text", "001:11"),  # `…チャットボット機能^{※1}を追加…`
    ("superscript-inside-text", "000:469"),  # `AI ²⁶ やIoT ²⁷` in a heading
]


@pytest.mark.parametrize("source", [n[1] for n in NOT_DEFINITIONS], ids=[n[0] for n in NOT_DEFINITIONS])
def test_not_a_definition(source: str) -> None:
    terms, findings = _read(source)
    assert terms == []
    assert not [f for f in findings if f.check != "glossary_markers"]


def test_glossary_marker_without_its_definition() -> None:
    """001:11 points at `※1` with `^{※1}`; without the glossary line 128 that is reported."""
    _, findings = _read("001:11")
    assert [(f.check, f.status, f.expected, f.found) for f in findings] == [("glossary_markers", "warning", 1, 0)]
    _, findings = _read("001:11", "001:128")
    assert _by_check(findings)["glossary_markers"].status == "ok"


def test_plan_2021_has_23_definitions_and_50_references() -> None:
    """000: 73 footnotes ¹-⁷³ = 23 definitions + 50 `Pnの脚注参照` references (docs/layouts.md §1)."""
    terms, findings = _document_terms("000")
    assert len(terms) == 23
    assert sum(t.references for t in terms) == 50
    by_term = {t.term: t for t in terms}
    assert len(by_term) == 23, "each term is defined once"
    assert {t: by_term[t].references for t in ("共働", "ICT", "AI", "I o T", "RPA", "SNS", "NPO", "PFI", "○JT")} == {
        "共働": 6,
        "ICT": 9,
        "AI": 6,  # one of them printed `A I` (546)
        "I o T": 4,  # all printed `IoT`
        "RPA": 4,
        "SNS": 4,
        "NPO": 3,
        "PFI": 1,
        "○JT": 0,
    }
    assert [t.line for t in terms][:3] == [47, 90, 92] and terms[-1].line == 1309
    checks = _by_check(findings)
    assert (checks["terms"].status, checks["terms"].expected, checks["terms"].found) == ("ok", 73, 73)
    assert checks["terms"].detail == "definitions 23, references resolved 50/50"
    assert (checks["footnote_numbering"].status, checks["footnote_numbering"].expected) == ("ok", 73)
    assert "footnote_reference_unresolved" not in checks


def test_plan_2021_without_a_definition_reports_its_references() -> None:
    """Dropping `¹ 共働：…` (47) leaves its 6 references unresolved and a gap in the numbering."""
    items = [i for i in walk(read(RAW / DOCUMENTS["000"])) if i.row.line != 47]
    terms, findings = read_terms(items)
    assert len(terms) == 22 and sum(t.references for t in terms) == 44
    unresolved = [f for f in findings if f.check == "footnote_reference_unresolved"]
    assert [f.detail.split(":")[0] for f in unresolved] == [f"line {n}" for n in (189, 722, 863, 928, 972, 1008)]
    numbering = _by_check(findings)["footnote_numbering"]
    assert (numbering.status, numbering.expected, numbering.found) == ("warning", 73, 72)
    assert "missing [1]" in numbering.detail


def test_progress_glossary_has_10_definitions() -> None:
    """001: `※1 チャットボット` … `※10 RPA`, pointed at by 10 `^{※n}` markers (docs/layouts.md §2)."""
    terms, findings = _document_terms("001")
    assert [t.marker for t in terms] == [f"※{n}" for n in range(1, 11)]
    assert [t.term for t in terms] == [
        "チャットボット",
        "GIGAスクール",
        "AI",
        "キャッシュレス決済",
        "モバイル決済",
        "共働",
        "共創",
        "パートナーシップ宣誓制度",
        "IoT",
        "RPA",
    ]
    assert [t.line for t in terms] == list(range(128, 147, 2))
    checks = _by_check(findings)
    assert (checks["glossary_markers"].status, checks["glossary_markers"].found) == ("ok", 10)
    assert checks["glossary_markers"].detail == "10 in-text markers"
    assert (checks["footnote_numbering"].status, checks["footnote_numbering"].expected) == ("ok", 10)


def test_fukuyama_has_one_definition() -> None:
    terms, _ = _document_terms("004")
    assert [(t.marker, t.term, t.line) for t in terms] == [("※", "DX", 39)]


@pytest.mark.parametrize("doc", ["002", "003"])
def test_documents_without_footnotes(doc: str) -> None:
    assert _document_terms(doc) == ([], [])


def test_plan_2021_extraction_carries_its_terms(plan_2021: tuple[Extraction, NormalizedDocument]) -> None:
    """The 000 extractor attaches the terms; the normalize stage publishes them as `terms` rows."""
    extraction, rows = plan_2021
    assert len(extraction.terms) == 23 and len(rows.terms) == 23
    assert sum(r.references for r in rows.terms) == 50
    iot = next(r for r in rows.terms if r.term_raw == "I o T")
    assert (iot.term, iot.marker, iot.source_line, iot.references) == ("IoT", "⁵", 121, 4)
    checks = {q.check: q for q in rows.quality}
    assert (checks["terms"].status, checks["footnote_numbering"].status) == ("ok", "ok")
