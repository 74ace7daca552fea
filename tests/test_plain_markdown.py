"""The line-by-line reader (`parse.plain_markdown`) against markdown-it, which it stands in for.

Wherever `scan` answers, its headings and blocks must be the ones markdown-it's tokens give, to
the line: on every Markdown file of the repository and on random documents made of the lines
records are written with (and the ones that trip a reader up: lazy lines, markers that cannot
interrupt a paragraph, ordered lists numbered from 2, fences, rules, HTML, tabs). The random
documents run `MADR_FUZZ_EXAMPLES` examples (default 150, as the other properties).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs_madr.core.parse.front_matter import read_front_matter
from mkdocs_madr.core.parse.outline import _MD, _entries, parse_outline
from mkdocs_madr.core.parse.plain_markdown import scan

ROOT = Path(__file__).parent.parent
FILES = sorted(
    path
    for folder in ("tests/fixtures", "docs", "decisions", "examples")
    if (ROOT / folder).is_dir()
    for path in (ROOT / folder).rglob("*.md")
)
EXAMPLES = int(os.environ.get("MADR_FUZZ_EXAMPLES", "150"))


def body_of(path: Path) -> str:
    text = path.read_bytes().decode("utf-8", errors="replace")  # one fixture is Latin-1
    return read_front_matter(text, path.name, []).body


def markdown_it(body: str, offset: int = 0) -> list[object]:
    return list(_entries(_MD.parse(body), offset))


def test_the_repository_has_files_the_scanner_reads() -> None:
    bodies = [body_of(path) for path in FILES]
    read = [body for body in bodies if scan(body) is not None]
    assert len(FILES) > 300
    assert len(read) > len(FILES) / 3  # else the fast path is never taken


@pytest.mark.parametrize("path", FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_file_reads_as_markdown_it_reads_it(path: Path) -> None:
    body = body_of(path)
    found = scan(body, 4)
    if found is not None:
        assert found == markdown_it(body, 4)


LINES = [
    "",
    "",
    "   ",
    "# Title",
    "## Considered Options",
    "### Option 1 ###",
    "####### seven",
    "#hashtag",
    "Some text.",
    "more text, wrapped",
    "  indented two",
    "    indented four",
    "      indented six",
    "lazy line",
    "* Good, because fast",
    "* Bad, because slow",
    "- dash item",
    "+ plus item",
    "*no space",
    "*",
    "-",
    "1. first",
    "2. second",
    "1) paren",
    "10. ten",
    "1.",
    "  * nested",
    "  - nested dash",
    "   1. nested numbered",
    "    * four in",
    "     * five in",
    "*     five spaces",
    "```",
    "```yaml",
    "~~~",
    "``` a`b",
    "  ```",
    "---",
    "===",
    "* * *",
    "> quoted",
    "<!-- comment -->",
    "<!-- a comment that goes on",
    "and ends here -->",
    "  <!-- indented -->",
    "<div>",
    "___",
    "***",
    "--",
    "- - -",
    "=",
    "| a | b |",
    "\ttab",
    "text with trailing  ",
]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.sampled_from(LINES), max_size=40), st.booleans())
def test_random_documents_read_as_markdown_it_reads_them(lines: list[str], final: bool) -> None:
    body = "\n".join(lines) + ("\n" if final else "")
    found = scan(body, 2)
    if found is not None:
        assert found == markdown_it(body, 2)


READ_LINES = [line for line in LINES if scan(line + "\n") is not None]
"""The lines the scanner reads alone: documents of these take the fast path more often."""


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.sampled_from(READ_LINES), max_size=40), st.booleans())
def test_random_plain_documents_read_as_markdown_it_reads_them(
    lines: list[str], final: bool
) -> None:
    body = "\n".join(lines) + ("\n" if final else "")
    found = scan(body, 2)
    if found is not None:
        assert found == markdown_it(body, 2)


def test_what_the_scanner_leaves_to_markdown_it() -> None:
    assert scan("a\n---\n") is None  # a setext heading
    assert scan("<div>\n") is None
    assert scan("* <!-- x -->\n") is None
    assert scan("    code\n") is None
    assert scan("* a\n\tb\n") is None
    assert scan("* a\n*\n") is None  # an empty item


def test_the_outline_is_the_same_either_way() -> None:
    body = (
        "# T\n\n## Considered Options\n\n* A\n  * pro\n* B\nlazy\n\n2. two\n3. three\n\n"
        "```sh\nls\n```\n\n## Decision Outcome\n\nChosen option: A\n"
    )
    assert scan(body) is not None
    fast = parse_outline(body, 3)
    assert markdown_it(body, 3) == scan(body, 3)
    assert [part.title for part in fast.walk()] == [
        "",
        "T",
        "Considered Options",
        "Decision Outcome",
    ]


def test_lists_nested_deeply_are_left_to_markdown_it() -> None:
    deep = "".join("  " * depth + f"- x{depth}\n" for depth in range(21)) + "\n## Next\n\nText.\n"
    assert scan(deep) is None
    shallow = "".join("  " * depth + f"- x{depth}\n" for depth in range(4))
    assert scan(shallow) == markdown_it(shallow)
