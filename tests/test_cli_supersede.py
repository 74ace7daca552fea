"""`adr supersede`, `adr new --supersedes` and `adr link`: both records, each in its dialect."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs_madr.core.collection import Collection, load_collection
from mkdocs_madr.core.diagnostics import Code
from mkdocs_madr.core.model import Dialect, RelationKind
from test_cli_helpers import adr, adr_process, byte_lines, fixture_record, one_line_error, write

STYLES = ["madr4", "madr4-minimal", "madr3", "madr2", "log4brains", "nygard"]
DIALECTS = {
    "madr4": Dialect.MADR4,
    "madr4-minimal": Dialect.MADR4,
    "madr3": Dialect.MADR3,
    "madr2": Dialect.MADR2,
    "log4brains": Dialect.LOG4BRAINS,
    "nygard": Dialect.NYGARD,
}
RELATION_PROBLEMS = {
    Code.ONE_SIDED_SUPERSEDE,
    Code.MISSING_SUCCESSOR,
    Code.UNRESOLVED_RELATION,
    Code.SUPERSEDE_CYCLE,
}
LOG4BRAINS = """\
# {title}

- Status: accepted
- Deciders: Mara Lindqvist
- Date: 2024-03-01
- Tags: backend

## Context and Problem Statement

Something needed deciding.

## Decision Outcome

Chosen option: "A", because it works.
"""


def make(root: Path, style: str, title: str) -> Path:
    folder = root / "decisions"
    if style == "log4brains":
        number = len(list(folder.glob("*.md"))) + 1
        slug = title.lower().replace(" ", "-")
        path = folder / f"{number:04d}-{slug}.md"
        path.write_text(LOG4BRAINS.format(title=title), encoding="utf-8")
        return path
    result = adr("new", title, "--template", style, "--status", "accepted", cwd=root)
    assert result.code == 0, result.stderr
    return root / result.stdout.strip()


def relation_problems(collection: Collection) -> list[str]:
    return [d.format() for d in collection.all_diagnostics() if d.code in RELATION_PROBLEMS]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "decisions").mkdir()
    return tmp_path


@pytest.mark.parametrize("new_style", STYLES)
@pytest.mark.parametrize("old_style", STYLES)
def test_supersede_resolves_both_ways(project: Path, old_style: str, new_style: str) -> None:
    old = make(project, old_style, "Keep billing in the monolith")
    new = make(project, new_style, "Extract billing")
    before_old = byte_lines(old.read_bytes())
    result = adr("supersede", "1", "2", cwd=project)
    assert result.code == 0, result.stderr

    collection = load_collection(project / "decisions")
    first, second = collection.find("1"), collection.find("2")
    assert first is not None
    assert second is not None
    assert (first.dialect, second.dialect) == (DIALECTS[old_style], DIALECTS[new_style])
    assert first.status == "superseded"
    assert first.related(RelationKind.SUPERSEDED_BY) == [second.key]
    assert second.related(RelationKind.SUPERSEDES) == [first.key]
    assert second.status == "accepted"
    assert relation_problems(collection) == []
    assert len(byte_lines(old.read_bytes())) == len(before_old)  # the old record: one line changed

    old_text = old.read_text(encoding="utf-8").splitlines()
    new_text = new.read_text(encoding="utf-8").splitlines()
    successor = {
        "madr4": 'status: "superseded by ADR-0002"',
        "madr4-minimal": 'status: "superseded by ADR-0002"',
        "madr3": "status: superseded by [ADR-0002](0002-extract-billing.md)",
        "madr2": "* Status: superseded by [ADR-0002](0002-extract-billing.md)",
        "log4brains": "- Status: superseded by [ADR-0002](0002-extract-billing.md)",
        "nygard": "Superseded by [2. Extract billing](0002-extract-billing.md)",
    }[old_style]
    assert successor in old_text
    predecessor = {
        "nygard": ("## Status", "Supersedes [1. Keep billing in the monolith]"),
        "madr2": ("## Links", "* Supersedes [ADR-0001]"),
        "log4brains": ("## Links", "- Supersedes [ADR-0001]"),
    }.get(new_style, ("## More Information", "* Supersedes [ADR-0001]"))
    heading = next(i for i, line in enumerate(new_text) if line.startswith(predecessor[0]))
    later = [line for line in new_text[heading:] if line.startswith(predecessor[1])]
    assert later, new_text


def test_superseding_twice_changes_nothing_more(project: Path) -> None:
    make(project, "madr4", "Old")
    new = make(project, "madr2", "New")
    assert adr("supersede", "1", "2", cwd=project).code == 0
    once = sorted((p.name, p.read_bytes()) for p in (project / "decisions").iterdir())
    assert adr("supersede", "1", "2", cwd=project).code == 0
    twice = sorted((p.name, p.read_bytes()) for p in (project / "decisions").iterdir())
    assert once == twice
    assert new.read_text(encoding="utf-8").count("Supersedes") == 1


@pytest.mark.parametrize("style", ["madr4", "madr3", "madr2", "nygard"])
def test_new_supersedes(project: Path, style: str) -> None:
    make(project, "madr4", "First")
    make(project, "nygard", "Second")
    result = adr(
        "new", "Third", "--template", style, "--supersedes", "1", "--supersedes", "2", cwd=project
    )
    assert result.code == 0, result.stderr
    collection = load_collection(project / "decisions")
    third = collection.find("3")
    assert third is not None
    assert sorted(third.related(RelationKind.SUPERSEDES)) == ["0001", "0002"]
    for key in ("0001", "0002"):
        old = collection.find(key)
        assert old is not None
        assert (old.status, old.related(RelationKind.SUPERSEDED_BY)) == ("superseded", ["0003"])
    assert relation_problems(collection) == []


CORPUS = {
    "nygard-adr-tools": "12",
    "madr2-full": "7",
    "madr3-full": "15",
    "madr4-full": "21",
    "log4brains": "20200926",
    "bold-keys": "14",
    "metadata-table": "46",
    "status-emoji": "11",
    "madr4-minimal": "8",
}


def test_new_supersedes_records_from_the_corpus(project: Path) -> None:
    folder = project / "decisions"
    for case in CORPUS:
        shutil.copyfile(fixture_record(case), folder / fixture_record(case).name)
    before = load_collection(folder)
    arguments = [item for key in CORPUS.values() for item in ("--supersedes", key)]
    result = adr("new", "Start over", *arguments, cwd=project)
    assert result.code == 0, result.stderr
    collection = load_collection(folder)
    new = collection.find(Path(result.stdout.strip()).name)
    assert new is not None
    for case, key in CORPUS.items():
        old = collection.find(key)
        assert old is not None, case
        assert old.status == "superseded", case
        assert new.key in old.related(RelationKind.SUPERSEDED_BY), case
        assert old.key in new.related(RelationKind.SUPERSEDES), case
    involved = {fixture_record(case).name for case in CORPUS} | {new.file}
    new_problems = set(relation_problems(collection)) - set(relation_problems(before))
    assert [p for p in new_problems if p.split(":")[0] in involved] == []


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["1", "9"], 1, "no record '9'"),
        (["1", "1"], 2, "a record cannot supersede itself"),
    ],
)
def test_supersede_failures(project: Path, args: list[str], code: int, expected: str) -> None:
    make(project, "madr4", "Only")
    result = adr("supersede", *args, cwd=project)
    assert result.code == code
    assert expected in one_line_error(result)


@pytest.mark.parametrize("style", ["madr4", "madr3", "madr2", "nygard"])
def test_link_amends(project: Path, style: str) -> None:
    old = make(project, style, "Bill monthly")
    new = make(project, style, "Bill hourly")
    result = adr("link", "2", "Amends", "1", cwd=project)
    assert result.code == 0, result.stderr
    collection = load_collection(project / "decisions")
    first, second = collection.find("1"), collection.find("2")
    assert first is not None
    assert second is not None
    assert second.related(RelationKind.AMENDS) == [first.key]
    assert first.related(RelationKind.AMENDED_BY) == [second.key]
    assert first.status == second.status == "accepted"
    if style == "nygard":
        assert "Amends [1. Bill monthly](0001-bill-monthly.md)" in new.read_text(encoding="utf-8")
        assert "Amended by [2. Bill hourly](0002-bill-hourly.md)" in old.read_text(encoding="utf-8")
    else:
        assert "Amends [ADR-0001](0001-bill-monthly.md)" in new.read_text(encoding="utf-8")
        assert "Amended by [ADR-0002](0002-bill-hourly.md)" in old.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("verb", "reverse", "back"),
    [
        ("Relates to", None, "Relates to"),
        ("Clarifies", None, "Linked from"),
        ("Clarifies", "Clarified by", "Clarified by"),
    ],
)
def test_link_reverse_texts(project: Path, verb: str, reverse: str | None, back: str) -> None:
    old = make(project, "madr4", "One")
    new = make(project, "madr2", "Two")
    args = ["link", "2", verb, "1", *([reverse] if reverse else [])]
    assert adr(*args, cwd=project).code == 0
    assert f"* {verb} [ADR-0001](0001-one.md)" in new.read_text(encoding="utf-8")
    assert f"* {back} [ADR-0002](0002-two.md)" in old.read_text(encoding="utf-8")
    collection = load_collection(project / "decisions")
    two = collection.find("2")
    assert two is not None
    assert two.related(RelationKind.RELATES_TO) == ["0001"]


def test_link_supersedes_changes_the_status_too(project: Path) -> None:
    make(project, "nygard", "Old")
    make(project, "nygard", "New")
    assert adr("link", "2", "Supersedes", "1", cwd=project).code == 0
    collection = load_collection(project / "decisions")
    old = collection.find("1")
    assert old is not None
    assert old.status == "superseded"
    assert relation_problems(collection) == []


def test_link_failures(project: Path) -> None:
    make(project, "madr4", "One")
    assert "cannot link to itself" in one_line_error(adr("link", "1", "Amends", "1", cwd=project))
    assert "no record '5'" in one_line_error(adr("link", "1", "Amends", "5", cwd=project))
    assert "the link text is empty" in one_line_error(adr("link", "1", " ", "1", cwd=project))


def test_a_record_that_cannot_be_read_back_is_left_alone(project: Path) -> None:
    write(
        project / "decisions",
        {
            "0001-old.md": "---\nstatus:\n  - accepted\n---\n# Old\n",
            "0002-new.md": "---\nstatus: accepted\n---\n# New\n",
        },
    )
    before = (project / "decisions" / "0001-old.md").read_bytes()
    line = one_line_error(adr("supersede", "1", "2", cwd=project))
    assert "0001-old.md:3: the status in front matter is a list; set it by hand" in line
    assert (project / "decisions" / "0001-old.md").read_bytes() == before
    assert "Supersedes" not in (project / "decisions" / "0002-new.md").read_text()


def test_the_real_commands(project: Path) -> None:
    make(project, "madr4", "One")
    make(project, "nygard", "Two")
    make(project, "madr2", "Three")
    result = adr_process("supersede", "1", "2", cwd=project)
    assert result.code == 0, result.stderr
    result = adr_process("link", "3", "Amends", "2", cwd=project)
    assert result.code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2
    result = adr_process("new", "Four", "--supersedes", "3", cwd=project)
    assert result.code == 0, result.stderr
    assert relation_problems(load_collection(project / "decisions")) == []
