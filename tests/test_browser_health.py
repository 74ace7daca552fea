"""What a reader clicks on the team's fields in the decision log, and the Due for review and
Health pages, in a real Chromium, on the bundled example site."""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import BROKEN, SCHEMES, reader
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


@pytest.mark.parametrize("width", [360, 768, 1280])
def test_a_date_field_in_the_log_stays_on_one_line(
    chromium: Any, example_site: str, width: int
) -> None:
    """Review by in a column as narrow as its header: "2026-06-08", never "2026-06-" "08"."""
    with reader(chromium, width) as page:
        page.goto(example_site + "decisions/")
        dates = "td[data-madr-field=review-by], .madr-index__date, .madr-index__id"
        assert page.locator("td[data-madr-field=review-by]:not(:empty)").count() == 3
        assert page.locator(".madr-index__table").evaluate(BROKEN, dates) == []


def test_a_field_value_links_to_the_log_filtered_by_it(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/")
    # Told apart from text as a decision-maker's link is, and as easy to hit (24 px).
    looks = "a => [getComputedStyle(a).textDecorationLine, a.getBoundingClientRect().height]"
    owner = page.locator("td[data-madr-field=owner] a").first.evaluate(looks)
    assert owner[0] == page.locator(".madr-index__table td:nth-child(5) a").first.evaluate(looks)[0]
    assert owner[0] == "underline"
    assert owner[1] >= 24
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


AXIS = """svg => {
  const channels = text => text.match(/[\\d.]+/g).map(Number);
  const light = ([r, g, b]) => [r, g, b].map(c => c / 255)
    .map(c => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, at) => sum + c * [0.2126, 0.7152, 0.0722][at], 0);
  const ground = channels(getComputedStyle(document.body).backgroundColor);
  const labels = [...svg.querySelectorAll('.madr-chart__axis')];
  const shown = labels.filter(label => getComputedStyle(label).display !== 'none');
  const boxes = shown.map(label => label.getBBox());
  const [r, g, b, a = 1] = channels(getComputedStyle(shown[0]).fill);
  const ink = [r, g, b].map((c, at) => c * a + ground[at] * (1 - a));
  const [high, low] = [light(ink), light(ground)].sort((x, y) => y - x);
  return {
    labels: labels.length,
    shown: shown.map(label => label.textContent),
    size: Math.min(...shown.map(label => parseFloat(getComputedStyle(label).fontSize))),
    overlaps: boxes.filter((box, at) => at && box.x < boxes[at - 1].x + boxes[at - 1].width).length,
    past: boxes.filter(box => box.x + box.width > svg.viewBox.baseVal.width).length,
    contrast: (high + 0.05) / (low + 0.05),
  };
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [360, 1280])
def test_the_health_chart_labels_its_months_legibly(
    chromium: Any, example_site: str, width: int, scheme: str
) -> None:
    """Months under the bars that do not run into each other, in the page's text colour (not
    SVG's black, unreadable in the dark scheme), at the log's smallest size; and the legend."""
    with reader(chromium, width, scheme) as page:
        page.goto(example_site + "decisions/health/")
        axis = page.locator("svg.madr-chart").evaluate(AXIS)
        assert axis["labels"] >= 2
        assert len(axis["shown"]) >= 2, axis
        assert axis["shown"][0] == (
            page.locator(".madr-health__table tbody th").first.text_content()
        )
        assert axis["overlaps"] == 0, axis
        assert axis["past"] == 0, axis
        assert axis["size"] >= 11, axis
        assert axis["contrast"] >= 4.5, axis
        legend = page.locator(".madr-health__chart figcaption").inner_text()
        for word in ("Proposed", "Accepted", "Superseded"):
            assert word in legend
        assert page.errors == []
