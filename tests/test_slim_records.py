"""What a build keeps of a record once its own fragments are rendered (`core.slim`), and
what records parsed by workers share."""

from __future__ import annotations

from pathlib import Path

from mkdocs_madr.core.collection import read_record
from mkdocs_madr.core.slim import SLIM_LINES, SlimDecision, slim
from mkdocs_madr.parallel.records import RecordJob

RECORD = """# Use {title}

* Status: accepted
* Deciders: Ada Lovelace, Grace Hopper
* Date: 2024-05-0{number}
* Tags: encoding

## Context and Problem Statement

We need a wire format.

## Considered Options

* {title}
* JSON

## Decision Outcome

Chosen option: "{title}", because it is compact.

## Pros and Cons of the Options

### {title}

* Good, because it is small
* Bad, because it is binary

### JSON

* Good, because it is readable
"""


def write_records(folder: Path, titles: list[str]) -> list[str]:
    names = []
    for number, title in enumerate(titles, start=1):
        name = f"000{number}-use-{title.lower()}.md"
        (folder / name).write_text(RECORD.format(title=title, number=number), encoding="utf-8")
        names.append(name)
    return names


def test_a_slim_record_keeps_its_metadata_and_drops_its_body(tmp_path: Path) -> None:
    (name,) = write_records(tmp_path, ["MessagePack"])
    full = read_record(tmp_path, name)
    assert full.justification == "it is compact."
    assert {"date", "deciders", "chosen"} <= full.lines.keys()
    whole = read_record(tmp_path, name)
    kept = slim(whole)
    assert isinstance(kept, SlimDecision)
    assert whole.justification == "it is compact."  # the record itself is left as it was
    assert (kept.title, kept.status, kept.date) == (full.title, full.status, full.date)
    assert (kept.deciders, kept.tags, kept.chosen) == (full.deciders, full.tags, full.chosen)
    # The chosen option stays, to tell there were options, without its arguments.
    assert [(o.title, o.chosen, o.good, o.bad) for o in kept.options] == [
        ("MessagePack", True, [], [])
    ]
    assert kept.justification is None
    assert kept.context is None
    assert kept.sections == []
    # Only the lines diagnostics, edits and the page layout still point at: the page leaves
    # out the author's lines of the facts its header shows.
    assert kept.lines == {
        "title": 1,
        "status": 3,
        "deciders": full.lines["deciders"],
        "date": full.lines["date"],
        "tags": full.lines["tags"],
        "options_end": full.lines["options_end"],
        "pros": full.lines["pros"],
    }
    assert set(kept.lines) <= set(SLIM_LINES)


def test_records_from_a_job_share_their_recurring_names(tmp_path: Path) -> None:
    names = write_records(tmp_path, ["MessagePack", "Avro"])
    job = RecordJob(tmp_path, names, workers=0).start()
    first, second = job.results()
    assert first.deciders == second.deciders == ["Ada Lovelace", "Grace Hopper"]
    assert all(a is b for a, b in zip(first.deciders, second.deciders, strict=True))
    assert first.tags[0] is second.tags[0]
    assert first.status is second.status
    # Different values stay different.
    assert first.title != second.title
