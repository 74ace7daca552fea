"""Checks that need the documentation around the records: C4 diagrams, the glossary, directives.

The plugin makes these checks while it builds; `adr lint` makes them here, from the files, so
that lint fails wherever `mkdocs build --strict` would. Pure core: no MkDocs.

The C4, glossary and Markdown readers are imported when a page or a record needs them: `adr
lint` on a folder of records without any is then spared their import.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.collection import Collection
from ..core.diagnostics import Code, Diagnostic, diagnostic
from ..core.export import text_with_references
from ..core.model import Decision
from ..core.walk import Links, walk

if TYPE_CHECKING:
    from ..c4 import C4Index
    from ..glossary import Glossary

GLOSSARY_PAGES = ("GLOSSARY.md", "glossary.md", "glossary/index.md")
"""Where the glossary is looked for when the `glossary` option does not name it."""

_PIECES = {"code_inline": "\x02", "softbreak": "\n", "hardbreak": "\n"}


@dataclass(frozen=True)
class DocPage:
    """A Markdown page of the documentation: its path in docs_dir, where to report, its text."""

    uri: str
    shown: str
    text: str


def read_architecture(pages: Iterable[DocPage]) -> tuple[C4Index, list[Diagnostic]]:
    """The C4 index of every diagram in `pages`, with the problems found reading them."""
    from ..c4 import C4Index, find_c4_diagrams

    diagrams, problems = [], []
    for page in pages:
        if "C4" in page.text and "mermaid" in page.text:
            found, found_problems = find_c4_diagrams(page.text, page.shown)
            diagrams += found
            problems += found_problems
    index, index_problems = C4Index.build(diagrams)
    return index, problems + index_problems


def check_documentation(
    docs_dir: Path | None,
    collection: Collection,
    *,
    glossary: str | None = None,
    shown_from: Path | None = None,
    links: Links | None = None,
    record_text: Callable[[Decision], str | None] | None = None,
) -> list[Diagnostic]:
    """What a build would report beyond the records themselves.

    Raises `MissingGlossary` when `glossary` names no page of `docs_dir`, where a build
    stops. Pages are read from `docs_dir` (the records' own files excepted); each diagnostic names
    its page relative to `shown_from` (default: the current folder). Without a `docs_dir`
    only the records are checked: their C4 elements against no diagrams are not reported,
    since there is nowhere they could be defined. Links in `docs_dir` are followed as
    `links` allows (MkDocs itself follows them all, and reports nothing). `record_text` gives a
    record's text if it may hold a glossary reference (`export.text_with_references`), when the
    caller kept it; by default each record is read again.
    """
    pages: list[DocPage] = []
    if docs_dir is not None:
        found = (_identity(collection.root / d.file) for d in collection.decisions)
        records = {identity for identity in found if identity is not None}
        pages = list(_read_pages(docs_dir, records, shown_from, links))
    problems: list[Diagnostic] = []
    if pages:
        from .architecture import link_architecture

        index, c4_problems = read_architecture(pages)
        problems += c4_problems
        problems += link_architecture(collection, index)[1]
    glossary_page = _find_glossary(pages, glossary)
    if glossary is not None and docs_dir is not None and glossary_page is None:
        raise MissingGlossary(missing_glossary(glossary))
    terms: Glossary | None = None
    if glossary_page is not None:
        from ..glossary import parse_glossary

        terms, glossary_problems = parse_glossary(glossary_page.text, glossary_page.shown)
        problems += glossary_problems
    for page in pages:
        problems += _directive_problems(page, collection)
        problems += _unknown_references(page.text, page.shown, terms)
    for decision in collection.decisions:
        text = (
            record_text(decision)
            if record_text is not None
            else read_record_text(collection.root, decision.file)
        )
        if text is not None:
            problems += _unknown_references(text, decision.file, terms)
    return problems


def read_record_text(root: Path, file: str) -> str | None:
    """`export.text_with_references` of the record at `file` in `root` (None when it cannot be
    read: a problem reported as the record's own)."""
    try:
        with open(os.path.join(root, file), "rb") as handle:
            return text_with_references(handle.read())
    except OSError:
        return None


def _read_pages(
    docs_dir: Path,
    records: set[tuple[int, int] | Path],
    shown_from: Path | None,
    links: Links | None,
) -> Iterator[DocPage]:
    if not docs_dir.is_dir():
        return
    for uri in walk(docs_dir, links, hidden=(".",)).files:
        path = docs_dir / uri
        if _identity(path) in records:
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # MkDocs itself reports pages it cannot read
        yield DocPage(uri, os.path.relpath(path, shown_from or Path.cwd()), text)


def _identity(path: Path) -> tuple[int, int] | Path | None:
    """The file a path names, whatever links lead to it (one system call; resolving the path
    takes one per folder on the way), or None if it cannot be read."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    if not found.st_ino:  # a file system without inode numbers: tell files by their path
        return path.resolve()
    return found.st_dev, found.st_ino


def missing_glossary(wanted: str) -> str:
    """What is wrong with a `glossary` setting that names no page (build and lint alike)."""
    return f"{wanted!r} is not a page in docs_dir"


class MissingGlossary(Exception):
    """The `glossary` option names a page docs_dir does not have."""


def _find_glossary(pages: list[DocPage], wanted: str | None) -> DocPage | None:
    by_uri = {page.uri: page for page in pages}
    for name in [wanted] if wanted else GLOSSARY_PAGES:
        if name in by_uri:
            return by_uri[name]
    return None


def _directive_problems(page: DocPage, collection: Collection) -> list[Diagnostic]:
    if "madr:" not in page.text:
        return []
    from .directives import reference_problems, scan_page

    scan = scan_page(page.text, page.shown)
    problems = list(scan.problems)
    for directive in scan.directives:
        problems += reference_problems(directive, collection, page.shown)
    return problems


def _unknown_references(text: str, shown: str, glossary: Glossary | None) -> list[Diagnostic]:
    """`[[Term]]` references the glossary does not define, outside code (none without a
    glossary page: then `[[…]]` is left as written)."""
    if "[[" not in text or glossary is None:
        return []
    from ..glossary.matcher import EXPLICIT_REFERENCE
    from ..glossary.plaintext import collapse

    problems = []
    for first_line, prose in _prose(text):
        for match in EXPLICIT_REFERENCE.finditer(prose):
            name = collapse(match["ref"])
            if name and (glossary is None or glossary.find(name) is None):
                line = first_line + prose.count("\n", 0, match.start())
                problems.append(
                    diagnostic(
                        Code.GLOSSARY_UNKNOWN_TERM,
                        shown,
                        line,
                        f'"{name}" is not in the glossary; the reference is shown as plain text.',
                    )
                )
    return problems


def _prose(text: str) -> Iterator[tuple[int, str]]:
    """The text of each inline run with its first line; code spans cannot hold a reference."""
    from ..core.blocks import block_tokens, inline_tokens

    for token in block_tokens(text):
        if token.type != "inline" or token.map is None or "[[" not in token.content:
            continue
        pieces = [
            _PIECES.get(child.type, child.content)
            for child in inline_tokens(token.content)
            if child.type in ("text", "code_inline", "softbreak", "hardbreak")
        ]
        yield token.map[0] + 1, "".join(pieces)
