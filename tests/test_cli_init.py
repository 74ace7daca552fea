"""`adr init`: the folder, the first record, and the plugin added to mkdocs.yml as text."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs_madr.core.collection import load_collection
from mkdocs_madr.core.diagnostics import Severity
from mkdocs_madr.core.settings import load_settings
from mkdocs_madr.edits.document import Document
from mkdocs_madr.edits.layout import EditError
from mkdocs_madr.edits.mkdocs_config import add_madr_plugin, has_madr
from test_cli_helpers import adr, adr_process, byte_lines, one_line_error, write

FIRST = "0001-record-architecture-decisions.md"


def test_init_in_an_empty_folder(tmp_path: Path) -> None:
    result = adr("init", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines()[0] == os.path.join("decisions", FIRST)
    config = yaml.safe_load((tmp_path / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config == {
        "site_name": tmp_path.name,
        "theme": {"name": "material"},
        "plugins": ["search", "madr"],
    }
    assert (tmp_path / "docs" / "index.md").is_file()
    collection = load_collection(tmp_path / "decisions")
    [record] = collection.decisions
    assert (record.title, record.status, record.date) == (
        "Record architecture decisions",
        "accepted",
        dt.date.today().isoformat(),
    )
    assert [d for d in collection.all_diagnostics() if d.severity is not Severity.INFO] == []
    assert adr("lint", "--strict", cwd=tmp_path).code == 0


@pytest.mark.slow
def test_an_initialised_project_builds_strictly(tmp_path: Path) -> None:
    assert adr("init", cwd=tmp_path).code == 0
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "decisions" / "index.html").is_file()


@pytest.mark.parametrize("template", ["madr4", "madr3", "madr2", "nygard", "madr4-minimal"])
def test_the_first_record_in_each_template(tmp_path: Path, template: str) -> None:
    assert adr("init", "--template", template, cwd=tmp_path).code == 0
    collection = load_collection(tmp_path / "decisions")
    [record] = collection.decisions
    assert record.status == "accepted"
    assert [d for d in collection.all_diagnostics() if d.severity is not Severity.INFO] == []


def test_the_plugin_is_inserted_without_reformatting(tmp_path: Path) -> None:
    original = (
        b"site_name: My site   # the name\r\n"
        b"theme:\r\n"
        b"  name: material\r\n"
        b"\r\n"
        b"plugins:\r\n"
        b"  - search:\r\n"
        b"      lang: en\r\n"
        b"  # - blog\r\n"
        b"  - tags\r\n"
        b"\r\n"
        b"# nav comes last\r\n"
        b"nav:\r\n"
        b"  - Home: index.md\r\n"
    )
    write(tmp_path, {"mkdocs.yml": original})
    assert adr("init", cwd=tmp_path).code == 0
    lines = byte_lines((tmp_path / "mkdocs.yml").read_bytes())
    old = byte_lines(original)
    assert lines == [*old[:9], b"  - madr\r\n", *old[9:]]


def test_plugins_is_added_with_search_when_missing(tmp_path: Path) -> None:
    write(tmp_path, {"mkdocs.yml": "site_name: x\nnav:\n  - index.md"})
    assert adr("init", cwd=tmp_path).code == 0
    text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert text == "site_name: x\nnav:\n  - index.md\n\nplugins:\n  - search\n  - madr"


def test_a_different_folder_is_written_as_decisions_dir(tmp_path: Path) -> None:
    write(tmp_path, {"mkdocs.yml": "site_name: x\nplugins:\n- search\n"})
    result = adr("init", "docs/adr", cwd=tmp_path)
    assert result.code == 0, result.stderr
    text = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert text == "site_name: x\nplugins:\n- search\n- madr:\n    decisions_dir: docs/adr\n"
    assert load_settings(tmp_path / "mkdocs.yml").decisions_dir == tmp_path / "docs" / "adr"
    assert (tmp_path / "docs" / "adr" / FIRST).is_file()
    next_record = adr("new", "Second", cwd=tmp_path)
    assert next_record.stdout.strip() == os.path.join("docs", "adr", "0002-second.md")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("plugins: [search]\n", "plugins: [search, madr]\n"),
        ("plugins: []  # none\n", "plugins: [madr]  # none\n"),
        ("plugins:\n  search: {}\n", "plugins:\n  search: {}\n  madr: {}\n"),
        ("plugins:\n\nnav: []\n", "plugins:\n  - madr\n\nnav: []\n"),
        (
            "a: 1\nplugins:\n    - search\nb: 2\n",
            "a: 1\nplugins:\n    - search\n    - madr\nb: 2\n",
        ),
    ],
)
def test_plugin_styles(before: str, after: str) -> None:
    document = Document.from_text(before)
    add_madr_plugin(document, None)
    assert document.text() == after
    assert has_madr(yaml.safe_load(document.text()))


def test_plugin_with_options_in_a_flow_list() -> None:
    document = Document.from_text("plugins: [search]\n")
    add_madr_plugin(document, "docs/adr")
    assert yaml.safe_load(document.text())["plugins"] == [
        "search",
        {"madr": {"decisions_dir": "docs/adr"}},
    ]


def test_plugins_it_cannot_edit_are_left_alone(tmp_path: Path) -> None:
    with pytest.raises(EditError):
        add_madr_plugin(Document.from_text("plugins: !ENV [PLUGINS]\n"), None)
    write(tmp_path, {"mkdocs.yml": "site_name: x\nplugins: !ENV [PLUGINS, []]\n"})
    before = (tmp_path / "mkdocs.yml").read_bytes()
    result = adr("init", cwd=tmp_path)
    assert result.code == 0
    assert "warning" in result.stderr
    assert "add `madr` by hand" in result.stderr
    assert (tmp_path / "mkdocs.yml").read_bytes() == before
    assert (tmp_path / "decisions" / FIRST).is_file()


def test_an_existing_plugin_is_not_added_twice(tmp_path: Path) -> None:
    write(tmp_path, {"mkdocs.yml": "site_name: x\nplugins:\n  - madr:\n      decisions_dir: adr\n"})
    before = (tmp_path / "mkdocs.yml").read_bytes()
    assert adr("init", cwd=tmp_path).code == 0
    assert (tmp_path / "mkdocs.yml").read_bytes() == before
    assert (tmp_path / "adr" / FIRST).is_file()
    other = adr("init", "elsewhere", cwd=tmp_path)
    assert "reads decisions from 'adr'; set decisions_dir: elsewhere" in other.stderr


def test_a_folder_with_records_is_refused(tmp_path: Path) -> None:
    write(tmp_path, {"decisions/0007-x.md": "# X\n\n* Status: accepted\n"})
    line = one_line_error(adr("init", cwd=tmp_path))
    assert "already holds 1 decision record; nothing changed" in line
    assert not (tmp_path / "mkdocs.yml").exists()
    assert os.listdir(tmp_path / "decisions") == ["0007-x.md"]


def test_a_folder_with_only_a_readme_is_fine(tmp_path: Path) -> None:
    write(tmp_path, {"decisions/README.md": "# Our decisions\n\nSee below.\n"})
    assert adr("init", cwd=tmp_path).code == 0
    assert sorted(os.listdir(tmp_path / "decisions")) == [FIRST, "README.md"]


def test_a_file_in_the_way_is_refused(tmp_path: Path) -> None:
    write(tmp_path, {"decisions": "not a folder"})
    assert "exists and is not a folder" in one_line_error(adr("init", cwd=tmp_path))


def test_the_real_command(tmp_path: Path) -> None:
    result = adr_process("init", "records", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert (tmp_path / "records" / FIRST).is_file()
    assert "decisions_dir: records" in (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    again = adr_process("init", "records", cwd=tmp_path)
    assert again.code == 2
    assert again.stderr.count("\n") == 1
