"""`output/metrics.json`: the counts a data team follows from run to run (a DVC metric)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def content_counts(tables: Mapping[str, Any]) -> dict[str, int]:
    """One document's cards, indicators, values and numeric values, from its Arrow tables by name
    (publishing counts a document at a time)."""
    values = tables.get("indicator_values")
    statuses = values.column("status").to_pylist() if values is not None else []
    return {
        "cards": tables["initiatives"].num_rows if "initiatives" in tables else 0,
        "indicators": tables["indicators"].num_rows if "indicators" in tables else 0,
        "values": len(statuses),
        "numeric_values": statuses.count("numeric"),
    }


def quality_counts(statuses: Sequence[str]) -> dict[str, int]:
    """One document's quality warnings and errors, from the statuses of its quality rows."""
    return {
        "quality_warnings": sum(status == "warning" for status in statuses),
        "quality_errors": sum(status == "error" for status in statuses),
    }


def counts_to_metrics(per_document: Mapping[str, Mapping[str, int]]) -> dict[str, Any]:
    """Documents, cards, indicators, values, the share of numeric values and quality problems, in all
    and per document (documents in id order; shares rounded to 0.0001 so reruns give equal files).

    `per_document` holds each document's `content_counts` and `quality_counts` together.
    """
    documents = {}
    for document_id, counts in per_document.items():
        values = counts["values"]
        documents[document_id] = {
            **counts,
            "numeric_share": round(counts["numeric_values"] / values, 4) if values else None,
        }
    keys = ("cards", "indicators", "values", "numeric_values", "quality_warnings", "quality_errors")
    total = {key: sum(counts[key] for counts in per_document.values()) for key in keys}
    return {
        "documents": len(per_document),
        **{key: total[key] for key in keys if key != "numeric_values"},
        "numeric_share": round(total["numeric_values"] / total["values"], 4) if total["values"] else None,
        "per_document": dict(sorted(documents.items())),
    }


def metrics_to_plot(metrics: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Values per document as rows for `dvc plots` (`output/plots/values_per_document.json`)."""
    return [
        {"document_id": doc, "values": counts["values"], "numeric_values": counts["numeric_values"]}
        for doc, counts in metrics["per_document"].items()
    ]
