"""Writing files safely: never overwrite, replace atomically, notice concurrent changes.

* New files are created exclusively (`O_EXCL`): an existing file is never overwritten.
* Edits go to a temporary file in the same folder, which is flushed, given the old file's mode
  (and owner, where allowed) and moved over the old one with `os.replace`, so readers see the
  old or the new bytes. A symbolic link is followed: the file it points to is replaced.
* Before the move the file is read again; if its bytes or mtime changed since adr read it,
  nothing is written.
* Commands that choose a number or edit records hold an OS lock per decisions folder. The
  lock file lives in the temporary folder (named after the folder's real path), never in the
  user's repository.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import CliError


@dataclass(frozen=True)
class Snapshot:
    """A file's bytes and status as adr read them, to detect a change before writing."""

    path: Path
    data: bytes
    mtime_ns: int
    size: int
    mode: int
    owner: tuple[int, int] = (-1, -1)


def read_snapshot(path: Path) -> Snapshot:
    """Read a file; a symbolic link is followed, so the edit lands in the file it points to."""
    try:
        real = Path(os.path.realpath(path))
        with open(real, "rb") as handle:
            stat = os.fstat(handle.fileno())
            data = handle.read()
    except OSError as error:
        raise CliError(f"{path}: {describe(error)}") from None
    owner = (stat.st_uid, stat.st_gid)
    return Snapshot(real, data, stat.st_mtime_ns, stat.st_size, stat.st_mode, owner)


def describe(error: OSError) -> str:
    """`permission denied`, `no such file or directory`: the OS reason in lower case."""
    reason = error.strerror or type(error).__name__
    return reason[:1].lower() + reason[1:]


def unchanged(snapshot: Snapshot) -> bool:
    try:
        stat = os.stat(snapshot.path)
        if stat.st_mtime_ns != snapshot.mtime_ns or stat.st_size != snapshot.size:
            return False
        return snapshot.path.read_bytes() == snapshot.data
    except OSError:
        return False


def replace_file(snapshot: Snapshot, data: bytes) -> None:
    """Atomically replace `snapshot.path` with `data`, unless it changed since it was read."""
    path = snapshot.path
    if not unchanged(snapshot):
        raise CliError(f"{path}: changed on disk since adr read it; nothing written, try again")
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise CliError(f"{folder}: cannot write here: {describe(error)}") from None
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
        os.chmod(temporary, snapshot.mode & 0o7777)
        _keep_owner(temporary, snapshot.owner)
        _test_pause_before_replace(path)
        if not unchanged(snapshot):
            raise CliError(f"{path}: changed on disk since adr read it; nothing written, try again")
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise CliError(f"{path}: cannot write: {describe(error)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


TEST_PAUSE_VARIABLE = "ADR_TEST_PAUSE_BEFORE_REPLACE"
TEST_PAUSE_MARKER = "adr-test: paused before replace: "
_test_replaces = [0]  # how many replacements this process has paused before (test seam only)


def _test_pause_before_replace(path: Path) -> None:
    """TEST-ONLY fault-injection seam (tests/test_cli_stress.py); unset in normal use.

    With `ADR_TEST_PAUSE_BEFORE_REPLACE=<seconds>[,<seconds>...]` in the environment, each
    replacement writes `adr-test: paused before replace: <path>` to stderr once its temporary
    file is complete (written, fsynced, mode set), then sleeps before the final check and
    `os.replace`, so a test can SIGKILL the process at exactly that point. The n-th value is
    the pause before the n-th replacement (the last one repeats): `0,30` lets the first file
    be replaced and holds before the second. Unset, this costs one environment lookup.
    """
    value = os.environ.get(TEST_PAUSE_VARIABLE)
    if value is None:
        return
    pauses = [float(item) for item in value.split(",")]
    pause = pauses[min(_test_replaces[0], len(pauses) - 1)]
    _test_replaces[0] += 1
    sys.stderr.write(f"{TEST_PAUSE_MARKER}{path}\n")
    sys.stderr.flush()
    time.sleep(max(0.0, pause))


def _keep_owner(path: str, owner: tuple[int, int]) -> None:
    """Give the new file the old one's owner when adr may (for example when run as root)."""
    if not hasattr(os, "chown"):
        return
    stat = os.stat(path)
    if (stat.st_uid, stat.st_gid) != owner:
        with contextlib.suppress(OSError):
            os.chown(path, *owner)


def create_file(path: Path, data: bytes) -> bool:
    """Write a new file; False (and nothing written) when the name is already taken.

    The bytes go to a hidden temporary file first, which is then hard-linked to the final
    name: the link fails if the name exists, so creation stays exclusive, and the name never
    points at a half-written file, even if the process is killed.
    """
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise CliError(f"{path}: cannot create: {describe(error)}") from None
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        except OSError:
            return _create_exclusively(path, data)  # no hard links here (some network shares)
    except OSError as error:
        raise CliError(f"{path}: cannot write: {describe(error)}") from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    _sync_folder(path.parent)
    return True


def _create_exclusively(path: Path, data: bytes) -> bool:
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
    except FileExistsError:
        return False
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
            output.flush()
            os.fsync(output.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_BINARY = getattr(os, "O_BINARY", 0)


def _sync_folder(folder: Path) -> None:
    """Make a rename or a new name durable (POSIX; Windows has no directory handles)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def lock_path(folder: Path) -> Path:
    """The lock file for a decisions folder: in the temp dir, keyed by user and real path."""
    real = os.path.realpath(folder)
    digest = hashlib.sha256(os.path.normcase(real).encode("utf-8", "surrogatepass")).hexdigest()
    user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    return Path(tempfile.gettempdir()) / f"mkdocs-madr-{user}-{digest[:24]}.lock"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive OS lock for `folder` (released when the process ends, too)."""
    path = lock_path(folder)
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags, 0o600)
    except OSError as error:
        raise CliError(f"{path}: cannot open the lock file: {describe(error)}") from None
    try:
        _lock(handle)
        yield
    finally:
        with contextlib.suppress(OSError):
            _unlock(handle)
        os.close(handle)


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: int) -> None:
        while True:
            try:
                msvcrt.locking(handle, msvcrt.LK_LOCK, 1)
                return
            except OSError as error:  # LK_LOCK gives up after ten seconds; keep waiting
                if error.errno not in (errno.EDEADLK, errno.EACCES):
                    raise

    def _unlock(handle: int) -> None:
        os.lseek(handle, 0, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX)

    def _unlock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
