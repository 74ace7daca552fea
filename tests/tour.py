"""Screenshots of the example site for the documentation's Tour page.

Builds the example with a local Mermaid, serves it on localhost and photographs, at a phone's
width (390 px) and a desktop's (1280 px), the decision log, a record, the C4 container diagram
and the relation graph, with Debian's Chromium, offline:

    MADR_MERMAID_JS=node_modules/mermaid/dist/mermaid.min.js python tests/tour.py docs/tour
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from browser_support import CHROMIUM_ARGS, chromium_path, reader, serve, wait_for_diagrams
from support import REPO, mermaid_js

SHOTS = (
    ("log", "decisions/", ".madr-index"),
    ("record", "decisions/0007-gitops-with-flux-cd/", "article h1"),
    ("c4", "diagrams/c4-container/", ".madr-c4"),
    ("graph", "decisions/graph/", ".madr-graph"),
)
HEIGHTS = {390: 844, 1280: 900}


def build(site_dir: Path) -> None:
    from mkdocs.commands.build import build as build_site
    from mkdocs.config import load_config

    local = mermaid_js()
    if local is None:
        sys.exit("no local mermaid.min.js (npm install mermaid, or set MADR_MERMAID_JS)")
    os.environ["MADR_MERMAID_JS"] = str(local)
    # Not strict: the Tour page links the pictures this is about to take.
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir))
    config.theme["font"] = False
    build_site(config)


def shoot(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        build(site)
        with serve(site) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), args=CHROMIUM_ARGS
            )
            for name, path, anchor in SHOTS:
                for width, height in HEIGHTS.items():
                    with reader(browser, width) as page:
                        page.set_viewport_size({"width": width, "height": height})
                        page.goto(url + path)
                        wait_for_diagrams(page)
                        if name in ("c4", "graph"):
                            page.locator(anchor).first.scroll_into_view_if_needed()
                            page.evaluate("window.scrollBy(0, -70)")
                        target = out / f"{name}-{width}.png"
                        page.screenshot(path=str(target))
                        written.append(target)
            browser.close()
    return written


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    for path in shoot(Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "docs" / "tour")):
        print(path)
