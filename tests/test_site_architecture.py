"""C4 diagrams and the glossary in real builds: both directions of every link."""

from __future__ import annotations

import html
import json
import re

import pytest
from mkdocs.exceptions import Abort
from support import BuildSite, base_config

CONTAINERS = """
# Containers

Intro text.

```mermaid
C4Container
  title Containers
  Person(operator, "Operator")
  System_Boundary(lab, "Lab") {
    ContainerQueue(nats, "NATS JetStream", "NATS 2.10", "Message bus")
    ContainerDb(milvus, "Milvus", "Milvus 2.5")
    Container(api, "API", "Python")
  }
  Rel(api, nats, "publishes", "MessagePack")
```

After the diagram.
"""

GLOSSARY = """
# Glossary

NATS JetStream (JetStream)
: The persistence layer of NATS, with streams and consumers.

NATS
: A message broker.

Milvus
: A vector database.
"""

BUS = """
---
status: accepted
date: 2025-01-02
c4: [nats]
---
# Use NATS JetStream as the bus

## Context and Problem Statement

We need a bus. NATS JetStream keeps messages; NATS alone does not. Later JetStream again.

```
NATS JetStream in code stays as is
```

## Considered Options

* NATS JetStream
* Kafka

## Decision Outcome

Chosen option: "NATS JetStream", because it is small. See [[Milvus]] and [[Kafka Connect]].
"""

VECTORS = """
* Status: accepted
* Date: 2025-02-03
* C4: milvus, nats, redis

# Use Milvus

## Context and Problem Statement

Vectors.
"""

PLAIN = """
# Record decisions

* Status: accepted

## Context and Problem Statement

We keep records.
"""


def site_files() -> dict[str, str | bytes]:
    return {
        "docs/diagrams/containers.md": CONTAINERS,
        "docs/GLOSSARY.md": GLOSSARY,
        "docs/notes.md": "# Notes\n\nMilvus and NATS JetStream, and [[NATS]].\n",
        "decisions/0001-record-decisions.md": PLAIN,
        "decisions/0002-use-nats.md": BUS,
        "decisions/0003-use-milvus.md": VECTORS,
    }


def test_diagram_is_replaced_by_a_drawing_and_an_element_table(build_site: BuildSite) -> None:
    site = build_site(site_files())
    page = site.html("diagrams/containers/")
    assert 'class="language-mermaid"' not in page
    # Drawn as a flowchart of the model read from the diagram, each box linked to its row.
    drawing = html.unescape(re.search(r'madr-mermaid__source" hidden>(.*?)</pre>', page, re.S)[1])
    assert "\nflowchart TB\n" in drawing
    assert "<b>NATS JetStream</b><br/><i>[Container (queue): NATS 2.10]</i>" in drawing
    shapes = json.loads(html.unescape(re.search(r"data-madr-links='(.*?)'", page)[1]))
    assert {"alias": "nats", "url": "#c4-nats"} in shapes.values()
    # The diagram as written, for when Mermaid cannot draw it.
    written = re.search(r"data-madr-source hidden>.*?<code>(.*?)</code>", page, re.S)
    assert html.unescape(written[1]).strip().startswith("C4Container")
    row = re.search(r'<tr id="c4-nats".*?</tr>', page, re.S)[0]
    assert "Container (queue)" in row
    assert "NATS 2.10" in row
    assert 'href="../../decisions/0002-use-nats/">ADR-0002: ' in row
    assert 'href="../../decisions/0003-use-milvus/"' in row
    assert "madr-status--accepted" in row
    api = re.search(r'<tr id="c4-api".*?</tr>', page, re.S)[0]
    assert "none yet" in api
    assert page.index("Intro text.") < page.index("madr-c4") < page.index("After the diagram.")


def test_record_header_links_each_element_to_its_diagram(build_site: BuildSite) -> None:
    site = build_site(site_files())
    page = site.html("decisions/0003-use-milvus/")
    block = re.search(r'madr-elements">.*?</p>', page, re.S)[0]
    assert '<a class="madr-element" href="../../diagrams/containers/#c4-milvus"' in block
    assert "Container (database)" in block
    assert 'madr-element--unknown" title="not in any diagram">redis<' in block


def test_unknown_element_is_a_warning_with_file_and_line(build_site: BuildSite) -> None:
    site = build_site(site_files())
    assert (
        "madr: decisions/0003-use-milvus.md:3: c4-unknown-element: C4 element 'redis' is not "
        "defined in any diagram" in site.warnings()
    ), site.warnings()
    with pytest.raises(Abort):
        build_site(site_files(), strict=True)


def test_unknown_element_hint_for_another_case(build_site: BuildSite) -> None:
    files = site_files()
    files["decisions/0003-use-milvus.md"] = VECTORS.replace("redis", "NATS")
    site = build_site(files)
    assert any(
        "'NATS' is not defined in any diagram (did you mean 'nats'?)" in w for w in site.warnings()
    )


def test_diagram_problems_name_page_and_line(build_site: BuildSite) -> None:
    files = site_files()
    files["docs/diagrams/context.md"] = (
        '# Context\n\n```mermaid\nC4Context\n  System(nats, "Something else")\n'
        '  Sytem(broken, "Typo")\n```\n'
    )
    site = build_site(files)
    warnings = site.warnings()
    assert any(w.startswith("madr: docs/diagrams/context.md:6: c4-syntax") for w in warnings), (
        warnings
    )
    assert any("c4-duplicate-alias" in w and "docs/diagrams/context.md:5" in w for w in warnings)


def test_coverage_page_shows_gaps_both_ways(build_site: BuildSite) -> None:
    site = build_site(site_files())
    page = site.html("decisions/c4-coverage/")
    assert "2 of 3 systems and containers are named by at least one decision" in page
    gap = re.search(r'<tr class="madr-coverage__gap" data-madr-alias="api">.*?</tr>', page, re.S)
    assert gap is not None
    assert "no decision yet" in gap[0]
    unnamed = page[page.index("madr-coverage__unnamed") :]
    assert "Record decisions" in unnamed
    assert "Use Milvus" not in unnamed
    nav = site.html("")
    assert "Architecture coverage" in nav


def test_first_use_of_a_term_links_to_the_glossary(build_site: BuildSite) -> None:
    site = build_site(site_files())
    page = site.html("decisions/0002-use-nats/")
    article = page[page.index('class="md-content"') :]
    links = re.findall(r'<a class="madr-term" href="([^"]+)" title="([^"]+)">([^<]+)</a>', article)
    texts = [text for _, _, text in links]
    assert texts.count("NATS JetStream") == 1
    assert "NATS" in texts
    href, title, _ = links[texts.index("NATS JetStream")]
    assert href == "../../GLOSSARY/#term-nats-jetstream"
    assert title == "The persistence layer of NATS, with streams and consumers."
    assert "NATS JetStream in code stays as is" in article
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", article, re.S)[1]
    assert "madr-term" not in heading


def test_search_indexes_term_text_and_the_page_keeps_its_links(build_site: BuildSite) -> None:
    site = build_site(site_files())
    assert '<a class="madr-term"' in site.html("decisions/0002-use-nats/")
    index = site.json("search/search_index.json")
    texts = [
        d["text"] for d in index["docs"] if d["location"].startswith("decisions/0002-use-nats/")
    ]
    assert any("NATS JetStream in code stays as is" in text for text in texts)
    assert any("NATS JetStream" in text.replace("NATS JetStream in code", "") for text in texts)


def test_explicit_references_and_unknown_terms(build_site: BuildSite) -> None:
    site = build_site(site_files())
    page = site.html("decisions/0002-use-nats/")
    assert '<a class="madr-term" href="../../GLOSSARY/#term-milvus"' in page
    assert '<span class="madr-term-unknown">Kafka Connect</span>' in page
    assert any(
        w.startswith("madr: decisions/0002-use-nats.md:23: glossary-unknown-term")
        for w in site.warnings()
    ), site.warnings()


def test_docs_pages_link_only_explicit_references_by_default(build_site: BuildSite) -> None:
    site = build_site(site_files())
    notes = site.html("notes/")
    assert notes.count('class="madr-term"') == 1
    assert 'href="../GLOSSARY/#term-nats"' in notes


def test_glossary_links_everywhere_when_asked(build_site: BuildSite) -> None:
    site = build_site(site_files(), base_config(glossary_links="all"))
    assert site.html("notes/").count('class="madr-term"') == 3


def test_glossary_page_lists_the_decisions_using_each_term(build_site: BuildSite) -> None:
    site = build_site(site_files())
    page = site.html("GLOSSARY/")
    entry = re.search(r'<dt id="term-nats-jetstream">.*?</dd>', page, re.S)[0]
    assert "Used in" in entry
    assert 'href="../decisions/0002-use-nats/">ADR-0002: Use NATS JetStream as the bus</a>' in entry
    milvus = re.search(r'<dt id="term-milvus">.*?</dd>', page, re.S)[0]
    assert "ADR-0002" in milvus  # through the explicit [[Milvus]]
    assert "madr-term-usage:" not in page


def test_duplicate_glossary_term_is_reported(build_site: BuildSite) -> None:
    files = site_files()
    files["docs/GLOSSARY.md"] = GLOSSARY + "\nJetStream\n: Again.\n"
    site = build_site(files)
    assert any(
        w.startswith("madr: docs/GLOSSARY.md:12: glossary-duplicate-term") for w in site.warnings()
    ), site.warnings()


def test_the_bundled_example_links_every_decision_to_the_architecture() -> None:
    from mkdocs_madr.core.collection import load_collection
    from support import REPO

    collection = load_collection(REPO / "decisions")
    assert all(decision.c4 for decision in collection.decisions)


def test_definition_list_glossary_without_def_list_is_reported(build_site: BuildSite) -> None:
    config = base_config()
    config["markdown_extensions"] = ["attr_list"]
    site = build_site(site_files(), config)
    assert any(
        re.match(r"madr: docs/GLOSSARY\.md:\d+: glossary-needs-def-list: the glossary is", w)
        for w in site.warnings()
    ), site.warnings()
