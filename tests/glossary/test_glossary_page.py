from __future__ import annotations

import re

import pytest
from glossary_helpers import fixture_text, render
from mkdocs_madr.glossary import USAGE_PLACEHOLDER, Glossary, parse_glossary

PAGE_EXTENSIONS = ("tables", "def_list", "fenced_code", "toc", "attr_list")


def render_glossary_page(source: str) -> tuple[Glossary, str]:
    glossary, _ = parse_glossary(source, "glossary.md")
    rendered = render(
        source, glossary, page="glossary.md", is_glossary_page=True, extensions=PAGE_EXTENSIONS
    )
    assert rendered.used == []
    return glossary, rendered.html


def placeholder(anchor: str) -> str:
    return USAGE_PLACEHOLDER.format(anchor=anchor)


@pytest.fixture(scope="module")
def mixed_page() -> tuple[Glossary, str]:
    return render_glossary_page(fixture_text("mixed.md").split("---\n", 2)[2])


def test_every_term_gets_its_anchor_once(mixed_page: tuple[Glossary, str]) -> None:
    glossary, html = mixed_page
    for term in glossary.terms:
        assert html.count(f'id="{term.anchor}"') == 1, term.name


def test_every_term_gets_a_usage_placeholder(mixed_page: tuple[Glossary, str]) -> None:
    glossary, html = mixed_page
    found = re.findall(r"<!--madr-term-usage:([\w-]+)-->", html)
    assert found == [term.anchor for term in glossary.terms]
    assert "\x02" not in html


def test_anchor_lands_on_the_entry_element(mixed_page: tuple[Glossary, str]) -> None:
    _, html = mixed_page
    assert '<dt id="term-nats-jetstream">NATS JetStream (JetStream, JS)</dt>' in html
    assert '<li id="term-kserve"><strong>KServe</strong>' in html
    assert '<tr id="term-talos-linux">' in html
    assert '<h2 id="term-gitops">GitOps</h2>' in html
    assert '<h2 id="term-adr">ADR (Architecture Decision Record)</h2>' in html


def test_placeholder_follows_the_definition(mixed_page: tuple[Glossary, str]) -> None:
    _, html = mixed_page
    assert (
        "Persistent streams on top of NATS." + placeholder("term-nats-jetstream") + "</dd>" in html
    )
    assert "Kubernetes." + placeholder("term-kserve") + "</li>" in html
    assert "Immutable Kubernetes OS." + placeholder("term-talos-linux") + "</td>" in html
    assert "repository.</p>" + placeholder("term-gitops") in html


def test_duplicate_entries_and_groupings_get_no_anchor(mixed_page: tuple[Glossary, str]) -> None:
    _, html = mixed_page
    assert "<li><strong>jetstream</strong>" in html
    assert '<h2 id="messaging">Messaging</h2>' in html


def test_nothing_is_linked_automatically_on_the_glossary_page(
    mixed_page: tuple[Glossary, str],
) -> None:
    _, html = mixed_page
    assert 'class="madr-term"' not in html


def test_explicit_references_still_link_on_the_glossary_page() -> None:
    source = "NATS\n: Messaging.\n\nNATS JetStream\n: Streams for [[NATS]]; NATS again.\n"
    glossary, _ = parse_glossary(source, "glossary.md")
    rendered = render(source, glossary, is_glossary_page=True)
    assert rendered.link_texts == ["NATS"]
    assert rendered.used == []


def test_definition_list_with_shared_and_several_definitions() -> None:
    source = fixture_text("deflist.md")
    _, html = render_glossary_page(source)
    assert '<dt id="term-talos-linux">Talos Linux</dt>\n<dt id="term-talos">Talos</dt>' in html
    shared = placeholder("term-talos-linux") + placeholder("term-talos") + "</dd>"
    assert shared in html
    assert "decisions/</code>." + placeholder("term-architecture-decision-record") + "</dd>" in html


def test_heading_entries_with_dividers_and_explicit_ids() -> None:
    source = fixture_text("headings.md").replace("### age", "### age {#encryption-tool}")
    glossary, html = render_glossary_page(source)
    assert '<h3 id="term-age">age</h3>' in html
    assert '<h2 id="a">A</h2>' in html
    assert "Code.</p>\n<p>Also: C4 model</p>" + placeholder("term-c4") in html
    assert len(re.findall("madr-term-usage", html)) == len(glossary.terms)


def test_bullets_in_a_loose_list_and_with_parenthesised_aliases() -> None:
    source = "- **GitOps** (Git Ops): Ops by pull request.\n\n- **Milvus**: Vectors.\n"
    _, html = render_glossary_page(source)
    assert '<li id="term-gitops">\n<p><strong>GitOps</strong> (Git Ops)' in html
    assert "Vectors.</p>\n" + placeholder("term-milvus") + "</li>" in html


def test_placeholder_is_stash_safe_with_other_extensions() -> None:
    source = fixture_text("table.md")
    glossary, _ = parse_glossary(source, "glossary.md")
    rendered = render(
        source,
        glossary,
        is_glossary_page=True,
        extensions=("tables", "pymdownx.superfences", "pymdownx.highlight", "toc", "abbr"),
    )
    assert placeholder("term-flux-cd") + "</td>" in rendered.html
    assert "wzxhzdk" not in rendered.html


def test_labels_with_entities_and_escapes_find_their_term() -> None:
    source = "Q&amp;A\n: Questions and answers.\n\n- **C\\+\\+**: A language.\n"
    glossary, html = render_glossary_page(source)
    assert [term.name for term in glossary.terms] == ["Q&A", "C++"]
    assert '<dt id="term-q-a">Q&amp;A</dt>' in html
    assert '<li id="term-c">' in html
