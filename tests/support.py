"""Helpers for tests: file-tree literals, site configs, and the built-site wrapper."""

from __future__ import annotations

import json
import logging
import os
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

HOST = os.environ.get("MADR_HOST", "mkdocs")
"""The host the tests build with: `mkdocs`, or `properdocs` (MADR_HOST=properdocs)."""
if HOST == "properdocs":
    # As `properdocs build` does: every `mkdocs.*` import now gets the `properdocs.*` module, so
    # the tests' own `from mkdocs... import` lines and the plugin both use ProperDocs.
    import properdocs.replacement  # noqa: F401
elif HOST != "mkdocs":
    raise RuntimeError(f"MADR_HOST={HOST!r}: expected mkdocs or properdocs")

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Site:
    """A built site: its folder, the output folder and what MkDocs logged."""

    root: Path
    site_dir: Path
    messages: list[tuple[int, str]] = field(default_factory=list)

    def html(self, path: str) -> str:
        target = self.site_dir / path
        if target.is_dir() or path.endswith("/") or path == "":
            target = target / "index.html"
        return target.read_text(encoding="utf-8")

    def warnings(self) -> list[str]:
        return [text for level, text in self.messages if level >= logging.WARNING]

    def infos(self) -> list[str]:
        return [text for level, text in self.messages if level == logging.INFO]

    def json(self, path: str) -> Any:
        return json.loads((self.site_dir / path).read_text(encoding="utf-8"))


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Write a file-tree literal; text is dedented so tests can indent it."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def base_config(**plugin: Any) -> dict[str, Any]:
    return {
        "site_name": "Test site",
        "repo_url": "https://github.com/example/repo",
        "edit_uri": "edit/main/docs/",
        "theme": {"name": "material", "font": False, "features": ["content.action.edit"]},
        "markdown_extensions": ["def_list", "attr_list", "tables"],
        "plugins": ["search", {"madr": plugin}],
    }


def mermaid_js() -> Path | None:
    """A local copy of mermaid.min.js: $MADR_MERMAID_JS, or node_modules in the repo."""
    candidates = [
        os.environ.get("MADR_MERMAID_JS", ""),
        str(REPO / "node_modules/mermaid/dist/mermaid.min.js"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


BuildSite = Callable[..., Site]
