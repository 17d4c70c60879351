"""--executor dask runs the same per-document function on a Dask cluster: the same output as --jobs 1."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from dask.distributed import LocalCluster

from pipeline.cli import main
from tests.conftest import DX_2023, PLAN_2021

TABLES = ("documents", "initiatives", "schedule", "indicators", "indicator_values", "quality", "changes")


def _project(root: Path) -> Path:
    (root / "raw").mkdir(parents=True)
    for path in (PLAN_2021, DX_2023):
        shutil.copy(path, root / "raw" / path.name)
    (root / "raw" / "empty.txt").write_bytes(b"")  # one document that fails, on a worker too
    return root


def _digests(root: Path) -> dict[str, str]:
    return {t: hashlib.sha256((root / "output" / f"{t}.parquet").read_bytes()).hexdigest() for t in TABLES}


def test_a_two_worker_cluster_gives_the_local_output(tmp_path: Path) -> None:
    local = _project(tmp_path / "local")
    assert main(["--root", str(local), "run", "--quiet", "--jobs", "1"]) == 1
    cluster_project = _project(tmp_path / "cluster")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        argv = ["--root", str(cluster_project), "run", "--quiet", "--executor", "dask", "--scheduler"]
        assert main([*argv, cluster.scheduler_address]) == 1
    assert _digests(cluster_project) == _digests(local)


def test_dask_needs_a_scheduler(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    assert main(["--root", str(project), "run", "--quiet", "--executor", "dask"]) == 2
    assert "needs --scheduler" in capsys.readouterr().err
