"""The folders are the layers, and imports go one way:

    core ← (c4, glossary, edits) ← site ← parallel ← (plugin, cli)

The core never imports site, plugin or cli; the cli never imports the plugin; only the plugin
imports MkDocs (through `plugin.host`), so the parser, the collection, the renderers and the CLI
work without it."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import mkdocs_madr
import pytest

PACKAGE = Path(mkdocs_madr.__file__).parent
ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "c4": {"core", "c4"},
    "glossary": {"core", "glossary"},
    "edits": {"core", "edits"},
    "site": {"core", "c4", "glossary", "site"},
    "parallel": {"core", "site", "parallel"},
    "cli": {"", "core", "c4", "glossary", "edits", "site", "parallel", "cli"},
    "plugin": {"core", "c4", "glossary", "edits", "site", "parallel", "plugin"},
}
"""Layer → the layers its modules may import ("" is the package itself: its version)."""
HOSTS = {"mkdocs", "properdocs", "material"}
"""The hosts and their theme: only the plugin knows them (Python-Markdown is a library)."""


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py"))


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def _imports(path: Path, text: str | None = None) -> set[str]:
    """What the module at `path` (with `text`, default its file) imports, anywhere in it:
    package modules as `mkdocs_madr.…`, outside packages by name."""
    package = path.relative_to(PACKAGE).parts[:-1]
    source = path.read_text(encoding="utf-8") if text is None else text
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            target = [*base, *(node.module.split(".") if node.module else [])]
            found.add(".".join(["mkdocs_madr", *target]))
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_every_module_sits_in_a_known_layer() -> None:
    layers = {_layer(path) for path in _modules()}
    assert layers <= {*ALLOWED, ""}
    assert {path.name for path in PACKAGE.glob("*.py")} == {"__init__.py"}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_imports_go_one_way(layer: str) -> None:
    wrong = []
    for path in _modules():
        if _layer(path) != layer:
            continue
        for name in _imports(path):
            top = name.split(".")[0]
            if top == "mkdocs_madr":
                target = name.split(".")[1] if "." in name else ""
                if target not in ALLOWED[layer]:
                    wrong.append(f"{path.relative_to(PACKAGE)} imports {name}")
            elif top in HOSTS and layer != "plugin":
                wrong.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert wrong == []


def test_the_import_check_sees_a_wrong_import() -> None:
    source = "from ..plugin.host import HOST\nfrom . import model\nimport mkdocs\n"
    imports = _imports(PACKAGE / "core" / "example.py", source)
    assert imports == {"mkdocs_madr.plugin.host", "mkdocs_madr.core", "mkdocs"}


def core_modules() -> list[str]:
    found = pkgutil.walk_packages([str(PACKAGE)], prefix="mkdocs_madr.")
    names = [module.name for module in found]
    return sorted(name for name in names if name.split(".")[1:2] != ["plugin"])


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


def test_everything_but_the_plugin_imports_without_mkdocs() -> None:
    modules = core_modules()
    wanted = {
        "mkdocs_madr.core.parse.record",
        "mkdocs_madr.core.collection",
        "mkdocs_madr.parallel.records",
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
        [sys.executable, "-c", BLOCK_MKDOCS, "mkdocs_madr.plugin"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "the core imported mkdocs" in done.stderr
