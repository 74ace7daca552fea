"""The host that runs the plugin: MkDocs 1.6, or ProperDocs 1.6 (MkDocs 1.x's continuation).

Both hosts have the same plugin API under different package names (`mkdocs.*` and
`properdocs.*`), and ProperDocs loads plugins from the `mkdocs.plugins` entry point group too.
They are separate distributions and may both be installed, so the plugin binds to the one that is
running, and never imports MkDocs under ProperDocs:

1. ProperDocs' command line aliases every `mkdocs.*` import to `properdocs.*`
   (`properdocs.replacement`); while that alias is in place, the host is ProperDocs.
2. Otherwise the host whose code is importing this module (its plugin loader), found on the stack.
3. Otherwise the only host whose configuration package is already imported.
4. Otherwise MkDocs if it is installed (the declared dependency), else ProperDocs.

A plugin class derives from one host's `BasePlugin`, so one process serves one host.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import FrameType, ModuleType
from typing import TYPE_CHECKING

HOSTS = ("mkdocs", "properdocs")


def running_host() -> str:
    """The name of the host package (`mkdocs` or `properdocs`) this process runs the plugin in."""
    aliased = sys.modules.get("mkdocs")
    if aliased is not None and aliased is sys.modules.get("properdocs"):
        return "properdocs"
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        top = str(frame.f_globals.get("__name__", "")).partition(".")[0]
        if top in HOSTS:
            return top
        frame = frame.f_back
    loaded = [host for host in HOSTS if f"{host}.config" in sys.modules]
    if len(loaded) == 1:
        return loaded[0]
    for host in HOSTS:
        if importlib.util.find_spec(host) is not None:
            return host
    raise ImportError(
        "mkdocs-madr runs inside MkDocs 1.6 or ProperDocs 1.6, and neither is installed: "
        "pip install mkdocs (or properdocs)"
    )


HOST = running_host()
"""`mkdocs` or `properdocs`; also the name of the host's root logger."""

if TYPE_CHECKING:
    from mkdocs.config import base, config_options
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import PluginError
    from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
    from mkdocs.structure.files import File, Files, InclusionLevel
    from mkdocs.structure.nav import Link, Navigation, Section
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink, TableOfContents
    from mkdocs.theme import Theme
    from mkdocs.utils import get_relative_url
    from mkdocs.utils.meta import get_data as split_front_matter
else:

    def _load(module: str) -> ModuleType:
        return importlib.import_module(f"{HOST}.{module}")

    base = _load("config.base")
    config_options = _load("config.config_options")
    _defaults = _load("config.defaults")
    MkDocsConfig = getattr(_defaults, "ProperDocsConfig", None) or _defaults.MkDocsConfig
    PluginError = _load("exceptions").PluginError
    _plugins = _load("plugins")
    BasePlugin = _plugins.BasePlugin
    CombinedEvent = _plugins.CombinedEvent
    event_priority = _plugins.event_priority
    get_plugin_logger = _plugins.get_plugin_logger
    _files = _load("structure.files")
    File, Files, InclusionLevel = _files.File, _files.Files, _files.InclusionLevel
    _nav = _load("structure.nav")
    Link, Navigation, Section = _nav.Link, _nav.Navigation, _nav.Section
    Page = _load("structure.pages").Page
    _toc = _load("structure.toc")
    AnchorLink, TableOfContents = _toc.AnchorLink, _toc.TableOfContents
    Theme = _load("theme").Theme
    get_relative_url = _load("utils").get_relative_url
    split_front_matter = _load("utils.meta").get_data

__all__ = [
    "HOST",
    "HOSTS",
    "AnchorLink",
    "BasePlugin",
    "CombinedEvent",
    "File",
    "Files",
    "InclusionLevel",
    "Link",
    "MkDocsConfig",
    "Navigation",
    "Page",
    "PluginError",
    "Section",
    "TableOfContents",
    "Theme",
    "base",
    "config_options",
    "event_priority",
    "get_plugin_logger",
    "get_relative_url",
    "running_host",
    "split_front_matter",
]
