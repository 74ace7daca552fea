"""Property tests: no input makes the parser or the linker raise, and linking keeps the text."""

from __future__ import annotations

import os
from html.parser import HTMLParser

import markdown
from glossary_helpers import render
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_madr.glossary import Glossary, parse_glossary
from mkdocs_madr.glossary.model import term_key

SNIPPETS = [
    "\n",
    "\n\n",
    ": ",
    "  ",
    "    ",
    "- ",
    "* ",
    "1. ",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "~~~mermaid\n",
    "# ",
    "## ",
    "### ",
    "| ",
    " |",
    "|---|---|\n",
    "[[",
    "]]",
    "[[ADR]]",
    "[[KServe|the server]]",
    "[[Nope]]",
    "|",
    "(",
    ")",
    ", ",
    "*Aliases: ",
    "Also: ",
    "---\n",
    "<b>",
    "</b>",
    "<a href='x'>",
    "</a>",
    "<code>",
    "&amp;",
    "\\",
    '"',
    "\x02wzxhzdk:0\x03",
    "\x03",
    "NATS",
    "NATS JetStream",
    "JetStream",
    "KServe",
    "C4",
    "age",
    "page",
    "ADR",
    "Architecture Decision Record",
    "vLLM",
    "é",
    "ß",
    "İ",
    "日本",
]
markdownish = st.lists(st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=6)), max_size=40).map(
    "".join
)

names = st.one_of(
    st.sampled_from(["NATS", "NATS JetStream (JetStream)", "KServe", "C4", "age", "ADR", "vLLM"]),
    st.text(min_size=1, max_size=12),
)
entries = st.one_of(
    st.builds("{}\n: {}\n\n".format, names, markdownish),
    st.builds("- **{}**: {}\n".format, names, markdownish),
    st.builds("## {}\n\n{}\n\n".format, names, markdownish),
    st.builds("| Term | Definition |\n|---|---|\n| {} | {} |\n\n".format, names, markdownish),
)
glossary_pages = st.lists(st.one_of(entries, markdownish), max_size=12).map("".join)

FUZZ = settings(
    max_examples=int(os.environ.get("MADR_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return "".join(parser.text)


@FUZZ
@given(st.one_of(markdownish, glossary_pages))
def test_parser_never_raises_and_keeps_its_invariants(source: str) -> None:
    glossary, problems = parse_glossary(source, "glossary.md")
    line_count = source.count("\n") + source.count("\r") + 1
    anchors = [term.anchor for term in glossary.terms]
    assert len(set(anchors)) == len(anchors)
    spellings = [term_key(spelling) for spelling in glossary.names()]
    assert len(set(spellings)) == len(spellings)
    for term in glossary.terms:
        assert term.name.strip()
        assert 1 <= term.line <= line_count
        assert glossary.find(term.name) is term
        assert "\x02" not in term.definition
    for problem in problems:
        assert problem.line is not None
        assert 1 <= problem.line <= line_count


@FUZZ
@given(glossary_source=glossary_pages, page=markdownish)
def test_linker_never_raises_and_keeps_the_visible_text(glossary_source: str, page: str) -> None:
    glossary, _ = parse_glossary(glossary_source, "glossary.md")
    plain = markdown.markdown(page, extensions=["tables", "def_list", "fenced_code"])
    for is_glossary_page in (False, True):
        rendered = render(page, glossary, is_glossary_page=is_glossary_page)
        assert "\x02" not in rendered.html
        if "[[" not in page:
            assert visible_text(rendered.html) == visible_text(plain)


@FUZZ
@given(glossary_source=glossary_pages, page=markdownish)
def test_linker_with_superfences_never_raises(glossary_source: str, page: str) -> None:
    glossary, _ = parse_glossary(glossary_source, "glossary.md")
    extensions = ("tables", "def_list", "pymdownx.superfences", "pymdownx.highlight", "toc")
    render(page, glossary, extensions=extensions)
    render(glossary_source, glossary, is_glossary_page=True, extensions=extensions)


@FUZZ
@given(st.lists(st.text(min_size=1, max_size=30), max_size=30), markdownish)
def test_arbitrary_term_names_compile_and_link(names: list[str], page: str) -> None:
    source = "\n\n".join(f"{name}\n: Definition." for name in names if "\n" not in name)
    glossary, _ = parse_glossary(source, "glossary.md")
    render(page, glossary)
    render(page, Glossary("glossary.md"))
