"""`dvc repro` from a fresh copy of the project reproduces output/, with its metrics and plots."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def _fresh_copy(target: Path) -> None:
    """The project's files as a clone has them (tracked and new, not ignored), in a new git repository."""
    listed = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "clone"]):
        subprocess.run(command, cwd=target, check=True, env=env)


def _dvc(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", "DVC_NO_ANALYTICS": "1"}
    return subprocess.run([str(BIN / "dvc"), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def test_dvc_repro_from_a_fresh_copy(tmp_path: Path) -> None:
    _fresh_copy(tmp_path)
    done = _dvc("repro", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    for table in ("documents", "initiatives", "schedule", "indicators", "indicator_values", "quality", "terms"):
        assert (tmp_path / "output" / f"{table}.parquet").is_file()
    metrics = json.loads((tmp_path / "output" / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["documents"] == 5 and metrics["values"] > 1000
    shown = _dvc("metrics", "show", "--json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert '"documents": 5' in shown.stdout.replace(" ", "").replace('"documents":5', '"documents": 5')
    plots = _dvc("plots", "show", "--json", cwd=tmp_path)
    assert plots.returncode == 0, plots.stderr
    assert "values_per_document" in plots.stdout
    # A rerun with nothing changed runs no stage again.
    again = _dvc("repro", cwd=tmp_path)
    assert again.returncode == 0 and "didn't change, skipping" in again.stdout
