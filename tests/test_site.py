"""Real `mkdocs build` runs of small sites, asserting on the HTML the plugin produces."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from support import REPO, BuildSite, base_config, write_tree

OLD = """
# Use JSON for messages

* Status: accepted
* Deciders: Ada, Grace
* Date: 2025-03-04

## Considered Options

* JSON
* XML

## Decision Outcome

Chosen option: "JSON", because every service speaks it.
"""

NEW = """
---
status: accepted
date: 2025-04-10
decision-makers: [Ada]
consulted: [Platform team]
informed: [Everyone]
tags: [messaging, encoding]
supersedes: ["0001"]
---
# Use MessagePack for messages

Technical story: see [TICKET-9](https://tracker.example/9)

## Decision Drivers

* **Size** – payloads on the wire
* **Speed** – encode and decode time

## Considered Options

* MessagePack
* Protocol Buffers
* JSON

## Decision Outcome

Chosen option: "MessagePack", because it is compact and needs no schema compiler.

## Pros and Cons of the Options

### MessagePack

* Good, because size is about half of JSON
* Good, because speed is high in every language
* Neutral, because it is binary

### Protocol Buffers

* Good, because size is the smallest
* Bad, because speed suffers from code generation steps

### JSON

* Bad, because size is large
"""

PROPOSED = """
# 3. Adopt an event catalogue

Date: 2025-05-01

## Status

Proposed

Amends [2. Use MessagePack](0002-use-messagepack.md)

## Context

We need a catalogue.

## Decision

We will write one.

## Consequences

More docs.
"""


def records() -> dict[str, str | bytes]:
    return {
        "decisions/0001-use-json.md": OLD,
        "decisions/0002-use-messagepack.md": NEW,
        "decisions/0003-event-catalogue.md": PROPOSED,
    }


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def squash(text: str) -> str:
    return " ".join(text.split())


def test_record_page_has_header_with_metadata(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("decisions/0002-use-messagepack/")
    start = page.index('class="madr-header"')
    header = page[start : page.index("</div>", start)]
    assert "madr-status--accepted" in header
    assert 'datetime="2025-04-10">2025-04-10</time>' in header
    assert "<b>Decision-makers</b> Ada</span>" in header
    assert "<b>Consulted</b> Platform team</span>" in header
    assert "<b>Informed</b> Everyone</span>" in header
    assert 'href="../?tag=messaging"' in header
    assert '<a href="https://tracker.example/9">TICKET-9</a>' in header
    assert page.index('class="madr-header"') > page.index("<h1")


def test_banners_link_both_ways_even_when_one_side_states_it(build_site: BuildSite) -> None:
    site = build_site(records())
    old = site.html("decisions/0001-use-json/")
    new = site.html("decisions/0002-use-messagepack/")
    assert re.search(
        r'madr-banner--superseded-by.*?href="\.\./0002-use-messagepack/">ADR-0002: Use MessagePack',
        old,
        re.S,
    )
    assert re.search(r'madr-banner--supersedes.*?href="\.\./0001-use-json/">ADR-0001', new, re.S)
    assert re.search(r'madr-banner--amended-by.*?href="\.\./0003-event-catalogue/"', new, re.S)


def test_one_sided_supersede_is_a_warning_with_file_and_line(build_site: BuildSite) -> None:
    site = build_site(records())
    assert any(
        w.startswith("madr: decisions/0002-use-messagepack.md:8: one-sided-supersede")
        for w in site.warnings()
    ), site.warnings()


def test_comparison_table_marks_the_chosen_option(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("decisions/0002-use-messagepack/")
    table = page[page.index('class="madr-compare"') : page.index("</table>")]
    chosen = re.findall(r'<tr class="madr-compare__chosen".*?</tr>', table, re.S)
    assert len(chosen) == 1
    assert "MessagePack" in chosen[0]
    assert 'title="Good arguments: 2">2<' in chosen[0]
    assert 'title="Neutral arguments: 1">1<' in chosen[0]
    assert "Neutral" in table
    # The record says which option it chose, and why, in its own words: once.
    assert "madr-justification" not in page
    assert page.count("because it is compact and needs no schema compiler") == 1
    # The comparison sits after the considered options, before the outcome.
    assert page.index("madr-compare") < page.index('id="decision-outcome"')
    assert page.index('id="considered-options"') < page.index("madr-compare")


def test_drivers_by_options_matrix(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("decisions/0002-use-messagepack/")
    matrix = page[page.index('class="madr-matrix"') :]
    matrix = matrix[: matrix.index("</table>")]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", matrix, re.S)
    cells = {driver: re.findall(r'"madr-matrix__cell">(.*?)<', rest) for driver, rest in rows}
    assert cells["Size – payloads on the wire"] == ["+", "+", "−"]
    assert cells["Speed – encode and decode time"] == ["+", "−", "·"]


def test_record_body_renders_as_written(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("decisions/0002-use-messagepack/")
    assert 'id="pros-and-cons-of-the-options"' in page
    assert "Good, because size is about half of JSON" in page
    assert "status: accepted" not in page  # front matter is metadata, not text


def test_edit_link_points_at_the_real_source(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("decisions/0001-use-json/")
    assert 'href="https://github.com/example/repo/edit/main/decisions/0001-use-json.md"' in page


def test_index_lists_every_record_with_columns(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("decisions/")
    rows = re.findall(r"<tr data-key=.*?</tr>", page, re.S)
    assert len(rows) == 3
    first = squash(text_of(rows[1]))
    expected = "ADR-0002 Use MessagePack for messages Accepted 2025-04-10 Ada MessagePack"
    assert first == f"{expected} messaging encoding"
    assert '<a class="madr-tag" href="?tag=messaging">messaging</a>' in rows[1]
    assert '<a href="?decider=Ada">Ada</a>' in rows[1]
    assert 'href="0002-use-messagepack/"' in rows[1]
    counts = page[page.index("madr-index__counts") :]
    counts = counts[: counts.index("</p>")]
    assert squash(text_of(counts)).endswith("Proposed 1 Accepted 2")
    assert 'href="timeline/"' in page
    assert 'href="graph/"' in page
    assert "<select" in page
    assert "data-madr-filters hidden" in page


def test_index_directive_with_filters_in_any_page(build_site: BuildSite) -> None:
    files = records()
    files["docs/summary.md"] = """
    # Summary

    <!-- madr:index status=proposed -->

    ```
    <!-- madr:index -->
    ```
    """
    site = build_site(files)
    page = site.html("summary/")
    rows = re.findall(r"<tr data-key=\"\w+\" data-status=\"(\w+)\"", page)
    assert rows == ["proposed"]
    assert 'href="../decisions/0003-event-catalogue/"' in page
    assert "&lt;!-- madr:index --&gt;" in page  # inside a code block: shown, not expanded


def test_unknown_directive_is_reported(build_site: BuildSite) -> None:
    files = records()
    files["docs/x.md"] = "# X\n\n<!-- madr:indx -->\n"
    site = build_site(files)
    assert any("docs/x.md:3: unknown-directive" in w for w in site.warnings()), site.warnings()


def test_compare_directive(build_site: BuildSite) -> None:
    files = records()
    files["docs/stack.md"] = "# Stack\n\n<!-- madr:compare 2 -->\n\n<!-- madr:compare 99 -->\n"
    site = build_site(files)
    page = site.html("stack/")
    assert "Options considered in Use MessagePack for messages" in page
    assert 'href="../decisions/0002-use-messagepack/">Read the decision' in page
    assert any("docs/stack.md:5" in w and "no record '99'" in w for w in site.warnings())


def test_timeline_newest_first_grouped_by_month(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("decisions/timeline/")
    months = re.findall(r'data-madr-month="([\w-]+)"', page)
    assert months == ["2025-05", "2025-04", "2025-03"]
    assert "May 2025" in page
    timeline = page[page.index('class="madr-timeline"') :]
    assert timeline.index("Adopt an event catalogue") < timeline.index("Use JSON for messages")


def test_graph_is_mermaid_with_clickable_nodes_and_a_list(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("decisions/graph/")
    source = html.unescape(re.search(r'madr-mermaid__source" hidden>(.*?)</pre>', page, re.S)[1])
    assert "\n---\nflowchart LR\n" in source
    label = "ADR-0002: Use MessagePack for messages<br/><i>Accepted</i>"
    assert f'n1["{label}"]:::st_accepted' in source
    assert "n1 ==>|supersedes| n0" in source
    assert "n2 -.->|amends| n1" in source
    links = html.unescape(re.search(r"data-madr-links='(.*?)'", page)[1])
    assert '"n0": "../0001-use-json/"' in links
    assert "Relations as a list" in page


def test_decisions_json_matches_the_cli(build_site: BuildSite, tmp_path: Path) -> None:
    from click.testing import CliRunner
    from mkdocs_madr.cli.main import cli

    site = build_site(records())
    published = site.json("decisions.json")
    result = CliRunner().invoke(
        cli,
        [
            "list",
            "--format",
            "json",
            "--dir",
            str(site.root / "decisions"),
            "--config-file",
            str(site.root / "mkdocs.yml"),  # the site's settings, not the working folder's
        ],
    )
    assert result.exit_code == 0, result.output
    import json

    listed = json.loads(result.stdout)
    for entry in published["decisions"]:
        entry.pop("url")
    assert published["decisions"] == listed["decisions"]
    assert [d["id"] for d in listed["decisions"]] == ["0001", "0002", "0003"]


def test_navigation_gets_a_decisions_section(build_site: BuildSite) -> None:
    site = build_site(records())
    page = site.html("")
    nav = page[page.index('class="md-nav md-nav--primary"') :]
    titles = re.findall(r'class="md-nav__link[^"]*"[^>]*>\s*(?:<span[^>]*>)?\s*([^<]+?)\s*<', nav)
    assert "Decision log" in titles
    first, second = "ADR-0001: Use JSON for messages", "ADR-0002: Use MessagePack for messages"
    assert titles.index(first) < titles.index(second)


def test_a_record_is_named_by_its_number_in_heading_tab_and_navigation(
    build_site: BuildSite,
) -> None:
    files = records()
    files["decisions/0004-use-nats.md"] = (
        "# 4. Use NATS & JetStream\n\nDate: 2025-03-01\n\n## Status\n\nAccepted\n\n"
        "## Context\n\nx\n\n## Decision\n\ny\n"
    )
    site = build_site(files)
    page = site.html("decisions/0004-use-nats/")
    nav = page[page.index('class="md-nav md-nav--primary"') : page.index('class="md-content"')]
    assert "ADR-0004: Use NATS &amp; JetStream" in nav
    assert "4. Use NATS" not in nav
    assert "<title>ADR-0004: Use NATS &amp; JetStream" in page
    heading = '<span class="madr-number">ADR-0004</span> Use NATS &amp; JetStream</h1>'
    assert heading in page  # "4." gives way to the record's number
    assert (site.root / "decisions/0004-use-nats.md").read_text().startswith("# 4. Use NATS")


def test_generated_pages_hide_the_empty_table_of_contents(build_site: BuildSite) -> None:
    site = build_site(records())
    assert 'data-md-component="toc"' in site.html("decisions/0001-use-json/")
    for path in ("decisions/", "decisions/timeline/", "decisions/graph/"):
        assert 'data-md-component="toc"' not in site.html(path), path


def test_explicit_nav_with_decisions_is_respected(build_site: BuildSite) -> None:
    config = base_config()
    config["nav"] = ["index.md", {"Why": "decisions/0002-use-messagepack.md"}]
    site = build_site(records(), config)
    page = site.html("")
    assert "Use JSON for messages" not in page[page.index("md-nav--primary") :][:4000]
    assert ">\n    Why\n" in page or "Why" in page


def test_nav_lists_only_index_pages_above_the_threshold(build_site: BuildSite) -> None:
    config = base_config(nav_threshold=2)
    site = build_site(records(), config)
    nav = site.html("")
    nav = nav[nav.index("md-nav--primary") :]
    assert "Timeline" in nav
    assert "Use JSON for messages" not in nav


def test_broken_record_is_reported_and_the_site_still_builds(build_site: BuildSite) -> None:
    files = records()
    files["decisions/0004-broken.md"] = "---\nstatus: [unclosed\n---\n# Broken\n\nText.\n"
    files["decisions/0005-latin1.md"] = "# Caf\xe9\n".encode("latin-1")
    site = build_site(files)
    assert any(
        w.startswith("madr: decisions/0004-broken.md:3: invalid-front-matter")
        for w in site.warnings()
    ), site.warnings()
    assert any(w.startswith("madr: decisions/0005-latin1.md:1: not-utf8") for w in site.warnings())
    assert "Use MessagePack for messages" in site.html("decisions/")
    assert (site.site_dir / "decisions/0004-broken/index.html").is_file()


def test_strict_build_fails_on_a_broken_record(build_site: BuildSite) -> None:
    files = records()
    files["decisions/0002-use-messagepack.md"] = NEW.replace('supersedes: ["0001"]', "")
    files["decisions/0001-use-json.md"] = OLD.replace(
        "* Status: accepted", "* Status: superseded by [ADR-0002](0002-use-messagepack.md)"
    )
    files["decisions/0004-no-status.md"] = (
        "# No status here\n\n## Context\n\nx\n\n## Decision\n\ny\n"
    )
    with pytest.raises(Abort):
        build_site(files, strict=True)


def test_levels_per_code_decide_what_fails_strict(build_site: BuildSite) -> None:
    files = records()
    files["decisions/0004-no-status.md"] = (
        "# No status here\n\n## Context\n\nx\n\n## Decision\n\ny\n"
    )
    config = base_config(diagnostics={"missing-status": "info", "one-sided-supersede": "ignore"})
    site = build_site(files, config, strict=True)
    assert any("missing-status" in message for message in site.infos())
    assert not any("one-sided-supersede" in text for _, text in site.messages)


def test_unknown_code_in_levels_is_a_plugin_error(build_site: BuildSite) -> None:
    with pytest.raises((PluginError, Abort)):
        build_site(records(), base_config(diagnostics={"missing-stat": "info"}))
    assert any("unknown code 'missing-stat'" in text for text in build_site.errors())


def test_missing_decisions_dir_is_a_plugin_error(build_site: BuildSite) -> None:
    with pytest.raises((PluginError, Abort)):
        build_site({}, base_config(decisions_dir="adr"))
    assert any("decisions_dir 'adr' is not a folder" in text for text in build_site.errors())


def test_nothing_is_written_to_the_authors_tree(build_site: BuildSite, tmp_path: Path) -> None:
    root = tmp_path / "project"
    build_site(records())

    def snapshot() -> dict[str, str]:
        return {
            str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for folder in ("docs", "decisions")
            for path in sorted((root / folder).rglob("*"))
            if path.is_file()
        }

    before = snapshot()
    build_site({})
    assert snapshot() == before


def test_status_and_deciders_are_in_the_search_index(build_site: BuildSite) -> None:
    site = build_site(records())
    index = site.json("search/search_index.json")
    entries = [
        d for d in index["docs"] if d["location"].startswith("decisions/0002-use-messagepack/")
    ]
    text = " ".join(entry["text"] for entry in entries)
    assert "ADR-0002 · Status: Accepted" in text
    assert "Ada" in text
    assert entries[0]["title"].startswith("ADR-0002")  # searching "ADR-0002" finds it
    # Only search reads that summary: the page shows the header instead.
    page = site.html("decisions/0002-use-messagepack/")
    assert "madr-summary" not in page
    assert "madr-header" in page


def test_status_meta_does_not_reach_material(build_site: BuildSite) -> None:
    site = build_site(records())
    assert "md-status--accepted" not in site.html("decisions/0002-use-messagepack/")


def test_records_inside_docs_dir_use_the_existing_pages(build_site: BuildSite) -> None:
    files = {f"docs/adr/{name.split('/')[-1]}": text for name, text in records().items()}
    site = build_site(files, base_config(decisions_dir="docs/adr"))
    page = site.html("adr/0002-use-messagepack/")
    assert 'class="madr-header"' in page
    assert (
        'href="https://github.com/example/repo/edit/main/docs/adr/0002-use-messagepack.md"' in page
    )
    assert "Use JSON for messages" in site.html("adr/")


def test_builds_with_the_mkdocs_theme(build_site: BuildSite) -> None:
    config = base_config()
    config["theme"] = {"name": "mkdocs"}
    site = build_site(records(), config, strict=False)
    page = site.html("decisions/0002-use-messagepack/")
    assert 'class="madr-compare"' in page
    assert "assets/madr/madr.css" in page


def test_disabled_plugin_publishes_nothing(build_site: BuildSite) -> None:
    site = build_site(records(), base_config(enabled=False))
    assert not (site.site_dir / "decisions").exists()
    assert not (site.site_dir / "decisions.json").exists()


def test_template_overrides_come_first(build_site: BuildSite) -> None:
    files = records()
    files["overrides/madr/timeline.html"] = (
        '<div class="my-timeline">{{ months | length }} months</div>'
    )
    site = build_site(files, base_config(templates_dir="overrides/madr"))
    assert '<div class="my-timeline">3 months</div>' in site.html("decisions/timeline/")


def generated_fragments(page: str) -> list[str]:
    """The HTML blocks the plugin inserted (header, comparison, index, timeline)."""
    found = []
    for name in ("madr-header", "madr-compare", "madr-index", "madr-timeline"):
        for match in re.finditer(rf'<div class="{name}"', page):
            start = match.start()
            depth, position = 0, start
            for tag in re.finditer(r"<(/?)div\b", page[start:]):
                depth += -1 if tag[1] else 1
                if depth == 0:
                    position = start + tag.end()
                    break
            found.append(page[start:position])
    return found


def test_record_content_is_escaped_everywhere(build_site: BuildSite) -> None:
    evil = """
    ---
    status: "accepted <img src=x onerror=alert(1)>"
    decision-makers: ["<script>alert(2)</script>"]
    tags: ["x' onmouseover='alert(3)", "<b>t</b>"]
    ---
    # {{ 7 * 7 }} &lt;b&gt;

    ## Considered Options

    * `<script>alert(4)</script>`
    * "quoted" option

    ## Decision Outcome

    Chosen option: "`<script>alert(4)</script>`", because {% if x %}y{% endif %} `<i>`.
    """
    site = build_site({"decisions/0001-evil.md": evil})
    seen = 0
    for page in ("decisions/0001-evil/", "decisions/", "decisions/timeline/"):
        for fragment in generated_fragments(site.html(page)):
            seen += 1
            assert "<script" not in fragment
            assert "<img" not in fragment
            assert "<b>t</b>" not in fragment
            assert "<i>" not in fragment
            assert "onmouseover='alert" not in fragment
            assert "49" not in fragment
    assert seen >= 4
    index = generated_fragments(site.html("decisions/"))[0]
    assert "{{ 7 * 7 }} &lt;b&gt;" in index
    compare = generated_fragments(site.html("decisions/0001-evil/"))[1]
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in compare


def test_local_mermaid_copy_is_published(build_site: BuildSite, tmp_path: Path) -> None:
    files = records()
    files["vendor/mermaid.min.js"] = "window.mermaid = {};"
    site = build_site(files, base_config(mermaid_js="vendor/mermaid.min.js"))
    assert (site.site_dir / "assets/madr/mermaid.min.js").is_file()
    assert 'data-madr-src="../../assets/madr/mermaid.min.js"' in site.html("decisions/graph/")


def test_serve_watches_the_decisions_folder(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    write_tree(tmp_path, {**records(), "docs/index.md": "# Home\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [madr]\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["madr"]
    config.plugins.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=config, builder=lambda: None)
    assert str((tmp_path / "decisions").resolve()) in server.watched


def test_bundled_example_builds_strict(tmp_path: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(REPO / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    build(config)
    assert (tmp_path / "site/decisions/index.html").is_file()


def test_every_option_and_code_is_documented() -> None:
    from mkdocs_madr.core.diagnostics import CODE_INFO
    from mkdocs_madr.plugin.config import MadrConfig

    configuration = (REPO / "docs/using/configuration.md").read_text(encoding="utf-8")
    for name, _ in MadrConfig._schema:
        assert f"| `{name}` |" in configuration, name
    diagnostics = (REPO / "docs/using/diagnostics.md").read_text(encoding="utf-8")
    for code, (severity, meaning) in CODE_INFO.items():
        assert f"| `{code.value}` | {severity.value} | {meaning} |" in diagnostics, code


def test_serve_rebuild_parses_only_the_edited_record(tmp_path: Path) -> None:
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    write_tree(tmp_path, {**records(), "docs/index.md": "# Home\n"})
    for number in range(4, 70):  # enough records for the background workers to start
        write_tree(
            tmp_path,
            {f"decisions/{number:04d}-more.md": f"# More {number}\n\n* Status: accepted\n"},
        )
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [madr]\n", encoding="utf-8")
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    from mkdocs_madr.plugin.reporting import log

    logger = log.logger
    handler, level = Collect(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        for attempt in range(2):
            config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
            if attempt == 0:
                config.plugins.on_startup(command="serve", dirty=False)
            else:
                edited = tmp_path / "decisions/0001-use-json.md"
                edited.write_text(OLD.replace("every service speaks it", "it is everywhere"))
            build(config)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    counts = [m for m in messages if "records (" in m]
    assert counts[0].endswith("(69 parsed, 0 from cache)"), counts
    assert counts[1].endswith("(1 parsed, 68 from cache)"), counts
    page = (tmp_path / "site/decisions/0001-use-json/index.html").read_text(encoding="utf-8")
    assert "because it is everywhere" in page
    other = (tmp_path / "site/decisions/0002-use-messagepack/index.html").read_text()
    assert 'class="madr-compare"' in other


def test_every_golden_fixture_builds_into_one_site(build_site: BuildSite, tmp_path: Path) -> None:
    """All dialects and quirks at once, as categories: the build finishes, every record is in
    the index, and broken ones are diagnostics, not failures."""
    import shutil

    from mkdocs_madr.core.collection import load_collection
    from support import FIXTURES

    root = tmp_path / "project"
    shutil.copytree(
        FIXTURES / "records", root / "decisions", ignore=shutil.ignore_patterns("*.json")
    )
    expected = len(load_collection(root / "decisions").decisions)
    site = build_site({}, root=root)
    rows = re.findall(r"<tr data-key=", site.html("decisions/"))
    assert len(rows) == expected > 50
    assert not [m for level, m in site.messages if level >= 40]  # no errors


def test_toml_front_matter_is_read_and_not_shown(build_site: BuildSite) -> None:
    """Hugo and Zola write front matter in TOML between `+++` lines: the record takes its title
    from it, and its page shows neither the block nor the comment lines in it as headings."""
    record = (
        '+++\n# Copyright line\ntitle = "ADR-0004: Use a queue"\nweight = 4\n+++\n\n'
        "- Status: accepted\n- Date: 2024-05-09\n\n## Context and Problem Statement\n\n"
        "Jobs pile up.\n"
    )
    site = build_site({"decisions/20240509-adr-0004-use-a-queue.md": record})
    page = site.html("decisions/20240509-adr-0004-use-a-queue/")
    article = page[page.index("<article") : page.index("</article>")]
    assert "+++" not in article
    assert "weight" not in article
    assert "Copyright" not in article
    assert "ADR-0004" in squash(text_of(article))
    assert "Use a queue" in text_of(article)
    assert "madr-status--accepted" in article
