"""What holds today, in a real Chromium on the bundled example: the log's In force filter and
the In force page."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import BROKEN, overflow, reader
from test_browser import visible_ids

pytestmark = pytest.mark.browser

OWN = [f"ADR-{number:04d}" for number in range(1, 13)]
WORKFLOWS = [f"workflows ADR-{number:04d}" for number in range(1, 5)]  # the second source
ALL = OWN + WORKFLOWS
ENDED = ["ADR-0004", "ADR-0012", "workflows ADR-0002"]  # superseded, proposed, superseded


def test_the_log_filters_by_in_force_and_keeps_it_in_the_address(
    page: Any, example_site: str
) -> None:
    page.goto(example_site + "decisions/")
    page.select_option("select[data-madr-filter=in_force]", "yes")
    assert visible_ids(page) == [ref for ref in ALL if ref not in ENDED]
    assert "in_force=yes" in page.url
    page.select_option("select[data-madr-filter=in_force]", "no")
    assert visible_ids(page) == ENDED
    page.goto(example_site + "decisions/?in_force=yes&status=proposed")
    assert visible_ids(page) == []
    page.click(".madr-index__empty [data-madr-clear]")
    assert visible_ids(page) == ALL
    assert page.errors == []


def test_the_in_force_page_leads_to_each_decision(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/in-force/")
    keys = page.eval_on_selector_all(
        ".madr-in-force__table tbody tr", "rows => rows.map(r => r.getAttribute('data-key'))"
    )
    assert keys == [
        *(ref[4:] for ref in OWN if ref not in ENDED),
        *(f"workflows:{ref[-4:]}" for ref in WORKFLOWS if ref not in ENDED),
    ]
    page.click(".madr-in-force__table tr[data-key='0007'] a")
    assert page.url.endswith("decisions/0007-gitops-with-flux-cd/")
    assert page.errors == []


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(
    ("path", "table"),
    [
        ("decisions/in-force/", ".madr-in-force__table"),
        ("decisions/review/", ".madr-review-page__table"),
    ],
)
def test_the_in_force_and_review_tables_read_as_tables(
    chromium: Any, example_site: str, width: int, path: str, table: str
) -> None:
    """Ruled and padded like the log, headers over their columns, no word split over lines."""
    with reader(chromium, width) as page:
        page.goto(example_site + path)
        header = page.locator(f"{table} th").first
        cell = page.locator(f"{table} td").first
        assert header.evaluate("e => getComputedStyle(e).textAlign") in ("left", "start")
        assert cell.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
        assert cell.evaluate("e => parseFloat(getComputedStyle(e).paddingLeft)") >= 4
        assert page.locator(table).evaluate(BROKEN, "time, .madr-index__id") == []
        assert overflow(page) == 0  # a table wider than a phone scrolls in its box
        assert page.errors == []
