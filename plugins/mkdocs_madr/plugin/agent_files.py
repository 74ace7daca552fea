"""What the build writes for coding agents: each record's Markdown beside its page, `llms.txt`
and `llms-full.txt` at the site root (see `site.llms`).

The build plans the files once the records are joined, and a worker that rendered pages, idle
by then, writes them while the build writes the pages (at 5,000 records, 5,000 copies); without
such a worker the build writes them at the end.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..core.collection import Collection
from ..core.in_force import in_force
from ..parallel.records import JobContext
from ..site.llms import (
    LLMS_FILE,
    LLMS_FULL_FILE,
    Published,
    SiteFacts,
    llms_full_txt,
    llms_txt,
    markdown_url,
)
from ..site.render.views import reference
from .host import File


@dataclass(frozen=True)
class AgentFiles:
    """Every file to write, as paths and text: cheap to hand to a worker."""

    site_dir: Path
    site: SiteFacts
    copies: list[tuple[str, str, bool]]
    """(record file, its Markdown URL, whether it is in force)."""
    root: Path
    llms: str


def plan_agent_files(
    collection: Collection,
    root: Path,
    site_dir: Path,
    records: Mapping[str, File],
    site: SiteFacts,
) -> AgentFiles:
    published = [
        Published(decision, file.url, markdown_url(file.url))
        for decision in collection.decisions
        if (file := records.get(decision.file)) is not None
    ]

    def key_name(key: str) -> str:
        found = collection.by_key.get(key)
        return reference(found) if found is not None else key

    copies = [(p.decision.file, p.markdown_url, in_force(p.decision)) for p in published]
    return AgentFiles(site_dir, site, copies, root, llms_txt(site, published, key_name))


def write_agent_files(files: AgentFiles) -> None:
    """Copy every record's source beside its page; write both llms files."""
    made: set[Path] = set()
    holding = []
    for source, url, holds in files.copies:
        target = files.site_dir / url
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        try:
            shutil.copyfile(files.root / source, target)
            text = target.read_bytes().decode("utf-8-sig", errors="replace") if holds else ""
        except OSError:
            continue  # unreadable: its page says so, and agents get no copy
        if holds:
            holding.append((url, text))
    (files.site_dir / LLMS_FILE).write_text(files.llms, encoding="utf-8")
    full = llms_full_txt(files.site, holding)
    (files.site_dir / LLMS_FULL_FILE).write_text(full, encoding="utf-8")


def write_in_worker(context: JobContext, payload: bytes) -> int:
    """`write_agent_files` in a worker (`RecordJob.submit_after`); returns its process id."""
    write_agent_files(pickle.loads(payload))
    return os.getpid()
