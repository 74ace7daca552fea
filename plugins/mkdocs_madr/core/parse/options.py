"""The considered options of a decision.

Real records write the considered options in many shapes: a list, `### Option 1:` headings,
bold paragraphs, lists grouped under headings, with other lists beside them. The options
section gives candidates; the pros-and-cons headings and what the outcome names decide which
candidate is the list of options (see `pick_options`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Option
from ..text import collapse, heading_key, is_placeholder, plain, strip_comments
from .arguments import argument, label_polarity, read_arguments
from .chosen import Chosen
from .option_names import (
    CHOSEN_MARK,
    NAMED_OPTION,
    OPTION_PREFIX,
    OPTION_WORD,
    ORDINALS,
    SENTENCE_END,
    clean_option_title,
    first_sentence,
    match_option,
    norm,
)
from .outline import Part, parse_table
from .outline_blocks import Block, Item
from .vocabulary import DEFAULT, Vocabulary, fold

_TITLE_SPLIT = re.compile(
    r"^(?:(\*\*|__)(?P<bold>.+?)\1\s*(?:[:\-–—]\s*)?|(\*|_)(?P<em>[^\s*_].*?)\3\s*[:\-–—]\s*)"
    r"(?P<rest>.+)$",
    re.DOTALL,
)


_BARE_BULLET = re.compile(r"\n[*+-]\n")


NOT_AN_OPTION = re.compile(
    r"^(?:n/?a|none|tbd|todo|-+|additional(?: notes| information)?|notes?|summary|comparison|"
    r"more information|decision|outcome|conclusion|recommendation|result|other honou?rable "
    r"mentions?|others?|resources|references|links)\.?$"
    r"|^(?:\.{3}|…)(?:\s|$)",  # `... - numbers of options can vary`: a template's leftover
    re.IGNORECASE,
)


_NOT_OPTIONS_LEAD = re.compile(
    r"\b(?:in all cases|in any case|additionally|we will also|also:|regardless|because:?\s*$|"
    r"reasons?|ruled out|criteria|requirements?|constraints?|have in common|following rules|"
    r"dans tous les cas|in jedem fall)\b",
    re.IGNORECASE,
)
_EXPLAINING_LEAD = re.compile(
    r"\bwhere:\s*$|\b(?:brittle|fragile|risky|problematic|costly|slow|complex|hard|difficult|"
    r"expensive|unreliable|insufficient) as:\s*$"  # `tags like v0.YY.N, where:`, `brittle as:`
    r"|^\s*for (?:example|instance)\b"  # `For example, the tags would then be:`
    r"|\b(?:perform|make|apply|do)\s+(?:these|the following) (?:changes|steps|modifications):\s*$"
    r"|\b(?:has|have|had|with) the following (?:drawbacks|disadvantages|downsides|advantages|"
    r"benefits|upsides|limitations|problems|risks|issues):\s*$",  # an option's arguments
    re.IGNORECASE,
)
"""A list after it explains (the terms of a scheme, reasons, examples): never options."""


@dataclass
class Candidate:
    """One way the options section can be read: its options, where they came from."""

    options: list[Option]
    source: str  # "list", "grouped", "headings", "bold", "table"
    excluded: bool = False
    """Introduced as something else (`In all cases we will also:`)."""


def read_options(section: Part, vocabulary: Vocabulary = DEFAULT) -> list[Candidate]:
    """Every reading of the options section, in document order (see `pick_options`)."""
    candidates: list[Candidate] = []
    lead = ""
    for block in _merged_lists(_bare_bullets(section.blocks)):
        if block.kind == "list":
            found = _options_from_items(block.items, vocabulary)
            explains = _EXPLAINING_LEAD.search(plain(lead).strip()) is not None
            if found and label_polarity(lead) is None and not explains:
                # (not the `Pros:` of a bold option, nor the terms of a scheme)
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
        if label_polarity(child.title) is None
        and vocabulary.section(child.key) != "pros"  # `### Pros and Cons` after each option
        and not _ABOUT_ALL_OPTIONS.search(child.key)
    ]
    tabled = [_options_in_a_table(child) for child in headings]
    if len(headings) >= 2 and all(tabled):
        # `### Backend` and `### Front`, each over a table of options: the tables' rows.
        candidates.append(Candidate([option for found in tabled for option in found], "tables"))
    if headings:
        from_headings = [_option_from_heading(child, vocabulary) for child in headings]
        kept = [option for option in from_headings if option is not None]
        if len(kept) == 1 and _TEMPLATE_HEADING.fullmatch(kept[0].title):
            kept = []  # a template's lone `### 1) Alternative 1` left unfilled
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


def _options_in_a_table(part: Part) -> list[Option]:
    """The options of the first table directly under `part` whose header names them."""
    for block in part.blocks:
        if block.kind == "table" or (block.kind == "paragraph" and block.text.startswith("|")):
            return _options_from_table(block)
    return []


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
    written = [item for item in items if plain(item.text)]
    options = [_option_from_item(item, vocabulary) for item in written]
    kept = [
        option
        for option, item in zip(options, written, strict=True)
        # `resources` is no option, but `` `resources` `` (a folder's name in code) is one.
        if option.title
        and (not NOT_AN_OPTION.match(option.title) or f"`{option.title}`" in item.text)
    ]
    # `- What other designs have been considered?`: a template's questions, left unanswered
    # (questions over nested answers, `* A) When do we …?` then `* 1: …`, ask which options).
    asked = kept and all(_QUESTION.match(option.title) for option in kept)
    return [] if asked and not any(item.children for item in items) else kept


_QUESTION = re.compile(
    r"^(?:what|why|how|which|who|when|where|is|are|do|does|should|can)\b.*\?$", re.IGNORECASE
)
"""A template's prompt (`What is the impact of not doing this?`); `Keep them in the repo?`
can be an option."""


def _nested_options(items: Sequence[Item], vocabulary: Vocabulary) -> list[Option]:
    """`* Discovery` / `  * Config`: options grouped under the questions they answer. Only a
    reading: `pick_options` takes it when the chosen option or the pros and cons name them."""
    if len(items) < 2 or not all(item.children for item in items):
        return []
    children = [child for item in items for child in item.children]
    if any(argument(child.text)[0] or label_polarity(child.text) for child in children):
        return []
    return _options_from_items(children, vocabulary)


_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")  # not the joiners, which shape scripts
_EMPTY_BOLD = re.compile(r"\*\*\*\*|____")
"""`**​**[**Storyblok**](…)`: bold around a zero-width space, left by a rich-text editor."""
_TEMPLATE_HEADING = re.compile(
    r"(?:option|alternati\w*|variant\w*|opci\w*|opç\w*|opzion\w*|optie|solution|lösung|løsning)"
    r"\s*\d+\W*",
    re.IGNORECASE,
)
"""`Alternativ 1.....`: a template's heading left unfilled (not `Python 3`)."""
_LABEL_ONLY = re.compile(rf"{OPTION_WORD}\s*(?:n[°º]\s*)?#?(?:\d+|[a-z])", re.IGNORECASE)
"""`Option A`, `Variante 2`: a label that numbers the option and names nothing."""


def _option_from_item(item: Item, vocabulary: Vocabulary) -> Option:
    # A wrapped item is one paragraph, so one title; `**Title**: text` splits off a description.
    text, labelled = _labelled_lines(item.text)
    first = _EMPTY_BOLD.sub("", _ZERO_WIDTH.sub("", strip_comments(text)))
    description = ""
    match = _TITLE_SPLIT.match(first.strip())
    if match and match["rest"].strip():
        named = match["bold"] or match["em"]
        if _LABEL_ONLY.fullmatch(plain(named).strip(" :")):
            first = f"{named.strip(' :')}: {match['rest']}"  # `**Option A** — Delete all`
        else:
            first, description = named, match["rest"]
    if is_placeholder(first) and not first.lstrip().startswith("`"):
        return Option(title="", line=item.line)  # `YYYY-MM-DD Title` in code is a format
    title, chosen, number, rest = clean_option_title(first)
    option = Option(title=title, line=item.line, chosen=chosen, number=number)
    parts = [rest, description, *item.more]
    option.description = collapse(" ".join(plain(part) for part in parts if part.strip()))
    label: str | None = None
    for child in item.children:
        polarity, text = argument(child.text)
        if polarity is None:
            polarity = label_polarity(child.text)
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
    for polarity, text in labelled:
        getattr(option, polarity).append(text)
    return option


def _labelled_lines(text: str) -> tuple[str, list[tuple[str, str]]]:
    """An item whose `Pros:` and `Cons:` lines, with their arguments, were indented too deep to
    be lists of their own and run on in its paragraph: the item's own text before them, and
    each argument with its polarity."""
    lines = text.split("\n")
    at = next((n for n, line in enumerate(lines) if n and label_polarity(line.strip())), None)
    if at is None:
        return text, []
    found: list[tuple[str, str]] = []
    polarity: str | None = None
    for line in lines[at:]:
        polarity = label_polarity(line.strip()) or polarity
        bullet = re.match(r"\s*[-*+]\s+(.+)", line)
        if bullet is not None and polarity is not None and plain(bullet[1]):
            found.append((polarity, plain(bullet[1])))
    return "\n".join(lines[:at]), found


def _option_from_heading(part: Part, vocabulary: Vocabulary) -> Option | None:
    title_text = plain(part.title)
    if not title_text or is_placeholder(part.title) or NOT_AN_OPTION.match(title_text):
        return None
    title, chosen, number, _ = clean_option_title(part.title)
    if title == title_text.strip(" :.") and OPTION_PREFIX.fullmatch(title_text.strip(" :.") + " "):
        title = ""
    if not title or (number is not None and OPTION_PREFIX.fullmatch(title + " ")):
        # `### Option 1:` with the option's name in bold below it.
        # Without one, the label is the name: `### Solution A`, and the outcome retains `E`.
        first = next(part.paragraphs(), None)
        name = re.match(r"^\s*(\*\*|__)(.+?)\1", first.text) if first is not None else None
        title = plain(name[2]).strip(" :.") if name is not None else title_text.strip(" :.")
    option = Option(title=title, line=part.line, chosen=chosen, number=number)
    read_arguments(part, option, vocabulary)
    return option


_HASHES_NO_SPACE = re.compile(r"^\s*#{2,6}([^\s#][^\n]*?)\s*:?\s*$", re.MULTILINE)
"""`###Autorest:` (no space, so no heading in Markdown): a label, as a bold one would be."""


def _options_from_bold_paragraphs(section: Part, vocabulary: Vocabulary) -> list[Option]:
    """`**1. Name.** text` paragraphs, each followed by its own `Pros:` / `Cons:` lists."""
    options: list[Option] = []
    label: str | None = None
    label_of: dict[int, tuple[str, str]] = {}  # `**Option 1:** text`: its label and its text
    for block in section.blocks:
        if block.kind == "paragraph":
            text = _HASHES_NO_SPACE.sub(r"**\1**", block.text, count=1)
            match = re.match(r"^\s*(\*\*|__)(.+?)\1\s*[:.]?\s*(.*)$", text, re.DOTALL)
            polarity = label_polarity(block.text)
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
            prefix = OPTION_PREFIX.match(bold)
            labels = bold.strip(" :.*_")
            if prefix is not None and not bold[prefix.end() :].strip(" :."):
                # `**Option 1:** Cache static resources`: the name follows the bold number.
                title, chosen = (
                    first_sentence(CHOSEN_MARK.sub(" ", rest)),
                    chosen or bool(CHOSEN_MARK.search(rest)),
                )
                label_of[len(options)] = (labels, rest)
            if not title:
                continue
            options.append(Option(title=title, line=block.line, chosen=chosen, number=number))
            label = None
        elif block.kind == "list" and options and label is not None:
            for item in block.items:
                polarity, text = argument(item.text)
                if polarity is None and plain(item.text):
                    polarity, text = label, plain(item.text)
                if polarity is not None and text:
                    getattr(options[-1], polarity).append(text)
    titles = [option.title for option in options]
    for at, (labelled, text) in label_of.items():
        if titles.count(titles[at]) > 1:
            # Two options whose text opens with the same sentence: their labels name them.
            options[at].title, options[at].description = labelled, text
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
    selected = []  # `| Keep both | … | **Selected** - best UX |`: a row whose other cell says so
    for index, row in enumerate(rows[1:], start=1):
        if row and plain(row[0]):
            title, chosen, number, _ = clean_option_title(row[0])
            option = Option(title=title, line=block.line + index + 1, chosen=chosen, number=number)
            options.append(option)
            if any(_SELECTED_CELL.match(plain(cell)) for cell in row[1:]):
                selected.append(option)
    if len(selected) == 1 and not any(option.chosen for option in options):
        selected[0].chosen = True
    return options


_SELECTED_CELL = re.compile(
    r"^\W*(?:selected|chosen|adopted|retenue?|choisie?|gewählt|elegid[ao]|escolhid[ao]|выбран[ао]?)"
    r"(?:\*\*|__)?\s*(?:$|[-–—:;,.(])",
    re.IGNORECASE,
)
"""A cell that is a verdict: `✅ **Selected**`, `**Selected** - best UX`, `Выбран`; not
`Adopted by the CNCF`, which says something of the option."""


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
        named = [child for child in part.children if NAMED_OPTION.match(plain(child.title))]
        if len(named) >= 2:
            found = [_option_from_named_heading(child, vocabulary) for child in named]
            return [option for option in found if option is not None]
        marked = [child for child in part.children if OPTION_PREFIX.match(plain(child.title))]
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
        hashed = [
            Option(
                title=plain(found[1]).strip(" :"),
                line=block.line + block.text.count("\n", 0, found.start()),
            )
            for block in part.blocks
            if block.kind == "paragraph"
            for found in _HASHES_NO_SPACE.finditer(block.text)
        ]
        if len(hashed) >= 2:  # `###Autorest:` … `###Openapi generator:`, meant as headings
            return hashed
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
    for part in skipped:
        # `Potential options for the application considered were:` left under Consequences.
        for lead, following in itertools.pairwise(part.blocks):
            if (
                lead.kind == "paragraph"
                and following.kind == "list"
                and _CONSIDERED_LEAD.search(plain(lead.text).strip())
            ):
                listed = _options_from_items(following.items, vocabulary)
                if len(listed) >= 2:
                    return listed
    return []


def options_marked_in(outcome: Part, vocabulary: Vocabulary = DEFAULT) -> list[Option]:
    """A list in the outcome whose one item is marked chosen (`* PassPack(**Chosen**)(…)`)
    beside the others: the options, written where the decision is."""
    for block in outcome.blocks:
        if block.kind != "list" or len(block.items) < 2:
            continue
        found = _options_from_items(block.items, vocabulary)
        if len(found) == len(block.items) and sum(option.chosen for option in found) == 1:
            for option in found:
                described = _CJK_REMARK.search(option.title)
                if described is not None:  # `LastPass(功能繁杂，费用 1450 USD)`: a remark on it
                    option.description = collapse(f"{described[1]} {option.description}")
                    option.title = option.title[: described.start()].rstrip()
            return found
    return []


_CJK_REMARK = re.compile(r"\s*[(（]([^()（）]*[，、；][^()（）]*)[)）]\s*$")


_CONSIDERED_LEAD = re.compile(
    r"^(?![^:]*\b(?:to be|still|need(?:s|ed)? to|next|if|should|will|would|could)\b)"
    r"[^:]*\b(?:options|alternatives)\b[^.:]{0,80}\b(?:considered|evaluated|weighed|compared)\b"
    r"[^.:]{0,20}:$",
    re.IGNORECASE,
)
"""`The options considered for the shell were:`; not the ones still to be weighed (`the
alternatives to be considered next are:`)."""


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
        asked = asked and _STATUS_QUO.search(SENTENCE_END.split(lead)[-1]) is None
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
    match = NAMED_OPTION.match(title)
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
        if whole is None or whole[2].rstrip().endswith(":") or label_polarity(block.text):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.kind != "list":
            return []
        option = Option(title=plain(whole[2]).strip(" ."), line=block.line)
        for item in following.items:
            polarity, text = argument(item.text)
            if polarity is not None and text:
                getattr(option, polarity).append(text)
        options.append(option)
    return options if len(options) >= 2 else []


_INTRODUCES_OPTIONS = re.compile(
    r"(?:\b(?:options|alternatives|approaches|strategies|solutions|candidates|possibilities|choices|"
    r"(?:two|three|four|five|several|a few|many|multiple|\d+)\s+(?:\w+\s+)?(?:ways|choices)|"
    r"optionen|alternativen|lösungen|ansätze|möglichkeiten|opciones|alternativas|soluciones|"
    r"opções|soluções|opzioni|soluzioni|opties|alternatieven|oplossingen|solutions envisagées|"
    r"stratégies|possibilités|pistes|estrategias|posibilidades|estratégias|"
    r"possibilidades|strategie|possibilità|strategieën|mogelijkheden|варианты|альтернативы)\b"
    r"[^.:]{0,120}|(?:検討した|検討された)?(?:選択肢|代替案)[^。：:]{0,30}|"
    r"(?:备选|候选|考虑的)方案[^。：:]{0,30}|考虑的选项|"
    r"^\W*(?:we\s+(?:also\s+)?(?:considered|looked at|evaluated|compared)"
    r"(?:\s+the\s+following\b[^.:]{0,80})?|(?:potential|possible)\s+considerations|"
    r"also considered|considered|wir haben (?:auch )?\w+ in betracht gezogen)\s*"
    r"|\b(?:decision|choice)s? (?:needs? )?to be (?:taken|made)\b[^.:]{0,40}"
    r"|\bthe question (?:is|was) (?:where|which|whether)\b[^.:]{0,80})"
    r"[:：]\s*$",
    re.IGNORECASE,
)


_NOT_OPTIONS_WORDS = re.compile(
    r"\b(?:criteria|factors|requirements|reasons|aspects|questions|concerns|goals|constraints|"
    r"conditions|because|benefits|advantages|drawbacks|consequences|steps|tasks|points|"
    r"decisions|problems|issues|challenges|configurable|settings|parameters|flags|checklist|"
    r"against|"
    r"based on|assessed|judged|measured|rated)\b",
    re.IGNORECASE,
)


_OPTION_LINE = re.compile(
    rf"^\s*(?:\*\*|__)?{OPTION_WORD}\s*#?(\d+|[a-e])\b\s*(?:\*\*|__)?\s*[:.)\-–—]\s*(?:\*\*|__)?\s*(.+)$",
    re.IGNORECASE,
)


def _continued_items(blocks: list[Block], at: int) -> list[Item]:
    """The items of the list at `at`, and of the numbered lists that go on counting after
    it with only code between (`1. A` ```…``` `2. B`: Markdown ends a list at the fence)."""
    items = list(blocks[at].items)
    start = blocks[at].start
    if start is None:
        return items
    following = blocks[at + 1 :]
    for index, block in enumerate(following):
        if block.kind in ("fence", "code", "html"):
            continue
        if block.kind == "paragraph" and _counting_on(following[index + 1 :], start + len(items)):
            continue  # `1. Horizontal` / what it means / `2. Vertical`: paragraphs between
        if block.kind != "list" or block.start != start + len(items):
            break
        items += block.items
    return items


def _counting_on(blocks: list[Block], number: int) -> bool:
    """Whether the next list after some paragraphs goes on counting from `number`."""
    for block in blocks:
        if block.kind == "list":
            return block.start == number
        if block.kind != "paragraph":
            return False
    return False


_THERE_ARE_WAYS = re.compile(
    r"^there (?:are|were) (?:two|three|four|five|several|multiple|a few|\d) "
    r"(?:\w+ )?(?:ways|options|alternatives|approaches|possibilities)\b[^.:!?]{0,80}[.:]$",
    re.IGNORECASE,
)
"""`There are 2 ways of defining these endpoints.`: a sentence that says options follow."""


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
        if block.kind != "paragraph" or not (
            _INTRODUCES_OPTIONS.search(lead) or _THERE_ARE_WAYS.match(lead)
        ):
            continue
        if _NOT_OPTIONS_WORDS.search(lead.rsplit(".", 1)[-1]):
            continue
        following = blocks[index + 1]
        if following.kind == "list":
            found += _options_from_items(_continued_items(blocks, index + 1), vocabulary)
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


_HAS_COUNTED = re.compile(
    r"(?:^|[.!?]\s+)[^.!?\n]{0,60}?\b(?:has|have|had)\s+(two|three|four|five|six)\s+"
    r"(?:options|alternatives|choices|approaches)\b[^.:;!?\n]{0,80}:\s*"
    r"((?:[^.!?\n]|\.(?=\w)){3,300})[.!?]?(?:\s|$)",  # `Cloud.gov`: a dot within a name
    re.IGNORECASE,
)
"""`OFA has two options for application hosting: ACF AWS and Cloud.gov.`"""


def _counted_in_a_sentence(part: Part) -> list[Option]:
    for block in part.blocks:
        if block.kind != "paragraph":
            continue
        text = plain(block.text)
        counted = [(found[1] or found[2], found[3]) for found in _COUNTED.finditer(text)] + [
            (found[1], found[2]) for found in _HAS_COUNTED.finditer(text)
        ]
        for count, listed in counted:
            names = [
                name.strip(" `*_\"'")
                for name in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", listed)
            ]
            if len(names) == ORDINALS[count.lower()] and all(
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
    return bool(items) and sum(1 for item in items if argument(item.text)[0]) * 2 >= len(items)
