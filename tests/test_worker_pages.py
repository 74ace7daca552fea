"""Record pages rendered by the parse workers are exactly the pages MkDocs renders itself.

Builds of more records than `records.INLINE_LIMIT` parse, and render record pages, in forked
workers (`parallel: true`, the default). Each test builds the same generated site both ways
with the real `mkdocs` command and compares what a reader or an author would see.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs_madr.core.collection import read_record
from mkdocs_madr.core.model import Decision
from mkdocs_madr.core.slim import SlimDecision
from mkdocs_madr.glossary import without_term_links
from mkdocs_madr.parallel import records as background
from mkdocs_madr.parallel.records import INLINE_LIMIT, PAGE_CHUNK, RecordJob
from mkdocs_madr.parallel.spool import Spool
from mkdocs_madr.site.fragments import PagePlan, prerender
from support import HOST

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from generate import generate

COUNT = 120
CONFIG = """site_name: Workers
theme:
  name: material
  font: false
markdown_extensions: [def_list, tables, attr_list, toc]
plugins:
  - search
  - madr:
      parallel: {parallel}
{extra}"""
WORKER_PAGES = re.compile(r"madr: (\d+) of (\d+) record pages rendered by workers")
fork_only = pytest.mark.skipif(
    not hasattr(os, "fork"), reason="pages are rendered in workers only where Python can fork"
)


def generated(root: Path, count: int = COUNT) -> Path:
    generate(count, root)
    return root


def build(
    root: Path, *, parallel: bool, extra: str = "", strict: bool = False
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """Build `root` into its own site folder; the process result has the verbose log."""
    site = root / ("site-parallel" if parallel else "site-serial")
    config = root / ("parallel.yml" if parallel else "serial.yml")
    config.write_text(CONFIG.format(parallel=str(parallel).lower(), extra=extra), "utf-8")
    command = [sys.executable, "-m", HOST, "build", "-v", "-f", str(config), "-d", str(site)]
    done = subprocess.run(
        [*command, "--strict"] if strict else command,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    return site, done


def build_with_hook(root: Path, hook: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A parallel build of `root` with `hook` as its MkDocs hooks file."""
    (root / "hooks.py").write_text(hook, encoding="utf-8")
    return build(root, parallel=True, extra="hooks:\n  - hooks.py\n")


def plan_for(paths: list[str]) -> PagePlan:
    """A page for each record, as the plugin would plan them."""
    return PagePlan(
        statuses=(("accepted", "#2e7d32"),),
        pages={path: f"decisions/{path[:-3]}/" for path in paths},
    )


def site_files(site: Path) -> dict[str, bytes]:
    files = (path for path in site.rglob("*") if path.is_file())
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in files}


def _first_difference(one: bytes, other: bytes) -> str:
    at = next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
        min(len(one), len(other)),
    )
    return f"{one[at - 200 : at + 200]!r} / {other[at - 200 : at + 200]!r}"


def worker_pages(log: str) -> int:
    found = WORKER_PAGES.search(log)
    assert found is not None, log[-3000:]
    return int(found[1])


def warnings(log: str) -> list[str]:
    return [line for line in log.splitlines() if line.startswith("WARNING")]


@pytest.mark.slow
@fork_only
def test_a_site_built_with_workers_is_byte_for_byte_the_site_built_without(tmp_path: Path) -> None:
    root = generated(tmp_path)
    parallel_site, parallel = build(root, parallel=True)
    serial_site, serial = build(root, parallel=False)
    assert parallel.returncode == 0, parallel.stderr[-3000:]
    assert serial.returncode == 0, serial.stderr[-3000:]
    # Workers rendered some pages: they start from the last record once all are parsed.
    assert 0 < worker_pages(parallel.stderr) < COUNT
    assert worker_pages(serial.stderr) == 0
    ours, theirs = site_files(parallel_site), site_files(serial_site)
    assert sorted(ours) == sorted(theirs)
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == [], [_first_difference(ours[name], theirs[name]) for name in different]
    # What the comparison covers: record pages with glossary links and tables of contents, the
    # glossary's lists of decisions per term, the search index.
    records = [name for name in ours if re.fullmatch(r"decisions/\d[^/]*/index\.html", name)]
    assert len(records) == COUNT
    assert all(b'class="madr-term"' in ours[name] for name in records)
    assert all(b'class="md-nav__link"' in ours[name] for name in records)
    assert b'class="madr-term-usage' in ours["GLOSSARY/index.html"]
    assert len(ours["search/search_index.json"]) > COUNT * 1000


@pytest.mark.slow
@fork_only
def test_what_workers_log_is_reported_by_the_build_in_page_order(tmp_path: Path) -> None:
    root = generated(tmp_path, 60)
    for path in sorted((root / "decisions").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\nSee [[No such term]] and [the plan](missing-plan.md).\n", "utf-8")
    _, parallel = build(root, parallel=True)
    _, serial = build(root, parallel=False)
    assert worker_pages(parallel.stderr) > 0
    found = warnings(parallel.stderr)
    assert found == warnings(serial.stderr)
    assert sum("glossary-unknown-term" in line for line in found) == 60
    assert sum("contains a link 'missing-plan.md'" in line for line in found) == 60
    _, strict = build(root, parallel=True, strict=True)
    assert strict.returncode != 0


@fork_only
def test_a_page_another_plugin_changes_after_the_plugin_is_rendered_by_mkdocs(
    tmp_path: Path,
) -> None:
    root = generated(tmp_path, 60)
    site, done = build_with_hook(
        root,
        "from mkdocs.plugins import event_priority\n\n\n"
        "@event_priority(-100)\n"
        "def on_page_markdown(markdown, page, **kwargs):\n"
        "    return markdown + '\\n\\nAdded by a later hook.\\n'\n",
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert worker_pages(done.stderr) == 0  # every worker page is refused: its Markdown differs
    pages = sorted(site.glob("decisions/0*/index.html"))
    assert len(pages) == 60
    assert all("Added by a later hook." in page.read_text(encoding="utf-8") for page in pages)


KEEP_PAGES = """import json
import os

from mkdocs.plugins import event_priority

SHOWN, KEPT = {}, {}


@event_priority(100)
def on_post_page(output, page, **kwargs):
    SHOWN[page.file.src_uri] = page.content


def on_post_build(config):
    folder = os.path.dirname(config.config_file_path)
    with open(os.path.join(folder, "pages.json"), "w", encoding="utf-8") as out:
        json.dump({src: [SHOWN[src], page.content] for src, page in KEPT.items()}, out)


def on_page_context(context, page, **kwargs):
    KEPT[page.file.src_uri] = page
"""


def shown_and_kept(root: Path, hook: str) -> dict[str, tuple[str, str]]:
    """Each record page's content as the page was written, and as MkDocs kept it to the end."""
    _, done = build_with_hook(root, hook)
    assert done.returncode == 0, done.stderr[-3000:]
    pages = json.loads((root / "pages.json").read_text(encoding="utf-8"))
    records = (src for src in pages if src.startswith("decisions/0"))
    return {src: (pages[src][0], pages[src][1]) for src in records}


def test_pages_kept_after_writing_have_their_text_without_glossary_links(tmp_path: Path) -> None:
    # MkDocs keeps every page's content until the build ends; the term links are only needed
    # in the written page, and at 5,000 records they are ~15 MiB of what is kept.
    root = generated(tmp_path, 60)
    for record in sorted((root / "decisions").glob("0*.md"))[:5]:
        with record.open("a", encoding="utf-8") as out:
            out.write("\nSee [the guide](https://example.com/) and [[Milvus|Milvus & co]].\n")
    pages = shown_and_kept(root, KEEP_PAGES)
    assert len(pages) == 60
    for shown, kept in pages.values():
        assert kept == without_term_links(shown)
    assert sum('class="madr-term"' in shown for shown, _ in pages.values()) > 30
    with_both = [kept for shown, kept in pages.values() if "Milvus &amp; co" in shown]
    assert len(with_both) == 5
    assert all('<a href="https://example.com/">the guide</a>' in kept for kept in with_both)
    assert all("Milvus &amp; co" in kept and "madr-term" not in kept for kept in with_both)


@pytest.mark.parametrize("priority", [0, -200])  # before the plugin gives the links back; after
def test_what_another_plugin_adds_to_a_page_is_kept(tmp_path: Path, priority: int) -> None:
    root = generated(tmp_path, 60)
    hook = KEEP_PAGES.replace(
        "def on_page_context(context, page, **kwargs):\n",
        f"@event_priority({priority})\n"
        "def on_page_context(context, page, **kwargs):\n"
        "    page.content += '<p>Added by another plugin.</p>'\n",
    )
    pages = shown_and_kept(root, hook)
    assert len(pages) == 60
    for shown, kept in pages.values():
        assert shown.endswith("<p>Added by another plugin.</p>")
        assert kept == shown
    if priority < 0:  # the page has its term links
        assert sum('class="madr-term"' in shown for shown, _ in pages.values()) > 30


@pytest.mark.slow
@fork_only
def test_a_build_whose_worker_is_killed_is_still_the_same_site(tmp_path: Path) -> None:
    root = generated(tmp_path, 60)
    # Loaded with the configuration, before the workers fork: they inherit the patch.
    parallel_site, parallel = build_with_hook(
        root,
        "import os\n"
        "from mkdocs_madr.parallel import records as background\n\n"
        "BUILD, READ = os.getpid(), background._read_record\n\n\n"
        "def read_or_die(context, path):\n"
        "    if os.getpid() != BUILD:\n"
        "        os._exit(1)  # as if the system killed the worker\n"
        "    return READ(context, path)\n\n\n"
        "background._read_record = read_or_die\n",
    )
    serial_site, serial = build(root, parallel=False)
    assert parallel.returncode == 0, parallel.stderr[-3000:]
    assert serial.returncode == 0, serial.stderr[-3000:]
    assert worker_pages(parallel.stderr) == 0
    assert "failed (BrokenProcessPool" in parallel.stderr
    assert "the build did the work itself" in parallel.stderr
    assert site_files(parallel_site) == site_files(serial_site)


class _Describe:
    """A page renderer that says which process rendered which record."""

    def render_page(self, path: str, decision: Decision) -> str:
        return f"{path} by {os.getpid()}: {decision.title}"


@fork_only
def test_workers_render_pages_with_the_renderer_they_inherit(tmp_path: Path) -> None:
    root = generated(tmp_path, INLINE_LIMIT + 20)
    paths = sorted(path.name for path in (root / "decisions").glob("*.md"))
    job = RecordJob(root / "decisions", paths, workers=1, renderer=_Describe()).start()
    try:
        # The build asks for the first page at once: no worker has started it, so it is left to
        # the build, with the other pages of its task (rendering tasks run after every parse
        # task, from the last page back).
        assert job.page_of(paths[0]) is None
        job.pool.join()
        rendered = {path: job.page_of(path) for path in paths}
        again = job.page_of(paths[-1])
        titles = {decision.file: decision.title for decision in job.results()}
    finally:
        job.close()
    by_workers = {path: page for path, page in rendered.items() if page is not None}
    assert len(by_workers) >= len(paths) - PAGE_CHUNK
    assert paths[0] not in by_workers
    assert paths[-1] in by_workers
    workers = {str(page).split(" by ")[1].split(":")[0] for page in by_workers.values()}
    assert len(workers) == 1
    assert workers != {str(os.getpid())}
    worker = workers.pop()
    assert by_workers == {path: f"{path} by {worker}: {titles[path]}" for path in by_workers}
    assert again is None  # handed out once


def test_a_job_without_a_page_renderer_renders_no_pages(tmp_path: Path) -> None:
    root = generated(tmp_path, INLINE_LIMIT + 10)
    paths = sorted(path.name for path in (root / "decisions").glob("*.md"))
    job = RecordJob(root / "decisions", paths, workers=1).start()
    parsed = job.results()
    assert len(parsed) == len(paths)
    assert not job.renders_pages
    assert all(job.page_of(path) is None for path in paths)


def test_the_spool_gives_back_what_it_was_given() -> None:
    spool = Spool()
    first = spool.put(("<p>en-tête é</p>", "<table>✓</table>", '{"id": "0001"}'))
    second = spool.put(("", "", "{}"))
    third = spool.put(["only one"])
    assert spool.get(second) == ("", "", "{}")
    assert spool.get(third) == ("only one",)
    assert spool.get(first) == ("<p>en-tête é</p>", "<table>✓</table>", '{"id": "0001"}')
    spool.close()
    again = spool.put(("h", "c", "j"))  # usable after closing: a new file
    assert spool.get(again) == ("h", "c", "j")
    spool.close()


@fork_only
def test_fragments_no_worker_rendered_come_from_the_whole_record(tmp_path: Path) -> None:
    root = generated(tmp_path, INLINE_LIMIT + 10)
    folder = root / "decisions"
    paths = sorted(path.name for path in folder.glob("*.md"))
    plan = plan_for(paths)
    job = RecordJob(folder, paths, plan=plan, workers=1, renderer=_Describe()).start()
    job.results()
    job.prerender()
    job.close()  # the workers go, their fragment tasks cancelled if not started
    path = next(path for path in reversed(paths) if read_record(folder, path).options)
    try:
        kept = job.result(path)
        assert kept is not None
        assert isinstance(kept, SlimDecision)  # its body is gone: fragments come from the file
        fragments = job.fragments_of(path)
        assert fragments == prerender(read_record(folder, path), plan)
        assert fragments is not None
        assert "madr-compare__table" in fragments.comparison
    finally:
        job.release()


@fork_only
@pytest.mark.parametrize("failure", ["raises", "dies"])
def test_what_failed_in_a_worker_is_done_by_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    root = generated(tmp_path, INLINE_LIMIT + 10)
    folder = root / "decisions"
    paths = sorted(path.name for path in folder.glob("*.md"))
    plan = plan_for(paths)
    build_process, real = os.getpid(), read_record

    def fails_in_workers(root: Path, path: str, *more: object) -> Decision:
        if os.getpid() != build_process:
            if failure == "dies":  # as if the system killed it: the pool is broken
                os._exit(1)
            raise RuntimeError("a worker ran out of luck")
        return real(root, path, *more)  # type: ignore[arg-type]

    # Forked workers inherit the patch: every task they are given fails.
    monkeypatch.setattr(background, "read_record", fails_in_workers)
    job = RecordJob(folder, paths, plan=plan, workers=1, renderer=_Describe()).start()
    try:
        parsed = {decision.file: decision for decision in job.results()}
        job.prerender()
        pages = [job.page_of(path) for path in paths]
        fragments = {path: job.fragments_of(path) for path in paths}
        errors = list(job.errors)
    finally:
        job.release()
    assert sorted(parsed) == paths
    assert all(parsed[path].title == real(folder, path).title for path in paths)
    assert pages == [None] * len(paths)  # left to the build
    assert fragments == {path: prerender(real(folder, path), plan) for path in paths}
    assert errors
    expected = "a worker ran out of luck" if failure == "raises" else "BrokenProcessPool"
    assert all(expected in repr(error) for error in errors)
