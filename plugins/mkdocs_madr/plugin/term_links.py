"""The glossary in a build: the Markdown extension that links terms on every page, the glossary
page it reads, and which records use which term (listed under each entry)."""

from __future__ import annotations

from collections.abc import Callable

from ..core.diagnostics import Code, Diagnostic, diagnostic
from ..core.settings import Settings
from ..glossary import USAGE_PLACEHOLDER, Glossary, GlossaryExtension, Term, TermForm
from ..glossary import parse_glossary as read_glossary_page
from ..site.checks import GLOSSARY_PAGES, missing_glossary
from ..site.content import SiteContent
from .host import File, Files, MkDocsConfig, Page, PluginError, get_relative_url

ProblemSink = Callable[[Diagnostic, "str | None"], None]
"""Receives a problem the linker found on the page being rendered, and that page's record."""


class TermLinks:
    """One build's glossary links."""

    def __init__(self, settings: Settings, on_problem: ProblemSink) -> None:
        self.settings = settings
        self.on_problem = on_problem
        self.file: File | None = None
        """The glossary page, if the site has one."""
        self.page: Page | None = None
        self.record: str | None = None
        self.usage: dict[str, dict[str, None]] = {}
        """Term anchor → the records using it (paths, in order)."""
        self._hrefs: dict[str, str] = {}
        self.extension = GlossaryExtension(
            Glossary(page="", terms=()),
            href_for=self._href,
            on_use=self._used,
            diagnostics=self._problem,
        )
        # After MkDocs' own link resolution (priority 0): term links need no checking.
        self.extension.link_priority = -10

    def register(self, config: MkDocsConfig) -> None:
        # Material's improved tooltips read `title` as HTML: definitions must then be escaped.
        features = config.theme.get("features") or []
        self.extension.tooltip_markup = "content.tooltips" in features
        config.markdown_extensions.append(self.extension)

    def read_glossary(self, files: Files, def_list: bool) -> list[Diagnostic]:
        """Find and read the glossary page; problems are relative to `docs_dir`."""
        wanted = self.settings.glossary
        for name in [wanted] if wanted else GLOSSARY_PAGES:
            self.file = files.get_file_from_path(name)
            if self.file is not None:
                break
        if self.file is None:
            if wanted:
                raise PluginError(str(self.settings.error("glossary", missing_glossary(wanted))))
            self.extension.use_glossary(Glossary(page="", terms=()))
            return []
        glossary, problems = read_glossary_page(self.file.content_string, self.file.src_uri)
        self.extension.use_glossary(glossary)
        listed = [t for t in glossary.terms if t.form is TermForm.DEFINITION_LIST]
        if listed and not def_list:
            message = (
                "the glossary is written as definition lists, but the def_list Markdown "
                "extension is off, so its terms get no anchors; add `def_list` to "
                "markdown_extensions"
            )
            problems.append(
                diagnostic(Code.GLOSSARY_NEEDS_DEF_LIST, self.file.src_uri, listed[0].line, message)
            )
        return problems

    def begin_page(self, page: Page, record: str | None) -> None:
        """Point the extension at the next page to render (`record`: the record it is)."""
        self.page, self.record = page, record
        links = self.settings.glossary_links
        self.extension.for_page(
            page.file.src_uri,
            is_glossary_page=page.file is self.file,
            auto_link=links == "all" or (links == "decisions" and record is not None),
        )

    def add_usage(self, record: str, anchors: tuple[str, ...]) -> None:
        """Terms a worker found used in `record`'s page."""
        for anchor in anchors:
            self.usage.setdefault(anchor, {})[record] = None

    def usage_lists(self, output: str, page_url: str, content: SiteContent) -> str:
        """The glossary page with, under each entry, the records that use the term."""
        decisions = content.collection.by_file
        for term in self.extension.glossary.terms:
            placeholder = USAGE_PLACEHOLDER.format(anchor=term.anchor)
            if placeholder in output:
                found = (decisions.get(path) for path in self.usage.get(term.anchor, {}))
                used = [decision for decision in found if decision is not None]
                output = output.replace(placeholder, content.term_usage(used, page_url, term.name))
        return output

    def _href(self, term: Term) -> str:
        file, page = self.file, self.page
        if file is None or page is None:
            return f"#{term.anchor}"
        # Linking runs after MkDocs resolved the page's links, so the URL must be final.
        target = self._hrefs.get(page.url)
        if target is None:
            target = self._hrefs[page.url] = get_relative_url(file.url, page.url)
        return f"{target}#{term.anchor}"

    def _used(self, term: Term) -> None:
        if self.record is not None:
            self.usage.setdefault(term.anchor, {})[self.record] = None

    def _problem(self, problem: Diagnostic) -> None:
        self.on_problem(problem, self.record)
