"""Texts kept on disk until they are needed once, late."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO


@dataclass(frozen=True, slots=True)
class Spooled:
    """Where texts are in a `Spool`: the offset, and the length of each, in bytes."""

    offset: int
    lengths: tuple[int, ...]


class Spool:
    """Texts kept in an anonymous temporary file: a build renders fragments early and needs each
    one once, late, and thousands of them would otherwise stay in memory all along."""

    def __init__(self) -> None:
        self._file: IO[bytes] | None = None
        self._end = 0

    def put(self, texts: Sequence[str]) -> Spooled:
        if self._file is None:
            # Open until `close`: it outlives any one call.
            self._file = tempfile.TemporaryFile()  # noqa: SIM115
        parts = [text.encode() for text in texts]
        self._file.seek(self._end)
        for part in parts:
            self._file.write(part)
        spooled = Spooled(self._end, tuple(len(part) for part in parts))
        self._end += sum(spooled.lengths)
        return spooled

    def get(self, spooled: Spooled) -> tuple[str, ...]:
        assert self._file is not None
        self._file.seek(spooled.offset)
        data = self._file.read(sum(spooled.lengths))
        texts, start = [], 0
        for length in spooled.lengths:
            texts.append(data[start : start + length].decode())
            start += length
        return tuple(texts)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._end = 0
