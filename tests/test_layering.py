"""The core never imports MkDocs: only the plugin layer (`plugin`, `config`, `navigation`,
`worker_pages`, through `host`) may, so the parser, the collection, the renderers and the CLI
work without it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import mkdocs_madr

MKDOCS_LAYER = {"host", "plugin", "config", "navigation", "worker_pages"}
PACKAGE = Path(mkdocs_madr.__file__).parent


def core_modules() -> list[str]:
    found = pkgutil.walk_packages([str(PACKAGE)], prefix="mkdocs_madr.")
    names = [module.name for module in found]
    return sorted(name for name in names if name.split(".")[1] not in MKDOCS_LAYER)


BLOCK_MKDOCS = """
import importlib, sys

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith("mkdocs."):
            raise ImportError(f"the core imported {name}")
        return None

sys.meta_path.insert(0, Blocker())
for name in sys.argv[1:]:
    importlib.import_module(name)
print(len(sys.argv) - 1)
"""


def test_the_core_imports_without_mkdocs() -> None:
    modules = core_modules()
    wanted = {
        "mkdocs_madr.core.parse.record",
        "mkdocs_madr.core.collection",
        "mkdocs_madr.cli.main",
    }
    assert wanted <= set(modules)
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_MKDOCS, *modules], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(len(modules))


def test_the_blocker_catches_an_mkdocs_import() -> None:
    done = subprocess.run(
        [sys.executable, "-c", BLOCK_MKDOCS, "mkdocs_madr.plugin.plugin"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "the core imported mkdocs" in done.stderr
