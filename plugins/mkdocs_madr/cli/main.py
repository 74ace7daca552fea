"""Entry point of the `adr` command."""

from __future__ import annotations


def main() -> None:
    raise SystemExit("adr: not implemented yet")
