"""The "Cited in" list of a record's header: the files of the repository that cite it, each
linked to the repository as the page's edit link is."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin

from markupsafe import escape

from ..core.citations.finder import Citation

SHOWN = 12
"""Places listed in a header; `adr refs` lists them all."""
_VIEWS = (("/-/edit/", "/-/blob/"), ("/edit/", "/blob/"))
"""Edit addresses of GitLab and GitHub (and Gitea, Forgejo), and where the file is shown."""


@dataclass(frozen=True)
class SourceLinks:
    """How a file of the repository is linked: MkDocs' `repo_url` and `edit_uri`, which
    point at `docs_dir`; `root` is the folder citations' paths are relative to."""

    repo_url: str | None
    edit_uri: str | None
    docs_dir: Path
    root: Path

    def url(self, path: str, line: int) -> str | None:
        """The file at `line` in the repository's web view, or None without a `repo_url`."""
        if not self.repo_url:
            return None
        base = urljoin(self.repo_url.rstrip("/") + "/", self.edit_uri or "")
        if not base.endswith("/"):
            base += "/"
        relative = posixpath.relpath(
            Path(os.path.abspath(self.root / path)).as_posix(),
            Path(os.path.abspath(self.docs_dir)).as_posix(),
        )
        url = urljoin(base, quote(relative))
        for edit, view in _VIEWS:
            if edit in url:
                return url.replace(edit, view, 1) + f"#L{line}"
        return url


class CitedIn:
    """What the header of each record says about where it is cited."""

    def __init__(
        self,
        citations: Mapping[str, Sequence[Citation]],
        links: SourceLinks,
        label: str,
        more: str = "and {count} more",
    ) -> None:
        self.citations = citations
        self.links = links
        self.label = label
        self.more = more

    def html(self, key: str) -> str:
        """The record's "Cited in" line; empty when nothing cites it."""
        found = self.citations.get(key)
        if not found:
            return ""
        items = []
        for citation in found[:SHOWN]:
            text = escape(f"{citation.path}:{citation.line}")
            url = self.links.url(citation.path, citation.line)
            link = f"<code>{text}</code>"
            if url is not None:
                link = f'<a class="madr-cited__place" href="{escape(url)}">{link}</a>'
            items.append(f'<span class="madr-meta__item">{link}</span>')
        more = len(found) - SHOWN
        if more > 0:
            text = escape(self.more.format(count=more))
            items.append(f'<span class="madr-meta__item">{text}</span>')
        label = escape(self.label)
        return f'<p class="madr-meta madr-cited"><b>{label}</b> {" ".join(items)}</p>'
