"""Helpers for the glossary tests: fixture pages, real Python-Markdown rendering, links."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import markdown
from mkdocs_madr.core.diagnostics import Diagnostic
from mkdocs_madr.glossary import Glossary, GlossaryExtension, Term, parse_glossary

FIXTURES = Path(__file__).parent / "fixtures"
STANDARD_EXTENSIONS = ("tables", "def_list", "fenced_code")


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def line_of(source: str, prefix: str, *, exact: bool = False) -> int:
    """1-based number of the first line of `source` that starts with (or is) `prefix`."""
    for number, line in enumerate(source.splitlines(), start=1):
        if line == prefix or (not exact and line.startswith(prefix)):
            return number
    raise AssertionError(f"no line starts with {prefix!r}")


def glossary_of(source: str, page: str = "glossary.md") -> Glossary:
    glossary, problems = parse_glossary(source, page)
    assert problems == []
    return glossary


@dataclass
class Rendered:
    html: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    used: list[Term] = field(default_factory=list)

    @property
    def links(self) -> list[dict[str, str]]:
        """Every `a.madr-term` as its attributes plus `text`."""
        return [
            tag for tag in _tags(self.html) if tag["tag"] == "a" and "madr-term" in tag["class"]
        ]

    @property
    def link_texts(self) -> list[str]:
        return [link["text"] for link in self.links]

    @property
    def unknown(self) -> list[str]:
        return [tag["text"] for tag in _tags(self.html) if tag["class"] == "madr-term-unknown"]


def render(
    source: str,
    glossary: Glossary,
    *,
    page: str = "decisions/0007-use-nats.md",
    is_glossary_page: bool = False,
    extensions: Sequence[object] = STANDARD_EXTENSIONS,
    extension_configs: dict[str, dict[str, object]] | None = None,
    line_offset: int = 0,
) -> Rendered:
    rendered = Rendered("")
    extension = GlossaryExtension(
        glossary,
        href_for=lambda term: f"../glossary/#{term.anchor}",
        page=page,
        is_glossary_page=is_glossary_page,
        on_use=rendered.used.append,
        diagnostics=rendered.diagnostics,
        line_offset=line_offset,
    )
    rendered.html = markdown.markdown(
        source,
        extensions=[*extensions, extension],
        extension_configs=extension_configs or {},
    )
    return rendered


class _TagCollector(HTMLParser):
    """Attributes and direct text of every element, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[dict[str, str]] = []
        self._open: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, "class": "", "text": ""}
        element.update({name: value or "" for name, value in attrs})
        self.tags.append(element)
        if tag not in ("br", "hr", "img", "input", "meta", "link"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if self._open and self._open[-1]["tag"] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element["text"] += data


def _tags(html: str) -> list[dict[str, str]]:
    collector = _TagCollector()
    collector.feed(html)
    return collector.tags
