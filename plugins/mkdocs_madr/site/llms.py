"""What the site publishes for coding agents and other readers of plain text: `llms.txt` (the
llms.txt convention: what the site is, and a link to each record's Markdown), `llms-full.txt`
(every record in force in one file) and where each record's Markdown copy goes."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..core.in_force import in_force, replaced_in_part, superseded_whole
from ..core.model import Decision
from .render.views import reference

LLMS_FILE = "llms.txt"
LLMS_FULL_FILE = "llms-full.txt"


def markdown_url(page_url: str) -> str:
    """Where a page's Markdown copy is published: beside the page, its address with `.md`
    (`decisions/0007-x/` → `decisions/0007-x.md`, `decisions/0007-x.html` → `…/0007-x.md`)."""
    path = page_url.rstrip("/")
    if path.endswith(".html"):
        path = path[: -len(".html")]
    if posixpath.basename(path) == "index" or not path:
        path = posixpath.join(path.removesuffix("index").rstrip("/"), "index")
    return path + ".md"


@dataclass(frozen=True)
class Published:
    """A record as the site publishes it: its page, its Markdown copy (site-relative)."""

    decision: Decision
    page_url: str
    markdown_url: str


@dataclass(frozen=True)
class SiteFacts:
    name: str
    description: str | None
    base: str
    """Prefix of every link: the site's absolute address with a slash, or "" for links
    relative to the site root (where llms.txt is)."""
    pages: Sequence[tuple[str, str, str]] = ()
    """(title, site-relative URL, what it is) of the pages and data beside the records."""


def llms_txt(site: SiteFacts, records: Sequence[Published], key_name: Callable[[str], str]) -> str:
    """`llms.txt`: a title, a summary, and the records' Markdown, those in force first.
    `key_name` names a record by key (`ADR-0005`) for what replaced what."""
    holding = [r for r in records if in_force(r.decision)]
    others = [r for r in records if not in_force(r.decision)]
    summary = site.description or "Architecture decision records."
    lines = [f"# {_line(site.name)}", "", f"> {_line(summary)}", ""]
    lines += [
        f"The site publishes {len(records)} architecture decision records; {len(holding)} are "
        "in force (accepted, and not superseded entirely). Each link below is a record's "
        f"Markdown source. {LLMS_FULL_FILE} holds every record in force in one file.",
        "",
        "## Decisions in force",
        "",
    ]
    lines += [_entry(site, record, key_name) for record in holding] or ["- (none yet)"]
    if others:
        lines += ["", "## Decisions no longer or not yet in force", ""]
        lines += [_entry(site, record, key_name) for record in others]
    if site.pages:
        lines += ["", "## Optional", ""]
        lines += [f"- [{_line(name)}]({site.base}{url}): {what}" for name, url, what in site.pages]
    return "\n".join(lines) + "\n"


def _entry(site: SiteFacts, record: Published, key_name: Callable[[str], str]) -> str:
    decision = record.decision
    facts = [decision.status or "no status"]
    if decision.date:
        facts.append(decision.date)
    replaced = superseded_whole(decision)
    if replaced:
        facts.append("superseded by " + ", ".join(key_name(key) for key in replaced))
    partly = replaced_in_part(decision)
    if partly:
        facts.append("partly superseded by " + ", ".join(key_name(key) for key in partly))
    if decision.chosen:
        facts.append(f"chosen: {decision.chosen}")
    link = f"[{_line(_title(decision))}]({site.base}{record.markdown_url})"
    return f"- {link}: {_line('; '.join(facts))}"


def llms_full_txt(site: SiteFacts, holding: Sequence[tuple[str, str]]) -> str:
    """`llms-full.txt`: every record in force, as written (`holding`: each one's Markdown URL
    and text), each under a line naming it."""
    parts = [
        f"# {_line(site.name)}: decisions in force",
        "",
        f"> {len(holding)} architecture decision records hold today (accepted, and not "
        "superseded entirely). Each follows as written, after a line with its address.",
    ]
    for url, text in holding:
        body = text.replace("\r\n", "\n").strip("\n")
        parts += ["", "---", "", f"Source: {site.base}{url}", "", body]
    return "\n".join(parts) + "\n"


def _title(decision: Decision) -> str:
    title = decision.title or decision.slug
    return f"{reference(decision)}: {title}" if decision.number is not None else title


def _line(text: str) -> str:
    """Text on one line, its Markdown link brackets kept from closing ours."""
    return " ".join(text.split()).replace("[", "(").replace("]", ")")
