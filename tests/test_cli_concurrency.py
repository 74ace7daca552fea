"""Many `adr new` processes at once: distinct numbers, distinct files, no errors."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from mkdocs_madr.cli.files import folder_lock, lock_path
from mkdocs_madr.core.identity import identify
from test_cli_helpers import ADR, write

pytestmark = pytest.mark.slow

PROCESSES = 20


def start_all(folder: Path, titles: list[str]) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(
            [ADR, "new", title, "--dir", str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for title in titles
    ]
    results = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=120)
        results.append(
            subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        )
    return results


@pytest.mark.slow
@pytest.mark.parametrize("same_title", [False, True], ids=["titles", "one-title"])
def test_twenty_processes_get_twenty_numbers(tmp_path: Path, same_title: bool) -> None:
    folder = tmp_path / "decisions"
    write(folder, {"0001-first.md": "# First\n", "0002-second.md": "# Second\n"})
    titles = ["Same decision" if same_title else f"Decision {index}" for index in range(PROCESSES)]
    results = start_all(folder, titles)
    assert [(r.returncode, r.stderr) for r in results] == [(0, "")] * PROCESSES
    printed = [Path(r.stdout.strip()) for r in results]
    assert len(set(printed)) == PROCESSES
    names = sorted(os.listdir(folder))
    assert len(names) == PROCESSES + 2
    numbers = sorted(identify(name).number or 0 for name in names)
    assert numbers == list(range(1, PROCESSES + 3))
    assert not [name for name in names if name.startswith(".")]


def test_the_lock_file_stays_out_of_the_repository(tmp_path: Path) -> None:
    folder = tmp_path / "decisions"
    folder.mkdir()
    with folder_lock(folder):
        assert lock_path(folder).exists()
    assert os.listdir(folder) == []
    assert not str(lock_path(folder)).startswith(str(tmp_path / "decisions"))
    assert lock_path(folder) == lock_path(tmp_path / "decisions" / ".." / "decisions")
