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
    first = _outputs(tmp_path)
    # Swapped: each file now starts with the other's key, so neither matches its stage file.
    one, two = (p.read_bytes() for p in views)
    views[0].write_bytes(two)
    views[1].write_bytes(one)
    assert _republish(tmp_path) == first
    shutil.rmtree(tmp_path / "build" / "views")
    assert _republish(tmp_path) == first
    changes = pq.read_table(tmp_path / "output" / "changes.parquet").column("change").to_pylist()
    assert changes == ["value_changed", "title_changed"]  # the views were compared, from either place
