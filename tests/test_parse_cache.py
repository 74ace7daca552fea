"""The cache of parsed records (`core.cache`): a cached read is exactly an uncached one, a
changed file is read again, and a damaged or foreign cache is ignored and written again."""

from __future__ import annotations

import io
import json
import os
import pickle
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from mkdocs_madr.cli.main import cli
from mkdocs_madr.core import cache as cache_module
from mkdocs_madr.core.cache import MAGIC, RecordCache, reader_key
from mkdocs_madr.core.collection import Collection
from mkdocs_madr.core.export import collection_to_dict, encode, metadata_only, write_json
from mkdocs_madr.core.model import Decision
from mkdocs_madr.core.parse.vocabulary import DEFAULT, Vocabulary
from mkdocs_madr.parallel.folder import AfterParse, read_collection
from support import BuildSite, base_config

FIXTURES = Path(__file__).parent / "fixtures"
FOLDER_CASES = sorted(path for path in (FIXTURES / "folders").iterdir() if path.is_dir())
LONG_AGO = 1_600_000_000_000_000_000
"""A modification time old enough to be trusted (2020)."""


def _record_folder(target: Path) -> Path:
    """Every golden record in one folder, each case a category of its own."""
    for case in sorted((FIXTURES / "records").iterdir()):
        if case.is_dir():
            shutil.copytree(case, target / case.name, ignore=shutil.ignore_patterns("*.json"))
    return target


def _age(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(LONG_AGO, LONG_AGO))


def _export(collection: Collection, after_parse: AfterParse | None) -> str:
    """The JSON `adr list --format json` (for `encode`) or `adr show` writes for the folder."""
    if after_parse is encode:
        out = io.StringIO()
        write_json(collection, out, own_fields=lambda decision: collection.extras[decision.file])
        return out.getvalue()
    return json.dumps(collection_to_dict(collection), sort_keys=True, default=str)


def _read(root: Path, cache_dir: Path | None, after_parse: AfterParse | None = None) -> str:
    return _export(read_collection(root, after_parse=after_parse, cache_dir=cache_dir), after_parse)


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    """Call it to make any parse fail: what is read must come from the cache."""

    def forbid() -> None:
        def parse(data: bytes, path: str, vocabulary: Vocabulary = DEFAULT) -> Decision:
            raise AssertionError(f"{path} was parsed again")

        monkeypatch.setattr(cache_module, "parse_record", parse)

    return forbid


@pytest.mark.parametrize(
    "after_parse", [None, encode, metadata_only], ids=["record", "encode", "metadata"]
)
@pytest.mark.parametrize("aged", [True, False], ids=["old-files", "fresh-files"])
def test_a_cached_read_is_an_uncached_one_over_every_golden_record(
    tmp_path: Path, after_parse: AfterParse | None, aged: bool, no_parsing: Callable[[], None]
) -> None:
    root = _record_folder(tmp_path / "decisions")
    if aged:
        _age(root)
    cache_dir = tmp_path / "cache"
    uncached = _read(root, None, after_parse)
    assert not cache_dir.exists()
    first = _read(root, cache_dir, after_parse)
    assert list(cache_dir.glob("records-*.cache"))
    no_parsing()
    second = _read(root, cache_dir, after_parse)
    assert first == uncached
    assert second == uncached


@pytest.mark.parametrize("case", FOLDER_CASES, ids=lambda path: path.name)
def test_a_cached_read_is_an_uncached_one_for_every_golden_folder(
    tmp_path: Path, case: Path, no_parsing: Callable[[], None]
) -> None:
    root = tmp_path / "decisions"
    shutil.copytree(case / "decisions", root)
    _age(root)
    uncached = _read(root, None)
    assert _read(root, tmp_path / "cache") == uncached
    no_parsing()
    assert _read(root, tmp_path / "cache") == uncached


def _two_records(root: Path) -> None:
    root.mkdir(parents=True)
    (root / "0001-first.md").write_text(
        "# Use Postgres\n\nStatus: accepted\n\n## Context\n\nWe need a database.\n",
        encoding="utf-8",
    )
    (root / "0002-second.md").write_text(
        "# Use Redis\n\nStatus: proposed\n\nRelates to ADR-1.\n", encoding="utf-8"
    )


def _statuses(root: Path, cache_dir: Path) -> dict[str, str | None]:
    collection = read_collection(root, cache_dir=cache_dir)
    return {decision.file: decision.status for decision in collection.decisions}


def test_a_changed_record_is_read_again_and_the_others_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "decisions"
    _two_records(root)
    _age(root)
    cache_dir = tmp_path / "cache"
    assert _statuses(root, cache_dir) == {"0001-first.md": "accepted", "0002-second.md": "proposed"}
    first = root / "0001-first.md"
    first.write_text(first.read_text(encoding="utf-8").replace("accepted", "rejected"))
    parsed: list[str] = []
    real = cache_module.parse_record

    def counting(data: bytes, path: str, vocabulary: Vocabulary = DEFAULT) -> Decision:
        parsed.append(path)
        return real(data, path, vocabulary)

    monkeypatch.setattr(cache_module, "parse_record", counting)
    assert _statuses(root, cache_dir) == {"0001-first.md": "rejected", "0002-second.md": "proposed"}
    assert parsed == ["0001-first.md"]


def test_an_edit_within_the_same_clock_tick_is_seen(tmp_path: Path) -> None:
    """Same size, same modification time, other content: a file read within two seconds of
    its modification is compared by content too."""
    root = tmp_path / "decisions"
    _two_records(root)
    cache_dir = tmp_path / "cache"
    first = root / "0001-first.md"
    stat = first.stat()
    assert _statuses(root, cache_dir)["0001-first.md"] == "accepted"
    text = first.read_text(encoding="utf-8").replace("accepted", "rejected")
    assert len(text) == len("x" * stat.st_size)
    first.write_text(text, encoding="utf-8")
    os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert _statuses(root, cache_dir)["0001-first.md"] == "rejected"


def test_removed_and_added_records(tmp_path: Path) -> None:
    root = tmp_path / "decisions"
    _two_records(root)
    cache_dir = tmp_path / "cache"
    _statuses(root, cache_dir)
    (root / "0002-second.md").unlink()
    (root / "0003-third.md").write_text("# Third\n\nStatus: draft\n", encoding="utf-8")
    assert _statuses(root, cache_dir) == {"0001-first.md": "accepted", "0003-third.md": "draft"}
    (cache,) = cache_dir.glob("records-*.cache")
    loaded = RecordCache.open(cache_dir, root, DEFAULT, "record")
    assert set(loaded.entries) == {"0001-first.md", "0003-third.md"}
    assert cache.is_file()


def test_another_vocabulary_is_another_cache(tmp_path: Path) -> None:
    root = tmp_path / "decisions"
    _two_records(root)
    (root / "0001-first.md").write_text("# Use Postgres\n\nStatus: abgezeichnet\n")
    cache_dir = tmp_path / "cache"
    plain = read_collection(root, cache_dir=cache_dir)
    german = Vocabulary(statuses={"abgezeichnet": "accepted"})
    own = read_collection(root, cache_dir=cache_dir, vocabulary=german)
    assert plain.decisions[0].lifecycle is None
    assert own.decisions[0].lifecycle == "accepted"
    assert reader_key(DEFAULT, "record", root) != reader_key(german, "record", root)


def _cache_file(tmp_path: Path) -> tuple[Path, Path, Path, str]:
    root = tmp_path / "decisions"
    _two_records(root)
    _age(root)
    cache_dir = tmp_path / "cache"
    expected = _read(root, None)
    assert _read(root, cache_dir) == expected
    (file,) = cache_dir.glob("records-*.cache")
    return root, cache_dir, file, expected


def _forged(root: Path, marker: Path) -> bytes:
    """A cache file with a right header whose pickle would run a command."""

    class Command:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return os.system, (f"touch {marker}",)

    payload = pickle.dumps({"0001-first.md": (1, 2, None, Command())})
    key = reader_key(DEFAULT, "record", root)
    return (
        MAGIC + key + cache_module._digest(payload) + len(payload).to_bytes(8, "little") + payload
    )


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda data: data[: len(data) // 2],
    "one byte changed": lambda data: data[:-40] + bytes([data[-40] ^ 1]) + data[-39:],
    "one letter changed": lambda data: data.replace(b"Use Postgres", b"Use Postgrez"),
    "header only": lambda data: data[: len(MAGIC) + 20],
    "empty": lambda data: b"",
    "not a cache": lambda data: b"\x80\x05garbage" * 100,
    "another format": lambda data: data.replace(MAGIC, MAGIC.replace(b"1", b"0"), 1),
    "another key": lambda data: data[: len(MAGIC)] + b"\0" * 20 + data[len(MAGIC) + 20 :],
    "a pickle of something else": lambda data: _rehead(data, pickle.dumps(["not", "entries"])),
    "entries of another shape": lambda data: _rehead(data, pickle.dumps({"0001-first.md": 3})),
}


def _rehead(data: bytes, payload: bytes) -> bytes:
    head = data[: len(MAGIC) + 20]
    return head + cache_module._digest(payload) + len(payload).to_bytes(8, "little") + payload


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_cache_is_ignored_and_written_again(tmp_path: Path, damage: str) -> None:
    root, cache_dir, file, expected = _cache_file(tmp_path)
    file.write_bytes(DAMAGE[damage](file.read_bytes()))
    assert _read(root, cache_dir) == expected
    rebuilt = RecordCache.open(cache_dir, root, DEFAULT, "record")
    assert set(rebuilt.entries) == {"0001-first.md", "0002-second.md"}


def test_a_forged_cache_runs_nothing(tmp_path: Path) -> None:
    root, cache_dir, file, expected = _cache_file(tmp_path)
    marker = tmp_path / "ran"
    file.write_bytes(_forged(root, marker))
    assert _read(root, cache_dir) == expected
    assert not marker.exists()
    assert set(RecordCache.open(cache_dir, root, DEFAULT, "record").entries) == {
        "0001-first.md",
        "0002-second.md",
    }


def test_the_cache_is_written_atomically_and_only_when_something_changed(tmp_path: Path) -> None:
    root, cache_dir, file, expected = _cache_file(tmp_path)
    assert sorted(path.name for path in cache_dir.iterdir()) == [".gitignore", file.name]
    written = file.stat().st_mtime_ns
    time.sleep(0.01)
    assert _read(root, cache_dir) == expected
    assert file.stat().st_mtime_ns == written


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions")
def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    root = tmp_path / "decisions"
    _two_records(root)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        assert _read(root, cache_dir) == _read(root, None)
    finally:
        cache_dir.chmod(0o700)


def _project(tmp_path: Path, options: str = "") -> Path:
    _two_records(tmp_path / "decisions")
    (tmp_path / "docs").mkdir()
    plugin = f"  - madr:\n      {options}\n" if options else "  - madr\n"
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\nplugins:\n{plugin}", encoding="utf-8")
    return tmp_path


def _adr(project: Path, *arguments: str) -> str:
    previous = Path.cwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(cli, list(arguments), catch_exceptions=False)
    finally:
        os.chdir(previous)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_adr_keeps_its_cache_beside_mkdocs_yml(tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = _adr(project, "list", "--format", "json")
    cache_dir = project / ".cache" / "mkdocs-madr"
    assert (cache_dir / ".gitignore").read_text().endswith("*\n")
    assert len(list(cache_dir.glob("records-*.cache"))) == 1
    assert _adr(project, "list", "--format", "json") == first
    _adr(project, "lint")
    _adr(project, "show", "1")
    assert len(list(cache_dir.glob("records-*.cache"))) == 3  # one per way of reading


@pytest.mark.parametrize("command", [["list"], ["lint"], ["show", "2"], ["graph"], ["index"]])
def test_no_cache_reads_and_writes_none(tmp_path: Path, command: list[str]) -> None:
    project = _project(tmp_path)
    with_cache = _adr(project, *command)
    shutil.rmtree(project / ".cache")
    assert _adr(project, *command, "--no-cache") == with_cache
    assert not (project / ".cache").exists()


def test_the_cache_setting_turns_it_off(tmp_path: Path) -> None:
    project = _project(tmp_path, "cache: false")
    _adr(project, "list")
    assert not (project / ".cache").exists()


def test_without_mkdocs_yml_the_users_cache_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    _two_records(tmp_path / "project" / "decisions")
    _adr(tmp_path / "project", "list")
    assert list((tmp_path / "user" / "mkdocs-madr").glob("records-*.cache"))
    assert not (tmp_path / "project" / ".cache").exists()


def _pages(site_dir: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site_dir).as_posix(): path.read_bytes()
        for path in sorted(site_dir.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def plain_builds() -> None:
    """MkDocs keeps a plugin that has `on_startup` from one configuration to the next (its serve
    rebuilds), so after a test that started `serve` every build gets that instance, which keeps
    records in memory: these builds must each start from the disk."""
    from mkdocs.config.defaults import MkDocsConfig

    dict(MkDocsConfig._schema)["plugins"].plugin_cache.clear()


@pytest.mark.parametrize("parallel", [True, False], ids=["parallel", "serial"])
@pytest.mark.usefixtures("plain_builds")
def test_a_build_from_the_cache_is_the_build_without_it(
    build_site: BuildSite, tmp_path: Path, parallel: bool, no_parsing: Callable[[], None]
) -> None:
    """Every golden record, built without a cache, then with a cold one, then with a warm
    one that parses nothing: the same site, byte for byte."""
    project = tmp_path / "project"
    _record_folder(project / "decisions")
    without = build_site({}, base_config(parallel=parallel, cache=False))
    assert not (project / ".cache").exists()
    reference = _pages(without.site_dir)
    cold = build_site({}, base_config(parallel=parallel))
    assert list((project / ".cache" / "mkdocs-madr").glob("records-*.cache"))
    assert _pages(cold.site_dir) == reference
    no_parsing()
    warm = build_site({}, base_config(parallel=parallel))
    assert _pages(warm.site_dir) == reference
    assert warm.warnings() == without.warnings()
