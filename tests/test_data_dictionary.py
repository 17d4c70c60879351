"""docs/data-dictionary.md is what scripts/make_data_dictionary.py generates from the schemas and vocabularies."""

from __future__ import annotations

from pipeline.data_dictionary import data_dictionary, quality_checks
from pipeline.tables import COMPARISON_TABLES, TABLES
from tests.conftest import ROOT


def test_the_committed_page_is_current() -> None:
    page = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert page == data_dictionary(), "run `python scripts/make_data_dictionary.py` and commit docs/data-dictionary.md"


def test_the_page_lists_every_table_column_and_check() -> None:
    page = data_dictionary()
    for name, (_, schema) in {**TABLES, **COMPARISON_TABLES}.items():
        section = page.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        assert [line.split("`")[1] for line in section.splitlines() if line.startswith("| `")] == schema.names
    assert all(f"| `{row['check']}` |" in page for row in quality_checks())
