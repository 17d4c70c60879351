"""The views a child leaves for comparing (build/views/) are used only while they match their stage file."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.cli import main
from tests.conftest import PLAN_2021
from tests.test_versions import EDITS


def _outputs(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((root / "output").glob("*.parquet"))}


def _republish(root: Path) -> dict[str, str]:
    (root / "build" / "published.json").unlink()
    assert main(["--root", str(root), "run", "--quiet"]) == 0
    return _outputs(root)


def assert_stale_or_missing_files_unused(root: Path, folder: Path) -> None:
    """The output stays the same when the two cache files in `folder` are swapped (each then holds the
    other document's key, so neither matches its stage file), and when they are removed."""
    first = _outputs(root)
    one, two = sorted(folder.iterdir())
    one_bytes, two_bytes = one.read_bytes(), two.read_bytes()
    one.write_bytes(two_bytes)
    two.write_bytes(one_bytes)
    assert _republish(root) == first
    shutil.rmtree(folder)
    assert _republish(root) == first


def test_stale_or_missing_views_files_give_the_same_output(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(PLAN_2021, raw / "plan_v1.txt")
    text = PLAN_2021.read_text(encoding="utf-8")
    for old, new in EDITS:  # a final target and a title
        text = text.replace(old, new)
    (raw / "plan_v2.txt").write_text(text, encoding="utf-8")
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    views = sorted((tmp_path / "build" / "views").iterdir())
    assert [p.name for p in views] == ["plan_v1.views", "plan_v2.views"]
    assert_stale_or_missing_files_unused(tmp_path, tmp_path / "build" / "views")
    changes = pq.read_table(tmp_path / "output" / "changes.parquet").column("change").to_pylist()
    assert changes == ["value_changed", "title_changed"]  # the views were compared, from either place
