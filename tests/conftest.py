"""Shared fixtures: real MkDocs builds of small sites written into tmp_path."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import HOST, BuildSite, Site, _Collector, base_config, write_tree


@pytest.fixture(autouse=True, scope="session")
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`adr` without a mkdocs.yml keeps parsed records in the user's cache folder: tests use
    one of their own (subprocesses inherit it)."""
    patch = pytest.MonkeyPatch()
    patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
    yield
    patch.undo()


@pytest.fixture(autouse=True)
def _no_plugin_from_an_earlier_test() -> None:
    """MkDocs keeps a plugin that has `on_startup` from one configuration to the next (that is
    how it lives across serve rebuilds): after a test that started `serve`, every later build
    in the process would get that instance and run as a serve rebuild. Each test starts
    without it."""
    from mkdocs.config.defaults import MkDocsConfig

    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()


@pytest.fixture
def build_site(tmp_path: Path) -> Iterator[BuildSite]:
    """Write `files` and a mkdocs.yml into tmp_path, build with MkDocs, return the `Site`.

    `strict=True` raises MkDocs' Abort on warnings, as `mkdocs build --strict` does.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collector = _Collector()
    logger = logging.getLogger(HOST)  # the host's root logger
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


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Chromium for the whole session; only loopback traffic is allowed."""
    from browser_support import CHROMIUM_ARGS, chromium_path, unavailable

    path = chromium_path()
    if path is None:
        unavailable("Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def local_mermaid() -> Path:
    from browser_support import unavailable
    from support import mermaid_js

    found = mermaid_js()
    if found is None:
        unavailable("no local mermaid.min.js (npm install mermaid, or set MADR_MERMAID_JS)")
    assert found is not None
    return found


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory, local_mermaid: Path) -> Iterator[str]:
    """The bundled example, built strict with a local Mermaid, served on localhost."""
    import os

    from browser_support import serve
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from support import REPO

    site_dir = tmp_path_factory.mktemp("example") / "site"
    previous = os.environ.get("MADR_MERMAID_JS")
    os.environ["MADR_MERMAID_JS"] = str(local_mermaid)
    try:
        config = load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
        config.theme["font"] = False
        build(config)
    finally:
        if previous is None:
            os.environ.pop("MADR_MERMAID_JS", None)
        else:
            os.environ["MADR_MERMAID_JS"] = previous
    with serve(site_dir) as url:
        yield url


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A fresh browser page that may only talk to 127.0.0.1; console errors are collected."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else route.abort()
        ),
    )
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    yield tab
    context.close()
