"""Helpers shared by the `adr` command tests (this module holds no tests itself)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner
from mkdocs_madr.cli.main import cli

ADR = str(Path(sys.executable).with_name("adr"))
RECORDS = Path(__file__).parent / "fixtures" / "records"
_LINES = re.compile(rb"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def adr(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Result:
    """Run `adr` in-process with click's runner, in `cwd`."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner(env=env).invoke(cli, list(args), prog_name="adr")
    finally:
        os.chdir(previous)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def adr_process(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Result:
    """Run the installed `adr` console script in a new process."""
    environment = {**os.environ, **(env or {})}
    done = subprocess.run(
        [ADR, *args], cwd=cwd, capture_output=True, text=True, env=environment, timeout=60
    )
    return Result(done.returncode, done.stdout, done.stderr)


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


def byte_lines(data: bytes) -> list[bytes]:
    """Lines with their own endings (`\\r\\n`, `\\n` or `\\r`), the way the editor sees them."""
    return _LINES.findall(data)


def one_line_error(result: Result) -> str:
    """The failure message: exactly one `adr: ...` line on stderr and no traceback."""
    lines = result.stderr.strip().splitlines()
    assert result.code != 0, result
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("adr: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def fixture_record(case: str) -> Path:
    return next(path for path in (RECORDS / case).iterdir() if path.name != "expected.json")
