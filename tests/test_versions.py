"""A new version of a plan beside the old one: changes.parquet, the run report and `plancards diff`."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.validate import validate_output
from tests.conftest import DX_2023, PLAN_2021

OLD_TITLE, NEW_TITLE = "ヨットハーバーの効率的な施設管理手法の導入", "ヨットハーバーの効率的な管理運営手法の導入"
# Card 4's final target, printed in the dump's HTML table and in its tab-separated copy.
EDITS = [
    ("<td>10,000</td> <td>20,000</td>", "<td>10,000</td> <td>25,000</td>"),
    ("4,140 <small>(R3.1月末時点)</small>\t10,000\t20,000", "4,140 <small>(R3.1月末時点)</small>\t10,000\t25,000"),
    (OLD_TITLE, NEW_TITLE),  # the 索引 row and the card
]
EXPECTED = [
    {
        "change": "value_changed",
        "initiative_id": "plan_v2:4",
        "indicator_id": "plan_v2:4#1",
        "field": "final_target",
        "old": "20,000",
        "new": "25,000",
        "previous_initiative_id": "fukuoka_gyosei_unei_plan_2021_draft:4",
        "fiscal_year": 2024,
    },
    {
        "change": "title_changed",
        "initiative_id": "plan_v2:45",
        "indicator_id": None,
        "field": "title",
        "old": OLD_TITLE,
        "new": NEW_TITLE,
        "previous_initiative_id": "fukuoka_gyosei_unei_plan_2021_draft:45",
        "fiscal_year": None,
    },
]


def _changed_copy(path: Path) -> None:
    text = PLAN_2021.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(PLAN_2021, raw / PLAN_2021.name)
    _changed_copy(raw / "plan_v2.txt")
    return tmp_path


def _changes(root: Path) -> list[dict[str, object]]:
    keep = ("change", "initiative_id", "indicator_id", "field", "old", "new", "previous_initiative_id", "fiscal_year")
    return [{k: row[k] for k in keep} for row in pq.read_table(root / "output" / "changes.parquet").to_pylist()]


def test_a_changed_copy_gives_exactly_its_changes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(project), "run", "--quiet"]) == 0
    assert _changes(project) == EXPECTED
    documents = {d["document_id"]: d for d in pq.read_table(project / "output" / "documents.parquet").to_pylist()}
    assert documents["plan_v2"]["previous_document_id"] == "fukuoka_gyosei_unei_plan_2021_draft"
    assert documents["plan_v2"]["series_id"] == documents["fukuoka_gyosei_unei_plan_2021_draft"]["series_id"]
    assert (
        "version after fukuoka_gyosei_unei_plan_2021_draft: 1 title_changed, 1 value_changed" in capsys.readouterr().out
    )
    # Both print the same month and edition: the order came from the file names, and the quality table says so.
    quality = pq.read_table(project / "output" / "quality.parquet").to_pylist()
    assumed = [q for q in quality if q["check"] == "version_order_assumed"]
    assert [(q["document_id"], q["status"]) for q in assumed] == [("plan_v2", "warning")]
    assert validate_output(project / "output") == []


def test_supersedes_in_the_manifest_orders_the_versions(project: Path) -> None:
    (project / "raw" / "plan_v2.txt").rename(project / "raw" / "a_plan.txt")
    manifest = {"a_plan.txt": {"supersedes": PLAN_2021.name}}
    (project / "raw" / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["--root", str(project), "run", "--quiet"]) == 0
    assert [c["initiative_id"] for c in _changes(project)] == ["a_plan:4", "a_plan:45"]
    quality = pq.read_table(project / "output" / "quality.parquet").to_pylist()
    assert not [q for q in quality if q["check"] == "version_order_assumed"]


def test_diff_prints_the_changes_for_people_and_tools(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = str(project / "raw" / PLAN_2021.name), str(project / "raw" / "plan_v2.txt")
    assert main(["diff", old, new]) == 1
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "fukuoka_gyosei_unei_plan_2021_draft → plan_v2: 2 changes"
    assert table[1].split() == ["change", "initiative", "indicator", "field", "fiscal_year", "old", "new"]
    assert table[2].split() == ["value_changed", "4", "4#1", "final_target", "2024", "20,000", "25,000"]
    assert table[3].split() == ["title_changed", "45", "title", OLD_TITLE, NEW_TITLE]
    assert main(["diff", old, new, "--format", "csv"]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["change"], r["old"], r["new"]) for r in rows] == [(e["change"], e["old"], e["new"]) for e in EXPECTED]
    assert main(["diff", old, new, "--format", "json"]) == 1
    assert [r["fiscal_year"] for r in json.loads(capsys.readouterr().out)] == [2024, None]


def test_diff_of_a_file_with_itself_and_of_a_missing_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = str(project / "raw" / PLAN_2021.name)
    assert main(["diff", old, old]) == 0
    assert capsys.readouterr().out == "no changes\n"
    assert main(["diff", old, str(project / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope.txt: no such file" in err


def test_links_join_the_latest_version_of_each_plan(project: Path) -> None:
    shutil.copy(DX_2023, project / "raw" / DX_2023.name)
    assert main(["--root", str(project), "run", "--quiet"]) == 0
    links = pq.read_table(project / "output" / "initiative_links.parquet").to_pylist()
    assert links and {(link["document_id"], link["linked_document_id"]) for link in links} == {
        ("plan_v2", DX_2023.stem)
    }


def test_changes_are_kept_between_runs_while_both_versions_stay(project: Path) -> None:
    """A publish reads the kept changes of a pair of versions back while neither changed, compares them
    again when one did, and drops them with the document."""
    assert main(["--root", str(project), "run", "--quiet"]) == 0
    kept = project / "build" / "changes" / "plan_v2.changes"
    assert [json.loads(line)["change"] for line in kept.read_text(encoding="utf-8").splitlines()[1:]] == [
        "value_changed",
        "title_changed",
    ]
    before = (project / "output" / "changes.parquet").read_bytes()
    # Read back, not compared again: a kept row edited under the same key is what gets published.
    kept.write_text(kept.read_text(encoding="utf-8").replace('"25,000"', '"99,999"'), encoding="utf-8")
    shutil.rmtree(project / "output")
    assert main(["--root", str(project), "stage", "publish"]) == 0
    assert [c["new"] for c in _changes(project)] == ["99,999", NEW_TITLE]
    # The key lost (here: the kept file damaged), the pair is compared again, to the same bytes as at first.
    kept.write_text("damaged\n", encoding="utf-8")
    shutil.rmtree(project / "output")
    assert main(["--root", str(project), "stage", "publish"]) == 0
    assert (project / "output" / "changes.parquet").read_bytes() == before
    # A new version of the earlier document changes the key: compared again.
    text = PLAN_2021.read_text(encoding="utf-8").replace(OLD_TITLE, "ヨットハーバーの新たな管理手法の導入")
    (project / "raw" / PLAN_2021.name).write_text(text, encoding="utf-8")
    assert main(["--root", str(project), "run", "--quiet"]) == 0
    assert [c["old"] for c in _changes(project) if c["change"] == "title_changed"] == [
        "ヨットハーバーの新たな管理手法の導入"
    ]
    (project / "raw" / "plan_v2.txt").unlink()
    assert main(["--root", str(project), "run", "--quiet"]) == 0
    assert not kept.exists()
