"""Document ids never collide, whatever the file names; a unique name keeps its name's id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.sources import discover, unique_ids
from tests.conftest import ROOT

COLLISIONS = [
    ["x.pdf", "x.md"],
    ["x.txt", "x.pdf"],
    ["sub/x.txt", "x.txt"],
    ["計画.pdf", "方針.pdf"],
    ["a b.txt", "a-b.txt"],
    ["Plan.txt", "plan.txt"],
    ["x.pdf", "x.md", "x-pdf.txt"],  # a path's id meeting another file's name id
]


@pytest.mark.parametrize("paths", COLLISIONS, ids=[" + ".join(c) for c in COLLISIONS])
def test_colliding_names_get_distinct_ids(paths: list[str]) -> None:
    ids = unique_ids([*paths, "other.txt"])
    assert len(set(ids.values())) == len(paths) + 1
    assert ids["other.txt"] == "other"  # a name no other file shares keeps its id
    assert unique_ids([*paths, "other.txt"]) == ids  # the same files, the same ids


def test_ids_by_path_where_names_meet() -> None:
    assert unique_ids(["x.pdf", "x.md", "sub/x.txt"]) == {"x.pdf": "x-pdf", "x.md": "x-md", "sub/x.txt": "sub-x-txt"}


def test_hidden_folders_are_not_documents(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    for name in ["plan.txt", ".ipynb_checkpoints/plan-checkpoint.txt", ".hidden/plan.txt", ".x.txt"]:
        (raw / name).parent.mkdir(parents=True, exist_ok=True)
        (raw / name).write_text("x", encoding="utf-8")
    assert [s.relative_path for s in discover(raw, tmp_path)] == ["raw/plan.txt"]


def test_a_pdf_and_its_dump_publish_two_documents(tmp_path: Path) -> None:
    """The same plan as `.pdf` and `.md` (one stem) is two documents, each with its own records."""
    plans = ROOT / "tests" / "fixtures" / "plans"
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ["otoineppu_sewerage_business_strategy.pdf", "otoineppu_sewerage_business_strategy.md"]:
        shutil.copy(plans / name, raw / name)
    main(["--root", str(tmp_path), "run", "--quiet"])
    documents = pq.read_table(tmp_path / "output" / "documents.parquet").to_pylist()
    assert sorted(d["document_id"] for d in documents) == [
        "otoineppu_sewerage_business_strategy-md",
        "otoineppu_sewerage_business_strategy-pdf",
    ]
    initiatives = pq.read_table(tmp_path / "output" / "initiatives.parquet").to_pylist()
    assert {i["document_id"] for i in initiatives} == {d["document_id"] for d in documents}
    # One edition in two formats: neither is a version of the other.
    assert [d["previous_document_id"] for d in documents] == [None, None]
    assert pq.read_table(tmp_path / "output" / "changes.parquet").num_rows == 0
    assert len({i["initiative_id"] for i in initiatives}) == len(initiatives)
