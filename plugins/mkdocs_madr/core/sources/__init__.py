"""Sources: other repositories' decision folders and other sites' `decisions.json`, read into
records of the site's collection with ids qualified by the source's name (`workflows:0005`)."""

from __future__ import annotations

from .config import Source, check_sources
from .read import SourceRecords, join_sources, read_sources

__all__ = ["Source", "SourceRecords", "check_sources", "join_sources", "read_sources"]
