"""`adr status`: the status changes in the record's own dialect and nothing else does."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from mkdocs_madr.core.collection import load_collection
from mkdocs_madr.core.parse.record import parse_decision
from test_cli_helpers import (
    RECORDS,
    adr,
    adr_process,
    byte_lines,
    fixture_record,
    one_line_error,
    write,
)

BOM = b"\xef\xbb\xbf"
NOT_RECORDS = {
    "empty-file": "an empty file has no status to set",
    "not-utf8": "not UTF-8: adr refuses to edit it (tested below)",
    "readme-not-a-record": "a README is not a decision record",
    "notes-not-a-record": "meeting notes are not a decision record",
}
REFUSED = {
    "status-line-below-superseded": "the status is stated twice (`Accepted`, and `Superseded "
    "by …` below it): which line a new status replaces is the author's call",
}
CASES = sorted(path.name for path in RECORDS.iterdir() if path.is_dir())
_STATUS_WORD = re.compile(rb"(?i)status")


def test_the_skipped_fixtures_are_exactly_the_non_records() -> None:
    not_records = {
        case
        for case in CASES
        if not parse_decision(
            fixture_record(case).read_bytes(), fixture_record(case).name
        ).is_record
    }
    assert not_records == set(NOT_RECORDS)


def copy_case(case: str, root: Path) -> Path:
    source = fixture_record(case)
    folder = root / "decisions"
    folder.mkdir()
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def status_lines(data: bytes, name: str) -> set[int]:
    """0-based indexes of the lines that state the status (or may carry it in the title)."""
    decision = parse_decision(data, name)
    lines = byte_lines(data)
    found = {decision.lines["status"] - 1} if "status" in decision.lines else set()
    title = decision.lines.get("title")
    if title is not None and re.match(rb"^(?:#+\s*)?(?:\[|[A-Za-z]+:\s)", lines[title - 1]):
        found.add(title - 1)  # a status badge: `# [Superseded by ADR-0031](…) Title`, `# Draft: X`
    found |= {i for i, line in enumerate(lines) if _STATUS_WORD.search(line.split(b":")[0])}
    return found


@pytest.mark.parametrize("value", ["deprecated", "in review"])
@pytest.mark.parametrize("case", CASES)
def test_only_the_status_lines_change(tmp_path: Path, case: str, value: str) -> None:
    if case in NOT_RECORDS:
        pytest.skip(NOT_RECORDS[case])
    path = copy_case(case, tmp_path)
    before = path.read_bytes()
    original = parse_decision(before, path.name)
    key = load_collection(path.parent).decisions[0].key
    result = adr("status", key, value, cwd=tmp_path)
    if case in REFUSED:
        assert result.code == 1
        assert "set it by hand; nothing changed" in result.stderr
        assert path.read_bytes() == before
        return
    assert result.code == 0, result.stderr
    after = path.read_bytes()
    edited = parse_decision(after, path.name)

    assert edited.status == value
    assert after.startswith(BOM) == before.startswith(BOM)
    assert (edited.title, edited.date, edited.deciders, edited.chosen) == (
        original.title,
        original.date,
        original.deciders,
        original.chosen,
    )
    old, new = byte_lines(before), byte_lines(after)
    allowed = status_lines(before, path.name)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    assert changed, "the file did not change"
    inserted = 0
    for tag, i1, i2, j1, j2 in changed:
        assert set(range(i1, i2)) <= allowed, (tag, old[i1:i2], new[j1:j2])
        inserted += (j2 - j1) - (i2 - i1)
    if original.status is not None and inserted:
        # A status shown only as a title badge that the new value cannot be moves to a line.
        assert value == "in review"
        assert case in ("status-only-in-h1", "title-status-prefix")
    endings = {line[len(line.rstrip(b"\r\n")) :] for line in old if line.endswith((b"\n", b"\r"))}
    for _, _, _, j1, j2 in changed:
        for line in new[j1:j2]:
            assert line[len(line.rstrip(b"\r\n")) :] in endings


def test_crlf_mixed_endings_bom_comments_and_trailing_spaces_survive(tmp_path: Path) -> None:
    original = (
        BOM
        + b"---\r\n"
        + b"# keep this comment\n"
        + b"status: accepted   # why: reviewed\r\n"
        + b"date: 2024-01-02  \r\n"
        + b"decision-makers: [Ana]\n"
        + b"---\r\n"
        + b"\r\n"
        + b"# Keep the bytes\r\n"
        + b"\n"
        + b"Trailing spaces stay.   \r\n"
        + b"No final newline"
    )
    write(tmp_path, {"decisions/0001-keep-the-bytes.md": original})
    assert adr("status", "1", "deprecated", cwd=tmp_path).code == 0
    expected = original.replace(b"status: accepted   #", b'status: "deprecated"   #')
    assert (tmp_path / "decisions/0001-keep-the-bytes.md").read_bytes() == expected


MINIMAL_MADR4 = (
    b"# Minimal\r\n\r\n## Context and Problem Statement\r\n\r\nx\r\n\r\n"
    b"## Considered Options\r\n\r\n* A\r\n* B\r\n\r\n"
    b'## Decision Outcome\r\n\r\nChosen option: "A", because y.\r\n'
)


def test_inserted_front_matter_uses_the_files_line_endings(tmp_path: Path) -> None:
    write(tmp_path, {"decisions/0001-minimal.md": MINIMAL_MADR4})
    assert adr("status", "1", "accepted", cwd=tmp_path).code == 0
    data = (tmp_path / "decisions/0001-minimal.md").read_bytes()
    assert data == b'---\r\nstatus: "accepted"\r\n---\r\n' + MINIMAL_MADR4
    assert parse_decision(data, "0001-minimal.md").status == "accepted"


def test_a_nygard_record_without_status_gets_a_status_section(tmp_path: Path) -> None:
    original = b"# 1. Minimal\r\n\r\nDate: 2024-01-02\r\n\r\n## Context\r\n\r\nx\r\n"
    write(tmp_path, {"decisions/0001-minimal.md": original})
    assert adr("status", "1", "accepted", cwd=tmp_path).code == 0
    data = (tmp_path / "decisions/0001-minimal.md").read_bytes()
    assert data == original.replace(b"## Context", b"## Status\r\n\r\nAccepted\r\n\r\n## Context")


@pytest.mark.parametrize(
    ("case", "line"),
    [
        ("madr2-full", b"* Status: deprecated\n"),
        ("log4brains", b"- Status: deprecated\n"),
        ("bold-keys", b"**Status**: Deprecated  \n"),
        ("status-bold-value", b"* Status: **Deprecated**\n"),
        ("html-comments", b"* Status: deprecated <!-- optional -->\n"),
        ("madr3-full", b"status: deprecated\n"),
        ("madr4-full", b'status: "deprecated"\n'),
        ("metadata-table", b"| Status | Deprecated |\n"),
        ("nygard-adr-tools", b"Deprecated\n"),
    ],
)
def test_each_dialect_keeps_its_own_form(tmp_path: Path, case: str, line: bytes) -> None:
    path = copy_case(case, tmp_path)
    key = load_collection(path.parent).decisions[0].key
    assert adr("status", key, "deprecated", cwd=tmp_path).code == 0
    assert line in byte_lines(path.read_bytes())


def test_the_file_mode_is_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = copy_case("madr4-full", tmp_path)
    path.chmod(0o640)
    assert adr("status", "21", "deprecated", cwd=tmp_path).code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(path.parent) == [path.name]


def test_statuses_outside_the_vocabulary_warn(tmp_path: Path) -> None:
    copy_case("madr4-full", tmp_path)
    result = adr("status", "21", "on hold", cwd=tmp_path)
    assert result.code == 0
    assert result.stderr.startswith("adr: warning: status 'on hold' is not one of")


def test_the_configured_vocabulary_is_used(tmp_path: Path) -> None:
    copy_case("madr4-full", tmp_path)
    write(
        tmp_path,
        {"mkdocs.yml": "site_name: x\nplugins:\n  - madr:\n      statuses: [accepted, on hold]\n"},
    )
    result = adr("status", "21", "on hold", cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "")


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["99", "accepted"], 1, "no record '99'"),
        (["21", "accepted\nrejected"], 2, "invalid status 'accepted\\nrejected'"),
        (["21", "tab\there"], 2, "invalid status"),
        (["21", ""], 2, "the status is empty"),
        (["21", "{proposed | accepted}"], 2, "reads as a template placeholder"),
        (["21", "__"], 2, "a status needs a letter or a digit"),  # found by make fuzz
        (["21", "Amends 3"], 2, "it reads as a relation"),  # found by make fuzz
        (["21", "accepted", "--dir", "missing"], 2, "missing: no such folder"),
    ],
)
def test_failures_are_one_line_and_change_nothing(
    tmp_path: Path, args: list[str], code: int, expected: str
) -> None:
    path = copy_case("madr4-full", tmp_path)
    before = path.read_bytes()
    result = adr("status", *args, cwd=tmp_path)
    assert result.code == code
    assert expected in one_line_error(result)
    assert path.read_bytes() == before


def test_files_that_are_not_utf8_are_refused(tmp_path: Path) -> None:
    path = copy_case("not-utf8", tmp_path)
    before = path.read_bytes()
    line = one_line_error(adr("status", "25", "accepted", cwd=tmp_path))
    assert "0025-format-des-exports-comptables.md" in line
    assert "not UTF-8" in line
    assert path.read_bytes() == before


def test_a_file_changed_between_read_and_write_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mkdocs_madr.cli.edit_commands as commands

    path = copy_case("madr4-full", tmp_path)
    real_prepare = commands.prepare

    def prepare_then_someone_edits(*args, **kwargs):  # type: ignore[no-untyped-def]
        prepared = real_prepare(*args, **kwargs)
        path.write_bytes(path.read_bytes() + b"\nA colleague's edit.\n")
        return prepared

    monkeypatch.setattr(commands, "prepare", prepare_then_someone_edits)
    line = one_line_error(adr("status", "21", "rejected", cwd=tmp_path))
    assert "changed on disk since adr read it" in line
    assert path.read_bytes().endswith(b"A colleague's edit.\n")
    assert b'status: "accepted"' in path.read_bytes()
    assert os.listdir(path.parent) == [path.name]


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_case("madr4-full", tmp_path)

    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("mkdocs_madr.cli.files.tempfile.mkstemp", denied)
    line = one_line_error(adr("status", "21", "rejected", cwd=tmp_path))
    assert line.endswith("cannot write here: permission denied")
    assert b'status: "accepted"' in path.read_bytes()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_unreadable_records_are_reported(tmp_path: Path) -> None:
    path = copy_case("madr4-full", tmp_path)
    path.chmod(0)
    try:
        line = one_line_error(adr("status", "21", "rejected", cwd=tmp_path))
    finally:
        path.chmod(0o644)
    assert "0021-run-payout-workflows-on-temporal.md" in line


def test_the_real_command_sets_the_status(tmp_path: Path) -> None:
    path = copy_case("nygard-adr-tools", tmp_path)
    result = adr_process("status", "12", "deprecated", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert result.stdout.strip().endswith(
        "0012-extract-billing-into-its-own-service.md: status deprecated"
    )
    assert parse_decision(path.read_bytes(), path.name).status == "deprecated"


def test_the_real_command_fails_in_one_line(tmp_path: Path) -> None:
    copy_case("madr4-full", tmp_path)
    result = adr_process("status", "404", "accepted", cwd=tmp_path)
    assert result.code == 1
    assert result.stderr.startswith("adr: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "shared" / "0021-run-payout-workflows-on-temporal.md"
    target.parent.mkdir()
    shutil.copyfile(fixture_record("madr4-full"), target)
    (tmp_path / "decisions").mkdir()
    link = tmp_path / "decisions" / target.name
    link.symlink_to(target)
    assert adr("status", "21", "deprecated", cwd=tmp_path).code == 0
    assert link.is_symlink()
    assert b'status: "deprecated"' in target.read_bytes()
