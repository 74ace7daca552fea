"""Property-based tests (Hypothesis) for the reader, the collection and `adr new`'s templates.

What must hold for any input:

1. `parse_decision` never raises on arbitrary text or bytes, and the `Decision` it returns has
   well-typed fields (see `check_decision`).
2. The same holds for valid records (every fixture under `fixtures/records/` and every `adr new`
   template) after random edits: lines deleted, duplicated, swapped or re-indented, random
   text, comments, placeholders and emoji inserted, BOM, CRLF, truncation at any byte, and front
   matter with random YAML (nested mappings, anchors and aliases, odd numbers and dates, and
   `!!python/...` tags, which must never construct anything).
3. `load_collection` on a random folder of records with random relations never raises; every
   resolved relation names an existing record, relations are two-way, and supersede cycles are
   reported (checked against an independent cycle search).
4. A record rendered by `adr new`'s templates parses back to the title, status, deciders, tags
   and c4 aliases it was given, and rendering a parsed record again is stable.

Each property runs `MADR_FUZZ_EXAMPLES` examples (default 150); `make fuzz` runs 100,000.
Inputs that are known to fail are kept out of the main properties and pinned by the
`xfail(strict=True)` tests at the end, so fixing the bug turns them into a visible XPASS.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, currently_in_test_context, event, given, settings
from hypothesis import strategies as st
from mkdocs_madr.cli.errors import CliError
from mkdocs_madr.cli.numbering import file_name, file_slug
from mkdocs_madr.cli.record_templates import BUILTIN, find_template, render
from mkdocs_madr.cli.values import clean_status, clean_title, split_values
from mkdocs_madr.core.collection import Collection, load_collection
from mkdocs_madr.core.diagnostics import Code, Diagnostic, Severity
from mkdocs_madr.core.export import collection_to_dict, record_fields
from mkdocs_madr.core.model import (
    Consequences,
    Decision,
    Dialect,
    KeptSection,
    Link,
    Option,
    Relation,
    RelationKind,
)
from mkdocs_madr.core.parse.record import parse_decision
from mkdocs_madr.core.parse.status import read_status
from mkdocs_madr.core.parse.titles import TITLE_NUMBER
from mkdocs_madr.core.text import is_placeholder, plain
from mkdocs_madr.edits.markdown_text import inline, one_line

EXAMPLES = int(os.environ.get("MADR_FUZZ_EXAMPLES", "150"))
KNOWN = os.environ.get("MADR_FUZZ_KNOWN") == "1"
"""`MADR_FUZZ_KNOWN=1` also feeds the known-failing inputs (the xfail cases) to the properties,
to check a fix more widely than the pinned examples do."""
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    # The bounded default run (CI) is the same every time; a run with MADR_FUZZ_EXAMPLES set
    # (`make fuzz`) explores new inputs.
    derandomize="MADR_FUZZ_EXAMPLES" not in os.environ,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

RECORDS = Path(__file__).parent / "fixtures" / "records"
FIXTURES: list[tuple[str, bytes]] = sorted(
    (path.name, path.read_bytes())
    for path in RECORDS.glob("*/*")
    if path.suffix in (".md", ".markdown")
)
TODAY = dt.date(2024, 5, 17).isoformat()
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SAFE_YAML_TYPES = (str, int, float, bool, type(None), dt.date, dt.datetime, bytes)


# --- invariants ------------------------------------------------------------------------------


class Canary:
    """Constructed only if some loader honours `!!python/object` tags (it must not)."""

    made = 0

    def __new__(cls, *args: object, **kwargs: object) -> Canary:
        Canary.made += 1
        return super().__new__(cls)


def canary_called(*args: object, **kwargs: object) -> None:
    Canary.made += 1


CANARY = f"{__name__}.Canary"
CANARY_CALL = f"{__name__}.canary_called"


def line_count(data: bytes | str) -> int:
    """Lines as the parser counts them: after CRLF and CR become LF."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(entry, str) for entry in value)


def check_line(line: object, lines: int, *, zero: bool = False) -> None:
    assert line is None or (type(line) is int and (0 if zero else 1) <= line <= lines + 1), (
        line,
        lines,
    )


def check_yaml_value(value: object) -> None:
    """Only plain YAML data (no constructed objects) anywhere in the front matter."""
    seen: set[int] = set()
    pending = [value]
    while pending:  # iterative: aliases make structures deep or recursive
        value = pending.pop()
        if isinstance(value, (dict, list, set, tuple)):  # tuples: `!!pairs`
            if id(value) in seen:
                continue
            seen.add(id(value))
            pending.extend([*value.keys(), *value.values()] if isinstance(value, dict) else value)
        else:
            assert isinstance(value, SAFE_YAML_TYPES), f"front matter built a {type(value)!r}"


def check_decision(decision: Decision, file: str, lines: int) -> None:
    """The type invariants of a parsed record."""
    assert isinstance(decision, Decision)
    assert decision.file == file
    assert isinstance(decision.id, str)
    assert decision.number is None or type(decision.number) is int
    assert isinstance(decision.slug, str)
    assert isinstance(decision.category, str)
    assert isinstance(decision.dialect, Dialect)
    assert isinstance(decision.is_record, bool)
    assert decision.title is None or (isinstance(decision.title, str) and decision.title)
    if decision.status is not None:
        assert isinstance(decision.status, str)
        assert decision.status, "status is empty instead of None"
        assert decision.status == decision.status.lower(), decision.status
    assert decision.status_text is None or isinstance(decision.status_text, str)
    if decision.date is not None:
        assert isinstance(decision.date, str)
        assert ISO_DATE.fullmatch(decision.date), decision.date
        assert dt.date.fromisoformat(decision.date).isoformat() == decision.date
    for name in ("deciders", "consulted", "informed", "tags", "c4", "drivers"):
        assert is_str_list(getattr(decision, name)), (name, getattr(decision, name))
    for name in ("technical_story", "context", "chosen", "justification", "confirmation"):
        value = getattr(decision, name)
        assert value is None or isinstance(value, str), (name, value)
    assert isinstance(decision.options, list)
    for option in decision.options:
        assert isinstance(option, Option)
        assert isinstance(option.title, str)
        assert isinstance(option.description, str)
        assert is_str_list(option.good)
        assert is_str_list(option.neutral)
        assert is_str_list(option.bad)
        assert isinstance(option.chosen, bool)
        check_line(option.line, lines)
    # Several may be chosen (`Chosen option: "A" and "B"`, "All considered options"), and
    # then the record names a choice.
    assert sum(option.chosen for option in decision.options) <= 1 or decision.chosen
    assert decision.chosen_options == [option for option in decision.options if option.chosen]
    assert isinstance(decision.consequences, Consequences)
    for name in ("good", "neutral", "bad"):
        assert is_str_list(getattr(decision.consequences, name))
    for link in decision.links:
        assert isinstance(link, Link)
        assert isinstance(link.text, str)
        assert isinstance(link.href, str)
        assert isinstance(link.verb, str)
        check_line(link.line, lines)
    for relation in decision.relations:
        assert isinstance(relation, Relation)
        assert isinstance(relation.kind, RelationKind)
        assert isinstance(relation.target, str)
        assert isinstance(relation.label, str)
        check_line(relation.line, lines)
    for section in decision.sections:
        assert isinstance(section, KeptSection)
        assert isinstance(section.title, str)
        assert isinstance(section.markdown, str)
        assert type(section.level) is int
        assert type(section.line) is int
        check_line(section.line, lines)
    assert isinstance(decision.lines, dict)
    for name, line in decision.lines.items():
        assert isinstance(name, str)
        check_line(line, lines, zero=True)
    assert isinstance(decision.front_matter, dict)
    assert all(isinstance(key, str) for key in decision.front_matter)
    check_yaml_value(decision.front_matter)
    for found in decision.diagnostics:
        assert isinstance(found, Diagnostic)
        assert isinstance(found.code, Code)
        assert isinstance(found.severity, Severity)
        assert found.file == file
        assert isinstance(found.message, str)
        assert found.message
        check_line(found.line, lines)
    json.dumps(record_fields(decision), ensure_ascii=False)
    assert Canary.made == 0, "a !!python tag constructed an object"


def parse_checked(data: bytes | str, file: str) -> Decision:
    decision = parse_decision(data, file)
    check_decision(decision, file, line_count(data))
    if currently_in_test_context():  # `--hypothesis-show-statistics` shows what was reached
        for code in sorted({found.code.value for found in decision.diagnostics}):
            event(f"diagnostic {code}")
        event(f"dialect {decision.dialect.value}")
    return decision


# --- strategies: file names and Markdown-ish text ---------------------------------------------

NAME_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="/\\\x00"
)
file_names = st.one_of(
    st.sampled_from(
        [
            "0001-use-x.md",
            "0042-choose-a-db.md",
            "20240115-use-x.md",
            "2024-01-15-use-x.md",
            "ADR-0005-pick.md",
            "adr_7.md",
            "use-envoy.md",
            "README.md",
            "template.md",
            "adr-template.md",
            "0003-new-template-engine.md",
            "x.markdown",
            "docs/adr/0009-sub.md",
            "a\\b\\0010-win.md",
            ".md",
        ]
    ),
    st.text(NAME_CHARS, min_size=1, max_size=30).map(lambda stem: stem + ".md"),
    st.integers(0, 10**30).map(lambda number: f"{number}-fuzzed.md"),
)

MARKDOWN_TOKENS = [
    "# ",
    "## ",
    "### ",
    "#### ",
    "---",
    "***",
    "===",
    "```",
    "~~~",
    "    ",
    "\t",
    "* ",
    "- ",
    "1. ",
    "> ",
    "| a | b |",
    "|---|---|",
    "<!--",
    "-->",
    "<!-- optional -->",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "](0002-x.md)",
    "[ADR-0002](0002-x.md)",
    "**",
    "__",
    "`",
    "\\",
    "&amp;",
    "&#",
    "<b>",
    "http://x.y/",
    "Status:",
    "Status: accepted",
    "* Status: superseded by [ADR-0005](0005-x.md)",
    "- Status: draft",
    "Date:",
    "Date: 2024-01-15",
    "Date: 31/02/2024",
    "Deciders:",
    "Tags: #a #b",
    "C4:",
    "Technical Story:",
    "User Story:",
    "Supersedes",
    "Superseded by",
    "Supercedes [3. Old](0003-old.md)",
    "Amended by",
    "Amends",
    "Context and Problem Statement",
    "Decision Drivers",
    "Considered Options",
    "Decision Outcome",
    "Consequences",
    "Positive Consequences",
    "Negative consequences:",
    "Confirmation",
    "Validation",
    "Pros and Cons of the Options",
    "More Information",
    "Links",
    "Chosen option:",
    'Chosen option: "',
    '", because',
    "because",
    "Good, because",
    "Neutral, because",
    "Bad, because",
    "Pro:",
    "Con:",
    "accepted",
    "proposed",
    "rejected",
    "deprecated",
    "superseded",
    "draft",
    "12. ",
    "ADR-7: ",
    "[Superseded]",
    "✅",
    "🚀",
    "\ufeff",
    "\u200b",
    "\u2028",
    "\x00",
    "\r",
    "\r\n",
    "title:",
    "status:",
    "date:",
    "decision-makers:",
    "deciders:",
    "id:",
    "number:",
]
markdown_text = st.lists(
    st.one_of(
        st.sampled_from(MARKDOWN_TOKENS),
        st.text(max_size=12),
        st.sampled_from([" ", "\n", "\n\n"]),
    ),
    max_size=60,
).map("".join)


# --- property 1: anything at all --------------------------------------------------------------


@FUZZ
@given(text=st.text(), name=file_names)
def test_any_text_parses(text: str, name: str) -> None:
    parse_checked(text, name)


@FUZZ
@given(data=st.binary(), name=file_names)
def test_any_bytes_parse(data: bytes, name: str) -> None:
    parse_checked(data, name)


@FUZZ
@given(text=markdown_text, name=file_names)
def test_markdown_soup_parses_the_same_from_text_and_bytes(text: str, name: str) -> None:
    from_text = parse_checked(text, name)
    from_bytes = parse_checked(text.encode("utf-8"), name)
    assert record_fields(from_text) == record_fields(from_bytes)
    assert from_text.diagnostics == from_bytes.diagnostics
    assert record_fields(parse_decision(text, name)) == record_fields(from_text)  # deterministic


def test_the_canary_is_built_by_an_unsafe_loader() -> None:
    """The `!!python` values fed to the parser name real objects, so a loader that honoured
    them would trip `check_decision`'s `Canary.made == 0`."""
    import yaml

    tags = [value for value in YAML_SCALARS if value.startswith("!!python/object")]
    try:
        for value in tags:
            yaml.unsafe_load(f"key: {value}")
        assert Canary.made == len(tags)
    finally:
        Canary.made = 0


# --- property 2: valid records, mutated -------------------------------------------------------

SAMPLE_VALUES: dict[str, Any] = {
    "title": "Use Postgres 16 for orders",
    "status": "accepted",
    "deciders": ["Ana Lima", "Ben Okafor"],
    "tags": ["database", "orders"],
    "c4": ["orderDb", "api"],
    "id": "0007",
    "number": 7,
    "date": TODAY,
    "file": "0007-use-postgres-16-for-orders.md",
    "slug": "use-postgres-16-for-orders",
}


def rendered_templates() -> list[tuple[str, bytes]]:
    return [
        (
            SAMPLE_VALUES["file"],
            render(find_template(name, None), SAMPLE_VALUES).encode("utf-8"),
        )
        for name in BUILTIN
    ]


SOURCES = FIXTURES + rendered_templates()

# Scalars that any YAML loader reads without trouble (or rejects with a YAMLError).
YAML_SCALARS = [
    "accepted",
    '"accepted"',
    "'superseded by ADR-0005'",
    "superseded by [ADR-0005](0005-x.md)",
    '"{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123"',
    "{proposed | rejected | accepted}",
    "{list everyone involved in the decision}",
    "[proposed | accepted]",
    "",
    "~",
    "null",
    "yes",
    "no",
    "on",
    "off",
    "true",
    "2024-01-15",
    "2024-01-15T10:20:30Z",
    "2024-01-15 10:20:30.5 +02:00",
    "2024-1-5",
    '"2024-02-30"',
    "15/01/2024",
    "01/02/2024",
    "January 15, 2024",
    "2024-01",
    "2024",
    "20240115",
    "99999999",
    "0",
    "-1",
    "007",
    "0x1F",
    "0o17",
    "0b101",
    "190:20:30",
    "1_000_000",
    "12345678901234567890123456789",
    "1e309",
    "-1e309",
    ".nan",
    ".inf",
    "-.inf",
    "3.14",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "!!str 5",
    '!!int "7"',
    "!!float 1",
    "!!null ''",
    "!!timestamp 2024-01-15",
    "!!omap [{a: 1}, {b: 2}]",
    "!!pairs [{a: 1}]",
    "!custom value",
    "!<tag:yaml.org,2002:str> tagged",
    f"!!python/object:{CANARY} {{a: 1}}",
    f"!!python/object/new:{CANARY} []",
    f"!!python/object/apply:{CANARY_CALL} []",
    f"!!python/name:{CANARY_CALL} ''",
    "!!python/module:os ''",
    "!!python/tuple [1, 2]",
    "*undefined",
    "[a, b, [c, {d: e}]]",
    "{a: 1, b: [2, 3]}",
    "[]",
    "{}",
    '"\\u00e9\\ud83d\\ude00"',
    '"\\x00\\t\\n"',
    "'it''s'",
    "|\n  block\n  text",
    ">-\n  folded\n  text",
    "- a\n- b",
    "@reserved",
    "`tick",
    "%percent",
    "a: b: c",
    "'unclosed",
    '"unclosed',
    "[unclosed",
    "{unclosed",
    "&",
    "*",
    "? complex\n: key",
]
# Values PyYAML itself fails on with ValueError or RecursionError rather than a YAMLError
# (crashes before c2064ee, now reported as invalid front matter or an invalid date).
YAML_SCALARS += [
    "2024-02-30",
    "0000-01-01",
    "2024-13-01",
    "2024-01-15T25:00:00",
    "[2024-02-30]",
    "!!timestamp soon",
    "1" * 4301,
    "[" * 1000 + "]" * 1000,
    "0x" + "f" * 3600,  # loads, but str() of it would raise (more than 4300 decimal digits)
    "0" + "7" * 4800,  # the same in YAML 1.1 octal
    "0b" + "1" * 15000,
]
YAML_KEYS = [
    "status",
    "Status",
    "date",
    "deciders",
    "decision-makers",
    "decision_makers",
    "consulted",
    "informed",
    "tags",
    "c4",
    "id",
    "number",
    "title",
    "supersedes",
    "superseded_by",
    "superseded-by",
    "amends",
    "amended-by",
    "relates-to",
    "ticket",
    "technical_story",
    "date_created",
    "parent",
    "nav_order",
    "<<",
    "? [complex]",
    "1",
    "2024-01-15",
    "true",
    "null",
    '"quoted key"',
]
yaml_keys = st.one_of(
    st.sampled_from(YAML_KEYS),
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_ .-]{0,12}", fullmatch=True),
)
yaml_scalar = st.one_of(
    st.sampled_from(YAML_SCALARS),
    st.text(max_size=20).map(lambda text: json.dumps(text)),
    st.text(max_size=20).map(lambda text: json.dumps(text, ensure_ascii=False)),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=20),
    st.integers(-(10**40), 10**40).map(str),
    st.floats().map(repr),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
)


def indent(text: str, width: int) -> str:
    return "\n".join(" " * width + line if line else line for line in text.split("\n"))


@st.composite
def yaml_block(draw: st.DrawFn, depth: int = 0) -> str:
    """A YAML mapping as text: scalars, nested mappings and lists, anchors and aliases."""
    entries: list[str] = []
    anchors: list[str] = []
    for _ in range(draw(st.integers(0 if depth else 1, 6))):
        key = draw(yaml_keys)
        kind = draw(st.integers(0, 9))
        if kind <= 4 or depth >= 3:
            value = draw(yaml_scalar)
            if "\n" in value:
                value = value.split("\n", 1)[0] + "\n" + indent(value.split("\n", 1)[1], 2)
            entries.append(f"{key}: {value}")
        elif kind == 5:
            nested = draw(yaml_block(depth + 1))
            entries.append(f"{key}:\n{indent(nested, 2)}")
        elif kind == 6:
            items = draw(st.lists(yaml_scalar.filter(lambda v: "\n" not in v), max_size=4))
            entries.append(f"{key}:" + "".join(f"\n  - {item}" for item in items))
        elif kind == 7:
            anchor = f"a{len(anchors)}"
            anchors.append(anchor)
            value = draw(yaml_scalar.filter(lambda v: "\n" not in v))
            entries.append(f"{key}: &{anchor} {value}")
        elif kind == 8 and anchors:
            entries.append(f"{key}: *{draw(st.sampled_from(anchors))}")
        else:  # a small "billion laughs" tree, or a self-referencing list
            entries.append(
                draw(
                    st.sampled_from(
                        [
                            f"{key}: &l0 [x, x, x]\nl1: &l1 [*l0, *l0, *l0]\nl2: [*l1, *l1, *l1]",
                            f"{key}: &self [*self]",
                            f"{key}: &m {{a: 1}}\nmerged:\n  <<: *m\n  b: 2",
                        ]
                    )
                )
            )
    return "\n".join(entries)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    body = draw(yaml_block())
    opener = draw(st.sampled_from(["---", "---", "--- ", "----"]))
    closer = draw(st.sampled_from(["---", "---", "...", "--- # end"]))
    return f"{opener}\n{body}\n{closer}\n"


INSERTS = st.one_of(
    st.text(max_size=10),
    st.sampled_from(MARKDOWN_TOKENS),
    st.sampled_from(
        [
            "<!-- comment -->",
            "<!-- unclosed",
            "-->",
            "{placeholder}",
            "{a | b}",
            "[a | b]",
            "[…]",
            "{…}",
            "😀",
            "👩‍👩‍👧",
            "🏳️‍🌈",
            "\ufeff",
            "\u202e",
            "\U0010ffff",
        ]
    ),
)


Mutation = Callable[[st.DrawFn, list[str]], list[str]]


def _index(draw: st.DrawFn, lines: list[str]) -> int:
    return draw(st.integers(0, max(len(lines) - 1, 0)))


def delete_line(draw: st.DrawFn, lines: list[str]) -> list[str]:
    index = _index(draw, lines)
    return lines[:index] + lines[index + 1 :]


def duplicate_line(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if not lines:
        return lines
    index = _index(draw, lines)
    return lines[: index + 1] + lines[index:]


def swap_lines(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if len(lines) < 2:
        return lines
    first, second = _index(draw, lines), _index(draw, lines)
    lines = list(lines)
    lines[first], lines[second] = lines[second], lines[first]
    return lines


def insert_text(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if not lines:
        return [draw(INSERTS)]
    index = _index(draw, lines)
    line = lines[index]
    at = draw(st.integers(0, len(line)))
    return [*lines[:index], line[:at] + draw(INSERTS) + line[at:], *lines[index + 1 :]]


def insert_line(draw: st.DrawFn, lines: list[str]) -> list[str]:
    index = draw(st.integers(0, len(lines)))
    return [*lines[:index], draw(INSERTS), *lines[index:]]


def reindent(draw: st.DrawFn, lines: list[str]) -> list[str]:
    if not lines:
        return lines
    index = _index(draw, lines)
    prefix = draw(st.sampled_from([" ", "  ", "   ", "    ", "\t", " \t", "        "]))
    stripped = draw(st.booleans())
    line = lines[index].lstrip() if stripped else lines[index]
    return [*lines[:index], prefix + line, *lines[index + 1 :]]


def replace_front_matter(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """Put random front matter on top, replacing any that is there."""
    if lines and lines[0].startswith("---"):
        end = next((i for i in range(1, len(lines)) if lines[i].startswith("---")), None)
        if end is not None:
            lines = lines[end + 1 :]
    return draw(front_matter()).split("\n")[:-1] + lines


def add_front_matter_key(draw: st.DrawFn, lines: list[str]) -> list[str]:
    """Add one random key to existing front matter (or start a block if there is none)."""
    entry = draw(yaml_block(depth=2)).split("\n")
    if lines and lines[0].startswith("---"):
        return [lines[0], *entry, *lines[1:]]
    return ["---", *entry, "---", *lines]


MUTATIONS: list[Mutation] = [
    delete_line,
    duplicate_line,
    swap_lines,
    insert_text,
    insert_line,
    reindent,
    replace_front_matter,
    add_front_matter_key,
]


@st.composite
def mutated_records(draw: st.DrawFn) -> tuple[str, bytes]:
    name, data = draw(st.sampled_from(SOURCES))
    if draw(st.integers(0, 9)) == 0:
        name = draw(file_names)
    text = data.decode("utf-8", errors="surrogateescape")
    lines = text.split("\n")
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), max_size=8)):
        lines = mutation(draw, lines)
    text = "\n".join(lines)
    ending = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]))
    if ending != "\n":
        text = text.replace("\n", ending)
    if draw(st.integers(0, 7)) == 0:
        text = "\ufeff" + text
    raw = text.encode("utf-8", errors="surrogateescape")
    if draw(st.integers(0, 5)) == 0:
        raw = raw[: draw(st.integers(0, len(raw)))]
    return name, raw


@FUZZ
@given(record=mutated_records())
def test_mutated_records_parse(record: tuple[str, bytes]) -> None:
    name, data = record
    parse_checked(data, name)


@FUZZ
@given(matter=front_matter(), source=st.sampled_from(SOURCES))
def test_random_front_matter_is_loaded_safely(matter: str, source: tuple[str, bytes]) -> None:
    name, data = source
    body = data.decode("utf-8", errors="surrogateescape")
    parse_checked(matter.encode("utf-8") + body.encode("utf-8", "surrogateescape"), name)
    assert Canary.made == 0


# --- property 3: folders ---------------------------------------------------------------------

CATEGORIES = ["", "", "", "data", "platform", "ünïcödé", "data/archive"]
SLUG_CHARS = st.characters(
    codec="utf-8",
    categories=("Ll", "Lu", "Lo", "Nd"),
    exclude_characters="→",
)
RELATION_LINES = {
    RelationKind.SUPERSEDES: "Supersedes",
    RelationKind.SUPERSEDED_BY: "Superseded by",
    RelationKind.AMENDS: "Amends",
    RelationKind.AMENDED_BY: "Amended by",
    RelationKind.RELATES_TO: "Relates to",
}


@st.composite
def record_name(draw: st.DrawFn) -> str:
    slug = draw(st.text(SLUG_CHARS, min_size=1, max_size=10)).lower() or "x"
    kind = draw(st.integers(0, 7))
    if kind <= 3:
        number = draw(st.integers(0, 15))
        width = draw(st.sampled_from([1, 3, 4]))
        return f"{number:0{width}d}-{slug}.md"
    if kind == 4:
        day = draw(st.dates(dt.date(2019, 1, 1), dt.date(2019, 1, 5)))
        return f"{day:%Y%m%d}-{slug}.md"
    if kind == 5:
        day = draw(st.dates(dt.date(2019, 1, 1), dt.date(2019, 1, 5)))
        return f"{day:%Y-%m-%d}-{slug}.md"
    if kind == 6:
        return f"ADR-{draw(st.integers(0, 15))}-{slug}.md"
    return f"{slug}.md"


@st.composite
def folders(draw: st.DrawFn) -> list[tuple[str, str]]:
    """1-12 records, as (relative path, text), with random relations between them."""
    paths: list[str] = []
    for _ in range(draw(st.integers(1, 12))):
        category = draw(st.sampled_from(CATEGORIES))
        path = f"{category}/{draw(record_name())}" if category else draw(record_name())
        if path not in paths:
            paths.append(path)
    files: list[tuple[str, str]] = []

    def reference(path: str) -> str:
        """Another record (or itself, or a missing one), written the ways people write it."""
        target = draw(st.integers(0, len(paths)))  # len(paths): a missing file
        form = draw(st.integers(0, 3))
        if target == len(paths):
            return draw(st.sampled_from(["9999-missing.md", "ADR-9999", "../outside.md"]))
        if form == 0:  # a relative link
            here = path.rsplit("/", 1)[0] if "/" in path else ""
            return os.path.relpath(paths[target], here or ".").replace(os.sep, "/")
        if form == 1:  # the bare file name
            return paths[target].rsplit("/", 1)[-1]
        if form == 2:  # an id as people write it
            return "ADR-" + (re.findall(r"\d+", paths[target].rsplit("/", 1)[-1]) or ["0"])[0]
        return paths[target]  # a path from the root of the folder

    for path in paths:
        status = draw(st.sampled_from(["accepted", "proposed", "superseded", "deprecated", ""]))
        if status == "superseded" and draw(st.booleans()):
            ref = reference(path)
            status = f"superseded by [{ref}]({ref})"
        relations: list[str] = []
        for _ in range(draw(st.integers(0, 3))):
            kind = draw(st.sampled_from(list(RelationKind)))
            ref = reference(path)
            relations.append(f"{RELATION_LINES[kind]} [{ref}]({ref})")
        dialect = draw(st.sampled_from(["madr2", "madr4", "nygard"]))
        title = f"Record {path}"
        if dialect == "madr2":
            text = f"# {title}\n\n* Status: {status}\n* Date: 2020-01-01\n\n"
            text += "## Context and Problem Statement\n\nSomething.\n\n## Links\n\n"
            text += "".join(f"* {line}\n" for line in relations)
        elif dialect == "madr4":
            text = f'---\nstatus: "{status}"\ndate: 2020-01-01\n---\n\n# {title}\n\n'
            text += "## Context and Problem Statement\n\nSomething.\n\n## More Information\n\n"
            text += "".join(f"* {line}\n" for line in relations)
        else:
            shown = status[:1].upper() + status[1:]
            text = f"# 1. {title}\n\nDate: 2020-01-01\n\n## Status\n\n{shown}\n\n"
            text += "".join(f"{line}\n\n" for line in relations)
            text += "## Context\n\nSomething.\n"
        files.append((path, text))
    return files


def supersede_graph(collection: Collection) -> dict[str, set[str]]:
    """key → keys of its successors, from every record with that key."""
    graph: dict[str, set[str]] = {}
    for decision in collection.decisions:
        graph.setdefault(decision.key, set()).update(decision.related(RelationKind.SUPERSEDED_BY))
    return graph


def has_cycle(graph: dict[str, set[str]]) -> bool:
    """Kahn's algorithm: a graph has a cycle iff topological sorting leaves nodes behind."""
    nodes = set(graph) | {key for targets in graph.values() for key in targets}
    incoming = dict.fromkeys(nodes, 0)
    for targets in graph.values():
        for key in targets:
            incoming[key] += 1
    ready = [node for node, count in incoming.items() if count == 0]
    removed = 0
    while ready:
        node = ready.pop()
        removed += 1
        for key in graph.get(node, ()):
            incoming[key] -= 1
            if incoming[key] == 0:
                ready.append(key)
    return removed < len(nodes)


def check_collection(collection: Collection) -> None:
    keys = {decision.key for decision in collection.decisions}
    for decision in collection.decisions:
        check_decision(decision, decision.file, 10_000)
        for kind, targets in decision.resolved.items():
            assert isinstance(kind, RelationKind)
            assert len(targets) == len(set(targets))
            for key in targets:
                assert key in keys, f"{decision.file}: {kind.value} {key}: no such record"
                assert key in collection.by_key
                inverse = [
                    other
                    for other in collection.decisions
                    if other.key == key and decision.key in other.related(kind.inverse)
                ]
                assert inverse, f"{decision.key} {kind.value} {key}, but not the other way round"
    for source, relation, target in collection.links:
        assert target.key in source.related(relation.kind)
        assert source.key in target.related(relation.kind.inverse)
        assert source is not target
    graph = supersede_graph(collection)
    cycles = [d for d in collection.diagnostics if d.code is Code.SUPERSEDE_CYCLE]
    if len(keys) == len(collection.decisions):
        # With duplicate ids (reported as such) two records share a key, so the key graph
        # has edges, even self-loops, that no single record states; compare only without.
        assert bool(cycles) == has_cycle(graph), (graph, cycles)
    assert len(cycles) <= len(collection.decisions)
    for found in cycles:
        path = found.message.removeprefix("supersede cycle: ").split(" → ")
        assert path[0] == path[-1], found.message
        assert len(set(path[:-1])) == len(path) - 1, found.message  # a simple cycle
        for here, successor in itertools.pairwise(path):
            assert successor in graph[here], (found.message, graph)
    for found in collection.all_diagnostics():
        assert isinstance(found.code, Code)
    json.dumps(collection_to_dict(collection), ensure_ascii=False)


@FUZZ
@given(files=folders())
def test_random_folders_load(files: list[tuple[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for path, text in files:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
        collection = load_collection(root)
        assert len(collection.decisions) + len(collection.skipped) == len(files)
        check_collection(collection)
        for code in sorted({found.code.value for found in collection.diagnostics}):
            event(f"collection {code}")


# --- property 4: `adr new` templates round trip ----------------------------------------------

# Titles: any characters, plus tokens that `inline` escapes on writing (`<`, `&`, a closing
# `#`) and that must therefore come back verbatim. Markup the reader interprets by design
# (`inline` keeps emphasis, code spans and links) is left out here: `*_`[]\~!`.
TITLE_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cs",), exclude_characters="*_`[]\\~!"
)
TITLE_TOKENS = [
    "<",
    ">",
    "<b>",
    "</b>",
    "<http://x.y>",
    " & ",
    "&amp;",
    "&#35;",
    "&lt;",
    " #",
    " ##",
    "C#",
    "|",
    "{x} ",
    '"',
    "'",
    ": ",
    " - ",
    "—",
    "✅",
    "😀",
    "Use",
    " for ",
    "60 FPS",
    "template",
    "-template-",
    "ISO 8601",
    "v2.0",
    "e.g.",
    "(",
    ")",
    "@",
    "%",
    "=",
    "/",
    "?",
    ",",
    ";",
    ".",
    "\t",
    "\n",
]
titles = st.lists(
    st.one_of(st.sampled_from(TITLE_TOKENS), st.text(TITLE_CHARS, min_size=1, max_size=6)),
    min_size=1,
    max_size=8,
).map("".join)
NAME_WORD = st.text(
    st.characters(codec="utf-8", categories=("Lu", "Ll", "Lo", "Nd")), min_size=1, max_size=8
).filter(lambda word: word.lower() != "and")
names = st.lists(NAME_WORD, min_size=1, max_size=3).map(" ".join)
# `__` inside a word is read as strong emphasis (`A__0__` → `A0`), though CommonMark only
# allows that for `**` (pinned by `test_known_values_read_back_differently`).
c4_aliases = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,10}", fullmatch=True).filter(
    lambda alias: KNOWN or "__" not in alias
)
statuses = st.one_of(
    st.sampled_from(
        [
            "proposed",
            "Accepted",
            "REJECTED",
            "deprecated",
            "draft",
            "superseded by ADR-0005",
            "Superseded by [ADR-0005](0005-x.md)",
            "superseded by [ADR 5](0005-x.md) and [ADR 6](0006-y.md)",
            "on hold",
            "in-review",
            "✅ accepted",
            "**accepted**",
            "<pending>",
            "\\*accepted\\*",
        ]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20),
)

# Known classes of titles that do not come back (pinned by `test_known_title_losses`).
# The reader strips an ADR number from the start of a title (`12. Title`, `ADR-0012: Title`),
# so a title starting like one (`RFC 9110 retries`, `2024: budget`) loses that part in every
# template but Nygard's, whose heading already starts with the number.
NUMBER_PREFIX = TITLE_NUMBER
# `inline` escapes `&` only before a complete `&name;`, but the reader's `html.unescape` also
# decodes the legacy forms without `;` (`&copy`, `&amp`, `&lt`, `&#35`).
BARE_ENTITY = re.compile(r"&(?!#?\w+;)#?\w")
# A status is checked by `adr new` as Markdown (`read_status` decodes `&lt;` and drops
# `<tags>`) but written as text (`inline` escapes `&` and `<`), so it reads back differently.
# Left out of the status checks (pinned by `test_known_values_read_back_differently`).
STATUS_MARKUP = re.compile(r"&#?\w|<")
# A title of only `#`s is a heading's closing sequence: the heading comes out empty.
ONLY_HASHES = re.compile(r"[#\s]+")


def case_unsafe(template: str, status: str) -> bool:
    """Nygard's template upper-cases the status's first letter; for a few letters that does
    not lower-case back (`ı` → `I` → `i`, `ß` → `SS` → `ss`, `ﬁ` → `FI` → `fi`)."""
    status = one_line(status)
    return (
        template == "nygard"
        and any(char.upper().lower() != char.lower() for char in status[:1])
        and not KNOWN
    )


def known_title_loss(template: str, title: str) -> bool:
    if KNOWN:
        return False
    title = one_line(title)
    return bool(
        (template != "nygard" and NUMBER_PREFIX.match(title))
        or BARE_ENTITY.search(title)
        or ONLY_HASHES.fullmatch(title)
    )


def render_record(template: str, values: dict[str, Any]) -> tuple[str, str]:
    """What `adr new` writes: cleaned values through the template, and the file name."""
    title = clean_title(values["title"])
    status = clean_status(values["status"])
    number = values.get("number", 7)
    record_id = str(number).zfill(4)
    name = file_name(record_id, file_slug(title))
    filled = {
        "title": title,
        "status": status,
        "deciders": split_values(tuple(values.get("deciders", ()))),
        "tags": split_values(tuple(values.get("tags", ()))),
        "c4": split_values(tuple(values.get("c4", ()))),
        "id": record_id,
        "number": number,
        "date": TODAY,
        "file": name,
        "slug": file_slug(title),
    }
    return name, render(find_template(template, None), filled)


def rendered(template: str, values: dict[str, Any]) -> tuple[str, str]:
    """`render_record`, skipping values `adr new` refuses (an empty title, a bad status)."""
    try:
        return render_record(template, values)
    except CliError:
        assume(False)
        raise


def header(decision: Decision) -> tuple[Any, ...]:
    return (
        decision.title,
        decision.status,
        decision.date,
        decision.deciders,
        decision.tags,
        decision.c4,
    )


@FUZZ
@given(
    template=st.sampled_from(BUILTIN),
    title=titles,
    status=statuses,
    deciders=st.lists(names, max_size=4),
    tags=st.lists(NAME_WORD, max_size=4),
    c4=st.lists(c4_aliases, max_size=4),
    number=st.integers(1, 99999),  # `adr new` numbers from 1 (0000-template.md is a template)
)
def test_templates_round_trip(
    template: str,
    title: str,
    status: str,
    deciders: list[str],
    tags: list[str],
    c4: list[str],
    number: int,
) -> None:
    """The title comes back as `adr new` cleans it (`one_line`: control characters become
    spaces, whitespace runs collapse); placeholders such as `{…}` are read as no title."""
    assume(not known_title_loss(template, title))
    assume(not is_placeholder(one_line(title)))
    assume(KNOWN or not STATUS_MARKUP.search(status))
    assume(not case_unsafe(template, status))
    values = {
        "title": title,
        "status": status,
        "deciders": deciders,
        "tags": tags,
        "c4": c4,
        "number": number,
    }
    name, text = rendered(template, values)
    decision = parse_checked(text, name)
    assert decision.is_record, (name, decision.diagnostics)
    assert decision.title == one_line(title)
    assert decision.status == read_status(clean_status(status)).keyword
    assert decision.date == TODAY
    assert decision.deciders == split_values(tuple(deciders))
    assert decision.tags == split_values(tuple(tags))
    assert decision.c4 == split_values(tuple(c4))
    assert decision.dialect is not Dialect.UNKNOWN


# Stability: any title and status, list values with markup. Known to change on every pass
# (pinned by `test_known_values_read_back_differently` and `test_known_unstable_rerendering`):
# * values whose Markdown reading changes when read twice (`~~~~a~~~~` → `~~a~~` → `a`,
#   `\\\\*`, `&amp;lt;`): the reader takes markup, escapes and entities out (`plain`), the
#   writers put the result back without escaping it;
# * values that read as a placeholder only once their markup is gone (`<b>[|` → `[|`);
# * bare entities (see BARE_ENTITY), and entities or tags in a status (see STATUS_MARKUP);
# * in the templates that write lists as `a, b` lines (MADR 2, Nygard): list separators, quote,
#   parenthesis (`a (b, c)` is one name) and `#` characters inside a value, or a value that
#   starts or ends with `__`/`**`.
MARKUP_TOKENS = ["*", "**", "_", "`", "[", "]", "](x.md)", "~~", "!", "<b>", "#", "{", "}", "|"]
LIST_UNSAFE = re.compile(r"[,;'\"`#()]|\band\b|&|^\s*(?:__|\*\*)|(?:__|\*\*)\s*$", re.IGNORECASE)


def reads_stably(text: str) -> bool:
    """Markdown that reads the same the second time, written raw (YAML) or escaped (`inline`)."""
    if KNOWN:
        return True
    text = one_line(text)  # as `adr new` cleans every value
    if BARE_ENTITY.search(text):
        return False
    for read in (plain, lambda value: plain(inline(value))):
        once = read(text)
        if read(once) != once or is_placeholder(once) != is_placeholder(text):
            return False
    return True


def stable_text(chars: st.SearchStrategy[str], tokens: list[str]) -> st.SearchStrategy[str]:
    return (
        st.lists(
            st.one_of(st.sampled_from(tokens), st.text(chars, min_size=1, max_size=4)),
            min_size=1,
            max_size=8,
        )
        .map("".join)
        .filter(reads_stably)
    )


ANY_CHARS = st.characters(codec="utf-8", exclude_categories=("Cs",))
any_titles = stable_text(ANY_CHARS, [*TITLE_TOKENS, *MARKUP_TOKENS, "\\", "&amp", "~~~~"])
list_values = stable_text(ANY_CHARS, [*MARKUP_TOKENS, " ", "&", ",", "and"]).filter(
    # `adr new` splits at commas: each part must read stably too (`*,*`**` is two values).
    lambda text: all(reads_stably(part) for part in split_values((text,)))
)
bullet_list_values = list_values.filter(
    lambda text: (
        KNOWN
        or not (
            LIST_UNSAFE.search(text)
            # Only markup, such as `*__*`: read once it becomes `__`, the pinned
            # `underscores-after-key` case (emphasis is read before backslash escapes).
            or any(not any(c.isalnum() for c in part) for part in split_values((text,)))
        )
    )
)


@FUZZ
@given(
    data=st.data(),
    template=st.sampled_from(BUILTIN),
    title=any_titles,
    status=st.one_of(statuses, any_titles).filter(
        lambda status: KNOWN or not STATUS_MARKUP.search(status)
    ),
)
def test_rendering_a_parsed_record_again_is_stable(
    data: st.DataObject, template: str, title: str, status: str
) -> None:
    """parse(render(parse(render(x)))) == parse(render(x)) on the header fields: title,
    status, date, deciders, tags and c4."""
    values_of = bullet_list_values if template in ("madr2", "nygard") else list_values
    lists = {
        field: data.draw(st.lists(values_of, max_size=3), label=field)
        for field in ("deciders", "tags", "c4")
    }
    assume(not case_unsafe(template, status))
    assume(not known_title_loss(template, title))
    if template in ("madr2", "nygard"):  # one `Key: a, b` line: markup may span values
        lines = (", ".join(split_values(tuple(values))) for values in lists.values())
        assume(all(reads_stably(line) for line in lines))  # the line as `adr new` writes it
    name, text = rendered(template, {"title": title, "status": status, **lists})
    first = parse_checked(text, name)
    assume(first.title is not None and first.status_text)
    assume(not case_unsafe(template, first.status_text or ""))
    assume(not known_title_loss(template, first.title))
    again = {
        "title": first.title,
        "status": first.status_text,
        "deciders": first.deciders,
        "tags": first.tags,
        "c4": first.c4,
    }
    name, text = rendered(template, again)
    second = parse_checked(text, name)
    # `adr new` splits list values at commas and keeps duplicates once (`split_values`); the
    # reader does neither (`tags: [a, a]` reads as two tags), so compare after that step.
    assert header(second)[:3] == header(first)[:3]
    for field in ("deciders", "tags", "c4"):
        assert getattr(second, field) == split_values(tuple(getattr(first, field))), field


HEX = "0x" + "f" * 3600  # 4335 decimal digits: more than str() of an int may print


@pytest.mark.parametrize(
    ("key", "value", "file"),
    [
        pytest.param("status", HEX, "0001-title.md", id="hex-int-status"),
        pytest.param("date", HEX, "0001-title.md", id="hex-int-date-message"),
        pytest.param("tags", f"[{HEX}]", "0001-title.md", id="hex-int-in-tags"),
        pytest.param("supersedes", HEX, "0001-title.md", id="hex-int-relation"),
        pytest.param("technical_story", "0" + "7" * 4800, "0001-title.md", id="octal-int-story"),
        pytest.param("id", "0b" + "1" * 15000, "title.md", id="binary-int-id"),
        pytest.param("number", "1" * 5000, "title.md", id="decimal-int-number"),
        pytest.param("number", f"{HEX}\nbroken: [", "title.md", id="hex-int-salvaged"),
    ],
)
def test_huge_yaml_ints_are_read_as_text(key: str, value: str, file: str) -> None:
    """Found by this file: such ints load, but printing one raised ValueError."""
    decision = parse_checked(f"---\n{key}: {value}\n---\n# Title\n", file)
    assert decision.title == "Title"
    assert decision.number is None or decision.number < 10**18
    invalid = [d for d in decision.diagnostics if d.code is Code.INVALID_FRONT_MATTER]
    assert bool(invalid) == ("broken" in value)  # a long number is text, not a YAML error


@pytest.mark.parametrize("template", ["madr2", "nygard"])
@pytest.mark.parametrize(
    "values", [["[|"], ["[x]"], ["[a, b]"], ["[", "y"], ["{team}"], ["{a", "b}"]], ids=repr
)
def test_list_values_that_open_with_a_bracket_read_back(template: str, values: list[str]) -> None:
    """Found by this file: a `C4: [x]` line read as a YAML-style list, `[|` as a placeholder;
    `{team}` (found in review) read as a placeholder too."""
    name, text = render_record(template, {"title": "T", "status": "accepted", "c4": values})
    assert parse_checked(text, name).c4 == split_values(tuple(values))


# --- known failures: each pinned by examples, so fixing one shows up as an XPASS ----------------


def _known(reason: str, *values: Any, id: str, raises: type[BaseException] = AssertionError) -> Any:
    mark = pytest.mark.xfail(strict=True, reason=reason, raises=raises)
    return pytest.param(*values, id=id, marks=mark)


@pytest.mark.parametrize(
    ("template", "title"),
    [
        _known(
            "a leading `RFC 9110 ` is read as an ADR number",
            "madr4",
            "RFC 9110 retries",
            id="rfc-prefix",
        ),
        _known(
            "a leading `2024: ` is read as an ADR number",
            "madr2",
            "2024: budget",
            id="number-colon-prefix",
        ),
        _known(
            "`&copy` (no `;`) is decoded on reading, not escaped on writing",
            "madr4",
            "Q&A &copy 2024",
            id="bare-entity",
        ),
        _known("`&amp` (no `;`) is decoded on reading", "nygard", "AT&amp T", id="bare-amp"),
        _known("a title of `#`s is an empty heading", "madr3", "#", id="only-hashes"),
        _known("a title of `#`s is an empty heading", "nygard", "##", id="only-hashes-nygard"),
    ],
)
def test_known_title_losses(template: str, title: str) -> None:
    name, text = render_record(template, {"title": title, "status": "accepted"})
    decision = parse_checked(text, name)
    assert (decision.title, decision.is_record) == (title, True)


@pytest.mark.parametrize(
    ("template", "field", "value"),
    [
        _known(
            "`\\*` is unescaped on reading and not escaped on writing",
            "madr4",
            "title",
            "a \\* b",
            id="backslash-title",
        ),
        _known(
            "a tag in a status is dropped by `adr new`'s check but escaped when written",
            "madr2",
            "status",
            "<pending>",
            id="tag-in-status",
        ),
        _known(
            "an entity in a status is decoded by `adr new`'s check but escaped when written",
            "madr2",
            "status",
            "&lt;pending&gt;",
            id="entity-in-status",
        ),
        _known(
            "`\\\\` in a YAML list value is read as a Markdown escape",
            "madr4",
            "c4",
            ["x\\\\y"],
            id="backslash-yaml-list",
        ),
        _known(
            "`&amp;` in a YAML list value is decoded on reading",
            "madr3",
            "tags",
            ["R&amp;D"],
            id="entity-yaml-list",
        ),
        _known(
            "a `;` inside a value splits it in a `Deciders: a, b` line",
            "madr2",
            "deciders",
            ["Smith; Jane"],
            id="semicolon-in-bullet-list",
        ),
        _known(
            "` and ` inside a value splits it in a `Deciders:` line",
            "nygard",
            "deciders",
            ["Ben and Jerry"],
            id="and-in-bullet-list",
        ),
        _known(
            "Nygard's template capitalises the status: `ı` → `I`, which reads back as `i`",
            "nygard",
            "status",
            "ıncelemede",
            id="status-case-nygard",
        ),
        _known(
            "`__` inside a word is read as strong emphasis (CommonMark: only `**` is)",
            "madr4",
            "c4",
            ["order__db__"],
            id="intraword-double-underscore",
        ),
        _known(
            "an open parenthesis keeps the following names together in a `Deciders:` line",
            "madr2",
            "deciders",
            ["Ana (lead", "Ben"],
            id="parenthesis-in-bullet-list",
        ),
        _known(
            "a value that is only `__` is eaten as bold markup after `C4:`",
            "madr2",
            "c4",
            ["__"],
            id="underscores-after-key",
        ),
        _known(
            "trailing `#`s are stripped from comma-separated tags",
            "nygard",
            "tags",
            ["C#", "F#"],
            id="hash-in-tags",
        ),
    ],
)
def test_known_values_read_back_differently(
    template: str, field: str, value: str | list[str]
) -> None:
    """Values `adr new` accepts that do not read back as written (the properties leave them
    out)."""
    values: dict[str, Any] = {"title": "Pick one", "status": "accepted", field: value}
    name, text = render_record(template, values)
    decision = parse_checked(text, name)
    if field == "status":
        assert isinstance(value, str)
        assert decision.status == read_status(clean_status(value)).keyword
    elif isinstance(value, str):
        assert getattr(decision, field) == one_line(value)
    else:
        assert getattr(decision, field) == split_values(tuple(value))


@pytest.mark.parametrize(
    ("template", "field", "value"),
    [
        _known(
            "Markdown that reads differently the second time (nested strike-through)",
            "madr4",
            "title",
            "~~~~a~~~~ b",
            id="markup-read-twice-title",
        ),
        _known(
            "Markdown in a YAML list value that reads differently the second time",
            "madr4",
            "c4",
            ["*`****"],
            id="markup-read-twice-yaml-list",
        ),
        _known(
            "a value that is a placeholder only without its markup is kept, then dropped",
            "madr4",
            "c4",
            ["<b>[|"],
            id="placeholder-after-markup",
        ),
        _known(
            "one leading number is stripped per reading: `1. 2. X` → `2. X` → `X`",
            "madr4",
            "title",
            "1. 2. Use X",
            id="two-number-prefixes",
        ),
        _known(
            "`0) #` loses its number, then `#` is an empty heading",
            "madr3",
            "title",
            "0) #",
            id="number-then-hashes",
        ),
        _known(
            "`&amp;lt;` reads as `&lt;`, which reads as `<`",
            "madr3",
            "tags",
            ["&amp;lt;"],
            id="entity-read-twice",
        ),
    ],
)
def test_known_unstable_rerendering(template: str, field: str, value: str | list[str]) -> None:
    """Values whose parsed form, written again by the same template, reads differently."""
    values: dict[str, Any] = {"title": "Pick one", "status": "accepted", field: value}
    name, text = render_record(template, values)
    first = parse_checked(text, name)
    values[field] = getattr(first, field)
    name, text = render_record(template, values)
    assert getattr(parse_checked(text, name), field) == getattr(first, field)


# --- 5. `adr status` on random front matter ----------------------------------------------------
#
# Front matter of random keys, joined by any of YAML's line breaks (NEL and U+2028 included,
# which are no line breaks to Markdown), with anchors, aliases of the status, tags, comments
# and values over several lines. Whatever `set_status` does, it either refuses (`EditError`) or
# leaves YAML that loads, in which every other key reads as before (an alias of the status may
# follow it), and the record reads the new status.

_BREAK = st.sampled_from(["\n", "\n", "\n", "\r\n", "\x85", "\u2028", "\u2029"])
_WORD = st.text(alphabet="abcdefghij -", min_size=1, max_size=8).map(str.strip).filter(bool)


@st.composite
def _status_value(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(["proposed", "accepted", "draft", "on hold"]))
    form = draw(
        st.sampled_from(
            ["plain", "double", "single", "anchored", "tagged", "continued", "literal", "flow"]
        )
    )
    if form == "double":
        return f'"{word}"'
    if form == "single":
        return f"'{word}'"
    if form == "anchored":
        return f"&s {word}"
    if form == "tagged":
        return f"!!str {word}"
    if form == "continued":
        return f"{word}\n  {draw(_WORD)}"
    if form == "literal":
        return f"|\n  {word}"
    if form == "flow":
        return f"[{word}]"
    comment = draw(st.sampled_from(["", "  # why", " #x"]))
    return word + comment


@st.composite
def _front_matter(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(["date", "tags", "x-note", "deciders"]), unique=True))
    entries = {
        "date": "2025-01-0" + str(draw(st.integers(1, 9))),
        "tags": draw(st.sampled_from(["[a, b]", "\n  - a\n  - b", "*s", "x"])),
        "x-note": draw(st.sampled_from(["*s", "plain words", '"quoted: yes"', "|\n  block"])),
        "deciders": draw(st.sampled_from(["Ann, Bo", "[Ann]", "*s"])),
    }
    lines = [f"{key}: {entries[key]}" for key in keys]
    at = draw(st.integers(0, len(lines)))
    lines.insert(at, f"status: {draw(_status_value())}")
    text = lines[0]
    for line in lines[1:]:
        text += draw(_BREAK) + line
    return text + "\n"  # the closing `---` stands on a line of its own


def _loaded(front: str) -> dict[str, Any] | None:
    from mkdocs_madr.edits.front_matter_value import load

    return load(front)


@FUZZ
@given(_front_matter(), st.sampled_from(["rejected", "deprecated", "accepted", "on hold"]))
def test_status_edits_keep_every_other_key(front: str, value: str) -> None:
    from mkdocs_madr.edits.document import Document
    from mkdocs_madr.edits.layout import EditError
    from mkdocs_madr.edits.status_edit import NewStatus, set_status

    text = f"---\n{front}---\n# Edited\n\n## Context and Problem Statement\n\nx\n"
    data = text.encode("utf-8")
    decision = parse_decision(data, "0001-edited.md")
    document = Document.from_bytes(data)
    try:
        set_status(document, decision, NewStatus(value))
    except EditError as error:
        event(f"refused: {str(error).split(';')[0][:40]}")
        return
    event("edited")
    after = document.text()
    assert after.endswith("---\n# Edited\n\n## Context and Problem Statement\n\nx\n")
    before_keys = _loaded(front)
    after_front = after[4 : after.index("\n---\n# Edited") + 1]
    after_keys = _loaded(after_front)
    if before_keys is not None:
        assert after_keys is not None, after_front
        old_status, new_status = before_keys.get("status"), after_keys.get("status")
        for key in set(before_keys) | set(after_keys):
            if key != "status" and before_keys.get(key) != after_keys.get(key):
                assert before_keys.get(key) == old_status, (key, front, after_front)
                assert after_keys.get(key) == new_status, (key, front, after_front)
    assert (
        parse_decision(document.to_bytes(), "0001-edited.md").status == read_status(value).keyword
    )
