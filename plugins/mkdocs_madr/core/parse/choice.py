"""The options a record compares and the one it chose: the options section (with the
headings that repeat it or sit beside it), each option's pros and cons, and the chosen
statement, or a choice marked, stated in prose or in the title, matched to an option.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..diagnostics import Code, Severity, diagnostic
from ..model import Line, Option
from ..text import is_placeholder, plain, small_number
from .arguments import label_polarity, read_arguments
from .chosen import Chosen, chosen_in_prose, chosen_in_title, is_undecided, read_chosen
from .option_names import (
    OPTION_PREFIX,
    OPTION_WORD,
    clean_option_title,
    match_option,
    norm,
    shares_words,
    shortened_from,
)
from .options import (
    NOT_AN_OPTION,
    options_marked_in,
    options_outside,
    pick_options,
    read_options,
)
from .outline import Part
from .state import ReadState

_QUOTE_MARKS = frozenset('"“”')
"""In a chosen title, the seam of several quoted names (`"A" with "B"`)."""


_ALL_OPTIONS = frozenset(
    {
        "all considered options",
        "all options",
        "all of them",
        "all of the above",
        "all three",
        "toutes les options",
        "alle optionen",
        "todas las opciones",
        "todas as opções",
    }
)


# Where a record written as a request for comments says what it takes, when it has no outcome.
_PROPOSAL_HEADINGS = frozenset(
    {"proposal", "the proposal", "proposed solution", "proposed decision"}
)


_OPTIONS_GROUP = re.compile(r"\b(?:considered options|options considered)$")


def _undecided(outcome: Part | None) -> bool:
    """An outcome that says nothing is decided yet (`To be done.`, `TBD`)."""
    if outcome is None:
        return False
    texts = [block.text for part in outcome.walk() for block in part.blocks]
    return len(texts) == 1 and is_undecided(texts[0])


_OPTION_HEADING = re.compile(rf"^{OPTION_WORD}\s*#?(?:\d+[a-z]?|[a-z])\b", re.IGNORECASE)
"""`Option 2:`, `Option 2A`, `Solution B`: a heading that numbers an option."""


def _options_beside(first: Part, after: list[Part]) -> list[Part]:
    """`## Solutions considered`, then `## Option 1: X`, `## Option 2: Y` beside it (`after`):
    the options, written at the level of their section, as sections under it."""
    found: list[Part] = []
    for part in after:
        if not _OPTION_HEADING.match(plain(part.title)):
            break
        found.append(replace(part, level=first.level + 1))
    # One is enough after options written one level down: `## Alternative 3` for `###`.
    numbered = sum(1 for child in first.children if _OPTION_HEADING.match(plain(child.title)))
    return found if len(found) >= 2 or (found and numbered >= 2) else []


_DECISION_LINE = re.compile(
    r"^\s*(?:\*\*|__)?(?:entscheid|entscheidung)(?:\*\*|__)?\s*:\s*(\S.*)$", re.IGNORECASE
)
"""`Entscheid: **X**`, a line of the preamble that states the decision (it chooses only an
option it names)."""


_ALTERNATIVES_WORDS = ("代替案", "备选方案", "대안")
"""`Alternatives` in other scripts (`alternativ` covers the Latin ones)."""


def _chosen_text(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else " and ".join(titles)


def _exact(name: str, titles: list[str]) -> int | None:
    wanted = norm(name)
    return next((index for index, title in enumerate(titles) if norm(title) == wanted), None)


def _index_of(number: int, options: list[Option]) -> int | None:
    """The option a number names: the one that carries it, else the one at that place."""
    for index, option in enumerate(options):
        if option.number == number:
            return index
    if any(option.number is not None for option in options):
        return None
    return number - 1 if 0 < number <= len(options) else None


def _numbered(title: str, options: list[Option]) -> int | None:
    """`[option 2] - shortened title`, `Option 2: …`, `2. …` under Pros and Cons."""
    match = re.match(r"^\[?\s*(?:option|alternative)?\s*(\d+)\s*\]?\s*[-–—:.)]", title, re.I)
    if match is None:
        return None
    number = small_number(match[1])
    return _index_of(number, options) if number is not None else None


def read_options_and_chosen(state: ReadState) -> None:
    decision = state.decision
    parts = state.parts
    vocabulary = state.vocabulary
    chosen = _find_chosen(state)
    pros = parts.get("pros")
    pros_titles = [
        plain(child.title)
        for child in (pros.children if pros is not None else [])
        if plain(child.title) and not is_placeholder(child.title)
    ]
    skipped = [
        part
        for name, part in parts.items()
        if name.split("@")[0]
        in ("drivers", "consequences", "confirmation", "links", "more", "metadata")
    ]
    rejected_only = False  # the options section lists only the alternatives not taken
    if "options" in parts:
        candidates = read_options(_options_section(state, parts["options"]), vocabulary)
        decision.options = pick_options(candidates, pros_titles, chosen)
        decision.lines[Line.OPTIONS] = parts["options"].line
        decision.lines[Line.OPTIONS_END] = parts["options"].end
        rejected_only = _rejected_alternatives(state)
    if rejected_only and decision.options and pros is None:
        # `## Alternatives Considered` after the decision holds the ones not taken; a list of
        # every option before it (`Options for real-time updates:`) names them all, and more.
        every = options_outside(state.root, vocabulary, [*skipped, parts["options"]])
        names = [option.title for option in every]
        found = [match_option(option.title, names) for option in decision.options]
        if len(every) > len(decision.options) and None not in found:
            for option, at in zip(decision.options, found, strict=True):
                if at is not None:
                    _keep_arguments(option, every[at])
            decision.options, rejected_only = every, False
    if not decision.options and pros is None:
        decision.options = options_outside(state.root, vocabulary, skipped)
    if not decision.options and "outcome" in parts:
        decision.options = options_marked_in(parts["outcome"], vocabulary)
    if pros is not None:
        decision.lines[Line.PROS] = pros.line
        derived = not decision.options
        titles = [option.title for option in decision.options]
        direct = {
            id(child): _pros_heading_option(child, decision.options) for child in pros.children
        }
        in_order = _in_option_order(state, pros, decision.options, direct)
        previous: Option | None = None
        for child in pros.children:
            title = plain(child.title)
            if not _names_an_option(state, child):
                continue
            if label_polarity(title) is not None:
                # `#### Pros` beside `#### X` (not under it): the arguments of the option
                # above it, not an option.
                if previous is not None:
                    holder = Part(previous.title, child.level, child.line, child.end)
                    holder.children.append(child)
                    read_arguments(holder, previous, vocabulary)
                continue
            if derived:
                decision.options.append(Option(title=title, line=child.line))
                index: int | None = len(decision.options) - 1
            else:
                index = direct[id(child)]
                at = in_order.get(id(child))
                if index is None and at is not None and _only_shortened_from(title, titles, at):
                    index = at  # `### Keep the floating resolution`, in its option's place
            if index is None:
                state.report(
                    Code.UNKNOWN_OPTION,
                    child.line,
                    f"'{title}' under Pros and Cons is not among the considered options",
                )
                previous = None
                continue
            previous = decision.options[index]
            read_arguments(child, previous, vocabulary)
    seen: dict[str, int] = {}
    for option in decision.options:
        key = " ".join(option.title.casefold().split()).strip(" .,;:")  # `%` and `&` differ
        if key in seen:
            state.report(
                Code.DUPLICATE_OPTION,
                option.line,
                f"option '{option.title}' is listed twice (first on line {seen[key]})",
            )
        else:
            seen[key] = option.line or 0
    _resolve_chosen(state, chosen, rejected_only=rejected_only)


def _keep_arguments(rejected: Option, listed: Option) -> None:
    """The arguments an `Alternatives Considered` subsection gave an option, kept on the same
    option of the wider list."""
    listed.good = listed.good or rejected.good
    listed.neutral = listed.neutral or rejected.neutral
    listed.bad = listed.bad or rejected.bad
    listed.description = listed.description or rejected.description


def _names_an_option(state: ReadState, child: Part) -> bool:
    """A heading under Pros and Cons that can name an option (or label the one above it)."""
    title = plain(child.title)
    if not title or is_placeholder(child.title) or NOT_AN_OPTION.match(title):
        return False
    return state.vocabulary.section(child.key) != "pros"  # `### Pros and Cons`: of them all


def _pros_heading_option(child: Part, options: list[Option]) -> int | None:
    """The option a heading under Pros and Cons names: by its words or its number."""
    titles = [option.title for option in options]
    title = plain(child.title)
    index = match_option(title, titles)
    if index is None:
        index = _numbered(title, options)
    if index is None:  # `### Formless — No conventions …` for `Formless`
        index = match_option(clean_option_title(child.title)[0], titles)
    return index


def _only_shortened_from(title: str, titles: list[str], at: int) -> bool:
    """`title` is the option at `at` in fewer words, and no other option."""
    return shortened_from(title, titles[at]) and not any(
        shortened_from(title, other) for index, other in enumerate(titles) if index != at
    )


def _in_option_order(
    state: ReadState, pros: Part, options: list[Option], direct: dict[int, int | None]
) -> dict[int, int]:
    """One heading per option under Pros and Cons, each that names an option naming the one
    in its place: the place of each heading (by `id`), so that a heading in fewer words is its
    place's option. Empty when the headings do not follow the options so."""
    headings = [
        child
        for child in pros.children
        if _names_an_option(state, child) and label_polarity(plain(child.title)) is None
    ]
    if len(headings) != len(options) or len(options) < 2:
        return {}
    for at, child in enumerate(headings):
        named = direct[id(child)]
        if named is not None and named != at:
            return {}
    return {id(child): at for at, child in enumerate(headings)}


def _options_section(state: ReadState, first: Part) -> Part:
    """The options section, with the sections after it that repeat its heading
    (`## Optionen` once per option) and the option headings beside it joined to it."""
    repeats: list[Part] = []
    beside: list[Part] = []
    for part in state.root.walk():
        if part is not first and part.key == first.key and part.level == first.level:
            repeats.append(part)
        for at, child in enumerate(part.children):
            if child is first:
                beside = _options_beside(first, part.children[at + 1 :])
    if not repeats and not beside:
        return first
    joined = replace(first, blocks=list(first.blocks), children=list(first.children))
    for part in repeats:
        joined.blocks += part.blocks
        joined.children += part.children
    joined.children += beside
    return joined


def _find_chosen(state: ReadState) -> Chosen | None:
    outcome = state.parts.get("outcome")
    chosen = read_chosen(outcome, state.vocabulary, outcome=True) if outcome is not None else None
    if chosen is None:
        chosen = read_chosen(state.root, state.vocabulary)
    return chosen


def _rejected_alternatives(state: ReadState) -> bool:
    """`## Betrachtete Alternativen` after the decision: the ones not taken, so a sentence
    of the decision that sounds like one of them does not choose it."""
    listed = state.parts.get("options")
    outcome = state.parts.get("outcome")
    return (
        listed is not None
        and outcome is not None
        and listed.line > outcome.line
        and (
            "alternativ" in listed.key
            or listed.key.startswith("other")
            or any(word in listed.key for word in _ALTERNATIVES_WORDS)
        )
    )


def _proposal(state: ReadState) -> Part | None:
    """`## Proposal` in a record written as a request for comments: where it says which
    option it takes when the record has no outcome section."""
    return next(
        (part for part in state.root.walk() if part.level and part.key in _PROPOSAL_HEADINGS),
        None,
    )


def _resolve_chosen(state: ReadState, chosen: Chosen | None, *, rejected_only: bool) -> None:
    decision = state.decision
    options = decision.options
    titles = [option.title for option in options]
    marked = [index for index, option in enumerate(options) if option.chosen]
    if chosen is not None and chosen.unfilled:
        # `Chosen option: "[option 3]"` where the options are written `[option 3]: X`.
        labelled = [i for n in chosen.numbers for i, o in enumerate(options) if o.number == n]
        if len(labelled) == 1:
            options[labelled[0]].chosen = True
            decision.chosen = options[labelled[0]].title
            decision.lines[Line.CHOSEN] = chosen.line
            decision.found["chosen"] = "stated"
        return
    if chosen is None:
        outcome = state.parts.get("outcome") or _proposal(state)
        found = marked
        how = "marked"
        if not found and options:
            found, how = _decision_line(state, titles), "stated"
        # `## Decision` / `**Define Micro-frontends using a Vertical splitting**` / why
        decided = outcome is not None and not _undecided(outcome)
        bold = _bold_lead(outcome, spoken_of=not options) if outcome and decided else None
        if not found and bold is not None and options:
            prefix = OPTION_PREFIX.match(bold)  # `**方式3: …**`: the option by its number
            matched = match_option(bold, titles)
            placed = small_number(prefix[1]) if prefix is not None else None
            if placed is not None:
                matched = _index_of(placed, options)
            found = [matched] if matched is not None else chosen_in_title(bold, titles)
            how = "bold"
        if not found and outcome is not None and options:
            found, how = chosen_in_prose(outcome, titles, [o.number for o in options]), "prose"
        if not found and decision.title and len(options) >= 2 and not _undecided(outcome):
            found, how = chosen_in_title(decision.title, titles), "title"
        if how != "marked" and rejected_only:
            found = []
        if not options and bold is not None:  # `**.NET Core 3.1/C#**`, and no options listed
            decision.chosen = bold
            decision.found["chosen"] = "bold"
            return
        for index in found:
            options[index].chosen = True
        if found:
            decision.chosen = _chosen_text([options[index].title for index in found])
            decision.found["chosen"] = how
        return
    decision.justification = chosen.justification
    decision.lines[Line.CHOSEN] = chosen.line
    decision.found["chosen"] = "stated"
    if not options:
        decision.chosen = chosen.title or None
        return
    numbered = (_index_of(number, options) for number in chosen.numbers)
    indexes = [index for index in numbered if index is not None]
    spanned = [_exact(span, titles) for span in chosen.spans]
    named = [index for index in spanned if index is not None]
    if not indexes and len(named) >= 2 and len(set(named)) == len(spanned):
        indexes = named
    if not indexes:
        for name in [chosen.title, *chosen.names]:
            matched = match_option(name, titles) if name else None
            if matched is not None:
                indexes = [matched]
                break
    if not indexes and norm(chosen.title) in _ALL_OPTIONS:
        indexes = list(range(len(options)))  # `Chosen option: "All considered options"`
    if not indexes and marked:
        indexes = marked
    unquoted = not chosen.quoted
    for index in indexes:
        options[index].chosen = True
    if len(indexes) == 1:
        decision.chosen = options[indexes[0]].title
    elif indexes:
        written = chosen.title if not _QUOTE_MARKS.intersection(chosen.title) else ""
        decision.chosen = written or _chosen_text([options[i].title for i in indexes])
    elif chosen.quoted and chosen.title and _decision_first(state):
        # log4brains' decision first: `Chosen option: "X"`, then only the alternatives that
        # were not chosen. X is an option too.
        options.insert(0, Option(title=chosen.title, line=chosen.line, chosen=True))
        decision.chosen = chosen.title
    else:
        decision.chosen = chosen.title or None
        message = f"chosen option '{chosen.title}' is not among the considered options"
        # Written in other words than the option's (unquoted, or sharing words with one):
        # a reading, not a fact.
        uncertain = unquoted or shares_words(chosen.title, titles) or _translated(chosen, titles)
        # `## Scoping Considered Options`, `## Naming Considered Options`: several sets of
        # options, of which the reader took one.
        groups = [p for p in state.root.walk() if p.level and _OPTIONS_GROUP.search(p.key)]
        uncertain = uncertain or len(groups) >= 2
        if uncertain:
            message += " (it may name one in other words)"
        problem = diagnostic(Code.UNKNOWN_CHOSEN_OPTION, decision.file, chosen.line, message)
        state.problems.append(replace(problem, severity=Severity.INFO) if uncertain else problem)


_BOLD_ONLY = re.compile(r"\s*(\*\*|__)([^*_\n]{1,80}?)\1\s*")


def _bold_lead(outcome: Part, *, spoken_of: bool) -> str | None:
    """The outcome's first paragraph when it is only a short name in bold: what was chosen.
    Not a sentence (`**Option 2 is too slow**`), a label (`**TL;DR**`, `**Update, March
    2024**`) or a placeholder; with `spoken_of` (no options to match it with), only if the text
    after it speaks of that name (`**AWS DynamoDB**` / `DynamoDB is …`)."""
    first = next(outcome.paragraphs(), None)
    if first is None or outcome.blocks[0] is not first:
        return None
    whole = _BOLD_ONLY.fullmatch(first.text)
    if whole is None:
        return None
    name = whole[2].strip()
    if (
        len(name.split()) > 8
        or name.endswith((":", ".", "?", "!"))
        or _SENTENCE_VERB.search(name)
        or is_placeholder(name)
        or label_polarity(name)
    ):
        return None
    if not spoken_of:
        return name
    after = " ".join(plain(block.text) for block in outcome.blocks[1:3]).casefold()
    words = [word for word in re.findall(r"\w[\w.+#-]*\w|\w", name.casefold()) if len(word) > 2]
    return name if any(word in after for word in words if word not in _LEAD_WORDS) else None


_SENTENCE_VERB = re.compile(
    r"\b(?:is|are|was|were|will|would|should|must|can|cannot|has|have|do|does)\b", re.I
)
_LEAD_WORDS = frozenset(
    {"update", "updated", "note", "important", "summary", "short", "decision", "tl;dr", "tldr"}
)
"""Words of a bold label over a decision, not of a choice (`**Update, March 2024**`)."""


def _translated(chosen: Chosen, titles: list[str]) -> bool:
    """A chosen option in Latin letters over options in another script (a translated record
    that kept the original's chosen line): it may well be one of them."""
    latin = re.search(r"[A-Za-z]{3}", chosen.title) is not None
    return latin and not any(re.search(r"[A-Za-z]{3}", title) for title in titles)


def _decision_line(state: ReadState, titles: list[str]) -> list[int]:
    """`Entscheid: **Falcon mit Commits**` under the title: the option it names."""
    blocks = list(state.root.blocks)
    if state.title_part is not None:
        blocks += state.title_part.blocks
    for block in blocks:
        if block.kind != "paragraph":
            continue
        for line in block.text.split("\n"):
            labelled = _DECISION_LINE.match(line)
            index = match_option(plain(labelled[1].rstrip()), titles) if labelled else None
            if index is not None:
                return [index]
    return []


def _decision_first(state: ReadState) -> bool:
    """The outcome comes before the considered options."""
    outcome = state.parts.get("outcome")
    listed = state.decision.lines.get(Line.OPTIONS)
    return outcome is not None and listed is not None and outcome.line < listed
