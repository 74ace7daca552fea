"""The page cache under `mkdocs serve`: a rebuild keeps the theme's HTML of unchanged pages, and
its site is, file for file and byte for byte, the site a full build makes.

Random edits (records, relations, the glossary, a diagram, templates, mkdocs.yml, plain pages)
are each followed by a serve rebuild, with the plugin instance `mkdocs serve` keeps, into one
folder, and by a full build, with a fresh instance, into another. MkDocs keeps a plugin that has
`on_startup` from one loaded configuration to the next; these tests hand each kind of build its
own store of instances and put MkDocs' back afterwards.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

SERVE_URL = "http://127.0.0.1:8000/"
ALIASES = {"nats": "NATS JetStream", "milvus": "Milvus", "api": "API"}
TERMS = {"NATS JetStream": "The persistence layer of NATS.", "Milvus": "A vector database."}
NEW_TERMS = ["Kafka", "Envoy", "Temporal", "Redis"]
WORDS = [
    "bus",
    "queue",
    "vector",
    "index",
    "cache",
    "gateway",
    "schema",
    "retry",
    "budget",
    "latency",
    "replica",
]
STATUSES = ["accepted", "proposed", "deprecated", "rejected"]

CUSTOM = """
{% extends "main.html" %}
{% block content %}
  {{ super() }}
  <p class="probe">{{ page.meta | string }} {{ probe_word }}</p>
{% endblock %}
"""
"""A page's own template (`template: custom.html`): it prints the page's metadata, which must
never show the cache's wrapper."""
MAIN = """
{% extends "base.html" %}
{% block footer %}
  {{ super() }}
  <!-- {% for item in nav.pages %}{{ item.title }} {{ item.meta | string }};{% endfor %} -->
{% endblock %}
"""
"""Every page prints every listed page's title and metadata, as a theme may."""
HOOKS = """
seen = []

def on_page_context(context, page, config, nav):
    seen.append(page.meta.get("template"))
    return context

def on_post_page(output, page, config):
    seen.append(page.meta.get("template"))
    return output
"""
"""Records what another plugin sees of a page's metadata while it is built."""


@dataclass
class Record:
    number: int
    title: str
    status: str
    body: list[str]
    supersedes: list[int] = field(default_factory=list)
    amends: list[int] = field(default_factory=list)
    c4: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"decisions/{self.number:04d}-record-{self.number}.md"

    def text(self) -> str:
        front = {"status": self.status, "date": f"2025-03-{self.number % 28 + 1:02d}"}
        if self.supersedes:
            front["supersedes"] = [f"{n:04d}" for n in self.supersedes]
        if self.amends:
            front["amends"] = [f"{n:04d}" for n in self.amends]
        if self.c4:
            front["c4"] = list(self.c4)
        body = "\n\n".join(self.body)
        return (
            f"---\n{yaml.safe_dump(front, sort_keys=False)}---\n# {self.title}\n\n"
            f"## Context and Problem Statement\n\n{body}\n\n"
            "## Considered Options\n\n* Option A\n* Option B\n\n"
            '## Decision Outcome\n\nChosen option: "Option A", because it is small.\n'
        )


@dataclass
class Project:
    """A site written from data, so that edits are made to the data and written again."""

    root: Path
    rng: random.Random
    records: dict[int, Record] = field(default_factory=dict)
    terms: dict[str, str] = field(default_factory=lambda: dict(TERMS))
    labels: dict[str, str] = field(default_factory=lambda: dict(ALIASES))
    site_name: str = "Serve cache"
    notes: list[str] = field(default_factory=lambda: ["Milvus and NATS JetStream, together."])
    probe: str = "first"

    def sentence(self) -> str:
        words = self.rng.sample(WORDS, 4)
        extra = self.rng.choice(["", " Milvus keeps vectors.", " NATS JetStream keeps messages."])
        extra += self.rng.choice(["", *(f" {term} helps." for term in NEW_TERMS)])
        # What rendering reports (a missing page, an unknown term) must be reported again.
        extra += self.rng.choice(["", "", "", " See [the plan](../docs/plan.md).", " [[Kafka]]."])
        return f"We weigh the {words[0]} {words[1]} against the {words[2]} {words[3]}.{extra}"

    def new_record(self, number: int) -> Record:
        earlier = [n for n in self.records if n < number]
        record = Record(
            number,
            f"Decide on the {self.rng.choice(WORDS)} {number}",
            self.rng.choice(STATUSES),
            [self.sentence() for _ in range(self.rng.randint(1, 3))],
            c4=self.rng.sample(sorted(ALIASES), self.rng.randint(0, 2)),
        )
        if earlier and self.rng.random() < 0.3:
            record.supersedes = [self.rng.choice(earlier)]
        if earlier and self.rng.random() < 0.2:
            record.amends = [self.rng.choice(earlier)]
        return record

    def config(self, nav_threshold: int) -> dict[str, Any]:
        return {
            "site_name": self.site_name,
            "theme": {
                "name": "material",
                "font": False,
                "custom_dir": "overrides",
                "features": ["content.tooltips", "navigation.sections"],
            },
            "markdown_extensions": [
                "def_list",
                "attr_list",
                "tables",
                {"toc": {"permalink": True}},
            ],
            "hooks": ["hooks.py"],
            "extra": {"probe_word": "extra"},
            "plugins": ["search", {"madr": {"nav_threshold": nav_threshold, "cache": False}}],
        }

    def write(self, nav_threshold: int) -> None:
        root = self.root
        files: dict[str, str] = {record.path: record.text() for record in self.records.values()}
        for path in root.glob("decisions/*.md"):
            if path.relative_to(root).as_posix() not in files:
                path.unlink()
        files["docs/index.md"] = "# Home\n\nWelcome. See the [notes](notes.md).\n"
        files["docs/notes.md"] = (
            "---\ntemplate: custom.html\n---\n# Notes\n\n" + "\n\n".join(self.notes) + "\n"
        )
        files["docs/GLOSSARY.md"] = "# Glossary\n\n" + "".join(
            f"{term}\n: {meaning}\n\n" for term, meaning in self.terms.items()
        )
        elements = "\n".join(
            f'    Container({alias}, "{label}", "Tech")' for alias, label in self.labels.items()
        )
        files["docs/architecture/containers.md"] = (
            "# Containers\n\n```mermaid\nC4Container\n  title Containers\n"
            f'  System_Boundary(lab, "Lab") {{\n{elements}\n  }}\n```\n\nAfter the diagram.\n'
        )
        files["overrides/custom.html"] = CUSTOM.replace("{{ probe_word }}", self.probe)
        files["overrides/main.html"] = MAIN
        files["hooks.py"] = HOOKS
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
        config = yaml.safe_dump(self.config(nav_threshold), sort_keys=False)
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")


# --- the edits ------------------------------------------------------------------------------


def project_of(root: Path, records: int, rng: random.Random | None = None) -> Project:
    """A project with records 1 to `records` (not yet written)."""
    project = Project(root, rng or random.Random(0))
    for number in range(1, records + 1):
        project.records[number] = project.new_record(number)
    return project


def _some(project: Project) -> Record:
    return project.records[project.rng.choice(sorted(project.records))]


def edit_body(project: Project) -> None:
    record = _some(project)
    record.body[project.rng.randrange(len(record.body))] = project.sentence()


def edit_status(project: Project) -> None:
    record = _some(project)
    record.status = project.rng.choice([s for s in STATUSES if s != record.status])


def edit_title(project: Project) -> None:
    record = _some(project)
    record.title = f"Decide on the {project.rng.choice(WORDS)} again {record.number}"


def add_relation(project: Project) -> None:
    record = _some(project)
    earlier = [n for n in project.records if n < record.number]
    if earlier:
        kind = record.supersedes if project.rng.random() < 0.5 else record.amends
        kind.append(project.rng.choice(earlier))


def remove_relation(project: Project) -> None:
    related = [r for r in project.records.values() if r.supersedes or r.amends]
    if related:
        record = project.rng.choice(related)
        (record.supersedes if record.supersedes else record.amends).pop()


def add_term(project: Project) -> None:
    missing = [term for term in NEW_TERMS if term not in project.terms]
    if missing:
        project.terms[missing[0]] = f"What {missing[0]} is."


def rename_element(project: Project) -> None:
    alias = project.rng.choice(sorted(project.labels))
    project.labels[alias] = f"{ALIASES[alias]} {project.rng.choice(WORDS)}"


def delete_record(project: Project) -> None:
    if len(project.records) > 5:
        del project.records[project.rng.choice(sorted(project.records))]


def add_record(project: Project) -> None:
    number = max(project.records) + 1
    project.records[number] = project.new_record(number)


def edit_site_name(project: Project) -> None:
    project.site_name = f"Serve cache {project.rng.randint(1, 10**6)}"


def edit_plain_page(project: Project) -> None:
    project.notes.append(project.sentence())


def edit_template(project: Project) -> None:
    project.probe = project.rng.choice(WORDS)


def no_change(project: Project) -> None:
    pass


EDITS = [
    edit_body,
    edit_body,
    edit_status,
    edit_title,
    add_relation,
    remove_relation,
    add_term,
    rename_element,
    delete_record,
    add_record,
    edit_site_name,
    edit_plain_page,
    edit_template,
    no_change,
]
KEEP_ALL_BUT = {edit_body: 1, edit_plain_page: 1, no_change: 0}
"""Edits after which every page but this many is given what Python-Markdown and the theme made
of it in the last build."""


# --- builds ---------------------------------------------------------------------------------


@contextmanager
def plugin_instances(store: dict[str, Any]) -> Iterator[None]:
    """Builds within take their plugins from `store` (MkDocs keeps one store for the process)."""
    from mkdocs.config.defaults import MkDocsConfig

    option = dict(MkDocsConfig._schema)["plugins"]
    saved = option.plugin_cache
    option.plugin_cache = store
    try:
        yield
    finally:
        option.plugin_cache = saved


@contextmanager
def warnings_logged() -> Iterator[list[str]]:
    """What the builds within log at WARNING and above."""
    found: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found.append(f"{record.name}: {record.getMessage()}")

    handler = Collect(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)


def site_files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@dataclass
class Builds:
    """A serve session (one plugin instance, rebuilding into one folder) and full builds."""

    root: Path
    out: Path
    """Where the sites go: outside the project, whose files the build scans for citations."""
    serving: dict[str, Any] = field(default_factory=dict)
    started: bool = False

    def serve_rebuild(self) -> Any:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        with plugin_instances(self.serving):
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.out / "serve"))
            if not self.started:
                config.plugins.on_startup(command="serve", dirty=False)
                self.started = True
            config.site_url = SERVE_URL  # as `mkdocs serve` does
            build(config, serve_url=SERVE_URL)
        return config

    def full_build(self) -> Any:
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        with plugin_instances({}):
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.out / "full"))
            config.site_url = SERVE_URL
            build(config)
        return config


@pytest.fixture
def quiet() -> Iterator[None]:
    """MkDocs' INFO lines for every build of every step would drown a failure's output."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    yield
    logger.setLevel(level)


def run_session(
    tmp_path: Path, seed: int, steps: int, nav_threshold: int, records: int = 30
) -> list[int]:
    """Random edits, a serve rebuild and a full build after each, compared; returns how many
    record pages workers rendered in each serve build."""
    rng = random.Random(seed)
    root = tmp_path / "project"
    project = project_of(root, records, rng)
    by_workers: list[int] = []
    builds = Builds(root, tmp_path)
    checked = 0
    history: list[str] = []
    for step in range(steps):
        edit = no_change if step < 2 else rng.choice(EDITS)
        edit(project)
        history.append(edit.__name__)
        project.write(nav_threshold)
        with warnings_logged() as served_warnings:
            served = builds.serve_rebuild()
        plugin = served.plugins["madr"]
        by_workers.append(plugin.build.worker_pages)
        counts, renders = plugin.cache.pages.last, plugin.cache.renders.last
        searches = plugin.cache.search.last
        wrapper = plugin.cache.pages.wrapper
        with warnings_logged() as full_warnings:
            builds.full_build()
        assert served_warnings == full_warnings, history
        assert plugin.cache.pages.off is None, history
        assert plugin.cache.renders.off is None, history
        seen = next(iter(served["hooks"].values())).seen
        assert wrapper not in seen, f"a plugin saw the wrapper as a page's template: {history}"
        serve, full = site_files(tmp_path / "serve"), site_files(tmp_path / "full")
        assert sorted(serve) == sorted(full), history
        differ = [name for name in serve if serve[name] != full[name]]
        assert not differ, f"after {history}: {differ[:5]}"
        pages = sum(1 for name in serve if name.endswith(".html") and name != "404.html")
        assert counts.uncacheable == 0, history
        assert counts.kept + counts.rendered == pages, (history, counts, pages)
        assert renders.kept + renders.rendered == pages, (history, renders, pages)
        assert searches.uncacheable == 0, history
        assert searches.kept + searches.indexed == pages, (history, searches, pages)
        if step > 0 and edit in KEEP_ALL_BUT:
            assert counts.kept >= pages - KEEP_ALL_BUT[edit], (history, counts)
            assert renders.kept >= pages - KEEP_ALL_BUT[edit], (history, renders)
            assert searches.kept >= pages - KEEP_ALL_BUT[edit], (history, searches)
            checked += 1
    assert checked >= 1
    return by_workers


@pytest.mark.usefixtures("quiet")
@pytest.mark.parametrize(
    ("seed", "nav_threshold"), [(1, 100), (2, 10)], ids=["records-in-nav", "records-not-in-nav"]
)
def test_serve_rebuilds_equal_full_builds(tmp_path: Path, seed: int, nav_threshold: int) -> None:
    run_session(tmp_path, seed, steps=10, nav_threshold=nav_threshold)


@pytest.mark.usefixtures("quiet")
def test_a_serve_s_first_build_renders_in_workers_and_keeps_their_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enough records for workers: the first serve build (one thread, so it may fork) has them
    render record pages, the render cache keeps those pages, and every rebuild after an edit
    still equals a full build."""
    # `mkdocs serve` builds first with one thread; earlier tests may have left threads here,
    # and a build forks its workers whatever runs (as every build test here does).
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    by_workers = run_session(tmp_path, seed=11, steps=6, nav_threshold=10, records=64)
    assert by_workers[0] > 0, by_workers
    # Later rebuilds parse only what changed, in the build process: no worker starts.
    assert by_workers[1:] == [0] * (len(by_workers) - 1), by_workers


@pytest.mark.slow
@pytest.mark.usefixtures("quiet")
@pytest.mark.parametrize("seed", range(3, 7))
def test_serve_rebuilds_equal_full_builds_long(tmp_path: Path, seed: int) -> None:
    run_session(tmp_path, seed, steps=30, nav_threshold=100 if seed % 2 else 10)


@pytest.mark.usefixtures("quiet")
def test_a_plain_build_keeps_no_page(tmp_path: Path) -> None:
    """`mkdocs build`, twice with the same plugin instance: every page rendered, none kept."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = project_of(tmp_path / "project", 5)
    project.write(100)
    store: dict[str, Any] = {}
    instances = []
    for _ in range(2):
        with plugin_instances(store):
            config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
            build(config)
        instances.append(config.plugins["madr"])
    assert instances[0] is instances[1]
    pages = instances[0].cache.pages
    assert pages.entries == {}
    assert (pages.last.kept, pages.last.rendered, pages.last.uncacheable) == (0, 0, 0)
    hooks = next(iter(config["hooks"].values()))
    assert hooks.seen
    assert all(seen is None or seen == "custom.html" for seen in hooks.seen)


@pytest.mark.usefixtures("quiet")
def test_dirty_serve_keeps_no_page(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` renders only changed pages anyway."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = project_of(tmp_path / "project", 1)
    project.write(100)
    with plugin_instances({}):
        for attempt in range(2):
            config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
            if attempt == 0:
                config.plugins.on_startup(command="serve", dirty=True)
            build(config, serve_url=SERVE_URL)
    pages = config.plugins["madr"].cache.pages
    assert pages.entries == {}
    assert pages.last.kept == 0


@pytest.mark.usefixtures("quiet")
def test_a_context_value_it_cannot_key_leaves_the_page_rendered(tmp_path: Path) -> None:
    """A plugin puts an object into every page's context: no key, every page rendered."""
    project = project_of(tmp_path / "project", 3)
    project.write(100)
    hooks = project.root / "hooks.py"
    hooks.write_text(
        hooks.read_text(encoding="utf-8").replace(
            '    seen.append(page.meta.get("template"))\n    return context',
            '    seen.append(page.meta.get("template"))\n'
            "    context['opaque'] = object()\n    return context",
            1,
        ),
        encoding="utf-8",
    )
    builds = Builds(project.root, tmp_path)
    for _ in range(2):
        served = builds.serve_rebuild()
    counts = served.plugins["madr"].cache.pages.last
    assert counts.kept == 0
    assert counts.uncacheable > 0
    builds.full_build()
    assert site_files(tmp_path / "serve") == site_files(tmp_path / "full")


@pytest.mark.usefixtures("quiet")
def test_mkdocs_own_search_keeps_unchanged_pages_entries(tmp_path: Path) -> None:
    """MkDocs' theme and search plugin: a rebuild after one record's edit indexes that page
    alone, and its search index equals a full build's."""
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "decisions").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n\n## Welcome\n\nHello.\n", "utf-8")
    for number in range(1, 6):
        (root / "decisions" / f"{number:04d}-use-tool-{number}.md").write_text(
            f"# Use tool {number}\n\n* Status: accepted\n\n## Context and Problem Statement\n\n"
            f"We need tool {number}.\n\n## Decision Outcome\n\nChosen option: tool {number}.\n",
            "utf-8",
        )
    (root / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme: {name: mkdocs}\nplugins: [search, {madr: {cache: false}}]\n",
        "utf-8",
    )
    builds = Builds(root, tmp_path)
    builds.serve_rebuild()
    edited = root / "decisions" / "0003-use-tool-3.md"
    edited.write_text(edited.read_text("utf-8") + "\n## More\n\nA new section.\n", "utf-8")
    served = builds.serve_rebuild()
    searches = served.plugins["madr"].cache.search.last
    assert searches.indexed == 1, searches
    assert searches.kept > 5, searches
    builds.full_build()
    index = Path("search") / "search_index.json"
    served_index = (tmp_path / "serve" / index).read_text("utf-8")
    assert served_index == (tmp_path / "full" / index).read_text("utf-8")
    assert "A new section." in served_index
