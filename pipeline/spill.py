"""Documents' comparison views kept on disk while publishing, so that memory holds one at a time.

Comparing versions and linking plans needs every document's initiatives (`comparisons.views`),
but only two or a city's few at once, after all are read. The views come from either of two places:

* a views file, `build/views/<document id>.views`, that the child which normalized the document
  wrote beside its stage files (`write_views`): publishing, the one part of a run that is not
  parallel, then neither rebuilds the document's records nor makes its views. The file starts with
  the sha256 of the normalized stage file it was made from, and is used only while that matches;
* otherwise (a Dask worker, `plancards stage normalize`, a stale file) publishing makes them and
  pickles them into an unnamed temporary file under build/ (gone when closed or killed).

Pickle is safe here: both are written by this project's own processes into its build/ folder, and
are caches (the stage files stay the JSON a person reads). A views file's pickle is compressed
(zlib, level 1: a fifth of the bytes, 1.2 ms to write and 0.6 ms to read for a seed document).
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from comparisons.views import InitiativeView, document_to_views
from pipeline.keyed_file import key_holds, write_keyed
from pipeline.normalize import NormalizedDocument

VIEWS_SUFFIX = ".views"
_KEPT = 2  # views loaded last, kept: a version is compared with the one before and, next, the one after


def write_views(folder: Path, document_id: str, normalized_sha256: str, rows: NormalizedDocument) -> None:
    """Write a document's views file, keyed by its normalized stage file's sha256; none for a document
    that is not compared (status error), and a stale one is removed."""
    path = folder / f"{document_id}{VIEWS_SUFFIX}"
    if not rows.documents or rows.documents[0].status == "error":
        path.unlink(missing_ok=True)
        return
    views = tuple(document_to_views(rows))
    write_keyed(path, normalized_sha256, zlib.compress(pickle.dumps(views, protocol=pickle.HIGHEST_PROTOCOL), 1))


def views_file(folder: Path, document_id: str, normalized_sha256: str) -> Path | None:
    """The document's views file when it was made from the normalized stage file of that sha256."""
    path = folder / f"{document_id}{VIEWS_SUFFIX}"
    return path if key_holds(path, normalized_sha256) else None


class ViewSpill:
    """Views by document id, on disk: in views files, or pickled into a temporary file."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".views.")  # noqa: SIM115 (closed in __exit__)
        self._places: dict[str, tuple[int, int] | Path] = {}
        self._loaded: OrderedDict[str, Sequence[InitiativeView]] = OrderedDict()

    def put(self, document_id: str, views: Sequence[InitiativeView]) -> None:
        """Set a document's views aside."""
        data = pickle.dumps(tuple(views), protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._file.seek(0, 2)
        self._file.write(data)
        self._places[document_id] = (offset, len(data))

    def put_file(self, document_id: str, path: Path) -> None:
        """Take a document's views from its views file (`views_file`) when asked."""
        self._places[document_id] = path

    def get(self, document_id: str) -> Sequence[InitiativeView]:
        """A document's views, as they were set aside."""
        if document_id in self._loaded:
            self._loaded.move_to_end(document_id)
            return self._loaded[document_id]
        place = self._places[document_id]
        if isinstance(place, Path):
            data = zlib.decompress(place.read_bytes().partition(b"\n")[2])  # its key was checked by `views_file`
        else:
            offset, size = place
            self._file.seek(offset)
            data = self._file.read(size)
        views: Sequence[InitiativeView] = pickle.loads(data)
        self._loaded[document_id] = views
        if len(self._loaded) > _KEPT:
            self._loaded.popitem(last=False)
        return views

    def __enter__(self) -> ViewSpill:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._file.close()
