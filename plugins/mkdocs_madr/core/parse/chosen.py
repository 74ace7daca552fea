"""The chosen option: the outcome's `Chosen option:` sentence taken apart, or the option that an
outcome or a title names in prose."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import collapse, is_placeholder, plain, strip_comments
from .arguments import BECAUSE_WORDS, WORD_END, argument
from .option_names import (
    FILLER_WORDS,
    NEGATION,
    OPTION_WORD,
    clean_option_title,
    first_sentence,
    match_option,
    norm,
    number_word,
)
from .outline import Part
from .outline_blocks import Block
from .vocabulary import DEFAULT, Vocabulary, fold

_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "`": "`", "«": "»", "„": "“"}


_BECAUSE = re.compile(
    # A match starts at a comma or after a non-space: starting anywhere in a run of spaces
    # would rescan the run from every position in it.
    rf"(?:[,;]\s*(?:car|da|want|as|since)\b|(?:[,;]|(?<![\s,;]))\s*(?:(?:\*\*|__)\s*)?"
    rf"\b(?:{BECAUSE_WORDS}){WORD_END})",
    re.IGNORECASE,
)


_TITLE_ENDS = re.compile(
    r"\s*(?:(?:\*\*|__)\s*)?(?:[,;.:]|$|\n|\(|because\b|is\b|was\b|-|–)", re.IGNORECASE
)
"""What may follow a quoted chosen option's closing quote."""


@dataclass
class Chosen:
    """The `Chosen option:` sentence taken apart."""

    title: str
    justification: str | None
    line: int
    numbers: list[int] = field(default_factory=list)
    """Option numbers it names (`Chosen option: 2`, `option 1 and option 2`)."""
    names: list[str] = field(default_factory=list)
    """Other readings of the title to try against the options, most likely first."""
    unfilled: bool = False
    """The template's line, not filled in (`Chosen option: "[option 1]"`)."""
    spans: list[str] = field(default_factory=list)
    """Code spans or quoted names it gives, each an option (`` `A` and then `B` ``)."""
    quoted: bool = False
    """The title was quoted (or a code span): a name, not words about an option."""


def _chosen_pattern(vocabulary: Vocabulary) -> re.Pattern[str]:
    return _chosen_regex(vocabulary.chosen_phrases)


@lru_cache(maxsize=16)
def _chosen_regex(chosen_phrases: tuple[str, ...]) -> re.Pattern[str]:
    phrases = "|".join(sorted((re.escape(p) for p in chosen_phrases), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{phrases})\b(?!\s+(?:should|must|shall|needs?|has to|will need|ought|would|"
        r"could|may|might|can|of|for|to|in|on|with|that|which|here|offers|provides)\b)"
        # `The chosen solution should be cheap`, `The chosen approach of …`: words about it
        rf"\s*(?:\*\*|__)?\s*(?:(?:is|was)\s*:|[:：]|is\b|was\b|est\b|ist\b|es\b|é\b)?"
        r"|\bchosen\s+[a-z]+(?:\s[a-z]+)?\s*(?:\*\*|__)?\s*:"
        r"|^\s*chosen\s+(?=[*_\"“`])"  # `Chosen *Plain CSS*, because …`
        r"|^\s*chose\s+option\s*:",  # a slip of the pen for `Chosen option:`
        re.IGNORECASE,
    )


_CHOSEN_AFTER = re.compile(
    r"^\s*[\"“](?P<title>[^\"”]+)[\"”]\s+(?:is|was)\s+(?:the\s+)?chosen\b"
    r"(?:\s+(?:option|alternative|solution|approach))?[,.]?\s*(?:because\b\s*(?P<why>.*))?",
    re.IGNORECASE | re.DOTALL,
)


_NUMBERS = re.compile(
    rf"(?:^|\b{OPTION_WORD}\s*)#?(\d+|one|two|three|four|five)\b|^\s*(?:\*\*|__)?(\d+)(?:\*\*|__)?\s*(?:[:.,)]|$)",
    re.IGNORECASE,
)


_PROSE_CHOICE = re.compile(
    rf"\b(?:chose|chosen|choos(?:e|ing)|pick(?:ed|ing)?|select(?:ed|ing)?|go(?:ing)? with|"
    rf"went with|opted for|opting for|tak(?:e|ing)(?=\s+(?:the\s+)?{OPTION_WORD})|"
    rf"decided (?:on|for|to go with|to use|to adopt)|decided|propose|proposed|recommend(?:ed)?|"
    rf"adopt(?:ed)?|prefer(?:red)?|settled on|accept(?:ed)?|support|endorse[sd]?|"
    rf"(?:implemented|adoption of|opt(?:ed)? for)(?=\s+(?:\*\*|__)?(?:the\s+)?{OPTION_WORD})|"
    rf"favou?r(?:ed)?|"
    rf"choisi|retenu(?:e)?|mise en place|rester sur|restons sur|partir sur|partons sur|"
    rf"stay with|stick with|"
    rf"entschieden|gewählt|elegi(?:do|da|mos)|escolh(?:ido|ida|emos)|optamos|scelto|gekozen)\b"
    rf"[^.\n]{{0,60}}?\b{OPTION_WORD}\s*(?:n[°º]\s*)?[#(]?(\d+|[a-e]\b|one|two|three|four|five)\b"
    rf"|\b{OPTION_WORD}\s*(?:n[°º]\s*)?#?(\d+|[a-e]\b|one|two|three|four|five)\b[^.\n]{{0,40}}?"
    rf"\b(?:was|is|has been|will be|were|sera|wird|fue|foi|è)\s+(?:\w+\s+)?(?:chosen|selected|"
    rf"accepted|adopted|preferred|implemented|picked|retained|retenue?|choisie?|"
    rf"mise en (?:place|œuvre)|"
    rf"adoptée?|gewählt|umgesetzt|elegida|implementada|escolhida|adotada|scelta|gekozen)\b",
    re.IGNORECASE,
)


def read_chosen(
    section: Part, vocabulary: Vocabulary = DEFAULT, *, outcome: bool = False
) -> Chosen | None:
    """`Chosen option: "X", because Y` in the outcome section, in any of its shapes; in the
    outcome section (`outcome`), also `**Proposed: Option 2 (…)**`."""
    pattern = _chosen_pattern(vocabulary)
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
            match = pattern.search(text)
            if match is None or _is_argument(text):
                continue
            if _DESCRIBED.search(text[: match.start()]):
                continue  # `**Wait for updates** - option retenue …`: an option's description
            chosen = split_chosen(strip_comments(text[match.end() :]), line)
            if chosen is None:
                return Chosen("", None, line, unfilled=True)
            if not chosen.justification and position + 1 < len(blocks):
                following = blocks[position + 1]
                if following.kind == "list" and text.rstrip().endswith(":"):
                    reasons = [plain(item.text) for item in following.items]
                    chosen.justification = "; ".join(reason for reason in reasons if reason)
            return chosen
    proposed = _proposed_line(blocks) if outcome else None
    if proposed is not None:
        return proposed
    for part in section.walk():  # `### Chosen option: self-hosted [Drupal](…)`
        match = pattern.match(part.title) if part is not section else None
        if match is not None and ":" in match[0] and part.title[match.end() :].strip(" :*_"):
            return split_chosen(strip_comments(part.title[match.end() :]), part.line)
    return _chosen_heading(section)


_PROPOSED = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:proposed|proposal)\s*(?:\*\*|__)?\s*:"
    r"\s*(?:\*\*|__)?\s*(?=\S)",
    re.IGNORECASE,
)


def _proposed_line(blocks: list[Block]) -> Chosen | None:
    """`**Proposed: Option 2 (Dynamic metadata) as a first step**` opening a paragraph of the
    outcome of a record still proposed: the option it proposes."""
    for block in blocks:
        if block.kind != "paragraph":
            continue
        label = _PROPOSED.match(block.text)
        if label is not None:
            rest = block.text[label.end() :].split("\n", 1)[0].rstrip(" *_")
            return split_chosen(strip_comments(rest), block.line)
    return None


_DESCRIBED = re.compile(r"(?:\*\*|__)\s*[-–—:]\s*$")
"""What ends a bold option name followed by its description dash."""


_CHOSEN_HEADINGS = frozenset({"chosen option", "chosen", "selected option", "選択した案", "採用案"})


def _chosen_heading(section: Part) -> Chosen | None:
    """`### Chosen Option` with nothing under it, then `### Next.js 15 (App Router)`: the
    heading that follows names the choice."""
    for part in section.walk():
        children = part.children
        for at, child in enumerate(children):
            if fold(plain(child.title)).strip(" :") not in _CHOSEN_HEADINGS or child.blocks:
                continue
            if child.children:  # `### Chosen Option` over `#### Next.js 15`
                named = child.children[0]
            elif at + 1 < len(children):  # `### Chosen Option`, then `### Next.js 15`
                named = children[at + 1]
            else:
                continue
            return Chosen(title=plain(named.title), justification=None, line=named.line)
    return None


def _is_argument(text: str) -> bool:
    """`Good, because chosen option for …` is an argument that mentions the words."""
    return argument(text)[0] is not None


def split_chosen(rest: str, line: int) -> Chosen | None:
    """What follows `Chosen option:`: the title (quoted, bold, a code span, a link, a number,
    or plain words up to `because`), its justification, and other readings of it."""
    rest = rest.strip()
    if is_placeholder(_cut_title(rest)[0] if rest[:1] in _QUOTES else rest.split(",")[0]):
        # The template's `"[option 1]"`; its number counts where the options are so labelled.
        label = re.match(r"^[\"“]?\[\s*option\s*(\d+)\s*\]", rest, re.IGNORECASE)
        return Chosen("", None, line, [int(label[1])] if label else [], unfilled=True)
    rest = re.sub(r"^\((?:modified|adapted|amended|modifiée?|angepasst)\)\s*", "", rest, flags=re.I)
    numbers = _chosen_numbers(rest)
    bare = re.match(r"^[`(\[]+\s*(?:option\s*)?#?(\d{1,2})\s*[`)\]]+\s*(?:[.,:;]|$)", rest, re.I)
    if bare is not None and not numbers:
        numbers = [int(bare[1])]  # `Chosen Option \`(3)\`.`
    rest = re.sub(
        r"^(?:\*\*|__)?\s*(?:option\s*)?\d+\s*(?:\*\*|__)?\s*[-:.)–]\s*(?=[\"“'`*_\[])",
        "",
        rest,
        flags=re.I,
    )
    bold = re.match(r"(\*\*|__)([^*_\"“'`\n][^*_\n]*?)\1(?![*_])", rest)
    if bold is not None:
        rest = f'"{bold[2].strip()}"{rest[bold.end() :]}'  # `**X** (with changes)`: a name
    elif rest.startswith(("**", "__")):
        rest = rest[2:].lstrip()
    title, justification, names = _cut_title(rest)
    if (not title or is_placeholder(title)) and not numbers:
        return None
    if is_undecided(title):
        return Chosen("", None, line, unfilled=True)  # `Chosen option: TBD`: nothing yet
    justification = plain(justification).strip(" ,:") if justification else ""
    if is_placeholder(justification) or not justification:
        justification = ""
    first_line = rest.split("\n", 1)[0]
    spans = [_clean_title(span) for span in re.findall(r"`([^`]+)`", first_line)]
    spans += [_clean_title(quoted) for quoted in re.findall(r"[\"“]([^\"“”]+)[\"”]", first_line)]
    quoted = rest[:1] in _QUOTES or rest.startswith(('**"', "**“"))
    return Chosen(title, justification or None, line, numbers, names, spans=spans, quoted=quoted)


_UNDECIDED = re.compile(
    r"tbd|tbc|todo|to be (?:decided|determined|defined|confirmed|done)|none yet|not yet decided|"
    r"undecided|à définir|à décider|offen|noch offen|por decidir|a definir|da definire",
    re.IGNORECASE,
)


def is_undecided(text: str) -> bool:
    """`TBD`, `To be done.`: nothing is decided yet."""
    return _UNDECIDED.fullmatch(plain(text).strip(" .!")) is not None


def _chosen_numbers(rest: str) -> list[int]:
    """`2`, `**2**:`, `option 2`, `options 1 and 2`, `option 1 and option 2`."""
    head = plain(re.split(r"[\"“]|\b(?:because|porque|weil|parce)\b", rest, maxsplit=1)[0])
    words = head.strip().split()
    if not words:
        return []
    found: list[int] = []
    starts_with_number = re.match(r"^(?:\*\*|__)?\s*(?:option\s*)?#?\d+\b", rest.strip(), re.I)
    mentions_option = re.match(rf"^\W*{OPTION_WORD}\b", head.strip(), re.I)
    combined = re.search(r"\b(\d+)\s+(?:and|&|\+|plus)\s+(?:option\s*)?(\d+)\b", head, re.I)
    if combined and not (starts_with_number or mentions_option):  # `Combined 1 and 3`
        return [number for number in map(number_word, combined.groups()) if number]
    listed = _OPTIONS_LISTED.search(head)
    if listed is not None and not starts_with_number:  # `Combination of Options 3, 4, and 7`
        return [int(number) for number in re.findall(r"\d+", listed[1])][:6]
    if not (starts_with_number or mentions_option):
        return []
    lettered = re.match(rf"^\W*{OPTION_WORD}\s+([a-e])\b(?!['’])", head.strip(), re.IGNORECASE)
    if lettered is not None and not re.search(r"\d", head):  # `**Option C: SOPS with age**`
        number = number_word(lettered[1])
        return [number] if number is not None else []
    for match in re.finditer(r"\b(\d+|one|two|three|four|five)\b", head):
        number = number_word(match[1])
        if number is not None and number not in found:
            found.append(number)
        if len(found) >= 6:
            break
    # `option 2, add a proposals folder` names one option; `1 and 2` names two.
    tail = head[head.find(str(found[0])) + 1 :] if found else ""
    joined = r"(?:\b(?:and|&|,|plus|et|und|y|e|en)|\+)\s+(?:option\s*)?\d"  # `Option 1 + Option 4`
    if found and re.search(joined, tail, re.I):
        return found
    return found[:1]


_OPTIONS_LISTED = re.compile(
    r"\boptions\s+(\d+(?:\s*(?:,|and|&|\+|plus)\s*(?:and\s+)?\d+)+)\b", re.IGNORECASE
)


def _cut_title(rest: str) -> tuple[str, str, list[str]]:
    """The title, the text after it (the justification), and other readings of the title."""
    names: list[str] = []
    opener = rest[:1]
    closer = _QUOTES.get(opener)
    if opener == "`" and rest.split("\n", 1)[0].count("`") >= 4:
        closer = None  # `A` and then `B`: code spans, not a quoted title
    if closer is not None:
        end = rest.find(closer, 1)
        first_end = end
        while end != -1:
            if _TITLE_ENDS.match(rest, end + 1):
                because_after = _BECAUSE.search(rest, end + 1)
                justification = rest[because_after.end() :] if because_after else ""
                return _clean_title(rest[1:end]), justification, names
            end = rest.find(closer, end + 1)
        if first_end != -1:
            # `"X" for the next two releases`: the quotes hold the title, the rest qualifies it.
            because_after = _BECAUSE.search(rest, first_end + 1)
            justification = rest[because_after.end() :] if because_after else ""
            names.append(_clean_title(rest[1 : rest.rfind(closer)]))
            return _clean_title(rest[1:first_end]), justification, names
    first_line = rest.split("\n", 1)[0]
    for label in re.findall(r"\[([^\]]+)\]\([^)]*\)", first_line):  # `self-hosted [X](…)`
        names.append(_clean_title(label))
    spans = re.findall(r"`([^`]+)`", first_line)
    names.extend(_clean_title(span) for span in spans)
    because = _BECAUSE.search(rest)
    if because is not None:
        title = _clean_title(rest[: because.start()])
        names.append(first_sentence(title))
        return title, rest[because.end() :], names
    sentence = first_sentence(plain(rest))
    title = _clean_title(first_line)
    names.extend([_clean_title(sentence), _clean_title(plain(rest))])
    if sentence and len(sentence) < len(title):
        return _clean_title(sentence), plain(rest)[len(sentence) :].strip(" ."), [title, *names]
    return title, "", names


def _clean_title(value: str) -> str:
    text = plain(value.strip().strip("*_").strip())
    text = text.rstrip(" ,.;:")
    if len(text) > 1 and _QUOTES.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text


def chosen_in_prose(
    section: Part, titles: Sequence[str], numbers: Sequence[int | None]
) -> list[int]:
    """The options an outcome section chooses in prose: by number (`We picked option 2`,
    `Nous avons choisi l'option 1`), or by naming exactly one option in its first paragraph
    with a verb of decision (`We will use NATS`). Indexes into `titles`."""
    paragraphs = [
        block.text for part in section.walk() for block in part.blocks if block.kind == "paragraph"
    ]
    items = [
        item.text
        for part in section.walk()
        for block in part.blocks
        if block.kind == "list"
        for item in block.items
    ]
    if not section.blocks and section.children:
        headed = _option_heading(section.children[0].title, titles, numbers)
        if headed is not None:  # `## Decision Outcome` / `### A) No prefixes`
            return [headed]
    lead = plain(_lead_text(section) or (paragraphs or items or [""])[0])
    first_line = lead.split("\n", 1)[0]
    named = [index for index, title in enumerate(titles) if norm(title) == norm(first_line)]
    if first_line and len(named) == 1:
        return named  # the outcome starts with the option's name, alone on its line
    sentence = first_sentence(lead)
    several = _SEVERAL_NUMBERS.search(sentence) if _DECIDING.search(sentence) else None
    if several is not None and _decides_on(sentence[: several.start()]):
        # `We decided to do X (both options 2 and 3).`, not `… option 1, because options 2 and
        # 3 cost too much`
        picked = [
            _index_of_number(int(number), numbers, len(titles))
            for number in re.findall(r"\d{1,2}", several[0])
        ]
        if picked and all(index is not None for index in picked):
            return sorted({index for index in picked if index is not None})
    by_number = (
        _LEADING_NUMBER.match(first_line)
        or _NUMBER_ASIDE.search(first_sentence(lead))
        or _ORDINAL_CHOICE.search(first_sentence(lead))
    )
    if by_number is not None:
        number = number_word(next(group for group in by_number.groups() if group))
        index = _index_of_number(number, numbers, len(titles))
        if index is not None:
            return [index]
    said = [
        found
        for text in [*paragraphs[:3], *items[:3]]
        for found in _PROSE_CHOICE.finditer(plain(text))
        if not _COUNTERFACTUAL.match(found.string, found.end())
    ]
    # `The team preferred option 2, but … so we are choosing option 1`: a verb that decides
    # outranks one that only leans.
    for found in sorted(said, key=lambda match: _LEANING.match(match[0]) is not None):
        number = number_word(found[1] or found[2])
        index = _index_of_number(number, numbers, len(titles))
        if index is not None:
            return [index]
    asides = _PARENTHESISED_NUMBER.findall(sentence)
    if len(asides) == 1 and _DECIDING.search(sentence) and not _named_in(sentence, titles):
        # `It was decided to introduce a limited set of unit tests (2) because …`
        index = _index_of_number(int(asides[0]), numbers, len(titles))
        if index is not None:
            return [index]
    for text in paragraphs[:3]:
        bare = _BARE_NUMBER_CHOICE.search(plain(text))
        index = _index_of_number(int(bare[1]), numbers, len(titles)) if bare else None
        if index is not None:
            return [index]
    first = lead
    opening = _opening_option(first_sentence(first), titles)
    if opening is not None:
        return [opening]
    if first and _DECIDING.search(first):
        return _named_in(first_sentence(first), titles)
    # `Devs narrowed the choice down to two. … A decision was made to use Contentful.`: the
    # first sentence that decides, in the outcome's first paragraphs, if it names one option.
    for paragraph in paragraphs[1:3]:
        for sentence in re.split(r"(?<=[.!?])\s+", plain(paragraph)):
            if _DECIDING.search(sentence):
                return _named_in(sentence, titles)
    return []


def _named_in(sentence: str, titles: Sequence[str]) -> list[int]:
    """The one option a deciding sentence names (or paraphrases), not negated."""
    text = f" {norm(sentence)} "
    mentioned = [
        index
        for index, title in enumerate(titles)
        if _mentionable(norm(title))
        # `We chose mdBooks` for option `mdBook`: a name said in the plural
        and (f" {norm(title)} " in text or f" {norm(title)}s " in text)
    ]
    if len(mentioned) == 1 and not _negated(norm(sentence), norm(titles[mentioned[0]])):
        return mentioned
    if not mentioned:
        return _closest_option(sentence, titles) or _distinctive_option(sentence, titles)
    return []


def chosen_in_title(title: str, titles: Sequence[str]) -> list[int]:
    """A record titled after its decision (`Rate limiting with a sliding window`, `Use Pkl for
    configuration`) chooses the one option the title names, or paraphrases, and no other."""
    text = f" {norm(title)} "
    if _REJECTION.search(text):
        return []
    named = [
        index
        for index, option in enumerate(titles)
        if _mentionable(norm(option)) and f" {norm(option)} " in text
    ]
    if len(named) == 1:
        return named
    return _closest_option(title, titles) if not named else []


def _option_heading(title: str, titles: Sequence[str], numbers: Sequence[int | None]) -> int | None:
    """The outcome's first heading names an option: by its label (`A) No prefixes` for
    option A) or by its name."""
    name, _, number, _ = clean_option_title(title)
    if number is not None and number in numbers:
        return list(numbers).index(number)
    return match_option(name, titles) if name else None


def _lead_text(section: Part) -> str:
    """The outcome's first words: its first paragraph, or the first item of a list that
    comes before any paragraph (`- We will use Mermaid for diagrams.`)."""
    for part in section.walk():
        for block in part.blocks:
            if block.kind == "paragraph":
                return block.text
            if block.kind == "list" and block.items:
                return block.items[0].text
    return ""


def _mentionable(title: str) -> bool:
    """Long enough to be found in a sentence as a name: three characters, or two with a
    digit (`K6`, `S3`), never a two-letter word such as `go`."""
    return len(title) >= 3 or (len(title) == 2 and any(c.isdigit() for c in title))


# `(#1) Use django-fsm-2`, `Option 3, hosted on the platform`: the outcome opens with a number.
_LEADING_NUMBER = re.compile(
    rf"^\s*(?:>\s*)?(?:\(#?(\d+)\)|#(\d+)\b|{OPTION_WORD}\s*#?(\d+|[a-e])\s*[,:;.)\u2013\u2014-])",
    re.IGNORECASE,
)


# `… translated into English (option 1 below).`: a number in parentheses names the option.
_NUMBER_ASIDE = re.compile(rf"\(\s*{OPTION_WORD}\s*#?(\d+|[a-e])\b[^()]{{0,80}}\)", re.IGNORECASE)


_COUNTERFACTUAL = re.compile(r"[^.;\n]{0,40}?\b(?:would|could|might)(?: not| n't)? have\b")
"""`The adoption of option 2 would have forced a rewrite`: what did not happen."""
_LEANING = re.compile(r"(?:prefer|recommend|propose|support|endorse|favou?r|accept)", re.IGNORECASE)


# `We decided that the second option outlined above is better`: an option by its place.
_ORDINAL_CHOICE = re.compile(
    rf"\b(?:decided|chose|choose|picked|selected|go with|went with|prefer|recommend|"
    rf"(?<!could )(?<!might )(?<!may )opt for)\b"
    rf"[^.\n]{{0,40}}?\bthe (first|second|third|fourth|fifth) {OPTION_WORD}\b",
    re.IGNORECASE,
)


# `We took the decision as a team to go with 2.`: a number alone, ending the clause.
_BARE_NUMBER_CHOICE = re.compile(
    r"\b(?:(?:go(?:ing)? with|went with|chose|choose|picked|selected|opted for)\s+(?:number\s+)?"
    r"|as per (?:point|item|number)\s+)"  # `We will do X as per point 2 above.`
    r"#?(\d{1,2})(?=\s*(?:[.,;!)]|above\b|$))",
    re.IGNORECASE,
)


_PARENTHESISED_NUMBER = re.compile(r"\((\d{1,2})\)")
"""`… unit tests (2) because …`: the option by its number, in a sentence naming none (else a
footnote)."""


def _decides_on(before: str) -> bool:
    """Whether the words before `options 2 and 3` decide on them: a verb of decision, and no
    option named by number, no reason and no rejection in between."""
    found = _DECIDING.search(before)
    between = before[found.end() :] if found is not None else ""
    return found is not None and not re.search(
        rf"{OPTION_WORD}\s*#?\d|\b(?:because|since|as|but|not|instead|rather|over|against|"
        r"reject\w*|discard\w*|drop\w*)\b",
        between,
        re.IGNORECASE,
    )


_SEVERAL_NUMBERS = re.compile(
    r"\boptions\s+#?\d{1,2}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*|\+\s*)#?\d{1,2})+\b", re.IGNORECASE
)


# Words that say the sentence states what was decided, in the languages MADR is written in.
_DECIDING = re.compile(
    r"\b(?:we will|we'll|we decided|we have decided|decided to|we chose|we choose|we use|"
    r"we are using|we adopted|we propose|we recommend|we are going to|we adopt|we're going|"
    r"will (?:adopt|use|move|migrate|switch|continue|keep|stay|go|implement|be used|"
    r"be implemented|be adopted)|"
    r"will be used|is chosen|we selected|we opted|going forward|the decision is|"
    r"(?:decision|choice) (?:\w+ ){0,3}(?:was|has been) made to (?:use|adopt|go with)|"
    r"best (?:choice|option|fit)|(?:drivers?|arguments?|criteria) (?:all )?points? to|"
    r"^(?:to )?(?:use|adopt|keep|migrate to|switch to|go with|stay with)|^chose|"
    r"nous (?:utiliserons|allons|avons choisi|avons décidé|irons|utilisons|ajoutons|rajoutons|"
    r"adoptons|mettons en place|gardons|conservons|choisissons|retenons|optons)|est retenue?|"
    r"wir (?:verwenden|werden|haben)|"
    r"usaremos|utilizaremos|vamos|decidimos|useremo|utilizzeremo|we gebruiken|wij kiezen|"
    r"(?:gekozen|kiest|kiezen)(?: \w+){0,3} voor|(?:hebben|heeft) besloten|we adviseren|"
    r"de keuze (?:valt|viel|lag) op|(?:we|the team|our team) (?:have |has )?selected|"
    r"^(?-i:(?:The )?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}) has selected|"
    r"выбрано|выбран[аы]?|мы выбрали|решено|будем использовать|используем)\b|"
    r"を採用|を選択|を選定",
    re.IGNORECASE,
)


_REJECTION = re.compile(
    r"(?:not|no longer|n't|never|rejected|discarded|dropped|ruled out|abandon(?:ed)?)"
)


def _opening_option(sentence: str, titles: Sequence[str]) -> int | None:
    """`Distributed caching is the only one of the two that works.`: an outcome whose first
    sentence opens with one option's name, mentions no other and rejects nothing."""
    text = f"{norm(sentence)} "
    opens = [
        index
        for index, title in enumerate(titles)
        if len(norm(title)) >= 3 and text.startswith(f"{norm(title)} ")
    ]
    if len(opens) != 1 or _REJECTION.search(text):
        return None
    others = [norm(t) for i, t in enumerate(titles) if i != opens[0] and len(norm(t)) >= 3]
    if any(f" {other} " in f" {text}" for other in others):
        return None
    return opens[0]


def _distinctive_option(sentence: str, titles: Sequence[str]) -> list[int]:
    """`We chose to go ahead with Playwright because …` for "A headless Chromium through
    Playwright": the sentence names a proper name that only one option has (`Keycloak`,
    `Doctrine`), and no word that only another option has."""
    words = set(norm(sentence).split())
    if _REJECTION.search(norm(sentence)):
        return []
    own = [set(norm(title).split()) - FILLER_WORDS for title in titles]
    named: list[int] = []
    for index, title in enumerate(titles):
        others = set().union(*(own[i] for i in range(len(titles)) if i != index))
        unique = own[index] - others
        if unique & words and not _proper_names(title) & unique & words:
            continue
        if _proper_names(title) & unique & words:
            named.append(index)
        elif unique & words:
            return []
    return named if len(named) == 1 else []


def _proper_names(title: str) -> set[str]:
    """The words of an option's title that name a thing: capitalised after the first word,
    with a digit or an inner capital, or the whole of a one- or two-word title."""
    tokens = re.findall(r"[\w.+#-]+", plain(title))
    found = set()
    for position, token in enumerate(tokens):
        word = token.strip(".-")
        if (len(word) < 3 and not any(c.isdigit() for c in word)) or word.isdigit():
            continue  # a number names a record or a version more often than an option
        if (
            len(tokens) <= 2
            or (position > 0 and word[:1].isupper())
            or any(c.isdigit() for c in word)
            or any(c.isupper() for c in word[1:])
        ):
            found.update(norm(word).split())
    return found - FILLER_WORDS - {"adr", "adrs", "rfc", "madr", "option", "options"}


def _closest_option(sentence: str, titles: Sequence[str]) -> list[int]:
    """A decision sentence that paraphrases one option (`move to using our database for
    search` for "Move to using PostgreSQL for search"): most of that option's words are in
    it, and at most half of any other option's."""
    words = set(norm(sentence).split()) - FILLER_WORDS
    if _REJECTION.search(norm(sentence)):
        return []
    scores: list[float] = []
    for title in titles:
        wanted = set(norm(title).split()) - FILLER_WORDS
        scores.append(len(wanted & words) / len(wanted) if len(wanted) >= 2 else 0.0)
    if not scores:
        return []
    best = max(scores)
    rivals = sorted(scores, reverse=True)[1:2]
    if best >= 0.75 and all(score <= 0.5 for score in rivals):
        return [scores.index(best)]
    return []


def _negated(sentence: str, title: str) -> bool:
    """`we will not use Kafka`: a negation in the few words before the title."""
    at = f" {sentence} ".find(f" {title} ")
    return at >= 0 and NEGATION.search(sentence[max(0, at - 25) : at]) is not None


def _index_of_number(number: int | None, numbers: Sequence[int | None], count: int) -> int | None:
    if number is None:
        return None
    if number in numbers:
        return list(numbers).index(number)
    if not any(numbers) and 1 <= number <= count:
        return number - 1
    return None
