"""Reading statuses and relation statements: `✅ Accepted`, `Superseded by [ADR-5](…)`,
`accepted; supersedes ADR-0001`, `Implemented. Parts of this ADR were superseded by ADR-20`,
`Statut : Accepté`, and relation lines such as `Supercedes`, `Extended by`, `Remplace`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from ..model import RelationKind
from ..text import is_placeholder, links, plain, strip_comments, strip_symbols, without_struck
from .vocabulary import ANY_VERB, DEFAULT, FOLDED_VERBS, TEAM_WORDS, Vocabulary, fold

_ADR_REF = re.compile(
    r"(?<![\w/.-])(?:ADR|ADD|RFC|DR|AD|MADR)[-_ #]{0,2}\d+\b"
    # A bare number of three digits or more, not the year of 2026-05-29, nor a year alone
    # (`2026`), nor an amount (`~120 minutes`).
    r"|(?<![\w/])#\d+\b|(?<![\w/.:~≈-])(?!(?:19|20)\d\d\b)\d{3,}\b(?![-./]\d)",
    re.IGNORECASE,
)
_NAMED_RECORD = re.compile(r"\b(?:ADR|ADD|AD|DR|RFC)[-_ #]{0,2}\d+\b", re.IGNORECASE)
_SPELLINGS = {"depreciated": "deprecated", "accept": "accepted", "propose": "proposed"}
"""Misspellings of keywords seen often enough to read as the keyword."""
_CLAUSE_END = re.compile(
    r"\s*(?:[.;:(\[{<—–|（【。；：，]|\s-\s|,|\bin\s+https?:|\bhttps?:|\bsee\b)\s*"
)
_PARTIAL = re.compile(
    r"\b(?:in part|partly|partially|partial(?=\s+(?:supersed|replace))|parts? of|"
    r"some aspects|portions? of|the [\w\" -]{1,40} portion|"
    r"the (?:[\w*-]+ ){1,4}(?:decision|part|section|aspect|rule)s? of|"
    r"(?:this|the) (?:adr|record|decision) (?:is|remains) (?:still )?valid|remains valid|"
    r"for [\w ,/-]{1,40}? only|"
    r"en partie|partiellement|teilweise|in teilen|parcialmente|en parte|in parte|parzialmente|"
    r"gedeeltelijk|deels)\b"
    r"|(?:(?:ADR|ADD|DR|RFC)[-_ #]?)?(?<!\d)\d+(?!\d)\s*§",  # `ADR-0013 §Decision`: a part
    re.IGNORECASE,
)
_REPLACED_BY_ZH = re.compile(
    r"被\s*(\[[^\]\n]{0,200}\]\([^)\s]{0,300}\)|(?:ADR|ADD|DR)[-_ ]?\d+)\s*(?:所)?取代", re.I
)
"""Chinese `被 X 取代`, "replaced by X"."""
_BY_JA = re.compile(
    r"(\[[^\]\n]{0,200}\]\([^)\s]{0,300}\)|(?:ADR|ADD|DR)[-_ ]?\d+)\s*(?:により|によって|で)\s*"
    r"(置換|置き換え|廃止|改訂|修正|変更|更新)(?:され(?:た|ました)?|済み|しました|した)?"
    r"(?=\s*(?:$|[）)」。、，,.;；]))",
    re.I,
)
"""Japanese `ADR-018により置換` ("replaced by ADR-018"), `ADR-011で改訂` ("revised by"), the
verb ending its clause: not `ADR-003で廃止したキャッシュ` ("the cache ADR-003 removed")."""
_JA_VERB_WORDS = ("置換", "置き換え", "廃止", "改訂", "修正", "変更", "更新")
_JA_VERBS = {"置換": "superseded", "置き換え": "superseded", "廃止": "superseded"}


def _japanese_by(found: re.Match[str]) -> str:
    verb = _JA_VERBS.get(found[2], "amended")
    clause = re.split(r"[（(。、，,]", found.string[: found.start()])[-1]
    # `UI翻訳の見送りはADR-018により置換`: what the topic before `は` names was replaced, a part.
    part = "partly " if "は" in clause else ""
    return f" {part}{verb} by {found[1]} "


_NEGATION = re.compile(
    r"\b(?:not|never|no longer|n't|does not|did not)\b[^.]{0,30}$|\bwithout\s+$", re.IGNORECASE
)
"""`does not supersede`, `without superseding ADR 0022` (`without` only right before the verb:
`Without breaking clients, this supersedes [ADR-5](…)` supersedes it)."""
_PROSE_VERBS = tuple(
    (verb, kind)
    for verb, kind in FOLDED_VERBS
    if kind in (RelationKind.SUPERSEDES, RelationKind.SUPERSEDED_BY)
    and re.match(r"super|remplac|abgel|reemplaz|sustitu|substitu|sostitu|vervang|nahraz", verb)
)
_OPENS_A_CLAUSE = re.compile(r"(?:^|[.;:,—–(（]\s*)\**\s*被")
# In a status, English `replaced by` says what replaced the record, as a supersede verb does; in
# prose (`_PROSE_VERBS`), `this replaces the status table` names a thing, not a record.
_REPLACED_BY = tuple(
    verb
    for verb, kind in FOLDED_VERBS
    if kind is RelationKind.SUPERSEDED_BY
    and ((verb, kind) in _PROSE_VERBS or verb.startswith("replac"))
)
_VERB_INITIALS = frozenset(verb[0] for verb, _ in FOLDED_VERBS)
_LONGEST_STATUS = 4
"""A status is a word or a short phrase; a longer clause is prose about it."""


@dataclass
class StatusReading:
    """A status value taken apart.

    `keyword` is one of `KNOWN_STATUSES` (a word in another language is translated), or the
    team's own word in lower case, or None when the value is empty or a placeholder. `text` is
    the status as written, without markup and remarks. `targets` are the records named in it
    ("superseded by X", "accepted; supersedes Y"), with whether only part is meant.
    """

    keyword: str | None
    text: str
    placeholder: bool = False
    targets: list[tuple[RelationKind, str, bool]] = field(default_factory=list)


def read_status(raw: str, vocabulary: Vocabulary = DEFAULT) -> StatusReading:
    """Read one status value, as found after `Status:`, in front matter or a Status section."""
    text = without_struck(strip_comments(raw)).strip()
    text = _badge_word(text) or text
    bracketed = re.fullmatch(r"\[\s*([^\[\]|]{1,30}?)\s*\]", text)
    if bracketed is not None and _one_status(bracketed[1], vocabulary):
        text = bracketed[1]  # `[Approved]`: the template's brackets around a chosen word
    if is_placeholder(text):
        return StatusReading(None, text, placeholder=True)
    clean = strip_symbols(plain(text)).strip(" .,;:")
    if len(clean) > 2 and clean[0] == "[" and clean[-1] == "]" and "[" not in clean[1:-1]:
        clean = clean[1:-1].strip()  # `[accepted]`: the template's brackets left around the word
    clean = _DATED.sub("", clean, count=1)  # `2020-03-25 accepted`: the day it took the status
    entries = re.split(r"\s*[,;]\s*", clean)
    matched = [_STATUS_ON_DAY.match(entry) for entry in entries]
    days = [found[1] for found in matched if found is not None]
    if len(entries) >= 2 and len(days) == len(entries):
        # `Proposed on 2021-07-12, Accepted on 2021-08-04`: the entry of the latest day.
        clean = entries[max(range(len(days)), key=lambda at: _day_key(days[at]))]
    if not clean:
        return StatusReading(None, "")
    clause = _first_clause(clean)
    folded = _ON_DAY_END.sub("", fold(clause))  # `Invalidated on 2021-08-04`: the word
    words = folded.split()
    targets = statements(text, vocabulary)
    keyword = vocabulary.status_words.get(folded)
    if keyword is None and _superseded_by(folded):
        keyword = "superseded"
    if keyword is None and words:
        first = _SPELLINGS.get(words[0], words[0])
        keyword = vocabulary.status_words.get(first)  # "accepted by the board", "accepté par …"
    if keyword is None and words:
        if len(words) <= _LONGEST_STATUS:
            keyword = TEAM_WORDS.get(folded, folded)  # the team's own word: "approved", "on hold"
        else:  # prose about the status: the first word in it that is one
            keyword = next(
                (
                    vocabulary.status_words.get(word) or word
                    for word in words[:12]
                    if word in vocabulary.status_words or vocabulary.lifecycle(word)
                ),
                None,
            )
    team_word = keyword not in vocabulary.status_words.values() and keyword != "superseded"
    if targets and team_word and relation_verb(clean, vocabulary) is not None:
        keyword = None  # `Status: augmented by [ADR-4](…)`: a relation, and no status
    if keyword not in (None, "superseded") and _replaced_whole(text, targets):
        keyword = "superseded"
    if keyword == "superseded" and not targets:
        targets = _bare_targets(text, RelationKind.SUPERSEDED_BY)
    shown = clean if keyword == "superseded" else _first_sentence(clean)
    return StatusReading(keyword, shown, targets=targets)


_BADGE = re.compile(
    r"!\[[^\]]*\]\(\s*https?://(?:img\.shields\.io|badgen\.net)/badge/([^)\s]+)\s*\)"
)


def _badge_word(text: str) -> str | None:
    """`[![Generic badge](https://badgen.net/badge/ADR/approved/green/)](…)` alone, or a
    shields.io badge (`/badge/status-accepted-green`): the word the badge shows."""
    found = _BADGE.search(text) if "/badge/" in text else None
    if found is None or re.sub(r"\[?!\[[^\]]*\]\([^)]*\)\]?(?:\([^)]*\))?", "", text).strip():
        return None
    path = unquote(found[1]).rstrip("/").split("?", 1)[0]
    if "/" in path:  # badgen: label/status/colour
        word = path.split("/")[1]
    else:  # shields: label-message-colour, `--` for a dash, `_` for a space
        parts = re.split(r"(?<!-)-(?!-)", path)
        word = parts[1] if len(parts) >= 3 else parts[0]
    word = word.replace("--", "-").replace("__", "\0").replace("_", " ").replace("\0", "_")
    return word.strip() or None


_DAY = r"(\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{4})"
"""A day as statuses write it: ISO, or day first with dots or slashes."""
_STATUS_ON_DAY = re.compile(rf"^[^\W\d]+(?: [^\W\d]+)?\s+(?:on\s+|am\s+|le\s+|el\s+)?{_DAY}\.?$")


def _day_key(day: str) -> tuple[int, int, int]:
    """`2021-08-04` or `4.8.2021` (day first, as such histories write it), to compare."""
    numbers = [int(part) for part in re.split(r"[-./]", day)]
    return (
        (numbers[0], numbers[1], numbers[2])
        if day[4:5] == "-"
        else (numbers[2], numbers[1], numbers[0])
    )


_ON_DAY_END = re.compile(rf" (?:on |am |le |el )?{_DAY}$")
"""`invalidated on 2021-08-04`, folded (one space between words)."""
_DATED = re.compile(
    r"^(?:\d{4}[-/.]\d\d?[-/.]\d\d?|\d{1,2}[./]\d{1,2}[./]\d{4})\s*[:,\-–—]?\s+(?=[^\W\d])"
)


def _first_sentence(text: str) -> str:
    """The status as written, without the prose that may follow it."""
    return re.split(r"(?<=\w)[.;]\s+", text, maxsplit=1)[0]


def _one_status(word: str, vocabulary: Vocabulary) -> bool:
    folded = fold(word)
    return folded in vocabulary.status_words or folded in TEAM_WORDS


def _first_clause(text: str) -> str:
    """`Accepted (2024-01-02)`, `Implemented in <url>`, `WIP. Needs rework` → the status part."""
    parts = _CLAUSE_END.split(text, maxsplit=1)
    return parts[0].strip() or text


def _superseded_by(folded: str) -> bool:
    """`superseded by …` (any language), or a bare `superseded`/`remplacé` status."""
    for verb, kind in FOLDED_VERBS:
        if kind is RelationKind.SUPERSEDED_BY and folded.startswith(verb):
            return not verb.startswith(("deprecated", "obsoleted"))  # those keep their word
    return bool(re.match(r"super[sc]e+ded\b", folded))


PLANNED = re.compile(r"\b(?:once|when|will|planned|pending|after|until|later)\b", re.IGNORECASE)
"""`Superseded by [12](…) once the migration finishes`: not yet (English words; a supersede in
another language is read only where its verb opens the status)."""


def _replaced_whole(text: str, targets: list[tuple[RelationKind, str, bool]]) -> bool:
    """`Implemented. Superseded by [ADR-13](…)`, `已废弃 —— 被 [ADR-3](…) 取代`: the status
    stated first was overtaken by a record that replaces this one in whole (`Deprecated by X`
    keeps its word; a supersede in part or still to come changes nothing)."""
    whole = any(kind is RelationKind.SUPERSEDED_BY and not partial for kind, _, partial in targets)
    if not whole or PLANNED.search(text) or "|" in text:  # `Proposed | Superseded by …`
        return False
    folded = fold(text)
    if "取代" in text:
        return _OPENS_A_CLAUSE.search(text.replace("[", "")) is not None
    # The record itself is the one replaced: the verb opens a sentence or clause (not `the
    # dispatch decision is superseded by …`, which says what part is).
    return any(
        re.search(rf"(?:^|[.;:,—–(]\s*){re.escape(verb)}(?![\w-])", folded) is not None
        for verb in _REPLACED_BY
    )


def _bare_targets(text: str, kind: RelationKind) -> list[tuple[RelationKind, str, bool]]:
    """`Superseded [0019](…)` / `Superseded, see ADR-12`: the records named, without a verb
    (in part, if the text says so anywhere: `This ADR is valid …; the example is superseded`)."""
    partial = is_partial(text)
    return [(kind, target, partial) for target in relation_targets(text)]


def statements(
    text: str, vocabulary: Vocabulary = DEFAULT, *, prose: bool = False
) -> list[tuple[RelationKind, str, bool]]:
    """Every relation a sentence states with a verb and a target: `supersedes [ADR-1](…)`,
    `Parts of this ADR were superseded by ADR-20`, `We decided to supersede [0001](…)`,
    `Amende [0021-x.md][0021]`. Negated ones (`does not supersede`) are not statements. In
    `prose`, only the verbs of supersession count: `this replaces the status table described
    in [ADR-11](…)` says what is replaced, not which record."""
    found: list[tuple[RelationKind, str, bool]] = []
    if not text or len(text) > 4000:
        return found
    stripped = strip_comments(text)
    if "取代" in stripped:  # `被 [ADR-3](…) 取代`: the target between the two words
        stripped = _REPLACED_BY_ZH.sub(r"superseded by \1 ", stripped)
    if any(verb in stripped for verb in _JA_VERB_WORDS):  # a cheap test before the pattern
        stripped = _BY_JA.sub(_japanese_by, stripped)
    if ANY_VERB.search(fold(stripped)) is None:
        return found
    verbs = _PROSE_VERBS if prose else FOLDED_VERBS
    for sentence in _sentences(stripped):
        lowered = fold(sentence)
        for verb_folded, kind in verbs:
            at = _word_at(lowered, verb_folded)
            if at is None:
                continue
            if _NEGATION.search(lowered[:at]):
                break
            rest = sentence[_offset(sentence, lowered, at + len(verb_folded)) :]
            before = sentence[: _offset(sentence, lowered, at)]
            if kind is RelationKind.SUPERSEDED_BY and _THIS_RECORD.match(rest):
                # `See ADR 07 on this, which is superseded by this one`: this record supersedes.
                named = relation_targets(before)
                found.extend((RelationKind.SUPERSEDES, target, False) for target in named[-1:])
                break
            if prose and _names_another_before(sentence, len(before)):
                break  # `[ADR-4](…), later superseded by [ADR-5](…)`: about another record
            # `supersedes X and is amended by Y`: the targets of this verb end at the next verb.
            targets = _first_targets(_until_next_verb(rest), series=not prose)
            if prose:  # `remplacé par une table de 2019 à 2025`: a bare number is not a record
                targets = [target for target in targets if not target.isdigit()]
            partial = bool(_PARTIAL.search(sentence))
            found.extend((kind, target, partial) for target in targets)
            break
    return found


def _names_another_before(sentence: str, at: int) -> bool:
    """Whether the words before a verb name another record: then it is that record's subject."""
    before = sentence[:at]
    return bool(links(before)) or _NAMED_RECORD.search(plain(before)) is not None


def _sentences(text: str) -> list[str]:
    """Sentences, cut where a full stop ends one (not inside a link's text, `[6. Use X](…)`,
    or a number)."""
    parts: list[str] = []
    start = seen = depth = 0
    for cut in _SENTENCE_END.finditer(text):
        depth = max(
            0, depth + text.count("[", seen, cut.start()) - text.count("]", seen, cut.start())
        )
        seen = cut.start()
        if depth > 0:
            continue
        parts.append(text[start : cut.start()])
        start = cut.end()
    parts.append(text[start:])
    return [part for part in parts if part.strip()]


_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z*_\[(`])|\n\s*\n|\n(?=\s*[-*+]\s)"
    r"|\n(?=\s*(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)?\s*:)"  # `**Related**: …`, a key of its own
)


def _word_at(text: str, word: str) -> int | None:
    match = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    return match.start() if match else None


def _offset(original: str, folded: str, index: int) -> int:
    """The index in `original` of position `index` of its folded form (accents change it)."""
    if len(original) == len(folded):
        return index
    words_before = len(folded[:index].split())
    parts = original.split()
    if words_before >= len(parts):
        return len(original)
    position = 0
    for part in parts[:words_before]:
        position = original.index(part, position) + len(part)
    return position


_CLAUSE_BREAK = re.compile(r"\s*(?:[:;—–]|\s-\s)\s*")
_LINKS_AND_ADDRESSES = re.compile(r"\[[^\]]*\]\([^)]*\)|<[^>\s]+>|https?://\S+")


def _first_targets(text: str, *, series: bool = True) -> list[str]:
    """The records a verb names: those of its first clause (`supersedes ADR 0035 in full: …
    inherited from ADR 0029` names 35 only), or of the next after a few words (`supersedes the
    following: ADR-1, ADR-2`), and of later clauses that go on listing them (`ADR-5 - Use Kafka,
    and ADR-6 - Use RabbitMQ`); a clause that names something else ends them (`superseding the
    note in the docs — the note ADR 76 cites` names none)."""
    masked = _LINKS_AND_ADDRESSES.sub(lambda match: "x" * len(match[0]), text)
    cuts = [0, *(point for cut in _CLAUSE_BREAK.finditer(masked) for point in cut.span())]
    clauses = [text[cuts[at] : cuts[at + 1]] for at in range(0, len(cuts) - 1, 2)]
    clauses.append(text[cuts[-1] :])
    found: list[str] = []
    for clause in clauses:
        named = relation_targets(clause, series=series)
        if not found:
            if named:
                found = named
            elif not _LEAD.fullmatch(plain(clause)):
                return []
        elif named and _GOES_ON_LISTING.search(plain(clause)):
            found += named
        elif named:
            break
    return found


_GOES_ON_LISTING = re.compile(
    r"(?:^|,|;|\band\b|\bor\b|&)\W*"
    r"(?:\[|(?:ADR|ADD|RFC|DR|AD|MADR)[-_ #]{0,2}\d|\d{3,}|(?-i:[A-Z]{2,}(?:-[A-Z]+)*-\d))",
    re.IGNORECASE,
)
"""A later clause that goes on listing records: one opens it or follows a comma or `and`."""


_LEAD = re.compile(
    r"\W*(?:(?:the|these|those)\s+)?(?:following|below|two|three|several)?\s*"
    r"(?:records?|decisions?|adrs?|documents?|ones?)?\W*",
    re.IGNORECASE,
)
"""What may stand between a verb and the colon before its records (`supersedes the following
records: …`); any other words name what is superseded."""


def _until_next_verb(text: str) -> str:
    # A verb inside a link's text (`[Superseded by ADR-31](…)`) does not end the targets.
    text_only = re.sub(r"\[[^\]]*\]", lambda match: "[" + " " * (len(match[0]) - 2) + "]", text)
    lowered = fold(text_only)
    cut = len(text)
    for verb, _ in FOLDED_VERBS:
        at = _word_at(lowered, verb)
        if at is not None and at > 0:
            cut = min(cut, _offset(text_only, lowered, at))
    return text[:cut]


def relation_targets(text: str, *, series: bool = True) -> list[str]:
    """The records a relation phrase points at: link targets first, else ids like `ADR-0005`,
    and with `series` a team's own ids (`DD-RO-002`) where they open the phrase or an entry of
    its list (not `the owner established by DD-WORKFLOW-018`, which names where a thing was)."""
    # An anchor in the page (`[Document Map](#map)`) names no record.
    linked = (href or label for label, href, _ in links(text))
    found = [target for target in linked if target and not target.startswith("#")]
    reference = re.findall(r"\[([^\[\]]+)\]\[([^\]]*)\]", text)
    found += [target or label for label, target in reference]
    if found:
        return found
    written = plain(text)
    named = list(_ADR_REF.finditer(written))
    if series:
        named += [
            m for m in _SERIES_REF.finditer(written) if _OPENS_AN_ENTRY.search(written[: m.start()])
        ]
    return [match[0] for match in sorted(named, key=lambda match: match.start())]


_OPENS_AN_ENTRY = re.compile(r"(?:^|[,;&/]|\band|\bor)[\s*_`]*$", re.IGNORECASE)
_SERIES_REF = re.compile(
    r"(?<![\w/.-])(?!(?:ADR|ADD|RFC|DR|AD|MADR)-)[A-Z]{2,}(?:-[A-Z]+)*-\d{2,}\b"
)
"""`DD-INTERACTIVE-001`, `DD-015`: an id of a team's own series, in capitals (in a status or
a relation field: `SUPERSEDED BY DD-RO-002`, `**Supersedes**: DD-015 (…)`)."""


def relation_verb(text: str, vocabulary: Vocabulary = DEFAULT) -> tuple[RelationKind, str] | None:
    """The relation a line starts with (`Supercedes`, `Amended by`, `Remplace`, …), else None;
    the verb is returned as it is written."""
    written = strip_symbols(plain(text[:200]))
    lowered = fold(written)
    qualified = _QUALIFIER.match(lowered)  # `Partial supersede of [6](…)`
    start = qualified.end() if qualified else 0
    if len(lowered) <= start or lowered[start] not in _VERB_INITIALS:
        return None
    for folded, kind in FOLDED_VERBS:
        end = start + len(folded)
        if lowered.startswith(folded, start) and not lowered[end : end + 1].isalnum():
            cut = _offset(written, lowered, end)
            return kind, written[:cut].lower()
    return None


_THIS_RECORD = re.compile(r"\s*(?:this|the present)\s+(?:one|adr|record|decision|document)\b", re.I)
_QUALIFIER = re.compile(r"(?:partial|partially|partly|in part)\s+")


def relation_line(text: str, vocabulary: Vocabulary = DEFAULT) -> RelationKind | None:
    """The relation a status-section line states: a verb followed by what it names. A verb on
    its own (`Amend`, `Superseded by`) names nothing, so it is the status, not a relation."""
    found = relation_verb(text, vocabulary)
    if found is None:
        return None
    rest = strip_symbols(plain(text))[len(found[1]) :]
    return found[0] if any(char.isalnum() for char in rest) else None


def leading_verb(text: str) -> str:
    """The lower-case words before the first link in a line: `Refined by [x](y)` → `refined by`."""
    cut = text.find("[")
    if cut <= 0:
        return ""
    words = strip_symbols(plain(text[:cut])).strip(" :-–—").lower()
    return words if 0 < len(words.split()) <= 4 else ""


def is_partial(text: str) -> bool:
    """Whether a relation statement says it concerns only part of a record."""
    return bool(_PARTIAL.search(text))
