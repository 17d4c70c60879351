"""The README's first lines and its notebook examples work as printed."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import DX_2023, PLAN_2021, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# The packages pyproject installs (its `packages.find` include list): the first command byte-compiles them.
_INCLUDE = re.search(r"^include = \[(.*)\]$", (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
PACKAGES = re.findall(r'"(\w+)\*"', _INCLUDE.group(1) if _INCLUDE else "")


def test_readme_starts_with_the_two_commands() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.DOTALL)
    assert first_block is not None and README.index("```sh") < README.index("## ")
    commands = [line for line in first_block.group(1).splitlines() if line and not line.startswith("#")]
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/python -m compileall -q "
        + " ".join(PACKAGES)
        + " && .venv/bin/plancards run",
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci


@pytest.mark.parametrize("index", [0, 1], ids=["pandas", "duckdb"])
def test_notebook_examples_run(index: int, tmp_path: Path) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
    raw = tmp_path / "raw"
    raw.mkdir()
    for path in (PLAN_2021, DX_2023):
        shutil.copy(path, raw / path.name)
    assert main(["--root", str(tmp_path), "run", "--quiet"]) == 0
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(blocks[index], f"README.md python block {index}", "exec"), {})
    finally:
        os.chdir(cwd)
