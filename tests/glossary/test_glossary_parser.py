from __future__ import annotations

import pytest
from glossary_helpers import fixture_text, line_of
from mkdocs_madr.core.diagnostics import Code
from mkdocs_madr.glossary import Glossary, TermForm, parse_glossary


def parse(source: str) -> Glossary:
    """The glossary of `source`, which must read without problems (but for `glossary-empty`
    when it has no term, which `test_a_page_without_terms_is_reported` checks)."""
    glossary, problems = parse_glossary(source, "glossary.md")
    assert [p.code for p in problems] == ([] if glossary else [Code.GLOSSARY_EMPTY])
    return glossary


def describe(glossary: Glossary) -> list[tuple[str, list[str], int, TermForm]]:
    return [(term.name, term.aliases, term.line, term.form) for term in glossary.terms]


class TestDefinitionLists:
    source = fixture_text("deflist.md")

    def test_reads_each_entry_with_its_line(self) -> None:
        glossary = parse(self.source)
        dl = TermForm.DEFINITION_LIST
        assert describe(glossary) == [
            ("Architecture Decision Record", ["ADR"], line_of(self.source, "Architecture"), dl),
            ("NATS JetStream", ["JetStream"], line_of(self.source, "NATS JetStream"), dl),
            ("KServe", [], line_of(self.source, "KServe"), dl),
            ("Talos Linux", [], line_of(self.source, "Talos Linux"), dl),
            ("Talos", [], line_of(self.source, "Talos", exact=True), dl),
        ]

    def test_definition_is_the_first_one_as_plain_text(self) -> None:
        adr = parse(self.source).find("ADR")
        assert adr is not None
        assert adr.definition == (
            "A short document that captures one architecturally significant decision, "
            "together with its context and consequences."
        )

    def test_markup_is_stripped_from_the_definition(self) -> None:
        jetstream = parse(self.source).find("JetStream")
        assert jetstream is not None
        assert jetstream.definition.startswith("The persistence layer of NATS: durable streams")

    def test_blank_line_between_term_and_definition(self) -> None:
        kserve = parse(self.source).find("kserve")
        assert kserve is not None
        assert kserve.definition == (
            "Serverless model serving on Kubernetes, with scale-to-zero and canary rollouts."
        )

    def test_several_terms_share_one_definition(self) -> None:
        glossary = parse(self.source)
        talos, talos_linux = glossary.find("Talos"), glossary.find("Talos Linux")
        assert talos is not None
        assert talos_linux is not None
        assert talos is not talos_linux
        assert talos.definition == talos_linux.definition

    def test_entries_without_blank_lines_between_them(self) -> None:
        glossary = parse("Milvus\n: Vector database.\nFlux CD\n: GitOps operator.\n")
        assert [(t.name, t.definition, t.line) for t in glossary.terms] == [
            ("Milvus", "Vector database.", 1),
            ("Flux CD", "GitOps operator.", 3),
        ]

    def test_continuation_and_alias_lines_inside_the_definition(self) -> None:
        source = "SOPS\n:   Secrets in Git,\n    encrypted with age.\n    *Aliases: sops-nix*\n"
        (sops,) = parse(source).terms
        assert sops.definition == "Secrets in Git, encrypted with age."
        assert sops.aliases == ["sops-nix"]

    def test_a_definition_without_a_term_is_ignored(self) -> None:
        assert parse(": dangling definition\n").terms == ()


class TestBullets:
    source = fixture_text("bullets.md")

    def test_reads_every_separator_style(self) -> None:
        glossary = parse(self.source)
        assert [term.name for term in glossary.terms] == [
            "Milvus",
            "Flux CD",
            "MessagePack",
            "SOPS",
            "GitOps",
            "CRD",
        ]
        assert all(term.form is TermForm.BULLET for term in glossary.terms)

    def test_definitions_and_lines(self) -> None:
        glossary = parse(self.source)
        flux, msgpack = glossary.find("Flux CD"), glossary.find("MessagePack")
        assert flux is not None
        assert msgpack is not None
        assert flux.definition == "The GitOps operator that reconciles the cluster from Git."
        assert flux.line == line_of(self.source, "- **Flux CD**")
        assert msgpack.definition.startswith("A compact binary serialisation format")

    def test_aliases_from_an_alias_line_and_a_parenthesis(self) -> None:
        glossary = parse(self.source)
        assert glossary.find("Mozilla SOPS") is glossary.find("sops-nix") is glossary.find("SOPS")
        sops = glossary.find("SOPS")
        assert sops is not None
        assert sops.definition == "Encrypts secrets in Git with age keys."
        assert glossary.find("Git Ops") is glossary.find("GitOps")

    def test_group_items_and_plain_items_are_not_terms(self) -> None:
        glossary = parse(self.source)
        assert glossary.find("Networking") is None
        assert glossary.find("Important") is None

    def test_trailing_emphasised_alias_on_the_same_line(self) -> None:
        (kserve,) = parse("- **KServe**: Model serving. *Also: KFServing*\n").terms
        assert kserve.aliases == ["KFServing"]
        assert kserve.definition == "Model serving."

    @pytest.mark.parametrize(
        "item",
        [
            "* **Milvus**: Vector database.",
            "- **Milvus** - Vector database.",
            "* **Milvus:** Vector database.",
            "- **Milvus** — Vector database.",
            "- **Milvus** – Vector database.",
            "1. __Milvus__: Vector database.",
        ],
    )
    def test_separator_forms(self, item: str) -> None:
        (milvus,) = parse(item + "\n").terms
        assert (milvus.name, milvus.definition) == ("Milvus", "Vector database.")

    def test_loose_list_items(self) -> None:
        source = "- **Milvus**: Vector database.\n\n- **KServe**: Model serving.\n"
        assert [term.line for term in parse(source).terms] == [1, 3]


class TestHeadings:
    source = fixture_text("headings.md")

    def test_term_headings_are_read_and_groupings_skipped(self) -> None:
        glossary = parse(self.source)
        assert [(term.name, term.form) for term in glossary.terms] == [
            ("ADR", TermForm.HEADING),
            ("age", TermForm.HEADING),
            ("C4", TermForm.HEADING),
            ("vLLM", TermForm.HEADING),
            ("Talos Linux", TermForm.BULLET),
        ]

    def test_heading_lines_and_definitions(self) -> None:
        glossary = parse(self.source)
        c4 = glossary.find("C4")
        assert c4 is not None
        assert c4.line == line_of(self.source, "### C4")
        assert c4.definition == (
            "The C4 model for visualising software architecture: "
            "Context, Containers, Components and Code."
        )

    def test_alias_paragraph_after_the_definition(self) -> None:
        glossary = parse(self.source)
        assert glossary.find("decision record") is glossary.find("ADR")
        assert glossary.find("C4 model") is glossary.find("C4")

    def test_single_letters_and_ranges_are_dividers(self) -> None:
        glossary = parse("# Glossary\n\n## A\n\nTerms with A.\n\n## D–F\n\nMore.\n")
        assert glossary.terms == ()

    def test_a_heading_followed_by_a_heading_is_a_group(self) -> None:
        glossary = parse("## Platform\n\n### Milvus\n\nVector database.\n")
        assert [term.name for term in glossary.terms] == ["Milvus"]

    def test_the_page_title_is_not_a_term(self) -> None:
        assert parse("# Glossary\n\nAll the words.\n").terms == ()

    def test_attribute_list_is_not_part_of_the_name(self) -> None:
        (term,) = parse("## KServe {#kserve}\n\nModel serving.\n").terms
        assert term.name == "KServe"


class TestTables:
    source = fixture_text("table.md")

    def test_rows_become_terms_and_the_header_is_skipped(self) -> None:
        glossary, problems = parse_glossary(self.source, "glossary.md")
        assert [(t.name, t.aliases, t.line) for t in glossary.terms] == [
            ("KServe", ["KFServing"], line_of(self.source, "| KServe")),
            ("Milvus", [], line_of(self.source, "| Milvus")),
            ("C4", ["C4 model"], line_of(self.source, "| C4")),
            ("Flux CD", ["Flux", "fluxcd"], line_of(self.source, "| Flux CD")),
        ]
        assert glossary.find("Term") is None
        assert [(p.code, p.line) for p in problems] == [
            (Code.GLOSSARY_DUPLICATE_TERM, line_of(self.source, "| kserve"))
        ]

    def test_cell_markup_is_stripped(self) -> None:
        milvus = parse_glossary(self.source, "glossary.md")[0].find("Milvus")
        assert milvus is not None
        assert milvus.definition == "Vector database for embeddings."

    def test_a_one_column_table_has_no_terms(self) -> None:
        assert parse("| Term |\n|---|\n| Milvus |\n").terms == ()


class TestMixedPage:
    source = fixture_text("mixed.md")

    def test_all_forms_in_page_order(self) -> None:
        glossary, _ = parse_glossary(self.source, "glossary.md")
        assert [(term.name, term.form) for term in glossary.terms] == [
            ("NATS JetStream", TermForm.DEFINITION_LIST),
            ("NATS", TermForm.DEFINITION_LIST),
            ("KServe", TermForm.BULLET),
            ("Milvus", TermForm.BULLET),
            ("Talos Linux", TermForm.TABLE),
            ("Flux CD", TermForm.TABLE),
            ("GitOps", TermForm.HEADING),
            ("SOPS", TermForm.HEADING),
            ("ADR", TermForm.HEADING),
            ("MessagePack", TermForm.HEADING),
        ]

    def test_front_matter_is_skipped_but_counted_in_lines(self) -> None:
        glossary, _ = parse_glossary(self.source, "glossary.md")
        nats = glossary.find("NATS JetStream")
        assert nats is not None
        assert nats.line == line_of(self.source, "NATS JetStream")
        assert glossary.find("title") is None

    def test_section_headings_are_not_terms(self) -> None:
        glossary, _ = parse_glossary(self.source, "glossary.md")
        for grouping in ("Messaging", "Serving and data", "Platform", "Glossary"):
            assert glossary.find(grouping) is None

    def test_definitions_are_plain_text(self) -> None:
        glossary, _ = parse_glossary(self.source, "glossary.md")
        sops, adr = glossary.find("SOPS"), glossary.find("ADR")
        assert sops is not None
        assert adr is not None
        assert sops.definition == "Secrets OPerationS: encrypted secrets in Git. See the docs."
        assert adr.definition == "A record of one decision. Uses HTML & entities & code."
        assert adr.aliases == ["Architecture Decision Record"]

    def test_duplicates_are_reported_on_the_second_line_and_the_first_kept(self) -> None:
        glossary, problems = parse_glossary(self.source, "glossary.md")
        assert [(p.code, p.file, p.line) for p in problems] == [
            (Code.GLOSSARY_DUPLICATE_TERM, "glossary.md", line_of(self.source, "- **jetstream**")),
            (Code.GLOSSARY_DUPLICATE_TERM, "glossary.md", line_of(self.source, "## MessagePack")),
        ]
        assert "NATS JetStream" in problems[0].message
        nats, msgpack = glossary.find("NATS"), glossary.find("msgpack")
        assert nats is not None
        assert msgpack is not None
        assert nats.name == "NATS"
        assert msgpack.name == "MessagePack"
        assert msgpack.aliases == ["msgpack"]

    def test_anchors_are_unique(self) -> None:
        glossary, _ = parse_glossary(self.source, "glossary.md")
        anchors = [term.anchor for term in glossary.terms]
        assert len(set(anchors)) == len(anchors)
        assert "term-nats-jetstream" in anchors


class TestAliasesAndDuplicates:
    @pytest.mark.parametrize(
        ("label", "name", "aliases"),
        [
            ("Architecture Decision Record (ADR)", "Architecture Decision Record", ["ADR"]),
            ("NATS JetStream (JetStream)", "NATS JetStream", ["JetStream"]),
            ("A (B, C)", "A", ["B", "C"]),
            ("Flux CD (Flux; fluxcd)", "Flux CD", ["Flux", "fluxcd"]),
            ("KServe ()", "KServe", []),
        ],
    )
    def test_parenthesised_aliases(self, label: str, name: str, aliases: list[str]) -> None:
        (term,) = parse(f"{label}\n: Definition.\n").terms
        assert (term.name, term.aliases) == (name, aliases)

    def test_duplicate_name_in_another_case(self) -> None:
        source = "- **GitOps**: one.\n- **gitops**: two.\n"
        glossary, problems = parse_glossary(source, "g.md")
        assert [t.definition for t in glossary.terms] == ["one."]
        assert [(p.code, p.line) for p in problems] == [(Code.GLOSSARY_DUPLICATE_TERM, 2)]

    def test_duplicate_alias_keeps_the_term_and_drops_the_alias(self) -> None:
        source = "KServe (KFS)\n: one.\n\nKubeflow Serving (kfs, KF)\n: two.\n"
        glossary, problems = parse_glossary(source, "g.md")
        assert [(t.name, t.aliases) for t in glossary.terms] == [
            ("KServe", ["KFS"]),
            ("Kubeflow Serving", ["KF"]),
        ]
        assert [(p.code, p.line) for p in problems] == [(Code.GLOSSARY_DUPLICATE_TERM, 4)]
        assert '"kfs"' in problems[0].message

    def test_an_alias_repeating_the_name_is_dropped_silently(self) -> None:
        (term,) = parse("SOPS (sops)\n: Secrets.\n").terms
        assert term.aliases == []


def test_hostile_definitions_become_plain_text() -> None:
    source = (
        '- **SOPS**: Secrets "quoted" &lt;script&gt;x&lt;/script&gt; <b>bold</b>\x02wzxhzdk:0\x03\n'
    )
    (sops,) = parse(source).terms
    assert sops.definition == 'Secrets "quoted" <script>x</script> bold wzxhzdk:0'


def test_empty_and_blank_pages() -> None:
    assert parse("").terms == ()
    assert parse("\n\n   \n").terms == ()


def test_a_page_without_terms_is_reported() -> None:
    glossary, problems = parse_glossary("# Glossary\n\nWords we use. None yet.\n", "GLOSSARY.md")
    assert not glossary
    assert [(p.code, p.file, p.line) for p in problems] == [(Code.GLOSSARY_EMPTY, "GLOSSARY.md", 1)]
    assert "yields no term" in problems[0].message


def test_windows_line_endings() -> None:
    (term,) = parse("Milvus\r\n: Vector database.\r\n").terms
    assert (term.name, term.definition, term.line) == ("Milvus", "Vector database.", 1)
