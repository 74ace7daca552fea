"""What a page's HTML, as the theme renders it, depends on, written as JSON-able data.

`encode` turns the objects a template can read (MkDocs' pages, sections, files, tables of
contents, configuration, plugins, and plain data) into lists and scalars, and raises
`Uncacheable` on anything it cannot tell apart from one build to the next. Another page is
written as a reference (its file, address and title); the navigation, the configuration and the
theme's template files are written once per build (`nav_state`, `encode`, `loader_state`).
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import functools
import hashlib
import json
import os
import time
import types
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, DictLoader, FileSystemLoader, PrefixLoader
from markdown.extensions import Extension

from .host import (
    HOST,
    AnchorLink,
    BasePlugin,
    File,
    Link,
    Navigation,
    Page,
    Section,
    TableOfContents,
    Theme,
)

DEEPEST = 64
"""Data nested deeper than this is taken for a cycle."""
RECENT_S = 2.0
"""A template file modified this recently is read, to tell two saves in one clock tick apart."""
_BY_TEXT = ("babel.", f"{HOST}.localization")
"""Modules whose objects (a theme's locale) are what their text says."""
_NOT_SHOWN = frozenset({"content", "markdown", "present_anchor_ids", "links_to_anchors"})
"""What a theme renders of the page being rendered only: another page's content and Markdown
(and MkDocs' anchor checks)."""


class Uncacheable(Exception):
    """Something a page's HTML depends on that cannot be told apart from one build to the next."""


def digest(data: Any) -> bytes:
    """A digest of encoded data."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=True)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _name(kind: type) -> str:
    return f"{kind.__module__}.{kind.__qualname__}"


def encode(value: Any, depth: int = 0) -> Any:
    """`value` as JSON-able data: every list starts with a tag, so no two values look alike."""
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if depth > DEEPEST:
        raise Uncacheable("data nested too deep")
    inner = depth + 1
    if kind is list or kind is tuple:
        return ["list", kind.__name__, *(encode(item, inner) for item in value)]
    if kind is dict:
        return ["map", "dict", *([encode(k, inner), encode(v, inner)] for k, v in value.items())]
    if isinstance(value, enum.Enum):
        return ["enum", _name(kind), value.name]
    if isinstance(value, (str, int, float)):  # Markup, and other subclasses
        return [_name(kind), str(value)]
    if isinstance(value, Page):
        return page_reference(value)
    if isinstance(value, Section):
        return ["section", value.title]
    if isinstance(value, Link):
        return ["link", value.title, value.url]
    if isinstance(value, File):
        return ["file", value.src_uri, value.dest_uri, value.url]
    if isinstance(value, AnchorLink):
        return ["anchor", *_fields(value, (), inner)]
    if isinstance(value, TableOfContents):
        return ["toc", *_fields(value, (), inner)]
    if isinstance(value, Theme):
        return ["theme", value.name, value.dirs, sorted(value.static_templates), _map(value, inner)]
    if isinstance(value, BasePlugin):
        return ["plugin", _name(kind), encode(value.config, inner)]
    if isinstance(value, Extension):
        # What it does shows in the pages' content; a template prints no extension's state.
        return ["markdown extension", _name(kind)]
    if isinstance(value, (datetime.date, datetime.time)):
        return ["time", _name(kind), value.isoformat()]
    if isinstance(value, PurePath):
        return ["path", str(value)]
    if isinstance(value, Mapping):
        return _map(value, inner)
    if isinstance(value, (list, tuple)):
        return ["list", _name(kind), *(encode(item, inner) for item in value)]
    if isinstance(value, (set, frozenset)):
        if all(type(item) is str for item in value):
            return ["set", sorted(value)]
        items = [encode(item, inner) for item in value]
        return ["set", sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False))]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [
            [field.name, encode(getattr(value, field.name), inner)]
            for field in dataclasses.fields(value)
        ]
        return ["data", _name(kind), *fields]
    if isinstance(value, functools.partial):
        return ["partial", encode(value.func, inner), encode(value.args, inner)]
    if isinstance(value, types.ModuleType):
        return ["module", value.__name__]
    if isinstance(value, (type, types.FunctionType, types.BuiltinFunctionType)):
        return ["code", getattr(value, "__module__", None), value.__qualname__]
    if kind.__module__.startswith(_BY_TEXT):
        return ["text", _name(kind), str(value)]
    raise Uncacheable(f"a {_name(kind)}")


def environment_state(named: Mapping[str, Any]) -> list[Any]:
    """A Jinja environment's globals, filters or tests. Functions are told by their names: what
    they give is made from the code and the configuration, both keyed (the translations'
    `gettext`, say, from the theme's locale and files)."""
    return [
        [name, _code(value) if callable(value) else encode(value)] for name, value in named.items()
    ]


def _code(value: Any) -> list[Any]:
    if isinstance(value, types.MethodType):
        return ["method", _name(type(value.__self__)), value.__func__.__qualname__]
    if isinstance(value, functools.partial):
        return ["partial", _code(value.func), encode(value.args), encode(value.keywords)]
    name = getattr(value, "__qualname__", None)
    return ["code", getattr(value, "__module__", None), name or _name(type(value))]


def _map(value: Mapping[Any, Any], depth: int) -> list[Any]:
    return [
        "map",
        _name(type(value)),
        *([encode(key, depth), encode(item, depth)] for key, item in value.items()),
    ]


def _fields(item: object, skip: Iterable[str], depth: int) -> list[Any]:
    """An object's own attributes, those a template could read, but `skip`."""
    left_out = set(skip)
    return [
        [name, encode(value, depth)]
        for name, value in sorted(vars(item).items())
        if name not in left_out and not name.endswith("__active")
    ]


def page_reference(page: Page) -> list[Any]:
    """Another page, as the page being rendered links to it."""
    return ["page", page.file.src_uri, page.url, page.title]


def page_state(page: Page) -> list[Any]:
    """The page being rendered: everything it holds, and where it sits in the navigation."""
    return [
        "this page",
        page.title,
        page.url,
        page.is_homepage,
        page.is_index,
        [encode(section) for section in page.ancestors],
        *_fields(page, ("parent",), 1),
    ]


def nav_state(nav: Navigation) -> list[Any]:
    """Every item of the navigation, as any page's sidebar can show it."""
    return [
        "nav",
        encode(nav.homepage),
        [page_reference(page) for page in nav.pages],
        *(_nav_item(item, 1) for item in nav.items),
    ]


def _nav_item(item: Any, depth: int) -> Any:
    if depth > DEEPEST:
        raise Uncacheable("navigation nested too deep")
    if isinstance(item, Page):
        shown = (page_reference(item), item.is_index, item.is_homepage)
        return ["nav page", *shown, *_fields(item, _NOT_SHOWN | {"parent"}, depth)]
    if isinstance(item, Section):
        children = [_nav_item(child, depth + 1) for child in item.children]
        return ["nav section", *_fields(item, ("parent", "children"), depth), children]
    if isinstance(item, Link):
        return ["nav link", *_fields(item, ("parent",), depth)]
    return encode(item, depth)


@dataclass
class Seen:
    """A template file as it was when last read: its size, modification time and content."""

    mtime_ns: int
    size: int
    content: bytes
    edits: int
    """Saves seen that kept the size and the time (two in one clock tick)."""


def loader_state(loader: BaseLoader | None, seen: dict[str, Seen]) -> list[Any]:
    """Where the theme's templates come from, and the name, size and modification time of each
    file there. A file modified in the last two seconds is read too, and `seen` remembers its
    content: a second save in the same clock tick keeps the size and the time, not the content.
    """
    if isinstance(loader, FileSystemLoader):
        folders = [_folder(path, loader.followlinks, seen) for path in loader.searchpath]
        return ["files", loader.followlinks, *folders]
    if isinstance(loader, ChoiceLoader):
        return ["choice", *(loader_state(inner, seen) for inner in loader.loaders)]
    if isinstance(loader, PrefixLoader):
        mapping = loader.mapping.items()
        return ["prefix", *([key, loader_state(inner, seen)] for key, inner in mapping)]
    if isinstance(loader, DictLoader):
        return ["dict", encode(loader.mapping)]
    raise Uncacheable(f"templates from a {_name(type(loader))}")


def _folder(path: str | os.PathLike[str], followlinks: bool, seen: dict[str, Seen]) -> str:
    found = hashlib.blake2b(digest_size=20)
    recent = time.time_ns() - int(RECENT_S * 1e9)
    root = os.fspath(path)
    for relative, entry in _files(root, "", followlinks):
        try:
            stat = entry.stat()
        except OSError:
            continue
        mtime, size = stat.st_mtime_ns, stat.st_size
        before = seen.get(entry.path)
        same = before is not None and (before.mtime_ns, before.size) == (mtime, size)
        edits = before.edits if before is not None and same else 0
        if mtime >= recent:
            content = _content(Path(entry.path))
            if before is not None and same and before.content != content:
                edits += 1
            seen[entry.path] = Seen(mtime, size, content, edits)
        found.update(f"{relative}\0{mtime}\0{size}\0{edits}\n".encode())
    return f"{root}:{found.hexdigest()}"


def _files(folder: str, prefix: str, followlinks: bool) -> Iterator[tuple[str, os.DirEntry[str]]]:
    """Every file under `folder`, by relative path, in a stable order."""
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        relative = prefix + entry.name
        try:
            is_folder = entry.is_dir(follow_symlinks=followlinks)
        except OSError:
            continue
        if is_folder:
            yield from _files(entry.path, relative + "/", followlinks)
        else:
            yield relative, entry


def _content(file: Path) -> bytes:
    try:
        return hashlib.blake2b(file.read_bytes(), digest_size=20).digest()
    except OSError:
        return b"unreadable"


def templates_mention(loader: BaseLoader | None, word: str) -> bool:
    """Whether any template the loader can give contains `word` (or cannot be read)."""
    needle = word.encode()
    if isinstance(loader, FileSystemLoader):
        for path in loader.searchpath:
            for folder, _dirs, names in os.walk(path, followlinks=loader.followlinks):
                for name in names:
                    try:
                        if needle in Path(folder, name).read_bytes():
                            return True
                    except OSError:
                        return True
        return False
    if isinstance(loader, ChoiceLoader):
        return any(templates_mention(inner, word) for inner in loader.loaders)
    if isinstance(loader, PrefixLoader):
        return any(templates_mention(inner, word) for inner in loader.mapping.values())
    if isinstance(loader, DictLoader):
        return any(word in source for source in loader.mapping.values())
    return True


__all__ = [
    "Seen",
    "Uncacheable",
    "digest",
    "encode",
    "environment_state",
    "loader_state",
    "nav_state",
    "page_reference",
    "page_state",
    "templates_mention",
]
