"""Shared fixtures: real MkDocs builds of small sites written into tmp_path."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import BuildSite, Site, _Collector, base_config, write_tree


@pytest.fixture
def build_site(tmp_path: Path) -> Iterator[BuildSite]:
    """Write `files` and a mkdocs.yml into tmp_path, build with MkDocs, return the `Site`.

    `strict=True` raises MkDocs' Abort on warnings, as `mkdocs build --strict` does.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    previous_level = logger.level
    logger.setLevel(logging.DEBUG)

    def run(
        files: dict[str, str | bytes],
        config: dict[str, Any] | None = None,
        *,
        strict: bool = False,
        root: Path | None = None,
    ) -> Site:
        site_root = root or tmp_path / "project"
        site_root.mkdir(parents=True, exist_ok=True)
        write_tree(site_root, files)
        (site_root / "docs").mkdir(exist_ok=True)
        if not (site_root / "docs" / "index.md").exists():
            (site_root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
        config_file = site_root / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(config or base_config()), encoding="utf-8")
        collector.records.clear()
        loaded = load_config(str(config_file), strict=strict, site_dir=str(site_root / "site"))
        build(loaded)
        return Site(site_root, site_root / "site", list(collector.records))

    run.errors = lambda: [  # type: ignore[attr-defined]
        text for level, text in collector.records if level >= logging.ERROR
    ]
    yield run
    logger.removeHandler(collector)
    logger.setLevel(previous_level)
