"""Hostile records against `adr`, second round: what it prints, and what its edits write.

Terminal output: a record that holds escape sequences (`ESC ] 52` sets the clipboard,
`ESC ] 0` the window title), carriage returns or bidirectional overrides must reach neither
`adr list/show/lint` nor the build's log as such; JSON keeps the data, escaped. `adr new`
refuses a title with a bidirectional override.

Edits (`adr status`): YAML's own line breaks (NEL, U+2028), anchors and aliases, multi-line
plain scalars, a trailing backslash and metadata tables with their keys in the header row are
either edited correctly or refused with one line naming the file and line, exit 1, and the file
unchanged. Never a deleted key, an undefined alias or a broken table.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_madr.core.parse.record import parse_decision
from mkdocs_madr.core.terminal import BIDI_CONTROLS, for_terminal, json_for_terminal
from support import BuildSite, base_config
from test_cli_helpers import Result, adr, adr_process, write

CLIPBOARD = "\x1b]52;c;ZWNobyBwd25lZA==\x07"
WINDOW_TITLE = "\x1b]0;pwned\x1b\\"
CLEAR = "\x1b[2J\x1b[H"
OVERRIDE = "\u202e"
C1_CSI = "\x9b31m"
HOSTILE = f"Use {CLIPBOARD}X{WINDOW_TITLE}Y{CLEAR}Z{OVERRIDE}gnp.exe{C1_CSI}"
_TERMINAL_ACTS_ON = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_folder(root: Path) -> None:
    decider = json.dumps(HOSTILE + "\rhidden")  # JSON is YAML: every character quoted
    write(
        root,
        {
            "decisions/0001-hostile.md": (
                f"---\nstatus: {json.dumps('odd' + CLIPBOARD)}\ndate: 2025-01-01\n"
                f"deciders: [{decider}]\n---\n# {HOSTILE}\n\n## Context and Problem Statement\n\n"
                f"x\n\n## Considered Options\n\n* {HOSTILE}\n* Other\n\n## Decision Outcome\n\n"
                f'Chosen option: "Nope{WINDOW_TITLE}", because {CLEAR}.\n'
            ),
            "decisions/0002-plain.md": "# Plain\n\n* Status: accepted\n",
        },
    )


def assert_clean(text: str) -> None:
    found = _TERMINAL_ACTS_ON.findall(text)
    assert found == [], sorted(set(found))


@pytest.mark.parametrize(
    "command",
    [("list",), ("show", "1"), ("lint",), ("index",), ("graph",), ("graph", "--format", "dot")],
    ids=["list", "show", "lint", "index", "graph", "dot"],
)
def test_what_adr_prints_drives_no_terminal(tmp_path: Path, command: tuple[str, ...]) -> None:
    hostile_folder(tmp_path)
    result = adr_process(*command, cwd=tmp_path)
    assert result.code in (0, 1), result.stderr
    assert_clean(result.stdout)
    assert_clean(result.stderr)
    if command[0] in ("list", "show"):
        assert "Use \ufffdX\ufffdY" in result.stdout  # replaced, so the reader sees it was there


@pytest.mark.parametrize(
    "command", [("list", "--format", "json"), ("show", "1", "--format", "json")]
)
def test_json_keeps_the_data_and_escapes_what_a_terminal_acts_on(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    hostile_folder(tmp_path)
    result = adr_process(*command, cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert_clean(result.stdout)
    data = json.loads(result.stdout)
    record = data["decisions"][0] if "decisions" in data else data
    assert record["title"] == HOSTILE  # the data itself is kept
    assert record["deciders"][0].startswith(HOSTILE)


def test_the_build_log_drives_no_terminal(build_site: BuildSite, tmp_path: Path) -> None:
    root = tmp_path / "project"
    hostile_folder(root)
    site = build_site({}, base_config(), root=root)
    logged = [text for _, text in site.messages if "0001-hostile" in text]
    assert any("unknown-status" in text for text in logged), logged
    for text in logged:
        assert_clean(text)


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS))
def test_adr_new_refuses_bidirectional_controls(tmp_path: Path, char: str) -> None:
    (tmp_path / "decisions").mkdir()
    result = adr("new", f"Use {char}gnp.exe", cwd=tmp_path)
    assert result.code == 2
    assert f"U+{ord(char):04X}" in result.stderr
    assert "bidirectional control character" in result.stderr
    assert list((tmp_path / "decisions").iterdir()) == []


def test_adr_new_refuses_them_in_deciders_and_tags(tmp_path: Path) -> None:
    (tmp_path / "decisions").mkdir()
    result = adr("new", "Use X", "--deciders", f"Ann{OVERRIDE}", cwd=tmp_path)
    assert result.code == 2
    assert "U+202E" in result.stderr
    assert list((tmp_path / "decisions").iterdir()) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_for_terminal_leaves_nothing_a_terminal_acts_on(text: str) -> None:
    shown = for_terminal(text)
    assert _TERMINAL_ACTS_ON.search(shown) is None
    if text.isprintable():
        assert shown == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_json_for_terminal_is_the_same_data(text: str) -> None:
    encoded = json_for_terminal(json.dumps({"t": text}, ensure_ascii=False))
    assert _TERMINAL_ACTS_ON.search(encoded) is None
    assert json.loads(encoded) == {"t": text}


@pytest.mark.parametrize("size", [1_000, 10_000, 100_000])
@pytest.mark.parametrize("piece", ["\x1b", "\x1b[", "\x1b]", "\x9b1", "\x1b[1;", "\x1bP", "\x90"])
def test_for_terminal_takes_linear_time(size: int, piece: str) -> None:
    """Runs of introducers without their ends: each expression scans a run once."""
    import time

    start = time.perf_counter()
    for_terminal(piece * size)
    assert time.perf_counter() - start < 1.0


# --- edits: YAML's own line breaks, anchors, aliases, multi-line values; tables; backslashes ---


def status_edit(tmp_path: Path, text: str, value: str = "rejected") -> tuple[Result, str, str]:
    """`adr status 1 <value>` on a one-record folder; (result, text before, text after)."""
    path = tmp_path / "decisions" / "0001-edited.md"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    result = adr("status", "1", value, cwd=tmp_path)
    return result, text, path.read_bytes().decode("utf-8")


def front_matter(text: str) -> dict[str, object]:
    loaded = yaml.safe_load(text.split("---", 2)[1])
    assert isinstance(loaded, dict)
    return loaded


def assert_refused(result: Result, before: str, after: str, words: str) -> None:
    assert result.code == 1, result
    line = result.stderr.strip()
    assert "\n" not in line
    assert re.match(r"^adr: .*0001-edited\.md:\d+: ", line), line
    assert words in line
    assert line.endswith("; nothing changed")
    assert after == before


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"], ids=["NEL", "LS", "PS"])
def test_yaml_line_breaks_in_front_matter_keep_every_key(tmp_path: Path, brk: str) -> None:
    text = f"---\nstatus: proposed{brk}date: 2025-01-01\n---\n# Breaks\n\nBody.\n"
    result, _, after = status_edit(tmp_path, text)
    assert result.code == 0, result.stderr
    assert front_matter(after) == {"status": "rejected", "date": dt.date(2025, 1, 1)}
    assert after == text.replace("status: proposed", 'status: "rejected"')
    assert parse_decision(after.encode(), "0001-edited.md").date == "2025-01-01"


def test_a_key_after_a_yaml_line_break_is_found(tmp_path: Path) -> None:
    text = "---\ndate: 2025-01-01\x85status: proposed\x85tags: [a]\n---\n# Breaks\n\nBody.\n"
    result, _, after = status_edit(tmp_path, text, "accepted")
    assert result.code == 0, result.stderr
    assert after == text.replace("status: proposed", 'status: "accepted"')
    assert front_matter(after) == {"date": dt.date(2025, 1, 1), "status": "accepted", "tags": ["a"]}


def test_an_anchored_status_keeps_its_anchor_and_its_aliases(tmp_path: Path) -> None:
    text = "---\nstatus: &s proposed\ndate: 2025-01-01\nx-copy: *s\n---\n# Anchor\n\nBody.\n"
    result, _, after = status_edit(tmp_path, text)
    assert result.code == 0, result.stderr
    assert 'status: &s "rejected"\n' in after
    assert front_matter(after) == {
        "status": "rejected",
        "date": dt.date(2025, 1, 1),
        "x-copy": "rejected",
    }


def test_a_status_that_is_an_alias_is_refused(tmp_path: Path) -> None:
    text = "---\nx-base: &s proposed\nstatus: *s\ndate: 2025-01-01\n---\n# Alias\n\nBody.\n"
    result, before, after = status_edit(tmp_path, text)
    assert_refused(result, before, after, "0001-edited.md:3: the status is an alias (*s)")


@pytest.mark.parametrize(
    ("value", "others"),
    [
        ("proposed\n  and more", "date: 2025-01-01\n"),
        ("proposed\n\n  after a blank line", "date: 2025-01-01\n"),
        ('"proposed,\n  quoted"', "date: 2025-01-01\n"),
        ("|\n  proposed\n  as a block", "date: 2025-01-01  # kept\n"),
        (">-\n  proposed", "date: 2025-01-01\n"),
    ],
    ids=["plain", "plain-blank-line", "double-quoted", "literal", "folded"],
)
def test_a_status_over_several_lines_is_replaced_whole(
    tmp_path: Path, value: str, others: str
) -> None:
    text = f"---\nstatus: {value}\n{others}---\n# Several lines\n\nBody.\n"
    result, _, after = status_edit(tmp_path, text)
    assert result.code == 0, result.stderr
    assert after == f'---\nstatus: "rejected"\n{others}---\n# Several lines\n\nBody.\n'
    assert front_matter(after)["date"] == dt.date(2025, 1, 1)


@pytest.mark.parametrize(
    ("front", "words"),
    [
        ("status: proposed\nStatus: accepted\n", "states the status 2 times"),
        ("status:\n  - proposed\n", "the status in front matter is a list"),
    ],
    ids=["twice", "block-list"],
)
def test_front_matter_adr_cannot_edit_safely_is_refused(
    tmp_path: Path, front: str, words: str
) -> None:
    text = f"---\n{front}date: 2025-01-01\n---\n# Refused\n\nBody.\n"
    result, before, after = status_edit(tmp_path, text)
    assert_refused(result, before, after, words)


BACKSLASHES = ["\\", "  \\", "\\  <!-- no: a comment follows -->"]


@pytest.mark.parametrize("suffix", BACKSLASHES, ids=["backslash", "spaced", "comment"])
def test_a_trailing_backslash_is_never_lost(tmp_path: Path, suffix: str) -> None:
    """A backslash that ends the line is markup (a hard line break, or a stray one at the end
    of a list item), not part of the status: it stays, or the edit is refused."""
    text = f"# Backslash\n\n* Status: proposed{suffix}\n* Date: 2025-01-01\n\n## Context\n\nx\n"
    result, before, after = status_edit(tmp_path, text)
    if suffix.startswith("\\  <!--"):  # a backslash before a comment is the value's own
        assert result.code == 0, result.stderr
        assert "* Status: rejected  <!-- no: a comment follows -->\n" in after
    elif result.code == 0:
        assert after == text.replace(f"proposed{suffix}", f"rejected{suffix}")
    else:
        assert_refused(result, before, after, "the status would read as 'rejected\\\\'")


def test_a_trailing_backslash_stays_after_the_new_status(tmp_path: Path) -> None:
    text = "# Backslash\n\nStatus: proposed\\\nDate: 2025-01-01\n\n## Context\n\nx\n"
    assert parse_decision(text.encode(), "0001-edited.md").status == "proposed"
    result, _, after = status_edit(tmp_path, text)
    assert result.code == 0, result.stderr
    assert after == text.replace("proposed\\", "rejected\\")


HEADER_KEYED = (
    "# Table\n\n| Status | Date |\n|----------|------------|\n| proposed | 2025-01-01 |\n\n"
    "## Context\n\nx\n"
)


def test_a_table_keyed_by_its_header_gets_its_value_cell_edited(tmp_path: Path) -> None:
    """The value cell under `Status`, never the header cell (before: overwritten, as the
    reader took the header row for a key and its value, status "Date")."""
    assert parse_decision(HEADER_KEYED.encode(), "0001-edited.md").status == "proposed"
    result, before, after = status_edit(tmp_path, HEADER_KEYED)
    assert result.code == 0, result.stderr
    assert after == before.replace("| proposed | 2025", "| rejected | 2025")


@pytest.mark.parametrize(
    ("table", "edited"),
    [
        ("| Field | Value |\n|---|---|\n| Status | proposed |\n", "| Status | rejected |"),
        ("| Status | Proposed |\n|---|---|\n| Date | 2025-01-01 |\n", "| Status | Rejected |"),
        ("| Key | Value |\n|:--|:--|\n| **Status** | proposed |\n", "| **Status** | rejected |"),
    ],
    ids=["key-per-row", "key-per-row-in-header", "bold-key"],
)
def test_tables_with_a_key_per_row(tmp_path: Path, table: str, edited: str) -> None:
    text = f"# Table\n\n{table}\n## Context\n\nx\n"
    result, _, after = status_edit(tmp_path, text)
    assert result.code == 0, result.stderr
    assert edited in after
    assert after.count("\n") == text.count("\n")
