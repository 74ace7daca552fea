"""Golden cases for the parser: one record per folder under `fixtures/records/`.

Each case folder holds exactly one Markdown file, named as the record would be named (the parser
reads the id from the name), and an `expected.json` with a subset of `record_fields(...)`:

* only the keys given are compared; inside dicts and lists of dicts, only the keys given;
* `{"contains": "..."}` in place of a string checks a substring;
* `relations` are compared as a multiset, every other list in order;
* `is_record` is the parser's verdict on whether the file is a record at all;
* `diagnostics` is the exact multiset of `[code, line]` the parser reports for the file
  (cross-record checks such as `unknown-status` belong to `test_golden_folders.py`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from mkdocs_madr.core.export import record_fields
from mkdocs_madr.core.parse.record import parse_decision

RECORDS = Path(__file__).parent / "fixtures" / "records"
CASES = sorted(path for path in RECORDS.iterdir() if path.is_dir())
UNORDERED = frozenset({"relations"})


def source_file(case: Path) -> Path:
    files = [path for path in case.iterdir() if path.name != "expected.json"]
    assert len(files) == 1, f"{case.name}: expected one record file, found {files}"
    return files[0]


def mismatches(want: Any, got: Any, where: str, *, unordered: bool = False) -> list[str]:
    """Every place where `got` differs from the subset `want`, as readable lines."""
    if isinstance(want, dict) and set(want) == {"contains"}:
        if isinstance(got, str) and want["contains"] in got:
            return []
        return [f"{where}: expected a text containing {want['contains']!r}, got {got!r}"]
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{where}: expected a mapping {want!r}, got {got!r}"]
        found: list[str] = []
        for key, value in want.items():
            if key not in got:
                found.append(f"{where}.{key}: missing (expected {value!r})")
            else:
                found += mismatches(value, got[key], f"{where}.{key}")
        return found
    if isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            return [f"{where}: expected {want!r}, got {got!r}"]
        if unordered:
            remaining = list(got)
            for entry in want:
                hit = next((g for g in remaining if not mismatches(entry, g, where)), None)
                if hit is None:
                    return [f"{where}: expected (any order) {want!r}, got {got!r}"]
                remaining.remove(hit)
            return []
        found = []
        for index, (entry, actual) in enumerate(zip(want, got, strict=False)):
            found += mismatches(entry, actual, f"{where}[{index}]")
        return found
    if want != got:
        return [f"{where}: expected {want!r}, got {got!r}"]
    return []


def diagnostic_key(entry: list[Any]) -> tuple[str, int]:
    return entry[0], -1 if entry[1] is None else entry[1]


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_golden_record(case: Path) -> None:
    source = source_file(case)
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    decision = parse_decision(source.read_bytes(), source.name)
    actual = record_fields(decision)
    actual["is_record"] = decision.is_record
    actual["diagnostics"] = sorted(
        ([d.code.value, d.line] for d in decision.diagnostics), key=diagnostic_key
    )
    if "diagnostics" in expected:
        expected["diagnostics"] = sorted(expected["diagnostics"], key=diagnostic_key)
    problems: list[str] = []
    for key, want in expected.items():
        if key not in actual:
            problems.append(f"{key}: not a field of record_fields()")
            continue
        problems += mismatches(want, actual[key], key, unordered=key in UNORDERED)
    assert not problems, f"case {case.name} ({source.name}):\n  " + "\n  ".join(problems)


def test_every_case_has_expectations() -> None:
    assert CASES, f"no cases under {RECORDS}"
    for case in CASES:
        source_file(case)
        assert (case / "expected.json").is_file(), f"{case.name}: no expected.json"


def test_the_users_flux_record_keeps_its_configuration_section() -> None:
    """The seed record's own section, with its sub-sections and code, stays readable content."""
    path = RECORDS / "seed-flux-madr2" / "gitops-with-flux-cd.md"
    decision = parse_decision(path.read_text(encoding="utf-8"), path.name)
    [section] = decision.sections
    assert (section.title, section.level, section.line) == ("Configuration", 2, 48)
    for part in ("### Repository Structure", "### Multi-Repository Sync", "kind: GitRepository"):
        assert part in section.markdown
    assert "## Pros and Cons" not in section.markdown
