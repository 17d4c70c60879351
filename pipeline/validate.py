"""`plancards validate`: check output/ against the output contract (CONTRACT.md v1)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from comparisons.changes import CHANGES

# The contract's columns and types, copied from CONTRACT.md on purpose rather than derived
# from pipeline.tables: a change to the tables must not silently change what is checked.
CONTRACT: dict[str, dict[str, pa.DataType]] = {
    "documents": {
        "document_id": pa.string(),
        "source_path": pa.string(),
        "source_sha256": pa.string(),
        "source_format": pa.string(),
        "municipality": pa.string(),
        "municipality_code": pa.string(),
        "prefecture": pa.string(),
        "title": pa.string(),
        "edition": pa.string(),
        "published": pa.date32(),
        "period_start_fy": pa.int16(),
        "period_end_fy": pa.int16(),
        "layout": pa.string(),
        "pages": pa.int32(),
        "contract_version": pa.string(),
    },
    "initiatives": {
        "document_id": pa.string(),
        "initiative_id": pa.string(),
        "parent_id": pa.string(),
        "item_no": pa.string(),
        "title": pa.string(),
        "title_raw": pa.string(),
        "departments": pa.list_(pa.string()),
        "policy": pa.string(),
        "measure": pa.string(),
        "group": pa.string(),
        "description": pa.string(),
        "attributes": pa.map_(pa.string(), pa.string()),
        "is_repost": pa.bool_(),
        "source_page": pa.int32(),
        "source_line": pa.int32(),
    },
    "schedule": {
        "document_id": pa.string(),
        "initiative_id": pa.string(),
        "row_no": pa.int16(),
        "row_label": pa.string(),
        "fiscal_year": pa.int16(),
        "cell_text": pa.string(),
        "activity": pa.string(),
        "continued": pa.bool_(),
    },
    "indicators": {
        "document_id": pa.string(),
        "initiative_id": pa.string(),
        "indicator_id": pa.string(),
        "name": pa.string(),
        "name_raw": pa.string(),
        "unit": pa.string(),
        "note": pa.string(),
    },
    "indicator_values": {
        "document_id": pa.string(),
        "indicator_id": pa.string(),
        "kind": pa.string(),
        "fiscal_year": pa.int16(),
        "value": pa.float64(),
        "value_text": pa.string(),
        "status": pa.string(),
        "comparator": pa.string(),
        "as_of": pa.date32(),
        "denominator": pa.float64(),
    },
    "quality": {"document_id": pa.string(), "check": pa.string(), "status": pa.string(), "detail": pa.string()},
}
# Tables this project adds (docs/contract-notes.md): checked for presence and references.
EXTENSION_TABLES = ("terms", "meetings", "meeting_remarks", "changes", "initiative_links")
KINDS = {"baseline", "interim_target", "final_target", "target", "actual"}
STATUSES = {"numeric", "not_applicable", "pending", "not_started", "relative", "text"}


def _nfc_problems(name: str, table: pa.Table) -> list[str]:
    problems = []
    for field in table.schema:
        if field.type == pa.string():
            for value in table.column(field.name).to_pylist():
                if value is not None and unicodedata.normalize("NFC", value) != value:
                    problems.append(f"{name}.{field.name}: not NFC: {value[:40]!r}")
                    break
    return problems


def _comparison_problems(tables: dict[str, pa.Table], extensions: dict[str, pa.Table]) -> list[str]:
    """Every id in documents' series columns, `changes` and `initiative_links` names a published record."""
    problems = []
    docs = set(tables["documents"].column("document_id").to_pylist())
    initiatives = set(tables["initiatives"].column("initiative_id").to_pylist())
    indicators = set(tables["indicators"].column("indicator_id").to_pylist())
    if "previous_document_id" in tables["documents"].schema.names:
        for ref in set(tables["documents"].column("previous_document_id").to_pylist()) - {None} - docs:
            problems.append(f"documents: previous_document_id {ref} names no document")
    references = {
        "changes": [
            ("previous_document_id", docs),
            ("initiative_id", initiatives),
            ("previous_initiative_id", initiatives),
            ("indicator_id", indicators),
            ("previous_indicator_id", indicators),
        ],
        "initiative_links": [
            ("linked_document_id", docs),
            ("initiative_id", initiatives),
            ("linked_initiative_id", initiatives),
        ],
    }
    for name, columns in references.items():
        if name not in extensions:
            continue
        for column, known in columns:
            for ref in set(extensions[name].column(column).to_pylist()) - {None} - known:
                problems.append(f"{name}: {column} {ref} names nothing published")
    if "changes" in extensions:
        for change in set(extensions["changes"].column("change").to_pylist()) - set(CHANGES):
            problems.append(f"changes: unknown change {change!r}")
    return problems


def validate_output(output: Path) -> list[str]:
    """Every way output/ breaks the contract, as readable lines (empty when it holds)."""
    problems: list[str] = []
    tables: dict[str, pa.Table] = {}
    for name, columns in CONTRACT.items():
        path = output / f"{name}.parquet"
        if not path.is_file():
            problems.append(f"{name}: {path} is missing")
            continue
        table = pq.read_table(path)
        tables[name] = table
        for column, expected in columns.items():
            if column not in table.schema.names:
                problems.append(f"{name}: column {column} is missing")
            elif not table.schema.field(column).type.equals(expected):
                problems.append(f"{name}.{column}: type {table.schema.field(column).type}, contract says {expected}")
        problems.extend(_nfc_problems(name, table))
    if len(tables) < len(CONTRACT):
        return problems
    docs = set(tables["documents"].column("document_id").to_pylist())
    initiative_ids = tables["initiatives"].column("initiative_id").to_pylist()
    indicator_ids = tables["indicators"].column("indicator_id").to_pylist()
    if len(set(initiative_ids)) != len(initiative_ids):
        problems.append("initiatives: initiative_id is not unique")
    if len(set(indicator_ids)) != len(indicator_ids):
        problems.append("indicators: indicator_id is not unique")
    for parent in set(tables["initiatives"].column("parent_id").to_pylist()) - {None} - set(initiative_ids):
        problems.append(f"initiatives: parent_id {parent} names no initiative")
    for name in ("initiatives", "schedule", "indicators", "indicator_values", "quality"):
        for doc in set(tables[name].column("document_id").to_pylist()) - docs:
            problems.append(f"{name}: document_id {doc} is not in documents")
    for name in ("schedule", "indicators"):
        for ref in set(tables[name].column("initiative_id").to_pylist()) - set(initiative_ids):
            problems.append(f"{name}: initiative_id {ref} names no initiative")
    for ref in set(tables["indicator_values"].column("indicator_id").to_pylist()) - set(indicator_ids):
        problems.append(f"indicator_values: indicator_id {ref} names no indicator")
    values = tables["indicator_values"]
    for kind in set(values.column("kind").to_pylist()) - KINDS:
        problems.append(f"indicator_values: unknown kind {kind!r}")
    for status in set(values.column("status").to_pylist()) - STATUSES:
        problems.append(f"indicator_values: unknown status {status!r}")
    for row in values.select(["indicator_id", "status", "value"]).to_pylist():
        if row["status"] == "numeric" and row["value"] is None:
            problems.append(f"indicator_values: {row['indicator_id']} is numeric without a value")
    extensions = {}
    for name in EXTENSION_TABLES:
        path = output / f"{name}.parquet"
        if not path.is_file():
            problems.append(f"{name}: {path} is missing")
            continue
        extensions[name] = pq.read_table(path)
        problems.extend(_nfc_problems(name, extensions[name]))
        for doc in set(extensions[name].column("document_id").to_pylist()) - docs:
            problems.append(f"{name}: document_id {doc} is not in documents")
    problems.extend(_comparison_problems(tables, extensions))
    if "meetings" in extensions and "meeting_remarks" in extensions:
        meetings = set(extensions["meetings"].column("meeting_id").to_pylist())
        for ref in set(extensions["meeting_remarks"].column("meeting_id").to_pylist()) - meetings:
            problems.append(f"meeting_remarks: meeting_id {ref} names no meeting")
    # Rows are sorted by document, in the documents table's order (CONTRACT.md: deterministic order).
    order = tables["documents"].column("document_id").to_pylist()
    if order != sorted(order):
        problems.append("documents: rows are not sorted by document_id")
    rank = {doc: index for index, doc in enumerate(order)}
    for name, table in [*tables.items(), *extensions.items()]:
        ranks = [rank.get(doc, -1) for doc in table.column("document_id").to_pylist()]
        if ranks != sorted(ranks):
            problems.append(f"{name}: rows are not grouped by document in the documents' order")
    for doc in tables["documents"].to_pylist():
        if doc["contract_version"] != "1":
            problems.append(f"documents: {doc['document_id']} has contract_version {doc['contract_version']!r}")
    return problems
