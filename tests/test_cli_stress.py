"""Stress and crash tests for the writing commands, with real `adr` processes.

* Fifty `adr new` started at once in one folder (alone, and mixed with `adr status`,
  `adr supersede` and `adr link` on existing records): fifty distinct numbers and files, each
  complete, no error output, and the existing records changed only as the edits intend.
* `adr supersede` killed with SIGKILL: before its first replacement, between its two
  replacements, and at random moments. Each record is then either its old bytes or its
  complete new bytes, the temporary files never look like records, `adr lint` describes a
  half-done supersede as `one-sided-supersede`, and running `adr supersede` again finishes it.

The kill points are made deterministic with the test-only seam in `cli/files.py`:
`ADR_TEST_PAUSE_BEFORE_REPLACE=<seconds>` prints a marker line to stderr once a temporary file
is complete and sleeps before `os.replace`.
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from mkdocs_madr.cli.files import TEST_PAUSE_MARKER, TEST_PAUSE_VARIABLE
from mkdocs_madr.cli.numbering import record_names
from mkdocs_madr.core.collection import load_collection
from mkdocs_madr.core.diagnostics import Code
from mkdocs_madr.core.identity import identify
from mkdocs_madr.core.model import RelationKind
from mkdocs_madr.core.parse.record import parse_decision
from test_cli_helpers import ADR, adr, adr_process, write

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and select on pipes"),
]

NEW_PROCESSES = 50
RANDOM_RUNS = 30
RANDOM_WINDOW = 0.060  # seconds: the kill lands somewhere in a 60 ms window
TIMEOUT = 120.0

MADR4 = """\
---
status: proposed
date: 2024-01-10
---

# Keep billing in the monolith

## Context and Problem Statement

Billing is part of the monolith.\r
A trailing space stays here.\x20

## Decision Outcome

Chosen option: "Keep it", because it works.
"""
MADR2 = """\
# Extract billing

* Status: accepted
* Deciders: Ana, Ben
* Date: 2024-02-01

## Context and Problem Statement

Billing grows.

## Decision Outcome

Chosen option: "Extract it", because it scales.

## Links

* Relates to [ADR-0001](0001-keep-billing-in-the-monolith.md)
"""
NYGARD = """\
# 3. Record architecture decisions

Date: 2024-03-01

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records.

## Consequences

See Michael Nygard's article.
"""
MADR3 = """\
---
status: accepted
date: 2024-04-01
deciders: Ana
---
# Use Postgres

## Context and Problem Statement

We need a database.

## Decision Outcome

Chosen option: "Postgres", because we know it.
"""
EXISTING = {
    "0001-keep-billing-in-the-monolith.md": MADR4,
    "0002-extract-billing.md": MADR2,
    "0003-record-architecture-decisions.md": NYGARD,
    "0004-use-postgres.md": MADR3,
    "0005-untouched.md": "# Untouched\n\n* Status: accepted\n",
}
OLD, NEW = "0001-keep-billing-in-the-monolith.md", "0002-extract-billing.md"


# --- helpers -------------------------------------------------------------------------------


def existing_folder(root: Path) -> Path:
    folder = root / "decisions"
    write(folder, dict(EXISTING))
    return folder


def contents(folder: Path) -> dict[str, bytes]:
    """Every entry of the folder (hidden ones too) with its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def leftovers(folder: Path) -> list[str]:
    """Names in the folder that are not records: temporary files of a killed run."""
    return sorted(set(os.listdir(folder)) - set(record_names(folder)))


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, **extra}


def start(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [ADR, *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env or environment(),
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    stdout, stderr = process.communicate(timeout=TIMEOUT)
    return process.returncode, stdout, stderr


def expected_after(
    root: Path, edits: list[list[str]], source: Path | None = None
) -> dict[str, bytes]:
    """The records' bytes after running `edits` one by one on a copy of the folder, made
    beside the project (inside it, `adr lint` would read the copy's citations)."""
    reference = root.parent / f"{root.name}-reference"
    shutil.copytree(source or root / "decisions", reference / "decisions")
    for edit in edits:
        result = adr(*edit, cwd=reference)
        assert result.code == 0, (edit, result.stderr)
    return contents(reference / "decisions")


def wait_for_markers(process: subprocess.Popen[str], count: int) -> list[str]:
    """Read stderr until `count` pause markers arrived; the paths they name, in order.

    Reads the pipe's descriptor directly (no buffered readline), so two markers that arrive
    together are both seen and `select` never waits for a line already read.
    """
    assert process.stderr is not None
    descriptor = process.stderr.fileno()
    deadline = time.monotonic() + TIMEOUT
    received = b""
    while True:
        lines = received.decode("utf-8", "replace").splitlines(keepends=True)
        complete = [line for line in lines if line.endswith("\n")]
        paths = [
            line[len(TEST_PAUSE_MARKER) :].strip()
            for line in complete
            if line.startswith(TEST_PAUSE_MARKER)
        ]
        if len(paths) >= count:
            return paths[:count]
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([descriptor], [], [], max(0.0, remaining))
        assert ready, f"no pause marker within {TIMEOUT}s: {received!r}"
        chunk = os.read(descriptor, 4096)
        assert chunk, f"adr ended before pause marker {len(paths) + 1}: {received!r}"
        received += chunk


def kill(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=TIMEOUT)


def assert_lint_runs(root: Path) -> list[str]:
    """`adr lint` reads the folder without crashing; its problem lines."""
    result = adr_process("lint", cwd=root)
    assert result.code in (0, 1), result
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr
    assert result.stderr.strip().rstrip("s").endswith("warning"), result.stderr
    return result.stdout.splitlines()


# --- fifty `adr new` at once ---------------------------------------------------------------


def titles(count: int) -> list[str]:
    return [f"Concurrent decision {index:02d}" for index in range(count)]


def reference_records(root: Path, names: list[str]) -> dict[str, bytes]:
    """What `adr new TITLE` writes for each title, made one at a time in another folder."""
    folder = root / "single"
    folder.mkdir()
    made = {}
    for title in names:
        result = adr("new", title, "--dir", str(folder), cwd=root)
        assert result.code == 0, result.stderr
        made[title] = (root / result.stdout.strip()).read_bytes()
    return made


def check_new_records(
    folder: Path,
    results: list[tuple[int, str, str]],
    wanted: list[str],
    reference: dict[str, bytes],
) -> set[str]:
    """Every `adr new` succeeded silently and wrote its complete record; the new names."""
    assert [(code, stderr) for code, _, stderr in results] == [(0, "")] * len(wanted)
    printed = [Path(stdout.strip()).name for _, stdout, _ in results]
    assert len(set(printed)) == len(wanted)
    for title, name in zip(wanted, printed, strict=True):
        data = (folder / name).read_bytes()
        decision = parse_decision(data, name)
        assert decision.title == title, name
        # madr4 text does not depend on the number: the same bytes as a lone `adr new`
        assert data == reference[title], name
    return set(printed)


@pytest.mark.slow
def test_fifty_concurrent_new_get_fifty_complete_files(tmp_path: Path) -> None:
    folder = existing_folder(tmp_path)
    before = contents(folder)
    wanted = titles(NEW_PROCESSES)
    reference = reference_records(tmp_path, wanted)
    processes = [start("new", title, "--dir", str(folder), cwd=tmp_path) for title in wanted]
    results = [finish(process) for process in processes]

    made = check_new_records(folder, results, wanted, reference)
    after = contents(folder)
    assert set(after) == set(before) | made
    assert {name: after[name] for name in before} == before
    numbers = sorted(identify(name).number or 0 for name in after)
    assert numbers == list(range(1, len(EXISTING) + NEW_PROCESSES + 1))
    assert leftovers(folder) == []


@pytest.mark.slow
def test_fifty_new_mixed_with_edits_and_readers(tmp_path: Path) -> None:
    """`adr new` x50 racing `adr status`, `adr supersede`, `adr link` and the readers."""
    folder = existing_folder(tmp_path)
    before = contents(folder)
    edits = [
        ["supersede", "1", "2"],
        ["status", "3", "deprecated"],
        ["link", "4", "Amends", "3"],
        ["status", "4", "rejected"],
    ]
    # The edits run in whatever order they get the lock; they commute (checked on all 24
    # orders once; the forward and backward orders here), so the result is one set of bytes.
    expected = expected_after(tmp_path / "forward", edits, source=folder)
    assert expected_after(tmp_path / "backward", edits[::-1], source=folder) == expected
    wanted = titles(NEW_PROCESSES)
    reference = reference_records(tmp_path, wanted)

    commands: list[list[str]] = [["new", title] for title in wanted]
    for position, edit in zip((3, 17, 29, 41), edits, strict=True):
        commands.insert(position, edit)
    for position in (10, 25, 40):
        commands.insert(position, ["list"])
    processes = [(command, start(*command, cwd=tmp_path)) for command in commands]
    results = [(command, finish(process)) for command, process in processes]

    new_results = [result for command, result in results if command[0] == "new"]
    made = check_new_records(folder, new_results, wanted, reference)
    for command, (code, stdout, stderr) in results:
        if command[0] != "new":
            assert (code, stderr) == (0, ""), (command, stdout, stderr)

    after = contents(folder)
    assert set(after) == set(before) | made
    assert {name: after[name] for name in before} == expected
    assert after["0005-untouched.md"] == before["0005-untouched.md"]
    numbers = sorted(identify(name).number or 0 for name in after)
    assert numbers == list(range(1, len(EXISTING) + NEW_PROCESSES + 1))
    assert leftovers(folder) == []
    collection = load_collection(folder)
    assert len(collection.decisions) == len(EXISTING) + NEW_PROCESSES
    relation_codes = {Code.ONE_SIDED_SUPERSEDE, Code.MISSING_SUCCESSOR, Code.UNRESOLVED_RELATION}
    assert [d for d in collection.all_diagnostics() if d.code in relation_codes] == []


# --- killed `adr supersede` ----------------------------------------------------------------


@pytest.fixture
def supersede_case(tmp_path: Path) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A project, the records' bytes before `adr supersede 1 2` and after it completes."""
    folder = existing_folder(tmp_path / "project")
    before = contents(folder)
    after = expected_after(tmp_path / "project", [["supersede", "1", "2"]])
    assert after[OLD] != before[OLD]
    assert after[NEW] != before[NEW]
    assert {name for name in after if after[name] != before[name]} == {OLD, NEW}
    return tmp_path / "project", before, after


def check_crash_state(
    root: Path, before: dict[str, bytes], after: dict[str, bytes]
) -> tuple[bool, bool]:
    """Each record old or complete new; the rest untouched; no temporary file as a record."""
    folder = root / "decisions"
    now = {name: (folder / name).read_bytes() for name in record_names(folder)}
    assert set(now) == set(before), leftovers(folder)
    for name, data in now.items():
        assert data in (before[name], after[name]), name
    for name in leftovers(folder):
        assert name.startswith("."), name
        assert name.endswith(".tmp"), name
        assert not name.lower().endswith((".md", ".markdown")), name
    collection = load_collection(folder)
    assert sorted(d.file for d in collection.decisions) == sorted(before)
    old_done, new_done = now[OLD] == after[OLD], now[NEW] == after[NEW]
    assert old_done or not new_done, "the newer record was written before the older one"
    return old_done, new_done


def rerun_supersede(root: Path, after: dict[str, bytes], *, in_process: bool = False) -> None:
    """A second `adr supersede 1 2` finishes the job; a third changes nothing."""
    run = adr if in_process else adr_process
    for _ in range(2):
        result = run("supersede", "1", "2", cwd=root)
        assert result.code == 0, result.stderr
        assert result.stderr == ""
        folder = root / "decisions"
        assert {name: (folder / name).read_bytes() for name in record_names(folder)} == after


def paused_supersede(root: Path, markers: int) -> list[str]:
    """Start `adr supersede 1 2`, let `markers - 1` files be replaced, kill it before the next."""
    pauses = ["0"] * (markers - 1) + ["60"]
    env = environment(**{TEST_PAUSE_VARIABLE: ",".join(pauses)})
    process = start("supersede", "1", "2", cwd=root, env=env)
    try:
        paths = wait_for_markers(process, markers)
    finally:
        kill(process)
    assert process.returncode == -signal.SIGKILL
    return paths


def test_killed_before_the_first_replace_leaves_both_records_old(
    supersede_case: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    root, before, after = supersede_case
    folder = root / "decisions"
    paths = paused_supersede(root, 1)
    assert Path(paths[0]).name == OLD

    assert check_crash_state(root, before, after) == (False, False)
    stray = leftovers(folder)
    assert len(stray) == 1
    assert stray[0].startswith(f".{OLD}.")
    assert (folder / stray[0]).read_bytes() == after[OLD]  # complete, only never moved in place
    listed = adr_process("list", cwd=root)
    assert (listed.code, listed.stderr) == (0, "")
    assert len(listed.stdout.splitlines()) == 1 + len(EXISTING)
    assert not [line for line in assert_lint_runs(root) if "one-sided-supersede" in line]
    # a new record still gets the next number: the temporary file takes none
    made = adr_process("new", "After the crash", cwd=root)
    assert made.code == 0, made.stderr
    assert Path(made.stdout.strip()).name == f"{len(EXISTING) + 1:04d}-after-the-crash.md"
    (folder / Path(made.stdout.strip()).name).unlink()

    rerun_supersede(root, after)


def test_killed_between_the_two_replaces_is_one_sided_and_finishes(
    supersede_case: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    root, before, after = supersede_case
    folder = root / "decisions"
    paths = paused_supersede(root, 2)
    assert [Path(path).name for path in paths] == [OLD, NEW]

    assert check_crash_state(root, before, after) == (True, False)
    stray = leftovers(folder)
    assert len(stray) == 1
    assert stray[0].startswith(f".{NEW}.")

    problems = assert_lint_runs(root)
    one_sided = [line for line in problems if "one-sided-supersede" in line]
    assert len(one_sided) == 1, problems
    assert OLD in one_sided[0]
    assert "0001 is superseded by 0002, but 0002 does not say it supersedes 0001" in one_sided[0]
    collection = load_collection(folder)
    first = collection.find("1")
    assert first is not None
    assert first.status == "superseded"

    rerun_supersede(root, after)
    assert not [line for line in assert_lint_runs(root) if "supersede" in line]
    collection = load_collection(folder)
    second = collection.find("2")
    assert second is not None
    assert second.related(RelationKind.SUPERSEDES) == ["0001"]


def test_a_slow_write_is_not_visible_half_done(
    supersede_case: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    """While adr waits before the rename, readers see the old record and nothing else."""
    root, before, after = supersede_case
    env = environment(**{TEST_PAUSE_VARIABLE: "0.5"})
    process = start("supersede", "1", "2", cwd=root, env=env)
    try:
        wait_for_markers(process, 1)
        assert check_crash_state(root, before, after) == (False, False)
        listed = adr_process("list", cwd=root)
        assert (listed.code, listed.stderr) == (0, "")
    finally:
        code, _, stderr = finish(process)
    assert code == 0, stderr
    assert leftovers(root / "decisions") == []
    assert contents(root / "decisions") == after


def time_to_first_marker(root: Path) -> float:
    """How long `adr supersede` takes from start to its first replacement (median of three)."""
    times = []
    for _ in range(3):
        started = time.monotonic()
        process = start(
            "supersede", "1", "2", cwd=root, env=environment(**{TEST_PAUSE_VARIABLE: "0"})
        )
        wait_for_markers(process, 1)
        times.append(time.monotonic() - started)
        code, _, stderr = finish(process)
        assert code == 0, stderr
        reset(root / "decisions")
    return statistics.median(times)


def reset(folder: Path) -> None:
    for name in os.listdir(folder):
        (folder / name).unlink()
    write(folder, dict(EXISTING))


@pytest.mark.slow
@pytest.mark.parametrize("timing", ["natural", "widened"])
def test_killed_at_random_moments(
    supersede_case: tuple[Path, dict[str, bytes], dict[str, bytes]], timing: str
) -> None:
    """30 runs, each killed at a random moment of a 60 ms window around the writes.

    `natural`: no pause; the window is centred on the measured time of the first replacement
    (the two replacements are about a millisecond apart, so most kills land before or after
    both). `widened`: a 20 ms pause before each replacement and the window starting at the
    first marker, so kills land before, between and after the two replacements alike.
    """
    root, before, after = supersede_case
    folder = root / "decisions"
    reset(folder)
    assert contents(folder) == before
    window_start = max(0.0, time_to_first_marker(root) - RANDOM_WINDOW / 2)
    seed = int(os.environ.get("ADR_STRESS_SEED", time.time_ns() % 1_000_000))
    chooser = random.Random(seed)
    outcomes: Counter[tuple[bool, bool]] = Counter()
    for run in range(RANDOM_RUNS):
        delay = chooser.uniform(0.0, RANDOM_WINDOW)
        if timing == "natural":
            process = start("supersede", "1", "2", cwd=root)
            time.sleep(window_start + delay)
        else:
            env = environment(**{TEST_PAUSE_VARIABLE: "0.02"})
            process = start("supersede", "1", "2", cwd=root, env=env)
            wait_for_markers(process, 1)
            time.sleep(delay)
        kill(process)
        try:
            state = check_crash_state(root, before, after)
            if state == (True, False) and outcomes[state] < 3:
                lines = assert_lint_runs(root)
                assert any("one-sided-supersede" in line for line in lines), lines
            rerun_supersede(root, after, in_process=True)
        except AssertionError as error:
            raise AssertionError(f"seed {seed}, run {run}, delay {delay:.3f}s") from error
        outcomes[state] += 1
        reset(folder)
    assert sum(outcomes.values()) == RANDOM_RUNS
    print(f"{timing}: seed {seed}; (old written, new written): {dict(outcomes)}")


def test_killed_new_supersedes_is_one_sided_and_supersede_finishes(
    supersede_case: tuple[Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    """`adr new --supersedes 1` killed after creating the record, before editing record 1."""
    root, before, _ = supersede_case
    folder = root / "decisions"
    env = environment(**{TEST_PAUSE_VARIABLE: "60"})
    process = start("new", "Start over", "--supersedes", "1", cwd=root, env=env)
    try:
        paths = wait_for_markers(process, 1)
    finally:
        kill(process)
    assert Path(paths[0]).name == OLD
    created = f"{len(EXISTING) + 1:04d}-start-over.md"
    assert sorted(record_names(folder)) == sorted([*before, created])
    assert contents(folder)[OLD] == before[OLD]
    created_bytes = (folder / created).read_bytes()
    new = load_collection(folder).find("6")
    assert new is not None
    assert (new.file, new.title) == (created, "Start over")
    assert new.related(RelationKind.SUPERSEDES) == ["0001"]

    problems = assert_lint_runs(root)
    one_sided = [line for line in problems if "one-sided-supersede" in line]
    assert len(one_sided) == 1, problems
    assert "0006 supersedes 0001, but 0001 is still proposed" in one_sided[0]

    result = adr_process("supersede", "1", "6", cwd=root)
    assert (result.code, result.stderr) == (0, ""), result
    assert not [line for line in assert_lint_runs(root) if "supersede" in line]
    assert (folder / created).read_bytes() == created_bytes  # it already said so
    stray = leftovers(folder)  # the killed run's temporary file, hidden from adr
    assert len(stray) == 1
    assert stray[0].startswith(f".{OLD}.")
    assert stray[0].endswith(".tmp")


# Simulates SIGKILL while `create_file` writes the bytes of a new record: a subprocess whose
# `files.os.fdopen` kills the process. The record's name must not exist yet at that moment.
_DIE_AFTER_CREATE = """
import os, signal, sys
import mkdocs_madr.cli.files as files

class DyingOs:
    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def fdopen(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGKILL)

files.os = DyingOs()
from mkdocs_madr.cli.main import main
sys.argv = ["adr", "new", "Crash"]
main()
"""


def test_killed_new_leaves_no_empty_record(tmp_path: Path) -> None:
    folder = tmp_path / "decisions"
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _DIE_AFTER_CREATE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    for name in record_names(folder):
        data = (folder / name).read_bytes()
        assert parse_decision(data, name).title == "Crash", (name, data)
