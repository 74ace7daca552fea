"""How long `adr new` takes, as a user runs it: the real console script in a fresh process.

Creates a temporary folder with 200 existing records, then times N runs of
`adr new "Title"` and prints min / median / max in milliseconds.

    .venv/bin/python benchmarks/adr_new_latency.py [--runs 30] [--records 200]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RECORD = """---
status: accepted
date: 2024-01-{day:02d}
decision-makers: [Ana]
---

# Decision number {number}

## Context and Problem Statement

Something needed deciding.
"""


def adr_executable() -> str:
    beside = Path(sys.executable).with_name("adr")
    if beside.exists():
        return str(beside)
    found = shutil.which("adr")
    if found is None:
        raise SystemExit("adr is not installed in this environment")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--records", type=int, default=200)
    arguments = parser.parse_args()
    adr = adr_executable()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        folder = root / "decisions"
        folder.mkdir()
        for number in range(1, arguments.records + 1):
            text = RECORD.format(day=number % 28 + 1, number=number)
            (folder / f"{number:04d}-decision-number-{number}.md").write_text(text)
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
        subprocess.run([adr, "--version"], check=True, capture_output=True, env=env)  # warm up
        timings = []
        for run in range(arguments.runs):
            started = time.perf_counter()
            subprocess.run(
                [adr, "new", f"Benchmark decision {run}"],
                cwd=root,
                check=True,
                capture_output=True,
                env=env,
            )
            timings.append((time.perf_counter() - started) * 1000)
    print(
        f"adr new, {arguments.runs} runs, {arguments.records} existing records: "
        f"min {min(timings):.1f} ms, median {statistics.median(timings):.1f} ms, "
        f"max {max(timings):.1f} ms"
    )


if __name__ == "__main__":
    main()
