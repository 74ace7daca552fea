from __future__ import annotations

from mkdocs_madr.glossary import Glossary, Term
from mkdocs_madr.glossary.model import make_anchor, term_key


def test_anchor_is_a_slug_of_the_name() -> None:
    assert make_anchor("NATS JetStream") == "term-nats-jetstream"
    assert make_anchor("C4") == "term-c4"
    assert make_anchor("Flux CD (v2)") == "term-flux-cd-v2"
    assert make_anchor("Café Münster") == "term-cafe-munster"


def test_anchor_is_unique_within_taken_ones() -> None:
    assert make_anchor("C++", {"term-c"}) == "term-c-2"
    assert make_anchor("C#", {"term-c", "term-c-2"}) == "term-c-3"


def test_anchor_of_a_name_without_letters_still_is_an_id() -> None:
    assert make_anchor("!!!") == "term"


def test_term_key_ignores_case_and_whitespace_runs() -> None:
    assert term_key("  NATS \n JetStream ") == term_key("nats jetstream")


def test_find_matches_names_and_aliases_in_any_case() -> None:
    adr = Term("Architecture Decision Record", ["ADR"], "A record.", "term-adr", 3)
    kserve = Term("KServe", [], "Serving.", "term-kserve", 7)
    glossary = Glossary("glossary.md", [adr, kserve])

    assert glossary.find("adr") is adr
    assert glossary.find("architecture   decision record") is adr
    assert glossary.find("KSERVE") is kserve
    assert glossary.find("Milvus") is None
    assert glossary.names() == ["Architecture Decision Record", "ADR", "KServe"]
    assert len(glossary) == 2
    assert not Glossary("empty.md")
