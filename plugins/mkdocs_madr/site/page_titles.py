"""Titles of pages, sections and table-of-contents entries, as MkDocs and its themes print them.

MkDocs treats a title as HTML: themes print `page.title` as it is into `<title>`, the header,
the navigation and the table of contents. A title made from a record's text must therefore be
escaped, and escaping once is not enough for Material: when a navigation or contents link is
too long for the sidebar, Material copies the link's text (its HTML decoded once) into a tooltip
as HTML, so an escaped `&lt;img …&gt;` becomes a real `<img>` there. A word joiner (U+2060,
invisible and unbreakable) after each `<` that could open a tag keeps that second reading text.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..core.model import Decision, Line

WORD_JOINER = "\u2060"
_TAG_OPENER = re.compile(r"<(?=[A-Za-z/!?])")


def title_html(text: str) -> str:
    """Plain `text` as a title's HTML: escaped, and safe to decode twice."""
    return str(escape(_TAG_OPENER.sub("<" + WORD_JOINER, text)))


def title_html_of_html(html: str) -> str:
    """A title MkDocs made (HTML: a heading's text with entities), made safe to decode twice."""
    return title_html(Markup(html).striptags())


def record_title(decision: Decision, rendered: str | None = None) -> str | None:
    """The HTML title of a record's page (or of another file of the decisions folder): the
    record's number and title (`ADR-0001: Use X` for Nygard's "1. Use X"), else the file's
    slug (which holds the number); the heading MkDocs rendered (`rendered`) when the heading
    is a title the reader did not take (a template placeholder), or None when that heading
    is not rendered yet."""
    if decision.title or Line.TITLE not in decision.lines:
        title = decision.title or decision.slug
        if decision.title and decision.number is not None:
            # Not the category: the navigation shows it, and the tab has little room.
            title = f"ADR-{decision.id}: {title}"
        return title_html(title)
    return title_html_of_html(rendered) if rendered is not None else None
