"""What a project tells the reader: its own words (`vocabulary`), silenced diagnostics
(`<!-- madr-ignore: … -->`), and link texts that stay unambiguous across category folders.
Each is checked through both ways in: `adr` and a real `mkdocs build`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs_madr.core.collection import load_collection
from mkdocs_madr.core.diagnostics import Code
from support import base_config
from test_cli_helpers import adr, write

TEAM_RECORD = """\
# Keep model weights on the NAS

Zustand: abgezeichnet
Verantwortlich: Mara Lindqvist, Ole Brandt
Datum: 2025-02-03

## Ausgangslage

Weights are downloaded again on every node.

## Varianten

* NAS over NFS
* Local disks

## Beschluss

Gewählte Option: "NAS over NFS", weil every node sees the same files.
"""
VOCABULARY: dict[str, Any] = {
    "sections": {"Ausgangslage": "context", "Varianten": "options", "Beschluss": "outcome"},
    "fields": {"Zustand": "status", "Verantwortlich": "deciders"},
    "statuses": {"abgezeichnet": "accepted"},
}


def _team_project(tmp_path: Path, vocabulary: dict[str, Any] | None) -> Path:
    import yaml

    plugin: dict[str, Any] = {"vocabulary": vocabulary} if vocabulary else {}
    config = base_config(**plugin)
    write(
        tmp_path,
        {
            "mkdocs.yml": yaml.safe_dump(config),
            "docs/index.md": "# Home\n",
            "decisions/0001-keep-model-weights-on-the-nas.md": TEAM_RECORD,
        },
    )
    return tmp_path


def _listed(tmp_path: Path) -> dict[str, Any]:
    result = adr("list", "--format", "json", cwd=tmp_path)
    assert result.code == 0, result.stderr
    (record,) = json.loads(result.stdout)["decisions"]
    assert isinstance(record, dict)
    return record


def test_the_vocabulary_setting_is_read_by_adr(tmp_path: Path) -> None:
    without = _listed(_team_project(tmp_path / "plain", None))
    assert (without["status"], without["lifecycle"]) == ("abgezeichnet", None)
    assert without["deciders"] == []  # `Verantwortlich` is only the team's word

    record = _listed(_team_project(tmp_path / "team", VOCABULARY))
    assert (record["status"], record["status_text"]) == ("accepted", "abgezeichnet")
    assert record["deciders"] == ["Mara Lindqvist", "Ole Brandt"]
    assert [option["title"] for option in record["options"]] == ["NAS over NFS", "Local disks"]
    assert record["chosen"] == "NAS over NFS"


def test_the_vocabulary_setting_is_read_by_the_build(tmp_path: Path, build_site: Any) -> None:
    project = _team_project(tmp_path, VOCABULARY)
    files = {
        name: (project / name).read_text(encoding="utf-8")
        for name in ("decisions/0001-keep-model-weights-on-the-nas.md", "docs/index.md")
    }
    site = build_site(files, base_config(vocabulary=VOCABULARY))
    exported = site.json("decisions.json")
    (record,) = exported["decisions"]
    assert record["status"] == "accepted"
    assert record["chosen"] == "NAS over NFS"
    page = site.html("decisions/0001-keep-model-weights-on-the-nas/")
    assert "Mara Lindqvist" in page
    assert not [warning for warning in site.warnings() if "missing-status" in warning]


def test_a_bad_vocabulary_is_refused_the_same_way(tmp_path: Path) -> None:
    project = _team_project(tmp_path, {"statuses": {"abgezeichnet": 3}})
    result = adr("list", cwd=project)
    assert result.code == 2
    assert "vocabulary" in result.stderr


ONE_SIDED = {
    "0001-one-gpu-pool.md": "# One GPU pool\n\n## Status\n\n"
    "Superseded by [ADR-2](0002-two-pools.md)\n",
    "0002-two-pools.md": "# Two pools\n\n## Status\n\nAccepted\n",
}


def test_a_record_silences_a_diagnostic_about_itself_and_others(tmp_path: Path) -> None:
    write(tmp_path / "loud", ONE_SIDED)
    codes = [d.code for d in load_collection(tmp_path / "loud").all_diagnostics()]
    assert Code.ONE_SIDED_SUPERSEDE in codes

    quiet = dict(ONE_SIDED)
    quiet["0001-one-gpu-pool.md"] = (
        "<!-- madr-ignore: one-sided-supersede -->\n" + ONE_SIDED["0001-one-gpu-pool.md"]
    )
    write(tmp_path / "quiet", quiet)
    codes = [d.code for d in load_collection(tmp_path / "quiet").all_diagnostics()]
    assert Code.ONE_SIDED_SUPERSEDE not in codes
    assert Code.UNKNOWN_DIRECTIVE not in codes


def test_an_unknown_code_in_an_ignore_comment_is_reported(tmp_path: Path) -> None:
    record = "<!-- madr-ignore: no-such-code -->\n# One GPU pool\n\n## Status\n\nAccepted\n"
    write(tmp_path, {"decisions/0001-one-gpu-pool.md": record})
    result = adr("lint", cwd=tmp_path)
    assert "decisions/0001-one-gpu-pool.md:1:" in result.stdout
    assert "no-such-code" in result.stdout


def test_supersede_across_categories_names_the_category(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "decisions/0001-record-decisions.md": "# Record decisions\n\n## Status\n\nAccepted\n",
            "decisions/platform/0001-one-cluster.md": "# One cluster\n\n## Status\n\nAccepted\n",
            "decisions/data/0001-cluster-per-team.md": "# Cluster per team\n\n## Status\n\n"
            "Proposed\n",
        },
    )
    result = adr("supersede", "platform/1", "data/1", cwd=tmp_path)
    assert result.code == 0, result.stderr
    old = (tmp_path / "decisions/platform/0001-one-cluster.md").read_text(encoding="utf-8")
    new = (tmp_path / "decisions/data/0001-cluster-per-team.md").read_text(encoding="utf-8")
    # Both categories have a record 1, and so does the root: the link texts name the category.
    assert "[data 1. Cluster per team]" in old
    assert "platform ADR-0001" in new or "platform 1." in new
    collection = load_collection(tmp_path / "decisions")
    old_record = collection.find("platform/0001")
    assert old_record is not None
    assert old_record.status == "superseded"
    assert not [d for d in collection.all_diagnostics() if d.code is Code.ONE_SIDED_SUPERSEDE]
