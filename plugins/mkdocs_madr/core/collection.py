"""A folder of records: reading it, numbering by category, resolving relations both ways.

Subfolders are categories with their own numbering, so ids are unique per category and the
collection-wide key is `category/id`. Checks that need more than one record (duplicate ids,
relations to missing records, one-sided supersedes, cycles) live here.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path

from .diagnostics import Code, Diagnostic, Severity, diagnostic
from .identity import id_form, identify, own_series, record_folder
from .model import KNOWN_STATUSES, Decision, Line, Relation, RelationKind
from .parse.vocabulary import DEFAULT, Vocabulary
from .text import small_number
from .walk import Links, Walk, walk

EXTENSIONS = (".md", ".markdown")
_DIGITS = re.compile(r"\d+")
_OTHER_FILE = re.compile(r"\.(?!(?:md|markdown|html?)$)[A-Za-z]\w*$", re.IGNORECASE)
RELATES_TO = RelationKind.RELATES_TO


@dataclass
class Collection:
    """Every record in a folder, with the diagnostics that concern more than one file.

    Attributes:
        root: The folder that was read.
        decisions: The records, ordered by category, number and file.
        skipped: Markdown files that are not records (README, templates, unreadable files).
        diagnostics: Problems found across records; per-file ones stay on each record.
    """

    root: Path
    decisions: list[Decision] = field(default_factory=list)
    skipped: list[Decision] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    by_key: dict[str, Decision] = field(default_factory=dict)
    links: list[tuple[Decision, Relation, Decision]] = field(default_factory=list)
    extras: dict[str, str | bytes] = field(default_factory=dict)
    """What `parallel.read_collection(after_parse=…)` returned for each record, by file."""
    sources: frozenset[str] = frozenset()
    """The names of the configured sources (`sources:`), read or not: `name:id` names a record
    of one of them."""
    _index: _Index | None = field(default=None, repr=False)
    _by_file: tuple[int, dict[str, list[Diagnostic]]] | None = field(default=None, repr=False)

    @property
    def by_file(self) -> dict[str, Decision]:
        """Records by their path relative to the folder."""
        if self._index is None:
            self._index = _Index(self.decisions)
        return self._index.files

    def find(
        self, reference: str, category: str = "", source: str | None = None
    ) -> Decision | None:
        """Look a record up as a user writes it: `5`, `0005`, `ADR-0005`, `cat/0005`, a stem,
        or any of these after a source's name (`workflows:0005`). Without a source's name, only
        the records of `source` (by default the site's own) are looked at."""
        reference = reference.strip()
        keyed = self.by_key.get(reference)
        if keyed is not None and (keyed.source == source or ":" in reference):
            return keyed
        qualified = _QUALIFIED.fullmatch(reference)
        named, _, rest = reference.partition(":")
        if qualified and named not in self.sources:
            return None  # a record of a source the site does not read
        if rest and named in self.sources:
            return (
                self.find(rest, named, named)
                if named != source
                else self.find(rest, category, source)
            )
        if "/" in reference and not reference.lower().endswith(EXTENSIONS):
            head, _, tail = reference.rpartition("/")
            inside = f"{source}/{head}" if source is not None else head
            return self.find(tail, inside, source)
        if self._index is None:
            self._index = _Index(self.decisions)
        return self._index.find(reference, category, source)

    def all_diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic, per file and across files, in file and line order."""
        found = [d for record in [*self.decisions, *self.skipped] for d in record.diagnostics]
        found += self.diagnostics
        return sorted(found, key=lambda d: (d.file, d.line or 0, d.code.value))

    def diagnostics_for(self, decision: Decision) -> list[Diagnostic]:
        """The record's own diagnostics and the cross-record ones that name its file."""
        if self._by_file is None or self._by_file[0] != len(self.diagnostics):
            grouped: dict[str, list[Diagnostic]] = {}
            for found in self.diagnostics:
                grouped.setdefault(found.file, []).append(found)
            self._by_file = (len(self.diagnostics), grouped)
        return [*decision.diagnostics, *self._by_file[1].get(decision.file, [])]


def load_collection(
    root: Path,
    *,
    statuses: Iterable[str] = KNOWN_STATUSES,
    vocabulary: Vocabulary = DEFAULT,
    links: Links | None = None,
) -> Collection:
    """Read every record under `root`, in this process, and cross-check them; never raises on
    content. A missing or unreadable `root` is the caller's to report (see `FolderError`).
    `parallel.read_collection` does the same on the other cores."""
    paths, problems = scan_folder(root, links)
    parsed = [read_record(root, path, vocabulary) for path in paths]
    return build_collection(root, parsed, problems, statuses=statuses)


def scan_folder(root: Path, links: Links | None = None) -> tuple[list[str], list[Diagnostic]]:
    """The Markdown files under `root` (relative POSIX paths, sorted), and problems met; links
    are followed as `links` allows (by default only into `root`), see `core.walk`."""
    found = read_folder(root, links)
    return found.files, found.problems


def read_folder(root: Path, links: Links | None = None) -> Walk:
    """`scan_folder`, with the links the walk refused to follow."""
    if not root.is_dir():
        raise FolderError(f"{root}: the decisions folder does not exist")
    return walk(root, links, extensions=EXTENSIONS)


def build_collection(
    root: Path,
    parsed: Iterable[Decision],
    problems: Iterable[Diagnostic] = (),
    *,
    statuses: Iterable[str] = KNOWN_STATUSES,
    sources: Iterable[str] = (),
) -> Collection:
    """Join parsed files into a collection: keys, relations both ways, cross-record checks;
    `sources` names the configured sources, whose records are among `parsed`."""
    collection = Collection(root=root, diagnostics=list(problems), sources=frozenset(sources))
    for decision in parsed:
        (collection.decisions if decision.is_record else collection.skipped).append(decision)
    _mark_translations(collection.decisions)
    _settle_ambiguous_dates(collection.decisions)
    collection.decisions.sort(key=_order)
    _assign_keys(collection)
    _resolve_relations(collection)
    _check_statuses(collection, frozenset(status.lower() for status in statuses))
    _check_supersedes(collection)
    silenced = {d.file: d.ignored for d in collection.decisions if d.ignored}
    if silenced:
        collection.diagnostics = [
            found
            for found in collection.diagnostics
            if found.code.value not in silenced.get(found.file, ())
        ]
    return collection


class FolderError(Exception):
    """The decisions folder itself cannot be read; the message names it."""


def read_record(root: Path, path: str, vocabulary: Vocabulary = DEFAULT) -> Decision:
    """Read and parse one file; an unreadable file becomes a diagnostic, not an exception."""
    try:
        data = (root / path).read_bytes()
    except OSError as error:
        return _unreadable(path, error)
    return parse_record(data, path, vocabulary)


def parse_record(data: bytes, path: str, vocabulary: Vocabulary = DEFAULT) -> Decision:
    """Parse the content of the file at `path` (relative to the folder)."""
    from .parse.record import parse_decision  # the reader: not loaded when a cache has it all

    decision = parse_decision(data, path, vocabulary)
    decision.category = record_folder(path)
    return decision


def _unreadable(path: str, error: OSError) -> Decision:
    decision = Decision(file=path, id=path, is_record=False)
    reason = error.strerror or type(error).__name__
    decision.diagnostics.append(
        diagnostic(Code.UNREADABLE_FILE, path, None, f"cannot read the file: {reason}")
    )
    return decision


def _order(decision: Decision) -> tuple[str, int, bool, str]:
    number = decision.number if decision.number is not None else 1 << 62
    return decision.category, number, decision.translation_of is not None, decision.file


def _assign_keys(collection: Collection) -> None:
    series = _series(collection.decisions)
    groups: dict[tuple[str, str], list[Decision]] = {}
    for decision in collection.decisions:
        if decision.translation_of is not None:
            continue  # `0001-x.es.md` shares its number with `0001-x.md`, and is no duplicate
        # `001-x.md` and `0001-y.md` are both ADR-1: one number, written two ways.
        same = str(decision.number) if decision.number is not None else decision.id
        groups.setdefault((decision.category, same), []).append(decision)
    for group in groups.values():
        if len(group) < 2:
            continue
        if _all_dated(group):
            for decision in group:
                decision.id = decision.slug  # log4brains: several records on one day
            continue
        attached = [d for d in group if _ATTACHMENT.match(d.slug)]
        for decision in attached:
            decision.id = decision.slug  # `ADR-048-ADDENDUM-001-x` goes with ADR-048
        kept = _by_id_form([d for d in group if d not in attached], series)
        for same_form in kept:
            if len(kept) > 1:
                for decision in same_form:
                    decision.id = _written_id(decision)  # `ADR-001` beside `001`: two keys
            _report_duplicates(collection, same_form)
    urls: dict[str, Decision] = {}
    for decision in collection.decisions:
        decision.resolved = {}
        url = posixpath.join(decision.category, decision.slug).lower()
        if url in urls:
            collection.diagnostics.append(
                diagnostic(
                    Code.DUPLICATE_URL,
                    decision.file,
                    None,
                    f"would be published at the same address as {urls[url].file}",
                )
            )
        else:
            urls[url] = decision
        collection.by_key.setdefault(decision.key, decision)


def _series(decisions: Iterable[Decision]) -> frozenset[tuple[str, str]]:
    """The (category, way of writing the id) pairs that are a series of their own: two records
    or more, from number 0 or 1 on. `001-x`, `002-y` beside `ADR-001-z`, `ADR-002-w` are two
    series; one `ADR-0002-x` among `0001`…`0003` is a number written twice."""
    numbers: dict[tuple[str, str], list[int]] = {}
    for decision in decisions:
        if decision.number is not None and decision.translation_of is None:
            form = (decision.category, id_form(decision.slug))
            numbers.setdefault(form, []).append(decision.number)
    return frozenset(form for form, found in numbers.items() if len(found) >= 2 and min(found) <= 1)


def _by_id_form(group: list[Decision], series: frozenset[tuple[str, str]]) -> list[list[Decision]]:
    """`001-x` and `ADR-001-y` in a folder that keeps both series each have a record 1, not
    one number used twice; `001-x` and `0001-y` are one number, and so is a lone `ADR-0002-x`
    beside `0002-y`."""
    forms: dict[str, list[Decision]] = {}
    for decision in group:
        forms.setdefault(id_form(decision.slug), []).append(decision)
    if len(forms) < 2 or any((group[0].category, form) not in series for form in forms):
        return [group]
    return list(forms.values())


def _written_id(decision: Decision) -> str:
    """The id as the file name writes it, letters included: `ADR-001` of `ADR-001-x`."""
    found = re.match(r"(?:[A-Za-z]+[-_ ]?)*?#?\d+", decision.slug)
    return found[0] if found else decision.id


def _report_duplicates(collection: Collection, group: list[Decision]) -> None:
    if len(group) < 2:
        return
    spelled = "id" if len({d.id for d in group}) == 1 else "number"
    for decision in group:
        others = ", ".join(d.file for d in group if d is not decision)
        collection.diagnostics.append(
            diagnostic(
                Code.DUPLICATE_ID,
                decision.file,
                decision.lines.get(Line.TITLE),
                f"{spelled} {decision.id if spelled == 'id' else decision.number} is also "
                f"used by {others}",
            )
        )


_TRANSLATED = re.compile(r"(.+)\.([a-z]{2}(?:[-_][A-Za-z]{2,4})?)")


def _mark_translations(decisions: list[Decision]) -> None:
    """`0001-x.es.md` beside `0001-x.md` is its Spanish version: id `0001.es`."""
    by_slug = {(d.category, d.slug): d for d in decisions}
    for decision in decisions:
        named = _TRANSLATED.fullmatch(decision.slug)
        original = by_slug.get((decision.category, named[1])) if named else None
        if named is not None and original is not None and original is not decision:
            decision.translation_of = original.id
            decision.id = f"{original.id}.{named[2]}"


def _settle_ambiguous_dates(decisions: list[Decision]) -> None:
    """`10/06/2023` in a folder whose other records write `02/17/2023` is read month first, and
    is no longer ambiguous; where the folder shows no one order, day first and flagged. Run on
    every build over the same parsed records, so it sets both outcomes, not just one."""
    orders: dict[tuple[str | None, str], set[str]] = {}
    for decision in decisions:
        if decision.date_order is not None:
            folder = (decision.source, decision.category)
            orders.setdefault(folder, set()).add(decision.date_order)
    for decision in decisions:
        if decision.ambiguous_date is None:
            continue
        written, day_first, month_first = decision.ambiguous_date
        shown = orders.get((decision.source, decision.category), set())
        settled = len(shown) == 1
        decision.date = month_first if shown == {"month-first"} else day_first
        decision.diagnostics = [
            found for found in decision.diagnostics if found.code is not Code.AMBIGUOUS_DATE
        ]
        if not settled and Code.AMBIGUOUS_DATE.value not in decision.ignored:
            line = decision.lines.get(Line.DATE)
            message = f"'{written}' was read as {day_first}"
            decision.diagnostics.append(
                diagnostic(Code.AMBIGUOUS_DATE, decision.file, line, message)
            )


_ATTACHMENT = re.compile(
    r"^(?:[a-z]+[-_])*?\d+[-_](?:addendum|appendix|exception|annex|supplement|erratum)\b",
    re.IGNORECASE,
)
"""`ADR-048-ADDENDUM-001-x`, `ADR-028-EXCEPTION-001-x`: a document attached to a record, named
by its number; no second record with that number."""


def _all_dated(group: list[Decision]) -> bool:
    return all(identify(d.file).date_named for d in group)


class _Index:
    """Lookups by file, file name, stem and number, built once per collection."""

    def __init__(self, decisions: Sequence[Decision]) -> None:
        self.files: dict[str, Decision] = {}
        self.names: dict[str, list[Decision]] = {}
        self.stems: dict[str, list[Decision]] = {}
        self.numbers: dict[int, list[Decision]] = {}
        self.stems_by_words: dict[str, list[Decision]] = {}
        self.series: dict[tuple[str, int], list[Decision]] = {}
        """Records named by an id of another series than ADR (`DD-GATEWAY-007-x`)."""
        self.forms = _series(decisions)
        """The ways of writing ids that are series of their own, per category."""
        for decision in decisions:
            series = own_series(decision.slug)
            if series is not None:
                self.series.setdefault(series, []).append(decision)
            words = _after_number(decision.slug)
            if words:
                self.stems_by_words.setdefault(words, []).append(decision)
            self.files[decision.file] = decision
            self.names.setdefault(decision.file.rsplit("/", 1)[-1], []).append(decision)
            self.stems.setdefault(decision.slug, []).append(decision)
            if decision.slug.endswith(".html"):  # `ADR016-x.html.md`, linked as `../ADR016-x`
                self.stems.setdefault(decision.slug[:-5], []).append(decision)
            if decision.number is not None and decision.translation_of is None:
                self.numbers.setdefault(decision.number, []).append(decision)

    def find(self, reference: str, category: str, source: str | None = None) -> Decision | None:
        name = reference.rsplit("/", 1)[-1]
        stem = name.rsplit(".", 1)[0] if name.lower().endswith(EXTENSIONS) else name
        if stem in self.stems:
            return _prefer(_of(self.stems[stem], source), category)
        series = own_series(reference) if self.series else None
        if series is not None:
            # `DD-GATEWAY-007` in a folder that keeps such series beside its records: the file
            # named so (`DD-GATEWAY-007-fallback.md`) or none, never record 7. Where every
            # record is numbered alone, `DEC-12` is record 12.
            found = self.series.get(series, [])
            return _prefer(_of(found, source), category) if found else None
        if _OTHER_FILE.search(name):
            return None  # `.cursor/rules/03-testing.mdc`: a file of another kind, not record 3
        digits = _DIGITS.findall(reference)
        number = small_number(digits[0]) if len(digits) == 1 else None
        if number is None or number not in self.numbers:
            return None
        found = _of(self.numbers[number], source)
        local = [d for d in found if d.category == category]
        return _prefer(_narrow(local or found, reference, self.forms), category)

    def resolve(self, decision: Decision, target: str, collection: Collection) -> Decision | None:
        target = target.strip().strip("<>").removeprefix("mdc:")  # Cursor's link to a file
        path = target.split("#", 1)[0].split("?", 1)[0].rstrip("/")
        if path.lower().endswith(EXTENSIONS) or path.startswith(("./", "../")):
            # Relative to the file: a record kept as a folder links from inside its folder.
            here = posixpath.dirname(decision.file)
            joined = posixpath.normpath(posixpath.join(here, path))
            for candidate in (joined, f"{joined}.md", f"{joined}/README.md", f"{joined}/index.md"):
                if candidate in self.files:
                    return self.files[candidate]
            name = path.rsplit("/", 1)[-1]
            named = self.names.get(name) or self.stems.get(name.rsplit(".", 1)[0])
            return _prefer(_of(named, decision.source), decision.category) if named else None
        return collection.find(target, decision.category, decision.source)

    def by_number(self, decision: Decision, target: str, folder_name: str) -> Decision | None:
        """The one record of the source's folder with the number a broken file link names."""
        path = target.split("#", 1)[0].rstrip("/")
        name = path.rsplit("/", 1)[-1]
        if not name or not (path.lower().endswith(EXTENSIONS) or "/" in path):
            return None
        if not _in_own_folder(path, decision, folder_name):
            return None
        folder = posixpath.dirname(posixpath.normpath(posixpath.join(decision.category, path)))
        if folder != decision.category and not path.startswith("/"):
            return None  # `../rfc/0012-x.md`: another series of documents
        identity = identify(name)
        # `0034-provide-dlq.md` renumbered to `0045-provide-dlq.md`: the name after the number
        # is the record's; a number alone may be another record's since.
        words = _after_number(identity.slug)
        if words:
            renamed = [
                d
                for d in self.stems_by_words.get(words, [])
                if d.category == decision.category and d is not decision
            ]
            if len(renamed) == 1:
                return renamed[0]
        if identity.number is None:
            return None
        found = [
            d for d in self.numbers.get(identity.number, []) if d.category == decision.category
        ]
        found = _narrow(found, name, self.forms)
        return found[0] if len(found) == 1 else None


def _what_matches(link: str, target: Decision) -> str:
    name = identify(link.split("#")[0].rstrip("/").rsplit("/", 1)[-1]).slug
    return "name" if _after_number(name) == _after_number(target.slug) else "number"


def _after_number(slug: str) -> str:
    """`0045-provide-dlq-where-missing` → `providedlqwheremissing`: the name after the number,
    in lower case and without separators, which slug generators place differently
    (`auth0s-requirement` and `auth0-s-requirement` for one title)."""
    words = re.sub(r"^(?:[a-z]+[-_])*?\d+[-_. ]*", "", slug.lower(), count=1)
    return re.sub(r"[\W_]+", "", words)


def _of(found: list[Decision], source: str | None) -> list[Decision]:
    """The records of one source (None: the site's own) among `found`."""
    return [d for d in found if d.source == source]


def _narrow(
    found: list[Decision], reference: str, series: frozenset[tuple[str, str]]
) -> list[Decision]:
    """Of several records with a reference's number (of one category, where it has any), the
    one it means if only one fits: not a document attached to a record (`ADR-048-ADDENDUM-001-x`
    beside `ADR-048-x`), and of a folder's two series the one the reference writes its id like
    (`ADR-002` beside `002-x` and `ADR-002-y`)."""
    if len(found) < 2:
        return found
    records = [d for d in found if not _ATTACHMENT.match(d.slug)] or found
    forms = {(d.category, id_form(d.slug)) for d in records}
    if len(forms) < 2 or not forms <= series:
        return records
    form = id_form(reference)
    alike = [d for d in records if id_form(d.slug) == form]
    return alike or records


def _prefer(found: list[Decision], category: str) -> Decision | None:
    local = [d for d in found if d.category == category]
    if len(local) == 1:
        return local[0]
    return found[0] if len(found) == 1 else None


def _resolve_relations(collection: Collection) -> None:
    index = _Index(collection.decisions)
    collection._index = index
    seen: set[tuple[str, RelationKind, str]] = set()
    largest = max(index.numbers, default=0)
    for decision in collection.decisions:
        strong = {
            relation.target for relation in decision.relations if relation.kind is not RELATES_TO
        }
        for relation in decision.relations:
            target = index.resolve(decision, relation.target, collection)
            if target is None and not relation.stated:
                # A link in prose to a renamed file: by its name, or by its number where the
                # link's text names that number too (`[ADR-103 Fees](adr-103-fees-gas.md)`).
                renamed = index.by_number(decision, relation.target, collection.root.name)
                if renamed is not None and (
                    relation.label == "numbered link"
                    or _what_matches(relation.target, renamed) == "name"
                ):
                    target = renamed
            if target is None and relation.stated:
                target = index.by_number(decision, relation.target, collection.root.name)
                if target is not None and relation.target.split("#")[0].lower().endswith(
                    EXTENSIONS
                ):
                    # a broken link to a file that carries its number
                    collection.diagnostics.append(
                        diagnostic(
                            Code.UNRESOLVED_RELATION,
                            decision.file,
                            relation.line,
                            f"{relation.kind.value} '{relation.target}': no such file; read as "
                            f"{target.file}, which has its "
                            f"{_what_matches(relation.target, target)}",
                        )
                    )
            if target is None:
                qualified = _QUALIFIED.fullmatch(relation.target.strip())
                if relation.stated and qualified and qualified[1] not in collection.sources:
                    collection.diagnostics.append(_unknown_source(decision, relation, collection))
                    continue
                if relation.stated and (
                    qualified
                    or _names_a_record(relation.target, collection.root, decision, largest)
                ):
                    shared = _sharing_the_number(relation.target, decision, index)
                    why = (
                        f"{len(shared)} records have that number ({', '.join(shared)})"
                        if len(shared) > 1
                        else "no such record"
                    )
                    found = diagnostic(
                        Code.UNRESOLVED_RELATION,
                        decision.file,
                        relation.line,
                        f"{relation.kind.value} '{relation.target}': {why}",
                    )
                    # The number used twice is an error of its own (`duplicate-id`), once.
                    quiet = len(shared) > 1
                    collection.diagnostics.append(
                        replace(found, severity=Severity.INFO) if quiet else found
                    )
                continue
            if _one_record(decision, target) or (decision.key, relation.kind, target.key) in seen:
                continue
            if relation.kind is RELATES_TO and (
                relation.target in strong or _related_otherwise(decision, target)
            ):
                continue  # a mention of a record this one supersedes or amends says nothing more
            seen.add((decision.key, relation.kind, target.key))
            collection.links.append((decision, relation, target))
            _add(decision, relation.kind, target.key)
            _add(target, relation.kind.inverse, decision.key)
            if relation.partial:
                decision.partly.append((relation.kind, target.key))
                target.partly.append((relation.kind.inverse, decision.key))


def _one_record(decision: Decision, target: Decision) -> bool:
    """The record itself, or the same record in another language (`0001-x.fr.md` linking to
    `0001-x.md`, its English version)."""
    if target is decision:
        return True
    if decision.category != target.category or decision.source != target.source:
        return False
    if decision.translation_of is None and target.translation_of is None:
        return False  # two records, even with one number (`duplicate-id` says so)
    return (target.translation_of or target.id) == (decision.translation_of or decision.id)


def _sharing_the_number(target: str, decision: Decision, index: _Index) -> list[str]:
    """The files of the record's source that share the number `ADR-0014` names."""
    if "/" in target or target.lower().endswith(EXTENSIONS):
        return []
    digits = _DIGITS.findall(target)
    number = small_number(digits[0]) if len(digits) == 1 else None
    found = index.numbers.get(number, []) if number is not None else []
    return [d.file for d in _of(found, decision.source)]


_QUALIFIED = re.compile(
    r"(?!(?i:https?|mailto|ftp|file|data|javascript|adr|add|dr|rfc|mdc):)([A-Za-z0-9][\w.-]*):(\S+)"
)
"""`workflows:0005`: a record of a source, by the source's name (`ADR:5` is still an id, and a
URL is a link)."""


def _unknown_source(decision: Decision, relation: Relation, collection: Collection) -> Diagnostic:
    name = relation.target.strip().partition(":")[0]
    known = ", ".join(sorted(collection.sources)) or "none is configured"
    return diagnostic(
        Code.UNKNOWN_SOURCE,
        decision.file,
        relation.line,
        f"{relation.kind.value} '{relation.target}': no source named '{name}' (sources: {known})",
    )


def _related_otherwise(decision: Decision, target: Decision) -> bool:
    return any(
        target.key in keys for kind, keys in decision.resolved.items() if kind is not RELATES_TO
    )


def _in_own_folder(path: str, decision: Decision, folder_name: str) -> bool:
    """A site-absolute link (`/adr/0004-x.md`) is to the record's own folder only when it
    names that folder: `/ko/adr/04-x.md` from `ko/adr/web/` is another series."""
    if not path.startswith("/") or "/" not in path[1:]:
        return True
    parent = posixpath.basename(posixpath.dirname(path))
    return parent == (posixpath.basename(decision.category) or folder_name)


def _names_a_record(target: str, root: Path, decision: Decision, largest: int) -> bool:
    """Whether an unresolved relation target is meant as a record, so that not finding it is a
    problem: an id (`ADR-0005`, `5`, `platform/0001`) or a file in the decisions folder named
    like a record. A guide, a README or a page outside the folder is just a link."""
    path = target.split("#", 1)[0].strip().strip("<>")
    if not path or path.startswith(("http://", "https://", "mailto:")):
        return False
    if not path.lower().endswith(EXTENSIONS):
        named = re.fullmatch(r"(?:[\w-]+/)*((?:ADR|ADD|DR|RFC)[-_ #]?)?(\d+)", path, re.I)
        if named is not None and (named[1] or "").lower().startswith("rfc"):
            # `RFC 7807` beside records numbered up to 70 is the IETF's, not one of them.
            return int(named[2]) <= largest
        return named is not None
    joined = posixpath.normpath(posixpath.join(decision.category, path))
    if joined.startswith("../") or joined == ".." or not _in_own_folder(path, decision, root.name):
        return False  # outside the decisions folder
    if (root / joined).exists():
        return False  # a page of the folder that is not a record (README, template)
    return identify(joined).from_name


def _add(decision: Decision, kind: RelationKind, key: str) -> None:
    keys = decision.resolved.setdefault(kind, [])
    if key not in keys:
        keys.append(key)


def _check_statuses(collection: Collection, vocabulary: frozenset[str]) -> None:
    """A status outside the vocabulary is a warning when it looks like a misspelt keyword
    (`acepted`); any other word (`approved`, `implemented`, `ADR index`) only informs, since it
    is written on purpose. A record without a status is a warning only where most records of
    its folder state one: some templates have no status at all."""
    known = ", ".join(sorted(vocabulary))
    # A word several records use is the team's vocabulary, written on purpose.
    words = Counter(decision.status for decision in collection.decisions if decision.status)
    stating: dict[str, list[int]] = {}
    for decision in collection.decisions:
        counts = stating.setdefault(decision.category, [0, 0])
        counts[0] += decision.status is not None
        counts[1] += 1
        if decision.status is None or decision.status in vocabulary:
            continue
        message = f"status '{decision.status}' is not one of: {known}"
        line = decision.lines.get(Line.STATUS)
        meant = get_close_matches(decision.status, sorted(vocabulary), n=1, cutoff=0.8)
        if meant and decision.lifecycle not in vocabulary and words[decision.status] < 2:
            message += f" (did you mean '{meant[0]}'?)"
            collection.diagnostics.append(
                diagnostic(Code.UNKNOWN_STATUS, decision.file, line, message)
            )
            continue
        if decision.lifecycle in vocabulary:
            message += f"; it is read as {decision.lifecycle}"
        elif words[decision.status] >= 2:
            message += "; several records use it"
        message += " (add it to `statuses` to give it a colour of its own)"
        found = diagnostic(Code.UNKNOWN_STATUS, decision.file, line, message)
        collection.diagnostics.append(replace(found, severity=Severity.INFO))
    for decision in collection.decisions:
        with_status, total = stating[decision.category]
        if with_status * 2 >= total:
            continue
        decision.diagnostics[:] = [
            replace(
                found, severity=Severity.INFO, message=f"{found.message} (as in most records here)"
            )
            if found.code is Code.MISSING_STATUS and found.severity is not Severity.INFO
            else found
            for found in decision.diagnostics
        ]


def _check_supersedes(collection: Collection) -> None:
    stated = {
        (source.key, relation.kind, target.key) for source, relation, target in collection.links
    }
    for source, relation, target in collection.links:
        if relation.partial:
            continue  # a part of the other record: it stays in force
        if (
            relation.kind is RelationKind.SUPERSEDES
            and target.status != "superseded"
            and target.lifecycle not in ("superseded", "deprecated", "rejected")
            # `Anulado`, then `replaced by [ADR 5]`: a team's word, and the successor named
            and not (
                target.lifecycle not in ("accepted", "proposed", "draft")
                and (target.key, RelationKind.SUPERSEDED_BY, source.key) in stated
            )
        ):
            state = target.status or "without a status"
            _one_sided(
                collection,
                source,
                relation,
                f"{source.key} supersedes {target.key}, but {target.key} is still {state}",
            )
        elif relation.kind is RelationKind.SUPERSEDED_BY and (
            (target.key, RelationKind.SUPERSEDES, source.key) not in stated
        ):
            _one_sided(
                collection,
                source,
                relation,
                f"{source.key} is superseded by "
                f"{target.key}, but {target.key} does not say it supersedes {source.key}",
            )
    for decision in collection.decisions:
        named = any(r.kind is RelationKind.SUPERSEDED_BY for r in decision.relations)
        if (
            decision.status == "superseded"
            and not named
            and not decision.related(RelationKind.SUPERSEDED_BY)
        ):
            # A successor that is named but not found is `unresolved-relation`'s to report.
            collection.diagnostics.append(
                diagnostic(
                    Code.MISSING_SUCCESSOR,
                    decision.file,
                    decision.lines.get(Line.STATUS),
                    "the status is superseded, but no record says which one supersedes it",
                )
            )
    _check_cycles(collection)


def _one_sided(collection: Collection, source: Decision, relation: Relation, message: str) -> None:
    collection.diagnostics.append(
        diagnostic(Code.ONE_SIDED_SUPERSEDE, source.file, relation.line, message)
    )


def _check_cycles(collection: Collection) -> None:
    successors = {
        decision.key: decision.related(RelationKind.SUPERSEDED_BY)
        for decision in collection.decisions
    }
    state: dict[str, int] = {}
    reported: set[frozenset[str]] = set()
    for start in successors:
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(successors[start]))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            if state.get(child) == 1:
                cycle = path[path.index(child) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    first = collection.by_key[cycle[0]]
                    collection.diagnostics.append(
                        diagnostic(
                            Code.SUPERSEDE_CYCLE,
                            first.file,
                            first.lines.get(Line.STATUS),
                            "supersede cycle: " + " → ".join([*cycle, cycle[0]]),
                        )
                    )
            elif not state.get(child) and child in successors:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(successors[child])))
