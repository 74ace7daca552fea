"""One schema of options: `mkdocs build` and `adr` accept the same settings and refuse the
same bad ones with the same words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs_madr.core.settings import OPTIONS, SettingsError, load_settings, read_options
from support import HOST, write_tree
from test_cli_helpers import adr

RECORD = "# Use JSON\n\n* Status: accepted\n* Date: 2024-01-02\n"

BAD = {
    "nav": ("sideways", "must be one of auto, index, all, not 'sideways'"),
    "number_width": (0, "must be a number from 1 to 9, not 0"),
    "statuses": (5, "must map status words to colours, or list status words"),
    "diagnostics": ({"missing-stat": "info"}, "unknown code 'missing-stat'"),
    "url_prefix": ("../..", "must be a path inside the site, without '..', not '../..'"),
    "parallel": ("yes", "must be true or false, not 'yes'"),
    "decisions_dir": ("", "must be a non-empty text, not ''"),
}


def project(root: Path, **options: object) -> None:
    config = {"site_name": "Settings", "plugins": [{"madr": options}]}
    write_tree(
        root,
        {
            "mkdocs.yml": yaml.safe_dump(config),
            "docs/index.md": "# Home\n",
            "decisions/0001-use-json.md": RECORD,
        },
    )


def build(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", HOST, "build", "--strict", "-q", "-d", str(root / "site")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_setting_gets_the_same_message_from_the_build_and_adr(
    tmp_path: Path, name: str
) -> None:
    value, message = BAD[name]
    project(tmp_path, **{name: value})
    built = build(tmp_path)
    linted = adr("lint", cwd=tmp_path)
    assert built.returncode != 0
    assert f"option '{name}': {message}" in built.stderr, built.stderr
    assert linted.code != 0
    assert f"madr.{name}: {message}" in linted.stderr, linted.stderr


def test_a_missing_templates_folder_is_refused_by_both(tmp_path: Path) -> None:
    project(tmp_path, templates_dir="overrides")
    built, linted = build(tmp_path), adr("lint", cwd=tmp_path)
    message = "madr.templates_dir: 'overrides' is not a folder"
    assert message in built.stderr, built.stderr
    assert message in linted.stderr, linted.stderr


def test_statuses_as_a_list_are_read_by_both(tmp_path: Path) -> None:
    project(tmp_path, statuses=["accepted", "proposed", "on hold"])
    built = build(tmp_path)
    assert built.returncode == 0, built.stderr
    settings = load_settings(tmp_path / "mkdocs.yml")
    assert settings.statuses == {"accepted": "#2e7d32", "proposed": "#1565c0", "on hold": ""}
    assert adr("lint", "--strict", cwd=tmp_path).code == 0


def test_checking_is_idempotent_so_values_mkdocs_checked_read_the_same() -> None:
    raw = {"statuses": ["Accepted"], "url_prefix": "/adr/", "diagnostics": {"placeholder": "info"}}
    once = read_options(raw, Path("/site/mkdocs.yml"))
    checked = {option.name: option.read(raw.get(option.name)) for option in OPTIONS}
    again = read_options(checked, Path("/site/mkdocs.yml"))
    assert once == again
    assert once.url_prefix == "adr"
    assert once.statuses == {"accepted": "#2e7d32"}


def test_every_option_has_a_default_that_passes_its_own_check() -> None:
    for option in OPTIONS:
        if option.default is not None:
            assert option.check(option.default) == option.default, option.name


def test_a_setting_error_names_the_file_and_the_option() -> None:
    with pytest.raises(SettingsError, match=r"^/x/mkdocs.yml: madr.nav_threshold: "):
        read_options({"nav_threshold": -1}, Path("/x/mkdocs.yml"))
