"""The `madr` MkDocs plugin: a thin layer that feeds MkDocs pages from the pure core."""

from __future__ import annotations

import json
import logging
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .architecture import Architecture, coverage, link_architecture
from .c4 import C4Index, Diagram, find_c4_diagrams, parse_c4
from .collection import Collection, FolderError, ParseCache, load_collection
from .config import MadrConfig
from .diagnostics import Code, Diagnostic, Severity, diagnostic
from .directives import Directive, Fence, replace_lines, scan_page
from .export import collection_to_dict
from .glossary import (
    USAGE_PLACEHOLDER,
    Glossary,
    GlossaryExtension,
    Term,
    TermForm,
    parse_glossary,
)
from .model import Decision
from .record_page import decorate
from .render.renderer import Renderer
from .render.views import ElementLink, Filters, element_rows, kind_label
from .settings import SettingsError, parse_levels

log = get_plugin_logger("madr")

ASSETS = Path(__file__).parent / "assets"
ASSET_URI = "assets/madr"
_LOG_LEVELS = {
    Severity.ERROR: logging.WARNING,
    Severity.WARNING: logging.WARNING,
    Severity.INFO: logging.INFO,
}


class MadrPlugin(BasePlugin[MadrConfig]):
    """Publishes a folder of decision records as pages, with an index, timeline and graph."""

    def __init__(self) -> None:
        self.cache = ParseCache()
        self.collection: Collection | None = None
        self.renderer: Renderer | None = None
        self.levels: dict[Code, str] = {}
        self.root = Path()
        self.record_files: dict[str, File] = {}
        self.records_by_src: dict[str, Decision] = {}
        self.pages: dict[str, File] = {}
        self.mermaid_uri = ""
        self.architecture = Architecture(C4Index([]))
        self.glossary_file: File | None = None
        self.term_usage: dict[str, list[Decision]] = {}
        self.current_page: Page | None = None
        self.current_decision: Decision | None = None
        self.rendered: dict[str, str] = {}
        self.files: Files | None = None
        self.glossary_extension = GlossaryExtension(
            Glossary(page="", terms=()),
            href_for=self._term_href,
            on_use=self._term_used,
            diagnostics=self._glossary_problem,
        )

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, and with it
        # the parse cache.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        base = Path(config.config_file_path or ".").parent
        self.root = (base / self.config.decisions_dir).resolve()
        if not self.root.is_dir():
            raise PluginError(
                f"madr: decisions_dir '{self.config.decisions_dir}' is not a folder "
                f"(looked for {self.root})"
            )
        try:
            self.levels = parse_levels(self.config.diagnostics, "mkdocs.yml")
        except SettingsError as error:
            raise PluginError(str(error)) from None
        self.base = base
        self.docs_dir = Path(config.docs_dir).resolve()
        self.inside_docs = self.root == self.docs_dir or self.docs_dir in self.root.parents
        templates = self.config.templates_dir
        self.templates_dir = (base / templates).resolve() if templates else None
        self.mermaid_local = _is_local(self.config.mermaid_js)
        self.mermaid_uri = f"{ASSET_URI}/mermaid.min.js" if self.mermaid_local else ""
        for name, target in (("madr.css", config.extra_css), ("madr.js", config.extra_javascript)):
            uri = f"{ASSET_URI}/{name}"
            if uri not in [str(entry) for entry in target]:
                target.append(uri)
        self.def_list = any(str(name).endswith("def_list") for name in config.markdown_extensions)
        if self.glossary_extension not in config.markdown_extensions:
            config.markdown_extensions.append(self.glossary_extension)
        return config

    # --- files and pages ---------------------------------------------------------------------

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        try:
            collection = load_collection(self.root, statuses=self.config.statuses, cache=self.cache)
        except FolderError as error:
            raise PluginError(f"madr: {error}") from None
        self.collection = collection
        self.files = files
        self.rendered = {}
        self.renderer = Renderer(collection, self.config.statuses, self.templates_dir)
        self._report(collection.all_diagnostics(), self.root)
        self.record_files = {}
        self.records_by_src = {}
        for decision in collection.decisions:
            file = self._record_file(decision, files, config)
            if file is not None:
                self.record_files[decision.key] = file
                self.records_by_src[file.src_uri] = decision
        self.pages = {}
        prefix = self._prefix()
        title = self.config.index_title
        generated = {
            "index": (self.config.index, f"# {title}\n\n<!-- madr:index -->\n"),
            "timeline": (self.config.timeline, "# Timeline\n\n<!-- madr:timeline -->\n"),
            "graph": (self.config.graph, "# Relation graph\n\n<!-- madr:graph -->\n"),
        }
        for name, (wanted, content) in generated.items():
            uri = posixpath.join(prefix, f"{name}.md")
            if not wanted:
                continue
            existing = files.get_file_from_path(uri)
            if existing is not None:
                self.pages[name] = existing
                continue
            page_file = File.generated(
                config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
            )
            files.append(page_file)
            self.pages[name] = page_file
        self._read_glossary(files)
        self._read_architecture(files, config)
        self._add_assets(files, config)
        if self.config.json_export:
            files.append(File.generated(config, "decisions.json", content=self._json()))
        return files

    def _read_glossary(self, files: Files) -> None:
        self.term_usage = {}
        self.glossary_file = None
        wanted = self.config.glossary
        names = [wanted] if wanted else ["GLOSSARY.md", "glossary.md", "glossary/index.md"]
        for name in names:
            file = files.get_file_from_path(name)
            if file is not None:
                self.glossary_file = file
                break
        if self.glossary_file is None:
            if wanted:
                log.warning(f"glossary: '{wanted}' is not a page in docs_dir")
            self.glossary_extension.use_glossary(Glossary(page="", terms=()))
            return
        source = self.glossary_file.content_string
        glossary, problems = parse_glossary(source, self.glossary_file.src_uri)
        self.glossary_extension.use_glossary(glossary)
        self._report(problems, self.docs_dir)
        lists = [term for term in glossary.terms if term.form is TermForm.DEFINITION_LIST]
        if lists and not self.def_list:
            log.warning(
                f"{_relative(Path(self.glossary_file.abs_src_path or ''), self.base)}: the "
                "glossary is written as definition lists, but the def_list Markdown extension "
                "is off, so its terms get no anchors; add `def_list` to markdown_extensions"
            )

    def _read_architecture(self, files: Files, config: MkDocsConfig) -> None:
        assert self.collection is not None
        ours = {id(file) for file in self.record_files.values()}
        diagrams: list[Diagram] = []
        problems: list[Diagnostic] = []
        for file in files.documentation_pages():
            if id(file) in ours or file.generated_by is not None:
                continue
            source = file.content_string
            if "C4" not in source:
                continue
            found, found_problems = find_c4_diagrams(source, file.src_uri)
            diagrams += found
            problems += found_problems
        index, index_problems = C4Index.build(diagrams)
        self.architecture, link_problems = link_architecture(self.collection, index)
        self._report(problems + index_problems, self.docs_dir)
        self._report(link_problems, self.root)
        uri = posixpath.join(self._prefix(), "c4-coverage.md")
        if diagrams and self.config.c4_coverage and files.get_file_from_path(uri) is None:
            content = "# Architecture coverage\n\n<!-- madr:c4-coverage -->\n"
            page_file = File.generated(
                config, uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV
            )
            files.append(page_file)
            self.pages["coverage"] = page_file

    def _prefix(self) -> str:
        if self.inside_docs:
            return self.root.relative_to(self.docs_dir).as_posix().strip(".") or ""
        return self.config.url_prefix.strip("/")

    def _record_file(self, decision: Decision, files: Files, config: MkDocsConfig) -> File | None:
        path = self.root / decision.file
        if self.inside_docs:
            src_uri = path.relative_to(self.docs_dir).as_posix()
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                existing.inclusion = InclusionLevel.NOT_IN_NAV
            return existing
        src_uri = posixpath.join(self._prefix(), decision.file)
        if files.get_file_from_path(src_uri) is not None:
            log.warning(
                f"{src_uri}: a page in docs_dir has the address of the record "
                f"{decision.file}; the record is not published (change url_prefix)"
            )
            return None
        file = File.generated(
            config, src_uri, abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV
        )
        file.edit_uri = Path(_relative(path, self.docs_dir)).as_posix()
        files.append(file)
        return file

    def _add_assets(self, files: Files, config: MkDocsConfig) -> None:
        for name in ("madr.css", "madr.js"):
            files.append(
                File.generated(config, f"{ASSET_URI}/{name}", abs_src_path=str(ASSETS / name))
            )
        if self.mermaid_local:
            source = (self.base / self.config.mermaid_js).resolve()
            if not source.is_file():
                raise PluginError(f"madr: mermaid_js '{self.config.mermaid_js}' is not a file")
            files.append(File.generated(config, self.mermaid_uri, abs_src_path=str(source)))

    def _json(self) -> str:
        assert self.collection is not None
        data = collection_to_dict(self.collection)
        for entry in data["decisions"]:
            file = self.record_files.get(entry["key"])
            entry["url"] = file.url if file is not None else None
        return json.dumps(data, ensure_ascii=False, indent=1)

    def _report(self, diagnostics: list[Diagnostic], where: Path) -> None:
        for found in diagnostics:
            level = self.levels.get(found.code)
            if level == "ignore":
                continue
            severity = Severity(level) if level else found.severity
            path = _relative(where / found.file, self.base)
            line = f":{found.line}" if found.line is not None else ""
            log.log(_LOG_LEVELS[severity], f"{path}{line}: {found.code.value}: {found.message}")

    # --- navigation ---------------------------------------------------------------------------

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if not self.config.enabled or self.collection is None:
            return None
        ours = {id(file) for file in [*self.record_files.values(), *self.pages.values()]}
        if any(id(page.file) in ours for page in nav.pages):
            return nav  # the author placed the decisions in the nav; respect that
        children: list[Any] = []
        for name in ("index", "timeline", "graph", "coverage"):
            file = self.pages.get(name)
            if file is not None and isinstance(file.page, Page):
                children.append(file.page)
        if self._list_records():
            children += self._record_entries()
        if not children:
            return nav
        section = Section(self.config.index_title, children)
        nav.items.append(section)
        _link_parents(section)
        nav.pages = _pages_of(nav.items)
        _link_siblings(nav.pages)
        return nav

    def _list_records(self) -> bool:
        mode = self.config.nav
        count = len(self.record_files)
        return mode == "all" or (mode == "auto" and count <= self.config.nav_threshold)

    def _record_entries(self) -> list[Any]:
        assert self.collection is not None
        entries: list[Any] = []
        sections: dict[str, Section] = {}
        for decision in self.collection.decisions:
            file = self.record_files.get(decision.key)
            if file is None or not isinstance(file.page, Page):
                continue
            if not decision.category:
                entries.append(file.page)
                continue
            section = sections.get(decision.category)
            if section is None:
                title = decision.category.rsplit("/", 1)[-1].replace("-", " ").capitalize()
                section = sections[decision.category] = Section(title, [])
                entries.append(section)
            section.children.append(file.page)
        return entries

    # --- page content ------------------------------------------------------------------------

    @event_priority(-50)  # late: plugins that evaluate templates (macros) never see our HTML
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.renderer is None:
            return None
        decision = self.records_by_src.get(page.file.src_uri)
        self.current_page = page
        self.current_decision = decision
        links = self.config.glossary_links
        self.glossary_extension.for_page(
            page.file.src_uri,
            is_glossary_page=page.file is self.glossary_file,
            auto_link=links == "all" or (links == "decisions" and decision is not None),
        )
        if decision is not None:
            page.meta.pop("status", None)  # Material would badge it in every sidebar entry
            markdown = self._decorate(markdown, decision, page)
        markdown = self._expand(markdown, page)
        self.rendered[page.file.src_uri] = markdown
        return markdown

    def _decorate(self, markdown: str, decision: Decision, page: Page) -> str:
        assert self.renderer is not None
        try:
            text = (self.root / decision.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return markdown
        file_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        link = self._linker(page)
        index = self.pages.get("index")
        index_url = get_relative_url(index.url, page.url) if index is not None else None
        elements = [self._element_link(alias, page) for alias in decision.c4]
        header = self.renderer.header(decision, link, index_url, elements)
        comparison = self.renderer.comparison(decision)
        return decorate(markdown, decision, file_lines, header, comparison)

    def _element_link(self, alias: str, page: Page) -> ElementLink:
        element = self.architecture.element(alias)
        if element is None:
            return ElementLink(alias, alias, "not in any diagram", None)
        file = self.files.get_file_from_path(element.page) if self.files is not None else None
        url = None
        if file is not None:
            url = f"{get_relative_url(file.url, page.url)}#c4-{alias}"
        return ElementLink(alias, element.label or alias, kind_label(element.kind), url)

    def _linker(self, page: Page) -> Any:
        files = self.record_files

        def link(decision: Decision) -> str:
            file = files.get(decision.key)
            return get_relative_url(file.url, page.url) if file is not None else "#"

        return link

    def _expand(self, markdown: str, page: Page) -> str:
        """Directives and C4 diagrams of any page, replaced by generated HTML."""
        scan = scan_page(markdown, page.file.src_uri)
        self._report(scan.problems, self.docs_dir)
        replacements = []
        for directive in scan.directives:
            html = self._directive_html(directive, page)
            if html is not None:
                replacements.append((directive.line, directive.end, html))
        anchors: set[str] = set()
        for position, fence in enumerate(scan.c4_fences):
            html = self._diagram_html(fence, position, page, anchors)
            replacements.append((fence.line, fence.end, html))
        return replace_lines(markdown, replacements) if replacements else markdown

    def _diagram_html(self, fence: Fence, position: int, page: Page, anchors: set[str]) -> str:
        assert self.renderer is not None
        diagram, _ = parse_c4(
            fence.content, page=page.file.src_uri, first_line=fence.line + 1, index=position
        )

        def anchor(alias: str) -> str:
            name = f"c4-{alias}"
            if name in anchors:
                name = f"c4-{alias}-{position + 1}"
            anchors.add(name)
            return name

        rows = element_rows(
            diagram.elements,
            self.architecture.affecting,
            self.renderer.style,
            self._linker(page),
            anchor,
        )
        return self.renderer.c4_diagram(
            diagram,
            fence.content,
            rows,
            self._mermaid_url(page),
            self._page_url("index", page),
        )

    def _directive_html(self, directive: Directive, page: Page) -> str | None:
        assert self.renderer is not None
        assert self.collection is not None
        link = self._linker(page)
        decisions = self._filters(directive).apply(self.collection.decisions)
        if directive.name == "index":
            return self.renderer.index(
                decisions, link, self._page_url("timeline", page), self._page_url("graph", page)
            )
        if directive.name == "timeline":
            return self.renderer.timeline(decisions, link)
        if directive.name == "graph":
            return self.renderer.graph(decisions, link, self._mermaid_url(page))
        if directive.name == "compare":
            return self._compare(directive, page)
        if directive.name == "c4-coverage":
            return self.renderer.coverage(
                coverage(self.architecture),
                [d for d in self.architecture.unnamed if d in decisions],
                link,
                lambda alias: self._element_link(alias, page).url,
            )
        return None

    def _compare(self, directive: Directive, page: Page) -> str | None:
        assert self.renderer is not None
        assert self.collection is not None
        reference = directive.positional[0] if directive.positional else ""
        decision = self.collection.find(reference) if reference else None
        if decision is None:
            self._report_directive(directive, page, f"madr:compare: no record '{reference}'")
            return ""
        file = self.record_files.get(decision.key)
        title = decision.title or decision.slug
        html = self.renderer.comparison(decision, heading=f"Options considered in {title}")
        if file is not None:
            url = get_relative_url(file.url, page.url)
            link = f'<a href="{_attr(url)}">Read the decision</a>'
            html += f'\n<p class="madr-compare__source">{link}</p>'
        return html

    def _report_directive(self, directive: Directive, page: Page, message: str) -> None:
        problem = diagnostic(Code.UNKNOWN_DIRECTIVE, page.file.src_uri, directive.line, message)
        self._report([problem], self.docs_dir)

    def _filters(self, directive: Directive) -> Filters:
        limit = directive.options.get("limit", "")
        return Filters(
            statuses=directive.values("status"),
            tags=directive.values("tag"),
            categories=directive.values("category", lower=False),
            deciders=directive.values("decider"),
            c4=directive.values("c4", lower=False),
            limit=int(limit) if limit.isdigit() else None,
        )

    def _page_url(self, name: str, page: Page) -> str | None:
        file = self.pages.get(name)
        return get_relative_url(file.url, page.url) if file is not None else None

    def _mermaid_url(self, page: Page) -> str:
        if self.mermaid_local:
            return get_relative_url(self.mermaid_uri, page.url)
        return str(self.config.mermaid_js)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or page.file is not self.glossary_file:
            return None
        assert self.renderer is not None
        link = self._linker(page)
        marker = USAGE_PLACEHOLDER.split("{", 1)[0]
        if marker not in output:
            return None
        for term in self.glossary_extension.glossary.terms:
            placeholder = USAGE_PLACEHOLDER.format(anchor=term.anchor)
            if placeholder in output:
                used = self.term_usage.get(term.anchor, [])
                output = output.replace(placeholder, self.renderer.term_usage(used, link))
        return output

    def _term_href(self, term: Term) -> str:
        file = self.glossary_file
        page = self.current_page
        if file is None or page is None:
            return f"#{term.anchor}"
        # A link to the source file: MkDocs resolves it for any URL style and checks the anchor.
        source = posixpath.relpath(file.src_uri, posixpath.dirname(page.file.src_uri) or ".")
        return f"{source}#{term.anchor}"

    def _term_used(self, term: Term) -> None:
        decision = self.current_decision
        if decision is None:
            return
        users = self.term_usage.setdefault(term.anchor, [])
        if decision not in users:
            users.append(decision)

    def _glossary_problem(self, problem: Diagnostic) -> None:
        page = self.current_page
        line = problem.line
        if page is not None and line is not None:
            line = _source_line(page, self.rendered.get(page.file.src_uri, ""), line)
        where = self.root if self.current_decision is not None else self.docs_dir
        file = self.current_decision.file if self.current_decision is not None else problem.file
        self._report([diagnostic(problem.code, file, line, problem.message)], where)

    # --- serve -------------------------------------------------------------------------------

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled and not self.inside_docs:
            server.watch(str(self.root))
        if self.config.enabled and self.templates_dir is not None:
            server.watch(str(self.templates_dir))
        return server


def _source_line(page: Page, rendered: str, line: int) -> int | None:
    """The source-file line of `line` in the Markdown we handed MkDocs (front matter removed,
    fragments inserted): the nearest source line with the same text."""
    lines = rendered.split("\n")
    if not 0 < line <= len(lines):
        return None
    try:
        source = Path(page.file.abs_src_path or "").read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return line
    wanted = lines[line - 1]
    matches = [n for n, text in enumerate(source.splitlines(), start=1) if text == wanted]
    return min(matches, key=lambda n: abs(n - line)) if matches else line


def _is_local(location: str) -> bool:
    return "://" not in location and not location.startswith("//")


def _relative(path: Path, start: Path) -> str:
    try:
        return Path(path).resolve().relative_to(start.resolve()).as_posix()
    except ValueError:
        return posixpath.relpath(Path(path).resolve().as_posix(), start.resolve().as_posix())


def _attr(value: str) -> str:
    from markupsafe import escape

    return str(escape(value))


def _pages_of(items: list[Any]) -> list[Page]:
    pages: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            pages.append(item)
        elif getattr(item, "children", None):
            pages.extend(_pages_of(item.children))
    return pages


def _link_parents(section: Section) -> None:
    for child in section.children:
        child.parent = section
        if isinstance(child, Section):
            _link_parents(child)


def _link_siblings(pages: list[Page]) -> None:
    for index, page in enumerate(pages):
        page.previous_page = pages[index - 1] if index > 0 else None
        page.next_page = pages[index + 1] if index + 1 < len(pages) else None
