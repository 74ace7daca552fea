"""The records' history from Git for a build, read once per checked-out commit: `mkdocs serve`
rebuilds with new plugin objects, so the last reading is kept here, for as long as the
checkout's HEAD, the folder and the vocabulary stay the same."""

from __future__ import annotations

import threading
from pathlib import Path

from ..core.git_history import FileHistory, find_repository, read_histories
from ..core.parse.vocabulary import Vocabulary

_last: tuple[tuple[str, ...], dict[str, FileHistory]] | None = None
_lock = threading.Lock()


def histories(folder: Path, vocabulary: Vocabulary) -> dict[str, FileHistory]:
    """Each record file's history (by path relative to `folder`); empty without Git."""
    global _last
    repository = find_repository(folder)
    if repository is None:
        return {}
    key = (str(repository.top), repository.head, str(folder.resolve()), repr(vocabulary))
    with _lock:
        if _last is not None and _last[0] == key:
            return _last[1]
        found = read_histories(repository, folder, vocabulary)
        _last = (key, found)
        return found


class HistoryReading:
    """The history read in a thread while MkDocs renders pages; `result` waits for it."""

    def __init__(self, folder: Path, vocabulary: Vocabulary) -> None:
        self._found: dict[str, FileHistory] = {}
        self._thread = threading.Thread(
            target=self._read, args=(folder, vocabulary), name="madr-history", daemon=True
        )
        self._thread.start()

    def _read(self, folder: Path, vocabulary: Vocabulary) -> None:
        self._found = histories(folder, vocabulary)

    def result(self) -> dict[str, FileHistory]:
        self._thread.join()
        return self._found
