"""`output/metrics.json`: the counts a data team follows from run to run (a DVC metric)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def rows_to_metrics(rows: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """Documents, cards, indicators, values, the share of numeric values and quality problems, in all
    and per document (documents in id order; shares rounded to 0.0001 so reruns give equal files)."""
    per_document: dict[str, dict[str, Any]] = {}
    for document in rows["documents"]:
        per_document[document.document_id] = {
            "cards": 0,
            "indicators": 0,
            "values": 0,
            "numeric_values": 0,
            "quality_warnings": 0,
            "quality_errors": 0,
        }
    for name, key in (("initiatives", "cards"), ("indicators", "indicators"), ("indicator_values", "values")):
        for row in rows[name]:
            per_document[row.document_id][key] += 1
    for value in rows["indicator_values"]:
        per_document[value.document_id]["numeric_values"] += value.status == "numeric"
    for problem in rows["quality"]:
        if problem.status in ("warning", "error"):
            per_document[problem.document_id][f"quality_{problem.status}s"] += 1
    for counts in per_document.values():
        counts["numeric_share"] = round(counts["numeric_values"] / counts["values"], 4) if counts["values"] else None
    total = {
        key: sum(c[key] for c in per_document.values())
        for key in next(iter(per_document.values()), {})
        if key != "numeric_share"
    }
    values = total.get("values", 0)
    return {
        "documents": len(per_document),
        **{key: total.get(key, 0) for key in ("cards", "indicators", "values", "quality_warnings", "quality_errors")},
        "numeric_share": round(total.get("numeric_values", 0) / values, 4) if values else None,
        "per_document": dict(sorted(per_document.items())),
    }


def metrics_to_plot(metrics: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Values per document as rows for `dvc plots` (`output/plots/values_per_document.json`)."""
    return [
        {"document_id": doc, "values": counts["values"], "numeric_values": counts["numeric_values"]}
        for doc, counts in metrics["per_document"].items()
    ]
