"""The failures the CLI reports: a single line naming what and where, a non-zero exit."""

from __future__ import annotations

from typing import IO, Any

import click

from .output import say


class CliError(click.ClickException):
    """`adr: <what went wrong, naming the file or folder>` on stderr; exit status 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        say(f"adr: {self.format_message()}", err=True, file=file)


class NotFound(CliError):
    """The record the user named does not exist; exit status 1."""

    exit_code = 1


class Refused(CliError):
    """An edit adr cannot make safely; the file is left as it was. Exit status 1."""

    exit_code = 1


class Interrupted(CliError):
    exit_code = 130
