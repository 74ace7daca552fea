"""Adding the `madr` plugin to mkdocs.yml as a text insertion, leaving the rest as written.

The top-level `plugins:` entry is found by its line; a new item is added after its last item
with the same indentation and style (`- name` list or `name:` mapping). One-line flow lists
(`plugins: [search]`) get the item before the `]`. Without a `plugins:` key, one is appended
with `search` (which MkDocs only enables by itself when `plugins` is absent) and `madr`.
"""

from __future__ import annotations

import re

from .document import Document
from .layout import EditError
from .yaml_text import scalar

_PLUGINS = re.compile(r"^plugins[ \t]*:(?P<rest>.*)$")
_LIST_ITEM = re.compile(r"^(?P<indent>[ \t]*)-(?:[ \t]|$)")
_MAP_ITEM = re.compile(r"^(?P<indent>[ \t]+)[^\s#-]")
_COMMENT = re.compile(r"[ \t]+#.*$|^#.*$")


def add_madr_plugin(document: Document, decisions_dir: str | None) -> list[int]:
    """Insert the plugin; returns the changed or inserted line indexes."""
    found = _plugins_line(document)
    if found is None:
        return _append_plugins(document, decisions_dir)
    rest = _COMMENT.sub("", document.lines[found].split(":", 1)[1]).strip()
    if rest.startswith("["):
        return _flow_list(document, found, decisions_dir)
    if rest:
        raise EditError("the `plugins:` entry is not a plain list; add `madr` by hand", found + 1)
    return _block(document, found, decisions_dir)


def _plugins_line(document: Document) -> int | None:
    return next((index for index, line in enumerate(document.lines) if _PLUGINS.match(line)), None)


def _options(decisions_dir: str | None) -> str:
    return "" if decisions_dir is None else f"decisions_dir: {scalar(decisions_dir)}"


def _append_plugins(document: Document, decisions_dir: str | None) -> list[int]:
    lines = ["plugins:", "  - search", "  - madr" + (":" if decisions_dir else "")]
    if decisions_dir:
        lines.append("      " + _options(decisions_dir))
    if document.lines and not document.is_blank(len(document) - 1):
        lines.insert(0, "")
    at = len(document)
    document.insert(at, lines)
    return list(range(at, at + len(lines)))


def _flow_list(document: Document, index: int, decisions_dir: str | None) -> list[int]:
    line = document.lines[index]
    close = line.rfind("]")
    if close < 0 or line.count("[") != line.count("]"):
        raise EditError("the `plugins:` list spans several lines; add `madr` by hand", index + 1)
    item = "madr" if decisions_dir is None else "{madr: {" + _options(decisions_dir) + "}}"
    inner = line[line.find("[") + 1 : close].strip()
    separator = ", " if inner else ""
    document.replace(index, line[:close].rstrip() + separator + item + line[close:])
    return [index]


def _block(document: Document, index: int, decisions_dir: str | None) -> list[int]:
    last = index
    style: tuple[str, str] | None = None  # ("list" | "map", indent)
    for probe in range(index + 1, len(document)):
        line = document.lines[probe]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LIST_ITEM.match(line)
        if not line[:1].isspace() and item is None:
            break
        if style is None:
            if item is not None:
                style = ("list", item["indent"])
            elif (mapping := _MAP_ITEM.match(line)) is not None:
                style = ("map", mapping["indent"])
        last = probe
    kind, indent = style or ("list", "  ")
    if kind == "list":
        lines = [f"{indent}- madr" + (":" if decisions_dir else "")]
        if decisions_dir:
            lines.append(f"{indent}    {_options(decisions_dir)}")
    else:
        step = indent if indent.strip(" ") == "" else "  "
        lines = [f"{indent}madr:" + ("" if decisions_dir else " {}")]
        if decisions_dir:
            lines.append(f"{indent}{step}{_options(decisions_dir)}")
    document.insert(last + 1, lines)
    return list(range(last + 1, last + 1 + len(lines)))


def has_madr(config: object) -> bool:
    """Whether a loaded mkdocs.yml lists the `madr` plugin (as `- madr`, `- madr: {…}` or key)."""
    if not isinstance(config, dict):
        return False
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        return "madr" in plugins
    if isinstance(plugins, list):
        return any(
            entry == "madr" or (isinstance(entry, dict) and "madr" in entry) for entry in plugins
        )
    return False


def minimal_config(site_name: str, decisions_dir: str | None) -> str:
    """A new mkdocs.yml: a site name, the Material theme, search and madr."""
    lines = [
        f"site_name: {scalar(site_name)}",
        "theme:",
        "  name: material",
        "plugins:",
        "  - search",
        "  - madr" + (":" if decisions_dir else ""),
    ]
    if decisions_dir:
        lines.append("      " + _options(decisions_dir))
    return "\n".join(lines) + "\n"
