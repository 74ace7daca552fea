"""The body of a decision as data: options, the chosen one, arguments and consequences."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..model import Consequences, Option
from ..text import collapse, is_placeholder, plain, small_number, strip_comments
from .outline import Block, Item, Part

_ARGUMENT = re.compile(
    r"^\s*(?:\*\*|__)?(good|neutral|bad|pro|pros|con|cons|positive|negative|plus|minus)"
    r"(?:\*\*|__)?\s*(?:,|:|\s-|\s–)?\s*(?:\*\*|__)?\s*(?:because\b[,:]?\s*)?",
    re.IGNORECASE,
)
_POLARITY = {
    "good": "good",
    "pro": "good",
    "pros": "good",
    "positive": "good",
    "plus": "good",
    "neutral": "neutral",
    "bad": "bad",
    "con": "bad",
    "cons": "bad",
    "negative": "bad",
    "minus": "bad",
}
_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?\s*(pros?|cons?|advantages|disadvantages|benefits|drawbacks|strengths"
    r"|weaknesses|good|bad|neutral|positive consequences?|negative consequences?"
    r"|neutral consequences?)\s*:?\s*(?:\*\*|__)?\s*:?\s*$",
    re.IGNORECASE,
)
_LABEL_POLARITY = {
    "pro": "good",
    "pros": "good",
    "advantages": "good",
    "benefits": "good",
    "strengths": "good",
    "good": "good",
    "con": "bad",
    "cons": "bad",
    "disadvantages": "bad",
    "drawbacks": "bad",
    "weaknesses": "bad",
    "bad": "bad",
    "neutral": "neutral",
}
_CHOSEN = re.compile(
    r"\bchosen\s+(?:(?:option|alternative|solution|approach)s?\b\s*(?:\*\*|__)?\s*"
    r"(?::|is\b|was\b)?|[a-z]+(?:\s[a-z]+)?\s*(?:\*\*|__)?\s*:)",
    re.IGNORECASE,
)
_BECAUSE = re.compile(r"[,;]?\s*(?:\*\*|__)?\s*\bbecause\b", re.IGNORECASE)
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "`": "`", "«": "»", "„": "“"}
_AFTER_TITLE = re.compile(
    r"\s*(?:\*\*|__)?\s*(?:(?:[,;.:]\s*)?(?:\*\*|__)?\s*(?:because\b|$|\n|\(|is\b|was\b|-|–)"
    r"|\.(?:\s|$))",
    re.IGNORECASE,
)
_CHOSEN_NUMBER = re.compile(r"^(?:option\s*)?\d+\s*[-:.)–]\s*(?=[\"“'`])", re.IGNORECASE)
_CHOSEN_AFTER = re.compile(
    r"^\s*[\"“](?P<title>[^\"”]+)[\"”]\s+(?:is|was)\s+(?:the\s+)?chosen\b"
    r"(?:\s+(?:option|alternative|solution|approach))?[,.]?\s*(?:because\b\s*(?P<why>.*))?",
    re.IGNORECASE | re.DOTALL,
)
_OPTION_PREFIX = re.compile(
    r"^(?:option|alternative|variant|choice)\s*(?:\d+|[a-z])\b\s*[:.)\-–—]?\s*", re.IGNORECASE
)
_NUMBER_PREFIX = re.compile(r"^\(?(?:\d+|[a-z])[.)]\s+", re.IGNORECASE)
_OPTION_NUMBER = re.compile(r"^(?:option|alternative)\s*(\d+)$", re.IGNORECASE)
# `**Title**: description` (separator optional) or `*Title*: description`.
_TITLE_SPLIT = re.compile(
    r"^(?:(\*\*|__)(?P<bold>.+?)\1\s*(?:[:\-–—]\s*)?|(\*|_)(?P<em>[^\s*_].*?)\3\s*[:\-–—]\s*)"
    r"(?P<rest>.+)$",
    re.DOTALL,
)
_NORMALISE = re.compile(r"[^\w]+", re.UNICODE)
_BARE_BULLET = re.compile(r"\n[*+-]\n")
_NOT_AN_OPTION = re.compile(
    r"^(?:n/?a|none|tbd|todo|-+|additional(?: notes| information)?|notes?|summary|"
    r"comparison|more information)\.?$",
    re.IGNORECASE,
)


@dataclass
class Chosen:
    """The `Chosen option:` sentence taken apart."""

    title: str
    justification: str | None
    line: int


def read_options(section: Part) -> list[Option]:
    """Considered options: the section's list items, else its sub-headings."""
    options = [_option_from_item(item) for item in _option_items(section)]
    options = [
        option for option in options if option.title and not _NOT_AN_OPTION.match(option.title)
    ]
    if options:
        return options
    found: list[Option] = []
    for child in section.children:
        title = plain(child.title)
        if title and not is_placeholder(child.title) and not _NOT_AN_OPTION.match(title):
            option = Option(title=title, line=child.line)
            read_arguments(child, option)
            found.append(option)
    return found


def _option_items(section: Part) -> list[Item]:
    """List items, where a bullet alone on its line takes the paragraph that follows it."""
    items: list[Item] = []
    waiting: Item | None = None
    for block in section.blocks:
        if block.kind == "list":
            for item in block.items:
                if plain(item.text):
                    items.append(item)
            last = block.items[-1] if block.items else None
            waiting = last if last is not None and not plain(last.text) else None
        elif block.kind == "paragraph" and waiting is not None:
            # Later bare bullets cannot interrupt the paragraph, so they sit inside its text.
            for offset, part in enumerate(_BARE_BULLET.split(block.text)):
                if part.strip():
                    items.append(Item(part, block.line + offset))
            waiting = None
        else:
            waiting = None
    return items


def _option_from_item(item: Item) -> Option:
    # A wrapped item is one paragraph, so one title; `**Title**: text` splits off a description.
    first = strip_comments(item.text)
    description = ""
    match = _TITLE_SPLIT.match(first.strip())
    if match and match["rest"].strip():
        first, description = match["bold"] or match["em"], match["rest"]
    if is_placeholder(first):
        return Option(title="", line=item.line)
    option = Option(title=plain(first), line=item.line)
    parts = [description, *item.more]
    option.description = collapse(" ".join(plain(part) for part in parts if part.strip()))
    for child in item.children:
        polarity, text = _argument(child.text)
        if polarity is not None and text:
            getattr(option, polarity).append(text)
    return option


def _argument(text: str) -> tuple[str | None, str]:
    match = _ARGUMENT.match(text)
    if match is None:
        return None, ""
    rest = text[match.end() :]
    if not match.group(0).rstrip().endswith((",", ":", "-", "–")) and "because" not in match[0]:
        return None, ""  # "Goodness knows" is not an argument
    value = plain(rest)
    if is_placeholder(rest) or not value:
        return _POLARITY[match[1].lower()], ""
    return _POLARITY[match[1].lower()], value


def read_arguments(section: Part, option: Option) -> None:
    """Good / Neutral / Bad arguments and the description of one option's section."""
    label: str | None = None
    description: list[str] = []
    for block in _blocks_with_labels(section):
        if block.kind == "label":
            label = block.text
        elif block.kind == "paragraph":
            text = strip_comments(block.text)
            polarity = _label_polarity(text)
            if polarity is not None:
                label = polarity
            elif text.strip() and not is_placeholder(text):
                description.append(plain(text))
        elif block.kind == "list":
            for item in block.items:
                polarity, value = _argument(item.text)
                if polarity is None and label is not None and plain(item.text):
                    polarity, value = label, plain(item.text)
                if polarity is not None and value:
                    getattr(option, polarity).append(value)
    if description and not option.description:
        option.description = collapse(" ".join(description))


def _label_polarity(text: str) -> str | None:
    """`Pros:`, `**Cons**`, `Advantages` and the like, alone on a line."""
    if len(text) > 40:
        return None
    match = _LABEL.match(plain(text))
    if match is None:
        return None
    key = match[1].lower()
    if key.startswith(("positive", "negative", "neutral ")):
        return CONSEQUENCE_SECTIONS.get(key) or CONSEQUENCE_SECTIONS.get(key + "s")
    return _LABEL_POLARITY.get(key)


def _blocks_with_labels(section: Part) -> list[Block]:
    """The section's blocks, with `#### Pros` / `#### Cons` sub-headings turned into labels."""
    blocks = list(section.blocks)
    for child in section.children:
        polarity = _label_polarity(child.title)
        if polarity is not None:
            blocks.append(Block("label", child.line, child.end, polarity))
            blocks.extend(child.blocks)
    return blocks


def read_chosen(section: Part) -> Chosen | None:
    """`Chosen option: "X", because Y` in the outcome section, quotes optional."""
    blocks = [
        block
        for part in section.walk()
        for block in part.blocks
        if block.kind in ("paragraph", "list")
    ]
    for position, block in enumerate(blocks):
        texts = [(block.text, block.line)] if block.kind == "paragraph" else []
        texts += [(item.text, item.line) for item in block.items] if block.kind == "list" else []
        for text, line in texts:
            after = _CHOSEN_AFTER.match(plain(text)) if "chosen" in text.lower() else None
            if after is not None:
                why = collapse(after["why"] or "").rstrip(".") or None
                return Chosen(title=after["title"].strip(), justification=why, line=line)
            match = _CHOSEN.search(text)
            if match is None:
                continue
            chosen = _split_chosen(strip_comments(text[match.end() :]), line)
            if chosen is None:
                return None
            if not chosen.justification and position + 1 < len(blocks):
                following = blocks[position + 1]
                if following.kind == "list" and text.rstrip().endswith(":"):
                    reasons = [plain(item.text) for item in following.items]
                    chosen.justification = "; ".join(reason for reason in reasons if reason)
            return chosen
    return None


def _split_chosen(rest: str, line: int) -> Chosen | None:
    rest = rest.strip()
    if rest.startswith(("**", "__")):
        rest = rest[2:].lstrip()
    title, justification = _cut_title(rest)
    if not title or is_placeholder(title):
        return None
    justification = plain(justification).strip(" ,:") if justification else ""
    if is_placeholder(justification) or not justification:
        justification = ""
    return Chosen(title=title, justification=justification or None, line=line)


def _cut_title(rest: str) -> tuple[str, str]:
    rest = _CHOSEN_NUMBER.sub("", rest, count=1)
    opener = rest[:1]
    closer = _QUOTES.get(opener)
    if closer is not None:
        # The title ends at the first closing quote that "because" (or the end) follows, so
        # quotes and even "because" inside the title survive.
        end = rest.find(closer, 1)
        while end != -1:
            if _AFTER_TITLE.match(rest, end + 1):
                because_after = _BECAUSE.search(rest, end + 1)
                justification = rest[because_after.end() :] if because_after else ""
                return _clean_title(rest[1:end]), justification
            end = rest.find(closer, end + 1)
    because = _BECAUSE.search(rest)
    if because is not None:
        return _clean_title(rest[: because.start()]), rest[because.end() :]
    first_line = rest.split("\n", 1)[0]
    return _clean_title(first_line), ""


def _clean_title(value: str) -> str:
    text = plain(value.strip().strip("*_").strip())
    text = text.rstrip(" ,.;:")
    if len(text) > 1 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text


def norm(title: str) -> str:
    """A title reduced to words, for matching option names written differently."""
    return _NORMALISE.sub(" ", plain(title).casefold()).strip()


def _strip_prefix(title: str) -> str:
    return _NUMBER_PREFIX.sub("", _OPTION_PREFIX.sub("", title.strip())).strip()


def match_option(name: str, titles: list[str]) -> int | None:
    """The index of the option `name` refers to: exact, then short form, then fuzzy."""
    if not titles:
        return None
    wanted = norm(name)
    if not wanted:
        return None
    normalised = [norm(title) for title in titles]
    found = _match(wanted, normalised)
    if found is not None:
        return found
    stripped = [norm(_strip_prefix(plain(title))) for title in titles]
    found = _match(norm(_strip_prefix(plain(name))), stripped)
    if found is not None:
        return found
    found_number = _OPTION_NUMBER.match(wanted)
    number = small_number(found_number[1]) if found_number else None
    if number is not None and 1 <= number <= len(titles):
        return number - 1
    return None


def _match(wanted: str, candidates: list[str]) -> int | None:
    if not wanted:
        return None
    exact = [index for index, title in enumerate(candidates) if title == wanted]
    if exact:
        return exact[0]
    for test in (_is_prefix, _contains):
        hits = [index for index, title in enumerate(candidates) if title and test(wanted, title)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            scores = {index: _overlap(wanted, candidates[index]) for index in hits}
            best = max(hits, key=scores.__getitem__)
            if list(scores.values()).count(scores[best]) == 1:
                return best
    ratios = [difflib.SequenceMatcher(None, wanted, title).ratio() for title in candidates]
    best_ratio = max(ratios)
    if best_ratio >= 0.8 and ratios.count(best_ratio) == 1:
        return ratios.index(best_ratio)
    return None


def _is_prefix(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and long.startswith(short + " ")


def _contains(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and f" {short} " in f" {long} "


def _overlap(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


CONSEQUENCE_SECTIONS = {
    "consequences": None,
    "consequence": None,
    "positive consequences": "good",
    "positive consequence": "good",
    "negative consequences": "bad",
    "negative consequence": "bad",
    "neutral consequences": "neutral",
    "good consequences": "good",
    "bad consequences": "bad",
}


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
    key = plain(text).lower().rstrip(": ")
    if key in CONSEQUENCE_SECTIONS:
        return CONSEQUENCE_SECTIONS[key] or "neutral"
    return _label_polarity(text)


def _add_consequences(items: list[Item], label: str | None, into: Consequences) -> None:
    for item in items:
        polarity, text = _argument(item.text)
        if polarity is None:
            text = plain(item.text)
            if not text or is_placeholder(item.text):
                continue
            polarity = label or "neutral"
        if text:
            getattr(into, polarity).append(text)
