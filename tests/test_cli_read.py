"""`adr list`, `adr show` and `adr lint`: what they print, and lint agreeing with the build."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli_helpers import ADR, adr, one_line_error, write

REPO = Path(__file__).resolve().parent.parent
_WHERE = r"(?P<file>[^:]+):(?P<line>\d+): (?P<code>[\w-]+):"
_BUILD_WARNING = re.compile(r"^WARNING\s+-\s+madr: " + _WHERE)
_LINT_LINE = re.compile("^" + _WHERE)

MKDOCS_YML = """
site_name: Lint parity
theme: {name: material}
markdown_extensions: [def_list]
plugins: [madr]
"""

DIAGRAM = """
# Containers

```mermaid
C4Container
    title Shop
    Container(api, "API", "Python")
    ContainerDb(orders, "Orders", "PostgreSQL")
    Rel(api, orders, "reads and writes")
```
"""

GLOSSARY = """
# Glossary

Outbox
:   A table the service writes its events to in the same transaction as its data.
"""

PAGE = """
# Design notes

The [[Outbox]] pattern feeds [[Event bus]]; `[[not a reference]]` is code.

<!-- madr:compare 7 -->

<!-- madr:timelines -->
"""

RECORD = """
---
status: accepted
date: 2025-01-10
c4: [api, ordres]
---

# Write events through an outbox

The [[Outbox]] table and the [[Saga]] that reads it.

## Context and Problem Statement

Events were lost when the broker was down.
"""


def project_with_problems(root: Path) -> None:
    write(
        root,
        {
            "mkdocs.yml": MKDOCS_YML,
            "docs/index.md": "# Shop\n",
            "docs/diagrams/containers.md": DIAGRAM,
            "docs/GLOSSARY.md": GLOSSARY,
            "docs/design.md": PAGE,
            "decisions/0001-write-events-through-an-outbox.md": RECORD,
        },
    )


def problems_of_build(root: Path) -> set[tuple[str, int, str]]:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    found = {
        (match["file"], int(match["line"]), match["code"])
        for line in done.stderr.splitlines()
        if (match := _BUILD_WARNING.match(line))
    }
    assert found, done.stderr
    return found


def problems_of_lint(root: Path) -> set[tuple[str, int, str]]:
    result = adr("lint", "--strict", cwd=root)
    assert result.code == 1, result
    return {
        (match["file"], int(match["line"]), match["code"])
        for line in result.stdout.splitlines()
        if (match := _LINT_LINE.match(line))
    }


@pytest.mark.slow
def test_lint_reports_what_a_strict_build_reports(tmp_path: Path) -> None:
    project_with_problems(tmp_path)
    lint = problems_of_lint(tmp_path)
    assert lint == {
        ("decisions/0001-write-events-through-an-outbox.md", 4, "c4-unknown-element"),
        ("decisions/0001-write-events-through-an-outbox.md", 9, "glossary-unknown-term"),
        ("docs/design.md", 3, "glossary-unknown-term"),
        ("docs/design.md", 5, "unknown-directive"),
        ("docs/design.md", 7, "unknown-directive"),
    }
    build = problems_of_build(tmp_path)
    # The build names pages relative to the project too; a record's glossary reference is
    # reported by the build against its page, so compare codes and pages of docs_dir exactly.
    assert {(f, line, c) for f, line, c in build if f.startswith("docs/")} == {
        (f, line, c) for f, line, c in lint if f.startswith("docs/")
    }
    assert {c for _, _, c in build} == {c for _, _, c in lint}


def test_lint_json_names_files_as_the_text_does(tmp_path: Path) -> None:
    project_with_problems(tmp_path)
    text = adr("lint", cwd=tmp_path)
    listed = json.loads(adr("lint", "--format", "json", cwd=tmp_path).stdout)
    assert [f"{d['file']}:{d['line']}: {d['code']}: {d['message']}" for d in listed] == (
        text.stdout.splitlines()
    )
    assert text.stderr.strip() == "1 record: 0 errors, 5 warnings"


def test_levels_from_mkdocs_yml_apply_to_documentation_checks(tmp_path: Path) -> None:
    project_with_problems(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "plugins: [madr]",
            "plugins:\n  - madr:\n      diagnostics:\n        glossary-unknown-term: ignore\n"
            "        unknown-directive: error\n        c4-unknown-element: info",
        ),
        encoding="utf-8",
    )
    result = adr("lint", cwd=tmp_path)
    assert result.code == 1
    assert "glossary-unknown-term" not in result.stdout
    assert result.stderr.strip() == "1 record: 2 errors, 0 warnings"


def test_the_bundled_example_lints_clean() -> None:
    result = adr("lint", "--strict", cwd=REPO)
    assert (result.code, result.stdout) == (0, ""), result
    assert re.fullmatch(r"\d+ records: 0 errors, 0 warnings\n", result.stderr)


def test_a_record_named_after_a_template_is_still_a_record(tmp_path: Path) -> None:
    assert adr("init", cwd=tmp_path).code == 0
    created = adr("new", "Adopt a pull request template", cwd=tmp_path)
    assert created.code == 0, created
    assert "Adopt a pull request template" in adr("show", "2", cwd=tmp_path).stdout
    assert adr("lint", "--strict", cwd=tmp_path).code == 0
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    page = tmp_path / "site" / "decisions" / "0002-adopt-a-pull-request-template" / "index.html"
    assert "Adopt a pull request template" in page.read_text(encoding="utf-8")
    index = (tmp_path / "site" / "decisions" / "index.html").read_text(encoding="utf-8")
    assert "0002-adopt-a-pull-request-template/" in index


def test_the_folder_readme_written_by_adr_index_is_not_reported(tmp_path: Path) -> None:
    assert adr("init", cwd=tmp_path).code == 0
    assert adr("index", "--output", "decisions/README.md", cwd=tmp_path).code == 0
    result = adr("lint", "--strict", cwd=tmp_path)
    assert (result.code, result.stdout) == (0, "")


def test_list_with_a_status_nobody_uses_says_which_are_used(tmp_path: Path) -> None:
    assert adr("init", cwd=tmp_path).code == 0
    result = adr("list", "--status", "nope", cwd=tmp_path)
    assert result.code == 0
    assert result.stderr.strip() == "no records with status nope (statuses in use: accepted)"


def test_list_json_is_filtered_and_keeps_configured_levels(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "mkdocs.yml": "site_name: x\nplugins:\n  - madr:\n      diagnostics:\n"
            "        missing-status: error\n",
            "decisions/0001-a.md": "# A\n\nStatus: accepted\n",
            "decisions/0002-b.md": "# B\n\n## Context\n\nNo status here.\n",
        },
    )
    result = adr("list", "--format", "json", "--status", "accepted", cwd=tmp_path)
    listed = json.loads(result.stdout)
    assert [d["id"] for d in listed["decisions"]] == ["0001"]
    assert [(d["code"], d["severity"]) for d in listed["diagnostics"]] == [
        ("missing-status", "error")
    ]


def test_missing_records_are_named_relative_to_where_the_user_is(tmp_path: Path) -> None:
    assert adr("init", cwd=tmp_path).code == 0
    assert one_line_error(adr("show", "99", cwd=tmp_path)) == "adr: decisions: no record '99'"
    assert one_line_error(adr("status", "99", "accepted", cwd=tmp_path)) == (
        "adr: decisions: no record '99'"
    )
    missing = one_line_error(adr("list", "--dir", "elsewhere", cwd=tmp_path))
    assert missing.startswith("adr: elsewhere: no such folder (run `adr init`")


@pytest.mark.parametrize("command", [("list",), ("show", "7"), ("list", "--format", "json")])
def test_a_reader_that_leaves_early_gets_no_error(command: tuple[str, ...]) -> None:
    """`adr list | head`: the pipe closes before adr writes; no 'internal error' line."""
    process = subprocess.Popen(
        [ADR, *command], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    process.stdout.close()  # nobody reads: every write fails with EPIPE
    _, errors = process.communicate(timeout=60)
    assert b"internal error" not in errors
    assert b"Traceback" not in errors
    assert process.returncode == 1


def test_lint_keeps_the_readers_own_lower_severity(tmp_path: Path) -> None:
    """A folder whose records state no status: the reader lowers missing-status to info there,
    and `adr lint` (no setting for the code) prints it as info, as the build logs it."""
    write(
        tmp_path / "decisions",
        {f"000{n}-step-{n}.md": f"# Step {n}\n\n## Context\n\nWhy step {n}.\n" for n in (1, 2, 3)},
    )
    listed = json.loads(adr("lint", "--format", "json", cwd=tmp_path).stdout)
    assert {(d["code"], d["severity"]) for d in listed} == {("missing-status", "info")}
    assert adr("lint", "--strict", cwd=tmp_path).code == 0
