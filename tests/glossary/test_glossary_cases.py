"""Golden cases: every glossary case of the shared folder (`tests/fixtures/shared-cases/g-*.md`,
as written) reads and links as its file says it should, and the forms real glossaries use
beside them (the survey's patterns, written here with invented words)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from glossary_helpers import render
from mkdocs_madr.core.diagnostics import Code
from mkdocs_madr.glossary import Glossary, TermForm, parse_glossary

CASES = Path(__file__).parents[1] / "fixtures" / "shared-cases"


def _blocks(name: str) -> list[str]:
    """The Markdown examples of a case file (its ```markdown blocks)."""
    text = (CASES / f"{name}.md").read_text(encoding="utf-8")
    return re.findall(r"```markdown\n(.*?)```", text, re.DOTALL)


def _read(source: str) -> Glossary:
    glossary, problems = parse_glossary(source, "GLOSSARY.md")
    assert problems == []
    return glossary


def _terms(glossary: Glossary) -> list[tuple[str, list[str]]]:
    return [(term.name, term.aliases) for term in glossary.terms]


# What each case file says the reader must find: (name, aliases) in page order.
READS = {
    "g-01-field-bullets-under-heading": [("Tide Gauge", ["TG"]), ("Wave Buoy", ["WB"])],
    "g-02-heading-term-with-bullets-or-subheading": [
        ("Harbour", []),
        ("Berth", []),
        ("Lock", []),
    ],
    "g-03-heading-term-definition-not-paragraph": [("Cold Start", []), ("Warm Pool", [])],
    "g-04-synonyms-with-comma-or-slash": [("message broker", ["broker"]), ("Reader", ["Consumer"])],
    "g-05-bold-term-without-separator": [("Ballast", []), ("Bilge", []), ("Bow", [])],
    "g-06-unsupported-list-yields-zero-silently": [("Keel", []), ("Rudder", [])],
}


@pytest.mark.parametrize("name", sorted(READS))
def test_glossary_case_reads_as_its_file_says(name: str) -> None:
    (source,) = _blocks(name)
    assert _terms(_read(source)) == READS[name]


def test_every_glossary_case_is_covered() -> None:
    covered = {*READS, "g-07-common-word-terms-link-prose", "g-08-admonition-title-linked"}
    assert {path.stem for path in CASES.glob("g-*.md")} == covered


def test_g01_fields_give_the_definition_and_are_no_terms() -> None:
    (source,) = _blocks("g-01-field-bullets-under-heading")
    gauge = _read(source).find("TG")
    assert gauge is not None
    assert (gauge.name, gauge.definition) == ("Tide Gauge", "An instrument that records sea level.")


def test_g02_the_example_subheading_is_part_of_the_term() -> None:
    (source,) = _blocks("g-02-heading-term-with-bullets-or-subheading")
    glossary = _read(source)
    assert glossary.find("Example") is None
    lock = glossary.find("Lock")
    assert lock is not None
    assert lock.definition == "A chamber that raises or lowers boats between water levels."


def test_g03_a_quoted_definition() -> None:
    (source,) = _blocks("g-03-heading-term-definition-not-paragraph")
    cold = _read(source).find("cold start")
    assert cold is not None
    assert cold.definition == "The delay before the first request is served."


def test_g04_either_spelling_links() -> None:
    (source,) = _blocks("g-04-synonyms-with-comma-or-slash")
    # `Consumer` is one capitalised word, so it links where written so (see g-07).
    rendered = render("The broker wakes each Consumer.\n", _read(source))
    assert rendered.link_texts == ["broker", "Consumer"]


def test_g05_a_term_without_separator_keeps_its_sentence() -> None:
    (source,) = _blocks("g-05-bold-term-without-separator")
    glossary = _read(source)
    bilge, bow = glossary.find("Bilge"), glossary.find("Bow")
    assert bilge is not None
    assert bow is not None
    assert bilge.definition == "The lowest compartment of a hull."
    assert bow.definition == "Bow is the front of a ship."


def test_g06_an_unread_glossary_is_reported() -> None:
    glossary, problems = parse_glossary("# Glossary\n\nKeel, rudder and bow.\n", "GLOSSARY.md")
    assert not glossary
    assert [(p.code, p.line) for p in problems] == [(Code.GLOSSARY_EMPTY, 1)]


def test_g07_an_everyday_word_links_only_as_the_glossary_writes_it() -> None:
    glossary = _read("### Instance\n\nA running copy of a service.\n")
    text = "For instance, the cache could be dropped. Each Instance keeps its own cache.\n"
    rendered = render(text, glossary)
    assert rendered.link_texts == ["Instance"]
    assert "For instance," in rendered.html


def test_g08_titles_captions_and_tab_labels_are_not_linked() -> None:
    glossary = _read("### Outage\n\nA period when a service is unavailable.\n")
    source = (
        '!!! warning "Outage budget"\n    Keep it below an hour a month.\n\n'
        '??? note "Outage log"\n    Kept daily.\n\n'
        '=== "Outage view"\n\n    The Outage view.\n\n'
        "/// caption\nOutage figure\n///\n"
    )
    rendered = render(
        source,
        glossary,
        extensions=[
            "admonition",
            "pymdownx.details",
            "pymdownx.superfences",
            "pymdownx.tabbed",
            "pymdownx.blocks.caption",
        ],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )
    assert rendered.link_texts == ["Outage"]  # in the tab's body, not in any title
    assert '<p class="admonition-title">Outage budget</p>' in rendered.html
    assert "<summary>Outage log</summary>" in rendered.html
    assert "Outage figure" in rendered.html
    assert ">Outage view</label>" in rendered.html


class TestRealPatterns:
    """Forms the survey found in real glossaries, written with invented words."""

    def test_html_details_entries(self) -> None:
        glossary = _read(
            "# Glossary\n\n<details>\n  <summary>Widget</summary>\n\n  <h3>What is it?</h3>\n"
            "  <p>A small part.</p>\n  <p>More.</p>\n</details>\n"
        )
        (widget,) = glossary.terms
        assert (widget.name, widget.definition, widget.form) == (
            "Widget",
            "A small part.",
            TermForm.DETAILS,
        )

    def test_details_that_fold_markdown_away_are_no_entries(self) -> None:
        glossary = _read(
            "| Term | Description |\n|---|---|\n| Gear | A toothed wheel. |\n\n"
            "<details><summary>Example: a clock</summary>\n\n| Term | Use |\n|---|---|\n"
            "| Gear | Turns the hands. |\n\n</details>\n"
        )
        assert _terms(glossary) == [("Gear", [])]

    def test_a_glossary_directive(self) -> None:
        glossary = _read(
            "# Glossary\n\n```{glossary}\n:sorted:\n\nsprocket\ncog\n  A toothed wheel.\n\n"
            "axle : part\n  A rod a wheel turns on.\n```\n"
        )
        assert _terms(glossary) == [("sprocket", ["cog"]), ("axle", [])]
        assert glossary.terms[0].definition == "A toothed wheel."

    def test_a_glossary_section_inside_a_larger_page(self) -> None:
        glossary = _read(
            "# Use a lock-free queue\n\n## Context\n\nWe need speed.\n\n## Glossary\n\n"
            "- **Ring buffer**: A fixed-size circular queue.\n\n## Decision\n\n"
            "- **Static**: chosen at start.\n"
        )
        assert _terms(glossary) == [("Ring buffer", [])]

    def test_several_bold_terms_in_one_bullet(self) -> None:
        glossary = _read(
            "* **Alpha Link** (AL) and **Alpha Link Control** (ALC) – Two links.\n"
            "* **Widget Key** or **Widget K** – A key.\n"
            "* **Client proof**, also called **Mutual proof** (MP) – A proof.\n"
            "* **Mutual proof** (MP) – See Client proof.\n"
            "* **Tick** (`q`) — A counter.\n"
            "* **Writer** (also called a sender) — Writes.\n"
        )
        assert _terms(glossary) == [
            ("Alpha Link", ["AL"]),
            ("Alpha Link Control", ["ALC"]),
            ("Widget Key", ["Widget K"]),
            ("Client proof", ["Mutual proof", "MP"]),
            ("Tick", ["q"]),
            ("Writer", ["sender"]),
        ]

    def test_redirects_and_expansions_become_aliases(self) -> None:
        glossary = _read(
            "### WGT\n\nSee [Widget Group Token](#widget-group-token).\n\n"
            "### Widget Group Token\n\nA token for a group of widgets.\n\n"
            "### RWP\n\nRWP (Remote Widget Protocol) is how widgets talk.\n\n"
            "### RPT\n\nRequesting Party Token.\n\n"
            "### Gizmo\n\nA small device.\n\nAlso known as gadget.\n"
        )
        assert _terms(glossary) == [
            ("Widget Group Token", ["WGT"]),
            ("RWP", ["Remote Widget Protocol"]),
            ("RPT", ["Requesting Party Token"]),
            ("Gizmo", ["gadget"]),
        ]

    def test_slashes_between_words_of_one_stem_only(self) -> None:
        glossary = _read(
            "| Term | Meaning |\n|---|---|\n| Node/Nodes | A machine. |\n"
            "| CI/CD | Build and ship. |\n| Release [a package] | Publish it. |\n"
        )
        assert _terms(glossary) == [("Node", ["Nodes"]), ("CI/CD", []), ("Release", [])]

    def test_example_tables_define_nothing(self) -> None:
        glossary, problems = parse_glossary(
            "| Term | Description |\n|---|---|\n| Gear | A toothed wheel. |\n\n"
            "| Term | Example |\n|---|---|\n| Gear | The clock's gear. |\n",
            "GLOSSARY.md",
        )
        assert (_terms(glossary), problems) == ([("Gear", [])], [])

    def test_an_introduction_is_not_a_definition(self) -> None:
        glossary = _read(
            "## Operations\n\nThese are grouped under operations.\n\n- **Drill**: A practice run.\n"
        )
        assert _terms(glossary) == [("Drill", [])]

    def test_glossary_page_anchors_the_new_forms(self) -> None:
        source = (
            "# Glossary\n\n* **Alpha Link** and **Alpha Link Control** – Two links.\n\n"
            "<details>\n<summary>Widget</summary>\n<p>A part.</p>\n</details>\n"
        )
        rendered = render(source, _read(source), is_glossary_page=True, page="GLOSSARY.md")
        assert '<li id="term-alpha-link">' in rendered.html
        assert '<span id="term-alpha-link-control"></span>' in rendered.html
        assert '<details id="term-widget">' in rendered.html
        assert "<!--madr-term-usage:term-widget--></details>" in rendered.html
