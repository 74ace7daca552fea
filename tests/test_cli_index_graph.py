"""`adr index` (a Markdown decision log between markers) and `adr graph` (Mermaid, DOT)."""

from __future__ import annotations

import os
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from mkdocs_madr.core.collection import load_collection
from test_cli_helpers import adr, adr_process, one_line_error, write

START = "<!-- adr-index:start -->"
END = "<!-- adr-index:end -->"
NASTY = "Use a | pipe, **bold**, `x|y`, [brackets], _under_ and &lt;b&gt; \\"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(
        tmp_path / "decisions",
        {
            "0001-old.md": """
                # 1. Keep billing in the monolith

                Date: 2022-01-10

                ## Status

                Superseded by [2. Extract billing](0002-extract-billing.md)
            """,
            "0002-extract-billing.md": """
                # 2. Extract "billing" \\ now

                Date: 2022-02-01

                ## Status

                Accepted

                Supersedes [1. Keep billing in the monolith](0001-old.md)
            """,
            "0003-nasty.md": f"---\nstatus: proposed\ndate: 2023-03-03\n---\n\n# {NASTY}\n",
        },
    )
    return tmp_path


def table_rows(markdown: str) -> list[list[str]]:
    """The table as a Markdown renderer sees it: the text of each cell, per body row."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows: list[list[str]] = []
    inside_body = False
    for token in tokens:
        if token.type == "tbody_open":
            inside_body = True
        elif token.type == "tr_open" and inside_body:
            rows.append([])
        elif token.type == "inline" and inside_body:
            rows[-1].append(token.content)
    return rows


def test_index_prints_a_table(project: Path) -> None:
    result = adr("index", cwd=project)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "| ID | Decision | Status | Date |"
    link = "[Keep billing in the monolith](decisions/0001-old.md)"
    assert lines[2] == f"| 0001 | {link} | superseded | 2022-01-10 |"
    rows = table_rows(result.stdout)
    assert [len(row) for row in rows] == [4, 4, 4]
    rendered = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert "<b>" not in rendered
    assert "<td>0003</td>" in rendered


def test_a_nasty_title_cannot_break_the_table(project: Path) -> None:
    rows = table_rows(adr("index", cwd=project).stdout)
    assert len(rows[2]) == 4
    html = MarkdownIt("commonmark").enable("table").renderInline(rows[2][1])
    title = load_collection(project / "decisions").decisions[2].title
    assert title == "Use a | pipe, bold, x|y, [brackets], under and <b> \\"
    assert f">{escape(title, quote=False)}</a>" in html


def test_index_creates_the_output_file_with_markers(project: Path) -> None:
    (project / "docs").mkdir()
    result = adr("index", "--output", "docs/README.md", cwd=project)
    assert result.code == 0, result.stderr
    text = (project / "docs" / "README.md").read_text(encoding="utf-8")
    assert text.startswith(START + "\n| ID |")
    assert text.endswith(END + "\n")
    assert "(../decisions/0002-extract-billing.md)" in text


def test_only_the_lines_between_the_markers_change(project: Path) -> None:
    readme = (
        b"# Project\r\n\r\nIntro with trailing spaces.  \r\n\r\n"
        + START.encode()
        + b"\r\nstale table\r\n"
        + END.encode()
        + b"\r\n\r\nFooter\n"
    )
    write(project, {"README.md": readme})
    assert adr("index", "-o", "README.md", cwd=project).code == 0
    data = (project / "README.md").read_bytes()
    head, rest = data.split(START.encode() + b"\r\n", 1)
    table, tail = rest.split(END.encode(), 1)
    assert head == b"# Project\r\n\r\nIntro with trailing spaces.  \r\n\r\n"
    assert tail == b"\r\n\r\nFooter\n"
    assert b"stale" not in table
    assert table.count(b"\r\n") == 5
    assert b"\n" not in table.replace(b"\r\n", b"")
    mtime = (project / "README.md").stat().st_mtime_ns
    again = adr("index", "-o", "README.md", cwd=project)
    assert "already up to date" in again.stdout
    assert (project / "README.md").stat().st_mtime_ns == mtime


def test_markers_are_appended_when_missing(project: Path) -> None:
    write(project, {"README.md": "# Project\n\nSome text."})
    assert adr("index", "--output", "README.md", cwd=project).code == 0
    text = (project / "README.md").read_text(encoding="utf-8")
    assert text.startswith("# Project\n\nSome text.\n\n" + START + "\n")
    assert text.endswith(END)


def test_markers_inside_code_are_ignored(project: Path) -> None:
    write(project, {"README.md": f"# Project\n\n```\n{START}\n{END}\n```\n"})
    assert adr("index", "--output", "README.md", cwd=project).code == 0
    text = (project / "README.md").read_text(encoding="utf-8")
    assert text.startswith(f"# Project\n\n```\n{START}\n{END}\n```\n\n{START}\n| ID")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (f"x\n{START}\n", f"README.md:2: found one index marker but not '{END}'"),
        (f"{END}\n{START}\n", f"README.md:1: '{END}' must come after '{START}'"),
    ],
)
def test_broken_markers_are_refused(project: Path, content: str, expected: str) -> None:
    write(project, {"README.md": content})
    assert one_line_error(adr("index", "--output", "README.md", cwd=project)).endswith(
        expected + "; nothing changed"
    )
    assert (project / "README.md").read_text(encoding="utf-8") == content


def test_index_into_a_folder_is_refused(project: Path) -> None:
    (project / "out.md").mkdir()
    line = one_line_error(adr("index", "--output", "out.md", cwd=project))
    assert line.endswith("'out.md' is a directory. (see 'adr index --help')")


def test_graph_mermaid(project: Path) -> None:
    result = adr("graph", cwd=project)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "flowchart LR"
    assert "  n1 ==>|supersedes| n0" in lines
    assert not any("0003" in line for line in lines)


def test_graph_dot_quotes_labels(project: Path) -> None:
    result = adr("graph", "--format", "dot", cwd=project)
    assert result.code == 0, result.stderr
    assert result.stdout.startswith("digraph decisions {\n")
    assert '"0002" -> "0001" [label="supersedes", style=bold];' in result.stdout
    assert 'label="ADR-0002: Extract \\"billing\\" \\\\ now"' in result.stdout


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")
def test_graph_dot_is_valid_for_graphviz(project: Path) -> None:
    source = adr("graph", "--format", "dot", cwd=project).stdout
    subprocess.run(["dot", "-Tsvg"], input=source, text=True, check=True, capture_output=True)


def test_the_real_commands(project: Path) -> None:
    result = adr_process("index", "--output", "README.md", cwd=project)
    assert result.code == 0, result.stderr
    assert (project / "README.md").is_file()
    result = adr_process("graph", "--format", "dot", cwd=project)
    assert result.code == 0
    assert "digraph" in result.stdout
    result = adr_process("graph", "--dir", "nowhere", cwd=project)
    assert result.code == 2
    assert result.stderr.count("\n") == 1
    assert os.path.join("nowhere") in result.stderr
