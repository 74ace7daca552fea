"""How long the citation scan takes over a repository of 10,000 files (the bar: 2 s).

Generates a repository of source files in several languages, configuration and docs (about
3 KB each, one in four citing a record, some binary files, a `.gitignore`d build folder) and
200 records, then times `scan_repository` as Git lists the files and, outside a checkout, as
the `.gitignore` walk finds them: the best of `--runs` runs each, file cache warm.

    .venv/bin/python benchmarks/citations.py [--files 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from mkdocs_madr.core.citations.scan import CitationScope, scan_repository
from mkdocs_madr.core.collection import load_collection

RECORDS = 200
LIMIT_SECONDS = 2.0
KINDS = (
    ("py", "# {cite}\ndef handler_{n}(event):\n    return event  # line {n}\n"),
    ("ts", "// {cite}\nexport function handler{n}(event: Event) {{ return event; }}\n"),
    ("go", "// {cite}\nfunc Handler{n}(event Event) Event {{ return event }}\n"),
    ("yaml", "# {cite}\nservice_{n}:\n  replicas: 2\n  image: registry/app:{n}\n"),
    ("md", "The service {n} follows {cite}.\n\nMore text about service {n}.\n"),
)


def generate(root: Path, files: int, seed: int = 7) -> None:
    picker = random.Random(seed)
    records = root / "decisions"
    records.mkdir(parents=True)
    for number in range(1, RECORDS + 1):
        status = "superseded" if number % 50 == 0 else "accepted"
        (records / f"{number:04d}-decision-{number}.md").write_text(
            f"---\nstatus: {status}\n---\n# Decision {number}\n", encoding="utf-8"
        )
    (root / ".gitignore").write_text("build/\n", encoding="utf-8")
    for index in range(files):
        folder = root / f"pkg{index % 100:03d}" / f"mod{index % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        extension, template = KINDS[index % len(KINDS)]
        if index % 97 == 0:
            (folder / f"blob{index}.bin").write_bytes(picker.randbytes(3000))
            continue
        chunks: list[str] = []
        while sum(len(chunk) for chunk in chunks) < 3000:
            cite = "plain text"
            if picker.random() < 0.05:
                cite = f"ADR-{picker.randint(1, RECORDS):04d}"
            chunks.append(template.format(cite=cite, n=len(chunks)))
        (folder / f"file{index}.{extension}").write_text("".join(chunks), encoding="utf-8")
    build = root / "build"
    build.mkdir()
    for index in range(200):
        (build / f"out{index}.js").write_text("// ADR-0001\n" * 50, encoding="utf-8")


def best(scope: CitationScope, root: Path, runs: int) -> tuple[float, int, int]:
    collection = load_collection(root / "decisions")
    times, found = [], (0, 0)
    for _ in range(runs):
        start = time.perf_counter()
        scan = scan_repository(scope, collection)
        times.append(time.perf_counter() - start)
        found = (len(scan.citations), len(scan.diagnostics))
    return min(times), *found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="madr-citations-"))
    try:
        generate(root, arguments.files)
        scope = CitationScope(root, skip=(root / "decisions",))
        walked = best(scope, root, arguments.runs)
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        listed = best(scope, root, arguments.runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    worst = max(walked[0], listed[0])
    for name, (seconds, citations, problems) in (("git ls-files", listed), ("walk", walked)):
        print(
            f"{name:>12}: {arguments.files} files in {seconds:.2f} s "
            f"({citations} citations, {problems} cites-superseded)"
        )
    if worst > LIMIT_SECONDS:
        raise SystemExit(f"slower than {LIMIT_SECONDS} s")


if __name__ == "__main__":
    main()
