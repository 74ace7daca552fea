"""A real Chromium (Debian's /usr/bin/chromium) driven by Playwright, on a site served locally.

Browser tests skip when Chromium or a local Mermaid is missing, unless MADR_REQUIRE_BROWSER=1
(set by .ci/run), where a missing browser fails the run instead.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("MADR_CHROMIUM", ""), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return shutil.which("chromium")


def axe_js() -> Path | None:
    """A local axe-core: $MADR_AXE_JS, or npm's copy in the repository (npm install axe-core)."""
    repo = Path(__file__).resolve().parent.parent
    for candidate in (
        os.environ.get("MADR_AXE_JS", ""),
        str(repo / "node_modules/axe-core/axe.min.js"),
    ):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def unavailable(reason: str) -> None:
    """Skip, or fail when CI requires the browser tests to run."""
    if os.environ.get("MADR_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required but {reason}")
    pytest.skip(reason)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


WIDTHS = (390, 1280)
"""A phone and a desktop."""
SCHEMES = ("light", "dark")


@contextmanager
def reader(browser: Any, width: int, scheme: str = "light") -> Iterator[Any]:
    """A page as a reader sees it: `width` px wide, the system in a light or dark scheme (the
    example's palette follows it), offline: a request to anything but this machine is refused
    and noted in `page.outside`; errors the page raises are in `page.errors`."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    tab.outside = []
    tab.errors = []

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            tab.outside.append(url)
            route.abort()

    context.route("**/*", route)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    try:
        yield tab
    finally:
        context.close()


MATERIAL_DRAWN = "d => d.tagName === 'DIV' && d.getBoundingClientRect().height > 40"
"""Material draws the author's Mermaid blocks into a closed shadow root of a <div>: drawn when
the block became a <div> with a drawing's height."""


def wait_for_diagrams(page: Any, timeout: float = 20000) -> None:
    """Until every diagram of ours and of Material's on the page is drawn (or has failed)."""
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-madr-mermaid]')].every(
               d => d.hasAttribute('data-madr-rendered') || d.hasAttribute('data-madr-error'))
             && [...document.querySelectorAll('.mermaid')].every(drawn)""".replace(
            "drawn", MATERIAL_DRAWN
        ),
        timeout=timeout,
    )


def overflow(page: Any) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    return int(
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    )


BROKEN = """(table, wholes) => {
  const lines = range => new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
  const broken = [];
  for (const link of table.querySelectorAll('td a')) {
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (lines(range) > 1) broken.push(match[0]);
      }
    }
  }
  for (const whole of table.querySelectorAll(wholes)) {
    const range = document.createRange();
    range.selectNodeContents(whole);
    if (lines(range) > 1) broken.push(whole.textContent);
  }
  return broken;
}"""
"""What a table shows split over two lines: a word of a link mid-word ("Kubernet" "es"), or
anywhere what `wholes` selects, such as dates ("2026-06-" "08"); for `locator.evaluate`."""
