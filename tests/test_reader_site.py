"""What the reader's pages hold, built by MkDocs: each fact once, numbers, neighbours, the
author's Mermaid from the configured copy, data for tools, and readable status colours."""

from __future__ import annotations

import re
from pathlib import Path

from support import BuildSite, base_config

MADR2 = """\
# Use MessagePack for messages

* Status: accepted
* Deciders: Ada, Grace
  and Linus
* Date: 2025-04-10
* Related: the event catalogue

Technical Story: payloads grew too large

## Considered Options

* JSON
* MessagePack

## Decision Outcome

Chosen option: "MessagePack", because it is compact.

## Pros and Cons of the Options

### JSON

* Good, because it is readable
* Bad, because it is large

### MessagePack

* Good, because it is compact

## Links

* [ADR-0001](0001-nygard.md)
"""
NYGARD = """\
Keep records
============

Date: 2025-03-01
C4: api

## Status

Accepted

## Context

Because.
"""
NYGARD_PROSE = """\
# 3. Keep a changelog

## Status

Accepted, once the team has read it.

## Context

x
"""


def records() -> dict[str, str]:
    return {
        "decisions/0001-nygard.md": NYGARD,
        "decisions/0002-madr2.md": MADR2,
        "decisions/0003-prose.md": NYGARD_PROSE,
    }


def article(page: str) -> str:
    return page[page.index("<article") : page.index("</article>")]


def test_the_authors_metadata_lines_are_said_once_by_the_header(build_site: BuildSite) -> None:
    site = build_site(records())
    page = article(site.html("decisions/0002-madr2/"))
    header = page[page.index('class="madr-header"') : page.index("</nav>")]
    body = page.replace(header, "")
    for said in ("Status: accepted", "Deciders: Ada", "and Linus", "Date: 2025-04-10"):
        assert said not in body, said
    assert "Technical Story: payloads" not in body
    assert "payloads grew too large" in header
    assert "<li>Related: the event catalogue</li>" in body  # not the header's to say
    assert (site.root / "decisions/0002-madr2.md").read_text() == MADR2  # never the file


def test_a_nygard_record_keeps_a_status_section_that_says_more(build_site: BuildSite) -> None:
    site = build_site(records())
    nygard = article(site.html("decisions/0001-nygard/"))
    assert "Date: 2025-03-01" not in nygard
    assert "C4: api" not in nygard
    assert 'id="status"' not in nygard  # only "Accepted": the badge says it
    assert '<span class="madr-number">ADR-0001</span> Keep records</h1>' in nygard  # setext
    assert nygard.index("</h1>") < nygard.index('class="madr-header"')
    prose = article(site.html("decisions/0003-prose/"))
    assert 'id="status"' in prose
    assert "once the team has read it" in prose


def test_a_superseded_status_section_is_the_banners_to_say(build_site: BuildSite) -> None:
    old = "# 4. The old way\n\n## Status\n\nSuperseded by [3. Keep a changelog](0003-prose.md)\n"
    site = build_site({**records(), "decisions/0004-old.md": old + "\n## Context\n\nx\n"})
    page = article(site.html("decisions/0004-old/"))
    assert 'id="status"' not in page
    assert "madr-banner--supersedes" in page or "madr-banner--superseded-by" in page


def test_the_pros_and_cons_fold_under_the_comparison(build_site: BuildSite) -> None:
    site = build_site(records())
    page = article(site.html("decisions/0002-madr2/"))
    fold = re.search(
        r'<details class="madr-pros"><summary>(.*?)</summary>(.*?)</details>', page, re.S
    )
    assert fold is not None
    assert fold[1] == "The pros and cons as written"
    assert 'id="pros-and-cons-of-the-options"' in fold[2]
    assert "Bad, because it is large" in fold[2]
    assert 'id="links"' not in fold[2]  # the next section stays out
    assert page.index('class="madr-compare"') < page.index('id="decision-outcome"')
    assert page.index('id="decision-outcome"') < page.index("madr-pros")
    assert page.count("Chosen option") == 1


def test_a_record_links_the_records_before_and_after_it(build_site: BuildSite) -> None:
    site = build_site(records())
    pager = re.search(r'<nav class="madr-pager".*?</nav>', site.html("decisions/0002-madr2/"))
    assert pager is not None
    assert 'href="../0001-nygard/" rel="prev"' in pager[0]
    assert "ADR-0001: Keep records" in pager[0]
    assert 'href="../0003-prose/" rel="next"' in pager[0]
    first = site.html("decisions/0001-nygard/")
    assert "madr-pager__next" in first
    assert "madr-pager__previous" not in first


def test_the_authors_mermaid_comes_from_the_configured_copy(
    build_site: BuildSite, tmp_path: Path
) -> None:
    script = tmp_path / "project" / "mermaid.js"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text("window.mermaid = {};\n", encoding="utf-8")
    config = base_config(mermaid_js="mermaid.js")
    # What pymdownx.superfences makes of a `mermaid` fence, and Material draws.
    block = '<pre class="mermaid"><code>flowchart LR\n  a --> b</code></pre>'
    files = {**records(), "docs/flow.md": f"# Flow\n\n{block}\n"}
    site = build_site(files, config)
    flow = site.html("flow/")
    assert '<script src="../assets/madr/mermaid.min.js" defer></script></head>' in flow
    assert "mermaid.min.js" not in site.html("")  # only where a diagram needs it


def test_decisions_json_has_absolute_urls_with_a_site_url(build_site: BuildSite) -> None:
    config = base_config()
    config["site_url"] = "https://adr.example.org/docs/"
    site = build_site(records(), config)
    urls = [record["url"] for record in site.json("decisions.json")["decisions"]]
    assert urls[0] == "https://adr.example.org/docs/decisions/0001-nygard/"
    plain = build_site(records())
    assert plain.json("decisions.json")["decisions"][0]["url"] == "decisions/0001-nygard/"


def test_status_colours_are_readable_or_reported(build_site: BuildSite) -> None:
    config = base_config(statuses={"accepted": "#ffeb3b", "proposed": "teal", "draft": "#1565c0"})
    site = build_site(records(), config)
    badge = re.search(
        r'<span class="madr-status madr-status--accepted" style="([^"]*)"', site.html("")
    )
    log = site.html("decisions/")
    accepted = re.search(r'class="madr-status madr-status--accepted" style="([^"]*)"', log)
    assert accepted is not None
    assert accepted[1] == "--madr-status-color: #ffeb3b; color: #000"  # white would not read
    assert badge is None or badge[1] == accepted[1]
    warnings = [w for w in site.warnings() if "status-colour" in w]
    assert len(warnings) == 1
    expected = r"madr: mkdocs\.yml:\d+: status-colour: status 'proposed': cannot check .* 'teal'.*"
    assert re.fullmatch(expected, warnings[0]), warnings
