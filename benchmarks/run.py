"""Benchmarks: the plugin against plain MkDocs, the CLI at scale, and serve rebuilds.

For each N, the same generated records are built (a) as plain Markdown pages in a Material site
without the plugin and (b) through the plugin, with the same navigation shape (the records are
not listed in the sidebar in either, above 100 records). Timed runs alternate a, b, a, b… and
give the median wall time and the ratio b/a; separate runs, sampled, give the peak memory (PSS
of the build and its workers, and the build process's own peak RSS): the median of the runs'
peaks, and the largest, since a build's peak varies from run to run. Sites are written under
--workdir: a RAM disk (/dev/shm) keeps disk noise out of the figures.

    python benchmarks/run.py                      # N = 100, 1000, 5000; 3 timed, 5 sampled
    python benchmarks/run.py --sizes 1000 --repeats 5 --workdir /dev/shm/madr-bench
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import generate

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
BIN = Path(sys.executable).parent

PLAIN = """site_name: Plain
theme:
  name: material
  font: false
markdown_extensions: [def_list, tables, attr_list]
plugins: [search]
not_in_nav: |
  /decisions/*.md
nav:
  - index.md
  - GLOSSARY.md
  - architecture/containers.md
  - Decision log:
      - decisions/index.md
      - decisions/timeline.md
      - decisions/graph.md
      - decisions/c4-coverage.md
      - decisions/in-force.md
      - decisions/review.md
      - decisions/health.md
"""
NAV_THRESHOLD = 100
"""The plugin's default `nav_threshold`: up to this many records, its sidebar lists each one,
so the plain site's does too."""
PLAIN_NAV_PAGES = {
    "index.md": "Decision log",
    "timeline.md": "Timeline",
    "graph.md": "Relations",
    "c4-coverage.md": "Architecture coverage",
    "in-force.md": "In force",
    "review.md": "Due for review",
    "health.md": "Decision health",
}
"""The pages the plugin adds to the navigation, as plain pages: the same sidebar in both."""

WITH_PLUGIN = """site_name: Plugin
theme:
  name: material
  font: false
markdown_extensions: [def_list, tables, attr_list]
plugins:
  - search
  - madr
nav:
  - index.md
  - GLOSSARY.md
  - architecture/containers.md
"""


def prepare(count: int, workdir: Path) -> tuple[Path, Path]:
    """Two sites over the same records: plain pages in docs/, and the plugin's decisions/."""
    plugin_site = workdir / f"plugin-{count}"
    plain_site = workdir / f"plain-{count}"
    for site in (plugin_site, plain_site):
        shutil.rmtree(site, ignore_errors=True)
    generate(count, plugin_site)
    (plugin_site / "mkdocs.yml").write_text(WITH_PLUGIN, encoding="utf-8")
    shutil.copytree(plugin_site / "docs", plain_site / "docs")
    shutil.copytree(plugin_site / "decisions", plain_site / "docs" / "decisions")
    for name, title in PLAIN_NAV_PAGES.items():
        (plain_site / "docs" / "decisions" / name).write_text(
            f"# {title}\n\nThe records of this site.\n", encoding="utf-8"
        )
    records = sorted(path.name for path in (plugin_site / "decisions").glob("*.md"))
    listed = "".join(f"      - decisions/{name}\n" for name in records)
    config = PLAIN + listed if count <= NAV_THRESHOLD else PLAIN
    (plain_site / "mkdocs.yml").write_text(config, encoding="utf-8")
    return plain_site, plugin_site


def build(site: Path, *, memory: bool = False) -> tuple[float, float, float]:
    """Wall seconds, and with `memory` the peak memory (MiB), of one `mkdocs build` in a fresh
    process; then the peak RSS of the build process (MiB, exact, from the kernel: the largest
    of the build's and each of its workers' own peaks; the build's, in these builds).

    Memory is the peak of the summed proportional set size (PSS) of the build and its worker
    processes, sampled every 10 ms: the plugin works in forked processes, whose shared pages
    PSS counts once, where `ru_maxrss` would count only the largest process. The build's own
    peak is short (search writing its index), hence the fine sampling. Sampling takes CPU time
    the build's workers could use, so timed builds are not sampled.
    """
    out = site / "site"
    shutil.rmtree(out, ignore_errors=True)
    command = [str(BIN / "mkdocs"), "build", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(out)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeMemory(process.pid)
    if memory:
        sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if memory:
        sampler.stop()
    errors = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise SystemExit(f"build of {site} failed:\n{errors}")
    return elapsed, (sampler.peak_kib or usage.ru_maxrss) / 1024, usage.ru_maxrss / 1024


class TreeMemory(threading.Thread):
    """Samples the summed PSS of a process and its descendants (Linux /proc)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.01):
            self.peak_kib = max(self.peak_kib, sum(_pss_kib(pid) for pid in _tree(self.pid)))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed(command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, env=ENV if env is None else env, cwd=cwd, check=False, capture_output=True
    )
    return time.perf_counter() - start


def bench_builds(
    sizes: list[int], repeats: int, workdir: Path, memory_repeats: int
) -> list[dict[str, float]]:
    """Per N: median wall times, and the peak memory of each build, given as the median of the
    runs' peaks and as the largest. A build's peak varies from run to run by more than the
    sampling error (the allocator does not always return what the search index's encoding
    frees), so both are reported."""
    rows = []
    for count in sizes:
        plain, plugin = prepare(count, workdir)
        times: dict[str, list[float]] = {"a": [], "b": []}
        memory: dict[str, list[float]] = {"a": [], "b": []}
        rss: dict[str, list[float]] = {"a": [], "b": []}
        for _ in range(repeats):
            for name, site in (("a", plain), ("b", plugin)):
                times[name].append(build(site)[0])
        for _ in range(memory_repeats):
            for name, site in (("a", plain), ("b", plugin)):
                _, peak, own = build(site, memory=True)
                memory[name].append(peak)
                rss[name].append(own)
        row = {
            "n": count,
            "plain_s": statistics.median(times["a"]),
            "plugin_s": statistics.median(times["b"]),
            "plain_mib": statistics.median(memory["a"]),
            "plugin_mib": statistics.median(memory["b"]),
            "plain_mib_max": max(memory["a"]),
            "plugin_mib_max": max(memory["b"]),
            "plain_rss_mib": statistics.median(rss["a"]),
            "plugin_rss_mib": statistics.median(rss["b"]),
            "plain_rss_mib_max": max(rss["a"]),
            "plugin_rss_mib_max": max(rss["b"]),
        }
        row["ratio"] = row["plugin_s"] / row["plain_s"]
        row["memory_ratio"] = row["plugin_mib"] / row["plain_mib"]
        row["memory_ratio_of_largest"] = row["plugin_mib_max"] / row["plain_mib_max"]
        row["rss_ratio"] = row["plugin_rss_mib"] / row["plain_rss_mib"]
        row["rss_ratio_of_largest"] = row["plugin_rss_mib_max"] / row["plain_rss_mib_max"]
        rows.append(row)
        print(
            f"N={count}: plain {row['plain_s']:.2f} s, plugin {row['plugin_s']:.2f} s, "
            f"ratio {row['ratio']:.3f}; PSS {row['plain_mib']:.0f} / {row['plugin_mib']:.0f} MiB "
            f"(largest {row['plain_mib_max']:.0f} / {row['plugin_mib_max']:.0f}); "
            f"build process RSS {row['plain_rss_mib']:.0f} / {row['plugin_rss_mib']:.0f} MiB "
            f"(largest {row['plain_rss_mib_max']:.0f} / {row['plugin_rss_mib_max']:.0f}); "
            f"build process RSS peaks: plain {sorted(round(v) for v in rss['a'])}, "
            f"plugin {sorted(round(v) for v in rss['b'])}",
            flush=True,
        )
    return rows


def bench_cli(count: int, workdir: Path, repeats: int) -> dict[str, object]:
    """`adr list --format json` and `adr lint` on N records, each run alone: cold (no cache of
    parsed records, which the run writes) and warm (the folder unchanged since the run
    before); every run's time, and the largest."""
    site = workdir / f"plugin-{count}"
    if not (site / "decisions").is_dir():
        generate(count, site)
    decisions = site / "decisions"
    # A modification time more than two seconds old is trusted without reading the file.
    past = time.time() - 60
    for path in decisions.iterdir():
        os.utime(path, (past, past))
    cache_home = workdir / "user-cache"
    env = {**ENV, "XDG_CACHE_HOME": str(cache_home)}
    adr = str(BIN / "adr")
    commands = {
        "list_json": [adr, "list", "--format", "json", "--dir", str(decisions)],
        "lint": [adr, "lint", "--dir", str(decisions)],
    }
    # From an empty folder of its own, with no mkdocs.yml: the cache is under cache_home, and
    # `adr lint`'s scan for code citing records reads that folder, not the work folder (which
    # holds the other benchmark sites, gigabytes of them).
    runner = workdir / "cli-cwd"
    runner.mkdir(exist_ok=True)
    results: dict[str, object] = {}
    for name, command in commands.items():
        cold, warm = [], []
        for _ in range(repeats):
            shutil.rmtree(cache_home, ignore_errors=True)
            cold.append(timed(command, cwd=runner, env=env))
            warm.append(timed(command, cwd=runner, env=env))
        results[f"{name}_cold_s"] = cold
        results[f"{name}_warm_s"] = warm
        print(
            f"CLI at N={count}: {' '.join(command[1:-2])}: cold "
            f"{', '.join(f'{t:.2f}' for t in cold)} s (max {max(cold):.2f}); warm "
            f"{', '.join(f'{t:.2f}' for t in warm)} s (max {max(warm):.2f})",
            flush=True,
        )
    folder = Path(tempfile.mkdtemp(dir=workdir))
    for path in sorted(decisions.iterdir())[:200]:
        shutil.copy(path, folder / path.name)
    latencies = [timed([adr, "new", "--dir", str(folder), f"Benchmark {i}"]) for i in range(20)]
    results["new_ms"] = statistics.median(latencies) * 1000
    results["new_max_ms"] = max(latencies) * 1000
    print(
        f"adr new median {results['new_ms']:.0f} ms (max {results['new_max_ms']:.0f} ms)",
        flush=True,
    )
    return results


def bench_serve(count: int, workdir: Path, edits: int = 3) -> dict[str, float]:
    """Under `mkdocs serve`, save one record `edits` times, and time each save until its rebuild
    is done: on the plugin's site, then on the plain one (the same record as a plain page). The
    median of each, and their ratio. MkDocs' watcher polls every half second, so each time holds
    up to half a second before the rebuild starts; the machine should be otherwise idle."""
    plain, plugin = workdir / f"plain-{count}", workdir / f"plugin-{count}"
    if not (plugin / "decisions").is_dir() or not (plain / "docs" / "decisions").is_dir():
        plain, plugin = prepare(count, workdir)
    name = sorted(path.name for path in (plugin / "decisions").glob("*.md"))[count // 2]
    result: dict[str, float] = {}
    for label, site, target in (
        ("plugin", plugin, plugin / "decisions" / name),
        ("plain", plain, plain / "docs" / "decisions" / name),
    ):
        times, builds, first = _serve_edits(site, target, edits, port=8700 + count % 100)
        result[f"{label}_first_build_s"] = first
        result[f"{label}_rebuild_s"] = statistics.median(times)
        result[f"{label}_rebuild_max_s"] = max(times)
        result[f"{label}_build_s"] = statistics.median(builds)
        print(
            f"serve at N={count}, {label}: first build {first:.2f} s, save to rebuilt "
            + ", ".join(f"{t:.2f}" for t in times)
            + " s (the builds: "
            + ", ".join(f"{t:.2f}" for t in builds)
            + " s)",
            flush=True,
        )
    result["ratio"] = result["plugin_rebuild_s"] / result["plain_rebuild_s"]
    print(f"serve at N={count}: plugin / plain (medians) {result['ratio']:.2f}", flush=True)
    return result


def _serve_edits(
    site: Path, target: Path, edits: int, port: int
) -> tuple[list[float], list[float], float]:
    """Seconds from each save of `target` to the end of the rebuild it caused, the rebuilds'
    own seconds (as MkDocs reports them: the rest is its watcher's polling), and the first
    build's seconds."""
    command = [
        str(BIN / "mkdocs"),
        "serve",
        "-f",
        str(site / "mkdocs.yml"),
        "-a",
        f"127.0.0.1:{port}",
    ]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: list[tuple[float, str]] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append((time.perf_counter(), line))

    threading.Thread(target=read, daemon=True).start()
    times: list[float] = []
    builds: list[float] = []
    try:
        first, _ = _wait_for(lines, 0, "Documentation built in", timeout=600)
        _wait_for(lines, 0, "Serving on", timeout=600)
        for number in range(edits):
            time.sleep(1.5)  # the watcher has seen the last build's writes
            start_index = len(lines)
            edited = time.perf_counter()
            with target.open("a", encoding="utf-8") as handle:
                handle.write(f"\nEdited by the benchmark ({number}).\n")
            built_at, line = _wait_for(lines, start_index, "Documentation built in", timeout=600)
            times.append(built_at - edited)
            builds.append(float(line.split("built in ")[1].split()[0]))
    finally:
        process.terminate()
        process.wait(timeout=30)
    return times, builds, first - started


def _wait_for(
    lines: list[tuple[float, str]], start: int, needle: str, timeout: float
) -> tuple[float, str]:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        for stamp, text in list(lines[start:]):
            if needle in text:
                return stamp, text
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {needle!r}")


def table(rows: list[dict[str, float]]) -> str:
    out = [
        "| N | plain MkDocs | with mkdocs-madr | ratio b/a "
        "| peak memory plain (median) | peak memory plugin (median) "
        "| memory ratio (of largest peaks) | build process RSS ratio (of largest peaks) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        out.append(
            f"| {int(row['n']):,} | {row['plain_s']:.2f} s | {row['plugin_s']:.2f} s | "
            f"{row['ratio']:.3f} | {row['plain_mib']:.0f} MiB | {row['plugin_mib']:.0f} MiB | "
            f"{row['memory_ratio']:.2f} ({row['memory_ratio_of_largest']:.2f}) | "
            f"{row['rss_ratio']:.2f} ({row['rss_ratio_of_largest']:.2f}) |"
        )
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeats", type=int, default=3, help="timed builds per N and kind")
    parser.add_argument(
        "--memory-repeats", type=int, default=5, help="memory-sampled builds per N and kind"
    )
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "madr-bench")
    parser.add_argument("--skip", nargs="*", default=[], choices=["builds", "cli", "serve"])
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.repeats < 1 or args.memory_repeats < 1:
        parser.error("--repeats and --memory-repeats need at least one run")
    args.workdir.mkdir(parents=True, exist_ok=True)
    purelib = sysconfig.get_paths()["purelib"]
    # Installed packages have their bytecode compiled (pip does it); under
    # PYTHONDONTWRITEBYTECODE every timed build would compile the modules it imports again.
    for folder in (Path(__file__).resolve().parent.parent / "plugins", Path(purelib)):
        compileall.compile_dir(folder, quiet=1, workers=0)
    results: dict[str, object] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    if "builds" not in args.skip:
        rows = bench_builds(args.sizes, args.repeats, args.workdir, args.memory_repeats)
        results["builds"] = rows
        if len(rows) >= 2 and rows[-1]["n"] == 5 * rows[-2]["n"]:
            growth = rows[-1]["plugin_s"] / rows[-2]["plugin_s"]
            results["growth_5x"] = growth
            print(f"growth from N={int(rows[-2]['n'])} to N={int(rows[-1]['n'])}: {growth:.2f}x")
        print()
        print(table(rows))
    if "cli" not in args.skip:
        results["cli"] = bench_cli(max(args.sizes), args.workdir, args.repeats)
    if "serve" not in args.skip:
        results["serve"] = bench_serve(1000 if 1000 in args.sizes else args.sizes[0], args.workdir)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
