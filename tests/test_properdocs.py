"""The plugin under ProperDocs (MkDocs 1.x's continuation, package `properdocs`).

ProperDocs loads plugins from the `mkdocs.plugins` entry point group as well as its own. These
tests run each host in a fresh interpreter, so that what one test imports cannot decide which
host another one binds to. They are skipped where ProperDocs is not installed; `.ci/properdocs`
runs them in a virtualenv of its own.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import write_tree

pytest.importorskip("properdocs", reason="ProperDocs is not installed (see .ci/properdocs)")

# Lines the ProperDocs command line prints: `INFO    -  message` (colour codes aside).
LOG_LINE = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL) +- ")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# Neither host's banner switch: a banner from the plugin must show.
CLEAN_ENV = {
    key: value
    for key, value in os.environ.items()
    if key not in {"DISABLE_MKDOCS_2_WARNING", "MADR_HOST"}
}


def python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=CLEAN_ENV,
        timeout=300,
        check=False,
    )


def theme() -> str:
    """A theme installed for ProperDocs: its `mkdocs` theme, else Material."""
    names = python(
        "from properdocs.utils import get_theme_names; print(*get_theme_names())", Path.cwd()
    ).stdout.split()
    for name in ("mkdocs", "material"):
        if name in names:
            return name
    pytest.skip(f"no theme for ProperDocs is installed: {names}")


RECORDS: dict[str, str | bytes] = {
    "decisions/0001-use-json.md": """
        # Use JSON for messages

        * Status: superseded by [0002](0002-use-messagepack.md)
        * Date: 2025-03-04

        ## Decision Outcome

        Chosen option: "JSON", because every service speaks it.
        """,
    "decisions/0002-use-messagepack.md": """
        ---
        status: accepted
        date: 2025-04-10
        supersedes: ["0001"]
        ---
        # Use MessagePack for messages

        ## Considered Options

        * MessagePack
        * JSON

        ## Decision Outcome

        Chosen option: "MessagePack", because it is compact.
        """,
}


def tiny_site(root: Path, config_name: str = "properdocs.yml") -> Path:
    write_tree(root, {**RECORDS, "docs/index.md": "# Home\n"})
    (root / config_name).write_text(
        f"site_name: Tiny\ntheme:\n  name: {theme()}\nplugins:\n  - search\n  - madr\n",
        encoding="utf-8",
    )
    return root


LOAD = """
import json, sys
from properdocs.config import load_config
from properdocs.plugins import BasePlugin, get_plugins

entry = get_plugins()["madr"]
config = load_config("properdocs.yml")
plugin = config.plugins["madr"]
from mkdocs_madr.plugin import host
print(json.dumps({
    "group": entry.group,
    "value": entry.value,
    "host": host.HOST,
    "base": isinstance(plugin, BasePlugin),
    "mkdocs": sorted(m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.")),
}))
"""


def test_entry_point_loads_under_properdocs_without_importing_mkdocs(tmp_path: Path) -> None:
    tiny_site(tmp_path)
    done = python(LOAD, tmp_path)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["group"] == "mkdocs.plugins"
    assert found["value"] == "mkdocs_madr.plugin:MadrPlugin"
    assert found["host"] == "properdocs"
    assert found["base"] is True
    assert found["mkdocs"] == [], "the plugin imported MkDocs under ProperDocs"


BOTH = """
import json, sys
import mkdocs.config, mkdocs.plugins  # MkDocs imported first, as another tool in the process might
from properdocs.config import load_config
import properdocs.plugins

plugin = load_config("properdocs.yml").plugins["madr"]
print(json.dumps({
    "properdocs": isinstance(plugin, properdocs.plugins.BasePlugin),
    "mkdocs": isinstance(plugin, mkdocs.plugins.BasePlugin),
}))
"""


def test_with_both_hosts_installed_the_running_one_is_used(tmp_path: Path) -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        version("mkdocs")
    except PackageNotFoundError:
        pytest.skip("MkDocs is not installed beside ProperDocs")
    tiny_site(tmp_path)
    done = python(BOTH, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"properdocs": True, "mkdocs": False}


def test_a_tiny_site_builds_strict_with_the_properdocs_command(tmp_path: Path) -> None:
    root = tiny_site(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env=CLEAN_ENV,
        timeout=300,
        check=False,
    )
    output = ANSI.sub("", done.stdout + done.stderr)
    assert done.returncode == 0, output
    banner = [line for line in output.splitlines() if line.strip() and not LOG_LINE.match(line)]
    assert banner == [], output
    page = (root / "site/decisions/0002-use-messagepack/index.html").read_text(encoding="utf-8")
    assert 'class="madr-header"' in page
    assert "ProperDocs" in page  # the generator: this site was built by ProperDocs
    assert (root / "site/decisions/index.html").is_file()
    assert (root / "site/assets/madr/madr.css").is_file()
    exported = json.loads((root / "site/decisions.json").read_text(encoding="utf-8"))
    assert exported
