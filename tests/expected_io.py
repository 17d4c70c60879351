"""Field accuracy: the pipeline's rows of one document against its expected records (`tests/expected/`).

A field is one printed fact: an initiative's title, number and departments, one schedule
cell (its year, activity and whether it is a continuation), an indicator's name and unit,
one value (its kind, year and number). An expected initiative is matched to the published
one with the same title (spacing ignored), else the same number on the same page; the fields
of an unmatched initiative all count as missed. Published initiatives that match nothing are
counted as extra: a prose document must have none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from extractors.registry import choose
from normalizers.text import clean_text
from pipeline.normalize import NormalizedDocument, SourceMeta, extraction_to_rows
from pipeline.sources import document_id_for, read_document, sha256_of

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected"


@dataclass
class Score:
    """Fields checked and right for one document, with what was missed."""

    document: str
    layout: str | None
    fields: int = 0
    right: int = 0
    extra_initiatives: int = 0
    extra_records: int = 0  # schedule cells and values published for matched initiatives but not expected
    misses: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Right fields over checked fields (1.0 when nothing is expected)."""
        return self.right / self.fields if self.fields else 1.0

    def check(self, ok: bool, what: str) -> None:
        self.fields += 1
        if ok:
            self.right += 1
        else:
            self.misses.append(what)


def _key(text: str | None) -> str:
    return regex.sub(r"\s+", "", clean_text(text or ""))


def pipeline_rows(path: Path) -> tuple[str | None, NormalizedDocument | None]:
    """(layout, rows) of one file as the pipeline reads it; (None, None) for an unknown layout."""
    relative = path.relative_to(ROOT).as_posix()
    document = read_document(relative, path.read_bytes())
    choice = choose(document)
    if choice.extraction is None:
        return None, None
    meta = SourceMeta(document_id_for(path), relative, sha256_of(path), document.source_format, None, None)
    return choice.layout, extraction_to_rows(meta, choice.extraction)


def load_expected(name: str) -> dict[str, Any]:
    """The expected records of one fixture."""
    loaded: dict[str, Any] = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    return loaded


def dumps_of(expected: dict[str, Any]) -> list[Path]:
    """Text dumps of the expected document by other tools (same name, `.md` or `.txt`), beside it."""
    source = ROOT / expected["source"]
    return sorted(p for p in source.parent.glob(f"{source.stem}.*") if p.suffix in (".md", ".txt"))


def score_document(expected: dict[str, Any], path: Path | None = None) -> Score:
    """Score the pipeline's reading of `expected["source"]` (or of `path`, a dump of it) field by field."""
    path = path or ROOT / expected["source"]
    layout, rows = pipeline_rows(path)
    score = Score(path.name, layout)
    initiatives = list(rows.initiatives) if rows else []
    used: set[str] = set()
    for wanted in expected["initiatives"]:
        found = next(
            (i for i in initiatives if i.initiative_id not in used and _key(i.title) == _key(wanted["title"])), None
        )
        if found is None and wanted.get("item_no"):
            found = next(
                (
                    i
                    for i in initiatives
                    if i.initiative_id not in used
                    and i.item_no == wanted["item_no"]
                    and (wanted.get("page") is None or i.source_page == wanted.get("page"))
                ),
                None,
            )
        label = f"{wanted.get('item_no') or ''} {wanted['title'][:20]}"
        if found is not None:
            used.add(found.initiative_id)
        score.check(found is not None and _key(found.title) == _key(wanted["title"]), f"title {label}")
        if wanted.get("item_no"):
            score.check(found is not None and found.item_no == wanted["item_no"], f"item_no {label}")
        if wanted.get("departments"):
            got = [_key(d) for d in found.departments] if found else []
            score.check(got == [_key(d) for d in wanted["departments"]], f"departments {label}: {got}")
        _score_schedule(score, rows, found.initiative_id if found else None, wanted, label)
        _score_indicators(score, rows, found.initiative_id if found else None, wanted, label)
    score.extra_initiatives = len([i for i in initiatives if i.initiative_id not in used])
    return score


def _score_schedule(
    score: Score, rows: NormalizedDocument | None, initiative_id: str | None, wanted: dict[str, Any], label: str
) -> None:
    cells = [s for s in rows.schedule if s.initiative_id == initiative_id] if rows and initiative_id else []
    got = {(s.fiscal_year, _key(s.activity), s.continued) for s in cells}
    expected = {(c["fiscal_year"], _key(c["activity"]), c["continued"]) for c in wanted.get("schedule", [])}
    score.extra_records += len(got - expected)
    for cell in wanted.get("schedule", []):
        key = (cell["fiscal_year"], _key(cell["activity"]), cell["continued"])
        score.check(key in got, f"schedule {label} {cell['fiscal_year']} {cell['activity'][:12]}")


def _score_indicators(
    score: Score, rows: NormalizedDocument | None, initiative_id: str | None, wanted: dict[str, Any], label: str
) -> None:
    indicators = [i for i in rows.indicators if i.initiative_id == initiative_id] if rows and initiative_id else []
    used: set[str] = set()
    for indicator in wanted.get("indicators", []):
        found = next(
            (i for i in indicators if i.indicator_id not in used and _key(i.name) == _key(indicator["name"])), None
        )
        if found is None:
            found = next(
                (
                    i
                    for i in indicators
                    if i.indicator_id not in used
                    and _key(indicator["name"]) in _key(i.name)
                    and _key(indicator["name"])
                ),
                None,
            )
        if found is not None:
            used.add(found.indicator_id)
        name = f"{label} / {indicator['name'][:16]}"
        score.check(found is not None and _key(found.name) == _key(indicator["name"]), f"indicator name {name}")
        if indicator.get("unit"):
            score.check(found is not None and found.unit == indicator["unit"], f"unit {name}")
        values = [v for v in rows.indicator_values if v.indicator_id == found.indicator_id] if rows and found else []
        for value in indicator.get("values", []):
            ok = any(
                v.kind == value["kind"]
                and v.fiscal_year == value["fiscal_year"]
                and v.series == value.get("series")
                and (
                    v.value == value.get("value")
                    if value.get("value") is not None
                    else _key(v.value_text) == _key(value["value_text"])
                )
                for v in values
            )
            score.check(ok, f"value {name} {value['kind']} {value['fiscal_year']} {value['value_text']}")
