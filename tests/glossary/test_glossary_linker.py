from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from glossary_helpers import STANDARD_EXTENSIONS, fixture_text, line_of, render
from mkdocs_madr.core.diagnostics import Code, Diagnostic
from mkdocs_madr.glossary import Glossary, GlossaryExtension, Term
from pymdownx.superfences import fence_code_format

SUPERFENCES = ("tables", "def_list", "pymdownx.superfences", "pymdownx.highlight")
MERMAID_FENCE: dict[str, dict[str, object]] = {
    "pymdownx.superfences": {
        "custom_fences": [{"name": "mermaid", "class": "mermaid", "format": fence_code_format}]
    }
}


def term(name: str, *aliases: str, definition: str = "", line: int = 1) -> Term:
    anchor = "term-" + "-".join(name.lower().split())
    return Term(name, list(aliases), definition or f"About {name}.", anchor, line)


@pytest.fixture
def glossary() -> Glossary:
    return Glossary(
        "glossary.md",
        [
            term("NATS"),
            term("NATS JetStream", "JetStream"),
            term("KServe", "KFServing"),
            term("Architecture Decision Record", "ADR"),
            term("C4"),
            term("age"),
            term("vLLM"),
            term("CRD"),
            term("CI/CD"),
            term("C++"),
            term("Talos Linux", "Talos"),
            term("Milvus"),
        ],
    )


class TestAutomaticLinks:
    def test_links_the_first_occurrence_only(self, glossary: Glossary) -> None:
        rendered = render("KServe serves. KServe scales.\n\nAgain KServe.\n", glossary)
        assert rendered.link_texts == ["KServe"]
        assert rendered.html.count(">KServe<") == 1
        assert rendered.html.count("KServe scales") == 1
        assert "Again KServe." in rendered.html

    def test_terms_in_included_snippets_are_linked(
        self, glossary: Glossary, tmp_path: Path
    ) -> None:
        (tmp_path / "part.md").write_text("Models are served by KServe.\n", encoding="utf-8")
        rendered = render(
            'Intro.\n\n--8<-- "part.md"\n',
            glossary,
            extensions=[*STANDARD_EXTENSIONS, "pymdownx.snippets"],
            extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path)]}},
        )
        assert rendered.link_texts == ["KServe"]

    def test_matching_stops_once_every_term_of_the_page_is_linked(self, glossary: Glossary) -> None:
        rest = "\n\n".join(f"Paragraph {n} about Milvus and NATS." for n in range(50))
        rendered = render(f"Milvus and NATS first.\n\n{rest}\n\nThen KServe.\n", glossary)
        assert rendered.link_texts == ["Milvus", "NATS", "KServe"]

    @pytest.mark.parametrize(
        "before",
        [
            "## Milvus\n\n",  # a heading: never linked, so not waited for
            "`Milvus` in code.\n\n",
            "<a href='#'>Milvus</a> in a raw link.\n\n",
            "<div>Milvus in raw HTML</div>\n\n",
            "<!-- a comment -->\n\n",
            "Already linked: NATS. And NATS.\n\n",
        ],
    )
    def test_blocks_skipped_by_the_prefilter_do_not_hide_later_terms(
        self, glossary: Glossary, before: str
    ) -> None:
        source = f"NATS first.\n\n{before}* a list\n    * with Milvus nested\n\nKServe [[ADR]].\n"
        rendered = render(source, glossary)
        assert rendered.link_texts == ["NATS", "Milvus", "KServe", "ADR"]

    @pytest.mark.parametrize(
        ("source", "expected"),
        [
            ("NATS JetStream first.\n\nThen **NATS** JetStream.\n", ["NATS JetStream", "NATS"]),
            ("Talos Linux first.\n\nUse `Talos` Linux.\n\nLinux? No: C4.\n", ["Talos Linux", "C4"]),
            ("Talos Linux here.\n\n| a |\n|---|\n| Talos |\n| NATS |\n", ["Talos Linux", "NATS"]),
        ],
    )
    def test_a_term_never_matches_across_two_text_nodes(
        self, glossary: Glossary, source: str, expected: list[str]
    ) -> None:
        """Found in review: the prefilter joined nodes with a newline, which `\\s+` in a
        multi-word term matches, so "Talos" + "Linux" hid a later block's terms."""
        assert render(source, glossary).link_texts == expected

    def test_raw_html_closing_an_earlier_tag_inside_a_skipped_element(
        self, glossary: Glossary
    ) -> None:
        """Mis-nested raw HTML: the `</code>` inside the emphasis closes the `<code>` opened
        before it, so NATS after it is linkable (found in review)."""
        assert render("Use <code>x *y</code> z* NATS.\n", glossary).link_texts == ["NATS"]

    def test_a_reference_after_every_term_is_linked_still_resolves(
        self, glossary: Glossary
    ) -> None:
        rendered = render("KServe.\n\nMore KServe.\n\nSee [[NATS|the bus]].\n", glossary)
        assert rendered.link_texts == ["KServe", "the bus"]
        assert "[[" not in rendered.html

    def test_link_carries_class_href_and_tooltip(self, glossary: Glossary) -> None:
        rendered = render("Deploy with KServe.\n", glossary)
        assert (
            '<a class="madr-term" href="../glossary/#term-kserve" title="About KServe.">'
            "KServe</a>" in rendered.html
        )

    def test_case_insensitive_keeping_the_original_text(self, glossary: Glossary) -> None:
        rendered = render("we run kserve and the JETSTREAM.\n", glossary)
        assert rendered.link_texts == ["kserve", "JETSTREAM"]

    def test_a_term_that_could_be_an_everyday_word_keeps_its_case(self, glossary: Glossary) -> None:
        # `Milvus` is one capitalised word: only `Milvus` is the term.
        assert render("MILVUS and milvus, then Milvus.\n", glossary).link_texts == ["Milvus"]
        # `age` is written in lower case: a capital starts a sentence.
        assert render("Age is a tool. AGE is not.\n", glossary).link_texts == ["Age"]

    def test_plurals_link_the_term(self, glossary: Glossary) -> None:
        rendered = render("Two CRDs and three KServes.\n", glossary)
        assert rendered.link_texts == ["CRDs", "KServes"]
        assert rendered.links[0]["href"].endswith("#term-crd")

    def test_alias_counts_as_the_term(self, glossary: Glossary) -> None:
        rendered = render("An ADR is an Architecture Decision Record.\n", glossary)
        assert rendered.link_texts == ["ADR"]
        assert rendered.links[0]["href"].endswith("#term-architecture-decision-record")

    def test_longest_match_wins(self, glossary: Glossary) -> None:
        rendered = render("NATS JetStream extends NATS.\n", glossary)
        assert rendered.link_texts == ["NATS JetStream", "NATS"]
        assert rendered.links[0]["href"].endswith("#term-nats-jetstream")

    def test_a_term_may_span_a_line_break(self, glossary: Glossary) -> None:
        rendered = render("We chose NATS\nJetStream here.\n", glossary)
        assert rendered.link_texts == ["NATS\nJetStream"]

    def test_repeated_long_term_does_not_link_its_shorter_part(self, glossary: Glossary) -> None:
        rendered = render("NATS JetStream, then NATS JetStream again.\n", glossary)
        assert rendered.link_texts == ["NATS JetStream"]

    @pytest.mark.parametrize(
        "text",
        [
            "NATSY is not a term.",
            "The page is long.",
            "Manage this package.",
            "AC4 and C42 are not C-four.",
            "CRDsx and xCRD are not linked.",
            "vLLMss and myvLLM neither.",
            "ANATS, NATS_URL, Talosian.",
        ],
    )
    def test_word_boundaries(self, glossary: Glossary, text: str) -> None:
        assert render(text + "\n", glossary).links == []

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Age is a tool; page is not.", ["Age"]),
            ("The C4 model.", ["C4"]),
            ("(CRD) in parentheses", ["CRD"]),
            ("vLLM-based serving", ["vLLM"]),
            ("Our CI/CD runs.", ["CI/CD"]),
            ("Written in C++ mostly.", ["C++"]),
            ("KServe's controller", ["KServe"]),
            ("on Talos.", ["Talos"]),
        ],
    )
    def test_boundaries_allow_punctuation(
        self, glossary: Glossary, text: str, expected: list[str]
    ) -> None:
        assert render(text + "\n", glossary).link_texts == expected

    def test_terms_in_tail_text_after_inline_elements(self, glossary: Glossary) -> None:
        rendered = render("**Bold** then KServe, `code` then Milvus, *em C4* end.\n", glossary)
        assert rendered.link_texts == ["KServe", "Milvus", "C4"]
        assert "<strong>Bold</strong> then <a" in rendered.html
        assert "<code>code</code> then <a" in rendered.html
        assert "<em>em <a" in rendered.html

    def test_document_order_decides_the_first_occurrence(self, glossary: Glossary) -> None:
        rendered = render("*Milvus* first.\n\n- Milvus again\n- KServe\n", glossary)
        assert rendered.link_texts == ["Milvus", "KServe"]
        assert "<em><a" in rendered.html

    def test_on_use_is_called_once_per_linked_term(self, glossary: Glossary) -> None:
        rendered = render("KServe, KServe, [[KServe]], Milvus.\n", glossary)
        assert [t.name for t in rendered.used] == ["KServe", "Milvus"]

    def test_inline_html_tags_stay_intact(self, glossary: Glossary) -> None:
        rendered = render('Milvus<span title="KServe">KServe</span>C4 end.\n', glossary)
        assert '<span title="KServe"><a class="madr-term"' in rendered.html
        assert rendered.link_texts == ["Milvus", "KServe", "C4"]

    def test_escaped_and_entity_text(self, glossary: Glossary) -> None:
        rendered = render("Milvus &amp; KServe &copy; C4 \\*not em\\*.\n", glossary)
        assert rendered.link_texts == ["Milvus", "KServe", "C4"]
        assert "&amp;" in rendered.html
        assert "&copy;" in rendered.html
        assert "*not em*" in rendered.html


class TestSkippedPlaces:
    def test_code_spans_and_code_blocks(self, glossary: Glossary) -> None:
        source = "`KServe` here.\n\n```\nKServe in a fence\n```\n\n    KServe indented\n"
        assert render(source, glossary).links == []

    def test_links_are_not_nested(self, glossary: Glossary) -> None:
        rendered = render(
            "[KServe docs](https://kserve.github.io) and <https://c4model.com>\n", glossary
        )
        assert rendered.links == []

    def test_headings_are_not_linked(self, glossary: Glossary) -> None:
        rendered = render("# KServe\n\n## Using Milvus\n\nMilvus body.\n", glossary)
        assert rendered.link_texts == ["Milvus"]
        assert "<h1>KServe</h1>" in rendered.html

    def test_abbreviations_are_not_linked(self, glossary: Glossary) -> None:
        source = "CRD is used.\n\n*[CRD]: Custom Resource Definition\n"
        rendered = render(source, glossary, extensions=("abbr",))
        assert rendered.links == []
        assert "<abbr" in rendered.html

    def test_mermaid_divs_are_literal(self, glossary: Glossary) -> None:
        source = '<div class="mermaid" markdown="1">\nKServe --> Milvus [[ADR]]\n</div>\n\nMilvus\n'
        rendered = render(source, glossary, extensions=("md_in_html",))
        assert rendered.link_texts == ["Milvus"]
        assert "KServe --&gt; Milvus [[ADR]]" in rendered.html

    @pytest.mark.parametrize(
        "html",
        [
            '<a href="https://kserve.github.io">the KServe **site**</a>',
            "<code>KServe()</code>",
            "<kbd>KServe</kbd>",
            '<abbr title="x">KServe</abbr>',
            '<span class="mermaid">KServe</span>',
            "<a href='#'><b>KServe</b> [[ADR]]</a>",
        ],
    )
    def test_inline_raw_html_contexts_are_skipped(self, glossary: Glossary, html: str) -> None:
        rendered = render(f"Before {html} after: KServe.\n", glossary)
        assert rendered.link_texts == ["KServe"]
        assert rendered.html.endswith(
            'after: <a class="madr-term" href="../glossary/#term-kserve"'
            ' title="About KServe.">KServe</a>.</p>'
        )

    def test_unclosed_raw_tag_ends_with_its_paragraph(self, glossary: Glossary) -> None:
        rendered = render("<code>KServe\n\nMilvus here.\n", glossary)
        assert rendered.link_texts == ["Milvus"]

    def test_self_closing_and_void_tags_do_not_suppress(self, glossary: Glossary) -> None:
        rendered = render('Milvus<br/>KServe <img src="x.png"> C4\n', glossary)
        assert rendered.link_texts == ["Milvus", "KServe", "C4"]

    def test_raw_html_blocks_are_literal(self, glossary: Glossary) -> None:
        rendered = render("<div>KServe</div>\n\n<pre>Milvus</pre>\n", glossary)
        assert rendered.links == []

    def test_superfences_and_highlight(self, glossary: Glossary) -> None:
        source = (
            "Text about KServe.\n\n"
            '```python\nx = "Milvus [[ADR]]"\n```\n\n'
            "```mermaid\ngraph TD\n  A[[C4]] --> B[NATS]\n```\n\n"
            "Inline `Milvus` code.\n"
        )
        rendered = render(source, glossary, extensions=SUPERFENCES, extension_configs=MERMAID_FENCE)
        assert rendered.link_texts == ["KServe"]
        assert "A[[C4]]" in rendered.html
        assert "[[ADR]]" in rendered.html
        assert rendered.diagnostics == []

    def test_inlinehilite_code_is_skipped(self, glossary: Glossary) -> None:
        extensions = (*SUPERFENCES, "pymdownx.inlinehilite")
        rendered = render("`#!python Milvus()` and Milvus.\n", glossary, extensions=extensions)
        assert rendered.link_texts == ["Milvus"]


class TestExplicitReferences:
    def test_name_alias_and_shown_text(self, glossary: Glossary) -> None:
        rendered = render("See [[ADR]], [[kserve|the serving layer]] and [[Talos]].\n", glossary)
        assert rendered.link_texts == ["ADR", "the serving layer", "Talos"]
        assert [link["href"] for link in rendered.links] == [
            "../glossary/#term-architecture-decision-record",
            "../glossary/#term-kserve",
            "../glossary/#term-talos-linux",
        ]
        assert "[[" not in rendered.html

    def test_explicit_references_always_link(self, glossary: Glossary) -> None:
        rendered = render("Milvus, Milvus, [[Milvus]] and [[Milvus|it]].\n", glossary)
        assert rendered.link_texts == ["Milvus", "Milvus", "it"]

    def test_explicit_reference_counts_as_the_first_use(self, glossary: Glossary) -> None:
        rendered = render("[[Milvus|The store]] then Milvus.\n", glossary)
        assert rendered.link_texts == ["The store"]

    def test_unknown_reference_is_plain_text_and_reported(self, glossary: Glossary) -> None:
        source = "Intro.\n\nUses [[Kafka]] and [[Redpanda|a broker]].\n"
        rendered = render(source, glossary, page="decisions/0009.md")
        assert rendered.unknown == ["Kafka", "a broker"]
        assert '<span class="madr-term-unknown">Kafka</span>' in rendered.html
        assert [(d.code, d.file, d.line) for d in rendered.diagnostics] == [
            (Code.GLOSSARY_UNKNOWN_TERM, "decisions/0009.md", 3),
            (Code.GLOSSARY_UNKNOWN_TERM, "decisions/0009.md", 3),
        ]
        assert '"Kafka"' in rendered.diagnostics[0].message

    def test_a_wiki_link_in_double_brackets_is_no_reference(self, glossary: Glossary) -> None:
        """`[[ https://… | text ]]` is how some wikis write a link: not a glossary term."""
        source = "See [[ https://nats.io/ | the NATS site ]] and [[www.example.org]].\n"
        rendered = render(source, glossary)
        assert (rendered.unknown, rendered.diagnostics) == ([], [])

    def test_a_link_with_bracketed_text_is_no_reference(self, glossary: Glossary) -> None:
        """`[[1]][label]` is a link whose text is `[1]`: when its label wraps onto the next
        line, Markdown leaves it as text, and it is still no glossary reference."""
        source = "Derived as in [[1]][\nhd-keys] and [[2]](https://example.org/b).\n\n"
        source += "[hd-keys]: https://example.org/a\n"
        rendered = render(source, glossary)
        assert (rendered.unknown, rendered.diagnostics) == ([], [])
        assert "madr-term-unknown" not in rendered.html

    def test_repeated_unknown_reference_gets_each_line(self, glossary: Glossary) -> None:
        source = "`[[Kafka]]` in code.\n\n```\n[[Kafka]]\n```\n\n[[Kafka]]\n\nand [[Kafka]]\n"
        rendered = render(source, glossary, line_offset=4)
        assert [d.line for d in rendered.diagnostics] == [7 + 4, 9 + 4]

    def test_reference_across_lines_has_no_line(self, glossary: Glossary) -> None:
        rendered = render("See [[Apache\nKafka]].\n", glossary)
        assert [(d.code, d.line) for d in rendered.diagnostics] == [
            (Code.GLOSSARY_UNKNOWN_TERM, None)
        ]

    def test_references_in_code_stay_literal(self, glossary: Glossary) -> None:
        source = "`[[ADR]]` and\n\n```\n[[Kafka|x]]\n```\n"
        rendered = render(source, glossary)
        assert rendered.links == []
        assert rendered.diagnostics == []
        assert "<code>[[ADR]]</code>" in rendered.html
        assert "[[Kafka|x]]" in rendered.html

    def test_escaped_brackets_stay_literal(self, glossary: Glossary) -> None:
        rendered = render("\\[\\[ADR\\]\\] is how you write it.\n", glossary)
        assert rendered.link_texts == ["ADR"]
        assert "[[" in rendered.html

    def test_references_in_headings_lose_their_brackets(self, glossary: Glossary) -> None:
        rendered = render("## Why [[ADR|records]]\n\n## [[Kafka]]\n", glossary, extensions=("toc",))
        assert '<h2 id="why-records">Why records</h2>' in rendered.html
        assert rendered.links == []
        assert rendered.unknown == ["Kafka"]

    def test_diagnostics_may_go_to_a_callable(self, glossary: Glossary) -> None:
        received: list[Diagnostic] = []
        extension = GlossaryExtension(
            glossary, href_for=lambda t: "#", page="p.md", diagnostics=received.append
        )
        markdown.markdown("[[Nope]]\n", extensions=[extension])
        assert [d.code for d in received] == [Code.GLOSSARY_UNKNOWN_TERM]

    def test_an_empty_glossary_reports_every_reference(self) -> None:
        rendered = render("[[ADR]] and ADR.\n", Glossary("glossary.md"))
        assert rendered.unknown == ["ADR"]
        assert rendered.links == []


class TestEscaping:
    def test_hostile_definition_is_escaped_in_the_title(self) -> None:
        hostile = Glossary(
            "glossary.md",
            [term("SOPS", definition='Secrets" onmouseover="alert(1)" <script>alert(2)</script>')],
        )
        rendered = render("SOPS encrypts.\n", hostile)
        assert "<script>" not in rendered.html
        assert 'onmouseover="' not in rendered.html
        assert rendered.links[0]["title"] == (
            'Secrets" onmouseover="alert(1)" <script>alert(2)</script>'
        )

    def test_stash_markers_in_a_definition_cannot_splice_html(self) -> None:
        hostile = Glossary("glossary.md", [term("SOPS", definition="x\x02wzxhzdk:0\x03y")])
        rendered = render("<b>raw</b> SOPS\n", hostile)
        assert rendered.links[0]["title"] == "x wzxhzdk:0 y"
        assert rendered.html.count("<b>raw</b>") == 1

    def test_hostile_glossary_page_end_to_end(self) -> None:
        from mkdocs_madr.glossary import parse_glossary

        source = (
            '- **SOPS**: Say "hi" &lt;script&gt;alert(1)&lt;/script&gt; <img src=x onerror=y>\n'
        )
        hostile, _ = parse_glossary(source, "glossary.md")
        rendered = render("SOPS here.\n", hostile)
        assert "<script>" not in rendered.html
        assert "<img" not in rendered.html
        assert rendered.links[0]["title"] == 'Say "hi" <script>alert(1)</script>'


class TestRealisticPage:
    def test_decision_record(self, platform_glossary: Glossary) -> None:
        source = fixture_text("decision.md")
        rendered = render(source, platform_glossary, extensions=(*SUPERFENCES, "toc"))
        assert rendered.link_texts == [
            "KServe",
            "NATS",
            "NATS JetStream",
            "MessagePack",
            "ADR",
            "Talos Linux",
            "GitOps",
            "Flux CD",
            "SOPS",
        ]
        # C4 is not in this glossary, so the explicit reference is reported.
        assert rendered.unknown == ["container diagram", "Nonexistent Term"]
        assert [d.line for d in rendered.diagnostics] == [
            line_of(source, "MessagePack-encoded"),
            line_of(source, "A [[Nonexistent Term]]"),
        ]
        assert "[[Flux CD]] stays literal" in rendered.html
        assert "madr-term" not in rendered.html.split("</h1>")[0]
        assert [term.name for term in rendered.used] == [
            "KServe",
            "NATS",
            "NATS JetStream",
            "MessagePack",
            "ADR",
            "Talos Linux",
            "GitOps",
            "Flux CD",
            "SOPS",
        ]


def test_a_shared_extension_can_be_pointed_at_the_next_page(glossary: Glossary) -> None:
    problems: list[Diagnostic] = []
    extension = GlossaryExtension(glossary, href_for=lambda t: "#", diagnostics=problems)
    extension.for_page("a.md")
    first = markdown.markdown("KServe [[Nope]]", extensions=[extension])
    extension.for_page("b.md", line_offset=3)
    second = markdown.markdown("KServe [[Nope]]", extensions=[extension])
    assert 'class="madr-term"' in first
    assert 'class="madr-term"' in second
    assert [(d.file, d.line) for d in problems] == [("a.md", 1), ("b.md", 4)]
