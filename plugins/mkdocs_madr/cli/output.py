"""What `adr` prints: every line through `core.terminal`, so a record cannot drive the terminal."""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Iterable
from typing import IO, Any, TextIO, cast

import click

from ..core.terminal import for_terminal, json_for_terminal


def say(text: str, *, err: bool = False, file: IO[Any] | None = None) -> None:
    """`click.echo` of `text` with control sequences and bidirectional controls replaced."""
    click.echo(for_terminal(text), err=err, file=file)


class _JsonOut:
    """Standard output for JSON: what a terminal acts on is written as `\\uXXXX` escapes."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(json_for_terminal(text))


_BATCH = 1 << 20
"""Bytes written to standard output at a time."""


def printable_json(value: object) -> str:
    """`value` as JSON text that is safe to print (see `json_out`)."""
    return json_for_terminal(json.dumps(value, ensure_ascii=False))


def write_pieces(pieces: Iterable[str | bytes]) -> None:
    """Text and UTF-8 on standard output; UTF-8 as it is, when standard output is UTF-8 without
    newline translation (megabytes at thousands of records, not decoded and encoded again)."""
    out = sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is None or codecs.lookup(out.encoding).name != "utf-8" or os.linesep != "\n":
        for piece in pieces:
            out.write(piece if isinstance(piece, str) else piece.decode())
        return
    out.flush()
    batch: list[bytes] = []
    size = 0
    for piece in pieces:
        data = piece if isinstance(piece, bytes) else piece.encode()
        batch.append(data)
        size += len(data)
        if size >= _BATCH:  # one system call a megabyte, not a few a record
            buffer.write(b"".join(batch))
            batch, size = [], 0
    buffer.write(b"".join(batch))
    buffer.flush()


def json_out() -> TextIO:
    """Standard output, for JSON written piece by piece."""
    return cast(TextIO, _JsonOut(sys.stdout))
