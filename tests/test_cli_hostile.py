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

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_madr.core.terminal import BIDI_CONTROLS, for_terminal, json_for_terminal
from support import BuildSite, base_config
from test_cli_helpers import adr, adr_process, write

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
