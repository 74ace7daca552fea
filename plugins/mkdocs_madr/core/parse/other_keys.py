"""Metadata keys the reader does not read itself (`owner: ana`, `* Review by: 2026-01-01`),
kept as written so that the team's own fields, review dates and unknown keys are never dropped.

Front matter keeps every key. Above the first section, a bullet list or a paragraph counts as
metadata when the reader knows one of its keys (`* Status: accepted`), or when every line of a
paragraph is a short `Key: value` (Nygard's `Date:` lines stand alone).
"""

from __future__ import annotations

import datetime
import math
import re

from ..model import MetadataEntry
from .fields import split_key_value
from .front_matter import FrontMatter
from .outline_blocks import Block
from .vocabulary import Vocabulary

_KEY_VALUE = re.compile(
    r"^\s*(?:\*\*|__)?([^\W\d_][\w'’/-]*(?:[ .][\w'’/-]+){0,3}?)\s*(?:(?:\*\*|__)\s*)?[:：]"
    r"(?!//)(?:\*\*|__)?[ \t]*(.*)$"
)


def other_keys(
    front: FrontMatter, preamble: list[Block], vocabulary: Vocabulary
) -> list[MetadataEntry]:
    """The keys of front matter and of metadata lines that `vocabulary` does not know."""
    found = [
        MetadataEntry(key, plain_data(value), front.lines.get(key), "front-matter")
        for key, value in front.data.items()
        if isinstance(key, str) and vocabulary.field(key.strip()) is None
    ]
    for block in preamble:
        if block.kind == "list":
            lines = [(item.text, item.line) for item in block.items]
            if any(split_key_value(text, vocabulary) is not None for text, _ in lines):
                found += _unknown(lines, "bullet", vocabulary)
        elif block.kind == "paragraph" and not block.text.lstrip().startswith(">"):
            lines = [(text, block.line + at) for at, text in enumerate(block.text.split("\n"))]
            if all(_KEY_VALUE.match(text) for text, _ in lines if text.strip()):
                found += _unknown(lines, "line", vocabulary)
    return found


def _unknown(
    lines: list[tuple[str, int]], source: str, vocabulary: Vocabulary
) -> list[MetadataEntry]:
    entries = []
    for text, line in lines:
        match = _KEY_VALUE.match(text)
        if match is None or split_key_value(text, vocabulary) is not None:
            continue
        value = match[2].rstrip()
        if value.endswith("\\") and not value.endswith("\\\\"):
            value = value[:-1].rstrip()  # a hard line break, not part of the value
        entries.append(MetadataEntry(match[1].strip(), value, line, source))
    return entries


def plain_data(value: object) -> object:
    """A YAML value as JSON-ready data: dates as ISO text, other odd scalars as text. YAML's
    aliases can make a value refer to itself or repeat a part exponentially often: a value
    nested deeper than `MAX_DEPTH`, or past `MAX_ITEMS` items, ends in `…`."""
    return _Plain().read(value, 0)


MAX_DEPTH = 32
MAX_ITEMS = 10_000


class _Plain:
    def __init__(self) -> None:
        self.items = 0

    def read(self, value: object, depth: int) -> object:
        self.items += 1
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)  # JSON has no NaN or infinity
        if value is None or isinstance(value, (str, bool, int, float)):
            return value
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        if depth >= MAX_DEPTH or self.items > MAX_ITEMS:
            return "…"
        if isinstance(value, list | tuple):
            return [self.read(item, depth + 1) for item in value]
        if isinstance(value, dict):
            return {str(key): self.read(item, depth + 1) for key, item in value.items()}
        return str(value)
