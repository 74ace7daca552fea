"""Parsed records kept on disk, so that reading an unchanged folder again parses nothing.

One cache file holds one folder's records as one reader read them: the key in its header is a
digest of the reader's own code (every module of `core`, the record model included), the
package's version, the Python version, the project's vocabulary and what was kept of each
record (`variant`). A file whose key differs, or that is truncated, corrupt or not a cache at
all, is ignored and written again. An entry is valid while its file has the size and
modification time it had when it was read; a file modified too recently for its time to be
trusted (a second edit within the same clock tick keeps it) is also compared by content.

The file is a pickle, read by an unpickler that makes nothing but the classes of this
package's `core` and a few plain value types, so a foreign file can at worst be refused; a
digest of it in the header tells a damaged file.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import json
import os
import pickle
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from .collection import parse_record, read_record
from .model import Decision
from .parse.vocabulary import Vocabulary

MAGIC = b"mkdocs-madr record cache 1\n"
DIGEST_SIZE = 20
_LENGTH = 8
"""Bytes of the payload's length in the header."""
RACY_NS = 2_000_000_000
"""A file modified less than this long before it was read may be modified again without its
modification time changing (coarse clocks, some file systems keep seconds): such an entry is
compared by content too."""
_CORE = Path(__file__).parent
_PACKAGE = _CORE.parent.name
_VALUE_TYPES = {
    ("datetime", "date"),
    ("datetime", "datetime"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
}
"""The classes front matter (YAML dates) can hold, besides those of `core`."""


@dataclass(frozen=True, slots=True)
class Stamp:
    """A file's state when it was read: its size, its modification time, and a digest of its
    content when that time was too recent to trust (`RACY_NS`)."""

    size: int
    mtime_ns: int
    digest: bytes | None = None


def stamp_of(stat: os.stat_result, data: bytes, now_ns: int | None = None) -> Stamp:
    """The stamp of a file whose `stat` was taken before `data` was read from it."""
    now = time.time_ns() if now_ns is None else now_ns
    racy = now - stat.st_mtime_ns < RACY_NS
    return Stamp(stat.st_size, stat.st_mtime_ns, _digest(data) if racy else None)


def read_stamped(
    root: Path, path: str, vocabulary: Vocabulary
) -> tuple[Decision, Stamp | None, bytes]:
    """`collection.read_record`, with the stamp of what was read (None when the file could not
    be read: that is never cached) and the bytes it was parsed from."""
    file = root / path
    try:
        before = os.stat(file)
        data = file.read_bytes()
    except OSError:
        return read_record(root, path, vocabulary), None, b""  # says why, as a diagnostic
    return parse_record(data, path, vocabulary), stamp_of(before, data), data


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        if module.startswith(f"{_PACKAGE}.core.") or (module, name) in _VALUE_TYPES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not kept in a record cache")


def pack(value: object) -> bytes:
    """`value` as an entry of its own (for a cache whose values are packed one by one)."""
    return zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: object) -> object:
    """What `pack` packed; raises (ValueError, `pickle.UnpicklingError`, …) on anything else."""
    if not isinstance(packed, bytes):
        raise ValueError("not a packed entry")
    with no_gc():
        return _Unpickler(io.BytesIO(zlib.decompress(packed))).load()


class RecordCache:
    """The cache of one folder, as one reader reads it (see the module's description).

    `get` hands out what `put` was given for a file in its present state; `save` writes the
    entries of the files asked for in this run (the others are gone or no longer read), if
    anything changed. What `get` returns is what `save` writes: save before changing it. A
    cache without a `file` keeps nothing.
    """

    def __init__(self, file: Path | None, key: bytes) -> None:
        self.file = file
        self.key = key
        self.entries: dict[str, object] = {}
        """By path: `(size, mtime_ns, digest or None, value)`, as loaded (checked when used)."""
        self.used: set[str] = set()
        self.changed = False

    @classmethod
    def open(
        cls, directory: Path | None, root: Path, vocabulary: Vocabulary, variant: str
    ) -> RecordCache:
        """The cache of `root` under `directory` (none when `directory` is None)."""
        key = reader_key(vocabulary, variant, root)
        if directory is None:
            return cls(None, key)
        name = hashlib.blake2b(
            f"{os.path.abspath(root)}\0{variant}".encode(), digest_size=8
        ).hexdigest()
        file = directory / f"records-{name}.cache"
        cache = cls(file, key)
        cache.entries = _load(file, key)
        return cache

    def get(self, root: Path, path: str) -> object | None:
        """What was kept for `path` if the file has not changed since, else None."""
        self.used.add(path)
        match self.entries.get(path):
            case (int() as size, int() as mtime_ns, (bytes() | None) as digest, value):
                pass
            case _:
                return None
        file = os.path.join(root, path)  # thousands of files: pathlib's parsing would show
        try:
            stat = os.stat(file)
            if stat.st_size != size or stat.st_mtime_ns != mtime_ns:
                return None
            if digest is not None:
                if _digest(Path(file).read_bytes()) != digest:
                    return None
                if time.time_ns() - mtime_ns >= RACY_NS:
                    # Its time can be trusted now: compare by stat alone from now on.
                    self.entries[path] = (size, mtime_ns, None, value)
                    self.changed = True
        except OSError:
            return None  # read again, which says why it cannot be read
        return value

    def keep(self, path: str) -> None:
        """`path` is still read: its entry stays (another process may have checked it)."""
        self.used.add(path)

    def put(self, path: str, stamp: Stamp | None, value: object) -> None:
        """Keep `value` for `path` as read in the state `stamp` (None: not kept)."""
        self.used.add(path)
        if stamp is None:
            self.changed |= self.entries.pop(path, None) is not None
            return
        self.entries[path] = (stamp.size, stamp.mtime_ns, stamp.digest, value)
        self.changed = True

    def save(self) -> None:
        """Write the cache, atomically, if it changed; a cache that cannot be written is left
        as it was (the next run parses again)."""
        if self.file is None:
            return
        stale = set(self.entries) - self.used
        if not (self.changed or stale):
            return
        for path in stale:
            del self.entries[path]
        payload = pickle.dumps(self.entries, pickle.HIGHEST_PROTOCOL)
        header = MAGIC + self.key + _digest(payload) + len(payload).to_bytes(_LENGTH, "little")
        with contextlib.suppress(OSError):
            _write_atomically(self.file, header + payload)
            self.changed = False


def _load(file: Path, key: bytes) -> dict[str, object]:
    """The entries of `file`; none when it is missing, foreign, of another key or damaged."""
    at_key = len(MAGIC)
    at_digest = at_key + len(key)
    at_length = at_digest + DIGEST_SIZE
    start = at_length + _LENGTH
    try:
        with file.open("rb") as handle:
            header = handle.read(start)
            # Read apart from the header: unpickled from a bytes object, it is not copied.
            payload = handle.read()
    except OSError:
        return {}
    if len(header) < start or not header.startswith(MAGIC) or header[at_key:at_digest] != key:
        return {}
    digest = header[at_digest:at_length]
    length = int.from_bytes(header[at_length:start], "little")
    if len(payload) != length or _digest(payload) != digest:
        return {}
    try:
        with no_gc():
            stored = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # not what `save` writes
        return {}
    return stored if isinstance(stored, dict) else {}


@contextlib.contextmanager
def no_gc() -> Iterator[None]:
    """Parsing and reading thousands of records make many small objects and no cycles worth
    collecting: the collector's passes would take longer than making them, so they wait."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_atomically(file: Path, data: bytes) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    ignore = file.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Written by mkdocs-madr: a cache, not for version control.\n*\n")
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, file)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _digest(data: bytes | memoryview) -> bytes:
    # Against damage, not malice (the unpickler is what refuses a forged file): the fastest.
    return hashlib.sha1(data, usedforsecurity=False).digest()


def reader_key(vocabulary: Vocabulary, variant: str, root: Path) -> bytes:
    """What a cached record depends on besides its file (see the module's description)."""
    words = json.dumps(asdict(vocabulary), sort_keys=True, ensure_ascii=False, default=repr)
    parts = [_code_digest(), _version(), sys.version, words, variant, os.path.abspath(root)]
    return _digest("\0".join(parts).encode())


@cache
def _code_digest() -> str:
    """A digest of the reader's code: a change to the model or the parser (in a release or in a
    working copy) makes every cached record stale."""
    digest = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for module in sorted(_CORE.rglob("*.py")):
        digest.update(module.relative_to(_CORE).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    return digest.hexdigest()


def _version() -> str:
    """The package's version, as `adr --version` gives it. Read from the package, which is
    loaded with `core`, not imported (`core` imports nothing above it); importlib.metadata's
    search of the installed distributions took 30 ms of every `adr` run that reads records."""
    return str(getattr(sys.modules[_PACKAGE], "__version__", "unknown"))
