"""The pages of records read from source folders (`sources:`): virtual pages under the log's
address, in a folder named after the source, edited in the source's own repository."""

from __future__ import annotations

import posixpath

from ..core.diagnostics import Code, diagnostic
from ..core.sources.read import SourceRecords
from .host import File, Files, InclusionLevel, MkDocsConfig, Page
from .site_files import SiteFiles


def add_source_pages(
    site: SiteFiles, read: SourceRecords, files: Files, config: MkDocsConfig
) -> None:
    """A page for every record of a source folder (records of another site link to its pages)."""
    for decision in read.decisions:
        inner = read.inner.get(decision.file)
        if inner is None or not decision.is_record or decision.source is None:
            continue
        src_uri = posixpath.join(site.prefix, decision.source, inner)
        if files.get_file_from_path(src_uri) is not None:
            message = (
                f"the page {src_uri} has this record's address, so the record is not published "
                f"(rename the folder {decision.source} of the decisions, or the source)"
            )
            site.problems.append(diagnostic(Code.DUPLICATE_URL, decision.file, None, message))
            continue
        source = site.root / decision.file
        file = File.generated(
            config, src_uri, abs_src_path=str(source), inclusion=InclusionLevel.NOT_IN_NAV
        )
        files.append(file)
        site.records[decision.file] = file
        site.sources[file.src_uri] = decision.file


def set_edit_url(page: Page, read: SourceRecords, record: str) -> None:
    """A source's record is edited in the source's repository, or nowhere the site knows of:
    never at the site's own `edit_uri`."""
    if record in read.inner:
        page.edit_url = read.edit_urls.get(record)
