"""Documents' comparison views set aside on disk while publishing, so that memory holds one at a time.

Comparing versions and linking plans needs every document's initiatives, but only two or a city's
few at once, after all are read. Publishing pickles each document's views into an unnamed temporary
file under build/ (gone when closed, or when the process is killed) and loads them back when asked.
Pickle is safe here: the file is written and read by this process only.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from comparisons.views import InitiativeView

_KEPT = 2  # views loaded last, kept: a version is compared with the one before and, next, the one after


class ViewSpill:
    """Views by document id, on disk."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".views.")  # noqa: SIM115 (closed in __exit__)
        self._places: dict[str, tuple[int, int]] = {}
        self._loaded: OrderedDict[str, Sequence[InitiativeView]] = OrderedDict()

    def put(self, document_id: str, views: Sequence[InitiativeView]) -> None:
        """Set a document's views aside."""
        data = pickle.dumps(tuple(views), protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._file.seek(0, 2)
        self._file.write(data)
        self._places[document_id] = (offset, len(data))

    def get(self, document_id: str) -> Sequence[InitiativeView]:
        """A document's views, as they were set aside."""
        if document_id in self._loaded:
            self._loaded.move_to_end(document_id)
            return self._loaded[document_id]
        offset, size = self._places[document_id]
        self._file.seek(offset)
        views: Sequence[InitiativeView] = pickle.loads(self._file.read(size))
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
