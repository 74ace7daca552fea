"""The body of a decision as data: options, the chosen one, arguments and consequences.

Real records write the considered options in many shapes: a list, `### Option 1:` headings,
bold paragraphs, lists grouped under headings, with other lists beside them. The options
section gives candidates; the pros-and-cons headings and what the outcome names decide which
candidate is the list of options (see `pick_options`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Consequences, Option
from ..text import collapse, heading_key, is_placeholder, plain, small_number, strip_comments
from .outline import Block, Item, Part, parse_table
from .vocabulary import ARGUMENTS, BECAUSE, CONSEQUENCES, DEFAULT, LABELS, Vocabulary, fold

_WORDS = "|".join(sorted((re.escape(word) for word in ARGUMENTS), key=len, reverse=True))
_BECAUSE_WORDS = "|".join(
    re.escape(word) for word in BECAUSE if word not in ("as", "since", "da", "car", "want")
)
_WORD_END = r"(?:\b|(?<=['’]))"  # "parce qu'il": an elided word ends at its apostrophe
_ARGUMENT = re.compile(
    rf"^\s*(?:\*\*|__)?({_WORDS}|[➕✅👍➖❌👎]|`[+-]`|\([+-]\))(?:\*\*|__)?\s*(?:,|:|;|\s-|\s–)?"
    rf"\s*(?:\*\*|__)?\s*(?:(?:{_BECAUSE_WORDS}){_WORD_END}[,:]?\s*)?",
    re.IGNORECASE,
)
_BECAUSE_WORD = re.compile(rf"\b(?:{_BECAUSE_WORDS}){_WORD_END}", re.IGNORECASE)
_SYMBOL_POLARITY = {"➕": "good", "✅": "good", "👍": "good", "`+`": "good", "(+)": "good"}
_SYMBOL_POLARITY |= {"➖": "bad", "❌": "bad", "👎": "bad", "`-`": "bad", "(-)": "bad"}
_LABEL = re.compile(
    r"^\s*(?:[^\w\s]{1,3}\s*)?(?:\*\*|__)?\s*([\w' -]+?)\s*:?\s*(?:\*\*|__)?\s*:?\s*$"
)
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’", "`": "`", "«": "»", "„": "“"}
_BECAUSE = re.compile(
    # A match starts at a comma or after a non-space: starting anywhere in a run of spaces
    # would rescan the run from every position in it.
    rf"(?:[,;]\s*(?:car|da|want|as|since)\b|(?:[,;]|(?<![\s,;]))\s*(?:(?:\*\*|__)\s*)?"
    rf"\b(?:{_BECAUSE_WORDS}){_WORD_END})",
    re.IGNORECASE,
)
_TITLE_ENDS = re.compile(
    r"\s*(?:(?:\*\*|__)\s*)?(?:[,;.:]|$|\n|\(|because\b|is\b|was\b|-|–)", re.IGNORECASE
)
"""What may follow a quoted chosen option's closing quote."""
_ORDINALS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "first": 1, "second": 2,
    "third": 3, "fourth": 4, "fifth": 5, "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6,
    "g": 7, "h": 8, "i": 9, "j": 10,
}  # fmt: skip
_OPTION_WORD = (
    r"(?:options?|alternatives?|solutions?|approach(?:es)?|variants?|choices?|scenarios?|"
    r"opci[oó]n(?:es)?|op[cç][aã]o|op[cç][oõ]es|opzion[ei]|optie|variante|l'option|la solution|"
    r"옵션|방안|선택지|选项|方案|オプション|選択肢)"
)
_OPTION_PREFIX = re.compile(
    # `Option2`, but not `Options considered` read as option "s"
    rf"^\(?{_OPTION_WORD}(?:\s*(?=\d)|\s+)(?:n[°º]\s*)?#?(\d+|[a-z]|one|two|three|four|five)\b"
    r"(?:[a-z]\b)?\)?"
    r"\s*[:.)\-–—]?\s*",
    re.IGNORECASE,
)
_NUMBER_PREFIX = re.compile(
    r"^(?:\(?(\d+|[a-z])[.)]|\[?option\s*(\d+)\]?\s*[-–—:])\s+", re.IGNORECASE
)
_NUMBERED_PREFIX = re.compile(r"^(\d+)[.)]\s+")
_CHOSEN_MARK = re.compile(
    r"\s*(?:[(（](?:selected|chosen|favou?red|recommended|preferred|picked|winner|selected option|"
    r"proposed|accepted|adopted|"
    r"ausgewählt|gewählt|solution retenue|retenue?|choisie?|elegida|escolhida|scelta|"
    r"선택됨|선택|채택|채택됨|采用|已选择|选定|採用)[)）]|"
    r"\[(?:selected|chosen)\]|✅|✔️?|☑️?|\*\((?:ausgewählt|gewählt)\)\*)\s*",
    re.IGNORECASE,
)
# `Named backends (rejected)`, `Keep inline configuration (status quo)`: a mark, not the name.
_OTHER_MARK = re.compile(
    r"\s*\((?:rejected|not chosen|discarded|declined|status quo|current|baseline|deprecated|"
    r"verworfen|abgelehnt|rejetée?|écartée?|descartada|rechazada|rejeitada|scartata)\)\s*$",
    re.IGNORECASE,
)
# `FastExcel ( https://github.com/… )`: the address is where to read about it, not its name.
_TRAILING_ADDRESS = re.compile(r"\s*\(\s*<?https?://[^\s()]+>?\s*\)$")
_TITLE_SPLIT = re.compile(
    r"^(?:(\*\*|__)(?P<bold>.+?)\1\s*(?:[:\-–—]\s*)?|(\*|_)(?P<em>[^\s*_].*?)\3\s*[:\-–—]\s*)"
    r"(?P<rest>.+)$",
    re.DOTALL,
)
_DESCRIPTION_DASH = re.compile(r"(?<!\s)\s+[–—]\s+|(?<=[)`])\s+-\s+(?=\S)")
"""`[MADR](…) 3.0.0 – The Markdown …`: a dash between the name and its description (a
hyphen only after a link or a code span: `Alpha - the first` may be a name)."""
_NORMALISE = re.compile(r"[^\w]+", re.UNICODE)
_BARE_BULLET = re.compile(r"\n[*+-]\n")
NOT_AN_OPTION = re.compile(
    r"^(?:n/?a|none|tbd|todo|-+|additional(?: notes| information)?|notes?|summary|comparison|"
    r"more information|decision|outcome|conclusion|recommendation|result|other honou?rable "
    r"mentions?|others?|resources|references|links)\.?$",
    re.IGNORECASE,
)
_NOT_OPTIONS_LEAD = re.compile(
    r"\b(?:in all cases|in any case|additionally|we will also|also:|regardless|because:?\s*$|"
    r"reasons?|ruled out|criteria|requirements?|constraints?|dans tous les cas|in jedem fall)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|no|don'?t|do not|never|stop|avoid|without|nicht|kein|pas|ne|sin|não|niet)\b"
)


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


@dataclass
class Candidate:
    """One way the options section can be read: its options, where they came from."""

    options: list[Option]
    source: str  # "list", "grouped", "headings", "bold", "table"
    excluded: bool = False
    """Introduced as something else (`In all cases we will also:`)."""


# --- options -----------------------------------------------------------------------------


def read_options(section: Part, vocabulary: Vocabulary = DEFAULT) -> list[Candidate]:
    """Every reading of the options section, in document order (see `pick_options`)."""
    candidates: list[Candidate] = []
    lead = ""
    for block in _merged_lists(_bare_bullets(section.blocks)):
        if block.kind == "list":
            found = _options_from_items(block.items, vocabulary)
            if found and _label_polarity(lead) is None:  # not the `Pros:` of a bold option
                excluded = _NOT_OPTIONS_LEAD.search(lead) is not None
                candidates.append(Candidate(found, "list", excluded))
                nested = _nested_options(block.items, vocabulary)
                if nested:
                    candidates.append(Candidate(nested, "nested", excluded))
            lead = ""
        elif block.kind == "table" or (block.kind == "paragraph" and block.text.startswith("|")):
            found = _options_from_table(block, any_header=True)
            if found:
                candidates.append(Candidate(found, "table"))
            elif block.kind == "paragraph":
                lead = block.text
        elif block.kind == "paragraph":
            lead = block.text
        elif block.kind == "html" and "<summary" in block.text:
            lead = re.sub(r"<[^>]+>", " ", block.text)  # `<details><summary>➕ Pros</summary>`
    bold = _options_from_bold_paragraphs(section, vocabulary)
    if len(bold) >= 2:
        candidates.append(Candidate(bold, "bold"))
    headings = [
        child
        for child in section.children
        if _label_polarity(child.title) is None
        and vocabulary.section(child.key) != "pros"  # `### Pros and Cons` after each option
        and not _ABOUT_ALL_OPTIONS.search(child.key)
    ]
    if headings:
        from_headings = [_option_from_heading(child, vocabulary) for child in headings]
        kept = [option for option in from_headings if option is not None]
        if kept:
            candidates.append(Candidate(kept, "headings"))
        grouped = [
            option
            for child in headings
            for block in child.blocks
            if block.kind == "list"
            for option in _options_from_items(block.items, vocabulary)
        ]
        if len(grouped) > len(kept) and all(
            any(block.kind == "list" for block in child.blocks) for child in headings
        ):
            candidates.append(Candidate(grouped, "grouped"))
    return candidates


# `### Improvements common to all options` among the options' headings
_ABOUT_ALL_OPTIONS = re.compile(
    r"\b(?:common to (?:all|every|both)|(?:all|both) (?:the )?options)\b"
)


def pick_options(
    candidates: Sequence[Candidate], pros_titles: Sequence[str], chosen: Chosen | None
) -> list[Option]:
    """The candidate that agrees best with the pros-and-cons headings and the chosen option;
    ties go to the first one not introduced as something else."""
    if not candidates:
        return []
    if len(candidates) == 1:
        return candidates[0].options

    def score(candidate: Candidate) -> tuple[int, int, int, int, int]:
        titles = [option.title for option in candidate.options]
        agree = sum(1 for title in pros_titles if match_option(title, titles) is not None)
        named = 0
        if chosen is not None:
            names = [chosen.title, *chosen.names]
            named = int(
                any(match_option(name, titles) is not None for name in names)
                or any(0 < number <= len(titles) for number in chosen.numbers)
            )
        numbered = sum(1 for option in candidate.options if option.number is not None)
        # A later list of some of an earlier one's options is the shortlist.
        shortlist = int(any(_narrows(candidate, other) for other in candidates))
        return (
            agree + 2 * named,
            0 if candidate.excluded else 1,
            shortlist,
            numbered,
            -candidates.index(candidate),
        )

    return max(candidates, key=score).options


def _bare_bullets(blocks: list[Block]) -> list[Block]:
    """A bullet alone on its line takes the paragraph that follows it (`*` then `Alpha`); later
    bare bullets cannot interrupt the paragraph, so they sit inside its text."""
    result: list[Block] = []
    for block in blocks:
        previous = result[-1] if result else None
        if (
            block.kind == "paragraph"
            and previous is not None
            and previous.kind == "list"
            and previous.items
            and not plain(previous.items[-1].text)
        ):
            previous.items.pop()
            for offset, part in enumerate(_BARE_BULLET.split(block.text)):
                if part.strip():
                    previous.items.append(Item(part, block.line + offset))
            continue
        result.append(block)
    return result


def _narrows(later: Candidate, earlier: Candidate) -> bool:
    if later is earlier or (later.options[0].line or 0) <= (earlier.options[0].line or 0):
        return False
    wider = [norm(option.title) for option in earlier.options]
    mine = [norm(option.title) for option in later.options]
    return len(mine) < len(wider) and all(title in wider for title in mine)


def _merged_lists(blocks: list[Block]) -> list[Block]:
    """Blocks with an ordered list that an under-indented bullet list interrupts joined again:
    `1. A` / ` - detail` / `2. B` is one list whose first item has the detail."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-2] if len(merged) >= 2 else None
        between = merged[-1] if merged else None
        if (
            block.kind == "list"
            and block.start is not None
            and block.start > 1
            and previous is not None
            and previous.kind == "list"
            and previous.start is not None
            and previous.start + len(previous.items) == block.start
            and between is not None
            and between.kind == "list"
            and between.start is None
            and previous.items
        ):
            previous.items[-1].children.extend(between.items)
            previous.items.extend(block.items)
            merged.pop()
            continue
        if (
            block.kind == "list"
            and block.start is not None
            and block.start > 1
            and between is not None
            and between.kind == "list"
            and between.start is not None
            and between.start + len(between.items) == block.start
        ):
            between.items.extend(block.items)
            continue
        merged.append(block)
    return merged


def _options_from_items(items: Sequence[Item], vocabulary: Vocabulary) -> list[Option]:
    options = [_option_from_item(item, vocabulary) for item in items if plain(item.text)]
    return [option for option in options if option.title and not NOT_AN_OPTION.match(option.title)]


def _nested_options(items: Sequence[Item], vocabulary: Vocabulary) -> list[Option]:
    """`* Discovery` / `  * Config`: options grouped under the questions they answer. Only a
    reading: `pick_options` takes it when the chosen option or the pros and cons name them."""
    if len(items) < 2 or not all(item.children for item in items):
        return []
    children = [child for item in items for child in item.children]
    if any(_argument(child.text)[0] or _label_polarity(child.text) for child in children):
        return []
    return _options_from_items(children, vocabulary)


def _option_from_item(item: Item, vocabulary: Vocabulary) -> Option:
    # A wrapped item is one paragraph, so one title; `**Title**: text` splits off a description.
    first = strip_comments(item.text)
    description = ""
    match = _TITLE_SPLIT.match(first.strip())
    if match and match["rest"].strip():
        first, description = match["bold"] or match["em"], match["rest"]
    if is_placeholder(first):
        return Option(title="", line=item.line)
    title, chosen, number, rest = clean_option_title(first)
    option = Option(title=title, line=item.line, chosen=chosen, number=number)
    parts = [rest, description, *item.more]
    option.description = collapse(" ".join(plain(part) for part in parts if part.strip()))
    label: str | None = None
    for child in item.children:
        polarity, text = _argument(child.text)
        if polarity is None:
            polarity = _label_polarity(child.text)
            if polarity is not None:
                label = polarity
                for grandchild in child.children:
                    if plain(grandchild.text):
                        getattr(option, polarity).append(plain(grandchild.text))
                continue
            if label is not None and plain(child.text):
                polarity, text = label, plain(child.text)
        if polarity is not None and text:
            getattr(option, polarity).append(text)
    return option


def clean_option_title(raw: str) -> tuple[str, bool, int | None, str]:
    """An option's title as written in a list, heading or bold paragraph: without its number
    (`Option 2:`, `2.`, `[option 2] -`), without a mark of being chosen (`(Selected)`, `✅`),
    without the description after a dash. Returns the title, whether it was marked chosen, its
    number if it had one, and the description cut off."""
    text = plain(raw).strip()
    chosen = bool(_CHOSEN_MARK.search(text))
    text = _OTHER_MARK.sub("", _CHOSEN_MARK.sub(" ", text)).strip()
    text = _TRAILING_ADDRESS.sub("", text).strip() or text
    number: int | None = None
    prefixed = _OPTION_PREFIX.match(text)
    if prefixed:
        number = _number_word(prefixed[1])
        rest = text[prefixed.end() :].strip()
        text = rest or text
    else:
        numbered = _NUMBER_PREFIX.match(text)
        if numbered:
            number = _number_word(numbered[1] or numbered[2])
            text = text[numbered.end() :].strip() or text
    description = ""
    written = raw.strip()  # a hyphen counts after a link or code span, seen only as written
    dash = _DESCRIPTION_DASH.search(written)
    if dash is not None and len(plain(written[: dash.start()]).split()) <= 6:
        right = plain(written[dash.end() :])
        if right and text.endswith(right) and len(text) > len(right):
            text, description = text[: -len(right)].rstrip(" -–—"), right
    if written.endswith("`"):  # `Separate the parts with \`:\``: the colon is the name's
        return text.strip(), chosen, number, description
    return text.strip(" :") or text, chosen, number, description


def _number_word(text: str | None) -> int | None:
    if not text:
        return None
    lowered = text.lower()
    if lowered in _ORDINALS:
        return _ORDINALS[lowered]
    return small_number(lowered)


def _option_from_heading(part: Part, vocabulary: Vocabulary) -> Option | None:
    title_text = plain(part.title)
    if not title_text or is_placeholder(part.title) or NOT_AN_OPTION.match(title_text):
        return None
    title, chosen, number, _ = clean_option_title(part.title)
    if title == title_text.strip(" :.") and _OPTION_PREFIX.fullmatch(title_text.strip(" :.") + " "):
        title = ""
    if not title or (number is not None and _OPTION_PREFIX.fullmatch(title + " ")):
        # `### Option 1:` with the option's name in bold below it.
        first = next(part.paragraphs(), None)
        if first is None:
            return None
        name = re.match(r"^\s*(\*\*|__)(.+?)\1", first.text)
        if name is None:
            return None
        title = plain(name[2]).strip(" :.")
    option = Option(title=title, line=part.line, chosen=chosen, number=number)
    read_arguments(part, option, vocabulary)
    return option


def _options_from_bold_paragraphs(section: Part, vocabulary: Vocabulary) -> list[Option]:
    """`**1. Name.** text` paragraphs, each followed by its own `Pros:` / `Cons:` lists."""
    options: list[Option] = []
    label: str | None = None
    for block in section.blocks:
        if block.kind == "paragraph":
            match = re.match(r"^\s*(\*\*|__)(.+?)\1\s*[:.]?\s*(.*)$", block.text, re.DOTALL)
            polarity = _label_polarity(block.text)
            if polarity is not None:
                label = polarity
                continue
            if match is None or len(match[2]) > 120:
                label = None
                continue
            bold = plain(match[2])
            title, chosen, number, _ = clean_option_title(bold)
            title = title.rstrip(".")  # `**1. Name.** text`: the bold name ends its sentence
            rest = plain(match[3])
            prefix = _OPTION_PREFIX.match(bold)
            if prefix is not None and not bold[prefix.end() :].strip(" :."):
                # `**Option 1:** Cache static resources`: the name follows the bold number.
                title, chosen = (
                    _first_sentence(_CHOSEN_MARK.sub(" ", rest)),
                    chosen or bool(_CHOSEN_MARK.search(rest)),
                )
            if not title:
                continue
            options.append(Option(title=title, line=block.line, chosen=chosen, number=number))
            label = None
        elif block.kind == "list" and options and label is not None:
            for item in block.items:
                polarity, text = _argument(item.text)
                if polarity is None and plain(item.text):
                    polarity, text = label, plain(item.text)
                if polarity is not None and text:
                    getattr(options[-1], polarity).append(text)
    numbered = [option for option in options if option.number is not None]
    # `**1. Name.** text` options, and `**Example**` labels inside their descriptions
    return numbered if len(numbered) >= 2 else options


_OPTION_COLUMNS = frozenset(
    {
        "option",
        "options",
        "name",
        "alternative",
        "alternatives",
        "tool",
        "solution",
        "approach",
        "candidate",
        "opcion",
        "opciones",
        "alternativa",
        "alternativas",
        "opcao",
        "solucion",
        "選択肢",
        "案",
    }
)


# `| Criterion | Angular | React |`: the options are the columns.
_CRITERIA_COLUMNS = frozenset(
    {
        "criterion",
        "criteria",
        "aspect",
        "dimension",
        "factor",
        "concern",
        "requirement",
        "criterio",
        "criterios",
        "aspecto",
        "critere",
        "criteres",
        "kriterium",
        "kriterien",
        "criterium",
        "forces",
        "force",
        "観点",
        "項目",
        "評価項目",
    }
)


# `| Criterion | Weight | Angular | React |`: a column of the criteria's weights.
_WEIGHT_COLUMNS = frozenset({"weight", "weging", "gewicht", "gewichtung", "peso", "poids"})


def _options_from_table(block: Block, *, any_header: bool = False) -> list[Option]:
    """A table whose first column names the options (`| Option | Notes |`, or any first column
    in the options section), or whose columns do (`| Criterion | Angular | Vue |`); the outline
    leaves a table below the metadata as a paragraph (see `parse_outline`)."""
    rows = block.rows or parse_table(block.text)
    if len(rows) < 2 or not rows[0]:
        return []
    header = fold(plain(rows[0][0]))
    # In the options section, a table with an empty corner is criteria down, options across.
    if (header in _CRITERIA_COLUMNS or (any_header and not header)) and len(rows[0]) >= 3:
        named = [
            clean_option_title(cell)[0]
            for cell in rows[0][1:]
            if plain(cell) and fold(plain(cell)) not in _WEIGHT_COLUMNS
        ]
        return [Option(title=title, line=block.line) for title in named if title]
    if header not in _OPTION_COLUMNS and not any_header:
        return []
    options = []
    for index, row in enumerate(rows[1:], start=1):
        if row and plain(row[0]):
            title, chosen, number, _ = clean_option_title(row[0])
            options.append(
                Option(title=title, line=block.line + index + 1, chosen=chosen, number=number)
            )
    return options


def options_outside(
    root: Part, vocabulary: Vocabulary = DEFAULT, skipped: Sequence[Part] = ()
) -> list[Option]:
    """Options written without an options section: `### Option 1: X` headings (under the
    context, say, or one option per file: `## Opción 1: X`), `**Option 1:** X` paragraphs or
    `Option 1: X` lines, a list introduced as the options (`We looked at 3 options:`), or
    headings whose lists argue for and against them (`### X` with `* Good, because …`)."""
    parts = [part for part in root.walk() if not any(part is skip for skip in skipped)]
    for part in parts:
        keyed = _keyed_alternatives(part, vocabulary)
        if keyed:
            return keyed
    for part in parts:
        named = [child for child in part.children if _NAMED_OPTION.match(plain(child.title))]
        if len(named) >= 2:
            found = [_option_from_named_heading(child, vocabulary) for child in named]
            return [option for option in found if option is not None]
        marked = [child for child in part.children if _OPTION_PREFIX.match(plain(child.title))]
        single = len(marked) == 1 and part.level <= 1  # one option per file, as a section
        if len(marked) >= 2 or single:
            found = [_option_from_heading(child, vocabulary) for child in marked]
            return [option for option in found if option is not None]
        bold = [
            option
            for option in _options_from_bold_paragraphs(part, vocabulary)
            if option.number is not None
        ]
        if len(bold) >= 2:
            return bold
        lines = _option_lines(part)
        if len(lines) >= 2:
            return lines
    for part in parts:
        introduced = _introduced_options(part, vocabulary)
        if introduced:
            return introduced
    aftermath = {
        id(inner)
        for part in parts
        if vocabulary.section(part.key) == "consequences" or "risk" in part.key
        for inner in part.walk()
    }
    for part in parts:
        # `Users will need to either:` under `## Risks`: what follows, not what was weighed.
        either = _either_or_list(part, vocabulary) if id(part) not in aftermath else []
        if either:
            return either
    for part in parts:
        if part.key in _RATIONALE_HEADINGS:
            labelled = _labelled_alternatives(part, vocabulary)
            if labelled:
                return labelled
    for part in parts:
        argued = [child for child in part.children if _argues(child)]
        if len(argued) >= 2:
            found = [_option_from_heading(child, vocabulary) for child in argued]
            return [option for option in found if option is not None]
    for part in parts:
        counted = _counted_in_a_sentence(part)
        if counted:
            return counted
    for part in parts:
        stated = _y_statement(part)
        if stated:
            return stated
    for part in parts:  # `| Option | Pros | Cons |`, `| Criterion | A | B |` in the context
        if part.level > 3:
            continue  # `#### Watchers`, `| Name | Description |`: a design's details
        tabled = [
            option
            for block in part.blocks
            if block.kind == "table" or (block.kind == "paragraph" and block.text.startswith("|"))
            for option in _options_from_table(block)
        ]
        if len(tabled) >= 2:
            return tabled
    return []


# `#### Option: Code-based configuration`: an option named after the word, not numbered.
_NAMED_OPTION = re.compile(rf"^{_OPTION_WORD}\s*:\s*(?=\S)", re.IGNORECASE)
# Sections that weigh the alternatives after the decision (`## Justification`), where each
# alternative may be a bold label over its list of arguments.
_RATIONALE_HEADINGS = frozenset(
    {
        "rationale",
        "justification",
        "justificativa",
        "justificacion",
        "begrundung",
        "motivation",
        "motivazione",
        "motivatie",
        "trade-offs",
        "tradeoffs",
        "alternatives analysis",
        "analysis of alternatives",
    }
)


# `- keep our own widget, or` / `- use the browser's control`: a list that joins its items by
# "or" lists the alternatives of one question.
_OR_END = re.compile(r"(?:,|;)?\s+(?:or|ou|oder|o|of|oppure)\s*[,;:]?$", re.IGNORECASE)
# `… the question whether to:`, `We had to choose between:` over such a list.
_ASKS_WHICH = re.compile(
    r"\b(?:whether to|whether we|choose between|decide between|either)\s*:?\s*$", re.IGNORECASE
)


_STATUS_QUO = re.compile(
    r"^\W*(?:currently|today|at (?:the )?(?:moment|present)|right now|as of today)\b|"
    r"\b(?:forces?|forced|requires?|required|compels?) [\w ]{0,40}\bto either\b",
    re.IGNORECASE,
)


def _either_or_list(part: Part, vocabulary: Vocabulary) -> list[Option]:
    blocks = part.blocks
    for index, block in enumerate(blocks):
        if block.kind != "list" or len(block.items) < 2:
            continue
        texts = [plain(item.text).strip() for item in block.items]
        joined = all(_OR_END.search(text) for text in texts[:-1])
        asked = index > 0 and blocks[index - 1].kind == "paragraph"
        lead = plain(blocks[index - 1].text) if asked else ""
        asked = asked and _ASKS_WHICH.search(lead) is not None
        # `Currently, the protocol forces servers to either:`: today's workarounds
        asked = asked and _STATUS_QUO.search(_SENTENCE_END.split(lead)[-1]) is None
        if not joined and not asked:
            continue
        options = []
        for item, text in zip(block.items, texts, strict=True):
            title = _OR_END.sub("", text).rstrip(" .,;")
            if title:
                options.append(Option(title=title, line=item.line))
        return options if len(options) >= 2 else []
    return []


def _option_from_named_heading(part: Part, vocabulary: Vocabulary) -> Option | None:
    title = plain(part.title)
    match = _NAMED_OPTION.match(title)
    if match is None or not title[match.end() :].strip():
        return None
    option = Option(title=title[match.end() :].strip(" .:"), line=part.line)
    read_arguments(part, option, vocabulary)
    return option


def _keyed_alternatives(part: Part, vocabulary: Vocabulary) -> list[Option]:
    """`* **Alternatives:**` with the alternatives nested under it, in a record written as
    one list of keyed items (`* **Context**: …`, `* **Decision**: …`)."""
    for block in part.blocks:
        if block.kind != "list":
            continue
        for item in block.items:
            key = re.match(
                r"^\s*(?:\*\*|__)?([^*_:\n]{2,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*$", item.text
            )
            if key is None or len(item.children) < 2:
                continue
            if vocabulary.section(heading_key(key[1])) == "options":
                return _options_from_items(item.children, vocabulary)
    return []


def _labelled_alternatives(part: Part, vocabulary: Vocabulary) -> list[Option]:
    """Bold paragraphs that are only a name (no colon: `**Token bucket**`), each directly
    followed by the list that argues it, two or more of them."""
    options: list[Option] = []
    blocks = part.blocks
    for index, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        whole = re.fullmatch(r"\s*(\*\*|__)([^*_\n]{2,120})\1\s*", block.text)
        if whole is None or whole[2].rstrip().endswith(":") or _label_polarity(block.text):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.kind != "list":
            return []
        option = Option(title=plain(whole[2]).strip(" ."), line=block.line)
        for item in following.items:
            polarity, text = _argument(item.text)
            if polarity is not None and text:
                getattr(option, polarity).append(text)
        options.append(option)
    return options if len(options) >= 2 else []


_INTRODUCES_OPTIONS = re.compile(
    r"(?:\b(?:options|alternatives|approaches|strategies|solutions|candidates|possibilities|"
    r"(?:two|three|four|five|several|a few|many|multiple|\d+)\s+(?:\w+\s+)?(?:ways|choices)|"
    r"optionen|alternativen|lösungen|ansätze|möglichkeiten|opciones|alternativas|soluciones|"
    r"opções|soluções|opzioni|soluzioni|opties|alternatieven|oplossingen|solutions envisagées)\b"
    r"[^.:]{0,80}|^\W*(?:we\s+(?:also\s+)?(?:considered|looked at|evaluated|compared)|"
    r"also considered|considered|wir haben (?:auch )?\w+ in betracht gezogen)\s*"
    r"|\b(?:decision|choice)s? (?:needs? )?to be (?:taken|made)\b[^.:]{0,40})"
    r":\s*$",
    re.IGNORECASE,
)
_NOT_OPTIONS_WORDS = re.compile(
    r"\b(?:criteria|factors|requirements|reasons|aspects|questions|concerns|goals|constraints|"
    r"conditions|because|benefits|advantages|drawbacks|consequences|steps|tasks|points|"
    r"decisions|problems|issues|challenges|"
    r"based on|assessed|judged|measured|rated)\b",
    re.IGNORECASE,
)
_OPTION_LINE = re.compile(
    rf"^\s*(?:\*\*|__)?{_OPTION_WORD}\s*#?(\d+|[a-e])\b\s*(?:\*\*|__)?\s*[:.)\-–—]\s*(?:\*\*|__)?\s*(.+)$",
    re.IGNORECASE,
)


def _introduced_options(part: Part, vocabulary: Vocabulary) -> list[Option]:
    """A list (or bold paragraphs) after a sentence that says options follow: `We looked at 3
    options for the queue:`, `Wir haben folgende Ansätze in Betracht gezogen:`, `We also
    considered:` (lists introduced so in one section are one set of options)."""
    found: list[Option] = []
    blocks = part.blocks
    last = blocks[-1] if blocks else None
    if last is not None and last.kind == "paragraph" and len(part.children) >= 2:
        # `There were 3 options considered:` closing the context, then `### 1. Do nothing`…
        lead = plain(last.text).strip()
        if _INTRODUCES_OPTIONS.search(lead) and not _NOT_OPTIONS_WORDS.search(lead):
            headed = [_option_from_heading(child, vocabulary) for child in part.children]
            return [option for option in headed if option is not None]
    for index, block in enumerate(blocks[:-1]):
        lead = plain(block.text).strip()
        if block.kind != "paragraph" or not _INTRODUCES_OPTIONS.search(lead):
            continue
        if _NOT_OPTIONS_WORDS.search(lead.rsplit(".", 1)[-1]):
            continue
        following = blocks[index + 1]
        if following.kind == "list":
            found += _options_from_items(following.items, vocabulary)
        elif following.kind == "paragraph" and not found:
            rest = Part(part.title, part.level, following.line, part.end, blocks[index + 1 :])
            bold = _options_from_bold_paragraphs(rest, vocabulary)
            if len(bold) >= 2:
                found += bold
    return found if len(found) >= 2 else []


_WEIGHED = r"(?:investigated|considered|evaluated|compared|assessed|looked at|explored)"
_COUNTED = re.compile(
    rf"(?:^|[.!?]\s+)(?:we\s+{_WEIGHED}\s+(two|three|four|five|six)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+"
    rf"|(two|three|four|five|six)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+\s+(?:were|have been)\s+{_WEIGHED})"
    r"\s*[:;,]\s*([^.!?\n]{3,300})[.!?]?(?:\s|$)",
    re.IGNORECASE,
)
"""`Two libraries were investigated; Plates and Twig.`, `We compared three brokers: A, B and
C.`: a sentence that counts the alternatives, then names as many."""


def _counted_in_a_sentence(part: Part) -> list[Option]:
    for block in part.blocks:
        if block.kind != "paragraph":
            continue
        text = plain(block.text)
        for match in _COUNTED.finditer(text):
            names = [
                name.strip(" `*_\"'")
                for name in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", match[3])
            ]
            if len(names) == _ORDINALS[(match[1] or match[2]).lower()] and all(
                0 < len(name.split()) <= 4 for name in names
            ):
                return [Option(title=name, line=block.line) for name in names]
    return []


_Y_STATEMENT = re.compile(
    r"\bwe (?:have )?decided (?:for|on|to (?:use|adopt|prefer|go with|choose)|to)\s+"
    r"(?P<chosen>[^;]+?),?\s+and (?:we )?neglected\s+(?:to use\s+)?"
    r"(?P<neglected>[^;]+?)(?=,\s*(?:to achieve|in order to|accepting|because)\b|[.;](?:\s|$)|$)",
    re.IGNORECASE | re.DOTALL,
)
"""A Y-statement: `In the context of …, facing …, we decided for X and neglected Y and Z, to
achieve …, accepting …`."""
_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)
_NOT_A_NAME = frozenset({"others", "other options", "the others", "the rest", "alternatives"})


def _y_statement(part: Part) -> list[Option]:
    for block in part.blocks:
        # A Y-statement is one sentence; a longer paragraph could make the pattern quadratic.
        if block.kind != "paragraph" or len(block.text) > 3000:
            continue
        if "neglected" not in block.text.lower():
            continue
        found = _Y_STATEMENT.search(plain(_FOOTNOTE_REFERENCE.sub("", block.text)))
        if found is None:
            continue
        names = [
            _LEADING_ARTICLE.sub("", name.strip(" `*_\"'"))
            for name in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", found["neglected"])
        ]
        neglected = [name for name in names if name and name.lower() not in _NOT_A_NAME]
        chosen = _LEADING_ARTICLE.sub("", collapse(found["chosen"]).strip(" `*_\"'"))
        if chosen and neglected:
            return [
                Option(title=chosen, line=block.line, chosen=True),
                *(Option(title=name, line=block.line) for name in neglected),
            ]
    return []


_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]\s]+\]")


def _option_lines(part: Part) -> list[Option]:
    """`Option 1: X` lines (or paragraphs), two or more."""
    options: list[Option] = []
    for block in part.blocks:
        if block.kind != "paragraph":
            continue
        for offset, line in enumerate(block.text.split("\n")):
            if _OPTION_LINE.match(line) is not None:
                title, chosen, number, _ = clean_option_title(line)
                options.append(
                    Option(title=title, line=block.line + offset, chosen=chosen, number=number)
                )
    return options


def _argues(part: Part) -> bool:
    """A section whose lists argue for and against it (`* Good, because …`)."""
    items = [item for block in part.blocks if block.kind == "list" for item in block.items]
    return bool(items) and sum(1 for item in items if _argument(item.text)[0]) * 2 >= len(items)


# --- arguments ---------------------------------------------------------------------------


def _argument(text: str) -> tuple[str | None, str]:
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
            polarity = _label_polarity(text)
            if polarity is not None:
                label = polarity
            elif text.strip() and not is_placeholder(text):
                description.append(plain(text))
        elif block.kind == "list":
            for item in block.items:
                polarity, value = _argument(item.text)
                if polarity is None:
                    labelled = _label_polarity(item.text)
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


def _label_polarity(text: str) -> str | None:
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
        polarity = _label_polarity(child.title)
        if polarity is not None:
            blocks.append(Block("label", child.line, child.end, polarity))
            blocks.extend(child.blocks)
    return blocks


# --- the chosen option -------------------------------------------------------------------


def _chosen_pattern(vocabulary: Vocabulary) -> re.Pattern[str]:
    return _chosen_regex(vocabulary.chosen_phrases)


@lru_cache(maxsize=16)
def _chosen_regex(chosen_phrases: tuple[str, ...]) -> re.Pattern[str]:
    phrases = "|".join(sorted((re.escape(p) for p in chosen_phrases), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{phrases})\b\s*(?:\*\*|__)?\s*(?::|is\b|was\b|est\b|ist\b|es\b|é\b)?"
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
    rf"(?:^|\b{_OPTION_WORD}\s*)#?(\d+|one|two|three|four|five)\b|^\s*(?:\*\*|__)?(\d+)(?:\*\*|__)?\s*(?:[:.,)]|$)",
    re.IGNORECASE,
)
_PROSE_CHOICE = re.compile(
    rf"\b(?:chose|chosen|choos(?:e|ing)|pick(?:ed|ing)?|select(?:ed|ing)?|go(?:ing)? with|"
    rf"went with|opted for|opting for|tak(?:e|ing)(?=\s+(?:the\s+)?{_OPTION_WORD})|"
    rf"decided (?:on|for|to go with|to use|to adopt)|decided|propose|proposed|recommend(?:ed)?|"
    rf"adopt(?:ed)?|prefer(?:red)?|settled on|accept(?:ed)?|support|endorse[sd]?|favou?r(?:ed)?|"
    rf"choisi|retenu(?:e)?|mise en place|rester sur|restons sur|partir sur|partons sur|"
    rf"stay with|stick with|"
    rf"entschieden|gewählt|elegi(?:do|da|mos)|escolh(?:ido|ida|emos)|optamos|scelto|gekozen)\b"
    rf"[^.\n]{{0,60}}?\b{_OPTION_WORD}\s*(?:n[°º]\s*)?[#(]?(\d+|[a-e]\b|one|two|three|four|five)\b"
    rf"|\b{_OPTION_WORD}\s*(?:n[°º]\s*)?#?(\d+|[a-e]\b|one|two|three|four|five)\b[^.\n]{{0,40}}?"
    rf"\b(?:was|is|has been|will be|were|sera|wird|fue|foi|è)\s+(?:\w+\s+)?(?:chosen|selected|"
    rf"accepted|adopted|preferred|implemented|picked|retenue?|choisie?|mise en (?:place|œuvre)|"
    rf"adoptée?|gewählt|umgesetzt|elegida|implementada|escolhida|adotada|scelta|gekozen)\b",
    re.IGNORECASE,
)


def read_chosen(section: Part, vocabulary: Vocabulary = DEFAULT) -> Chosen | None:
    """`Chosen option: "X", because Y` in the outcome section, in any of its shapes."""
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
            chosen = split_chosen(strip_comments(text[match.end() :]), line)
            if chosen is None:
                return Chosen("", None, line, unfilled=True)
            if not chosen.justification and position + 1 < len(blocks):
                following = blocks[position + 1]
                if following.kind == "list" and text.rstrip().endswith(":"):
                    reasons = [plain(item.text) for item in following.items]
                    chosen.justification = "; ".join(reason for reason in reasons if reason)
            return chosen
    return _chosen_heading(section)


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
    return _argument(text)[0] is not None


def split_chosen(rest: str, line: int) -> Chosen | None:
    """What follows `Chosen option:`: the title (quoted, bold, a code span, a link, a number,
    or plain words up to `because`), its justification, and other readings of it."""
    rest = rest.strip()
    if is_placeholder(_cut_title(rest)[0] if rest[:1] in _QUOTES else rest.split(",")[0]):
        return Chosen("", None, line, unfilled=True)
    rest = re.sub(r"^\((?:modified|adapted|amended|modifiée?|angepasst)\)\s*", "", rest, flags=re.I)
    numbers = _chosen_numbers(rest)
    rest = re.sub(
        r"^(?:\*\*|__)?\s*(?:option\s*)?\d+\s*(?:\*\*|__)?\s*[-:.)–]\s*(?=[\"“'`*_\[])",
        "",
        rest,
        flags=re.I,
    )
    if rest.startswith(("**", "__")):
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
    mentions_option = re.match(rf"^\W*{_OPTION_WORD}\b", head.strip(), re.I)
    combined = re.search(r"\b(\d+)\s+(?:and|&|\+|plus)\s+(?:option\s*)?(\d+)\b", head, re.I)
    if combined and not (starts_with_number or mentions_option):  # `Combined 1 and 3`
        return [number for number in map(_number_word, combined.groups()) if number]
    if not (starts_with_number or mentions_option):
        return []
    for match in re.finditer(r"\b(\d+|one|two|three|four|five)\b", head):
        number = _number_word(match[1])
        if number is not None and number not in found:
            found.append(number)
        if len(found) >= 6:
            break
    # `option 2, add a proposals folder` names one option; `1 and 2` names two.
    tail = head[head.find(str(found[0])) + 1 :] if found else ""
    if found and re.search(r"\b(?:and|&|,|plus|et|und|y|e|en)\s+(?:option\s*)?\d", tail, re.I):
        return found
    return found[:1]


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
    link = re.match(r"^\[([^\]]+)\]\([^)]*\)", rest)
    if link is not None:
        names.append(_clean_title(link[1]))
    spans = re.findall(r"`([^`]+)`", rest.split("\n", 1)[0])
    names.extend(_clean_title(span) for span in spans)
    because = _BECAUSE.search(rest)
    if because is not None:
        title = _clean_title(rest[: because.start()])
        names.append(_first_sentence(title))
        return title, rest[because.end() :], names
    first_line = rest.split("\n", 1)[0]
    sentence = _first_sentence(plain(rest))
    title = _clean_title(first_line)
    names.extend([_clean_title(sentence), _clean_title(plain(rest))])
    if sentence and len(sentence) < len(title):
        return _clean_title(sentence), plain(rest)[len(sentence) :].strip(" ."), [title, *names]
    return title, "", names


def _first_sentence(text: str) -> str:
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


# Not after a number alone (`the '2. Use a queue' option`: an option's label).
_SENTENCE_END = re.compile(r"(?<=[\w)\"”])(?<![\s'‘\"“(]\d)(?<![\s'‘\"“(]\d\d)[.!]\s+(?=[A-Z(])")


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
    by_number = (
        _LEADING_NUMBER.match(first_line)
        or _NUMBER_ASIDE.search(_first_sentence(lead))
        or _ORDINAL_CHOICE.search(_first_sentence(lead))
    )
    if by_number is not None:
        number = _number_word(next(group for group in by_number.groups() if group))
        index = _index_of_number(number, numbers, len(titles))
        if index is not None:
            return [index]
    said = [
        found
        for text in [*paragraphs[:3], *items[:3]]
        for found in _PROSE_CHOICE.finditer(plain(text))
    ]
    # `The team preferred option 2, but … so we are choosing option 1`: a verb that decides
    # outranks one that only leans.
    for found in sorted(said, key=lambda match: _LEANING.match(match[0]) is not None):
        number = _number_word(found[1] or found[2])
        index = _index_of_number(number, numbers, len(titles))
        if index is not None:
            return [index]
    for text in paragraphs[:3]:
        bare = _BARE_NUMBER_CHOICE.search(plain(text))
        index = _index_of_number(int(bare[1]), numbers, len(titles)) if bare else None
        if index is not None:
            return [index]
    first = lead
    opening = _opening_option(_first_sentence(first), titles)
    if opening is not None:
        return [opening]
    if first and _DECIDING.search(first):
        return _named_in(_first_sentence(first), titles)
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
    rf"^\s*(?:>\s*)?(?:\(#?(\d+)\)|#(\d+)\b|{_OPTION_WORD}\s*#?(\d+|[a-e])\s*[,:;.)\u2013\u2014-])",
    re.IGNORECASE,
)
# `… translated into English (option 1 below).`: a number in parentheses names the option.
_NUMBER_ASIDE = re.compile(rf"\(\s*{_OPTION_WORD}\s*#?(\d+|[a-e])\b[^()]{{0,30}}\)", re.IGNORECASE)
_LEANING = re.compile(r"(?:prefer|recommend|propose|support|endorse|favou?r|accept)", re.IGNORECASE)
# `We decided that the second option outlined above is better`: an option by its place.
_ORDINAL_CHOICE = re.compile(
    rf"\b(?:decided|chose|choose|picked|selected|go with|went with|prefer|recommend)\b"
    rf"[^.\n]{{0,40}}?\bthe (first|second|third|fourth|fifth) {_OPTION_WORD}\b",
    re.IGNORECASE,
)
# `We took the decision as a team to go with 2.`: a number alone, ending the clause.
_BARE_NUMBER_CHOICE = re.compile(
    r"\b(?:go(?:ing)? with|went with|chose|choose|picked|selected|opted for)\s+(?:number\s+)?"
    r"#?(\d{1,2})(?=\s*(?:[.,;!)]|$))",
    re.IGNORECASE,
)
# Words that say the sentence states what was decided, in the languages MADR is written in.
_DECIDING = re.compile(
    r"\b(?:we will|we'll|we decided|we have decided|decided to|we chose|we choose|we use|"
    r"we are using|we adopted|we propose|we recommend|we are going to|we adopt|we're going|"
    r"will (?:adopt|use|move|migrate|switch|continue|keep|stay|go|implement|be used)|"
    r"will be used|is chosen|we selected|we opted|going forward|the decision is|"
    r"(?:decision|choice) (?:\w+ ){0,3}(?:was|has been) made to (?:use|adopt|go with)|"
    r"best (?:choice|option|fit)|(?:drivers?|arguments?|criteria) (?:all )?points? to|"
    r"^(?:to )?(?:use|adopt|keep|migrate to|switch to|go with|stay with)|^chose|"
    r"nous (?:utiliserons|allons|avons choisi|avons décidé|irons|utilisons|ajoutons|rajoutons|"
    r"adoptons|mettons en place|gardons|conservons|choisissons|retenons|optons)|est retenue?|"
    r"wir (?:verwenden|werden|haben)|"
    r"usaremos|utilizaremos|vamos|decidimos|useremo|utilizzeremo|we gebruiken|wij kiezen|"
    r"(?:gekozen|kiest|kiezen)(?: \w+){0,3} voor|(?:hebben|heeft) besloten|we adviseren|"
    r"de keuze (?:valt|viel|lag) op)\b",
    re.IGNORECASE,
)


_REJECTION = re.compile(
    r"(?:not|no longer|n't|never|rejected|discarded|dropped|ruled out|abandon(?:ed)?)"
)
_FILLER_WORDS = frozenset(
    {"a", "an", "the", "to", "of", "for", "in", "on", "and", "or", "with", "using", "use"}
    | {"our", "we", "be", "by", "as", "at", "from", "is", "it"}
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
    own = [set(norm(title).split()) - _FILLER_WORDS for title in titles]
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
    return found - _FILLER_WORDS - {"adr", "adrs", "rfc", "madr", "option", "options"}


def _closest_option(sentence: str, titles: Sequence[str]) -> list[int]:
    """A decision sentence that paraphrases one option (`move to using our database for
    search` for "Move to using PostgreSQL for search"): most of that option's words are in
    it, and at most half of any other option's."""
    words = set(norm(sentence).split()) - _FILLER_WORDS
    if _REJECTION.search(norm(sentence)):
        return []
    scores: list[float] = []
    for title in titles:
        wanted = set(norm(title).split()) - _FILLER_WORDS
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
    return at >= 0 and _NEGATION.search(sentence[max(0, at - 25) : at]) is not None


def _index_of_number(number: int | None, numbers: Sequence[int | None], count: int) -> int | None:
    if number is None:
        return None
    if number in numbers:
        return list(numbers).index(number)
    if not any(numbers) and 1 <= number <= count:
        return number - 1
    return None


# --- matching names ----------------------------------------------------------------------


def norm(title: str) -> str:
    """A title reduced to words, for matching option names written differently."""
    return _NORMALISE.sub(" ", fold(plain(title))).strip()


def _strip_prefix(title: str) -> str:
    text = _OPTION_PREFIX.sub("", title.strip())
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
        _number_word(m[1])
        if (m := re.fullmatch(rf"{_OPTION_WORD}\s*#?(\d+|[a-e])", wanted))
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
    negated = bool(_NEGATION.search(wanted))
    allowed = [
        index
        for index, title in enumerate(candidates)
        if title and bool(_NEGATION.search(title)) == negated
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
    words = set(norm(name).split()) - _FILLER_WORDS
    return any(words & (set(norm(title).split()) - _FILLER_WORDS) for title in titles)


def _is_prefix(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 2 and long.startswith(short + " ")


def _contains(a: str, b: str) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and f" {short} " in f" {long} "


def _overlap(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


# --- consequences ------------------------------------------------------------------------


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
