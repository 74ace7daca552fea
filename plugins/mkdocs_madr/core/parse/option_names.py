"""Options' names: a title cleaned of its number and marks (`Option 2:`, `(Selected)`), and a
name written elsewhere (the outcome, a pros-and-cons heading) matched to one of them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from ..text import plain, small_number
from .vocabulary import fold

ORDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "first": 1, "second": 2,
    "third": 3, "fourth": 4, "fifth": 5, "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6,
    "g": 7, "h": 8, "i": 9, "j": 10,
}  # fmt: skip


OPTION_WORD = (
    r"(?:options?|alternatives?|solutions?|approach(?:es)?|variants?|choices?|scenarios?|"
    r"opci[oó]n(?:es)?|op[cç][aã]o|op[cç][oõ]es|opzion[ei]|optie|variante|l'option|la solution|"
    r"옵션|방안|선택지|选项|方案|オプション|選択肢|方式|案)"
)


OPTION_PREFIX = re.compile(
    # `Option2`, but not `Options considered` read as option "s"
    rf"^\(?{OPTION_WORD}(?:\s*(?=\d)|\s+|(?<=[\u3040-\u9fff]))(?:n[°º]\s*)?#?"
    r"(\d+|[a-z]|one|two|three|four|five)\b"
    r"(?:[a-z]\b)?\)?"
    r"\s*[:.)\-–—：]?\s*",
    re.IGNORECASE,
)


NAMED_OPTION = re.compile(rf"^{OPTION_WORD}\s*(?::|\s[-–—])\s*(?=\S)", re.IGNORECASE)
"""`Option: Code-based configuration`, `Solution - Scale as a method`: an option named after
the word, not numbered."""
_EXAMPLE_FOLLOWS = re.compile(r"(?<=[.!?])\s+(?:for example|for instance|e\.g\.)\s*[,:]?$", re.I)
"""`Have one endpoint per type. For example,` (the example follows in a code block)."""
_NUMBER_PREFIX = re.compile(
    r"^(?:\(?(\d+|[a-z])[.)]|\[?option\s*(\d+)\]?\s*[-–—:])\s+", re.IGNORECASE
)


_NUMBERED_PREFIX = re.compile(r"^(\d+)[.)]\s+")


CHOSEN_MARK = re.compile(
    r"\s*(?:[(（](?:selected|chosen|favou?red|recommended|preferred|picked|winner|selected option|"
    r"proposed|accepted|adopted|"
    r"ausgewählt|gewählt|solution retenue|retenue?|choisie?|elegida|escolhida|scelta|"
    r"선택됨|선택|채택|채택됨|采用|已选择|选定|推荐|本\s*ADR\s*(?:默认|采用|选择)|採用|採用案|"
    r"выбран(?:а|о|ный|ная|ное)?)[)）]|"
    r"\[(?:selected|chosen)\]|✅|✔️?|☑️?|\*\((?:ausgewählt|gewählt)\)\*)\s*",
    re.IGNORECASE,
)


# `Named backends (rejected)`, `Keep inline configuration (status quo)`: a mark, not the name.
_OTHER_MARK = re.compile(
    r"\s*\((?:rejected|not chosen|discarded|declined|status quo|current|baseline|deprecated|"
    r"verworfen|abgelehnt|rejetée?|écartée?|descartada|rechazada|rejeitada|scartata)\)\s*$"
    r"|\s*（(?:却下|不採用|否決|拒否|弃用|否决|不采用)）\s*$",
    re.IGNORECASE,
)


# `FastExcel ( https://github.com/… )`: the address is where to read about it, not its name.
_TRAILING_ADDRESS = re.compile(r"\s*\(\s*<?https?://[^\s()]+>?\s*\)$")


_DESCRIPTION_DASH = re.compile(r"(?<!\s)\s+[–—]\s+|(?<=[)`])\s+-\s+(?=\S)")
"""`[MADR](…) 3.0.0 – The Markdown …`: a dash between the name and its description (a
hyphen only after a link or a code span: `Alpha - the first` may be a name)."""


_NORMALISE = re.compile(r"[^\w]+", re.UNICODE)


NEGATION = re.compile(
    r"\b(?:not|no|don'?t|do not|never|stop|avoid|without|nicht|kein|pas|ne|sin|não|niet)\b"
)


def clean_option_title(raw: str) -> tuple[str, bool, int | None, str]:
    """An option's title as written in a list, heading or bold paragraph: without its number
    (`Option 2:`, `2.`, `[option 2] -`), without a mark of being chosen (`(Selected)`, `✅`),
    without the description after a dash. Returns the title, whether it was marked chosen, its
    number if it had one, and the description cut off."""
    text = plain(raw).strip()
    chosen = bool(CHOSEN_MARK.search(text))
    text = _OTHER_MARK.sub("", CHOSEN_MARK.sub(" ", text)).strip()
    text = _TRAILING_ADDRESS.sub("", text).strip() or text
    text = _EXAMPLE_FOLLOWS.sub("", text).strip() or text
    number: int | None = None
    prefixed = OPTION_PREFIX.match(text)
    if prefixed:
        number = number_word(prefixed[1])
        rest = text[prefixed.end() :].strip()
        text = rest or text
    else:
        numbered = _NUMBER_PREFIX.match(text)
        if numbered:
            number = number_word(numbered[1] or numbered[2])
            text = text[numbered.end() :].strip() or text
        else:
            text = NAMED_OPTION.sub("", text, count=1)
    description = ""
    written = raw.strip()  # a hyphen counts after a link or code span, seen only as written
    dash = _DESCRIPTION_DASH.search(written)
    if dash is not None and len(plain(written[: dash.start()]).split()) <= 6:
        right = plain(written[dash.end() :])
        if right and text.endswith(right) and len(text) > len(right):
            text, description = text[: -len(right)].rstrip(" -–—"), right
    if written.endswith("`"):  # `Separate the parts with \`:\``: the colon is the name's
        return text.strip(), chosen, number, description
    return text.strip(" :;") or text, chosen, number, description


def number_word(text: str | None) -> int | None:
    if not text:
        return None
    lowered = text.lower()
    if lowered in ORDINALS:
        return ORDINALS[lowered]
    return small_number(lowered)


def first_sentence(text: str) -> str:
    return SENTENCE_END.split(text.strip(), maxsplit=1)[0]


# Not after a number alone (`the '2. Use a queue' option`: an option's label).
SENTENCE_END = re.compile(r"(?<=[\w)\"”])(?<![\s'‘\"“(]\d)(?<![\s'‘\"“(]\d\d)[.!]\s+(?=[A-Z(])")


FILLER_WORDS = frozenset(
    {"a", "an", "the", "to", "of", "for", "in", "on", "and", "or", "with", "using", "use"}
    | {"our", "we", "be", "by", "as", "at", "from", "is", "it"}
)


def norm(title: str) -> str:
    """A title reduced to words, for matching option names written differently."""
    return _NORMALISE.sub(" ", fold(plain(title))).strip()


def _strip_prefix(title: str) -> str:
    text = OPTION_PREFIX.sub("", title.strip())
    return _NUMBER_PREFIX.sub("", text).strip()


def match_option(name: str, titles: Sequence[str]) -> int | None:
    """The index of the option `name` refers to: exact, then short form, then fuzzy."""
    if not titles:
        return None
    wanted = norm(name)
    if not wanted:
        return None
    written = [_as_written(title) for title in titles]
    if written.count(_as_written(name)) == 1:  # `with \`/\`` among `:`, `/` and `@`
        return written.index(_as_written(name))
    normalised = [norm(title) for title in titles]
    found = _match(wanted, normalised)
    if found is not None:
        return found
    stripped = [norm(_strip_prefix(plain(title))) for title in titles]
    found = _match(norm(_strip_prefix(plain(name))), stripped)
    if found is not None:
        return found
    number = (
        number_word(m[1])
        if (m := re.fullmatch(rf"{OPTION_WORD}\s*#?(\d+|[a-e])", wanted))
        else None
    )
    if number is not None and 1 <= number <= len(titles):
        return number - 1
    return None


def _as_written(title: str) -> str:
    return " ".join(plain(title).casefold().split()).strip(" .,;")


def _match(wanted: str, candidates: Sequence[str]) -> int | None:
    if not wanted:
        return None
    exact = [index for index, title in enumerate(candidates) if title == wanted]
    if exact:
        return exact[0]
    negated = bool(NEGATION.search(wanted))
    allowed = [
        index
        for index, title in enumerate(candidates)
        if title and bool(NEGATION.search(title)) == negated
    ]
    for test in (_is_prefix, _contains):
        hits = [index for index in allowed if test(wanted, candidates[index])]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            scores = {index: _overlap(wanted, candidates[index]) for index in hits}
            best = max(hits, key=scores.__getitem__)
            if list(scores.values()).count(scores[best]) == 1:
                return best
    # `Alter the exiting object` for "Alter the existing object and return it": a misspelt
    # short form, read against each option's beginning of about the same length.
    heads = {
        index: difflib.SequenceMatcher(None, wanted, candidates[index][: len(wanted) + 2]).ratio()
        for index in allowed
        if len(wanted) >= 12 and len(candidates[index]) > len(wanted) + 2
    }
    if heads:
        best_head = max(heads.values())
        if best_head >= 0.9 and list(heads.values()).count(best_head) == 1:
            return max(heads, key=heads.__getitem__)
    ratios = {
        index: difflib.SequenceMatcher(None, wanted, candidates[index]).ratio() for index in allowed
    }
    if not ratios:
        return None
    best_ratio = max(ratios.values())
    if best_ratio >= 0.8 and list(ratios.values()).count(best_ratio) == 1:
        return max(ratios, key=ratios.__getitem__)
    return None


def shares_words(name: str, titles: Sequence[str]) -> bool:
    """Whether `name` has a word (beyond the small ones) in common with any option: a chosen
    option that does not match may then be one of them in other words."""
    words = set(norm(name).split()) - FILLER_WORDS
    return any(words & (set(norm(title).split()) - FILLER_WORDS) for title in titles)


def shortened_from(name: str, title: str) -> bool:
    """Whether `name` is `title` in fewer words: most of its words (beyond the small ones) are
    words of the title, or their stems (`Keep the floating resolution` for `Keep the floating
    node-version: "24" resolution`; not `Peer-to-peer replay sharing` for `A replay service`)."""
    words = [word for word in norm(name).split() if word not in FILLER_WORDS]
    known = [word for word in norm(title).split() if word not in FILLER_WORDS]
    found = sum(
        1
        for word in words
        if any(
            word == other
            or (
                min(len(word), len(other)) >= 4
                and (word.startswith(other) or other.startswith(word))
            )
            for other in known
        )
    )
    return bool(words) and found >= 0.6 * len(words)


def _is_prefix(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and long.startswith(short + " ")


def _contains(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and f" {short} " in f" {long} "


def _overlap(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()
