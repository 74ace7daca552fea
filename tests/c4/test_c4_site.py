"""C4 diagrams in real builds: what the page says when Mermaid cannot draw a diagram, line
breaks in element tables, and what the build log reports."""

from __future__ import annotations

import re

import pytest
from mkdocs.exceptions import Abort
from support import BuildSite, base_config

ARCHITECTURE = """
# Architecture

```mermaid
C4Context
  Person(op, "Night<br/>operator", "Runs the night<br>shift <b>alone</b>")
  System(ledger, "Ledger", "Keeps accounts")
  Rel(op, ledger, "Uses")
```

```mermaid
C4Container
  AddElementTag("hot", $bgColor="#f00")
  Container(shop, "Shop", "Go", "Sells things", $tags="hot")
```
"""

RECORD = """
---
status: accepted
date: 2025-01-02
c4: [shop]
---
# Sell through the shop

## Context and Problem Statement

We sell things.
"""


def _site_files() -> dict[str, str]:
    return {
        "docs/architecture.md": ARCHITECTURE,
        "decisions/0001-sell-through-the-shop.md": RECORD,
    }


def test_an_undrawn_diagram_says_why_above_its_element_table(build_site: BuildSite) -> None:
    site = build_site(_site_files(), base_config())
    page = site.html("architecture/")
    drawn, undrawn = page.split('<div class="madr-c4" ')[1:]
    assert "madr-c4__undrawn" not in drawn
    note = undrawn.index("Mermaid cannot draw this diagram as written")
    assert note < undrawn.index('<table class="madr-c4__elements"')
    assert "Line 2 of the diagram: <code>AddElementTag</code> is C4-PlantUML" in undrawn
    # The table still lists the element as written, with the decision naming it.
    row = re.search(r'<tr id="c4-shop".*?</tr>', undrawn, re.DOTALL)
    assert row is not None
    assert "Sells things" in row[0]
    assert "0001-sell-through-the-shop" in row[0]
    (warning,) = [text for text in site.warnings() if "c4-unsupported" in text]
    assert "architecture.md:12" in warning


def test_element_tables_break_lines_at_br_and_nowhere_else(build_site: BuildSite) -> None:
    page = build_site(_site_files(), base_config()).html("architecture/")
    row = re.search(r'<tr id="c4-op".*?</tr>', page, re.DOTALL)
    assert row is not None
    assert '<span class="madr-c4__label">Night<br>operator</span>' in row[0]
    assert "<small>Runs the night<br>shift &lt;b&gt;alone&lt;/b&gt;</small>" in row[0]


def test_an_undrawn_diagram_fails_a_strict_build(build_site: BuildSite) -> None:
    with pytest.raises(Abort):
        build_site(_site_files(), base_config(), strict=True)
    drawn_only = {
        "docs/architecture.md": ARCHITECTURE.split("```mermaid\nC4Container")[0],
        "decisions/0001-sell-through-the-shop.md": RECORD.replace("[shop]", "[ledger]"),
    }
    build_site(drawn_only, base_config(), strict=True)
