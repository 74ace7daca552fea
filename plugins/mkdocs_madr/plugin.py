"""The `madr` MkDocs plugin (placeholder until the site issue lands)."""

from __future__ import annotations

from mkdocs.config import base, config_options
from mkdocs.plugins import BasePlugin


class MadrConfig(base.Config):
    enabled = config_options.Type(bool, default=True)
    """Turn the plugin off without removing its configuration."""
    decisions_dir = config_options.Type(str, default="decisions")
    """Folder of decision records, relative to mkdocs.yml; may lie outside `docs_dir`."""


class MadrPlugin(BasePlugin[MadrConfig]):
    pass
