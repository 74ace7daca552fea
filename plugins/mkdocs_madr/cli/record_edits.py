"""Editing records on disk: read, change in memory, check, replace atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..core.model import Decision
from ..core.parse.record import parse_decision
from ..edits.document import Document
from ..edits.layout import EditError
from .errors import CliError, Refused
from .files import Snapshot, read_snapshot, replace_file

Change = Callable[[Document, Decision], list[int]]


def load_document(path: Path) -> tuple[Snapshot, Document]:
    snapshot = read_snapshot(path)
    try:
        return snapshot, Document.from_bytes(snapshot.data)
    except UnicodeDecodeError as error:
        raise CliError(
            f"{path}: not UTF-8 (byte 0x{snapshot.data[error.start]:02x} at offset "
            f"{error.start}); nothing changed"
        ) from None


def prepare(root: Path, decision: Decision, change: Change) -> tuple[Snapshot, bytes] | None:
    """The new bytes of a record after `change`, or None when nothing needs to change.

    The record is parsed again from the bytes being edited, so the edit never works from a
    stale reading.
    """
    path = root / decision.file
    snapshot, document = load_document(path)
    fresh = parse_decision(snapshot.data, decision.file)
    fresh.category = decision.category
    try:
        change(document, fresh)
    except EditError as error:
        where = f"{path}:{error.line}" if error.line else str(path)
        raise Refused(f"{where}: {error}; nothing changed") from None
    data = document.to_bytes()
    return None if data == snapshot.data else (snapshot, data)


def apply(prepared: tuple[Snapshot, bytes] | None) -> bool:
    if prepared is None:
        return False
    replace_file(*prepared)
    return True
