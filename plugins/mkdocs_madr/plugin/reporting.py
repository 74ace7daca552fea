"""Diagnostics as MkDocs log lines: warnings count under `--strict`, levels as configured."""

from __future__ import annotations

import logging
import os
import posixpath
from collections.abc import Iterable
from pathlib import Path

from ..core.diagnostics import Code, Diagnostic, Severity
from ..core.terminal import for_terminal
from .host import get_plugin_logger

log = get_plugin_logger("madr")

_LOG_LEVELS = {
    Severity.ERROR: logging.WARNING,
    Severity.WARNING: logging.WARNING,
    Severity.INFO: logging.INFO,
}


class Reporter:
    """Logs diagnostics as `path:line: code: message`, paths relative to mkdocs.yml's folder."""

    def __init__(self, levels: dict[Code, str], base: Path) -> None:
        self.levels = levels
        self.base = base

    def report(self, diagnostics: Iterable[Diagnostic], where: Path) -> None:
        """Log each diagnostic; `where` is the folder its file is relative to."""
        for found in diagnostics:
            level = self.levels.get(found.code)
            if level == "ignore":
                continue
            severity = Severity(level) if level else found.severity
            path = _relative(where / found.file, self.base)
            line = f":{found.line}" if found.line is not None else ""
            text = f"{path}{line}: {found.code.value}: {found.message}"
            log.log(_LOG_LEVELS[severity], for_terminal(text))


def _relative(path: Path, start: Path) -> str:
    # abspath, not resolve: a diagnostic about a symbolic link must name the link.
    resolved, base = Path(os.path.abspath(path)), Path(os.path.abspath(start))
    try:
        return resolved.relative_to(base).as_posix()
    except ValueError:
        return posixpath.relpath(resolved.as_posix(), base.as_posix())
