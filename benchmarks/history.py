"""The cost of history from Git: a repository of N records with C commits each (one commit per
change, so N × C commits), built with `git fast-import`, then

- the history read alone (`core.git_history.read_histories`: one `git log`, one
  `git cat-file --batch`), median of the timed runs, and
- `mkdocs build` of the site with `history: true` against `history: false` (medians, the
  extra seconds being what a build pays; the reading runs in a thread beside the build).

    python benchmarks/history.py                       # 1,000 records x 10 commits
    python benchmarks/history.py --records 5000 --commits 10 --repeats 3
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
STATUSES = ("proposed", "proposed", "accepted")


def record(number: int, round_: int) -> str:
    status = STATUSES[min(round_, len(STATUSES) - 1)]
    body = "\n".join(f"Paragraph {line} of revision {round_}." for line in range(8))
    return (
        f"---\nstatus: {status}\ndate: 2024-01-{1 + number % 28:02d}\n"
        f"decision-makers: [Ana, Ben]\n---\n# Decision {number}\n\n"
        f"## Context and Problem Statement\n\n{body}\n\n## Decision Outcome\n\n"
        f'Chosen option: "Option {round_}", because it is revision {round_}.\n'
    )


def make_repository(root: Path, records: int, commits: int) -> None:
    """`root` with mkdocs.yml, docs/ and decisions/: records × commits commits, a day apart
    for each round, two authors taking turns."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    stream: list[bytes] = []
    mark = 0
    start = 1_700_000_000
    for round_ in range(commits):
        for number in range(1, records + 1):
            mark += 1
            author = "Ana Lima <ana@example.com>" if mark % 2 else "Ben Okafor <ben@example.com>"
            when = f"{start + round_ * 86_400 + number} +0000"
            data = record(number, round_).encode()
            message = f"decision {number}, revision {round_}".encode()
            stream += [
                b"commit refs/heads/main\n",
                f"mark :{mark}\nauthor {author} {when}\ncommitter {author} {when}\n".encode(),
                f"data {len(message)}\n".encode(), message, b"\n",
                *([f"from :{mark - 1}\n".encode()] if mark > 1 else []),
                f"M 100644 inline decisions/{number:04d}-decision-{number}.md\n".encode(),
                f"data {len(data)}\n".encode(), data, b"\n",
            ]  # fmt: skip
    subprocess.run(
        ["git", "-C", str(root), "fast-import", "--quiet"], input=b"".join(stream), check=True
    )
    subprocess.run(["git", "-C", str(root), "checkout", "-q", "main"], check=True)


def timed(command: list[str], cwd: Path) -> float:
    begun = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - begun


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=options.workdir) as folder:
        root = Path(folder) / "site"
        begun = time.perf_counter()
        make_repository(root, options.records, options.commits)
        made = time.perf_counter() - begun
        print(f"{options.records} records x {options.commits} commits: made in {made:.1f} s")
        read = [timed([sys.executable, "-c", _READ], root) for _ in range(options.repeats)]
        print(f"history read alone (a process, imports included): {statistics.median(read):.2f} s")
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(options.repeats):
            for history in (False, True):
                (root / "mkdocs.yml").write_text(
                    "site_name: History\ntheme: {name: material}\n"
                    f"plugins:\n  - madr:\n      history: {str(history).lower()}\n"
                )
                times[history].append(timed([sys.executable, "-m", "mkdocs", "build", "-q"], root))
        off, on = statistics.median(times[False]), statistics.median(times[True])
        print(f"mkdocs build, history off: {off:.2f} s; on: {on:.2f} s; extra: {on - off:+.2f} s")


_READ = """
from pathlib import Path
from mkdocs_madr.core.git_history import find_repository, read_histories
found = read_histories(find_repository(Path('decisions')), Path('decisions'))
assert len(found) > 0 and all(len(h.commits) > 1 for h in found.values())
"""

if __name__ == "__main__":
    main()
