"""Golden files: one readable JSON per card, regenerated only on purpose.

Set PLANCARDS_REGEN_GOLDEN=1 to rewrite them (then review the diff against the document
by hand and commit the regeneration on its own). CI refuses to run with the flag on.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

from pipeline.normalize import NormalizedDocument
from pipeline.serialize import to_plain

GOLDEN = Path(__file__).resolve().parent / "golden"
REGEN_FLAG = "PLANCARDS_REGEN_GOLDEN"


def regenerating() -> bool:
    """True when the golden files are being rewritten."""
    return os.environ.get(REGEN_FLAG, "") not in ("", "0")


def card_record(rows: NormalizedDocument, initiative_id: str) -> dict[str, Any]:
    """Everything the pipeline publishes about one card, in one readable structure."""
    initiative = next(r for r in rows.initiatives if r.initiative_id == initiative_id)
    indicators = [i for i in rows.indicators if i.initiative_id == initiative_id]
    return {
        "initiative": to_plain(initiative),
        "schedule": [to_plain(s) for s in rows.schedule if s.initiative_id == initiative_id],
        "indicators": [
            {
                "indicator": to_plain(ind),
                "values": [to_plain(v) for v in rows.indicator_values if v.indicator_id == ind.indicator_id],
            }
            for ind in indicators
        ],
    }


def dumps(value: Any) -> str:
    """The golden file text: stable key order, readable Japanese."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def check_golden(document: str, card_path: str, record: dict[str, Any]) -> None:
    """Compare with tests/golden/<document>/<card>.json, printing a unified diff on mismatch."""
    path = GOLDEN / document / f"{card_path.replace('/', '_')}.json"
    actual = dumps(record)
    if regenerating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"no golden file {path}; run with {REGEN_FLAG}=1 and review it by hand"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "extracted now"
            )
        )
        raise AssertionError(f"golden mismatch for {document} card {card_path}:\n{diff}")
