"""Arguments for and against an option (`Good, because …`, `Pro:`, `➕`) and a decision's
consequences."""

from __future__ import annotations

import re

from ..model import Consequences, Option
from ..text import collapse, is_placeholder, plain, strip_comments
from .outline import Part
from .outline_blocks import Block, Item
from .vocabulary import ARGUMENTS, BECAUSE, CONSEQUENCES, DEFAULT, LABELS, Vocabulary, fold

_WORDS = "|".join(sorted((re.escape(word) for word in ARGUMENTS), key=len, reverse=True))


BECAUSE_WORDS = "|".join(
    re.escape(word) for word in BECAUSE if word not in ("as", "since", "da", "car", "want")
)


WORD_END = r"(?:\b|(?<=['’]))"  # "parce qu'il": an elided word ends at its apostrophe


_ARGUMENT = re.compile(
    rf"^\s*(?:\*\*|__)?({_WORDS}|[➕✅👍➖❌👎]|`[+-]`|\([+-]\))(?:\*\*|__)?\s*(?:,|:|;|\s-|\s–)?"
    rf"\s*(?:\*\*|__)?\s*(?:(?:{BECAUSE_WORDS}){WORD_END}[,:]?\s*)?",
    re.IGNORECASE,
)


_BECAUSE_WORD = re.compile(rf"\b(?:{BECAUSE_WORDS}){WORD_END}", re.IGNORECASE)


_SYMBOL_POLARITY = {"➕": "good", "✅": "good", "👍": "good", "`+`": "good", "(+)": "good"}
_SYMBOL_POLARITY |= {"➖": "bad", "❌": "bad", "👎": "bad", "`-`": "bad", "(-)": "bad"}


_LABEL = re.compile(
    r"^\s*(?:[^\w\s]{1,3}\s*)?(?:\*\*|__)?\s*([\w' -]+?)\s*:?\s*(?:\*\*|__)?\s*:?\s*$"
)


def argument(text: str) -> tuple[str | None, str]:
    match = _ARGUMENT.match(text)
    if match is None:
        return None, ""
    rest = text[match.end() :]
    word = match[1]
    symbol = _SYMBOL_POLARITY.get(word)
    separated = match.group(0).rstrip().endswith((",", ":", ";", "-", "–"))
    if symbol is None and not separated and not _BECAUSE_WORD.search(match.group(0)):
        return None, ""  # "Goodness knows" is not an argument
    polarity = symbol or ARGUMENTS.get(fold(word))
    if polarity is None:
        return None, ""
    value = plain(rest)
    if is_placeholder(rest) or not value:
        return polarity, ""
    return polarity, value


def read_arguments(section: Part, option: Option, vocabulary: Vocabulary = DEFAULT) -> None:
    """Good / Neutral / Bad arguments and the description of one option's section."""
    label: str | None = None
    description: list[str] = []
    for block in _blocks_with_labels(section):
        if block.kind == "label":
            label = block.text
        elif block.kind == "paragraph":
            text = strip_comments(block.text)
            polarity = label_polarity(text)
            if polarity is not None:
                label = polarity
            elif text.strip() and not is_placeholder(text):
                description.append(plain(text))
        elif block.kind == "list":
            for item in block.items:
                polarity, value = argument(item.text)
                if polarity is None:
                    labelled = label_polarity(item.text)
                    if labelled is not None:
                        for child in item.children:
                            if plain(child.text):
                                getattr(option, labelled).append(plain(child.text))
                        continue
                if polarity is None and label is not None and plain(item.text):
                    polarity, value = label, plain(item.text)
                if polarity is not None and value:
                    getattr(option, polarity).append(value)
    if description and not option.description:
        option.description = collapse(" ".join(description))


def label_polarity(text: str) -> str | None:
    """`Pros:`, `**Cons**`, `Advantages`, `✅ Pros:`, `Nachteile` and the like, alone on a line."""
    if len(text) > 40:
        return None
    match = _LABEL.match(plain(text))
    if match is None:
        return None
    key = fold(match[1])
    if key.startswith(("positive", "negative", "neutral ")):
        return CONSEQUENCES.get(key) or CONSEQUENCES.get(key + "s")
    return LABELS.get(key)


def _blocks_with_labels(section: Part) -> list[Block]:
    """The section's blocks, with `#### Pros` / `#### Cons` sub-headings turned into labels."""
    blocks = list(section.blocks)
    for child in section.children:
        polarity = label_polarity(child.title)
        if polarity is not None:
            blocks.append(Block("label", child.line, child.end, polarity))
            blocks.extend(child.blocks)
    return blocks


def read_consequences(section: Part, polarity: str | None, into: Consequences) -> None:
    """Consequence bullets under one heading; unlabelled ones under a plain heading are neutral."""
    label = polarity
    for block in _blocks_with_labels(section):
        if block.kind == "label":
            label = block.text
        elif block.kind == "paragraph":
            label = _consequence_label(block.text) or label
        elif block.kind == "list":
            _add_consequences(block.items, label, into)


def read_inline_consequences(section: Part, into: Consequences) -> None:
    """MADR 1 / 2.0: `Positive Consequences:` text lines followed by lists, in the outcome."""
    label: str | None = None
    for block in section.blocks:
        if block.kind == "paragraph":
            label = _consequence_label(block.text)
        elif block.kind == "list" and label is not None:
            _add_consequences(block.items, label, into)
            label = None


def _consequence_label(text: str) -> str | None:
    key = fold(plain(text)).rstrip(": ")
    if key in CONSEQUENCES:
        return CONSEQUENCES[key] or "neutral"
    return label_polarity(text)


def _add_consequences(items: list[Item], label: str | None, into: Consequences) -> None:
    for item in items:
        polarity, text = argument(item.text)
        if polarity is None:
            text = plain(item.text)
            if not text or is_placeholder(item.text):
                continue
            polarity = label or "neutral"
        if text:
            getattr(into, polarity).append(text)
