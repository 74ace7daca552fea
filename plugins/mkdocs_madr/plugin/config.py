"""The `madr` plugin's options. The attribute docstrings are the reference documentation."""

from __future__ import annotations

from ..core.settings import (
    DEFAULT_DECISIONS_DIR,
    DEFAULT_NUMBER_WIDTH,
    DEFAULT_STATUSES,
    DEFAULT_TEMPLATE,
)
from .host import base
from .host import config_options as c

DEFAULT_MERMAID = "https://unpkg.com/mermaid@11/dist/mermaid.min.js"


class MadrConfig(base.Config):
    """Options of the `madr` plugin (`plugins: [madr: {...}]` in mkdocs.yml)."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing its options; the site builds as if it were absent."""

    decisions_dir = c.Type(str, default=DEFAULT_DECISIONS_DIR)
    """Folder of decision records, relative to mkdocs.yml. It may lie outside `docs_dir`
    (records are then published as virtual pages) or inside it (the existing pages are used)."""

    url_prefix = c.Type(str, default="decisions")
    """Where records outside `docs_dir` are published: `/<url_prefix>/<file>/`."""

    index = c.Type(bool, default=True)
    """Generate the decision index page at `/<url_prefix>/` (with timeline and graph pages)."""

    index_title = c.Type(str, default="Decision log")
    """Title of the generated index page and of the navigation section."""

    timeline = c.Type(bool, default=True)
    """Generate the timeline page at `/<url_prefix>/timeline/`."""

    graph = c.Type(bool, default=True)
    """Generate the relation graph page at `/<url_prefix>/graph/`."""

    nav = c.Choice(("auto", "index", "all"), default="auto")
    """What the navigation lists: `all` records, only the `index` pages, or `auto`: every record
    up to `nav_threshold` records, only the index pages above it (the sidebar of every page
    lists the whole navigation, so thousands of entries make builds quadratic)."""

    nav_threshold = c.Type(int, default=100)
    """Above this many records, `nav: auto` lists only the index pages."""

    statuses = c.Type(dict, default=dict(DEFAULT_STATUSES))
    """The status vocabulary: status keyword → CSS colour of its badge. A record whose status
    is not listed gets the `unknown-status` diagnostic."""

    diagnostics = c.Type(dict, default={})
    """Level per diagnostic code: `warning` (fails `mkdocs build --strict`), `info` or `ignore`.
    Example: `{missing-status: info}`. Codes are listed in the documentation."""

    json_export = c.Type(bool, default=True)
    """Publish `decisions.json` at the site root: every record, as `adr list --format json`."""

    feed = c.Type(bool, default=True)
    """Publish `decisions.atom` at the site root, an Atom feed of the 30 newest dated records,
    and link it from the timeline. Feed readers need absolute links, so it needs `site_url`."""

    templates_dir = c.Optional(c.Type(str))
    """A folder of template overrides, relative to mkdocs.yml; files there replace the
    package's templates of the same name (site fragments and `adr new` templates)."""

    template = c.Type(str, default=DEFAULT_TEMPLATE)
    """Template `adr new` uses by default: madr4, madr4-minimal, madr4-bare, madr3, madr2,
    nygard, or a path."""

    number_width = c.Type(int, default=DEFAULT_NUMBER_WIDTH)
    """Digits in new record numbers when the folder has none to copy (`0001`)."""

    glossary = c.Optional(c.Type(str))
    """The glossary page, relative to `docs_dir`. By default `GLOSSARY.md` or `glossary.md` when
    one exists. Its terms are linked from decisions, and each entry lists the decisions using it."""

    glossary_links = c.Choice(("decisions", "all", "off"), default="decisions")
    """Where the first use of each glossary term becomes a link with the definition as tooltip:
    in decision pages, in `all` pages, or `off` (explicit `[[Term]]` references still link)."""

    c4_coverage = c.Type(bool, default=True)
    """Generate the architecture coverage page at `/<url_prefix>/c4-coverage/` when the site has
    Mermaid C4 diagrams: which systems and containers no decision names yet, and vice versa."""

    mermaid_js = c.Type(str, default=DEFAULT_MERMAID)
    """Where the Mermaid script comes from for the relation graph and C4 diagrams: a URL, or a
    file path relative to mkdocs.yml for offline and private sites (for example npm's
    `mermaid/dist/mermaid.min.js`); a file is published with the site and also serves
    Material's own Mermaid diagrams."""

    parallel = c.Type(bool, default=True)
    """Parse records, and render their pages, in worker processes on the other cores while
    MkDocs renders the rest (`mkdocs build` on systems that can fork; `mkdocs serve` parses
    there only). Set `false` to do everything in the build process: slower on large sites,
    with less peak memory."""
