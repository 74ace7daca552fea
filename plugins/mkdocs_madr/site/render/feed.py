"""An Atom feed of the newest decisions, for feed readers and chat integrations.

Feed readers need absolute links, so a feed is only made for a site with a `site_url`. Entries
are the dated records, newest first; a record's date is the day it was decided, so a status
change without a new date does not bring a record back to the top.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence

from ...core.model import Decision
from .views import reference

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
FEED_FILE = "decisions.atom"
FEED_ENTRIES = 30
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def atom_feed(
    decisions: Sequence[Decision],
    *,
    site_url: str,
    title: str,
    url_of: Callable[[Decision], str | None],
    status_label: Callable[[Decision], str],
    due: Sequence[tuple[Decision, str, str]] = (),
) -> str:
    """The feed as XML text. `url_of` gives a record's URL relative to the site root; `due`
    (record, entry title, day) are the reviews due, listed first."""
    base = site_url.rstrip("/") + "/"
    urls = {decision.key: url_of(decision) for decision in decisions}
    dated = [
        decision
        for decision in decisions
        if decision.is_record
        and decision.date
        and _DAY.fullmatch(decision.date)
        and urls[decision.key] is not None  # an unpublished record has nothing to link to
    ]
    dated.sort(key=lambda d: (d.date or "", d.number if d.number is not None else -1), reverse=True)
    feed = etree.Element("feed", {"xmlns": ATOM_NAMESPACE})
    _text(feed, "title", title)
    _text(feed, "id", base + FEED_FILE)
    etree.SubElement(feed, "link", {"rel": "self", "href": base + FEED_FILE})
    newest = max([dated[0].date or "" if dated else "1970-01-01", *(day for _, _, day in due)])
    _text(feed, "updated", _timestamp(newest))
    _text(etree.SubElement(feed, "author"), "name", title)
    for decision, heading, day in due:
        url = urls.get(decision.key)
        if url is not None:
            _review_entry(feed, decision, base + url, heading, day)
    seen: set[str] = set()
    for decision in dated:
        url = str(urls[decision.key])
        if url in seen:
            continue  # two records at one address (reported): one page, so one entry
        seen.add(url)
        _entry(feed, decision, base + url, status_label(decision))
        if len(seen) == FEED_ENTRIES:
            break
    etree.indent(feed)
    return etree.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _entry(feed: etree.Element, decision: Decision, link: str, status: str) -> None:
    entry = etree.SubElement(feed, "entry")
    name = decision.title or decision.slug
    ref = reference(decision)
    _text(entry, "title", f"{ref}: {name}" if ref != name else name)
    _text(entry, "id", link)
    etree.SubElement(entry, "link", {"rel": "alternate", "href": link})
    _text(entry, "updated", _timestamp(decision.date or ""))
    for person in decision.deciders:
        _text(etree.SubElement(entry, "author"), "name", person)
    for term in (status, *decision.tags):
        etree.SubElement(entry, "category", {"term": _clean(term)})
    summary = f"Status: {status}."
    if decision.chosen:
        summary += f" Chosen option: {decision.chosen}."
    _text(entry, "summary", summary)


def _review_entry(
    feed: etree.Element, decision: Decision, link: str, heading: str, day: str
) -> None:
    """A review due: its own id per review date, so a reader sees the next one as new."""
    entry = etree.SubElement(feed, "entry")
    _text(entry, "title", heading)
    _text(entry, "id", f"{link}#review-{decision.review_by}")
    etree.SubElement(entry, "link", {"rel": "alternate", "href": link})
    _text(entry, "updated", _timestamp(day))
    etree.SubElement(entry, "category", {"term": "review"})
    summary = f"Review by {decision.review_by}."
    if decision.revisit_when:
        summary += f" Revisit when: {decision.revisit_when}."
    _text(entry, "summary", summary)


def _text(parent: etree.Element, tag: str, text: str) -> None:
    etree.SubElement(parent, tag).text = _clean(text)


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _timestamp(day: str) -> str:
    return f"{day}T00:00:00Z"
