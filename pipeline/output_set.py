"""output/ as one set: a publish is seen whole or not at all, and one run works in a project at a time.

A publish writes every file into a new folder beside output/ and then exchanges the two folders
in one step (Linux `renameat2(RENAME_EXCHANGE)`), so a reader, or a run killed at any moment,
finds either the previous set or the new one, never tables of both. Where the exchange is not
available, two renames are used and the short gap between them is repaired by the next run.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class ProjectBusy(Exception):
    """Another run holds the project's lock; `str()` is the one-line message."""


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (not Linux, old kernel, other filesystem)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        result = libc.renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    except (AttributeError, OSError):
        return False
    if result == 0:
        return True
    if ctypes.get_errno() in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(a))


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def recover(output: Path) -> list[str]:
    """Undo what a killed publish left beside `output`: a previous set moved aside is put back,
    unfinished folders are removed. Returns what was done, one line each."""
    done = []
    leftovers = sorted(output.parent.glob(f".{output.name}.*"))
    for folder in leftovers:
        if not output.exists() and folder.name.startswith(f".{output.name}.old-"):
            folder.rename(output)
            done.append(f"{output}: the previous output, left aside by an interrupted run, was put back")
    for folder in leftovers:
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
            done.append(f"{folder}: removed, left by an interrupted run")
    return done


def remove_stale_temporaries(*folders: Path) -> list[str]:
    """Delete the temporary files (`.name.XXXX.tmp`) a killed run left in `folders`; one line for each.

    Called under the project's lock, when no other run can be writing them.
    """
    removed = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob(".*.tmp")):
                path.unlink(missing_ok=True)
                removed.append(f"{path}: removed, a temporary file left by an interrupted run")
    return removed


def publish_set(output: Path, write: Callable[[Path], T], keep_others: bool = True) -> T:
    """Call `write(folder)` on a new folder, then make it `output` in one step; `write`'s result.

    With `keep_others`, entries of the previous `output` that `write` does not make (a report, a file
    of the user's) are moved into the new one after the exchange; without, the new set is all there is.
    """
    output.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.new-"))
    try:
        result = write(building)
        building.chmod(0o755)  # mkdtemp makes it private; the tables are for every reader
        if not output.exists():
            building.rename(output)
        elif _exchange(building, output):
            if keep_others:
                _keep_others(previous=building, now=output)
        else:
            aside = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}.old-"))
            aside.rmdir()
            output.rename(aside)
            building.rename(output)
            if keep_others:
                _keep_others(previous=aside, now=output)
            shutil.rmtree(aside, ignore_errors=True)
        _sync_folder(output.parent)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    return result


def _keep_others(previous: Path, now: Path) -> None:
    for entry in sorted(previous.iterdir()):
        if not (now / entry.name).exists() and not entry.name.startswith("."):
            entry.rename(now / entry.name)


@contextlib.contextmanager
def project_lock(build: Path) -> Iterator[None]:
    """Hold the project's lock (`build/.lock`) for the block; ProjectBusy when another run holds it."""
    try:
        import fcntl
    except ImportError:  # no advisory locks (Windows): runs are not guarded
        yield
        return
    build.mkdir(parents=True, exist_ok=True)
    path = build / ".lock"
    with path.open("a+") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise ProjectBusy(
                f"{build.parent}: another plancards run (pid {holder}) is working in this project; "
                "wait for it to finish"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
