"""The failure catalogue (docs/using/failures.md): every bad input, and what a build does with it.

Each test builds a real site that holds two good records next to the bad input and asserts
three things: a diagnostic names the file (and the line, when the problem sits on one) or, for
a configuration problem, the build stops with a message naming the setting; the good records
are still published and listed in the index; and nothing in `docs/` or `decisions/` changed.
A test marked xfail states the behaviour the catalogue requires and the plugin does not have.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import io
import os
import pathlib
import random
import re
import signal
import stat as stat_module
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort, PluginError
from support import BuildSite, Site, base_config, write_tree

KEEP = """
---
status: accepted
date: 2025-01-10
---
# Keep a decision log

## Context and Problem Statement

Nobody remembers why things are the way they are.

## Decision Outcome

Chosen option: "Write records", because they outlast chat threads.
"""

POSTGRES = """
* Status: accepted
* Date: 2025-02-03

# Use PostgreSQL

## Context and Problem Statement

We need a database.

## Considered Options

* PostgreSQL
* MySQL

## Decision Outcome

Chosen option: "PostgreSQL", because the team knows it.
"""

GOOD: dict[str, str | bytes] = {
    "decisions/0001-keep-a-decision-log.md": KEEP,
    "decisions/0002-use-postgresql.md": POSTGRES,
}
GOOD_TITLES = {
    "0001-keep-a-decision-log": "Keep a decision log",
    "0002-use-postgresql": "Use PostgreSQL",
}

BUILD_DEADLINE = 120
"""Seconds any one build may take; a build that loops fails instead of hanging the suite."""


def record(title: str, status: str = "accepted", *, front: str = "", body: str = "") -> str:
    """A small MADR 4 record; `front` adds front-matter lines."""
    return (
        f"---\nstatus: {status}\ndate: 2025-03-01\n{front}---\n# {title}\n\n"
        f"## Context and Problem Statement\n\nSome context.\n{body}"
    )


# --- helpers --------------------------------------------------------------------------------


class TooSlow(Exception):  # not an OSError: `except OSError` cannot hide it
    """A build ran past its deadline."""


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail (instead of hanging) when the block runs longer than `seconds`."""

    def expire(signum: int, frame: object) -> None:
        raise TooSlow(f"the build was still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under docs/ and decisions/: content hash, mode and mtime; links not followed."""
    found: dict[str, str] = {}
    for folder in ("docs", "decisions"):
        for parent, folders, names in os.walk(root / folder):
            for name in [*folders, *names]:
                path = Path(parent) / name
                key = path.relative_to(root).as_posix()
                if path.is_symlink():
                    found[key] = f"link -> {os.readlink(path)}"
                elif path.is_dir():
                    found[key] = "folder"
                elif not stat_module.S_ISREG(path.stat().st_mode):
                    found[key] = f"special {path.stat().st_mode:o}"
                else:
                    stat = path.stat()
                    try:
                        with open(path, "rb") as handle:
                            digest = hashlib.sha256(handle.read()).hexdigest()
                    except OSError:
                        digest = "unreadable"
                    found[key] = f"{digest} {stat.st_mode:o} {stat.st_mtime_ns}"
    return found


def build_checked(
    build_site: BuildSite,
    root: Path,
    files: dict[str, str | bytes],
    config: dict[str, Any] | None = None,
    *,
    good: bool = True,
    during: Callable[[], AbstractContextManager[Any]] = nullcontext,
    seconds: int = BUILD_DEADLINE,
) -> Site:
    """Write the good records, `files` and a home page; build; assert nothing was written."""
    write_tree(root, {**(GOOD if good else {}), "docs/index.md": "# Home\n", **files})
    before = snapshot(root)
    try:
        with deadline(seconds), during():
            site = build_site({}, config, root=root)
    finally:
        after = snapshot(root)
    assert after == before, "the build changed the author's tree"
    return site


def diagnostics(site: Site, code: str, file: str, *, level: str = "warning") -> list[str]:
    """Logged `madr: <file>[:<line>]: <code>: …` messages for `file` and `code`."""
    texts = site.warnings() if level == "warning" else [text for _, text in site.messages]
    pattern = re.compile(rf"^madr: {re.escape(file)}(:\d+)?: {re.escape(code)}: ")
    return [text for text in texts if pattern.match(text)]


def line_of(message: str) -> int | None:
    found = re.match(r"^madr: [^:]+:(\d+): ", message)
    return int(found[1]) if found else None


def assert_reported(
    site: Site, code: str, file: str, *, line: int | range | None = None, level: str = "warning"
) -> list[str]:
    """A diagnostic with `code` names `file`, and `line` (a number or a range) when given."""
    found = diagnostics(site, code, file, level=level)
    assert found, f"no {code} for {file} in {site.warnings()}"
    if line is not None:
        lines = [line_of(message) for message in found]
        wanted = line if isinstance(line, range) else range(line, line + 1)
        assert any(number in wanted for number in lines), (found, line)
    return found


def assert_intact(site: Site, titles: dict[str, str] = GOOD_TITLES) -> None:
    """The good records are published and the index lists and links them."""
    index = site.html("decisions/")
    for stem, title in titles.items():
        assert title in site.html(f"decisions/{stem}/"), stem
        assert title in index, f"the index does not list {title}"
        assert f'href="{stem}/"' in index, f"the index does not link {stem}"


def index_table(site: Site) -> str:
    """The index page's table of records (the navigation links every page too)."""
    page = site.html("decisions/")
    start = page.index('class="madr-index__table"')
    return page[start : page.index("</table>", start)]


def assert_not_listed(site: Site, stem: str) -> None:
    assert f'href="{stem}/"' not in index_table(site), f"the index lists {stem}"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "project"


# --- 1. invalid YAML front matter -------------------------------------------------------------

MADR3_TEMPLATE = """
---
status: {proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)}
date: {YYYY-MM-DD when the decision was last updated}
deciders: {list everyone involved in the decision}
consulted: {list everyone whose opinions are sought (typically subject-matter experts); and with whom there is a two-way communication}
informed: {list everyone who is kept up-to-date on progress; and with whom there is a one-way communication}
---
# {short title of solved problem and solution}

## Context and Problem Statement

{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story.}

## Considered Options

* {title of option 1}
* {title of option 2}

## Decision Outcome

Chosen option: "{title of option 1}", because {justification}.
"""  # noqa: E501 - the template as MADR 3 ships it

BAD_YAML: dict[str, str] = {
    "unclosed-bracket": "---\nstatus: [accepted\ndate: 2025-03-01\n---\n# Unclosed\n\nText.\n",
    "tab-indentation": "---\nstatus: accepted\ntags:\n\t- a\n\t- b\n---\n# Tabs\n\nText.\n",
    "madr3-template": MADR3_TEMPLATE,
    "list-document": "---\n- accepted\n- 2025-03-01\n---\n# A list\n\nText.\n",
    "int-tag-on-text": "---\nstatus: !!int accepted\ndate: 2025-03-01\n---\n# Tagged\n\nText.\n",
    "timestamp-tag-on-text": "---\nstatus: accepted\ndate: !!timestamp soon\n---\n# Tag\n\nText.\n",
    "deep-nesting": "---\nstatus: " + "[" * 1000 + "\ndate: 2025-03-01\n---\n# Deep\n\nText.\n",
    "unclosed-bracket-and-impossible-date": (
        "---\nstatus: [accepted\ndate: 2025-02-30\n---\n# Unclosed\n\nText.\n"
    ),
}


@pytest.mark.parametrize(
    "form",
    [
        "unclosed-bracket",
        "tab-indentation",
        "madr3-template",
        "list-document",
        "int-tag-on-text",
        "deep-nesting",
        "unclosed-bracket-and-impossible-date",
    ],
)
def test_invalid_front_matter(build_site: BuildSite, root: Path, form: str) -> None:
    text = BAD_YAML[form].lstrip("\n")
    closing = text.split("\n").index("---", 1) + 1  # the line of the closing ---
    site = build_checked(build_site, root, {"decisions/0003-bad.md": text})
    assert_reported(site, "invalid-front-matter", "decisions/0003-bad.md", line=range(2, closing))
    assert_intact(site)


def test_yaml_python_tag_is_not_executed(build_site: BuildSite, root: Path, tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    text = (
        f'---\nstatus: !!python/object/apply:os.system ["touch {marker}"]\n'
        "date: 2025-03-01\n---\n# Tagged\n\nText.\n"
    )
    site = build_checked(build_site, root, {"decisions/0003-tagged.md": text})
    assert not marker.exists(), "the YAML tag ran a command"
    assert_reported(site, "invalid-front-matter", "decisions/0003-tagged.md", line=2)
    assert_intact(site)


# --- 2. bytes that are not UTF-8 ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "data", "line"),
    [
        ("latin-1", "# Café menu\n\n* Status: accepted\n\nCrème brûlée.\n".encode("latin-1"), 1),
        ("binary", random.Random(7).randbytes(64 * 1024), None),
    ],
)
def test_bytes_that_are_not_utf8(
    build_site: BuildSite, root: Path, form: str, data: bytes, line: int | None
) -> None:
    site = build_checked(build_site, root, {"decisions/0003-encoded.md": data})
    found = assert_reported(site, "not-utf8", "decisions/0003-encoded.md", line=line)
    assert line_of(found[0]) is not None, "not-utf8 names no line"
    if form == "latin-1":
        assert "Caf\ufffd menu" in site.html("decisions/0003-encoded/")
    assert_not_listed(site, "0003-encoded")
    assert_intact(site)


# --- 3. empty and whitespace-only files -------------------------------------------------------


@pytest.mark.parametrize("content", ["", " \n\t\n\n   \r\n"], ids=["empty", "whitespace"])
def test_empty_file(build_site: BuildSite, root: Path, content: str) -> None:
    site = build_checked(build_site, root, {"decisions/0003-empty.md": content.encode()})
    assert_reported(site, "empty-file", "decisions/0003-empty.md")
    assert_not_listed(site, "0003-empty")
    assert_intact(site)


# --- 4. a 10 MB file ------------------------------------------------------------------------


@pytest.mark.slow
def test_ten_megabyte_file(build_site: BuildSite, root: Path) -> None:
    head = record("A record with a pasted log")
    paragraph = "A pasted log line that goes on for a while, and then a little further. " * 2
    paragraph += "\n\n"
    size = 10 * 1024 * 1024
    text = head + "\n" + paragraph * ((size - len(head)) // len(paragraph) + 1)
    start = time.perf_counter()
    site = build_checked(build_site, root, {"decisions/0003-huge.md": text})
    seconds = time.perf_counter() - start
    print(f"\n10 MB record: build took {seconds:.1f} s")
    found = assert_reported(site, "file-too-large", "decisions/0003-huge.md")
    parsed = int(re.search(r"only the first ([\d,]+) are parsed", found[0])[1].replace(",", ""))
    assert parsed <= 1_000_000
    assert seconds < 60, f"the build took {seconds:.1f} s"
    assert_intact(site, {**GOOD_TITLES, "0003-huge": "A record with a pasted log"})


def test_long_line_of_unmatched_emphasis(build_site: BuildSite, root: Path) -> None:
    line = "*a " * 66_000  # 200 KB on one line, above the first section
    text = f"# Stars\n\n* Status: accepted\n\n{line}\n\n## Context and Problem Statement\n\nx\n"
    site = build_checked(build_site, root, {"decisions/0003-stars.md": text}, seconds=20)
    assert "Stars" in site.html("decisions/0003-stars/")
    assert_intact(site)


# --- 5. duplicate ids -----------------------------------------------------------------------


def test_duplicate_ids(build_site: BuildSite, root: Path) -> None:
    files: dict[str, str | bytes] = {
        "decisions/0007-use-redis.md": record("Use Redis"),
        "decisions/0007-use-memcached.md": record("Use Memcached"),
    }
    site = build_checked(build_site, root, files)
    for name in files:
        found = assert_reported(site, "duplicate-id", name, line=5)
        assert "is also used by" in found[0]
    assert_intact(site)


# --- 6. supersede cycles ----------------------------------------------------------------------


def test_supersede_cycles_are_reported_once(build_site: BuildSite, root: Path) -> None:
    def superseding(title: str, target: str) -> str:
        return record(title, "superseded", front=f'supersedes: ["{target}"]\n')

    files: dict[str, str | bytes] = {
        # a 2-cycle: 3 supersedes 4 supersedes 3
        "decisions/0003-use-rabbitmq.md": superseding("Use RabbitMQ", "0004"),
        "decisions/0004-use-kafka.md": superseding("Use Kafka", "0003"),
        # a 3-cycle: 5 → 6 → 7 → 5
        "decisions/0005-use-rest.md": superseding("Use REST", "0006"),
        "decisions/0006-use-grpc.md": superseding("Use gRPC", "0007"),
        "decisions/0007-use-graphql.md": superseding("Use GraphQL", "0005"),
    }
    site = build_checked(build_site, root, files)
    cycles = [w for w in site.warnings() if ": supersede-cycle: " in w]
    assert len(cycles) == 2, cycles
    two = [w for w in cycles if re.search(r"\b0003\b", w)]
    three = [w for w in cycles if re.search(r"\b0005\b", w)]
    assert len(two) == 1, cycles
    assert len(three) == 1, cycles
    assert all(line_of(w) == 2 for w in cycles), cycles  # the status line
    assert "0006" in three[0]
    assert "0007" in three[0]
    assert_intact(site, {**GOOD_TITLES, "0004-use-kafka": "Use Kafka", "0006-use-grpc": "Use gRPC"})


# --- 7. a relation to a missing record --------------------------------------------------------


def test_relation_to_a_missing_record(build_site: BuildSite, root: Path) -> None:
    files: dict[str, str | bytes] = {
        "decisions/0003-amend.md": record("Amend the log", front='supersedes: ["0099"]\n'),
        "decisions/0004-nygard.md": (
            "# 4. Split the log\n\nDate: 2025-03-01\n\n## Status\n\nAccepted\n\n"
            "Amends [98. Missing](0098-missing.md)\n\n## Context\n\nx\n\n## Decision\n\ny\n"
        ),
    }
    site = build_checked(build_site, root, files)
    assert_reported(site, "unresolved-relation", "decisions/0003-amend.md", line=4)
    assert_reported(site, "unresolved-relation", "decisions/0004-nygard.md", line=9)
    assert_intact(site, {**GOOD_TITLES, "0003-amend": "Amend the log"})


def test_numbers_too_long_to_convert(build_site: BuildSite, root: Path) -> None:
    """Python refuses int() of more than 4,300 digits; such a number names no record."""
    digits = "7" * 5000
    files: dict[str, str | bytes] = {
        "decisions/0003-amend.md": record("Amend the log", front=f'supersedes: ["{digits}"]\n'),
        "docs/index.md": f"# Home\n\n<!-- madr:index limit={digits} -->\n\n"
        f"<!-- madr:compare {digits} -->\n",
    }
    site = build_checked(build_site, root, files)
    assert_reported(site, "unresolved-relation", "decisions/0003-amend.md", line=4)
    assert "Amend the log" in site.html("")
    assert_intact(site, {**GOOD_TITLES, "0003-amend": "Amend the log"})


# --- 8. a symlink loop inside the decisions folder -------------------------------------------


LOOPS = pytest.mark.parametrize(
    ("link", "target"),
    [("decisions/loop", "."), ("decisions/team/up", "..")],
    ids=["to-itself", "to-its-parent"],
)
NAMES_THE_TARGET = (
    "the plugin prints every path through Path.resolve() (plugin._relative), which follows "
    "the link: the message names the path the link points at, not the link"
)


def _loop_site(build_site: BuildSite, root: Path, link: str, target: str) -> Site:
    write_tree(root, {"decisions/team/0001-use-teams.md": record("Use teams")})
    (root / link).symlink_to(target, target_is_directory=True)
    return build_checked(build_site, root, {})


@LOOPS
def test_symlink_loop_is_not_followed(
    build_site: BuildSite, root: Path, link: str, target: str
) -> None:
    site = _loop_site(build_site, root, link, target)
    loops = [w for w in site.warnings() if ": symlink-loop: " in w]
    assert len(loops) == 1, site.warnings()
    published = [
        path.relative_to(site.site_dir).as_posix()
        for path in (site.site_dir / "decisions").rglob("index.html")
    ]
    assert not [p for p in published if f"/{Path(link).name}/" in f"/{p}"], published
    assert_intact(site, {**GOOD_TITLES, "team/0001-use-teams": "Use teams"})


@LOOPS
def test_symlink_loop_diagnostic_names_the_link(
    build_site: BuildSite, root: Path, link: str, target: str
) -> None:
    site = _loop_site(build_site, root, link, target)
    assert_reported(site, "symlink-loop", link)


def test_symlink_loop_in_decisions_inside_docs(build_site: BuildSite, root: Path) -> None:
    """MkDocs walks docs_dir itself, following every link, before the plugin sees the files: it
    lists loop/loop/…/ pages until ELOOP, and copying them would fail with OSError [Errno 40].
    The plugin takes out of the site what it found through a link it refused."""
    files: dict[str, str | bytes] = {
        f"docs/adr/{name.split('/')[-1]}": text for name, text in GOOD.items()
    }
    write_tree(root, files)
    (root / "docs/adr/loop").symlink_to(".", target_is_directory=True)
    site = build_checked(build_site, root, {}, base_config(decisions_dir="docs/adr"), good=False)
    assert_reported(site, "symlink-loop", "docs/adr/loop")
    assert "Use PostgreSQL" in site.html("adr/")


def test_dangling_symlink(build_site: BuildSite, root: Path) -> None:
    write_tree(root, GOOD)
    (root / "decisions/0003-moved.md").symlink_to("elsewhere/0003-moved.md")
    site = build_checked(build_site, root, {})
    assert_reported(site, "unreadable-file", "decisions/0003-moved.md")
    assert_intact(site)


@contextmanager
def feed_after(pipe: Path, seconds: float) -> Iterator[None]:
    """After `seconds`, keep opening `pipe` for writing and closing it: blocked readers get EOF."""
    done = threading.Event()

    def feed() -> None:
        if done.wait(seconds):
            return
        while not done.wait(0.1):
            with contextlib.suppress(OSError):  # no reader at the moment
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def test_named_pipe_named_like_a_record(build_site: BuildSite, root: Path) -> None:
    write_tree(root, GOOD)
    pipe = root / "decisions/0003-pipe.md"
    os.mkfifo(pipe)
    with feed_after(pipe, 15):  # should a reader outlive the deadline, unblock it
        site = build_checked(build_site, root, {}, seconds=10)
    assert_reported(site, "unreadable-file", "decisions/0003-pipe.md")
    assert_intact(site)


def _published_text(site: Site) -> str:
    """Every text file the build wrote: pages, decisions.json, the search index, the feed."""
    texts = []
    for path in sorted(site.site_dir.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".atom", ".xml", ".txt"):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def _adr(root: Path, *args: str) -> Any:
    from test_cli_helpers import adr

    return adr(*args, cwd=root)


LINK_LOOPS = {
    "to-itself": [("decisions/0003-self.md", "0003-self.md")],
    "two-links": [("decisions/a", "b"), ("decisions/b", "a")],
    "record-pair": [("decisions/0003-a.md", "0004-b.md"), ("decisions/0004-b.md", "0003-a.md")],
}


@pytest.mark.parametrize("form", sorted(LINK_LOOPS))
def test_links_into_a_loop_of_links(build_site: BuildSite, root: Path, form: str) -> None:
    write_tree(root, GOOD)
    for link, target in LINK_LOOPS[form]:
        (root / link).symlink_to(target)
    site = build_checked(build_site, root, {})
    for link, _ in LINK_LOOPS[form]:
        found = assert_reported(site, "symlink-loop", link)
        assert "loop of links" in found[0]
    assert_intact(site)
    listed = _adr(root, "list")
    assert listed.code == 0, listed.stderr
    assert "Use PostgreSQL" in listed.stdout
    linted = _adr(root, "lint")
    assert "internal error" not in linted.stderr
    assert linted.code == 0, linted.stderr  # warnings only
    for link, _ in LINK_LOOPS[form]:
        assert f"{link}: symlink-loop: " in linted.stdout


def test_link_that_cannot_be_followed(build_site: BuildSite, root: Path) -> None:
    """A link through a file (`x.md/0003.md`): stat fails with ENOTDIR, as it fails with EACCES
    for a link into a folder the build may not read."""
    write_tree(root, GOOD)
    (root / "decisions/0003-through.md").symlink_to("0001-keep-a-decision-log.md/0003.md")
    site = build_checked(build_site, root, {})
    found = assert_reported(site, "unreadable-file", "decisions/0003-through.md")
    assert "cannot follow the link: Not a directory" in found[0]
    assert_intact(site)
    assert _adr(root, "list").code == 0


@pytest.fixture
def secrets(tmp_path: Path) -> Path:
    """A folder outside the project, with a secret in a file and in a folder of records."""
    outside = tmp_path / "outside"
    write_tree(
        outside,
        {
            "token.md": "# Token\n\n* Status: accepted\n\nCI_TOKEN=s3cr3t-file\n",
            "etc/0009-leak.md": "# Leak\n\n* Status: accepted\n\nCI_TOKEN=s3cr3t-folder\n",
        },
    )
    return outside


def _link_secrets(root: Path, secrets: Path, base: str = "decisions") -> None:
    write_tree(root, {f"{base}/{name.split('/')[-1]}": text for name, text in GOOD.items()})
    (root / base / "0003-token.md").symlink_to(secrets / "token.md")
    (root / base / "etc").symlink_to(secrets / "etc", target_is_directory=True)
    (root / base / "0004-environ.md").symlink_to("/proc/self/environ")


def test_links_out_of_the_project_are_not_followed(
    build_site: BuildSite, root: Path, secrets: Path
) -> None:
    _link_secrets(root, secrets)
    site = build_checked(build_site, root, {})
    for link, target in [
        ("decisions/0003-token.md", str(secrets / "token.md")),
        ("decisions/etc", str(secrets / "etc")),
        ("decisions/0004-environ.md", "/proc/self/environ"),
    ]:
        found = assert_reported(site, "symlink-outside", link)
        assert f"a link to '{target}', outside the project; not followed" in found[0]
    published = _published_text(site)
    assert "s3cr3t" not in published
    environment = Path("/proc/self/environ").read_bytes().decode("utf-8", "replace")
    assert environment.split("\0")[0] not in published  # the build's own environment
    for page in ("0003-token", "etc", "0004-environ"):
        assert not (site.site_dir / "decisions" / page).exists(), page
    files = [entry["file"] for entry in site.json("decisions.json")["decisions"]]
    assert files == ["0001-keep-a-decision-log.md", "0002-use-postgresql.md"]
    assert_intact(site)
    linted = _adr(root, "lint")
    assert "decisions/etc: symlink-outside: " in linted.stdout
    assert "s3cr3t" not in linted.stdout + linted.stderr
    shown = _adr(root, "list", "--format", "json")
    assert "s3cr3t" not in shown.stdout


def test_links_out_of_a_decisions_folder_inside_docs(
    build_site: BuildSite, root: Path, secrets: Path
) -> None:
    """MkDocs lists the files of docs_dir itself, following every link: what the plugin's walk
    refused is taken out of the site again."""
    _link_secrets(root, secrets, base="docs/adr")
    site = build_checked(build_site, root, {}, base_config(decisions_dir="docs/adr"), good=False)
    assert_reported(site, "symlink-outside", "docs/adr/0003-token.md")
    assert_reported(site, "symlink-outside", "docs/adr/etc")
    assert "s3cr3t" not in _published_text(site)
    assert not (site.site_dir / "adr/0003-token").exists()
    assert not (site.site_dir / "adr/etc").exists()
    assert "Use PostgreSQL" in site.html("adr/")


@pytest.mark.xfail(
    strict=True,
    reason="MkDocs (and ProperDocs) lists docs_dir itself, following every link, and copies "
    "what it finds into the site; the plugin decides only for the decisions folder",
)
def test_links_out_of_docs_dir_elsewhere(build_site: BuildSite, root: Path, secrets: Path) -> None:
    write_tree(root, GOOD)
    (root / "docs").mkdir(parents=True)
    (root / "docs/linked").symlink_to(secrets / "etc", target_is_directory=True)
    site = build_checked(build_site, root, {})
    assert "s3cr3t" not in _published_text(site)


def test_follow_symlinks_always_follows_links_out_of_the_project(
    build_site: BuildSite, root: Path, secrets: Path
) -> None:
    _link_secrets(root, secrets)
    (root / "decisions/0004-environ.md").unlink()
    site = build_checked(build_site, root, {}, base_config(follow_symlinks="always"))
    assert not [w for w in site.warnings() if ": symlink-" in w]
    assert "s3cr3t-file" in site.html("decisions/0003-token/")
    assert "s3cr3t-folder" in site.html("decisions/etc/0009-leak/")
    assert_intact(site)


def test_follow_symlinks_never_follows_no_link(build_site: BuildSite, root: Path) -> None:
    write_tree(root, {"shared/0005-shared.md": record("Shared record")})
    write_tree(root, GOOD)
    (root / "decisions/0005-shared.md").symlink_to("../shared/0005-shared.md")
    (root / "decisions/team").symlink_to("../shared", target_is_directory=True)
    default = build_checked(build_site, root, {})
    assert "Shared record" in default.html("decisions/0005-shared/")  # inside the project
    assert "Shared record" in default.html("decisions/team/0005-shared/")
    site = build_checked(build_site, root, {}, base_config(follow_symlinks="never"))
    for link in ("decisions/0005-shared.md", "decisions/team"):
        found = assert_reported(site, "symlink-ignored", link, level="info")
        assert "follow_symlinks: never" in found[0]
    assert not (site.site_dir / "decisions/0005-shared").exists()
    assert not (site.site_dir / "decisions/team").exists()
    assert_intact(site)


def test_folders_nested_too_deep(build_site: BuildSite, root: Path) -> None:
    deep = "decisions/" + "/".join(f"d{level}" for level in range(1, 41))
    write_tree(
        root,
        {
            **GOOD,
            "decisions/d1/0003-shallow.md": record("Shallow enough"),
            f"{deep}/0004-deep.md": record("Far too deep"),
        },
    )
    site = build_checked(build_site, root, {})
    too_deep = "decisions/" + "/".join(f"d{level}" for level in range(1, 18))
    found = assert_reported(site, "folder-too-deep", too_deep)
    assert "more than 16 folders deep" in found[0]
    assert "Far too deep" not in _published_text(site)
    assert "Shallow enough" in site.html("decisions/d1/0003-shallow/")
    assert_intact(site)
    depths = [len(p.relative_to(site.site_dir).parts) for p in site.site_dir.rglob("*")]
    assert max(depths) < 25
    again = build_checked(build_site, root, {})  # MkDocs cleans the site of the first build
    assert_intact(again)


# --- 9. decisions_dir missing or not a folder ---------------------------------------------------


@pytest.mark.parametrize(
    "setting", ["adr", "decisions/0001-keep-a-decision-log.md"], ids=["missing", "a-file"]
)
def test_decisions_dir_that_is_not_a_folder(
    build_site: BuildSite, root: Path, setting: str
) -> None:
    with pytest.raises((PluginError, Abort)):
        build_checked(build_site, root, {}, base_config(decisions_dir=setting))
    errors = build_site.errors()  # type: ignore[attr-defined]
    assert any(f"decisions_dir '{setting}' is not a folder" in text for text in errors), errors


# --- 10. a file without read permission -------------------------------------------------------


@contextmanager
def unreadable(path: Path) -> Iterator[None]:
    """Opening `path` raises PermissionError, as after `chmod 000` for a user who is not root;
    `stat` still works, as it does then."""
    target = str(path.resolve())
    real_open, real_io_open = builtins.open, io.open
    real_read_bytes, real_read_text = pathlib.Path.read_bytes, pathlib.Path.read_text

    def denied(file: object) -> bool:
        try:
            return os.path.realpath(os.fspath(file)) == target  # type: ignore[arg-type]
        except TypeError:
            return False  # a file descriptor

    def refuse(file: object) -> None:
        raise PermissionError(13, "Permission denied", os.fspath(file))  # type: ignore[arg-type]

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if denied(file):
            refuse(file)
        return real_open(file, *args, **kwargs)

    def fake_read_bytes(self: Path) -> bytes:
        if denied(self):
            refuse(self)
        return real_read_bytes(self)

    def fake_read_text(self: Path, *args: Any, **kwargs: Any) -> str:
        if denied(self):
            refuse(self)
        return real_read_text(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(builtins, "open", fake_open)
        patch.setattr(io, "open", fake_open)
        patch.setattr(pathlib.Path, "read_bytes", fake_read_bytes)
        patch.setattr(pathlib.Path, "read_text", fake_read_text)
        yield
    assert builtins.open is real_open
    assert io.open is real_io_open


def test_unreadable_file_simulated(build_site: BuildSite, root: Path) -> None:
    secret = root / "decisions/0003-secret.md"
    site = build_checked(
        build_site,
        root,
        {"decisions/0003-secret.md": record("A secret")},
        during=lambda: unreadable(secret),
    )
    found = assert_reported(site, "unreadable-file", "decisions/0003-secret.md")
    assert "Permission denied" in found[0]
    assert "could not be read: Permission denied" in site.html("decisions/0003-secret/")
    assert_not_listed(site, "0003-secret")
    assert_intact(site)


def _chmod_stops_reading() -> bool:
    """False for root (or any process allowed to bypass file permissions)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_bytes(b"x")
        probe.chmod(0)
        try:
            probe.read_bytes()
        except PermissionError:
            return True
        finally:
            probe.chmod(0o600)
        return False


@pytest.mark.skipif(
    os.name != "posix" or not _chmod_stops_reading(), reason="this user reads files after chmod 0"
)
def test_unreadable_file_chmod(build_site: BuildSite, root: Path) -> None:
    secret = root / "decisions/0003-secret.md"
    write_tree(root, {"decisions/0003-secret.md": record("A secret")})
    secret.chmod(0)
    try:
        site = build_checked(build_site, root, {})
    finally:
        secret.chmod(0o644)
    assert_reported(site, "unreadable-file", "decisions/0003-secret.md")
    assert_intact(site)


# --- 11. a record deleted or renamed while `mkdocs serve` runs --------------------------------


@pytest.mark.parametrize("extra", [0, 60], ids=["inline", "background-workers"])
def test_serve_rebuild_after_delete_and_rename(root: Path, extra: int) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    files: dict[str, str | bytes] = {
        **GOOD,
        "docs/index.md": "# Home\n",
        "decisions/0003-doomed.md": record("A doomed record"),
        "decisions/0004-old-name.md": record("A renamed record"),
    }
    for number in range(5, 5 + extra):  # enough records for worker processes to parse
        files[f"decisions/{number:04d}-filler.md"] = record(f"Filler {number}")
    write_tree(root, files)
    (root / "mkdocs.yml").write_text("site_name: x\nplugins: [search, madr]\n", encoding="utf-8")
    site = root / "site"
    plugins = []
    for attempt in range(2):
        if attempt == 1:
            (root / "decisions/0003-doomed.md").unlink()
            (root / "decisions/0004-old-name.md").rename(root / "decisions/0004-new-name.md")
        before = snapshot(root)
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        if attempt == 0:
            config.plugins.on_startup(command="serve", dirty=False)
        plugins.append(config.plugins["madr"])
        with deadline(BUILD_DEADLINE):
            build(config)
        assert snapshot(root) == before
    assert plugins[0] is plugins[1], "not a serve rebuild: the plugin instance changed"
    index = (site / "decisions/index.html").read_text(encoding="utf-8")
    assert not (site / "decisions/0003-doomed").exists()
    assert "A doomed record" not in index
    assert not (site / "decisions/0004-old-name").exists()
    assert 'href="0004-old-name/"' not in index
    renamed = (site / "decisions/0004-new-name/index.html").read_text(encoding="utf-8")
    assert "A renamed record" in renamed
    assert 'href="0004-new-name/"' in index
    for stem, title in GOOD_TITLES.items():
        assert title in index
        assert f'href="{stem}/"' in index


def test_record_vanishes_during_the_build(
    build_site: BuildSite, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deleted after the folder was listed and before it was read (a save in an editor)."""
    from mkdocs_madr.plugin import build as plugin_module

    scan = plugin_module.read_folder
    gone = root / "decisions/0003-gone.md"
    kept: dict[str, bytes] = {}

    def scan_then_delete(folder: Path, links: Any) -> Any:
        found = scan(folder, links)
        kept["data"] = gone.read_bytes()
        gone.unlink()
        return found

    monkeypatch.setattr(plugin_module, "read_folder", scan_then_delete)
    write_tree(
        root, {**GOOD, "docs/index.md": "# Home\n", "decisions/0003-gone.md": record("Gone")}
    )
    with deadline(BUILD_DEADLINE):
        site = build_site({}, root=root)
    gone.write_bytes(kept["data"])
    assert_reported(site, "unreadable-file", "decisions/0003-gone.md")
    assert_intact(site)


# --- 12. two records at one URL ---------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ("decisions/0007-Use-Redis.md", "decisions/0007-use-redis.md"),
        ("decisions/use-redis.md", "decisions/use-redis.markdown"),
    ],
    ids=["case", "extension"],
)
def test_two_records_at_one_url(build_site: BuildSite, root: Path, names: tuple[str, str]) -> None:
    files: dict[str, str | bytes] = {
        names[0]: record("Use Redis, first"),
        names[1]: record("Use Redis, second"),
    }
    site = build_checked(build_site, root, files)
    found = [m for name in names for m in diagnostics(site, "duplicate-url", name)]
    assert found, site.warnings()
    assert_intact(site)


# --- more bad inputs --------------------------------------------------------------------------


def test_unknown_directive(build_site: BuildSite, root: Path) -> None:
    files: dict[str, str | bytes] = {"docs/notes.md": "# Notes\n\n<!-- madr:indx -->\n\nText.\n"}
    site = build_checked(build_site, root, files)
    assert_reported(site, "unknown-directive", "docs/notes.md", line=3)
    assert "Text." in site.html("notes/")
    assert_intact(site)


def test_compare_directive_naming_a_missing_record(build_site: BuildSite, root: Path) -> None:
    files: dict[str, str | bytes] = {"docs/notes.md": "# Notes\n\n<!-- madr:compare 99 -->\n"}
    site = build_checked(build_site, root, files)
    assert_reported(site, "unknown-directive", "docs/notes.md", line=3)
    assert_intact(site)


BAD_DIRECTIVES = {
    "compare-without-id": ("<!-- madr:compare -->", "madr:compare needs a record id"),
    "compare-empty-id": ('<!-- madr:compare "" -->', "madr:compare needs a record id"),
    "compare-two-ids": (
        "<!-- madr:compare 1 2 -->",
        "madr:compare takes one record id; left over: '2'",
    ),
    "compare-with-filters": (
        "<!-- madr:compare 1 status=accepted -->",
        "madr:compare takes a record id, not key=value arguments",
    ),
    "limit-not-a-number": (
        "<!-- madr:index limit=abc -->",
        "madr:index: limit must be a number of records, 1 or more, not 'abc'",
    ),
    "limit-negative": (
        "<!-- madr:timeline limit=-1 -->",
        "madr:timeline: limit must be a number of records, 1 or more, not '-1'",
    ),
    "misspelled-filter": (
        "<!-- madr:index statu=accepted -->",
        "madr:index: unknown argument 'statu'; known: c4, category, decider, limit, source, "
        "status, tag",
    ),
    "empty-filter": ("<!-- madr:graph status= -->", "madr:graph: status= has no value"),
    "id-on-index": (
        "<!-- madr:index 5 -->",
        "madr:index takes no record id, only key=value filters; left over: '5'",
    ),
    "filter-twice": (
        "<!-- madr:index tag=a tag=b -->",
        "madr:index: tag= is given twice; the last one counts",
    ),
    "unknown-category": (
        "<!-- madr:timeline category=nope -->",
        "madr:timeline: no category 'nope' (categories: team)",
    ),
}


@pytest.mark.parametrize("form", sorted(BAD_DIRECTIVES))
def test_directive_arguments_are_checked(build_site: BuildSite, root: Path, form: str) -> None:
    directive, message = BAD_DIRECTIVES[form]
    page = f"---\ntitle: Notes\n---\n# Notes\n\n{directive}\n\nText after.\n"
    files: dict[str, str | bytes] = {
        "docs/notes.md": page,
        "decisions/team/0003-use-teams.md": record("Use teams"),
    }
    site = build_checked(build_site, root, files)
    found = assert_reported(site, "unknown-directive", "docs/notes.md", line=6)
    assert len(found) == 1, found
    assert f"docs/notes.md:6: unknown-directive: {message}" in found[0]
    assert "Text after." in site.html("notes/")
    assert_intact(site, {**GOOD_TITLES, "team/0003-use-teams": "Use teams"})
    linted = _adr(root, "lint")
    assert f"docs/notes.md:6: unknown-directive: {message}" in linted.stdout, linted.stdout


def test_misspelled_filter_still_filters_by_the_others(build_site: BuildSite, root: Path) -> None:
    page = "# Notes\n\n<!-- madr:index statu=accepted tag=db -->\n"
    files: dict[str, str | bytes] = {"docs/notes.md": page}
    site = build_checked(build_site, root, files)
    assert_reported(site, "unknown-directive", "docs/notes.md", line=3)
    page = site.html("notes/")
    log = page[page.index('<div class="madr-index"') :]
    assert "Use PostgreSQL" not in log[: log.index("</article>")]  # no record is tagged db


def test_glossary_reference_after_an_unclosed_fence(build_site: BuildSite, root: Path) -> None:
    """Python-Markdown reads a fence that is never closed as text, so the reference after it
    is one; the diagnostic names its line."""
    files: dict[str, str | bytes] = {
        "docs/GLOSSARY.md": "# Glossary\n\nRecord\n: A decision record.\n",
        "docs/notes.md": "# Notes\n\n```python\nunclosed\n\nSee [[Nope]] here.\n",
    }
    site = build_checked(build_site, root, files)
    assert_reported(site, "glossary-unknown-term", "docs/notes.md", line=6)
    assert_intact(site)


def test_c4_diagram_with_a_syntax_error(build_site: BuildSite, root: Path) -> None:
    files: dict[str, str | bytes] = {
        "docs/context.md": (
            '# Context\n\n```mermaid\nC4Context\n  System(db, "Database")\n'
            '  Sytem(broken, "Typo")\n  Rel(db, \n```\n\nAfter.\n'
        )
    }
    site = build_checked(build_site, root, files)
    assert_reported(site, "c4-syntax", "docs/context.md", line=6)
    assert "After." in site.html("context/")
    assert_intact(site)


def test_double_brackets_without_a_glossary_are_left_as_written(
    build_site: BuildSite, root: Path
) -> None:
    """A site with no glossary page has no glossary references: `[[…]]` is a wiki link or an
    editor's note, shown as written, and neither the build nor `adr lint` warns about it."""
    files: dict[str, str | bytes] = {
        "decisions/0003-terms.md": record(
            "Use terms", body="\n[[This part needs another review]] and [[Home]].\n"
        ),
    }
    site = build_checked(build_site, root, files)
    assert not diagnostics(site, "glossary-unknown-term", "decisions/0003-terms.md")
    page = site.html("decisions/0003-terms/")
    assert "[[This part needs another review]] and [[Home]]." in page
    assert "madr-term-unknown" not in page
    from test_cli_helpers import adr

    linted = adr("lint", "--format", "json", cwd=root)
    assert "glossary-unknown-term" not in linted.stdout
    assert_intact(site)


def test_unknown_glossary_term(build_site: BuildSite, root: Path) -> None:
    files: dict[str, str | bytes] = {
        "docs/GLOSSARY.md": "# Glossary\n\nRecord\n: A decision record.\n",
        "decisions/0003-terms.md": record("Use terms", body="\nSee [[Record]] and [[Nope]].\n"),
    }
    site = build_checked(build_site, root, files)
    assert_reported(site, "glossary-unknown-term", "decisions/0003-terms.md", line=11)
    page = site.html("decisions/0003-terms/")
    assert '<span class="madr-term-unknown">Nope</span>' in page
    assert_intact(site)


@pytest.mark.parametrize(
    ("value", "code", "line"),
    [
        ("date: sometime soon", "invalid-date", 3),
        ("date: !!timestamp soon", "invalid-date", 3),  # a tagged non-date is still no date
        ("date: 2025-02-30", "invalid-date", 3),
        ("status: acceptd", "unknown-status", 2),  # a misspelt keyword; other words are info
        ("status: {a: b}", "front-matter-type", 2),
    ],
    ids=["invalid-date", "tagged-non-date", "impossible-date", "unknown-status", "status-mapping"],
)
def test_values_that_make_no_sense(
    build_site: BuildSite, root: Path, value: str, code: str, line: int
) -> None:
    key = value.split(":", 1)[0]
    text = record("Odd values").replace(f"{key}: ", f"{value}\nx-{key}: ", 1)
    site = build_checked(build_site, root, {"decisions/0003-odd.md": text})
    assert_reported(site, code, "decisions/0003-odd.md", line=line)
    assert_intact(site)


def test_page_in_docs_at_a_records_address(build_site: BuildSite, root: Path) -> None:
    files: dict[str, str | bytes] = {
        "docs/decisions/0002-use-postgresql.md": "# My own page\n",
    }
    site = build_checked(build_site, root, files)
    assert_reported(site, "duplicate-url", "decisions/0002-use-postgresql.md")
    warnings = [w for w in site.warnings() if "duplicate-url" in w]
    assert "url_prefix" in warnings[0]
    assert "docs_dir" in warnings[0]
    assert "My own page" in site.html("decisions/0002-use-postgresql/")
    assert_intact(site, {"0001-keep-a-decision-log": "Keep a decision log"})


def test_missing_mermaid_js_file(build_site: BuildSite, root: Path) -> None:
    with pytest.raises((PluginError, Abort)):
        build_checked(build_site, root, {}, base_config(mermaid_js="vendor/mermaid.min.js"))
    errors = build_site.errors()  # type: ignore[attr-defined]
    message = "madr.mermaid_js: 'vendor/mermaid.min.js' is not a file (looked for "
    assert any(message in e for e in errors), errors


@pytest.mark.parametrize("prefix", ["../..", "a/../../..", "..\\..", "/../x"])
def test_url_prefix_outside_the_site_writes_nothing_outside(
    build_site: BuildSite, root: Path, tmp_path: Path, prefix: str
) -> None:
    """`url_prefix: "../.."` made the build write index.html, timeline/, graph/ and the record
    folders two levels above site/."""
    inputs = {**GOOD, "docs/index.md": "# Home\n", "mkdocs.yml": ""}
    expected = {Path("project", *Path(name).parts[:depth]) for name in inputs for depth in (1, 2)}
    with pytest.raises((PluginError, Abort)):
        build_checked(build_site, root, {}, base_config(url_prefix=prefix))
    written = [
        path
        for path in sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
        if path not in expected | {Path("project")} and path.parts[:2] != ("project", "site")
    ]
    assert written == [], "the build wrote outside site_dir"
    errors = build_site.errors()  # type: ignore[attr-defined]
    assert any("option 'url_prefix': must be a path inside the site" in e for e in errors), errors


def test_pages_outside_the_site_are_refused_where_they_are_made(tmp_path: Path) -> None:
    """Belt and braces: should a prefix outside the site reach the files (settings built by
    hand, a check bypassed), no page is made there."""
    from mkdocs_madr.core.settings import Settings
    from mkdocs_madr.plugin.site_files import SiteFiles

    settings = Settings(base=tmp_path, url_prefix="../..")
    files = SiteFiles(settings, tmp_path / "decisions", tmp_path / "docs", settings.site_labels())
    with pytest.raises(PluginError, match="outside the site"):
        _ = files.prefix


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("glossary", "../README.md", "must be a page inside docs_dir, without '..'"),
        ("glossary", "/etc/passwd", "must be a page inside docs_dir, without '..'"),
        ("decisions_dir", "deci\0sions", "must not contain a NUL character"),
        ("templates_dir", "missing", "'missing' is not a folder"),
        ("mermaid_js", "../../etc/passwd.js", "'../../etc/passwd.js' is not a file"),
        ("follow_symlinks", "sometimes", "must be one of project, never, always"),
    ],
)
def test_path_settings_name_the_setting(
    build_site: BuildSite, root: Path, option: str, value: str, message: str
) -> None:
    with pytest.raises((PluginError, Abort)):
        build_checked(build_site, root, {}, base_config(**{option: value}))
    errors = build_site.errors()  # type: ignore[attr-defined]
    named = (f"option '{option}': {message}", f"madr.{option}: {message}")
    assert any(form in e for e in errors for form in named), errors
    linted = _adr(root, "lint")
    assert linted.code == 2, linted.stderr
    assert f"madr.{option}: {message}" in linted.stderr
    assert "Traceback" not in linted.stderr


def test_unknown_code_in_diagnostics(build_site: BuildSite, root: Path) -> None:
    with pytest.raises((PluginError, Abort)):
        build_checked(build_site, root, {}, base_config(diagnostics={"missing-stat": "info"}))
    errors = build_site.errors()  # type: ignore[attr-defined]
    assert any("option 'diagnostics': unknown code 'missing-stat'" in e for e in errors), errors


def test_glossary_option_naming_a_missing_page(build_site: BuildSite, root: Path) -> None:
    with pytest.raises((PluginError, Abort)):
        build_checked(build_site, root, {}, base_config(glossary="terms.md"))
    errors = build_site.errors()  # type: ignore[attr-defined]
    message = "mkdocs.yml: madr.glossary: 'terms.md' is not a page in docs_dir"
    assert any(message in e for e in errors), errors


def test_glossary_in_definition_lists_without_def_list(build_site: BuildSite, root: Path) -> None:
    config = base_config()
    config["markdown_extensions"] = ["attr_list", "tables"]
    glossary = "# Glossary\n\nIntro.\n\nNATS\n:   A message bus.\n"
    site = build_checked(build_site, root, {"docs/GLOSSARY.md": glossary}, config)
    assert_reported(site, "glossary-needs-def-list", "docs/GLOSSARY.md", line=5)
    assert_intact(site)


# --- everything at once, parsed by worker processes --------------------------------------------


def test_every_bad_input_at_once_in_background_workers(build_site: BuildSite, root: Path) -> None:
    files: dict[str, str | bytes] = {
        f"decisions/{number:04d}-filler.md": record(f"Filler {number}")
        for number in range(100, 170)  # above the inline limit: parsed in worker processes
    }
    files.update(
        {
            "decisions/0003-unclosed.md": BAD_YAML["unclosed-bracket"],
            "decisions/0004-unedited.md": MADR3_TEMPLATE,
            "decisions/0005-latin1.md": "# Café\n".encode("latin-1"),
            "decisions/0006-binary.md": random.Random(7).randbytes(4096),
            "decisions/0008-empty.md": b"",
            "decisions/0009-dangling.md": record("Dangling", front='supersedes: ["0099"]\n'),
        }
    )
    site = build_checked(build_site, root, files)
    assert_reported(site, "invalid-front-matter", "decisions/0003-unclosed.md")
    assert_reported(site, "invalid-front-matter", "decisions/0004-unedited.md")
    assert_reported(site, "not-utf8", "decisions/0005-latin1.md", line=1)
    assert_reported(site, "not-utf8", "decisions/0006-binary.md")
    assert_reported(site, "empty-file", "decisions/0008-empty.md")
    assert_reported(site, "unresolved-relation", "decisions/0009-dangling.md", line=4)
    assert_intact(site, {**GOOD_TITLES, "0169-filler": "Filler 169"})
