"""The Python-Markdown extension that links glossary terms on every page.

On an ordinary page the first use of each term (name or alias, any case) becomes
`<a class="madr-term" href="…" title="definition">`; `[[Term]]` and `[[Term|shown text]]`
always link. Code, preformatted text, links, headings, scripts, styles, abbreviations, keyboard
input and Mermaid diagrams are never touched, and text is read from the element tree after
inline processing, so code spans and fenced blocks (stashed by `fenced_code` or
`pymdownx.superfences`) are skipped by construction.

On the glossary page nothing is linked automatically; each entry gets its anchor as `id` and a
`<!--madr-term-usage:ANCHOR-->` comment after its definition instead.
"""

from __future__ import annotations

import enum
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..core.diagnostics import Code, Diagnostic, diagnostic
from .glossary_page import mark_glossary_entries
from .matcher import TermMatch, TermMatcher
from .model import Glossary, Term
from .plaintext import collapse

DiagnosticSink = list[Diagnostic] | Callable[[Diagnostic], None]
"""Where problems go: a list to append to, or a callable receiving each one."""

_Rewritten = tuple[str, list[tuple[etree.Element, str]]]
"""The text before the first new element, then each new element with the text after it."""

TERM_CLASS = "madr-term"
UNKNOWN_TERM_CLASS = "madr-term-unknown"

_TERM_LINK = re.compile(f'<a class="{TERM_CLASS}"[^>]*>([^<]*)</a>')


def without_term_links(html: str) -> str:
    """`html` with each term link replaced by its text (what a search index needs of it)."""
    return _TERM_LINK.sub(r"\1", html) if TERM_CLASS in html else html


# After attr_list (8) and abbr (7), so explicit ids are set and abbreviations already wrapped;
# before smarty (6) and toc (5), so headings get their ids from the cleaned text.
_TREEPROCESSOR_PRIORITY = 6.5
LINK_PRIORITY = 6.4
"""Where linking runs by default. A host that resolves links itself can run it after that
(MkDocs: below 0, with final URLs from `href_for`), so its resolver never sees term links."""
# Before every preprocessor that rewrites lines, so lines are the page's own source.
_SOURCE_PRIORITY = 40

_LITERAL_TAGS = frozenset({"code", "pre", "script", "style", "kbd", "samp", "textarea"})
_UNLINKED_TAGS = frozenset({"a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6"})
# Titles are read like headings: an admonition's or a collapsible block's title, a figure or
# table caption, a tab's label.
_TITLE_TAGS = frozenset({"summary", "figcaption", "caption", "label"})
_TITLE_CLASSES = frozenset({"admonition-title", "tabbed-labels"})
_RAW_PLACEHOLDER = re.compile("\x02wzxhzdk:([0-9]+)\x03")
_RAW_TAG = re.compile(r"^<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_FENCE_CLOSE = re.compile(r"^\s*(`{3,}|~{3,})\s*$")
_CODE_SPAN = re.compile(r"(`+).+?\1")


class _Mode(enum.IntEnum):
    """What may change in a text node; a child never gets more than its parent."""

    LITERAL = 0
    UNWRAP = 1
    """`[[…]]` loses its brackets but nothing is linked (headings, links)."""
    EXPLICIT = 2
    """Only `[[…]]` references link (the glossary page)."""
    LINK = 3


@dataclass(frozen=True)
class _Mentions:
    """What the text of an element (all its nodes) holds, for deciding whether to walk it."""

    anchors: frozenset[str]
    """The terms it mentions; empty when it has `references` (they are walked anyway)."""
    references: bool
    """`[[…]]` references, which resolve wherever they are: the element is always walked."""
    raw_html: bool
    """Raw HTML placeholders, which may close a tag opened before the element."""


_NOTHING = _Mentions(frozenset(), references=False, raw_html=False)
_SEPARATOR = "\x00"
"""Joins the text of an element's nodes: neither a word character nor whitespace, so no term
(whose words `\\s+` joins) matches across two nodes, just as the walk matches node by node."""


class GlossaryExtension(Extension):  # type: ignore[misc]
    """Links glossary terms; configured in code, one page at a time.

    Args:
        glossary: The terms to link.
        href_for: The URL of a term's entry, relative to the page being rendered.
        page: The page path, named in diagnostics.
        is_glossary_page: True on the glossary page itself: anchors, no automatic links.
        on_use: Called once per term a page links, to record which pages use which term.
            Not called on the glossary page.
        diagnostics: A list that receives problems, or a callable called with each one.
        line_offset: Added to reported lines, for front matter stripped before rendering.
    """

    def __init__(
        self,
        glossary: Glossary,
        *,
        href_for: Callable[[Term], str],
        page: str = "",
        is_glossary_page: bool = False,
        on_use: Callable[[Term], None] | None = None,
        diagnostics: DiagnosticSink | None = None,
        line_offset: int = 0,
    ) -> None:
        super().__init__()
        self.glossary = glossary
        self.href_for = href_for
        self.on_use = on_use
        self.diagnostics = diagnostics
        self.page = page
        self.is_glossary_page = is_glossary_page
        self.line_offset = line_offset
        self.auto_link = True
        self.link_priority = LINK_PRIORITY
        self.tooltip_markup = False
        """True when the theme shows `title` as HTML (Material's `content.tooltips`)."""
        self.matcher = TermMatcher(glossary)
        self._tooltips: dict[str, str] = {}

    def for_page(
        self,
        page: str,
        *,
        is_glossary_page: bool = False,
        line_offset: int = 0,
        auto_link: bool = True,
    ) -> None:
        """Point a shared extension at the next page to render.

        With `auto_link=False` only explicit `[[Term]]` references link on that page.
        """
        self.page = page
        self.is_glossary_page = is_glossary_page
        self.line_offset = line_offset
        self.auto_link = auto_link

    def use_glossary(self, glossary: Glossary) -> None:
        """Replace the terms (the glossary page is read after the extension is registered)."""
        self.glossary = glossary
        self.matcher = TermMatcher(glossary)
        self._tooltips = {}

    def tooltip(self, term: Term) -> str:
        """The definition as one line, for the link's title."""
        found = self._tooltips.get(term.anchor)
        if found is None:
            text = collapse(term.definition)
            # Python-Markdown leaves entities in attributes alone, so text meant to be shown as
            # HTML is escaped twice: the attribute then decodes to escaped text, not tags.
            found = html.escape(html.escape(text)) if self.tooltip_markup else text
            self._tooltips[term.anchor] = found
        return found

    def report(self, problem: Diagnostic) -> None:
        """Hand a diagnostic to the configured sink."""
        if isinstance(self.diagnostics, list):
            self.diagnostics.append(problem)
        elif self.diagnostics is not None:
            self.diagnostics(problem)

    def extendMarkdown(self, md: Markdown) -> None:
        source = _SourceRecorder(md)
        md.preprocessors.register(source, "madr_glossary_source", _SOURCE_PRIORITY)
        md.treeprocessors.register(
            GlossaryAnchors(md, self), "madr_glossary_anchors", _TREEPROCESSOR_PRIORITY
        )
        md.treeprocessors.register(
            GlossaryTreeprocessor(md, self, source), "madr_glossary", self.link_priority
        )


class _Pieces:
    """A text node being split around new elements."""

    def __init__(self) -> None:
        self.head = ""
        self.elements: list[tuple[etree.Element, str]] = []

    def add(self, piece: str | etree.Element) -> None:
        if not isinstance(piece, str):
            self.elements.append((piece, ""))
        elif self.elements:
            element, tail = self.elements[-1]
            self.elements[-1] = (element, tail + piece)
        else:
            self.head += piece


class _SourceRecorder(Preprocessor):  # type: ignore[misc]
    """Keeps the page's source lines so a `[[…]]` problem can name its line."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.lines: list[str] = []
        self.code: list[bool] | None = None

    def run(self, lines: list[str]) -> list[str]:
        self.lines = list(lines)
        self.code = None
        return lines

    def line_of(self, literal: str, occurrence: int) -> int | None:
        """1-based line of the `occurrence`-th (0-based) `literal` outside code.

        Best effort: a reference written across lines gets None, and code the scan does not
        recognise (indented blocks, spans across lines) can shift it to a later line. A fence
        never closed is text, as Python-Markdown reads it; when the literal is found only in
        code, its first line there is given rather than none.
        """
        if self.code is None:
            self.code = _fenced(self.lines)
        code = self.code
        first: int | None = None
        for number, line in enumerate(self.lines, start=1):
            if first is None and literal in line:
                first = number
            if code[number - 1]:
                continue
            occurrence -= _CODE_SPAN.sub("", line).count(literal)
            if occurrence < 0:
                return number
        return first


def _fenced(lines: list[str]) -> list[bool]:
    """Which lines belong to a fenced code block (fences included); a fence needs its closing
    fence (the same characters, at least as many) to open a block. Linear in the lines."""
    closings = [_FENCE_CLOSE.match(line) for line in lines]
    # longest[char][i]: the longest closing fence of `char` at line i or below.
    longest = {"`": [0] * (len(lines) + 1), "~": [0] * (len(lines) + 1)}
    for index in range(len(lines) - 1, -1, -1):
        for lengths in longest.values():
            lengths[index] = lengths[index + 1]
        found = closings[index]
        if found is not None:
            lengths = longest[found[1][0]]
            lengths[index] = max(lengths[index], len(found[1]))
    flags = [False] * len(lines)
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None or longest[opening[1][0]][index + 1] < len(opening[1]):
            index += 1  # not a fence, or one never closed: text
            continue
        marker = opening[1]
        end = index + 1
        while not ((found := closings[end]) and found[1].startswith(marker)):
            end += 1
        flags[index : end + 1] = [True] * (end + 1 - index)
        index = end + 1
    return flags


class GlossaryTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Rewrites text nodes of one page; state lives only for one `run`."""

    def __init__(self, md: Markdown, extension: GlossaryExtension, source: _SourceRecorder) -> None:
        super().__init__(md)
        self.extension = extension
        self.source = source
        self.linked: set[str] = set()
        self.references_seen: dict[str, int] = {}
        self.open_raw_tags: list[str] = []
        """Raw inline HTML elements (`<a>`, `<code>`…) open at the current text position."""
        self.wanted: set[str] | None = None
        """Anchors of the terms this page can link; None when that is not known up front."""
        self.mentions: dict[int, _Mentions] = {}
        """What each top-level block mentions (see `_mentioned`), by `id()` of the block."""
        self.prefilter = False
        """True where blocks that mention no unlinked term are skipped (automatic linking)."""

    def run(self, root: etree.Element) -> None:
        extension = self.extension
        if not extension.glossary.page and not extension.is_glossary_page:
            return  # no glossary: `[[…]]` is what its author meant (a wiki link, a placeholder)
        if (
            (not extension.glossary.terms or not extension.auto_link)
            and not extension.is_glossary_page
            and not any("[[" in line for line in self.source.lines)
        ):
            return  # nothing to link, and no explicit reference to resolve
        self.linked = set()
        self.references_seen = {}
        self.open_raw_tags = []
        mode = (
            _Mode.EXPLICIT
            if self.extension.is_glossary_page or not extension.auto_link
            else (_Mode.LINK)
        )
        self.mentions = {}
        self.wanted = None
        self.prefilter = mode is _Mode.LINK
        if mode is _Mode.LINK:
            self.wanted = self._terms_mentioned(root)
            if self.wanted == set():
                return
        self._rewrite_element(root, mode)

    def _terms_mentioned(self, root: etree.Element) -> set[str] | None:
        """Anchors of the terms the page mentions; None when a block must be walked anyway.

        Each term is linked once per page, so once all of them are linked the rest of the page
        needs no matching: on a long page that is most of it. What each top-level block
        mentions is kept for `_may_change`, so the page's text is matched once.
        """
        wanted: set[str] | None = set()
        loose = [root.text or "", *(child.tail or "" for child in root)]
        for element, mentions in [
            *((child, self._mentioned(child, _child_mode(child, _Mode.LINK))) for child in root),
            (None, self._mentioned_in(_SEPARATOR.join(loose))),
        ]:
            if element is not None:
                self.mentions[id(element)] = mentions
            if mentions.references:
                wanted = None
            elif wanted is not None:
                wanted |= mentions.anchors
        return wanted

    def _mentioned(self, element: etree.Element, mode: _Mode) -> _Mentions:
        if mode is _Mode.LITERAL:
            return _NOTHING
        mentions = self._mentioned_in(_SEPARATOR.join(element.itertext()))
        if mode is not _Mode.LINK:  # a term in a heading is never linked: nothing to wait for
            return _Mentions(frozenset(), mentions.references, mentions.raw_html)
        return mentions

    def _mentioned_in(self, text: str) -> _Mentions:
        if "[[" in text:
            return _Mentions(frozenset(), references=True, raw_html="\x02" in text)
        anchors = frozenset(self.extension.matcher.anchors_in(text))
        return _Mentions(anchors, references=False, raw_html="\x02" in text)

    def _all_linked(self) -> bool:
        return self.wanted is not None and self.wanted <= self.linked

    def _rewrite_element(self, element: etree.Element, mode: _Mode) -> None:
        # Raw tags left open inside an element close with it, as a browser would close them.
        if self._all_linked():
            return
        open_raw_tags = len(self.open_raw_tags)
        originals = list(element)
        position = 0
        rewritten = self._rewrite_text(element.text, mode)
        if rewritten is not None:
            element.text, inserted = rewritten
            position = _insert(element, 0, inserted)
        for child in originals:
            if self._all_linked():
                break
            child_mode = _child_mode(child, mode)
            if child_mode is not _Mode.LITERAL and self._may_change(child, child_mode):
                self._rewrite_element(child, child_mode)
            position += 1
            rewritten = self._rewrite_text(child.tail, mode)
            if rewritten is not None:
                child.tail, inserted = rewritten
                position = _insert(element, position, inserted)
        del self.open_raw_tags[open_raw_tags:]

    def _may_change(self, element: etree.Element, mode: _Mode) -> bool:
        """False when walking `element` could change nothing: it mentions no term still to
        link. One pass over its joined text is far cheaper than visiting each node, and most
        blocks of a long page only repeat terms linked above them."""
        if not self.prefilter:
            return True  # only references on this page: every node may hold one
        key = id(element)
        if key in self.mentions:
            mentions = self.mentions.pop(key)
        else:
            mentions = self._mentioned(element, mode)
        return (
            mentions.references
            # Raw HTML inside may close a tag opened before it, which changes what follows.
            or (mentions.raw_html and bool(self.open_raw_tags))
            or not mentions.anchors <= self.linked
        )

    def _rewrite_text(self, text: str | None, mode: _Mode) -> _Rewritten | None:
        """The text split around the links it gets, or None when nothing changes."""
        if not text or mode is _Mode.LITERAL or isinstance(text, AtomicString):
            return None
        if mode is not _Mode.LINK and "[[" not in text and "\x02" not in text:
            return None  # only references and raw-HTML placeholders matter here
        if text.isspace():
            return None
        matches = (
            self.extension.matcher.all_matches(text)
            if mode is _Mode.LINK
            else self.extension.matcher.references(text)
        )
        pieces = _Pieces()
        done = 0
        for match in matches:
            if match["stash"]:
                self._follow_raw_html(match["stash"])
                continue
            replacement = None if self.open_raw_tags else self._replacement(match, mode)
            if replacement is None:
                continue
            pieces.add(text[done : match.start()])
            pieces.add(replacement)
            done = match.end()
        if not done:
            return None
        pieces.add(text[done:])
        return pieces.head, pieces.elements

    def _follow_raw_html(self, placeholder: str) -> None:
        """Track inline raw HTML tags whose content must stay untouched, like `<a>…</a>`."""
        tag = _RAW_TAG.match(self._stashed_html(placeholder))
        if tag is None:
            return
        closing, name, attributes = tag[1] == "/", tag[2].lower(), tag[3]
        if closing and name in self.open_raw_tags:
            innermost = len(self.open_raw_tags) - 1 - self.open_raw_tags[::-1].index(name)
            del self.open_raw_tags[innermost:]
        elif not closing and _is_untouchable(name, attributes):
            self.open_raw_tags.append(name)

    def _stashed_html(self, placeholder: str) -> str:
        """The raw HTML a placeholder stands for; empty for other kinds of placeholder."""
        index = _RAW_PLACEHOLDER.fullmatch(placeholder)
        stash = self.md.htmlStash.rawHtmlBlocks
        if index is None or int(index[1]) >= len(stash):
            return ""
        html = stash[int(index[1])]
        return html if isinstance(html, str) else ""

    def _replacement(
        self, match: re.Match[str] | TermMatch, mode: _Mode
    ) -> str | etree.Element | None:
        if match["explicit"]:
            assert isinstance(match, re.Match)  # references only come from the full pattern
            return self._reference(match, mode)
        spelling = match.groupdict().get("term")
        if not spelling:
            return None
        term = self.extension.matcher.term_for(spelling)
        if term is None or term.anchor in self.linked:
            return None
        return self._link(term, spelling)

    def _reference(self, match: re.Match[str], mode: _Mode) -> str | etree.Element | None:
        name = collapse(match["ref"])
        shown = collapse(match["shown"] or "") or name
        if not name:
            return None
        term = self.extension.glossary.find(name)
        if term is None:
            self._report_unknown(match["explicit"], name)
            span = etree.Element("span", {"class": UNKNOWN_TERM_CLASS})
            span.text = shown
            return span
        if mode is _Mode.UNWRAP:
            return shown
        return self._link(term, shown)

    def _link(self, term: Term, text: str) -> etree.Element:
        link = etree.Element("a", {"class": TERM_CLASS, "href": self.extension.href_for(term)})
        tooltip = self.extension.tooltip(term)
        if tooltip:
            link.set("title", tooltip)
        link.text = text
        if term.anchor not in self.linked:
            self.linked.add(term.anchor)
            if self.extension.on_use is not None and not self.extension.is_glossary_page:
                self.extension.on_use(term)
        return link

    def _report_unknown(self, literal: str, name: str) -> None:
        occurrence = self.references_seen.get(literal, 0)
        self.references_seen[literal] = occurrence + 1
        line = self.source.line_of(literal, occurrence)
        if line is not None:
            line += self.extension.line_offset
        message = f'"{name}" is not in the glossary; the reference is shown as plain text.'
        self.extension.report(
            diagnostic(Code.GLOSSARY_UNKNOWN_TERM, self.extension.page, line, message)
        )


class GlossaryAnchors(Treeprocessor):  # type: ignore[misc]
    """On the glossary page, gives each entry its anchor and a usage placeholder.

    Runs before MkDocs collects the page's anchors, so links to `GLOSSARY.md#term-…` from any
    page validate; linking itself runs later (see `LINK_PRIORITY`)."""

    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.is_glossary_page:
            stash = self.md.htmlStash
            mark_glossary_entries(root, self.extension.glossary, stash.store, stash.rawHtmlBlocks)


def _child_mode(child: etree.Element, mode: _Mode) -> _Mode:
    tag = child.tag if isinstance(child.tag, str) else ""
    classes = (child.get("class") or "").split()
    if not tag or tag in _LITERAL_TAGS or "mermaid" in classes:
        return _Mode.LITERAL
    if tag in _UNLINKED_TAGS or tag in _TITLE_TAGS or _TITLE_CLASSES.intersection(classes):
        return min(mode, _Mode.UNWRAP)
    return mode


def _insert(
    parent: etree.Element, position: int, inserted: Sequence[tuple[etree.Element, str]]
) -> int:
    """Insert the new elements with their tails at `position`; the position after them."""
    for new_element, tail in inserted:
        new_element.tail = tail
        parent.insert(position, new_element)
        position += 1
    return position


def _is_untouchable(tag: str, attributes: str) -> bool:
    """Whether a raw opening tag starts content that must not be linked."""
    if attributes.rstrip().endswith("/"):
        return False
    return tag in _LITERAL_TAGS or tag in _UNLINKED_TAGS or "mermaid" in attributes
