"""Hostile record metadata, titles, options, file names, glossary entries and C4 labels.

What the plugin generates from them (headers, comparisons, the index, timeline, relation graph,
C4 element tables, glossary links and usage lists, decisions.json) must print them as text:
no markup, no event handlers, no `javascript:` links, no Jinja evaluation, no Mermaid syntax.

The author's own Markdown body is rendered by MkDocs as the author wrote it, raw HTML included.
So the hostile strings below reach the body only as code spans or HTML entities (harmless
there), and reach the plugin as literal text through its plain-text reading of titles, options,
arguments and metadata. Assertions look at the generated fragments only.

`test_browser_injection.py` loads the same site in Chromium.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from support import BuildSite, Site, base_config

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
JS_URL = "javascript:window.__pwned=3"
DOUBLE_QUOTE = '" onmouseover="window.__pwned=4'
SINGLE_QUOTE = "' onfocus='window.__pwned=5' autofocus x='"
JINJA = "{{ 7*7 }} {% raw %} {{ config }}"
END_PRE = "</pre><script>window.__pwned=6</script>"
END_SCRIPT = "</script><script>window.__pwned=7</script>"
OPEN_HTML = '<div onmouseover="window.__pwned=8"'
SVG = "<svg onload=window.__pwned=9>"
MERMAID_CLICK = '"]; click n0 call alert(1)'
MERMAID_INIT = "%%{init: {'securityLevel':'loose'}}%%"
MERMAID_THEME = "%%{init: {'theme':'forest'}}%%"

STORY = (
    f'[click]({JS_URL}) {JS_URL} {IMG} [ok](https://example.com/a"onmouseover="x) '
    "<a href='javascript:window.__pwned=3'>raw</a>"
)
HOLD = f'on hold " onmouseover="window.__pwned=4 {IMG}'


def _yaml(value: object) -> str:
    return json.dumps(value)  # JSON is YAML, and quotes every hostile character for us


def _code(text: str) -> str:
    return f"`{text}`"


ENTITY_IMG = '&lt;img src=x onerror="window.__pwned=2"&gt;'
TITLE_0001 = (
    f"Use `{SCRIPT}` {ENTITY_IMG} {{{{ 7*7 }}}} {DOUBLE_QUOTE} {MERMAID_CLICK} {MERMAID_INIT} "
    "&lt;br/&gt;"
)
CHOSEN_0001 = f'Chosen option: "`{SCRIPT}`", because {ENTITY_IMG} and {{{{ 7*7 }}}} `{END_SCRIPT}`.'
ENTITY_END_PRE = "&lt;/pre&gt;&lt;script&gt;window.__pwned=6&lt;/script&gt;"


MADR4 = f"""
---
status: accepted
date: 2025-01-02
decision-makers: {_yaml([_code(SCRIPT), DOUBLE_QUOTE, SCRIPT])}
consulted: {_yaml([_code(IMG), SINGLE_QUOTE])}
informed: {_yaml([_code(JINJA), _code(END_SCRIPT), OPEN_HTML + "><textarea><!--"])}
tags: {_yaml([_code(SCRIPT), SINGLE_QUOTE, _code(JINJA), _code("</script>"), JS_URL])}
technical-story: {_yaml(STORY)}
c4: {_yaml(["evil_api", _code(IMG)])}
relates-to: ["0002"]
---
# {TITLE_0001}

## Context and Problem Statement

We talk about Widget {{{{ 7*7 }}}}, about Gadget {DOUBLE_QUOTE}, about Sprocket, and about
[[Sprocket]] again.

## Decision Drivers

* **`{SCRIPT}`** – the first driver
* **{{{{ 7*7 }}}}** – the second driver

## Considered Options

* `{SCRIPT}`
* {ENTITY_IMG}
* {DOUBLE_QUOTE}
* Jinja {JINJA}
* `{END_PRE}`
* Open {OPEN_HTML}

## Decision Outcome

{CHOSEN_0001}

## Pros and Cons of the Options

### `{SCRIPT}`

* Good, because `{SCRIPT}` is the first driver
* Neutral, because {SINGLE_QUOTE}
* Bad, because {ENTITY_IMG}

### {DOUBLE_QUOTE}

* Good, because {{{{ 7*7 }}}} is the second driver
* Bad, because `{END_SCRIPT}` and {JS_URL}
"""

MADR2 = f"""
# Record &lt;script&gt;window.__pwned=1&lt;/script&gt; "]; click n1 call alert(1) {MERMAID_THEME}

* Status: superseded by [ADR-0003](0003-nygard-evil.md)
* Deciders: `{IMG}`, &quot; onmouseover=&quot;window.__pwned=4
* Date: 2025-02-03
* Tags: `{{{{ 7*7 }}}}`, `{END_SCRIPT}`
* Technical Story: `[ticket]({JS_URL})` https://example.com/x"onmouseover="window.__pwned=4

## Context and Problem Statement

Plain context mentioning Sprocket.

## Considered Options

* {ENTITY_END_PRE}
* `{SINGLE_QUOTE}`

## Decision Outcome

Chosen option: "{ENTITY_END_PRE}", because {{{{ config }}}}.
"""

NYGARD = f"""
# 3. Nygard {ENTITY_IMG} {{{{ 7*7 }}}} `{END_PRE}`

Date: 2025-03-04
C4: evil_api

## Status

Accepted

Supercedes [2. Record](0002-madr2-evil.md)

## Context

Gadget {DOUBLE_QUOTE} matters here.

## Decision

We decide.

## Consequences

Some.
"""

LOG4BRAINS = f"""
# `{END_SCRIPT}` log4brains &lt;svg onload=window.__pwned=9&gt;

- Status: draft
- Deciders: `{{% raw %}}`, `{SVG}`
- Date: 2025-04-05
- Tags: `{SVG}`, {JS_URL}

## Context and Problem Statement

Context.

## Considered Options

* Option &lt;b&gt;bold&lt;/b&gt;
* Other

## Decision Outcome

Chosen option: "Other", because reasons.
"""


def _untitled(status: str, relates: list[str]) -> str:
    """A record without an H1: its file name stands for its title."""
    return f"""
    ---
    status: {_yaml(status)}
    date: 2025-05-06
    relates-to: {_yaml(relates)}
    ---
    ## Context and Problem Statement

    No title here; the file name stands for it.

    ## Considered Options

    * One
    * Two

    ## Decision Outcome

    Chosen option: "One", because it is first.
    """


WIDGET = f"`{SCRIPT}` {ENTITY_IMG} {DOUBLE_QUOTE} {JS_URL} `{END_SCRIPT}` {{{{ config }}}}"
GLOSSARY = f"""
# Glossary

Widget {{{{ 7*7 }}}}
: {WIDGET}

Gadget {DOUBLE_QUOTE}
: A gadget {SINGLE_QUOTE} {{% raw %}}

Sprocket
: {ENTITY_END_PRE} `[link]({JS_URL})`
"""

WIDGET_TOOLTIP = f"{SCRIPT} {IMG} {DOUBLE_QUOTE} {JS_URL} {END_SCRIPT} {{{{ config }}}}"
GADGET_TOOLTIP = f"A gadget {SINGLE_QUOTE} {{% raw %}}"
SPROCKET_TOOLTIP = f"{END_PRE} [link]({JS_URL})"
GADGET_ANCHOR = "term-gadget-onmouseover-window-__pwned-4"

C4_LABELS = {
    "operator": "<img src=x onerror=window.__pwned=2>",
    "lab": END_PRE,
    "evil_api": END_SCRIPT,
    "evil_db": "Plain DB",
}
C4_DESCRIPTION = "{{ 7*7 }} {% raw %} <br/> <b>b</b>"
C4_SOURCE = "\n".join(
    [
        "C4Container",
        f"  title Containers {SCRIPT} {{{{ 7*7 }}}}",
        f'  Person(operator, "{C4_LABELS["operator"]}", "{SINGLE_QUOTE}")',
        f'  System_Boundary(lab, "{END_PRE}") {{',
        f'    ContainerQueue(evil_api, "{END_SCRIPT}", "{JS_URL}", "{C4_DESCRIPTION}")',
        f'    Container(evil_db, "Plain DB", "{C4_LABELS["operator"]}", "]; click evil_db call x")',
        "  }",
        f'  Rel(operator, evil_api, "{SCRIPT}", "{JS_URL}")',
        "",
    ]
)
CONTAINERS = f"# Containers\n\n```mermaid\n{C4_SOURCE}```\n\nAfter the diagram.\n"

OVERVIEW = """
# Overview

<!-- madr:index -->

<!-- madr:compare 0001 -->

<!-- madr:timeline -->

<!-- madr:graph -->

<!-- madr:c4-coverage -->
"""

# File names: everything but `/` is allowed on the file systems the tests run on.
NAMED = {
    f"0005-{C4_LABELS['operator']}": _untitled(f"`{SCRIPT}`", ["0001"]),
    f"0006-{DOUBLE_QUOTE}": _untitled(HOLD, ["0005"]),
    "0007-{{ 7*7 }} {% raw %}": _untitled("proposed", ["0006"]),
    f"0008-{JS_URL}": _untitled("accepted", ["0007"]),
    "0009-' onfocus='window.__pwned=5' x='": _untitled("accepted", ["0008"]),
    JS_URL: _untitled("accepted", ["0009"]),
}
CATEGORY = SVG


def hostile_files(mermaid: str = "vendor/mermaid.min.js") -> dict[str, str | bytes]:
    """The hostile site; `mermaid` is where its Mermaid comes from (a stub unless given)."""
    files: dict[str, str | bytes] = {
        "decisions/0001-madr4-evil.md": MADR4,
        "decisions/0002-madr2-evil.md": MADR2,
        "decisions/0003-nygard-evil.md": NYGARD,
        "decisions/20250405-log4brains-evil.md": LOG4BRAINS,
        f"decisions/{CATEGORY}/0001-in-category.md": _untitled("accepted", []),
        "docs/GLOSSARY.md": GLOSSARY,
        "docs/diagrams/containers.md": CONTAINERS,
        "docs/overview.md": OVERVIEW,
    }
    files.update({f"decisions/{name}.md": text for name, text in NAMED.items()})
    if mermaid == "vendor/mermaid.min.js":
        files[mermaid] = "window.mermaid = {};"
    return files


def hostile_config(mermaid: str = "vendor/mermaid.min.js", **plugin: Any) -> dict[str, Any]:
    """Material with tooltips; records stay out of the navigation (see the names tests)."""
    config = base_config(mermaid_js=mermaid, **{"nav": "index", **plugin})
    config["theme"]["features"].append("content.tooltips")
    return config


def record_pages(site: Site) -> dict[str, dict[str, Any]]:
    """Published URL → the record as decisions.json has it."""
    return {record["url"]: record for record in site.json("decisions.json")["decisions"]}


def page_path(url: str) -> str:
    """The built file of a site-relative URL (MkDocs percent-encodes file names in URLs)."""
    return unquote(url)


GENERATED = (
    "madr-header",
    "madr-review-page",
    "madr-health",
    "madr-compare",
    "madr-compare__title",
    "madr-compare__source",
    "madr-index",
    "madr-timeline",
    "madr-graph",
    "madr-c4",
    "madr-coverage",
    "madr-term",
    "madr-term-unknown",
    "madr-term-usage",
    "madr-summary",
)
_START = re.compile(r'<([a-z][a-z0-9]*)\b[^>]*?\bclass="([^"]*)"[^>]*>')


def generated_fragments(page: str) -> list[str]:
    """The outermost HTML elements the plugin generated, each as its source text."""
    found: list[str] = []
    end = 0
    for match in _START.finditer(page):
        if match.start() < end or not set(match[2].split()) & set(GENERATED):
            continue
        tag = match[1]
        depth, end = 0, len(page)
        for tag_match in re.finditer(rf"<(/?){tag}\b[^>]*>", page[match.start() :]):
            depth += -1 if tag_match[1] else 1
            if depth == 0:
                end = match.start() + tag_match.end()
                break
        found.append(page[match.start() : end])
    return found


DANGEROUS_TAGS = frozenset(
    {"script", "img", "svg", "iframe", "object", "embed", "style", "textarea", "math", "base",
     "form", "link", "meta", "frame", "frameset", "video", "audio", "source", "template"}
)  # fmt: skip
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "background"})
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")
_STATUS_STYLE = re.compile(
    r"--madr-status-color: (#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})(; color: #000)?"
    r'|(--madr-label-\w+: "(?:[^"\\]|\\.)*"(; )?)+'
)
"""A badge's colour (and dark text where white would not read), or the log's card labels."""


class _Markup(HTMLParser):
    """Every start tag with its (unescaped) attributes, and the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Markup:
    parser = _Markup()
    parser.feed(fragment)
    parser.close()
    return parser


def dangers(fragment: str) -> list[str]:
    """What in a fragment could run script: tags, handlers, script URLs, odd styles."""
    found = []
    for tag, attrs in parse(fragment).tags:
        if tag in DANGEROUS_TAGS:
            found.append(f"<{tag}> {attrs}")
        for name, value in attrs:
            value = value or ""
            squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
            handler = name.startswith("on") or name in ("srcdoc", "autofocus", "formaction")
            if handler or (name in URL_ATTRIBUTES and squeezed.startswith(SCRIPT_SCHEMES)):
                found.append(f"<{tag} {name}={value!r}>")
            elif name == "style" and not _STATUS_STYLE.fullmatch(value):
                found.append(f"<{tag} style={value!r}>")
    return found


def text_of(fragment: str) -> str:
    return "".join(parse(fragment).text)


@pytest.fixture
def site(build_site: BuildSite) -> Site:
    return build_site(hostile_files(), hostile_config())


def generated_pages(site: Site) -> list[str]:
    """Every page that shows generated fragments: record pages first, then the others."""
    records = [page_path(url) for url in record_pages(site)]
    others = [
        "decisions/",
        "decisions/timeline/",
        "decisions/graph/",
        "decisions/c4-coverage/",
        "diagrams/containers/",
        "GLOSSARY/",
        "overview/",
    ]
    return records + others


# --- every fragment ---------------------------------------------------------------------------


def test_every_record_is_published(site: Site) -> None:
    records = record_pages(site)
    assert len(records) == 11, sorted(records)
    assert all(url for url in records)
    for url in records:
        assert (site.site_dir / page_path(url) / "index.html").is_file(), url


def test_generated_fragments_carry_no_markup(site: Site) -> None:
    seen: dict[str, int] = {}
    for path in generated_pages(site):
        page = site.html(path)
        fragments = generated_fragments(page)
        seen[path] = len(fragments)
        for fragment in fragments:
            assert dangers(fragment) == [], (path, fragment)
            assert "<script" not in fragment.lower(), (path, fragment)
            assert "<img" not in fragment.lower(), (path, fragment)
            assert "49" not in fragment, (path, fragment)  # {{ 7*7 }} was never evaluated
            assert "'site_name'" not in fragment, (path, fragment)  # nor {{ config }}
    assert all(count >= 2 for path, count in seen.items() if path.startswith("decisions/0")), seen
    assert seen["decisions/"] >= 1
    assert seen["GLOSSARY/"] >= 3
    assert seen["overview/"] >= 5


def test_jinja_syntax_is_printed_not_evaluated(site: Site) -> None:
    index = generated_fragments(site.html("decisions/"))[0]
    text = text_of(index)
    assert "{{ 7*7 }}" in text
    assert "{% raw %}" in text
    record = generated_fragments(site.html("decisions/0001-madr4-evil/"))
    assert "{{ config }}" in text_of(record[0])
    compare = next(f for f in record if 'class="madr-compare"' in f)
    assert f"Jinja {JINJA}" in text_of(compare)
    assert "{{ 7*7 }}" in text_of(site.html("decisions/timeline/"))


# --- the record header --------------------------------------------------------------------------


def _header(site: Site, path: str) -> str:
    return next(f for f in generated_fragments(site.html(path)) if 'class="madr-header"' in f)


def test_header_prints_people_tags_and_elements_as_text(site: Site) -> None:
    header = _header(site, "decisions/0001-madr4-evil/")
    text = text_of(header)
    for literal in (SCRIPT, DOUBLE_QUOTE, IMG, SINGLE_QUOTE, JINJA, END_SCRIPT, JS_URL):
        assert literal in text, literal
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in header
    tags = [dict(attrs) for tag, attrs in parse(header).tags if ("class", "madr-tag") in attrs]
    values = [parse_qs(urlsplit(tag["href"] or "").query)["tag"][0] for tag in tags]
    assert values == [SCRIPT, SINGLE_QUOTE, JINJA, "</script>", JS_URL]
    unknown = re.search(r'<span class="madr-element madr-element--unknown"[^>]*>(.*?)<', header)
    assert unknown is not None
    assert html.unescape(unknown[1]) == IMG
    known = re.search(r'<a class="madr-element" href="([^"]*)"[^>]*>(.*?)</a>', header)
    assert known is not None
    assert known[1] == "../../diagrams/containers/#c4-evil_api"
    assert html.unescape(known[2]) == END_SCRIPT


def test_technical_story_links_only_web_addresses(site: Site) -> None:
    header = _header(site, "decisions/0001-madr4-evil/")
    story = re.search(r"<b>Technical story</b>(.*?)</p>", header, re.S)
    assert story is not None
    links = [dict(attrs) for tag, attrs in parse(story[1]).tags if tag == "a"]
    assert [link["href"] for link in links] == ['https://example.com/a"onmouseover="x']
    assert [tag for tag, _ in parse(story[1]).tags] == ["a"]
    text = text_of(story[1])
    assert f"[click]({JS_URL})" in text
    assert IMG in text
    assert "<a href='javascript:window.__pwned=3'>raw</a>" in text
    madr2 = text_of(_header(site, "decisions/0002-madr2-evil/"))
    assert f"[ticket]({JS_URL})" in madr2


def test_status_badges_keep_quotes_inside_attributes(site: Site) -> None:
    url = "decisions/0006-%22%20onmouseover%3D%22window.__pwned%3D4/"
    header = _header(site, page_path(url))
    badge = next(dict(a) for t, a in parse(header).tags if "data-madr-status" in dict(a))
    status = record_pages(site)[url]["status"]
    assert status.startswith('on hold " onmouseover="window')
    assert badge["data-madr-status"] == status
    assert re.fullmatch(r"madr-status madr-status--[\w-]+", badge["class"] or "")


def test_relation_banners_print_titles_as_text(site: Site) -> None:
    header = _header(site, "decisions/0001-madr4-evil/")
    banner = re.search(r'<p class="madr-banner madr-banner--relates-to".*?</p>', header, re.S)
    assert banner is not None
    assert "Record <script>window.__pwned=1</script>" in text_of(banner[0])
    assert dangers(banner[0]) == []


# --- comparison ---------------------------------------------------------------------------------


def test_comparison_prints_options_arguments_and_drivers_as_text(site: Site) -> None:
    page = site.html("decisions/0001-madr4-evil/")
    compare = next(f for f in generated_fragments(page) if 'class="madr-compare"' in f)
    found = re.findall(r'<span class="madr-compare__option">(.*?)</span>', compare)
    options = [html.unescape(option) for option in found]
    assert options == [SCRIPT, IMG, DOUBLE_QUOTE, f"Jinja {JINJA}", END_PRE, f"Open {OPEN_HTML}"]
    text = text_of(compare)
    for literal in (SINGLE_QUOTE, END_SCRIPT, JS_URL, f"{SCRIPT} – the first driver"):
        assert literal in text, literal
    assert "madr-justification" not in compare  # the record says it in its own words
    overview = site.html("overview/")
    justification = re.search(r'<p class="madr-justification">(.*?)</p>', overview, re.S)
    assert justification is not None
    assert text_of(justification[1]) == (
        f"Chosen option: {SCRIPT}, because {IMG} and {{{{ 7*7 }}}} {END_SCRIPT}."
    )
    title = re.search(r'<p class="madr-compare__title">(.*?)</p>', overview, re.S)
    assert title is not None
    assert dangers(title[0]) == []
    assert f"Options considered in Use {SCRIPT}" in text_of(title[1])


# --- the index ----------------------------------------------------------------------------------


def _attribute_json(row: str, name: str) -> Any:
    found = re.search(rf"{name}='([^']*)'", row)
    assert found is not None, (name, row)
    return json.loads(html.unescape(found[1]))


def test_index_data_attributes_parse_back_to_the_records(site: Site) -> None:
    records = record_pages(site)
    index = generated_fragments(site.html("decisions/"))[0]
    rows = re.findall(r"<tr data-key=.*?</tr>", index, re.S)
    assert len(rows) == len(records)
    for row in rows:
        attributes = dict(parse(row).tags[0][1])
        link = next(dict(a)["href"] for t, a in parse(row).tags if t == "a")
        assert link is not None
        assert not link.lower().startswith("javascript:")
        record = records["decisions/" + link]
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        for name, cell in (("deciders", cells[4]), ("tags", cells[6])):
            shown = [html.unescape(t) for t in re.findall(r"<a [^>]*>(.*?)</a>", cell)]
            assert shown == record[name]
            for _, found in parse(cell).tags:
                href = dict(found)["href"] or ""
                assert href.startswith(("?tag=", "?decider=")), href
        if record["c4"]:
            assert _attribute_json(row, "data-c4") == record["c4"]
        assert attributes["data-key"] == record["key"]
        assert attributes["data-status"] == (record["status"] or "")
        assert attributes.get("data-category", "") == record["category"]
        title = re.search(r'<td class="madr-index__title"><a [^>]*>(.*?)</a>', row, re.S)
        assert title is not None
        assert html.unescape(title[1]) == (record["title"] or record["slug"])
    first = records["decisions/0001-madr4-evil/"]
    assert first["tags"] == [SCRIPT, SINGLE_QUOTE, JINJA, "</script>", JS_URL]
    assert first["deciders"] == [SCRIPT, DOUBLE_QUOTE, "window.__pwned=1"]
    assert first["c4"] == ["evil_api", IMG]


def test_index_filters_offer_the_literal_values(site: Site) -> None:
    records = record_pages(site).values()
    index = generated_fragments(site.html("decisions/"))[0]

    def options(name: str) -> list[str]:
        select = re.search(rf'<select data-madr-filter="{name}">(.*?)</select>', index, re.S)
        assert select is not None, name
        values = [dict(a)["value"] or "" for t, a in parse(select[1]).tags if t == "option"]
        texts = [html.unescape(t) for t in re.findall(r"<option [^>]*>(.*?)</option>", select[1])]
        if name != "status":  # statuses show capitalised
            assert values == ["", *texts[1:]]
        return [value for value in values if value]

    assert set(options("tag")) == {tag for r in records for tag in r["tags"]}
    assert set(options("decider")) == {name for r in records for name in r["deciders"]}
    assert options("category") == [CATEGORY]
    assert set(options("status")) == {r["status"] for r in records if r["status"]}
    chips = [dict(a)["data-madr-chip"] for t, a in parse(index).tags if "data-madr-chip" in dict(a)]
    assert set(chips) == {r["status"] for r in records if r["status"]}


# --- graph and C4 -------------------------------------------------------------------------------


def _mermaid(page: str) -> tuple[str, Any]:
    block = re.search(
        r"<div class=\"madr-mermaid\"[^>]*data-madr-links='([^']*)'[^>]*>\s*"
        r'<pre class="madr-mermaid__source" hidden>(.*?)</pre>',
        page,
        re.S,
    )
    assert block is not None
    assert "<" not in block[2], "the Mermaid source must be escaped text"
    return html.unescape(block[2]), json.loads(html.unescape(block[1]))


_NODE = re.compile(r'  (n\d+)\["([^"\n]*?)<br/><i>[^"<>\n]*</i>"\]:::st_[a-z0-9_]+')
"""A record's node: its title, and its status in words (our only markup)."""
_OTHER_STATEMENT = re.compile(
    r"  n\d+ (==>|-\.->|---)\|[a-z ]+\| n\d+"
    r"|  classDef st_[a-z0-9_]+ fill:#\w+,stroke:#\w+,color:#(fff|000)"
)


def test_graph_source_keeps_titles_inside_their_labels(site: Site) -> None:
    records = record_pages(site)
    source, links = _mermaid(site.html("decisions/graph/"))
    settings, _, diagram = source.partition("\n---\n")
    assert settings.startswith("---\nconfig:\n")
    lines = diagram.split("\n")
    assert lines[0] == "flowchart LR"
    nodes = [_NODE.fullmatch(line) for line in lines if line.startswith("  n") and "[" in line]
    assert nodes
    assert all(nodes), lines
    for line in lines[1:]:
        assert _NODE.fullmatch(line) or _OTHER_STATEMENT.fullmatch(line), line
    for node in nodes:
        assert node is not None
        assert not re.search(r"[<>\"`]", node[2]), node[2]
    labels = " ".join(node[2] for node in nodes if node is not None)
    assert "#quot;]; click n0 call alert(1)" in labels
    assert "#lt;script#gt;window.__pwned=1#lt;/script#gt;" in labels
    assert set(links) == {node[1] for node in nodes if node is not None}
    for url in links.values():
        assert not url.lower().startswith("javascript:")
        assert url.startswith("../")
        assert "decisions/" + url[3:] in records


def test_graph_labels_cannot_carry_mermaid_directives(site: Site) -> None:
    source, _ = _mermaid(site.html("decisions/graph/"))
    labels = [node[2] for node in _NODE.finditer(source)]
    assert labels
    assert [label for label in labels if "%%" in label] == []


_FLOWCHART_LABEL = re.compile(r'"((?:[^"\n])*)"')
_OUR_MARKUP = re.compile(r"</?(?:b|i)>|<br/>")


def test_c4_source_and_shape_data_are_literal(site: Site) -> None:
    page = site.html("diagrams/containers/")
    drawing, shapes = _mermaid(page)
    source = re.search(r'<details class="madr-c4__source"[^>]*>.*?<code>(.*?)</code>', page, re.S)
    assert source is not None
    assert "<" not in source[1]
    assert html.unescape(source[1]) == C4_SOURCE
    # The drawing's labels hold the record text as Mermaid entities, around our own markup.
    labels = _FLOWCHART_LABEL.findall(drawing.partition("\n---\n")[2])
    assert labels
    for label in labels:
        assert not re.search(r"[<>\"`%]", _OUR_MARKUP.sub("", label)), label
    assert "#lt;/script#gt;" in drawing
    assert {shape["alias"] for shape in shapes.values()} == set(C4_LABELS)
    for shape in shapes.values():
        assert shape["url"] == f"#c4-{shape['alias']}"
    raw = re.search(r"data-madr-links='([^']*)'", page)
    assert raw is not None
    assert "<" not in raw[1]
    table = next(f for f in generated_fragments(page) if 'class="madr-c4"' in f)
    found = re.findall(r'<span class="madr-c4__label">(.*?)</span>', table)
    labels = [html.unescape(label) for label in found]
    assert labels == list(C4_LABELS.values())
    text = text_of(table)
    assert f"Containers {SCRIPT} {{{{ 7*7 }}}}" in text
    assert C4_DESCRIPTION in text
    assert JS_URL in text
    row = re.search(r'<tr id="c4-evil_api".*?</tr>', table, re.S)
    assert row is not None
    decision = next(dict(a) for t, a in parse(row[0]).tags if t == "a")
    assert decision["href"] == "../../decisions/0001-madr4-evil/"
    assert "title" not in decision  # record text stays out of attributes tooltips show as HTML


def test_coverage_prints_labels_and_names_as_text(site: Site) -> None:
    coverage = generated_fragments(site.html("decisions/c4-coverage/"))[0]
    text = text_of(coverage)
    assert END_SCRIPT in text
    assert C4_LABELS["operator"] in text
    assert "0007-{{ 7*7 }} {% raw %}" in text


# --- glossary -----------------------------------------------------------------------------------


def term_links(page: str) -> dict[str, tuple[str, str]]:
    """Glossary links of a page: shown text → (title attribute, href)."""
    terms = {}
    for fragment in generated_fragments(page):
        tags = parse(fragment).tags
        if tags and tags[0][0] == "a" and ("class", "madr-term") in tags[0][1]:
            attributes = dict(tags[0][1])
            terms[text_of(fragment)] = (attributes["title"] or "", attributes["href"] or "")
    return terms


TOOLTIPS = {
    "Widget {{ 7*7 }}": WIDGET_TOOLTIP,
    f"Gadget {DOUBLE_QUOTE}": GADGET_TOOLTIP,
    "Sprocket": SPROCKET_TOOLTIP,
}


def test_glossary_links_keep_terms_and_definitions_inside_their_attributes(site: Site) -> None:
    terms = term_links(site.html("decisions/0001-madr4-evil/"))
    assert {text: href for text, (_, href) in terms.items()} == {
        "Widget {{ 7*7 }}": "../../GLOSSARY/#term-widget-7-7",
        f"Gadget {DOUBLE_QUOTE}": f"../../GLOSSARY/#{GADGET_ANCHOR}",
        "Sprocket": "../../GLOSSARY/#term-sprocket",
    }
    for text, (title, _) in terms.items():  # Material's tooltips read the title as HTML
        assert html.unescape(title) == TOOLTIPS[text], title


def test_glossary_tooltips_are_text_in_material(site: Site) -> None:
    terms = term_links(site.html("decisions/0001-madr4-evil/"))
    for text, (title, _) in terms.items():
        assert dangers(title) == [], title  # what Material's tooltip turns into elements
        assert text_of(title) == TOOLTIPS[text]


def test_c4_table_tooltips_are_text_in_material(site: Site) -> None:
    table = generated_fragments(site.html("diagrams/containers/"))[0]
    titles = [dict(a)["title"] or "" for t, a in parse(table).tags if dict(a).get("title")]
    assert titles == []  # no record text in title attributes at all


def test_glossary_usage_lists_print_titles_as_text(site: Site) -> None:
    page = site.html("GLOSSARY/")
    usages = re.findall(r'<p class="madr-term-usage">.*?</p>', page, re.S)
    assert len(usages) == 3
    for usage in usages:
        assert dangers(usage) == []
        hrefs = [dict(a)["href"] or "" for t, a in parse(usage).tags if t == "a"]
        assert all(href.startswith("../decisions/") for href in hrefs), hrefs
    assert f"ADR-0001: Use {SCRIPT}" in text_of(usages[0])
    assert f"ADR-0003: Nygard {IMG}" in text_of(usages[1])


# --- decisions.json -----------------------------------------------------------------------------


def test_decisions_json_holds_the_literal_strings(site: Site) -> None:
    text = (site.site_dir / "decisions.json").read_text(encoding="utf-8")
    data = json.loads(text)
    records = {record["file"]: record for record in data["decisions"]}
    first = records["0001-madr4-evil.md"]
    assert first["title"].startswith(f"Use {SCRIPT} ")
    assert MERMAID_INIT in first["title"]
    assert first["technical_story"] == STORY
    assert [option["title"] for option in first["options"]] == [
        SCRIPT, IMG, DOUBLE_QUOTE, f"Jinja {JINJA}", END_PRE, f"Open {OPEN_HTML}"
    ]  # fmt: skip
    assert first["chosen"] == SCRIPT
    assert records["0002-madr2-evil.md"]["chosen"] == END_PRE
    assert f"0005-{C4_LABELS['operator']}.md" in records
    assert f"{CATEGORY}/0001-in-category.md" in records
    assert records[f"{JS_URL}.md"]["url"] == "decisions/javascript%3Awindow.__pwned%3D3/"
    assert "{{ 7*7 }}" in text
    assert "49" not in re.sub(r'"line": \d+', "", text)


# --- file names in MkDocs' own navigation and edit link --------------------------------------


@pytest.fixture
def named_site(build_site: BuildSite) -> Site:
    """The hostile site with records in the navigation, as `nav: auto` lists them."""
    return build_site(hostile_files(), hostile_config(nav="auto"))


def test_category_folder_names_are_text_in_the_navigation(named_site: Site) -> None:
    page = named_site.html("decisions/")
    assert SVG not in page
    assert "&lt;svg onload=window.__pwned=9&gt;" in page


def test_record_file_names_stay_inside_the_edit_link(named_site: Site) -> None:
    page = named_site.html('decisions/0006-" onmouseover="window.__pwned=4/')
    edit = next(dict(a) for t, a in parse(page).tags if t == "a" and ("rel", "edit") in a)
    assert "onmouseover" not in edit
    assert unquote(edit["href"] or "").endswith(f"decisions/0006-{DOUBLE_QUOTE}.md")


def test_record_file_names_are_text_in_navigation_titles(named_site: Site) -> None:
    page = named_site.html("decisions/")
    start = page.index('<nav class="md-nav md-nav--primary"')
    nav = page[start : page.index('<div class="md-content"', start)]
    assert "<img src=x" not in nav
    # Material's own icons are <svg>s: look for what hostile names could add, not for tags.
    assert [d for d in dangers(nav) if not d.startswith("<svg> [('xmlns'")] == []


# --- titles, as MkDocs and Material print them (`page.title`, sections, contents) -------------


LONG = "and-a-word-long-enough-to-be-cut-short-in-the-sidebar-so-that-material-offers-a-tooltip"
TITLED: dict[str, str | bytes] = {
    # The title only in front matter.
    "decisions/0001-front-matter.md": (
        f'---\ntitle: "FM <img src=x onerror=window.__pwned=11> {LONG}"\nstatus: accepted\n'
        "date: 2025-01-01\n---\n\nNo heading.\n"
    ),
    # No title at all: the file name is the title.
    f"decisions/0002-<img src=x onerror=window.__pwned=12> {LONG}.md": (
        "---\nstatus: accepted\ndate: 2025-01-02\n---\n\nNo heading.\n"
    ),
    # A code span in the H1, and in the headings of the table of contents.
    "decisions/0003-code-span.md": (
        "---\nstatus: accepted\ndate: 2025-01-03\n---\n"
        f"# Code `<img src=x onerror=window.__pwned=13>` {LONG}\n\n"
        f"## Context `<img src=x onerror=window.__pwned=14>` {LONG}\n\nText.\n\n"
        f"### Deeper &lt;img src=x onerror=window.__pwned=15&gt; {LONG}\n\nMore.\n"
    ),
    # A front-matter title beside an H1, and a category folder named like markup.
    "decisions/<svg onload=window.__pwned=16> folder/0001-in-a-category.md": (
        f'---\ntitle: "<img src=x onerror=window.__pwned=17>"\nstatus: accepted\n'
        f"date: 2025-01-04\n---\n# In a category {LONG}\n\nText.\n"
    ),
}


def titled_config() -> dict[str, Any]:
    """Material with tooltips, the records in the navigation, a hostile index_title."""
    config = base_config(nav="all", index_title="Log <img src=x onerror=window.__pwned=18>")
    config["theme"]["features"].append("content.tooltips")
    return config


@pytest.fixture
def titled_site(build_site: BuildSite) -> Site:
    return build_site(TITLED, titled_config())


def _titled_pages(site: Site) -> list[Path]:
    return sorted((site.site_dir / "decisions").rglob("index.html"))


def test_titles_from_any_source_are_text_in_every_page(titled_site: Site) -> None:
    """A front-matter title, a file name, a code span in the H1 or a heading, a folder name and
    index_title: in `<title>`, the header, both sidebars and the page, never markup."""
    pages = _titled_pages(titled_site)
    assert len(pages) == 10  # the records and the generated pages: in force, review, health
    for path in pages:
        page = path.read_text(encoding="utf-8")
        for tag, attrs in parse(page).tags:
            assert tag != "img", (path, attrs)
            assert not [name for name, _ in attrs if name.startswith("on")], (path, tag, attrs)
        title = page[page.index("<title>") : page.index("</title>")]
        assert "<img" not in title, path
        assert "</" not in title, path


_ELLIPSIS = re.compile(r'<span class="md-ellipsis">(.*?)</span>', re.DOTALL)


def test_titles_are_safe_to_decode_twice(titled_site: Site) -> None:
    """Material's tooltip sets a truncated title's text, decoded once, as HTML: decoded twice,
    a title must still hold no tag, so each `<` that could open one is followed by a word
    joiner. Every title Material may truncate is in an `md-ellipsis` span."""
    checked = 0
    for path in _titled_pages(titled_site):
        for found in _ELLIPSIS.finditer(path.read_text(encoding="utf-8")):
            text = text_of(found[1])
            assert re.search(r"<[A-Za-z/!?]", text) is None, (path, text)
            checked += 1
    assert checked > 50


def test_front_matter_title_no_longer_names_the_page(titled_site: Site) -> None:
    """The record's title as the log, the JSON and the feed give it: its H1."""
    folder = "decisions/<svg onload=window.__pwned=16> folder"
    page = titled_site.html(f"{folder}/0001-in-a-category/")
    assert "<title>ADR-0001: In a category and-a-word" in page
