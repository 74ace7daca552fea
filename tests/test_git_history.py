"""History from Git: records' status changes with date, author and commit, `recorded` (the
first commit), read in one pass over real repositories made here (dates and authors set
through the environment), shown on record pages and exported; nothing without Git."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from mkdocs_madr.core.git_history import find_repository, quick_status, read_histories
from support import base_config, write_tree
from test_cli_helpers import adr

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(root: Path, *args: str, author: str = "Ana Lima", day: str = "2025-06-01") -> None:
    stamp = f"{day}T10:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": author,
        "GIT_AUTHOR_EMAIL": "someone@example.com",
        "GIT_COMMITTER_NAME": author,
        "GIT_COMMITTER_EMAIL": "someone@example.com",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, message: str, author: str, day: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, author=author, day=day)


FRONT = "---\nstatus: proposed\ndate: 2025-05-30\n---\n# Use a queue\n\nWhy.\n"
BULLETS = "# 2. Use a cache\n\n* Status: proposed\n\n## Context\n\nWhy.\n"
NYGARD = "# 3. Use a log\n\nDate: 2025-06-02\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n"


def make_repository(root: Path) -> Path:
    """A site whose records went through several commits by three people."""
    write_tree(
        root,
        {
            "docs/index.md": "# Home\n",
            "decisions/0001-use-a-queue.md": FRONT,
            "decisions/0002-use-a-cache.md": BULLETS,
        },
    )
    git(root, "init", "-q", "-b", "main")
    commit(root, "propose 1 and 2", "Ana Lima", "2025-06-01")
    decisions = root / "decisions"
    (decisions / "0001-use-a-queue.md").write_text(FRONT.replace("proposed", "accepted"))
    (decisions / "0003-use-a-log.md").write_text(NYGARD)
    commit(root, "accept 1, propose 3", "Ben Okafor", "2025-06-08")
    (decisions / "0001-use-a-queue.md").write_text(
        FRONT.replace("proposed", "accepted") + "\nMore.\n"
    )
    (decisions / "0003-use-a-log.md").write_text(NYGARD.replace("\nProposed\n", "\nAccepted\n"))
    commit(root, "edit 1, accept 3", "Chen Wu", "2025-07-01")
    git(root, "mv", "decisions/0002-use-a-cache.md", "decisions/0002-use-a-fast-cache.md")
    (decisions / "0002-use-a-fast-cache.md").write_text(
        BULLETS.replace("proposed", "rejected") + "\nRenamed.\n"
    )
    commit(root, "reject 2, renamed", "Ana Lima", "2025-08-15")
    (decisions / "0004-not-committed.md").write_text("# 4. Not yet\n\n* Status: proposed\n")
    return root


def test_history_of_each_record_in_one_pass(tmp_path: Path) -> None:
    root = make_repository(tmp_path)
    repository = find_repository(root / "decisions")
    assert repository is not None
    found = read_histories(repository, root / "decisions")
    assert sorted(found) == ["0001-use-a-queue.md", "0002-use-a-fast-cache.md", "0003-use-a-log.md"]
    first = [(c.date, c.status, c.author) for c in found["0001-use-a-queue.md"].changes()]
    assert first == [
        ("2025-06-01", "proposed", "Ana Lima"),
        ("2025-06-08", "accepted", "Ben Okafor"),
    ]
    renamed = [(c.date, c.status) for c in found["0002-use-a-fast-cache.md"].changes()]
    assert renamed == [("2025-06-01", "proposed"), ("2025-08-15", "rejected")]
    nygard = [(c.date, c.status, c.author) for c in found["0003-use-a-log.md"].changes()]
    assert nygard == [
        ("2025-06-08", "proposed", "Ben Okafor"),
        ("2025-07-01", "accepted", "Chen Wu"),
    ]


def test_adr_list_json_has_history_and_recorded(tmp_path: Path) -> None:
    root = make_repository(tmp_path)
    listed = json.loads(adr("list", "--format", "json", cwd=root).stdout)["decisions"]
    records = {r["id"]: r for r in listed}
    first = records["0001"]
    assert first["recorded"] == "2025-06-01"
    assert first["changed"] == "2025-07-01"
    assert first["date"] == "2025-05-30"  # decided, as the record says; recorded, from Git
    assert [(h["date"], h["status"], h["author"]) for h in first["history"]] == [
        ("2025-06-01", "proposed", "Ana Lima"),
        ("2025-06-08", "accepted", "Ben Okafor"),
    ]
    assert all(len(h["commit"]) == 40 for h in first["history"])
    assert set(first["history"][0]) == {"date", "status", "author", "commit"}
    assert records["0004"]["history"] == []
    assert records["0004"]["recorded"] is None
    shown = json.loads(adr("show", "3", "--format", "json", cwd=root).stdout)
    assert shown["recorded"] == "2025-06-08"
    text = adr("show", "1", cwd=root).stdout
    assert "  Recorded:      2025-06-01\n" in text
    assert (
        "History:       proposed 2025-06-01 (Ana Lima) → accepted 2025-06-08 (Ben Okafor)" in text
    )


def test_the_build_shows_the_lifecycle_and_exports_it(build_site: Any, tmp_path: Path) -> None:
    root = make_repository(tmp_path / "project")
    site = build_site({}, base_config(), root=root)
    page = site.html("decisions/0001-use-a-queue/")
    assert (
        '<span class="madr-lifecycle__step">proposed <time datetime="2025-06-01">2025-06-01</time>'
        " by Ana Lima</span> → "
        '<span class="madr-lifecycle__step">accepted <time datetime="2025-06-08">2025-06-08</time>'
        " by Ben Okafor</span>"
    ) in page
    assert "(recorded 2025-06-01, last changed 2025-07-01)" in page
    assert "madr-lifecycle" not in site.html("decisions/0004-not-committed/")
    data = {r["id"]: r for r in site.json("decisions.json")["decisions"]}
    assert data["0003"]["recorded"] == "2025-06-08"
    assert [h["status"] for h in data["0003"]["history"]] == ["proposed", "accepted"]
    assert data["0004"]["history"] == []


def test_history_off_and_outside_git_say_nothing(build_site: Any, tmp_path: Path) -> None:
    root = make_repository(tmp_path / "project")
    site = build_site({}, base_config(history=False), root=root)
    assert "madr-lifecycle" not in site.html("decisions/0001-use-a-queue/")
    assert site.json("decisions.json")["decisions"][0]["recorded"] is None
    plain = build_site({"decisions/0001-use-a-queue.md": FRONT}, root=tmp_path / "plain")
    assert "madr-lifecycle" not in plain.html("decisions/0001-use-a-queue/")


def test_a_shallow_clone_has_no_history(tmp_path: Path) -> None:
    root = make_repository(tmp_path / "origin")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{root}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert find_repository(clone / "decisions") is None  # its first commits are missing
    listed = json.loads(adr("list", "--format", "json", cwd=clone).stdout)["decisions"]
    assert all(r["recorded"] is None for r in listed)


def test_history_sits_beside_git_revision_date_localized(build_site: Any, tmp_path: Path) -> None:
    pytest.importorskip("mkdocs_git_revision_date_localized_plugin")
    root = make_repository(tmp_path / "project")
    config = base_config()
    config["plugins"] = ["search", "git-revision-date-localized", {"madr": {}}]
    site = build_site({}, config, root=root)
    page = site.html("decisions/0001-use-a-queue/")
    assert "madr-lifecycle" in page
    assert not [w for w in site.warnings() if "madr" in w and "lifecycle" in w]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("---\nstatus: accepted\n---\n# A\n", "accepted"),
        ("---\ntitle: x\nStatus: 'Proposed'\n---\n# A\n", "proposed"),
        ("# A\n\n* Status: superseded by [B](b.md)\n", "superseded"),
        ("# A\n\n- **Status:** Accepted\n", "accepted"),
        ("# A\n\nStatut : accepté\n", "accepted"),
        ("# 1. A\n\nDate: x\n\n## Status\n\n<!-- c -->\nDeprecated\n\n## Context\n", "deprecated"),
        ("# 1. A\n\n## Context\n\nNothing.\n", None),
    ],
)
def test_quick_status(text: str, status: str | None) -> None:
    assert quick_status(text) == status


def test_the_history_is_read_once_per_checked_out_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_madr.core.parse.vocabulary import DEFAULT
    from mkdocs_madr.plugin import history

    root = make_repository(tmp_path)
    reads: list[Path] = []
    real = history.read_histories

    def counted(*args: Any) -> Any:
        reads.append(args[1])
        return real(*args)

    monkeypatch.setattr(history, "read_histories", counted)
    first = history.histories(root / "decisions", DEFAULT)
    again = history.HistoryReading(root / "decisions", DEFAULT).result()
    assert again is first
    assert len(reads) == 1
    commit(root, "commit 4", "Ana Lima", "2025-09-01")
    history.histories(root / "decisions", DEFAULT)
    assert len(reads) == 2  # HEAD moved: read again
