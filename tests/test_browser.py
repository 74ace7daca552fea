"""What a reader clicks, in a real Chromium, on the bundled example site."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def visible_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        ".madr-index__table tbody tr:not([hidden]) td.madr-index__id",
        "cells => cells.map(c => c.textContent.trim())",
    )


def test_index_sorts_by_every_column(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/")
    ids = visible_ids(page)
    assert ids[0] == "ADR-0001"
    assert len(ids) == 16  # the platform's twelve, and the workflows repository's four
    page.click("th[data-madr-sort=date]")
    dates = page.eval_on_selector_all(
        ".madr-index__table tbody tr time", "times => times.map(t => t.dateTime)"
    )
    assert dates == sorted(dates)
    page.click("th[data-madr-sort=date]")
    assert page.get_attribute("th[data-madr-sort=date]", "aria-sort") == "descending"
    assert page.get_attribute("th[data-madr-sort=number]", "aria-sort") is None
    descending = page.eval_on_selector_all(
        ".madr-index__table tbody tr time", "times => times.map(t => t.dateTime)"
    )
    assert descending == sorted(dates, reverse=True)
    page.click("th[data-madr-sort=title]")
    titles = page.eval_on_selector_all(
        ".madr-index__table tbody td.madr-index__title", "cells => cells.map(c => c.textContent)"
    )
    assert titles == sorted(titles, key=str.lower)
    page.click("th[data-madr-sort=number]")
    assert visible_ids(page)[0] == "ADR-0001"
    assert page.errors == []


def test_index_filters_by_status_tag_decider_and_text(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/")
    page.select_option("select[data-madr-filter=status]", "superseded")
    assert visible_ids(page) == ["ADR-0004", "workflows ADR-0002"]
    assert "Showing 2 of 16" in page.inner_text("[data-madr-summary]")
    assert "status=superseded" in page.url
    page.select_option("select[data-madr-filter=status]", "")
    page.fill("input[data-madr-filter=text]", "milvus")
    assert visible_ids(page) == ["ADR-0009"]
    page.fill("input[data-madr-filter=text]", "")
    page.select_option("select[data-madr-filter=tag]", "messaging")
    tagged = visible_ids(page)
    assert "ADR-0004" in tagged
    assert "ADR-0002" not in tagged
    page.select_option("select[data-madr-filter=tag]", "")
    page.select_option("select[data-madr-filter=decider]", "Billy Davies")
    assert "ADR-0001" not in visible_ids(page)  # the Nygard record names no decision-makers
    assert len(visible_ids(page)) == 15


def test_index_reads_filters_from_the_address(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/?status=proposed")
    assert visible_ids(page) == ["ADR-0012"]
    assert page.get_attribute("[data-madr-chip=proposed]", "aria-pressed") == "true"
    page.click("[data-madr-chip=proposed]")
    assert len(visible_ids(page)) == 16


def test_index_filters_by_source(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/")
    page.select_option("select[data-madr-filter=source]", "workflows")
    assert visible_ids(page) == [f"workflows ADR-000{n}" for n in range(1, 5)]
    assert "source=workflows" in page.url
    page.goto(example_site + "decisions/?source=.")
    assert len(visible_ids(page)) == 12
    assert page.input_value("select[data-madr-filter=source]") == "."
    assert page.errors == []


def test_index_is_a_plain_table_without_javascript(chromium: Any, example_site: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_site + "decisions/")
    rows = page.eval_on_selector_all(".madr-index__table tbody tr", "rows => rows.length")
    assert rows == 16
    assert page.is_hidden("[data-madr-filters]")
    context.close()


def test_superseded_banner_links_both_ways(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/0004-json-for-message-payloads/")
    banner = page.locator(".madr-banner--superseded-by")
    assert "Superseded by" in banner.inner_text()
    banner.locator("a").first.click()
    page.wait_for_url("**/decisions/0005-messagepack-for-message-encoding/")
    back = page.locator(".madr-banner--supersedes a").first
    assert "ADR-0004" in back.inner_text()
    back.click()
    page.wait_for_url("**/decisions/0004-json-for-message-payloads/")


def test_graph_node_opens_the_decision(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/graph/")
    page.wait_for_selector(".madr-mermaid[data-madr-rendered] svg", timeout=20000)
    node = page.locator("[data-madr-link]", has_text="ADR-0005").first
    node.click()
    page.wait_for_url("**/decisions/0005-messagepack-for-message-encoding/")
    assert page.errors == []


def test_without_mermaid_the_reader_is_told_and_keeps_the_relations(
    page: Any, example_site: str
) -> None:
    page.route("**/mermaid*.js", lambda route: route.abort())
    page.goto(example_site + "decisions/graph/")
    note = page.wait_for_selector(".madr-mermaid__error", timeout=20000)
    assert "could not be drawn" in note.inner_text()
    assert page.locator(".madr-graph__list[open] li").count() > 0
    page.goto(example_site + "diagrams/c4-container/")
    page.wait_for_selector(".madr-mermaid[data-madr-error] .madr-mermaid__error", timeout=20000)
    assert page.locator(".madr-c4__elements").first.is_visible()  # the elements, as text
    source = page.locator("[data-madr-source]").first  # and the diagram as written
    assert source.is_visible()
    assert "C4Container" in (source.text_content() or "")


def test_comparison_shows_the_chosen_option(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/0007-gitops-with-flux-cd/")
    chosen = page.locator(".madr-compare__table tr.madr-compare__chosen")
    assert chosen.count() == 1
    assert "Flux CD" in chosen.inner_text()
    assert "Chosen" in chosen.inner_text()
    # The record's own outcome says why; the table does not repeat it.
    assert page.locator(".madr-justification").count() == 0
    assert (
        page.locator("article p", has_text="Chosen option: “Flux CD”, because").count()
        + (page.locator("article p", has_text='Chosen option: "Flux CD", because').count())
        == 1
    )


def test_dark_mode_toggle_restyles_decision_pages(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/0007-gitops-with-flux-cd/")
    scheme = page.get_attribute("body", "data-md-color-scheme")
    background = page.eval_on_selector(".madr-header", "e => getComputedStyle(e).backgroundColor")
    page.click("label.md-header__button[for^='__palette_']:visible")
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== '{scheme}'")
    after = page.eval_on_selector(".madr-header", "e => getComputedStyle(e).backgroundColor")
    assert after != background


def test_clicking_nats_in_the_container_diagram_lands_on_its_decisions(
    page: Any, example_site: str
) -> None:
    page.goto(example_site + "diagrams/c4-container/")
    page.wait_for_selector(".madr-mermaid[data-madr-rendered] svg", timeout=20000)
    shape = page.locator("svg [data-madr-alias=nats]")
    assert "NATS JetStream" in shape.text_content()
    shape.click()
    page.wait_for_url("**/diagrams/c4-container/#c4-nats")
    row = page.locator("tr#c4-nats")
    assert row.is_visible()
    decisions = row.locator("td li a").all_inner_texts()
    assert "ADR-0003: Use NATS JetStream as the message bus" in decisions
    assert "ADR-0005: Use MessagePack for message encoding" in decisions
    row.locator("a", has_text="ADR-0003").click()
    page.wait_for_url("**/decisions/0003-nats-jetstream-as-message-bus/")
    assert page.errors == []


def test_nats_decision_links_back_to_the_diagram(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/0003-nats-jetstream-as-message-bus/")
    element = page.locator(".madr-elements a.madr-element", has_text="NATS JetStream")
    element.click()
    page.wait_for_url("**/diagrams/c4-container/#c4-nats")


def test_hovering_a_glossary_term_shows_its_definition(page: Any, example_site: str) -> None:
    page.goto(example_site + "decisions/0003-nats-jetstream-as-message-bus/")
    term = page.locator("article a.madr-term", has_text="NATS JetStream").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2", has_text="persistence layer")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "streams, consumers" in tooltip.inner_text()


def test_glossary_page_lists_the_decisions_using_a_term(page: Any, example_site: str) -> None:
    page.goto(example_site + "GLOSSARY/")
    usage = page.locator("#term-nats-jetstream + dd .madr-term-usage")
    assert "ADR-0003" in usage.inner_text()
    usage.locator("a", has_text="ADR-0003").click()
    page.wait_for_url("**/decisions/0003-nats-jetstream-as-message-bus/")
