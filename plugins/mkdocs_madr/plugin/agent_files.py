"""What the build writes for coding agents: each record's Markdown beside its page, `llms.txt`
and `llms-full.txt` at the site root (see `site.llms`)."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

from ..core.collection import Collection
from ..core.model import Decision
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


def write_agent_files(
    collection: Collection,
    root: Path,
    site_dir: Path,
    records: Mapping[str, File],
    site: SiteFacts,
) -> None:
    """Copy every published record's source beside its page; write both llms files."""
    published = []
    for decision in collection.decisions:
        file = records.get(decision.file)
        if file is None:
            continue
        record = Published(decision, file.url, markdown_url(file.url))
        target = site_dir / record.markdown_url
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(root / decision.file, target)
        except OSError:
            continue  # unreadable: its page says so, and agents get no copy
        published.append(record)

    def key_name(key: str) -> str:
        found = collection.by_key.get(key)
        return reference(found) if found is not None else key

    def source(decision: Decision) -> str:
        data = (root / decision.file).read_bytes()
        return data.decode("utf-8-sig", errors="replace")

    (site_dir / LLMS_FILE).write_text(llms_txt(site, published, key_name), encoding="utf-8")
    full = llms_full_txt(site, published, source)
    (site_dir / LLMS_FULL_FILE).write_text(full, encoding="utf-8")
