"""Shell completion through click (`_ADR_COMPLETE=bash_source adr`), with record ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli_helpers import adr_process, write


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "decisions/0001-use-postgres.md": "# Use Postgres\n",
            "decisions/0002-use-redis.md": "# Use Redis\n",
            "decisions/README.md": "# Decisions\n",
            "decisions/platform/0001-talos.md": "# Talos\n",
            "elsewhere/0042-answer.md": "# Answer\n",
        },
    )
    return tmp_path


def complete(project: Path, words: str, shell: str = "bash") -> list[str]:
    count = len(words.split()) - (0 if words.endswith(" ") else 1)
    result = adr_process(
        cwd=project,
        env={
            "_ADR_COMPLETE": f"{shell}_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(count),
        },
    )
    assert result.code == 0, result.stderr
    return [line.split(",", 1)[1] for line in result.stdout.splitlines() if "," in line]


def test_record_ids_complete(project: Path) -> None:
    assert complete(project, "adr show ") == ["0001", "0002", "platform/0001"]
    assert complete(project, "adr status 00") == ["0001", "0002"]
    assert complete(project, "adr status use-r") == ["0002"]


@pytest.mark.parametrize(
    "words",
    ["adr supersede 0001 ", "adr link 0001 Amends ", "adr new Title --supersedes "],
)
def test_every_id_argument_completes(project: Path, words: str) -> None:
    assert "0002" in complete(project, words)


def test_the_folder_follows_dir(project: Path) -> None:
    assert complete(project, "adr show --dir elsewhere ") == ["0042"]


def test_templates_complete(project: Path) -> None:
    assert complete(project, "adr new Title --template madr4") == [
        "madr4",
        "madr4-minimal",
        "madr4-bare",
    ]


def test_commands_complete(project: Path) -> None:
    commands = complete(project, "adr ")
    for name in ("new", "status", "supersede", "link", "index", "graph", "init", "list"):
        assert name in commands


def test_the_bash_script_is_printed(project: Path) -> None:
    result = adr_process(cwd=project, env={"_ADR_COMPLETE": "bash_source"})
    assert result.code == 0
    assert "_adr_completion()" in result.stdout
    assert "complete -o nosort -F _adr_completion adr" in result.stdout


@pytest.mark.parametrize(
    "command", ["new", "status", "supersede", "link", "index", "graph", "init"]
)
def test_help_has_an_example(project: Path, command: str) -> None:
    result = adr_process(command, "--help", cwd=project)
    assert result.code == 0
    assert f"adr {command}" in result.stdout.split("Example", 1)[1]
