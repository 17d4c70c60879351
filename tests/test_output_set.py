"""output/ is replaced as a whole: a run killed while publishing leaves the previous complete set;
two runs in one project do not both work."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.output_set import project_lock, publish_set, recover
from tests.conftest import DX_2023, PLAN_2021, ROOT

# A run that dies (os._exit: no cleanup, as kill -9) after writing three tables of the new set.
_KILLED_RUN = """
import os, sys
sys.path.insert(0, sys.argv[2])
from pipeline.publish import ParquetStream
written = []
original = ParquetStream.close
def dying(self):
    original(self)
    written.append(self.path)
    if len(written) == 3:
        os._exit(9)
ParquetStream.close = dying
from pipeline.cli import main
main(["--root", sys.argv[1], "run", "--quiet"])
"""


def _files(output: Path) -> dict[str, str]:
    return {
        p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(output.rglob("*"))
        if p.is_file()
    }


def test_a_kill_while_publishing_leaves_the_previous_set(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(PLAN_2021, tmp_path / "raw" / PLAN_2021.name)
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    before = _files(tmp_path / "output")
    shutil.copy(DX_2023, tmp_path / "raw" / DX_2023.name)
    killed = subprocess.run([sys.executable, "-c", _KILLED_RUN, str(tmp_path), str(ROOT)], timeout=300)
    assert killed.returncode == 9
    assert _files(tmp_path / "output") == before  # all old: not one table of the new run
    assert list(tmp_path.glob(".output.*"))  # the unfinished set is still there…
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    assert not list(tmp_path.glob(".output.*"))  # …until the next run clears it
    documents = pq.read_table(tmp_path / "output" / "documents.parquet").column("document_id").to_pylist()
    assert documents == [DX_2023.stem, PLAN_2021.stem]


def test_a_previous_set_moved_aside_is_put_back(tmp_path: Path) -> None:
    """Without an atomic exchange, a kill between the two renames leaves output/ aside: it comes back."""
    aside = tmp_path / ".output.old-x"
    aside.mkdir()
    (aside / "documents.parquet").write_bytes(b"old")
    (tmp_path / ".output.new-y").mkdir()
    assert len(recover(tmp_path / "output")) == 2  # put back, and the unfinished one removed
    assert (tmp_path / "output" / "documents.parquet").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_failed_write_leaves_the_previous_set_and_keeps_other_files(tmp_path: Path) -> None:
    output = tmp_path / "output"
    publish_set(output, lambda folder: (folder / "a.parquet").write_bytes(b"1"))
    (output / "report").mkdir()

    def failing(folder: Path) -> None:
        (folder / "a.parquet").write_bytes(b"2")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        publish_set(output, failing)
    assert (output / "a.parquet").read_bytes() == b"1"
    publish_set(output, lambda folder: (folder / "a.parquet").write_bytes(b"3"))
    assert (output / "a.parquet").read_bytes() == b"3" and (output / "report").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_a_second_run_in_the_same_project_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(PLAN_2021, tmp_path / "raw" / PLAN_2021.name)
    with project_lock(tmp_path / "build"):
        assert main(["--root", str(tmp_path), "run", "--quiet"]) == 2
        assert main(["--root", str(tmp_path), "stage", "publish"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and all("another plancards run" in line and "wait for it" in line for line in err)
    assert not (tmp_path / "output").exists()
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0  # the lock is free again


def test_temporary_files_of_a_killed_run_are_removed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "raw").mkdir()
    shutil.copy(PLAN_2021, tmp_path / "raw" / PLAN_2021.name)
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    stale = [tmp_path / "output" / ".documents.parquet.abc.tmp", tmp_path / "build" / "extracted" / ".x.json.abc.tmp"]
    for path in stale:
        path.write_bytes(b"half")
    capsys.readouterr()
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    assert not any(path.exists() for path in stale)
    assert capsys.readouterr().err.count("a temporary file left by an interrupted run") == 2
