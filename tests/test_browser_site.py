"""The example site as its readers see it, in a real Chromium, offline: on a phone (390 px) and a
desktop (1280 px), in the light and the dark scheme.

Every page fits its window; every diagram is drawn from the local Mermaid; C4 labels are
readable at page width; a record says its number and each fact once; the log's filters agree
with the address, and the log is usable with the keyboard alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import pytest
from browser_support import (
    MATERIAL_DRAWN,
    SCHEMES,
    WIDTHS,
    overflow,
    reader,
    wait_for_diagrams,
)

pytestmark = pytest.mark.browser

LOG = "decisions/"
FLUX = "decisions/0007-gitops-with-flux-cd/"
NYGARD = "decisions/0001-record-architecture-decisions/"
CONTAINERS = "diagrams/c4-container/"
DIAGRAM_PAGES = ("", CONTAINERS, "diagrams/c4-context/", "decisions/graph/")
MATERIAL_REPO_FACTS = "https://api.github.com/repos/billy-davies-2/homelab-ai-platform"
"""Material asks GitHub for the repository's stars and latest release (`repo_url`): the
theme's request, refused offline, never a diagram's."""


@pytest.fixture(scope="module")
def pages(example_site: str) -> list[str]:
    """Every page of the example site (the generated ones, the records and the author's)."""
    import urllib.request

    sitemap = urllib.request.urlopen(example_site + "sitemap.xml").read().decode()
    found = [
        loc.split("</loc>")[0].removeprefix("https://homelab.example.org/")
        for loc in sitemap.split("<loc>")[1:]
    ]
    assert {LOG, FLUX, CONTAINERS} <= set(found)
    return found


@pytest.fixture(
    params=[
        pytest.param((width, scheme), marks=[pytest.mark.slow] if scheme == "dark" else [])
        for width in WIDTHS
        for scheme in SCHEMES
    ],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def window(request: pytest.FixtureRequest, chromium: Any) -> Iterator[Any]:
    width, scheme = request.param
    with reader(chromium, width, scheme) as page:
        page.width, page.scheme = width, scheme
        yield page


def test_no_page_is_wider_than_the_window(window: Any, example_site: str, pages: list[str]) -> None:
    wide = {}
    for path in pages:
        window.goto(example_site + path)
        if path in DIAGRAM_PAGES:
            wait_for_diagrams(window)
        if window.evaluate("document.body.getAttribute('data-md-color-scheme')") != (
            "slate" if window.scheme == "dark" else "default"
        ):
            pytest.fail(f"{path}: not in the {window.scheme} scheme")
        if extra := overflow(window):
            wide[path] = extra
    assert wide == {}
    assert window.errors == []
    assert [url for url in window.outside if not url.startswith(MATERIAL_REPO_FACTS)] == []


@pytest.mark.parametrize("path", DIAGRAM_PAGES)
def test_every_diagram_is_drawn_offline_from_the_local_mermaid(
    chromium: Any, example_site: str, path: str
) -> None:
    with reader(chromium, 1280) as page:
        scripts: list[str] = []
        page.on("request", lambda r: scripts.append(r.url) if "mermaid" in r.url else None)
        page.goto(example_site + path)
        wait_for_diagrams(page)
        ours = page.locator("[data-madr-mermaid]")
        authors = page.locator(".mermaid")
        assert ours.count() + authors.count() > 0
        assert page.locator("[data-madr-mermaid][data-madr-rendered] svg").count() == ours.count()
        drawn = f"[...document.querySelectorAll('.mermaid')].filter({MATERIAL_DRAWN}).length"
        assert page.evaluate(drawn) == authors.count()
        assert [url for url in page.outside if not url.startswith(MATERIAL_REPO_FACTS)] == []
        assert scripts
        assert all(url.startswith(example_site) for url in scripts), scripts
        assert "Syntax error" not in page.inner_text("body")
        assert page.errors == []


_TEXT_SIZES = """(view) => {
  const svg = view.querySelector('svg');
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('foreignObject span, foreignObject p, text')]
    .filter(node => node.textContent.trim())
    .map(node => parseFloat(getComputedStyle(node).fontSize) * scale);
  return {smallest: Math.min(...sizes), width: svg.getBoundingClientRect().width,
          room: view.clientWidth};
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_c4_labels_are_readable_at_desktop_width(
    chromium: Any, example_site: str, scheme: str
) -> None:
    with reader(chromium, 1280, scheme) as page:
        page.goto(example_site + CONTAINERS)
        wait_for_diagrams(page)
        view = page.locator(".madr-c4 .madr-mermaid__view").first
        sizes = view.evaluate(_TEXT_SIZES)
        assert sizes["smallest"] >= 11, sizes
        assert sizes["width"] <= sizes["room"] + 1, sizes  # at page width, no scrolling
        # Every element with a label is a link to its row, wrapped labels and boundaries too.
        rows = page.locator(".madr-c4__elements tbody tr").count()
        assert page.locator(".madr-c4 svg a[data-madr-link]").count() == rows == 15
        # The relations are numbered on the arrows and listed in full beside the drawing.
        assert page.locator("[data-madr-relations][open] li").count() == 21
        # Text on the boxes reads in either scheme: white on C4's dark blues and greys.
        colour = page.locator(".madr-c4 svg g.node span.nodeLabel").first.evaluate(
            "e => getComputedStyle(e).color"
        )
        assert colour == "rgb(255, 255, 255)"
        assert page.errors == []


def test_a_c4_diagram_on_a_phone_scrolls_in_its_box_and_zooms(
    chromium: Any, example_site: str
) -> None:
    with reader(chromium, 390) as page:
        page.goto(example_site + CONTAINERS)
        wait_for_diagrams(page)
        view = page.locator(".madr-c4 .madr-mermaid__view").first
        sizes = view.evaluate(_TEXT_SIZES)
        assert sizes["smallest"] >= 11, sizes  # readable, so wider than the phone: it pans
        assert view.evaluate("v => v.scrollWidth > v.clientWidth")
        assert view.get_attribute("tabindex") == "0"  # reachable by keyboard, arrows scroll it
        assert overflow(page) == 0
        tools = page.locator(".madr-c4 .madr-mermaid__tools button")
        tools.nth(1).click()  # fit to width: the whole diagram at once
        assert view.evaluate("v => v.scrollWidth <= v.clientWidth + 1")
        tools.nth(3).click()  # zoom in
        assert view.evaluate("v => v.scrollWidth > v.clientWidth")
        view.locator("a[data-madr-link]").first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/diagrams/c4-container/#c4-*")


def test_a_record_says_its_number_and_each_fact_once(chromium: Any, example_site: str) -> None:
    with reader(chromium, 1280) as page:
        page.goto(example_site + FLUX)
        heading = page.locator("article h1").inner_text().rstrip("¶").split()
        assert heading == ["ADR-0007", "GitOps", "with", "Flux", "CD"]
        assert page.title().startswith("ADR-0007: GitOps with Flux CD")
        article = page.locator("article").inner_text()
        # The header states status, date, decision-makers, elements and story; the author's
        # bullets saying the same are not shown again.
        assert article.count("2025-11-30") == 1
        assert "Status: accepted" not in article
        assert "Deciders: Billy Davies" not in article
        assert article.count("Bring the whole cluster and its workloads") == 1
        assert page.locator(".madr-header").count() == 1
        # The comparison sums up the author's pros and cons, which fold under it.
        pros = page.locator("details.madr-pros")
        assert pros.count() == 1
        assert pros.get_attribute("open") is None
        assert (pros.locator("h2").text_content() or "").startswith("Pros and Cons")
        assert page.locator(".madr-justification").count() == 0
        assert article.count("Chosen option") == 1
        # And the records before and after it in the log.
        pager = page.locator("nav.madr-pager")
        assert "ADR-0006" in pager.inner_text()
        assert "ADR-0008" in pager.inner_text()
        # A Nygard record: its "Date:" and "C4:" lines and its Status section are the header's.
        page.goto(example_site + NYGARD)
        article = page.locator("article").inner_text()
        assert page.locator("article h1").inner_text().startswith("ADR-0001")
        assert "C4: platform" not in article
        assert "Date: 2025-06-01" not in article
        assert page.locator("article h2", has_text="Status").count() == 0
        assert page.locator("article h2", has_text="Context").count() == 1


TALOS = "decisions/0002-talos-linux-for-kubernetes-nodes/"
CARDS = """table => [...table.tBodies[0].rows].map(row => ({
  display: getComputedStyle(row).display,
  labels: [...row.cells].filter(c => c.tagName === 'TD')
    .map(c => getComputedStyle(c, '::before').content.replaceAll('"', '')),
  right: Math.max(...[...row.cells].map(c => c.getBoundingClientRect().right)),
}))"""


@pytest.mark.parametrize("width", [360, 1280])
def test_on_a_phone_each_option_is_a_card_of_its_arguments(
    chromium: Any, example_site: str, width: int
) -> None:
    """Four columns of a dozen characters, the last out of sight, read worse than each option
    with its good, neutral and bad arguments under it, named. A desktop keeps the table."""
    with reader(chromium, width) as page:
        page.goto(example_site + TALOS)
        table = page.locator(".madr-compare__table")
        cards = table.evaluate(CARDS)
        assert len(cards) == 4  # Talos, Ubuntu with kubeadm, k3s, Flatcar
        if width < 600:
            assert page.locator(".madr-compare__table thead").is_hidden()
            for card in cards:
                assert card["display"] == "block"
                assert card["labels"] == ["Good", "Neutral", "Bad"]
                assert card["right"] <= width
        else:
            assert page.locator(".madr-compare__table thead").is_visible()
            assert {card["display"] for card in cards} == {"table-row"}
        assert "Chosen" in table.locator("tr.madr-compare__chosen").inner_text()
        assert overflow(page) == 0


PITCH = """small => {
  const range = document.createRange();
  range.selectNodeContents(small);
  const tops = [...new Set([...range.getClientRects()].map(r => Math.round(r.top)))];
  return {lines: tops.length, pitch: (tops.at(-1) - tops[0]) / (tops.length - 1),
          size: parseFloat(getComputedStyle(small).fontSize)};
}"""


@pytest.mark.parametrize(
    ("path", "small"),
    [
        ("decisions/0006-multi-gpu-strategy/", ".madr-compare__table th small"),
        (CONTAINERS, ".madr-c4__elements th small"),
    ],
)
def test_a_description_under_a_name_is_set_close(
    chromium: Any, example_site: str, path: str, small: str
) -> None:
    """An option's or an element's description, in small type under its name, at a line pitch
    for its own size, not the 22 px of the name's lines (double spacing)."""
    with reader(chromium, 1280) as page:
        page.goto(example_site + path)
        found = page.locator(small).first.evaluate(PITCH)
        assert found["lines"] >= 2, found
        assert found["pitch"] <= 1.5 * found["size"], found


@pytest.mark.parametrize("path", ["decisions/c4-coverage/", CONTAINERS])
def test_a_cells_list_of_decisions_starts_at_the_cells_edge(
    chromium: Any, example_site: str, path: str
) -> None:
    """The list of decisions in a table cell has no bullets, so no indent either: Material's
    26 px indent of a list would take a narrow column's room for nothing."""
    with reader(chromium, 360) as page:
        page.goto(example_site + path)
        indent = page.locator("td .madr-refs li").first.evaluate(
            "li => li.getBoundingClientRect().left - li.closest('td').getBoundingClientRect().left"
            " - parseFloat(getComputedStyle(li.closest('td')).paddingLeft)"
        )
        assert abs(indent) <= 1.5


def visible_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".madr-index__table tbody tr:not([hidden]) td.madr-index__id",
        "cells => cells.map(c => c.textContent.trim())",
    )


@pytest.mark.parametrize(
    ("query", "box", "shown", "ids"),
    [
        ("tag=GPU", "tag", "gpu", ["ADR-0006", "ADR-0008"]),
        ("status=Proposed", "status", "proposed", ["ADR-0012"]),
        ("decider=billy%20davies", "decider", "Billy Davies", None),
        ("c4=nats", "c4", "nats", ["ADR-0003", "ADR-0004", "ADR-0005"]),
        ("q=argocd", "text", "argocd", ["ADR-0007"]),
    ],
)
def test_each_address_filter_is_shown_in_its_box(
    chromium: Any, example_site: str, query: str, box: str, shown: str, ids: list[str] | None
) -> None:
    with reader(chromium, 1280) as page:
        page.goto(f"{example_site}{LOG}?{query}")
        control = page.locator(f"[data-madr-filter={box}]")
        assert control.input_value() == shown
        if ids is not None:
            page.wait_for_function(
                f"document.querySelectorAll('.madr-index__table tbody tr:not([hidden])')"
                f".length === {len(ids)}"
            )
            assert visible_ids(page) == ids
        else:
            assert len(visible_ids(page)) == 15  # all but the Nygard record
        assert page.locator("[data-madr-empty]").is_hidden()


def test_on_a_phone_the_filters_are_one_column_of_boxes(chromium: Any, example_site: str) -> None:
    """Each box below the one before, whatever its label's length; a label of one long word
    (Dutch's "Architectuurelement") narrows its box rather than widening the page."""
    with reader(chromium, 360) as page:
        page.goto(example_site + LOG)
        edges = "boxes => boxes.map(b => Math.round(b.getBoundingClientRect().left))"
        boxes = ".madr-index__filters label > select, .madr-index__filters label > input"
        lefts = page.eval_on_selector_all(boxes, edges)
        assert len(lefts) == 10  # eight filters, the search and the sort menu
        assert len(set(lefts)) == 1, lefts
        page.locator("select[data-madr-filter=c4]").evaluate(
            "box => { box.parentElement.firstChild.textContent = 'Architectuurelement '; }"
        )
        assert overflow(page) == 0


def test_a_filter_that_matches_nothing_says_so_and_clears(chromium: Any, example_site: str) -> None:
    with reader(chromium, 390) as page:
        page.goto(f"{example_site}{LOG}?status=bogus")
        status = page.locator("[data-madr-filter=status]")
        assert status.input_value() == "bogus"
        assert status.locator("option:checked").inner_text() == "bogus (matches nothing)"
        assert visible_ids(page) == []
        empty = page.locator("[data-madr-empty]")
        assert empty.is_visible()
        assert "No decisions match these filters." in empty.inner_text()
        empty.locator("button").click()
        assert len(visible_ids(page)) == 16
        assert empty.is_hidden()
        assert "status=" not in page.url
        assert overflow(page) == 0


def test_tags_and_decision_makers_in_the_log_filter_it(chromium: Any, example_site: str) -> None:
    with reader(chromium, 1280) as page:
        page.goto(example_site + LOG)
        page.locator(".madr-index__table td:nth-child(7) a", has_text="messaging").first.click()
        assert page.locator("[data-madr-filter=tag]").input_value() == "messaging"
        assert visible_ids(page) == ["ADR-0003", "ADR-0004", "ADR-0005", "workflows ADR-0004"]
        assert "tag=messaging" in page.url
        page.locator("[data-madr-clear=bar]").click()
        page.locator(".madr-index__table td:nth-child(5) a").first.click()
        assert page.locator("[data-madr-filter=decider]").input_value() == "Billy Davies"
        assert len(visible_ids(page)) == 15


def test_status_sorts_in_lifecycle_order(chromium: Any, example_site: str) -> None:
    with reader(chromium, 1280) as page:
        page.goto(example_site + LOG)
        page.click("th[data-madr-sort=status] button")
        statuses = page.eval_on_selector_all(
            ".madr-index__table tbody tr", "rows => rows.map(r => r.dataset.status)"
        )
        assert statuses == ["proposed"] + ["accepted"] * 13 + ["superseded"] * 2


@pytest.mark.parametrize("width", [360, 768, 1280])
def test_the_sort_menu_is_the_phones_and_the_headers_sort_a_table(
    chromium: Any, example_site: str, width: int
) -> None:
    """The cards of a phone have no column headers: a menu sorts them. A table's headers do,
    and the menu beside the filters would be a second control for the same thing."""
    with reader(chromium, width) as page:
        page.goto(example_site + LOG)
        menu = page.locator(".madr-index__sort select")
        phone = width < 600
        assert menu.is_visible() == phone
        assert page.locator("th[data-madr-sort=date] button").is_visible() != phone
        if phone:
            menu.select_option("date:d")
            assert visible_ids(page)[:2] == ["ADR-0012", "workflows ADR-0004"]
            assert page.get_attribute("th[data-madr-sort=date]", "aria-sort") == "descending"


def test_the_log_works_from_the_keyboard(chromium: Any, example_site: str) -> None:
    """Tab to a filter, choose, sort by Enter, clear: with the keyboard alone."""
    with reader(chromium, 1280) as page:
        page.goto(example_site + LOG)
        status = page.locator("[data-madr-filter=status]")
        for _ in range(60):
            page.keyboard.press("Tab")
            if status.evaluate("e => e === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the status filter")
        assert status.evaluate("e => getComputedStyle(e).outlineStyle") != "none"  # visible focus
        page.keyboard.press("ArrowDown")  # Proposed
        assert visible_ids(page) == ["ADR-0012"]
        page.keyboard.press("ArrowDown")  # Accepted
        assert len(visible_ids(page)) == 13
        date = page.locator("th[data-madr-sort=date]")
        for _ in range(30):
            page.keyboard.press("Tab")
            if date.locator("button").evaluate("e => e === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the Date column's sort button")
        page.keyboard.press("Enter")
        assert date.get_attribute("aria-sort") == "ascending"
        page.keyboard.press("Enter")
        assert date.get_attribute("aria-sort") == "descending"
        assert visible_ids(page)[0] == "workflows ADR-0004"  # 2025-12-20
        assert "Sorted by Date, descending" in page.inner_text("[data-madr-summary]")
        clear = page.locator("[data-madr-clear=bar]")
        for _ in range(30):
            page.keyboard.press("Shift+Tab")
            if clear.evaluate("e => e === document.activeElement"):
                break
        else:
            pytest.fail("Shift+Tab never reached Clear filters")
        page.keyboard.press("Enter")
        assert len(visible_ids(page)) == 16
        assert status.evaluate("e => e === document.activeElement")  # focus back at the start


FOCUSED = """() => {
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  return {in_log: !!e.closest('.madr-index'), text: e.textContent.trim().slice(0, 30),
          under_header: box.top < header - 1 && box.height < innerHeight - header};
}"""


@pytest.mark.parametrize("width", [360, 1280])
def test_the_keyboard_never_leaves_the_focus_under_the_header(
    chromium: Any, example_site: str, width: int
) -> None:
    """Material's header stays over the top of the window: Tab down the log and Shift+Tab back
    up, and each control or link focused is below it, the table's sort buttons too."""
    with reader(chromium, width) as page:
        page.set_viewport_size({"width": width, "height": 700})
        page.goto(example_site + LOG)
        page.locator("article h1").evaluate("h => { h.tabIndex = -1; h.focus(); }")
        hidden, stops = [], 0
        for key in ("Tab", "Shift+Tab"):
            for _ in range(120):
                page.keyboard.press(key)
                focused = page.evaluate(FOCUSED)
                if not focused["in_log"]:
                    if key == "Tab" and stops == 0:
                        continue  # the title's permalink, before the log
                    break
                stops += 1
                if focused["under_header"]:
                    hidden.append(f"{key}: {focused['text']}")
        assert stops > 60
        assert hidden == []


def test_the_keyboard_scrolls_the_log_sideways_to_what_it_focuses(
    chromium: Any, example_site: str
) -> None:
    """At 1280 px the log is wider than its box: Tab to the last column's sort button and the
    box scrolls to show it whole, with its outline; Shift+Tab back to the first and it returns."""
    with reader(chromium, 1280) as page:
        page.goto(example_site + LOG)
        inside = """b => { const r = b.getBoundingClientRect();
          const box = b.closest('.madr-scroll').getBoundingClientRect();
          return r.left - 4 >= box.left && r.right + 4 <= box.right; }"""
        first = page.locator("th[data-madr-sort=number] button")
        last = page.locator("th[data-madr-sort='field:review-by'] button")
        assert not last.evaluate(inside)  # out of the box's sight at first
        first.focus()
        for _ in range(12):
            page.keyboard.press("Tab")
            if last.evaluate("b => b === document.activeElement"):
                break
        else:
            pytest.fail("Tab never reached the Review by column's sort button")
        assert last.evaluate(inside)
        for _ in range(12):
            page.keyboard.press("Shift+Tab")
            if first.evaluate("b => b === document.activeElement"):
                break
        assert first.evaluate(inside)


def test_the_graph_explains_its_colours_and_lines(chromium: Any, example_site: str) -> None:
    with reader(chromium, 1280, "dark") as page:
        page.goto(example_site + "decisions/graph/")
        wait_for_diagrams(page)
        legend = page.locator(".madr-legend").inner_text()
        for word in ("Accepted", "Superseded", "supersedes", "amends", "relates to"):
            assert word in legend
        node = page.locator(".madr-graph svg a[data-madr-link]", has_text="ADR-0004").first
        assert "Superseded" in node.text_content()  # the status in words, not colour alone
        relations = page.locator(".madr-graph__list li").all_text_contents()
        assert any("ADR-0005: Use MessagePack" in item for item in relations)


def test_feed_is_announced_relative_to_each_page(chromium: Any, example_site: str) -> None:
    with reader(chromium, 1280) as page:
        page.goto(example_site + FLUX)
        feed = page.locator("link[rel=alternate][type='application/atom+xml']")
        assert feed.get_attribute("href") == "../../decisions.atom"
        edit = page.locator("a.md-content__button[href*='/edit/']").get_attribute("href")
        assert edit is not None
        assert edit.endswith("/edit/main/decisions/0007-gitops-with-flux-cd.md")
        assert urljoin(page.url, feed.get_attribute("href")) == example_site + "decisions.atom"


def test_without_mermaid_the_page_keeps_its_width_and_shows_the_source(
    chromium: Any, example_site: str
) -> None:
    for width in WIDTHS:
        with reader(chromium, width) as page:
            page.route("**/mermaid*.js", lambda route: route.abort())
            page.goto(example_site + CONTAINERS)
            note = page.wait_for_selector(".madr-mermaid__error", timeout=20000)
            assert "could not be drawn" in note.inner_text()
            source = page.locator("[data-madr-source]").first
            assert source.is_visible()
            source.locator("summary").click()
            assert "C4Container" in source.inner_text()
            align = source.locator("pre").evaluate("e => getComputedStyle(e).textAlign")
            assert align in ("left", "start")
            assert overflow(page) == 0
            assert page.locator("body > div[id^='dmadr']").count() == 0  # no error drawing left
