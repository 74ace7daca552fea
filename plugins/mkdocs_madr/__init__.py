"""mkdocs-madr: architecture decision records as a documentation site."""

__version__ = "0.1.0"
