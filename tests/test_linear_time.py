"""Reading a record takes time linear in its length, whatever it holds.

A regular expression that chains `\\s*` or backtracks over a run (`(`+)(.+?)\\1`) reads a normal
record in microseconds and a hostile one for hours: `Chosen option: "X"` followed by 1,000
spaces once took 80 s to parse. Each entry point that reads author text is fed runs of one
character (spaces, tabs, quotes, brackets, backslashes, backticks, …) at 1k, 10k and 100k
characters in every place a record's fields are read from, and the time must grow about
linearly: ten times the text may cost at most `GROWTH` times the time, once it is measurable.

The sweeps run in a child process with a timeout, so a regression fails instead of hanging the
suite. The 100k tier is marked slow (`make test` and CI run it; plain `pytest` stops at 10k,
which already catches cubic patterns).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest

RUN = "\x00"
"""Where a template takes the run."""

RECORDS: dict[str, str] = {
    "front-matter": "---\nstatus: accepted\x00x\ntitle: A\x00x\ndeciders: a\x00b, c\n"
    "date: 2024\x0001\ntags: [a\x00, b]\nsupersedes: [ADR-1\x00]\n---\n# T\n",
    "title": "# ADR-0001\x00: Use \x00 x `\x00` [x\x00](y)\n\nBody.\n",
    "madr2-bullets": "# T\n\n* Status: accepted\x00by x\n* Deciders: a\x00and b\x00, c\n"
    "* Date: 2024\x00-01-01\n\nTechnical Story: \x00[x](y)\x00\n",
    "status-section": "# T\n\n## Status\n\nSuperseded by\x00[ADR 2](0002-x.md)\n\n"
    "Accepted on\x002024-01-01\x00, amended\x002024-02-02\n",
    "status-heading": "# T\n\n### Status: **A\x00x**\n\n##\x00Status\x00\n\nx\n",
    "metadata-table": "# T\n\n| Status | Date |\n|---|---|\n| Accepted\x00| 2024-01-01\x00|\n\n"
    "> Status:\x00Accepted\n> Date:\x002024-01-01\n",
    "chosen-quoted": '# T\n\n## Decision Outcome\n\nChosen option: "X"\x00y, because \x00 z\n',
    "chosen-bold": "# T\n\n## Decision Outcome\n\n**Chosen option:**\x00**X**\x00because\n\n"
    "We chose option\x002\x00.\n",
    "options": "# T\n\n## Considered Options\n\n* Option 1\x00- X\x00– y\n* [X\x00](x)\x00- y\n\n"
    "**Option 3:\x00Z**\x00\n\nOption 4:\x00W\n",
    "introduced-options": "# T\n\n## Context\n\nWe considered the following options\x00:\n\n"
    "* A\x00\n* B\n",
    "arguments": "# T\n\n## Pros and Cons of the Options\n\n### X\n\n* Good, \x00because\x00x\n"
    "* Bad\x00, because y\n\n### Consequences\n\n* Good,\x00because x\n* Bad, because\x00\n",
    "relations": "# T\n\n## Context\n\nThis decision supersedes\x00ADR\x000002 and is\x00amended by"
    "\x00[x](0003-y.md). See ADR\x00-\x001 and [[x\x00]] and <\x00> and ![x\x00](y\x00)\n\n"
    "## Links\n\n* Supersedes\x00[ADR-0001\x00](0001-x.md)\x00\n* Refined by \x00ADR-2\n",
    "nygard": "# 1. Record\x00decisions\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\x00\n\n"
    "Supersedes [1. x\x00](0001-x.md)\n\n## Decision\n\nWe will use\x00X because \x00y.\n",
    "changelog": "# T\n\n## Changelog\n\n* 2024\x00-01-01: created\x00x\n",
    "outcome-prose": "# Use X\x00y\n\n## Considered Options\n\n* X\x00y\n* Z\n\n"
    "## Decision Outcome\n\n- (#1\x00) We will\x00adopt X\x00y (option\x001 below\x00).\n",
    "run-in-and-decision-lines": "# T\n\n**Aceita**\x00· 2026-01-01\x00· x\n\n"
    "Entscheid:\x00**A**\x00\n\n## Status\n\nInvalidated on\x002021-08-04\x00\n\n"
    "[![b](https://badgen.net/badge/ADR/\x00/green/)](x)\n\n## Optionen\n\n### A\n\n### B\n",
    "explaining-leads": "# T\n\n## Considered Options\n\nIt is brittle\x00as:\n\n* a\n* b\n\n"
    "Tags like x, where\x00:\n\n* c\n* d\n\n###A\x00:\nx\n\n###B:\n\x00y\n",
    "named-alternatives": "# T\n\n## Context\n\n#### Option:\x00A\n\n#### Option: B\x00\n\n"
    "* **Alternatives\x00:**\n  * A\x00\n  * B\n\n"
    "## Rationale\n\n**A\x00**\n\n- x\n\n**B**\n\n- y\n",
    "either-or": "# T\n\n## Context\n\nThe question whether to\x00\n\n"
    "- a\x00, or\n- b\x00 or\x00\n- c\n\n",
    "ignore-comment": "<!-- madr-ignore: \x00 -->\n# T\n\n<!-- \x00\n",
    "held-out-set-s-and-t": "# 📄\x00ADR-001:\x00T\n\n<table>\n<tr><th>status\x00</th><td>\x00"
    "accepted</td>\x00</tr>\n<tr\x00<th>date</th>\n</table>\n\n**Accepté :**\x002026-07-10\x00\n"
    "- Status: [\x00Approved]\n\n## Context\n\nWe evaluated the following\x00tools:\n\n"
    "1. A\n    Pros:\n        - \x00x\n\n## Decision\n\nIt was decided to use A (2\x00) because.\n",
}
PAGES: dict[str, str] = {
    "directives": "# P\n\n<!-- madr:index status=\x00 limit=\x00 -->\n\n"
    "<!-- madr:compare \x00 -->\n\n<!-- madr:timeline category=\x00 -->\n",
}
FILLERS: dict[str, str] = {
    "space": " ", "tab": "\t", "nbsp": "\u00a0", "newline": "\n", "space-newline": " \n",
    "double-quote": '"', "single-quote": "'", "curly-quote": "“", "open-bracket": "[",
    "close-bracket": "]", "parenthesis": "(", "brace": "{", "backslash": "\\", "star": "*",
    "double-star": "** ", "underscore": "_", "backtick": "`", "dash": "-", "en-dash": " – ",
    "pipe": "|", "colon": ":", "comma": ", ", "hash": "#", "angle": "<", "greater": ">",
    "bang": "!", "ampersand": "&", "tilde": "~", "equals": "=", "dot": ".", "digit": "1",
    "word": "a ",
}  # fmt: skip
SIZES = (1_000, 10_000)
SLOW_SIZES = (1_000, 10_000, 100_000)
GROWTH = 25
"""Ten times the text may cost this many times the time (linear: 10, quadratic: 100)."""
MEASURABLE = 0.2
"""Seconds below which a timing is noise and not compared."""
TIMEOUT = 300


def run_of(filler: str, size: int) -> str:
    return (filler * (size // len(filler) + 1))[:size]


def reader(name: str) -> Callable[[str], object]:
    from mkdocs_madr.core.collection import load_collection
    from mkdocs_madr.core.parse.dates import read_date
    from mkdocs_madr.core.parse.record import parse_decision
    from mkdocs_madr.core.parse.status import read_status, relation_targets, relation_verb
    from mkdocs_madr.core.text import is_placeholder, links, plain, split_list
    from mkdocs_madr.site.directives import scan_page

    if name in PAGES:
        return lambda text: scan_page(text, "page.md")
    if name == "folder":

        def load(text: str) -> object:
            with tempfile.TemporaryDirectory() as folder:
                for number, template in enumerate(RECORDS.values(), start=1):
                    record = template.replace(RUN, text[: len(text) // len(RECORDS)])
                    Path(folder, f"{number:04d}-r.md").write_text(record, encoding="utf-8")
                return load_collection(Path(folder))

        return load
    if name == "values":

        def values(text: str) -> object:
            value = f"a{text}b {text}[x{text}](y{text}) {text}"
            return (
                read_status(value),
                relation_targets(value),
                relation_verb(value),
                read_date(value),
                split_list(value),
                plain(value),
                links(value),
                is_placeholder(value),
            )

        return values
    return lambda text: parse_decision(RECORDS[name].replace(RUN, text), "0001-x.md")


def sweep(names: list[str], sizes: tuple[int, ...]) -> None:
    """Child process: one JSON line of timings per entry point and filler, printed as soon as
    measured (and one before each step, so a timeout names the step that hung)."""
    for name in names:
        read = reader(name)
        for filler_name, filler in FILLERS.items():
            timings: list[float] = []
            for size in sizes:
                run = run_of(filler, size)
                print(json.dumps({"step": [name, filler_name, size]}), flush=True)
                start = time.process_time()
                read(run)
                timings.append(time.process_time() - start)
            print(json.dumps({"name": name, "filler": filler_name, "timings": timings}), flush=True)


def grows_too_fast(before: float, after: float) -> bool:
    """Whether a tenfold longer text took too much longer, once the time is measurable."""
    return after > MEASURABLE and after > GROWTH * max(before, MEASURABLE / GROWTH)


def check(names: list[str], sizes: tuple[int, ...]) -> None:
    command = [sys.executable, __file__, ",".join(names), *map(str, sizes)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as expired:
        output = expired.stdout if isinstance(expired.stdout, str) else ""
        last = output.strip().splitlines()[-1:] or ["nothing"]
        pytest.fail(f"still reading after {TIMEOUT} s; last step: {last[0]}")
    assert done.returncode == 0, done.stderr
    slow: list[str] = []
    for line in done.stdout.splitlines():
        result = json.loads(line)
        if "timings" not in result:
            continue
        timings = result["timings"]
        for (small, large), (before, after) in zip(pairwise(sizes), pairwise(timings), strict=True):
            if grows_too_fast(before, after):
                slow.append(
                    f"{result['name']}, {result['filler']}: {small:,} chars {before:.3f} s, "
                    f"{large:,} chars {after:.3f} s"
                )
    assert not slow, "reading grows faster than linearly:\n  " + "\n  ".join(slow)


ENTRY_POINTS = [*RECORDS, *PAGES, "values", "folder"]


def test_reading_is_linear_up_to_10k() -> None:
    check(ENTRY_POINTS, SIZES)


@pytest.mark.slow
@pytest.mark.parametrize("name", ENTRY_POINTS)
def test_reading_is_linear_up_to_100k(name: str) -> None:
    check([name], SLOW_SIZES)


def test_the_check_catches_a_quadratic_reader() -> None:
    """The bound itself bites: a reader whose time grows with the square fails it."""
    assert grows_too_fast(0.1, 10.0)  # quadratic
    assert grows_too_fast(0.001, 1.0)  # cubic, from an unmeasurable start
    assert not grows_too_fast(0.05, 0.5)  # linear
    assert not grows_too_fast(0.001, 0.15)  # noise


if __name__ == "__main__":
    sweep(sys.argv[1].split(","), tuple(int(size) for size in sys.argv[2:]))
