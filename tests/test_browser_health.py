"""What a reader clicks on the team's fields in the decision log, and the Due for review and
Health pages, in a real Chromium, on the bundled example site."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import visible_ids

pytestmark = pytest.mark.browser


def test_the_log_filters_and_sorts_by_a_declared_field(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/")
    assert page.is_visible("select[data-madr-filter=owner]")
    page.select_option("select[data-madr-filter=owner]", "Billy Davies")
    assert visible_ids(page) == ["ADR-0002", "ADR-0003", "ADR-0007"]
    assert "owner=Billy+Davies" in page.url
    assert "Showing 3 of 16" in page.inner_text("[data-madr-summary]")
    page.click("[data-madr-clear=bar]")
    assert len(visible_ids(page)) == 16  # twelve records and the workflows source's four
    page.click("th[data-madr-sort='field:review-by']")
    assert visible_ids(page)[:3] == ["ADR-0002", "ADR-0006", "ADR-0009"]
    assert page.get_attribute("th[data-madr-sort='field:review-by']", "aria-sort") == "ascending"
    page.click("th[data-madr-sort='field:review-by']")
    assert visible_ids(page)[-3:] == ["ADR-0009", "ADR-0006", "ADR-0002"]  # as other columns
    assert page.errors == []


def test_a_field_value_links_to_the_log_filtered_by_it(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/?owner=billy%20davies")
    assert visible_ids(page) == ["ADR-0002", "ADR-0003", "ADR-0007"]
    assert page.input_value("select[data-madr-filter=owner]") == "Billy Davies"
    page.goto(example_site + "decisions/")
    page.click("td[data-madr-field=owner] a >> nth=0")
    assert visible_ids(page) == ["ADR-0002", "ADR-0003", "ADR-0007"]


def test_the_review_and_health_pages(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/review/")
    rows = page.eval_on_selector_all(
        ".madr-review-page__table tbody tr", "rows => rows.map(r => r.cells[1].textContent)"
    )
    assert rows[0].startswith("ADR-0002")
    assert page.is_visible(".madr-review--overdue .madr-review__state")
    page.goto(example_site + "decisions/health/")
    assert page.is_visible("svg.madr-chart")
    box = page.eval_on_selector("svg.madr-chart", "svg => svg.getBoundingClientRect().height")
    assert box > 50
    assert page.errors == []
