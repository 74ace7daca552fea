"""Golden cases for whole folders: `fixtures/folders/<case>/decisions/` and `expected.json`.

`expected.json` holds:

* `records`: every record of the collection, by its file (relative to `decisions/`), with a
  subset of `decision_to_dict(...)`; relation lists (`supersedes`, `superseded_by`, `amends`,
  `amended_by`, `relates_to`) are compared as sets, everything else exactly. Files that are not
  records (README, templates) must not appear.
* `diagnostics`: the exact multiset of `[file, code, line]` in `collection.all_diagnostics()`;
  an entry may add the severity as a fourth element, which must then match too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from mkdocs_madr.core.collection import load_collection
from mkdocs_madr.core.export import decision_to_dict

FOLDERS = Path(__file__).parent / "fixtures" / "folders"
CASES = sorted(path for path in FOLDERS.iterdir() if path.is_dir())
RELATION_LISTS = frozenset({"supersedes", "superseded_by", "amends", "amended_by", "relates_to"})


def diagnostic_key(entry: list[Any]) -> tuple[str, str, int]:
    return entry[0], entry[1], -1 if entry[2] is None else entry[2]


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_golden_folder(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    collection = load_collection(case / "decisions")
    records = {d.file: decision_to_dict(d, collection) for d in collection.decisions}
    problems: list[str] = []
    if set(records) != set(expected["records"]):
        problems.append(f"records: expected {sorted(expected['records'])}, got {sorted(records)}")
    for file, fields in expected["records"].items():
        actual = records.get(file)
        if actual is None:
            continue
        for key, want in fields.items():
            got = actual.get(key, "<missing>")
            if key in RELATION_LISTS and isinstance(got, list):
                same = sorted(want) == sorted(got)
            else:
                same = want == got
            if not same:
                problems.append(f"{file}: {key}: expected {want!r}, got {got!r}")
    found = collection.all_diagnostics()
    got_diagnostics = sorted(([d.file, d.code.value, d.line] for d in found), key=diagnostic_key)
    severities = {(d.file, d.code.value, d.line): d.severity.value for d in found}
    for entry in expected.get("diagnostics", []):
        if len(entry) == 4 and severities.get(tuple(entry[:3])) != entry[3]:
            problems.append(f"{entry[:3]}: expected severity {entry[3]!r}")
    want_diagnostics = sorted(
        (entry[:3] for entry in expected.get("diagnostics", [])), key=diagnostic_key
    )
    if got_diagnostics != want_diagnostics:
        problems.append(f"diagnostics: expected {want_diagnostics!r}, got {got_diagnostics!r}")
    assert not problems, f"case {case.name}:\n  " + "\n  ".join(problems)
