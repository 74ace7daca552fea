"""A built page with C4 diagrams in a real Chromium, with the local Mermaid: the diagram Mermaid
draws is drawn, the one it refuses says so above its element table, and line breaks in the
table are line breaks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import serve
from test_c4_site import RECORD

pytestmark = pytest.mark.browser

PAGE = """
# Architecture

```mermaid
C4Context
  Person(op, "Night<br/>operator", "Runs the night<br>shift")
  System(ledger, "Ledger", "Keeps accounts")
  Rel(op, ledger, "Uses")
```

```mermaid
C4Container
  Container(shop, "Shop", "Go") %% sells things
  Container(bank, "Bank link", "Go")
```
"""


@pytest.fixture
def architecture(build_site: Any, local_mermaid: Path) -> Iterator[str]:
    site = build_site(
        {"docs/architecture.md": PAGE, "decisions/0001-sell-through-the-shop.md": RECORD},
        {
            "site_name": "C4",
            "theme": {"name": "material", "font": False},
            "markdown_extensions": ["attr_list", "tables"],
            "plugins": [{"madr": {"mermaid_js": str(local_mermaid)}}],
        },
    )
    with serve(site.site_dir) as url:
        yield url + "architecture/"


def test_the_drawn_diagram_is_drawn_and_the_refused_one_says_why(
    page: Any, architecture: str
) -> None:
    page.goto(architecture)
    drawn, refused = page.locator(".madr-c4").all()
    drawn.locator(".madr-mermaid[data-madr-rendered] svg").wait_for(timeout=20000)
    assert drawn.locator(".madr-c4__undrawn").count() == 0
    note = refused.locator(".madr-c4__undrawn")
    assert note.is_visible()
    assert "swallows the line break" in note.inner_text()
    table = refused.locator("table.madr-c4__elements")
    assert note.bounding_box()["y"] < table.bounding_box()["y"]
    assert table.locator("tbody tr").count() == 2
    assert page.errors == []


def test_br_breaks_the_line_of_a_table_cell(page: Any, architecture: str) -> None:
    page.goto(architecture)
    label = page.locator("tr#c4-op .madr-c4__label")
    assert label.inner_text() == "Night\noperator"
    assert label.locator("br").count() == 1
