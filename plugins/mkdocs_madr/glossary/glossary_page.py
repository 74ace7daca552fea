"""On the glossary page: give each entry its anchor and mark where its usage list goes."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, MutableSequence, Sequence

from .labels import split_label
from .model import Glossary, Term, TermForm, term_key
from .tree import append_after, append_inside, visible_text

USAGE_PLACEHOLDER = "<!--madr-term-usage:{anchor}-->"
"""The HTML comment left after each definition; the plugin replaces it with the decisions."""

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
_PARENTHESIS_AFTER_TERM = re.compile(r"^\s*(\([^()]*\))")
_PLAIN_ITEM_LABEL = re.compile(r"^\s*([^:–—]+?)\s*(?::|\s[-–—]\s)")
_SUMMARY = re.compile(
    r"(<details\b)([^>]*>\s*<summary\b[^>]*>(.*?)</summary>.*?)(</details\s*>)",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")


def mark_glossary_entries(
    root: etree.Element,
    glossary: Glossary,
    store_html: Callable[[str], str],
    stash: Sequence[object] = (),
) -> None:
    """Set `id` to the term's anchor on each entry and add a usage placeholder after it.

    The anchored element is the `dt`, the heading, the bullet's `li` or the table's `tr`. Only
    the first element naming a term is marked.

    Args:
        root: The page's element tree.
        glossary: The glossary read from this page's source.
        store_html: Stores raw HTML and returns the placeholder text standing for it
            (Python-Markdown's `md.htmlStash.store`), so the comment survives serialising.
        stash: The stored raw HTML so far (`md.htmlStash.rawHtmlBlocks`), to read entities
            in labels.
    """
    marked: set[str] = set()
    for parent in root.iter():
        siblings = list(parent)
        for position, element in enumerate(siblings):
            term = _entry_term(element, glossary, stash)
            if term is None or term.anchor in marked:
                continue
            marked.add(term.anchor)
            element.set("id", term.anchor)
            placeholder = store_html(USAGE_PLACEHOLDER.format(anchor=term.anchor))
            _place_after_definition(siblings, position, term.form, placeholder)
            if term.form is TermForm.BULLET:
                _anchor_more_terms(element, glossary, stash, marked)
    if isinstance(stash, MutableSequence) and any(
        term.form is TermForm.DETAILS for term in glossary.terms
    ):
        _mark_details(glossary, stash, marked)


def _entry_term(element: etree.Element, glossary: Glossary, stash: Sequence[object]) -> Term | None:
    tag = element.tag if isinstance(element.tag, str) else ""
    form, label = None, None
    if tag == "dt":
        form, label = TermForm.DEFINITION_LIST, visible_text(element, stash)
    elif tag in _HEADINGS:
        form, label = TermForm.HEADING, visible_text(element, stash)
    elif tag == "li":
        form, label = TermForm.BULLET, _bold_label(element, stash)
    elif tag == "tr" and len(element) and element[0].tag == "td":
        form, label = TermForm.TABLE, visible_text(element[0], stash)
    if form is None or not label:
        return None
    name, _ = split_label(label)
    term = glossary.find(name)
    if term is None or term.form is not form or term_key(term.name) != term_key(name):
        return None
    return term


def _item_text(item: etree.Element) -> etree.Element:
    """The element holding a list item's text: the item, or its first paragraph."""
    if len(item) and item[0].tag == "p" and not (item.text or "").strip():
        return item[0]
    return item


def _bold_label(item: etree.Element, stash: Sequence[object]) -> str | None:
    """The term opening a list item (tight or loose): the bold one with a parenthesis after
    it, or the plain words before `:` or ` - `."""
    container = _item_text(item)
    if not len(container) or container[0].tag != "strong" or (container.text or "").strip():
        plain = _PLAIN_ITEM_LABEL.match(container.text or "")
        return plain[1] if plain else None
    strong = container[0]
    label = visible_text(strong, stash).strip().rstrip(":")
    parenthesis = _PARENTHESIS_AFTER_TERM.match(strong.tail or "")
    return f"{label} {parenthesis[1]}" if parenthesis else label


def _anchor_more_terms(
    item: etree.Element, glossary: Glossary, stash: Sequence[object], marked: set[str]
) -> None:
    """The other bold terms of an item (`**A** and **B** – …`) get an anchor of their own."""
    container = _item_text(item)
    for strong in list(container)[1:]:
        if strong.tag != "strong":
            continue
        name, _ = split_label(visible_text(strong, stash).strip().rstrip(":"))
        term = glossary.find(name)
        if term is None or term.anchor in marked or term_key(term.name) != term_key(name):
            continue
        marked.add(term.anchor)
        anchor = etree.Element("span", {"id": term.anchor})
        container.insert(0, anchor)
        anchor.tail, container.text = container.text, ""


def _mark_details(glossary: Glossary, stash: MutableSequence[object], marked: set[str]) -> None:
    """`<details>` entries are raw HTML: their anchor and usage go into the stored HTML."""
    for index, block in enumerate(stash):
        if not isinstance(block, str) or "<summary" not in block.lower():
            continue

        def mark(match: re.Match[str]) -> str:
            label = " ".join(html.unescape(_TAG.sub(" ", match[3])).split())
            term = glossary.find(split_label(label)[0])
            if term is None or term.form is not TermForm.DETAILS or term.anchor in marked:
                return match[0]
            marked.add(term.anchor)
            usage = USAGE_PLACEHOLDER.format(anchor=term.anchor)
            return f'{match[1]} id="{term.anchor}"{match[2]}{usage}{match[4]}'

        stash[index] = _SUMMARY.sub(mark, block)


def _place_after_definition(
    siblings: Sequence[etree.Element], position: int, form: TermForm, placeholder: str
) -> None:
    element = siblings[position]
    if form is TermForm.DEFINITION_LIST:
        _after_definition_list_entry(siblings, position, placeholder)
    elif form is TermForm.HEADING:
        section_end = position
        while section_end + 1 < len(siblings) and siblings[section_end + 1].tag not in _HEADINGS:
            section_end += 1
        append_after(siblings[section_end], placeholder)
    elif form is TermForm.TABLE:
        cells = [cell for cell in element if cell.tag in _CELLS]
        append_inside(cells[1] if len(cells) > 1 else element, placeholder)
    else:
        append_inside(element, placeholder)


def _after_definition_list_entry(
    siblings: Sequence[etree.Element], position: int, placeholder: str
) -> None:
    """Inside the entry's last `dd`; terms sharing a definition share that `dd`."""
    index = position + 1
    while index < len(siblings) and siblings[index].tag == "dt":
        index += 1
    last_definition = None
    while index < len(siblings) and siblings[index].tag == "dd":
        last_definition = siblings[index]
        index += 1
    if last_definition is None:
        append_after(siblings[position], placeholder)
    else:
        append_inside(last_definition, placeholder)
