"""The fuzz suite's long profile: 10,000 cases per test (tests/fuzz), with Hypothesis' statistics.

    .venv/bin/python scripts/fuzz_long.py

Prints, per test, the cases run and the time; any exception other than DocumentError fails the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Run tests/fuzz under the long profile; pytest's exit code."""
    env = {**os.environ, "PLANCARDS_FUZZ_PROFILE": "long"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--hypothesis-show-statistics",
        "tests/fuzz",
    ]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
