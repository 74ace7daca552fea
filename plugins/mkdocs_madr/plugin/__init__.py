"""The MkDocs adapter: the `madr` plugin and everything that knows MkDocs' API.

Nothing outside this package imports MkDocs (or ProperDocs); `host` binds to whichever of the
two is running.
"""

from __future__ import annotations

from .plugin import MadrPlugin

__all__ = ["MadrPlugin"]
