"""What `adr` prints: every line through `core.terminal`, so a record cannot drive the terminal."""

from __future__ import annotations

import json
import sys
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


def printable_json(value: object) -> str:
    """`value` as JSON text that is safe to print (see `json_out`)."""
    return json_for_terminal(json.dumps(value, ensure_ascii=False))


def json_out() -> TextIO:
    """Standard output, for JSON written piece by piece."""
    return cast(TextIO, _JsonOut(sys.stdout))
