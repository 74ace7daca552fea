"""Golden cases for the pure renderers: records in, the HTML the site shows out.

Each folder under `golden/render/` holds a `decisions/` folder of records and, beside it, any
documentation pages with C4 diagrams. The test renders, from the same code the plugin uses,
every record's header and comparison, the log, timeline, graph and coverage pages, each C4
diagram with its element table, and a glossary term's usage list, and compares each with
`expected/<name>.html`. A change to a view is reviewed as a diff of those files:

    MADR_UPDATE_GOLDEN=1 pytest tests/test_golden_render.py   # then read `git diff`
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs_madr.core.collection import load_collection
from mkdocs_madr.core.settings import DEFAULT_STATUSES
from mkdocs_madr.site.architecture import link_architecture
from mkdocs_madr.site.checks import DocPage, read_architecture
from mkdocs_madr.site.content import SiteContent, Urls
from mkdocs_madr.site.directives import scan_page
from mkdocs_madr.site.fragments import PagePlan, element_info, prerender
from mkdocs_madr.site.render.renderer import Renderer
from mkdocs_madr.site.urls import relative_url

GOLDEN = Path(__file__).parent / "golden" / "render"
CASES = sorted(path for path in GOLDEN.iterdir() if path.is_dir())
UPDATE = os.environ.get("MADR_UPDATE_GOLDEN") == "1"
PAGES = {
    "index": "decisions/",
    "timeline": "decisions/timeline/",
    "graph": "decisions/graph/",
    "coverage": "decisions/c4-coverage/",
}


def page_url(src: str) -> str:
    return src.removesuffix(".md") + "/"


def render_case(case: Path) -> dict[str, str]:
    """Every fragment the site would show for the case, by name."""
    collection = load_collection(case / "decisions")
    docs = [
        DocPage(path.name, path.name, path.read_text(encoding="utf-8"))
        for path in sorted(case.glob("*.md"))
    ]
    index, _ = read_architecture(docs)
    architecture, _ = link_architecture(collection, index)
    record_urls = {d.key: f"decisions/{d.slug}/" for d in collection.decisions}
    urls = Urls(
        records=record_urls,
        pages=PAGES,
        relative=relative_url,
        mermaid="assets/madr/mermaid.min.js",
        mermaid_local=True,
    )
    elements = element_info(index, page_url)
    renderer = Renderer(collection, DEFAULT_STATUSES)
    content = SiteContent(collection, architecture, renderer, urls, elements)
    plan = PagePlan(
        statuses=tuple(DEFAULT_STATUSES.items()),
        pages={d.file: record_urls[d.key] for d in collection.decisions},
        index_url=PAGES["index"],
        elements=elements,
    )
    found: dict[str, str] = {}
    for decision in collection.decisions:
        url = record_urls[decision.key]
        header = content.header(decision, url)
        found[f"header-{decision.id}"] = header
        found[f"comparison-{decision.id}"] = content.comparison(decision)
        # What a worker pre-renders is what the build renders itself.
        fragments = prerender(decision, plan)
        assert fragments is not None
        assert content.header(decision, url, fragments.header) == header
        assert fragments.comparison == found[f"comparison-{decision.id}"]
    for name in ("index", "timeline", "graph", "c4-coverage"):
        (directive,) = scan_page(f"<!-- madr:{name} -->\n", "page.md").directives
        html, problems = content.directive(directive, PAGES["index"], "decisions/index.md")
        assert problems == []
        found[name] = html
    for page in docs:
        fences = scan_page(page.text, page.uri).c4_fences
        anchors: set[str] = set()
        for position, fence in enumerate(fences):
            found[f"diagram-{page.uri[:-3]}-{position}"] = content.diagram(
                fence.content, position, page.uri, page_url(page.uri), anchors
            )
    found["term-usage"] = content.term_usage(collection.decisions, "glossary/", "A term")
    return found


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_rendered_fragments_are_the_golden_ones(case: Path) -> None:
    rendered = render_case(case)
    expected_dir = case / "expected"
    if UPDATE:
        expected_dir.mkdir(exist_ok=True)
        for old in expected_dir.glob("*.html"):
            old.unlink()
        for name, html in rendered.items():
            (expected_dir / f"{name}.html").write_text(html + "\n", encoding="utf-8")
    expected = {
        path.stem: path.read_text(encoding="utf-8").removesuffix("\n")
        for path in sorted(expected_dir.glob("*.html"))
    }
    assert sorted(rendered) == sorted(expected), "fragments added or gone: update the golden files"
    different = [name for name in rendered if rendered[name] != expected[name]]
    assert different == [], f"differs from expected/: {different}"


def test_no_fragment_lets_markup_from_a_record_through() -> None:
    rendered = render_case(GOLDEN / "escaping")
    for name, html in rendered.items():
        for raw in ("<script", "<img", "onerror=", "<b>Bold", "<i>is", "<em>markup", "javascript:"):
            assert raw not in html, (name, raw)
