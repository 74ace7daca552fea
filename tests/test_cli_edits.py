"""The pure text helpers behind the writing commands: lines, YAML scalars, names."""

from __future__ import annotations

import string

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from mkdocs_madr.cli.numbering import file_slug, numbering
from mkdocs_madr.edits.document import Document
from mkdocs_madr.edits.markdown_text import href, inline, one_line, table_cell
from mkdocs_madr.edits.yaml_text import flow_list, quoted, scalar, split_key_line
from test_cli_helpers import RECORDS

text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
)


@pytest.mark.parametrize(
    "path", sorted(p for p in RECORDS.glob("*/*") if p.name != "expected.json"), ids=str
)
def test_documents_round_trip_byte_for_byte(path) -> None:  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    try:
        document = Document.from_bytes(data)
    except UnicodeDecodeError:
        pytest.skip("not UTF-8")
    assert document.to_bytes() == data


@given(st.lists(st.sampled_from(["a", "", " x ", "\t"]), max_size=6), st.data())
def test_documents_keep_any_mix_of_endings(lines: list[str], data: st.DataObject) -> None:
    endings = [data.draw(st.sampled_from(["\n", "\r\n", "\r"])) for _ in lines]
    if endings and data.draw(st.booleans()):
        endings[-1] = ""
    source = "".join(line + ending for line, ending in zip(lines, endings, strict=True))
    assert Document.from_text(source).text() == source


def test_appending_to_a_file_without_final_newline() -> None:
    document = Document.from_text("a\r\nb")
    document.insert(2, ["c", "d"])
    assert document.text() == "a\r\nb\r\nc\r\nd"


@given(text)
def test_yaml_scalars_read_back(value: str) -> None:
    assert yaml.safe_load(f"key: {quoted(value)}")["key"] == value
    if value:
        assert yaml.safe_load(f"key: {scalar(value)}")["key"] == value


@given(st.lists(text.filter(bool), max_size=4))
def test_yaml_flow_lists_read_back(values: list[str]) -> None:
    assert yaml.safe_load(f"key: {flow_list(values)}")["key"] == values


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("accepted", "accepted"),
        ("on hold", "on hold"),
        ("superseded by [ADR-0005](0005-x.md)", "superseded by [ADR-0005](0005-x.md)"),
        ("yes", '"yes"'),
        ("2024-01-01", '"2024-01-01"'),
        ("a: b", '"a: b"'),
        ("x # y", '"x # y"'),
    ],
)
def test_plain_scalars_only_when_unambiguous(value: str, written: str) -> None:
    assert scalar(value) == written


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ('status: "accepted" # why', ("status", "status: ", '"accepted"', " # why", '"')),
        ("status: it's fine", ("status", "status: ", "it's fine", "", "plain")),
        ("status: 'a''b'  ", ("status", "status: ", "'a''b'", "  ", "'")),
        ("status:", ("status", "status:", "", "", "empty")),
        ("status:   # later", ("status", "status:   ", "", "# later", "empty")),
    ],
)
def test_front_matter_lines_split(line: str, parts: tuple[str, ...]) -> None:
    found = split_key_line(line)
    assert found is not None
    assert (found.key, found.prefix, found.value, found.suffix, found.style) == parts


def test_markdown_helpers() -> None:
    assert one_line("a\nb\x00c\td") == "a b c d"
    assert inline("Use <b> & &amp; in C #") == "Use &lt;b> & &amp;amp; in C \\#"
    assert table_cell("a|b*c") == "a\\|b\\*c"
    assert href("my file (1).md") == "my%20file%20%281%29.md"
    assert href("über.md") == "über.md"


def test_numbering_reads_the_folder() -> None:
    assert numbering([], 4) == numbering(["README.md"], 4)
    assert numbering(["0009-a.md", "0010-b.md"], 3).next_number == 11
    assert numbering(["0009-a.md", "0010-b.md"], 3).width == 4
    assert numbering(["20200101-a.md", "20200102-b.md", "0001-c.md"], 4).dated
    assert not numbering(["20200101-a.md", "0001-c.md", "0002-d.md"], 4).dated


@given(st.text(max_size=300))
def test_file_slugs_are_safe(title: str) -> None:
    slug = file_slug(title)
    assert slug
    assert len(slug.encode("utf-8")) <= 180
    assert not set(slug) & set("/\\" + string.whitespace + "\x00")
    assert slug not in (".", "..")
