"""The hostile site of `test_injection.py` in a real Chromium: nothing the plugin generates runs.

Every generated page is loaded (records, index, timeline, graph and C4 diagrams drawn by
Mermaid, coverage, glossary), glossary terms are hovered and the index filters and sorts are
used; `window.__pwned` must stay undefined, no dialog may open, the page may raise no error,
and no generated fragment may hold an element that runs script.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support import BuildSite, Site
from test_injection import (
    C4_LABELS,
    DOUBLE_QUOTE,
    END_PRE,
    IMG,
    JINJA,
    JS_URL,
    LONG,
    MERMAID_INIT,
    MERMAID_THEME,
    SCRIPT,
    SINGLE_QUOTE,
    TITLED,
    TOOLTIPS,
    hostile_config,
    hostile_files,
    record_pages,
    titled_config,
)

pytestmark = pytest.mark.browser

FRAGMENTS = (
    ".madr-header, .madr-compare, .madr-index, .madr-timeline, .madr-graph, .madr-c4, "
    ".madr-term, .madr-term-usage, .madr-coverage"
)
DANGEROUS = (
    'img[src=x], [onerror], [onmouseover], [onfocus], [onload], a[href^="javascript:"], '
    "script, iframe, object, embed"
)

_INSPECT = """([fragments, dangerous]) => {
  const found = [];
  const roots = [...document.querySelectorAll(fragments)];
  for (const root of roots) {
    for (const element of [root, ...root.querySelectorAll("*")]) {
      const attributes = [...element.attributes];
      const url = attributes.find(a => ["href", "src", "xlink:href", "action"].includes(a.name)
        && /^\\s*(javascript|vbscript|data):/i.test(a.value));
      if (element.matches(dangerous) || url || attributes.some(a => /^on/i.test(a.name))) {
        found.push(element.outerHTML.slice(0, 300));
      }
    }
  }
  return {
    pwned: typeof window.__pwned === "undefined" ? null : String(window.__pwned),
    found: found,
    fragments: roots.length,
  };
}"""

_POKE = """(fragments) => {
  // Inline handlers (onmouseover, onfocus…) run for dispatched events too; Material's own
  // tooltips do not open for them (see the hover tests for those).
  for (const root of document.querySelectorAll(fragments)) {
    for (const element of [root, ...root.querySelectorAll("*")]) {
      for (const type of ["mouseover", "mouseenter", "focus", "focusin"]) {
        const Kind = type.startsWith("focus") ? FocusEvent : MouseEvent;
        element.dispatchEvent(new Kind(type, {bubbles: !["mouseenter", "focus"].includes(type)}));
      }
    }
  }
}"""


@pytest.fixture
def dialogs(page: Any) -> list[str]:
    """Messages of every alert, confirm or prompt the page opens (each is dismissed)."""
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def _serve(site: Site) -> Iterator[tuple[Site, str]]:
    from browser_support import serve

    with serve(site.site_dir) as url:
        yield site, url


@pytest.fixture
def hostile(build_site: BuildSite, local_mermaid: Path) -> Iterator[tuple[Site, str]]:
    """The hostile site with the local Mermaid, served; (site, base URL)."""
    mermaid = str(local_mermaid)
    site = build_site(hostile_files(mermaid), hostile_config(mermaid))
    yield from _serve(site)


def assert_safe(page: Any, dialogs: list[str], *, minimum: int = 1, errors: bool = True) -> None:
    """Nothing ran, and no generated fragment holds anything that could run.

    `errors=False` skips the page's script errors, for the one page where MkDocs' own title
    (from the file name, see `test_record_titled_after_its_file_name_runs_nothing`) raises one.
    """
    page.evaluate(_POKE, FRAGMENTS)
    result = page.evaluate(_INSPECT, [FRAGMENTS, DANGEROUS])
    assert result["pwned"] is None, (page.url, result)
    assert result["found"] == [], page.url
    assert result["fragments"] >= minimum, page.url
    assert dialogs == [], page.url
    if errors:
        assert page.errors == [], page.url


def wait_for_diagrams(page: Any) -> None:
    page.wait_for_selector(".madr-mermaid[data-madr-rendered] svg", timeout=20000)
    assert page.eval_on_selector_all("[data-madr-error]", "found => found.length") == 0


def test_record_pages_run_nothing(page: Any, dialogs: list[str], hostile: tuple[Site, str]) -> None:
    site, url = hostile
    records = record_pages(site)
    assert len(records) == 11
    for address in records:
        page.errors.clear()  # each page answers for its own
        page.goto(url + address)
        assert page.locator(".madr-header").count() == 1, address
        assert_safe(page, dialogs, errors=address != TITLED_AFTER_IMG)
    page.goto(url + "decisions/0001-madr4-evil/")
    header = page.inner_text(".madr-header")
    for literal in (SCRIPT, DOUBLE_QUOTE, IMG, SINGLE_QUOTE, JINJA, JS_URL):
        assert literal in header, literal
    options = page.locator(".madr-compare__option").all_inner_texts()
    assert options[:3] == [SCRIPT, IMG, DOUBLE_QUOTE]
    assert page.locator(".madr-header a[href^='https://']").count() == 1


def test_index_filters_and_sorts_run_nothing(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    site, url = hostile
    records = list(record_pages(site).values())
    page.goto(url + "decisions/")
    assert_safe(page, dialogs)

    def shown() -> int:
        return page.locator(".madr-index__table tbody tr:not([hidden])").count()

    expected = {
        "tag": lambda r, v: v.lower() in [tag.lower() for tag in r["tags"]],
        "decider": lambda r, v: v in r["deciders"],
        "category": lambda r, v: r["category"] == v,
        "status": lambda r, v: r["status"] == v,
    }
    for name, keeps in expected.items():
        select = f"select[data-madr-filter={name}]"
        values = page.eval_on_selector_all(f"{select} option", "os => os.map(o => o.value)")
        assert len(values) >= 2, name
        for value in values[1:]:
            page.select_option(select, value)
            assert shown() == sum(1 for record in records if keeps(record, value)), (name, value)
            assert_safe(page, dialogs)
        page.select_option(select, "")
    for text in (SCRIPT, IMG, DOUBLE_QUOTE, SINGLE_QUOTE, "{{ 7*7 }}", END_PRE, JS_URL):
        page.fill("input[data-madr-filter=text]", text)
        assert_safe(page, dialogs)
    page.fill("input[data-madr-filter=text]", "")
    for chip in page.locator("[data-madr-chip]").all():
        chip.click()
        assert_safe(page, dialogs)
        chip.click()
    for header in page.locator("th[data-madr-sort]").all():
        header.dispatch_event("click")  # long cells push some headers under the sidebar
        header.dispatch_event("click")
        assert_safe(page, dialogs)
    assert shown() == len(records)


def test_index_reads_hostile_filters_from_the_address(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    from urllib.parse import urlencode

    _, url = hostile
    query = urlencode({"tag": IMG, "decider": DOUBLE_QUOTE, "q": SCRIPT, "c4": JS_URL})
    page.goto(url + "decisions/?" + query)
    assert page.input_value("input[data-madr-filter=text]") == SCRIPT
    assert page.locator(".madr-index__table tbody tr:not([hidden])").count() == 0
    assert_safe(page, dialogs)
    page.goto(url + "decisions/?" + urlencode({"tag": SINGLE_QUOTE}))
    assert page.locator(".madr-index__table tbody tr:not([hidden])").count() == 1
    assert_safe(page, dialogs)


def test_timeline_coverage_and_directives_run_nothing(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + "decisions/timeline/")
    assert SCRIPT in page.inner_text(".madr-timeline")
    assert_safe(page, dialogs)
    page.goto(url + "decisions/c4-coverage/")
    assert C4_LABELS["evil_api"] in page.inner_text(".madr-coverage")
    assert_safe(page, dialogs)
    page.goto(url + "overview/")
    wait_for_diagrams(page)
    assert_safe(page, dialogs, minimum=5)


def test_graph_draws_titles_as_text(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + "decisions/graph/")
    wait_for_diagrams(page)
    assert_safe(page, dialogs)
    nodes = page.eval_on_selector_all(
        ".madr-mermaid__view a[data-madr-link]",
        "nodes => nodes.map(n => [n.getAttribute('data-madr-link'), n.textContent.trim()])",
    )
    assert len(nodes) == 9
    texts = " ".join(text for _, text in nodes)
    assert SCRIPT in texts
    assert '"]; click n0 call alert(1)' in texts
    assert "<br/>" in texts
    assert page.eval_on_selector_all(".madr-mermaid__view .clickable", "c => c.length") == 0
    config = page.evaluate("window.mermaid.mermaidAPI.getConfig().securityLevel")
    assert config == "strict"
    named = next(link for link, text in nodes if f"0008-{JS_URL}" in text)
    page.locator(f"a[data-madr-link='{named}']").click()
    page.wait_for_url("**/decisions/0008-*/")
    assert page.url.endswith("decisions/0008-javascript%3Awindow.__pwned%3D3/")
    assert_safe(page, dialogs)


def test_graph_titles_cannot_reconfigure_mermaid(page: Any, hostile: tuple[Site, str]) -> None:
    _, url = hostile
    page.goto(url + "decisions/graph/")
    wait_for_diagrams(page)
    texts = " ".join(page.locator(".madr-mermaid__view g.node").all_text_contents())
    assert page.evaluate("window.mermaid.mermaidAPI.getConfig().theme") == "default"
    assert MERMAID_THEME in texts
    assert MERMAID_INIT in texts


def test_c4_diagram_draws_labels_as_text(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + "diagrams/containers/")
    wait_for_diagrams(page)
    assert_safe(page, dialogs)
    labels = page.locator(".madr-c4__label").all_inner_texts()
    assert labels == list(C4_LABELS.values())
    shape = page.locator("svg [data-madr-alias=evil_db]")
    shape.click()
    page.wait_for_url("**/diagrams/containers/#c4-evil_db")
    assert_safe(page, dialogs)


def test_glossary_page_runs_nothing(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + "GLOSSARY/")
    assert_safe(page, dialogs, minimum=3)
    usage = page.locator("#term-sprocket + dd .madr-term-usage")
    assert SCRIPT in usage.inner_text()
    usage.locator("a", has_text="ADR-0002").click()
    page.wait_for_url("**/decisions/0002-madr2-evil/")
    assert_safe(page, dialogs)


def _hover_each(page: Any, selector: str) -> list[tuple[str, str]]:
    """Hover every match; (its text, the text of Material's tooltip) for each."""
    shown = []
    for element in page.locator(selector).all():
        element.scroll_into_view_if_needed()
        element.hover()
        tooltip = page.locator(".md-tooltip2--active").last
        tooltip.wait_for(state="visible", timeout=5000)
        shown.append((element.inner_text(), tooltip.inner_text()))
        page.mouse.move(0, 0)
    return shown


def test_hovering_a_term_shows_quotes_and_jinja_literally(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + "decisions/0001-madr4-evil/")
    term = page.locator("article a.madr-term", has_text="Gadget").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert tooltip.inner_text() == TOOLTIPS[f"Gadget {DOUBLE_QUOTE}"]
    assert term.inner_text() == f"Gadget {DOUBLE_QUOTE}"
    assert_safe(page, dialogs)


_TOOLTIP_ELEMENTS = (
    "() => document.querySelectorAll('.md-tooltip2 *:not(.md-tooltip2__inner)').length"
)


def test_hovering_glossary_terms_shows_definitions_as_text(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + "decisions/0001-madr4-evil/")
    shown = _hover_each(page, "article a.madr-term")
    assert [text for text, _ in shown] == [*TOOLTIPS, "Sprocket"]
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate(_TOOLTIP_ELEMENTS) == 0
    for text, tooltip in shown:
        assert tooltip == TOOLTIPS[text]
    assert dialogs == []
    assert page.errors == []


def test_hovering_c4_decision_links_runs_nothing(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + "diagrams/containers/")
    links = page.locator(".madr-c4__elements td a:not(.madr-c4__all)").all()
    assert len(links) == 2
    for link in links:
        link.scroll_into_view_if_needed()
        link.hover()  # record titles stay out of title attributes, so no tooltip shows them
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate(_TOOLTIP_ELEMENTS) == 0
    assert dialogs == []
    assert page.errors == []


def test_edit_link_of_a_quoted_file_name_runs_nothing(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + "decisions/0006-%22%20onmouseover%3D%22window.__pwned%3D4/")
    page.hover("a[rel=edit]")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.errors == []  # `window.__pwned=4.md` does not parse, but it did run
    assert page.locator("[onmouseover]").count() == 0


TITLED_AFTER_IMG = "decisions/0005-%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D2%3E/"


def test_record_titled_after_its_file_name_runs_nothing(
    page: Any, dialogs: list[str], hostile: tuple[Site, str]
) -> None:
    _, url = hostile
    page.goto(url + TITLED_AFTER_IMG)
    assert page.locator("img[src=x]").count() == 0
    assert page.errors == []
    assert dialogs == []


@pytest.fixture
def listed(build_site: BuildSite, local_mermaid: Path) -> Iterator[tuple[Site, str]]:
    """The hostile site with its records in the navigation (`nav: auto`)."""
    mermaid = str(local_mermaid)
    site = build_site(hostile_files(mermaid), hostile_config(mermaid, nav="auto"))
    yield from _serve(site)


def test_navigation_of_hostile_file_names_runs_nothing(
    page: Any, dialogs: list[str], listed: tuple[Site, str]
) -> None:
    _, url = listed
    page.goto(url + "decisions/")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".md-nav img, .md-nav svg[onload]").count() == 0
    assert page.errors == []
    assert dialogs == []


# --- titles in Material's sidebars, and its tooltips for truncated links ---------------------

_TRUNCATED = """() => [...document.querySelectorAll(".md-sidebar .md-ellipsis")]
  .filter(e => e.offsetParent !== null && e.offsetWidth < e.scrollWidth).length"""


@pytest.fixture
def titled(build_site: BuildSite) -> Iterator[tuple[Site, str]]:
    yield from _serve(build_site(TITLED, titled_config()))


def _hover_truncated(page: Any) -> int:
    """Hover every truncated link and label of both sidebars, as a reader would; how many
    there were."""
    page.wait_for_function(f"({_TRUNCATED})() > 0", timeout=10000)
    hovered = 0
    for element in page.locator(".md-sidebar .md-ellipsis").all():
        if not element.is_visible():
            continue
        truncated = element.evaluate("e => e.offsetWidth < e.scrollWidth")
        if not truncated:
            continue
        element.scroll_into_view_if_needed()
        element.hover()
        tooltip = page.locator(".md-tooltip2--active").last
        tooltip.wait_for(state="visible", timeout=5000)
        assert tooltip.locator("img, svg, script").count() == 0, tooltip.inner_html()
        assert tooltip.inner_text().replace("\u2060", "") == element.inner_text().replace(
            "\u2060", ""
        )
        hovered += 1
        page.mouse.move(0, 0)
    return hovered


@pytest.mark.parametrize(
    "path",
    [
        "decisions/0001-front-matter/",
        "decisions/0003-code-span/",
        "decisions/%3Csvg%20onload%3Dwindow.__pwned%3D16%3E%20folder/0001-in-a-category/",
    ],
)
def test_hovering_every_truncated_sidebar_link_runs_nothing(
    page: Any, dialogs: list[str], titled: tuple[Site, str], path: str
) -> None:
    _, url = titled
    page.goto(url + path)
    assert page.locator("img[src=x], svg[onload]").count() == 0
    assert _hover_truncated(page) >= 2  # the log's section, and the folder's
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("img[src=x], svg[onload]").count() == 0
    assert dialogs == []
    assert page.errors == []


def test_titles_read_as_written_in_title_header_and_sidebar(
    page: Any, titled: tuple[Site, str]
) -> None:
    _, url = titled
    page.goto(url + "decisions/0003-code-span/")
    shown = page.title().replace("\u2060", "")
    assert shown.startswith("ADR-0003: Code <img src=x onerror=window.__pwned=13> and-a"), shown
    header = page.locator(".md-header__topic[data-md-component=header-topic] .md-ellipsis")
    assert "Code <img src=x onerror=window.__pwned=13>" in header.inner_text().replace("\u2060", "")
    page.goto(url + "decisions/0002-%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D12%3E%20" + LONG)
    assert page.locator("img[src=x]").count() == 0
    assert page.title().startswith("0002-<\u2060img src=x onerror=window.__pwned=12> and-a-word")
